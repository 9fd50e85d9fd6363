using System.Runtime.InteropServices;
using SharpJit.Runtime;
using Xunit;

namespace SharpJit.Tests.Runtime;

/// <summary>Where the runtime puts an array's data: large data on huge-page boundaries, small data 64-byte aligned.</summary>
public unsafe partial class ArrayBlockTests
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
    public void SmallDataIs64ByteAlignedAndUsableToTheEnd()
    {
        // Small blocks come from malloc (16-byte aligned) and are aligned up inside it: many sizes, all alive at once,
        // so that malloc hands out addresses at every 16-byte offset.
        long live = RuntimeStats.LiveAllocations;
        var blocks = new List<nint>();
        foreach (long nbytes in new long[] { 0, 1, 8, 15, 16, 24, 40, 48, 56, 100, 1000, 4096, 65535, 65536, 100_000, 1 << 20 })
            for (int k = 0; k < 8; k++)
            {
                var block = RuntimeArrays.Allocate(nbytes);
                Assert.True(block != null);
                var data = RuntimeArrays.DataOf(block);
                Assert.Equal(0, (long)data % 64);
                if (nbytes > 0) { data[0] = 1; data[nbytes - 1] = 2; }   // both ends are the array's own memory
                blocks.Add((nint)block);
            }
        foreach (var b in blocks) RuntimeArrays.Release((byte*)b);
        Assert.Equal(live, RuntimeStats.LiveAllocations);
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

    // Sizes above glibc's largest mmap threshold (32 MiB), so that the memory is fresh from the kernel, and unusual
    // enough that the free-block cache holds no block of their size class.
    [Fact]
    public void NewBlocksUpTo64MiBAreMappedBeforeTheirFirstWrite()
    {
        if (!PopulateSupported()) return;   // Linux before 5.14: the advice is refused and pages fault in as written
        long nbytes = (40L << 20) + 4321;
        var block = RuntimeArrays.Allocate(nbytes);
        Assert.True(block != null);
        Assert.Equal(1.0, ResidentFraction(RuntimeArrays.DataOf(block), nbytes));
        RuntimeArrays.Release(block);
    }

    [Fact]
    public void LargerBlocksFaultInOnlyAsTheyAreWritten()
    {
        if (!OperatingSystem.IsLinux()) return;
        long nbytes = (96L << 20) + 4321;   // an np.empty that may be used only in part commits no memory up front
        var block = RuntimeArrays.Allocate(nbytes);
        Assert.True(block != null);
        Assert.True(ResidentFraction(RuntimeArrays.DataOf(block), nbytes) < 0.5);
        RuntimeArrays.Release(block);
    }

    private const int Page = 4096;

    /// <summary>The share of the whole pages inside [data, data + nbytes) that are mapped (mincore).</summary>
    private static double ResidentFraction(byte* data, long nbytes)
    {
        nuint first = ((nuint)data + Page - 1) & ~(nuint)(Page - 1), end = ((nuint)data + (nuint)nbytes) & ~(nuint)(Page - 1);
        long pages = (long)(end - first) / Page;
        var vec = new byte[pages];
        fixed (byte* v = vec) Assert.Equal(0, mincore((void*)first, end - first, v));
        return vec.Count(b => (b & 1) != 0) / (double)pages;
    }

    private static bool PopulateSupported()
    {
        if (!OperatingSystem.IsLinux()) return false;
        var p = NativeMemory.AlignedAlloc(Page, Page);
        try { return madvise(p, Page, 23) == 0; }   // MADV_POPULATE_WRITE
        finally { NativeMemory.AlignedFree(p); }
    }

    [LibraryImport("libc.so.6")] private static partial int mincore(void* address, nuint length, byte* vec);
    [LibraryImport("libc.so.6")] private static partial int madvise(void* address, nuint length, int advice);
}
