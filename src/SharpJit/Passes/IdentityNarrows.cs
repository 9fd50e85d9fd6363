using SharpJit.IR;
using SharpJit.Typing;

namespace SharpJit.Passes;

/// <summary>
/// Values that are another value. `if x is not None:` narrows x on the edge where it holds (Binder: an Op.Narrow); where
/// x's type is not an Optional the narrowed value is x itself. `a += b` on an array writes a in place and gives a back.
/// Their uses take the value itself, and the phis that only merged the two go. Otherwise the ownership pass counts the
/// copy as a value of its own: an array tested in a loop (np.repeat's `counts is None`) took and dropped an atomic
/// reference on every iteration, 3.6x the loop's time, and `acc += a[i]` four.
/// </summary>
public static class IdentityNarrows
{
    public static void Run(IrFunction f)
    {
        bool changed = false;
        foreach (var b in f.Blocks)
            for (int k = b.Instrs.Count - 1; k >= 0; k--)
            {
                if (b.Instrs[k] is { Op: Op.Narrow } n && n.Args[0].Type is not OptionalType && n.Args[0].Type == n.Type)
                {
                    Replace(f, n, n.Args[0]);
                    b.Instrs.RemoveAt(k);
                    changed = true;
                }
                else if (IsInPlaceArrayOp(b.Instrs[k]) && f.Blocks.Any(u => UsesOf(u, b.Instrs[k])))
                {
                    Replace(f, b.Instrs[k], b.Instrs[k].Args[0]);   // the operation stays: it writes the array
                    changed = true;
                }
            }
        if (changed) RemoveTrivialPhis(f);
    }

    /// <summary>`a op= b` on an array: an element-wise ufunc writing into a, whose result is a.</summary>
    public static bool IsInPlaceArrayOp(Instr i) =>
        i.Op == Op.InPlaceOp && i.Resolved is ResolvedLibraryCall { Function.Elementwise.InPlace: true } && i.Args[0].Type is ArrayType && i.Type == i.Args[0].Type
        && !IsGather(i.Args[0]);

    /// <summary>a[mask] or a[indices]: a copy, which `a[mask] += v` writes back (array-fusion fuses that whole statement,
    /// which it finds through the in-place result stored back).</summary>
    private static bool IsGather(Value v) =>
        v is Instr { Op: Op.GetItem } g && g.Args[0].Type is ArrayType t && !Library.Builtins.IndexMakesView(t, g.Args[1].Type);

    private static bool UsesOf(Block b, Instr i) =>
        b.Phis.Concat(b.Instrs).Any(x => x.Args.Contains(i)) || b.Term.Value == i || b.Handling == i;

    /// <summary>Every use, an exception handler's value too.</summary>
    private static void Replace(IrFunction f, Value old, Value replacement)
    {
        IrEdit.ReplaceAllUses(f, old, replacement);
        foreach (var b in f.Blocks)
            if (b.Handling == old) b.Handling = replacement;
    }

    /// <summary>Phis whose operands are one value (or the phi itself) are that value.</summary>
    private static void RemoveTrivialPhis(IrFunction f)
    {
        for (bool again = true; again;)
        {
            again = false;
            foreach (var b in f.Blocks)
                for (int k = b.Phis.Count - 1; k >= 0; k--)
                {
                    var phi = b.Phis[k];
                    var others = phi.Args.Where(a => a != phi).Distinct().ToList();
                    if (others.Count != 1 || others[0].Type != phi.Type) continue;
                    Replace(f, phi, others[0]);
                    b.Phis.RemoveAt(k);
                    again = true;
                }
        }
    }
}
