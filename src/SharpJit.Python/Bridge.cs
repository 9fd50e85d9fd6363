using System.Numerics;
using SharpJit.Codegen;
using SharpJit.Library;
using SharpJit.Binding;
using SharpJit.Engine;
using SharpJit.Diagnostics;
using SharpJit.Runtime;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// Calls into the `sharpjit._bridge` Python module for what is simplest in Python: classifying global values,
/// unfamiliar argument types, and raising exceptions with the right class and a traceback frame.
/// </summary>
internal static unsafe class Bridge
{
    private static nint _module;

    /// <summary>Identifies this build of the compiler in cache keys (the bridge's COMPILER_IDENTITY).</summary>
    public static string CompilerIdentity { get; private set; } = "unknown";

    public static void Install(nint bridgeModule)
    {
        Py.Py_IncRef(bridgeModule);
        _module = bridgeModule;
        nint id = Py.PyObject_GetAttrString(bridgeModule, "COMPILER_IDENTITY");
        if (id == 0) { Py.PyErr_Clear(); return; }
        CompilerIdentity = Py.AsString(id) ?? "unknown";
        Py.Py_DecRef(id);
    }

    /// <summary>Calls bridge.name(*args), stealing the argument references; a new reference or 0 with an exception set.</summary>
    /// <summary>The Python object an exception's argument was: its text, or for a non-str argument (kept as its
    /// repr, Runtime.ExceptionArgument) the value read back from the repr.</summary>
    private static nint Argument(string message) =>
        SharpJit.Runtime.ExceptionArgument.IsLiteral(message) ? CallHelper("literal", Py.Str(message[1..])) : Py.Str(message);

    /// <summary>cls(*args) for the arguments an exception's message keeps (Runtime.ExceptionArgument); a new
    /// reference, 0 with a Python error set.</summary>
    private static nint Construct(nint cls, string? message)
    {
        if (message is null) return Py.PyObject_CallObject(cls, 0);
        var items = SharpJit.Runtime.ExceptionArgument.Items(message);
        var args = new nint[items.Count];
        for (int k = 0; k < items.Count; k++)
            if ((args[k] = Argument(items[k])) == 0)
            {
                for (int j = 0; j < k; j++) Py.Py_DecRef(args[j]);
                return 0;
            }
        nint tuple = Py.Tuple(args);
        nint r = Py.PyObject_CallObject(cls, tuple);
        Py.Py_DecRef(tuple);
        return r;
    }

    private static nint CallHelper(string name, params nint[] args)
    {
        if (_module == 0)
        {
            foreach (var a in args) Py.Py_DecRef(a);
            Py.PyErr_SetString(Py.RuntimeError, "sharpjit._bridge is not installed (import sharpjit, not _sharpjit)");
            return 0;
        }
        nint fn = Py.PyObject_GetAttrString(_module, name);
        if (fn == 0) { foreach (var a in args) Py.Py_DecRef(a); return 0; }
        nint tuple = Py.Tuple(args);
        nint r = Py.PyObject_CallObject(fn, tuple);
        Py.Py_DecRef(tuple); Py.Py_DecRef(fn);
        return r;
    }

    // The caches below are read and written with the GIL held (only while raising into Python): no lock needed.

    /// <summary>Exception classes by name (new references kept for the process), and by the address of compiled
    /// code's constant type name (checked against its text).</summary>
    private static readonly Dictionary<string, nint> Classes = new();
    private static readonly Dictionary<nint, (byte[] Name, nint Class)> ClassesByAddress = new();

    /// <summary>Per raise site (file, line, function): a finished Python frame reporting that source line, made once by
    /// the bridge and kept, so that a raise adds traceback entries without calling into Python.</summary>
    private sealed record Site(byte[] File, byte[] Function, nint Frame);
    private static readonly Dictionary<(nint File, long Line, nint Function), Site> Sites = new();

    /// <summary>Raises the exception compiled code left in ErrorState, as its Python class, with a traceback entry per
    /// compiled frame at its source line; clears the state. Returns 0 (NULL) for the dispatcher to return.</summary>
    public static nint RaiseCompiled()
    {
        var p = ErrorState.Peek();
        nint[]? rented = null;
        try
        {
            nint cls = p.Host != null ? Py.None : !p.IsSet ? ExceptionClass("SystemError") : p.TypeName != null ? ExceptionClass(p.TypeName) : ExceptionClass(p.TypePtr);
            if (cls == 0) return 0;
            // The frames first: making a new one calls into Python, which must not run with an exception set.
            int n = p.FrameCount;
            Span<nint> frames = n <= 64 ? stackalloc nint[64] : (rented = System.Buffers.ArrayPool<nint>.Shared.Rent(n));
            for (int i = 0; i < n; i++)
                if ((frames[i] = SiteFrame(p.Frames[i])) == 0) return 0;
            nint exc;
            if (p.Host is { } host) exc = Py.NewRef(host.Handle);   // a Python callback's own exception, its traceback kept
            else if (!p.IsSet) exc = CallOne(cls, Py.Str("compiled code failed without setting an exception"));
            else exc = Construct(cls, !p.HasMessage ? null : p.Message ?? SharpJit.Runtime.RuntimeStrings.Read(p.MessagePtr));
            if (exc == 0) return 0;
            if (!Chain(exc, p.Cause, p.Context, p.SuppressContext)) { Py.Py_DecRef(exc); return 0; }
            Py.PyErr_SetObject(Py.TypeOf(exc), exc);
            Py.Py_DecRef(exc);
            for (int i = 0; i < n; i++) Py.PyTraceBack_Here(frames[i]);   // innermost first, as CPython unwinds
            return 0;
        }
        finally
        {
            if (rented != null) System.Buffers.ArrayPool<nint>.Shared.Return(rented);
            ErrorState.Clear();
        }
    }

    /// <summary>__cause__ and __context__ of an exception compiled code raised (raise … from …, or raised while
    /// handling another), each a Python exception with its own traceback. False with a Python error set.</summary>
    private static bool Chain(nint exc, PythonException? cause, PythonException? context, bool suppressContext)
    {
        if (cause != null)
        {
            nint c = Made(cause);
            if (c == 0) return false;
            Py.PyException_SetCause(exc, c);
        }
        else if (suppressContext) Py.PyException_SetCause(exc, 0);
        if (context != null)
        {
            nint c = Made(context);
            if (c == 0) return false;
            Py.PyException_SetContext(exc, c);
        }
        return true;
    }

    /// <summary>A chained exception as a Python object with its traceback (raised and fetched back, so CPython makes
    /// the traceback from the compiled frames); a new reference, 0 with a Python error set.</summary>
    private static nint Made(PythonException e)
    {
        nint cls = ExceptionClass(e.TypeName);
        if (cls == 0) return 0;
        var frames = new List<nint>();
        try
        {
            foreach (var f in e.Frames)   // outermost first
            {
                nint frame = CallHelper("site_frame", Py.Str(f.File), Py.PyLong_FromLongLong(f.Line), Py.Str(f.Function));
                if (frame == 0) return 0;
                frames.Add(frame);
            }
            nint exc = Construct(cls, e.PyMessage);
            if (exc == 0) return 0;
            if (!Chain(exc, e.Cause, e.Context, e.SuppressContext)) { Py.Py_DecRef(exc); return 0; }
            if (frames.Count == 0) return exc;   // never raised (a cause made as ValueError("…")): no traceback
            Py.PyErr_SetObject(Py.TypeOf(exc), exc);
            Py.Py_DecRef(exc);
            for (int i = frames.Count - 1; i >= 0; i--) Py.PyTraceBack_Here(frames[i]);
            Py.PyErr_Fetch(out var type, out var value, out var traceback);
            if (traceback != 0) { Py.PyException_SetTraceback(value, traceback); Py.Py_DecRef(traceback); }
            Py.Py_DecRef(type);
            return value;
        }
        finally { foreach (var f in frames) Py.Py_DecRef(f); }
    }

    /// <summary>_bridge.objmode_block: the Python function running lines first..last of the dispatcher's function (a new
    /// reference, kept by the caller; 0 with an exception set).</summary>
    public static nint ObjModeBlock(nint dispatcher, int first, int last, string[] inputs, string[] outputs) =>
        CallHelper("objmode_block", Py.NewRef(dispatcher), Py.PyLong_FromLongLong(first), Py.PyLong_FromLongLong(last),
            Py.Tuple(inputs.Select(Py.Str).ToArray()), Py.Tuple(outputs.Select(Py.Str).ToArray()));

    /// <summary>The pending Python exception as "Type: message", cleared (for a compile error that quotes it).</summary>
    public static string TakeErrorText()
    {
        Py.PyErr_Fetch(out var type, out var value, out var traceback);
        string text = "unknown error";
        if (value != 0 && Py.PyObject_Str(value) is var s && s != 0) { text = Py.AsString(s) ?? text; Py.Py_DecRef(s); }
        Py.Py_DecRef(type); Py.Py_DecRef(value); Py.Py_DecRef(traceback);
        return text;
    }

    /// <summary>_bridge.function_pointer(o): (C signature, address) of a ctypes or cffi function pointer, or None.</summary>
    public static nint FunctionPointer(nint o) => CallHelper("function_pointer", Py.NewRef(o));

    /// <summary>How compiled code sees a Python exception a callback raised: its class's method resolution order by
    /// qualified name (as except clauses match it) and its message (null when it has no arguments).</summary>
    public static (string[] Mro, string? Message) HostExceptionInfo(nint exc)
    {
        nint r = CallHelper("host_exception", Py.NewRef(exc));
        if (r == 0) { Py.PyErr_Clear(); return (new[] { "Exception" }, "a Python callback raised an exception that could not be described"); }
        try
        {
            var mro = HostNames.Strings(Py.PyTuple_GetItem(r, 0));
            nint message = Py.PyTuple_GetItem(r, 1);
            return (mro, message == Py.None ? null : Py.AsString(message));
        }
        finally { Py.Py_DecRef(r); }
    }

    /// <summary>A namedtuple result: its class made from the items (a new reference; steals items).</summary>
    public static nint MakeNamedTuple(string qualified, nint items) => CallHelper("make_namedtuple", Py.Str(qualified), items);
    public static nint MakeInstance(string qualified, nint attributes) => CallHelper("make_instance", Py.Str(qualified), attributes);

    private static nint CallOne(nint callable, nint arg)
    {
        if (arg == 0) return 0;
        nint args = Py.Tuple(arg);
        nint r = Py.PyObject_CallObject(callable, args);
        Py.Py_DecRef(args);
        return r;
    }

    private static nint Utf8(byte* s)
    {
        var span = RuntimeStrings.Span(s);
        fixed (byte* b = span) return Py.PyUnicode_FromStringAndSize(b, span.Length);
    }

    private static nint ExceptionClass(string name)
    {
        if (Classes.TryGetValue(name, out var cls)) return cls;
        nint c = CallHelper("exception_class", Py.Str(name));
        if (c != 0) Classes[name] = c;
        return c;
    }

    private static nint ExceptionClass(byte* name)
    {
        if (ClassesByAddress.TryGetValue((nint)name, out var e) && RuntimeStrings.Span(name).SequenceEqual(e.Name)) return e.Class;
        nint c = ExceptionClass(RuntimeStrings.Read(name));
        if (c != 0) ClassesByAddress[(nint)name] = (RuntimeStrings.Span(name).ToArray(), c);
        return c;
    }

    /// <summary>The frame for a raise site (borrowed: the cache keeps it); 0 with an exception set on failure. Keyed by
    /// the addresses of compiled code's constant strings, checked against their text.</summary>
    private static nint SiteFrame(in RawFrame f)
    {
        var key = ((nint)f.File, f.Line, (nint)f.Function);
        if (Sites.TryGetValue(key, out var site) && RuntimeStrings.Span(f.File).SequenceEqual(site.File)
            && RuntimeStrings.Span(f.Function).SequenceEqual(site.Function))
            return site.Frame;
        nint frame = CallHelper("site_frame", Utf8(f.File), Py.PyLong_FromLongLong(f.Line), Utf8(f.Function));
        if (frame == 0) return 0;
        if (site != null) Py.Py_DecRef(site.Frame);
        Sites[key] = new Site(RuntimeStrings.Span(f.File).ToArray(), RuntimeStrings.Span(f.Function).ToArray(), frame);
        return frame;
    }

    /// <summary>Prints an exception a cfunc raised (it cannot propagate into C): sys.stderr, compiled frames included.</summary>
    public static void ReportCFuncError(string name, PythonException e)
    {
        int gil = Py.PyGILState_Ensure();
        try
        {
            nint frames = Py.PyList_New(0);
            foreach (var f in e.Frames)
            {
                nint t = Py.Tuple(Py.Str(f.File), Py.PyLong_FromLongLong(f.Line), Py.Str(f.Function));
                Py.PyList_Append(frames, t);
                Py.Py_DecRef(t);
            }
            nint r = CallHelper("report_cfunc_error", Py.Str(name), Py.Str(e.TypeName), e.PyMessage == null ? Py.NewRef(Py.None) : Py.Str(e.PyMessage), frames);
            if (r != 0) Py.Py_DecRef(r); else Py.PyErr_Clear();
        }
        finally { Py.PyGILState_Release(gil); }
    }

    /// <summary>An argument with the buffer protocol or NumPy's array interface as an ndarray of the same memory (a new
    /// reference); 0 with no exception when it is neither, 0 with an exception when converting it failed.</summary>
    public static nint AsArray(nint value)
    {
        Py.Py_IncRef(value);
        nint r = CallHelper("as_array", value);
        if (r == Py.None) { Py.Py_DecRef(r); return 0; }
        return r;
    }

    /// <summary>numpy.NAME, the type object of one of NumPy's scalar types (a new reference; 0 with an exception set).</summary>
    public static nint NumPyScalarType(string name) => CallHelper("numpy_scalar_type", Py.Str(name));

    /// <summary>Sets the Python exception for a compile failure: sharpjit.errors.* for compile errors, else InternalError.</summary>
    public static void RaiseCompileError(Exception ex)
    {
        var (kind, text) = ex switch
        {
            CompileError ce => (ce.Kind.ToString(), ce.Diagnostic.Render()),
            ArgumentException ae => ("TypeError", ae.Message),
            DllNotFoundException de => ("LLVMLoadError", de.Message),
            _ => ("InternalError", $"internal compiler error: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}"),
        };
        SetReturnedException(CallHelper("raise_compile_error", Py.Str(kind), Py.Str(text)));
    }

    /// <summary>Sets the exception instance a helper built (its __traceback__ kept); if the helper itself failed, its error stands.</summary>
    private static void SetReturnedException(nint exc)
    {
        if (exc == 0) return;
        Py.PyErr_SetObject(Py.TypeOf(exc), exc);
        Py.Py_DecRef(exc);
    }

    /// <summary>Asks Python for the type of an argument the fast path did not recognise; false with TypeError set.</summary>
    public static bool LearnType(nint dispatcher, nint value, int position, nint argument)
    {
        nint r = CallHelper("typeof", Py.NewRef(dispatcher), Py.NewRef(value), Py.PyLong_FromLongLong(position), Py.NewRef(argument));
        if (r == 0) return false;
        string? name = Py.AsString(r);
        Py.Py_DecRef(r);
        if (name == null) return false;
        if (name == "namedtuple")
        {
            // (module.qualname, name, fields): its values are tuples whose items compiled code also reads by name.
            nint d = CallHelper("namedtuple_info", Py.NewRef(value));
            if (d == 0) return false;
            var fields = HostNames.Strings(Py.PyTuple_GetItem(d, 2));
            var info = new NamedTupleInfo(Py.AsString(Py.PyTuple_GetItem(d, 1)) ?? "", Py.AsString(Py.PyTuple_GetItem(d, 0)) ?? "", fields);
            Py.Py_DecRef(d);
            nint ntype = Py.TypeOf(value);
            Py.Py_IncRef(ntype);   // kept in the type cache for good
            if (Boxing.LearnNamedTuple(ntype, info)) return true;
            Py.PyErr_SetString(Py.TypeError, "too many namedtuple classes passed to compiled code (at most 255)");
            return false;
        }
        if (name == "instance")
        {
            nint pyClass = Py.TypeOf(value);
            nint d = CallHelper("classify", Py.NewRef(pyClass));
            if (d == 0) return false;
            var cls = HostNames.ClassOf(d, out var why);
            Py.Py_DecRef(d);
            if (cls == null)
            {
                nint where = CallHelper("argument_name", Py.NewRef(dispatcher), Py.PyLong_FromLongLong(position));
                if (where == 0) return false;
                Py.PyErr_SetString(Py.TypeError, $"{DispatcherType.StateOf(dispatcher)?.Name ?? "function"}() argument {Py.AsString(where)} is an instance of {why}, which compiled code cannot take");
                Py.Py_DecRef(where);
                return false;
            }
            return InstanceArgs.Learn(pyClass, cls);
        }
        if (name == "callable")
        {
            nint d = CallHelper("static_callable", Py.NewRef(value));
            if (d == 0) return false;
            bool learned = FunctionArgs.Learn(value, d);
            Py.Py_DecRef(d);
            return learned;
        }
        if (name == "cfuncptr")
        {
            FunctionPointerArgs.Learn(Py.TypeOf(value));
            return true;
        }
        if (name == "ndarray")
        {
            nint np = Py.PyImport_ImportModule("numpy");
            if (np == 0) return false;
            NdArrays.NdArrayType = Py.PyObject_GetAttrString(np, "ndarray");   // kept for good
            Py.Py_DecRef(np);
            return NdArrays.NdArrayType != 0;
        }
        nint type = Py.TypeOf(value);
        Py.Py_IncRef(type); // kept in the type cache for good
        Boxing.Learn(type, Boxing.CodeOf(name));
        return true;
    }

    /// <summary>Issues a sharpjit.errors.CacheWarning (GIL held); false with the exception set if warnings are errors.</summary>
    public static bool CacheWarning(string text)
    {
        nint r = CallHelper("cache_warning", Py.Str(text));
        if (r == 0) return false;
        Py.Py_DecRef(r);
        return true;
    }

    /// <summary>Sends compiled print() output to Python's sys.stdout (so it interleaves with Python's own prints).</summary>
    public static void WriteStdout(string text)
    {
        int gil = Py.PyGILState_Ensure();
        try
        {
            nint r = CallHelper("write_stdout", Py.Str(text));
            if (r != 0) Py.Py_DecRef(r); else Py.PyErr_Clear();
        }
        finally { Py.PyGILState_Release(gil); }
    }

    /// <summary>sys.stdout.flush(), for print(..., flush=True) in compiled code.</summary>
    public static void FlushStdout()
    {
        int gil = Py.PyGILState_Ensure();
        try
        {
            nint r = CallHelper("flush_stdout");
            if (r != 0) Py.Py_DecRef(r); else Py.PyErr_Clear();
        }
        finally { Py.PyGILState_Release(gil); }
    }

    /// <summary>Classifies a name read by compiled code (must be called with the GIL held).</summary>
    public static nint Resolve(nint dispatcher, string name) => CallHelper("resolve", Py.NewRef(dispatcher), Py.Str(name));

    /// <summary>Classifies module.name (GIL held).</summary>
    public static nint ResolveAttribute(nint module, string name) => CallHelper("resolve_attr", Py.NewRef(module), Py.Str(name));
}

/// <summary>Turns what the bridge's resolve() reports about a name into the compiler's view of a global.</summary>
internal static class HostNames
{
    /// <summary>The global for a name read by the dispatcher's function; null when Python does not define it.</summary>
    public static GlobalInfo? Resolve(nint dispatcher, string name) => Query(dispatcher, name, forCompile: true);

    /// <summary>The same, without preparing callees for compilation: for checking a cache entry's frozen values.</summary>
    public static GlobalInfo? Peek(nint dispatcher, string name) => Query(dispatcher, name, forCompile: false);

    private static GlobalInfo? Query(nint dispatcher, string name, bool forCompile) =>
        Describe(name, forCompile, () => Bridge.Resolve(dispatcher, name));

    /// <summary>What a host module's attribute is bound to (for compiling, or for checking a cache entry).</summary>
    public static GlobalInfo? QueryAttribute(nint module, string name, bool forCompile) =>
        Describe(name, forCompile, () => Bridge.ResolveAttribute(module, name));

    private static GlobalInfo? Describe(string name, bool forCompile, Func<nint> ask)
    {
        int gil = Py.PyGILState_Ensure();
        try
        {
            nint r = ask();
            if (r == 0)
            {
                Py.PyErr_Clear();
                return Opaque(name, "a value that could not be inspected");
            }
            try { return r == Py.None ? null : FromDescription(name, r, forCompile); }
            finally { Py.Py_DecRef(r); }
        }
        finally { Py.PyGILState_Release(gil); }
    }

    /// <summary>The str items of a Python tuple, from position <paramref name="from"/>.</summary>
    internal static string[] Strings(nint tuple, int from = 0)
    {
        var items = new string[Py.PyTuple_Size(tuple) - from];
        for (int k = 0; k < items.Length; k++) items[k] = Py.AsString(Py.PyTuple_GetItem(tuple, from + k)) ?? "";
        return items;
    }

    /// <summary>The compiled class a class description stands for (<c>_bridge.classify</c> of a class), or null with
    /// what it is instead.</summary>
    public static ClassInfo? ClassOf(nint description, out string? why)
    {
        GlobalInfo g;
        try { g = FromDescription("class", description, forCompile: true); }
        catch (CompileError e) { why = $"a class that does not compile ({e.Diagnostic.Message})"; return null; }
        why = g.Kind == GlobalKind.Class ? null : g.Description;
        return g.Kind == GlobalKind.Class ? g.Class : null;
    }

    private static GlobalInfo Opaque(string name, string description) =>
        new(name) { Kind = GlobalKind.Opaque, Description = description, HostKey = "opaque:" + description };

    private static GlobalInfo FromDescription(string name, nint d, bool forCompile)
    {
        string kind = Py.AsString(Py.PyTuple_GetItem(d, 0)) ?? "";
        var g = new GlobalInfo(name);
        switch (kind)
        {
            case "const":
                var value = ToConstant(Py.PyTuple_GetItem(d, 1));
                if (value == null) { Py.PyErr_Clear(); return Opaque(name, "an int that does not fit in 64 bits"); }
                if (Py.PyTuple_Size(d) > 2 && ScalarType.ByName(Py.AsString(Py.PyTuple_GetItem(d, 2)) ?? "") is { } narrow)
                    value = new TypedConstant(narrow, value); // NumPy's narrow scalar: ("const", value.item(), dtype name)
                g.Kind = GlobalKind.Constant; g.ConstantValue = value; g.HostKey = "const:" + ConstantKey(value);
                return g;
            case "module":
                g.Kind = GlobalKind.Module; g.ModuleName = Py.AsString(Py.PyTuple_GetItem(d, 1));
                g.HostKey = "module:" + g.ModuleName;
                return g;
            case "member":
                g.Kind = GlobalKind.ModuleMember;
                g.ModuleName = Py.AsString(Py.PyTuple_GetItem(d, 1)); g.MemberName = Py.AsString(Py.PyTuple_GetItem(d, 2));
                g.HostKey = $"member:{g.ModuleName}.{g.MemberName}";
                return g;
            case "pymodule":
                g.Kind = GlobalKind.Module;
                g.ModuleName = Py.AsString(Py.PyTuple_GetItem(d, 2));
                g.HostObject = new HostModule(Py.PyTuple_GetItem(d, 1), g.ModuleName ?? "?");
                g.HostKey = "pymodule:" + g.ModuleName;
                return g;
            case "namedtuple":
            {
                var fields = Strings(Py.PyTuple_GetItem(d, 3));
                nint defaultsTuple = Py.PyTuple_GetItem(d, 4);
                var defaults = new object?[Py.PyTuple_Size(defaultsTuple)];
                for (int k = 0; k < defaults.Length; k++)
                    if ((defaults[k] = ToConstant(Py.PyTuple_GetItem(defaultsTuple, k))) == null) { Py.PyErr_Clear(); return Opaque(name, "a namedtuple class with a default that does not fit in compiled code"); }
                string qualified = Py.AsString(Py.PyTuple_GetItem(d, 1)) ?? "";
                g.Kind = GlobalKind.NamedTupleClass;
                g.NamedTuple = new NamedTupleInfo(Py.AsString(Py.PyTuple_GetItem(d, 2)) ?? "", qualified, fields);
                g.NamedTupleDefaults = defaults;
                g.HostKey = $"namedtuple:{qualified}({string.Join(",", fields)})={string.Join(",", defaults.Select(v => ConstantKey(v!)))}";
                return g;
            }
            case "exception":
            {
                var mro = Strings(d, from: 1);
                g.Kind = GlobalKind.ExceptionClass; g.ExceptionMro = mro;
                g.HostKey = "exception:" + string.Join(",", mro);
                // Registered now too: code loaded from the cache matches its except clauses without being typed again.
                ExceptionClasses.Register(mro[0], mro);
                return g;
            }
            case "extern":
            case "callback":
            {
                // ("extern", name, signature, address, symbol or ""), or ("callback", name, signature, callable): the
                // address (of the C function, or of the Python callable) is baked into the code, so it is in the key.
                bool python = kind == "callback";
                string fnName = Py.AsString(Py.PyTuple_GetItem(d, 1)) is { Length: > 0 } given ? given : name, signature = Py.AsString(Py.PyTuple_GetItem(d, 2)) ?? "";
                nint item = Py.PyTuple_GetItem(d, 3);
                long address = python ? item : Py.PyLong_AsLongLong(item);
                string symbol = python ? "" : Py.AsString(Py.PyTuple_GetItem(d, 4)) ?? "";
                try { g.Extern = new ExternFunction(fnName, CSignature.Parse(signature), address, symbol.Length > 0 ? symbol : null, python); }
                catch (ArgumentException e) { return Opaque(name, $"a {(python ? "Python callback" : "C function")} whose signature compiled code cannot take ({e.Message})"); }
                if (python && forCompile) Py.Py_IncRef(item);   // compiled code holds its address: kept for the process
                g.Kind = GlobalKind.ExternFunction; g.HostKey = "extern:" + g.Extern.Key;
                return g;
            }
            case "bitcodelib" or "bitcodefn":
            {
                // ("bitcodelib", key) for sharpjit.load_bitcode's library, ("bitcodefn", key, function) for one of its functions.
                var library = BitcodeLibrary.Find(Py.AsString(Py.PyTuple_GetItem(d, 1)) ?? "");
                if (library == null) return Opaque(name, "a bitcode library this process did not load");
                if (kind == "bitcodefn") return library.Global(name, Py.AsString(Py.PyTuple_GetItem(d, 2)) ?? "")!;
                g.Kind = GlobalKind.Module; g.ModuleName = library.FileName; g.HostObject = library;
                g.HostKey = "bitcode:" + library.Key + library.StateKey;
                return g;
            }
            case "class":
            {
                // ("class", name, qualified, file, first line, module, file text): parsed from its source; its methods
                // read the names of its module.
                string clsName = Py.AsString(Py.PyTuple_GetItem(d, 1)) ?? "", qualified = Py.AsString(Py.PyTuple_GetItem(d, 2)) ?? "";
                string file = Py.AsString(Py.PyTuple_GetItem(d, 3)) ?? "", text = Py.AsString(Py.PyTuple_GetItem(d, 6)) ?? "";
                int line = (int)Py.PyLong_AsLongLong(Py.PyTuple_GetItem(d, 4));
                var module = new HostModule(Py.PyTuple_GetItem(d, 5), qualified);
                try { g.Class = HostClass.Parse(new SourceText(file, text), clsName, line, qualified, module.Resolve); }
                catch (CompileError e) when (!forCompile) { return Opaque(name, $"the class '{clsName}' ({e.Diagnostic.Message})"); }
                g.Kind = GlobalKind.Class;
                g.HostObject = module;
                g.HostKey = $"class:{qualified}:{System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(HostClass.SourceOf(g.Class))))}";
                return g;
            }
            case "jit":
                var callee = DispatcherType.StateOf(Py.PyTuple_GetItem(d, 1))!;
                g.Kind = GlobalKind.Function; g.HostObject = callee; g.HostKey = "jit:" + callee.Identity;
                if (forCompile) g.Function = callee.Host.Function;
                return g;
            default:
                return Opaque(name, Py.AsString(Py.PyTuple_GetItem(d, 1)) ?? "an unsupported value");
        }
    }

    /// <summary>Exact text of a constant (floats by their bits), so that any change of value changes the key.</summary>
    private static string ConstantKey(object v) => v switch
    {
        bool b => b ? "True" : "False",
        long l => "i" + l,
        double d => "f" + BitConverter.DoubleToInt64Bits(d).ToString("x"),
        Complex c => $"c{BitConverter.DoubleToInt64Bits(c.Real):x},{BitConverter.DoubleToInt64Bits(c.Imaginary):x}",
        object?[] items => "(" + string.Join(",", items.Select(x => ConstantKey(x!))) + ")",
        TypedConstant tc => tc.Type.Name + ":" + ConstantKey(tc.Value),
        _ => "None",
    };

    /// <summary>A frozen constant: long, double, bool, Complex, PyNone or object?[] (null when it does not fit).</summary>
    private static object? ToConstant(nint o)
    {
        nint t = Py.TypeOf(o);
        if (o == Py.None) return PyNone.Instance;
        if (t == Py.BoolType) return Py.PyObject_IsTrue(o) == 1;
        if (t == Py.FloatType) return Py.PyFloat_AsDouble(o);
        if (t == Py.ComplexType) return new Complex(Py.PyComplex_RealAsDouble(o), Py.PyComplex_ImagAsDouble(o));
        if (t == Py.LongType)
        {
            long v = Py.PyLong_AsLongLong(o);
            return v == -1 && Py.PyErr_Occurred() != 0 ? null : v;
        }
        if (t == Py.TupleType)
        {
            var items = new object?[Py.PyTuple_Size(o)];
            for (int i = 0; i < items.Length; i++)
                if ((items[i] = ToConstant(Py.PyTuple_GetItem(o, i))) == null) return null;
            return items;
        }
        return null;
    }
}

/// <summary>A Python module compiled code reads attributes of (`mymod.f`, `mymod.SCALE`); each is frozen when first read.</summary>
internal sealed class HostModule : IHostNamespace
{
    private readonly nint _module;   // a strong reference, kept for the process (modules live that long anyway)
    public string Name { get; }
    /// <summary>The attributes resolved so far (their HostKeys go into cache entries).</summary>
    public Dictionary<string, GlobalInfo> Resolved { get; } = new();

    public HostModule(nint module, string name)
    {
        Py.Py_IncRef(module);
        _module = module;
        Name = name;
    }

    public GlobalInfo? Resolve(string attribute)
    {
        lock (Resolved)
        {
            if (Resolved.TryGetValue(attribute, out var g)) return g;
            g = HostNames.QueryAttribute(_module, attribute, forCompile: true);
            if (g != null) Resolved[attribute] = g;
            return g;
        }
    }

    public GlobalInfo? Peek(string attribute) => HostNames.QueryAttribute(_module, attribute, forCompile: false);
}
