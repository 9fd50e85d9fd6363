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
    // PyObject header, then: the frame (null once finished), a GC handle to the generator's type.
    private const int Frame = 16, Generator = 24, Size = 32;
    private const int Py_tp_alloc = 47, Py_tp_iter = 62, Py_tp_iternext = 63;

    public static void Create()
    {
        var methods = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)(sizeof(PyMethodDef) * 4));
        methods[0] = new PyMethodDef { Name = DispatcherType.Utf8("send"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&Send, Flags = Py.METH_O };
        methods[1] = new PyMethodDef { Name = DispatcherType.Utf8("throw"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&Throw, Flags = Py.METH_O };
        methods[2] = new PyMethodDef { Name = DispatcherType.Utf8("close"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&Close, Flags = Py.METH_NOARGS };
        Type = DispatcherType.MakeType("_sharpjit.generator", Size,
            (Py.Py_tp_dealloc, (nint)(delegate* unmanaged<nint, void>)&Dealloc),
            (Py_tp_iter, NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "PyObject_SelfIter")),
            (Py_tp_iternext, (nint)(delegate* unmanaged<nint, nint>)&Next),
            (Py.Py_tp_methods, (nint)methods));
    }

    /// <summary>A new iterator over a compiled generator (its frame's reference moves in), or 0 with an exception set.</summary>
    public static nint New(byte* frame, GeneratorType g)
    {
        var alloc = (delegate* unmanaged<nint, nint, nint>)Py.PyType_GetSlot(Type, Py_tp_alloc);
        nint o = alloc(Type, 0);
        if (o == 0) { GeneratorModel.ReleaseFrame(frame); return 0; }
        *(byte**)(o + Frame) = frame;
        *(nint*)(o + Generator) = GCHandle.ToIntPtr(GCHandle.Alloc(GeneratorCode.Final(g.Spec)));
        return o;
    }

    /// <summary>The frame's header (Codegen.GeneratorCode.FrameHeaderFields): count, state, drop, next, item, whether
    /// an exception is thrown in, the value sent in, the return value.</summary>
    private static ValueLayout HeaderLayout(GeneratorType g) => new(new[]
        { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64, ScalarType.Int64, GeneratorCode.StoredItem(g.Item), ScalarType.Int64, g.Sent, g.Result });

    private static GeneratorType TypeOf(nint self) => (GeneratorType)GCHandle.FromIntPtr(*(nint*)(self + Generator)).Target!;

    [UnmanagedCallersOnly]
    private static nint Next(nint self) => Resume(self, stopIteration: false);

    /// <summary>Runs the generator to its next yield: its item, or 0 when it has finished (with StopIteration set when
    /// <paramref name="stopIteration"/>, as send() and throw() raise it; __next__ leaves it unset) or raised.</summary>
    private static nint Resume(nint self, bool stopIteration)
    {
        byte* frame = *(byte**)(self + Frame);
        if (frame == null) return Stop(stopIteration);
        var g = TypeOf(self);
        var next = *(delegate* unmanaged<byte*, int>*)(frame + 8 * GeneratorCode.NextField);
        int status = next(frame);
        if (RuntimeOutput.Pending) RuntimeOutput.Flush();
        if (status <= 0)
        {
            // Finished or raised: the frame is done with (CPython's generator is finished after an exception too).
            Finish(self);
            return status < 0 ? Bridge.RaiseCompiled() : Stop(stopIteration);
        }
        if (!TypeOps.IsKnown(g.Item)) return Py.NewRef(Py.None);
        byte* p = frame + HeaderLayout(g).Offset(GeneratorCode.ItemField);
        nint r = Boxing.Read(p, g.Item);   // takes the item's references
        new Span<byte>(p, ValueLayout.SizeAlign(g.Item).Size).Clear();
        return r;
    }

    private static nint Stop(bool raise)
    {
        if (raise) Py.PyErr_SetObject(Py.StopIteration, Py.None);
        return 0;
    }

    private static void Finish(nint self)
    {
        byte* frame = *(byte**)(self + Frame);
        if (frame == null) return;
        *(byte**)(self + Frame) = null;
        GeneratorModel.ReleaseFrame(frame);
    }

    /// <summary>send(value): resumes the generator with value as the value of the yield it stopped at, converted to the
    /// type compiled code sends it (a generator that never uses a yield's value ignores it).</summary>
    [UnmanagedCallersOnly]
    private static nint Send(nint self, nint value)
    {
        byte* frame = *(byte**)(self + Frame);
        if (frame != null && value != Py.None && *(long*)(frame + 8 * GeneratorCode.StateField) == 0)
        {
            Py.PyErr_SetString(Py.TypeError, "can't send non-None value to a just-started generator");
            return 0;
        }
        var g = TypeOf(self);
        if (frame == null || value == Py.None || g.Sent is not OptionalType sent) return Resume(self, stopIteration: true);
        // The value is borrowed by the generator for the resume (its strings are the call's, as arguments' are).
        byte* slot = frame + HeaderLayout(g).Offset(GeneratorCode.SentField);
        var mark = Boxing.Mark();
        if (!Boxing.Write(value, sent.Inner, slot + ValueLayout.OptionalValueOffset(sent)))
        {
            Boxing.ReleaseArgStrings(mark);
            new Span<byte>(slot, ValueLayout.SizeAlign(sent).Size).Clear();
            return 0;
        }
        *slot = 1;
        Boxing.ArgumentsConverted();
        nint r = Resume(self, stopIteration: true);
        if (*(byte**)(self + Frame) is var still && still != null) new Span<byte>(still + HeaderLayout(g).Offset(GeneratorCode.SentField), ValueLayout.SizeAlign(sent).Size).Clear();
        Boxing.ReleaseArgStrings(mark);
        Boxing.ReleaseItemArrays(mark);
        return r;
    }

    /// <summary>throw(exc): raises exc (a class or an instance) where the generator is suspended: its next item if it
    /// catches it and yields again, else StopIteration or the exception.</summary>
    [UnmanagedCallersOnly]
    private static nint Throw(nint self, nint exc)
    {
        bool isClass = Py.PyType_IsSubtype(Py.TypeOf(exc), Py.TypeType) != 0 && Py.PyType_IsSubtype(exc, Py.BaseException) != 0;
        if (!isClass && Py.PyType_IsSubtype(Py.TypeOf(exc), Py.BaseException) == 0)
        {
            Py.PyErr_SetString(Py.TypeError, "exceptions must be classes or instances deriving from BaseException, not " + TypeName(exc));
            return 0;
        }
        Py.PyErr_SetObject(isClass ? exc : Py.TypeOf(exc), isClass ? Py.None : exc);
        byte* frame = *(byte**)(self + Frame);
        if (frame == null) return 0;   // finished: the exception propagates
        Callbacks.TakePythonError("throw()");
        *(long*)(frame + HeaderLayout(TypeOf(self)).Offset(GeneratorCode.ThrowingField)) = 1;
        return Resume(self, stopIteration: true);
    }

    /// <summary>close(): GeneratorExit raised where the generator is suspended (CPython's gen_close).</summary>
    [UnmanagedCallersOnly]
    private static nint Close(nint self, nint _)
    {
        byte* frame = *(byte**)(self + Frame);
        if (frame == null) return Py.NewRef(Py.None);
        ErrorState.Set("GeneratorExit", null);
        *(long*)(frame + HeaderLayout(TypeOf(self)).Offset(GeneratorCode.ThrowingField)) = 1;
        var next = *(delegate* unmanaged<byte*, int>*)(frame + 8 * GeneratorCode.NextField);
        int status = next(frame);
        if (RuntimeOutput.Pending) RuntimeOutput.Flush();
        if (status <= 0) Finish(self);
        return RuntimeGenerators.CloseOutcome(status > 0, status < 0) ? Bridge.RaiseCompiled() : Py.NewRef(Py.None);
    }

    private static string TypeName(nint o)
    {
        nint name = Py.PyObject_GetAttrString(Py.TypeOf(o), "__name__");
        if (name == 0) { Py.PyErr_Clear(); return "object"; }
        byte* utf8 = Py.PyUnicode_AsUTF8AndSize(name, out var n);
        string s = utf8 == null ? "object" : System.Text.Encoding.UTF8.GetString(utf8, (int)n);
        Py.Py_DecRef(name);
        return s;
    }

    [UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        nint type = Py.TypeOf(self);
        Finish(self);   // closes a generator suspended in a try: its finally may print
        if (RuntimeOutput.Pending) RuntimeOutput.Flush();
        nint h = *(nint*)(self + Generator);
        if (h != 0) { GCHandle.FromIntPtr(h).Free(); *(nint*)(self + Generator) = 0; }
        var free = (delegate* unmanaged<nint, void>)Py.PyType_GetSlot(type, Py.Py_tp_free);
        free(self);
        Py.Py_DecRef(type);
    }
}
