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
        Diagnostics.CompileDepth.EnsureStack();   // models of nested types are made recursively
        return OfType(t);
    }

    private static TypeModel OfType(SjType t) => t switch
    {
        ScalarType s => new ScalarModel(s),
        TupleType tt => new AggregateModel(tt.Items),
        TupleIterType ti => new AggregateModel(new SjType[] { ti.Tuple, ScalarType.Int64 }),
        ArrayType at => new ArrayModel(at),
        ListType l => new ListModel(l),
        GeneratorType => GeneratorModel.Instance,
        DictType d => new AggregateModel(d.Parts.Items),
        SetType st => new AggregateModel(st.Parts.Items),
        SetIterType si => new AggregateModel(new SjType[] { si.Set, ScalarType.Int64 }),
        DictViewType v => new AggregateModel(new SjType[] { v.Dict }),
        DictIterType di => new AggregateModel(new SjType[] { di.View.Dict, ScalarType.Int64 }),
        ListIterType li => new AggregateModel(new SjType[] { li.List, ScalarType.Int64 }),
        ArrayIterType ai => new AggregateModel(new SjType[] { ai.Array, ScalarType.Int64 }),
        SliceType => new AggregateModel(new SjType[] { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 }),
        NumberSliceType ns => new AggregateModel(ns.Parts.Select(p => (SjType?)p ?? ScalarType.Int64).ToArray()),
        DTypeType => StaticModel.Instance,
        EnumerateType en => new AggregateModel(new SjType[] { en.Iterable, ScalarType.Int64 }),
        ZipType z => new AggregateModel(z.Iterables),
        ReversedType r => new AggregateModel(new[] { r.Iterable }),
        ReversedIterType r => new AggregateModel(r.Iterable == SimpleType.Range
            ? new SjType[] { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 } : new[] { r.Iterable, ScalarType.Int64 }),
        EnumerateIterType ei => new AggregateModel(new SjType[] { ei.Inner, ScalarType.Int64 }),
        ZipIterType zi => new AggregateModel(zi.Inners),
        FunctionType ft => new AggregateModel(ft.Captures),
        BoundMethodType bm => Of(bm.Receiver),
        InstanceType it => new InstanceModel(it),
        UserMethodType um => new InstanceModel(um.Instance),   // its value is its instance
        ClassType => StaticModel.Instance,
        ExceptionInstanceType or ExceptionArgsType => StrModel.Instance,   // the exception's message (null when it has none)
        CaughtExceptionType or CaughtClassType => StrModel.CaughtException,
        OptionalType o => new AggregateModel(new SjType[] { ScalarType.Bool, o.Inner }),   // {present, value}: zeroed when None
        Typing.PointerType or FunctionPointerType => PointerModel.Instance,
        _ when t == SimpleType.Str => StrModel.Instance,
        _ when t == SimpleType.StrIter => new AggregateModel(new SjType[] { SimpleType.Str, ScalarType.Int64, ScalarType.Int64 }),
        _ when t == SimpleType.Range || t == SimpleType.RangeIter => new AggregateModel(new SjType[] { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 }),
        // Values known entirely at compile time: no storage.
        _ when t == SimpleType.None || t == SimpleType.Undefined || t == SimpleType.Ellipsis => StaticModel.Instance,
        BuiltinType or ModuleType or ExceptionClassType or NamedTupleClassType or ExternFunctionType or HostCallableType => StaticModel.Instance,
        _ => throw new InvalidOperationException($"internal: no data model for type {t}"),
    };

    public abstract LLVMTypeRef Lower(ModuleEmitter m);

    /// <summary>True when a value of this type holds references that must be taken and dropped.</summary>
    public virtual bool HasReferences => false;

    /// <summary>Takes one more reference to everything v holds.</summary>
    public virtual void IncRef(FunctionEmitter e, LLVMValueRef v) { }

    /// <summary>Drops one reference to everything v holds (freeing what no one else holds).</summary>
    public virtual void DecRef(FunctionEmitter e, LLVMValueRef v) { }
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
}

/// <summary>A C pointer (<c>CPointer(T)</c> in cfunc signatures): borrowed from C, never counted.</summary>
public sealed class PointerModel : TypeModel
{
    public static readonly PointerModel Instance = new();
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
}

/// <summary>Values with no run-time content (None, modules, builtins, exception classes).</summary>
public sealed class StaticModel : TypeModel
{
    public static readonly StaticModel Instance = new();
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Empty;
}

/// <summary>A struct of member values (tuples, closures' captures, iterators, ranges): holds the references its members hold.</summary>
public sealed class AggregateModel : TypeModel
{
    private readonly IReadOnlyList<SjType> _members;
    public AggregateModel(IReadOnlyList<SjType> members) { _members = members; }

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

/// <summary>
/// A str: a pointer to NUL-terminated UTF-8 preceded by an 8-byte reference count. Strings made at run time start at
/// 1 and are freed when it drops to 0; constants (and the null pointer) have a negative count and are never freed.
/// Counts are not atomic: a string belongs to the thread that made it.
/// </summary>
public sealed class StrModel : TypeModel
{
    public static readonly StrModel Instance = new("sj_str_free");
    /// <summary>A caught exception: a runtime object behind the same 8-byte count, freed by the runtime.</summary>
    public static readonly StrModel CaughtException = new("sj_exc_free");
    private readonly string _free;
    private StrModel(string free) { _free = free; }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override bool HasReferences => true;

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, v, +1);
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, v, -1);

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
