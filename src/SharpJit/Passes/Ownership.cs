using SharpJit.Codegen;
using SharpJit.IR;
using SharpJit.Typing;

namespace SharpJit.Passes;

/// <summary>
/// Inserts reference counting into typed IR, for values whose type holds references (str today; arrays, lists and
/// dicts later). The rule is uniform, so it is easy to show correct:
/// <list type="bullet">
/// <item>Every such SSA value owns one reference. Calls, operators and f-strings produce new references (a library
/// lowering that returns a value with references returns a new one); every other definition (a parameter, a
/// constant, a tuple item, a tuple built from borrowed items, a global) borrows, so an <c>IncRef</c> follows it.</item>
/// <item>A phi owns the reference its incoming value takes on the edge (critical edges are split first).</item>
/// <item>A value is dropped (<c>DecRef</c>) right after its last use, or on the edge where it stops being live.</item>
/// <item>A returned value's reference moves to the caller; a raised exception's is dropped with the frame.</item>
/// </list>
/// Code generation keeps each owned value in a stack slot until it is dropped, so the function's one unwind block
/// drops exactly what the frame owns when anything raises.
/// </summary>
public static class Ownership
{
    /// <summary>Values of this instruction are owned by the frame and counted. Constants (literals and frozen globals)
    /// are immortal: counting them would do nothing.</summary>
    public static bool IsOwned(Instr i) =>
        !i.Streamed && !i.BorrowsReceiver && !i.BorrowedParam && !i.BorrowsBase && i.Op is not (Op.Undef or Op.IncRef or Op.DecRef or Op.Const) && i.Resolved is not ResolvedConstant
        && HasReferences(i.Type);

    public static bool HasReferences(SjType t) =>
        TypeOps.IsKnown(t) && t is not ConflictType && t != SimpleType.Undefined && TypeModel.Of(t).HasReferences;

    /// <summary>Produces a new reference: the value is already owned when defined.</summary>
    private static bool ProducesNewReference(Instr i) =>
        i.Op is Op.Call or Op.JoinStr or Op.FormatValue or Op.ExcCatch or Op.DelegateResult ||
        i.Op is Op.IterValue && IteratorMakesItems(i.Args[0].Type) ||
        i.Op is Op.BinOp or Op.InPlaceOp or Op.UnaryOp or Op.Compare or Op.Attr or Op.GetItem or Op.ArrayExpr or Op.ArrayReduce or Op.GetIter && i.Resolved is ResolvedLibraryCall;

    /// <summary>Whether an iterator's items are new references (each character of a str is a new str); enumerate and
    /// zip over such an iterator then take their own reference to the other parts of each item.</summary>
    public static bool IteratorMakesItems(SjType iterType) => iterType switch
    {
        EnumerateIterType e => IteratorMakesItems(e.Inner),
        ZipIterType z => z.Inners.Any(IteratorMakesItems),
        ReversedIterType r => r.Iterable == SimpleType.Str,
        GeneratorType => true,   // moved out of the generator's frame
        _ => iterType == SimpleType.StrIter,
    };

    /// <returns>True when the function owns references (and so needs slots and an unwind block).</returns>
    public static bool Run(IrFunction f)
    {
        MarkBorrowedReceivers(f);
        MarkBorrowedParams(f);
        MarkBorrowedViews(f);
        if (!f.Params.Concat(f.Blocks.SelectMany(b => b.Phis.Concat(b.Instrs))).Any(IsOwned)) return false;
        IrEdit.SplitCriticalEdges(f);
        TakeBorrowedReferences(f);
        var (liveIn, liveOut) = Liveness(f);
        KeepClosingGeneratorsToBlockEnd(f, liveOut);
        PlaceDrops(f, liveIn, liveOut);
        foreach (var b in f.Blocks)
            if (b.IsLanding) b.KeptAtLanding = liveIn[b];
        return true;
    }

    private static Instr RefOp(IrFunction f, Op op, Value v)
    {
        var i = IrEdit.New(f, op, v.Span, null, v);
        i.Type = SimpleType.None;
        return i;
    }

    private static void TakeBorrowedReferences(IrFunction f)
    {
        int at = 0;
        // A generator's arguments arrive owned: its frame took a reference to each when it was made.
        foreach (var p in f.Params)
            if (IsOwned(p) && !f.Info.IsGenerator) IrEdit.InsertAt(f.Entry, at++, RefOp(f, Op.IncRef, p));
        foreach (var b in f.Blocks)
        {
            for (int n = 0; n < b.Instrs.Count; n++)
            {
                var i = b.Instrs[n];
                if (i.Op is Op.IncRef or Op.DecRef || !IsOwned(i) || ProducesNewReference(i)) continue;
                IrEdit.InsertAt(b, ++n, RefOp(f, Op.IncRef, i));
            }
            // Each incoming value of a phi takes a reference at the end of its edge's source (a single-successor block);
            // a landing's, where the exception is raised (code generation does it there).
            if (b.IsLanding) continue;
            foreach (var phi in b.Phis.Where(IsOwned))
                for (int k = 0; k < phi.Args.Length; k++)
                    if (phi.Args[k] is not Instr { Op: Op.Undef } && HasReferences(phi.Args[k].Type))   // None joining an Optional holds nothing
                        IrEdit.Append(b.Preds[k], RefOp(f, Op.IncRef, phi.Args[k]));
        }
    }

    /// <summary>Owned values used by an instruction (phi operands are used on their edges, by the IncRef there). A
    /// streamed f-string runs where it is written, not where it stands: its operands are used by its consumer.</summary>
    private static IEnumerable<Value> OwnedArgs(Instr i) => i.Streamed ? Enumerable.Empty<Value>() : EffectiveArgs(i).Where(IsOwned).Distinct();

    private static IEnumerable<Instr> EffectiveArgs(Instr i) =>
        i.Args.OfType<Instr>().SelectMany(a => a.Streamed || a.BorrowsReceiver || a.BorrowsBase ? EffectiveArgs(a) : new[] { a });

    /// <summary>A bound method used only as the callee of calls (<c>s.add(x)</c>) borrows its receiver, which is then
    /// used by those calls: taking and dropping a reference for each call made a slot per call, and the unwind block
    /// of a function with many of them grew with their square.</summary>
    private static void MarkBorrowedReceivers(IrFunction f)
    {
        var methods = f.Blocks.SelectMany(b => b.Instrs).Where(i => i.Op == Op.Attr && i.Type is BoundMethodType or UserMethodType).ToHashSet();
        if (methods.Count == 0) return;
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Phis.Concat(b.Instrs))
                for (int k = 0; k < i.Args.Length; k++)
                    if (i.Args[k] is Instr a && methods.Contains(a) && !(k == 0 && i.Op == Op.Call)) methods.Remove(a);
            if (b.Term.Value is Instr tv) methods.Remove(tv);
            if (b.Handling is Instr hv) methods.Remove(hv);
        }
        foreach (var m in methods) m.BorrowsReceiver = true;
    }

    /// <summary>A view of an array that is only read or passed to operations (each of which takes its own reference
    /// where it keeps one: a tuple, an instance, a list, a callee's parameter) borrows the reference of the array it
    /// views, which then stays live until the view's last use (<see cref="EffectiveArgs"/>): a row taken in a loop,
    /// <c>acc += a[i]</c>, no longer takes and drops an atomic reference each iteration. One that is returned,
    /// raised, a phi's operand or in a generator keeps its own.</summary>
    private static void MarkBorrowedViews(IrFunction f)
    {
        if (f.Info.IsGenerator) return;
        var views = f.Blocks.SelectMany(b => b.Instrs).Where(i => i.Op == Op.GetItem && i.Resolved is ResolvedLibraryCall { Function.Name: "array.getitem" }
            && i.Args[0].Type is ArrayType t && Library.Builtins.IndexMakesView(t, i.Args[1].Type)).ToHashSet();
        if (views.Count == 0) return;
        views.ExceptWith(KeepOwnReference(f));
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Instrs)
                if (!PassesOnViews(i.Op))
                    foreach (var a in i.Args)
                        if (a is Instr ai) views.Remove(ai);
        }
        foreach (var v in views) v.BorrowsBase = true;
        // An array written in place whose result is not used (IdentityNarrows gave its uses the array): no reference.
        var used = f.Blocks.SelectMany(b => b.Phis.Concat(b.Instrs).SelectMany(i => i.Args)
            .Concat(new[] { b.Term.Value, b.Handling })).OfType<Instr>().ToHashSet();
        foreach (var i in f.Blocks.SelectMany(b => b.Instrs))
            if (!used.Contains(i) && (IdentityNarrows.IsInPlaceArrayOp(i) || i.Op == Op.ArrayExpr && i.Elementwise.InPlace))
                i.BorrowsBase = true;
    }

    /// <summary>Operations that read their operands, or take references of their own to the ones they keep.</summary>
    private static bool PassesOnViews(Op op) => op is Op.Attr or Op.SetAttr or Op.BinOp or Op.UnaryOp or Op.Compare or Op.Truth or Op.Call
        or Op.MakeTuple or Op.GetItem or Op.SetItem or Op.InPlaceOp or Op.ArrayExpr or Op.ArrayReduce or Op.MaskedAssign or Op.FormatValue or Op.JoinStr;

    /// <summary>A parameter that is only read borrows the caller's reference (the caller drops its argument after the
    /// call): no reference taken at entry and dropped after the last use, and no slot, in every call of a library
    /// function. One that is returned, raised or a phi's operand keeps its own reference, as does a generator's (its
    /// frame outlives the call).</summary>
    private static void MarkBorrowedParams(IrFunction f)
    {
        if (f.Info.IsGenerator) return;
        var candidates = f.Params.Where(p => HasReferences(p.Type)).ToHashSet();
        if (candidates.Count == 0) return;
        candidates.ExceptWith(KeepOwnReference(f));
        foreach (var p in candidates) p.BorrowedParam = true;
    }

    /// <summary>Values that need a reference of their own to borrow from nothing: returned or raised ones, the exception
    /// being handled, and phi operands.</summary>
    private static IEnumerable<Instr> KeepOwnReference(IrFunction f) =>
        f.Blocks.SelectMany(b => new[] { b.Term.Value, b.Handling }.Concat(b.Phis.SelectMany(phi => phi.Args))).OfType<Instr>();

    private static (Dictionary<Block, HashSet<Value>> In, Dictionary<Block, HashSet<Value>> Out) Liveness(IrFunction f)
    {
        var liveIn = f.Blocks.ToDictionary(b => b, _ => new HashSet<Value>());
        var liveOut = f.Blocks.ToDictionary(b => b, _ => new HashSet<Value>());
        var order = f.ReversePostOrder();
        order.Reverse();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var b in order)
            {
                var outSet = new HashSet<Value>(b.Succs.SelectMany(s => liveIn[s]));
                // An exception may leave anywhere in a protected block: what its landing's phis take from it is live throughout.
                if (b.Handler is { } h) outSet.UnionWith(LandingArgs(b, h));
                var inSet = new HashSet<Value>(outSet);
                if (b.Term.Value is Instr tv && IsOwned(tv)) inSet.Add(tv);
                // The exception being handled is read wherever the block raises (it becomes the new one's context).
                if (b.Handling is Instr hv && IsOwned(hv)) inSet.Add(hv);
                for (int n = b.Instrs.Count - 1; n >= 0; n--)
                {
                    inSet.Remove(b.Instrs[n]);
                    foreach (var a in OwnedArgs(b.Instrs[n])) inSet.Add(a);
                }
                foreach (var phi in b.Phis) inSet.Remove(phi);
                if (b == f.Entry) foreach (var p in f.Params) inSet.Remove(p);
                if (!outSet.SetEquals(liveOut[b]) || !inSet.SetEquals(liveIn[b])) { liveOut[b] = outSet; liveIn[b] = inSet; changed = true; }
            }
        }
        return (liveIn, liveOut);
    }

    /// <summary>Dropping a generator suspended inside a try runs its finally (it is closed), which CPython does when the
    /// variable holding it goes away, not at its last use: such a generator held by a variable and used in a block is
    /// kept to the block's end (a statement's end, mostly), so its finally runs after the rest of the statement that
    /// used it last. A temporary (an argument made in the call) goes after its use, as in CPython.</summary>
    private static void KeepClosingGeneratorsToBlockEnd(IrFunction f, Dictionary<Block, HashSet<Value>> liveOut)
    {
        static bool Closes(Value v) => v is Instr { Named: true } i && IsOwned(i)
            && i.Type is GeneratorType { Spec.Function: { YieldsInTry: true } or { DelegatesYield: true } };   // (the generator it delegates to may)
        foreach (var b in f.Blocks)
        {
            if (b.Term.Kind is not (TermKind.Jump or TermKind.Branch or TermKind.Return)) continue;
            foreach (var i in b.Instrs)
            {
                if (Closes(i) && i != b.Term.Value) liveOut[b].Add(i);
                foreach (var a in OwnedArgs(i))
                    if (Closes(a) && a != b.Term.Value) liveOut[b].Add(a);
            }
        }
    }

    /// <summary>The owned values a landing's phis take from a protected block.</summary>
    private static IEnumerable<Value> LandingArgs(Block b, Block landing)
    {
        int k = landing.Preds.IndexOf(b);
        return landing.Phis.Where(IsOwned).Select(p => p.Args[k]).Where(a => a is Instr { Op: not Op.Undef } ai && IsOwned(ai));
    }

    private static void PlaceDrops(IrFunction f, Dictionary<Block, HashSet<Value>> liveIn, Dictionary<Block, HashSet<Value>> liveOut)
    {
        // Live out of a block along its normal edges (a protected block's values live only for its handler are
        // dropped where it leaves normally).
        var normalOut = f.Blocks.ToDictionary(b => b, b => b.NormalSuccs.SelectMany(s => liveIn[s]).ToHashSet());
        foreach (var b in f.Blocks.ToList())
        {
            // Live to the end of the block only for its handler, or as the exception it handles: dropped there when
            // it leaves normally (a raise leaves them in their slots, for the landing or the unwind block).
            if (b.Term.Kind is not (TermKind.Jump or TermKind.Branch or TermKind.Return)) continue;
            var endOnly = liveOut[b].Except(normalOut[b]).ToHashSet();
            if (b.Handling is Instr hv && IsOwned(hv) && !normalOut[b].Contains(hv)) endOnly.Add(hv);
            foreach (var v in endOnly.Where(v => v != b.Term.Value).OrderBy(v => v.Id))
                IrEdit.Append(b, RefOp(f, Op.DecRef, v));
        }
        foreach (var b in f.Blocks.ToList())
        {
            var live = new HashSet<Value>(liveOut[b]);
            // The returned value moves to the caller; a raised exception stays in its slot and the unwind block drops it.
            if (b.Term.Value is Instr tv && IsOwned(tv)) live.Add(tv);
            if (b.Handling is Instr hv && IsOwned(hv)) live.Add(hv);
            for (int n = b.Instrs.Count - 1; n >= 0; n--)
            {
                var i = b.Instrs[n];
                // Drops go after the instruction and after the reference it takes to its own result (a tuple
                // takes its items' references before they are dropped).
                int after = n + 1;
                while (after < b.Instrs.Count && b.Instrs[after] is { Op: Op.IncRef } own && own.Args[0] == i) after++;
                foreach (var a in OwnedArgs(i))
                    if (live.Add(a)) IrEdit.InsertAt(b, after, RefOp(f, Op.DecRef, a));
                if (IsOwned(i) && !live.Remove(i)) IrEdit.InsertAt(b, n + 1, RefOp(f, Op.DecRef, i));
            }
            var defsAtStart = b.Phis.Concat(b == f.Entry ? f.Params : Enumerable.Empty<Instr>()).Where(IsOwned);
            foreach (var d in defsAtStart)
                if (!live.Remove(d)) IrEdit.InsertAt(b, 0, RefOp(f, Op.DecRef, d));
        }
        // Values that die on an edge (live out of the branch, not live into this successor), dropped where the edge
        // lands: after splitting critical edges such a successor has this one predecessor.
        foreach (var s in f.Blocks.ToList())
        {
            if (s.Preds.Count != 1) continue;
            foreach (var v in normalOut[s.Preds[0]].Except(liveIn[s]).OrderBy(v => v.Id))
                IrEdit.InsertAt(s, 0, RefOp(f, Op.DecRef, v));
        }
    }
}
