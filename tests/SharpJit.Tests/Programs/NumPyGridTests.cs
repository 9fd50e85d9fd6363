using System.Diagnostics;
using Xunit;

namespace SharpJit.Tests.Programs;

/// <summary>
/// The programs in tests/numpy_grid apply numpy's scalar functions to grids of special and ordinary values; their
/// output must match CPython's bit for bit when NumPy runs its portable loops. NumPy's SIMD loops (AVX2/AVX-512, with
/// Intel's SVML) are switched off for the reference because they differ from libm in the last bit on some inputs.
/// Except tanh and abs: sharpjit ports NumPy's SIMD tanh (fuzz-4) and, where the CPU has AVX-512F, its complex abs
/// (larger * sqrt(1 + r*r), not hypot), so their lines are compared with NumPy as it runs here.
/// </summary>
public class NumPyGridTests
{
    public static IEnumerable<object[]> GridFiles => Corpus.Files("tests/numpy_grid");

    private static readonly Lazy<Dictionary<string, string>> PortableLoops = new(() =>
        new Dictionary<string, string> { ["NPY_DISABLE_CPU_FEATURES"] = Corpus.NumPyDispatchedFeatures("AVX2", "FMA3", "AVX512") });

    [Theory]
    [MemberData(nameof(GridFiles))]
    public void MatchesNumPysPortableLoops(string name)
    {
        var path = Corpus.PathOf("tests", "numpy_grid", name);
        var expected = Corpus.RunCPython(path, PortableLoops.Value);
        Assert.True(expected.ExitCode == 0, $"CPython failed: {expected.LastStderrLine}");
        var actual = Corpus.RunSharpJit(path);
        Assert.Equal(0, actual.ExitCode);
        // Report the first differing line: the outputs have many thousands.
        var want = expected.Stdout.Split('\n');
        var got = actual.Stdout.Split('\n');
        static bool Ported(string line) => line.StartsWith("tanh ") || line.StartsWith("abs ") || line.StartsWith("absolute ");
        if (want.Any(Ported))
        {
            var simd = Corpus.RunCPython(path).Stdout.Split('\n');
            Assert.Equal(want.Length, simd.Length);
            for (int k = 0; k < want.Length; k++)
                if (Ported(want[k])) want[k] = simd[k];
        }
        for (int k = 0; k < Math.Min(want.Length, got.Length); k++)
            Assert.True(want[k] == got[k], $"line {k + 1}: NumPy printed\n  {want[k]}\nbut sharpjit printed\n  {got[k]}");
        Assert.Equal(want.Length, got.Length);
    }
}
