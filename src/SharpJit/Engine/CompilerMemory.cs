namespace SharpJit.Engine;

/// <summary>
/// Keeps compilations on managed memory that is already mapped. A compilation allocates 0.5-1 MB of short-lived
/// objects; the GC's young generation budget here is tens of MB, so without a collection every compilation writes to
/// fresh pages, one page fault per 4 KiB (measured: 158 faults a compilation of mandelbrot_loops, about 10 µs each in
/// the virtual machine the benchmarks run in). A young-generation collection lets the next compilation reuse the pages
/// the last one touched (2-4 faults). It runs on a thread of its own while the compilation is inside LLVM: native
/// code, which a collection does not stop, so it costs the compilation nothing. (Run at the start of the next
/// compilation instead, the first one after a process's first compilation took 3.2-3.7 ms, promoting what that one
/// left to keep: the library's parsed and typed functions; later ones about 0.4 ms.)
/// </summary>
public static class CompilerMemory
{
    private const long Threshold = 256 << 10;
    private static long _allocatedAtLastCollection;
    private static Thread? _collector;

    /// <summary>Set by the CPython binding in the child of an os.fork().</summary>
    public static bool InForkedChild { get; set; }

    private static bool Due() => GC.GetTotalAllocatedBytes(precise: false) - Interlocked.Read(ref _allocatedAtLastCollection) >= Threshold;

    /// <summary>Collects the young generation if at least 256 KiB were allocated since the last time.</summary>
    public static void ReuseManagedHeap()
    {
        if (!Due()) return;
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        Interlocked.Exchange(ref _allocatedAtLastCollection, GC.GetTotalAllocatedBytes(precise: false));
    }

    /// <summary><see cref="ReuseManagedHeap"/> on a new thread, for a caller about to spend milliseconds in native code
    /// (a thread per collection: no thread of ours waits on anything when the process forks).</summary>
    public static void ReuseManagedHeapMeanwhile()
    {
        if (!Due()) return;
        // A forked child's runtime still lists its parent's threads: a thread started there crashed the child in
        // tests/python/test_call_boundary.py's fork tests. It collects where it is, as before.
        if (InForkedChild) { ReuseManagedHeap(); return; }
        lock (typeof(CompilerMemory))
        {
            if (_collector is { IsAlive: true }) return;
            _collector = new Thread(() =>
            {
                ReuseManagedHeap();
                // The first time, what the young generation kept (the library's parsed and typed functions, kept for
                // good) moves on to the oldest generation at once: else the next collection, at the next compilation,
                // takes the middle generation too, and copies it all again (3.4 ms).
                if (GC.CollectionCount(1) == 0) GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            }) { IsBackground = true, Name = "sharpjit collector" };
            _collector.Start();
        }
    }

    /// <summary>Waits for a collection started by <see cref="ReuseManagedHeapMeanwhile"/> (before a fork).</summary>
    public static void WaitForCollection() => Volatile.Read(ref _collector)?.Join();
}
