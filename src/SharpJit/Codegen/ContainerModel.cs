using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

using Text = SharpJit.Library.Formatting;

namespace SharpJit.Codegen;

/// <summary>A dict, set or dict view: its tables (lists; a view holds its dict). The first list's item 0 is the number
/// of entries: true when there are any.</summary>
public abstract class ContainerModel : AggregateModel
{
    private readonly bool _view;
    private readonly IReadOnlyList<SjType> _members;
    protected ContainerModel(SjType t, IReadOnlyList<SjType> members) : base(t, members) { _view = members is [DictType]; _members = members; }
    /// <summary>A dict or set crosses as its tables; a view does not cross.</summary>
    public override (int Size, int Align)? CLayout => _view ? null : StructSizeAlign(_members);
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, Length(e, _view ? e.ExtractValue(v, 0) : v), e.M.ConstI64(0), "");

    /// <summary>The tables hold the items' references: dropping the tables drops them.</summary>
    public override unsafe void Release(byte* p) => HostLayout.Release(p);

    /// <summary>len() of a dict or set value.</summary>
    public static LLVMValueRef Length(FunctionEmitter e, LLVMValueRef container) =>
        ListCode.Load(e, new ListType(ScalarType.Int64), e.ExtractValue(container, 0), e.M.ConstI64(0));

    /// <summary>Whether the items of a table of these (a list of them, as stored) can be written as text.</summary>
    protected static bool ItemsFormattable(SjType item) => Formattable(ListCode.ElementOf(new ListType(item)));

    /// <summary>Writes the items of a view of the dict (its live entries), ", " between them.</summary>
    protected static void WriteEntries(FunctionEmitter e, LLVMValueRef sink, DictViewType view, LLVMValueRef dict, Action<LLVMValueRef> write)
    {
        var first = e.Alloca(e.M.I1);
        BuildStore(e.B, e.M.ConstBool(true), first);
        ArrayCode.Loop(e, DictCode.Entries(e, dict), k =>
        {
            var live = BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, DictCode.Hash(e, dict, k), e.M.ConstI64(-1), "");
            e.When(live, () =>
            {
                e.When(BuildNot(e.B, BuildLoad2(e.B, e.M.I1, first, ""), ""), () => Text.Text(e, sink, ", "));
                BuildStore(e.B, e.M.ConstBool(false), first);
                write(DictCode.Item(e, view, dict, k));
            });
        });
    }
}

/// <summary>A dict (Library/py/dicts.py's five tables).</summary>
public sealed class DictModel : ContainerModel
{
    private readonly DictType _t;
    public DictModel(DictType t) : base(t, t.Parts.Items) { _t = t; }

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteDict(o, _t, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadDict(p, _t, borrowed);

    public override bool CanFormat => ItemsFormattable(_t.Key) && ItemsFormattable(_t.Value);

    /// <summary>{k: v, ...} in insertion order, keys and values as their repr.</summary>
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        Text.Text(e, sink, "{");
        WriteEntries(e, sink, new DictViewType(_t, "items"), v, item =>
        {
            Of(_t.Key).Format(e, sink, e.ExtractValue(item, 0), repr: true);
            Text.Text(e, sink, ": ");
            Of(_t.Value).Format(e, sink, e.ExtractValue(item, 1), repr: true);
        });
        Text.Text(e, sink, "}");
    }
}

/// <summary>A set or frozenset (Library/py/sets.py's three tables).</summary>
public sealed class SetModel : ContainerModel
{
    private readonly SetType _t;
    public SetModel(SetType t) : base(t, t.Parts.Items) { _t = t; }

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteSet(o, _t, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadSet(p, _t, borrowed);

    public override bool CanFormat => ItemsFormattable(_t.Key);

    /// <summary>{1, 2} in table order, or set() when empty; frozenset({1, 2}) and frozenset().</summary>
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        var empty = BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, Length(e, v), e.M.ConstI64(0), "");
        e.When(empty, () => Text.Text(e, sink, _t.Frozen ? "frozenset()" : "set()"));
        e.When(BuildNot(e.B, empty, ""), () =>
        {
            Text.Text(e, sink, _t.Frozen ? "frozenset({" : "{");
            var first = e.Alloca(e.M.I1);
            BuildStore(e.B, e.M.ConstBool(true), first);
            ArrayCode.Loop(e, DictCode.Slots(e, v), k => e.When(DictCode.SlotHoldsItem(e, v, k), () =>
            {
                e.When(BuildNot(e.B, BuildLoad2(e.B, e.M.I1, first, ""), ""), () => Text.Text(e, sink, ", "));
                BuildStore(e.B, e.M.ConstBool(false), first);
                Of(_t.Key).Format(e, sink, DictCode.SetItem(e, _t, v, k), repr: true);
            }));
            Text.Text(e, sink, _t.Frozen ? "})" : "}");
        });
    }
}

/// <summary>A dict's keys(), values() or items(): the dict it views.</summary>
public sealed class DictViewModel : ContainerModel
{
    private readonly DictViewType _t;
    public DictViewModel(DictViewType t) : base(t, new SjType[] { t.Dict }) { _t = t; }

    public override bool CanFormat => Formattable(_t.Dict);

    /// <summary>dict_keys([1, 2]) and so on.</summary>
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        Text.Text(e, sink, $"dict_{_t.Kind}([");
        WriteEntries(e, sink, _t, e.ExtractValue(v, 0), item => Of(_t.Item).Format(e, sink, item, repr: true));
        Text.Text(e, sink, "])");
    }
}
