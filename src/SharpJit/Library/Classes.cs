using SharpJit.Binding;
using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// Operators on instances of compiled classes, as CPython's operator protocol: <c>a + b</c> calls
/// <c>a.__add__(b)</c>, else <c>b.__radd__(a)</c>; <c>a += b</c> tries <c>__iadd__</c> first; <c>a &lt; b</c> calls
/// <c>a.__lt__(b)</c>, else <c>b.__gt__(a)</c>; <c>!=</c> without <c>__ne__</c> negates <c>__eq__</c>; <c>x in a</c>
/// calls <c>a.__contains__(x)</c>, <c>len(a)</c> <c>a.__len__()</c>. (A method returning NotImplemented is not
/// supported: the first method found is the one called.)
/// </summary>
public static partial class Builtins
{
    /// <summary>The dunder name of an operator: add → __add__, or_ → __or__.</summary>
    private static string Dunder(string operatorName) => "__" + operatorName.TrimEnd('_') + "__";

    private static FunctionInfo? MethodOf(SjType t, string name) =>
        t is InstanceType it && it.Class.Methods.TryGetValue(name, out var m) && !it.Class.StaticMethods.Contains(name) ? m : null;

    /// <summary>The method an operator calls on (left, right): the left operand's, else the right operand's reflected
    /// one (called with the operands swapped); null when neither defines it.</summary>
    private static (FunctionInfo Method, bool Swapped)? SpecialMethod(SjType left, SjType right, string name, string? reflected) =>
        MethodOf(left, name) is { } m ? (m, false) : reflected != null && MethodOf(right, reflected) is { } r ? (r, true) : null;

    private static string ReflectedCompare(CmpOperator op) => op switch
    {
        CmpOperator.Lt => "gt", CmpOperator.Gt => "lt", CmpOperator.LtE => "ge", CmpOperator.GtE => "le", _ => OperatorName(op),
    };

    /// <summary>Which method a comparison calls, and whether its result is negated (!= through __eq__).</summary>
    private static (FunctionInfo Method, bool Swapped, bool Negated)? CompareMethod(CmpOperator op, SjType left, SjType right)
    {
        if (op is CmpOperator.In or CmpOperator.NotIn)
            return MethodOf(right, "__contains__") is { } contains ? (contains, true, op == CmpOperator.NotIn) : null;
        if (SpecialMethod(left, right, Dunder(OperatorName(op)), Dunder(ReflectedCompare(op))) is var (m, swapped)) return (m, swapped, false);
        if (op == CmpOperator.NotEq && SpecialMethod(left, right, "__eq__", "__eq__") is var (eq, eqSwapped)) return (eq, eqSwapped, true);
        return null;
    }

    /// <summary>Whether a comparison of these operands calls a method of a compiled class.</summary>
    public static bool ComparesByMethod(CmpOperator op, SjType left, SjType right) => CompareMethod(op, left, right) != null;

    /// <summary>Types a call of a special method: its arity, then its specialisation for the operands' types.</summary>
    private static SjType RequireSpecial(CallTypingContext c, FunctionInfo method, params SjType[] operands)
    {
        if (method.Params.Count != operands.Length || method.Params.Any(p => p.Kind is ParamKind.KeywordOnly or ParamKind.VarPositional))
            throw c.Error($"{method.QualName}() must take {operands.Length} positional parameter{(operands.Length == 1 ? "" : "s")} (self{(operands.Length > 1 ? " and the other operand" : "")})");
        return c.Require(method, operands).ReturnType;
    }

    /// <summary>Types the method called on the two operands, the right one first when it is the reflected method.</summary>
    private static SjType RequireOperands(CallTypingContext c, FunctionInfo method, bool swapped) =>
        swapped ? RequireSpecial(c, method, c.Positional[1].Type, c.Positional[0].Type) : RequireSpecial(c, method, c.Positional[0].Type, c.Positional[1].Type);

    private static LLVMValueRef CallOperands(LoweringCall c, bool swapped) =>
        swapped ? c.CallCompiled(0, c.Arg(1), c.Arg(0)) : c.CallCompiled(0, c.Arg(0), c.Arg(1));

    private static void RegisterClassOperators()
    {
        RegisterClassProtocols();
        foreach (var op in Enum.GetValues<Operator>())
        {
            string name = Dunder(OperatorName(op)), reflected = "__r" + name[2..];
            CompileError Unsupported(CallTypingContext c, string symbol) => c.Error(
                $"unsupported operand type(s) for {symbol}: '{TypeOps.PyName(c.Positional[0].Type)}' and '{TypeOps.PyName(c.Positional[1].Type)}'",
                $"define {name} on the class");
            Add("instance." + OperatorName(op), c =>
            {
                var (l, r) = (c.Positional[0].Type, c.Positional[1].Type);
                var (m, swapped) = SpecialMethod(l, r, name, reflected) ?? throw Unsupported(c, Arith.Symbol(op));
                return RequireOperands(c, m, swapped);
            }, c => CallOperands(c, SpecialMethod(c.ArgType(0), c.ArgType(1), name, reflected)!.Value.Swapped), neverRaises: true);
            // a op= b: __iop__ (which updates a and returns it), else a op b.
            string inPlace = "__i" + name[2..];
            Add("instance.i" + OperatorName(op).TrimEnd('_'), c =>
            {
                var (l, r) = (c.Positional[0].Type, c.Positional[1].Type);
                if (MethodOf(l, inPlace) is { } im) return RequireSpecial(c, im, l, r);
                var (m, swapped) = SpecialMethod(l, r, name, reflected) ?? throw Unsupported(c, Arith.Symbol(op) + "=");
                return RequireOperands(c, m, swapped);
            }, c => CallOperands(c, MethodOf(c.ArgType(0), inPlace) == null && SpecialMethod(c.ArgType(0), c.ArgType(1), name, reflected)!.Value.Swapped),
            neverRaises: true);
        }
        foreach (var op in new[] { UnaryOperator.USub, UnaryOperator.UAdd, UnaryOperator.Invert })
        {
            string name = Dunder(OperatorName(op));
            Add("instance." + OperatorName(op), c => MethodOf(c.Positional[0].Type, name) is { } m ? RequireSpecial(c, m, c.Positional[0].Type)
                    : throw c.Error($"bad operand type for unary {Arith.Symbol(op)}: '{TypeOps.PyName(c.Positional[0].Type)}'", $"define {name} on the class"),
                c => c.CallCompiled(0, c.Arg(0)), neverRaises: true);
        }
        foreach (var op in Enum.GetValues<CmpOperator>().Where(o => o is not (CmpOperator.Is or CmpOperator.IsNot)))
            Add("instance." + OperatorName(op), c =>
            {
                var (l, r) = (c.Positional[0].Type, c.Positional[1].Type);
                var (m, swapped, negated) = CompareMethod(op, l, r)
                    ?? throw c.Error(op is CmpOperator.In or CmpOperator.NotIn ? $"argument of type '{TypeOps.PyName(r)}' is not iterable"
                        : Arith.CompareError(op, l, r), op is CmpOperator.In or CmpOperator.NotIn ? "define __contains__ on the class" : $"define {Dunder(OperatorName(op))} on the class");
                var result = RequireOperands(c, m, swapped);
                if (negated && TypeOps.IsKnown(result) && !Arith.HasTruth(result)) throw c.Error($"'{TypeOps.PyName(result)}' returned by {m.QualName}() has no truth value in compiled code");
                return negated || op is CmpOperator.In ? ScalarType.Bool : result;
            }, c =>
            {
                var (_, swapped, negated) = CompareMethod(op, c.ArgType(0), c.ArgType(1))!.Value;
                var result = CallOperands(c, swapped);
                if (!negated && op is not CmpOperator.In) return result;
                var returned = c.Callees[0].ReturnType;
                var truth = c.E.Truth(result, returned);
                if (Codegen.TypeModel.Of(returned).HasReferences) Codegen.TypeModel.Of(returned).DecRef(c.E, result);
                return negated ? BuildNot(c.E.B, truth, "") : truth;
            }, neverRaises: true);
    }

    /// <summary>Subscripts, calls, truth and iteration of instances: __getitem__, __setitem__, __bool__ (else __len__)
    /// and __iter__.</summary>
    private static void RegisterClassProtocols()
    {
        // Properties: reading obj.NAME calls the getter, assigning it the setter (the attribute's name is the site's).
        Add("instance.property", c => RequireSpecial(c, ((InstanceType)c.Positional[0].Type).Class.Methods[((Instr)c.Site).Name], c.Positional[0].Type),
            c => c.CallCompiled(0, c.Arg(0)), neverRaises: true);
        Add("instance.setproperty", c =>
            {
                RequireSpecial(c, ((InstanceType)c.Positional[0].Type).Class.Setters[((Instr)c.Site).Name], c.Positional[0].Type, c.Positional[1].Type);
                return SimpleType.None;
            },
            c => { c.CallCompiled(0, c.Arg(0), c.Arg(1)); return GetUndef(c.E.M.Empty); }, neverRaises: true);
        Add("instance.getitem", c => Special(c, "__getitem__", $"'{TypeOps.PyName(c.Positional[0].Type)}' object is not subscriptable"),
            c => c.CallCompiled(0, c.Args.Select(a => a.Value).ToArray()), neverRaises: true);
        Add("instance.setitem", c => Special(c, "__setitem__", $"'{TypeOps.PyName(c.Positional[0].Type)}' object does not support item assignment"),
            c => c.CallCompiled(0, c.Args.Select(a => a.Value).ToArray()), neverRaises: true);
        Add("instance.iter", c => Special(c, "__iter__", $"'{TypeOps.PyName(c.Positional[0].Type)}' object is not iterable") is var t && TypeOps.IsKnown(t) && t is not GeneratorType
                ? throw c.Error($"{TypeOps.PyName(c.Positional[0].Type)}.__iter__ returns {TypeOps.WithArticle(t)}; compiled code iterates over instances whose __iter__ is a generator", "write __iter__ with yield (or yield from)")
                : t,
            c => c.CallCompiled(0, c.Arg(0)), neverRaises: true);
        Add("instance.truth", c =>
        {
            var t = c.Positional[0].Type;
            var m = MethodOf(t, "__bool__") ?? MethodOf(t, "__len__")!;
            var r = RequireSpecial(c, m, t);
            if (TypeOps.IsKnown(r) && r is not ScalarType { Rank: <= 1 })
                throw c.Error($"{m.QualName}() should return {(m.Name == "__bool__" ? "bool" : "an int")}, returned {TypeOps.PyName(r)}");
            return ScalarType.Bool;
        }, c =>
        {
            var r = c.CallCompiled(0, c.Arg(0));
            return c.E.Truth(r, c.Callees[0].ReturnType);
        }, neverRaises: true);
    }

    /// <summary>Whether truth of the type calls a method (__bool__ or __len__).</summary>
    public static bool TruthByMethod(SjType t) => MethodOf(t, "__bool__") != null || MethodOf(t, "__len__") != null;

    /// <summary>The registry entry that takes bool() of a value of type t when that runs code (a class's __bool__ or
    /// __len__, an array's truth), or null when its model computes it.</summary>
    public static LibFunc? TruthEntry(SjType t) => TruthByMethod(t) ? Get("instance.truth") : t is ArrayType ? Get("array.truth") : null;

    /// <summary>Types a call of the receiver's special method with the other operands as they are.</summary>
    private static SjType Special(CallTypingContext c, string name, string missing)
    {
        var t = c.Positional[0].Type;
        var m = MethodOf(t, name) ?? throw c.Error(missing, $"define {name} on the class");
        return RequireSpecial(c, m, c.Types);
    }

    /// <summary>The operator entry for these operands when one is an instance of a compiled class (null otherwise, and
    /// for == and != between instances without __eq__, which compare identity).</summary>
    public static LibFunc? InstanceOperation(string operatorName, IReadOnlyList<IR.Value> args) =>
        args.Any(a => a.Type is InstanceType) && Registry.TryGetValue("instance." + operatorName, out var f) ? (LibFunc)f : null;
}
