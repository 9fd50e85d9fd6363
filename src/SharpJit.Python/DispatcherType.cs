using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// The native type `_sharpjit.Dispatcher`: a PyObject header plus a GC handle to the <see cref="Dispatcher"/> state.
/// The Python class sharpjit.Dispatcher subclasses it; tp_call stays native.
/// </summary>
internal static unsafe class DispatcherType
{
    public static nint Type;
    private static nint _subtype;
    private const int HandleOffset = 16;   // after ob_refcnt and ob_type

    public static void Create()
    {
        var methods = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)(sizeof(PyMethodDef) * 6));
        methods[0] = Method("_setup", &Setup, Py.METH_VARARGS);
        methods[1] = Method("_compile_signature", &CompileSignature, Py.METH_VARARGS);
        methods[2] = Method("_signatures", &Signatures, Py.METH_NOARGS);
        methods[3] = Method("_inspect", &Inspect, Py.METH_O);
        methods[4] = Method("_compile_times", &CompileTimes, Py.METH_NOARGS);
        var slots = (PyTypeSlot*)NativeMemory.AllocZeroed((nuint)(sizeof(PyTypeSlot) * 6));
        slots[0] = new PyTypeSlot { Slot = Py.Py_tp_call, Pfunc = (nint)(delegate* unmanaged<nint, nint, nint, nint>)&Call };
        slots[1] = new PyTypeSlot { Slot = Py.Py_tp_dealloc, Pfunc = (nint)(delegate* unmanaged<nint, void>)&Dealloc };
        slots[2] = new PyTypeSlot { Slot = Py.Py_tp_new, Pfunc = NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "PyType_GenericNew") };
        slots[3] = new PyTypeSlot { Slot = Py.Py_tp_methods, Pfunc = (nint)methods };
        var spec = (PyTypeSpec*)NativeMemory.AllocZeroed((nuint)sizeof(PyTypeSpec));
        spec->Name = Utf8("_sharpjit.Dispatcher");
        spec->BasicSize = HandleOffset + 8;
        spec->Flags = Py.Py_TPFLAGS_DEFAULT | Py.Py_TPFLAGS_BASETYPE;
        spec->Slots = slots;
        Type = Py.PyType_FromSpec(spec);
    }

    /// <summary>A native type of the module (a heap type made by PyType_FromSpec, kept for the process).</summary>
    public static nint MakeType(string name, int basicSize, params (int Slot, nint Function)[] slots)
    {
        var table = (PyTypeSlot*)NativeMemory.AllocZeroed((nuint)(sizeof(PyTypeSlot) * (slots.Length + 1)));
        for (int k = 0; k < slots.Length; k++) table[k] = new PyTypeSlot { Slot = slots[k].Slot, Pfunc = slots[k].Function };
        var spec = (PyTypeSpec*)NativeMemory.AllocZeroed((nuint)sizeof(PyTypeSpec));
        spec->Name = Utf8(name);
        spec->BasicSize = basicSize;
        spec->Flags = Py.Py_TPFLAGS_DEFAULT;
        spec->Slots = table;
        return Py.PyType_FromSpec(spec);
    }

    private static PyMethodDef Method(string name, delegate* unmanaged<nint, nint, nint> fn, int flags) =>
        new() { Name = Utf8(name), Method = (nint)fn, Flags = flags };

    public static byte* Utf8(string s)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(s + "\0");
        var p = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(p, bytes.Length));
        return p;
    }

    /// <summary>The state of a dispatcher object, or null if o is not one (or not set up yet).</summary>
    public static Dispatcher? StateOf(nint o)
    {
        if (o == 0) return null;
        nint t = Py.TypeOf(o);
        if (t != _subtype && t != Type)
        {
            if (Py.PyType_IsSubtype(t, Type) == 0) return null;
            Py.Py_IncRef(t);   // sharpjit.Dispatcher: checked once, and kept (so its address stays its own)
            _subtype = t;
        }
        nint h = *(nint*)(o + HandleOffset);
        return h == 0 ? null : (Dispatcher?)GCHandle.FromIntPtr(h).Target;
    }

    private static Dispatcher? Require(nint self)
    {
        var d = StateOf(self);
        if (d == null) Py.PyErr_SetString(Py.TypeError, "dispatcher is not set up: create it with sharpjit.jit");
        return d;
    }

    [UnmanagedCallersOnly, SkipLocalsInit]
    private static nint Call(nint self, nint args, nint kwargs)
    {
        try
        {
            var d = Require(self);
            if (d == null) return 0;
            int total = d.ParamNames.Length;
            nint* argv = stackalloc nint[total + 1];
            nint given = Py.Fast.PyTuple_Size(args);
            if ((kwargs == 0 || Py.Fast.PyDict_Size(kwargs) == 0) && given == total && d.AllPositional)
            {
                for (int i = 0; i < total; i++) argv[i] = Py.Fast.PyTuple_GetItem(args, i);
                return d.Call(argv, total);
            }
            // Keywords or defaults: bound here, by CPython's rules. The values are borrowed from the call's tuple and
            // dict and the dispatcher's defaults (those past the positional ones are held if a compilation runs).
            if (!d.Bind(args, kwargs, argv)) return 0;
            if (!d.VarArgs) return d.Call(argv, total, borrowedFrom: (int)given);
            try { return d.Call(argv, total, borrowedFrom: Math.Min((int)given, d.PosCount)); }
            finally { Py.Py_DecRef(argv[d.PosCount]); }   // the tuple of extra arguments Bind made
        }
        catch (Exception ex) { return Internal(ex); }
    }

    [UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        nint type = Py.TypeOf(self);
        nint h = *(nint*)(self + HandleOffset);
        if (h != 0)
        {
            (GCHandle.FromIntPtr(h).Target as Dispatcher)?.ReleaseReferences();
            GCHandle.FromIntPtr(h).Free();
            *(nint*)(self + HandleOffset) = 0;
        }
        var free = (delegate* unmanaged<nint, void>)Py.PyType_GetSlot(type, Py.Py_tp_free);
        free(self);
        Py.Py_DecRef(type);
    }

    /// <summary>_setup(file_text, filename, first_line, name, param_names, nogil, fastmath, boundscheck, cache_dir or None,
    /// (line, column) inside the body or None, numpy_error_model,
    /// (qualname, argcount, posonlyargcount, defaults or None, kwdefaults or None, varargs, parallel))</summary>
    [UnmanagedCallersOnly]
    private static nint Setup(nint self, nint args)
    {
        try
        {
            if (Py.PyTuple_Size(args) != 12) { Py.PyErr_SetString(Py.TypeError, "_setup expects 12 arguments"); return 0; }
            nint Arg(int i) => Py.PyTuple_GetItem(args, i);
            string source = Py.AsString(Arg(0)) ?? "", file = Py.AsString(Arg(1)) ?? "<unknown>", name = Py.AsString(Arg(3)) ?? "";
            long firstLine = Py.PyLong_AsLongLong(Arg(2));
            var names = new string[Py.PyTuple_Size(Arg(4))];
            for (int i = 0; i < names.Length; i++) names[i] = Py.AsString(Py.PyTuple_GetItem(Arg(4), i)) ?? "";
            var d = new Dispatcher
            {
                Self = self, Source = new SourceText(file, source), FirstLine = (int)firstLine, Name = name, ParamNames = names,
                NoGil = Py.PyObject_IsTrue(Arg(5)) == 1, CacheDir = Arg(8) == Py.None ? null : Py.AsString(Arg(8)), FastMath = Py.PyObject_IsTrue(Arg(6)) == 1, BoundsCheck = Py.PyObject_IsTrue(Arg(7)) == 1,
            };
            d.NumPyErrorModel = Py.PyObject_IsTrue(Arg(10)) == 1;
            SetUpBinding(d, Arg(4), Arg(11));
            if (Arg(9) != Py.None)
                d.BodyAt = ((int)Py.PyLong_AsLongLong(Py.PyTuple_GetItem(Arg(9), 0)), (int)Py.PyLong_AsLongLong(Py.PyTuple_GetItem(Arg(9), 1)));
            nint old = *(nint*)(self + HandleOffset);
            if (old != 0)
            {
                (GCHandle.FromIntPtr(old).Target as Dispatcher)?.ReleaseReferences();
                GCHandle.FromIntPtr(old).Free();
            }
            *(nint*)(self + HandleOffset) = GCHandle.ToIntPtr(GCHandle.Alloc(d));
            return Py.NewRef(Py.None);
        }
        catch (Exception ex) { return Internal(ex); }
    }

    /// <summary>The parameters' names as Python strings, and the defaults, for binding calls natively.</summary>
    private static void SetUpBinding(Dispatcher d, nint names, nint binding)
    {
        nint Item(int i) => Py.PyTuple_GetItem(binding, i);
        d.QualName = Py.AsString(Item(0)) ?? d.Name;
        d.PosCount = (int)Py.PyLong_AsLongLong(Item(1));
        d.PosOnlyCount = (int)Py.PyLong_AsLongLong(Item(2));
        d.VarArgs = Py.PyTuple_Size(binding) > 5 && Py.PyObject_IsTrue(Item(5)) == 1;
        d.Parallel = Py.PyTuple_Size(binding) > 6 && Py.PyObject_IsTrue(Item(6)) == 1;
        d.Stencil = Py.PyTuple_Size(binding) > 7 && Py.PyObject_IsTrue(Item(7)) == 1;
        d.ParamObjects = Enumerable.Range(0, d.ParamNames.Length).Select(i => Py.NewRef(Py.PyTuple_GetItem(names, i))).ToArray();
        nint defaults = Item(3);
        d.Defaults = defaults == Py.None ? Array.Empty<nint>()
            : Enumerable.Range(0, (int)Py.PyTuple_Size(defaults)).Select(i => Py.NewRef(Py.PyTuple_GetItem(defaults, i))).ToArray();
        nint kwdefaults = Item(4);
        d.KwDefaults = d.ParamNames.Skip(d.KwOnlyStart).Select(name =>
        {
            if (kwdefaults == Py.None) return (nint)0;
            nint v = Py.PyDict_GetItemString(kwdefaults, name);   // borrowed, or 0
            return v == 0 ? 0 : Py.NewRef(v);
        }).ToArray();
    }

    /// <summary>Runs a method body on the dispatcher's state; no .NET exception escapes into CPython.</summary>
    private static nint WithState(nint self, Func<Dispatcher, nint> body)
    {
        try
        {
            var d = Require(self);
            return d == null ? 0 : body(d);
        }
        catch (Exception ex) { return Internal(ex); }
    }

    /// <summary>A new Python list of one new reference per compiled signature, in compilation order.</summary>
    private static nint ListOfEntries(Dispatcher d, Func<CompiledEntry, nint> item)
    {
        nint list = Py.PyList_New(0);
        foreach (var e in d.Entries)
        {
            nint o = item(e);
            Py.PyList_Append(list, o);
            Py.Py_DecRef(o);
        }
        return list;
    }

    private static nint SignatureTuple(CompiledEntry e) => Py.Tuple(e.ArgTypes.Select(a => Py.Str(a.Name)).ToArray());

    /// <summary>_compile_signature("float64(float64, int64)"): eager compilation; later calls must match a signature.</summary>
    [UnmanagedCallersOnly]
    private static nint CompileSignature(nint self, nint args) => WithState(self, d =>
    {
        string text = Py.AsString(Py.PyTuple_GetItem(args, 0)) ?? "";
        (SjType? ret, SjType[] types) sig;
        try { sig = TypeNames.ParseSignature(text); }
        catch (ArgumentException ex) { Py.PyErr_SetString(Py.TypeError, ex.Message); return 0; }
        d.Explicit = true;
        return d.Compile(sig.types, sig.ret) == null ? 0 : Py.NewRef(Py.None);
    });

    /// <summary>_signatures(): a list of tuples of argument type names.</summary>
    [UnmanagedCallersOnly]
    private static nint Signatures(nint self, nint _) => WithState(self, d => ListOfEntries(d, SignatureTuple));

    /// <summary>_compile_times(): seconds each signature took to compile (negative: loaded from the cache).</summary>
    [UnmanagedCallersOnly]
    private static nint CompileTimes(nint self, nint _) => WithState(self, d =>
        ListOfEntries(d, e => Py.PyFloat_FromDouble(e.FromCache ? -e.CompileTime.TotalSeconds : e.CompileTime.TotalSeconds)));

    /// <summary>_inspect(kind): a list of (signature, text) for kind "llvm", "asm" or "types".</summary>
    [UnmanagedCallersOnly]
    private static nint Inspect(nint self, nint kindObj) => WithState(self, d =>
    {
        string kind = Py.AsString(kindObj) ?? "";
        return ListOfEntries(d, e => Py.Tuple(SignatureTuple(e), Py.Str(kind switch
        {
            "llvm" => e.LlvmIr,
            "asm" => JitHost.AssemblyOf(e.LlvmIr),
            "types" => e.TypedIr(),
            _ => throw new ArgumentException($"unknown inspection '{kind}'"),
        })));
    });

    /// <summary>No .NET exception may cross into CPython: it becomes a Python exception.</summary>
    public static nint Internal(Exception ex)
    {
        Bridge.RaiseCompileError(ex);
        return 0;
    }
}
