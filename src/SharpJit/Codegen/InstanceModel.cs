using SharpJit.Diagnostics;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

namespace SharpJit.Codegen;

/// <summary>
/// An instance of a compiled class: a pointer to a zeroed, counted block <c>{count, attributes..., assigned flags}</c>
/// (InstanceCode.Layout). It owns a reference to each attribute value; when its count drops to zero its drop
/// function (one per class, so attributes may hold instances of their own class) drops them and frees it.
/// </summary>
public sealed class InstanceModel : TypeModel
{
    private readonly InstanceType _t;
    public InstanceModel(InstanceType t) : base(t) { _t = t; }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override bool HasReferences => true;
    public override (int Size, int Align)? CLayout => (PointerSize, PointerSize);
    /// <summary>An object without __bool__ or __len__ (those are registry entries): always true.</summary>
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => e.M.ConstBool(true);
    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => CountedPointer.Adjust(e, v, 0, +1, () => { });
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => CountedPointer.Adjust(e, v, 0, -1, () =>
        BuildCall2(e.B, e.M.GeneratorDropType, InstanceCode.DropFunction(e, _t), new[] { v }, ""));

    public override bool CanFormat => true;

    /// <summary>The class's __str__ or __repr__ (its str, written and dropped), else CPython's default repr.</summary>
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        if (_t.Layout.Formatter(repr) is not { } method)
        {
            Library.Formatting.ObjectAt(e, sink, $"<{_t.Class.Qualified} object", v);
            return;
        }
        var text = e.CallSpecialization(method, new[] { v }, _t.Class.Node.Span);
        e.CallRuntime("sj_write_str", sink, text);
        StrModel.Instance.DecRef(e, text);
    }

    public override unsafe void Release(byte* p) => ReleaseBlock(*(byte**)p, _t);

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteInstance(o, _t, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadInstance(p, _t, borrowed);

    /// <summary>The host layout of an instance's block (<see cref="InstanceCode.Layout"/>): its count, its attributes,
    /// then a flag per attribute that is set once it is assigned.</summary>
    public static Engine.ValueLayout BlockLayout(InstanceType t) =>
        new(t.Layout.Fields.Select(f => InstanceCode.Stored(f.Type)).Prepend(ScalarType.Int64).Concat(t.Class.Fields.Select(_ => (SjType)ScalarType.UInt8)));

    /// <summary>Drops a reference to an instance made by compiled code: the last one drops its attributes and frees it.</summary>
    public static unsafe void ReleaseBlock(byte* obj, InstanceType t)
    {
        if (obj == null || *(long*)obj <= 0 || --*(long*)obj > 0) return;
        BlockLayout(t).Release(obj);
        Runtime.RuntimeGenerators.Free(obj);
    }
}

/// <summary>Making instances and reaching their attributes in generated code.</summary>
public static class InstanceCode
{
    /// <summary>What an attribute stores: its type, or nothing for one no assignment typed (never read either).</summary>
    public static SjType Stored(SjType t) => TypeOps.IsKnown(t) ? t : SimpleType.None;

    public static LLVMTypeRef Layout(ModuleEmitter m, InstanceType t)
    {
        var fields = t.Layout.Fields.Select(f => m.Lower(Stored(f.Type))).ToList();
        return StructTypeInContext(m.Ctx, fields.Prepend(m.I64).Append(ArrayType2(m.I8, (uint)fields.Count)).ToArray());
    }

    public static LLVMValueRef FieldPointer(FunctionEmitter e, InstanceType t, LLVMValueRef obj, int field) =>
        BuildStructGEP2(e.B, Layout(e.M, t), obj, (uint)(1 + field), "");

    private static LLVMValueRef FlagPointer(FunctionEmitter e, InstanceType t, LLVMValueRef obj, int field) =>
        BuildInBoundsGEP2(e.B, Layout(e.M, t), obj, new[] { LLVM.ConstInt(e.M.I32, 0), LLVM.ConstInt(e.M.I32, 1 + t.Class.Fields.Count), LLVM.ConstInt(e.M.I32, field) }, "");

    /// <summary>A new instance with no attribute assigned (MemoryError when there is no memory).</summary>
    public static LLVMValueRef New(FunctionEmitter e, InstanceType t, Span span)
    {
        var obj = e.CallRuntime("sj_gen_alloc", SizeOf(Layout(e.M, t)));
        e.CheckFailed(BuildIsNull(e.B, obj, ""), span);
        return obj;
    }

    /// <summary>The attribute's value (borrowed); AttributeError first when it may not have been assigned.</summary>
    public static LLVMValueRef Load(FunctionEmitter e, InstanceType t, LLVMValueRef obj, int field, bool check, Span span)
    {
        string name = t.Class.Fields[field];
        if (check)
        {
            var flag = BuildLoad2(e.B, e.M.I8, FlagPointer(e, t, obj, field), "");
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, flag, LLVM.ConstInt(e.M.I8, 0), ""), "AttributeError",
                $"'{t.Class.Name}' object has no attribute '{name}'", span);
        }
        var type = Stored(t.Layout.TypeOf(name));
        return BuildLoad2(e.B, e.M.Lower(type), FieldPointer(e, t, obj, field), "");
    }

    /// <summary>Assigns the attribute: the instance takes a reference to the new value and drops the old one's.</summary>
    public static void Store(FunctionEmitter e, InstanceType t, LLVMValueRef obj, int field, LLVMValueRef value)
    {
        var type = Stored(t.Layout.TypeOf(t.Class.Fields[field]));
        var model = TypeModel.Of(type);
        var slot = FieldPointer(e, t, obj, field);
        var old = model.HasReferences ? BuildLoad2(e.B, e.M.Lower(type), slot, "") : default;
        if (model.HasReferences) model.IncRef(e, value);
        BuildStore(e.B, value, slot);
        BuildStore(e.B, LLVM.ConstInt(e.M.I8, 1), FlagPointer(e, t, obj, field));
        if (model.HasReferences) model.DecRef(e, old);   // unassigned: zeroed, which drops nothing
    }

    /// <summary>The class's drop function (made on first use): drops each attribute, then frees the block.</summary>
    public static LLVMValueRef DropFunction(FunctionEmitter e, InstanceType t)
    {
        string name = "sj_drop_" + string.Concat(t.Class.Qualified.Select(c => char.IsLetterOrDigit(c) ? c : '_'));
        var existing = GetNamedFunction(e.M.Module, name);
        if (existing.Handle != IntPtr.Zero) return existing;
        var fn = AddFunction(e.M.Module, name, e.M.GeneratorDropType);
        SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
        e.EmitAside(fn, () =>
        {
            var obj = GetParam(fn, 0);
            for (int k = 0; k < t.Class.Fields.Count; k++)
            {
                var type = Stored(t.Layout.TypeOf(t.Class.Fields[k]));
                var model = TypeModel.Of(type);
                if (model.HasReferences) model.DecRef(e, BuildLoad2(e.B, e.M.Lower(type), FieldPointer(e, t, obj, k), ""));
            }
            e.CallRuntime("sj_gen_free", obj);
            BuildRetVoid(e.B);
        });
        return fn;
    }
}
