using SharpJit.IR;
using SharpJit.Syntax;

namespace SharpJit.Typing;

/// <summary>
/// Finds the specialisations that can never raise, so they can use a plain return value instead of the
/// {value, failed} convention (no status checks at their call sites). Conservative: anything not known to be
/// safe may raise; a function may raise if it calls one that may.
/// </summary>
public static class RaiseAnalysis
{
    /// <summary>CPython's default recursion limit: the module frame plus 999 nested calls. A call past it raises
    /// RecursionError by long-jumping to where the cycle was entered.</summary>
    public const int RecursionLimit = 999;

    public static void Run(IEnumerable<Specialization> specs)
    {
        var all = specs.ToList();
        // Each function's callees, found once (walking the IR for them is most of this analysis's work).
        var calls = all.ToDictionary(s => s, s => Calls(s).Distinct().ToArray());
        Specialization[] CallsOf(Specialization s) => calls.TryGetValue(s, out var c) ? c : calls[s] = Calls(s).Distinct().ToArray();
        IEnumerable<Specialization> FrameCalls(Specialization s) => CallsOf(s).Where(t => !t.Function.IsGenerator);
        foreach (var s in all) s.Recursive = InCycle(s, FrameCalls);
        // The long jump of the recursion guard skips frames: only safe when no recursive function owns references.
        // So is a recursive function with a try: its handlers must see RecursionError where it is raised.
        bool unwind = all.Any(s => s.Recursive && (s.OwnsReferences || s.Ir.Blocks.Any(b => b.Handler != null)));
        foreach (var s in all) s.RecursionUnwinds = unwind && s.Recursive;
        FindFramePositions(all, FrameCalls);
        // A call into a recursion cycle from outside it may come back with RecursionError.
        foreach (var s in all) s.CanRaise = all.Count > 0 && (LocallyMayRaise(s) || s.RecursionUnwinds || CallsOf(s).Any(t => t.Recursive && !s.Recursive));
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var s in all)
            {
                if (s.CanRaise) continue;
                if (CallsOf(s).Any(t => t.CanRaise)) { s.CanRaise = true; changed = true; }
            }
        }
    }

    /// <summary>Specialization.FramePosition: the module body is frame 1; a function outside every cycle whose callers
    /// (outside cycles too) all sit at one known position p is at p + 1 (library code adds no frame).</summary>
    private static void FindFramePositions(List<Specialization> all, Func<Specialization, IEnumerable<Specialization>> frameCalls)
    {
        var callers = all.ToDictionary(s => s, _ => new List<Specialization>());
        foreach (var s in all)
            foreach (var t in frameCalls(s))
                if (callers.TryGetValue(t, out var list)) list.Add(s);
        foreach (var s in all) s.FramePosition = s.Function.IsModule ? 1 : 0;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var s in all)
            {
                if (s.FramePosition != 0 || s.Recursive) continue;
                var cs = callers[s];
                if (cs.Count == 0 || cs.Any(c => c.Recursive || c.FramePosition != cs[0].FramePosition) || cs[0].FramePosition == 0) continue;
                s.FramePosition = cs[0].FramePosition + (s.Function.Module.IsLibrary ? 0 : 1);
                changed = true;
            }
        }
    }

    /// <summary>True when s can reach itself through calls.</summary>
    /// <summary>True when s can reach itself through frameCalls: the calls that run a callee's body in a frame above
    /// the caller's (calling a generator function only makes its generator, whose body runs when it is resumed,
    /// wherever that is, so a recursive generator is no cycle).</summary>
    private static bool InCycle(Specialization s, Func<Specialization, IEnumerable<Specialization>> frameCalls)
    {
        var seen = new HashSet<Specialization>();
        var stack = new Stack<Specialization>(frameCalls(s));
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (t == s) return true;
            if (seen.Add(t)) foreach (var u in frameCalls(t)) stack.Push(u);
        }
        return false;
    }

    /// <summary>The compiled functions s calls: its calls' targets and what library lowerings call for it.</summary>
    private static IEnumerable<Specialization> Calls(Specialization s) =>
        s.Ir.Blocks.SelectMany(b => b.Instrs).SelectMany(i => i.Resolved switch
        {
            ResolvedUserCall c => new[] { c.Target },
            ResolvedLibraryCall l => l.Callees.Concat(i.Args.SelectMany(a => FormatMethods(a.Type))),
            _ when i.Op == Op.FormatValue => FormatMethods(i.Args[0].Type),
            _ => Array.Empty<Specialization>(),
        });

    /// <summary>The __str__/__repr__ methods that writing a value of this type may call (a library call or an
    /// f-string taking an instance, or a container of them, prints it through them).</summary>
    public static IEnumerable<Specialization> FormatMethods(SjType t) => t switch
    {
        InstanceType it => it.Layout.FormatMethods.Values,
        TupleType tt => tt.Items.SelectMany(FormatMethods),
        ListType lt => FormatMethods(lt.Element),
        SetType st => FormatMethods(st.Key),
        DictType dt => FormatMethods(dt.Key).Concat(FormatMethods(dt.Value)),
        OptionalType o => FormatMethods(o.Inner),
        _ => Array.Empty<Specialization>(),
    };

    private static bool LocallyMayRaise(Specialization s)
    {
        if (s.Function.IsGenerator) return true;   // its resume function reports the exceptions of the body it runs
        foreach (var b in s.Ir.Blocks)
        {
            if (b.Term.Kind is TermKind.Raise or TermKind.Reraise) return true;
            foreach (var i in b.Instrs)
                if (InstrMayRaise(i)) return true;
        }
        return false;
    }

    /// <summary>Whether an instruction may raise: operators, attributes and library calls ask their registry entry
    /// (with the signature they were typed with); a compiled callee is decided by its own analysis.</summary>
    private static bool InstrMayRaise(Instr i) => i.Op switch
    {
        Op.GetItem when i.Resolved is not ResolvedLibraryCall => i.Resolved is not (ResolvedIndex or ResolvedTupleSlice),
        Op.FormatValue => i.FormatShape.HasSpec,
        Op.CheckBound => true,
        Op.ExcCause or Op.Narrow or Op.Yield => false,
        Op.Resumed or Op.Delegate => true,   // an exception thrown in (throw(), close()) is raised there
        Op.DelegateResult => false,
        Op.IterValid => GeneratorType.Resumes(i.Args[0].Type),   // resumes the generator
        Op.Unwrap => true,
        _ => i.Resolved switch
        {
            ResolvedLibraryCall lc => lc.Function.MayRaise(lc.Signature),   // its callees: through Calls
            ResolvedField f => f.Checked && i.Op == Op.Attr,
            ResolvedNewInstance or ResolvedUserCall { Constructs: not null } => true,   // MemoryError
            null or ResolvedUserCall or ResolvedException or ResolvedConstant or ResolvedParam or ExceptClauseClasses or ResolvedNamedTuple or ResolvedIndex or ResolvedTupleSlice => false,
            _ => true,
        },
    };
}
