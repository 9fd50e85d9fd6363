using System.Runtime.InteropServices;
using SharpJit.Runtime;

namespace SharpJit.Python;

/// <summary>PyInit__sharpjit: the module object, the Dispatcher type, and the bridge back into Python.</summary>
internal static unsafe class Module
{
    [UnmanagedCallersOnly(EntryPoint = "PyInit__sharpjit")]
    private static nint Init()
    {
        Py.Bind();
        Py.LoadDataSymbols();
        try
        {
            var methods = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)(sizeof(PyMethodDef) * 17));
            methods[0] = new PyMethodDef { Name = DispatcherType.Utf8("_install"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&InstallBridge, Flags = Py.METH_O };
            methods[1] = new PyMethodDef { Name = DispatcherType.Utf8("version"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&Version, Flags = Py.METH_NOARGS };
            methods[2] = new PyMethodDef { Name = DispatcherType.Utf8("_wait_for_warm_up"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&WaitForWarmUp, Flags = Py.METH_NOARGS };
            methods[3] = new PyMethodDef { Name = DispatcherType.Utf8("_before_fork"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&BeforeFork, Flags = Py.METH_NOARGS };
            methods[4] = new PyMethodDef { Name = DispatcherType.Utf8("_after_fork"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&AfterFork, Flags = Py.METH_NOARGS };
            methods[5] = new PyMethodDef { Name = DispatcherType.Utf8("_hmac_sha256"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&HmacSha256Of, Flags = Py.METH_VARARGS };
            methods[6] = new PyMethodDef { Name = DispatcherType.Utf8("_cfunc"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&BridgeMethods.CFunc, Flags = Py.METH_VARARGS };
            methods[7] = new PyMethodDef { Name = DispatcherType.Utf8("_export"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&BridgeMethods.Export, Flags = Py.METH_VARARGS };
            methods[8] = new PyMethodDef { Name = DispatcherType.Utf8("_init_bitcode_module"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&BitcodeImport.Init, Flags = Py.METH_VARARGS };
            methods[9] = new PyMethodDef { Name = DispatcherType.Utf8("_bitcode_library"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&BitcodeImport.Library, Flags = Py.METH_VARARGS };
            methods[10] = new PyMethodDef { Name = DispatcherType.Utf8("_live_allocations"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&LiveAllocations, Flags = Py.METH_NOARGS };
            methods[11] = new PyMethodDef { Name = DispatcherType.Utf8("_warm_up"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&WarmUp, Flags = Py.METH_NOARGS };
            methods[12] = new PyMethodDef { Name = DispatcherType.Utf8("_ufunc_loop"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&BridgeMethods.UFuncLoop, Flags = Py.METH_VARARGS };
            methods[14] = new PyMethodDef { Name = DispatcherType.Utf8("_gufunc_loop"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&BridgeMethods.GUFuncLoop, Flags = Py.METH_VARARGS };
            methods[15] = new PyMethodDef { Name = DispatcherType.Utf8("_managed_bytes_allocated"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&ManagedBytesAllocated, Flags = Py.METH_NOARGS };
            methods[13] = new PyMethodDef { Name = DispatcherType.Utf8("_ufunc_error"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&BridgeMethods.UFuncError, Flags = Py.METH_O };
            var def = (PyModuleDef*)NativeMemory.AllocZeroed((nuint)sizeof(PyModuleDef));
            def->RefCnt = 1;
            def->Name = DispatcherType.Utf8("_sharpjit");
            def->Doc = DispatcherType.Utf8("sharpjit's native core: the compiler and the native dispatcher.");
            def->Size = -1;
            def->Methods = methods;
            nint module = Py.PyModule_Create2(def, 1013);
            if (module == 0) return 0;
            DispatcherType.Create();
            ArrayOwnerType.Create();
            GeneratorIterator.Create();
            TypedList.Create();
            if (DispatcherType.Type == 0 || Py.PyModule_AddObjectRef(module, "Dispatcher", DispatcherType.Type) < 0
                || TypedList.Type == 0 || Py.PyModule_AddObjectRef(module, "TypedList", TypedList.Type) < 0) { Py.Py_DecRef(module); return 0; }
            // The scalar dtypes compiled code has, Python's four first: the Python side's one list of them.
            nint dtypes = Py.Tuple(Typing.ScalarType.All.Select(t => Py.Str(t.Name)).ToArray());
            int added = dtypes == 0 ? -1 : Py.PyModule_AddObjectRef(module, "dtypes", dtypes);
            Py.Py_DecRef(dtypes);
            if (added < 0) { Py.Py_DecRef(module); return 0; }
            // A parallel loop's chunks may call back into Python (print, callbacks): the calling thread lets go of
            // the GIL while they run, where it holds it (a nogil function's caller does not).
            Runtime.ParallelLoops.DetachHost = () => Py.PyGILState_Check() == 1 ? Py.PyEval_SaveThread() : 0;
            Runtime.ParallelLoops.AttachHost = Py.PyEval_RestoreThread;
            return module;
        }
        catch (Exception ex)
        {
            Py.PyErr_SetString(Py.RuntimeError, "sharpjit failed to initialise: " + ex);
            return 0;
        }
    }

    /// <summary>_install(bridge_module): called once by the sharpjit package.</summary>
    [UnmanagedCallersOnly]
    private static nint InstallBridge(nint self, nint bridge)
    {
        Bridge.Install(bridge);
        BridgeMethods.InstallErrorReporter();
        Callbacks.Install();
        RuntimeOutput.Redirect(new PythonStdout());
        return Py.NewRef(Py.None);
    }

    /// <summary>
    /// _warm_up(), called at import unless SHARPJIT_DISABLE_JIT is set: loads LLVM and runs a small compilation in the
    /// background, so that LLVM's load and first-use costs (about 40 ms) overlap the program's own start instead of
    /// adding to its first compilation. (A function with cache=True that loads within those milliseconds waits for
    /// LLVM's dlopen to finish.)
    /// </summary>
    [UnmanagedCallersOnly]
    private static nint WarmUp(nint self, nint _)
    {
        if (Environment.GetEnvironmentVariable("SHARPJIT_NO_WARM_UP") is null or "" or "0") Engine.JitHost.StartWarmUp();
        return Py.NewRef(Py.None);
    }

    /// <summary>Called at interpreter exit (atexit): LLVM must not be unloaded under the warm-up thread.</summary>
    [UnmanagedCallersOnly]
    private static nint WaitForWarmUp(nint self, nint _)
    {
        nint ts = Py.PyEval_SaveThread();
        try { Engine.JitHost.WaitForWarmUp(); }
        finally { Py.PyEval_RestoreThread(ts); }
        return Py.NewRef(Py.None);
    }

    /// <summary>os.register_at_fork hooks: no compilation is in flight across a fork (see <see cref="ForkGate"/>).</summary>
    [UnmanagedCallersOnly]
    private static nint BeforeFork(nint self, nint _)
    {
        ForkGate.BeforeFork();
        return Py.NewRef(Py.None);
    }

    [UnmanagedCallersOnly]
    private static nint AfterFork(nint self, nint _)
    {
        ForkGate.AfterFork();
        return Py.NewRef(Py.None);
    }

    /// <summary>_hmac_sha256(key: bytes, data: bytes) -> bytes: the cache's MAC, exposed for testing it against hashlib.</summary>
    [UnmanagedCallersOnly]
    private static nint HmacSha256Of(nint self, nint args)
    {
        byte* key, data;
        nint keyLength, dataLength;
        if (Py.PyTuple_Size(args) != 2 || Py.PyBytes_AsStringAndSize(Py.PyTuple_GetItem(args, 0), &key, &keyLength) != 0
            || Py.PyBytes_AsStringAndSize(Py.PyTuple_GetItem(args, 1), &data, &dataLength) != 0)
        {
            if (Py.PyErr_Occurred() == 0) Py.PyErr_SetString(Py.TypeError, "_hmac_sha256(key, data) takes two bytes objects");
            return 0;
        }
        var mac = SharpJit.Python.HmacSha256.Compute(new ReadOnlySpan<byte>(key, (int)keyLength), new ReadOnlySpan<byte>(data, (int)dataLength), default);
        fixed (byte* p = mac) return Py.PyBytes_FromStringAndSize(p, mac.Length);
    }

    /// <summary>_live_allocations(): how many blocks compiled code made are alive (tests check nothing leaks).</summary>
    [UnmanagedCallersOnly]
    private static nint LiveAllocations(nint self, nint _) => Py.PyLong_FromLongLong(SharpJit.Runtime.RuntimeStats.LiveAllocations);

    /// <summary>_managed_bytes_allocated(): managed bytes this thread has allocated so far (tests check that calls of
    /// compiled code and the runtime helpers they call allocate none per element or row).</summary>
    [UnmanagedCallersOnly]
    private static nint ManagedBytesAllocated(nint self, nint _) => Py.PyLong_FromLongLong(GC.GetAllocatedBytesForCurrentThread());

    [UnmanagedCallersOnly]
    private static nint Version(nint self, nint _) =>
        Py.Str(typeof(Module).Assembly.GetName().Version?.ToString() ?? "0");
}

/// <summary>Compiled print() output, forwarded to sys.stdout.</summary>
internal sealed class PythonStdout : SharpJit.Runtime.WriteOnlyStream
{
    public override void Write(byte[] buffer, int offset, int count) => Bridge.WriteStdout(System.Text.Encoding.UTF8.GetString(buffer, offset, count));
    public override void Flush() => Bridge.FlushStdout();   // print(..., flush=True)
}
