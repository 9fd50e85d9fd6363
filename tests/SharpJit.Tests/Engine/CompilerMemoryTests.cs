using SharpJit.Engine;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>A compilation after the first starts with a young-generation collection when one is due, so that it reuses
/// the managed pages the last one touched instead of faulting in fresh ones; compilations start that collection on a
/// thread of their own while LLVM runs, so that it is seldom due.</summary>
public class CompilerMemoryTests
{
    [Fact]
    public void ACompilationAfterAnotherCollectsTheYoungGenerationFirst()
    {
        var engine = SharpJitEngine.FromSource("def f(x):\n    return x + 1\n", "memory.py");
        engine.Compile("f", ScalarType.Int64);
        var garbage = new List<byte[]>();
        for (int i = 0; i < 64; i++) garbage.Add(new byte[8192]);   // 512 KiB since the last collection
        garbage.Clear();
        int before = GC.CollectionCount(0);
        engine.Compile("f", ScalarType.Float64);
        Assert.True(GC.CollectionCount(0) > before);
    }

    [Fact]
    public void LittleAllocationSinceTheLastCollectionSkipsIt()
    {
        CompilerMemory.WaitForCollection();   // one an earlier test's compilation started on its own thread
        CompilerMemory.ReuseManagedHeap();
        GC.Collect(0);
        CompilerMemory.ReuseManagedHeap();   // resets its mark after collecting, if it did
        int before = GC.CollectionCount(0);
        CompilerMemory.ReuseManagedHeap();
        Assert.Equal(before, GC.CollectionCount(0));
    }

    private static object[] Garbage() => Enumerable.Range(0, 4096).Select(i => (object)new byte[512]).ToArray();

    [Fact]
    public void CollectsMeanwhileOnAnotherThread()
    {
        GC.KeepAlive(Garbage());   // 2 MB since the last collection: one is due
        int before = GC.CollectionCount(0);
        CompilerMemory.ReuseManagedHeapMeanwhile();
        CompilerMemory.WaitForCollection();
        Assert.True(GC.CollectionCount(0) > before);
        // (The first such collection also collects the middle generation: by now one has run.)
        Assert.True(GC.CollectionCount(1) > 0);
    }

    [Fact]
    public void InAForkedChildCollectsWhereItIs()
    {
        try
        {
            CompilerMemory.InForkedChild = true;
            GC.KeepAlive(Garbage());
            int before = GC.CollectionCount(0);
            CompilerMemory.ReuseManagedHeapMeanwhile();
            Assert.True(GC.CollectionCount(0) > before);   // done before the call returned, with no thread started
        }
        finally { CompilerMemory.InForkedChild = false; }
    }
}
