using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>A submodule of a module compiled code knows, such as numpy.linalg: reading <c>np.linalg</c> gives a module
/// value whose attributes are the registry's <c>numpy.linalg.NAME</c> entries (its functions are written in Python,
/// <c>@overload("numpy.linalg.norm")</c> in Library/py/numpy.py).</summary>
public sealed class LibSubmodule : LibMember
{
    public string Module { get; }
    public LibSubmodule(string module) { Module = module; }
}

/// <summary>An exception class a module defines (numpy.linalg.LinAlgError): compiled code raises and catches it by
/// its qualified name, which CPython's side resolves to the module's class.</summary>
public sealed class LibExceptionClass : LibMember
{
    public string[] Mro { get; }
    public LibExceptionClass(params string[] mro) { Mro = mro; }
}

public static partial class Builtins
{
    /// <summary>np.mgrid[...] and np.ogrid[...] (NumPy's nd_grid): the objects themselves are not callable; indexing
    /// one with a slice or a tuple of up to four slices (int, float or complex parts; a complex step counts points)
    /// calls _sj_grid_slice, _sj_mgrid or _sj_ogrid of Library/py/numpy.py.</summary>
    private static void RegisterGrids()
    {
        foreach (var (name, cls) in new[] { ("mgrid", "MGridClass"), ("ogrid", "OGridClass") })
        {
            Add("numpy." + name, c => throw c.Error($"'{cls}' object is not callable"), c => throw new InvalidOperationException("internal: grid call"), neverRaises: true);
            Add("numpy." + name + ".getitem", c =>
            {
                var key = c.Positional[1];
                var items = key.Type is TupleType tt ? tt.Items.ToArray() : new[] { key.Type };
                if (items.Length == 0 || items.Length > 4 && key.Type is TupleType)
                    throw c.ErrorAt(key, $"np.{name} of {items.Length} slices is not supported in compiled code (one to four)");
                var parts = items.Select(GridParts).ToArray();
                if (parts.Any(p => p == null)) throw c.ErrorAt(key, $"np.{name}[...] takes slices in compiled code");
                if (parts.Any(p => p![1] == null)) throw c.ErrorAt(key, $"np.{name}[...] needs each slice's stop in compiled code");
                if (parts.Any(p => p![0]?.Rank == 3 || p![1]!.Rank == 3))
                    throw c.ErrorAt(key, $"np.{name}[...] with a complex start or stop is not supported in compiled code", "only the step may be complex (a number of points)");
                var typ = parts.Any(p => p!.Any(x => x?.Rank >= 2)) ? ScalarType.Float64 : ScalarType.Int64;
                if (key.Type is not TupleType)
                    return c.Require(PythonLibrary.Function("numpy", "_sj_grid_slice"), typ, typ, typ, ScalarType.Bool).ReturnType;
                var values = new TupleType(Enumerable.Repeat<SjType>(typ, items.Length));
                return c.Require(PythonLibrary.Function("numpy", "_sj_" + name), values, values, values,
                    new TupleType(Enumerable.Repeat<SjType>(ScalarType.Bool, items.Length))).ReturnType;
            }, LowerGrid, mayRaise: _ => true);
        }
    }

    /// <summary>A slice's start, stop and step types (null for None), or null for an index that is not a slice.</summary>
    private static ScalarType?[]? GridParts(SjType t) => t switch
    {
        SliceType s => new[] { s.HasStart ? ScalarType.Int64 : null, s.HasStop ? ScalarType.Int64 : null, s.HasStep ? ScalarType.Int64 : null },
        NumberSliceType ns => ns.Parts.ToArray(),
        _ => null,
    };

    private static LLVMValueRef LowerGrid(LoweringCall c)
    {
        var e = c.E; var M = e.M;
        var keyType = c.ArgType(1);
        var items = keyType is TupleType tt ? tt.Items.ToArray() : new[] { keyType };
        var first = c.Callees[0].ArgTypes[0];
        var typ = (ScalarType)(first is TupleType pt ? pt.Items[0] : first);
        var starts = new List<LLVMValueRef>(); var stops = new List<LLVMValueRef>(); var steps = new List<LLVMValueRef>(); var counts = new List<LLVMValueRef>();
        for (int k = 0; k < items.Length; k++)
        {
            var slice = keyType is TupleType ? e.ExtractValue(c.Arg(1), k) : c.Arg(1);
            var parts = GridParts(items[k])!;
            LLVMValueRef Part(int j, long whenNone) => parts[j] is { } pt
                ? e.Convert(pt.Rank == 3 ? F64Call(e, "hypot", e.ExtractValue(e.ExtractValue(slice, j), 0), e.ExtractValue(e.ExtractValue(slice, j), 1)) : e.ExtractValue(slice, j),
                    pt.Rank == 3 ? ScalarType.Float64 : pt, typ)
                : M.Constant(whenNone, typ);
            starts.Add(Part(0, 0)); stops.Add(Part(1, 0)); steps.Add(Part(2, 1));
            counts.Add(M.ConstBool(parts[2]?.Rank == 3));
        }
        if (keyType is not TupleType) return c.E.Convert(c.CallCompiled(0, starts[0], stops[0], steps[0], counts[0]), c.Callees[0].ReturnType, c.ResultType);
        LLVMValueRef Tuple(List<LLVMValueRef> values, ScalarType t) => e.MakeStruct(M.Lower(new TupleType(Enumerable.Repeat<SjType>(t, values.Count))), values.ToArray());
        return c.E.Convert(c.CallCompiled(0, Tuple(starts, typ), Tuple(stops, typ), Tuple(steps, typ), Tuple(counts, ScalarType.Bool)), c.Callees[0].ReturnType, c.ResultType);
    }

    /// <summary>
    /// _sj_histogram_uniform(flat, edges, counts, lo, hi): np.histogram's counting for equal-width bins, as NumPy 1.24
    /// does it: a value in [edges[0], edges[-1]] goes to bin int((x - lo) * norm) with norm = bins / (hi - lo) (computed
    /// in the data's type; the last edge to the last bin), moved down one where x is below that bin's edge, else up one where it reaches the next
    /// edge (not past the last bin); counts has one more entry than there are bins, where the values outside the range
    /// (and NaN) are counted. flat, edges (np.linspace(lo, hi, bins + 1) in the data's float type) and counts are
    /// C-contiguous.
    /// In blocks: one loop computes the bins by multiplication without a branch (it vectorises), a second adds them
    /// up, so that no compare waits on a count's store. Only values within rounding distance of an edge (none in most
    /// data) are compared with the edges, in the second loop; the edges are then recomputed as linspace does
    /// (k * step + lo, rounded to the data's type) where that gives every one of them exactly (checked first), else read.
    /// </summary>
    private static void RegisterHistogramCounts()
    {
        const int Block = 128;
        Add("_sj_histogram_uniform", c =>
        {
            if (c.Positional.Length != 5 || c.Positional[0].Type is not ArrayType { Ndim: 1, Layout: ArrayLayout.C, Dtype.Rank: 2 } data
                || c.Positional[1].Type is not ArrayType { Ndim: 1, Layout: ArrayLayout.C } edges || edges.Dtype != data.Dtype
                || c.Positional[2].Type is not ArrayType { Ndim: 1, Layout: ArrayLayout.C } counts || counts.Dtype != ScalarType.Int64)
                throw c.Error("internal: _sj_histogram_uniform takes contiguous 1-d data, edges of its type and int64 counts, lo and hi");
            return SimpleType.None;
        }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            var dtype = ((ArrayType)c.ArgType(0)).Dtype;
            bool single = dtype == ScalarType.Float32;
            var ty = M.Lower(dtype);
            LLVMValueRef ToF64(LLVMValueRef v) => single ? BuildFPExt(B, v, M.F64, "") : v;
            LLVMValueRef LoadRaw(LLVMValueRef basePtr, LLVMValueRef index) => ArrayCode.Load(e, dtype, BuildInBoundsGEP2(B, ty, basePtr, new[] { index }, ""));
            LLVMValueRef LoadF64(LLVMValueRef basePtr, LLVMValueRef index) => ToF64(LoadRaw(basePtr, index));
            LLVMValueRef FCmp(LLVMRealPredicate p, LLVMValueRef a, LLVMValueRef b) => BuildFCmp(B, p, a, b, "");
            LLVMValueRef ICmp(LLVMIntPredicate p, LLVMValueRef a, LLVMValueRef b) => BuildICmp(B, p, a, b, "");
            var flat = c.Arg(0);
            var n = ArrayCode.Dim(e, flat, 0);
            var data = ArrayCode.Data(e, flat);
            var edges = ArrayCode.Data(e, c.Arg(1));
            var counts = ArrayCode.Data(e, c.Arg(2));
            var bins = BuildSub(B, ArrayCode.Dim(e, c.Arg(2), 0), M.ConstI64(1), "");
            var lastBin = BuildSub(B, bins, M.ConstI64(1), "");
            var lo = e.Convert(c.Arg(3), c.ArgType(3), ScalarType.Float64);
            var hi = e.Convert(c.Arg(4), c.ArgType(4), ScalarType.Float64);
            var binsF = BuildSIToFP(B, bins, M.F64, "");
            var norm = BuildFDiv(B, binsF, BuildFSub(B, hi, lo, ""), "");
            var step = BuildFDiv(B, BuildFSub(B, hi, lo, ""), binsF, "");
            var low = LoadF64(edges, M.ConstI64(0));
            var high = LoadF64(edges, bins);
            // linspace's edge k < bins: k * step + lo in float64 (then the data's type); edge bins is hi itself.
            LLVMValueRef Computed(LLVMValueRef k)
            {
                var v = BuildFAdd(B, BuildFMul(B, BuildSIToFP(B, k, M.F64, ""), step, ""), lo, "");
                return single ? BuildFPExt(B, BuildFPTrunc(B, v, ty, ""), M.F64, "") : v;
            }
            var exact = e.Alloca(M.I1);
            BuildStore(B, M.ConstBool(true), exact);
            ArrayCode.Loop(e, bins, k => e.When(FCmp(LLVMRealPredicate.LLVMRealUNE, Computed(k), LoadF64(edges, k)), () => BuildStore(B, M.ConstBool(false), exact)));
            // f, the bin by multiplication, as NumPy computes it: (x - lo) * norm in the data's type (float32 data with
            // lo and norm rounded to float32: value-based casting keeps the array's type).
            var lo32 = single ? BuildFPTrunc(B, lo, ty, "") : lo;
            var norm32 = single ? BuildFPTrunc(B, norm, ty, "") : norm;
            LLVMValueRef F(LLVMValueRef raw) => ToF64(BuildFMul(B, BuildFSub(B, raw, lo32, ""), norm32, ""));
            // Within tol of a whole number f may floor to a bin the edges disagree with: bounds on the rounding of f
            // and of the edges (k * step + lo, then the data's type), in units of bins, four times over. Only there is
            // NumPy's correction against the edges made.
            LLVMValueRef Abs(LLVMValueRef v) => BuildSelect(B, FCmp(LLVMRealPredicate.LLVMRealOLT, v, M.ConstF64(0)), BuildFNeg(B, v, ""), v, "");
            var magnitudeNorm = BuildFMul(B, BuildSelect(B, FCmp(LLVMRealPredicate.LLVMRealOGT, Abs(lo), Abs(hi)), Abs(lo), Abs(hi), ""), norm, "");
            double u64 = Math.Pow(2, -53), unit = single ? Math.Pow(2, -24) : u64;
            LLVMValueRef Terms(double perMagnitude, double perBin) =>
                BuildFAdd(B, BuildFMul(B, magnitudeNorm, M.ConstF64(perMagnitude), ""), BuildFMul(B, binsF, M.ConstF64(perBin), ""), "");
            var tol = BuildFMul(B, M.ConstF64(4), BuildFAdd(B, Terms(2 * unit, 3 * unit), Terms(u64, 4 * u64), ""), "");
            var nearHigh = BuildFSub(B, M.ConstF64(1), tol, "");
            var found = e.Alloca(ArrayType2(M.I64, Block));
            void Count(Func<LLVMValueRef, LLVMValueRef> edgeAt)
            {
                // The bin of an x in range as NumPy finds it: by multiplication, then moved against the edges.
                LLVMValueRef Corrected(LLVMValueRef raw)
                {
                    var x = ToF64(raw);
                    var k = BuildFPToSI(B, F(raw), M.I64, "");
                    k = BuildSelect(B, ICmp(LLVMIntPredicate.LLVMIntSGT, k, lastBin), lastBin, k, "");
                    var below = FCmp(LLVMRealPredicate.LLVMRealOLT, x, edgeAt(k));
                    k = BuildSelect(B, below, BuildSub(B, k, M.ConstI64(1), ""), k, "");
                    var next = BuildAdd(B, k, M.ConstI64(1), "");
                    var reaches = BuildAnd(B, FCmp(LLVMRealPredicate.LLVMRealOGE, x, edgeAt(next)), ICmp(LLVMIntPredicate.LLVMIntNE, k, lastBin), "");
                    return BuildSelect(B, reaches, next, k, "");
                }
                var blocks = BuildSDiv(B, BuildAdd(B, n, M.ConstI64(Block - 1), ""), M.ConstI64(Block), "");
                ArrayCode.Loop(e, blocks, blk =>
                {
                    var start = BuildNSWMul(B, blk, M.ConstI64(Block), "");
                    var left = BuildSub(B, n, start, "");
                    var m = BuildSelect(B, ICmp(LLVMIntPredicate.LLVMIntSLT, left, M.ConstI64(Block)), left, M.ConstI64(Block), "");
                    var part = BuildInBoundsGEP2(B, ty, data, new[] { start }, "");
                    // Vectorised: the bin by multiplication, -1 where x is near an edge, bins (the extra count) outside.
                    ArrayCode.Loop(e, m, j =>
                    {
                        var raw = LoadRaw(part, j);
                        var x = ToF64(raw);
                        var inRange = BuildAnd(B, FCmp(LLVMRealPredicate.LLVMRealOGE, x, low), FCmp(LLVMRealPredicate.LLVMRealOLE, x, high), "");
                        var f = BuildSelect(B, inRange, F(raw), M.ConstF64(0), "");
                        // k = floor(f) as an integer through the bits of floor(f) + 2^52 (exact: 0 <= f <= bins, a
                        // rounding beyond, far below 2^52): AVX2 has no packed double-to-int64 conversion, and
                        // LLVM took each lane apart for fptosi (twice Numba's time on this kernel without AVX-512).
                        var whole = e.Intrinsic("llvm.floor", new[] { M.F64 }, f);
                        var k = BuildSub(B, BuildBitCast(B, BuildFAdd(B, whole, M.ConstF64(4503599627370496.0), ""), M.I64, ""),
                            M.ConstI64(0x4330000000000000), "");
                        var frac = BuildFSub(B, f, whole, "");
                        var near = BuildOr(B, BuildOr(B, FCmp(LLVMRealPredicate.LLVMRealOLT, frac, tol), FCmp(LLVMRealPredicate.LLVMRealOGT, frac, nearHigh), ""),
                            ICmp(LLVMIntPredicate.LLVMIntSGT, k, lastBin), "");
                        BuildStore(B, BuildSelect(B, inRange, BuildSelect(B, near, M.ConstI64(-1), k, ""), bins, ""), BuildInBoundsGEP2(B, M.I64, found, new[] { j }, ""));
                    });
                    ArrayCode.Loop(e, m, j =>
                    {
                        var k = BuildLoad2(B, M.I64, BuildInBoundsGEP2(B, M.I64, found, new[] { j }, ""), "");
                        k = e.IfElse(ICmp(LLVMIntPredicate.LLVMIntSLT, k, M.ConstI64(0)), M.I64, () => Corrected(LoadRaw(part, j)), () => k);
                        var slot = BuildInBoundsGEP2(B, M.I64, counts, new[] { k }, "");
                        BuildStore(B, BuildAdd(B, BuildLoad2(B, M.I64, slot, ""), M.ConstI64(1), ""), slot);
                    });
                });
            }
            var computed = e.NewBlock("hist_computed"); var read = e.NewBlock("hist_read"); var done = e.NewBlock("hist_done");
            BuildCondBr(B, BuildLoad2(B, M.I1, exact, ""), computed, read);
            PositionBuilderAtEnd(B, computed);
            // (k is below bins here, k + 1 at most bins; outside the range k may be -1, whose edge is never used)
            Count(k => BuildSelect(B, ICmp(LLVMIntPredicate.LLVMIntEQ, k, bins), high, Computed(k), ""));
            BuildBr(B, done);
            PositionBuilderAtEnd(B, read);
            Count(k => LoadF64(edges, k));
            BuildBr(B, done);
            PositionBuilderAtEnd(B, done);
            return GetUndef(M.Empty);
        }, neverRaises: true);
    }

    /// <summary>
    /// _sj_convolve_f64(a, v, out, start): np.correlate's sums for C-contiguous float64 arrays, out[k] += a[t + j] * v[j]
    /// for t = start + k over the j where both exist, in order of j (as NumPy's dot adds them); a block of
    /// outputs at a time, one tap after another over the block, so that the loop over outputs vectorises and the
    /// block stays in cache.
    /// </summary>
    private static void RegisterConvolveFloat64()
    {
        const int Block = 2048;
        Add("_sj_convolve_f64", c =>
        {
            foreach (var k in new[] { 0, 1, 2 })
                // (any layout as typed: the library passes arrays that are contiguous when the call runs)
                if (c.Positional.Length != 4 || c.Positional[k].Type is not ArrayType { Ndim: 1 } t || t.Dtype != ScalarType.Float64)
                    throw c.Error("internal: _sj_convolve_f64 takes three contiguous 1-d float64 arrays and the first output's index");
            return SimpleType.None;
        }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            LLVMValueRef Min(LLVMValueRef x, LLVMValueRef y) => BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, x, y, ""), x, y, "");
            LLVMValueRef Max(LLVMValueRef x, LLVMValueRef y) => BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, x, y, ""), x, y, "");
            LLVMValueRef At(LLVMValueRef data, LLVMValueRef i) => BuildInBoundsGEP2(B, M.F64, data, new[] { i }, "");
            var (a, v, outArr) = (ArrayCode.Data(e, c.Arg(0)), ArrayCode.Data(e, c.Arg(1)), ArrayCode.Data(e, c.Arg(2)));
            var n = ArrayCode.Dim(e, c.Arg(0), 0);
            var m = ArrayCode.Dim(e, c.Arg(1), 0);
            var length = ArrayCode.Dim(e, c.Arg(2), 0);
            var start = e.Convert(c.Arg(3), c.ArgType(3), ScalarType.Int64);
            var blocks = BuildSDiv(B, BuildAdd(B, length, M.ConstI64(Block - 1), ""), M.ConstI64(Block), "");
            ArrayCode.Loop(e, blocks, blk =>
            {
                var kb = BuildNSWMul(B, blk, M.ConstI64(Block), "");
                var ke = Min(length, BuildAdd(B, kb, M.ConstI64(Block), ""));
                ArrayCode.Loop(e, m, j =>
                {
                    var k0 = Max(kb, BuildSub(B, BuildNeg(B, start, ""), j, ""));
                    var k1 = Min(ke, BuildSub(B, BuildSub(B, n, start, ""), j, ""));
                    var tap = BuildLoad2(B, M.F64, At(v, j), "");
                    var dst = At(outArr, k0);
                    var src = At(a, BuildAdd(B, BuildAdd(B, start, k0, ""), j, ""));
                    ArrayCode.Loop(e, BuildSub(B, k1, k0, ""), i =>
                    {
                        var slot = At(dst, i);
                        var term = BuildFMul(B, BuildLoad2(B, M.F64, At(src, i), ""), tap, "");
                        BuildStore(B, BuildFAdd(B, BuildLoad2(B, M.F64, slot, ""), term, ""), slot);
                    });
                });
            });
            return GetUndef(M.Empty);
        }, neverRaises: true);
    }

    /// <summary>
    /// _sj_lapack(op, flag, m, n, a, b, c, d): one LAPACK routine (Runtime/RuntimeLapack.cs) on the C-contiguous
    /// arrays a to d (float64, or complex128 for a, which picks the z routine; arrays a routine does not use may be
    /// empty): LAPACK's info, or RuntimeLapack.NoLapack (-1000) when there is no LAPACK, -1001 in exported code (which
    /// may not call into this process). The library's Python prepares the arrays in Fortran order and raises NumPy's
    /// errors from the info.
    /// </summary>
    private static void RegisterLapack()
    {
        Add("_sj_lapack", c =>
        {
            if (c.Positional.Length != 8 || c.Positional[0].Type is not ScalarType { Rank: <= 1 } || c.Positional[1].Type is not ScalarType { Rank: <= 1 }
                || c.Positional[2].Type is not ScalarType { Rank: <= 1 } || c.Positional[3].Type is not ScalarType { Rank: <= 1 }
                || c.Positional.Skip(4).Any(p => p.Type is not ArrayType { Layout: ArrayLayout.C } t || t.Dtype != ScalarType.Float64 && t.Dtype != ScalarType.Complex128))
                throw c.Error("internal: _sj_lapack takes op, flag, m, n and four C-contiguous float64 or complex128 arrays");
            return ScalarType.Int64;
        }, c =>
        {
            var e = c.E; var M = e.M;
            if (M.Options.Standalone) return M.ConstI64(-1001);
            LLVMValueRef Int(int k) => e.Convert(c.Arg(k), c.ArgType(k), ScalarType.Int64);
            var complex = ((ArrayType)c.ArgType(4)).Dtype == ScalarType.Complex128 ? 1 : 0;
            return e.CallRuntime("sj_lapack", Int(0), M.ConstI64(complex), Int(2), Int(3), Int(1),
                ArrayCode.Data(e, c.Arg(4)), ArrayCode.Data(e, c.Arg(5)), ArrayCode.Data(e, c.Arg(6)), ArrayCode.Data(e, c.Arg(7)));
        }, neverRaises: true);
    }

    private static void RegisterArraysExtra()
    {
        Registry["numpy.linalg"] = new LibSubmodule("numpy.linalg");
        Registry["numpy.fft"] = new LibSubmodule("numpy.fft");
        Registry["numpy.linalg.LinAlgError"] = new LibExceptionClass("numpy.linalg.LinAlgError", "Exception", "BaseException");
        // NumPy's AxisError derives from both ValueError and IndexError: `except` of either catches it.
        Registry["numpy.AxisError"] = new LibExceptionClass("numpy.AxisError", "ValueError", "IndexError", "Exception", "BaseException");
        RegisterGrids();
        RegisterHistogramCounts();
        RegisterConvolveFloat64();
        RegisterLapack();

        // _sj_swapaxes(a, i, j): a view of a with axes i and j (in range, not negative: the library checks them)
        // exchanged, for the library's routines along any axis of an n-d array (np.swapaxes, sort along an axis).
        Add("_sj_swapaxes", c =>
        {
            if (c.Positional.Length != 3 || c.Positional[0].Type is not ArrayType t)
                throw c.Error("internal: _sj_swapaxes takes an array and two axes");
            return t.Ndim < 2 ? t : t.With(layout: ArrayLayout.A);
        }, c =>
        {
            var e = c.E;
            var t = (ArrayType)c.ArgType(0);
            var rt = (ArrayType)c.ResultType;
            var a = c.Arg(0);
            if (t.Ndim < 2) return e.NewRef(a, rt);
            var i = e.Convert(c.Arg(1), c.ArgType(1), ScalarType.Int64);
            var j = e.Convert(c.Arg(2), c.ArgType(2), ScalarType.Int64);
            var shape = ArrayCode.Shape(e, t, a);
            var strides = ArrayCode.Strides(e, t, a);
            LLVMValueRef Pick(LLVMValueRef[] v, LLVMValueRef at)
            {
                var r = v[0];
                for (int k = 1; k < v.Length; k++)
                    r = BuildSelect(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, at, e.M.ConstI64(k), ""), v[k], r, "");
                return r;
            }
            var newShape = new LLVMValueRef[t.Ndim];
            var newStrides = new LLVMValueRef[t.Ndim];
            var si = Pick(shape, i); var sj = Pick(shape, j);
            var ti = Pick(strides, i); var tj = Pick(strides, j);
            for (int k = 0; k < t.Ndim; k++)
            {
                var kk = e.M.ConstI64(k);
                var isI = BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, kk, i, "");
                var isJ = BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, kk, j, "");
                newShape[k] = BuildSelect(e.B, isI, sj, BuildSelect(e.B, isJ, si, shape[k], ""), "");
                newStrides[k] = BuildSelect(e.B, isI, tj, BuildSelect(e.B, isJ, ti, strides[k], ""), "");
            }
            return e.NewRef(ArrayCode.Make(e, rt, ArrayCode.Meminfo(e, a), ArrayCode.Data(e, a), newShape, newStrides), rt);
        }, neverRaises: true);
    }
}
