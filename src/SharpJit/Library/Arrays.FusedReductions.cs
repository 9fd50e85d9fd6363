using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>A reduction (<see cref="Name"/>: sum, mean, prod, min, max, any, all) of a fused tree's
/// elements (Passes.ArrayFusion): of all of them, or of each line of the last axis (<see cref="PerRow"/>: <c>.sum(-1)</c>).</summary>
public sealed record FusedReduction(ElementwiseNode Tree, bool PerRow, string Name)
{
    public override string ToString() => $"{Name}{(PerRow ? "(axis=-1)" : "")} {Tree}";
}

/// <summary>
/// Reductions of element-wise expressions without their arrays: <c>((a - b) ** 2).sum()</c>, <c>np.sum(x * y)</c>,
/// <c>(d ** 2).sum(-1)</c>, <c>np.mean((a - b) ** 2)</c>, <c>np.abs(a - b).max()</c>, <c>(a &gt; 0).sum()</c>. Float sums
/// and means: the tree's elements are computed in the temporary's memory order (C, or Fortran where NumPy would make
/// it Fortran-ordered: whole reductions only) into a buffer of NumPy's 8192 items, each full buffer summed
/// pairwise (NumPyMath.Sum) and added in order: what NumPy's add.reduce does over the temporary array (contiguous,
/// so one line, or a line per row along the last axis), to the bit, without writing the temporary and reading it back.
/// The others (exact, or in order) are the reductions of an array's elements (Reduce) over the tree's elements.
/// </summary>
public static unsafe partial class Builtins
{
    public static LibFunc FusedReductionEntry(FusedReduction r) =>
        new("array.fused_reduction", _ => throw new InvalidOperationException("internal: a fused reduction is typed already"),
            c => r.Name is "sum" or "mean" && r.Tree.Type.Dtype.Rank == 2 ? LowerFusedSum(c, r) : LowerFusedReduction(c, r), LibFunc.Always)
        { AcceptsNarrow = true };

    /// <summary>Whether the reduction <paramref name="name"/> of a tree of these elements runs over the elements (FusedReduction):
    /// float sums and means (NumPy's pairwise sums, buffered), and the reductions whose result does not depend on the
    /// order of the elements or that NumPy takes in order: integer and bool sums, products, extremes, any and all of
    /// real numbers. Not argmin/argmax: over an array they take one vectorised pass (ArgExtremeVectors), which beat
    /// the two passes over a tree's elements (4M: 3.8 against 6.7 ms).</summary>
    public static bool FusesReduction(string name, ScalarType element) =>
        Reductions.Any(r => r.Name == name && r.Kind is not (ReductionKind.Var or ReductionKind.Std or ReductionKind.ArgMin or ReductionKind.ArgMax))
        && element.Rank < 3 && (name != "mean" || element.Rank == 2);

    /// <summary>A reduction other than a float sum or mean over the tree's elements: Reduce, as for an array, with the
    /// elements computed where it visits them (in C order, with their flat positions). Two versions of the loops, as
    /// for the sums: every array leaf contiguous along the last axis (read by element index, which LLVM vectorises),
    /// and any strides.</summary>
    private static LLVMValueRef LowerFusedReduction(LoweringCall c, FusedReduction r)
    {
        var e = c.E; var B = e.B; var M = e.M;
        var root = r.Tree; var leaves = c.Args;
        var (_, kind, npName) = Reductions.First(x => x.Name == r.Name);
        int ndim = root.Type.Ndim;
        var dtype = root.Type.Dtype;
        var result = (ScalarType)(c.ResultType is ArrayType rt ? rt.Dtype : c.ResultType);
        var (shape, datas, strides) = TreeLeaves(e, root, leaves);
        var rows = shape[..^1]; var length = shape[^1];
        var unit = UnitLastStrides(e, leaves, strides, ndim);
        Func<LLVMValueRef, LLVMValueRef> Line(LLVMValueRef[] idx, bool contiguous) => LineElements(e, root, leaves, datas, strides, idx, contiguous);
        void Versions(Action<bool> loops) => ContiguousOrStrided(e, unit, loops);
        if (!r.PerRow)
        {
            var cStrides = ArrayCode.ContiguousStrides(e, ScalarType.UInt8, rows, ArrayLayout.C);   // rows before this one, per axis
            return Reduce(e, kind, dtype, result, ArrayCode.Size(e, shape), visit => Versions(contiguous => ArrayCode.LoopNest(e, rows, idx =>
            {
                var line = Line(idx, contiguous);
                var first = BuildNSWMul(B, idx.Select((x, k) => BuildNSWMul(B, x, cStrides[k], "")).Aggregate(M.ConstI64(0), (x, y) => BuildNSWAdd(B, x, y, "")), length, "");
                ArrayCode.Loop(e, length, j => visit(line(j), BuildNSWAdd(B, first, j, "")));
            })), npName, c.Span);
        }
        EmptyAxisError(e, kind, npName, length, c.Span);
        var output = ArrayCode.Allocate(e, new ArrayType(result, ndim - 1), rows, c.Span);
        var outStrides = ArrayCode.ContiguousStrides(e, result, rows, ArrayLayout.C);
        Versions(contiguous => ArrayCode.LoopNest(e, rows, idx =>
        {
            var line = Line(idx, contiguous);
            var v = Reduce(e, kind, dtype, result, length, visit => ArrayCode.Loop(e, length, j => visit(line(j), j)), npName, c.Span, inOrder: true);
            ArrayCode.Store(e, result, ArrayCode.ElementPointer(e, ArrayCode.Data(e, output), outStrides, idx), v);
        }));
        return output;
    }

    /// <summary>The tree's elements on the line at <paramref name="idx"/> (the indexes of the axes before the last),
    /// by their position along the last axis: leaves read by element index where <paramref name="contiguous"/>, else at
    /// their strides.</summary>
    private static Func<LLVMValueRef, LLVMValueRef> LineElements(FunctionEmitter e, ElementwiseNode root, LoweredArg[] leaves, LLVMValueRef[] datas,
        LLVMValueRef[]?[] strides, LLVMValueRef[] idx, bool contiguous)
    {
        var B = e.B; var M = e.M;
        int last = root.Type.Ndim - 1;
        var origin = idx.Append(M.ConstI64(0)).ToArray();
        var starts = datas.Select((d, k) => strides[k] is { } st ? ArrayCode.ElementPointer(e, d, st, origin) : default).ToArray();
        return j => EvalElement(e, root, leaves, k =>
        {
            var item = ElementOf(leaves[k].Type);
            return ArrayCode.Load(e, item, contiguous ? BuildGEP2(B, M.Lower(item), starts[k], new[] { j }, "")
                : BuildGEP2(B, M.I8, starts[k], new[] { BuildMul(B, j, strides[k]![last], "") }, ""));
        });
    }

    /// <summary>loops(true) where <paramref name="unit"/> holds (constant strides along the last axis), else loops(false).</summary>
    private static void ContiguousOrStrided(FunctionEmitter e, LLVMValueRef unit, Action<bool> loops)
    {
        var B = e.B;
        var fast = e.NewBlock("reduce_contiguous"); var slow = e.NewBlock("reduce_strided"); var joined = e.NewBlock("reduce_done");
        BuildCondBr(B, unit, fast, slow);
        PositionBuilderAtEnd(B, fast); loops(true); BuildBr(B, joined);
        PositionBuilderAtEnd(B, slow); loops(false); BuildBr(B, joined);
        PositionBuilderAtEnd(B, joined);
    }

    /// <summary>Whether every array leaf's stride along the last axis is its element's size.</summary>
    private static LLVMValueRef UnitLastStrides(FunctionEmitter e, LoweredArg[] leaves, LLVMValueRef[]?[] strides, int ndim)
    {
        var unit = e.M.ConstBool(true);
        foreach (var k in Enumerable.Range(0, leaves.Length).Where(k => leaves[k].Type is ArrayType))
            unit = BuildAnd(e.B, unit, BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, strides[k]![ndim - 1], e.M.ConstI64(ArrayCode.ItemSize(ElementOf(leaves[k].Type))), ""), "");
        return unit;
    }

    /// <summary>A tree's broadcast shape (NumPy's checks made), and its array leaves' data and strides over that shape
    /// (0 along broadcast axes), with the axes reversed for a Fortran-ordered tree: its elements are then visited in
    /// the temporary's memory order, as NumPy reduces it.</summary>
    private static (LLVMValueRef[] Shape, LLVMValueRef[] Data, LLVMValueRef[]?[] Strides) TreeLeaves(FunctionEmitter e, ElementwiseNode root, LoweredArg[] leaves)
    {
        int ndim = root.Type.Ndim;
        var leafRaw = LeafShapes(e, leaves);
        var shape = NodeShapes(e, root, leafRaw, null)[root];
        var datas = leaves.Select(a => a.Type is ArrayType ? ArrayCode.Data(e, a.Value) : default).ToArray();
        var strides = leaves.Select((a, k) => a.Type is ArrayType at
            ? BroadcastStrides(e, Aligned(e, ArrayCode.Strides(e, at, a.Value), ndim, zero: true), Aligned(e, leafRaw[k], ndim), shape) : null).ToArray();
        var layout = root.Type.Layout;
        return (ArrayCode.InMemoryOrder(layout, shape), datas, strides.Select(st => st == null ? null : ArrayCode.InMemoryOrder(layout, st)).ToArray());
    }

    private static LLVMValueRef LowerFusedSum(LoweringCall c, FusedReduction r)
    {
        var e = c.E; var B = e.B; var M = e.M;
        var root = r.Tree; var leaves = c.Args;
        int ndim = root.Type.Ndim;
        var dtype = root.Type.Dtype;
        bool single = dtype == ScalarType.Float32;
        var ft = M.Lower(dtype);
        var (shape, datas, strides) = TreeLeaves(e, root, leaves);
        var rows = shape[..^1]; var length = shape[^1];
        var result = r.PerRow ? ArrayCode.Allocate(e, new ArrayType(dtype, ndim - 1), rows, c.Span) : default;
        var resultStrides = r.PerRow ? ArrayCode.ContiguousStrides(e, dtype, rows, ArrayLayout.C) : null;

        var buffer = e.Alloca(LLVM.ArrayType(ft, Runtime.NumPyMath.BufferSize));
        var filled = e.Alloca(M.I64); var total = e.Alloca(ft); var at = e.Alloca(M.I64);
        BuildStore(B, M.ConstI64(0), filled);
        BuildStore(B, ConstReal(ft, 0), total);
        var helper = PairwiseSumHelper(e, single ? "sj_np_sum_f32" : "sj_np_sum_f64");
        var part = e.Alloca(ft);
        void Flush(LLVMValueRef count)
        {
            // Under 8 items NumPy's pairwise sum adds them in order from 0: here, instead of a call per short row.
            var few = e.NewBlock("sum_few"); var many = e.NewBlock("sum_pairwise"); var added = e.NewBlock("sum_added");
            BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, count, M.ConstI64(8), ""), few, many);
            PositionBuilderAtEnd(B, few);
            BuildStore(B, ConstReal(ft, 0), part);
            ArrayCode.Loop(e, count, i => BuildStore(B, BuildFAdd(B, BuildLoad2(B, ft, part, ""),
                BuildLoad2(B, ft, BuildGEP2(B, ft, buffer, new[] { i }, ""), ""), ""), part), vectorise: false);
            BuildBr(B, added);
            PositionBuilderAtEnd(B, many);
            var sum = e.CallRuntime(helper, buffer, count, M.ConstI64(ArrayCode.ItemSize(dtype)));   // a double
            BuildStore(B, single ? BuildFPTrunc(B, sum, M.F32, "") : sum, part);
            BuildBr(B, added);
            PositionBuilderAtEnd(B, added);
            BuildStore(B, BuildFAdd(B, BuildLoad2(B, ft, total, ""), BuildLoad2(B, ft, part, ""), ""), total);
            BuildStore(B, M.ConstI64(0), filled);
        }
        void FlushIf(LLVMValueRef condition)
        {
            var flush = e.NewBlock("sum_block"); var go = e.NewBlock("sum_block_done");
            BuildCondBr(B, condition, flush, go);
            PositionBuilderAtEnd(B, flush);
            Flush(BuildLoad2(B, M.I64, filled, ""));
            BuildBr(B, go);
            PositionBuilderAtEnd(B, go);
        }
        // Two versions of the loops: every array leaf contiguous along the last axis, read by element index, which
        // LLVM vectorises; and any strides (a leaf broadcast along the last axis has stride 0 there).
        var unit = UnitLastStrides(e, leaves, strides, ndim);

        // A line: its elements into the buffer in runs that fit, the buffer summed whenever it is full.
        void Line(LLVMValueRef[] idx, bool contiguous)
        {
            var element = LineElements(e, root, leaves, datas, strides, idx, contiguous);
            BuildStore(B, M.ConstI64(0), at);
            var test = e.NewBlock("sum_run"); var body = e.NewBlock("sum_fill"); var done = e.NewBlock("sum_line_done");
            BuildBr(B, test);
            PositionBuilderAtEnd(B, test);
            var j = BuildLoad2(B, M.I64, at, "");
            BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, j, length, ""), body, done);
            PositionBuilderAtEnd(B, body);
            var f = BuildLoad2(B, M.I64, filled, "");
            var left = BuildSub(B, length, j, ""); var room = BuildSub(B, M.ConstI64(Runtime.NumPyMath.BufferSize), f, "");
            var take = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, left, room, ""), left, room, "");
            var slots = BuildGEP2(B, ft, buffer, new[] { f }, "");
            ArrayCode.Loop(e, take, t => BuildStore(B, element(BuildNSWAdd(B, j, t, "")), BuildGEP2(B, ft, slots, new[] { t }, "")), elementwise: true);
            BuildStore(B, BuildAdd(B, j, take, ""), at);
            var now = BuildAdd(B, f, take, "");
            BuildStore(B, now, filled);
            FlushIf(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, now, M.ConstI64(Runtime.NumPyMath.BufferSize), ""));
            BuildBr(B, test);
            PositionBuilderAtEnd(B, done);
            if (!r.PerRow) return;
            FlushIf(BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, BuildLoad2(B, M.I64, filled, ""), M.ConstI64(0), ""));
            ArrayCode.Store(e, dtype, ArrayCode.ElementPointer(e, ArrayCode.Data(e, result), resultStrides!, idx), Value(length, inDouble: false));
            BuildStore(B, ConstReal(ft, 0), total);
        }
        ContiguousOrStrided(e, unit, contiguous => ArrayCode.LoopNest(e, rows, idx => Line(idx, contiguous)));
        if (r.PerRow) return result;
        FlushIf(BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, BuildLoad2(B, M.I64, filled, ""), M.ConstI64(0), ""));
        return Value(ArrayCode.Size(e, shape), inDouble: true);

        // The sum, or the mean as NumPy divides it (a whole array's float32 sum in double, a line's in float32).
        LLVMValueRef Value(LLVMValueRef count, bool inDouble)
        {
            var sum = BuildLoad2(B, ft, total, "");
            if (r.Name != "mean") return sum;
            if (!single || inDouble)
                return e.Convert(BuildFDiv(B, single ? BuildFPExt(B, sum, M.F64, "") : sum, BuildSIToFP(B, count, M.F64, ""), ""), ScalarType.Float64, dtype);
            return BuildFDiv(B, sum, BuildSIToFP(B, count, M.F32, ""), "");
        }
    }
}
