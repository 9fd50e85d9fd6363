using SharpJit.Llvm;

namespace SharpJit.Library;

/// <summary>
/// Which of NumPy 1.24's SIMD loops run on this machine, for the ufuncs whose last bits depend on it (compiled code
/// mirrors the loop NumPy would run): a CPU feature counts when the host has it and NumPy's own switch,
/// NPY_DISABLE_CPU_FEATURES (space- or comma-separated names, read by NumPy when it is imported), does not turn it
/// off. With "AVX512F AVX512_SKX" named there, NumPy and compiled code both give libm's results on an AVX-512 machine.
/// </summary>
public static class NumPyDispatch
{
    private static readonly Lazy<HashSet<string>> Disabled = new(() =>
        (Environment.GetEnvironmentVariable("NPY_DISABLE_CPU_FEATURES") ?? "")
            .Split(new[] { ' ', ',', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name.ToUpperInvariant()).ToHashSet());

    private static bool Runs(string numPyName, params string[] llvmFeatures) =>
        llvmFeatures.All(LlvmTarget.HasHostFeature) && !Disabled.Value.Contains(numPyName);

    /// <summary>AVX512F: complex absolute, float64 exp and log.</summary>
    public static bool Avx512F => Runs("AVX512F", "avx512f");

    /// <summary>AVX512_SKX: the SVML loops (sin, cos, power, arctan2, log10 ...) and tanh's AVX-512 form.</summary>
    public static bool Avx512Skx => Runs("AVX512_SKX", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    /// <summary>AVX2 with FMA3: tanh's SIMD kernel (which every AVX512_SKX CPU has too).</summary>
    public static bool Avx2Fma3 => Runs("AVX2", "avx2", "fma") && !Disabled.Value.Contains("FMA3");

    /// <summary>For cache keys: the loops above that run.</summary>
    public static string Identity => $"numpy-simd:{(Avx512F ? "F" : "")}{(Avx512Skx ? "S" : "")}{(Avx2Fma3 ? "A" : "")}";
}
