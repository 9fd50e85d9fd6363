using System.Runtime.InteropServices;

namespace SharpJit.Python;

/// <summary>
/// The part of CPython's stable ABI (3.11) this extension uses. Symbols resolve against the running interpreter:
/// the import name "python" is mapped to the main program by <see cref="Bind"/>. PyObject* is nint.
/// </summary>
internal static unsafe partial class Py
{
    private const string Lib = "python";

    /// <summary>Maps this assembly's "python" imports onto the interpreter process; first thing in PyInit.</summary>
    public static void Bind() =>
        NativeLibrary.SetDllImportResolver(typeof(Py).Assembly, (name, _, _) => name == Lib ? NativeLibrary.GetMainProgramHandle() : 0);

    // Objects and reference counts
    [LibraryImport(Lib)] public static partial void Py_IncRef(nint o);
    [LibraryImport(Lib)] public static partial void Py_DecRef(nint o);
    [LibraryImport(Lib)] public static partial nint PyObject_GetAttrString(nint o, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);
    [LibraryImport(Lib)] public static partial int PyObject_SetAttrString(nint o, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, nint v);
    [LibraryImport(Lib)] public static partial nint PyObject_Call(nint callable, nint args, nint kwargs);
    [LibraryImport(Lib)] public static partial nint PyObject_CallObject(nint callable, nint args);
    [LibraryImport(Lib)] public static partial int PyObject_IsTrue(nint o);
    [LibraryImport(Lib)] public static partial nint PyObject_Repr(nint o);
    [LibraryImport(Lib)] public static partial nint PyObject_RichCompare(nint a, nint b, int op);
    [LibraryImport(Lib)] public static partial nint PyObject_Str(nint o);
    [LibraryImport(Lib)] public static partial int PyType_IsSubtype(nint a, nint b);
    [LibraryImport(Lib)] public static partial nint PyType_FromSpec(PyTypeSpec* spec);
    [LibraryImport(Lib)] public static partial nint PyType_GetSlot(nint type, int slot);
    [LibraryImport(Lib)] public static partial nint PyType_GenericNew(nint type, nint args, nint kwargs);

    // Modules
    [LibraryImport(Lib)] public static partial nint PyModule_Create2(PyModuleDef* def, int apiVersion);
    [LibraryImport(Lib)] public static partial int PyModule_AddObjectRef(nint module, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, nint value);
    [LibraryImport(Lib)] public static partial nint PyImport_ImportModule([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
    [LibraryImport(Lib)] public static partial void* PyCapsule_GetPointer(nint capsule, byte* name);

    // Numbers
    [LibraryImport(Lib)] public static partial nint PyLong_FromLongLong(long v);
    [LibraryImport(Lib)] public static partial long PyLong_AsLongLong(nint o);
    [LibraryImport(Lib)] public static partial ulong PyLong_AsUnsignedLongLong(nint o);
    [LibraryImport(Lib)] public static partial nint PyLong_FromUnsignedLongLong(ulong v);
    [LibraryImport(Lib)] public static partial nint PyFloat_FromDouble(double v);
    [LibraryImport(Lib)] public static partial double PyFloat_AsDouble(nint o);
    [LibraryImport(Lib)] public static partial nint PyBool_FromLong(long v);
    [LibraryImport(Lib)] public static partial nint PyComplex_FromDoubles(double re, double im);
    [LibraryImport(Lib)] public static partial double PyComplex_RealAsDouble(nint o);
    [LibraryImport(Lib)] public static partial double PyComplex_ImagAsDouble(nint o);
    [LibraryImport(Lib)] public static partial nint PyNumber_Index(nint o);

    // Containers and text
    [LibraryImport(Lib)] public static partial nint PyTuple_New(nint size);
    [LibraryImport(Lib)] public static partial nint PyTuple_GetSlice(nint tuple, nint low, nint high);
    [LibraryImport(Lib)] public static partial nint PyTuple_Size(nint t);
    [LibraryImport(Lib)] public static partial nint PyTuple_GetItem(nint t, nint i);
    [LibraryImport(Lib)] public static partial int PyTuple_SetItem(nint t, nint i, nint o);
    [LibraryImport(Lib)] public static partial nint PyList_New(nint size);
    [LibraryImport(Lib)] public static partial int PyList_Append(nint list, nint o);
    [LibraryImport(Lib)] public static partial nint PyList_Size(nint list);
    [LibraryImport(Lib)] public static partial nint PyList_GetItem(nint list, nint i);
    [LibraryImport(Lib)] public static partial int PyList_SetItem(nint list, nint i, nint o);
    [LibraryImport(Lib)] public static partial int PyList_SetSlice(nint list, nint low, nint high, nint items);
    [LibraryImport(Lib)] public static partial nint PyDict_Size(nint d);
    [LibraryImport(Lib)] public static partial nint PyDict_New();
    [LibraryImport(Lib)] public static partial void PyDict_Clear(nint d);
    [LibraryImport(Lib)] public static partial int PyDict_Update(nint d, nint other);
    [LibraryImport(Lib)] public static partial int PyDict_Next(nint d, nint* pos, nint* key, nint* value);
    [LibraryImport(Lib)] public static partial nint PySet_New(nint iterable);
    [LibraryImport(Lib)] public static partial nint PySet_Size(nint set);
    [LibraryImport(Lib)] public static partial int PySet_Clear(nint set);
    [LibraryImport(Lib)] public static partial nint PyObject_GetIter(nint o);
    [LibraryImport(Lib)] public static partial nint PyIter_Next(nint iterator);
    [LibraryImport(Lib)] public static partial nint PyFrozenSet_New(nint iterable);
    [LibraryImport(Lib)] public static partial int PySet_Add(nint set, nint key);
    [LibraryImport(Lib)] public static partial int PyDict_SetItem(nint d, nint key, nint value);
    [LibraryImport(Lib)] public static partial nint PyDict_GetItemString(nint d, [MarshalAs(UnmanagedType.LPUTF8Str)] string key);
    [LibraryImport(Lib)] public static partial nint PyUnicode_FromStringAndSize(byte* s, nint size);
    [LibraryImport(Lib)] public static partial int PyBytes_AsStringAndSize(nint o, byte** buffer, nint* length);
    [LibraryImport(Lib)] public static partial nint PyBytes_FromStringAndSize(byte* s, nint size);
    [LibraryImport(Lib)] public static partial byte* PyUnicode_AsUTF8AndSize(nint o, out nint size);

    // Errors
    [LibraryImport(Lib)] public static partial int PyTraceBack_Here(nint frame);
    [LibraryImport(Lib)] public static partial void PyErr_SetString(nint type, [MarshalAs(UnmanagedType.LPUTF8Str)] string message);
    [LibraryImport(Lib)] public static partial nint PyErr_Occurred();
    [LibraryImport(Lib)] public static partial void PyErr_SetObject(nint type, nint value);
    [LibraryImport(Lib)] public static partial void PyErr_Clear();
    [LibraryImport(Lib)] public static partial void PyErr_Fetch(out nint type, out nint value, out nint traceback);
    [LibraryImport(Lib)] public static partial void PyErr_NormalizeException(ref nint type, ref nint value, ref nint traceback);
    [LibraryImport(Lib)] public static partial int PyException_SetTraceback(nint ex, nint traceback);
    /// <summary>Steals the reference to cause (null: none, and __suppress_context__ is set, as raise … from None).</summary>
    [LibraryImport(Lib)] public static partial void PyException_SetCause(nint ex, nint cause);
    /// <summary>Steals the reference to context.</summary>
    [LibraryImport(Lib)] public static partial void PyException_SetContext(nint ex, nint context);

    // Threads
    [LibraryImport(Lib)] public static partial nint PyEval_SaveThread();
    [LibraryImport(Lib)] public static partial void PyEval_RestoreThread(nint state);
    [LibraryImport(Lib)] public static partial int PyGILState_Ensure();
    /// <summary>1 when this thread holds the GIL (not part of the stable ABI, but in every CPython since 3.4).</summary>
    [LibraryImport(Lib)] public static partial int PyGILState_Check();
    [LibraryImport(Lib)] public static partial void PyGILState_Release(int state);

    /// <summary>
    /// The calls on the per-call path, without the GC transition: each is a few instructions that can neither block
    /// nor run Python code (so never re-enter .NET). Use the number conversions only on exact int/float objects.
    /// </summary>
    public static class Fast
    {
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyTuple_Size(nint t);
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyTuple_GetItem(nint t, nint i);
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyList_GetItem(nint list, nint i);
        [DllImport(Lib), SuppressGCTransition] public static extern long PyLong_AsLongLong(nint exactInt);
        [DllImport(Lib), SuppressGCTransition] public static extern double PyFloat_AsDouble(nint exactFloat);
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyLong_FromLongLong(long v);
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyFloat_FromDouble(double v);
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyBool_FromLong(long v);
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyComplex_FromDoubles(double re, double im);
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyErr_Occurred();
        [DllImport(Lib), SuppressGCTransition] public static extern nint PyDict_Size(nint dict);
        [DllImport(Lib), SuppressGCTransition] public static extern int PyDict_Next(nint dict, nint* pos, nint* key, nint* value);
        [DllImport(Lib), SuppressGCTransition] public static extern double PyComplex_RealAsDouble(nint exactComplex);
        [DllImport(Lib), SuppressGCTransition] public static extern double PyComplex_ImagAsDouble(nint exactComplex);
        /// <summary>Only on a new tuple's empty slot (nothing is released, so no Python code can run).</summary>
        [DllImport(Lib), SuppressGCTransition] public static extern int PyTuple_SetItem(nint newTuple, nint i, nint o);
        [DllImport(Lib), SuppressGCTransition] public static extern void Py_IncRef(nint o);
    }

    // Data symbols: the addresses of the built-in type objects and of None.
    public static nint LongType, FloatType, BoolType, ComplexType, TupleType, ListType, DictType, SetType, FrozenSetType, UnicodeType, None, True, False, NotImplemented, TypeError, RuntimeError, ValueError, IndexError, MemoryError, BaseException, StopIteration, TypeType;

    public static void LoadDataSymbols()
    {
        var main = NativeLibrary.GetMainProgramHandle();
        nint Sym(string n) => NativeLibrary.GetExport(main, n);
        LongType = Sym("PyLong_Type"); FloatType = Sym("PyFloat_Type"); BoolType = Sym("PyBool_Type");
        ComplexType = Sym("PyComplex_Type"); TupleType = Sym("PyTuple_Type"); ListType = Sym("PyList_Type"); DictType = Sym("PyDict_Type"); SetType = Sym("PySet_Type"); FrozenSetType = Sym("PyFrozenSet_Type"); None = Sym("_Py_NoneStruct");
        UnicodeType = Sym("PyUnicode_Type"); True = Sym("_Py_TrueStruct"); False = Sym("_Py_FalseStruct");
        TypeError = *(nint*)Sym("PyExc_TypeError"); RuntimeError = *(nint*)Sym("PyExc_RuntimeError");
        ValueError = *(nint*)Sym("PyExc_ValueError"); IndexError = *(nint*)Sym("PyExc_IndexError");
        MemoryError = *(nint*)Sym("PyExc_MemoryError"); NotImplemented = Sym("_Py_NotImplementedStruct");
        BaseException = *(nint*)Sym("PyExc_BaseException"); StopIteration = *(nint*)Sym("PyExc_StopIteration"); TypeType = Sym("PyType_Type");
        ProbeLayouts();
    }

    /// <summary>Lists and floats are read in place (ob_item, ob_fval) when this interpreter lays them out as every
    /// non-debug CPython 3 does: probed once on real objects, else the API calls are used.</summary>
    public static bool DirectLayouts { get; private set; }
    private const int ListSizeOffset = 16, ListItemsOffset = 24, FloatValueOffset = 16;

    private static void ProbeLayouts()
    {
        nint f = PyFloat_FromDouble(1.625), list = PyList_New(0);
        bool ok = f != 0 && list != 0 && PyList_Append(list, f) == 0 && PyList_Append(list, f) == 0
            && *(double*)(f + FloatValueOffset) == 1.625 && *(nint*)(list + ListSizeOffset) == 2
            && (*(nint**)(list + ListItemsOffset))[1] == f;
        if (list != 0) Py_DecRef(list);
        if (f != 0) Py_DecRef(f);
        if (!ok) PyErr_Clear();
        DirectLayouts = ok;
    }

    /// <summary>A list's item array (borrowed references; valid until the list changes). Only when <see cref="DirectLayouts"/>.</summary>
    public static nint* ListItems(nint list) => *(nint**)(list + ListItemsOffset);

    /// <summary>The value of an exact float. Only when <see cref="DirectLayouts"/>.</summary>
    public static double FloatValue(nint exactFloat) => *(double*)(exactFloat + FloatValueOffset);

    /// <summary>Py_TYPE(o): ob_type follows the reference count in every non-debug build (part of the stable ABI).</summary>
    public static nint TypeOf(nint o) => *(nint*)(o + 8);

    public static nint NewRef(nint o) { Py_IncRef(o); return o; }

    public static nint Str(string s)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(s);
        fixed (byte* p = bytes) return PyUnicode_FromStringAndSize(p, bytes.Length);
    }

    public static string? AsString(nint o)
    {
        if (o == 0) return null;
        var p = PyUnicode_AsUTF8AndSize(o, out var n);
        return p == null ? null : System.Text.Encoding.UTF8.GetString(p, (int)n);
    }

    /// <summary>A new tuple of the given objects, each a new reference that the tuple takes over.</summary>
    public static nint Tuple(params nint[] items)
    {
        var t = PyTuple_New(items.Length);
        for (int i = 0; i < items.Length; i++) PyTuple_SetItem(t, i, items[i]);
        return t;
    }

    // Type slots (Include/typeslots.h)
    public const int Py_tp_call = 50, Py_tp_dealloc = 52, Py_tp_doc = 56, Py_tp_free = 74, Py_tp_methods = 64, Py_tp_new = 65;
    public const int Py_TPFLAGS_DEFAULT = 0, Py_TPFLAGS_BASETYPE = 1 << 10;
    public const int METH_VARARGS = 1, METH_O = 8, METH_NOARGS = 4;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyTypeSpec { public byte* Name; public int BasicSize, ItemSize; public uint Flags; public PyTypeSlot* Slots; }

[StructLayout(LayoutKind.Sequential)]
internal struct PyTypeSlot { public int Slot; public nint Pfunc; }

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyMethodDef { public byte* Name; public nint Method; public int Flags; public byte* Doc; }

/// <summary>PyModuleDef: PyModuleDef_Base (ob_refcnt, ob_type, m_init, m_index, m_copy) then the module fields.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyModuleDef
{
    public nint RefCnt, Type, Init, Index, Copy;
    public byte* Name, Doc;
    public nint Size;
    public PyMethodDef* Methods;
    public nint Slots, Traverse, Clear, Free;
}
