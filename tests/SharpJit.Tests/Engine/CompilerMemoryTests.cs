using SharpJit.Engine;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>Compilations collect the young generation on a thread of their own while LLVM runs (CompilerMemory).</summary>
public class CompilerMemoryTests
{
    private static object[] Garbage() => Enumerable.Range(0, 4096).Select(i => (object)new byte[512]).ToArray();

    [Fact]
    public void CollectsMeanwhileOnAnotherThread()
    {
        GC.KeepAlive(Garbage());   // 2 MB since the last collection: one is due
        int before = GC.CollectionCount(0);
        CompilerMemory.ReuseManagedHeapMeanwhile();
        CompilerMemory.WaitForCollection();
        Assert.True(GC.CollectionCount(0) > before);
        // The first collection also moved what it kept on to the oldest generation.
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
