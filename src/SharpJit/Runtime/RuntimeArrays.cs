using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// Memory for arrays made by compiled code. One block per allocation: a 64-byte header (the meminfo) followed by the
/// data, aligned to 64 bytes. Header: [0] reference count (atomic; compiled code adjusts it, Codegen.ArrayModel),
/// [8] byte size of the data, [16] the bytes the block has room for (as many, or a size class above for large blocks),
/// [24] the address the block's memory was allocated at (large blocks start inside their allocation: NewBlock).
/// An array value points at the meminfo of the block that holds its data; views share it.
/// Arrays passed in by a host carry a null meminfo: borrowed for the call, never counted.
/// </summary>
public static unsafe partial class RuntimeArrays
{
    public const int Header = 64;

    /// <summary>A new block of nbytes of data with one reference (the caller's), or null with MemoryError set.</summary>
    public static byte* Allocate(long nbytes)
    {
        if (nbytes < 0 || nbytes > long.MaxValue - Header) { ErrorState.Set("MemoryError", "array is too big"); return null; }
        long room = FreeBlocks.Room(nbytes);
        byte* block = FreeBlocks.Take(room);
        if (block == null)
        {
            try { block = NewBlock(room); }
            catch (OutOfMemoryException) { block = null; }
            if (block == null)
            {
                ErrorState.Set("MemoryError", $"Unable to allocate {FormatBytes(nbytes)} for an array");
                return null;
            }
            *(long*)(block + 16) = room;
        }
        *(long*)block = 1;
        *(long*)(block + 8) = nbytes;
        RuntimeStats.Allocated();
        return block;
    }

    private const long HugePage = 2L << 20, HugePageThreshold = 4L << 20;

    /// <summary>
    /// A block with room for that many bytes of data. Data of 4 MiB or more (NumPy's threshold for the same advice,
    /// its <c>_set_madvise_hugepage</c>) starts on a 2 MiB boundary and is advised onto transparent huge pages:
    /// touching it then faults in 2 MiB at a time instead of 4 KiB (a new 8 MB array: 4 faults instead of 2048, 0.7 ms
    /// instead of 20 in the virtual machine measured here). A block only 64-byte aligned left its first and last
    /// 2 MiB on small pages, most of the faults. The data's last huge page is taken whole when that adds at most an
    /// eighth.
    /// </summary>
    private static byte* NewBlock(long room)
    {
        if (IsSmall(room))
        {
            // malloc and 48 bytes to align in: aligned_alloc splits a larger chunk and frees both ends, about a fifth
            // of returning a one-element array to Python (perf: ~100 of 452 ns).
            var start = (byte*)SmallBlocks.Malloc((nuint)(Header + room + AlignSlack));
            if (start == null) return null;
            var small = (byte*)(((nuint)start + 63) & ~(nuint)63);
            *(byte**)(small + 24) = start;
            Prefault(small + Header, room);
            return small;
        }
        long whole = (room + HugePage - 1) / HugePage * HugePage;
        // The header sits just below the data's first huge page (on a small page of its own).
        var raw = (byte*)NativeMemory.AlignedAlloc((nuint)(HugePage + whole), (nuint)HugePage);
        if (raw == null) return null;
        var block = raw + HugePage - Header;
        *(byte**)(block + 24) = raw;
        long advised = whole - room <= room / 8 ? whole : room / HugePage * HugePage;
        _ = madvise(raw + HugePage, (nuint)advised, MadvHugePage);  // advice only: failure changes nothing
        Prefault(raw + HugePage, room);
        return block;
    }

    private const long PrefaultMin = 64 << 10, PrefaultMax = 64L << 20, Page = 4096;

    /// <summary>
    /// Maps a new block's pages in one call (MADV_POPULATE_WRITE, Linux 5.14+) instead of one fault per page when the
    /// data is first written: in the virtual machine measured here a fault costs about 10 µs and the call 0.6 µs a
    /// page, and pages already mapped cost about 15 µs a MiB. Nearly every new array is written in full right away.
    /// Blocks above 64 MiB are left to fault as touched (an np.empty that is only partly used commits no more than
    /// NumPy's would); small ones are not worth the call. Advice only: an older kernel's EINVAL changes nothing.
    /// </summary>
    private static void Prefault(byte* data, long bytes)
    {
        if (bytes < PrefaultMin || bytes > PrefaultMax || !OperatingSystem.IsLinux()) return;
        nuint first = ((nuint)data + (nuint)Page - 1) & ~(nuint)(Page - 1), end = ((nuint)data + (nuint)bytes) & ~(nuint)(Page - 1);
        if (end > first) _ = madvise((void*)first, end - first, MadvPopulateWrite);
    }

    /// <summary>malloc's 16-byte alignment, raised to the header's 64.</summary>
    private const int AlignSlack = 48;

    private static bool IsSmall(long room) => room < HugePageThreshold || !OperatingSystem.IsLinux();

    /// <summary>Returns a block's memory (no reference and no cache keeps it).</summary>
    private static void FreeBlock(byte* block)
    {
        if (IsSmall(*(long*)(block + 16))) SmallBlocks.LibcFree(*(byte**)(block + 24));
        else NativeMemory.AlignedFree(*(byte**)(block + 24));
    }

    private const int MadvHugePage = 14, MadvPopulateWrite = 23;
    [LibraryImport("libc.so.6")] private static partial int madvise(void* address, nuint length, int advice);

    /// <summary>The data of a block made by <see cref="Allocate"/>.</summary>
    public static byte* DataOf(byte* meminfo) => meminfo + Header;

    /// <summary>Frees a block whose count reached zero (large ones are kept a while for the next array of their size).</summary>
    public static void Free(byte* meminfo)
    {
        if (!FreeBlocks.Keep(meminfo, *(long*)(meminfo + 16))) FreeBlock(meminfo);
        RuntimeStats.Freed();
    }

    /// <summary>
    /// Recently freed large blocks, by size class. A loop that makes an array of the same size each time (y = y * x + c)
    /// would otherwise get fresh pages from the kernel every time (large allocations are mapped and unmapped, and
    /// smaller ones grow and trim the heap), and fault them in again; one of a slowly changing size (z[mask] of a
    /// shrinking mask) too, hence classes: 8 a doubling, so that a block is at most 1/8 larger than its data. Bounded
    /// in count and bytes, so memory stays flat.
    /// </summary>
    private static class FreeBlocks
    {
        private const long MinBytes = 64 << 10, MaxCachedBytes = 256L << 20;
        private const int MaxBlocks = 8;
        private static readonly List<nint> Blocks = new();
        private static long _cachedBytes;

        /// <summary>The room a block for nbytes gets: nbytes, or for large blocks the next size class.</summary>
        public static long Room(long nbytes)
        {
            if (nbytes < MinBytes || nbytes > MaxCachedBytes) return nbytes;
            long step = (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)nbytes + 1) / 16;   // an eighth of the doubling below
            return (nbytes + step - 1) / step * step;
        }

        public static byte* Take(long room)
        {
            if (room < MinBytes) return null;
            lock (Blocks)
                for (int k = Blocks.Count - 1; k >= 0; k--)
                    if (*(long*)(Blocks[k] + 16) == room)
                    {
                        var b = (byte*)Blocks[k];
                        Blocks.RemoveAt(k);
                        _cachedBytes -= room;
                        return b;
                    }
            return null;
        }

        public static bool Keep(byte* block, long nbytes)
        {
            if (nbytes < MinBytes || nbytes > MaxCachedBytes) return false;
            lock (Blocks)
            {
                while (Blocks.Count > 0 && (Blocks.Count >= MaxBlocks || _cachedBytes + nbytes > MaxCachedBytes))
                {
                    var old = Blocks[0];
                    Blocks.RemoveAt(0);
                    _cachedBytes -= *(long*)(old + 16);
                    FreeBlock((byte*)old);
                }
                Blocks.Add((nint)block);
                _cachedBytes += nbytes;
                return true;
            }
        }
    }

    /// <summary>Adds one reference (a host keeping an array compiled code returned); null (borrowed) is not counted.</summary>
    public static void Retain(byte* meminfo)
    {
        if (meminfo != null) Interlocked.Increment(ref *(long*)meminfo);
    }

    /// <summary>Drops one reference, freeing the block with the last one.</summary>
    public static void Release(byte* meminfo)
    {
        if (meminfo != null && Interlocked.Decrement(ref *(long*)meminfo) == 0) Free(meminfo);
    }

    /// <summary>NumPy's size text in its MemoryError ("7.45 GiB").</summary>
    private static string FormatBytes(long n)
    {
        string[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
        double v = n; int u = 0;
        while (v >= 1024 && u < units.Length - 1) { v /= 1024; u++; }
        return u == 0 ? $"{n}. B" : $"{v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} {units[u]}";
    }

    // ------------------------------------------------------------ entry points for compiled code

    [RuntimeHelper("sj_array_alloc"), UnmanagedCallersOnly] public static byte* AllocateExport(long nbytes) => Allocate(nbytes);
    [RuntimeHelper("sj_array_free"), UnmanagedCallersOnly] public static void FreeExport(byte* meminfo) => Free(meminfo);

    /// <summary>IndexError for an integer index outside an axis (NumPy's message, with the index as written).</summary>
    [RuntimeHelper("sj_index_error"), UnmanagedCallersOnly]
    public static void IndexError(long index, long axis, long size) =>
        ErrorState.Set("IndexError", $"index {index} is out of bounds for axis {axis} with size {size}");

    /// <summary>ValueError for operands whose shapes do not broadcast: the shapes as NumPy prints them.</summary>
    [RuntimeHelper("sj_broadcast_error"), UnmanagedCallersOnly]
    public static void BroadcastError(long* shapes, long* ndims, long count)
    {
        var parts = new List<string>();
        long* s = shapes;
        for (long k = 0; k < count; k++)
        {
            int n = (int)ndims[k];
            parts.Add(CompactShapeText(new ReadOnlySpan<long>(s, n)));
            s += n;
        }
        ErrorState.Set("ValueError", "operands could not be broadcast together with shapes " + string.Join(" ", parts) + " ");
    }

    /// <summary>ValueError of np.einsum for operands whose axes do not broadcast: each operand's shape, then its axes in
    /// the order NumPy's iterator takes them (-1, "newaxis", where it has none), as NumPy reports them.</summary>
    [RuntimeHelper("sj_einsum_broadcast_error"), UnmanagedCallersOnly]
    public static void EinsumBroadcastError(long* shapes, long* ndims, long* remapped, long iterNdim, long count)
    {
        var parts = new List<string>();
        long* s = shapes;
        for (long k = 0; k < count; k++)
        {
            int n = (int)ndims[k];
            parts.Add(CompactShapeText(new ReadOnlySpan<long>(s, n)) + "->" + RequestedShapeText(new ReadOnlySpan<long>(remapped + k * iterNdim, (int)iterNdim)));
            s += n;
        }
        ErrorState.Set("ValueError", "operands could not be broadcast together with remapped shapes [original->remapped]: " + string.Join(" ", parts) + " ");
    }

    /// <summary>ValueError of np.einsum for a label repeated in one operand over axes of different lengths.</summary>
    [RuntimeHelper("sj_einsum_diagonal_error"), UnmanagedCallersOnly]
    public static void EinsumDiagonalError(long operand, long label, long first, long second) =>
        ErrorState.Set("ValueError", $"dimensions in operand {operand} for collapsing index '{(char)label}' don't match ({first} != {second})");

    /// <summary>ValueError for an output array (a += b, out=) whose shape is not the operands' broadcast shape.</summary>
    [RuntimeHelper("sj_output_shape_error"), UnmanagedCallersOnly]
    public static void OutputShapeError(long* output, long outputNdim, long* broadcast, long broadcastNdim) =>
        ErrorState.Set("ValueError", $"non-broadcastable output operand with shape {CompactShapeText(new ReadOnlySpan<long>(output, (int)outputNdim))} doesn't match the broadcast shape {CompactShapeText(new ReadOnlySpan<long>(broadcast, (int)broadcastNdim))}");

    /// <summary>ValueError for an assignment whose value does not broadcast to the target.</summary>
    [RuntimeHelper("sj_assign_shape_error"), UnmanagedCallersOnly]
    public static void AssignShapeError(long* from, long fromNdim, long* to, long toNdim) =>
        ErrorState.Set("ValueError", $"could not broadcast input array from shape {CompactShapeText(new ReadOnlySpan<long>(from, (int)fromNdim))} into shape {CompactShapeText(new ReadOnlySpan<long>(to, (int)toNdim))}");

    /// <summary>ValueError for an assignment through an advanced index (a[True] = v) whose value does not broadcast.</summary>
    [RuntimeHelper("sj_index_shape_error"), UnmanagedCallersOnly]
    public static void IndexShapeError(long* from, long fromNdim, long* to, long toNdim) =>
        ErrorState.Set("ValueError", $"shape mismatch: value array of shape {CompactShapeText(new ReadOnlySpan<long>(from, (int)fromNdim))} could not be broadcast to indexing result of shape {CompactShapeText(new ReadOnlySpan<long>(to, (int)toNdim))}");

    /// <summary>ValueError for np.linspace with a negative number of samples.</summary>
    [RuntimeHelper("sj_linspace_error"), UnmanagedCallersOnly]
    public static void LinspaceError(long num) => ErrorState.Set("ValueError", $"Number of samples, {num}, must be non-negative.");

    /// <summary>IndexError for a boolean mask whose shape is not the array's.</summary>
    [RuntimeHelper("sj_mask_error"), UnmanagedCallersOnly]
    public static void MaskError(long axis, long size, long maskSize) =>
        ErrorState.Set("IndexError", $"boolean index did not match indexed array along dimension {axis}; dimension is {size} but corresponding boolean dimension is {maskSize}");

    /// <summary>ValueError for a[mask] = values with the wrong number of values.</summary>
    [RuntimeHelper("sj_mask_assign_error"), UnmanagedCallersOnly]
    public static void MaskAssignError(long values, long selected) =>
        ErrorState.Set("ValueError", $"NumPy boolean array indexing assignment cannot assign {values} input values to the {selected} output values where the mask is true");

    /// <summary>ValueError for a[idx] = values with the wrong number of values.</summary>
    [RuntimeHelper("sj_index_assign_error"), UnmanagedCallersOnly]
    public static void IndexAssignError(long values, long selected) =>
        ErrorState.Set("ValueError", $"shape mismatch: value array of shape ({values},) could not be broadcast to indexing result of shape ({selected},)");

    /// <summary>ValueError of np.dot for arrays whose inner dimensions differ.</summary>
    [RuntimeHelper("sj_dot_error"), UnmanagedCallersOnly]
    public static void DotError(long* a, long aNdim, long* b, long bNdim)
    {
        var sa = new ReadOnlySpan<long>(a, (int)aNdim); var sb = new ReadOnlySpan<long>(b, (int)bNdim);
        int bDim = bNdim == 1 ? 0 : (int)bNdim - 2;
        ErrorState.Set("ValueError", $"shapes {CompactShapeText(sa)} and {CompactShapeText(sb)} not aligned: {sa[^1]} (dim {aNdim - 1}) != {sb[bDim]} (dim {bDim})");
    }

    /// <summary>ValueError of matmul (and @) for arrays whose inner dimensions differ.</summary>
    [RuntimeHelper("sj_matmul_error"), UnmanagedCallersOnly]
    public static void MatmulError(long bInner, long aInner) =>
        ErrorState.Set("ValueError", $"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {bInner} is different from {aInner})");

    /// <summary>ValueError for a reshape to a different size.</summary>
    [RuntimeHelper("sj_reshape_error"), UnmanagedCallersOnly]
    public static void ReshapeError(long size, long* shape, long ndim) =>
        ErrorState.Set("ValueError", $"cannot reshape array of size {size} into shape {RequestedShapeText(new ReadOnlySpan<long>(shape, (int)ndim))}");

    /// <summary>A requested shape as NumPy's convert_shape_to_string prints it: an unknown (negative) dimension is
    /// "newaxis", and leading ones are left out: (3,newaxis), (-1, 3) as (3).</summary>
    private static string RequestedShapeText(ReadOnlySpan<long> shape)
    {
        int first = 0;
        while (first < shape.Length && shape[first] < 0) first++;
        if (first == shape.Length) return "()";
        var parts = new List<string>();
        for (int k = first; k < shape.Length; k++) parts.Add(shape[k] < 0 ? "newaxis" : shape[k].ToString());
        return "(" + string.Join(",", parts) + (shape.Length == 1 ? ",)" : ")");
    }

    /// <summary>A shape as NumPy's C code prints it in some messages: (3,), (2,3).</summary>
    public static string CompactShapeText(ReadOnlySpan<long> shape) =>
        "(" + string.Join(",", shape.ToArray()) + (shape.Length == 1 ? ",)" : ")");
}
