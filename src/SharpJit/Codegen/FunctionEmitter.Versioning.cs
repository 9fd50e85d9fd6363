using SharpJit.IR;
using SharpJit.Passes;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

namespace SharpJit.Codegen;

/// <summary>
/// Loop versioning for bounds checks (Passes.BoundsAnalysis): an innermost range loop whose array indices are in
/// bounds whenever a precondition on loop-invariant values holds is emitted twice. Where the loop is entered, the
/// precondition picks the copy without those checks (which LLVM can vectorise) or the checked copy, so an
/// out-of-bounds index still raises where it is. Values the loop defines and code after it uses go through stack
/// slots, which SROA turns back into SSA (one definition per copy). With boundscheck=False the same precondition
/// drops the negative-index wrap: the other copy only wraps (and is optimised as fully, since a loop that reads a[i - 1]
/// from i = 0 on runs there every time).
/// </summary>
public sealed unsafe partial class FunctionEmitter
{
    private sealed class LoopCopies(BoundsAnalysis.VersionedLoop loop)
    {
        public readonly BoundsAnalysis.VersionedLoop Loop = loop;
        public readonly HashSet<Block> Body = new(loop.Body);
        public readonly Dictionary<Block, LLVMBasicBlockRef> Checked = new(), Unchecked = new();
        public readonly Dictionary<Value, LLVMValueRef> CheckedPhis = new(), UncheckedPhis = new();
    }

    private Dictionary<Block, LoopCopies> _versionedLoops = new();
    /// <summary>The loop whose unchecked copy is being emitted.</summary>
    private BoundsAnalysis.VersionedLoop? _uncheckedCopy;
    /// <summary>The axes of the access being emitted whose index is known to be in bounds.</summary>
    private HashSet<int>? _provenAxes;
    /// <summary>Values a versioned loop defines that code outside it uses: their stack slot, and the loop.</summary>
    private readonly Dictionary<Value, (LLVMValueRef Slot, HashSet<Block> Loop)> _liveOutSlots = new();

    /// <summary>Whether the index into this axis of the access being emitted needs no bounds check.</summary>
    public bool IndexProven(int axis) => _provenAxes?.Contains(axis) == true;

    /// <summary>Whether this function's indexing raises IndexError: the module's option, off in <c>@unchecked</c>
    /// library routines.</summary>
    public bool BoundsCheck => M.Options.BoundsCheck && !Spec.Function.Unchecked;

    /// <summary>Finds the loops to version and makes their unchecked copy's blocks and phis (after the checked
    /// copy's, which are the function's own).</summary>
    private void PrepareVersionedLoops(List<Block> reversePostOrder)
    {
        if (_generator != null) return;
        Dictionary<Value, List<Block>>? uses = null;
        foreach (var (header, loop) in BoundsAnalysis.Run(Spec.Ir, reversePostOrder))
        {
            uses ??= BlocksUsing();
            var copies = new LoopCopies(loop);
            var liveOut = loop.Body.SelectMany(b => b.Phis.Concat(b.Instrs)).Where(v => uses.TryGetValue(v, out var users) && users.Any(u => !copies.Body.Contains(u))).ToList();
            if (liveOut.Any(v => v.Streamed)) continue;   // built where it is used
            foreach (var v in liveOut) _liveOutSlots[v] = (Alloca(M.Lower(v.Type)), copies.Body);
            foreach (var b in loop.Body)
            {
                copies.Checked[b] = _blocks[b];
                copies.Unchecked[b] = AppendBasicBlockInContext(M.Ctx, _fn, $"b{b.Id}.unchecked");
                foreach (var phi in b.Phis) copies.CheckedPhis[phi] = _values[phi];
                foreach (var (phi, v) in StartPhis(b, copies.Unchecked[b])) copies.UncheckedPhis[phi] = v;
            }
            _versionedLoops[header] = copies;
        }
    }

    /// <summary>For each value, the blocks that use it (a phi's operand is used at the end of its incoming block).</summary>
    private Dictionary<Value, List<Block>> BlocksUsing()
    {
        var uses = new Dictionary<Value, List<Block>>();
        void Use(Value v, Block at) { if (!uses.TryGetValue(v, out var l)) uses[v] = l = new(); l.Add(at); }
        foreach (var b in Spec.Ir.Blocks)
        {
            foreach (var phi in b.Phis) for (int k = 0; k < phi.Args.Length && k < b.Preds.Count; k++) Use(phi.Args[k], b.Preds[k]);
            foreach (var i in b.Instrs) foreach (var a in i.Args) Use(a, b);
            if (b.Term.Value != null) Use(b.Term.Value, b);
            if (b.Handling != null) Use(b.Handling, b);
            if (b.KeptAtLanding != null) foreach (var v in b.KeptAtLanding) Use(v, b);
        }
        return uses;
    }

    /// <summary>Emits the unchecked copy of a versioned loop (its blocks jump to each other; exits go to the
    /// function's blocks), then leaves the checked copy's blocks and phis in place for the usual emission.</summary>
    private void EmitUncheckedCopy(LoopCopies copies)
    {
        UseCopy(copies, unchecked_: true);
        _uncheckedCopy = copies.Loop;
        foreach (var b in copies.Loop.Body) EmitBlock(b, isEntry: false);
        _uncheckedCopy = null;
        foreach (var b in copies.Loop.Body) foreach (var i in b.Instrs) _values.Remove(i);
        UseCopy(copies, unchecked_: false);
    }

    private void UseCopy(LoopCopies copies, bool unchecked_)
    {
        foreach (var (b, llb) in unchecked_ ? copies.Unchecked : copies.Checked) _blocks[b] = llb;
        foreach (var (phi, v) in unchecked_ ? copies.UncheckedPhis : copies.CheckedPhis) _values[phi] = v;
    }

    /// <summary>The jump into a versioned loop: both copies' phis take the entry values, and the precondition picks
    /// the copy. False when b does not enter one.</summary>
    private bool EnterVersionedLoop(Block b, Block target)
    {
        if (!_versionedLoops.TryGetValue(target, out var copies) || copies.Loop.Preheader != b) return false;
        var precondition = Precondition(copies.Loop);
        AddPhiIncoming(b, target);
        UseCopy(copies, unchecked_: true);
        AddPhiIncoming(b, target);
        UseCopy(copies, unchecked_: false);
        BuildCondBr(B, Expect(precondition, true), copies.Unchecked[target], copies.Checked[target]);
        return true;
    }

    /// <summary>
    /// Keeps each versioned loop's checked copy as written: LLVM neither vectorises, unrolls nor unswitches it. It runs
    /// only where the precondition fails (an index out of bounds, shapes that differ), and optimising it like the fast
    /// copy doubled the IR and the compile time of stencil kernels (grayscott_loops) for nothing.
    /// </summary>
    private void KeepCheckedCopiesPlain()
    {
        if (!BoundsCheck) return;
        foreach (var (header, copies) in _versionedLoops)
        {
            var checkedHeader = BasicBlockAsValue(copies.Checked[header]);
            var uncheckedHeader = BasicBlockAsValue(copies.Unchecked[header]);
            var backEdges = new List<LLVMValueRef>();
            for (var use = GetFirstUse(checkedHeader); use.Handle != 0; use = GetNextUse(use))
            {
                var branch = GetUser(use);
                if (IsATerminatorInst(branch).Handle == 0 || Branches(branch, uncheckedHeader)) continue;   // the entry picks a copy
                backEdges.Add(branch);
            }
            foreach (var edge in backEdges)
                ArrayCode.SetLoopHints(M, edge, "llvm.loop.vectorize.enable=false", "llvm.loop.unroll.disable", "llvm.loop.unswitch.nontrivial.disable");
        }
    }

    private static bool Branches(LLVMValueRef terminator, LLVMValueRef block)
    {
        for (uint k = 0, n = (uint)GetNumOperands(terminator); k < n; k++)
            if (GetOperand(terminator, k).Handle == block.Handle) return true;
        return false;
    }

    /// <summary>Stores a value that code after its versioned loop uses into its slot.</summary>
    private void KeepLiveOut(Instr d)
    {
        if (_liveOutSlots.TryGetValue(d, out var s) && _values.TryGetValue(d, out var v)) BuildStore(B, v, s.Slot);
    }

    /// <summary>A versioned loop's value read outside the loop: from its slot (either copy may have defined it).</summary>
    private bool TryLoadLiveOut(Value v, out LLVMValueRef loaded)
    {
        loaded = default;
        if (!_liveOutSlots.TryGetValue(v, out var s) || _irBlock == null || s.Loop.Contains(_irBlock)) return false;
        loaded = BuildLoad2(B, M.Lower(v.Type), s.Slot, "");
        return true;
    }

    // ------------------------------------------------------------ the precondition

    private LLVMValueRef Precondition(BoundsAnalysis.VersionedLoop loop)
    {
        var all = M.ConstBool(true);
        foreach (var access in loop.Accesses)
        {
            var holds = access.Obligations.Aggregate(M.ConstBool(true), (acc, o) => BuildAnd(B, acc, Holds(o), ""));
            var guarded = access.Guards.Aggregate(M.ConstBool(true), (acc, f) => BuildAnd(B, acc, Holds(f), ""));
            all = BuildAnd(B, all, BuildOr(B, BuildNot(B, guarded, ""), holds, ""), "");
        }
        return all;
    }

    private LLVMValueRef Evaluate(BoundsAnalysis.Affine a) =>
        a.Root == null ? M.ConstI64(a.Offset) : a.Offset == 0 ? ValueOf(a.Root) : BuildAdd(B, ValueOf(a.Root), M.ConstI64(a.Offset), "");

    private LLVMValueRef Holds(BoundsAnalysis.Fact f) =>
        BuildICmp(B, Library.Arith.IntPredicate(f.Op), Evaluate(f.Left), Evaluate(f.Right), "");

    private LLVMValueRef Holds(BoundsAnalysis.Obligation o)
    {
        var size = ArrayCode.Shape(this, (ArrayType)o.Array.Type, ValueOf(o.Array))[o.Axis];
        switch (o)
        {
            case BoundsAnalysis.InvariantIndex ii:
                return BuildICmp(B, LLVMIntPredicate.LLVMIntULT, Evaluate(ii.Index), size, "");
            case BoundsAnalysis.CounterIndex ci:
            {
                var lo = ci.Lows.Select(Evaluate).Aggregate((x, y) => BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, x, y, ""), x, y, ""));
                var hi = ci.Highs.Select(Evaluate).Aggregate((x, y) => BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, x, y, ""), x, y, ""));
                var empty = BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, hi, lo, "");
                // The offset as the program adds it (wrapping); a shifted one must lie within +-2^40, so that neither
                // it nor the bounds below can overflow (one that wrapped lands far outside).
                var offset = M.ConstI64(ci.Offset);
                var small = M.ConstBool(true);
                if (ci.Shift != null)
                {
                    var shift = ValueOf(ci.Shift);
                    offset = BuildAdd(B, ci.ShiftNegated ? BuildNeg(B, shift, "") : shift, offset, "");
                    small = BuildICmp(B, LLVMIntPredicate.LLVMIntULE, BuildAdd(B, offset, M.ConstI64(1L << 40), ""), M.ConstI64(1L << 41), "");
                }
                var last = BuildSub(B, size, M.ConstI64(1), "");
                // counter + offset from lo to hi, or offset - counter from hi down to lo, in [0, size - 1]
                var fromZero = ci.CounterNegated ? BuildICmp(B, LLVMIntPredicate.LLVMIntSLE, hi, offset, "")
                    : BuildICmp(B, LLVMIntPredicate.LLVMIntSGE, lo, BuildNeg(B, offset, ""), "");
                var belowSize = ci.CounterNegated ? BuildICmp(B, LLVMIntPredicate.LLVMIntSGE, lo, BuildSub(B, offset, last, ""), "")
                    : BuildICmp(B, LLVMIntPredicate.LLVMIntSLE, hi, BuildSub(B, last, offset, ""), "");
                return BuildOr(B, empty, BuildAnd(B, small, BuildAnd(B, fromZero, belowSize, ""), ""), "");
            }
            default: throw new InvalidOperationException("internal: unknown bounds obligation");
        }
    }
}
