using SharpJit.Llvm;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Codegen;

/// <summary>
/// What the emitted LLVM form of a float expression shows about its sign, so that checks it rules out are not emitted:
/// a division by <c>1.0 + k * abs(d)</c>, <c>1.0 + math.exp(-x)</c> or <c>math.sqrt(r2 + eps)</c> cannot divide by zero,
/// math.sqrt of a value never below zero and math.log of a positive one cannot fail, and math.exp of a value never
/// above zero cannot overflow (<c>math.exp(-0.5 * d * d)</c>). LLVM drops some of these checks itself, not those of
/// values it computes in a vector (blackscholes_loops' two 1/(1 + k|d|)) nor exp's. Every fact allows NaN, which is no
/// zero and raises none of these errors. Products, quotients and exp of positive values are not known positive: they
/// may underflow to zero.
/// </summary>
public static class FloatFacts
{
    [Flags]
    private enum Facts
    {
        None = 0,
        NotNegative = 1,   // never < 0 (+0.0, -0.0 and NaN allowed)
        NotPositive = 2,   // never > 0
        NotZero = 4,       // never +0.0 or -0.0
    }

    private const int MaxDepth = 8;

    /// <summary>v is never +0.0 or -0.0 (it may be NaN).</summary>
    public static bool NeverZero(LLVMValueRef v) => Of(v, 0).HasFlag(Facts.NotZero);

    /// <summary>v &gt; 0 or NaN.</summary>
    public static bool Positive(LLVMValueRef v) => Of(v, 0).HasFlag(Facts.NotNegative | Facts.NotZero);

    /// <summary>v is never below zero (or NaN).</summary>
    public static bool NonNegative(LLVMValueRef v) => Of(v, 0).HasFlag(Facts.NotNegative);

    /// <summary>v is never above zero (or NaN).</summary>
    public static bool NonPositive(LLVMValueRef v) => Of(v, 0).HasFlag(Facts.NotPositive);

    private static Facts Of(LLVMValueRef v, int depth)
    {
        if (IsAConstantFP(v).Handle != 0)
        {
            var c = ConstantValue(v);
            return (c < 0 ? Facts.None : Facts.NotNegative) | (c > 0 ? Facts.None : Facts.NotPositive) | (c == 0 ? Facts.None : Facts.NotZero);
        }
        if (IsAInstruction(v).Handle == 0 || depth == MaxDepth) return Facts.None;
        depth++;
        Facts Operand(uint i) => Of(GetOperand(v, i), depth);
        switch (GetInstructionOpcode(v))
        {
            case LLVMOpcode.LLVMFNeg: return Negated(Operand(0));
            case LLVMOpcode.LLVMFAdd: return Sum(Operand(0), Operand(1));
            case LLVMOpcode.LLVMFSub: return Sum(Operand(0), Negated(Operand(1)));
            case LLVMOpcode.LLVMFMul: return Product(v, depth);
            // (a divisor of -0.0 flips the sign, but it raises ZeroDivisionError first; under NumPy's error model
            // there are no checks to leave out)
            case LLVMOpcode.LLVMFDiv: return SignOfProduct(Operand(0), Operand(1));
            case LLVMOpcode.LLVMUIToFP: return Facts.NotNegative;
            case LLVMOpcode.LLVMFPExt: return Operand(0);
            case LLVMOpcode.LLVMFPTrunc: return Operand(0) & ~Facts.NotZero;   // a tiny double rounds to a float zero
            case LLVMOpcode.LLVMSelect: return Operand(1) & Operand(2);
            case LLVMOpcode.LLVMCall:
                switch (CalledFunctionName(v))
                {
                    case "llvm.fabs.f64" or "llvm.fabs.f32":
                        return Facts.NotNegative | (Operand(0) & Facts.NotZero);
                    case "llvm.sqrt.f64" or "llvm.sqrt.f32" or "sqrt" or "sqrtf":
                        // The square root of the least positive double is 2.2e-162: not zero.
                        return Facts.NotNegative | (Operand(0).HasFlag(Facts.NotNegative | Facts.NotZero) ? Facts.NotZero : Facts.None);
                    case "exp" or "expf" or "llvm.exp.f64" or "llvm.exp.f32":
                        return Facts.NotNegative;
                    case "cosh" or "coshf":
                        return Facts.NotNegative | Facts.NotZero;   // at least 1
                    default:
                        return Facts.None;
                }
            default:
                return Facts.None;
        }
    }

    private static Facts Negated(Facts f) =>
        (f & Facts.NotZero) | (f.HasFlag(Facts.NotNegative) ? Facts.NotPositive : Facts.None) | (f.HasFlag(Facts.NotPositive) ? Facts.NotNegative : Facts.None);

    /// <summary>Rounded to nearest, a + b is at least a where b is not negative (at most a where b is not positive):
    /// a sum of two values of one sign, one of them not zero, is not zero.</summary>
    private static Facts Sum(Facts a, Facts b)
    {
        var sign = a & b & (Facts.NotNegative | Facts.NotPositive);
        bool oneSign = sign is Facts.NotNegative or Facts.NotPositive;
        return sign | (oneSign && ((a | b) & Facts.NotZero) != 0 ? Facts.NotZero : Facts.None);
    }

    /// <summary>x * y: c * x * x (as Python parses <c>c * x * x</c>) has c's sign; x * x is not negative.</summary>
    private static Facts Product(LLVMValueRef v, int depth)
    {
        LLVMValueRef a = GetOperand(v, 0), b = GetOperand(v, 1);
        if (a.Handle == b.Handle) return Facts.NotNegative;
        foreach (var (inner, other) in new[] { (a, b), (b, a) })
            if (IsAInstruction(inner).Handle != 0 && GetInstructionOpcode(inner) == LLVMOpcode.LLVMFMul)
            {
                LLVMValueRef p = GetOperand(inner, 0), q = GetOperand(inner, 1);
                if (q.Handle == other.Handle) return SignOfProduct(Of(p, depth), Facts.NotNegative);
                if (p.Handle == other.Handle) return SignOfProduct(Of(q, depth), Facts.NotNegative);
            }
        return SignOfProduct(Of(a, depth), Of(b, depth));
    }

    /// <summary>The sign of a product or a quotient (never known non-zero: it may underflow).</summary>
    private static Facts SignOfProduct(Facts a, Facts b)
    {
        bool sameSign = (a.HasFlag(Facts.NotNegative) && b.HasFlag(Facts.NotNegative)) || (a.HasFlag(Facts.NotPositive) && b.HasFlag(Facts.NotPositive));
        bool oppositeSigns = (a.HasFlag(Facts.NotNegative) && b.HasFlag(Facts.NotPositive)) || (a.HasFlag(Facts.NotPositive) && b.HasFlag(Facts.NotNegative));
        return (sameSign ? Facts.NotNegative : Facts.None) | (oppositeSigns ? Facts.NotPositive : Facts.None);
    }

    private static unsafe double ConstantValue(LLVMValueRef c)
    {
        int losesInfo;
        return ConstRealGetDouble(c, &losesInfo);
    }
}
