using System.Runtime.InteropServices;
using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Runtime;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>One compiled signature: its type key, entry point and how to marshal through it.</summary>
internal sealed unsafe class CompiledEntry
{
    public required byte[] Key;
    public required SjType[] ArgTypes;
    public required SjType CompiledReturnType;
    public required SjType ReturnType;     // as returned to Python (a declared signature may widen it)
    /// <summary>The optimised IR, printed when first asked for (inspect_llvm, the cache).</summary>
    public required Func<string> PrintLlvmIr;
    public string LlvmIr => _llvmIr ??= PrintLlvmIr();
    private string? _llvmIr;
    public required Func<string> TypedIr;
    public required TimeSpan CompileTime;
    public bool FromCache;
    public required ValueLayout Args;
    public required int ResultSize;
    public required delegate* unmanaged<byte*, byte*, int> Entry;
    // Precomputed for the per-call path: each argument's offset and scalar key code (0: tuple or None).
    public int[] Offsets = Array.Empty<int>();
    public byte[] Kinds = Array.Empty<byte>();
    public byte ResultKind;
    public bool ConvertsResult;
    /// <summary>Some argument is (or holds) a str, copied into a runtime string for the call and released after it.</summary>
    public bool CopiesStrings;
    public ValuePlan[] ArgPlans = Array.Empty<ValuePlan>();
    public ValuePlan ResultPlan = null!;

    public void Prepare()
    {
        Offsets = Enumerable.Range(0, ArgTypes.Length).Select(Args.Offset).ToArray();
        Kinds = ArgTypes.Select(ScalarKind).ToArray();
        ResultKind = ScalarKind(ReturnType);
        ConvertsResult = CompiledReturnType != ReturnType;
        CopiesStrings = ArgTypes.Any(Boxing.HoldsStr);
        ArgPlans = ArgTypes.Select((t, i) => ValuePlan.For(t, Offsets[i])).ToArray();
        ResultPlan = ValuePlan.For(ReturnType, 0);
    }

    private static byte ScalarKind(SjType t) => t is ScalarType s ? Boxing.CodeOf(s) : (byte)0;
}

/// <summary>
/// The state behind a Python-visible dispatcher object: the function's source, the compiled signatures, and the
/// compile-on-miss path. Calls are matched and marshalled here, in native code, without going through Python.
/// </summary>
internal sealed unsafe class Dispatcher
{
    public nint Self;                       // the Python object (borrowed: it owns this state)
    public required SourceText Source;
    public required string Name;
    public required int FirstLine;
    public (int Line, int Column)? BodyAt;  // a position inside a lambda's body (tells lambdas on one line apart)
    public required string[] ParamNames;
    // How Python binds a call (CPython's rules, done here): positional parameters first (the first PosOnlyCount of them
    // positional-only), then keyword-only ones. Names and defaults are strong references, released with the object.
    public int PosCount, PosOnlyCount;
    public nint[] ParamObjects = Array.Empty<nint>();
    public nint[] Defaults = Array.Empty<nint>();      // for the last Defaults.Length positional parameters
    public nint[] KwDefaults = Array.Empty<nint>();    // per keyword-only parameter: its default, or 0
    public string QualName = "";
    /// <summary>A <c>*args</c> parameter follows the positional ones (at PosCount): it gets a new tuple of the extra
    /// positional arguments, which the caller of Bind releases.</summary>
    public bool VarArgs;
    public int KwOnlyStart => PosCount + (VarArgs ? 1 : 0);
    /// <summary>A call may pass its positional tuple straight through: no keyword-only parameters.</summary>
    public bool AllPositional => PosCount == ParamNames.Length;
    public bool NoGil, FastMath, BoundsCheck = true, NumPyErrorModel, Parallel, Stencil;
    public string? CacheDir;                // cache=True: where compiled signatures are stored
    private string? _identity;

    /// <summary>Where the function comes from and the hash of that file's text: part of every cache key that involves it.</summary>
    public string Identity => _identity ??= $"{Source.Path}:{FirstLine}:{Name}:{DiskCache.Hash(Source.Text)}";
    public bool Explicit;                   // signatures were given: no lazy compilation for other types
    public volatile CompiledEntry[] Entries = Array.Empty<CompiledEntry>();
    private HostFunction? _host;
    private readonly object _compileLock = new(), _parseLock = new();

    public HostFunction? HostIfParsed => _host;

    public HostFunction Host
    {
        get
        {
            if (_host != null) return _host;
            // Its own lock: parsing never calls Python, so it may be taken with the GIL held (resolving a callee).
            lock (_parseLock)
            {
                if (_host != null) return _host;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                Engine.JitHost.WaitForFrontEndWarmUp();
                _host = HostFunction.Parse(Source, Name, FirstLine, ParamNames, Lookup, BodyAt, new ObjModeBlocks(Self), Parallel, Stencil);
                SharpJit.Diagnostics.CompileTrace.Write($"parsed {QualName} in {clock.Elapsed.TotalMilliseconds:0.0} ms");
                return _host;
            }
        }
    }

    private GlobalInfo? Lookup(string name) => HostNames.Resolve(Self, name);

    /// <summary>tp_call after binding: argv holds one borrowed reference per parameter. Match a signature, else
    /// compile one, then run it.</summary>
    /// <param name="borrowedFrom">argv[borrowedFrom..] are borrowed from a keyword dict: held while compiling, which
    /// may run Python code.</param>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public nint Call(nint* argv, int count, int borrowedFrom = int.MaxValue)
    {
        byte* key = stackalloc byte[Boxing.MaxKey];
        int n = 0;
        bool known = true;
        for (int i = 0; i < count && known; i++) known = Boxing.AppendKey(argv[i], key, ref n);
        if (known)
        {
            var keySpan = new ReadOnlySpan<byte>(key, n);
            foreach (var e in Entries)
                if (keySpan.SequenceEqual(e.Key)) return Invoke(e, argv);
        }
        if (!known && CallWithArrayViews(argv, count, key) is { } viaViews) return viaViews;
        for (int i = borrowedFrom; i < count; i++) Py.Py_IncRef(argv[i]);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var entriesBefore = Entries;
            var entry = FindOrCompile(argv, count);
            var found = clock.Elapsed;
            try { return entry == null ? 0 : Invoke(entry, argv); }
            finally
            {
                // Only a call that compiled (arguments the fast key cannot describe come this way every time).
                if (SharpJit.Diagnostics.CompileTrace.Enabled && !ReferenceEquals(Entries, entriesBefore))
                    SharpJit.Diagnostics.CompileTrace.Write($"first call of {QualName}: classify+compile {found.TotalMilliseconds:0.0} ms, run {(clock.Elapsed - found).TotalMilliseconds:0.0} ms");
            }
        }
        finally { for (int i = borrowedFrom; i < count; i++) Py.Py_DecRef(argv[i]); }
    }

    /// <summary>
    /// Arguments that are arrays by another name (the buffer protocol: memoryview, bytearray, bytes, array.array; NumPy's
    /// array interface) go in as ndarray views of the same memory, so compiled code reads and writes the caller's
    /// memory without a copy. Null when no argument is one (the call goes on as it is); else the call's result.
    /// </summary>
    private nint? CallWithArrayViews(nint* argv, int count, byte* scratch)
    {
        nint[]? adapted = null;
        for (int i = 0; i < count; i++)
        {
            int n = 0;
            if (Boxing.AppendKey(argv[i], scratch, ref n)) continue;
            nint view = Bridge.AsArray(argv[i]);
            if (view == 0)
            {
                if (Py.PyErr_Occurred() == 0) continue;
                if (adapted != null) foreach (var a in adapted) Py.Py_DecRef(a);
                return 0;
            }
            if (adapted == null)
            {
                adapted = new nint[count];
                for (int k = 0; k < count; k++) { adapted[k] = argv[k]; Py.Py_IncRef(argv[k]); }
            }
            Py.Py_DecRef(adapted[i]);
            adapted[i] = view;
        }
        if (adapted == null) return null;
        try { fixed (nint* views = adapted) return Call(views, count); }
        finally { foreach (var a in adapted) Py.Py_DecRef(a); }
    }

    [System.Runtime.CompilerServices.SkipLocalsInit]
    private nint Invoke(CompiledEntry e, nint* argv)
    {
        byte* argBuf = stackalloc byte[Math.Max(e.Args.Size, 8)];
        byte* result = stackalloc byte[Math.Max(e.ResultSize, 16)];
        var kinds = e.Kinds;
        var mark = e.CopiesStrings ? Boxing.Mark() : default;
        for (int i = 0; i < kinds.Length; i++)
        {
            nint o = argv[i];
            byte* p = argBuf + e.Offsets[i];
            nint type = Py.TypeOf(o);
            if (kinds[i] == Boxing.Float && type == Py.FloatType) *(double*)p = Py.Fast.PyFloat_AsDouble(o);
            else if (kinds[i] == Boxing.Int && type == Py.LongType)
            {
                long v = Py.Fast.PyLong_AsLongLong(o);
                if (v == -1 && Py.Fast.PyErr_Occurred() != 0) return 0;
                *(long*)p = v;
            }
            else if (!e.ArgPlans[i].Write(o, argBuf))
            {
                if (e.CopiesStrings) { InstanceArgs.Discard(mark.Instances); Boxing.ReleaseArgStrings(mark); Boxing.ReleaseItemArrays(mark); }
                return 0;
            }
        }
        if (e.CopiesStrings) Boxing.ArgumentsConverted();
        int status;
        NdArrays.CallArgs = argv; NdArrays.CallArgCount = e.ArgTypes.Length;   // an objmode block may pass a view of one to Python
        if (NoGil)
        {
            nint ts = Py.PyEval_SaveThread();
            status = e.Entry(argBuf, result);
            Py.PyEval_RestoreThread(ts);
        }
        else status = e.Entry(argBuf, result);
        // Again (an objmode block may have called another dispatcher): a borrowed array written back or returned is a
        // view of one of them.
        NdArrays.CallArgs = argv; NdArrays.CallArgCount = e.ArgTypes.Length;
        bool written = !e.CopiesStrings || Boxing.ReleaseArgStrings(mark);   // lists changed by the call are written back
        if (RuntimeOutput.Pending) RuntimeOutput.Flush();
        if (!e.CopiesStrings) return status != 0 ? Bridge.RaiseCompiled() : ReadResult(e, result);
        nint r = status != 0 ? Bridge.RaiseCompiled() : written ? ReadResult(e, result) : 0;
        Boxing.ReleaseItemArrays(mark);   // the result may hold arrays that were items of its lists
        return r;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static nint ReadResult(CompiledEntry e, byte* result)
    {
        switch (e.ResultKind)
        {
            case Boxing.Float: if (!e.ConvertsResult) return Py.Fast.PyFloat_FromDouble(*(double*)result); break;
            case Boxing.Int: if (!e.ConvertsResult) return Py.Fast.PyLong_FromLongLong(*(long*)result); break;
        }
        if (e.ConvertsResult) Boxing.Convert(result, e.CompiledReturnType, e.ReturnType);
        return e.ResultPlan.Read(result);
    }

    /// <summary>
    /// Binds a call's positional and keyword arguments to the parameters as CPython does (its order of checks and its
    /// messages), defaults filled in: argv[i] is a borrowed reference for parameter i. False with TypeError set.
    /// </summary>
    public bool Bind(nint args, nint kwargs, nint* argv)
    {
        int total = ParamNames.Length;
        nint given = Py.Fast.PyTuple_Size(args);
        for (int i = 0; i < total; i++) argv[i] = 0;
        for (int i = 0; i < given && i < PosCount; i++) argv[i] = Py.Fast.PyTuple_GetItem(args, i);
        if (kwargs != 0)
        {
            nint pos = 0, k, v;
            while (Py.Fast.PyDict_Next(kwargs, &pos, &k, &v) != 0)
            {
                if (Py.TypeOf(k) != Py.UnicodeType && Py.PyType_IsSubtype(Py.TypeOf(k), Py.UnicodeType) == 0) return Fail($"{QualName}() keywords must be strings");
                int j = PosOnlyCount;
                while (j < total && ParamObjects[j] != k) j++;
                if (j == total)
                    for (j = PosOnlyCount; j < total; j++)
                        if (Py.AsString(k) == ParamNames[j]) break;
                if (j == total || VarArgs && j == PosCount)
                {
                    if (PosOnlyPassedAsKeyword(kwargs)) return false;
                    return Fail($"{QualName}() got an unexpected keyword argument '{Py.AsString(k)}'");
                }
                if (argv[j] != 0) return Fail($"{QualName}() got multiple values for argument '{Py.AsString(k)}'");
                argv[j] = v;
            }
        }
        if (given > PosCount && !VarArgs) return TooManyPositional(given, argv);
        if (given < PosCount)
        {
            int firstDefault = PosCount - Defaults.Length;
            List<string>? missing = null;
            for (int i = (int)given; i < firstDefault; i++) if (argv[i] == 0) (missing ??= new()).Add(ParamNames[i]);
            if (missing != null) return Missing(missing, "positional");
            for (int i = Math.Max((int)given, firstDefault); i < PosCount; i++)
                if (argv[i] == 0) argv[i] = Defaults[i - firstDefault];
        }
        if (total > KwOnlyStart)
        {
            List<string>? missing = null;
            for (int i = KwOnlyStart; i < total; i++)
                if (argv[i] == 0 && (argv[i] = KwDefaults[i - KwOnlyStart]) == 0) (missing ??= new()).Add(ParamNames[i]);
            if (missing != null) return Missing(missing, "keyword-only");
        }
        if (VarArgs) argv[PosCount] = given > PosCount ? Py.PyTuple_GetSlice(args, PosCount, given) : Py.PyTuple_New(0);
        return true;
    }

    private static bool Fail(string message)
    {
        Py.PyErr_SetString(Py.TypeError, message);
        return false;
    }

    /// <summary>CPython's too_many_positional.</summary>
    private bool TooManyPositional(nint given, nint* argv)
    {
        int kwonlyGiven = 0;
        for (int i = PosCount; i < ParamNames.Length; i++) if (argv[i] != 0) kwonlyGiven++;
        bool plural;
        string sig;
        if (Defaults.Length > 0) { plural = true; sig = $"from {PosCount - Defaults.Length} to {PosCount}"; }
        else { plural = PosCount != 1; sig = PosCount.ToString(); }
        string kwonly = kwonlyGiven == 0 ? ""
            : $" positional argument{(given != 1 ? "s" : "")} (and {kwonlyGiven} keyword-only argument{(kwonlyGiven != 1 ? "s" : "")})";
        return Fail($"{QualName}() takes {sig} positional argument{(plural ? "s" : "")} but {given}{kwonly} " +
            $"{(given == 1 && kwonlyGiven == 0 ? "was" : "were")} given");
    }

    /// <summary>CPython's missing_arguments / format_missing: 'a', 'a' and 'b', 'a', 'b', and 'c'.</summary>
    private bool Missing(List<string> names, string kind)
    {
        var quoted = names.Select(n => "'" + n + "'").ToList();
        string text = quoted.Count switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} and {quoted[1]}",
            _ => string.Join(", ", quoted.Take(quoted.Count - 2)) + $", {quoted[^2]}, and {quoted[^1]}",
        };
        return Fail($"{QualName}() missing {names.Count} required {kind} argument{(names.Count == 1 ? "" : "s")}: {text}");
    }

    /// <summary>CPython's positional_only_passed_as_keyword (false with the error set when there is one).</summary>
    private bool PosOnlyPassedAsKeyword(nint kwargs)
    {
        var conflicts = new List<string>();
        for (int i = 0; i < PosOnlyCount; i++)
        {
            nint pos = 0, k, v;
            while (Py.Fast.PyDict_Next(kwargs, &pos, &k, &v) != 0)
                if (Py.AsString(k) == ParamNames[i]) conflicts.Add(ParamNames[i]);
        }
        if (conflicts.Count == 0) return false;
        Fail($"{QualName}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", conflicts)}'");
        return true;
    }

    /// <summary>Drops the references the binding data holds (the Python object is going away; GIL held).</summary>
    public void ReleaseReferences()
    {
        foreach (var o in ParamObjects) Py.Py_DecRef(o);
        foreach (var o in Defaults) Py.Py_DecRef(o);
        foreach (var o in KwDefaults) if (o != 0) Py.Py_DecRef(o);
        ParamObjects = Defaults = KwDefaults = Array.Empty<nint>();
    }

    /// <summary>The slow path: classify argument types (asking Python about unfamiliar ones), then compile.</summary>
    private CompiledEntry? FindOrCompile(nint* argv, int count)
    {
        var key = KeyOf(argv, count);
        if (key == null) return null;
        foreach (var e in Entries) if (key.AsSpan().SequenceEqual(e.Key)) return e;
        int pos = 0;
        var types = new SjType[count];
        InstanceArgs.BeginDecode();
        try { for (int i = 0; i < types.Length; i++) types[i] = Boxing.TypeOfKey(key, ref pos); }
        catch (ArgumentException ex) { Py.PyErr_SetString(Py.TypeError, $"{Name}() {ex.Message}"); return null; }
        if (Explicit)
        {
            var match = Entries.FirstOrDefault(e => e.ArgTypes.Length == types.Length && e.ArgTypes.Zip(types).All(p => Converts(p.Second, p.First)));
            if (match == null)
            {
                Py.PyErr_SetString(Py.TypeError, $"No matching definition for argument type(s) {string.Join(", ", types.Select(t => t.Name))} " +
                    $"of {Name}(); compiled signatures: {string.Join("; ", Entries.Select(e => "(" + string.Join(", ", e.ArgTypes.Select(t => t.Name)) + ")"))}");
            }
            return match;
        }
        return Compile(types, null, key);
    }

    private static bool Converts(SjType from, SjType to) =>
        from == to || from is ScalarType f && to is ScalarType t && f.Rank <= t.Rank;

    /// <summary>The type key of the arguments, learning unfamiliar scalar types from Python; null with an exception set.</summary>
    private byte[]? KeyOf(nint* argv, int count)
    {
        var key = stackalloc byte[Boxing.MaxKey];
        for (int attempt = 0; attempt < 64; attempt++)
        {
            int n = 0;
            int i = 0;
            for (; i < count; i++)
                if (!Boxing.AppendKey(argv[i], key, ref n)) break;
            if (i == count) return new ReadOnlySpan<byte>(key, n).ToArray();
            if (!Bridge.LearnType(Self, Boxing.FirstUnknown(argv[i]), i, argv[i])) return null;
        }
        Py.PyErr_SetString(Py.TypeError, $"arguments of {Name}() are nested too deeply to pass to compiled code");
        return null;
    }

    /// <summary>Compiles one signature with the GIL released (other threads run; one compile per dispatcher at a time).
    /// Returns null with a Python exception set on a compile error.</summary>
    /// <param name="knownKey">The type key the types were decoded from (instance types cannot be encoded again: their
    /// attribute types grow while compiling).</param>
    public CompiledEntry? Compile(SjType[] types, SjType? declaredReturn, byte[]? knownKey = null)
    {
        CompiledEntry? entry = null;
        Exception? error = null;
        var warnings = new List<string>();
        bool ran = ForkGate.RunWithoutGil(() =>
        {
            try
            {
                lock (_compileLock)
                {
                    var keyBytes = new List<byte>();
                    if (knownKey == null) foreach (var t in types) Boxing.AppendKeyOf(t, keyBytes);
                    var key = knownKey ?? keyBytes.ToArray();
                    entry = Entries.FirstOrDefault(e => e.Key.AsSpan().SequenceEqual(key));
                    if (entry == null)
                    {
                        var options = new CodegenOptions(FastMath: FastMath, BoundsCheck: BoundsCheck, NumPyErrorModel: NumPyErrorModel);
                        // Functions passed as arguments are not in the disk cache: their own globals are not among the
                        // dependencies an entry records.
                        var cacheKey = CacheDir == null || types.Any(FunctionArgs.Holds) ? null : DiskCache.KeyFor(this, key, options, declaredReturn);
                        entry = cacheKey == null ? null : DiskCache.TryLoad(this, cacheKey, key, types, declaredReturn, warnings);
                        if (entry == null)
                        {
                            var f = Host.Compile(types, options, sharedObject: cacheKey != null);
                            var ret = declaredReturn ?? f.ReturnType;
                            if (f.ReturnType is FunctionType or BuiltinType && FunctionArgs.ObjectOf(f.ReturnType) == 0)
                                throw new ArgumentException($"{QualName}() returns the function {f.ReturnType.Name}, which compiled code cannot give to " +
                                    "Python (it returns only functions passed in as arguments)");
                            entry = new CompiledEntry
                            {
                                Key = key, ArgTypes = types, CompiledReturnType = f.ReturnType, ReturnType = ret,
                                PrintLlvmIr = () => f.LlvmIr, TypedIr = () => HostFunction.TypedIr(f), CompileTime = f.CompileTime,
                                Args = new ValueLayout(types),
                                ResultSize = Math.Max(ValueLayout.SizeAlign(f.ReturnType).Size, ValueLayout.SizeAlign(ret).Size),
                                Entry = (delegate* unmanaged<byte*, byte*, int>)f.EntryAddress,
                            };
                            if (cacheKey != null) DiskCache.Store(this, cacheKey, f, warnings);
                        }
                        entry.Prepare();
                        Entries = Entries.Append(entry).ToArray();
                    }
                }
            }
            catch (Exception ex) { error = ex; }
        });
        if (!ran) return null;   // interrupted while a fork was being prepared
        if (error != null) { Bridge.RaiseCompileError(error); return null; }
        foreach (var w in warnings)
            if (!Bridge.CacheWarning(w)) return null;   // warnings turned into errors (-W error) raise
        return entry;
    }
}
