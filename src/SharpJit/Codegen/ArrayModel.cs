using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Codegen;

/// <summary>
/// An array value: <c>{ ptr meminfo, ptr data, [ndim x i64] shape, [ndim x i64] strides }</c>, strides in bytes. The
/// meminfo is the runtime block that owns the data (Runtime.RuntimeArrays), counted atomically so that arrays may be
/// shared between threads; a null meminfo is an array borrowed from the host for the call.
/// </summary>
public sealed class ArrayModel : TypeModel
{
    private readonly ArrayType _t;
    public ArrayModel(ArrayType t) : base(t) { _t = t; }

    public override LLVMTypeRef Lower(ModuleEmitter m) =>
        StructTypeInContext(m.Ctx, new[] { m.Ptr, m.Ptr, ArrayType2(m.I64, (ulong)_t.Ndim), ArrayType2(m.I64, (ulong)_t.Ndim) });

    public override bool HasReferences => true;
    /// <summary>meminfo, data, then shape and strides (one i64 per axis each).</summary>
    public override (int Size, int Align)? CLayout => (16 + 16 * _t.Ndim, 8);

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, e.ExtractValue(v, 0), +1);
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, e.ExtractValue(v, 0), -1);

    private static void Adjust(FunctionEmitter e, LLVMValueRef meminfo, int delta)
    {
        var B = e.B; var M = e.M;
        if (IsAConstantPointerNull(meminfo).Handle != 0 || IsUndef(meminfo) != 0 || IsPoison(meminfo) != 0) return;
        var counted = e.NewBlock("arc"); var done = e.NewBlock("arc_done");
        BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, meminfo, ConstPointerNull(M.Ptr), ""), counted, done);
        PositionBuilderAtEnd(B, counted);
        var old = BuildAtomicRMW(B, delta > 0 ? LLVMAtomicRMWBinOp.LLVMAtomicRMWBinOpAdd : LLVMAtomicRMWBinOp.LLVMAtomicRMWBinOpSub,
            meminfo, M.ConstI64(1), delta > 0 ? LLVMAtomicOrdering.LLVMAtomicOrderingMonotonic : LLVMAtomicOrdering.LLVMAtomicOrderingAcquireRelease, 0);
        if (delta < 0)
        {
            var free = e.NewBlock("arc_free");
            BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, old, M.ConstI64(1), ""), free, done);
            PositionBuilderAtEnd(B, free);
            e.CallRuntime("sj_array_free", meminfo);
        }
        BuildBr(B, done);
        PositionBuilderAtEnd(B, done);
    }

    public override bool CanFormat => true;

    /// <summary>NumPy's printer (Runtime.NumPyArrayFormat) reads the elements through the shape and strides.</summary>
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        var shape = ArrayCode.Shape(e, _t, v); var strides = ArrayCode.Strides(e, _t, v);
        var dims = e.Alloca(ArrayType2(e.M.I64, (ulong)Math.Max(1, 2 * _t.Ndim)));
        for (int k = 0; k < 2 * _t.Ndim; k++)
            BuildStore(e.B, k < _t.Ndim ? shape[k] : strides[k - _t.Ndim], BuildInBoundsGEP2(e.B, e.M.I64, dims, new[] { e.M.ConstI64(k) }, ""));
        e.CallRuntime("sj_write_array", sink, e.M.ConstI64(Array.IndexOf(ScalarType.All.ToArray(), _t.Dtype)), e.M.ConstI64(_t.Ndim), dims,
            ArrayCode.Data(e, v), e.M.ConstI64(repr ? 1 : 0));
    }

    /// <summary>An NDArray: the host's is passed without a copy; a result owns compiled code's memory.</summary>
    public override unsafe void WriteHost(byte* p, object? v) => ((Engine.NDArray)v!).WriteValue(p);
    public override unsafe object? ReadHost(byte* p) =>
        Engine.NDArray.FromCompiled(_t, *(byte**)p, *(byte**)(p + 8), (long*)(p + 16), (long*)(p + 16) + _t.Ndim);
    public override unsafe void Release(byte* p) => Runtime.RuntimeArrays.Release(*(byte**)p);

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteArray(o, _t, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadArray(p, _t, borrowed);
}

/// <summary>Reading, building and addressing array values in generated code (the primitives array lowerings use).</summary>
public static class ArrayCode
{
    public static LLVMValueRef Meminfo(FunctionEmitter e, LLVMValueRef a) => e.ExtractValue(a, 0);
    public static LLVMValueRef Data(FunctionEmitter e, LLVMValueRef a) => e.ExtractValue(a, 1);
    public static LLVMValueRef Dim(FunctionEmitter e, LLVMValueRef a, int k) => BuildExtractValue(e.B, e.ExtractValue(a, 2), (uint)k, "");
    public static LLVMValueRef[] Shape(FunctionEmitter e, ArrayType t, LLVMValueRef a) => Enumerable.Range(0, t.Ndim).Select(k => Dim(e, a, k)).ToArray();

    /// <summary>The strides in bytes. For contiguous layouts they are computed from the shape, so that LLVM sees the
    /// unit stride of the innermost axis (and can vectorise); otherwise they are read.</summary>
    public static LLVMValueRef[] Strides(FunctionEmitter e, ArrayType t, LLVMValueRef a) => t.Layout switch
    {
        ArrayLayout.C or ArrayLayout.F => ContiguousStrides(e, t.Dtype, Shape(e, t, a), t.Layout),
        _ => StoredStrides(e, t, a),
    };

    /// <summary>The strides the value holds (NumPy's, for .strides): for C and F layouts they may differ from the
    /// computed ones where that changes no address (0 for an empty array made here, as NumPy makes them; a length-1
    /// axis of an argument keeps the stride NumPy gave it).</summary>
    public static LLVMValueRef[] StoredStrides(FunctionEmitter e, ArrayType t, LLVMValueRef a) =>
        Enumerable.Range(0, t.Ndim).Select(k => BuildExtractValue(e.B, e.ExtractValue(a, 3), (uint)k, "")).ToArray();

    public static LLVMValueRef[] ContiguousStrides(FunctionEmitter e, ScalarType dtype, LLVMValueRef[] shape, ArrayLayout layout)
    {
        int n = shape.Length;
        var strides = new LLVMValueRef[n];
        var s = e.M.ConstI64(ItemSize(dtype));
        if (layout == ArrayLayout.F)
            for (int k = 0; k < n; k++) { strides[k] = s; s = BuildNSWMul(e.B, s, shape[k], ""); }
        else
            for (int k = n - 1; k >= 0; k--) { strides[k] = s; s = BuildNSWMul(e.B, s, shape[k], ""); }
        return strides;
    }

    /// <summary>Per-axis values (a shape, strides) in memory order, outermost first: a Fortran-ordered array's axes
    /// reversed, so that loops written for C order walk its memory contiguously.</summary>
    public static T[] InMemoryOrder<T>(ArrayLayout layout, T[] axes) => layout == ArrayLayout.F ? axes.Reverse().ToArray() : axes;

    public static int ItemSize(ScalarType t) => t.Rank == 0 ? 1 : t.Bits / 8;

    public static LLVMValueRef Size(FunctionEmitter e, LLVMValueRef[] shape) =>
        shape.Aggregate(e.M.ConstI64(1), (acc, d) => BuildNSWMul(e.B, acc, d, ""));

    /// <summary>An array value from its parts.</summary>
    public static LLVMValueRef Make(FunctionEmitter e, ArrayType t, LLVMValueRef meminfo, LLVMValueRef data, LLVMValueRef[] shape, LLVMValueRef[] strides)
    {
        var M = e.M;
        var shapeArr = GetUndef(ArrayType2(M.I64, (ulong)t.Ndim));
        var strideArr = GetUndef(ArrayType2(M.I64, (ulong)t.Ndim));
        for (int k = 0; k < t.Ndim; k++)
        {
            shapeArr = BuildInsertValue(e.B, shapeArr, shape[k], (uint)k, "");
            strideArr = BuildInsertValue(e.B, strideArr, strides[k], (uint)k, "");
        }
        return e.MakeStruct(M.Lower(t), meminfo, data, shapeArr, strideArr);
    }

    /// <summary>A new contiguous array of this shape (its elements not initialised), one reference owned by the
    /// caller: in Fortran order for a type of that layout, else in C order. Raises MemoryError when the allocation
    /// fails and ValueError for a negative dimension.</summary>
    public static LLVMValueRef Allocate(FunctionEmitter e, ArrayType t, LLVMValueRef[] shape, Span span)
    {
        var B = e.B; var M = e.M;
        var negative = shape.Select(d => BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, d, M.ConstI64(0), ""))
            .Aggregate(M.ConstBool(false), (acc, c) => BuildOr(B, acc, c, ""));
        e.RaiseIf(negative, "ValueError", "negative dimensions are not allowed", span);
        var size = Size(e, shape);
        // A size whose byte count overflows int64 is too big to allocate; the runtime reports it.
        var nbytes = BuildMul(B, size, M.ConstI64(ItemSize(t.Dtype)), "");
        var meminfo = e.CallRuntime("sj_array_alloc", nbytes);
        e.CheckFailed(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, meminfo, ConstPointerNull(M.Ptr), ""), span);
        var data = BuildInBoundsGEP2(B, M.I8, meminfo, new[] { M.ConstI64(Runtime.RuntimeArrays.Header) }, "");
        // NumPy gives a new empty array zero strides.
        var empty = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, size, M.ConstI64(0), "");
        var layout = t.Layout == ArrayLayout.F ? ArrayLayout.F : ArrayLayout.C;
        var strides = ContiguousStrides(e, t.Dtype, shape, layout).Select(s => BuildSelect(B, empty, M.ConstI64(0), s, "")).ToArray();
        var a = Make(e, t.With(layout: layout), meminfo, data, shape, strides);
        e.HoldTemporary(a, t.With(layout: layout));   // freed if anything raises before the lowering returns it
        return a;
    }

    /// <summary>The address of element idx (already in range).</summary>
    public static LLVMValueRef ElementPointer(FunctionEmitter e, LLVMValueRef data, LLVMValueRef[] strides, IReadOnlyList<LLVMValueRef> idx)
    {
        var offset = e.M.ConstI64(0);
        for (int k = 0; k < idx.Count; k++) offset = BuildNSWAdd(e.B, offset, BuildNSWMul(e.B, idx[k], strides[k], ""), "");
        return BuildInBoundsGEP2(e.B, e.M.I8, data, new[] { offset }, "");
    }

    /// <summary>Loads an element: bools are stored as one byte. With a scope, the load is known not to read what
    /// stores in that scope write (a fresh output array).</summary>
    public static LLVMValueRef Load(FunctionEmitter e, ScalarType dtype, LLVMValueRef ptr, AliasScope? notIn = null) =>
        Load(e.B, e.M, dtype, ptr, notIn);

    /// <summary>An element read with a bare builder (wrappers outside any compiled function: ufunc loops).</summary>
    public static LLVMValueRef Load(LLVMBuilderRef b, ModuleEmitter m, ScalarType dtype, LLVMValueRef ptr, AliasScope? notIn = null)
    {
        var load = BuildLoad2(b, dtype.Rank == 0 ? m.I8 : m.Lower(dtype), ptr, "");
        SetAlignment(load, dtype.Rank == 0 ? 1u : (uint)(dtype.PartBits / 8));
        if (notIn != null) SetMetadata(load, notIn.NoAliasKind, notIn.List);
        return dtype.Rank == 0 ? BuildICmp(b, LLVMIntPredicate.LLVMIntNE, load, LLVM.ConstInt(m.I8, 0), "") : load;
    }

    public static void Store(FunctionEmitter e, ScalarType dtype, LLVMValueRef ptr, LLVMValueRef v, AliasScope? scope = null) =>
        Store(e.B, e.M, dtype, ptr, v, scope);

    public static void Store(LLVMBuilderRef b, ModuleEmitter m, ScalarType dtype, LLVMValueRef ptr, LLVMValueRef v, AliasScope? scope = null)
    {
        var s = BuildStore(b, dtype.Rank == 0 ? BuildZExt(b, v, m.I8, "") : v, ptr);
        SetAlignment(s, dtype.Rank == 0 ? 1u : (uint)(dtype.PartBits / 8));
        if (scope != null) SetMetadata(s, scope.ScopeKind, scope.List);
    }

    /// <summary>The address of the element at flat index k (0 &lt;= k &lt; size) in C order, whatever the layout: k is
    /// unravelled over the shape, last axis fastest.</summary>
    public static LLVMValueRef FlatElementPointer(FunctionEmitter e, ArrayType t, LLVMValueRef array, LLVMValueRef k)
    {
        var B = e.B;
        var shape = Shape(e, t, array); var strides = Strides(e, t, array);
        var offset = e.M.ConstI64(0);
        for (int d = t.Ndim - 1; d >= 0; d--)
        {
            var index = d == 0 ? k : BuildURem(B, k, shape[d], "");
            offset = BuildNSWAdd(B, offset, BuildNSWMul(B, index, strides[d], ""), "");
            if (d > 0) k = BuildUDiv(B, k, shape[d], "");
        }
        return BuildGEP2(B, e.M.I8, Data(e, array), new[] { offset }, "");
    }

    /// <summary>A Python index into an axis of this size: negative counts from the end; outside the axis is
    /// IndexError with NumPy's message (unless bounds checking is off, when only the negative wrap remains).</summary>
    public static LLVMValueRef WrapIndex(FunctionEmitter e, LLVMValueRef index, LLVMValueRef size, int axis, Span span)
    {
        var B = e.B; var M = e.M;
        if (e.IndexProven(axis)) return index;   // the unchecked copy of a versioned loop (Passes.BoundsAnalysis)
        // The check is one unsigned compare of the index as written (a negative one compares as huge), which LLVM's
        // constraint elimination drops where the loop bounds prove it. Only an index outside [0, size) takes the
        // side path, which wraps a negative one or raises. Without bounds checks the side path only wraps: a branch
        // LLVM predicts, where a select would put the wrap on every access's address.
        var inRange = BuildICmp(B, LLVMIntPredicate.LLVMIntULT, index, size, "");
        if (FunctionEmitter.ConstantIntOf(inRange) == 1) return index;
        ConversionChecks.MarkIndexCompare(M.Module, inRange);
        return e.IfElse(e.Expect(inRange, true), M.I64, () => index, () =>
        {
            var wrapped = BuildAdd(B, index, size, "");
            if (!e.BoundsCheck) return BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, index, M.ConstI64(0), ""), wrapped, index, "");
            // Out of range unless the index is negative and counts back no further than the start (written so that
            // an index LLVM knows to be non-negative, a loop counter, folds the side path to a plain raise).
            var outside = BuildOr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGE, index, M.ConstI64(0), ""),
                BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, wrapped, M.ConstI64(0), ""), "");
            e.FailIf(outside, () => e.CallRuntime("sj_index_error", index, M.ConstI64(axis), size), span);
            return wrapped;
        });
    }

    /// <summary>memmove(dst, src, bytes): libc's copy, faster than a vectorised loop for large arrays.</summary>
    public static void CopyBytes(FunctionEmitter e, LLVMValueRef dst, LLVMValueRef src, LLVMValueRef bytes) =>
        e.Intrinsic("llvm.memmove", new[] { e.M.Ptr, e.M.Ptr, e.M.I64 }, dst, src, bytes, e.M.ConstBool(false));

    /// <summary>for (i = 0; i &lt; n; i++) body(i): the body may branch (raise) but must end in the block it leaves open.
    /// Not <paramref name="vectorise"/>: LLVM keeps it scalar.</summary>
    /// <param name="elementwise">Its iterations carry nothing from one to the next (no running sum): such a loop that
    /// calls libmvec is told the width of its widest form (<see cref="FunctionEmitter.VectorCallLanes"/>). Not others:
    /// a width hint also lets LLVM reorder a float sum the loop carries.</param>
    public static void Loop(FunctionEmitter e, LLVMValueRef n, Action<LLVMValueRef> body, bool vectorise = true, bool elementwise = false)
    {
        var B = e.B; var M = e.M;
        var pre = GetInsertBlock(B);
        var head = e.NewBlock("loop"); var exit = e.NewBlock("loop_exit");
        BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, n, M.ConstI64(0), ""), head, exit);
        PositionBuilderAtEnd(B, head);
        var i = BuildPhi(B, M.I64, "i");
        int outerLanes = e.VectorCallLanes;
        e.VectorCallLanes = 0;
        body(i);
        int lanes = e.VectorCallLanes;
        e.VectorCallLanes = outerLanes;
        e.NoteVectorLanes(lanes);   // the enclosing loop calls them too
        var next = BuildNSWAdd(B, i, M.ConstI64(1), "");
        var latch = GetInsertBlock(B);
        var back = BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, next, n, ""), head, exit);
        if (!vectorise) SetLoopHints(M, back, "llvm.loop.unroll.disable", "llvm.loop.vectorize.enable=false");
        else if (e.LoopInterleave > 0) SetLoopHints(M, back, "llvm.loop.unroll.disable", $"llvm.loop.interleave.count={e.LoopInterleave}");
        // calls of libmvec: their widest form (FunctionEmitter.VectorCallLanes)
        else if (elementwise && lanes > 0) SetLoopHints(M, back, "llvm.loop.unroll.disable", "llvm.loop.vectorize.enable=true", $"llvm.loop.vectorize.width={lanes}");
        else DisableUnrolling(M, back);
        AddIncoming(i, M.ConstI64(0), pre);
        AddIncoming(i, next, latch);
        PositionBuilderAtEnd(B, exit);
    }

    /// <summary>
    /// Marks a generated loop (by its back edge) so that LLVM does not unroll it: the vectoriser still widens and
    /// interleaves it, and unrolling on top (of the vector body, the remainder and every level of a nest) roughly
    /// doubled the compile time of array kernels for no measurable speed.
    /// </summary>
    private static void DisableUnrolling(ModuleEmitter m, LLVMValueRef backEdge) => SetLoopHints(m, backEdge, "llvm.loop.unroll.disable");

    /// <summary>Gives the loop whose back edge this is LLVM's loop hints: names alone ("llvm.loop.unroll.disable"), or
    /// a name and a boolean or a count after "=" ("llvm.loop.vectorize.enable=false", "llvm.loop.interleave.count=4").</summary>
    public static unsafe void SetLoopHints(ModuleEmitter m, LLVMValueRef backEdge, params string[] hints)
    {
        var ctx = m.Ctx;
        var self = TemporaryMDNode(ctx, null, 0);
        var operands = new List<LLVMMetadataRef> { self };
        foreach (var hint in hints)
        {
            var parts = hint.Split('=');
            var name = MDStringInContext2(ctx, parts[0]);
            var value = parts.Length == 1 ? default : int.TryParse(parts[1], out var count) ? ConstInt(m.I32, (ulong)count, 0)
                : ConstInt(m.I1, parts[1] == "true" ? 1UL : 0UL, 0);
            operands.Add(parts.Length == 1 ? MDNodeInContext2(ctx, new[] { name }) : MDNodeInContext2(ctx, new[] { name, ValueAsMetadata(value) }));
        }
        var loopId = MDNodeInContext2(ctx, operands.ToArray());
        MetadataReplaceAllUsesWith(self, loopId);   // the loop id refers to itself, as LLVM requires
        SetMetadata(backEdge, GetMDKindID(ctx, "llvm.loop"), MetadataAsValue(ctx, loopId));
    }

    /// <summary>Nested loops over every index of a shape (the last axis innermost).</summary>
    public static void LoopNest(FunctionEmitter e, LLVMValueRef[] shape, Action<LLVMValueRef[]> body, bool vectorise = true)
    {
        var idx = new LLVMValueRef[shape.Length];
        void Level(int k)
        {
            if (k == shape.Length) { body(idx); return; }
            Loop(e, shape[k], i => { idx[k] = i; Level(k + 1); }, vectorise);
        }
        Level(0);
    }
}

/// <summary>
/// An LLVM alias scope for the stores into a freshly allocated array: loads tagged as outside it cannot read what those
/// stores write, so the vectoriser needs no run-time overlap checks (and emits one loop version, not two).
/// </summary>
public sealed class AliasScope
{
    public uint ScopeKind { get; }
    public uint NoAliasKind { get; }
    public LLVMValueRef List { get; }
    private static int _next;

    public AliasScope(ModuleEmitter m)
    {
        ScopeKind = GetMDKindID(m.Ctx, "alias.scope");
        NoAliasKind = GetMDKindID(m.Ctx, "noalias");
        var domain = MDNodeInContext2(m.Ctx, new[] { MDStringInContext2(m.Ctx, "sharpjit.arrays") });
        var scope = MDNodeInContext2(m.Ctx, new[] { MDStringInContext2(m.Ctx, $"sharpjit.fresh.{Interlocked.Increment(ref _next)}"), domain });
        List = MetadataAsValue(m.Ctx, MDNodeInContext2(m.Ctx, new[] { scope }));
    }
}
