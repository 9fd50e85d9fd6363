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
    public required string LlvmIr;
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

    public void Prepare()
    {
        Offsets = Enumerable.Range(0, ArgTypes.Length).Select(Args.Offset).ToArray();
        Kinds = ArgTypes.Select(ScalarKind).ToArray();
        ResultKind = ScalarKind(ReturnType);
        ConvertsResult = CompiledReturnType != ReturnType;
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
    public bool NoGil, FastMath, BoundsCheck = true, NumPyErrorModel;
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
            lock (_parseLock) return _host ??= HostFunction.Parse(Source, Name, FirstLine, ParamNames, Lookup, BodyAt);
        }
    }

    private GlobalInfo? Lookup(string name) => HostNames.Resolve(Self, name);

    /// <summary>tp_call after argument normalisation: match a signature, else compile one, then run it.</summary>
    public nint Call(nint args)
    {
        byte* key = stackalloc byte[Boxing.MaxKey];
        int n = 0;
        nint count = Py.Fast.PyTuple_Size(args);
        bool known = true;
        for (nint i = 0; i < count && known; i++) known = Boxing.AppendKey(Py.Fast.PyTuple_GetItem(args, i), key, ref n);
        if (known)
        {
            var keySpan = new ReadOnlySpan<byte>(key, n);
            foreach (var e in Entries)
                if (keySpan.SequenceEqual(e.Key)) return Invoke(e, args);
        }
        var entry = FindOrCompile(args);
        return entry == null ? 0 : Invoke(entry, args);
    }

    private nint Invoke(CompiledEntry e, nint args)
    {
        byte* argBuf = stackalloc byte[Math.Max(e.Args.Size, 8)];
        byte* result = stackalloc byte[Math.Max(e.ResultSize, 16)];
        var kinds = e.Kinds;
        for (int i = 0; i < kinds.Length; i++)
        {
            nint o = Py.Fast.PyTuple_GetItem(args, i);
            byte* p = argBuf + e.Offsets[i];
            nint type = Py.TypeOf(o);
            if (kinds[i] == Boxing.Float && type == Py.FloatType) *(double*)p = Py.Fast.PyFloat_AsDouble(o);
            else if (kinds[i] == Boxing.Int && type == Py.LongType)
            {
                long v = Py.Fast.PyLong_AsLongLong(o);
                if (v == -1 && Py.Fast.PyErr_Occurred() != 0) return 0;
                *(long*)p = v;
            }
            else if (!Boxing.Write(o, e.ArgTypes[i], p)) return 0;
        }
        int status;
        if (NoGil)
        {
            nint ts = Py.PyEval_SaveThread();
            status = e.Entry(argBuf, result);
            Py.PyEval_RestoreThread(ts);
        }
        else status = e.Entry(argBuf, result);
        if (RuntimeOutput.Pending) RuntimeOutput.Flush();
        if (status != 0) return Bridge.RaiseCompiled(ErrorState.Take());
        switch (e.ResultKind)
        {
            case Boxing.Float: if (!e.ConvertsResult) return Py.Fast.PyFloat_FromDouble(*(double*)result); break;
            case Boxing.Int: if (!e.ConvertsResult) return Py.Fast.PyLong_FromLongLong(*(long*)result); break;
        }
        if (e.ConvertsResult) Boxing.Convert(result, e.CompiledReturnType, e.ReturnType);
        return Boxing.Read(result, e.ReturnType);
    }

    /// <summary>The slow path: classify argument types (asking Python about unfamiliar ones), then compile.</summary>
    private CompiledEntry? FindOrCompile(nint args)
    {
        var key = KeyOf(args);
        if (key == null) return null;
        foreach (var e in Entries) if (key.AsSpan().SequenceEqual(e.Key)) return e;
        int pos = 0;
        var types = new SjType[(int)Py.PyTuple_Size(args)];
        for (int i = 0; i < types.Length; i++) types[i] = Boxing.TypeOfKey(key, ref pos);
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
        return Compile(types, null);
    }

    private static bool Converts(SjType from, SjType to) =>
        from == to || from is ScalarType f && to is ScalarType t && f.Rank <= t.Rank;

    /// <summary>The type key of the arguments, learning unfamiliar scalar types from Python; null with an exception set.</summary>
    private byte[]? KeyOf(nint args)
    {
        var key = stackalloc byte[Boxing.MaxKey];
        nint count = Py.PyTuple_Size(args);
        for (int attempt = 0; attempt < 64; attempt++)
        {
            int n = 0;
            nint i = 0;
            for (; i < count; i++)
                if (!Boxing.AppendKey(Py.PyTuple_GetItem(args, i), key, ref n)) break;
            if (i == count) return new ReadOnlySpan<byte>(key, n).ToArray();
            if (!Bridge.LearnType(Self, Boxing.FirstUnknown(Py.PyTuple_GetItem(args, i)), (int)i)) return null;
        }
        Py.PyErr_SetString(Py.TypeError, $"arguments of {Name}() are nested too deeply to pass to compiled code");
        return null;
    }

    /// <summary>Compiles one signature with the GIL released (other threads run; one compile per dispatcher at a time).
    /// Returns null with a Python exception set on a compile error.</summary>
    public CompiledEntry? Compile(SjType[] types, SjType? declaredReturn)
    {
        CompiledEntry? entry = null;
        Exception? error = null;
        var warnings = new List<string>();
        nint ts = Py.PyEval_SaveThread();
        try
        {
            lock (_compileLock)
            {
                var keyBytes = new List<byte>();
                foreach (var t in types) Boxing.AppendKeyOf(t, keyBytes);
                var key = keyBytes.ToArray();
                entry = Entries.FirstOrDefault(e => e.Key.AsSpan().SequenceEqual(key));
                if (entry == null)
                {
                    var options = new CodegenOptions(FastMath: FastMath, BoundsCheck: BoundsCheck, NumPyErrorModel: NumPyErrorModel);
                    var cacheKey = CacheDir == null ? null : DiskCache.KeyFor(this, key, options, declaredReturn);
                    entry = cacheKey == null ? null : DiskCache.TryLoad(this, cacheKey, key, types, declaredReturn, warnings);
                    if (entry == null)
                    {
                        var f = Host.Compile(types, options, sharedObject: cacheKey != null);
                        var ret = declaredReturn ?? f.ReturnType;
                        entry = new CompiledEntry
                        {
                            Key = key, ArgTypes = types, CompiledReturnType = f.ReturnType, ReturnType = ret,
                            LlvmIr = f.LlvmIr, TypedIr = () => HostFunction.TypedIr(f), CompileTime = f.CompileTime,
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
        finally { Py.PyEval_RestoreThread(ts); }
        if (error != null) { Bridge.RaiseCompileError(error); return null; }
        foreach (var w in warnings)
            if (!Bridge.CacheWarning(w)) return null;   // warnings turned into errors (-W error) raise
        return entry;
    }
}
