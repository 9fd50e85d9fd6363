using SharpJit.Engine;
using SharpJit.Runtime;
using Xunit;

namespace SharpJit.Tests.Passes;

/// <summary>Reference counting inserted by Passes.Ownership: what compiled code allocates is freed, on every path,
/// also when an exception unwinds through frames that own strings. The runtime's live-allocation count is the witness.</summary>
public class OwnershipTests
{
    private const string Source = """
        def fail_mid_loop(n, at):
            total = 0
            for i in range(n):
                t = f"item {i}"
                u = t + "!"
                total += len(u)
                if i == at:
                    raise ValueError(f"failed at {u}")
            return total

        def inner(k):
            s = str(k) + "-inner"
            if k > 2:
                raise IndexError(s)
            return len(s)

        def outer(n):
            keep = f"outer {n}"
            pair = (keep, str(n))
            return inner(n) + len(pair[0]) + len(keep)

        def deep(n):
            s = f"level {n}"
            if n < 0:
                return 0
            return deep(n + 1) + len(s)

        def text(n):
            s = ""
            for i in range(n):
                s = s + str(i)
            return s

        def churn(n):
            total = 0
            for i in range(n):
                s = f"value {i} and {i * 0.5}"
                total += len(s)
            return total
        """;

    private static readonly SharpJitEngine Engine = SharpJitEngine.FromSource(Source, "ownership.py");

    private static void NoLeak(Action run)
    {
        long before = RuntimeStats.LiveAllocations;
        run();
        Assert.Equal(before, RuntimeStats.LiveAllocations);
    }

    [Fact]
    public void RaisingMidLoopFreesWhatTheFrameOwns() => NoLeak(() =>
    {
        Assert.Equal(35L, Engine.Call("fail_mid_loop", 5L, -1L));
        var e = Assert.Throws<PythonException>(() => Engine.Call("fail_mid_loop", 10L, 6L));
        Assert.Equal(("ValueError", "failed at item 6!"), (e.TypeName, e.PyMessage));
    });

    [Fact]
    public void ExceptionsUnwindThroughCallersThatOwnStrings() => NoLeak(() =>
    {
        Assert.Equal(7L + 7 + 7, Engine.Call("outer", 1L));
        var e = Assert.Throws<PythonException>(() => Engine.Call("outer", 3L));
        Assert.Equal(("IndexError", "3-inner"), (e.TypeName, e.PyMessage));
    });

    [Fact]
    public void RecursionErrorUnwindsEveryFrameOfACycleThatOwnsStrings() => NoLeak(() =>
    {
        var e = Assert.Throws<PythonException>(() => Engine.Call("deep", 0L));
        Assert.Equal("RecursionError", e.TypeName);
    });

    [Fact]
    public void ReturnedStringsBelongToTheHost() => NoLeak(() =>
    {
        Assert.Equal("0123456789", Engine.Call("text", 10L));
        Assert.Equal("", Engine.Call("text", 0L));
    });

    [Fact]
    public void MemoryStaysFlatOverTenMillionFStrings() => NoLeak(() =>
    {
        Engine.Call("churn", 100_000L);
        long rssBefore = Rss();
        Assert.Equal(266666670L, Engine.Call("churn", 10_000_000L));
        long growth = Rss() - rssBefore;
        // Unfreed, the strings alone would take over 400 MB.
        Assert.True(growth < 32L << 20, $"resident memory grew by {growth >> 20} MB");
    });

    private static long Rss() => long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1]) * Environment.SystemPageSize;
}
