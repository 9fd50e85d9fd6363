using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// NumPy routines on arrays: where and clip (element-wise, so they fuse with the operators around them), cumulative
/// sums and products, count_nonzero, dot / matmul / <c>@</c>, and np.array / np.asarray of arrays and tuples.
/// </summary>
public static unsafe partial class Builtins
{
    private static void RegisterRoutines()
    {
        RegisterWhereAndClip();
        RegisterCumulative();
        RegisterMatmul();
        RegisterArrayConstructors();
        RegisterMachineLimits();
    }

    // ------------------------------------------------------------ where, clip

    /// <summary>np.clip with one bound None: the ufunc NumPy calls instead (np.minimum for a missing lower bound) and
    /// the position of the other bound; null when both are given.</summary>
    private static (string Ufunc, int Bound)? ClipOneSided(SjType[] types) =>
        types[1] == SimpleType.None ? ("numpy.minimum", 2) : types[2] == SimpleType.None ? ("numpy.maximum", 1) : null;

    /// <summary>NumPy 1.24 reads a NaN given as a number or 0-d array for a bound as no bound (deprecated, with a
    /// warning; a NaN in an array of bounds propagates): such a bound becomes -inf (lower) or +inf (upper).</summary>
    private static LoweringCall WithNanBoundsUnset(LoweringCall c)
    {
        var args = c.Args.ToArray();
        var sig = c.Sig;
        var B = c.E.B;
        for (int k = 1; k <= 2; k++)
        {
            // A 0-d array is a number to NumPy's test: its element, a number of its dtype (the loop is the same).
            if (args[k].Type is ArrayType { Ndim: 0, Dtype.Rank: >= 2 } zeroD)
            {
                args[k] = new LoweredArg(ArrayCode.Load(c.E, zeroD.Dtype, ArrayCode.Data(c.E, args[k].Value)), zeroD.Dtype);
                sig = sig with { Args = sig.Args.SetItem(k, zeroD.Dtype) };
            }
            if (args[k].Type is ScalarType { Rank: >= 2 } t)
            {
                // A complex bound is NaN when a part is (np.isnan); it becomes the float -inf or inf, as in NumPy.
                var v = args[k].Value;
                double infinity = k == 1 ? double.NegativeInfinity : double.PositiveInfinity;
                var isNan = t.Rank == 2 ? IsNan(c.E, v) : BuildOr(B, IsNan(c.E, c.E.ExtractValue(v, 0)), IsNan(c.E, c.E.ExtractValue(v, 1)), "");
                var unset = t.Rank == 2 ? LLVM.ConstReal(c.E.M.Lower(t), infinity) : c.E.M.Constant(new System.Numerics.Complex(infinity, 0), t);
                args[k] = new LoweredArg(BuildSelect(B, isNan, unset, v, ""), t, args[k].Literal);   // the literal decides the loop
            }
        }
        return new LoweringCall(c.E, sig, c.Span, args.Concat(c.Sig.KeywordNames.Select(name => c.Keywords[name])).ToArray(), c.Callees);
    }

    private static void RegisterWhereAndClip()
    {
        // One element of np.where: cond ? x : y, in the type both share.
        var select = Add("$where", c =>
        {
            var (x, y) = (c.Positional[1].Type, c.Positional[2].Type);
            return TypeOps.Unify(x, y) is ScalarType s ? s : throw c.Error($"np.where() of a {TypeOps.PyName(x)} and a {TypeOps.PyName(y)} is not supported");
        }, c => BuildSelect(c.E.B, c.E.Convert(c.Arg(0), c.ArgType(0), ScalarType.Bool),
            c.E.Convert(c.Arg(1), c.ArgType(1), c.ResultType), c.E.Convert(c.Arg(2), c.ArgType(2), c.ResultType), ""), neverRaises: true, acceptsNarrow: true);
        LibFunc where = null!;
        where = Add("numpy.where", c =>
        {
            if (c.Positional.Length == 1 && c.Keywords.Count == 0) return WhereOneType(c);   // np.nonzero (Arrays.Search.cs)
            if (c.Positional.Length != 3 || c.Keywords.Count > 0)
                throw c.Error("np.where() takes (condition, x, y) or (condition) in compiled code");
            if (c.Positional.Any(a => a.Type is ArrayType)) return ElementwiseType(c, "where", select);
            return select.Type(c);
        }, c => c.Args.Length == 1 ? LowerWhereOne(c) : c.Args.Any(a => a.Type is ArrayType) ? LowerElementwise(c, "where", select, inPlace: false) : select.Lower(c), acceptsNarrow: true);
        where.Elementwise = ("where", select, false);

        // One element of np.clip: NumPy's clip loop, max then min, NaN propagating.
        var clipOne = Add("$clip", c => Get("numpy.minimum").Type(c.WithPositional(new[]
        {
            new TypedArg(Get("numpy.maximum").Type(c.WithPositional(c.Positional[..2])), null, c.Site), c.Positional[2],
        })), c =>
        {
            var max = Get("numpy.maximum"); var min = Get("numpy.minimum");
            var t = (ScalarType)c.ResultType;
            if (t.Rank == 3) return ClipComplex(c.E, Enumerable.Range(0, 3).Select(k => c.E.Convert(c.Arg(k), c.ArgType(k), ScalarType.Complex128)).ToArray(), t);
            var hi = max.Lower(new LoweringCall(c.E, Signature.Of(t, c.ArgType(0), c.ArgType(1)), c.Span, c.Args[..2]));
            return min.Lower(new LoweringCall(c.E, Signature.Of(t, t, c.ArgType(2)), c.Span, new[] { new LoweredArg(hi, t), c.Args[2] }));
        }, neverRaises: true, acceptsNarrow: true);
        LibFunc clip = null!;
        clip = Add("numpy.clip", c =>
        {
            Arity(c, "clip", 3, 3, "out");
            // No bound: NumPy's ValueError, raised when the call runs (the result types as the array or number).
            if (c.Positional[1].Type == SimpleType.None && c.Positional[2].Type == SimpleType.None)
                return c.Positional[0].Type is ArrayType at ? new ArrayType(at.Dtype, at.Ndim) : c.Positional[0].Type is ScalarType s ? s.Canonical
                    : throw c.ErrorAt(c.Positional[0], "np.clip() takes arrays and numbers in compiled code");
            foreach (var a in c.Positional)
                if (a.Type is not (ArrayType or ScalarType) && a.Type != SimpleType.None) throw c.ErrorAt(a, "np.clip() takes arrays and numbers in compiled code");
            // One bound None: NumPy calls np.minimum(a, hi) or np.maximum(a, lo) itself.
            if (ClipOneSided(c.Positional.Select(a => a.Type).ToArray()) is { } side)
            {
                if (c.Keywords.ContainsKey("out")) throw c.Error("np.clip() with a None bound and out= is not supported in compiled code", "use np.minimum(a, hi, out=...) or np.maximum(a, lo, out=...)");
                return Get(side.Ufunc).Type(c.WithPositional(new[] { c.Positional[0], c.Positional[side.Bound] }));
            }
            if (c.Keywords.ContainsKey("out")) return ElementwiseOutType(c, "clip", clipOne, unsafeCast: true);
            if (c.Positional.Any(a => a.Type is ArrayType)) return ElementwiseResult(c, "clip", clipOne);
            return clipOne.Type(c);
        }, c =>
        {
            if (c.ArgType(1) == SimpleType.None && c.ArgType(2) == SimpleType.None)
            {
                c.E.RaiseIf(c.E.M.ConstBool(true), "ValueError", "One of max or min must be given", c.Span);
                return GetUndef(c.E.M.Lower(c.ResultType));
            }
            c = WithNanBoundsUnset(c);   // before the one-sided form too: NumPy unsets a NaN bound first
            if (ClipOneSided(c.Args.Select(a => a.Type).ToArray()) is { } side)
                return Get(side.Ufunc).Lower(new LoweringCall(c.E, Signature.Of(c.ResultType, c.ArgType(0), c.ArgType(side.Bound)), c.Span,
                    new[] { c.Args[0], c.Args[side.Bound] }, c.Callees));
            return c.Keywords.ContainsKey("out") ? LowerElementwiseOut(c, "clip", clipOne)
                : c.Args.Any(a => a.Type is ArrayType) ? LowerElementwise(c, "clip", clipOne, inPlace: false) : clipOne.Lower(c);
        }, acceptsNarrow: true);
        clip.Elementwise = ("clip", clipOne, false);
        // a.clip(min=None, max=None): one bound given is NumPy's np.clip(a, min, None).
        Method("clip", (c, t) => Get("numpy.clip").Type(c.Positional.Length == 2 ? c.WithArguments(c.Positional.Append(new TypedArg(SimpleType.None, null, c.Site)).ToArray(),
                c.Keywords.Select(kv => (kv.Key, kv.Value)).ToList()) : c),
            (c, t) =>
            {
                if (c.Args.Length != 2) return Get("numpy.clip").Lower(c);
                var none = new LoweredArg(GetUndef(c.E.M.Lower(SimpleType.None)), SimpleType.None);
                return Get("numpy.clip").Lower(c.With(c.Args.Append(none).Concat(c.Sig.KeywordNames.Select(k => c.Keywords[k])).ToArray(), c.Sig.KeywordNames));
            });
        PositionalByName("method.clip", "$self", "min=None", "max=None");
        PositionalByName("numpy.clip", "a", "a_min", "a_max");
    }

    /// <summary>NumPy's complex clip (clip.cpp): max then min, each keeping its first operand when that has a NaN
    /// part or orders first by real part, then imaginary part, NaNs in the bound ignored (unlike np.maximum's order).</summary>
    private static LLVMValueRef ClipComplex(FunctionEmitter e, LLVMValueRef[] xLoHi, ScalarType result)
    {
        var B = e.B;
        LLVMValueRef Keep(LLVMValueRef a, LLVMValueRef b, bool greater)
        {
            var (ar, ai) = Parts(e, a); var (br, bi) = Parts(e, b);
            var pred = greater ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT;
            var ordered = BuildSelect(B, FCmp(e, LLVMRealPredicate.LLVMRealOEQ, ar, br), FCmp(e, pred, ai, bi), FCmp(e, pred, ar, br), "");
            var keep = BuildOr(B, BuildOr(B, IsNan(e, ar), IsNan(e, ai), ""), ordered, "");
            return BuildSelect(B, keep, a, b, "");
        }
        return e.Convert(Keep(Keep(xLoHi[0], xLoHi[1], greater: true), xLoHi[2], greater: false), ScalarType.Complex128, result);
    }

    /// <summary>The loop of np.where, which is not a ufunc: the condition as bool, x and y in their result type (NumPy
    /// 1.24's result_type, value-based for Python numbers).</summary>
    private static NumPyPromotion.UFuncLoop? WhereLoop(SjType[] types, object?[] literals)
    {
        // A 0-d array is a scalar of unknown value here, as in the ufuncs' resolution (Operands).
        var arrays = types.Skip(1).OfType<ArrayType>().Where(a => a.Ndim > 0).Select(a => a.Dtype).ToList();
        var scalars = types.Select((t, k) => (t, k)).Skip(1).Where(p => p.t is ScalarType or ArrayType { Ndim: 0 })
            .Select(p => new NumPyPromotion.Operand(ElementOf(p.t), p.t is ArrayType || literals[p.k] is string ? null : literals[p.k])).ToList();
        var rt = NumPyPromotion.ResultType(arrays, scalars);
        return rt == null ? null : new NumPyPromotion.UFuncLoop(new[] { ScalarType.Bool, rt, rt }, new[] { rt });
    }

    // ------------------------------------------------------------ cumulative sums and products, counts

    private static void RegisterCumulative()
    {
        foreach (var (name, product) in new[] { ("cumsum", false), ("cumprod", true) })
        {
            SjType Type(CallTypingContext c, ArrayType t)
            {
                Arity(c, name, 1, 2, "axis", "dtype");
                // dtype=: the cumulation of the elements cast to it (NumPy casts them in its buffers: the same bits)
                var cast = ReductionDtype(c, product ? ReductionKind.Prod : ReductionKind.Sum, name, t.Dtype);
                return Narrowed(Cumulated(c, cast is { } n ? CastType(t, n) : t), cast);
            }
            SjType Cumulated(CallTypingContext c, ArrayType t)
            {
                // Along an axis (by position or name): numpy.py's _cumsum_axis/_cumprod_axis (any number of dimensions).
                var ax = c.Positional.Length == 2 ? c.Positional[1] : c.Keywords.GetValueOrDefault("axis");
                if (ax != null && ax.Type != SimpleType.None)
                    return c.Require(PythonLibrary.Function("numpy", $"_{name}_axis"), new[] { TypeOps.Canonical(t), TypeOps.Canonical(ax.Type) }).ReturnType;
                return new ArrayType((ScalarType)ReductionType(c, product ? ReductionKind.Prod : ReductionKind.Sum, t.Dtype, name), 1);
            }
            LLVMValueRef LowerCast(LoweringCall c, ArrayType t) => WithDtypeCast(c, t, Lower);
            LLVMValueRef Lower(LoweringCall c, ArrayType t, LLVMValueRef a)
            {
                var e = c.E; var B = e.B; var M = e.M;
                var axis = c.Args.Length == 2 ? c.Args[1] : c.Keywords.GetValueOrDefault("axis");
                if (c.Callees.Count > 0 && axis != null)
                    return e.Convert(c.CallCompiled(0, e.Convert(a, t, TypeOps.Canonical(t)), e.Convert(axis.Value, axis.Type, TypeOps.Canonical(axis.Type))),
                        c.Callees[0].ReturnType, c.ResultType);
                var rt = (ArrayType)c.ResultType;
                var size = ArrayCode.Size(e, ArrayCode.Shape(e, t, a));
                var r = ArrayCode.Allocate(e, rt, new[] { size }, c.Span);
                var outData = ArrayCode.Data(e, r);
                var acc = e.Alloca(M.Lower(rt.Dtype));
                BuildStore(B, M.Constant(product ? 1L : 0L, rt.Dtype), acc);
                ForEachElement(e, t, a, (x, i) =>
                {
                    // A running total keeps its order (each prefix is stored), as NumPy's does.
                    var v = product ? MultiplyElements(e, BuildLoad2(B, M.Lower(rt.Dtype), acc, ""), e.Convert(x, t.Dtype, rt.Dtype), rt.Dtype)
                        : AddElements(e, BuildLoad2(B, M.Lower(rt.Dtype), acc, ""), e.Convert(x, t.Dtype, rt.Dtype), rt.Dtype);
                    BuildStore(B, v, acc);
                    ArrayCode.Store(e, rt.Dtype, ElementAt(e, rt.Dtype, outData, i), v);
                });
                return r;
            }
            Method(name, Type, LowerCast);
            AddNumPyReduction(name, Type, LowerCast);
        }

        // count_nonzero(a, axis): an int counts along that axis (the library's (a != 0).sum(axis))
        TypedArg? CountAxis(CallTypingContext c) => c.Positional.Length > 1 ? c.Positional[1] : c.Keywords.GetValueOrDefault("axis");
        SjType CountType(CallTypingContext c, ArrayType t)
        {
            Arity(c, "count_nonzero", 1, 2, "axis");
            if (CountAxis(c) is not { } axis || axis.Type == SimpleType.None) return ScalarType.Int64;
            if (axis.Type is not ScalarType { Rank: 1 } || axis.Literal == null)
                throw c.ErrorAt(axis, "count_nonzero() takes an int written in the call or None for axis in compiled code");
            return c.Require(PythonLibrary.Function("numpy", "_count_nonzero_axis"), new[] { t, axis.Type }, new[] { null, axis.Literal }).ReturnType;
        }
        LLVMValueRef CountLower(LoweringCall c, ArrayType t)
        {
            var e = c.E;
            if (c.ResultType is ArrayType || c.Callees.Count > 0)
            {
                var axis = c.Args.Length > 1 ? c.Args[1] : c.Keywords["axis"];
                return c.CallCompiled(0, c.Arg(0), axis.Value);
            }
            if (t.Layout is ArrayLayout.C or ArrayLayout.F || t.Ndim == 1)
            {
                var stride = t.Layout is ArrayLayout.C or ArrayLayout.F ? e.M.ConstI64(ArrayCode.ItemSize(t.Dtype)) : ArrayCode.Strides(e, t, c.Arg(0))[0];
                return CountNonzeroLine(e, t.Dtype, ArrayCode.Data(e, c.Arg(0)), ArrayCode.Size(e, ArrayCode.Shape(e, t, c.Arg(0))), stride);
            }
            var n = e.Alloca(e.M.I64);
            BuildStore(e.B, e.M.ConstI64(0), n);
            ForEachElement(e, t, c.Arg(0), (x, _) =>
                BuildStore(e.B, BuildAdd(e.B, BuildLoad2(e.B, e.M.I64, n, ""), BuildZExt(e.B, e.Convert(x, t.Dtype, ScalarType.Bool), e.M.I64, ""), ""), n));
            return BuildLoad2(e.B, e.M.I64, n, "");
        }
        AddNumPyReduction("count_nonzero", CountType, CountLower);
    }

    /// <summary>x + y in order (no reassociation: prefix sums are results).</summary>
    private static LLVMValueRef AddElements(FunctionEmitter e, LLVMValueRef x, LLVMValueRef y, ScalarType t) => t.Rank switch
    {
        <= 1 => BuildAdd(e.B, x, y, ""),
        2 => BuildFAdd(e.B, x, y, ""),
        _ => e.MakeStruct(e.M.Lower(t), BuildFAdd(e.B, e.ExtractValue(x, 0), e.ExtractValue(y, 0), ""), BuildFAdd(e.B, e.ExtractValue(x, 1), e.ExtractValue(y, 1), "")),
    };

    private static LLVMValueRef MultiplyElements(FunctionEmitter e, LLVMValueRef x, LLVMValueRef y, ScalarType t) =>
        t.Rank == 3 ? Accumulate(e, true, x, y, t) : t.Rank == 2 ? BuildFMul(e.B, x, y, "") : BuildMul(e.B, x, y, "");

    // ------------------------------------------------------------ dot, matmul, @

    private static void RegisterMatmul()
    {
        foreach (var name in new[] { "array.matmul", "numpy.matmul", "numpy.dot" })
        {
            bool dot = name == "numpy.dot";
            Add(name, c =>
            {
                if (c.Positional.Length != 2 || c.Keywords.Count > 0) throw c.Error($"{name[(name.IndexOf('.') + 1)..]}() takes two arrays in compiled code");
                if (c.Positional[0].Type is not ArrayType a || c.Positional[1].Type is not ArrayType b)
                {
                    if (dot && c.Positional.All(p => p.Type is ScalarType)) return Get("numpy.multiply").Type(c);
                    throw c.Error("matrix products take arrays in compiled code", "multiply a number with *");
                }
                // Stacks of matrices (one operand of three dimensions): matmul in the library (_matmul_stack).
                if (!dot && (a.Ndim == 3 || b.Ndim == 3) && a.Ndim is >= 1 and <= 3 && b.Ndim is >= 1 and <= 3)
                    return c.Require(PythonLibrary.Function("numpy", "_matmul_stack"), a, b).ReturnType;
                // np.dot of a 3-d array with a vector or matrix, or of a vector with a 3-d array, is that matmul.
                if (dot && (a.Ndim == 3 && b.Ndim <= 2 || a.Ndim == 1 && b.Ndim == 3))
                    return c.Require(PythonLibrary.Function("numpy", "_dot_stack"), a, b).ReturnType;
                if (a.Ndim is < 1 or > 2 || b.Ndim is < 1 or > 2)
                    throw c.Error(dot ? "np.dot of arrays with more than 2 dimensions is not supported in compiled code yet"
                        : "matmul of arrays with more than 3 dimensions is not supported in compiled code yet");
                var dtype = NumPyPromotion.PromoteTypes(a.Dtype, b.Dtype);
                int ndim = a.Ndim + b.Ndim - 2;
                return ndim == 0 ? dtype : new ArrayType(dtype, ndim);
            }, c =>
            {
                if (c.ArgType(0) is ScalarType) return Get("numpy.multiply").Lower(c);
                if (c.Callees.Count > 0) return c.E.Convert(c.CallCompiled(0, c.Arg(0), c.Arg(1)), c.Callees[0].ReturnType, c.ResultType);
                return LowerMatmul(c, dot);
            }, acceptsNarrow: true);
        }
    }

    /// <summary>The product of 1-d and 2-d arrays: for matrices the i, k, j loop order, so the innermost loop runs
    /// along rows of b and of the result (vectorised when they are contiguous).</summary>
    private static LLVMValueRef LowerMatmul(LoweringCall c, bool dot)
    {
        var e = c.E; var B = e.B; var M = e.M;
        var (at, bt) = ((ArrayType)c.ArgType(0), (ArrayType)c.ArgType(1));
        var dtype = c.ResultType is ArrayType rt ? rt.Dtype : (ScalarType)c.ResultType;
        var (a, b) = (c.Arg(0), c.Arg(1));
        var aShape = ArrayCode.Shape(e, at, a); var bShape = ArrayCode.Shape(e, bt, b);
        var aStrides = ArrayCode.Strides(e, at, a); var bStrides = ArrayCode.Strides(e, bt, b);
        // a as (n, k) and b as (k, m), a missing axis of length 1 with stride 0.
        var (n, k, aRow, aCol) = at.Ndim == 2 ? (aShape[0], aShape[1], aStrides[0], aStrides[1]) : (M.ConstI64(1), aShape[0], M.ConstI64(0), aStrides[0]);
        var (k2, m, bRow, bCol) = bt.Ndim == 2 ? (bShape[0], bShape[1], bStrides[0], bStrides[1]) : (bShape[0], M.ConstI64(1), bStrides[0], M.ConstI64(0));
        var mismatch = BuildICmp(B, LLVMIntPredicate.LLVMIntNE, k, k2, "");
        e.FailIf(mismatch, () =>
        {
            if (dot) e.CallRuntime("sj_dot_error", StoreShape(e, aShape), M.ConstI64(at.Ndim), StoreShape(e, bShape), M.ConstI64(bt.Ndim));
            else e.CallRuntime("sj_matmul_error", k2, k);
        }, c.Span);
        var aData = ArrayCode.Data(e, a); var bData = ArrayCode.Data(e, b);
        LLVMValueRef Elem(LLVMValueRef data, ScalarType t, LLVMValueRef i, LLVMValueRef j, LLVMValueRef si, LLVMValueRef sj) =>
            e.Convert(ArrayCode.Load(e, t, BuildGEP2(B, M.I8, data, new[] { BuildAdd(B, BuildMul(B, i, si, ""), BuildMul(B, j, sj, ""), "") }, "")), t, dtype);
        LLVMValueRef MulAdd(LLVMValueRef acc, LLVMValueRef x, LLVMValueRef y, bool inOrder = false)
        {
            if (dtype.Rank == 0) return BuildOr(B, acc, BuildAnd(B, x, y, ""), "");
            var p = MultiplyElements(e, x, y, dtype);
            return dtype.Rank == 2 && !inOrder ? Reassociable(BuildFAdd(B, acc, p, "")) : AddElements(e, acc, p, dtype);
        }
        if (c.ResultType is ScalarType)
        {
            // 1-d · 1-d: a sum of products (reassociated for floats, as NumPy's BLAS dot reorders it).
            var acc = e.Alloca(M.Lower(dtype));
            BuildStore(B, M.Constant(0L, dtype), acc);
            void Sum(bool inOrder) => ArrayCode.Loop(e, k, p => BuildStore(B, MulAdd(BuildLoad2(B, M.Lower(dtype), acc, ""),
                Elem(aData, at.Dtype, M.ConstI64(0), p, aRow, aCol), Elem(bData, bt.Dtype, p, M.ConstI64(0), bRow, bCol), inOrder), acc));
            // Vectors BLAS cannot take (a negative stride) NumPy sums itself, in order; without a BLAS, reassociated.
            if (BlasDot(e, at, bt, dtype, k, (aData, aCol), (bData, bRow), acc) is var (usable, byBlas))
                e.When(BuildNot(B, byBlas, ""), () => e.When(usable, () => Sum(false), () => Sum(true)));
            else Sum(false);
            return BuildLoad2(B, M.Lower(dtype), acc, "");
        }
        var result = (ArrayType)c.ResultType;
        var outShape = at.Ndim == 2 && bt.Ndim == 2 ? new[] { n, m } : at.Ndim == 2 ? new[] { n } : new[] { m };
        var r = ArrayCode.Allocate(e, result, outShape, c.Span);
        var rData = ArrayCode.Data(e, r);
        var item = M.ConstI64(ArrayCode.ItemSize(dtype));
        void Loops() => LoopsOver(r, rData, aData, bData, n, k, m, aRow, aCol, bRow, bCol);
        // (with the operands as parameters, so that behind BLAS they can be compiled on first use)
        void LoopsOver(LLVMValueRef r, LLVMValueRef rData, LLVMValueRef aData, LLVMValueRef bData, LLVMValueRef n, LLVMValueRef k, LLVMValueRef m,
            LLVMValueRef aRow, LLVMValueRef aCol, LLVMValueRef bRow, LLVMValueRef bCol)
        {
            Fill(e, result, r, M.Constant(0L, dtype));
            // c[i, j] lives at (i * m + j) * itemsize in the (n, m) view of the result.
            ArrayCode.Loop(e, n, i => ArrayCode.Loop(e, k, p =>
            {
                var x = Elem(aData, at.Dtype, i, p, aRow, aCol);
                ArrayCode.Loop(e, m, j =>
                {
                    var dst = BuildGEP2(B, M.I8, rData, new[] { BuildMul(B, BuildAdd(B, BuildMul(B, i, m, ""), j, ""), item, "") }, "");
                    var cur = ArrayCode.Load(e, dtype, dst);
                    ArrayCode.Store(e, dtype, dst, MulAdd(cur, x, Elem(bData, bt.Dtype, p, j, bRow, bCol)));
                });
            }));
        }
        // The loops run where BLAS cannot (an empty axis, a layout it does not take): compiled when they first run.
        if (BlasProduct(e, at, bt, dtype, (aData, n, k, aRow, aCol), (bData, k, m, bRow, bCol), rData) is { } done)
            e.When(BuildNot(B, done, ""), () => e.Deferred("matmul", new[] { r, rData, aData, bData, n, k, m, aRow, aCol, bRow, bCol },
                f => LoopsOver(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]), c.Span));
        else Loops();
        return r;
    }

    /// <summary>
    /// The product through NumPy's BLAS (RuntimeBlas), as NumPy computes it: gemm for a matrix times a matrix, gemv
    /// when one side is a vector. Applies to float and complex operands of the result's dtype laid out as BLAS takes
    /// them (one unit stride, the other a whole number of elements), checked at run time; null where it cannot apply
    /// (other dtypes, exported code), else whether BLAS did it (false: no BLAS, a layout it cannot take, an empty
    /// dimension).
    /// </summary>
    private static LLVMValueRef? BlasProduct(FunctionEmitter e, ArrayType at, ArrayType bt, ScalarType dtype,
        (LLVMValueRef Data, LLVMValueRef Rows, LLVMValueRef Cols, LLVMValueRef RowStride, LLVMValueRef ColStride) a,
        (LLVMValueRef Data, LLVMValueRef Rows, LLVMValueRef Cols, LLVMValueRef RowStride, LLVMValueRef ColStride) b, LLVMValueRef c)
    {
        var B = e.B; var M = e.M;
        long? kind = BlasKind(dtype);
        if (kind == null || M.Options.Standalone || at.Dtype != dtype || bt.Dtype != dtype) return null;
        long size = ArrayCode.ItemSize(dtype);
        var item = M.ConstI64(size);
        LLVMValueRef Eq(LLVMValueRef x, LLVMValueRef y) => BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, x, y, "");
        LLVMValueRef And(params LLVMValueRef[] xs) => xs.Aggregate((x, y) => BuildAnd(B, x, y, ""));
        LLVMValueRef Elements(LLVMValueRef byteStride) => BuildSDiv(B, byteStride, item, "");
        LLVMValueRef Whole(LLVMValueRef byteStride, LLVMValueRef atLeast) => WholeElements(e, byteStride, atLeast, item);
        // A matrix as BLAS takes it: rows contiguous (leading dimension = row stride), or columns contiguous (stored
        // transposed, leading dimension = column stride); elements aligned to their part. Stored rows and columns:
        // of the matrix as it lies in memory, row-major (the transpose, for a column-major one).
        (LLVMValueRef Ok, LLVMValueRef Trans, LLVMValueRef Ld, LLVMValueRef StoredRows, LLVMValueRef StoredCols) Matrix(
            (LLVMValueRef Data, LLVMValueRef Rows, LLVMValueRef Cols, LLVMValueRef RowStride, LLVMValueRef ColStride) x)
        {
            var rowMajor = And(Eq(x.ColStride, item), Whole(x.RowStride, x.Cols));
            var colMajor = And(Eq(x.RowStride, item), Whole(x.ColStride, x.Rows));
            var aligned = PartAligned(e, x.Data, dtype);
            var trans = BuildNot(B, rowMajor, "");
            return (And(BuildOr(B, rowMajor, colMajor, ""), aligned), trans, BuildSelect(B, rowMajor, Elements(x.RowStride), Elements(x.ColStride), ""),
                BuildSelect(B, trans, x.Cols, x.Rows, ""), BuildSelect(B, trans, x.Rows, x.Cols, ""));
        }
        LLVMValueRef Vector(LLVMValueRef stride) => Whole(stride, M.ConstI64(1));
        var nonEmpty = And(BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, a.Rows, M.ConstI64(0), ""), BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, a.Cols, M.ConstI64(0), ""),
            BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, b.Cols, M.ConstI64(0), ""));
        LLVMValueRef Call(LLVMValueRef ok, Func<LLVMValueRef> call) =>
            e.IfElse(ok, M.I1, () => BuildICmp(B, LLVMIntPredicate.LLVMIntNE, call(), M.ConstI64(0), ""), () => M.ConstBool(false));
        var k = M.ConstI64(kind.Value);
        if (at.Ndim == 2 && bt.Ndim == 2)
        {
            var (aOk, aTrans, lda, _, _) = Matrix(a); var (bOk, bTrans, ldb, _, _) = Matrix(b);
            return Call(And(nonEmpty, aOk, bOk), () => e.CallRuntime("sj_blas_gemm", k, BuildZExt(B, aTrans, M.I64, ""), BuildZExt(B, bTrans, M.I64, ""),
                a.Rows, b.Cols, a.Cols, a.Data, lda, b.Data, ldb, c, b.Cols));
        }
        if (at.Ndim == 2)
        {
            // y = A x: A as stored (rows n, columns k), or its transpose stored row-major.
            var (aOk, aTrans, lda, rows, cols) = Matrix(a);
            return Call(And(nonEmpty, aOk, Vector(b.RowStride)), () => e.CallRuntime("sj_blas_gemv", k, BuildZExt(B, aTrans, M.I64, ""),
                rows, cols, a.Data, lda, b.Data, Elements(b.RowStride), c, M.ConstI64(1)));
        }
        if (bt.Ndim == 2)
        {
            // y = Bᵀ x: B stored row-major (transposed), or column-major (not).
            var (bOk, bTrans, ldb, rows, cols) = Matrix(b);
            return Call(And(nonEmpty, bOk, Vector(a.ColStride)), () => e.CallRuntime("sj_blas_gemv", k, BuildZExt(B, BuildNot(B, bTrans, ""), M.I64, ""),
                rows, cols, b.Data, ldb, a.Data, Elements(a.ColStride), c, M.ConstI64(1)));
        }
        return null;
    }

    /// <summary>A dot product of two float or complex vectors of the result's dtype through NumPy's BLAS (?dot, ?dotu_sub),
    /// as NumPy computes it: where both strides are positive whole numbers of elements and the data aligned, checked at
    /// run time; null where it cannot apply (other dtypes, exported code), else whether the vectors are ones BLAS takes
    /// and whether BLAS did it.</summary>
    private static (LLVMValueRef Usable, LLVMValueRef Done)? BlasDot(FunctionEmitter e, ArrayType at, ArrayType bt, ScalarType dtype, LLVMValueRef n,
        (LLVMValueRef Data, LLVMValueRef Stride) x, (LLVMValueRef Data, LLVMValueRef Stride) y, LLVMValueRef result)
    {
        var B = e.B; var M = e.M;
        long? kind = BlasKind(dtype);
        if (kind == null || M.Options.Standalone || at.Dtype != dtype || bt.Dtype != dtype) return null;
        var item = M.ConstI64(ArrayCode.ItemSize(dtype));
        LLVMValueRef Usable((LLVMValueRef Data, LLVMValueRef Stride) v) =>
            BuildAnd(B, WholeElements(e, v.Stride, M.ConstI64(1), item), PartAligned(e, v.Data, dtype), "");
        var usable = BuildAnd(B, Usable(x), Usable(y), "");
        var ok = BuildAnd(B, usable, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, n, M.ConstI64(0), ""), "");
        return (usable, e.IfElse(ok, M.I1, () => BuildICmp(B, LLVMIntPredicate.LLVMIntNE, e.CallRuntime("sj_blas_dot", M.ConstI64(kind.Value), n,
            x.Data, BuildSDiv(B, x.Stride, item, ""), y.Data, BuildSDiv(B, y.Stride, item, ""), result), M.ConstI64(0), ""), () => M.ConstBool(false)));
    }

    /// <summary>RuntimeBlas's element kind of a dtype BLAS computes in (float32, float64, complex64, complex128), or null.</summary>
    private static long? BlasKind(ScalarType dtype) =>
        dtype == ScalarType.Float32 ? Runtime.RuntimeBlas.Float32 : dtype == ScalarType.Float64 ? Runtime.RuntimeBlas.Float64
        : dtype == ScalarType.Complex64 ? Runtime.RuntimeBlas.Complex64 : dtype == ScalarType.Complex128 ? Runtime.RuntimeBlas.Complex128 : null;

    /// <summary>A byte stride BLAS takes: a positive whole number of elements (of item bytes), at least atLeast of them.</summary>
    private static LLVMValueRef WholeElements(FunctionEmitter e, LLVMValueRef byteStride, LLVMValueRef atLeast, LLVMValueRef item) =>
        BuildAnd(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, BuildSRem(e.B, byteStride, item, ""), e.M.ConstI64(0), ""),
            BuildICmp(e.B, LLVMIntPredicate.LLVMIntSGE, byteStride, BuildMul(e.B, atLeast, item, ""), ""), "");

    /// <summary>Data aligned to its elements' part (a float, or a complex number's real part), as BLAS needs.</summary>
    private static LLVMValueRef PartAligned(FunctionEmitter e, LLVMValueRef data, ScalarType dtype) =>
        BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, BuildAnd(e.B, BuildPtrToInt(e.B, data, e.M.I64, ""), e.M.ConstI64(dtype.PartBits / 8 - 1), ""), e.M.ConstI64(0), "");

    private static LLVMValueRef Reassociable(LLVMValueRef v)
    {
        LLVM.SetFastMathFlags(v, LLVMFastMathFlags.LLVMFastMathAllowReassoc | LLVMFastMathFlags.LLVMFastMathAllowContract);
        return v;
    }

    // ------------------------------------------------------------ np.result_type, np.array, np.asarray

    private static void RegisterArrayConstructors()
    {
        // np.dtype(np.float32), np.dtype("f4"), np.dtype(a.dtype): the dtype, known at compile time.
        Add("numpy.dtype", c =>
        {
            Arity(c, "dtype", 1, 1);
            var d = c.Positional[0];
            return new DTypeType(DtypeOf(d) ?? throw c.ErrorAt(d, $"data type {(d.Literal is string s ? $"'{s}'" : TypeOps.PyName(d.Type))} not understood in compiled code",
                "use np.float64, np.float32, np.int64, np.int32, np.int8, np.uint8, np.bool_, np.complex128 ... or their names"));
        }, c => GetUndef(c.E.M.Empty), neverRaises: true, acceptsNarrow: true);
        // _sj_call_dtype(f, args...): the dtype of what f(args...) returns, without calling it (a stencil's output,
        // Binding/Stencils.cs).
        Add("_sj_call_dtype", c =>
        {
            if (c.Positional.Length == 0 || c.Positional[0].Type is not FunctionType f) throw c.Error("internal: _sj_call_dtype takes a function");
            var result = c.Require(f.Function, c.Positional.Skip(1).Select(a => TypeOps.Canonical(a.Type)).ToArray()).ReturnType;
            return result switch
            {
                ScalarType s => new DTypeType(s),
                SimpleType { } u when u == SimpleType.Unknown => u,   // (not yet inferred)
                _ => throw c.Error($"a stencil kernel returns a number; this one returns {TypeOps.PyName(result)}"),
            };
        }, c => GetUndef(c.E.M.Empty), neverRaises: true);
        // np.result_type(arrays, dtypes, numbers): NumPy's promotion, decided at compile time (a dtype).
        Add("numpy.result_type", c =>
        {
            if (c.Positional.Length == 0) throw c.Error("at least one array or dtype is required");
            var arrays = new List<ScalarType>(); var scalars = new List<NumPyPromotion.Operand>();
            foreach (var a in c.Positional)
            {
                if (a.Type is ArrayType at) arrays.Add(at.Dtype);
                else if (DtypeOf(a) is { } d) arrays.Add(d);
                else if (a.Type is ScalarType s) scalars.Add(new NumPyPromotion.Operand(s, a.Literal is string ? null : a.Literal));
                else throw c.ErrorAt(a, $"np.result_type() of a {TypeOps.PyName(a.Type)} is not supported");
            }
            return new DTypeType(NumPyPromotion.ResultType(arrays, scalars) ?? throw c.Error("np.result_type() gives a type compiled code does not have (float16)"));
        }, c => GetUndef(c.E.M.Empty), neverRaises: true, acceptsNarrow: true);
        // np.array(..., copy=False) is np.asarray (NumPy 1.24: a copy only where one is needed); copy must be a constant.
        static bool? CopyFlag(object? literal) => literal switch { bool b => b, long l => l != 0, _ => null };
        foreach (var name in new[] { "array", "asarray" })
        {
            Add("numpy." + name, c =>
            {
                Arity(c, name, 1, 2, name == "array" ? new[] { "dtype", "order", "copy" } : new[] { "dtype", "order" });
                bool copy = name == "array";
                if (c.Keywords.TryGetValue("copy", out var flag))
                    copy = CopyFlag(flag.Literal) ?? throw c.ErrorAt(flag, "np.array(): copy must be True or False, given as a constant, in compiled code");
                var src = c.Positional[0];
                if (src.Type is ArrayType at)
                {
                    var dtype = DtypeArg(c, name, at.Dtype, 1);
                    // np.array copies in the order asked (default 'K'); np.asarray returns the array itself where it has
                    // the dtype and the order asked (an array whose order only the run time knows: 'K' itself, 'C',
                    // 'F' and 'A' the library's contiguous view or copy).
                    bool same = !copy && dtype == at.Dtype;
                    var layout = ElementOrder(c, name, at, same ? at.Layout : KeepOrder(new[] { at }, at.Ndim), copying: true, position: -1);
                    var order = c.Keywords.GetValueOrDefault("order")?.Literal as string;
                    if (same && at.Layout == ArrayLayout.A && at.Ndim > 0 && order is not (null or "K" or "k"))
                        return c.Require(PythonLibrary.Function("npsets", layout == ArrayLayout.F ? "_fortran_ordered" : "_c_ordered"), at).ReturnType;
                    if (same && (layout == at.Layout || at.Layout == ArrayLayout.A || at.Ndim <= 1)) return at;
                    return new ArrayType(dtype, at.Ndim, layout);
                }
                if (src.Type == SimpleType.Range)   // np.array(range(n)): its int64 values
                    return c.Require(PythonLibrary.Function("numpy", "_array_from_range"), src.Type, new DTypeType(DtypeArg(c, name, ScalarType.Int64, 1))).ReturnType;
                if (src.Type is ListType lt)
                {
                    // Items not known yet (an empty list appended to later): typed again once they are.
                    for (SjType el = lt; el is ListType inner; el = inner.Element)
                        if (inner.Element == SimpleType.Unknown) return SimpleType.Unknown;
                    // A list (of numbers, arrays, tuples or lists): stacked in the library (_array_from_list).
                    var dtype = DtypeArg(c, name, ListDtype(c, src, src.Type), 1);
                    return c.Require(PythonLibrary.Function("numpy", "_array_from_list"), src.Type, new DTypeType(dtype)).ReturnType;
                }
                var (dims, item) = NestedShape(c, src, src.Type);
                return new ArrayType(DtypeArg(c, name, item, 1), dims.Count);
            }, c =>
            {
                var e = c.E;
                var rt = (ArrayType)c.ResultType;
                bool copy = name == "array" && (c.Keywords.TryGetValue("copy", out var flag) ? CopyFlag(flag.Literal) != false : true);
                if (c.ArgType(0) is ArrayType at)
                    return c.Callees.Count > 0 ? c.CallCompiled(0, c.Arg(0)) : !copy && at == rt ? e.NewRef(c.Arg(0), at) : CopyArray(e, at, c.Arg(0), rt, c.Span);
                if (c.ArgType(0) is ListType || c.ArgType(0) == SimpleType.Range) return c.CallCompiled(0, c.Arg(0), GetUndef(e.M.Empty));
                var (dims, _) = NestedShape(null, null, c.ArgType(0));
                var r = ArrayCode.Allocate(e, rt, dims.Select(d => e.M.ConstI64(d)).ToArray(), c.Span);
                var data = ArrayCode.Data(e, r);
                int next = 0;
                void Put(LLVMValueRef v, SjType t)
                {
                    if (t is TupleType tt) { for (int k = 0; k < tt.Items.Length; k++) Put(e.ExtractValue(v, k), tt.Items[k]); return; }
                    ArrayCode.Store(e, rt.Dtype, ElementAt(e, rt.Dtype, data, e.M.ConstI64(next++)), e.Convert(v, t, rt.Dtype));
                }
                Put(c.Arg(0), c.ArgType(0));
                return r;
            }, acceptsNarrow: true);
        }
    }

    /// <summary>NumPy's dtype of an array made from a list: its items' (numbers, arrays, nested tuples or lists).</summary>
    private static ScalarType ListDtype(CallTypingContext c, TypedArg arg, SjType t) => t switch
    {
        ListType l => ListDtype(c, arg, l.Element),
        ArrayType a => a.Dtype,
        ScalarType s => s,
        TupleType => NestedShape(c, arg, t).Item,
        _ => throw c.ErrorAt(arg, $"np.array() of a list of {TypeOps.PyName(t)} is not supported in compiled code",
            "pass a list of numbers, arrays, tuples or lists"),
    };

    /// <summary>The shape of nested tuples of numbers (every level the same length) and their unified number type.</summary>
    private static (List<long> Dims, ScalarType Item) NestedShape(CallTypingContext? c, TypedArg? arg, SjType t)
    {
        if (t is ScalarType s) return (new List<long>(), s);
        if (t is not TupleType tt || tt.Items.Length == 0 && c != null)
            throw c!.ErrorAt(arg!, t is TupleType ? "np.array(()) of an empty tuple is not supported in compiled code" : $"np.array() of a {TypeOps.PyName(t)} is not supported in compiled code",
                "pass a tuple of numbers (or of equal-length tuples of numbers), or an array");
        var inner = tt.Items.Select(i => NestedShape(c, arg, i)).ToList();
        if (inner.Any(x => !x.Dims.SequenceEqual(inner[0].Dims)))
            throw c!.ErrorAt(arg!, "setting an array element with a sequence. The requested array has an inhomogeneous shape",
                "every nested tuple must have the same length");
        var item = inner.Select(x => x.Item).Aggregate((x, y) => TypeOps.Promote(x, y, keepBool: true));
        return (new List<long> { tt.Items.Length }.Concat(inner[0].Dims).ToList(), item);
    }
}
