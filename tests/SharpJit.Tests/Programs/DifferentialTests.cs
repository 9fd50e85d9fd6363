using SharpJit.Diagnostics;
using Xunit;

namespace SharpJit.Tests.Programs;

/// <summary>Each program in tests/programs and examples/ runs under CPython and under sharpjit: stdout, exit status
/// and the last stderr line must match exactly, and for error_* programs the whole traceback.</summary>
public class DifferentialTests
{
    public static IEnumerable<object[]> ProgramFiles => Corpus.Files("tests/programs");
    public static IEnumerable<object[]> ExampleFiles => Corpus.Files("examples");
    public static IEnumerable<object[]> ArrayFiles => Corpus.Files("tests/arrays");

    [Theory]
    [MemberData(nameof(ProgramFiles))]
    public void ProgramMatchesCPython(string name) => Compare(Corpus.PathOf("tests", "programs", name));

    [Theory]
    [MemberData(nameof(ArrayFiles))]
    public void ArrayProgramMatchesCPython(string name) => Compare(Corpus.PathOf("tests", "arrays", name));

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void ExampleMatchesCPython(string name) => Compare(Corpus.PathOf("examples", name));

    private static void Compare(string path)
    {
        var expected = Corpus.ReferenceRun(path);
        Corpus.Outcome actual;
        long liveBefore = SharpJit.Runtime.RuntimeStats.LiveAllocations;
        try { actual = Corpus.RunSharpJit(path); }
        catch (CompileError e) { throw new Xunit.Sdk.XunitException("compile error:\n" + e.Diagnostic.Render()); }
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        if (expected.ExitCode != 0) Assert.Equal(expected.LastStderrLine, actual.LastStderrLine);
        // Everything the program allocated was freed, also when it ended in an exception.
        Assert.Equal(liveBefore, SharpJit.Runtime.RuntimeStats.LiveAllocations);
        // Programs that end in an exception: the whole traceback (frames, lines, source text), not only its last line.
        if (Path.GetFileName(path).StartsWith("error_", StringComparison.Ordinal) && !LastLineOnly.ContainsKey(Path.GetFileName(path)))
            Assert.Equal(Corpus.WithoutCarets(expected.Stderr), Corpus.WithoutCarets(actual.Stderr));
    }

    /// <summary>Known differences in the frames of a traceback (the last line still must match).</summary>
    private static readonly Dictionary<string, string> LastLineOnly = new()
    {
        // NumPy raises this one from its own Python code (numpy/core/_methods.py), which adds a frame; compiled
        // reductions have no Python frames, as NumPy's C reductions have none.
        ["error_empty_max.py"] = "NumPy's _methods.py frame",
        ["error_dot.py"] = "NumPy's <__array_function__ internals> frame",
        // Routines NumPy writes in Python (and sharpjit in Library/py/numpy.py, whose frames are not shown): CPython's
        // traceback has NumPy's own frames (shape_base.py, fromnumeric.py, function_base.py, twodim_base.py, internals).
        ["error_lib_concatenate.py"] = "NumPy's <__array_function__ internals> frame",
        ["error_lib_diag.py"] = "NumPy's twodim_base.py frames",
        ["error_lib_interp.py"] = "NumPy's function_base.py frames",
        ["error_lib_repeat.py"] = "NumPy's fromnumeric.py frames",
        ["error_lib_search.py"] = "NumPy's fromnumeric.py frames",
        ["error_lib_stack.py"] = "NumPy's shape_base.py frames",
        ["error_lib_vstack.py"] = "NumPy's shape_base.py frames",
        ["error_dot_matrices.py"] = "NumPy's <__array_function__ internals> frame",
        ["error_concatenate_shape_mismatch.py"] = "NumPy's <__array_function__ internals> frame",
        ["error_empty_max_axis.py"] = "NumPy's _methods.py frame",
        ["error_empty_min.py"] = "NumPy's _methods.py frame",
        // Routines NumPy writes in Python (function_base.py, histograms.py, numeric.py, nanfunctions.py) add their
        // frames; sharpjit's library versions are compiled into the caller's frame.
        ["error_linspace_negative.py"] = "NumPy's function_base.py frames",
        ["error_linspace_negative_num.py"] = "NumPy's function_base.py frames",
        ["error_histogram_nonfinite.py"] = "NumPy's histograms.py frames",
        ["error_average_weights_shape.py"] = "NumPy's function_base.py frames",
        ["error_trace_1d.py"] = "NumPy's fromnumeric.py frames",
        ["error_histogram_bins.py"] = "NumPy's histograms.py frames",
        ["error_histogram_range.py"] = "NumPy's histograms.py frames",
        ["error_average_zero_weights.py"] = "NumPy's function_base.py frames",
        ["error_convolve_empty.py"] = "NumPy's numeric.py frames",
        ["error_convolve_empty_first.py"] = "NumPy's numeric.py frames",
        ["error_nanmax_empty.py"] = "NumPy's nanfunctions.py frames",
        ["error_dot_stacks.py"] = "NumPy's <__array_function__ internals> frame",
        ["error_concatenate_nd.py"] = "NumPy's <__array_function__ internals> frame",
        ["error_repeat_counts_shape.py"] = "NumPy's fromnumeric.py frames",
        ["error_repeat_counts_negative.py"] = "NumPy's fromnumeric.py frames",
        // np.linalg is Python in NumPy (linalg.py frames); sharpjit's is compiled into the caller's frame.
        ["error_linalg_1d.py"] = "NumPy's linalg.py frames",
        ["error_linalg_not_square.py"] = "NumPy's linalg.py frames",
        ["error_linalg_singular.py"] = "NumPy's linalg.py frames",
        ["error_linalg_solve_singular.py"] = "NumPy's linalg.py frames",
        ["error_linalg_solve_shape.py"] = "NumPy's linalg.py frames",
        ["error_linalg_cholesky.py"] = "NumPy's linalg.py frames",
    };
}

/// <summary>Int64 wrap-around, where sharpjit differs from CPython by design (as Numba): checked against .expected files.</summary>
public class WraparoundTests
{
    public static IEnumerable<object[]> WrapFiles => Corpus.Files("tests/wraparound")
        .Where(f => File.Exists(Corpus.PathOf("tests", "wraparound", Path.ChangeExtension((string)f[0], ".expected"))));

    [Theory]
    [MemberData(nameof(WrapFiles))]
    public void WrapsLikeInt64(string name)
    {
        var path = Corpus.PathOf("tests", "wraparound", name);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected"));
        var actual = Corpus.RunSharpJit(path);
        Assert.Equal(0, actual.ExitCode);
        Assert.Equal(expected, actual.Stdout);
    }
}
