namespace SharpJit.IR;

/// <summary>Editing a function's IR from passes: use lists, inserting instructions, splitting edges.</summary>
public static class IrEdit
{
    /// <summary>Every use of every value: the instructions (phis included) whose arguments name it. Terminator uses
    /// are listed under <see cref="TerminatorUses"/>.</summary>
    public static Dictionary<Value, List<Instr>> Uses(IrFunction f)
    {
        var uses = new Dictionary<Value, List<Instr>>();
        foreach (var b in f.Blocks)
            foreach (var i in b.Phis.Concat(b.Instrs))
                foreach (var a in i.Args)
                {
                    if (!uses.TryGetValue(a, out var l)) uses[a] = l = new();
                    l.Add(i);
                }
        return uses;
    }

    /// <summary>The values terminators use (return values, branch conditions, raised exceptions).</summary>
    public static HashSet<Value> TerminatorUses(IrFunction f) =>
        f.Blocks.Where(b => b.Term.Value != null).Select(b => b.Term.Value!).ToHashSet();

    /// <summary>Replaces every use of <paramref name="old"/> (in instructions and terminators) by <paramref name="replacement"/>.</summary>
    public static void ReplaceAllUses(IrFunction f, Value old, Value replacement)
    {
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Phis.Concat(b.Instrs))
                for (int k = 0; k < i.Args.Length; k++)
                    if (i.Args[k] == old) i.Args[k] = replacement;
            if (b.Term.Value == old) b.Term.Value = replacement;
        }
    }

    /// <summary>Drops blocks that cannot run and their edges (and phi operands) into blocks that can.</summary>
    public static void RemoveUnreachable(IrFunction f)
    {
        var live = f.ReversePostOrder().ToHashSet();
        f.Blocks.RemoveAll(b => !live.Contains(b));
        foreach (var b in f.Blocks)
            for (int k = b.Preds.Count - 1; k >= 0; k--)
                if (!live.Contains(b.Preds[k])) RemovePredecessor(b, k);
    }

    /// <summary>Removes the k-th incoming edge of b and the phi operands that came along it.</summary>
    public static void RemovePredecessor(Block b, int k)
    {
        b.Preds.RemoveAt(k);
        foreach (var phi in b.Phis) phi.Args = phi.Args.Where((_, j) => j != k).ToArray();
    }

    /// <summary>Turns a branch on a compile-time constant into a jump to the side it takes (see
    /// Typing.TypeInference.LiveSuccessors), then drops what became unreachable.</summary>
    public static void PruneStaticBranches(IrFunction f, Func<Block, IEnumerable<Block>> liveSuccessors)
    {
        bool pruned = false;
        foreach (var b in f.Blocks)
        {
            if (b.Term.Kind != TermKind.Branch) continue;
            var live = liveSuccessors(b).Where(s => s != b.Handler).ToList();
            if (live.Count != 1) continue;
            var dead = b.Term.Target == live[0] ? b.Term.Else! : b.Term.Target!;
            if (dead == live[0]) continue;
            RemovePredecessor(dead, dead.Preds.IndexOf(b));
            b.Term = new Terminator { Kind = TermKind.Jump, Target = live[0], Span = b.Term.Span };
            pruned = true;
        }
        if (!pruned) return;
        RemoveUnreachable(f);
        MarkUndefinedPhis(f);
    }

    /// <summary>A variable assigned only on a removed path now merges nothing but "unassigned": it has no value to type.</summary>
    private static void MarkUndefinedPhis(IrFunction f)
    {
        // The greatest such set: untyped phis whose operands are "unassigned" or phis of the set, cycles through a
        // loop included (a loop whose only assignment was removed, or whose back edge was).
        var undefined = f.Blocks.SelectMany(b => b.Phis).Where(p => p.Type == Typing.SimpleType.Unknown).ToHashSet();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var phi in undefined.ToList())
                if (!phi.Args.All(a => a is Instr { Op: Op.Undef } || a.Type == Typing.SimpleType.Undefined || a is Instr ai && undefined.Contains(ai)))
                {
                    undefined.Remove(phi);
                    changed = true;
                }
        }
        foreach (var phi in undefined) phi.Type = Typing.SimpleType.Undefined;
    }

    /// <summary>Ends each block at its first value of type NoReturn (a call that never returns normally): the rest
    /// of the block is dead, the block ends in Unreachable, and what only it reached is dropped. The call's own
    /// value is typed None, which is what its callee's ABI returns.</summary>
    public static void TruncateAfterNoReturn(IrFunction f)
    {
        bool truncated = false;
        foreach (var b in f.Blocks)
        {
            int at = b.Instrs.FindIndex(i => i.Type == Typing.SimpleType.NoReturn);
            if (at < 0) continue;
            b.Instrs[at].Type = Typing.SimpleType.None;
            b.Instrs.RemoveRange(at + 1, b.Instrs.Count - at - 1);
            // The call can still raise: the edge to a handler stays.
            foreach (var s in b.NormalSuccs.ToList()) RemovePredecessor(s, s.Preds.IndexOf(b));
            b.Term = new Terminator { Kind = TermKind.Unreachable, Span = b.Term.Span };
            truncated = true;
        }
        if (!truncated) return;
        RemoveUnreachable(f);
        MarkUndefinedPhis(f);
    }

    /// <summary>A new instruction with a fresh id (not yet placed in a block).</summary>
    public static Instr New(IrFunction f, Op op, Diagnostics.Span span, object? data, params Value[] args) =>
        new(op, args, data, span) { Id = f.NextId++ };

    public static void InsertAt(Block b, int index, Instr i) { i.Block = b; b.Instrs.Insert(index, i); }
    public static void Append(Block b, Instr i) { i.Block = b; b.Instrs.Add(i); }

    /// <summary>Splits the edge from → to with a new block that jumps to <paramref name="to"/>; phis of
    /// <paramref name="to"/> keep their operands in the order of its predecessors.</summary>
    public static Block SplitEdge(IrFunction f, Block from, Block to)
    {
        var mid = new Block { Id = f.Blocks.Max(b => b.Id) + 1 };
        mid.Preds.Add(from);
        mid.Term = new Terminator { Kind = TermKind.Jump, Target = to, Span = from.Term.Span };
        if (from.Term.Target == to) from.Term.Target = mid;
        else from.Term.Else = mid;
        to.Preds[to.Preds.IndexOf(from)] = mid;
        f.Blocks.Insert(f.Blocks.IndexOf(from) + 1, mid);
        return mid;
    }

    /// <summary>Splits every edge whose source has several successors and whose target has several predecessors, so
    /// code can be placed on any edge.</summary>
    public static void SplitCriticalEdges(IrFunction f)
    {
        foreach (var b in f.Blocks.ToList())
        {
            if (b.Term.Kind != TermKind.Branch) continue;
            // A branch to the same block twice: split one of the two edges so each gets its own block.
            if (b.Term.Target == b.Term.Else) { SplitEdgeOnce(f, b, b.Term.Else!, elseEdge: true); continue; }
            foreach (var s in new[] { b.Term.Target!, b.Term.Else! })
                if (s.Preds.Count > 1) SplitEdge(f, b, s);
        }
    }

    private static void SplitEdgeOnce(IrFunction f, Block from, Block to, bool elseEdge)
    {
        var mid = new Block { Id = f.Blocks.Max(b => b.Id) + 1 };
        mid.Preds.Add(from);
        mid.Term = new Terminator { Kind = TermKind.Jump, Target = to, Span = from.Term.Span };
        from.Term.Else = mid;
        to.Preds[to.Preds.LastIndexOf(from)] = mid;
        f.Blocks.Insert(f.Blocks.IndexOf(from) + 1, mid);
        if (to.Preds.Count > 1 && from.Term.Target == to) SplitEdge(f, from, to);
    }
}
