using SharpJit.Diagnostics;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

namespace SharpJit.Codegen;

/// <summary>
/// A generator: a pointer to its frame, a counted block <c>{ i64 count, i64 state, ptr drop, ptr next, item,
/// variables... }</c> (Runtime.RuntimeGenerators). State 0 has not started, k is suspended at the k-th yield, -1 has
/// finished. The resume function runs the body from the state's point to the next yield, which leaves its item in the
/// frame; the variables live across yields are kept in the frame (FunctionEmitter.Generators.cs). Dropping the last
/// reference calls the frame's drop function (next is the resume function for C callers, Python's iterator), which drops what the variables and the item still hold: a generator
/// abandoned half-way frees what it holds.
/// </summary>
public sealed class GeneratorModel : TypeModel
{
    private readonly GeneratorType _t;
    public GeneratorModel(GeneratorType t) : base(t) { _t = t; }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override bool HasReferences => true;
    public override (int Size, int Align)? CLayout => (PointerSize, PointerSize);
    /// <summary>An object without __bool__ or __len__ (those are registry entries): always true.</summary>
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => e.M.ConstBool(true);

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => CountedPointer.Adjust(e, v, 0, +1, () => { });
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => CountedPointer.Adjust(e, v, 0, -1, () =>
    {
        var drop = BuildLoad2(e.B, e.M.Ptr, GeneratorCode.HeaderField(e, v, null, GeneratorCode.DropField), "");
        BuildCall2(e.B, e.M.GeneratorDropType, drop, new[] { v }, "");
    });

    public override bool CanFormat => true;
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr) =>
        Library.Formatting.ObjectAt(e, sink, $"<generator object {_t.Spec.Function.QualName}", v);

    public override unsafe void Release(byte* p) => ReleaseFrame(*(byte**)p);

    /// <summary>A result only: the Python iterator takes over the frame.</summary>
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadGenerator(p, _t);

    /// <summary>Drops a reference to a frame: the last one calls the frame's drop function.</summary>
    public static unsafe void ReleaseFrame(byte* frame)
    {
        if (frame == null || --*(long*)frame > 0) return;
        var drop = *(delegate* unmanaged<byte*, void>*)(frame + 8 * GeneratorCode.DropField);
        drop(frame);
    }
}

/// <summary>The frame's header and the consumer's side of a generator: resuming it, sending into it, throwing into it,
/// closing it, taking its item.</summary>
public static class GeneratorCode
{
    public const int StateField = 1, DropField = 2, NextField = 3, ItemField = 4, ThrowingField = 5, SentField = 6, ResultField = 7;
    public const long Finished = -1;

    /// <summary>The item as the frame stores it: a generator that never yields stores an unused int.</summary>
    public static SjType StoredItem(SjType item) => TypeOps.IsKnown(item) ? item : ScalarType.Int64;

    /// <summary>The frame's header with its item: the part every generator of this item type shares.</summary>
    public static LLVMTypeRef HeaderType(ModuleEmitter m, SjType? item) =>
        StructTypeInContext(m.Ctx, new[] { m.I64, m.I64, m.Ptr, m.Ptr }.Concat(item == null ? Array.Empty<LLVMTypeRef>() : new[] { m.Lower(StoredItem(item)) }).ToArray());

    /// <summary>The generator of a generator function as typing left it (its sent and result types are final; one that
    /// never finishes normally stores a None result).</summary>
    public static GeneratorType Final(Specialization spec)
    {
        var g = (GeneratorType)spec.ReturnType;
        return TypeOps.IsKnown(g.Result) ? g : new GeneratorType(spec, g.Item, SimpleType.None, g.Sent);
    }

    /// <summary>The header of this generator function's frames: the shared part, then whether an exception is being
    /// thrown in (throw(), close()), the value being sent in (borrowed from the sender for the resume; None
    /// otherwise) and the return value.</summary>
    public static LLVMTypeRef[] FrameHeaderFields(ModuleEmitter m, Specialization spec)
    {
        var g = Final(spec);
        return new[] { m.I64, m.I64, m.Ptr, m.Ptr, m.Lower(StoredItem(g.Item)), m.I64, m.Lower(g.Sent), m.Lower(g.Result) };
    }

    private static LLVMValueRef FrameField(FunctionEmitter e, GeneratorType g, LLVMValueRef frame, int field) =>
        BuildStructGEP2(e.B, StructTypeInContext(e.M.Ctx, FrameHeaderFields(e.M, g.Spec)), frame, (uint)field, "");

    public static LLVMValueRef HeaderField(FunctionEmitter e, LLVMValueRef frame, SjType? item, int field) =>
        BuildStructGEP2(e.B, HeaderType(e.M, item), frame, (uint)field, "");

    /// <summary>Runs the generator to its next yield: true when it yielded (its item is in the frame), false when it
    /// has finished; an exception it raises propagates from here. <paramref name="sent"/>: the value send() gives
    /// it (of the type the generator's <see cref="GeneratorType.Sent"/> is), borrowed for the resume.</summary>
    public static LLVMValueRef Resume(FunctionEmitter e, GeneratorType g, LLVMValueRef frame, Span span, LLVMValueRef? sent = null)
    {
        if (sent is { } v && Final(g.Spec).Sent != SimpleType.None) BuildStore(e.B, v, FrameField(e, g, frame, SentField));
        var r = BuildCall2(e.B, e.M.GeneratorResumeType, e.M.ResumeOf(g.Spec), new[] { frame }, "");
        e.CheckFailed(e.ExtractValue(r, 1), span);
        return e.ExtractValue(r, 0);
    }

    /// <summary>Resumes the generator with the pending exception raised where it is suspended: {yielded, failed}.</summary>
    public static LLVMValueRef ThrowIn(FunctionEmitter e, GeneratorType g, LLVMValueRef frame)
    {
        BuildStore(e.B, e.M.ConstI64(1), FrameField(e, g, frame, ThrowingField));
        return BuildCall2(e.B, e.M.GeneratorResumeType, e.M.ResumeOf(g.Spec), new[] { frame }, "");
    }

    /// <summary>close(): GeneratorExit raised where it is suspended (finally bodies run, an except clause may catch
    /// it). True when that failed (an exception is pending): it yielded again (RuntimeError) or raised something else.</summary>
    public static LLVMValueRef Close(FunctionEmitter e, GeneratorType g, LLVMValueRef frame)
    {
        e.CallRuntime("sj_raise", e.M.ConstString("GeneratorExit"), ConstPointerNull(e.M.Ptr));
        var r = ThrowIn(e, g, frame);
        var failed = e.ExtractValue(r, 1);
        var yielded = BuildZExt(e.B, BuildSelect(e.B, failed, e.M.ConstBool(false), e.ExtractValue(r, 0), ""), e.M.I32, "");   // poison when it failed
        failed = BuildZExt(e.B, failed, e.M.I32, "");
        return BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, e.CallRuntime("sj_gen_closed", yielded, failed), LLVM.ConstInt(e.M.I32, 0), "");
    }

    /// <summary>A finished generator's return value, as a new reference.</summary>
    public static LLVMValueRef ResultOf(FunctionEmitter e, GeneratorType g, LLVMValueRef frame)
    {
        var t = Final(g.Spec).Result;
        return e.NewRef(BuildLoad2(e.B, e.M.Lower(t), FrameField(e, g, frame, ResultField), ""), t);
    }

    /// <summary>Whether it has not started yet (state 0).</summary>
    public static LLVMValueRef JustStarted(FunctionEmitter e, GeneratorType g, LLVMValueRef frame) =>
        BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, BuildLoad2(e.B, e.M.I64, HeaderField(e, frame, g.Item, StateField), ""), e.M.ConstI64(0), "");

    /// <summary>The item the last resume left in the frame, as type t, its reference moved to the caller.</summary>
    public static LLVMValueRef TakeItem(FunctionEmitter e, GeneratorType g, LLVMValueRef frame, SjType t)
    {
        if (!TypeOps.IsKnown(g.Item)) return GetPoison(e.M.Lower(t));   // it never yields: never reached
        var slot = HeaderField(e, frame, g.Item, ItemField);
        var ty = e.M.Lower(g.Item);
        var item = BuildLoad2(e.B, ty, slot, "");
        if (TypeModel.Of(g.Item).HasReferences) BuildStore(e.B, ConstNull(ty), slot);
        return e.Convert(item, g.Item, t);
    }
}
