using SharpJit.Typing;

namespace SharpJit.IR;

/// <summary>A structural check of a function's IR, run after every pass when enabled (as Go's ssa.checkFunc): a
/// broken invariant is reported at the pass that broke it, not as a crash in a later stage.</summary>
public static class Verifier
{
    /// <summary>Set by the test suites (and SHARPJIT_VERIFY_IR=1): verify after every pass.</summary>
    public static bool Enabled = Environment.GetEnvironmentVariable("SHARPJIT_VERIFY_IR") == "1";

    /// <summary>Throws <see cref="IrVerificationException"/> naming every broken invariant.</summary>
    /// <param name="typed">After type inference: every value has a known type and operators are resolved.</param>
    public static void Verify(IrFunction f, string afterPass, bool typed)
    {
        var problems = Check(f, typed);
        if (problems.Count > 0)
            throw new IrVerificationException($"IR of '{f.Name}' is invalid after pass '{afterPass}':\n  " + string.Join("\n  ", problems) +
                "\n" + IrPrinter.Print(f, withTypes: typed));
    }

    public static List<string> Check(IrFunction f, bool typed)
    {
        var problems = new List<string>();
        void Fail(string m) { if (problems.Count < 20) problems.Add(m); }
        if (f.Blocks.Count == 0) { Fail("function has no blocks"); return problems; }
        var blocks = f.Blocks.ToHashSet();
        var defined = new Dictionary<Value, Block>();
        var ids = new HashSet<int>();
        foreach (var p in f.Params)
        {
            if (p.Op != Op.Param) Fail($"%{p.Id} is listed as a parameter but is a {p.Op}");
            defined[p] = f.Entry;
            if (!ids.Add(p.Id)) Fail($"value id %{p.Id} is used twice");
        }
        foreach (var b in f.Blocks)
        {
            foreach (var phi in b.Phis)
            {
                if (phi.Op != Op.Phi) Fail($"block{b.Id}: %{phi.Id} ({phi.Op}) is in the phi list");
                if (phi.Args.Length != b.Preds.Count) Fail($"block{b.Id}: phi %{phi.Id} has {phi.Args.Length} operands for {b.Preds.Count} predecessors");
            }
            foreach (var i in b.Phis.Concat(b.Instrs))
            {
                if (i.Block != b) Fail($"%{i.Id} is in block{b.Id} but says it is in block{i.Block?.Id}");
                if (i.Op == Op.Phi && !b.Phis.Contains(i)) Fail($"block{b.Id}: phi %{i.Id} is among the instructions");
                if (!ids.Add(i.Id)) Fail($"value id %{i.Id} is used twice");
                defined[i] = b;
            }
            if (!b.IsTerminated) Fail($"block{b.Id} has no terminator");
            foreach (var s in b.Succs)
            {
                if (!blocks.Contains(s)) Fail($"block{b.Id} jumps to block{s.Id}, which is not in the function");
                else if (s.Preds.Count(p => p == b) != b.Succs.Count(x => x == s)) Fail($"block{s.Id} does not list block{b.Id} as a predecessor once per edge");
            }
            foreach (var p in b.Preds)
                if (!p.Succs.Contains(b)) Fail($"block{b.Id} lists block{p.Id} as a predecessor, but block{p.Id} does not jump to it");
            if (b.Term.Kind is TermKind.Branch or TermKind.Return or TermKind.Raise && b.Term.Value == null) Fail($"block{b.Id}: {b.Term.Kind} without a value");
            // A landing is entered only by exceptions: no jump or branch goes to it.
            if (b.Preds.Any(p => p.Handler == b) && !b.IsLanding) Fail($"block{b.Id} is a handler and also a jump target");
        }
        if (f.Entry.Preds.Count > 0) Fail("the entry block has predecessors");

        var position = new Dictionary<Instr, int>();
        foreach (var b in f.Blocks) for (int n = 0; n < b.Instrs.Count; n++) position[b.Instrs[n]] = n;
        var dom = Dominators(f);
        bool Dominates(Block a, Block b) => Verifier.Dominates(dom, a, b);
        void CheckUse(Value v, Block useBlock, int useIndex, string what)
        {
            if (v is Instr { Op: Op.Undef }) return;   // undefined on some path: a placeholder, not a definition
            if (!defined.TryGetValue(v, out var db)) { Fail($"{what} uses %{v.Id}, which is not defined in this function"); return; }
            if (!dom.ContainsKey(useBlock)) return;   // unreachable use
            if (db == useBlock)
            {
                if (v is Instr vi && vi.Op != Op.Phi && vi.Op != Op.Param && useIndex >= 0 && position.GetValueOrDefault(vi, -1) >= useIndex)
                    Fail($"{what} uses %{v.Id} before its definition");
            }
            else if (!Dominates(db, useBlock)) Fail($"{what} uses %{v.Id} (block{db.Id}), whose definition does not dominate block{useBlock.Id}");
        }
        foreach (var b in f.Blocks)
        {
            foreach (var phi in b.Phis)
                for (int k = 0; k < phi.Args.Length && k < b.Preds.Count; k++)
                    CheckUse(phi.Args[k], b.Preds[k], -1, $"phi %{phi.Id} (from block{b.Preds[k].Id})");
            for (int n = 0; n < b.Instrs.Count; n++)
            {
                var i = b.Instrs[n];
                foreach (var a in i.Args) CheckUse(a, b, n, $"%{i.Id} ({i.Op.ToString().ToLowerInvariant()})");
                if (typed) CheckTyped(i, Fail);
            }
            if (b.Term.Value is { } tv) CheckUse(tv, b, -1, $"the terminator of block{b.Id}");
            if (typed && b.Term.Kind == TermKind.Branch && b.Term.Value!.Type != ScalarType.Bool)
                Fail($"block{b.Id} branches on %{b.Term.Value.Id} of type {b.Term.Value.Type}, not bool");
        }
        return problems;
    }

    private static void CheckTyped(Instr i, Action<string> fail)
    {
        if (!TypeOps.IsKnown(i.Type)) fail($"%{i.Id} ({i.Op}) has no type after inference");
        switch (i.Op)
        {
            case Op.BinOp or Op.InPlaceOp or Op.SetItem or Op.ArrayExpr or Op.ArrayReduce or Op.MaskedAssign or Op.UnaryOp or Op.Compare or Op.Call when i.Resolved == null:
                fail($"%{i.Id} ({i.Op}) was not resolved by inference");
                break;
            case Op.IncRef or Op.DecRef when i.Args.Length != 1 || !Codegen.TypeModel.Of(i.Args[0].Type).HasReferences:
                fail($"%{i.Id} ({i.Op}) applies to a value without references");
                break;
        }
    }

    /// <summary>Whether a dominates b, by the immediate dominators of <see cref="Dominators"/> (false for unreachable blocks).</summary>
    public static bool Dominates(Dictionary<Block, Block> idom, Block a, Block b)
    {
        for (var x = b; x != null; x = idom.GetValueOrDefault(x))
        {
            if (x == a) return true;
            if (idom.GetValueOrDefault(x) == x) break;
        }
        return false;
    }

    /// <summary>Immediate dominators of the reachable blocks (Cooper, Harvey and Kennedy's iteration); the entry
    /// maps to itself.</summary>
    public static Dictionary<Block, Block> Dominators(IrFunction f, List<Block>? reversePostOrder = null)
    {
        var order = reversePostOrder ?? f.ReversePostOrder();
        var index = new Dictionary<Block, int>();
        for (int k = 0; k < order.Count; k++) index[order[k]] = k;
        var idom = new Dictionary<Block, Block> { [f.Entry] = f.Entry };
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var b in order.Skip(1))
            {
                Block? d = null;
                foreach (var p in b.Preds)
                {
                    if (!idom.ContainsKey(p)) continue;
                    d = d == null ? p : Intersect(p, d);
                }
                if (d != null && idom.GetValueOrDefault(b) != d) { idom[b] = d; changed = true; }
            }
        }
        return idom;

        Block Intersect(Block a, Block b)
        {
            while (a != b)
            {
                while (index[a] > index[b]) a = idom[a];
                while (index[b] > index[a]) b = idom[b];
            }
            return a;
        }
    }
}

/// <summary>A pass produced invalid IR: an internal error of the compiler.</summary>
public sealed class IrVerificationException : Exception
{
    public IrVerificationException(string message) : base(message) { }
}
