using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Export;
using SharpJit.Runtime;

namespace SharpJit.Python;

/// <summary>
/// The module functions behind sharpjit.cfunc and sharpjit.export: _cfunc(dispatcher, signature) and
/// _export(path, ["name:signature", ...], output, target, cpu).
/// </summary>
internal static unsafe class BridgeMethods
{
    /// <summary>Prints a cfunc's exception as Python does (sys.stderr, with the compiled frames), once the bridge is installed.</summary>
    public static void InstallErrorReporter() => CFunctions.ErrorReporter = (name, e) =>
    {
        RuntimeOutput.Flush();
        Bridge.ReportCFuncError(name, e);
    };

    /// <summary>_cfunc(dispatcher, signature) -> (address, native_name, wrapper_ir, function_ir)</summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    public static nint CFunc(nint self, nint args)
    {
        if (Py.PyTuple_Size(args) != 2) { Py.PyErr_SetString(Py.TypeError, "_cfunc(dispatcher, signature)"); return 0; }
        var d = DispatcherType.StateOf(Py.PyTuple_GetItem(args, 0));
        string? text = Py.AsString(Py.PyTuple_GetItem(args, 1));
        if (d == null || text == null)
        {
            if (Py.PyErr_Occurred() == 0) Py.PyErr_SetString(Py.TypeError, "_cfunc(dispatcher, signature): expected a sharpjit dispatcher and a str");
            return 0;
        }
        CSignature sig;
        try { sig = CSignature.Parse(text); }
        catch (ArgumentException e) { Py.PyErr_SetString(Py.TypeError, e.Message); return 0; }
        if (sig.Args.Length != d.ParamNames.Length)
        {
            Py.PyErr_SetString(Py.TypeError, $"{d.Name}() takes {d.ParamNames.Length} arguments but the signature {sig} has {sig.Args.Length}");
            return 0;
        }
        CFunction? cf = null;
        Exception? error = null;
        bool ran = ForkGate.RunWithoutGil(() =>
        {
            try
            {
                var options = new CodegenOptions(FastMath: d.FastMath, BoundsCheck: d.BoundsCheck, NumPyErrorModel: d.NumPyErrorModel);
                var host = d.Host;
                cf = CFunctions.Compile(host.Module, host.Function, sig, options);
            }
            catch (Exception ex) { error = ex; }
        });
        if (!ran) return 0;   // interrupted while a fork was being prepared
        if (error != null)
        {
            if (error is ArgumentException ae) Py.PyErr_SetString(Py.TypeError, ae.Message);
            else Bridge.RaiseCompileError(error);
            return 0;
        }
        return Py.Tuple(Py.PyLong_FromLongLong(cf!.Address), Py.Str(cf.NativeName), Py.Str(cf.WrapperIr), Py.Str(""));
    }

    /// <summary>_ufunc_loop(dispatcher, (input dtype names...), output dtype name or None, parallel) -> (address, output dtype name, may raise):
    /// the inner loop of a @vectorize function for a NumPy ufunc (Engine.UFuncLoops).</summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    public static nint UFuncLoop(nint self, nint args)
    {
        if (Py.PyTuple_Size(args) != 4) { Py.PyErr_SetString(Py.TypeError, "_ufunc_loop(dispatcher, inputs, output, parallel)"); return 0; }
        bool parallel = Py.PyObject_IsTrue(Py.PyTuple_GetItem(args, 3)) == 1;
        var d = DispatcherType.StateOf(Py.PyTuple_GetItem(args, 0));
        nint inputsObj = Py.PyTuple_GetItem(args, 1), outputObj = Py.PyTuple_GetItem(args, 2);
        nint count = Py.PyTuple_Size(inputsObj);
        var names = new List<string?>();
        for (nint k = 0; k < count; k++) names.Add(Py.AsString(Py.PyTuple_GetItem(inputsObj, k)));
        string? outputName = outputObj == Py.None ? null : Py.AsString(outputObj);
        if (d == null || count < 0 || names.Any(n => n == null) || outputObj != Py.None && outputName == null)
        {
            if (Py.PyErr_Occurred() == 0) Py.PyErr_SetString(Py.TypeError, "_ufunc_loop(dispatcher, inputs, output): expected a dispatcher, a tuple of str and a str or None");
            return 0;
        }
        return CompileLoop(d, $"{string.Join(",", names)}->{outputName}{(parallel ? " parallel" : "")}",
            (host, options, shared) => Engine.UFuncLoops.Compile(host.Module, host.Function, names.Select(n => LoopDtype(d, n!)).ToArray(),
                outputName == null ? null : LoopDtype(d, outputName), options, parallel, shared));
    }

    /// <summary>_gufunc_loop(dispatcher, ((dtype name, ndim or -1 for a number, (core dimension numbers...)), ...), parallel) ->
    /// (address, None, may raise): the loop of a @guvectorize function for a generalized ufunc.</summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    public static nint GUFuncLoop(nint self, nint args)
    {
        if (Py.PyTuple_Size(args) != 3) { Py.PyErr_SetString(Py.TypeError, "_gufunc_loop(dispatcher, operands, parallel)"); return 0; }
        bool parallel = Py.PyObject_IsTrue(Py.PyTuple_GetItem(args, 2)) == 1;
        var d = DispatcherType.StateOf(Py.PyTuple_GetItem(args, 0));
        nint operandsObj = Py.PyTuple_GetItem(args, 1);
        var operands = new List<(string? Dtype, long Ndim, long[] Core)>();
        for (nint k = 0; k < Py.PyTuple_Size(operandsObj); k++)
        {
            nint o = Py.PyTuple_GetItem(operandsObj, k);
            nint core = Py.PyTuple_GetItem(o, 2);
            var dims = new long[Math.Max(0, Py.PyTuple_Size(core))];
            for (int j = 0; j < dims.Length; j++) dims[j] = Py.PyLong_AsLongLong(Py.PyTuple_GetItem(core, j));
            operands.Add((Py.AsString(Py.PyTuple_GetItem(o, 0)), Py.PyLong_AsLongLong(Py.PyTuple_GetItem(o, 1)), dims));
        }
        if (d == null || Py.PyErr_Occurred() != 0 || operands.Any(o => o.Dtype == null))
        {
            if (Py.PyErr_Occurred() == 0) Py.PyErr_SetString(Py.TypeError, "_gufunc_loop(dispatcher, operands): expected a dispatcher and (dtype, ndim, core dims) tuples");
            return 0;
        }
        return CompileLoop(d, string.Join(",", operands.Select(o => $"{o.Dtype}:{o.Ndim}:({string.Join(" ", o.Core)})")) + (parallel ? " parallel" : ""),
            (host, options, shared) => Engine.UFuncLoops.CompileGeneralized(host.Module, host.Function,
                operands.Select(o => new Engine.UFuncLoops.GeneralizedOperand(LoopDtype(d, o.Dtype!), (int)o.Ndim, o.Core.Select(c => (int)c).ToArray())).ToArray(),
                options, parallel, shared));
    }

    private static Typing.ScalarType LoopDtype(Dispatcher d, string name)
    {
        Typing.SjType? t = null;
        try { t = Typing.TypeNames.Parse(name); } catch (ArgumentException) { }
        return t as Typing.ScalarType ?? throw new ArgumentException(
            $"{d.Name}() has no loop for dtype {name}: a compiled ufunc takes and returns bool, integers, float32, float64, complex64 or complex128");
    }

    /// <summary>Compiles a ufunc's loop without the GIL, or with cache=True loads it from the on-disk cache (keyed by
    /// <paramref name="loopKey"/>, the operands as the caller spells them); (address, output dtype name or None, may
    /// raise, loaded from the cache), or a Python error.</summary>
    private static nint CompileLoop(Dispatcher d, string loopKey, Func<HostFunction, CodegenOptions, bool, Engine.UFuncLoop> compile)
    {
        Engine.UFuncLoop? loop = null;
        Exception? error = null;
        bool cached = false;
        var warnings = new List<string>();
        bool ran = ForkGate.RunWithoutGil(() =>
        {
            try
            {
                var options = new CodegenOptions(FastMath: d.FastMath, BoundsCheck: d.BoundsCheck, NumPyErrorModel: d.NumPyErrorModel);
                var key = d.CacheDir == null ? null : DiskCache.LoopKeyFor(d, loopKey, options);
                loop = key == null ? null : DiskCache.TryLoadLoop(d, key, warnings);
                cached = loop != null;
                if (loop == null)
                {
                    loop = compile(d.Host, options, key != null);
                    if (key != null) DiskCache.StoreLoop(d, key, loop, warnings);
                }
            }
            catch (Exception ex) { error = ex; }
        });
        if (!ran) return 0;
        foreach (var w in warnings)
            if (!Bridge.CacheWarning(w)) return 0;   // warnings turned into errors (-W error) raise
        if (error != null)
        {
            if (error is ArgumentException ae) Py.PyErr_SetString(Py.TypeError, ae.Message);
            else Bridge.RaiseCompileError(error);
            return 0;
        }
        return Py.Tuple(Py.PyLong_FromLongLong(loop!.Address), loop.Out == null ? Py.NewRef(Py.None) : Py.Str(loop.Out.Name),
            Py.NewRef(loop.MayRaise ? Py.True : Py.False), Py.NewRef(cached ? Py.True : Py.False));
    }

    /// <summary>_ufunc_error(raise_it): the exception a ufunc loop on this thread stopped with, raised (raise_it) or
    /// dropped; None when there is none.</summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    public static nint UFuncError(nint self, nint raiseIt)
    {
        if (!Engine.UFuncLoops.Failed) return Py.NewRef(Py.None);
        Engine.UFuncLoops.Failed = false;
        if (Py.PyObject_IsTrue(raiseIt) == 1) return Bridge.RaiseCompiled();
        ErrorState.Take();
        return Py.NewRef(Py.None);
    }

    /// <summary>
    /// _export(path, functions, output, target, cpu) -> ((kind, path), ...). With a path, functions are "name:signature"
    /// strings naming module-level functions of that file; with None, (dispatcher, "name:signature") pairs.
    /// </summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    public static nint Export(nint self, nint args)
    {
        if (Py.PyTuple_Size(args) != 5) { Py.PyErr_SetString(Py.TypeError, "_export(path, functions, output, target, cpu)"); return 0; }
        nint pathObj = Py.PyTuple_GetItem(args, 0);
        string? path = pathObj == Py.None ? null : Py.AsString(pathObj), output = Py.AsString(Py.PyTuple_GetItem(args, 2));
        nint fns = Py.PyTuple_GetItem(args, 1);
        string? target = Py.PyTuple_GetItem(args, 3) == Py.None ? null : Py.AsString(Py.PyTuple_GetItem(args, 3));
        string? cpu = Py.PyTuple_GetItem(args, 4) == Py.None ? null : Py.AsString(Py.PyTuple_GetItem(args, 4));
        if (output == null || Py.PyErr_Occurred() != 0) return 0;
        var requests = new List<ExportRequest>();
        var dispatchers = new List<Dispatcher>();
        try
        {
            for (nint i = 0; i < Py.PyTuple_Size(fns); i++)
            {
                nint item = Py.PyTuple_GetItem(fns, i);
                if (path == null)
                {
                    dispatchers.Add(DispatcherType.StateOf(Py.PyTuple_GetItem(item, 0)) ?? throw new ArgumentException("expected a sharpjit dispatcher"));
                    item = Py.PyTuple_GetItem(item, 1);
                }
                requests.Add(ExportRequest.Parse(Py.AsString(item) ?? throw new ArgumentException("functions must be str")));
            }
        }
        catch (ArgumentException e) { Py.PyErr_SetString(Py.TypeError, e.Message); return 0; }
        ExportResult? result = null;
        Exception? error = null;
        bool ran = ForkGate.RunWithoutGil(() =>
        {
            try
            {
                var options = new ExportOptions(target, cpu);
                result = path != null
                    ? Exporter.Export(SourceText.FromFile(Path.GetFullPath(path)), requests, output, options)
                    : Exporter.Export(dispatchers.Select((d, k) => new ExportUnit(d.Host.Module, d.Host.Function, requests[k])).ToList(), output, options);
            }
            catch (Exception ex) { error = ex; }
        });
        if (!ran) return 0;   // interrupted while a fork was being prepared
        switch (error)
        {
            case null: break;
            case ArgumentException ae: Py.PyErr_SetString(Py.TypeError, ae.Message); return 0;
            case InvalidOperationException ie: Py.PyErr_SetString(Py.RuntimeError, ie.Message); return 0;
            case FileNotFoundException fe: Py.PyErr_SetString(Py.RuntimeError, $"can't open file '{fe.FileName}'"); return 0;
            default: Bridge.RaiseCompileError(error); return 0;
        }
        var items = result!.Files.Select(kv => Py.Tuple(Py.Str(kv.Key), Py.Str(kv.Value))).ToArray();
        return Py.Tuple(items);
    }
}
