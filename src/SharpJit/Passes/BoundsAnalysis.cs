using SharpJit.IR;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Passes;

/// <summary>
/// Which integer indices of arrays inside an innermost <c>for counter in range(...)</c> loop are in bounds whenever a
/// condition on loop-invariant values holds: the loop's precondition, evaluated once where the loop is entered.
/// Codegen emits such a loop twice (FunctionEmitter.EmitVersionedLoop): a copy without those checks, run when the
/// precondition holds, and the checked copy otherwise, so an out-of-bounds index still raises where it is.
/// An index is covered when it is loop-invariant, or the counter plus a constant, or a variable of the loop whose
/// every assigned value is one of those (a running argmax); the counter's range is narrowed by the comparisons
/// that guard the index (<c>if 0 &lt; j &lt; m - 1:</c>), and the comparisons of invariants that guard it excuse it.
/// </summary>
public static class BoundsAnalysis
{
    /// <summary>Root + Offset as the program computes it (int64, wrapping); Root null: the constant Offset.</summary>
    public sealed record Affine(Value? Root, long Offset);

    /// <summary>Left Op Right held (a signed comparison of the values as the program computed them).</summary>
    public sealed record Fact(Affine Left, CmpOperator Op, Affine Right);

    public abstract record Obligation(Value Array, int Axis);
    /// <summary>A loop-invariant index: in [0, shape[Axis]).</summary>
    public sealed record InvariantIndex(Value Array, int Axis, Affine Index) : Obligation(Array, Axis);
    /// <summary>counter + Offset (+ or - Shift, a loop-invariant value), or with CounterNegated Offset (+ Shift) - counter
    /// (w[m - 1 - j]), for every counter value in [max(Lows), min(Highs)] (both inclusive; none when that is empty): in
    /// [0, shape[Axis]).</summary>
    public sealed record CounterIndex(Value Array, int Axis, long Offset, IReadOnlyList<Affine> Lows, IReadOnlyList<Affine> Highs,
        Value? Shift = null, bool ShiftNegated = false, bool CounterNegated = false) : Obligation(Array, Axis);
    /// <summary>One access: its obligations hold, or one of its guards (invariant facts true where it runs) does not.</summary>
    public sealed record GuardedAccess(IReadOnlyList<Fact> Guards, IReadOnlyList<Obligation> Obligations);

    /// <summary>An innermost range loop with covered accesses.</summary>
    public sealed class VersionedLoop
    {
        public required Block Header { get; init; }
        /// <summary>The one block outside the loop that enters it (ending in a jump to the header).</summary>
        public required Block Preheader { get; init; }
        /// <summary>The loop's blocks, header first, in reverse post-order.</summary>
        public required List<Block> Body { get; init; }
        public readonly List<GuardedAccess> Accesses = new();
        /// <summary>The axes of each covered access (a getitem or setitem) whose index needs no check in the copy
        /// that runs when the precondition holds.</summary>
        public readonly Dictionary<Instr, HashSet<int>> ProvenAxes = new();
    }

    /// <summary>Offsets further from zero than this are not reasoned about (so the precondition cannot overflow).</summary>
    private const long MaxOffset = 1L << 40;

    /// <summary>The loops worth versioning, by header (order: the function's blocks in reverse post-order).</summary>
    public static Dictionary<Block, VersionedLoop> Run(IrFunction f, List<Block> order)
    {
        var result = new Dictionary<Block, VersionedLoop>();
        if (!order.Any(b => b.Phis.Any(p => p.Type == SimpleType.RangeIter))) return result;   // no range loop
        var idom = Verifier.Dominators(f, order);
        var position = new Dictionary<Block, int>();
        for (int k = 0; k < order.Count; k++) position[order[k]] = k;
        bool Dominates(Block a, Block b) => Verifier.Dominates(idom, a, b);
        var loops = new Dictionary<Block, HashSet<Block>>();
        foreach (var h in order)
        {
            var latches = h.Preds.Where(p => position.ContainsKey(p) && Dominates(h, p)).ToList();
            if (latches.Count == 0) continue;
            var body = new HashSet<Block> { h };
            var work = new Stack<Block>(latches);
            while (work.Count > 0)
            {
                var b = work.Pop();
                if (!body.Add(b)) continue;
                foreach (var p in b.Preds) if (position.ContainsKey(p)) work.Push(p);
            }
            loops[h] = body;
        }
        Dictionary<Block, HashSet<Fact>>? facts = null;
        foreach (var (h, body) in loops)
        {
            if (loops.Keys.Any(other => other != h && body.Contains(other))) continue;   // not innermost
            var loop = AnalyseLoop(h, body, order, Dominates, facts ??= FactsAtBlocks(order, loops));
            if (loop != null) result[h] = loop;
        }
        return result;
    }

    private static VersionedLoop? AnalyseLoop(Block h, HashSet<Block> body, List<Block> order, Func<Block, Block, bool> dominates,
        Dictionary<Block, HashSet<Fact>> facts)
    {
        var outside = h.Preds.Where(p => !body.Contains(p)).ToList();
        if (outside.Count != 1 || outside[0].Term.Kind != TermKind.Jump || outside[0].Handler != null) return null;
        var pre = outside[0];
        if (body.Any(b => b.Handler != null || b.IsLanding || b.Instrs.Any(i => i.Op is Op.Yield or Op.Resumed or Op.Delegate))) return null;
        // The counter: the header's range iterator, started from range(start, stop[, positive constant step]).
        Instr? iter = null; Affine? start = null, stop = null;
        foreach (var phi in h.Phis)
        {
            if (phi.Type != SimpleType.RangeIter) continue;
            var entry = phi.Args[h.Preds.IndexOf(pre)];
            if (entry is not Instr { Op: Op.GetIter } gi || gi.Args[0] is not Instr { Op: Op.Call, Resolved: ResolvedLibraryCall { Function.Name: "range" } } call) continue;
            if (call.CallShape is not { Spread: false, KeywordNames.Count: 0, Positional: >= 1 and <= 3 } shape) continue;
            var args = call.Args.Skip(1).Take(shape.Positional).ToArray();
            if (args.Any(a => !IsInt(a))) continue;
            if (args.Length == 3 && args[2] is not Instr { Op: Op.Const, Constant: long step and > 0 }) continue;
            // Every other way in is the loop advancing this iterator.
            if (!Enumerable.Range(0, h.Preds.Count).All(k => h.Preds[k] == pre || phi.Args[k] is Instr { Op: Op.IterNext } next && next.Args[0] == phi)) continue;
            iter = phi;
            start = args.Length == 1 ? new Affine(null, 0) : AffineOf(args[0]);
            stop = AffineOf(args.Length == 1 ? args[0] : args[1]);
            break;
        }
        if (iter == null) return null;
        var blocks = order.Where(body.Contains).ToList();
        var loop = new VersionedLoop { Header = h, Preheader = pre, Body = blocks };
        // A variable that may be unbound (a phi of an undefined value) is poison where the precondition reads it.
        bool Invariant(Value? v) => v == null || DefinedIn(v) is { } d && !body.Contains(d) && dominates(d, h) && !MayBeUnbound(v, new HashSet<Value>());
        bool IsCounter(Value? v) => v is Instr { Op: Op.IterValue } iv && iv.Args[0] == iter;
        var fullRange = (Lows: new[] { start! }, Highs: new[] { stop! with { Offset = unchecked(stop!.Offset - 1) } });

        foreach (var b in blocks)
        {
            var here = facts.GetValueOrDefault(b) ?? new HashSet<Fact>();
            var guards = here.Where(x => Invariant(x.Left.Root) && Invariant(x.Right.Root)).ToList();
            foreach (var i in b.Instrs)
            {
                if (i.Op is not (Op.GetItem or Op.SetItem) || i.Args[0].Type is not ArrayType at || !Invariant(i.Args[0])) continue;
                var components = IsInt(i.Args[1]) ? new[] { i.Args[1] }
                    : i.Args[1] is Instr { Op: Op.MakeTuple } t && t.Args.All(IsInt) && t.Args.Length <= at.Ndim ? t.Args : null;
                if (components == null) continue;
                var obligations = new List<Obligation>();
                var axes = new HashSet<int>();
                for (int axis = 0; axis < components.Length; axis++)
                {
                    var sources = Sources(AffineOf(components[axis]), new HashSet<Value>());
                    if (sources == null) continue;
                    var mine = new List<Obligation>();
                    foreach (var s in sources)
                    {
                        if (Math.Abs(s.Offset) > MaxOffset) { mine = null; break; }
                        if (IsCounter(s.Root))
                        {
                            // Used directly, the counter's range narrows by the comparisons that guard this block.
                            var (lows, highs) = s.Direct ? Narrowed(here, s.Root!, fullRange.Lows, fullRange.Highs, Invariant) : fullRange;
                            mine.Add(new CounterIndex(i.Args[0], axis, s.Offset, lows, highs, s.Shift, s.ShiftNegated, s.CounterNegated));
                        }
                        else if (s.Root == null && s.Offset < 0) { mine = null; break; }   // a[-1]: its wrap stays checked
                        else mine.Add(new InvariantIndex(i.Args[0], axis, new Affine(s.Root, s.Offset)));
                    }
                    if (mine == null) continue;
                    obligations.AddRange(mine);
                    axes.Add(axis);
                }
                if (axes.Count == 0) continue;
                loop.Accesses.Add(new GuardedAccess(guards, obligations));
                loop.ProvenAxes[i] = axes;
            }
        }
        return loop.Accesses.Count > 0 ? loop : null;

        // The values an index can take, each Root + Offset with Root invariant or the counter, which may be shifted
        // by an invariant value or subtracted from one (Direct: not through a variable of the loop); null when some
        // are neither.
        List<(Value? Root, long Offset, bool Direct, Value? Shift, bool ShiftNegated, bool CounterNegated)>? Sources(Affine a, HashSet<Value> seen)
        {
            if (Invariant(a.Root) || IsCounter(a.Root)) return new() { (a.Root, a.Offset, true, null, false, false) };
            if (a.Root is Instr { Op: Op.BinOp } b && IsInt(b) && b.Operator is Operator.Add or Operator.Sub)
            {
                // counter + invariant, invariant + counter, counter - invariant
                var (l, r) = (AffineOf(b.Args[0]), AffineOf(b.Args[1]));
                if (b.Operator == Operator.Add && IsCounter(r.Root)) (l, r) = (r, l);
                if (IsCounter(l.Root) && r.Root != null && Invariant(r.Root))
                {
                    bool negated = b.Operator == Operator.Sub;
                    long offset = unchecked(a.Offset + l.Offset + (negated ? -r.Offset : r.Offset));
                    return new() { (l.Root, offset, true, r.Root, negated, false) };
                }
                // invariant - counter, constant - counter (w[m - 1 - j], a[10 - j])
                if (b.Operator == Operator.Sub && IsCounter(r.Root) && (l.Root == null || Invariant(l.Root)))
                    return new() { (r.Root, unchecked(a.Offset + l.Offset - r.Offset), true, l.Root, false, true) };
                return null;
            }
            if (a.Root is not Instr { Op: Op.Phi } phi || !body.Contains(phi.Block) || !IsInt(phi)) return null;
            if (!seen.Add(phi)) return new();
            var all = new List<(Value?, long, bool, Value?, bool, bool)>();
            foreach (var arg in phi.Args)
            {
                var inner = Sources(AffineOf(arg), seen);
                if (inner == null) return null;
                all.AddRange(inner.Select(s => (s.Root, unchecked(s.Offset + a.Offset), false, s.Shift, s.ShiftNegated, s.CounterNegated)));
            }
            return all;
        }
    }

    /// <summary>The counter's bounds narrowed by the facts comparing it with invariants.</summary>
    private static (Affine[] Lows, Affine[] Highs) Narrowed(HashSet<Fact> here, Value counter, Affine[] lows, Affine[] highs,
        Func<Value?, bool> invariant)
    {
        var lo = lows.ToList(); var hi = highs.ToList();
        foreach (var f in here)
        {
            Affine other; CmpOperator op;
            if (f.Left is { Offset: 0 } l && l.Root == counter && invariant(f.Right.Root)) (other, op) = (f.Right, f.Op);
            else if (f.Right is { Offset: 0 } r && r.Root == counter && invariant(f.Left.Root)) (other, op) = (f.Left, f.Op.Swapped());
            else continue;
            // Bounds are the compared value +-1, wrapping as the program's value would: a wrapped bound only widens.
            Affine Plus(long d) => other with { Offset = unchecked(other.Offset + d) };
            switch (op)
            {
                case CmpOperator.Lt: hi.Add(Plus(-1)); break;
                case CmpOperator.LtE: hi.Add(other); break;
                case CmpOperator.Gt: lo.Add(Plus(1)); break;
                case CmpOperator.GtE: lo.Add(other); break;
                case CmpOperator.Eq: lo.Add(other); hi.Add(other); break;
            }
        }
        return (lo.ToArray(), hi.ToArray());
    }

    // ------------------------------------------------------------ facts

    /// <summary>The comparisons known to hold at the start of each block: from the branches that lead there, along
    /// every path (a loop header knows none). A branch on a merged condition (<c>a &lt; b &lt; c</c>, <c>x and y</c>)
    /// learns what held on each path that gives it that outcome.</summary>
    private static Dictionary<Block, HashSet<Fact>> FactsAtBlocks(List<Block> order, Dictionary<Block, HashSet<Block>> loops)
    {
        var at = new Dictionary<Block, HashSet<Fact>>();
        foreach (var b in order)
        {
            if (b == order[0] || loops.ContainsKey(b) || b.Preds.Any(p => !at.ContainsKey(p))) { at[b] = new(); continue; }
            HashSet<Fact>? merged = null;
            foreach (var p in b.Preds.Distinct())
            {
                var path = Along(at, p, b);
                if (path == null) continue;   // no run comes this way
                if (merged == null) merged = path; else merged.IntersectWith(path);
            }
            at[b] = merged ?? new();
        }
        return at;
    }

    /// <summary>What holds on entering b from p: null when that edge is never taken.</summary>
    private static HashSet<Fact>? Along(Dictionary<Block, HashSet<Fact>> at, Block p, Block b)
    {
        var known = new HashSet<Fact>(at[p]);
        if (p.Handler == b) return new();   // an exception: any point of p
        if (p.Term.Kind != TermKind.Branch || p.Term.Target == p.Term.Else) return known;
        var learned = Outcome(at, p.Term.Value!, p.Term.Target == b, p);
        if (learned == null) return null;
        return Add(known, learned);
    }

    /// <summary>What a bool value being true (or false) at the end of block p tells: null when it cannot be.</summary>
    private static HashSet<Fact>? Outcome(Dictionary<Block, HashSet<Fact>> at, Value v, bool value, Block p)
    {
        switch (v)
        {
            case Instr { Op: Op.Const, Constant: bool c }: return c == value ? new() : null;
            case Instr { Op: Op.Truth } t when t.Args[0].Type == ScalarType.Bool: return Outcome(at, t.Args[0], value, p);
            case Instr { Op: Op.Not } n: return Outcome(at, n.Args[0], !value, p);
            case Instr { Op: Op.Compare } c when IsInt(c.Args[0]) && IsInt(c.Args[1]) && c.CmpOperator.Negated() is { } negated:
                return new() { new Fact(AffineOf(c.Args[0]), value ? c.CmpOperator : negated, AffineOf(c.Args[1])) };
            case Instr { Op: Op.Phi } phi when phi.Block == p && phi.Type == ScalarType.Bool:
            {
                // The value came in along one of the paths into p: what held there, and what its incoming value says.
                HashSet<Fact>? merged = null;
                for (int k = 0; k < p.Preds.Count; k++)
                {
                    var q = p.Preds[k];
                    if (!at.ContainsKey(q)) return new();
                    var path = Along(at, q, p);
                    if (path == null) continue;
                    var learned = Outcome(at, phi.Args[k], value, q);
                    if (learned == null) continue;
                    var all = Add(path, learned);
                    if (all == null) continue;
                    if (merged == null) merged = all; else merged.IntersectWith(all);
                }
                return merged;
            }
            default: return new();
        }
    }

    /// <summary>known plus learned, or null when one contradicts the other.</summary>
    private static HashSet<Fact>? Add(HashSet<Fact> known, HashSet<Fact> learned)
    {
        foreach (var f in learned)
            if (f.Op.Negated() is { } n && known.Contains(f with { Op = n })) return null;
        known.UnionWith(learned);
        return known;
    }

    // ------------------------------------------------------------ values

    private static bool IsInt(Value v) => v.Type == ScalarType.Int64;

    /// <summary>Whether v is, or may flow from, a read of an unassigned variable (through phis).</summary>
    private static bool MayBeUnbound(Value v, HashSet<Value> seen) => v switch
    {
        Instr { Op: Op.Undef } => true,
        Instr { Op: Op.Phi } phi => seen.Add(phi) && phi.Args.Any(a => MayBeUnbound(a, seen)),
        _ => false,
    };

    private static Block? DefinedIn(Value v) => v is Instr i ? i.Block : null;

    /// <summary>v as Root + Offset through additions and subtractions of constants.</summary>
    public static Affine AffineOf(Value v)
    {
        if (v is Instr { Op: Op.Const, Constant: long c }) return new Affine(null, c);
        if (v is Instr { Op: Op.BinOp } b && IsInt(b) && IsInt(b.Args[0]) && IsInt(b.Args[1]) && b.Operator is Operator.Add or Operator.Sub)
        {
            var l = AffineOf(b.Args[0]); var r = AffineOf(b.Args[1]);
            if (r.Root == null) return l with { Offset = unchecked(b.Operator == Operator.Add ? l.Offset + r.Offset : l.Offset - r.Offset) };
            if (l.Root == null && b.Operator == Operator.Add) return r with { Offset = unchecked(l.Offset + r.Offset) };
        }
        return new Affine(v, 0);
    }
}
