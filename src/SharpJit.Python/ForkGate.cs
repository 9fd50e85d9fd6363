using System.Runtime.InteropServices;

namespace SharpJit.Python;

/// <summary>
/// Makes os.fork() safe while other threads compile. A compilation (anything that uses LLVM) counts itself in and out
/// while holding the GIL; a fork (os.register_at_fork's before hook, GIL held) marks itself, then waits with the GIL
/// released until no other thread's compilation is running, and keeps the GIL from then to the fork. So at the fork
/// no thread of the process is inside the compiler, an LLVM session or a .NET lock or wait: every other thread waits
/// for the GIL in CPython's own code. The child therefore inherits no lock or half-done state that a thread it lacks
/// was using. (A .NET lock here once hung children: a thread that waited on it in the parent was, in the child, a
/// waiter whose wake-up lock no thread ever released.) Wired up by the sharpjit package; a fork costs nothing while
/// no compilation runs.
/// </summary>
internal static unsafe partial class ForkGate
{
    private static int _active;              // compilations running, on all threads
    private static int _forks;               // forks being prepared (changed and read with the GIL held)
    private static int _forkerPid;
    private static bool _noCollection;
    private static nint _sleep;              // time.sleep

    /// <summary>What a thread may allocate between the fork's preparation and the fork itself without starting a
    /// collection (one in progress at the fork would never finish in the child).</summary>
    private const long AllocationBudgetAcrossFork = 4L << 20;
    [ThreadStatic] private static int _depth;   // compilations this thread is inside (nested ones never wait)

    [LibraryImport("libc")] private static partial int usleep(uint microseconds);
    [LibraryImport("libc")] private static partial int getpid();

    /// <summary>Runs work (a compilation, an export, a bitcode load) with the GIL released, counted as a compilation.
    /// Called with the GIL held; work's exceptions come back as thrown, with the GIL held again. False (work not run)
    /// with a Python exception set when a signal handler raised while this thread waited for a fork to finish.</summary>
    public static bool RunWithoutGil(Action work)
    {
        if (!Enter()) return false;
        nint ts = Py.PyEval_SaveThread();
        try { work(); }
        finally
        {
            Py.PyEval_RestoreThread(ts);
            // Counted out only with the GIL back: a fork then never finds this thread running .NET code.
            Interlocked.Decrement(ref _active);
            _depth--;
        }
        return true;
    }

    /// <summary>GIL held. While a fork is being prepared, waits in time.sleep (the GIL released inside CPython, so this
    /// thread runs no .NET code without the GIL) until the fork is over.</summary>
    private static bool Enter()
    {
        while (_forks > 0 && _depth == 0)
        {
            if (_sleep == 0)
            {
                nint time = Py.PyImport_ImportModule("time");
                if (time == 0) return false;
                _sleep = Py.PyObject_GetAttrString(time, "sleep");
                Py.Py_DecRef(time);
                if (_sleep == 0) return false;
            }
            nint seconds = Py.PyFloat_FromDouble(0.001), args = Py.Tuple(seconds);
            nint r = Py.PyObject_CallObject(_sleep, args);
            Py.Py_DecRef(args);
            if (r == 0) return false;
            Py.Py_DecRef(r);
        }
        Interlocked.Increment(ref _active);
        _depth++;
        return true;
    }

    /// <summary>os.register_at_fork(before=...): called with the GIL held, which it releases only while it waits for
    /// other threads' compilations. Never throws.</summary>
    public static void BeforeFork()
    {
        _forks++;   // with the GIL held: a compilation that starts from now on waits for the fork
        _forkerPid = getpid();
        nint ts = Py.PyEval_SaveThread();
        try { Engine.JitHost.WaitForWarmUp(stop: false); } catch (Exception) { /* the warm-up thread is gone either way */ }
        while (true)
        {
            // A compilation this thread is inside (Python code it ran forks) goes on in the child, where this thread exists.
            while (Volatile.Read(ref _active) > _depth) usleep(200);
            Py.PyEval_RestoreThread(ts);
            // Checked again with the GIL: none can start before the fork now (another thread's fork may have ended
            // and let one start while this one waited).
            if (Volatile.Read(ref _active) <= _depth) break;
            ts = Py.PyEval_SaveThread();
        }
        // The last compilation may have started a collection on a thread of its own (it takes no GIL).
        Engine.CompilerMemory.WaitForCollection();
        // The finalizer thread allocates without the GIL: no collection may start before the fork either.
        if (!_noCollection)
        {
            try { _noCollection = GC.TryStartNoGCRegion(AllocationBudgetAcrossFork); }
            catch (InvalidOperationException) { _noCollection = false; }
        }
    }

    /// <summary>after_in_parent and after_in_child (GIL held): compilations may start again once no fork is being
    /// prepared. In the child, only this thread and its compilations exist.</summary>
    public static void AfterFork()
    {
        if (_forks == 0) return;
        bool child = getpid() != _forkerPid;
        if (child) { (_forks, _active) = (0, _depth); Engine.CompilerMemory.InForkedChild = true; }
        else _forks--;
        if (_forks == 0 && _noCollection)
        {
            _noCollection = false;
            // The region ends by itself when more than the budget was allocated (or something collected); then it throws.
            try { GC.EndNoGCRegion(); } catch (InvalidOperationException) { }
        }
    }
}
