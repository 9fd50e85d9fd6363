using SharpJit.IR;
using SharpJit.Syntax;

namespace SharpJit.Typing;

/// <summary>
/// Finds the specialisations that can never raise, so they can use a plain return value instead of the
/// {value, failed} convention (no status checks at their call sites). Conservative: anything not known to be
/// safe may raise; a function may raise if it calls one that may.
/// </summary>
public static class RaiseAnalysis
{
    /// <summary>Library calls that cannot fail for any argument types they accept.</summary>
    private static readonly HashSet<string> SafeLibrary = new()
    {
        "print", "min", "max", "sum", "len", "bool", "float", "complex", "isinstance", "str", "repr", "tuple",
        "math.isnan", "math.isinf", "math.isfinite", "math.copysign", "math.degrees", "math.radians", "math.fabs",
        "math.atan", "math.atan2", "math.erf", "math.erfc", "math.tanh", "math.asinh", "math.cbrt",
        "math.nextafter", "math.frexp", "math.modf", "math.prod", "cmath.phase", "cmath.isnan", "cmath.isinf",
        "cmath.isfinite", "method.is_integer", "method.conjugate.complex", "method.conjugate.float",
        "method.conjugate.int", "method.conjugate.bool",
    };

    /// <summary>CPython's default recursion limit: the module frame plus 999 nested calls. A call past it raises
    /// RecursionError by long-jumping to where the cycle was entered.</summary>
    public const int RecursionLimit = 999;

    public static void Run(IEnumerable<Specialization> specs)
    {
        var all = specs.ToList();
        foreach (var s in all) s.Recursive = InCycle(s);
        // A call into a recursion cycle from outside it may come back with RecursionError.
        foreach (var s in all) s.CanRaise = all.Count > 0 && (LocallyMayRaise(s) || Calls(s).Any(t => t.Recursive && !s.Recursive));
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var s in all)
            {
                if (s.CanRaise) continue;
                if (Calls(s).Any(t => t.CanRaise)) { s.CanRaise = true; changed = true; }
            }
        }
    }

    /// <summary>True when s can reach itself through calls.</summary>
    private static bool InCycle(Specialization s)
    {
        var seen = new HashSet<Specialization>();
        var stack = new Stack<Specialization>(Calls(s));
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (t == s) return true;
            if (seen.Add(t)) foreach (var u in Calls(t)) stack.Push(u);
        }
        return false;
    }

    private static IEnumerable<Specialization> Calls(Specialization s) =>
        s.Ir.Blocks.SelectMany(b => b.Instrs).Select(i => i.Resolved).OfType<ResolvedUserCall>().Select(c => c.Target);

    private static bool LocallyMayRaise(Specialization s)
    {
        foreach (var b in s.Ir.Blocks)
        {
            if (b.Term.Kind == TermKind.Raise) return true;
            foreach (var i in b.Instrs)
                if (InstrMayRaise(i)) return true;
        }
        return false;
    }

    private static bool InstrMayRaise(Instr i)
    {
        switch (i.Op)
        {
            case Op.BinOp:
            {
                var op = (Operator)i.Data!;
                if (op is Operator.Add or Operator.Sub or Operator.Mult or Operator.BitAnd or Operator.BitOr or Operator.BitXor) return false;
                var divisor = i.Args[1];
                bool intOperands = i.Args[0].Type is ScalarType { Rank: <= 1 } && divisor.Type is ScalarType { Rank: <= 1 };
                if (op is Operator.FloorDiv or Operator.Mod && intOperands && TypeInference.ConstantInt(divisor) is long d && d != 0) return false;
                if (op is Operator.LShift or Operator.RShift && TypeInference.ConstantInt(divisor) is long sh && sh >= 0) return false;
                if (op == Operator.Pow && intOperands && TypeInference.ConstantInt(divisor) is long p && p >= 0) return false;
                if (op == Operator.Div && i.Args[0].Type is ScalarType { Rank: 2 } && ConstantFloat(divisor) is double fd && fd != 0) return false;
                return true;
            }
            case Op.GetItem: return i.Resolved is not int;
            case Op.FormatValue: return ((FormatShape)i.Data!).HasSpec;
            case Op.Call:
                return i.Resolved switch
                {
                    ResolvedUserCall => false, // decided by the callee
                    ResolvedException => false,
                    ResolvedLibraryCall lc => !lc.Function.NeverRaises && !SafeLibrary.Contains(lc.Function.Name) && !SafeRange(lc.Function.Name, i)
                        && !(lc.Function.Name == "abs" && i.Args[0].Type is ScalarType { Rank: <= 2 }), // abs(complex) can overflow
                    _ => true,
                };
            default: return false;
        }
    }

    private static bool SafeRange(string name, Instr call) => name == "range" && call.Args.Length <= 3;

    private static double? ConstantFloat(Value v) => v switch
    {
        Instr { Op: Op.Const, Data: double d } => d,
        Instr { Op: Op.Const, Data: long l } => l,
        Instr { Op: Op.Global, Resolved: double d } => d,
        _ => null,
    };
}
