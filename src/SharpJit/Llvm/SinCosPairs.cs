namespace SharpJit.Llvm;

/// <summary>
/// sin(x) and cos(x) of one x in one block become one call of glibc's sincos, which reduces x once and gives the same
/// bits as the two calls (checked over 20 million values, huge and arbitrary ones included). LLVM's backend pairs them
/// only under unsafe-fp-math on GNU targets, since libm's sin and cos may set errno; compiled code never reads errno.
/// Runs after the optimisation pipeline, which has put such calls side by side (math.sin and math.cos read no memory).
/// </summary>
public static class SinCosPairs
{
    public static void Run(LLVMModuleRef module)
    {
        // (after every optimisation: most modules call neither, and are not walked)
        if (LLVM.GetNamedFunction(module, "sin").Handle == 0 || LLVM.GetNamedFunction(module, "cos").Handle == 0) return;
        for (var fn = LLVM.GetFirstFunction(module); fn.Handle != 0; fn = LLVM.GetNextFunction(fn))
            for (var block = LLVM.GetFirstBasicBlock(fn); block.Handle != 0; block = LLVM.GetNextBasicBlock(block))
                PairIn(module, fn, block);
    }

    private static void PairIn(LLVMModuleRef module, LLVMValueRef fn, LLVMBasicBlockRef block)
    {
        var sines = new Dictionary<nint, LLVMValueRef>();
        var cosines = new Dictionary<nint, LLVMValueRef>();
        var order = new Dictionary<nint, int>();
        int n = 0;
        for (var i = LLVM.GetFirstInstruction(block); i.Handle != 0; i = LLVM.GetNextInstruction(i))
        {
            order[i.Handle] = n++;
            if (LLVM.IsACallInst(i).Handle == 0 || LLVM.GetNumArgOperands(i) != 1) continue;
            var x = LLVM.GetOperand(i, 0).Handle;
            switch (LLVM.CalledFunctionName(i))
            {
                case "sin": sines.TryAdd(x, i); break;
                case "cos": cosines.TryAdd(x, i); break;
            }
        }
        foreach (var (x, sin) in sines)
            if (cosines.TryGetValue(x, out var cos))
                Replace(module, fn, order[sin.Handle] < order[cos.Handle] ? sin : cos, sin, cos);
    }

    private static void Replace(LLVMModuleRef module, LLVMValueRef fn, LLVMValueRef first, LLVMValueRef sin, LLVMValueRef cos)
    {
        var ctx = LLVM.GetModuleContext(module);
        LLVMTypeRef f64 = LLVM.DoubleTypeInContext(ctx), ptr = LLVM.PointerTypeInContext(ctx, 0);
        var type = LLVM.FunctionType(LLVM.VoidTypeInContext(ctx), new[] { f64, ptr, ptr });
        var sincos = LLVM.GetNamedFunction(module, "sincos");
        if (sincos.Handle == 0)
        {
            sincos = LLVM.AddFunction(module, "sincos", type);
            LLVM.AddEnumAttribute(ctx, sincos, uint.MaxValue, "nounwind");
        }
        var b = LLVM.CreateBuilderInContext(ctx);
        try
        {
            LLVM.PositionBuilderBefore(b, LLVM.GetFirstInstruction(LLVM.GetEntryBasicBlock(fn)));
            var (sinSlot, cosSlot) = (LLVM.BuildAlloca(b, f64, "sin"), LLVM.BuildAlloca(b, f64, "cos"));
            LLVM.PositionBuilderBefore(b, first);
            LLVM.BuildCall2(b, type, sincos, new[] { LLVM.GetOperand(first, 0), sinSlot, cosSlot }, "");
            LLVM.ReplaceAllUsesWith(sin, LLVM.BuildLoad2(b, f64, sinSlot, ""));
            LLVM.ReplaceAllUsesWith(cos, LLVM.BuildLoad2(b, f64, cosSlot, ""));
            LLVM.InstructionEraseFromParent(sin);
            LLVM.InstructionEraseFromParent(cos);
        }
        finally { LLVM.DisposeBuilder(b); }
    }
}
