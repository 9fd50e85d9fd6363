using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Library;

/// <summary>Python's operators as registry entries, named as in the operator module (<c>operator.add</c>): the IR's
/// BinOp, UnaryOp and Compare instructions resolve to these like calls, and library code lowers them the same way.</summary>
public static partial class Builtins
{
    public static string OperatorName(Operator op) => op switch
    {
        Operator.Add => "add", Operator.Sub => "sub", Operator.Mult => "mul", Operator.MatMult => "matmul", Operator.Div => "truediv",
        Operator.Mod => "mod", Operator.Pow => "pow", Operator.LShift => "lshift", Operator.RShift => "rshift",
        Operator.BitOr => "or_", Operator.BitXor => "xor", Operator.BitAnd => "and_", _ => "floordiv",
    };

    public static string OperatorName(UnaryOperator op) => op switch
    {
        UnaryOperator.Invert => "invert", UnaryOperator.UAdd => "pos", UnaryOperator.USub => "neg", _ => "not_",
    };

    public static string OperatorName(CmpOperator op) => op switch
    {
        CmpOperator.Eq => "eq", CmpOperator.NotEq => "ne", CmpOperator.Lt => "lt", CmpOperator.LtE => "le", CmpOperator.Gt => "gt",
        CmpOperator.GtE => "ge", CmpOperator.Is => "is_", CmpOperator.IsNot => "is_not", CmpOperator.In => "in_", _ => "not_in",
    };

    public static LibFunc Operation(Operator op) => Get("operator." + OperatorName(op));
    public static LibFunc Operation(UnaryOperator op) => Get("operator." + OperatorName(op));
    public static LibFunc Operation(CmpOperator op) => Get("operator." + OperatorName(op));

    /// <summary>The entry of an operator for these operands: NumPy's element-wise form when one is an array.</summary>
    public static LibFunc Operation(Operator op, IReadOnlyList<IR.Value> args) =>
        InstanceOperation(OperatorName(op), args) ?? (args.Any(a => a.Type is ArrayType) ? Get("array." + OperatorName(op))
        : args.Any(a => a.Type is SetType) && op is Operator.BitOr or Operator.BitAnd or Operator.Sub or Operator.BitXor ? Get("set." + OperatorName(op))
        : args.Any(a => a.Type is ListType) && op is Operator.Add or Operator.Mult ? Get("list." + OperatorName(op)) : Operation(op));
    public static LibFunc Operation(UnaryOperator op, IReadOnlyList<IR.Value> args) =>
        InstanceOperation(OperatorName(op), args) ?? (args.Any(a => a.Type is ArrayType) ? Get("array." + OperatorName(op)) : Operation(op));
    public static LibFunc Operation(CmpOperator op, IReadOnlyList<IR.Value> args)
    {
        if (op is not (CmpOperator.Is or CmpOperator.IsNot) && args.Any(a => a.Type is InstanceType)
            && (op is not (CmpOperator.Eq or CmpOperator.NotEq) || ComparesByMethod(op, args[0].Type, args[1].Type)))
            return Get("instance." + OperatorName(op));
        if (args.Any(a => a.Type is DTypeType) && op is CmpOperator.Eq or CmpOperator.NotEq) return Get("dtype." + OperatorName(op));
        // (x in a asks the array only when a is one: an array in a list or tuple asks the sequence)
        if (args.Any(a => a.Type is ArrayType) && (op is not (CmpOperator.In or CmpOperator.NotIn) || args[1].Type is ArrayType)
            && Registry.ContainsKey("array." + OperatorName(op))) return Get("array." + OperatorName(op));
        if (op is CmpOperator.In or CmpOperator.NotIn ? args[1].Type is DictType : op is CmpOperator.Eq or CmpOperator.NotEq && args.Any(a => a.Type is DictType))
            return Get("dict." + OperatorName(op));
        if (op is CmpOperator.In or CmpOperator.NotIn ? args[1].Type is SetType : op is not (CmpOperator.Is or CmpOperator.IsNot) && args.Any(a => a.Type is SetType))
            return Get("set." + OperatorName(op));
        bool listOperands = op is CmpOperator.In or CmpOperator.NotIn ? args[1].Type is ListType
            : op is CmpOperator.Eq or CmpOperator.NotEq ? args.Any(a => a.Type is ListType) : op is not (CmpOperator.Is or CmpOperator.IsNot) && args.All(a => a.Type is ListType);
        return listOperands ? Get("list." + OperatorName(op)) : Operation(op);
    }

    /// <summary>x op= y: an array is updated in place (NumPy's __iadd__ and friends); other values are rebound to x op y.</summary>
    public static LibFunc InPlaceOperation(Operator op, IReadOnlyList<IR.Value> args) =>
        args.Any(a => a.Type is InstanceType) ? Get("instance.i" + OperatorName(op).TrimEnd('_'))
        : args[0].Type is ArrayType ? Get("inplace." + OperatorName(op))
        : args[0].Type is ListType && op == Operator.Add ? Get("list.iadd")   // extends the list itself
        : args[0].Type is ListType && op == Operator.Mult ? Get("list.imul")
        : args[0].Type is SetType { Frozen: false } && op is Operator.BitOr or Operator.BitAnd or Operator.Sub or Operator.BitXor ? Get("set.i" + OperatorName(op).TrimEnd('_'))
        : Operation(op, args);

    private static void RegisterOperators()
    {
        foreach (var op in Enum.GetValues<Operator>())
            Add("operator." + OperatorName(op),
                c => Arith.BinOpType(op, c.Positional[0].Type, c.Positional[1].Type, c.Positional[1].Literal, c.Positional[0].Literal) ?? throw (
                    op == Operator.Mult && c.Positional.Any(a => a.Type is TupleType) && c.Positional.Any(a => a.Type is ScalarType { Rank: 1 })
                    ? c.Positional.Any(a => a.Literal is long)
                        ? c.Error($"a tuple repeated into more than {Arith.MaxRepeatedItems} items is not supported in compiled code", "make a list: [x] * n")
                        : c.Error("a tuple repeated a number of times known only at run time: compiled code needs a tuple's length while typing",
                            "repeat it by a constant (t * 3, a.ndim * (1,)), or make a list: [x] * n")
                    : c.Error($"unsupported operand type(s) for {Arith.Symbol(op)}: '{TypeOps.PyName(c.Positional[0].Type)}' and '{TypeOps.PyName(c.Positional[1].Type)}'")),
                c => Arith.LowerBinOp(c.E, c.Span, op, c.Arg(0), c.ArgType(0), c.Arg(1), c.ArgType(1), c.ResultType, callForm: false),
                acceptsNarrow: true, mayRaise: sig => BinOpMayRaise(op, sig)).Fold = sig => FoldIntArithmetic(op, sig);

        foreach (var op in new[] { UnaryOperator.Invert, UnaryOperator.UAdd, UnaryOperator.USub })
            Add("operator." + OperatorName(op),
                c => Arith.UnaryType(op, c.Positional[0].Type) ?? throw c.Error($"bad operand type for unary {Arith.Symbol(op)}: '{TypeOps.PyName(c.Positional[0].Type)}'"),
                c => Arith.LowerUnary(c.E, op, c.Arg(0), c.ArgType(0), c.ResultType),
                acceptsNarrow: true, neverRaises: true);

        foreach (var op in Enum.GetValues<CmpOperator>())
            Add("operator." + OperatorName(op),
                c => Arith.CanCompare(op, c.Positional[0].Type, c.Positional[1].Type) ? ScalarType.Bool
                    : throw c.Error(Arith.CompareError(op, c.Positional[0].Type, c.Positional[1].Type)),
                c => Arith.LowerCompare(c.E, op, c.Arg(0), c.ArgType(0), c.Arg(1), c.ArgType(1)),
                acceptsNarrow: true, neverRaises: true).Fold = sig => FoldCompare(op, sig);
        RegisterOperatorAliases();
    }

    /// <summary>The operator module's other names for these operations: operator.iadd(a, b) is a + b for the
    /// immutable values compiled code has outside arrays; inv is invert.</summary>
    private static void RegisterOperatorAliases()
    {
        foreach (var op in Enum.GetValues<Operator>())
            Registry["operator.i" + OperatorName(op).TrimEnd('_')] = Registry["operator." + OperatorName(op)];
        Registry["operator.inv"] = Registry["operator.invert"];
    }

    /// <summary>A comparison of two literal integers (or bools) is a literal: <c>len(args) == 1</c> decides a branch
    /// at compile time.</summary>
    private static bool IsStaticClass(SjType t) => t is ExceptionClassType || t is BuiltinType bt && ClassName(bt) != null;

    private static bool IsSingleton(SjType t) => t == SimpleType.None || t == SimpleType.Ellipsis;

    /// <summary>+, - and * of two literal integers is a literal (wrapping, as int64 arithmetic does): library code
    /// decides branches on <c>len(reps) == a.ndim + 1</c> at compile time.</summary>
    private static object? FoldIntArithmetic(Operator op, Signature sig) =>
        sig.Args[0] == ScalarType.Int64 && sig.Args[1] == ScalarType.Int64 && sig.Literals[0] is long a && sig.Literals[1] is long b
            ? op switch { Operator.Add => unchecked(a + b), Operator.Sub => unchecked(a - b), Operator.Mult => unchecked(a * b), _ => null }
            : null;

    private static object? FoldCompare(CmpOperator op, Signature sig)
    {
        // x is None (or ...): known from the types (None has a type of its own), so `if arg is None:` selects code at
        // compile time.
        // An Optional is None or not only at run time.
        if (op is CmpOperator.Is or CmpOperator.IsNot && (IsSingleton(sig.Args[0]) || IsSingleton(sig.Args[1]))
            && sig.Args[0] is not OptionalType && sig.Args[1] is not OptionalType)
            return (sig.Args[0] == sig.Args[1]) == (op == CmpOperator.Is);
        // type(x) is int, type(x) == float: classes known while typing are the same class exactly when their types are.
        if (op is CmpOperator.Is or CmpOperator.IsNot or CmpOperator.Eq or CmpOperator.NotEq && IsStaticClass(sig.Args[0]) && IsStaticClass(sig.Args[1]))
            return (sig.Args[0] == sig.Args[1]) == (op is CmpOperator.Is or CmpOperator.Eq);
        // Literal strings (a library function's str argument, as np.percentile's method=) compare while typing, so that
        // `if method == "lower":` selects code.
        if (op is CmpOperator.Eq or CmpOperator.NotEq && sig.Literals[0] is string x && sig.Literals[1] is string y)
            return (x == y) == (op == CmpOperator.Eq);
        if (sig.Args[0] is not ScalarType { Rank: <= 1 } || sig.Args[1] is not ScalarType { Rank: <= 1 }) return null;
        if (sig.LiteralInt(0) is not long a || sig.LiteralInt(1) is not long b) return null;
        return op switch
        {
            CmpOperator.Eq => a == b, CmpOperator.NotEq => a != b, CmpOperator.Lt => a < b, CmpOperator.LtE => a <= b,
            CmpOperator.Gt => a > b, CmpOperator.GtE => a >= b, _ => null,
        };
    }

    /// <summary>Whether a binary operator can raise for these operand types and literal values: division and modulo by
    /// a non-zero literal, shifts by a non-negative literal and integer powers with a non-negative literal exponent
    /// cannot (the lowering's checks fold away on constants).</summary>
    private static bool BinOpMayRaise(Operator op, Signature sig)
    {
        if (op == Operator.Mult && (sig.Args[0] == SimpleType.Str || sig.Args[1] == SimpleType.Str)) return true;   // MemoryError
        if (op is Operator.Add or Operator.Sub or Operator.Mult or Operator.BitAnd or Operator.BitOr or Operator.BitXor) return false;
        bool intOperands = sig.Args[0] is ScalarType { Rank: <= 1 } && sig.Args[1] is ScalarType { Rank: <= 1 };
        var divisor = sig.LiteralInt(1);
        if (op is Operator.FloorDiv or Operator.Mod && intOperands && divisor is long d && d != 0) return false;
        if (op is Operator.LShift or Operator.RShift && divisor is >= 0) return false;
        if (op == Operator.Pow && intOperands && divisor is >= 0) return false;
        if (op == Operator.Div && sig.Args[0] is ScalarType { Rank: 2 } && sig.LiteralFloat(1) is double fd && fd != 0) return false;
        return true;
    }
}
