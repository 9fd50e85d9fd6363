using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// The call that runs an objmode block as Python: its inputs packed as the host reads arguments, one call of the
/// host's function at its address (baked in), its outputs read back as a tuple that the block's variables unpack.
/// </summary>
public static class ObjModeCalls
{
    public static LibFunc Entry(IObjModeHost host, long block, ObjModeBlock b) => new($"objmode block at line {b.FirstLine - 1}",
        c => Type(c, host, b), c => Lower(c, host, block, b), LibFunc.Always);

    private static SjType Type(CallTypingContext c, IObjModeHost host, ObjModeBlock b)
    {
        for (int k = 0; k < c.Positional.Length; k++)
            if (host.CannotPass(c.Positional[k].Type, output: false) is { } why)
                throw c.ErrorAt(c.Positional[k], $"objmode cannot pass '{b.Inputs[k]}' ({TypeOps.PyName(c.Positional[k].Type)}) into Python: {why}");
        return new TupleType(b.OutputTypes);
    }

    private static Llvm.LLVMValueRef Lower(LoweringCall c, IObjModeHost host, long block, ObjModeBlock b)
    {
        var e = c.E; var M = e.M; var B = e.B;
        var inputs = Enumerable.Range(0, c.Args.Length).Select(c.ArgType).ToArray();
        long call = host.PrepareCall(block, inputs, b.OutputTypes);
        var argsType = StructTypeInContext(M.Ctx, inputs.Select(M.Lower).ToArray());
        var args = e.Alloca(argsType);
        for (int k = 0; k < inputs.Length; k++) BuildStore(B, c.Arg(k), BuildStructGEP2(B, argsType, args, (uint)k, ""));
        var resultType = M.Lower(c.ResultType);
        var results = e.Alloca(resultType);
        var callee = ConstIntToPtr(M.ConstI64(host.CallAddress), M.Ptr);
        var status = BuildCall2(B, FunctionType(M.I32, new[] { M.I64, M.Ptr, M.Ptr }), callee, new[] { M.ConstI64(call), args, results }, "");
        e.CheckFailed(BuildICmp(B, Llvm.LLVMIntPredicate.LLVMIntNE, status, ConstInt(M.I32, 0), ""), c.Span);
        return BuildLoad2(B, resultType, results, "");
    }
}
