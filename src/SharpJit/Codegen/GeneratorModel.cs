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
    public static readonly GeneratorModel Instance = new();
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override bool HasReferences => true;

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => CountedPointer.Adjust(e, v, 0, +1, () => { });
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => CountedPointer.Adjust(e, v, 0, -1, () =>
    {
        var drop = BuildLoad2(e.B, e.M.Ptr, GeneratorCode.HeaderField(e, v, null, GeneratorCode.DropField), "");
        BuildCall2(e.B, e.M.GeneratorDropType, drop, new[] { v }, "");
    });
}

/// <summary>The frame's header and the consumer's side of a generator: resuming it, taking its item.</summary>
public static class GeneratorCode
{
    public const int StateField = 1, DropField = 2, NextField = 3, ItemField = 4;
    public const long Finished = -1, Closing = -2;

    /// <summary>The item as the frame stores it: a generator that never yields stores an unused int.</summary>
    public static SjType StoredItem(SjType item) => TypeOps.IsKnown(item) ? item : ScalarType.Int64;

    /// <summary>The frame's header with its item: the part every generator of this item type shares.</summary>
    public static LLVMTypeRef HeaderType(ModuleEmitter m, SjType? item) =>
        StructTypeInContext(m.Ctx, new[] { m.I64, m.I64, m.Ptr, m.Ptr }.Concat(item == null ? Array.Empty<LLVMTypeRef>() : new[] { m.Lower(StoredItem(item)) }).ToArray());

    public static LLVMValueRef HeaderField(FunctionEmitter e, LLVMValueRef frame, SjType? item, int field) =>
        BuildStructGEP2(e.B, HeaderType(e.M, item), frame, (uint)field, "");

    /// <summary>Runs the generator to its next yield: true when it yielded (its item is in the frame), false when it
    /// has finished; an exception it raises propagates from here.</summary>
    public static LLVMValueRef Resume(FunctionEmitter e, GeneratorType g, LLVMValueRef frame, Span span)
    {
        var r = BuildCall2(e.B, e.M.GeneratorResumeType, e.M.ResumeOf(g.Spec), new[] { frame }, "");
        e.CheckFailed(e.ExtractValue(r, 1), span);
        return e.ExtractValue(r, 0);
    }

    /// <summary>Closes the generator (GeneratorExit where it stopped, which it cannot catch: it has no yield in a try):
    /// what its frame holds is released and it has finished. Nothing runs in its body.</summary>
    public static void Close(FunctionEmitter e, GeneratorType g, LLVMValueRef frame)
    {
        BuildStore(e.B, e.M.ConstI64(Closing), HeaderField(e, frame, g.Item, StateField));
        BuildCall2(e.B, e.M.GeneratorResumeType, e.M.ResumeOf(g.Spec), new[] { frame }, "");
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
