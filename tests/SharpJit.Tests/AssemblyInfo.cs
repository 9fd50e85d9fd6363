// Compiled print() writes to one process-wide sink, so test classes must not run concurrently.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

namespace SharpJit.Tests
{
    internal static class TestSetup
    {
        /// <summary>Every compilation in the tests verifies its IR after each pass.</summary>
        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void VerifyIrAfterEveryPass() => SharpJit.IR.Verifier.Enabled = true;
    }
}
