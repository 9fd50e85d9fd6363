using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Runtime;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>Small functions of the library written in Python are typed once per process (TypedLibraryCache) and
/// emitted inside their callers (ModuleEmitter.Inlines).</summary>
public class LibraryReuseTests
{
    private const string Source = """
        import numpy as np
        def scalars(x, i):
            q, r = divmod(i, 7)
            return min(x, 1.5, r) + max(q, r) + sum((x, 1.0, 2.0)) + np.sign(x) + np.logaddexp(x, 0.5)
        def listed(n):
            return sum([i * 2 for i in range(n)])
        def divides(a, b):
            return divmod(a, b)
        """;

    private static double Expected(double x, long i)
    {
        long q = Math.DivRem(i, 7, out long r);
        if (r < 0) { r += 7; q -= 1; }
        double logaddexp = x == 0.5 ? x + Math.Log(2) : Math.Max(x, 0.5) + Math.Log(1 + Math.Exp(-Math.Abs(x - 0.5)));
        return Math.Min(Math.Min(x, 1.5), r) + Math.Max(q, r) + (x + 1.0 + 2.0) + Math.Sign(x) + logaddexp;
    }

    [Fact]
    public void SmallLibraryFunctionsAreEmittedInsideTheirCaller()
    {
        var f = SharpJitEngine.FromSource(Source, "reuse.py").Compile("scalars", ScalarType.Float64, ScalarType.Int64);
        // One LLVM function: no definition of, and no call to, min, max, sum, divmod, sign or logaddexp.
        Assert.DoesNotMatch(@"@sj\d+_(min|max|sum|divmod|sign|logaddexp)_\d+\(", f.LlvmIr);
        foreach (var (x, i) in new[] { (-3.25, 17L), (0.5, -9L), (2.0, 0L), (0.0, 6L) })
            Assert.Equal(Expected(x, i), (double)f.Invoke(x, i)!, 12);
    }

    [Fact]
    public void AnExceptionRaisedInsideAnInlinedFunctionLeavesThroughTheCaller()
    {
        var f = SharpJitEngine.FromSource(Source, "reuse.py").Compile("divides", ScalarType.Int64, ScalarType.Int64);
        Assert.DoesNotContain("divmod_", f.LlvmIr);
        var e = Assert.Throws<PythonException>(() => f.Invoke(7L, 0L));
        Assert.Equal("ZeroDivisionError: integer division or modulo by zero", e.LastLine);
        Assert.Contains(e.Frames, frame => frame.Function == "divides" && frame.Line == 8);
        Assert.Equal(new object[] { -4L, 1L }, (object[])f.Invoke(-7L, 2L)!);
    }

    [Fact]
    public void ATypedLibraryFunctionIsReusedByLaterCompilations()
    {
        SharpJitEngine.FromSource(Source, "first.py").Compile("scalars", ScalarType.Float64, ScalarType.Int64);
        Assert.True(TypedLibraryCache.Count > 0);
        var again = SharpJitEngine.FromSource(Source, "second.py").Compile("scalars", ScalarType.Float64, ScalarType.Int64);
        var library = again.Types.Specializations.Where(s => s.Function.Module.IsLibrary).ToList();
        Assert.Contains(library, s => s.Function.Name == "min" && s.Reused);
        Assert.Contains(library, s => s.Function.Name == "divmod" && s.Reused);
        Assert.Equal(Expected(1.25, 30), (double)again.Invoke(1.25, 30L)!, 12);
    }

    [Fact]
    public void ALibraryFunctionOfAListIsTypedInEachCompilation()
    {
        // A list's element type belongs to the whole program being typed: such a specialisation is never kept.
        for (int k = 0; k < 2; k++)
        {
            var f = SharpJitEngine.FromSource(Source, $"list{k}.py").Compile("listed", ScalarType.Int64);
            Assert.DoesNotContain(f.Types.Specializations, s => s.Function.Module.IsLibrary && s.Reused);
            Assert.Equal(90L, f.Invoke(10L));
        }
    }

    [Fact]
    public void CompilationsOnSeveralThreadsShareTheKeptFunctions()
    {
        var types = new[] { (ScalarType.Float64, ScalarType.Int64), (ScalarType.Float32, ScalarType.Int64), (ScalarType.Float64, ScalarType.Int32) };
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 12, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var (x, i) = types[k % types.Length];
            var f = SharpJitEngine.FromSource(Source, $"thread{k}.py").Compile("scalars", x, i);
            object xv = x == ScalarType.Float32 ? (object)1.75f : 1.75;
            object iv = i == ScalarType.Int32 ? (object)23 : 23L;
            double got = Convert.ToDouble(f.Invoke(xv, iv));
            if (Math.Abs(got - Expected(1.75, 23)) > 1e-5) failures.Add($"{x}, {i}: {got}");
        });
        Assert.Empty(failures);
    }
}
