using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// Indexing with arrays (NumPy's advanced indexing, the forms users write): a boolean mask of the array's shape
/// selects elements (<c>a[a &gt; 0]</c>, a new 1-d array; <c>a[a &gt; 0] = 0</c>), and a 1-d integer array selects
/// rows along the first axis (<c>a[idx]</c>, a copy; <c>a[idx] = v</c>).
/// </summary>
public static unsafe partial class Builtins
{
    private static bool IsArrayIndex(SjType index) => index is ArrayType;

    /// <summary>The type of a[index] for an array index, with NumPy's errors for the forms it rejects.</summary>
    private static SjType ArrayIndexedType(CallTypingContext c, ArrayType t, TypedArg indexArg)
    {
        var index = (ArrayType)indexArg.Type;
        if (index.Dtype.Rank == 0)
        {
            if (index.Ndim != t.Ndim)
                throw c.ErrorAt(indexArg, $"a boolean index must have the array's {t.Ndim} dimension{(t.Ndim == 1 ? "" : "s")} in compiled code, not {index.Ndim}");
            return new ArrayType(t.Dtype, 1);
        }
        if (index.Dtype.Rank != 1)
            throw c.ErrorAt(indexArg, "arrays used as indices must be of integer (or boolean) type");
        if (index.Ndim != 1) throw c.ErrorAt(indexArg, "an integer array index must be one-dimensional in compiled code");
        if (t.Ndim == 0) throw c.ErrorAt(indexArg, "too many indices for array: array is 0-dimensional, but 1 were indexed");
        return new ArrayType(t.Dtype, t.Ndim);
    }

    /// <summary>An index tuple of slices, integers, None, at most one ... and one 1-d integer array (<c>a[:, idx]</c>,
    /// <c>a[1:, ::2, idx]</c>, <c>a[0, :, idx]</c>, <c>a[..., idx]</c>, <c>a[:, None, idx]</c>, <c>a[idx, :]</c>,
    /// <c>a[idx, 1:3]</c>): the array's position, else -1.</summary>
    private static int AxisArrayIndex(SjType index)
    {
        if (index is not TupleType tt || tt.Items.Count(x => x is ArrayType) != 1 || tt.Items.Count(x => x == SimpleType.Ellipsis) > 1) return -1;
        int k = Array.FindIndex(tt.Items.ToArray(), x => x is ArrayType);
        if (!tt.Items.All(x => x is ArrayType or SliceType or ScalarType { Rank: 1 } || x == SimpleType.None || x == SimpleType.Ellipsis)) return -1;
        return k;
    }

    /// <summary>Where the array of such an index selects in the view the rest of the index makes (integers before it
    /// take their axes away, None adds one, ... stands for the axes nothing else indexes), the array's axis it selects
    /// along (for IndexError), and whether NumPy puts the selected axis first: the integers and the array not side by
    /// side.</summary>
    private static (int ViewAxis, int ArrayAxis, bool First) AxisArrayPlace(TupleType index, int k, int ndim)
    {
        var before = index.Items.Take(k).ToArray();
        int arrayAxis = ArrayAxisBefore(index, k, ndim);
        var advanced = Enumerable.Range(0, index.Items.Length).Where(j => j == k || index.Items[j] is ScalarType).ToArray();
        return (arrayAxis + before.Count(x => x == SimpleType.None) - before.Count(x => x is ScalarType), arrayAxis, !SideBySide(advanced));
    }

    /// <summary>The axes of the indexed array before index item k (... stands for the axes nothing else indexes;
    /// None indexes none).</summary>
    private static int ArrayAxisBefore(TupleType index, int k, int ndim)
    {
        var items = index.Items;
        int rest = ndim - items.Count(x => x is ScalarType or SliceType or ArrayType);
        int axis = 0;
        for (int j = 0; j < k; j++)
            axis += items[j] == SimpleType.Ellipsis ? rest : items[j] == SimpleType.None ? 0 : 1;
        return axis;
    }

    /// <summary>a[i, j] or a[i, j, k] of the leading axes, each a 1-d integer array or an integer, with an array in a
    /// 2-d array's pair and two in any other (a[idx, 2], a[rows, cols], a[rows, cols] of a 3-d array, a[i, 0, k]): NumPy
    /// broadcasts them and gathers elements, or the rest of the axes (_take_pair, _take_triple, _put_pair, _put_triple).
    /// One array with integers in an array of more dimensions is AxisArrayIndex's.</summary>
    private static bool IsPairIndex(ArrayType t, SjType index) =>
        index is TupleType { Items.Length: 2 or 3 } tt && tt.Items.Length <= t.Ndim
        && tt.Items.Count(x => x is ArrayType) >= (t.Ndim == 2 ? 1 : 2)
        && tt.Items.All(x => x is ScalarType { Rank: 1 } or ArrayType { Ndim: 1, Dtype.Rank: 1 });

    private static string PairFunction(SjType index, string verb) =>
        ((TupleType)index).Items.Length == 2 ? $"_{verb}_pair" : $"_{verb}_triple";

    private static SjType[] PairArgTypes(TupleType index) =>
        index.Items.Select(x => x is ArrayType at ? at.With(readOnly: false) : (SjType)ScalarType.Int64).ToArray();

    private static LLVMValueRef[] PairArgs(LoweringCall c)
    {
        var tt = (TupleType)c.ArgType(1);
        var types = PairArgTypes(tt);
        return Enumerable.Range(0, tt.Items.Length).Select(k => c.E.Convert(c.E.ExtractValue(c.Arg(1), k), tt.Items[k], types[k])).ToArray();
    }

    private static SjType PairIndexedType(CallTypingContext c, ArrayType t, TypedArg indexArg) =>
        c.Require(PythonLibrary.Function("numpy", PairFunction(indexArg.Type, "take")), new SjType[] { t }.Concat(PairArgTypes((TupleType)indexArg.Type)).ToArray()).ReturnType;

    private static LLVMValueRef LowerPairGet(LoweringCall c) =>
        c.E.Convert(c.CallCompiled(0, new[] { c.Arg(0) }.Concat(PairArgs(c)).ToArray()), c.Callees[0].ReturnType, c.ResultType);

    private static void PairSetType(CallTypingContext c, ArrayType t, TypedArg indexArg, TypedArg value) =>
        c.Require(PythonLibrary.Function("numpy", PairFunction(indexArg.Type, "put")), new SjType[] { t }.Concat(PairArgTypes((TupleType)indexArg.Type)).Append(TypeOps.Canonical(value.Type)).ToArray());

    private static void LowerPairSet(LoweringCall c) =>
        c.CallCompiled(0, new[] { c.Arg(0) }.Concat(PairArgs(c)).Append(c.E.Convert(c.Arg(2), c.ArgType(2), TypeOps.Canonical(c.ArgType(2)))).ToArray());

    /// <summary>Two or three integer arrays (with integers among them) among slices (<c>a[:, rows, cols]</c>,
    /// <c>a[1:, i, 0, k]</c>, <c>a[rows, cols, :]</c>, <c>a[i, :, j]</c>): their positions, else null (all of them
    /// integers and arrays: IsPairIndex's). NumPy puts the broadcast axis where they stand when they are side by side,
    /// else first (_take_group, _put_group in the library).</summary>
    private static int[]? GroupIndex(ArrayType t, SjType index, int minArrays = 2)
    {
        if (index is not TupleType tt) return null;
        var items = tt.Items.ToArray();
        if (items.Count(x => x == SimpleType.Ellipsis) > 1 || items.Count(x => x != SimpleType.Ellipsis) > t.Ndim) return null;
        if (!items.All(x => x is SliceType or ScalarType { Rank: 1 } or ArrayType { Ndim: 1, Dtype.Rank: 1 } || x == SimpleType.Ellipsis)) return null;
        var advanced = Enumerable.Range(0, items.Length).Where(j => items[j] is ScalarType or ArrayType).ToArray();
        if (advanced.Length is < 2 or > 3 || items.Count(x => x is ArrayType) < minArrays || advanced.Length == items.Length) return null;
        return advanced;
    }

    /// <summary>An assignment through one integer array and integers that are not side by side (<c>a[0, :, idx] = v</c>):
    /// its group (the selection's axis first, as NumPy has it), else null.</summary>
    private static int[]? ApartGroupIndex(ArrayType t, SjType index) =>
        GroupIndex(t, index, minArrays: 1) is { } at && !SideBySide(at) ? at : null;

    /// <summary>Whether index positions (ascending) follow one another.</summary>
    private static bool SideBySide(int[] positions) => positions[^1] - positions[0] + 1 == positions.Length;

    /// <summary>The view the slices of a group index make (its integers and arrays replaced by full slices), and the
    /// group's items as the library takes them (ints as int64).</summary>
    private static (TupleType ViewIndex, SjType[] Items) GroupParts(TupleType index, int[] at) =>
        (ViewIndexType(index, at), PairArgTypes(new TupleType(at.Select(j => index.Items[j]))));

    private static string GroupFunction(int[] at, string verb) => at.Length == 2 ? $"_{verb}_group" : $"_{verb}_group3";

    /// <summary>The library function's leading parameters: the view, whether the group is side by side, its positions.</summary>
    private static SjType[] GroupHead(ArrayType view, int[] at) =>
        new SjType[] { view, ScalarType.Bool }.Concat(at.Select(_ => (SjType)ScalarType.Int64)).ToArray();

    private static SjType GroupIndexedType(CallTypingContext c, ArrayType t, TypedArg indexArg, int[] at)
    {
        var (viewIndex, items) = GroupParts((TupleType)indexArg.Type, at);
        var view = (ArrayType)IndexedTypeOf(t, viewIndex);
        return c.Require(PythonLibrary.Function("numpy", GroupFunction(at, "take")), GroupHead(view, at).Concat(items).ToArray()).ReturnType;
    }

    private static void GroupSetType(CallTypingContext c, ArrayType t, TypedArg indexArg, int[] at, TypedArg value)
    {
        var (viewIndex, items) = GroupParts((TupleType)indexArg.Type, at);
        var view = (ArrayType)IndexedTypeOf(t, viewIndex);
        c.Require(PythonLibrary.Function("numpy", GroupFunction(at, "put")), GroupHead(view, at).Concat(items).Append(TypeOps.Canonical(value.Type)).ToArray());
    }

    /// <summary>The library call's arguments for a group index: the view, side by side or not, the positions, the items.</summary>
    private static LLVMValueRef[] GroupArgs(LoweringCall c, int[] at)
    {
        var e = c.E; var t = (ArrayType)c.ArgType(0);
        var tt = (TupleType)c.ArgType(1);
        var (_, items) = GroupParts(tt, at);
        var args = new List<LLVMValueRef> { SliceView(c, at, 0), e.M.ConstBool(SideBySide(at)) };
        // The axis each item indexes, of the array and of the view alike (a group index has no None).
        args.AddRange(at.Select(j => e.M.ConstI64(ArrayAxisBefore(tt, j, t.Ndim))));
        for (int n = 0; n < at.Length; n++) args.Add(e.Convert(e.ExtractValue(c.Arg(1), at[n]), tt.Items[at[n]], items[n]));
        return args.ToArray();
    }

    private static LLVMValueRef LowerGroupGet(LoweringCall c, int[] at) =>
        c.E.Convert(c.CallCompiled(0, GroupArgs(c, at)), c.Callees[0].ReturnType, c.ResultType);

    private static void LowerGroupSet(LoweringCall c, int[] at) =>
        c.CallCompiled(0, GroupArgs(c, at).Append(c.E.Convert(c.Arg(2), c.ArgType(2), TypeOps.Canonical(c.ArgType(2)))).ToArray());

    private static SliceType FullSlice => new(false, false, false, true);

    /// <summary>The index with its array replaced by a full slice: the view the array then selects from.</summary>
    private static TupleType ViewIndexType(TupleType index, params int[] replaced) =>
        new(index.Items.Select((x, j) => replaced.Contains(j) ? FullSlice : x));

    /// <summary>The view a[index] with the items at these positions replaced by full slices (what the other slices,
    /// integers, None and ... make), typed as the library callee's first parameter.</summary>
    private static LLVMValueRef SliceView(LoweringCall c, int[] replaced, int callee)
    {
        var e = c.E; var t = (ArrayType)c.ArgType(0);
        var tt = (TupleType)c.ArgType(1);
        var viewIndex = ViewIndexType(tt, replaced);
        var index = (LLVMValueRef)GetUndef(e.M.Lower(viewIndex));
        for (int j = 0; j < tt.Items.Length; j++)
            index = e.InsertValue(index, replaced.Contains(j) ? GetUndef(e.M.Lower(FullSlice)) : e.ExtractValue(c.Arg(1), j), j);
        var (data, shape, strides) = ApplyIndex(e, t, c.Arg(0), viewIndex, index, c.Span);
        var viewType = (ArrayType)c.Callees[callee].ArgTypes[0];
        return ArrayCode.Make(e, viewType, ArrayCode.Meminfo(e, c.Arg(0)), data, shape.ToArray(), strides.ToArray());
    }

    /// <summary>The type of a[s0, ..., idx, ...] (slices, integers and one 1-d integer array): a copy, by _take_axis.</summary>
    private static void CheckAxisArrayIndex(CallTypingContext c, ArrayType t, TypedArg indexArg, int k)
    {
        var tt = (TupleType)indexArg.Type;
        var idx = (ArrayType)tt.Items[k];
        if (idx.Dtype.Rank > 1 || idx.Ndim != 1)
            throw c.ErrorAt(indexArg, "only a 1-d integer or boolean array may index one axis among slices and integers in compiled code",
                "index with slices and one 1-d integer array (a[:, idx])");
        int indexed = tt.Items.Count(x => x is ScalarType or SliceType or ArrayType);
        if (indexed > t.Ndim)
            throw c.ErrorAt(indexArg, $"too many indices for array: array is {t.Ndim}-dimensional, but {indexed} were indexed");
    }

    private static SjType AxisArrayIndexedType(CallTypingContext c, ArrayType t, TypedArg indexArg, int k)
    {
        CheckAxisArrayIndex(c, t, indexArg, k);
        var tt = (TupleType)indexArg.Type;
        var idx = (ArrayType)tt.Items[k];
        var view = (ArrayType)IndexedTypeOf(t, ViewIndexType(tt, k));
        var take = AxisArrayPlace(tt, k, t.Ndim).First ? "_take_axis_first" : "_take_axis";
        return c.Require(PythonLibrary.Function("numpy", take), view, idx.With(readOnly: false), ScalarType.Int64, ScalarType.Int64).ReturnType;
    }

    /// <summary>The view the slices of an index with an array at position k make, and the index array.</summary>
    private static (LLVMValueRef View, LLVMValueRef Index) AxisArrayView(LoweringCall c, int k, int callee)
    {
        var e = c.E;
        var idxType = (ArrayType)((TupleType)c.ArgType(1)).Items[k];
        return (SliceView(c, new[] { k }, callee), e.Convert(e.ExtractValue(c.Arg(1), k), idxType, idxType.With(readOnly: false)));
    }

    private static LLVMValueRef LowerAxisArrayGet(LoweringCall c, int k)
    {
        var (view, idx) = AxisArrayView(c, k, 0);
        var (at, named, _) = AxisArrayPlace((TupleType)c.ArgType(1), k, ((ArrayType)c.ArgType(0)).Ndim);
        return c.E.Convert(c.CallCompiled(0, view, idx, c.E.M.ConstI64(at), c.E.M.ConstI64(named)), c.Callees[0].ReturnType, c.ResultType);
    }

    /// <summary>Types a[s0, ..., idx, ...] = value: _put_axis assigns through the view.</summary>
    private static void AxisArraySetType(CallTypingContext c, ArrayType t, TypedArg indexArg, int k, TypedArg value)
    {
        CheckAxisArrayIndex(c, t, indexArg, k);
        var tt = (TupleType)indexArg.Type;
        if (AxisArrayPlace(tt, k, t.Ndim).First)
            throw c.ErrorAt(indexArg, "assigning through integers and an integer array that are not side by side in one index is not supported in compiled code",
                "put the integers next to the array (a[:, 0, idx] = v), or assign through a view (a[0][:, idx] = v)");
        var view = IndexedTypeOf(t, ViewIndexType(tt, k));
        c.Require(PythonLibrary.Function("numpy", "_put_axis"), view, ((ArrayType)tt.Items[k]).With(readOnly: false), ScalarType.Int64, ScalarType.Int64, TypeOps.Canonical(value.Type));
    }

    private static void LowerAxisArraySet(LoweringCall c, int k)
    {
        var e = c.E;
        var (view, idx) = AxisArrayView(c, k, 0);
        var (at, named, _) = AxisArrayPlace((TupleType)c.ArgType(1), k, ((ArrayType)c.ArgType(0)).Ndim);
        c.CallCompiled(0, view, idx, e.M.ConstI64(at), e.M.ConstI64(named), e.Convert(c.Arg(2), c.ArgType(2), TypeOps.Canonical(c.ArgType(2))));
    }

    /// <summary>IndexError unless the mask's shape is the array's (NumPy's message names the first axis that differs).
    /// An axis of length 0 in the mask is not checked, as NumPy 1.24 does not: such a mask selects nothing.</summary>
    private static void CheckMaskShape(FunctionEmitter e, LLVMValueRef[] shape, LLVMValueRef[] maskShape, Span span)
    {
        for (int k = 0; k < shape.Length; k++)
        {
            int axis = k;
            var differs = BuildAnd(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, shape[k], maskShape[k], ""),
                BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, maskShape[k], e.M.ConstI64(0), ""), "");
            e.FailIf(differs,
                () => e.CallRuntime("sj_mask_error", e.M.ConstI64(axis), shape[axis], maskShape[axis]), span);
        }
    }

    /// <summary>Visits the elements of an array and its mask in C order: (element pointer, mask value). The mask's
    /// shape is the array's, or has an axis of length 0 (CheckMaskShape): the loop runs over the mask.</summary>
    private static void ForEachMasked(FunctionEmitter e, ArrayType t, LLVMValueRef a, ArrayType mt, LLVMValueRef mask, Action<LLVMValueRef, LLVMValueRef> visit)
    {
        var shape = ArrayCode.Shape(e, mt, mask); var strides = ArrayCode.Strides(e, t, a);
        var mStrides = ArrayCode.Strides(e, mt, mask);
        var data = ArrayCode.Data(e, a); var mData = ArrayCode.Data(e, mask);
        ArrayCode.LoopNest(e, shape, idx =>
            visit(ArrayCode.ElementPointer(e, data, strides, idx), ArrayCode.Load(e, ScalarType.Bool, ArrayCode.ElementPointer(e, mData, mStrides, idx))));
    }

    /// <summary>How many elements a mask selects.</summary>
    private static LLVMValueRef CountSelected(FunctionEmitter e, ArrayType t, LLVMValueRef a, ArrayType mt, LLVMValueRef mask)
    {
        var B = e.B; var M = e.M;
        if (mt.Layout is ArrayLayout.C or ArrayLayout.F)
            return CountNonzeroLine(e, ScalarType.Bool, ArrayCode.Data(e, mask), ArrayCode.Size(e, ArrayCode.Shape(e, mt, mask)), M.ConstI64(1));
        var count = e.Alloca(M.I64);
        BuildStore(B, M.ConstI64(0), count);
        ForEachMasked(e, t, a, mt, mask, (_, m) =>
            BuildStore(B, BuildAdd(B, BuildLoad2(B, M.I64, count, ""), BuildZExt(B, m, M.I64, ""), ""), count));
        return BuildLoad2(B, M.I64, count, "");
    }

    /// <summary>The registry entry of a fused masked assignment (Passes.ArrayFusion): its arguments are the target, the
    /// mask and the leaves.</summary>
    public static LibFunc FusedMaskedAssign(MaskedAssignment assignment) =>
        new("array.masked_assign", _ => throw new InvalidOperationException("internal: a fused masked assignment is typed already"), c =>
        {
            LowerMaskedAssign(c, assignment.Tree, assignment.Gathered, assignment.Spans);
            return GetUndef(c.E.M.Empty);
        }, LibFunc.Always) { AcceptsNarrow = true };

    /// <summary>
    /// a[m] = f(x[m], ..., numbers) as one loop over the mask: where it holds, f of the leaves' elements there is stored
    /// into a. NumPy's checks come in its order (each x[m], then a[m]); a leaf that shares memory with a other than
    /// element for element is read from a copy, as NumPy's x[m] is one. A mask that does (m = b[::-1] for b[m] = ...)
    /// changes under the writes, and NumPy reads it as it writes: that case takes NumPy's own two passes.
    /// </summary>
    private static void LowerMaskedAssign(LoweringCall c, ElementwiseNode? tree, bool[] gathered, Span[] spans)
    {
        var e = c.E; var B = e.B; var M = e.M;
        var t = (ArrayType)c.ArgType(0); var target = c.Arg(0);
        var mask = c.Args[1];
        var leaves = c.Args.Skip(2).ToArray();
        var maskShape = ArrayCode.Shape(e, (ArrayType)mask.Type, mask.Value);
        for (int k = 0; k < leaves.Length; k++)
            if (gathered[k]) CheckMaskShape(e, ArrayCode.Shape(e, (ArrayType)leaves[k].Type, leaves[k].Value), maskShape, spans[k]);
        var shape = ArrayCode.Shape(e, t, target);
        CheckMaskShape(e, shape, maskShape, c.Span);
        var copies = new List<(LLVMValueRef Copy, ArrayType Type)>();
        leaves = leaves.Select((a, k) => gathered[k] ? UnaliasedOperand(e, a, (ArrayType)a.Type, target, t, c.Span, copies) : a).ToArray();
        // What the loops read and write: the mask (0), the gathered leaves (1..), the target (last).
        var arrays = leaves.Where((_, k) => gathered[k]).Prepend(mask).Append(new LoweredArg(target, t)).ToArray();
        var types = arrays.Select(a => (ArrayType)a.Type).ToArray();
        var slot = new int[leaves.Length];
        for (int k = 0, next = 1; k < leaves.Length; k++) slot[k] = gathered[k] ? next++ : -1;
        var valueType = tree?.Type.Dtype ?? types[1].Dtype;
        var datas = arrays.Select(a => ArrayCode.Data(e, a.Value)).ToArray();
        int last = arrays.Length - 1;

        LLVMValueRef Selected(Func<int, LLVMValueRef> pointer) => ArrayCode.Load(e, ScalarType.Bool, pointer(0));
        // One element of the value, in the target's dtype (the fusion pass took only trees that cannot raise).
        LLVMValueRef Value(Func<int, LLVMValueRef> pointer)
        {
            LLVMValueRef Load(int k) => ArrayCode.Load(e, types[slot[k]].Dtype, pointer(slot[k]));
            return e.Convert(tree == null ? Load(0) : EvalElement(e, tree, leaves, Load), valueType, t.Dtype);
        }
        // Every element is computed without a branch, so that the loop vectorises; only the store waits for the mask
        // (a masked vector store): elements the mask leaves out are never written, as in NumPy (other threads may be
        // writing them).
        void Assign(Func<int, LLVMValueRef> pointer)
        {
            var selected = Selected(pointer);
            var v = Value(pointer);
            e.When(selected, () => ArrayCode.Store(e, t.Dtype, pointer(last), v));
        }
        // A complex target's loop stays scalar: LLVM stores its pairs by masked scatter (and reads the leaves by masked
        // gather), slower than the branch. z[m] = z[m] ** 2 + c[m] over 100,000 elements, vectorised / scalar: a mask of
        // runs 237 / 90 us, a random mask 373 / 344 us (NumPy 180-260 and 1,340-1,670 us).
        bool vectorise = t.Dtype.Rank != 3;
        void Strided(Action<Func<int, LLVMValueRef>> visit, bool vectorised)
        {
            var strides = arrays.Select((a, j) => ArrayCode.Strides(e, types[j], a.Value)).ToArray();
            ArrayCode.LoopNest(e, maskShape, idx => visit(j => ArrayCode.ElementPointer(e, datas[j], strides[j], idx)), vectorised);
        }
        void Fused()
        {
            // Every array C-contiguous with the mask's shape: one flat loop; otherwise a loop nest over the mask's shape.
            bool flatPossible = types.All(a => a.Layout == ArrayLayout.C);
            if (!flatPossible) { Strided(Assign, vectorise); return; }
            var sameShape = M.ConstBool(true);
            for (int j = 1; j < arrays.Length; j++)
            {
                var s = ArrayCode.Shape(e, types[j], arrays[j].Value);
                for (int k = 0; k < s.Length; k++) sameShape = BuildAnd(B, sameShape, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, s[k], maskShape[k], ""), "");
            }
            var flat = e.NewBlock("masked_flat"); var strided = e.NewBlock("masked_strided"); var join = e.NewBlock("masked_done");
            BuildCondBr(B, sameShape, flat, strided);
            PositionBuilderAtEnd(B, flat);
            ArrayCode.Loop(e, ArrayCode.Size(e, maskShape), i => Assign(j => ElementAt(e, types[j].Dtype, datas[j], i)), vectorise);
            BuildBr(B, join);
            PositionBuilderAtEnd(B, strided); Strided(Assign, vectorise); BuildBr(B, join);
            PositionBuilderAtEnd(B, join);
        }
        // NumPy's passes: the selected values in order (into a new array), then the scatter, which reads the mask as it
        // writes and stops at the last value.
        void AsNumPy()
        {
            var total = CountSelected(e, t, target, (ArrayType)mask.Type, mask.Value);
            var count = e.Alloca(M.I64);
            var valuesType = new ArrayType(t.Dtype, 1);
            var values = ArrayCode.Allocate(e, valuesType, new[] { total }, c.Span);
            var valuesData = ArrayCode.Data(e, values);
            BuildStore(B, M.ConstI64(0), count);
            Strided(p => e.When(Selected(p), () =>
            {
                var k = BuildLoad2(B, M.I64, count, "");
                ArrayCode.Store(e, t.Dtype, ElementAt(e, t.Dtype, valuesData, k), Value(p));
                BuildStore(B, BuildAdd(B, k, M.ConstI64(1), ""), count);
            }), false);
            BuildStore(B, M.ConstI64(0), count);
            Strided(p =>
            {
                var k = BuildLoad2(B, M.I64, count, "");
                e.When(BuildAnd(B, Selected(p), BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, k, total, ""), ""), () =>
                {
                    ArrayCode.Store(e, t.Dtype, p(last), ArrayCode.Load(e, t.Dtype, ElementAt(e, t.Dtype, valuesData, k)));
                    BuildStore(B, BuildAdd(B, k, M.ConstI64(1), ""), count);
                });
            }, false);
            TypeModel.Of(valuesType).DecRef(e, values);
        }
        var maskMoves = SharesUnevenly(e, mask, (ArrayType)mask.Type, target, t);
        if (FunctionEmitter.ConstantIntOf(maskMoves) == 0) Fused();
        else
        {
            var exact = e.NewBlock("mask_moves"); var fused = e.NewBlock("mask_fixed"); var join = e.NewBlock("masked_assigned");
            BuildCondBr(B, e.Expect(maskMoves, false), exact, fused);
            PositionBuilderAtEnd(B, exact); AsNumPy(); BuildBr(B, join);
            PositionBuilderAtEnd(B, fused); Fused(); BuildBr(B, join);
            PositionBuilderAtEnd(B, join);
        }
        foreach (var (copy, type) in copies) { e.ReleaseTemporary(copy); TypeModel.Of(type).DecRef(e, copy); }
    }

    /// <summary>a[mask] (a new 1-d array of the selected elements) or a[idx] (a copy of the selected rows).</summary>
    private static LLVMValueRef LowerArrayGet(LoweringCall c)
    {
        var e = c.E; var B = e.B; var M = e.M;
        var t = (ArrayType)c.ArgType(0); var it = (ArrayType)c.ArgType(1);
        var a = c.Arg(0); var index = c.Arg(1);
        var result = (ArrayType)c.ResultType;
        if (it.Dtype.Rank == 0)
        {
            CheckMaskShape(e, ArrayCode.Shape(e, t, a), ArrayCode.Shape(e, it, index), c.Span);
            var total = CountSelected(e, t, a, it, index);
            var r = ArrayCode.Allocate(e, result, new[] { total }, c.Span);
            var outData = ArrayCode.Data(e, r);
            var count = e.Alloca(M.I64);
            var spare = e.Alloca(t.Dtype.Rank == 0 ? M.I8 : M.Lower(t.Dtype));
            BuildStore(B, M.ConstI64(0), count);
            ForEachMasked(e, t, a, it, index, (p, m) =>
            {
                // Without a branch (a random mask mispredicts half of them: 1,000,000 float64 took 4.1 ms, NumPy 4.5):
                // every element is stored to the next free slot, which only a selected one keeps by moving it on.
                // Once all are placed, the rest go to a spare slot.
                var k = BuildLoad2(B, M.I64, count, "");
                var slot = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, k, total, ""), ElementAt(e, t.Dtype, outData, k), spare, "");
                ArrayCode.Store(e, t.Dtype, slot, ArrayCode.Load(e, t.Dtype, p));
                BuildStore(B, BuildAdd(B, k, BuildZExt(B, m, M.I64, ""), ""), count);
            });
            return r;
        }
        // Integer array: rows a[idx[j]] stacked.
        var shape = ArrayCode.Shape(e, t, a); var strides = ArrayCode.Strides(e, t, a);
        var n = ArrayCode.Dim(e, index, 0);
        var idxStride = ArrayCode.Strides(e, it, index)[0];
        var outShape = new[] { n }.Concat(shape.Skip(1)).ToArray();
        var res = ArrayCode.Allocate(e, result, outShape, c.Span);
        var dst = ArrayCode.Data(e, res);
        var dstStrides = ArrayCode.ContiguousStrides(e, t.Dtype, outShape, ArrayLayout.C);
        var src = ArrayCode.Data(e, a);
        ArrayCode.Loop(e, n, j =>
        {
            var raw = ArrayCode.Load(e, it.Dtype, BuildGEP2(B, M.I8, ArrayCode.Data(e, index), new[] { BuildMul(B, j, idxStride, "") }, ""));
            var row = ArrayCode.WrapIndex(e, e.Convert(raw, it.Dtype, ScalarType.Int64), shape[0], 0, c.Span);
            var srcRow = BuildGEP2(B, M.I8, src, new[] { BuildMul(B, row, strides[0], "") }, "");
            var dstRow = BuildGEP2(B, M.I8, dst, new[] { BuildMul(B, j, dstStrides[0], "") }, "");
            ArrayCode.LoopNest(e, shape.Skip(1).ToArray(), idx =>
                ArrayCode.Store(e, t.Dtype, ArrayCode.ElementPointer(e, dstRow, dstStrides.Skip(1).ToArray(), idx),
                    ArrayCode.Load(e, t.Dtype, ArrayCode.ElementPointer(e, srcRow, strides.Skip(1).ToArray(), idx))));
        });
        return res;
    }

    /// <summary>a[mask] = v (a scalar, or an array of as many values as the mask selects, or of one) and a[idx] = v
    /// (a scalar or rows broadcast to the selection).</summary>
    private static void LowerArraySet(LoweringCall c)
    {
        var e = c.E; var B = e.B; var M = e.M;
        var t = (ArrayType)c.ArgType(0); var it = (ArrayType)c.ArgType(1);
        var a = c.Arg(0); var index = c.Arg(1); var value = c.Args[2];
        if (it.Dtype.Rank == 0)
        {
            CheckMaskShape(e, ArrayCode.Shape(e, t, a), ArrayCode.Shape(e, it, index), c.Span);
            if (value.Type is ScalarType st)
            {
                var v = e.Convert(value.Value, st, t.Dtype);
                ForEachMasked(e, t, a, it, index, (p, m) => e.When(m, () => ArrayCode.Store(e, t.Dtype, p, v)));
                return;
            }
            // An array of values: one per selected element (read in C order), or a single value for all.
            var vt = (ArrayType)value.Type;
            var flat = vt.Layout == ArrayLayout.C ? value.Value : CopyArray(e, vt, value.Value, new ArrayType(vt.Dtype, vt.Ndim), c.Span);
            var vData = ArrayCode.Data(e, flat);
            var vSize = ArrayCode.Size(e, ArrayCode.Shape(e, vt, flat));
            var total = CountSelected(e, t, a, it, index);
            var one = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, vSize, M.ConstI64(1), "");
            var bad = BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, vSize, total, ""), BuildNot(B, one, ""), "");
            e.FailIf(bad, () => e.CallRuntime("sj_mask_assign_error", vSize, total), c.Span);
            var selected = e.Alloca(M.I64);
            BuildStore(B, M.ConstI64(0), selected);
            ForEachMasked(e, t, a, it, index, (p, m) => e.When(m, () =>
            {
                var k = BuildLoad2(B, M.I64, selected, "");
                var from = BuildSelect(B, one, M.ConstI64(0), k, "");
                ArrayCode.Store(e, t.Dtype, p, e.Convert(ArrayCode.Load(e, vt.Dtype, ElementAt(e, vt.Dtype, vData, from)), vt.Dtype, t.Dtype));
                BuildStore(B, BuildAdd(B, k, M.ConstI64(1), ""), selected);
            }));
            if (vt.Layout != ArrayLayout.C) { e.ReleaseTemporary(flat); TypeModel.Of(new ArrayType(vt.Dtype, vt.Ndim)).DecRef(e, flat); }
            return;
        }
        // Integer array: each selected row gets the value (a scalar, or an array broadcast to a row; a 1-d array
        // as long as the index gives one value per row when the array is 1-d).
        var shape = ArrayCode.Shape(e, t, a); var strides = ArrayCode.Strides(e, t, a);
        var n = ArrayCode.Dim(e, index, 0);
        var idxStride = ArrayCode.Strides(e, it, index)[0];
        var data = ArrayCode.Data(e, a);
        if (t.Ndim == 1 && value.Type is ArrayType { Ndim: > 0 } values)
        {
            var len = ArrayCode.Shape(e, values, value.Value)[^1];
            var bad = BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, len, n, ""), BuildICmp(B, LLVMIntPredicate.LLVMIntNE, len, M.ConstI64(1), ""), "");
            e.FailIf(bad, () => e.CallRuntime("sj_index_assign_error", len, n), c.Span);
        }
        ArrayCode.Loop(e, n, j =>
        {
            var raw = ArrayCode.Load(e, it.Dtype, BuildGEP2(B, M.I8, ArrayCode.Data(e, index), new[] { BuildMul(B, j, idxStride, "") }, ""));
            var row = ArrayCode.WrapIndex(e, e.Convert(raw, it.Dtype, ScalarType.Int64), shape[0], 0, c.Span);
            var rowPtr = BuildGEP2(B, M.I8, data, new[] { BuildMul(B, row, strides[0], "") }, "");
            if (value.Type is ScalarType st)
            {
                var v = e.Convert(value.Value, st, t.Dtype);
                ArrayCode.LoopNest(e, shape.Skip(1).ToArray(), idx => ArrayCode.Store(e, t.Dtype, ArrayCode.ElementPointer(e, rowPtr, strides.Skip(1).ToArray(), idx), v));
            }
            else if (t.Ndim == 1)
            {
                // a[idx] = values: values[j] (or values[0] for a single value) goes to a[idx[j]].
                var vt = (ArrayType)value.Type;
                var vShape = ArrayCode.Shape(e, vt, value.Value);
                var vStrides = ArrayCode.Strides(e, vt, value.Value);
                var single = vt.Ndim == 0 ? M.ConstBool(true) : BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, vShape[^1], M.ConstI64(1), "");
                var at = BuildSelect(B, single, M.ConstI64(0), j, "");
                var p = vt.Ndim == 0 ? ArrayCode.Data(e, value.Value) : BuildGEP2(B, M.I8, ArrayCode.Data(e, value.Value), new[] { BuildMul(B, at, vStrides[^1], "") }, "");
                ArrayCode.Store(e, t.Dtype, rowPtr, e.Convert(ArrayCode.Load(e, vt.Dtype, p), vt.Dtype, t.Dtype));
            }
            else
                AssignInto(e, t.Dtype, rowPtr, shape.Skip(1).ToArray(), strides.Skip(1).ToArray(), value, c.Span);
        });
    }
}

/// <summary>target[mask] = value fused (Passes.ArrayFusion): the value is a tree of the leaves (null: leaf 0 itself); a
/// gathered leaf is x of x[mask], read where the mask holds (its span is where x[mask] was read, for NumPy's IndexError).</summary>
public sealed record MaskedAssignment(ElementwiseNode? Tree, bool[] Gathered, Span[] Spans)
{
    public override string ToString()
    {
        var text = Tree?.ToString() ?? "$0";
        // Leaves read through the mask print as $k[mask].
        return System.Text.RegularExpressions.Regex.Replace(text, @"\$(\d+)", m => Gathered[int.Parse(m.Groups[1].Value)] ? m.Value + "[mask]" : m.Value);
    }
}
