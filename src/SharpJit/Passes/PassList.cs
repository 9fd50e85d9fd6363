using SharpJit.IR;
using SharpJit.Typing;

namespace SharpJit.Passes;

/// <summary>
/// The passes that run on typed IR after inference, in order, each named so `sharpjit dump --stage=NAME` prints the
/// IR after it. With <see cref="Verifier.Enabled"/> (the test suites turn it on) the IR is verified after every pass.
/// </summary>
public static class PassList
{
    public sealed record Pass(string Name, string Description, Action<TypeInference> Run);

    public static readonly IReadOnlyList<Pass> Passes = new Pass[]
    {
        new("identity-narrows", "drop `x is not None` narrowings of values that cannot be None", ti => Each(ti, s => IdentityNarrows.Run(s.Ir))),
        new("array-fusion", "fuse trees of element-wise array operations into one loop", ti => Each(ti, s => ArrayFusion.Run(s.Ir))),
        new("streamed-strings", "mark f-strings that are only written, never built", ti => Each(ti, s => StreamedStrings.Run(s.Ir))),
        new("ownership", "reference counting for values that hold references", ti => Each(ti, s => s.OwnsReferences = Ownership.Run(s.Ir))),
        new("raise-analysis", "which functions can raise; recursion cycles", ti => RaiseAnalysis.Run(ti.Specializations)),
    };

    /// <summary>The name of inference's own stage, before any pass.</summary>
    public const string Inference = "typed";

    public static IEnumerable<string> Names => Passes.Select(p => p.Name);

    /// <summary>Runs the passes in order, stopping after <paramref name="stopAfter"/> when given.</summary>
    public static void Run(TypeInference ti, string? stopAfter = null)
    {
        if (Verifier.Enabled) VerifyAll(ti, Inference);
        if (stopAfter == Inference) return;
        foreach (var pass in Passes)
        {
            pass.Run(ti);
            if (Verifier.Enabled) VerifyAll(ti, pass.Name);
            if (pass.Name == stopAfter) return;
        }
    }

    /// <summary>Runs a per-function pass on each specialisation, except those kept from an earlier compilation, which
    /// went through every pass then.</summary>
    private static void Each(TypeInference ti, Action<Specialization> run) { foreach (var s in ti.Specializations) if (!s.Reused) run(s); }

    private static void VerifyAll(TypeInference ti, string pass)
    {
        foreach (var s in ti.Specializations) Verifier.Verify(s.Ir, pass, typed: true);
    }
}
