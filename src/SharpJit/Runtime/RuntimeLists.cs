using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// Memory for lists made by compiled code. A list is a 40-byte block <c>{ i64 count, i64 length, i64 capacity,
/// ptr items, i64 changed }</c> (changed: set by every write, so a list passed in from CPython is written back only
/// when compiled code changed it); the items are a separate buffer of <c>capacity</c> slots of the element's LLVM type, so appending
/// moves the buffer, never the block other values point at. Compiled code reads and writes length and items itself
/// (Codegen.ListModel) and drops the elements' references before it calls <see cref="Free"/>. The count is not
/// atomic: a list belongs to the thread that made it, as a str does.
/// </summary>
public static unsafe class RuntimeLists
{
    public const int Size = 40;
    public const int LengthOffset = 8, CapacityOffset = 16, ItemsOffset = 24, ChangedOffset = 32;

    /// <summary>A new list of <paramref name="length"/> slots (not initialised), one reference (the caller's), or null
    /// with MemoryError set.</summary>
    public static byte* Allocate(long length, long itemSize)
    {
        byte* list = (byte*)NativeMemory.Alloc(Size);
        *(long*)list = 1;
        *(long*)(list + LengthOffset) = 0;
        *(long*)(list + CapacityOffset) = 0;
        *(byte**)(list + ItemsOffset) = null;
        *(long*)(list + ChangedOffset) = 0;
        RuntimeStats.Allocated();
        if (Reserve(list, length, itemSize) != 0) { FreeBlock(list); return null; }
        *(long*)(list + LengthOffset) = length;
        return list;
    }

    /// <summary>Makes room for <paramref name="needed"/> items, growing the buffer by about 1/8 beyond it as CPython's
    /// list does (amortised O(1) appends). 0 on success; -1 with MemoryError set.</summary>
    public static int Reserve(byte* list, long needed, long itemSize)
    {
        long capacity = *(long*)(list + CapacityOffset);
        if (needed <= capacity) return 0;
        long grown = needed + (needed >> 3) + (needed < 9 ? 3 : 6);
        if (needed < 0 || itemSize > 0 && grown > long.MaxValue / itemSize)
        {
            ErrorState.Set("MemoryError", null);
            return -1;
        }
        byte* items;
        try { items = (byte*)NativeMemory.Realloc(*(byte**)(list + ItemsOffset), (nuint)Math.Max(grown * itemSize, 1)); }
        catch (OutOfMemoryException) { items = null; }
        if (items == null) { ErrorState.Set("MemoryError", null); return -1; }
        *(byte**)(list + ItemsOffset) = items;
        *(long*)(list + CapacityOffset) = grown;
        return 0;
    }

    /// <summary>Frees a list whose count reached zero (its elements already dropped).</summary>
    public static void FreeBlock(byte* list)
    {
        NativeMemory.Free(*(byte**)(list + ItemsOffset));
        NativeMemory.Free(list);
        RuntimeStats.Freed();
    }

    [RuntimeHelper("sj_list_alloc"), UnmanagedCallersOnly] public static byte* AllocateExport(long length, long itemSize) => Allocate(length, itemSize);
    [RuntimeHelper("sj_list_reserve"), UnmanagedCallersOnly] public static int ReserveExport(byte* list, long needed, long itemSize) => Reserve(list, needed, itemSize);
    [RuntimeHelper("sj_list_free"), UnmanagedCallersOnly] public static void FreeExport(byte* list) => FreeBlock(list);

    /// <summary>IndexError for an index outside the list, with CPython's message for what was done.</summary>
    [RuntimeHelper("sj_list_index_error"), UnmanagedCallersOnly]
    public static void IndexError(int assignment) =>
        ErrorState.Set("IndexError", assignment == 1 ? "list assignment index out of range" : assignment == 2 ? "pop index out of range" : "list index out of range");
}
