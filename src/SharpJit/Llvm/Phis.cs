namespace SharpJit.Llvm;

/// <summary>Edits of phis for the module passes written here.</summary>
public static class Phis
{
    /// <summary>Phis of <paramref name="block"/> take from each of <paramref name="to"/> what they took from
    /// <paramref name="from"/> (LLVM-C cannot set an incoming block: each phi is rebuilt).</summary>
    public static void Retarget(LLVMBuilderRef b, LLVMBasicBlockRef block, LLVMBasicBlockRef from, LLVMBasicBlockRef[] to)
    {
        for (var phi = LLVM.GetFirstInstruction(block); phi.Handle != 0 && LLVM.IsAPHINode(phi).Handle != 0;)
        {
            var following = LLVM.GetNextInstruction(phi);
            var values = new List<LLVMValueRef>(); var blocks = new List<LLVMBasicBlockRef>();
            bool changed = false;
            for (uint k = 0; k < LLVM.CountIncoming(phi); k++)
            {
                var (v, incoming) = (LLVM.GetIncomingValue(phi, k), LLVM.GetIncomingBlock(phi, k));
                if (incoming.Handle != from.Handle) { values.Add(v); blocks.Add(incoming); continue; }
                changed = true;
                foreach (var t in to) { values.Add(v); blocks.Add(t); }
            }
            if (changed)
            {
                LLVM.PositionBuilderBefore(b, phi);
                var rebuilt = LLVM.BuildPhi(b, LLVM.TypeOf(phi), "");
                LLVM.AddIncoming(rebuilt, values.ToArray(), blocks.ToArray());
                LLVM.ReplaceAllUsesWith(phi, rebuilt);
                LLVM.InstructionEraseFromParent(phi);
            }
            phi = following;
        }
    }
}
