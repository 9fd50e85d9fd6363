using SharpJit.Diagnostics;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

using RL = SharpJit.Runtime.RuntimeLists;

namespace SharpJit.Codegen;

/// <summary>
/// A list value: a pointer to its runtime block (Runtime.RuntimeLists: count, length, capacity, items). The list owns
/// one reference to each element; dropping the last reference to the list drops them, then frees it. A null pointer
/// (an Optional list that is None, a slot not yet set) is skipped.
/// </summary>
public sealed class ListModel : TypeModel
{
    private readonly ListType _t;
    public ListModel(ListType t) : base(t) { _t = t; }

    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override bool HasReferences => true;
    public override (int Size, int Align)? CLayout => (PointerSize, PointerSize);

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, v, +1);
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, v, -1);

    /// <summary>A list is true when it has items.</summary>
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, ListCode.Length(e, v), e.M.ConstI64(0), "");

    private void Adjust(FunctionEmitter e, LLVMValueRef p, int delta) => CountedPointer.Adjust(e, p, 0, delta, () =>
    {
        var element = Of(ListCode.ElementOf(_t));
        if (element.HasReferences)
            ArrayCode.Loop(e, ListCode.Length(e, p), k => element.DecRef(e, ListCode.Load(e, _t, p, k)));
        e.CallRuntime("sj_list_free", p);
    });

    public override bool CanFormat => Formattable(ListCode.ElementOf(_t));

    /// <summary>[a, b]: the length is read at each step (an item's repr runs no code that could change it).</summary>
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        Library.Formatting.Text(e, sink, "[");
        var element = Of(ListCode.ElementOf(_t));
        ArrayCode.Loop(e, ListCode.Length(e, v), k =>
        {
            e.When(BuildICmp(e.B, LLVMIntPredicate.LLVMIntSGT, k, e.M.ConstI64(0), ""), () => Library.Formatting.Text(e, sink, ", "));
            element.Format(e, sink, ListCode.Load(e, _t, v, k), repr: true);
        });
        Library.Formatting.Text(e, sink, "]");
    }

    public override unsafe void Release(byte* p) => ReleaseBlock(*(byte**)p, _t);

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteList(o, _t, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadList(p, _t, borrowed);

    /// <summary>Drops a reference to a list made by compiled code (its block, or null): the last one drops its items
    /// and frees it.</summary>
    public static unsafe void ReleaseBlock(byte* list, ListType t)
    {
        if (list == null || --*(long*)list > 0) return;
        long n = *(long*)(list + RL.LengthOffset);
        byte* items = *(byte**)(list + RL.ItemsOffset);
        if (t.Element != SimpleType.Unknown && TryOf(t.Element) is { HasReferences: true } element)
        {
            int stride = Engine.ValueLayout.ItemStride(t.Element);
            for (long k = 0; k < n; k++) element.Release(items + k * stride);
        }
        RL.FreeBlock(list);
    }
}

/// <summary>Reading, building and growing lists in generated code: the primitives list lowerings use.</summary>
public static class ListCode
{
    public static LLVMValueRef Length(FunctionEmitter e, LLVMValueRef list) => Field(e, list, RL.LengthOffset);
    public static LLVMValueRef Items(FunctionEmitter e, LLVMValueRef list) =>
        BuildLoad2(e.B, e.M.Ptr, BuildInBoundsGEP2(e.B, e.M.I8, list, new[] { e.M.ConstI64(RL.ItemsOffset) }, ""), "");

    public static void SetLength(FunctionEmitter e, LLVMValueRef list, LLVMValueRef n)
    {
        BuildStore(e.B, n, BuildInBoundsGEP2(e.B, e.M.I8, list, new[] { e.M.ConstI64(RL.LengthOffset) }, ""));
        MarkChanged(e, list);
    }

    /// <summary>Exchanges the items (length, capacity and buffer) of two lists of one type.</summary>
    public static void SwapItems(FunctionEmitter e, LLVMValueRef a, LLVMValueRef b)
    {
        var B = e.B; var M = e.M;
        foreach (var (offset, type) in new[] { (RL.LengthOffset, M.I64), (RL.CapacityOffset, M.I64), (RL.ItemsOffset, M.Ptr) })
        {
            var pa = BuildInBoundsGEP2(B, M.I8, a, new[] { M.ConstI64(offset) }, "");
            var pb = BuildInBoundsGEP2(B, M.I8, b, new[] { M.ConstI64(offset) }, "");
            var va = BuildLoad2(B, type, pa, "");
            var vb = BuildLoad2(B, type, pb, "");
            BuildStore(B, vb, pa);
            BuildStore(B, va, pb);
        }
        MarkChanged(e, a);
        MarkChanged(e, b);
    }

    /// <summary>Notes that the list was written (a list from CPython is then written back after the call).</summary>
    private static void MarkChanged(FunctionEmitter e, LLVMValueRef list) =>
        BuildStore(e.B, e.M.ConstI64(1), BuildInBoundsGEP2(e.B, e.M.I8, list, new[] { e.M.ConstI64(RL.ChangedOffset) }, ""));

    private static LLVMValueRef Field(FunctionEmitter e, LLVMValueRef list, int offset) =>
        BuildLoad2(e.B, e.M.I64, BuildInBoundsGEP2(e.B, e.M.I8, list, new[] { e.M.ConstI64(offset) }, ""), "");

    public static LLVMTypeRef ElementType(FunctionEmitter e, ListType t) => e.M.Lower(ElementOf(t));

    /// <summary>The element type as stored: a list that never got an item stores nothing, so any slot type will do.</summary>
    public static SjType ElementOf(ListType t) => t.Element == SimpleType.Unknown ? ScalarType.Int64 : t.Element;

    public static LLVMValueRef ItemSize(FunctionEmitter e, ListType t) => SizeOf(ElementType(e, t));

    public static LLVMValueRef ElementPointer(FunctionEmitter e, ListType t, LLVMValueRef list, LLVMValueRef k) =>
        BuildInBoundsGEP2(e.B, ElementType(e, t), Items(e, list), new[] { k }, "");

    /// <summary>Element k (in range), borrowed from the list.</summary>
    public static LLVMValueRef Load(FunctionEmitter e, ListType t, LLVMValueRef list, LLVMValueRef k) =>
        BuildLoad2(e.B, ElementType(e, t), ElementPointer(e, t, list, k), "");

    /// <summary>Writes element k (in range), moving the reference v holds into the list.</summary>
    public static void Store(FunctionEmitter e, ListType t, LLVMValueRef list, LLVMValueRef k, LLVMValueRef v)
    {
        BuildStore(e.B, v, ElementPointer(e, t, list, k));
        MarkChanged(e, list);
    }

    /// <summary>A new list of this length, one reference owned by the caller. Its items are not yet written: the
    /// lowering writes them before anything can raise (a list with unwritten items must never be dropped).</summary>
    public static LLVMValueRef Allocate(FunctionEmitter e, ListType t, LLVMValueRef length, Span span)
    {
        var p = e.CallRuntime("sj_list_alloc", length, ItemSize(e, t));
        e.CheckFailed(BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, p, ConstPointerNull(e.M.Ptr), ""), span);
        return p;
    }

    /// <summary>Appends v, taking a new reference to it.</summary>
    public static void Append(FunctionEmitter e, ListType t, LLVMValueRef list, LLVMValueRef v, Span span)
    {
        var B = e.B;
        var n = Length(e, list);
        var next = BuildNSWAdd(B, n, e.M.ConstI64(1), "");
        var full = BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, next, Field(e, list, RL.CapacityOffset), "");
        e.When(e.Expect(full, false), () => e.CallChecked("sj_list_reserve", span, list, next, ItemSize(e, t)));
        Store(e, t, list, n, e.NewRef(v, ElementOf(t)));
        SetLength(e, list, next);
    }

    /// <summary>Makes room for n items (the length is unchanged).</summary>
    public static void Reserve(FunctionEmitter e, ListType t, LLVMValueRef list, LLVMValueRef n, Span span) =>
        e.CallChecked("sj_list_reserve", span, list, n, ItemSize(e, t));

    /// <summary>A Python index into the list: negative counts from the end; outside it is IndexError with the message
    /// for what is done (0 read, 1 assignment, 2 pop).</summary>
    public static LLVMValueRef Index(FunctionEmitter e, LLVMValueRef list, LLVMValueRef index, int what, Span span)
    {
        var B = e.B; var M = e.M;
        var n = Length(e, list);
        var wrapped = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, index, M.ConstI64(0), ""), BuildAdd(B, index, n, ""), index, "");
        e.FailIf(BuildICmp(B, LLVMIntPredicate.LLVMIntUGE, wrapped, n, ""), () => e.CallRuntime("sj_list_index_error", LLVM.ConstInt(M.I32, what)), span);
        return wrapped;
    }
}

/// <summary>Reading a dict's entries and a set's slots in generated code (iteration and printing). A dict's parts are
/// the lists of Typing.DictType.Parts, and an entry whose hash (list 2) is -1 was deleted; a set's are
/// Typing.SetType.Parts, and a slot whose hash (list 1) is long.MinValue (unused) or -1 (deleted) holds no item.</summary>
public static class DictCode
{
    private static readonly ListType Ints = new(ScalarType.Int64);

    /// <summary>The number of a dict's entries, deleted ones included.</summary>
    public static LLVMValueRef Entries(FunctionEmitter e, LLVMValueRef dict) => ListCode.Length(e, e.ExtractValue(dict, 2));

    /// <summary>The number of a set's slots.</summary>
    public static LLVMValueRef Slots(FunctionEmitter e, LLVMValueRef set) => ListCode.Length(e, e.ExtractValue(set, 1));

    /// <summary>The first entry at or after pos that is not deleted (or the number of entries).</summary>
    public static LLVMValueRef SkipDeleted(FunctionEmitter e, DictType t, LLVMValueRef dict, LLVMValueRef pos) =>
        Skip(e, e.ExtractValue(dict, 2), pos, marker => BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, marker, e.M.ConstI64(-1), ""));

    /// <summary>The first slot of a set at or after pos that holds an item (or the number of slots).</summary>
    public static LLVMValueRef SkipEmptySlots(FunctionEmitter e, LLVMValueRef set, LLVMValueRef pos) =>
        Skip(e, e.ExtractValue(set, 1), pos, hash => BuildNot(e.B, HoldsItem(e, hash), ""));

    /// <summary>A set slot's hash says it holds an item: it is neither long.MinValue (unused) nor -1 (deleted).</summary>
    private static LLVMValueRef HoldsItem(FunctionEmitter e, LLVMValueRef hash) =>
        BuildAnd(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, hash, e.M.ConstI64(long.MinValue), ""),
            BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, hash, e.M.ConstI64(-1), ""), "");

    /// <summary>The first position at or after pos whose marker does not say skip (or the markers' length).</summary>
    private static LLVMValueRef Skip(FunctionEmitter e, LLVMValueRef markers, LLVMValueRef pos, Func<LLVMValueRef, LLVMValueRef> skip)
    {
        var B = e.B; var M = e.M;
        var entry = GetInsertBlock(B);
        var head = e.NewBlock("skip"); var check = e.NewBlock("skip_check"); var done = e.NewBlock("skip_done");
        BuildBr(B, head);
        PositionBuilderAtEnd(B, head);
        var at = BuildPhi(B, M.I64, "");
        BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, at, ListCode.Length(e, markers), ""), check, done);
        PositionBuilderAtEnd(B, check);
        var skipped = skip(ListCode.Load(e, Ints, markers, at));
        var next = BuildAdd(B, at, M.ConstI64(1), "");
        BuildCondBr(B, skipped, head, done);
        AddIncoming(at, pos, entry);
        AddIncoming(at, next, check);
        PositionBuilderAtEnd(B, done);
        return at;
    }

    public static LLVMValueRef Hash(FunctionEmitter e, LLVMValueRef dict, LLVMValueRef k) => ListCode.Load(e, Ints, e.ExtractValue(dict, 2), k);

    /// <summary>Whether slot k of a set holds an item.</summary>
    public static LLVMValueRef SlotHoldsItem(FunctionEmitter e, LLVMValueRef set, LLVMValueRef k) =>
        HoldsItem(e, ListCode.Load(e, Ints, e.ExtractValue(set, 1), k));

    /// <summary>Entry k's key, value or (key, value), borrowed from the dict.</summary>
    public static LLVMValueRef Item(FunctionEmitter e, DictViewType view, LLVMValueRef dict, LLVMValueRef k)
    {
        var t = view.Dict;
        LLVMValueRef Key() => ListCode.Load(e, (ListType)t.Parts.Items[3], e.ExtractValue(dict, 3), k);
        LLVMValueRef Value() => ListCode.Load(e, (ListType)t.Parts.Items[4], e.ExtractValue(dict, 4), k);
        return view.Kind switch
        {
            "keys" => Key(),
            "values" => Value(),
            _ => e.MakeStruct(e.M.Lower(view.Item), Key(), Value()),
        };
    }

    /// <summary>The item in slot k of a set (that holds one), borrowed from the set.</summary>
    public static LLVMValueRef SetItem(FunctionEmitter e, SetType t, LLVMValueRef set, LLVMValueRef k) =>
        ListCode.Load(e, (ListType)t.Parts.Items[2], e.ExtractValue(set, 2), k);
}
