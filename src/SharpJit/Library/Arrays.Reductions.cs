using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// Reductions of whole arrays (a.sum(), np.max(a), ...), as methods and as numpy functions, and along one axis
/// (axis=k). float64 and float32 sums and means of a line in memory (a contiguous array, a 1-d view, the innermost
/// axis) are NumPy's pairwise sums, bit for bit (NumPyMath.Sum), and so are their var/std; along another axis NumPy
/// adds in order, and so does this; complex sums and means of a line too (NumPy's complex pairwise sum); sums over n-d
/// strided views and complex var/std may be reassociated and agree to rounding.
/// </summary>
public static unsafe partial class Builtins
{
    /// <summary>NanMin/NanMax: np.fmin/np.fmax folded, NaN skipped (NaN only when every element is one).</summary>
    private enum ReductionKind { Sum, Prod, Min, Max, Mean, Var, Std, ArgMin, ArgMax, Any, All, NanMin, NanMax }

    private static readonly (string Name, ReductionKind Kind, string NumPyName)[] Reductions =
    {
        ("sum", ReductionKind.Sum, "add"), ("prod", ReductionKind.Prod, "multiply"), ("min", ReductionKind.Min, "minimum"),
        ("max", ReductionKind.Max, "maximum"), ("mean", ReductionKind.Mean, "mean"), ("var", ReductionKind.Var, "var"),
        ("std", ReductionKind.Std, "std"), ("argmin", ReductionKind.ArgMin, "argmin"), ("argmax", ReductionKind.ArgMax, "argmax"),
        ("any", ReductionKind.Any, "any"), ("all", ReductionKind.All, "all"),
    };

    private static void RegisterReductions()
    {
        foreach (var (name, kind, npName) in Reductions)
        {
            SjType Type(CallTypingContext c, ArrayType t)
            {
                if (kind is ReductionKind.Var or ReductionKind.Std)
                {
                    Arity(c, name, 1, 2, "axis", "keepdims", "ddof", "dtype", "initial", "where");
                    if (c.Keywords.TryGetValue("ddof", out var ddof) && ddof.Type is not ScalarType { Rank: < 3 })
                        throw c.ErrorAt(ddof, $"{name}(): ddof must be a real number in compiled code");
                }
                else Arity(c, name, 1, 2, "axis", "keepdims", "dtype", "initial", "where");
                if (MaskedOrSeeded(c.Keywords)) return MaskedReductionType(c, kind, name, t);
                var cast = ReductionDtype(c, kind, name, t.Dtype);
                return Narrowed(Reduced(c, cast is { } n ? CastType(t, n) : t), cast);
            }
            SjType Reduced(CallTypingContext c, ArrayType t)
            {
                var axisArg = c.Positional.Length == 2 ? c.Positional[1] : c.Keywords.GetValueOrDefault("axis");
                var scalar = ReductionType(c, kind, t.Dtype, name);
                bool keep = KeepDims(c) && t.Ndim > 0;   // a 0-d array's reduction is a number, keepdims or not (NumPy)
                if (axisArg == null || axisArg.Type == SimpleType.None) return keep ? new ArrayType((ScalarType)scalar, t.Ndim) : scalar;
                if (Signature.AsInt(axisArg.Literal) is not long axis)
                    throw c.ErrorAt(axisArg, $"{name}(): the axis must be a constant integer in compiled code");
                if (axis < -t.Ndim || axis >= t.Ndim) throw c.ErrorAt(axisArg, $"axis {axis} is out of bounds for array of dimension {t.Ndim}");
                if (keep) return new ArrayType((ScalarType)scalar, t.Ndim, t.Ndim == 1 ? ArrayLayout.C : ArrayLayout.A);
                return t.Ndim == 1 ? scalar : new ArrayType((ScalarType)scalar, t.Ndim - 1, ReducedOrder(kind, t));
            }
            LLVMValueRef LowerCast(LoweringCall c, ArrayType t) =>
                MaskedOrSeeded(c.Keywords) ? LowerMaskedReduction(c, kind, t) : WithDtypeCast(c, t, Lower);
            LLVMValueRef Lower(LoweringCall c, ArrayType t, LLVMValueRef a)
            {
                var e = c.E;
                var axisArg = c.Args.Length == 2 ? c.Args[1] : c.Keywords.GetValueOrDefault("axis");
                bool keep = c.Keywords.TryGetValue("keepdims", out var kd) && kd.Literal is true && t.Ndim > 0;
                var dtype = (ScalarType)(c.ResultType is ArrayType r ? r.Dtype : c.ResultType);
                // var/std divide by max(n - ddof, 0); without ddof, by n.
                var ddof = c.Keywords.TryGetValue("ddof", out var dd) ? e.Convert(dd.Value, dd.Type, dtype) : (LLVMValueRef?)null;
                if (axisArg == null || axisArg.Type == SimpleType.None || t.Ndim == 1)
                {
                    var v = ReduceAll(e, kind, t, a, dtype, npName, c.Span, ddof);
                    if (!keep) return v;
                    // keepdims: the value in an array of shape (1, 1, ...).
                    var one = ArrayCode.Allocate(e, (ArrayType)c.ResultType, Enumerable.Repeat(e.M.ConstI64(1), t.Ndim).ToArray(), c.Span);
                    ArrayCode.Store(e, dtype, ArrayCode.Data(e, one), v);
                    return one;
                }
                long axis = Signature.AsInt(axisArg.Literal)!.Value;
                int ax = (int)(axis < 0 ? axis + t.Ndim : axis);
                var rt = new ArrayType(dtype, t.Ndim - 1, ReducedOrder(kind, t));
                var reduced = ReduceAxis(e, kind, t, a, ax, rt, npName, c.Span, ddof);
                if (!keep) return reduced;
                // keepdims: a view of the result with the reduced axis kept as length 1 (stride 0).
                var shape = ArrayCode.Shape(e, rt, reduced).ToList(); var strides = ArrayCode.Strides(e, rt, reduced).ToList();
                shape.Insert(ax, e.M.ConstI64(1)); strides.Insert(ax, e.M.ConstI64(0));
                return ArrayCode.Make(e, (ArrayType)c.ResultType, ArrayCode.Meminfo(e, reduced), ArrayCode.Data(e, reduced), shape.ToArray(), strides.ToArray());
            }
            Method(name, Type, LowerCast);
            if (kind is ReductionKind.Min or ReductionKind.Max)
                foreach (var alias in new[] { "a" + name, name })
                    AddNumPyReduction(alias, Type, LowerCast);
            else AddNumPyReduction(name, Type, LowerCast);
            if (kind is not (ReductionKind.ArgMin or ReductionKind.ArgMax))
                foreach (var entry in (kind is ReductionKind.Min or ReductionKind.Max ? new[] { "a" + name, name } : new[] { name }).Select(n => "numpy." + n).Append("method." + name))
                    TupleAxes(entry, name, kind is ReductionKind.Var or ReductionKind.Std);
        }
    }

    /// <summary>
    /// A reduction over a tuple of axes (a.sum(axis=(0, 1)), np.mean(img, axis=(0, 1), keepdims=True)), by
    /// numpy._reduce_axes: the axes moved last and merged into one, a view where the array's layout allows (as NumPy's
    /// iterator coalesces them), then reduced along it; NumPy's errors for a repeated or out-of-bounds axis.
    /// </summary>
    private static void TupleAxes(string entry, string kind, bool takesDdof)
    {
        var inner = Get(entry);
        static bool IsAxes(SjType t) => t is TupleType { Items.Length: > 0 } tt && tt.Items.All(x => x is ScalarType { Rank: 1 });
        Wrap(inner, c =>
        {
            var axisArg = c.Positional.Length >= 2 ? c.Positional[1] : c.Keywords.GetValueOrDefault("axis");
            if (c.Positional.Length == 0 || c.Positional[0].Type is not ArrayType t || axisArg is not { Type: TupleType tt }) return inner.Type(c);
            if (takesDdof) Arity(c, kind, 1, 2, "axis", "keepdims", "ddof"); else Arity(c, kind, 1, 2, "axis", "keepdims");
            if (!IsAxes(tt)) throw c.ErrorAt(axisArg, $"{kind}(): axis must be an integer or a tuple of integers in compiled code");
            if (tt.Items.Length > t.Ndim) throw c.ErrorAt(axisArg, $"{kind}(): more axes than the array's {t.Ndim} dimensions");
            var ddof = c.Keywords.GetValueOrDefault("ddof");
            if (ddof != null && ddof.Type is not ScalarType { Rank: < 3 }) throw c.ErrorAt(ddof, $"{kind}(): ddof must be a real number in compiled code");
            var (types, literals) = AxesArguments(t, tt.Items.Length, kind, KeepDims(c), ddof?.Type);
            return c.Require(PythonLibrary.Function("numpy", "_reduce_axes"), types, literals).ReturnType;
        }, c =>
        {
            var axisArg = c.Args.Length >= 2 ? c.Args[1] : c.Keywords.GetValueOrDefault("axis");
            if (c.ArgType(0) is not ArrayType t || axisArg is not { Type: TupleType tt }) return inner.Lower(c);
            var e = c.E;
            var ddof = c.Keywords.GetValueOrDefault("ddof");
            bool keep = c.Keywords.TryGetValue("keepdims", out var kd) && kd.Literal is true;
            var (types, literals) = AxesArguments(t, tt.Items.Length, kind, keep, ddof?.Type);
            var values = types.Select((type, k) => k switch
            {
                0 => e.Convert(c.Arg(0), t, type),
                1 => e.Convert(axisArg.Value, tt, type),
                5 => ddof != null ? e.Convert(ddof.Value, ddof.Type, type) : e.M.Constant(PyNone.Instance, SimpleType.None),
                _ => e.M.Constant(literals[k], type),
            }).ToArray();
            return e.Convert(c.CallCompiled(0, values), c.Callees[0].ReturnType, c.ResultType);
        }, mayRaise: sig => sig.Args.Any(a => a is TupleType) || inner.MayRaise(sig));
    }

    /// <summary>_reduce_axes(a, axes, last, kind, keepdims, ddof): the array, the axes and the positions they move to
    /// (a constant), the reduction's name, keepdims, and ddof (None without one; a float otherwise).</summary>
    private static (SjType[] Types, object?[] Literals) AxesArguments(ArrayType t, int count, string kind, bool keepdims, SjType? ddof)
    {
        var last = Enumerable.Range(t.Ndim - count, count).Select(a => (object?)(long)a).ToArray();
        var tupleType = new TupleType(Enumerable.Repeat<SjType>(ScalarType.Int64, count));
        SjType ddofType = ddof == null ? SimpleType.None : ScalarType.Float64;
        return (new SjType[] { TypeOps.Canonical(t), tupleType, tupleType, SimpleType.Str, ScalarType.Bool, ddofType },
            new object?[] { null, null, last, kind, keepdims, null });
    }

    /// <summary>Whether a reduction has initial= or where= (not None): numpy.py's _reduce_masked computes it.</summary>
    private static bool MaskedOrSeeded<T>(IReadOnlyDictionary<string, T> keywords) where T : class =>
        new[] { "initial", "where" }.Any(k => keywords.TryGetValue(k, out var v) && KeywordType(v) != SimpleType.None);

    /// <summary>Whether a var or std was given ddof= (not None).</summary>
    private static bool HasDdof<T>(IReadOnlyDictionary<string, T> keywords) where T : class =>
        keywords.TryGetValue("ddof", out var v) && KeywordType(v) != SimpleType.None;

    private static SjType KeywordType<T>(T arg) => arg switch { TypedArg t => t.Type, LoweredArg l => l.Type, _ => SimpleType.Unknown };

    /// <summary>The arguments of numpy.py's _reduce_masked: (a, axis, keepdims, initial, where, kind, ddof), the axis
    /// (an int or None), keepdims and kind literals, ddof None or a float.</summary>
    private static (SjType[] Types, object?[] Literals) MaskedReductionArguments(ReductionKind kind, ArrayType t, SjType? axisType, object? axis,
        bool keepdims, SjType initial, SjType where, bool ddof) =>
        (new[] { TypeOps.Canonical(t), axisType ?? SimpleType.None, ScalarType.Bool, TypeOps.Canonical(initial), TypeOps.Canonical(where), SimpleType.Str,
                 ddof ? ScalarType.Float64 : SimpleType.None },
         new[] { null, axis, keepdims, null, null, (object)kind.ToString().ToLowerInvariant(), null });

    /// <summary>sum/prod/min/max with initial= (the reduction starts from it: a min or max of an empty array is it) and
    /// sum/prod/min/max/mean/any/all with where= (only the elements where it is true are reduced; min and max need
    /// initial= with it, as in NumPy): numpy.py's _reduce_masked, in NumPy's order of additions.</summary>
    private static SjType MaskedReductionType(CallTypingContext c, ReductionKind kind, string name, ArrayType t)
    {
        var initial = c.Keywords.GetValueOrDefault("initial");
        var where = c.Keywords.GetValueOrDefault("where");
        if (initial != null && initial.Type != SimpleType.None && kind is not (ReductionKind.Sum or ReductionKind.Prod or ReductionKind.Min or ReductionKind.Max))
            throw c.ErrorAt(initial, $"{name}() got an unexpected keyword argument 'initial'");
        if (where != null && where.Type != SimpleType.None && kind is not (ReductionKind.Sum or ReductionKind.Prod or ReductionKind.Min or ReductionKind.Max
                or ReductionKind.Mean or ReductionKind.Any or ReductionKind.All or ReductionKind.Var or ReductionKind.Std))
            throw c.Error($"{name}() got an unexpected keyword argument 'where'");   // argmin, argmax: NumPy's
        if (initial != null && initial.Type is not ScalarType && initial.Type != SimpleType.None)
            throw c.ErrorAt(initial, $"{name}(): initial must be a number in compiled code");
        if (where != null && where.Type is not (ArrayType { Dtype.Rank: 0 } or ScalarType { Rank: 0 }) && where.Type != SimpleType.None)
            throw c.ErrorAt(where, $"{name}(): where must be a boolean array or a bool in compiled code");
        if (c.Keywords.TryGetValue("dtype", out var d) && d.Type != SimpleType.None)
            throw c.ErrorAt(d, $"{name}(): dtype= together with initial= or where= is not supported in compiled code", "cast the array first: a.astype(...)");
        var axisArg = c.Positional.Length == 2 ? c.Positional[1] : c.Keywords.GetValueOrDefault("axis");
        object? axis = null;
        if (axisArg != null && axisArg.Type != SimpleType.None)
        {
            if (Signature.AsInt(axisArg.Literal) is not long ax)
                throw c.ErrorAt(axisArg, $"{name}(): the axis must be a constant integer in compiled code");
            if (ax < -t.Ndim || ax >= t.Ndim) throw c.ErrorAt(axisArg, $"axis {ax} is out of bounds for array of dimension {t.Ndim}");
            axis = ax < 0 ? ax + t.Ndim : ax;
        }
        var (types, literals) = MaskedReductionArguments(kind, t, axis == null ? null : ScalarType.Int64, axis, KeepDims(c) && t.Ndim > 0,
            initial?.Type ?? SimpleType.None, where?.Type ?? SimpleType.None, HasDdof(c.Keywords));
        return c.Require(PythonLibrary.Function("numpy", "_reduce_masked"), types, literals).ReturnType;
    }

    private static LLVMValueRef LowerMaskedReduction(LoweringCall c, ReductionKind kind, ArrayType t)
    {
        var e = c.E;
        var axisArg = c.Args.Length == 2 ? c.Args[1] : c.Keywords.GetValueOrDefault("axis");
        object? axis = null;
        if (axisArg != null && axisArg.Type != SimpleType.None)
        {
            long ax = Signature.AsInt(axisArg.Literal)!.Value;
            axis = ax < 0 ? ax + t.Ndim : ax;
        }
        bool keep = c.Keywords.TryGetValue("keepdims", out var kd) && kd.Literal is true && t.Ndim > 0;
        var initial = c.Keywords.GetValueOrDefault("initial");
        var where = c.Keywords.GetValueOrDefault("where");
        var (types, literals) = MaskedReductionArguments(kind, t, axis == null ? null : ScalarType.Int64, axis, keep,
            initial?.Type ?? SimpleType.None, where?.Type ?? SimpleType.None, HasDdof(c.Keywords));
        LLVMValueRef Given(LoweredArg? arg, SjType type) => arg == null || type == SimpleType.None
            ? e.M.Constant(PyNone.Instance, SimpleType.None) : e.Convert(arg.Value, arg.Type, type);
        var args = new[]
        {
            e.Convert(c.Arg(0), t, types[0]),
            axis is long a ? e.M.ConstI64(a) : e.M.Constant(PyNone.Instance, SimpleType.None),
            e.M.ConstBool(keep),
            Given(initial, types[3]), Given(where, types[4]),
            e.M.Constant(literals[5]!, SimpleType.Str),
            Given(c.Keywords.GetValueOrDefault("ddof"), types[6]),
        };
        return e.Convert(c.CallCompiled(0, args), c.Callees[0].ReturnType, c.ResultType);
    }

    /// <summary>The dtype= of a sum, product, mean, variance or standard deviation (null where none is given): an
    /// inexact dtype, or for sums and products int64/uint64 (NumPy's own widening); other kinds take no dtype=. A
    /// variance subtracts the mean from the elements as they are (NumPy's _var), so only a real dtype the elements
    /// promote to gives the variance of the cast elements; a complex one would make it complex.</summary>
    private static ScalarType? ReductionDtype(CallTypingContext c, ReductionKind kind, string name, ScalarType elements)
    {
        if (!c.Keywords.TryGetValue("dtype", out var d) || d.Type == SimpleType.None) return null;
        if (kind is not (ReductionKind.Sum or ReductionKind.Prod or ReductionKind.Mean or ReductionKind.Var or ReductionKind.Std))
            throw c.Error($"{name}() got an unexpected keyword argument 'dtype'");
        var dtype = DtypeOf(d) ?? throw c.ErrorAt(d, $"{name}(): dtype must be a NumPy type such as np.float64 in compiled code");
        if (kind is ReductionKind.Var or ReductionKind.Std
            && (dtype.Rank != 2 || NumPyPromotion.ResultType(new List<ScalarType> { elements, dtype }, new List<NumPyPromotion.Operand>()) != dtype))
            throw c.ErrorAt(d, $"{name}(dtype={dtype.Name}) of {elements.Name} elements is not supported in compiled code",
                $"give a float dtype that {elements.Name} promotes to, or cast the array first (a.astype(...).{name}())");
        if (dtype.Rank < 2 && !(dtype.Rank == 1 && kind is ReductionKind.Sum or ReductionKind.Prod))
            throw c.ErrorAt(d, $"{name}(dtype={dtype.Name}) is not supported in compiled code",
                kind is ReductionKind.Sum or ReductionKind.Prod ? "give an integer, float or complex dtype" : "give a float or complex dtype");
        return dtype;
    }

    /// <summary>An integer dtype= narrower than 64 bits, in which NumPy's sums and products wrap around.</summary>
    private static bool WrapsAround(ScalarType? dtype) => dtype is { Rank: 1, Bits: < 64 };

    /// <summary>A reduction's type (its dtype the 64-bit integer NumPy's reductions of narrow integers give) with the
    /// narrow dtype= given instead; other types as they are.</summary>
    private static SjType Narrowed(SjType t, ScalarType? cast) =>
        !WrapsAround(cast) ? t : t is ArrayType a ? a.With(dtype: cast) : cast!;

    /// <summary>t with the 64-bit integer dtype of narrow's signedness in place of narrow.</summary>
    private static SjType Widened(SjType t, ScalarType narrow)
    {
        var wide = narrow.IsUnsigned ? ScalarType.UInt64 : ScalarType.Int64;
        return t is ArrayType a ? a.With(dtype: wide) : wide;
    }

    /// <summary>The array a reduction with dtype= reduces: its elements cast (a new array in the array's order).</summary>
    private static ArrayType CastType(ArrayType t, ScalarType dtype) => new(dtype, t.Ndim, KeepOrder(new[] { t }, t.Ndim));

    /// <summary>A reduction or cumulation (lower, given the array and its value) of the array cast to its dtype= where
    /// one is given, as NumPy's casting buffers reduce (the same bits); the cast copy is freed after.</summary>
    private static LLVMValueRef WithDtypeCast(LoweringCall c, ArrayType t, Func<LoweringCall, ArrayType, LLVMValueRef, LLVMValueRef> lower)
    {
        if (!c.Keywords.TryGetValue("dtype", out var d) || d.Type == SimpleType.None) return lower(c, t, c.Arg(0));
        var dtype = DtypeOfType(d.Type, d.Literal)!;
        var ct = CastType(t, dtype);
        var cast = CopyArray(c.E, t, c.Arg(0), ct, c.Span);
        LLVMValueRef result;
        if (WrapsAround(dtype))
        {
            // NumPy adds and multiplies in the narrow type, wrapping around: the same as the 64-bit reduction of the
            // cast elements wrapped at the end, since wrapping commutes with + and * (arithmetic modulo 2**bits).
            var wideType = Widened(c.ResultType, dtype);
            var args = c.Args.Concat(c.Sig.KeywordNames.Select(k => c.Keywords[k])).ToArray();
            var wide = lower(new LoweringCall(c.E, c.Sig with { Result = wideType }, c.Span, args, c.Callees), ct, cast);
            if (c.ResultType is ArrayType narrow)
            {
                result = CopyArray(c.E, (ArrayType)wideType, wide, narrow, c.Span);
                TypeModel.Of(wideType).DecRef(c.E, wide);
            }
            else result = c.E.Convert(wide, wideType, c.ResultType);
        }
        else result = lower(c, ct, cast);
        TypeModel.Of(ct).DecRef(c.E, cast);
        return result;
    }

    /// <summary>The order of a reduction's result along an axis: NumPy's K order (a Fortran-ordered array's sums,
    /// extremes, means are Fortran-ordered), except argmin/argmax, whose results NumPy makes in C order.</summary>
    private static ArrayLayout ReducedOrder(ReductionKind kind, ArrayType t) =>
        kind is ReductionKind.ArgMin or ReductionKind.ArgMax ? ArrayLayout.C : KeepOrder(new[] { t }, t.Ndim - 1);

    /// <summary>keepdims=True (a literal bool) keeps reduced axes with length 1.</summary>
    private static bool KeepDims(CallTypingContext c)
    {
        if (!c.Keywords.TryGetValue("keepdims", out var k)) return false;
        return k.Literal as bool? ?? throw c.ErrorAt(k, "keepdims must be a constant True or False in compiled code");
    }

    private static void AddNumPyReduction(string name, Func<CallTypingContext, ArrayType, SjType> type, Func<LoweringCall, ArrayType, LLVMValueRef> lower)
    {
        Add("numpy." + name, c =>
        {
            if (c.Positional.Length == 0 || c.Positional[0].Type is not ArrayType t)
                throw c.Error($"numpy.{name}() takes an array in compiled code", "pass a NumPy array; for numbers use Python's builtins");
            return type(c, t);
        }, c => lower(c, (ArrayType)c.ArgType(0)), acceptsNarrow: true);
    }

    /// <summary>NumPy's result dtype of a reduction: sums and products of small integers and bools widen to int64
    /// (unsigned: uint64), means of integers are float64, arg* give int64, any/all bool.</summary>
    private static SjType ReductionType(CallTypingContext c, ReductionKind kind, ScalarType d, string name)
    {
        switch (kind)
        {
            case ReductionKind.Sum or ReductionKind.Prod:
                return d.Rank switch { 0 => ScalarType.Int64, 1 => d.IsUnsigned ? ScalarType.UInt64 : ScalarType.Int64, _ => d };
            case ReductionKind.Mean:
                return d.Rank <= 1 ? ScalarType.Float64 : d;
            case ReductionKind.Var or ReductionKind.Std:
                // of complex numbers: the mean of |x - mean|**2, real (float32 for complex64)
                if (d.Rank == 3) return d == ScalarType.Complex64 ? ScalarType.Float32 : ScalarType.Float64;
                return d.Rank <= 1 ? ScalarType.Float64 : d;
            case ReductionKind.ArgMin or ReductionKind.ArgMax: return ScalarType.Int64;
            case ReductionKind.Any or ReductionKind.All: return ScalarType.Bool;
            default:
                return d;
        }
    }

    /// <summary>Visits every element of an array (in C order for contiguous arrays, a loop nest otherwise), with its
    /// flat position.</summary>
    private static void ForEachElement(FunctionEmitter e, ArrayType t, LLVMValueRef a, Action<LLVMValueRef, LLVMValueRef> visit)
    {
        var shape = ArrayCode.Shape(e, t, a);
        var data = ArrayCode.Data(e, a);
        if (t.Layout == ArrayLayout.C)
        {
            ArrayCode.Loop(e, ArrayCode.Size(e, shape), i => visit(ArrayCode.Load(e, t.Dtype, ElementAt(e, t.Dtype, data, i)), i));
            return;
        }
        var strides = ArrayCode.Strides(e, t, a);
        var cStrides = ArrayCode.ContiguousStrides(e, ScalarType.UInt8, shape, ArrayLayout.C);   // element counts per axis
        ArrayCode.LoopNest(e, shape, idx =>
        {
            var flat = idx.Select((x, k) => BuildNSWMul(e.B, x, cStrides[k], "")).Aggregate(e.M.ConstI64(0), (x, y) => BuildNSWAdd(e.B, x, y, ""));   // 0-d: 0
            visit(ArrayCode.Load(e, t.Dtype, ArrayCode.ElementPointer(e, data, strides, idx)), flat);
        });
    }

    /// <summary>The reduction of every element.</summary>
    private static LLVMValueRef ReduceAll(FunctionEmitter e, ReductionKind kind, ArrayType t, LLVMValueRef a, ScalarType result, string npName, Span span,
        LLVMValueRef? ddof = null)
    {
        if (ReducesInChunks(e, kind, t, result)) return ReduceAllInChunks(e, kind, t, a, result, npName, span);
        var size = ArrayCode.Size(e, ArrayCode.Shape(e, t, a));
        var data = ArrayCode.Data(e, a);
        Func<LLVMValueRef, LLVMValueRef>? at = t.Layout == ArrayLayout.C ? i => ArrayCode.Load(e, t.Dtype, ElementAt(e, t.Dtype, data, i)) : null;
        // The elements as one line in NumPy's order: memory order of a C or F array, or a 1-d array's stride.
        SumLine? line = t.Layout is ArrayLayout.C or ArrayLayout.F ? new(data, e.M.ConstI64(ArrayCode.ItemSize(t.Dtype)), MeanInDouble: true)
            : t.Ndim == 1 ? new(data, ArrayCode.Strides(e, t, a)[0], MeanInDouble: true) : null;
        return Reduce(e, kind, t.Dtype, result, size, visit => ForEachElement(e, t, a, visit), npName, span, at, ddof, line);
    }

    /// <summary>An empty axis has no extreme even when there are no lines to reduce (NumPy checks before looping).</summary>
    private static void EmptyAxisError(FunctionEmitter e, ReductionKind kind, string npName, LLVMValueRef length, Span span)
    {
        if (kind is ReductionKind.Min or ReductionKind.Max or ReductionKind.NanMin or ReductionKind.NanMax or ReductionKind.ArgMin or ReductionKind.ArgMax)
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, length, e.M.ConstI64(0), ""), "ValueError", kind switch
            {
                ReductionKind.ArgMin => "attempt to get argmin of an empty sequence",
                ReductionKind.ArgMax => "attempt to get argmax of an empty sequence",
                _ => $"zero-size array to reduction operation {npName} which has no identity",
            }, span);
    }

    /// <summary>The reduction along one axis: a loop over the other axes, each reducing its line.</summary>
    private static LLVMValueRef ReduceAxis(FunctionEmitter e, ReductionKind kind, ArrayType t, LLVMValueRef a, int axis, ArrayType result, string npName, Span span,
        LLVMValueRef? ddof = null)
    {
        var shape = ArrayCode.Shape(e, t, a); var strides = ArrayCode.Strides(e, t, a);
        var data = ArrayCode.Data(e, a);
        var outShape = shape.Where((_, k) => k != axis).ToArray();
        EmptyAxisError(e, kind, npName, shape[axis], span);
        var r = ArrayCode.Allocate(e, result, outShape, span);
        var outData = ArrayCode.Data(e, r);
        if (ReduceOuterAxis(e, kind, t, shape, axis, data, result.Dtype, outData, span, ddof)) return r;
        // A Fortran-ordered array is the C-ordered one of its axes reversed: its results are then in Fortran order.
        if (t.Layout == ArrayLayout.F && (result.Layout == ArrayLayout.F || result.Ndim <= 1)
            && ReduceOuterAxis(e, kind, t.With(layout: ArrayLayout.C), ArrayCode.InMemoryOrder(t.Layout, shape), t.Ndim - 1 - axis, data, result.Dtype, outData, span, ddof))
            return r;
        if (ReducesRowsInChunks(e, t, axis, result))
        {
            ReduceRowsInChunks(e, kind, t, shape, axis, data, result.Dtype, outData, npName, span, ddof);
            return r;
        }
        var outStrides = ArrayCode.ContiguousStrides(e, result.Dtype, outShape, result.Layout == ArrayLayout.F ? ArrayLayout.F : ArrayLayout.C);
        ArrayCode.LoopNest(e, outShape, idx =>
        {
            var full = idx.Take(axis).Append(e.M.ConstI64(0)).Concat(idx.Skip(axis)).ToArray();
            var start = ArrayCode.ElementPointer(e, data, strides, full);
            LLVMValueRef At(LLVMValueRef i) => ArrayCode.Load(e, t.Dtype, BuildGEP2(e.B, e.M.I8, start, new[] { BuildNSWMul(e.B, i, strides[axis], "") }, ""));
            // NumPy sums a line pairwise where the axis is the innermost in memory; otherwise row by row, each
            // element's sum in order.
            bool innermost = t.Layout == ArrayLayout.C && axis == t.Ndim - 1 || t.Layout == ArrayLayout.F && axis == 0;
            SumLine? line = innermost ? new(start, strides[axis], MeanInDouble: false) : null;
            var v = Reduce(e, kind, t.Dtype, result.Dtype, shape[axis], visit => ArrayCode.Loop(e, shape[axis], i => visit(At(i), i)), npName, span, At, ddof, line,
                inOrder: !innermost);
            ArrayCode.Store(e, result.Dtype, ArrayCode.ElementPointer(e, outData, outStrides, idx), v);
        });
        return r;
    }

    /// <summary>In a function compiled with parallel=True, a reduction along the axis innermost in memory (a C array's
    /// last, a Fortran array's first) whose results are in the same order.</summary>
    private static bool ReducesRowsInChunks(FunctionEmitter e, ArrayType t, int axis, ArrayType result) =>
        e.Spec.Function.Parallel && !e.M.Options.Standalone && t.Ndim >= 2
        && (t.Layout == ArrayLayout.C && axis == t.Ndim - 1 || t.Layout == ArrayLayout.F && axis == 0)
        && (result.Ndim <= 1 || result.Layout == t.Layout);

    /// <summary>The rows of a reduction along the innermost axis cut into chunks on the thread pool (from
    /// ParallelElements elements), each row reduced as the serial loop reduces it (NumPy's pairwise sums: the same
    /// bits), its result stored at the row's place.</summary>
    private static void ReduceRowsInChunks(FunctionEmitter e, ReductionKind kind, ArrayType t, LLVMValueRef[] shape, int axis, LLVMValueRef data,
        ScalarType rt, LLVMValueRef outData, string npName, Span span, LLVMValueRef? ddof)
    {
        var B = e.B; var M = e.M; var dt = t.Dtype;
        var rows = shape.Where((_, k) => k != axis).Aggregate(M.ConstI64(1), (x, y) => BuildNSWMul(B, x, y, ""));
        var fields = new List<LLVMValueRef> { data, outData, shape[axis] };
        if (ddof is { } given) fields.Add(given);
        RunInChunks(e, fields.ToArray(), rows, BuildNSWMul(B, rows, shape[axis], ""), (loaded, lo, hi) =>
        {
            var length = loaded[2];
            var item = M.ConstI64(ArrayCode.ItemSize(dt));
            var rowBytes = BuildNSWMul(B, length, item, "");
            ArrayCode.Loop(e, BuildNSWSub(B, hi, lo, ""), k =>
            {
                var row = BuildNSWAdd(B, lo, k, "");
                var start = BuildInBoundsGEP2(B, M.I8, loaded[0], new[] { BuildNSWMul(B, row, rowBytes, "") }, "");
                LLVMValueRef At(LLVMValueRef i) => ArrayCode.Load(e, dt, ElementAt(e, dt, start, i));
                var v = Reduce(e, kind, dt, rt, length, visit => ArrayCode.Loop(e, length, i => visit(At(i), i)), npName, span, At,
                    ddof is null ? null : loaded[3], new SumLine(start, item, MeanInDouble: false), checkEmpty: false);
                ArrayCode.Store(e, rt, ElementAt(e, rt, loaded[1], row), v);
            });
        });
    }

    /// <summary>
    /// A reduction along an axis of a C array other than its innermost one (sums, products, means, variances, min/max,
    /// argmin/argmax, any/all of real numbers): the results take the axis's rows one at a time, the inner loop running over
    /// memory that is contiguous in both, which LLVM vectorises. Each result still takes its values in the axis's
    /// order, sums from the identity, as NumPy's (equal to the bit); a variance is NumPy's: the mean, then the sum of
    /// the squared deviations, divided by max(n - ddof, 0). A walk down each column took 1.6x-3.5x NumPy's time on a
    /// 316x316 matrix. In a function compiled with parallel=True the columns are cut into chunks on the thread pool.
    /// False where it does not apply.
    /// </summary>
    private static bool ReduceOuterAxis(FunctionEmitter e, ReductionKind kind, ArrayType t, LLVMValueRef[] shape, int axis, LLVMValueRef data,
        ScalarType rt, LLVMValueRef outData, Span span, LLVMValueRef? ddof)
    {
        if (t.Layout != ArrayLayout.C || axis == t.Ndim - 1 || t.Dtype.Rank == 3) return false;
        var B = e.B; var M = e.M;
        var dt = t.Dtype;
        LLVMValueRef Product(IEnumerable<LLVMValueRef> dims) => dims.Aggregate(M.ConstI64(1), (x, y) => BuildNSWMul(B, x, y, ""));
        var outer = Product(shape.Take(axis)); var length = shape[axis]; var inner = Product(shape.Skip(axis + 1));
        bool arg = kind is ReductionKind.ArgMin or ReductionKind.ArgMax;
        bool skipNaN = kind is ReductionKind.NanMin or ReductionKind.NanMax;
        bool extreme = kind is ReductionKind.Min or ReductionKind.Max || skipNaN;
        bool variance = kind is ReductionKind.Var or ReductionKind.Std;
        bool max = kind is ReductionKind.Max or ReductionKind.ArgMax or ReductionKind.NanMax;
        // argmin/argmax keep each result's best value apart, a variance each mean: a row of scratch
        var scratchType = new ArrayType(arg ? dt : rt, 1);
        var scratch = arg || variance ? ArrayCode.Allocate(e, scratchType, new[] { inner }, span) : default;
        var scratchData = arg || variance ? ArrayCode.Data(e, scratch) : ConstPointerNull(M.Ptr);
        LLVMValueRef Better(LLVMValueRef x, LLVMValueRef cur) => TakesArgPlace(e, max, x, cur, dt);
        // In a function compiled with parallel=True the results' columns are cut into chunks on the thread pool (each
        // result still takes its rows in order: the same bits); narrow rows stay on this thread.
        var fields = new List<LLVMValueRef> { data, outData, scratchData, length, inner, outer };
        if (ddof is { } given) fields.Add(given);
        if (e.Spec.Function.Parallel && !M.Options.Standalone)
        {
            var wide = BuildICmp(B, LLVMIntPredicate.LLVMIntSGE, inner, M.ConstI64(ParallelColumns), "");
            var elements = BuildSelect(B, wide, Product(new[] { outer, length, inner }), M.ConstI64(0), "");
            RunInChunks(e, fields.ToArray(), inner, elements, (loaded, lo, hi) => Planes(loaded, lo, hi));
        }
        else Planes(fields.ToArray(), M.ConstI64(0), inner);
        if (arg || variance) TypeModel.Of(scratchType).DecRef(e, scratch);
        return true;

        // The results' columns [lo, hi) of every plane, from the values in fields (data, out, scratch, length, inner,
        // outer, ddof).
        void Planes(LLVMValueRef[] f, LLVMValueRef lo, LLVMValueRef hi)
        {
            var (data, outData, scratchData, length, inner, outer) = (f[0], f[1], f[2], f[3], f[4], f[5]);
            var ddof = f.Length > 6 ? f[6] : (LLVMValueRef?)null;
            var rowBytes = BuildNSWMul(B, inner, M.ConstI64(ArrayCode.ItemSize(dt)), "");
            var columns = BuildNSWSub(B, hi, lo, "");
            ArrayCode.Loop(e, outer, o =>
            {
                var plane = BuildGEP2(B, M.I8, data, new[] { BuildNSWMul(B, BuildNSWMul(B, o, length, ""), rowBytes, "") }, "");
                var results = ElementAt(e, rt, outData, BuildNSWMul(B, o, inner, ""));
                LLVMValueRef Row(LLVMValueRef i) => BuildGEP2(B, M.I8, plane, new[] { BuildNSWMul(B, i, rowBytes, "") }, "");
                LLVMValueRef Column(LLVMValueRef k) => BuildNSWAdd(B, lo, k, "");
                // Each result over every row: visit(x, i, result slot), the first row (min/max/arg) or none kept for init.
                void Rows(LLVMValueRef first, Action<LLVMValueRef, LLVMValueRef, LLVMValueRef, LLVMValueRef> visit) =>
                    ArrayCode.Loop(e, BuildNSWSub(B, length, first, ""), k =>
                    {
                        var i = BuildNSWAdd(B, k, first, "");
                        var row = Row(i);
                        ArrayCode.Loop(e, columns, c => { var j = Column(c); visit(ArrayCode.Load(e, dt, ElementAt(e, dt, row, j)), i, j, ElementAt(e, rt, results, j)); });
                    });
                void Each(Action<LLVMValueRef, LLVMValueRef> visit) => ArrayCode.Loop(e, columns, c => { var j = Column(c); visit(j, ElementAt(e, rt, results, j)); });
                var zero = M.Constant(kind == ReductionKind.Prod ? 1L : 0L, rt);
                if (arg || extreme)
                {
                    // from the first row (the axis is not empty: that raised)
                    Each((j, slot) =>
                    {
                        var x = ArrayCode.Load(e, dt, ElementAt(e, dt, Row(M.ConstI64(0)), j));
                        if (!arg) { ArrayCode.Store(e, rt, slot, x); return; }
                        ArrayCode.Store(e, dt, ElementAt(e, dt, scratchData, j), x);
                        ArrayCode.Store(e, rt, slot, M.ConstI64(0));
                    });
                    Rows(M.ConstI64(1), (x, i, j, slot) =>
                    {
                        if (arg)
                        {
                            var bestSlot = ElementAt(e, dt, scratchData, j);
                            var cur = ArrayCode.Load(e, dt, bestSlot);
                            var take = Better(x, cur);
                            ArrayCode.Store(e, dt, bestSlot, BuildSelect(B, take, x, cur, ""));
                            ArrayCode.Store(e, rt, slot, BuildSelect(B, take, i, ArrayCode.Load(e, rt, slot), ""));
                            return;
                        }
                        var acc = ArrayCode.Load(e, rt, slot);
                        var pick = (max, skipNaN) switch { (true, false) => "llvm.maximum", (false, false) => "llvm.minimum", (true, true) => "llvm.maxnum", _ => "llvm.minnum" };
                        ArrayCode.Store(e, rt, slot, dt.Rank == 2 ? e.Intrinsic(pick, new[] { M.Lower(dt) }, acc, x) : Extreme(e, max, acc, x, dt));
                    });
                }
                else if (kind is ReductionKind.Any or ReductionKind.All)
                {
                    bool any = kind == ReductionKind.Any;
                    Each((_, slot) => ArrayCode.Store(e, rt, slot, M.ConstBool(!any)));
                    Rows(M.ConstI64(0), (x, _, _, slot) =>
                    {
                        var cur = ArrayCode.Load(e, rt, slot); var truth = e.Convert(x, dt, ScalarType.Bool);
                        ArrayCode.Store(e, rt, slot, any ? BuildOr(B, cur, truth, "") : BuildAnd(B, cur, truth, ""));
                    });
                }
                else
                {
                    Each((_, slot) => ArrayCode.Store(e, rt, slot, zero));
                    Rows(M.ConstI64(0), (x, _, _, slot) =>
                        ArrayCode.Store(e, rt, slot, Accumulate(e, kind == ReductionKind.Prod, ArrayCode.Load(e, rt, slot), e.Convert(x, dt, rt), rt)));
                }
                if (kind is ReductionKind.Mean or ReductionKind.Var or ReductionKind.Std)
                {
                    var n = BuildSIToFP(B, length, M.Lower(rt), "");
                    Each((_, slot) => ArrayCode.Store(e, rt, slot, Divide(e, ArrayCode.Load(e, rt, slot), n, rt)));
                }
                if (!variance) return;
                Each((j, slot) =>
                {
                    ArrayCode.Store(e, rt, ElementAt(e, rt, scratchData, j), ArrayCode.Load(e, rt, slot));
                    ArrayCode.Store(e, rt, slot, zero);
                });
                Rows(M.ConstI64(0), (x, _, j, slot) =>
                {
                    var d = BuildFSub(B, e.Convert(x, dt, rt), ArrayCode.Load(e, rt, ElementAt(e, rt, scratchData, j)), "");
                    ArrayCode.Store(e, rt, slot, BuildFAdd(B, ArrayCode.Load(e, rt, slot), BuildFMul(B, d, d, ""), ""));
                });
                var count = BuildSIToFP(B, length, M.Lower(rt), "");
                if (ddof is { } dd)
                {
                    var dof = BuildFSub(B, count, dd, "");
                    count = BuildSelect(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOGT, dof, M.Constant(0L, rt), ""), dof, M.Constant(0L, rt), "");
                }
                Each((_, slot) =>
                {
                    var v = BuildFDiv(B, ArrayCode.Load(e, rt, slot), count, "");
                    ArrayCode.Store(e, rt, slot, kind == ReductionKind.Std ? e.Intrinsic("llvm.sqrt", new[] { M.Lower(rt) }, v) : v);
                });
            });
        }
    }

    /// <summary>Results per row from which a parallel function's reduction along an outer axis splits its columns over the
    /// cores: narrower rows would share cache lines between the chunks.</summary>
    private const long ParallelColumns = 256;

    /// <summary>Whether a later element x takes the place of cur as argmax's (argmin's) best so far: strictly better, or
    /// the first NaN (NumPy's argmax of floats is the first NaN's position).</summary>
    private static LLVMValueRef TakesArgPlace(FunctionEmitter e, bool max, LLVMValueRef x, LLVMValueRef cur, ScalarType dt)
    {
        var B = e.B;
        if (dt.Rank != 2) return IntCompare(e, max, x, cur, dt);
        return BuildOr(B, BuildFCmp(B, max ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT, x, cur, ""),
            BuildAnd(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, x, x, ""), BuildFCmp(B, LLVMRealPredicate.LLVMRealORD, cur, cur, ""), ""), "");
    }

    /// <summary>Whether ReduceAllInChunks takes this reduction: in a function compiled with parallel=True, of a
    /// contiguous array (argmin/argmax: C-ordered, for their positions), extremes, any/all, and sums and products of
    /// integers and bools (exact in any order). Float sums, means and variances take NumPy's chunks already
    /// (PairwiseSumHelper); a float product NumPy takes in order.</summary>
    private static bool ReducesInChunks(FunctionEmitter e, ReductionKind kind, ArrayType t, ScalarType result) =>
        e.Spec.Function.Parallel && !e.M.Options.Standalone && t.Dtype.Rank < 3
        && (t.Layout == ArrayLayout.C || t.Layout == ArrayLayout.F && kind is not (ReductionKind.ArgMin or ReductionKind.ArgMax))
        && kind switch
        {
            ReductionKind.Min or ReductionKind.Max or ReductionKind.Any or ReductionKind.All => true,
            ReductionKind.ArgMin or ReductionKind.ArgMax => t.Dtype.Rank is 1 or 2,
            ReductionKind.Sum or ReductionKind.Prod => result.Rank <= 1,
            _ => false,
        };

    /// <summary>
    /// A reduction of all of a contiguous array in a function compiled with parallel=True, as Numba's parfors reduce:
    /// from <see cref="ParallelElements"/> items each chunk on the thread pool reduces its part as the serial reduction
    /// does (one vectorised pass) into a slot of its own, and the slots are combined in chunk order: extremes (NaN if
    /// any, as NumPy), argmin/argmax (the first position of the extreme, or of the first NaN), any/all, integer sums
    /// and products (wrapping: the same in any order). Smaller arrays take one chunk on the calling thread.
    /// </summary>
    private static LLVMValueRef ReduceAllInChunks(FunctionEmitter e, ReductionKind kind, ArrayType t, LLVMValueRef a, ScalarType result, string npName, Span span)
    {
        var B = e.B; var M = e.M;
        var dt = t.Dtype;
        bool arg = kind is ReductionKind.ArgMin or ReductionKind.ArgMax, max = kind is ReductionKind.Max or ReductionKind.ArgMax;
        var size = ArrayCode.Size(e, ArrayCode.Shape(e, t, a));
        var data = ArrayCode.Data(e, a);
        EmptyAxisError(e, kind, npName, size, span);   // here: the chunks raise nothing
        var slotType = arg ? ScalarType.Int64 : result;
        var chunking = Chunking(e, size, size);
        // One slot per chunk: on the stack for one chunk, else from the runtime (every slot type fits 8 bytes).
        var meminfo = e.IfElse(chunking.Large, M.Ptr, () =>
        {
            var m = e.CallRuntime("sj_array_alloc", BuildNSWMul(B, chunking.Chunks, M.ConstI64(8), ""));
            e.CheckFailed(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, m, ConstPointerNull(M.Ptr), ""), span);
            return m;
        }, () => ConstPointerNull(M.Ptr));
        var slots = BuildSelect(B, chunking.Large, BuildInBoundsGEP2(B, M.I8, meminfo, new[] { M.ConstI64(Runtime.RuntimeArrays.Header) }, ""), e.Alloca(M.I64), "");
        RunInChunks(e, new[] { data, slots }, size, chunking, (loaded, chunk, lo, hi) =>
        {
            var start = BuildInBoundsGEP2(B, M.I8, loaded[0], new[] { BuildNSWMul(B, lo, M.ConstI64(ArrayCode.ItemSize(dt)), "") }, "");
            var n = BuildNSWSub(B, hi, lo, "");
            LLVMValueRef At(LLVMValueRef i) => ArrayCode.Load(e, dt, ElementAt(e, dt, start, i));
            var v = Reduce(e, kind, dt, result, n, visit => ArrayCode.Loop(e, n, i => visit(At(i), i)), npName, span, At,
                line: new SumLine(start, M.ConstI64(ArrayCode.ItemSize(dt)), MeanInDouble: true), checkEmpty: false);
            ArrayCode.Store(e, slotType, ElementAt(e, slotType, loaded[1], chunk), arg ? BuildNSWAdd(B, lo, v, "") : v);
        });
        var acc = e.Alloca(M.Lower(slotType));
        BuildStore(B, ArrayCode.Load(e, slotType, slots), acc);
        ArrayCode.Loop(e, BuildNSWSub(B, chunking.Chunks, M.ConstI64(1), ""), k =>
        {
            var part = ArrayCode.Load(e, slotType, ElementAt(e, slotType, slots, BuildNSWAdd(B, k, M.ConstI64(1), "")));
            var cur = BuildLoad2(B, M.Lower(slotType), acc, "");
            BuildStore(B, kind switch
            {
                ReductionKind.ArgMin or ReductionKind.ArgMax => BuildSelect(B,
                    TakesArgPlace(e, max, ArrayCode.Load(e, dt, ElementAt(e, dt, data, part)), ArrayCode.Load(e, dt, ElementAt(e, dt, data, cur)), dt), part, cur, ""),
                ReductionKind.Min or ReductionKind.Max => dt.Rank == 2 ? e.Intrinsic(max ? "llvm.maximum" : "llvm.minimum", new[] { M.Lower(dt) }, cur, part)
                    : Extreme(e, max, cur, part, dt),
                ReductionKind.Any => BuildOr(B, cur, part, ""),
                ReductionKind.All => BuildAnd(B, cur, part, ""),
                _ => Accumulate(e, kind == ReductionKind.Prod, cur, part, result),
            }, acc);
        });
        e.When(chunking.Large, () => e.CallRuntime("sj_array_free", meminfo));
        return BuildLoad2(B, M.Lower(slotType), acc, "");
    }

    /// <summary>The elements of a reduction as one line in memory (first element, stride in bytes): float sums and means
    /// then take NumPy's pairwise order (NumPyMath.Sum). A mean of all of an array divides in float64, as NumPy's mean
    /// does for a number (float32 / np.intp), one along an axis in the array's type.</summary>
    private sealed record SumLine(LLVMValueRef Start, LLVMValueRef Stride, bool MeanInDouble);

    /// <summary>A pairwise-sum helper, or in a function compiled with parallel=True its variant that sums NumPy's chunks of
    /// a long line on the thread pool (to the same bits: the chunks' sums are added in order).</summary>
    private static string PairwiseSumHelper(FunctionEmitter e, string helper) =>
        e.Spec.Function.Parallel && !e.M.Options.Standalone ? helper + "_parallel" : helper;

    /// <summary>Reduces the elements a loop visits (value, position) to one value of the result type.</summary>
    private static LLVMValueRef Reduce(FunctionEmitter e, ReductionKind kind, ScalarType dtype, ScalarType result, LLVMValueRef count,
        Action<Action<LLVMValueRef, LLVMValueRef>> loop, string npName, Span span, Func<LLVMValueRef, LLVMValueRef>? element = null,
        LLVMValueRef? ddof = null, SumLine? line = null, bool inOrder = false, bool checkEmpty = true)
    {
        var B = e.B; var M = e.M;
        switch (kind)
        {
            case ReductionKind.Sum or ReductionKind.Mean when line != null && dtype.Rank == 2 && result == dtype:
            {
                bool single = dtype == ScalarType.Float32;
                var sum = e.CallRuntime(PairwiseSumHelper(e, single ? "sj_np_sum_f32" : "sj_np_sum_f64"), line.Start, count, line.Stride);   // a double
                if (kind == ReductionKind.Sum) return single ? BuildFPTrunc(B, sum, M.F32, "") : sum;
                if (!single || line.MeanInDouble) return e.Convert(BuildFDiv(B, sum, BuildSIToFP(B, count, M.F64, ""), ""), ScalarType.Float64, result);
                return BuildFDiv(B, BuildFPTrunc(B, sum, M.F32, ""), BuildSIToFP(B, count, M.F32, ""), "");
            }
            case ReductionKind.Sum or ReductionKind.Mean when line != null && dtype.Rank == 3 && result == dtype:
            {
                bool single = dtype == ScalarType.Complex64;
                var slot = e.Alloca(M.Complex);
                e.CallRuntime(single ? "sj_np_csum_c64" : "sj_np_csum_c128", line.Start, count, line.Stride, slot);
                var (re, im) = Parts(e, BuildLoad2(B, M.Complex, slot, ""));
                if (kind == ReductionKind.Mean)
                {
                    // NumPy divides by the count as a complex number (Smith's method), in double for a whole array
                    // (complex64 / np.intp is complex128), in the array's precision along an axis.
                    var part = single && !line.MeanInDouble ? M.F32 : M.F64;
                    if (part.Handle == M.F32.Handle) (re, im) = (BuildFPTrunc(B, re, M.F32, ""), BuildFPTrunc(B, im, M.F32, ""));
                    (re, im) = NpComplexDiv(e, (re, im), (BuildSIToFP(B, count, part, ""), ConstReal(part, 0)), part);
                    if (part.Handle == M.F32.Handle) (re, im) = (BuildFPExt(B, re, M.F64, ""), BuildFPExt(B, im, M.F64, ""));
                }
                return single ? e.MakeStruct(M.Complex64, BuildFPTrunc(B, re, M.F32, ""), BuildFPTrunc(B, im, M.F32, "")) : e.MakeComplex(re, im);
            }
            case ReductionKind.Sum when line != null && dtype.Rank == 0:
                return CountNonzeroLine(e, dtype, line.Start, count, line.Stride);
            case ReductionKind.Sum or ReductionKind.Prod or ReductionKind.Mean:
            {
                var acc = kind == ReductionKind.Mean ? result : result;
                var slot = e.Alloca(M.Lower(acc));
                BuildStore(B, M.Constant(kind == ReductionKind.Prod ? 1L : 0L, acc), slot);
                loop((x, _) =>
                {
                    var cur = BuildLoad2(B, M.Lower(acc), slot, "");
                    BuildStore(B, Accumulate(e, kind == ReductionKind.Prod, cur, e.Convert(x, dtype, acc), acc, reassociate: kind != ReductionKind.Prod && !inOrder), slot);
                });
                var total = BuildLoad2(B, M.Lower(acc), slot, "");
                if (kind != ReductionKind.Mean) return total;
                return Divide(e, total, BuildSIToFP(B, count, acc.Rank == 3 ? (acc.Bits == 64 ? M.F32 : M.F64) : M.Lower(acc), ""), acc);
            }
            case ReductionKind.Var or ReductionKind.Std when line != null && dtype.Rank == 2 && result == dtype:
            {
                // NumPy's var: the mean (a keepdims array divided by the count, so in the array's precision), the
                // pairwise sum of the squared deviations, divided by max(n - ddof, 0) as the mean is.
                bool single = dtype == ScalarType.Float32;
                var ft = M.Lower(dtype);
                LLVMValueRef Narrow(LLVMValueRef v) => single ? BuildFPTrunc(B, v, M.F32, "") : v;
                LLVMValueRef Wide(LLVMValueRef v) => single ? BuildFPExt(B, v, M.F64, "") : v;
                var sum = Narrow(e.CallRuntime(PairwiseSumHelper(e, single ? "sj_np_sum_f32" : "sj_np_sum_f64"), line.Start, count, line.Stride));
                var mean = BuildFDiv(B, sum, BuildSIToFP(B, count, ft, ""), "");
                var squares = e.CallRuntime(PairwiseSumHelper(e, single ? "sj_np_sumsq_f32" : "sj_np_sumsq_f64"), line.Start, count, line.Stride, Wide(mean));
                var n = BuildSIToFP(B, count, M.F64, "");
                if (ddof is { } dd)
                {
                    var dof = BuildFSub(B, n, Wide(dd), "");
                    n = BuildSelect(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOGT, dof, M.ConstF64(0), ""), dof, M.ConstF64(0), "");
                }
                var variance = !single || line.MeanInDouble ? Narrow(BuildFDiv(B, squares, n, "")) : BuildFDiv(B, Narrow(squares), Narrow(n), "");
                return kind == ReductionKind.Std ? e.Intrinsic("llvm.sqrt", new[] { ft }, variance) : variance;
            }
            case ReductionKind.Var or ReductionKind.Std:
            {
                // The mean in the input's type for complex numbers (their squared deviations re**2 + im**2, as NumPy's).
                var meanType = dtype.Rank == 3 ? dtype : result;
                var mean = Reduce(e, ReductionKind.Mean, dtype, meanType, count, loop, npName, span, inOrder: inOrder);
                var slot = e.Alloca(M.Lower(result));
                BuildStore(B, M.Constant(0L, result), slot);
                LLVMValueRef Square(LLVMValueRef v) => BuildFMul(B, v, v, "");
                loop((x, _) =>
                {
                    var sq = dtype.Rank == 3
                        ? BuildFAdd(B, Square(BuildFSub(B, e.ExtractValue(x, 0), e.ExtractValue(mean, 0), "")),
                            Square(BuildFSub(B, e.ExtractValue(x, 1), e.ExtractValue(mean, 1), "")), "")
                        : Square(BuildFSub(B, e.Convert(x, dtype, result), mean, ""));
                    var cur = BuildLoad2(B, M.Lower(result), slot, "");
                    var sum = BuildFAdd(B, cur, sq, "");
                    if (!inOrder) LLVM.SetFastMathFlags(sum, LLVMFastMathFlags.LLVMFastMathAllowReassoc);
                    BuildStore(B, sum, slot);
                });
                var n = BuildSIToFP(B, count, M.Lower(result), "");
                if (ddof is { } dd)
                {
                    var dof = BuildFSub(B, n, dd, "");
                    n = BuildSelect(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOGT, dof, M.Constant(0L, result), ""), dof, M.Constant(0L, result), "");
                }
                var variance = BuildFDiv(B, BuildLoad2(B, M.Lower(result), slot, ""), n, "");
                return kind == ReductionKind.Std ? e.Intrinsic("llvm.sqrt", new[] { M.Lower(result) }, variance) : variance;
            }
            case ReductionKind.Min or ReductionKind.Max or ReductionKind.NanMin or ReductionKind.NanMax:
            {
                bool max = kind is ReductionKind.Max or ReductionKind.NanMax;
                if (checkEmpty)
                    e.RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, count, M.ConstI64(0), ""), "ValueError",
                        $"zero-size array to reduction operation {npName} which has no identity", span);
                if (dtype.Rank == 3) return ComplexExtreme(e, max, dtype, loop);
                // Start from the identity (-inf, the type's minimum, ...), so the loop is a plain reduction LLVM vectorises.
                var slot = e.Alloca(M.Lower(dtype));
                BuildStore(B, ExtremeIdentity(e, max, dtype), slot);
                if (dtype.Rank == 2) return FloatExtreme(e, max, dtype, slot, loop, skipNaN: kind is ReductionKind.NanMin or ReductionKind.NanMax);
                loop((x, i) =>
                {
                    var cur = BuildLoad2(B, M.Lower(dtype), slot, "");
                    BuildStore(B, Extreme(e, max, cur, x, dtype), slot);
                });
                return BuildLoad2(B, M.Lower(dtype), slot, "");
            }
            case ReductionKind.ArgMin or ReductionKind.ArgMax:
            {
                bool max = kind == ReductionKind.ArgMax;
                if (checkEmpty)
                    e.RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, count, M.ConstI64(0), ""), "ValueError",
                        $"attempt to get {(max ? "argmax" : "argmin")} of an empty sequence", span);
                if (dtype.Rank == 3) return ComplexArgExtreme(e, max, dtype, loop);
                // A line of 4- or 8-byte numbers contiguous in NumPy's order (C-ordered, or the innermost axis): one
                // pass of vectors; other lines go by chunks.
                if (element != null && line != null && dtype.Rank is 1 or 2 && ArrayCode.ItemSize(dtype) is 4 or 8
                    && IsAConstantInt(line.Stride).Handle != 0 && ConstIntGetSExtValue(line.Stride) == ArrayCode.ItemSize(dtype))
                    return ArgExtremeVectors(e, max, dtype, count, line.Start);
                if (element != null && dtype.Rank is 1 or 2) return ArgExtremeByChunks(e, max, dtype, count, element);
                // Two passes that vectorise: the extreme value (NaN if any), then the first position holding it.
                var target = Reduce(e, max ? ReductionKind.Max : ReductionKind.Min, dtype, dtype, count, loop, npName, span);
                var targetIsNan = dtype.Rank == 2 ? BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, target, target, "") : M.ConstBool(false);
                var at = e.Alloca(M.I64);
                BuildStore(B, count, at);
                loop((x, i) =>
                {
                    var hit = dtype.Rank == 2
                        ? BuildSelect(B, targetIsNan, BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, x, x, ""), BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, x, target, ""), "")
                        : BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, x, target, "");
                    var cur = BuildLoad2(B, M.I64, at, "");
                    // The smallest position that hits (positions only grow, so a min keeps the first).
                    var candidate = BuildSelect(B, hit, i, count, "");
                    BuildStore(B, BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, candidate, cur, ""), candidate, cur, ""), at);
                });
                return BuildLoad2(B, M.I64, at, "");
            }
            default:
            {
                bool any = kind == ReductionKind.Any;
                var slot = e.Alloca(M.I1);
                BuildStore(B, M.ConstBool(!any), slot);
                loop((x, _) =>
                {
                    var truth = e.Convert(x, dtype, ScalarType.Bool);
                    var cur = BuildLoad2(B, M.I1, slot, "");
                    BuildStore(B, any ? BuildOr(B, cur, truth, "") : BuildAnd(B, cur, truth, ""), slot);
                });
                return BuildLoad2(B, M.I1, slot, "");
            }
        }
    }

    /// <summary>argmax (argmin) of complex numbers as NumPy's loop finds it: ordered by real part, then imaginary part;
    /// the first element with a NaN part wins and ends the search.</summary>
    /// <summary>max/min of complex numbers: np.maximum/np.minimum folded from the first element (a NaN part
    /// propagates; otherwise NumPy's order, by real part, then imaginary part).</summary>
    private static LLVMValueRef ComplexExtreme(FunctionEmitter e, bool max, ScalarType dtype, Action<Action<LLVMValueRef, LLVMValueRef>> loop)
    {
        var B = e.B; var M = e.M;
        var slot = e.Alloca(M.Lower(dtype));
        loop((x, i) =>
        {
            var folded = NpMinMax(e, ScalarType.Complex128, BuildLoad2(B, M.Lower(dtype), slot, ""), x, max, ignoreNan: false);
            BuildStore(B, BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, i, M.ConstI64(0), ""), x, folded, ""), slot);
        });
        return BuildLoad2(B, M.Lower(dtype), slot, "");
    }

    private static LLVMValueRef ComplexArgExtreme(FunctionEmitter e, bool max, ScalarType dtype, Action<Action<LLVMValueRef, LLVMValueRef>> loop)
    {
        var B = e.B; var M = e.M;
        var best = e.Alloca(M.Lower(dtype)); var at = e.Alloca(M.I64); var done = e.Alloca(M.I1);
        BuildStore(B, M.ConstI64(-1), at);
        BuildStore(B, M.ConstBool(false), done);
        LLVMValueRef HasNan(LLVMValueRef z) => BuildOr(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, e.ExtractValue(z, 0), e.ExtractValue(z, 0), ""),
            BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, e.ExtractValue(z, 1), e.ExtractValue(z, 1), ""), "");
        var order = max ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT;
        loop((x, i) =>
        {
            var b = BuildLoad2(B, M.Lower(dtype), best, "");
            var (xr, xi, br, bi) = (e.ExtractValue(x, 0), e.ExtractValue(x, 1), e.ExtractValue(b, 0), e.ExtractValue(b, 1));
            var better = BuildOr(B, BuildFCmp(B, order, xr, br, ""),
                BuildAnd(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, xr, br, ""), BuildFCmp(B, order, xi, bi, ""), ""), "");
            var first = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, BuildLoad2(B, M.I64, at, ""), M.ConstI64(-1), "");
            var finished = BuildLoad2(B, M.I1, done, "");
            var take = BuildOr(B, first, BuildAnd(B, BuildNot(B, finished, ""), BuildOr(B, better, HasNan(x), ""), ""), "");
            BuildStore(B, BuildSelect(B, take, x, b, ""), best);
            BuildStore(B, BuildSelect(B, take, i, BuildLoad2(B, M.I64, at, ""), ""), at);
            BuildStore(B, BuildOr(B, finished, BuildAnd(B, take, HasNan(x), ""), ""), done);
        });
        return BuildLoad2(B, M.I64, at, "");
    }

    /// <summary>Lanes of <see cref="ArgExtremeVectors"/>: vectors of 64 bytes, two accumulators of each; a segment's
    /// block numbers fit in 32 bits.</summary>
    private const int ArgVectorBytes = 64, ArgAccumulators = 2;
    private const long ArgSegmentBlocks = 1L << 30;

    /// <summary>
    /// argmax (argmin) of count contiguous numbers from start in one pass, the way NumPy's SIMD loops find it: each
    /// vector lane keeps its best value and the number of the block it came from (only a strictly better value
    /// replaces it, so each lane keeps its first), the lanes then give the best value and the smallest position holding
    /// it, and the elements after the last whole block run on scalars with the same rule. LLVM 19 does not vectorise a
    /// loop that carries a position with its extreme, so the vectors are written here. Block numbers are 32-bit (half
    /// the vector work of 64-bit positions), so a line of more than 2^30 blocks goes by segments. A NaN anywhere: the
    /// first NaN's position (found by a second loop, only then), as in NumPy.
    /// </summary>
    private static LLVMValueRef ArgExtremeVectors(FunctionEmitter e, bool max, ScalarType dtype, LLVMValueRef count, LLVMValueRef start)
    {
        var B = e.B; var M = e.M; var ty = M.Lower(dtype);
        bool isFloat = dtype.Rank == 2;
        int size = ArrayCode.ItemSize(dtype), lanes = ArgVectorBytes / size, block = lanes * ArgAccumulators;
        // Block numbers as wide as the elements: 32 bits for 4-byte numbers (one vector register, not two), 64 for 8.
        var numberType = size == 4 ? M.I32 : M.I64;
        var vectorType = VectorType(ty, (uint)lanes); var blockType = VectorType(numberType, (uint)lanes);
        var positionType = VectorType(M.I64, (uint)lanes); var maskType = VectorType(M.I1, (uint)lanes);
        LLVMValueRef Constants(Func<int, LLVMValueRef> lane) => LLVM.ConstVector(Enumerable.Range(0, lanes).Select(lane).ToArray());
        LLVMValueRef Splat(LLVMValueRef x, LLVMTypeRef type) =>
            BuildShuffleVector(B, BuildInsertElement(B, GetUndef(type), x, M.ConstI64(0), ""), GetUndef(type), ConstNull(VectorType(M.I32, (uint)lanes)), "");
        LLVMValueRef Better(LLVMValueRef x, LLVMValueRef than) => isFloat
            ? BuildFCmp(B, max ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT, x, than, "")
            : IntCompare(e, max, x, than, dtype);
        LLVMValueRef Same(LLVMValueRef x, LLVMValueRef y) => isFloat
            ? BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, x, y, "") : BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, x, y, "");
        LLVMValueRef IsNan(LLVMValueRef x) => BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, x, x, "");
        LLVMValueRef Element(LLVMValueRef i) => BuildLoad2(B, ty, BuildInBoundsGEP2(B, ty, start, new[] { i }, ""), "");

        var best = e.Alloca(ty); var bestAt = e.Alloca(M.I64); var sawNan = e.Alloca(M.I1);
        // Position 0 holds until a strictly better element (a line of identities only: the first of them).
        BuildStore(B, ExtremeIdentity(e, max, dtype), best);
        BuildStore(B, M.ConstI64(0), bestAt);
        BuildStore(B, M.ConstBool(false), sawNan);
        var values = new LLVMValueRef[ArgAccumulators]; var blocksOf = new LLVMValueRef[ArgAccumulators];
        for (int u = 0; u < ArgAccumulators; u++) { values[u] = e.Alloca(vectorType); blocksOf[u] = e.Alloca(blockType); }
        var nans = e.Alloca(maskType);
        var blocks = BuildUDiv(B, count, M.ConstI64(block), "");
        var segments = BuildUDiv(B, BuildNUWAdd(B, blocks, M.ConstI64(ArgSegmentBlocks - 1), ""), M.ConstI64(ArgSegmentBlocks), "");
        ArrayCode.Loop(e, segments, segment =>
        {
            var firstBlock = BuildNUWMul(B, segment, M.ConstI64(ArgSegmentBlocks), "");
            var left = BuildSub(B, blocks, firstBlock, "");
            var segmentBlocks = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntULT, left, M.ConstI64(ArgSegmentBlocks), ""), left, M.ConstI64(ArgSegmentBlocks), "");
            var segmentStart = BuildNUWMul(B, firstBlock, M.ConstI64(block), "");
            for (int u = 0; u < ArgAccumulators; u++)
            {
                BuildStore(B, Constants(_ => ExtremeIdentity(e, max, dtype)), values[u]);
                BuildStore(B, ConstNull(blockType), blocksOf[u]);
            }
            BuildStore(B, ConstNull(maskType), nans);
            ArrayCode.Loop(e, segmentBlocks, k =>
            {
                var at = BuildNUWAdd(B, segmentStart, BuildNUWMul(B, k, M.ConstI64(block), ""), "");
                var number = Splat(size == 4 ? BuildTrunc(B, k, M.I32, "") : k, blockType);
                for (int u = 0; u < ArgAccumulators; u++)
                {
                    var x = BuildLoad2(B, vectorType, BuildInBoundsGEP2(B, ty, start, new[] { BuildNUWAdd(B, at, M.ConstI64(u * lanes), "") }, ""), "");
                    SetAlignment(x, (uint)size);
                    var v = BuildLoad2(B, vectorType, values[u], "");
                    var better = Better(x, v);
                    BuildStore(B, BuildSelect(B, better, x, v, ""), values[u]);
                    BuildStore(B, BuildSelect(B, better, number, BuildLoad2(B, blockType, blocksOf[u], ""), ""), blocksOf[u]);
                    if (isFloat) BuildStore(B, BuildOr(B, BuildLoad2(B, maskType, nans, ""), IsNan(x), ""), nans);
                }
            });
            // Each lane's position, then the accumulators lane by lane (the better value, or the same value at an
            // earlier position), then across lanes; the segment's answer replaces the best so far if strictly better.
            LLVMValueRef Positions(int u) => BuildNUWAdd(B, Splat(segmentStart, positionType), BuildNUWAdd(B,
                BuildNUWMul(B, size == 4 ? BuildZExt(B, BuildLoad2(B, blockType, blocksOf[u], ""), positionType, "") : BuildLoad2(B, blockType, blocksOf[u], ""),
                    Constants(_ => M.ConstI64(block)), ""),
                Constants(k => M.ConstI64(u * lanes + k)), ""), "");
            var value = BuildLoad2(B, vectorType, values[0], ""); var position = Positions(0);
            for (int u = 1; u < ArgAccumulators; u++)
            {
                var v = BuildLoad2(B, vectorType, values[u], ""); var p = Positions(u);
                var take = BuildOr(B, Better(v, value), BuildAnd(B, Same(v, value), BuildICmp(B, LLVMIntPredicate.LLVMIntULT, p, position, ""), ""), "");
                value = BuildSelect(B, take, v, value, ""); position = BuildSelect(B, take, p, position, "");
            }
            string reduceName = isFloat ? (max ? "llvm.vector.reduce.fmax" : "llvm.vector.reduce.fmin")
                : (max, dtype.IsUnsigned) switch { (true, false) => "llvm.vector.reduce.smax", (true, true) => "llvm.vector.reduce.umax",
                    (false, false) => "llvm.vector.reduce.smin", _ => "llvm.vector.reduce.umin" };
            var top = e.Intrinsic(reduceName, new[] { vectorType }, value);
            var first = e.Intrinsic("llvm.vector.reduce.umin", new[] { positionType },
                BuildSelect(B, Same(value, Splat(top, vectorType)), position, Constants(_ => M.ConstI64(long.MaxValue)), ""));
            var improves = Better(top, BuildLoad2(B, ty, best, ""));
            BuildStore(B, BuildSelect(B, improves, top, BuildLoad2(B, ty, best, ""), ""), best);
            BuildStore(B, BuildSelect(B, improves, first, BuildLoad2(B, M.I64, bestAt, ""), ""), bestAt);
            if (isFloat) BuildStore(B, BuildOr(B, BuildLoad2(B, M.I1, sawNan, ""), e.Intrinsic("llvm.vector.reduce.or", new[] { maskType }, BuildLoad2(B, maskType, nans, "")), ""), sawNan);
        });
        var done = BuildNUWMul(B, blocks, M.ConstI64(block), "");
        ArrayCode.Loop(e, BuildSub(B, count, done, ""), j =>
        {
            var i = BuildNUWAdd(B, done, j, "");
            var x = Element(i);
            var better = Better(x, BuildLoad2(B, ty, best, ""));
            BuildStore(B, BuildSelect(B, better, x, BuildLoad2(B, ty, best, ""), ""), best);
            BuildStore(B, BuildSelect(B, better, i, BuildLoad2(B, M.I64, bestAt, ""), ""), bestAt);
            if (isFloat) BuildStore(B, BuildOr(B, BuildLoad2(B, M.I1, sawNan, ""), IsNan(x), ""), sawNan);
        });
        if (!isFloat) return BuildLoad2(B, M.I64, bestAt, "");
        return e.IfElse(BuildLoad2(B, M.I1, sawNan, ""), M.I64, () => FirstPosition(e, count, i => IsNan(Element(i))),
            () => BuildLoad2(B, M.I64, bestAt, ""));
    }

    /// <summary>The first i in [0, n) where hit(i) holds, as a min of positions that vectorises (n where none does).</summary>
    private static LLVMValueRef FirstPosition(FunctionEmitter e, LLVMValueRef n, Func<LLVMValueRef, LLVMValueRef> hit)
    {
        var B = e.B; var M = e.M;
        var first = e.Alloca(M.I64);
        BuildStore(B, n, first);
        ArrayCode.Loop(e, n, i =>
        {
            var candidate = BuildSelect(B, hit(i), i, n, "");
            var cur = BuildLoad2(B, M.I64, first, "");
            BuildStore(B, BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, candidate, cur, ""), candidate, cur, ""), first);
        });
        return BuildLoad2(B, M.I64, first, "");
    }

    /// <summary>Elements per chunk of <see cref="ArgExtremeByChunks"/>: a chunk stays in L1 for its second look.</summary>
    private const long ArgChunk = 1024;

    /// <summary>
    /// argmax (argmin) of count numbers read by at(i), in about one pass: each chunk's extreme (a plain max/min
    /// reduction that vectorises, NaNs counted apart) is compared with the best so far, and only the chunk that holds
    /// the answer is searched for its first position. The first NaN wins, as in NumPy.
    /// </summary>
    private static LLVMValueRef ArgExtremeByChunks(FunctionEmitter e, bool max, ScalarType dtype, LLVMValueRef count, Func<LLVMValueRef, LLVMValueRef> at)
    {
        var B = e.B; var M = e.M; var ty = M.Lower(dtype);
        bool isFloat = dtype.Rank == 2;
        var chunk = M.ConstI64(ArgChunk);
        LLVMValueRef ChunkStart(LLVMValueRef c) => BuildNUWMul(B, c, chunk, "");
        LLVMValueRef ChunkLength(LLVMValueRef lo)
        {
            var left = BuildSub(B, count, lo, "");
            return BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, left, chunk, ""), left, chunk, "");
        }
        // The first position in [lo, lo + n) where hit(x) holds (lo + n where none does).
        LLVMValueRef FirstWhere(LLVMValueRef lo, LLVMValueRef n, Func<LLVMValueRef, LLVMValueRef> hit) =>
            BuildNUWAdd(B, lo, FirstPosition(e, n, j => hit(at(BuildNUWAdd(B, lo, j, "")))), "");
        LLVMValueRef IsNan(LLVMValueRef x) => BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, x, x, "");
        LLVMValueRef Better(LLVMValueRef x, LLVMValueRef than) => isFloat
            ? BuildFCmp(B, max ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT, x, than, "")
            : IntCompare(e, max, x, than, dtype);

        var best = e.Alloca(ty); var bestChunk = e.Alloca(M.I64); var nanAt = e.Alloca(M.I64);
        var extreme = e.Alloca(ty); var sawNan = e.Alloca(M.I1);
        BuildStore(B, ExtremeIdentity(e, max, dtype), best);
        BuildStore(B, M.ConstI64(0), bestChunk);
        BuildStore(B, M.ConstI64(-1), nanAt);
        var chunks = BuildUDiv(B, BuildNUWAdd(B, count, M.ConstI64(ArgChunk - 1), ""), chunk, "");
        ArrayCode.Loop(e, chunks, c =>
        {
            var lo = ChunkStart(c); var n = ChunkLength(lo);
            BuildStore(B, ExtremeIdentity(e, max, dtype), extreme);
            BuildStore(B, M.ConstBool(false), sawNan);
            ArrayCode.Loop(e, n, j =>
            {
                var x = at(BuildNUWAdd(B, lo, j, ""));
                var cur = BuildLoad2(B, ty, extreme, "");
                // maxnum/minnum without NaNs or signed zeros (flags that let them vectorise as plain reductions); NaNs
                // are noted apart, and the chunk's extreme, poison after one, is frozen (its chunk is not searched).
                var next = isFloat ? e.Intrinsic(max ? "llvm.maxnum" : "llvm.minnum", new[] { ty }, cur, x) : Extreme(e, max, cur, x, dtype);
                if (isFloat) LLVM.SetFastMathFlags(next, LLVMFastMathFlags.LLVMFastMathNoNaNs | LLVMFastMathFlags.LLVMFastMathNoSignedZeros);
                BuildStore(B, next, extreme);
                if (isFloat) BuildStore(B, BuildOr(B, BuildLoad2(B, M.I1, sawNan, ""), IsNan(x), ""), sawNan);
            });
            if (isFloat)
            {
                var firstNan = BuildAnd(B, BuildLoad2(B, M.I1, sawNan, ""),
                    BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, BuildLoad2(B, M.I64, nanAt, ""), M.ConstI64(0), ""), "");
                e.When(firstNan, () => BuildStore(B, FirstWhere(lo, n, IsNan), nanAt));
            }
            var v = BuildFreeze(B, BuildLoad2(B, ty, extreme, ""), "");
            var better = Better(v, BuildLoad2(B, ty, best, ""));
            BuildStore(B, BuildSelect(B, better, v, BuildLoad2(B, ty, best, ""), ""), best);
            BuildStore(B, BuildSelect(B, better, c, BuildLoad2(B, M.I64, bestChunk, ""), ""), bestChunk);
        });
        var target = BuildLoad2(B, ty, best, "");
        var start = ChunkStart(BuildLoad2(B, M.I64, bestChunk, ""));
        var found = FirstWhere(start, ChunkLength(start), x => isFloat
            ? BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, x, target, "") : BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, x, target, ""));
        if (!isFloat) return found;
        var nan = BuildLoad2(B, M.I64, nanAt, "");
        return BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGE, nan, M.ConstI64(0), ""), nan, found, "");
    }

    /// <summary>acc + x (or acc * x); floating-point additions may be reassociated (vectorised with several accumulators).</summary>
    /// <param name="reassociate">Whether LLVM may reorder a float sum (to vectorise it); products, and sums NumPy
    /// computes in order, keep their order.</param>
    private static LLVMValueRef Accumulate(FunctionEmitter e, bool product, LLVMValueRef acc, LLVMValueRef x, ScalarType t, bool reassociate = false)
    {
        var B = e.B;
        switch (t.Rank)
        {
            case 0 or 1: return product ? BuildMul(B, acc, x, "") : BuildAdd(B, acc, x, "");
            case 2:
            {
                var r = product ? BuildFMul(B, acc, x, "") : BuildFAdd(B, acc, x, "");
                if (reassociate) LLVM.SetFastMathFlags(r, LLVMFastMathFlags.LLVMFastMathAllowReassoc);
                return r;
            }
            default:
            {
                var (ar, ai) = (e.ExtractValue(acc, 0), e.ExtractValue(acc, 1));
                var (xr, xi) = (e.ExtractValue(x, 0), e.ExtractValue(x, 1));
                if (!product) return e.MakeStruct(e.M.Lower(t), BuildFAdd(B, ar, xr, ""), BuildFAdd(B, ai, xi, ""));
                return e.MakeStruct(e.M.Lower(t), BuildFSub(B, BuildFMul(B, ar, xr, ""), BuildFMul(B, ai, xi, ""), ""),
                    BuildFAdd(B, BuildFMul(B, ar, xi, ""), BuildFMul(B, ai, xr, ""), ""));
            }
        }
    }

    private static LLVMValueRef Divide(FunctionEmitter e, LLVMValueRef total, LLVMValueRef n, ScalarType t)
    {
        if (t.Rank == 3)
            return e.MakeStruct(e.M.Lower(t), BuildFDiv(e.B, e.ExtractValue(total, 0), n, ""), BuildFDiv(e.B, e.ExtractValue(total, 1), n, ""));
        return BuildFDiv(e.B, total, n, "");
    }

    /// <summary>
    /// How many of a line's elements are nonzero (true), counted in lanes as narrow as the elements allow: 16 bits
    /// for 1- and 2-byte types, in blocks of 32,767 that cannot overflow them, 32 bits for 4-byte types, 64 bits
    /// otherwise. Widening every bool to 64 bits took a vector register per 8 of them (1,000,000 bools: 68 us, NumPy
    /// 36 us).
    /// </summary>
    private static LLVMValueRef CountNonzeroLine(FunctionEmitter e, ScalarType dtype, LLVMValueRef start, LLVMValueRef count, LLVMValueRef stride)
    {
        var B = e.B; var M = e.M;
        int bits = Math.Clamp(ArrayCode.ItemSize(dtype) * 8, 16, 64);
        var lane = bits switch { 16 => M.I16, 32 => M.I32, _ => M.I64 };
        long block = bits switch { 16 => short.MaxValue, 32 => int.MaxValue, _ => long.MaxValue };
        var total = e.Alloca(M.I64);
        var acc = e.Alloca(lane);
        BuildStore(B, M.ConstI64(0), total);
        var blockLength = M.ConstI64(block);
        var blocks = bits == 64 ? M.ConstI64(1) : BuildAdd(B, BuildSDiv(B, count, blockLength, ""), M.ConstI64(1), "");
        ArrayCode.Loop(e, blocks, b =>
        {
            var first = BuildNSWMul(B, b, blockLength, "");
            var rest = BuildNSWSub(B, count, first, "");
            var length = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, rest, blockLength, ""), rest, blockLength, "");
            BuildStore(B, LLVM.ConstInt(lane, 0, 0), acc);
            int interleave = e.LoopInterleave;
            e.LoopInterleave = 4;
            try
            {
                ArrayCode.Loop(e, length, i =>
                {
                    var offset = BuildNSWMul(B, BuildNSWAdd(B, first, i, ""), stride, "");
                    var x = ArrayCode.Load(e, dtype, BuildGEP2(B, M.I8, start, new[] { offset }, ""));
                    var one = BuildZExt(B, e.Convert(x, dtype, ScalarType.Bool), lane, "");
                    BuildStore(B, BuildAdd(B, BuildLoad2(B, lane, acc, ""), one, ""), acc);
                });
            }
            finally { e.LoopInterleave = interleave; }
            var sum = BuildZExt(B, BuildLoad2(B, lane, acc, ""), M.I64, "");
            BuildStore(B, BuildAdd(B, BuildLoad2(B, M.I64, total, ""), sum, ""), total);
        });
        return BuildLoad2(B, M.I64, total, "");
    }

    /// <summary>
    /// np.max/np.min of floats: the larger (smaller) value by a plain comparison, and whether a NaN was seen, apart. The
    /// comparison and its select say no NaNs and no signed zeros, so LLVM vectorises them as a max reduction, here
    /// with four vector accumulators (1,000,000 float64: 0.45 ms as one llvm.maximum chain, 0.10 ms now; NumPy 0.10
    /// ms); a NaN anywhere makes the result NaN, as in NumPy. Which zero a max of 0.0 and -0.0 gives follows the
    /// vector lanes, as NumPy's own does.
    /// </summary>
    private static LLVMValueRef FloatExtreme(FunctionEmitter e, bool max, ScalarType dtype, LLVMValueRef slot, Action<Action<LLVMValueRef, LLVMValueRef>> loop,
        bool skipNaN = false)
    {
        var B = e.B; var M = e.M;
        var ty = M.Lower(dtype);
        // NaN skipped (fmax/fmin): a NaN counts as the identity and the result is NaN only where no number was seen.
        var sawNaN = e.Alloca(M.I1);
        BuildStore(B, M.ConstBool(skipNaN), sawNaN);
        var identity = ExtremeIdentity(e, max, dtype);
        const LLVMFastMathFlags plain = LLVMFastMathFlags.LLVMFastMathNoNaNs | LLVMFastMathFlags.LLVMFastMathNoSignedZeros;
        int interleave = e.LoopInterleave;
        e.LoopInterleave = 4;
        try
        {
            loop((x, _) =>
            {
                var cur = BuildLoad2(B, ty, slot, "");
                var nan = BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, x, x, "");
                if (skipNaN) x = BuildSelect(B, nan, identity, x, "");
                var better = BuildFCmp(B, max ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT, x, cur, "");
                SetFastMathFlags(better, plain);
                var pick = BuildSelect(B, better, x, cur, "");
                SetFastMathFlags(pick, plain);
                BuildStore(B, pick, slot);
                var seen = BuildLoad2(B, M.I1, sawNaN, "");
                BuildStore(B, skipNaN ? BuildAnd(B, seen, nan, "") : BuildOr(B, seen, nan, ""), sawNaN);
            });
        }
        finally { e.LoopInterleave = interleave; }
        return BuildSelect(B, BuildLoad2(B, M.I1, sawNaN, ""), M.Constant(double.NaN, dtype), BuildLoad2(B, ty, slot, ""), "");
    }

    /// <summary>The starting value of a max (min) reduction: -inf (inf) for floats, the type's least (greatest) value.</summary>
    private static LLVMValueRef ExtremeIdentity(FunctionEmitter e, bool max, ScalarType t)
    {
        if (t.Rank == 2) return e.M.Constant(max ? double.NegativeInfinity : double.PositiveInfinity, t);
        if (t.Rank == 0) return e.M.ConstBool(!max);
        int bits = t.Bits;
        long value = t.IsUnsigned ? (max ? 0 : -1) : max ? (bits == 64 ? long.MinValue : -(1L << (bits - 1))) : (bits == 64 ? long.MaxValue : (1L << (bits - 1)) - 1);
        return LLVM.ConstInt(e.M.Lower(t), value);
    }

    /// <summary>The larger (or smaller) of acc and x, for bools and integers (floats: FloatExtreme).</summary>
    private static LLVMValueRef Extreme(FunctionEmitter e, bool max, LLVMValueRef acc, LLVMValueRef x, ScalarType t) =>
        BuildSelect(e.B, IntCompare(e, max, x, acc, t), x, acc, "");

    private static LLVMValueRef IntCompare(FunctionEmitter e, bool greater, LLVMValueRef x, LLVMValueRef y, ScalarType t) =>
        BuildICmp(e.B, (greater, t.IsUnsigned || t.Rank == 0) switch
        {
            (true, false) => LLVMIntPredicate.LLVMIntSGT, (true, true) => LLVMIntPredicate.LLVMIntUGT,
            (false, false) => LLVMIntPredicate.LLVMIntSLT, _ => LLVMIntPredicate.LLVMIntULT,
        }, x, y, "");
}
