namespace SharpJit.Llvm;

/// <summary>
/// Python's checks on values (float division by zero, math domain and range errors) become one branch per straight run
/// of code. Each check is a branch to code that raises, and each branch ends a basic block: LLVM's instruction scheduler
/// works within a block, so a loop body cut by checks runs its library calls and divisions one after another instead of
/// overlapping them (blackscholes_loops: 1.23x the same loop in C; the C loop with the same checks as early exits is
/// 1.29x, and with the checks or-ed into one branch 1.03x). Between LLVM's simplification and its vectorisers
/// (Optimizer.SimplificationO3, OptimisationO3), a check whose successor block holds only
/// code that cannot fault or write memory and ends in another check absorbs that block: the code runs before the
/// branch, the branch tests either condition, and a cold block picks the first check that failed, so the error raised
/// is the one the program raises.
/// <para>Only checks the code generator marks (<see cref="Mark"/>) are merged: they guard values, never memory, so
/// loads may move above them where every array access is bounds-checked on its own (the mark says which).</para>
/// </summary>
public static class ValueChecks
{
    /// <summary>Metadata kind on a check's branch: loads may move above it.</summary>
    public const string Kind = "sj.value_check";
    /// <summary>Metadata kind on a check's branch in code compiled without bounds checks: loads stay below it.</summary>
    public const string KindKeepLoads = "sj.value_check.keep_loads";

    /// <summary>Named metadata with one operand per check marked in the module, up to two: a module with fewer has
    /// nothing to merge, and is optimised in one run of the pipeline.</summary>
    private const string CountName = "sj.value_checks";

    /// <summary>Marks a branch <c>br cond, raise, continue</c> (with its unlikely weights) as a value check.</summary>
    public static void Mark(LLVMModuleRef module, LLVMValueRef branch, bool loadsMayMove)
    {
        var ctx = LLVM.GetModuleContext(module);
        var empty = EmptyNode(ctx);
        LLVM.SetMetadata(branch, LLVM.GetMDKindIDInContext(ctx, loadsMayMove ? Kind : KindKeepLoads), empty);
        if (LLVM.GetNamedMetadataNumOperands(module, CountName) < 2) LLVM.AddNamedMetadataOperand(module, CountName, empty);
    }

    private static LLVMValueRef EmptyNode(LLVMContextRef ctx) =>
        LLVM.MetadataAsValue(ctx, LLVM.MDNodeInContext2(ctx, ReadOnlySpan<LLVMMetadataRef>.Empty));

    /// <summary>The module has two checks or more that may merge.</summary>
    public static bool AnyToMerge(LLVMModuleRef module) => LLVM.GetNamedMetadataNumOperands(module, CountName) >= 2;

    public static void Run(LLVMModuleRef module)
    {
        var ctx = LLVM.GetModuleContext(module);
        var pass = new Merger(ctx);
        for (var fn = LLVM.GetFirstFunction(module); fn.Handle != 0; fn = LLVM.GetNextFunction(fn))
        {
            if (LLVM.CountBasicBlocks(fn) < 2) continue;
            for (var block = LLVM.GetFirstBasicBlock(fn); block.Handle != 0; block = LLVM.GetNextBasicBlock(block))
                while (pass.TryAbsorbNext(fn, block)) { }
        }
        pass.Dispose();
    }

    private sealed class Merger(LLVMContextRef ctx) : IDisposable
    {
        private readonly uint _kind = LLVM.GetMDKindIDInContext(ctx, Kind), _kindKeepLoads = LLVM.GetMDKindIDInContext(ctx, KindKeepLoads),
            _prof = LLVM.GetMDKindIDInContext(ctx, "prof"), _loop = LLVM.GetMDKindIDInContext(ctx, "llvm.loop");
        private readonly LLVMBuilderRef _b = LLVM.CreateBuilderInContext(ctx);
        private LLVMValueRef _unlikely;
        private readonly HashSet<nint> _chains = [];   // the first blocks of the chains that pick the failed check

        public void Dispose() => LLVM.DisposeBuilder(_b);

        /// <summary>A marked check: its fail condition's successor and the other one; null for anything else.</summary>
        private (LLVMBasicBlockRef Fail, LLVMBasicBlockRef Next, bool FailOnTrue, bool LoadsMayMove)? Check(LLVMValueRef term)
        {
            if (term.Handle == 0 || LLVM.GetInstructionOpcode(term) != LLVMOpcode.LLVMBr || LLVM.IsConditional(term) == 0) return null;
            bool loads = LLVM.GetMetadata(term, _kind).Handle != 0;
            if (!loads && LLVM.GetMetadata(term, _kindKeepLoads).Handle == 0) return null;
            // Which side raises: the unlikely one (LLVM swaps the weights with the successors when it inverts a branch).
            // !{!"branch_weights", [!"expected",] i32 w0, i32 w1}
            var prof = LLVM.GetMetadata(term, _prof);
            uint n = prof.Handle == 0 ? 0 : LLVM.GetMDNodeNumOperands(prof);
            if (n is not (3 or 4)) return null;
            var ops = new LLVMValueRef[n];
            unsafe { fixed (LLVMValueRef* p = ops) LLVM.GetMDNodeOperands(prof, p); }
            LLVMValueRef c0 = ops[n - 2], c1 = ops[n - 1];
            if (LLVM.IsAConstantInt(c0).Handle == 0 || LLVM.IsAConstantInt(c1).Handle == 0) return null;
            ulong w0 = LLVM.ConstIntGetZExtValue(c0), w1 = LLVM.ConstIntGetZExtValue(c1);
            if (w0 == w1) return null;
            bool failOnTrue = w0 < w1;
            LLVMBasicBlockRef t = LLVM.GetSuccessor(term, 0), f = LLVM.GetSuccessor(term, 1);
            return failOnTrue ? (t, f, true, loads) : (f, t, false, loads);
        }

        /// <summary>
        /// block ends in a check whose continuation ends in another check: merges the two. Before, with the cold side
        /// of a check free to come back to its continuation (a cheap condition refined off the common path):
        /// <code>
        /// block: br fail1, cold1, next        next: code; br fail2, cold2, after        (cold1 may branch to next)
        /// </code>
        /// after:
        /// <code>
        /// block: code; br (fail1 or fail2), which1, after
        /// which1: br fail1, cold1, which2     which2: br fail2, cold2, after            (cold1 now goes to which2)
        /// </code>
        /// </summary>
        public bool TryAbsorbNext(LLVMValueRef fn, LLVMBasicBlockRef block)
        {
            var term = LLVM.GetBasicBlockTerminator(block);
            if (Check(term) is not { } first) return false;
            LLVMBasicBlockRef cold1 = first.Fail, next = first.Next;
            if (next.Handle == block.Handle || next.Handle == cold1.Handle) return false;
            var cold1Preds = Predecessors(cold1);
            if (cold1Preds.Count != 1 || cold1Preds[0].Handle != block.Handle) return false;
            // Every other way into next comes back from cold1's side.
            var rejoins = new List<LLVMBasicBlockRef>();
            foreach (var p in Predecessors(next))
            {
                if (p.Handle == block.Handle) continue;
                if (!OnlyReachedThrough(p, cold1, block)) return false;
                rejoins.Add(p);
            }
            var nextTerm = LLVM.GetBasicBlockTerminator(next);
            if (Check(nextTerm) is not { } second) return false;
            LLVMBasicBlockRef cold2 = second.Fail, after = second.Next;
            foreach (var x in new[] { cold2, after })
                if (x.Handle == next.Handle || x.Handle == block.Handle || x.Handle == cold1.Handle) return false;
            if (after.Handle == cold2.Handle) return false;
            var cold2Preds = Predecessors(cold2);
            if (cold2Preds.Count != 1) return false;
            for (var i = LLVM.GetFirstInstruction(next); i.Handle != nextTerm.Handle; i = LLVM.GetNextInstruction(i))
                if (LLVM.IsAPHINode(i).Handle != 0 ? SameIncoming(i) is null : !MayRunEarly(i, first.LoadsMayMove)) return false;

            // next's code moves above the first branch (its phis take one value, whichever way next was entered).
            LLVM.PositionBuilderBefore(_b, term);
            for (var i = LLVM.GetFirstInstruction(next); i.Handle != nextTerm.Handle;)
            {
                var following = LLVM.GetNextInstruction(i);
                if (LLVM.IsAPHINode(i).Handle != 0)
                {
                    LLVM.ReplaceAllUsesWith(i, SameIncoming(i)!.Value);
                    LLVM.InstructionEraseFromParent(i);
                }
                else
                {
                    LLVM.InstructionRemoveFromParent(i);
                    LLVM.InsertIntoBuilder(_b, i);
                    DropPoisonFlags(i);
                }
                i = following;
            }
            var failed1 = FailCondition(term, first.FailOnTrue);
            var failed2 = FailCondition(nextTerm, second.FailOnTrue);
            // select, not or: the second condition may be poison where the first check fails (code that ran early).
            var either = LLVM.BuildSelect(_b, failed1, LLVM.ConstInt(LLVM.Int1TypeInContext(ctx), 1, 0), failed2, "checks_failed");
            // A chain made by an earlier merge tests its own checks and comes back when none failed: it is entered
            // as it is (its merged condition need not stay live to be tested again).
            bool chain = _chains.Contains(cold1.Handle);
            var which1 = chain ? cold1 : LLVM.AppendBasicBlockInContext(ctx, fn, "which_check");
            var which2 = LLVM.AppendBasicBlockInContext(ctx, fn, "which_check");
            _chains.Add(which1.Handle);
            var merged = LLVM.BuildCondBr(_b, either, which1, after);
            // The merged check lets loads move above it only where both did.
            LLVM.SetMetadata(merged, first.LoadsMayMove && second.LoadsMayMove ? _kind : _kindKeepLoads, EmptyNode(ctx));
            LLVM.SetMetadata(merged, _prof, Unlikely());
            var loop = LLVM.GetMetadata(nextTerm, _loop);
            if (loop.Handle != 0) LLVM.SetMetadata(merged, _loop, loop);
            if (!chain)
            {
                LLVM.PositionBuilderAtEnd(_b, which1);
                LLVM.BuildCondBr(_b, failed1, cold1, which2);
            }
            LLVM.PositionBuilderAtEnd(_b, which2);
            LLVM.BuildCondBr(_b, failed2, cold2, after);

            foreach (var r in rejoins)
            {
                var t = LLVM.GetBasicBlockTerminator(r);
                for (uint k = 0; k < LLVM.GetNumSuccessors(t); k++)
                    if (LLVM.GetSuccessor(t, k).Handle == next.Handle) LLVM.SetSuccessor(t, k, which2);
            }
            if (!chain) Phis.Retarget(_b, cold1, block, [which1]);
            Phis.Retarget(_b, cold2, next, [which2]);
            Phis.Retarget(_b, after, next, [block, which2]);
            LLVM.InstructionEraseFromParent(term);
            LLVM.InstructionEraseFromParent(nextTerm);
            LLVM.DeleteBasicBlock(next);
            return true;
        }

        /// <summary>The blocks that branch to block (once each, however many edges).</summary>
        private static List<LLVMBasicBlockRef> Predecessors(LLVMBasicBlockRef block)
        {
            var preds = new List<LLVMBasicBlockRef>();
            for (var use = LLVM.GetFirstUse(LLVM.BasicBlockAsValue(block)); use.Handle != 0; use = LLVM.GetNextUse(use))
            {
                var user = LLVM.GetUser(use);
                if (LLVM.IsAInstruction(user).Handle == 0 || LLVM.IsATerminatorInst(user).Handle == 0) return [block];   // blockaddress: never merged
                var p = LLVM.GetInstructionParent(user);
                if (!preds.Any(q => q.Handle == p.Handle)) preds.Add(p);
            }
            return preds;
        }

        /// <summary>Every path from the function's entry to <paramref name="from"/> passes <paramref name="through"/>
        /// (whose only predecessor is <paramref name="check"/>): a walk back from it stops at through, and never meets
        /// check or the entry otherwise.</summary>
        private static bool OnlyReachedThrough(LLVMBasicBlockRef from, LLVMBasicBlockRef through, LLVMBasicBlockRef check)
        {
            var seen = new HashSet<nint>();
            var work = new Stack<LLVMBasicBlockRef>();
            work.Push(from);
            while (work.Count > 0)
            {
                var b = work.Pop();
                if (b.Handle == through.Handle || !seen.Add(b.Handle)) continue;
                if (b.Handle == check.Handle || seen.Count > 64) return false;
                var preds = Predecessors(b);
                if (preds.Count == 0 || (preds.Count == 1 && preds[0].Handle == b.Handle)) return false;
                foreach (var p in preds) work.Push(p);
            }
            return true;
        }

        /// <summary>The value a phi takes from every predecessor, when it is one value; else null.</summary>
        private static LLVMValueRef? SameIncoming(LLVMValueRef phi)
        {
            var v = LLVM.GetIncomingValue(phi, 0);
            for (uint k = 1; k < LLVM.CountIncoming(phi); k++)
                if (LLVM.GetIncomingValue(phi, k).Handle != v.Handle) return null;
            return v;
        }

        private LLVMValueRef FailCondition(LLVMValueRef branch, bool failOnTrue)
        {
            var cond = LLVM.GetCondition(branch);
            return failOnTrue ? cond : LLVM.BuildNot(_b, cond, "");
        }

        /// <summary>The branch weights of a check that almost never fails.</summary>
        private LLVMValueRef Unlikely()
        {
            if (_unlikely.Handle != 0) return _unlikely;
            var i32 = LLVM.Int32TypeInContext(ctx);
            Span<LLVMMetadataRef> ops = [LLVM.MDStringInContext2(ctx, "branch_weights"),
                LLVM.ValueAsMetadata(LLVM.ConstInt(i32, 1, 0)), LLVM.ValueAsMetadata(LLVM.ConstInt(i32, 2000, 0))];
            return _unlikely = LLVM.MetadataAsValue(ctx, LLVM.MDNodeInContext2(ctx, ops));
        }

        /// <summary>Code that may run before a check passes: no memory writes, nothing that can trap, no calls but to
        /// math functions (libm's write only errno, which compiled code never reads), no loads unless the check allows.</summary>
        private static bool MayRunEarly(LLVMValueRef i, bool loadsMayMove)
        {
            switch (LLVM.GetInstructionOpcode(i))
            {
                case LLVMOpcode.LLVMFNeg: case LLVMOpcode.LLVMAdd: case LLVMOpcode.LLVMFAdd: case LLVMOpcode.LLVMSub:
                case LLVMOpcode.LLVMFSub: case LLVMOpcode.LLVMMul: case LLVMOpcode.LLVMFMul: case LLVMOpcode.LLVMFDiv:
                case LLVMOpcode.LLVMFRem: case LLVMOpcode.LLVMShl: case LLVMOpcode.LLVMLShr: case LLVMOpcode.LLVMAShr:
                case LLVMOpcode.LLVMAnd: case LLVMOpcode.LLVMOr: case LLVMOpcode.LLVMXor: case LLVMOpcode.LLVMICmp:
                case LLVMOpcode.LLVMFCmp: case LLVMOpcode.LLVMSelect: case LLVMOpcode.LLVMZExt: case LLVMOpcode.LLVMSExt:
                case LLVMOpcode.LLVMFPTrunc: case LLVMOpcode.LLVMFPExt: case LLVMOpcode.LLVMSIToFP: case LLVMOpcode.LLVMBitCast:
                case LLVMOpcode.LLVMGetElementPtr: case LLVMOpcode.LLVMExtractElement: case LLVMOpcode.LLVMInsertElement:
                case LLVMOpcode.LLVMShuffleVector: case LLVMOpcode.LLVMExtractValue: case LLVMOpcode.LLVMInsertValue:
                case LLVMOpcode.LLVMFreeze:
                    return true;
                case LLVMOpcode.LLVMUDiv: case LLVMOpcode.LLVMSDiv: case LLVMOpcode.LLVMURem: case LLVMOpcode.LLVMSRem:
                {
                    // Traps on a zero divisor (and the signed ones on MIN / -1): only constant safe divisors.
                    var d = LLVM.GetOperand(i, 1);
                    return LLVM.IsAConstantInt(d).Handle != 0 && LLVM.ConstIntGetZExtValue(d) != 0 && LLVM.ConstIntGetSExtValue(d) != -1;
                }
                case LLVMOpcode.LLVMLoad:
                    return loadsMayMove && LLVM.GetVolatile(i) == 0 && LLVM.GetOrdering(i) == LLVMAtomicOrdering.LLVMAtomicOrderingNotAtomic;
                case LLVMOpcode.LLVMCall:
                    return LLVM.CalledFunctionName(i, declarationOnly: true) is { } name && IsMath(name);
                default:
                    // Stores, allocas, other calls, atomics; trunc, fptosi and uitofp (poison from flags this pass
                    // cannot clear through LLVM-C, or from out-of-range values) too.
                    return false;
            }
        }

        private static readonly HashSet<string> Libm =
        [
            "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
            "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "pow", "hypot", "cbrt", "erf", "erfc", "tgamma", "lgamma",
            "fmod", "remainder",
        ];

        private static readonly string[] MathIntrinsics =
        [
            "llvm.fabs.", "llvm.sqrt.", "llvm.floor.", "llvm.ceil.", "llvm.trunc.", "llvm.rint.", "llvm.nearbyint.",
            "llvm.round.", "llvm.roundeven.", "llvm.copysign.", "llvm.minnum.", "llvm.maxnum.", "llvm.minimum.",
            "llvm.maximum.", "llvm.fma.", "llvm.fmuladd.", "llvm.smin.", "llvm.smax.", "llvm.umin.", "llvm.umax.",
            "llvm.exp.", "llvm.exp2.", "llvm.log.", "llvm.log2.", "llvm.log10.", "llvm.pow.", "llvm.sin.", "llvm.cos.",
        ];

        private static bool IsMath(string name) =>
            Libm.Contains(name) || (name.EndsWith('f') && Libm.Contains(name[..^1])) ||
            (name.StartsWith("llvm.", StringComparison.Ordinal) && MathIntrinsics.Any(p => name.StartsWith(p, StringComparison.Ordinal)));

        /// <summary>Flags that make a result poison when an assumption fails: code that now runs before its check
        /// may see the values the check rejects.</summary>
        private static void DropPoisonFlags(LLVMValueRef i)
        {
            switch (LLVM.GetInstructionOpcode(i))
            {
                case LLVMOpcode.LLVMAdd: case LLVMOpcode.LLVMSub: case LLVMOpcode.LLVMMul: case LLVMOpcode.LLVMShl:
                    LLVM.SetNUW(i, 0); LLVM.SetNSW(i, 0); break;
                case LLVMOpcode.LLVMUDiv: case LLVMOpcode.LLVMSDiv: case LLVMOpcode.LLVMLShr: case LLVMOpcode.LLVMAShr:
                    LLVM.SetExact(i, 0); break;
                case LLVMOpcode.LLVMOr: LLVM.SetIsDisjoint(i, 0); break;
                case LLVMOpcode.LLVMZExt: LLVM.SetNNeg(i, 0); break;
                case LLVMOpcode.LLVMGetElementPtr: LLVM.SetIsInBounds(i, 0); break;
            }
            if (LLVM.CanValueUseFastMathFlags(i) != 0)
            {
                var flags = LLVM.GetFastMathFlags(i);
                LLVM.SetFastMathFlags(i, flags & ~(LLVMFastMathFlags.LLVMFastMathNoNaNs | LLVMFastMathFlags.LLVMFastMathNoInfs));
            }
        }
    }
}
