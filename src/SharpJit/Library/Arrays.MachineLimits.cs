using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

// np.finfo and np.iinfo: a type's machine limits, known at compile time; and a dtype's own attributes (a.dtype.itemsize,
// .kind, .name ...). They fold to constants, so `x < np.finfo(np.float64).eps` costs nothing and
// `if a.dtype.kind == 'f':` or `if np.iinfo(a.dtype).bits == 8:` prunes a branch.
public static partial class Builtins
{
    private static void RegisterMachineLimits()
    {
        RegisterDtypeAttributes();
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

        foreach (var name in MachineLimitsType.FloatAttributes.Concat(MachineLimitsType.IntAttributes).Distinct())
            AddConstantAttribute<MachineLimitsType>(name,
                (c, t) => t.AttributeType(name) ?? throw c.Error($"'numpy.{(t.IsFloat ? "finfo" : "iinfo")}' object has no attribute '{name}'"),
                t => t.AttributeType(name) is DTypeType ? null : t.Attribute(name));
    }

    /// <summary>A dtype's attributes, NumPy 1.24's values on Linux x86-64 (native byte order, little-endian).</summary>
    private static void RegisterDtypeAttributes()
    {
        static char Kind(ScalarType d) => d.Kind switch { ScalarKind.Bool => 'b', ScalarKind.Int => 'i', ScalarKind.UInt => 'u', ScalarKind.Float => 'f', _ => 'c' };
        var attributes = new (string Name, SjType Type, Func<ScalarType, object> Value)[]
        {
            ("itemsize", ScalarType.Int64, d => (long)d.ItemSize),
            ("alignment", ScalarType.Int64, d => (long)(d.Kind == ScalarKind.Complex ? d.ItemSize / 2 : d.ItemSize)),
            ("num", ScalarType.Int64, d => (long)d.TypeNums[0]),
            ("name", SimpleType.Str, d => d.Name),
            ("kind", SimpleType.Str, d => Kind(d).ToString()),
            ("char", SimpleType.Str, d => d.TypeChars[..1]),
            ("str", SimpleType.Str, d => (d.ItemSize == 1 ? "|" : "<") + d.ProtocolCode),
            ("byteorder", SimpleType.Str, d => d.ItemSize == 1 ? "|" : "="),
            ("isnative", ScalarType.Bool, _ => true),
            ("isbuiltin", ScalarType.Int64, _ => 1L),
            ("hasobject", ScalarType.Bool, _ => false),
            ("ndim", ScalarType.Int64, _ => 0L),
            ("shape", new TupleType(Array.Empty<SjType>()), _ => Array.Empty<object?>()),
        };
        foreach (var (name, type, value) in attributes)
            AddConstantAttribute<DTypeType>(name, (_, _) => type, t => value(t.Dtype));
        // The scalar type itself: a.dtype.type(0) makes a scalar of the array's type.
        AddConstantAttribute<DTypeType>("type", (_, t) => new BuiltinType("numpy." + t.Dtype.NumPyAttributes.First()), _ => null);
    }

    /// <summary>
    /// attr.NAME for receivers of type T whose value is known at compile time (a dtype's or a type's limits): typed by
    /// <paramref name="type"/>, valued by <paramref name="value"/> (null: a value with no run-time part, such as a
    /// dtype). A name other receivers have too (an array's itemsize, iinfo's kind) keeps their entry for them.
    /// </summary>
    private static void AddConstantAttribute<T>(string name, Func<CallTypingContext, T, SjType> type, Func<T, object?> value) where T : SjType
    {
        var other = Registry.GetValueOrDefault("attr." + name) as LibFunc;
        var f = Add("attr." + name, c => c.Positional[0].Type is T t ? type(c, t) : other!.Type(c), c =>
        {
            if (c.ArgType(0) is not T t) return other!.Lower(c);
            return value(t) is { } v ? c.E.M.Constant(v, c.ResultType) : GetUndef(c.E.M.Lower(c.ResultType));
        }, mayRaise: sig => sig.Args[0] is not T && other!.MayRaise(sig), acceptsNarrow: true);
        f.Receiver = t => t is T || other?.Receiver?.Invoke(t) == true;
        f.Fold = sig => sig.Args[0] is T t ? (sig.Result is ScalarType or SimpleType ? value(t) : null) : other?.Fold?.Invoke(sig);
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
