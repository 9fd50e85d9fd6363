using SharpJit.Engine;
using SharpJit.Runtime;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>Arrays through the .NET API: .NET arrays go in without a copy (writes are seen), arrays made by compiled
/// code come out owning their memory until disposed, and nothing leaks.</summary>
public class NDArrayTests
{
    private const string Source = """
import numpy as np

def scale(a, k):
    for i in range(a.shape[0]):
        a[i] *= k
    return a.sum()

def grid(n):
    return np.arange(n * n).reshape(n, n) * 2.0

def inner(m):
    return m[1:, 1:]

def total(m):
    return m.sum()
""";

    [Fact]
    public void WritesToAPassedArrayAreSeenInTheDotNetArray()
    {
        var engine = SharpJitEngine.FromSource(Source);
        var data = new double[] { 1, 2, 3 };
        using var a = NDArray.From(data);
        Assert.Equal(new ArrayType(ScalarType.Float64, 1), a.Type);
        Assert.Equal(12.0, engine.Call("scale", a, 2.0));
        Assert.Equal(new double[] { 2, 4, 6 }, data);
    }

    [Fact]
    public void ArraysMadeByCompiledCodeComeOutOwningTheirMemory()
    {
        var engine = SharpJitEngine.FromSource(Source);
        long live = RuntimeStats.LiveAllocations;
        var g = (NDArray)engine.Call("grid", 3L)!;
        Assert.Equal(new long[] { 3, 3 }, g.Shape);
        Assert.Equal(new double[] { 0, 2, 4, 6, 8, 10, 12, 14, 16 }, g.AsSpan<double>().ToArray());
        Assert.Equal(live + 1, RuntimeStats.LiveAllocations);
        g.Dispose();
        Assert.Equal(live, RuntimeStats.LiveAllocations);
    }

    [Fact]
    public void AReturnedViewOfAnArgumentIsCopied()
    {
        var engine = SharpJitEngine.FromSource(Source);
        using var m = NDArray.From(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 3, 3);
        using var v = (NDArray)engine.Call("inner", m)!;
        Assert.Equal(new long[] { 5, 6, 8, 9 }, v.ToArray<long>());
        Assert.Equal(45L, engine.Call("total", m));
    }

    [Fact]
    public void ShapeMustMatchTheData()
    {
        Assert.Throws<ArgumentException>(() => NDArray.From(new double[5], 2, 3));
        Assert.Throws<ArgumentException>(() => NDArray.From(new decimal[2]));
    }

    private const string ParallelSource = """
import numpy as np
import sharpjit

@sharpjit.jit(parallel=True)
def blend(a, b):
    return a * 0.25 + b * 0.75

def blend_serial(a, b):
    return a * 0.25 + b * 0.75

@sharpjit.jit(parallel=True)
def total(a):
    return a.sum()

def total_serial(a):
    return a.sum()
""";

    /// <summary>parallel=True through the .NET API: a whole-array expression of 2**16 elements or more runs in chunks on
    /// the thread pool with the serial loop's result, and a float sum gives the serial (NumPy's) total to the bit.</summary>
    [Fact]
    public void ParallelWholeArrayExpressionsAndSumsMatchTheSerialCode()
    {
        var engine = SharpJitEngine.FromSource(ParallelSource);
        int n = 300_001;
        var x = new double[n]; var y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = Math.Sin(i); y[i] = Math.Cos(i) * 1e3; }
        using var a = NDArray.From(x);
        using var b = NDArray.From(y);
        long live = RuntimeStats.LiveAllocations;
        using (var parallel = (NDArray)engine.Call("blend", a, b)!)
        using (var serial = (NDArray)engine.Call("blend_serial", a, b)!)
            Assert.Equal(serial.ToArray<double>(), parallel.ToArray<double>());
        Assert.Equal(live, RuntimeStats.LiveAllocations);
        Assert.Equal((double)engine.Call("total_serial", b)!, (double)engine.Call("total", b)!);
        var vector = new ArrayType(ScalarType.Float64, 1);
        Assert.Contains("array_chunk", engine.Compile("blend", vector, vector).LlvmIr);
        Assert.DoesNotContain("array_chunk", engine.Compile("blend_serial", vector, vector).LlvmIr);
        Assert.Contains("sj_np_sum_f64_parallel", engine.Compile("total", vector).LlvmIr);
    }
    private const string RowReductionSource = """
import numpy as np

def row_stats(m):
    return m.sum(-1) + m.mean(axis=1) + m.std(axis=1) + m.var(axis=1)
""";

    /// <summary>Reductions over an axis call the runtime's float sum once per row: the helpers must not allocate managed
    /// memory (a closure per call once made every row an allocation: 10,000 rows, ~1 MB a call, and a first call of
    /// the pairwise kernel 17 ms slower from the page faults of the fresh heap).</summary>
    [Fact]
    public void RowReductionsAllocateNoManagedMemoryPerRow()
    {
        var engine = SharpJitEngine.FromSource(RowReductionSource);
        const int rows = 10_000;
        var data = new double[rows * 3];
        for (int i = 0; i < data.Length; i++) data[i] = Math.Sin(i);
        using var m = NDArray.From(data, rows, 3);
        ((NDArray)engine.Call("row_stats", m)!).Dispose();   // compiles
        long before = GC.GetAllocatedBytesForCurrentThread();
        ((NDArray)engine.Call("row_stats", m)!).Dispose();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 << 10, $"a call allocated {allocated} managed bytes");
    }
}
