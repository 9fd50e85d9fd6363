using SharpJit.Diagnostics;
using SharpJit.Engine;
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
}
