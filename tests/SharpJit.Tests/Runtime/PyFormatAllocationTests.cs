using System;
using System.Diagnostics;
using SharpJit.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace SharpJit.Tests.Runtime;

/// <summary>The common formatting paths must allocate only their result string.</summary>
public class PyFormatAllocationTests
{
    private readonly ITestOutputHelper _out;

    public PyFormatAllocationTests(ITestOutputHelper output) => _out = output;

    private long BytesPerCall(string name, Func<int, string> f, int n = 20000)
    {
        long sink = 0;
        for (int i = 0; i < 2000; i++) sink += f(i).Length; // warm up (JIT, caches)
        var sw = Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < n; i++) sink += f(i).Length;
        long after = GC.GetAllocatedBytesForCurrentThread();
        sw.Stop();
        long perCall = (after - before) / n;
        _out.WriteLine($"{name}: {perCall} bytes/call, {sw.Elapsed.TotalMilliseconds * 1e6 / n:F0} ns/call (sink {sink})");
        return perCall;
    }

    [Fact]
    public void HotPaths_AllocateOnlyTheResult()
    {
        // baselines for comparison (informational)
        BytesPerCall("baseline double.ToString(R)", i => (i * 0.1 + 1e-3).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        BytesPerCall("baseline double.ToString(F2)", i => (i * 0.37).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
        // a result string of <= 24 chars is at most 22 + 2*24 = 70 bytes (+ padding)
        Assert.True(BytesPerCall("ReprFloat", i => PyFormat.ReprFloat(i * 0.1 + 1e-3)) <= 80);
        Assert.True(BytesPerCall("ReprFloat(int-valued)", i => PyFormat.ReprFloat(i)) <= 80);
        Assert.True(BytesPerCall("ReprComplex", i => PyFormat.ReprComplex(i * 0.5, -i * 0.25)) <= 96);
        Assert.True(BytesPerCall("FormatFloat .2f", i => PyFormat.FormatFloat(i * 0.37, ".2f")) <= 80);
        Assert.True(BytesPerCall("FormatFloat 10.3e", i => PyFormat.FormatFloat(i * 0.37, "10.3e")) <= 80);
        Assert.True(BytesPerCall("FormatInt ,", i => PyFormat.FormatInt(i * 12345L, ",")) <= 80);
        Assert.True(BytesPerCall("FormatInt 08x", i => PyFormat.FormatInt(i, "08x")) <= 80);
    }
}
