using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Runtime;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// `_sharpjit.generator`: a compiled generator returned to CPython, a Python iterator whose __next__ resumes it
/// (Codegen.GeneratorModel's frame: its header's next function runs the body to the next yield and leaves the item
/// in the frame, which is boxed and taken from there). The object holds one reference to the frame, dropped when it
/// is freed: a generator abandoned half-way releases what it holds.
/// </summary>
internal static unsafe class GeneratorIterator
{
    public static nint Type;
    // PyObject header, then: the frame (null once finished), a GC handle to the item type.
    private const int Frame = 16, Item = 24, Size = 32;
    private const int Py_tp_alloc = 47, Py_tp_iter = 62, Py_tp_iternext = 63;

    public static void Create()
    {
        Type = DispatcherType.MakeType("_sharpjit.generator", Size,
            (Py.Py_tp_dealloc, (nint)(delegate* unmanaged<nint, void>)&Dealloc),
            (Py_tp_iter, NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "PyObject_SelfIter")),
            (Py_tp_iternext, (nint)(delegate* unmanaged<nint, nint>)&Next));
    }

    /// <summary>A new iterator over a compiled generator (its frame's reference moves in), or 0 with an exception set.</summary>
    public static nint New(byte* frame, GeneratorType g)
    {
        var alloc = (delegate* unmanaged<nint, nint, nint>)Py.PyType_GetSlot(Type, Py_tp_alloc);
        nint o = alloc(Type, 0);
        if (o == 0) { Release(frame); return 0; }
        *(byte**)(o + Frame) = frame;
        *(nint*)(o + Item) = GCHandle.ToIntPtr(GCHandle.Alloc(g.Item));
        return o;
    }

    /// <summary>Where the item lies in the frame: after the header's count, state, drop and next.</summary>
    private static int ItemOffset(SjType item) => new ValueLayout(new[] { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64, ScalarType.Int64, item }).Offset(4);

    [UnmanagedCallersOnly]
    private static nint Next(nint self)
    {
        byte* frame = *(byte**)(self + Frame);
        if (frame == null) return 0;   // finished: StopIteration
        var item = (SjType)GCHandle.FromIntPtr(*(nint*)(self + Item)).Target!;
        var next = *(delegate* unmanaged<byte*, int>*)(frame + 8 * GeneratorCode.NextField);
        int status = next(frame);
        if (RuntimeOutput.Pending) RuntimeOutput.Flush();
        if (status <= 0)
        {
            // Finished or raised: the frame is done with (CPython's generator is finished after an exception too).
            *(byte**)(self + Frame) = null;
            Release(frame);
            return status < 0 ? Bridge.RaiseCompiled() : 0;
        }
        if (!TypeOps.IsKnown(item)) return Py.NewRef(Py.None);
        byte* p = frame + ItemOffset(item);
        nint r = Boxing.Read(p, item);   // takes the item's references
        new Span<byte>(p, ValueLayout.SizeAlign(item).Size).Clear();
        return r;
    }

    /// <summary>Drops the iterator's reference to the frame: the last one calls the frame's drop function.</summary>
    private static void Release(byte* frame)
    {
        if (--*(long*)frame > 0) return;
        var drop = *(delegate* unmanaged<byte*, void>*)(frame + 8 * GeneratorCode.DropField);
        drop(frame);
    }

    [UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        nint type = Py.TypeOf(self);
        byte* frame = *(byte**)(self + Frame);
        if (frame != null) { *(byte**)(self + Frame) = null; Release(frame); }
        nint h = *(nint*)(self + Item);
        if (h != 0) { GCHandle.FromIntPtr(h).Free(); *(nint*)(self + Item) = 0; }
        var free = (delegate* unmanaged<nint, void>)Py.PyType_GetSlot(type, Py.Py_tp_free);
        free(self);
        Py.Py_DecRef(type);
    }
}
