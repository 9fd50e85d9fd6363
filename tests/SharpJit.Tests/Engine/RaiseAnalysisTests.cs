using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Runtime;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>Functions that cannot raise return a plain value (no status flag, no checks at call sites).</summary>
public class RaiseAnalysisTests
{
    private const string Source = """
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        def by_constants(n):
            return n // 2 + (n << 3) % 7 + n ** 2
        def by_variable(n):
            return 10 // n
        def calls_risky(n):
            return by_variable(n) + 1
        print(fib(10), by_constants(5), calls_risky(3))
        """;

    [Theory]
    [InlineData("fib", "i64")]
    [InlineData("by_constants", "i64")]
    [InlineData("by_variable", "{ i64, i1 }")]
    [InlineData("calls_risky", "{ i64, i1 }")]
    public void ReturnConventionFollowsWhetherTheFunctionCanRaise(string function, string returnType)
    {
        var ir = Dumper.Dump(new SourceText("raise.py", Source), "llvm");
        Assert.Matches($@"define internal {System.Text.RegularExpressions.Regex.Escape(returnType)} @sj\d+_{function}_0\(", ir);
    }

    private const string Deep = """
        def deep(n):
            if n == 0:
                return 0
            return deep(n - 1) + 1
        def two_sites(n):
            if n == 0:
                return 0
            if n % 2 == 0:
                return two_sites(n - 1) + 1
            return two_sites(n - 1) + 2
        """;

    [Theory]
    [InlineData("deep", 4, 1)]        // one call site in the cycle: nothing recorded per call, the site repeated
    [InlineData("two_sites", 10, 2)]
    public void ARecursionErrorThroughTheEntryShowsEveryFrame(string function, int line, int sites)
    {
        var f = SharpJitEngine.FromSource(Deep, "deep.py").Compile(function, SharpJit.Typing.ScalarType.Int64);
        Assert.Equal(sites > 1, f.LlvmIr.Contains("store ptr @.site"));
        Assert.Equal(sites == 1 ? 200L : 300L, f.Invoke(200L));
        var e = Assert.Throws<PythonException>(() => f.Invoke(5000L));
        Assert.Equal("RecursionError: maximum recursion depth exceeded", e.LastLine);
        // CPython's limit of 1000 frames: one per level, at the line of the recursive call it made.
        var frames = e.Frames.Where(fr => fr.Function == function).ToList();
        Assert.True(frames.Count >= 990, $"{frames.Count} frames");
        Assert.True(frames.Count(fr => fr.Line == line) >= 990 / sites - 1);
        Assert.All(frames, fr => Assert.True(fr.Line >= 2 && fr.Line <= 11, $"line {fr.Line}"));
    }
}
