using SharpJit.Engine;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>A compilation after the first starts with a young-generation collection, so that it reuses the managed
/// pages the last one touched instead of faulting in fresh ones.</summary>
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
        CompilerMemory.ReuseManagedHeap();
        GC.Collect(0);
        CompilerMemory.ReuseManagedHeap();   // resets its mark after collecting, if it did
        int before = GC.CollectionCount(0);
        CompilerMemory.ReuseManagedHeap();
        Assert.Equal(before, GC.CollectionCount(0));
    }
}
