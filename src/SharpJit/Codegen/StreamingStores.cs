using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Codegen;

/// <summary>
/// Non-temporal ("streaming") stores for a new array too large to stay in the cache. An ordinary store first reads
/// the line it writes into the cache (a write-allocate): making a 16 MB result of a * x + y read 48 MB and wrote
/// 16; streaming stores go to memory without that read (a quarter less traffic, 0.77x the time in C here, as
/// glibc's memcpy does above its own threshold). They take aligned vectors, which LLVM's vectoriser does not make of
/// a loop's scalar stores, so the loop runs in blocks: each block's elements are computed into a buffer on the stack
/// by the ordinary loop (vectorised as ever, vector math calls included), then copied out as aligned vectors with
/// streaming stores. A new array's data starts on a 64-byte boundary (RuntimeArrays), so every block is aligned.
/// </summary>
public static class StreamingStores
{
    /// <summary>
    /// The number of elements from which a loop that reads and writes <paramref name="bytesPerElement"/> bytes for each
    /// element streams: where what it touches exceeds the last-level cache. Below that its result is likely still
    /// cached when it is next read, which streaming stores would have evicted; above it, the loop's own reads evict
    /// the start of its result before it ends, and a next loop reading from the start misses anyway.
    /// </summary>
    public static long MinimumElements(int bytesPerElement) => LastLevelCacheBytes.Value / bytesPerElement;

    /// <summary>The host's last-level cache as Linux reports it (cpu0's highest cache level), else 32 MiB.</summary>
    private static readonly Lazy<long> LastLevelCacheBytes = new(() =>
    {
        long best = 0; int bestLevel = 0;
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/sys/devices/system/cpu/cpu0/cache", "index*"))
                if (int.TryParse(File.ReadAllText(Path.Combine(dir, "level")).Trim(), out int level) && level >= bestLevel
                    && ParseSize(File.ReadAllText(Path.Combine(dir, "size")).Trim()) is > 0 and var size)
                    (best, bestLevel) = (level > bestLevel ? size : Math.Max(best, size), level);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return best > 0 ? best : 32L << 20;
    });

    /// <summary>"32768K" (sysfs' cache size) in bytes; 0 when it is not one.</summary>
    private static long ParseSize(string text)
    {
        long unit = text.EndsWith('K') ? 1L << 10 : text.EndsWith('M') ? 1L << 20 : 1;
        return long.TryParse(text.TrimEnd('K', 'M'), out long n) && n > 0 ? n * unit : 0;
    }

    /// <summary>The bytes of one streaming vector store: 32 with AVX, 16 with SSE2; 0 where this code cannot stream
    /// (another architecture, or code exported for an unknown machine).</summary>
    public static int VectorBytes(ModuleEmitter m) => m.Options.Standalone ? 0 : HostVectorBytes.Value;

    private static readonly Lazy<int> HostVectorBytes = new(() =>
        LlvmTarget.HasHostFeature("avx") ? 32 : LlvmTarget.HasHostFeature("sse2") ? 16 : 0);

    /// <summary>The bytes of one block: a few cache lines, so that the buffer stays in the first-level cache.</summary>
    private const int BlockBytes = 512;

    /// <summary>
    /// Writes <paramref name="count"/> elements of <paramref name="dtype"/> to <paramref name="output"/> (a new
    /// array's data, 64-byte aligned): <paramref name="block"/>(buffer, start, n) writes elements start .. start+n-1
    /// to buffer (the caller's ordinary loop, storing element k at buffer + (k - start) * itemsize), which is streamed to
    /// the output in vectors of <paramref name="vectorBytes"/>; the elements after the last whole block are written
    /// by <paramref name="rest"/>(start, n) in place. Then a store fence, so that other threads see the streamed data
    /// in order.
    /// </summary>
    public static void Loop(FunctionEmitter e, ScalarType dtype, int vectorBytes, LLVMValueRef output, LLVMValueRef count,
        Action<LLVMValueRef, LLVMValueRef, LLVMValueRef> block, Action<LLVMValueRef, LLVMValueRef> rest)
    {
        var B = e.B; var M = e.M;
        int perBlock = BlockBytes / ArrayCode.ItemSize(dtype);
        var vector = VectorType(M.I64, (uint)(vectorBytes / 8));
        var buffer = e.Alloca(ArrayType2(M.I8, BlockBytes));
        SetAlignment(buffer, 64);
        var blocks = BuildUDiv(B, count, M.ConstI64(perBlock), "");
        var nontemporal = GetMDKindID(M.Ctx, "nontemporal");
        var one = MetadataAsValue(M.Ctx, MDNodeInContext2(M.Ctx, new[] { ValueAsMetadata(ConstInt(M.I32, 1, 0)) }));
        ArrayCode.Loop(e, blocks, b =>
        {
            block(buffer, BuildNUWMul(B, b, M.ConstI64(perBlock), ""), M.ConstI64(perBlock));
            var to = BuildInBoundsGEP2(B, M.I8, output, new[] { BuildNUWMul(B, b, M.ConstI64(BlockBytes), "") }, "");
            for (int at = 0; at < BlockBytes; at += vectorBytes)
            {
                var load = BuildLoad2(B, vector, BuildInBoundsGEP2(B, M.I8, buffer, new[] { M.ConstI64(at) }, ""), "");
                SetAlignment(load, (uint)vectorBytes);
                var store = BuildStore(B, load, BuildInBoundsGEP2(B, M.I8, to, new[] { M.ConstI64(at) }, ""));
                SetAlignment(store, (uint)vectorBytes);
                SetMetadata(store, nontemporal, one);
            }
        });
        var done = BuildNUWMul(B, blocks, M.ConstI64(perBlock), "");
        rest(done, BuildSub(B, count, done, ""));
        e.Intrinsic("llvm.x86.sse.sfence", Array.Empty<LLVMTypeRef>());
    }
}
