using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// The runtime of parallel prange loops (Binding/ParallelLoops.cs outlines each loop into a chunk function): the range is
/// cut into contiguous chunks, run on .NET's thread pool (the calling thread takes some), each through a compiled
/// trampoline <c>i32 (ptr closure, ptr results, i64 chunk, i64 lo, i64 hi, i64 step)</c> that returns 1 when its chunk
/// raised. The exception of the lowest chunk that raised is the one the loop raises: each chunk stops at its first
/// failing iteration, so that is the exception the loop run in order would have raised.
/// </summary>
public static unsafe class ParallelLoops
{
    /// <summary>The host's lock on the calling thread (CPython's GIL), released while the chunks run so that a chunk that
    /// calls back into the host (print, a Python callable) can take it. Detach returns a token for Attach, 0 where the
    /// thread did not hold it. Null without such a host.</summary>
    public static Func<nint>? DetachHost { get; set; }
    public static Action<nint>? AttachHost { get; set; }

    /// <summary>Threads a parallel loop uses: SHARPJIT_NUM_THREADS, else the cores this process may run on.</summary>
    public static int Threads { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SHARPJIT_NUM_THREADS"), out int n) && n > 0 ? n : Environment.ProcessorCount;

    /// <summary>Chunks per thread: uneven iterations (a triangular loop) still spread over the threads.</summary>
    private const int ChunksPerThread = 4;

    /// <summary>sj_prange_chunks: how many chunks a loop over range(start, stop, step) is cut into (0 when it is empty).</summary>
    [RuntimeHelper("sj_prange_chunks"), UnmanagedCallersOnly]
    public static long Chunks(long start, long stop, long step)
    {
        Int128 trips = IntOps.RangeLength128(start, stop, step);
        return (long)Int128.Min(trips, Threads == 1 ? 1 : (long)Threads * ChunksPerThread);
    }

    /// <summary>sj_prange_run: runs every chunk; 1 (the exception pending on this thread) when one raised.</summary>
    [RuntimeHelper("sj_prange_run"), UnmanagedCallersOnly]
    public static int Run(nint trampoline, nint closure, nint results, long chunks, long start, long stop, long step)
    {
        var run = (delegate* unmanaged<nint, nint, long, long, long, long, int>)trampoline;
        Int128 trips = IntOps.RangeLength128(start, stop, step);
        long Bound(long c) => start + (long)(trips * c / chunks) * step;
        if (chunks <= 1 || Threads == 1)
        {
            for (long c = 0; c < chunks; c++)
                if (run(closure, results, c, Bound(c), Bound(c + 1), step) != 0) return 1;
            return 0;
        }
        ErrorState.Caught? first = null;
        long firstChunk = long.MaxValue;
        var sync = new object();
        nint host = DetachHost?.Invoke() ?? 0;
        try
        {
            Parallel.For(0L, chunks, new ParallelOptions { MaxDegreeOfParallelism = Threads }, c =>
            {
                if (run(closure, results, c, Bound(c), Bound(c + 1), step) == 0) return;
                var caught = ErrorState.Catch();
                lock (sync)
                {
                    if (c < firstChunk) { if (first != null) ErrorState.ReleaseCaught(first); (first, firstChunk) = (caught, c); }
                    else ErrorState.ReleaseCaught(caught);
                }
            });
        }
        finally { if (host != 0) AttachHost?.Invoke(host); }
        if (first == null) return 0;
        ErrorState.Restore(first);
        ErrorState.ReleaseCaught(first);   // the pending exception took its own reference to the message
        return 1;
    }
}
