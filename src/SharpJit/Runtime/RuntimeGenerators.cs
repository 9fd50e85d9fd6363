using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// Memory for generator frames (Codegen.GeneratorModel): one zeroed block of the frame's size whose first field is the
/// count (one reference, the caller's). Compiled code fills and reads the frame itself and drops what it holds
/// before it calls <see cref="Free"/>.
/// </summary>
public static unsafe class RuntimeGenerators
{
    /// <summary>A new zeroed frame with one reference, or null with MemoryError set.</summary>
    public static byte* Allocate(long size)
    {
        byte* frame;
        try { frame = (byte*)NativeMemory.AllocZeroed((nuint)size); }
        catch (OutOfMemoryException) { frame = null; }
        if (frame == null) { ErrorState.Set("MemoryError", null); return null; }
        *(long*)frame = 1;
        RuntimeStats.Allocated();
        return frame;
    }

    public static void Free(byte* frame)
    {
        NativeMemory.Free(frame);
        RuntimeStats.Freed();
    }

    /// <summary>sj_gen_closed: what close() makes of its GeneratorExit's outcome (CPython's gen_close): a generator
    /// that yielded again ignored it (RuntimeError); GeneratorExit or StopIteration out of it is a clean close (cleared);
    /// anything else propagates. Returns 1 when an exception is pending.</summary>
    [RuntimeHelper("sj_gen_closed"), UnmanagedCallersOnly]
    public static int Closed(int yielded, int failed) => CloseOutcome(yielded != 0, failed != 0) ? 1 : 0;

    public static bool CloseOutcome(bool yielded, bool failed)
    {
        if (yielded) { ErrorState.Set("RuntimeError", "generator ignored GeneratorExit"); return true; }
        if (!failed) return false;
        var type = ErrorState.Peek().Type;
        if (!ExceptionClasses.IsSubclass(type, "GeneratorExit") && !ExceptionClasses.IsSubclass(type, "StopIteration")) return true;
        ErrorState.Clear();
        return false;
    }

    /// <summary>sj_gen_finalize_begin: a suspended generator is being dropped and closes first, perhaps while an exception
    /// unwinds: that exception is put aside (a handle, 0 when none) for <see cref="FinalizeEnd"/>.</summary>
    [RuntimeHelper("sj_gen_finalize_begin"), UnmanagedCallersOnly]
    public static nint FinalizeBegin()
    {
        if (!ErrorState.Peek().IsSet) return 0;
        return GCHandle.ToIntPtr(GCHandle.Alloc(ErrorState.Catch()));
    }

    /// <summary>sj_gen_finalize_end: an exception out of the close is reported as CPython reports one in a destructor
    /// (on stderr, "Exception ignored in: ..."), and the exception put aside is pending again.</summary>
    [RuntimeHelper("sj_gen_finalize_end"), UnmanagedCallersOnly]
    public static void FinalizeEnd(nint saved, int failed, byte* name, byte* frame)
    {
        if (failed != 0)
        {
            var e = ErrorState.Take();
            RuntimeOutput.Flush();
            Console.Error.Write($"Exception ignored in: <generator object {RuntimeStrings.Read(name)} at 0x{(ulong)frame:x}>\n" + e.FormatTraceback());
        }
        if (saved == 0) return;
        var handle = GCHandle.FromIntPtr(saved);
        var caught = (ErrorState.Caught)handle.Target!;
        handle.Free();
        ErrorState.Restore(caught);
        ErrorState.ReleaseCaught(caught);
    }

    [RuntimeHelper("sj_gen_alloc"), UnmanagedCallersOnly] public static byte* AllocateExport(long size) => Allocate(size);
    [RuntimeHelper("sj_gen_free"), UnmanagedCallersOnly] public static void FreeExport(byte* frame) => Free(frame);
}
