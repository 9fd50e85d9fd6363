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

    [UnmanagedCallersOnly] public static byte* AllocateExport(long size) => Allocate(size);
    [UnmanagedCallersOnly] public static void FreeExport(byte* frame) => Free(frame);
}
