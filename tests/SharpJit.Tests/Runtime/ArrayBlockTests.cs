using SharpJit.Runtime;
using Xunit;

namespace SharpJit.Tests.Runtime;

/// <summary>Where the runtime puts an array's data: large data on huge-page boundaries, small data 64-byte aligned.</summary>
public unsafe class ArrayBlockTests
{
    [Theory]
    [InlineData(8L << 20)]          // whole huge pages
    [InlineData(8_000_000L)]        // np.empty(1_000_000): its last huge page is taken whole (it adds less than an eighth)
    [InlineData((4L << 20) + 64)]   // just over the threshold: the tail stays on small pages
    public void LargeDataStartsOnAHugePageBoundaryAndIsUsableToTheEnd(long nbytes)
    {
        long live = RuntimeStats.LiveAllocations;
        var block = RuntimeArrays.Allocate(nbytes);
        Assert.True(block != null);
        var data = RuntimeArrays.DataOf(block);
        Assert.Equal(0, (long)data % (2L << 20));
        data[0] = 1; data[nbytes - 1] = 2;   // both ends are the array's own memory
        Assert.Equal(nbytes, *(long*)(block + 8));
        RuntimeArrays.Release(block);
        Assert.Equal(live, RuntimeStats.LiveAllocations);
    }

    [Fact]
    public void SmallDataIs64ByteAligned()
    {
        var block = RuntimeArrays.Allocate(1000);
        Assert.True(block != null);
        Assert.Equal(0, (long)RuntimeArrays.DataOf(block) % 64);
        RuntimeArrays.Release(block);
    }

    [Fact]
    public void AFreedLargeBlockIsReusedForTheNextArrayOfItsSize()
    {
        var first = RuntimeArrays.Allocate((16L << 20) + 12345);   // a size no other test makes
        RuntimeArrays.Release(first);
        var second = RuntimeArrays.Allocate((16L << 20) + 12345);
        Assert.True(first == second);   // kept by the free-block cache, data still on its huge-page boundary
        Assert.Equal(0, (long)RuntimeArrays.DataOf(second) % (2L << 20));
        RuntimeArrays.Release(second);
    }
}
