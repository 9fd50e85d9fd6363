namespace SharpJit.Python;

/// <summary>
/// Makes os.fork() safe while other threads compile: compilations pass through this gate, and the fork waits (with the
/// GIL released) until none is running and holds the gate across the fork, so the child never inherits a lock, an
/// LLVM session or compiler state that a thread which does not exist there was in the middle of using. Wired to
/// os.register_at_fork by the sharpjit package; a fork costs nothing while no compilation runs.
/// </summary>
internal static class ForkGate
{
    private static readonly object Sync = new();
    private static int _active;
    private static bool _forking, _held, _noCollection;

    /// <summary>What other threads may allocate between the fork's preparation and the fork itself (a waiter entering
    /// the gate's lock) without starting a collection.</summary>
    private const long AllocationBudgetAcrossFork = 4L << 20;
    [ThreadStatic] private static int _depth;   // compilations this thread is inside (nested: never waits)

    /// <summary>Runs work (a compilation, an export, a bitcode load: anything that uses LLVM) with the GIL released and
    /// inside the gate. Exceptions come back as thrown, with the GIL held again.</summary>
    public static void RunWithoutGil(Action work)
    {
        nint ts = Py.PyEval_SaveThread();
        Enter();
        try { work(); }
        finally
        {
            Exit();
            Py.PyEval_RestoreThread(ts);
        }
    }

    /// <summary>Before a compilation (GIL released): waits while a fork is in progress.</summary>
    private static void Enter()
    {
        lock (Sync)
        {
            while (_forking && _depth == 0) Monitor.Wait(Sync);
            _active++;
            _depth++;
        }
    }

    private static void Exit()
    {
        lock (Sync)
        {
            _depth--;
            if (--_active == 0) Monitor.PulseAll(Sync);
        }
    }

    /// <summary>os.register_at_fork(before=...): called with the GIL held; releases it while waiting. Never throws.</summary>
    public static void BeforeFork()
    {
        nint ts = Py.PyEval_SaveThread();
        try
        {
            try { Engine.JitHost.WaitForWarmUp(); } catch (Exception) { /* the warm-up thread is gone either way */ }
            Monitor.Enter(Sync);
            _held = true;
            _forking = true;
            // Other threads' compilations finish first; one this thread is inside (Python code it ran forks) goes on
            // in the child, where this thread exists.
            while (_active > _depth) Monitor.Wait(Sync);
            // A collection started by another thread (a compilation waiting at the gate allocates) must neither be in
            // progress at the fork nor start before it: the child would inherit one that no thread finishes, and its
            // first call into the runtime would wait for it forever.
            try { _noCollection = GC.TryStartNoGCRegion(AllocationBudgetAcrossFork); }
            catch (InvalidOperationException) { _noCollection = false; }
        }
        finally { Py.PyEval_RestoreThread(ts); }
    }

    /// <summary>after_in_parent and after_in_child: lets compilations run again (in the child, only this thread is left).</summary>
    public static void AfterFork()
    {
        if (!_held) return;
        if (_noCollection)
        {
            _noCollection = false;
            // The region ends by itself when more than the budget was allocated (or something collected); then it throws.
            try { GC.EndNoGCRegion(); } catch (InvalidOperationException) { }
        }
        _forking = false;
        _held = false;
        Monitor.PulseAll(Sync);
        Monitor.Exit(Sync);
    }
}
