// Compiled print() writes to one process-wide sink, so test classes must not run concurrently.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

namespace SharpJit.Tests
{
    internal static class TestSetup
    {
        /// <summary>Every compilation in the tests verifies its IR after each pass.</summary>
        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void VerifyIrAfterEveryPass() => SharpJit.IR.Verifier.Enabled = true;

        /// <summary>NumPy's loops without AVX-512, for the reference NumPy that Corpus.RunCPython runs and for compiled
        /// code here, which mirrors the loops NumPy runs (Library.NumPyDispatch): on an AVX-512 machine NumPy 1.24's
        /// transcendental loops are SVML's, a few ulps from libm, and compiled code calls libmvec there
        /// (tests/python/test_vector_math.py compares the two); without it both give libm's bits.</summary>
        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void NumPyWithoutAvx512()
        {
            try { System.Environment.SetEnvironmentVariable("NPY_DISABLE_CPU_FEATURES", Programs.Corpus.NumPyDispatchedFeatures("AVX512")); }
            catch (System.ComponentModel.Win32Exception) { }   // no Python: the tests that need one report as skipped
        }
    }
}
