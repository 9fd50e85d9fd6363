using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>Typing and lowering of Python's operators on numbers, tuples and strings, with Python's semantics.</summary>
public static unsafe class Arith
{
    public static string Symbol(Operator op) => op switch
    {
        Operator.Add => "+", Operator.Sub => "-", Operator.Mult => "*", Operator.MatMult => "@", Operator.Div => "/",
        Operator.Mod => "%", Operator.Pow => "** or pow()", Operator.LShift => "<<", Operator.RShift => ">>",
        Operator.BitOr => "|", Operator.BitXor => "^", Operator.BitAnd => "&", Operator.FloorDiv => "//", _ => op.ToString(),
    };

    public static string Symbol(UnaryOperator op) => op switch
    {
        UnaryOperator.Invert => "~", UnaryOperator.Not => "not", UnaryOperator.UAdd => "+", UnaryOperator.USub => "-", _ => op.ToString(),
    };

    public static string Symbol(CmpOperator op) => op switch
    {
        CmpOperator.Eq => "==", CmpOperator.NotEq => "!=", CmpOperator.Lt => "<", CmpOperator.LtE => "<=", CmpOperator.Gt => ">",
        CmpOperator.GtE => ">=", CmpOperator.Is => "is", CmpOperator.IsNot => "is not", CmpOperator.In => "in", CmpOperator.NotIn => "not in", _ => op.ToString(),
    };

    private static bool IsBitwise(Operator op) => op is Operator.BitAnd or Operator.BitOr or Operator.BitXor;

    /// <summary>The most items a tuple repeated by a constant may have (each is a value of its own in the code).</summary>
    public const int MaxRepeatedItems = 4096;

    /// <summary>t * times (a negative count gives ()), or null when the result would exceed MaxRepeatedItems.</summary>
    private static TupleType? Repeated(TupleType t, long times) =>
        times <= 0 ? new TupleType(Array.Empty<SjType>())
        : times * t.Items.Length > MaxRepeatedItems ? null
        : new TupleType(Enumerable.Range(0, (int)times).SelectMany(_ => t.Items));

    /// <summary>The type of a op b, or null if Python would raise TypeError.</summary>
    /// <param name="bLiteral">The right operand's value when it is a compile-time constant: an integer raised to a
    /// negative literal power is a float, as in CPython and Numba (<c>2 ** -1</c> is 0.5).</param>
    public static SjType? BinOpType(Operator op, SjType a, SjType b, object? bLiteral = null, object? aLiteral = null)
    {
        if (a is ScalarType sa && b is ScalarType sb)
        {
            var p = TypeOps.Promote(sa, sb);
            switch (op)
            {
                case Operator.Pow when p.Rank == 1 && bLiteral is long e && e < 0: return ScalarType.Float64;
                case Operator.Add or Operator.Sub or Operator.Mult or Operator.Pow: return p;
                case Operator.Div: return p.Rank >= 2 ? p : ScalarType.Float64;
                case Operator.FloorDiv or Operator.Mod: return p.Rank == 3 ? null : p;
                case Operator.LShift or Operator.RShift: return p.Rank <= 1 ? p : null;
                case Operator.BitAnd or Operator.BitOr or Operator.BitXor:
                    return sa.Rank == 0 && sb.Rank == 0 ? ScalarType.Bool : p.Rank == 1 ? p : null;
                default: return null;
            }
        }
        if (op == Operator.Add && a is TupleType ta && b is TupleType tb) return new TupleType(ta.Items.Concat(tb.Items));
        // A tuple repeated a number of times known while typing (data.ndim * (3,)): a tuple's length is part of its type.
        if (op == Operator.Mult && a is TupleType ra && b is ScalarType { Rank: 1 } && bLiteral is long times) return Repeated(ra, times);
        if (op == Operator.Mult && b is TupleType rb && a is ScalarType { Rank: 1 } && aLiteral is long times2) return Repeated(rb, times2);
        if (op == Operator.Add && a == SimpleType.Str && b == SimpleType.Str) return SimpleType.Str;
        if (op == Operator.Mult && (a == SimpleType.Str && b is ScalarType { Rank: <= 1 } || b == SimpleType.Str && a is ScalarType { Rank: <= 1 }))
            return SimpleType.Str;
        return null;
    }

    public static SjType? UnaryType(UnaryOperator op, SjType a)
    {
        if (a is not ScalarType s) return null;
        return op switch
        {
            UnaryOperator.USub or UnaryOperator.UAdd => TypeOps.Promote(s, s),
            UnaryOperator.Invert => s.Rank <= 1 ? TypeOps.Promote(s, s) : null,
            _ => null,
        };
    }

    /// <summary>Whether compiled code can take bool() of a value of type t (its model says).</summary>
    public static bool HasTruth(SjType t) => Codegen.TypeModel.TryOf(t)?.HasTruth == true;

    public static bool CanCompare(CmpOperator op, SjType a, SjType b)
    {
        Diagnostics.CompileDepth.EnsureStack();
        if (op is CmpOperator.Is or CmpOperator.IsNot) return true;
        if (a is ExceptionArgsType || b is ExceptionArgsType) return false;   // its items' types are known only at run time
        if (op is CmpOperator.In or CmpOperator.NotIn)
            return b is TupleType tt && tt.Items.All(it => CanCompare(CmpOperator.Eq, a, it)) || a == SimpleType.Str && b == SimpleType.Str;
        if (op is CmpOperator.Eq or CmpOperator.NotEq) return true;
        if (a is ScalarType sa && b is ScalarType sb) return sa.Rank < 3 && sb.Rank < 3;
        if (a == SimpleType.Str && b == SimpleType.Str) return true;
        if (a is TupleType ta && b is TupleType tb)
            return ta.Items.Zip(tb.Items).All(p => CanCompare(op, p.First, p.Second) && CanCompare(CmpOperator.Eq, p.First, p.Second));
        return false;
    }

    public static string CompareError(CmpOperator op, SjType a, SjType b)
    {
        if (a is ExceptionArgsType || b is ExceptionArgsType) return "comparing an exception's args is not supported in compiled code (compare str(e), or its str items by index)";
        if (op is CmpOperator.In or CmpOperator.NotIn && b == SimpleType.Str)
            return $"'in <string>' requires string as left operand, not {TypeOps.PyName(a)}";
        if (op is CmpOperator.In or CmpOperator.NotIn)
            return b is TupleType ? $"cannot compare a {TypeOps.PyName(a)} with the items of {b}" : $"argument of type '{TypeOps.PyName(b)}' is not iterable";
        return $"'{Symbol(op)}' not supported between instances of '{TypeOps.PyName(a)}' and '{TypeOps.PyName(b)}'";
    }

    // ------------------------------------------------------------ lowering

    /// <param name="callForm">True for divmod() and the ufuncs, whose integer modulo by zero names division too.</param>
    public static LLVMValueRef LowerBinOp(FunctionEmitter e, Span span, Operator op, LLVMValueRef a, SjType ta, LLVMValueRef b, SjType tb, SjType result,
        bool callForm = true)
    {
        var B = e.B; var M = e.M;
        if (op == Operator.Mult && (ta is TupleType || tb is TupleType))
        {
            var (tuple, tupleType) = ta is TupleType ttr ? (a, ttr) : (b, (TupleType)tb);
            int n = ((TupleType)result).Items.Length, k = tupleType.Items.Length;
            var repeated = Enumerable.Range(0, n).Select(i => e.ExtractValue(tuple, i % k)).ToArray();
            return e.NewRef(e.MakeStruct(M.Lower(result), repeated), result);
        }
        if (ta is TupleType tta && tb is TupleType ttb)
        {
            var items = Enumerable.Range(0, tta.Items.Length).Select(k => e.ExtractValue(a, k))
                .Concat(Enumerable.Range(0, ttb.Items.Length).Select(k => e.ExtractValue(b, k))).ToArray();
            return e.NewRef(e.MakeStruct(M.Lower(result), items), result);   // a new tuple: new references to the items
        }
        if (op == Operator.Mult && (ta == SimpleType.Str || tb == SimpleType.Str))
        {
            var (s, n) = ta == SimpleType.Str ? (a, e.Convert(b, tb, ScalarType.Int64)) : (b, e.Convert(a, ta, ScalarType.Int64));
            return e.CheckedStr(e.CallRuntime("sj_str_repeat", s, n), span);
        }
        if (ta == SimpleType.Str) return e.CallRuntime("sj_str_concat", a, b);
        // Shifts keep int operands; every other operator works in the result's kind.
        var kind = (ScalarType)result;
        bool intOperands = Math.Max(((ScalarType)ta).Rank, ((ScalarType)tb).Rank) <= 1;
        if (op is Operator.Pow && kind.Rank == 2 && intOperands)   // int ** negative literal, typed float
            return FloatOp(e, span, op, e.Convert(a, ta, ScalarType.Float64), e.Convert(b, tb, ScalarType.Float64), M.F64);
        if (op is Operator.Div && kind.Rank == 2 && intOperands)
        {
            a = e.Convert(a, ta, ScalarType.Int64); b = e.Convert(b, tb, ScalarType.Int64);
            var zero = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, b, M.ConstI64(0), "");
            if (!NumPyErrors(e)) e.CheckValue(zero, "ZeroDivisionError", "division by zero", span);
            // Exact in double when both fit in 53 bits; otherwise CPython divides the exact integers, correctly rounded.
            // (error_model="numpy": a zero divisor takes the float path, giving inf or nan as NumPy does.)
            LLVMValueRef Small(LLVMValueRef x) => BuildICmp(B, LLVMIntPredicate.LLVMIntULE, BuildAdd(B, x, M.ConstI64(1L << 53), ""), M.ConstI64(1L << 54), "");
            var (ai, bi) = (a, b);
            var floatPath = BuildAnd(B, Small(a), Small(b), "");
            if (NumPyErrors(e)) floatPath = BuildOr(B, floatPath, zero, "");
            return e.IfElse(floatPath, M.F64,
                () => BuildFDiv(B, BuildSIToFP(B, ai, M.F64, ""), BuildSIToFP(B, bi, M.F64, ""), ""),
                () => e.CallRuntime("sj_int_truediv", ai, bi));
        }
        // complex64 is computed in complex128 and rounded back.
        var compute = kind.Rank == 3 ? ScalarType.Complex128 : kind;
        a = e.Convert(a, ta, compute); b = e.Convert(b, tb, compute);
        switch (kind.Rank)
        {
            case 0: // bool & | ^ bool
                return op switch
                {
                    Operator.BitAnd => BuildAnd(B, a, b, ""), Operator.BitOr => BuildOr(B, a, b, ""), _ => BuildXor(B, a, b, ""),
                };
            case 1: return kind.IsUnsigned ? UIntOp(e, span, op, a, b, callForm) : IntOp(e, span, op, a, b, callForm);
            case 2: return FloatOp(e, span, op, a, b, M.Lower(kind));
            default:
                // NumPy's complex64 product and quotient round each step to float32 (its quotient is Smith's method with
                // a reciprocal scale; a zero divisor raises here, as every scalar division does).
                if (kind == ScalarType.Complex64 && op == Operator.Mult) return e.Convert(Builtins.NpComplex64(e, a, b, Builtins.NpComplexMul), compute, kind);
                if (kind == ScalarType.Complex64 && op == Operator.Div)
                {
                    if (!NumPyErrors(e)) e.CheckValue(ComplexIsZero(e, b), "ZeroDivisionError", "complex division by zero", span);
                    return e.Convert(Builtins.NpComplex64(e, a, b, Builtins.NpComplexDiv), compute, kind);
                }
                // A NumPy complex64 to a power is np.power's (integer exponents by repeated products, then NumPy's
                // quotient), not CPython's; a zero base keeps CPython's errors.
                if (op == Operator.Pow && (Equals(ta, ScalarType.Complex64) || Equals(tb, ScalarType.Complex64)))
                {
                    var (pa, pb) = (a, b);
                    return e.Convert(e.IfElse(ComplexIsZero(e, a), M.Complex, () => ComplexOp(e, span, op, pa, pb), () =>
                    {
                        var slot = e.Alloca(M.Complex);
                        e.CallRuntime("sj_np_cpow", e.ExtractValue(pa, 0), e.ExtractValue(pa, 1), e.ExtractValue(pb, 0), e.ExtractValue(pb, 1), slot);
                        return BuildLoad2(B, M.Complex, slot, "");
                    }), compute, kind);
                }
                return e.Convert(ComplexOp(e, span, op, a, b), compute, kind);
        }
    }

    /// <summary>uint64 operators: like int64's, with unsigned division, comparison and shifts (never negative).</summary>
    private static LLVMValueRef UIntOp(FunctionEmitter e, Span span, Operator op, LLVMValueRef a, LLVMValueRef b, bool callForm)
    {
        var B = e.B; var M = e.M;
        switch (op)
        {
            case Operator.FloorDiv or Operator.Mod:
            {
                var zero = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, b, M.ConstI64(0), "");
                var safeB = BuildSelect(B, zero, M.ConstI64(1), b, "");
                LLVMValueRef Div() => op == Operator.FloorDiv ? BuildUDiv(B, a, safeB, "") : BuildURem(B, a, safeB, "");
                if (NumPyErrors(e)) return BuildSelect(B, zero, M.ConstI64(0), Div(), "");
                e.RaiseIf(zero, "ZeroDivisionError",
                    op == Operator.Mod && !callForm ? "integer modulo by zero" : "integer division or modulo by zero", span);
                return Div();
            }
            case Operator.Pow: return e.CallRuntime("sj_ipow_u64", a, b);   // a uint64 exponent is never negative
            case Operator.LShift or Operator.RShift:
            {
                var shifted = op == Operator.LShift ? BuildShl(B, a, b, "") : BuildLShr(B, a, b, "");
                return BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntUGT, b, M.ConstI64(63), ""), M.ConstI64(0), shifted, "");
            }
        }
        return IntOp(e, span, op, a, b, callForm);
    }

    private static LLVMValueRef IntOp(FunctionEmitter e, Span span, Operator op, LLVMValueRef a, LLVMValueRef b, bool callForm)
    {
        var B = e.B; var M = e.M;
        LLVMValueRef Cmp(LLVMIntPredicate p, LLVMValueRef x, LLVMValueRef y) => BuildICmp(B, p, x, y, "");
        switch (op)
        {
            case Operator.Add: return BuildAdd(B, a, b, "");
            case Operator.Sub: return BuildSub(B, a, b, "");
            case Operator.Mult: return BuildMul(B, a, b, "");
            case Operator.BitAnd: return BuildAnd(B, a, b, "");
            case Operator.BitOr: return BuildOr(B, a, b, "");
            case Operator.BitXor: return BuildXor(B, a, b, "");
            case Operator.FloorDiv:
            case Operator.Mod:
            {
                var zero = Cmp(LLVMIntPredicate.LLVMIntEQ, b, M.ConstI64(0));
                if (NumPyErrors(e))   // NumPy: x // 0 and x % 0 are 0 (a warning in NumPy, nothing here)
                    return BuildSelect(B, zero, M.ConstI64(0), IntFloorDivMod(e, op, a, BuildSelect(B, zero, M.ConstI64(1), b, "")), "");
                e.RaiseIf(zero, "ZeroDivisionError",
                    op == Operator.Mod && !callForm ? "integer modulo by zero" : "integer division or modulo by zero", span);
                return IntFloorDivMod(e, op, a, b);
            }
            case Operator.Pow:
                e.RaiseIf(Cmp(LLVMIntPredicate.LLVMIntSLT, b, M.ConstI64(0)), "ValueError",
                    "integer to a negative power is not supported in compiled code; use a float base", span);
                return e.CallRuntime("sj_ipow", a, b);
            case Operator.LShift:
            case Operator.RShift:
            {
                // One unsigned test on the hot path: counts 0..63 shift directly; the rare rest is a negative count
                // (ValueError) or a count past 63 (0 for <<, the sign for >>).
                if (FunctionEmitter.ConstantIntOf(b) is >= 0 and <= 63)
                    return op == Operator.LShift ? BuildShl(B, a, b, "") : BuildAShr(B, a, b, "");
                var (sa, sb) = (a, b);
                return e.IfElse(e.Expect(Cmp(LLVMIntPredicate.LLVMIntUGT, b, M.ConstI64(63)), false), M.I64,
                    () =>
                    {
                        e.RaiseIf(Cmp(LLVMIntPredicate.LLVMIntSLT, sb, M.ConstI64(0)), "ValueError", "negative shift count", span);
                        return op == Operator.LShift ? M.ConstI64(0) : BuildAShr(B, sa, M.ConstI64(63), "");
                    },
                    () => op == Operator.LShift ? BuildShl(B, sa, sb, "") : BuildAShr(B, sa, sb, ""));
            }
        }
        throw e.Internal(span, $"internal: int operator {op}");
    }

    /// <summary>a // b or a % b for int64 with Python's signs; b must not be zero. INT64_MIN // -1 wraps (like Numba).</summary>
    internal static LLVMValueRef IntFloorDivMod(FunctionEmitter e, Operator op, LLVMValueRef a, LLVMValueRef b)
    {
        var B = e.B; var M = e.M;
        LLVMValueRef Cmp(LLVMIntPredicate p, LLVMValueRef x, LLVMValueRef y) => BuildICmp(B, p, x, y, "");
        // INT64_MIN // -1 overflows in hardware: divide by 1 instead and fix the sign.
        var minusOne = Cmp(LLVMIntPredicate.LLVMIntEQ, b, M.ConstI64(-1));
        var safeB = BuildSelect(B, minusOne, M.ConstI64(1), b, "");
        var q = BuildSDiv(B, a, safeB, "");
        var r = BuildSRem(B, a, safeB, "");
        var adjust = BuildAnd(B, Cmp(LLVMIntPredicate.LLVMIntNE, r, M.ConstI64(0)),
            Cmp(LLVMIntPredicate.LLVMIntSLT, BuildXor(B, r, safeB, ""), M.ConstI64(0)), "");
        if (op == Operator.FloorDiv)
        {
            var fq = BuildSelect(B, adjust, BuildSub(B, q, M.ConstI64(1), ""), q, "");
            return BuildSelect(B, minusOne, BuildSub(B, M.ConstI64(0), a, ""), fq, "");
        }
        var fr = BuildSelect(B, adjust, BuildAdd(B, r, safeB, ""), r, "");
        return BuildSelect(B, minusOne, M.ConstI64(0), fr, "");
    }

    /// <summary>a % b for floats with the sign of b, as Python; NaN when b is zero (Python raises before this).</summary>
    internal static LLVMValueRef FloatMod(FunctionEmitter e, LLVMValueRef a, LLVMValueRef b)
    {
        var B = e.B;
        var ty = TypeOf(a); var zeroF = ConstNull(ty);
        var m = BuildFRem(B, a, b, "");
        var nonzero = BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, m, zeroF, "");
        var signsDiffer = BuildXor(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOLT, b, zeroF, ""),
            BuildFCmp(B, LLVMRealPredicate.LLVMRealOLT, m, zeroF, ""), "");
        var adjusted = BuildSelect(B, signsDiffer, BuildFAdd(B, m, b, ""), m, "");
        var zero = e.Intrinsic("llvm.copysign", new[] { ty }, zeroF, b);
        return BuildSelect(B, nonzero, adjusted, zero, "");
    }

    private static void FastMath(FunctionEmitter e, LLVMValueRef v)
    {
        if (e.M.Options.FastMath && CanValueUseFastMathFlags(v) != 0) SetFastMathFlags(v, LLVMFastMathFlags.LLVMFastMathAll);
    }

    private static LLVMValueRef F(FunctionEmitter e, LLVMValueRef v) { FastMath(e, v); return v; }

    private static bool NumPyErrors(FunctionEmitter e) => e.NumPyErrorModel;

    /// <summary>Float operators in the operands' own width (float or double); floor division goes through double.</summary>
    private static LLVMValueRef FloatOp(FunctionEmitter e, Span span, Operator op, LLVMValueRef a, LLVMValueRef b, LLVMTypeRef ty)
    {
        var B = e.B; var M = e.M;
        // (no test where the expression shows the value cannot be zero: FloatFacts)
        LLVMValueRef IsZero(LLVMValueRef x) =>
            FloatFacts.NeverZero(x) ? M.ConstBool(false) : BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, x, ConstNull(ty), "");
        LLVMValueRef FloorDiv()
        {
            if (ty == M.F64) return e.CallRuntime("sj_float_floordiv", a, b);
            var q = e.CallRuntime("sj_float_floordiv", BuildFPExt(B, a, M.F64, ""), BuildFPExt(B, b, M.F64, ""));
            return BuildFPTrunc(B, q, ty, "");
        }
        switch (op)
        {
            case Operator.Add: return F(e, BuildFAdd(B, a, b, ""));
            case Operator.Sub: return F(e, BuildFSub(B, a, b, ""));
            case Operator.Mult: return F(e, BuildFMul(B, a, b, ""));
            // error_model="numpy": no ZeroDivisionError; IEEE results as NumPy gives them (x / 0.0 and x // 0.0 are
            // ±inf or nan, x % 0.0 is nan, 0.0 ** -1 is inf).
            case Operator.Div:
                if (!NumPyErrors(e)) e.CheckValue(IsZero(b), "ZeroDivisionError", "float division by zero", span);
                return F(e, BuildFDiv(B, a, b, ""));
            case Operator.FloorDiv:
                if (NumPyErrors(e)) return BuildSelect(B, IsZero(b), BuildFDiv(B, a, b, ""), FloorDiv(), "");
                e.CheckValue(IsZero(b), "ZeroDivisionError", "float floor division by zero", span);
                return FloorDiv();
            case Operator.Mod:
                if (NumPyErrors(e)) return BuildSelect(B, IsZero(b), ConstReal(ty, double.NaN), FloatMod(e, a, b), "");
                e.CheckValue(IsZero(b), "ZeroDivisionError", "float modulo", span);
                return FloatMod(e, a, b);
            case Operator.Pow:
            {
                // CPython settles an infinite exponent first: 0.0 ** -inf is inf, not an error.
                var negExp = BuildAnd(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOLT, b, ConstNull(ty), ""),
                    BuildFCmp(B, LLVMRealPredicate.LLVMRealONE, b, ConstReal(ty, double.NegativeInfinity), ""), "");
                if (!NumPyErrors(e))
                    e.CheckValue(BuildAnd(B, IsZero(a), negExp, ""), "ZeroDivisionError", "0.0 cannot be raised to a negative power", span);
                var r = e.Pow(ty, a, b);
                // Python's float: a finite base and exponent whose power overflows raise instead of giving inf.
                if (!NumPyErrors(e) && ty == M.F64)
                    e.CheckValue(BuildAnd(B, Builtins.IsInf(e, r), BuildAnd(B, Builtins.IsFinite(e, a), Builtins.IsFinite(e, b), ""), ""),
                        "OverflowError", "(34, 'Numerical result out of range')", span);
                return r;
            }
        }
        throw e.Internal(span, $"internal: float operator {op}");
    }

    private static LLVMValueRef ComplexIsZero(FunctionEmitter e, LLVMValueRef z)
    {
        var zero = ConstNull(e.M.F64);
        return BuildAnd(e.B, BuildFCmp(e.B, LLVMRealPredicate.LLVMRealOEQ, e.ExtractValue(z, 0), zero, ""),
            BuildFCmp(e.B, LLVMRealPredicate.LLVMRealOEQ, e.ExtractValue(z, 1), zero, ""), "");
    }

    private static LLVMValueRef ComplexOp(FunctionEmitter e, Span span, Operator op, LLVMValueRef a, LLVMValueRef b)
    {
        var B = e.B;
        var ar = e.ExtractValue(a, 0); var ai = e.ExtractValue(a, 1);
        var br = e.ExtractValue(b, 0); var bi = e.ExtractValue(b, 1);
        switch (op)
        {
            case Operator.Add: return e.MakeComplex(BuildFAdd(B, ar, br, ""), BuildFAdd(B, ai, bi, ""));
            case Operator.Sub: return e.MakeComplex(BuildFSub(B, ar, br, ""), BuildFSub(B, ai, bi, ""));
            case Operator.Mult:
                return e.MakeComplex(BuildFSub(B, BuildFMul(B, ar, br, ""), BuildFMul(B, ai, bi, ""), ""),
                    BuildFAdd(B, BuildFMul(B, ar, bi, ""), BuildFMul(B, ai, br, ""), ""));
            case Operator.Div:
            case Operator.Pow:
            {
                var slot = e.Alloca(e.M.Complex);
                e.CallChecked(op == Operator.Div ? "sj_cdiv" : "sj_cpow", span, ar, ai, br, bi, slot);
                return BuildLoad2(B, e.M.Complex, slot, "");
            }
        }
        throw e.Internal(span, $"internal: complex operator {op}");
    }

    public static LLVMValueRef LowerUnary(FunctionEmitter e, UnaryOperator op, LLVMValueRef a, SjType ta, SjType result)
    {
        var B = e.B;
        // NumPy's narrow integers are inverted and negated in their own width, then widened (as NumPy and Numba:
        // ~np.uint8(1) is 254, -np.int16(-32768) is -32768).
        if (op is UnaryOperator.Invert or UnaryOperator.USub && ta is ScalarType { Rank: 1, Bits: < 64 } narrow)
        {
            var width = e.M.Lower(narrow);
            var r = op == UnaryOperator.Invert ? BuildXor(B, a, ConstAllOnes(width), "") : BuildSub(B, ConstNull(width), a, "");
            return e.Convert(r, narrow, result);
        }
        a = e.Convert(a, ta, result);
        switch (op)
        {
            case UnaryOperator.UAdd: return a;
            case UnaryOperator.Invert: return BuildXor(B, a, e.M.ConstI64(-1), "");
            case UnaryOperator.USub:
                return ((ScalarType)result).Rank switch
                {
                    1 => BuildSub(B, e.M.ConstI64(0), a, ""),
                    2 => BuildFNeg(B, a, ""),
                    _ => e.MakeStruct(e.M.Lower(result), BuildFNeg(B, e.ExtractValue(a, 0), ""), BuildFNeg(B, e.ExtractValue(a, 1), "")),
                };
        }
        throw new InvalidOperationException($"unary {op}");
    }

    /// <summary><c>a is b</c> of arrays. An array is a value here, not an object: two arrays are the same when they
    /// share the runtime block, the data pointer, the shape and the strides (b is b, the out= array a ufunc returns,
    /// np.asarray(a) is a). A new view of the same geometry (a[:], a.reshape(a.shape)) is therefore the same array
    /// too, where NumPy made a new object (README, NumPy arrays).</summary>
    private static LLVMValueRef SameArray(FunctionEmitter e, ArrayType ta, LLVMValueRef a, ArrayType tb, LLVMValueRef b)
    {
        var B = e.B;
        if (ta.Dtype != tb.Dtype || ta.Ndim != tb.Ndim) return e.M.ConstBool(false);
        LLVMValueRef Eq(LLVMValueRef x, LLVMValueRef y) => BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, x, y, "");
        var same = BuildAnd(B, Eq(ArrayCode.Meminfo(e, a), ArrayCode.Meminfo(e, b)), Eq(ArrayCode.Data(e, a), ArrayCode.Data(e, b)), "");
        var (sa, sb) = (ArrayCode.Strides(e, ta, a), ArrayCode.Strides(e, tb, b));
        for (int k = 0; k < ta.Ndim; k++)
            same = BuildAnd(B, same, BuildAnd(B, Eq(ArrayCode.Dim(e, a, k), ArrayCode.Dim(e, b, k)), Eq(sa[k], sb[k]), ""), "");
        return same;
    }

    public static LLVMValueRef LowerCompare(FunctionEmitter e, CmpOperator op, LLVMValueRef a, SjType ta, LLVMValueRef b, SjType tb)
    {
        var B = e.B; var M = e.M;
        // Instances of a class without __eq__ are equal when they are the same object (object.__eq__).
        if (op is CmpOperator.Eq or CmpOperator.NotEq && (ta is InstanceType || tb is InstanceType))
            return LowerCompare(e, op == CmpOperator.Eq ? CmpOperator.Is : CmpOperator.IsNot, a, ta, b, tb);
        if (op is CmpOperator.Eq or CmpOperator.NotEq or CmpOperator.Is or CmpOperator.IsNot && (ta is OptionalType || tb is OptionalType))
        {
            // None equals (is) None only; a value compares as its value (read when present: a None one is zeroed).
            bool identity = op is CmpOperator.Is or CmpOperator.IsNot;
            LLVMValueRef Present(LLVMValueRef v, SjType t) => t is OptionalType ? e.ExtractValue(v, 0) : M.ConstBool(t != SimpleType.None);
            LLVMValueRef Value(LLVMValueRef v, SjType t) => t is OptionalType ? e.ExtractValue(v, 1) : v;
            SjType Inner(SjType t) => t is OptionalType o ? o.Inner : t;
            var pa = Present(a, ta); var pb = Present(b, tb);
            var bothNone = BuildAnd(B, BuildNot(B, pa, ""), BuildNot(B, pb, ""), "");
            var eq = bothNone;
            if (Inner(ta) != SimpleType.None && Inner(tb) != SimpleType.None)
                eq = BuildOr(B, bothNone, BuildAnd(B, BuildAnd(B, pa, pb, ""),
                    LowerCompare(e, identity ? CmpOperator.Is : CmpOperator.Eq, Value(a, ta), Inner(ta), Value(b, tb), Inner(tb)), ""), "");
            return op is CmpOperator.Eq or CmpOperator.Is ? eq : BuildNot(B, eq, "");
        }
        if (op is CmpOperator.Is or CmpOperator.IsNot or CmpOperator.Eq or CmpOperator.NotEq && (ta is CaughtClassType || tb is CaughtClassType))
        {
            // type(e) is X of a caught exception: its class is read at run time (X exactly, not a subclass).
            if (ta is not CaughtClassType) (a, ta, b, tb) = (b, tb, a, ta);
            var same = tb switch
            {
                CaughtClassType => BuildICmp(B, LLVMIntPredicate.LLVMIntNE, e.CallRuntime("sj_exc_same_class", a, b), LLVM.ConstInt(M.I32, 0), ""),
                ExceptionClassType ec => BuildICmp(B, LLVMIntPredicate.LLVMIntNE, e.CallRuntime("sj_exc_class_is", a, M.ConstString(ec.ExceptionName)), LLVM.ConstInt(M.I32, 0), ""),
                _ => M.ConstBool(false),
            };
            return op is CmpOperator.Is or CmpOperator.Eq ? same : BuildNot(B, same, "");
        }
        switch (op)
        {
            case CmpOperator.Is or CmpOperator.IsNot:
            {
                LLVMValueRef same;
                // An optional is None exactly when its flag is clear.
                if (ta is OptionalType && tb == SimpleType.None) same = BuildNot(B, e.ExtractValue(a, 0), "");
                else if (tb is OptionalType && ta == SimpleType.None) same = BuildNot(B, e.ExtractValue(b, 0), "");
                else if (ta == SimpleType.None || tb == SimpleType.None) same = M.ConstBool(ta == tb);
                else if (ta is ScalarType && tb is ScalarType) same = LowerCompare(e, CmpOperator.Eq, a, ta, b, tb);
                else if (ta is ListType && tb is ListType || ta is InstanceType && ta == tb) same = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, a, b, "");   // the same object
                else if (ta is SetType or DictType && ta == tb) same = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, e.ExtractValue(a, 0), e.ExtractValue(b, 0), "");   // their lists are theirs alone
                else if (ta is ArrayType xa && tb is ArrayType xb) same = SameArray(e, xa, a, xb, b);
                else same = M.ConstBool(ta == tb && ta is ModuleType or BuiltinType or ExceptionClassType or ClassType);
                return op == CmpOperator.Is ? same : BuildXor(B, same, M.ConstBool(true), "");
            }
            case CmpOperator.In or CmpOperator.NotIn when tb == SimpleType.Str:
            {
                var found = BuildICmp(B, LLVMIntPredicate.LLVMIntNE, e.CallRuntime("sj_str_contains", b, a), LLVM.ConstInt(M.I32, 0), "");
                return op == CmpOperator.In ? found : BuildNot(B, found, "");
            }
            case CmpOperator.In or CmpOperator.NotIn:
            {
                var tt = (TupleType)tb;
                LLVMValueRef any = M.ConstBool(false);
                for (int k = 0; k < tt.Items.Length; k++)
                    any = BuildOr(B, any, LowerCompare(e, CmpOperator.Eq, a, ta, e.ExtractValue(b, k), tt.Items[k]), "");
                return op == CmpOperator.In ? any : BuildXor(B, any, M.ConstBool(true), "");
            }
        }
        if (ta is ScalarType sa && tb is ScalarType sb)
        {
            var kind = TypeOps.Promote(sa, sb);
            int rank = kind.Rank;
            // A signed integer against a float compares exactly, as Python does (NumPy's unsigned go through double).
            if (rank == 2 && (sa.Rank <= 1 && !sa.IsUnsigned || sb.Rank <= 1 && !sb.IsUnsigned))
                return sa.Rank <= 1
                    ? IntFloatCompare(e, op, e.Convert(a, ta, ScalarType.Int64), e.Convert(b, tb, ScalarType.Float64))
                    : IntFloatCompare(e, op.Swapped(), e.Convert(b, tb, ScalarType.Int64), e.Convert(a, ta, ScalarType.Float64));
            // An integer equals a complex number exactly when the imaginary part is 0 and the real part equals it
            // exactly (2**53 + 1 != complex(2**53)), as Python compares them.
            if (rank == 3 && (sa.Rank == 1 && !sa.IsUnsigned || sb.Rank == 1 && !sb.IsUnsigned))
            {
                var (i, z) = sa.Rank == 1 ? (e.Convert(a, ta, ScalarType.Int64), e.Convert(b, tb, ScalarType.Complex128))
                    : (e.Convert(b, tb, ScalarType.Int64), e.Convert(a, ta, ScalarType.Complex128));
                var same = BuildAnd(B, IntFloatCompare(e, CmpOperator.Eq, i, e.ExtractValue(z, 0)),
                    BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, e.ExtractValue(z, 1), M.ConstF64(0), ""), "");
                return op == CmpOperator.Eq ? same : BuildNot(B, same, "");
            }
            // A uint64 against a signed integer (or a bool) compares the values exactly: a negative number is below
            // every uint64, and the others compare unsigned (NumPy goes through double, which rounds above 2**53).
            if (rank == 1 && (sa == ScalarType.UInt64) != (sb == ScalarType.UInt64) && !(sa.IsUnsigned && sb.IsUnsigned))
            {
                bool unsignedLeft = sa == ScalarType.UInt64;
                var signedValue = unsignedLeft ? e.Convert(b, tb, ScalarType.Int64) : e.Convert(a, ta, ScalarType.Int64);
                var (ua, ub) = unsignedLeft ? (a, signedValue) : (signedValue, b);
                bool negativeSideTrue = op == CmpOperator.NotEq
                    || (unsignedLeft ? op is CmpOperator.Gt or CmpOperator.GtE : op is CmpOperator.Lt or CmpOperator.LtE);
                var negative = BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, signedValue, M.ConstI64(0), "");
                return BuildSelect(B, negative, M.ConstBool(negativeSideTrue), BuildICmp(B, IntPredicate(op, true), ua, ub, ""), "");
            }
            a = e.Convert(a, ta, kind); b = e.Convert(b, tb, kind);
            if (rank == 1)
            {
                return BuildICmp(B, IntPredicate(op, kind.IsUnsigned), a, b, "");
            }
            if (rank == 2)
                return BuildFCmp(B, FloatPredicate(op), a, b, "");
            var re = BuildFCmp(B, FloatPredicate(op), e.ExtractValue(a, 0), e.ExtractValue(b, 0), "");
            var im = BuildFCmp(B, FloatPredicate(op), e.ExtractValue(a, 1), e.ExtractValue(b, 1), "");
            return op == CmpOperator.Eq ? BuildAnd(B, re, im, "") : BuildOr(B, re, im, "");
        }
        if (ta is TupleType tta && tb is TupleType ttb) return TupleCompare(e, op, a, tta, b, ttb);
        if (ta == SimpleType.Str && tb == SimpleType.Str)
        {
            if (op is CmpOperator.Eq or CmpOperator.NotEq)
            {
                var same = StrCode.Equal(e, a, b);
                return op == CmpOperator.Eq ? same : BuildNot(B, same, "");
            }
            var cmp = e.CallRuntime("sj_str_cmp", a, b);
            return BuildICmp(B, IntPredicate(op), cmp, LLVM.ConstInt(M.I32, 0), "");
        }
        // Values of unrelated types are never equal.
        bool equal = ta == tb && ta == SimpleType.None;
        return M.ConstBool(op == CmpOperator.Eq ? equal : !equal);
    }

    /// <summary>The integer comparison for a Python comparison operator (Eq, NotEq and the four orderings).</summary>
    public static LLVMIntPredicate IntPredicate(CmpOperator op, bool unsigned = false) => op switch
    {
        CmpOperator.Eq => LLVMIntPredicate.LLVMIntEQ, CmpOperator.NotEq => LLVMIntPredicate.LLVMIntNE,
        CmpOperator.Lt => unsigned ? LLVMIntPredicate.LLVMIntULT : LLVMIntPredicate.LLVMIntSLT,
        CmpOperator.LtE => unsigned ? LLVMIntPredicate.LLVMIntULE : LLVMIntPredicate.LLVMIntSLE,
        CmpOperator.Gt => unsigned ? LLVMIntPredicate.LLVMIntUGT : LLVMIntPredicate.LLVMIntSGT,
        CmpOperator.GtE => unsigned ? LLVMIntPredicate.LLVMIntUGE : LLVMIntPredicate.LLVMIntSGE,
        _ => throw new InvalidOperationException($"internal: {op} is not an integer comparison"),
    };

    /// <summary>int op float compared exactly, as Python does (not by converting the int to float).</summary>
    private static LLVMValueRef IntFloatCompare(FunctionEmitter e, CmpOperator op, LLVMValueRef i, LLVMValueRef f)
    {
        var B = e.B; var M = e.M;
        var fi = BuildSIToFP(B, i, M.F64, "");
        // A constant of at most 2**53 in magnitude converts exactly, so the float comparison is the exact one.
        if (FunctionEmitter.ConstantIntOf(i) is long c && c >= -(1L << 53) && c <= 1L << 53)
            return BuildFCmp(B, FloatPredicate(op), fi, f, "");
        var lt = BuildFCmp(B, LLVMRealPredicate.LLVMRealOLT, fi, f, "");
        var gt = BuildFCmp(B, LLVMRealPredicate.LLVMRealOGT, fi, f, "");
        var eq = BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, fi, f, "");
        // Equal as doubles: f is integral; 2**63 is above every int64, anything else converts exactly.
        var big = BuildFCmp(B, LLVMRealPredicate.LLVMRealOGE, f, M.ConstF64(9223372036854775808.0), "");
        var fl = e.Intrinsic("llvm.fptosi.sat", new[] { M.I64, M.F64 }, f);
        var exactLt = BuildSelect(B, eq, BuildOr(B, big, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, i, fl, ""), ""), lt, "");
        var exactGt = BuildSelect(B, eq, BuildAnd(B, BuildNot(B, big, ""), BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, i, fl, ""), ""), gt, "");
        var exactEq = BuildAnd(B, BuildAnd(B, eq, BuildNot(B, big, ""), ""), BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, i, fl, ""), "");
        return op switch
        {
            CmpOperator.Eq => exactEq,
            CmpOperator.NotEq => BuildNot(B, exactEq, ""),
            CmpOperator.Lt => exactLt,
            CmpOperator.Gt => exactGt,
            CmpOperator.LtE => BuildOr(B, exactLt, exactEq, ""),
            _ => BuildOr(B, exactGt, exactEq, ""),
        };
    }

    private static LLVMRealPredicate FloatPredicate(CmpOperator op) => op switch
    {
        CmpOperator.Eq => LLVMRealPredicate.LLVMRealOEQ, CmpOperator.NotEq => LLVMRealPredicate.LLVMRealUNE,
        CmpOperator.Lt => LLVMRealPredicate.LLVMRealOLT, CmpOperator.LtE => LLVMRealPredicate.LLVMRealOLE,
        CmpOperator.Gt => LLVMRealPredicate.LLVMRealOGT, _ => LLVMRealPredicate.LLVMRealOGE,
    };

    /// <summary>Lexicographic comparison, as Python: the first unequal pair decides, else the lengths.</summary>
    private static LLVMValueRef TupleCompare(FunctionEmitter e, CmpOperator op, LLVMValueRef a, TupleType ta, LLVMValueRef b, TupleType tb)
    {
        Diagnostics.CompileDepth.EnsureStack();
        var B = e.B; var M = e.M;
        int n = Math.Min(ta.Items.Length, tb.Items.Length);
        if (op is CmpOperator.Eq or CmpOperator.NotEq)
        {
            LLVMValueRef all = M.ConstBool(ta.Items.Length == tb.Items.Length);
            for (int k = 0; k < n; k++)
                all = BuildAnd(B, all, LowerCompare(e, CmpOperator.Eq, e.ExtractValue(a, k), ta.Items[k], e.ExtractValue(b, k), tb.Items[k]), "");
            return op == CmpOperator.Eq ? all : BuildXor(B, all, M.ConstBool(true), "");
        }
        // Walk from the last item back: result = (a[k] == b[k]) ? result_of_rest : (a[k] op b[k]).
        int la = ta.Items.Length, lb = tb.Items.Length;
        bool lengthResult = op switch { CmpOperator.Lt => la < lb, CmpOperator.LtE => la <= lb, CmpOperator.Gt => la > lb, _ => la >= lb };
        LLVMValueRef result = M.ConstBool(lengthResult);
        for (int k = n - 1; k >= 0; k--)
        {
            var x = e.ExtractValue(a, k); var y = e.ExtractValue(b, k);
            var eq = LowerCompare(e, CmpOperator.Eq, x, ta.Items[k], y, tb.Items[k]);
            var strict = op switch { CmpOperator.LtE => CmpOperator.Lt, CmpOperator.GtE => CmpOperator.Gt, _ => op };
            var decided = LowerCompare(e, strict, x, ta.Items[k], y, tb.Items[k]);
            result = BuildSelect(B, eq, result, decided, "");
        }
        return result;
    }
}
