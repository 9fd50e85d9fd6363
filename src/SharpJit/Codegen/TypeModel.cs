using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Codegen;

/// <summary>
/// How values of one type live in compiled code: their LLVM type and which parts hold references, and how to take
/// and drop a reference (Numba's data models). One model per kind of type; a type without a model is an internal
/// error at its first use, never a silent empty struct.
/// </summary>
public abstract class TypeModel
{
    public static TypeModel Of(SjType t)
    {
        Diagnostics.CompileDepth.EnsureStack();   // walks over nested members (references, truth) come through here
        return OfType(t) ?? throw new InvalidOperationException($"internal: no data model for type {t}");
    }

    /// <summary>The model of t, or null for a type that values never have (Unknown, a conflict, NoReturn). No stack
    /// check: hosts ask it for C layouts on their own threads, which may have small stacks.</summary>
    public static TypeModel? TryOf(SjType t) => OfType(t);

    private static readonly SjType[] RangeMembers = { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 };
    /// <summary>A range iterator: current value, items left, step, and the value after the last item.</summary>
    private static readonly SjType[] RangeIterMembers = { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 };

    private static TypeModel? OfType(SjType t) => t switch
    {
        ScalarType s => new ScalarModel(s),
        TupleType tt => new TupleModel(tt),
        TupleIterType ti => Iterator(ti.Tuple, ScalarType.Int64),
        ArrayType at => new ArrayModel(at),
        ListType l => new ListModel(l),
        GeneratorType => GeneratorModel.Instance,
        DictType d => new ContainerModel(d.Parts.Items),
        SetType st => new ContainerModel(st.Parts.Items),
        SetIterType si => Iterator(si.Set, ScalarType.Int64),
        DictViewType v => new ContainerModel(new SjType[] { v.Dict }),
        DictIterType di => Iterator(di.View.Dict, ScalarType.Int64),
        ListIterType li => Iterator(li.List, ScalarType.Int64),
        ArrayIterType ai => Iterator(ai.Array, ScalarType.Int64),
        SliceType => new AggregateModel(RangeMembers, ConstTruth.True),
        NumberSliceType ns => new AggregateModel(ns.Parts.Select(p => (SjType?)p ?? ScalarType.Int64).ToArray(), ConstTruth.True),
        DTypeType => StaticModel.NoTruth,   // np.dtype's truth is its number of fields: not compiled
        EnumerateType en => Iterator(en.Iterable, ScalarType.Int64),
        ZipType z => new AggregateModel(z.Iterables, ConstTruth.True),
        ReversedType r => Iterator(r.Iterable),
        ReversedIterType r => r.Iterable == SimpleType.Range ? new AggregateModel(RangeIterMembers, ConstTruth.True) : Iterator(r.Iterable, ScalarType.Int64),
        EnumerateIterType ei => Iterator(ei.Inner, ScalarType.Int64),
        ZipIterType zi => new AggregateModel(zi.Inners, ConstTruth.True),
        FunctionType ft => new FunctionModel(ft),
        BoundMethodType bm => OfType(bm.Receiver) is { } receiver ? new MethodModel(receiver) : null,   // its value is its receiver
        InstanceType it => new InstanceModel(it),
        UserMethodType um => new MethodModel(new InstanceModel(um.Instance)),   // its value is its instance
        ClassType => StaticModel.Truthy,
        ExceptionInstanceType or ExceptionArgsType => StrModel.ExceptionMessage,   // the exception's message (null when it has none)
        CaughtExceptionType or CaughtClassType => StrModel.CaughtException,
        OptionalType o => new OptionalModel(o),
        Typing.PointerType or FunctionPointerType => PointerModel.Instance,
        _ when t == SimpleType.Str => StrModel.Instance,
        _ when t == SimpleType.StrIter => new AggregateModel(new SjType[] { SimpleType.Str, ScalarType.Int64, ScalarType.Int64 }, ConstTruth.True),
        _ when t == SimpleType.Range => new RangeModel(),
        _ when t == SimpleType.RangeIter => new AggregateModel(RangeIterMembers, ConstTruth.True),
        // Values known entirely at compile time: no storage.
        _ when t == SimpleType.None => StaticModel.None,
        _ when t == SimpleType.Ellipsis => StaticModel.Truthy,
        _ when t == SimpleType.Undefined => StaticModel.NoTruth,
        BuiltinType => StaticModel.Builtin,
        ModuleType or ExceptionClassType or NamedTupleClassType or ExternFunctionType or HostCallableType => StaticModel.Truthy,
        _ => null,
    };

    /// <summary>An iterator or view holding what it walks (and a position): a true value.</summary>
    private static AggregateModel Iterator(params SjType[] members) => new(members, ConstTruth.True);

    public abstract LLVMTypeRef Lower(ModuleEmitter m);

    /// <summary>True when a value of this type holds references that must be taken and dropped.</summary>
    public virtual bool HasReferences => false;

    /// <summary>Takes one more reference to everything v holds.</summary>
    public virtual void IncRef(FunctionEmitter e, LLVMValueRef v) { }

    /// <summary>Drops one reference to everything v holds (freeing what no one else holds).</summary>
    public virtual void DecRef(FunctionEmitter e, LLVMValueRef v) { }

    /// <summary>Whether compiled code can take bool(v) of these values (typing asks; a type whose truth calls a method,
    /// __bool__/__len__ or an array's, is a registry entry instead).</summary>
    public virtual bool HasTruth => false;

    /// <summary>bool(v), as an i1, for a model that <see cref="HasTruth"/>.</summary>
    public virtual LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        throw new InvalidOperationException($"internal: values of {GetType().Name} have no truth value in compiled code");

    /// <summary>Size and alignment of a value in memory as LLVM lays it out (the x86-64 C layout, an i1 as one byte):
    /// how hosts pass it in and read it back. Null for values that cannot cross into or out of compiled code.</summary>
    public virtual (int Size, int Align)? CLayout => null;

    /// <summary>The C layout of a struct of these members: each at the next multiple of its alignment. Null when a
    /// member cannot cross.</summary>
    public static (int[] Offsets, int Size, int Align)? StructLayout(IReadOnlyList<SjType> members)
    {
        var offsets = new int[members.Count];
        int off = 0, align = 1;
        for (int i = 0; i < members.Count; i++)
        {
            if (TryOf(members[i])?.CLayout is not var (size, a)) return null;
            off = (off + a - 1) / a * a;
            offsets[i] = off;
            off += size;
            align = Math.Max(align, a);
        }
        return (offsets, (off + align - 1) / align * align, align);
    }

    /// <summary>The (size, align) of a struct of these members, or null.</summary>
    protected static (int Size, int Align)? StructSizeAlign(IReadOnlyList<SjType> members) =>
        StructLayout(members) is var (_, size, align) ? (size, align) : null;

    protected const int PointerSize = 8;

    /// <summary>Truth known without looking at the value (a tuple's length is in its type; an iterator is an object).</summary>
    public enum ConstTruth { None, True, False }

    protected static LLVMValueRef Constant(FunctionEmitter e, ConstTruth t) => e.M.ConstBool(t == ConstTruth.True);
}

public sealed class ScalarModel : TypeModel
{
    private readonly ScalarType _t;
    public ScalarModel(ScalarType t) { _t = t; }

    public override LLVMTypeRef Lower(ModuleEmitter m) => _t.Kind switch
    {
        ScalarKind.Bool => m.I1,
        ScalarKind.Int or ScalarKind.UInt => _t.Bits switch { 8 => m.I8, 16 => m.I16, 32 => m.I32, _ => m.I64 },
        ScalarKind.Float => _t.Bits == 32 ? m.F32 : m.F64,
        _ => _t.Bits == 64 ? m.Complex64 : m.Complex,
    };

    public override (int Size, int Align)? CLayout => _t.Rank == 0 ? (1, 1) : (_t.Bits / 8, _t.PartBits / 8);

    public override bool HasTruth => true;

    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v)
    {
        var B = e.B;
        switch (_t.Rank)
        {
            case 0: return v;
            case 1: return BuildICmp(B, LLVMIntPredicate.LLVMIntNE, v, ConstNull(TypeOf(v)), "");
            case 2: return BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, v, ConstNull(TypeOf(v)), "");
            default:
                var re = e.ExtractValue(v, 0);
                return BuildOr(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, re, ConstNull(TypeOf(re)), ""),
                    BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, e.ExtractValue(v, 1), ConstNull(TypeOf(re)), ""), "");
        }
    }
}

/// <summary>A C pointer (<c>CPointer(T)</c> in cfunc signatures): borrowed from C, never counted.</summary>
public sealed class PointerModel : TypeModel
{
    public static readonly PointerModel Instance = new();
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override (int Size, int Align)? CLayout => (PointerSize, PointerSize);
}

/// <summary>Values with no run-time content (None, modules, builtins, exception classes): their truth is constant.</summary>
public sealed class StaticModel : TypeModel
{
    /// <summary>None and builtins also cross the host boundary (as nothing); modules, classes and the rest do not.</summary>
    public static readonly StaticModel Truthy = new(ConstTruth.True), NoTruth = new(ConstTruth.None),
        None = new(ConstTruth.False, crosses: true), Builtin = new(ConstTruth.True, crosses: true);
    private readonly ConstTruth _truth;
    private readonly bool _crosses;
    private StaticModel(ConstTruth truth, bool crosses = false) { _truth = truth; _crosses = crosses; }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Empty;
    public override (int Size, int Align)? CLayout => _crosses ? (0, 1) : null;
    public override bool HasTruth => _truth != ConstTruth.None;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => HasTruth ? Constant(e, _truth) : base.Truth(e, v);
}

/// <summary>A struct of member values (tuples, closures' captures, iterators, ranges): holds the references its members
/// hold. Its truth is constant (an iterator, a function) or none, unless a subclass reads the members.</summary>
public class AggregateModel : TypeModel
{
    private readonly IReadOnlyList<SjType> _members;
    private readonly ConstTruth _truth;
    public AggregateModel(IReadOnlyList<SjType> members, ConstTruth truth = ConstTruth.None) { _members = members; _truth = truth; }

    public override bool HasTruth => _truth != ConstTruth.None;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => HasTruth ? Constant(e, _truth) : base.Truth(e, v);

    public override LLVMTypeRef Lower(ModuleEmitter m) => StructTypeInContext(m.Ctx, _members.Select(m.Lower).ToArray());
    public override bool HasReferences => _members.Any(t => Of(t).HasReferences);

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => Each(e, v, (model, x) => model.IncRef(e, x));
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => Each(e, v, (model, x) => model.DecRef(e, x));

    private void Each(FunctionEmitter e, LLVMValueRef v, Action<TypeModel, LLVMValueRef> action)
    {
        for (int k = 0; k < _members.Count; k++)
        {
            var model = Of(_members[k]);
            if (model.HasReferences) action(model, e.ExtractValue(v, k));
        }
    }
}

/// <summary>A tuple: true when it has items, which its type says.</summary>
public sealed class TupleModel : AggregateModel
{
    private readonly TupleType _t;
    public TupleModel(TupleType t) : base(t.Items, t.Items.Length > 0 ? ConstTruth.True : ConstTruth.False) { _t = t; }
    public override (int Size, int Align)? CLayout => StructSizeAlign(_t.Items);
}

/// <summary>A function value: its captured variables; true. One without captures crosses the boundary as nothing.</summary>
public sealed class FunctionModel : AggregateModel
{
    private readonly bool _captures;
    public FunctionModel(Typing.FunctionType t) : base(t.Captures, ConstTruth.True) { _captures = t.Captures.Length > 0; }
    public override (int Size, int Align)? CLayout => _captures ? null : (0, 1);
}

/// <summary>A range (start, stop, step): true when it yields an item.</summary>
public sealed class RangeModel : AggregateModel
{
    public RangeModel() : base(new SjType[] { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 }) { }
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        e.RangeNonEmpty(e.ExtractValue(v, 0), e.ExtractValue(v, 1), e.ExtractValue(v, 2));
}

/// <summary>A value or None, as {present, value} (zeroed when None): None is false, a value as true as it is.</summary>
public sealed class OptionalModel : AggregateModel
{
    private readonly OptionalType _t;
    public OptionalModel(OptionalType t) : base(new SjType[] { ScalarType.Bool, t.Inner }) { _t = t; }
    public override (int Size, int Align)? CLayout => StructSizeAlign(new SjType[] { ScalarType.Bool, _t.Inner });
    public override bool HasTruth => TryOf(_t.Inner)?.HasTruth == true;
    /// <summary>The value's truth is read only when it is there: a None list is a null pointer.</summary>
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v)
    {
        var inner = Of(_t.Inner);
        var present = e.ExtractValue(v, 0);
        return inner is ScalarModel
            ? BuildSelect(e.B, present, inner.Truth(e, e.ExtractValue(v, 1)), e.M.ConstBool(false), "")
            : e.IfElse(present, e.M.I1, () => inner.Truth(e, e.ExtractValue(v, 1)), () => e.M.ConstBool(false));
    }
}

/// <summary>A dict, set or dict view: its tables (lists; a view holds its dict). The first list's item 0 is the number
/// of entries: true when there are any.</summary>
public sealed class ContainerModel : AggregateModel
{
    private readonly bool _view;
    private readonly IReadOnlyList<SjType> _members;
    public ContainerModel(IReadOnlyList<SjType> members) : base(members) { _view = members is [DictType]; _members = members; }
    /// <summary>A dict or set crosses as its tables; a view does not cross.</summary>
    public override (int Size, int Align)? CLayout => _view ? null : StructSizeAlign(_members);
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, Length(e, _view ? e.ExtractValue(v, 0) : v), e.M.ConstI64(0), "");

    /// <summary>len() of a dict or set value.</summary>
    public static LLVMValueRef Length(FunctionEmitter e, LLVMValueRef container) =>
        ListCode.Load(e, new ListType(ScalarType.Int64), e.ExtractValue(container, 0), e.M.ConstI64(0));
}

/// <summary>A method bound to its receiver, whose value it is: stored and counted as the receiver, always true.</summary>
public sealed class MethodModel : TypeModel
{
    private readonly TypeModel _receiver;
    public MethodModel(TypeModel receiver) { _receiver = receiver; }
    public override LLVMTypeRef Lower(ModuleEmitter m) => _receiver.Lower(m);
    public override bool HasReferences => _receiver.HasReferences;
    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => _receiver.IncRef(e, v);
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => _receiver.DecRef(e, v);
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => e.M.ConstBool(true);
}

/// <summary>
/// A str: a pointer to NUL-terminated UTF-8 preceded by an 8-byte reference count. Strings made at run time start at
/// 1 and are freed when it drops to 0; constants (and the null pointer) have a negative count and are never freed.
/// Counts are not atomic: a string belongs to the thread that made it.
/// </summary>
public sealed class StrModel : TypeModel
{
    public static readonly StrModel Instance = new("sj_str_free");
    /// <summary>An exception made in compiled code, held as its message.</summary>
    public static readonly StrModel ExceptionMessage = new("sj_str_free");
    /// <summary>A caught exception: a runtime object behind the same 8-byte count, freed by the runtime.</summary>
    public static readonly StrModel CaughtException = new("sj_exc_free");
    private readonly string _free;
    private StrModel(string free) { _free = free; }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override bool HasReferences => true;

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, v, +1);
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, v, -1);

    public override (int Size, int Align)? CLayout => this == Instance ? (PointerSize, PointerSize) : null;

    /// <summary>A str is true when not empty (its first byte is not the terminator); exceptions have no truth here.</summary>
    public override bool HasTruth => this == Instance;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        HasTruth ? BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, BuildLoad2(e.B, e.M.I8, v, ""), ConstInt(e.M.I8, 0), "") : base.Truth(e, v);

    private void Adjust(FunctionEmitter e, LLVMValueRef p, int delta)
    {
        if (IsAGlobalValue(p).Handle != 0 || IsAConstantExpr(p).Handle != 0) return;   // constants
        CountedPointer.Adjust(e, p, -8, delta, () => e.CallRuntime(_free, p));
    }
}

/// <summary>Adjusting the count of a value that is a pointer to a counted block (a str, a list).</summary>
public static class CountedPointer
{
    /// <summary>Adds delta to the count at p + countOffset when p is not null and the count is positive (a negative
    /// count is a constant's, never freed); a count dropping to 0 runs free.</summary>
    public static void Adjust(FunctionEmitter e, LLVMValueRef p, int countOffset, int delta, Action free)
    {
        var B = e.B; var M = e.M;
        if (IsAConstantPointerNull(p).Handle != 0 || IsUndef(p) != 0 || IsPoison(p) != 0) return;
        var check = e.NewBlock("rc_check"); var counted = e.NewBlock("rc"); var done = e.NewBlock("rc_done");
        // The count is read only when the pointer is not null: branch first.
        BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, p, ConstPointerNull(M.Ptr), ""), check, done);
        PositionBuilderAtEnd(B, check);
        var head = countOffset == 0 ? p : BuildGEP2(B, M.I8, p, new[] { M.ConstI64(countOffset) }, "");
        var count = BuildLoad2(B, M.I64, head, "");
        BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, count, M.ConstI64(0), ""), counted, done);
        PositionBuilderAtEnd(B, counted);
        var updated = BuildAdd(B, count, M.ConstI64(delta), "");
        BuildStore(B, updated, head);
        if (delta < 0)
        {
            var freeBlock = e.NewBlock("rc_free");
            BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, updated, M.ConstI64(0), ""), freeBlock, done);
            PositionBuilderAtEnd(B, freeBlock);
            free();
        }
        BuildBr(B, done);
        PositionBuilderAtEnd(B, done);
    }
}
