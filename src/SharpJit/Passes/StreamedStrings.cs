using SharpJit.IR;
using SharpJit.Typing;

namespace SharpJit.Passes;

/// <summary>
/// Marks the f-strings (and their parts) whose only uses write them somewhere: print's arguments, exception messages,
/// parts of another f-string. Those are streamed to the sink when lowered and never built as str values, so they
/// allocate nothing and own nothing.
/// </summary>
public static class StreamedStrings
{
    public static void Run(IrFunction f)
    {
        var uses = IrEdit.Uses(f);
        var used = IrEdit.TerminatorUses(f);
        foreach (var b in f.Blocks)
            foreach (var i in b.Instrs)
            {
                if (i.Op is not (Op.JoinStr or Op.FormatValue) || used.Contains(i)) continue;
                if (uses.TryGetValue(i, out var us) && us.All(IsStreamingUse)) i.Streamed = true;
            }
    }

    private static bool IsStreamingUse(Instr u) =>
        u.Op == Op.JoinStr ||
        u.Op == Op.Call && u.Resolved is ResolvedLibraryCall { Function.Name: "print" } ||
        u.Op == Op.Call && u.Resolved is ResolvedException;
}
