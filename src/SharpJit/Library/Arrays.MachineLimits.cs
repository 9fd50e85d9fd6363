using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

// np.finfo and np.iinfo: a type's machine limits, known at compile time. Their attributes fold to constants, so
// `x < np.finfo(np.float64).eps` costs nothing and `if np.iinfo(a.dtype).bits == 8:` prunes a branch.
public static partial class Builtins
{
    private static void RegisterMachineLimits()
    {
        Add("numpy.finfo", c =>
        {
            Arity(c, "finfo", 1, 1);
            var d = LimitsDtype(c, "finfo");
            if (d.Rank == 3) d = d.Bits == 64 ? ScalarType.Float32 : ScalarType.Float64;   // a complex type's parts
            return d.Rank == 2 ? new MachineLimitsType(d) : new MachineLimitsType(ScalarType.Float64, $"data type <class 'numpy.{d.Name}'> not inexact");
        }, LowerLimits, mayRaise: sig => ((MachineLimitsType)sig.Result).Error != null, acceptsNarrow: true);
        Add("numpy.iinfo", c =>
        {
            Arity(c, "iinfo", 1, 1);
            var d = LimitsDtype(c, "iinfo");
            return d.Rank == 1 ? new MachineLimitsType(d) : new MachineLimitsType(ScalarType.Int64, $"Invalid integer data type '{(d.Rank switch { 0 => 'b', 2 => 'f', _ => 'c' })}'.");
        }, LowerLimits, mayRaise: sig => ((MachineLimitsType)sig.Result).Error != null, acceptsNarrow: true);
        static LLVMValueRef LowerLimits(LoweringCall c)
        {
            if (((MachineLimitsType)c.ResultType).Error is { } error) c.E.RaiseIf(c.E.M.ConstBool(true), "ValueError", error, c.Span);
            return GetUndef(c.E.M.Empty);
        }

        // Attributes; a name other receivers have too (an array's dtype) keeps their entry for them.
        foreach (var name in MachineLimitsType.FloatAttributes.Concat(MachineLimitsType.IntAttributes).Distinct())
        {
            var other = Registry.GetValueOrDefault("attr." + name) as LibFunc;
            var f = Add("attr." + name, c =>
            {
                if (c.Positional[0].Type is not MachineLimitsType t) return other!.Type(c);
                return t.AttributeType(name) ?? throw c.Error($"'numpy.{(t.IsFloat ? "finfo" : "iinfo")}' object has no attribute '{name}'");
            }, c =>
            {
                if (c.ArgType(0) is not MachineLimitsType t) return other!.Lower(c);
                var type = t.AttributeType(name)!;
                return type is DTypeType ? GetUndef(c.E.M.Empty) : c.E.M.Constant(t.Attribute(name), type);
            }, mayRaise: sig => sig.Args[0] is not MachineLimitsType && other!.MayRaise(sig), acceptsNarrow: true);
            f.Receiver = t => t is MachineLimitsType || other?.Receiver?.Invoke(t) == true;
            f.Fold = sig => sig.Args[0] is MachineLimitsType t ? (t.AttributeType(name) is ScalarType or SimpleType ? t.Attribute(name) : null)
                : other?.Fold?.Invoke(sig);
        }
    }

    /// <summary>The type np.finfo / np.iinfo is asked about: a dtype, a NumPy scalar type or a number's type.</summary>
    private static ScalarType LimitsDtype(CallTypingContext c, string fn)
    {
        var a = c.Positional[0];
        return DtypeOf(a) ?? (a.Type is ScalarType s ? s : a.Type is ArrayType at ? at.Dtype
            : a.Literal is string name ? throw c.ErrorAt(a, $"data type '{name}' not understood", "pass a dtype such as np.float64 or a.dtype")
            : throw c.ErrorAt(a, $"np.{fn}() of a {TypeOps.PyName(a.Type)} is not supported", "pass a dtype such as np.float64 or a.dtype"));
    }
}
