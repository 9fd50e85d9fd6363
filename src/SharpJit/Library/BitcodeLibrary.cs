using System.Security.Cryptography;
using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// The functions of an LLVM bitcode (or IR text) file, e.g. from <c>clang-19 -O2 -emit-llvm -c</c>, callable from
/// compiled code (<c>lib = sharpjit.load_bitcode("fast.bc")</c>). A compiled module that calls one gets a fresh copy
/// of the file linked in before optimisation, its definitions made internal: LLVM inlines the C into the caller, and
/// every compiled module carries its own copy, so none clash in the JIT. The C's mutable variables (statics too) are
/// the exception: in the JIT they live once per process (<see cref="StateAddresses"/>), so every caller shares them.
/// </summary>
public sealed unsafe class BitcodeLibrary : IHostNamespace
{
    /// <summary>A function the file defines: its LLVM types, and the C signature calls use (null, with the reason, when
    /// neither the types nor a declared signature give one).</summary>
    public sealed class Function
    {
        public required string Name { get; init; }
        public required string LlvmType { get; init; }
        public CSignature? Signature { get; init; }
        public string? Problem { get; init; }
        public ExternFunction? Extern { get; set; }
        /// <summary>The LLVM types of the result and the parameters ("double", "i32", "ptr", ...).</summary>
        public required string[] Types { get; init; }
        public required string?[] Extensions { get; init; }   // "zeroext"/"signext" per result and parameter
    }

    public string Path { get; }
    public string FileName { get; }
    /// <summary>File name, content hash and declared signatures: compiled code that inlined the file is keyed on it.</summary>
    public string Key { get; }
    public IReadOnlyDictionary<string, Function> Functions { get; }
    private readonly byte[] _contents;
    /// <summary>External definitions (functions and variables): renamed (<see cref="Linked"/>) and made internal in
    /// a compiled module.</summary>
    private readonly string[] _definitions;
    /// <summary>Mutable variables (statics included): one copy per process in the JIT, shared by every compiled module.</summary>
    private readonly string[] _state;
    /// <summary>Per file content (the tag): loaded again with other signatures, a file shares its variables.</summary>
    private static readonly Dictionary<string, Dictionary<string, long>> StateByTag = new();
    private readonly string _tag;

    private static readonly Dictionary<string, BitcodeLibrary> ByKey = new();

    private BitcodeLibrary(string path, string key, string tag, byte[] contents, Dictionary<string, Function> functions, string[] definitions,
        string[] state)
    {
        Path = path; FileName = System.IO.Path.GetFileName(path); Key = key; _tag = tag; _contents = contents;
        Functions = functions; _definitions = definitions; _state = state;
        foreach (var f in functions.Values)
            if (f.Signature != null) f.Extern = new ExternFunction(f.Name, f.Signature, 0, f.Name, bitcode: this);
    }

    /// <summary>A library loaded before, by its <see cref="Key"/> (how the Python bridge names it).</summary>
    public static BitcodeLibrary? Find(string key) { lock (ByKey) return ByKey.GetValueOrDefault(key); }

    /// <summary>Reads and checks the file (once per content and signatures). Throws <see cref="IOException"/> when it
    /// cannot be read, <see cref="ArgumentException"/> when it is not LLVM for this machine or a signature is wrong.</summary>
    /// <param name="signatures">Declared C signatures by function name ("float64(float64)"), for types the file does
    /// not tell (pointers, unsigned integers) or to override them.</param>
    public static BitcodeLibrary Load(string path, IReadOnlyDictionary<string, string>? signatures = null)
    {
        path = System.IO.Path.GetFullPath(path);
        string file = System.IO.Path.GetFileName(path);
        var contents = File.ReadAllBytes(path);
        signatures ??= new Dictionary<string, string>();
        string hash = Convert.ToHexString(SHA256.HashData(contents))[..32].ToLowerInvariant();
        string key = $"{file}:{hash}"
            + string.Concat(signatures.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $";{s.Key}={s.Value}"));
        lock (ByKey)
        {
            if (ByKey.TryGetValue(key, out var known)) return known;
            // LLVM loaded (and the resolver of its imports set) before this thread's first call into it, also while
            // the warm-up thread is still loading it: a call resolved during that load once failed (CI, stop 40).
            LlvmTarget.Initialize();
            var ctx = ContextCreate();
            try
            {
                var m = Parse(ctx, contents, file);
                try
                {
                    CheckTarget(m, file);
                    var (functions, definitions) = Inspect(m, file, signatures);
                    var state = new List<string>();
                    for (var g = GetFirstGlobal(m); g.Handle != 0; g = GetNextGlobal(g))
                        if (IsDeclaration(g) == 0 && IsGlobalConstant(g) == 0 && GetValueNameString(g) is { Length: > 0 } name && !name.StartsWith("llvm."))
                            state.Add(name);
                    return ByKey[key] = new BitcodeLibrary(path, key, "bc" + hash[..12], WithoutModuleFlags(ctx, m, file), functions, definitions,
                        state.ToArray());
                }
                finally { DisposeModule(m); }
            }
            finally { ContextDispose(ctx); }
        }
    }

    private static bool IsBitcode(byte[] contents) =>
        contents.Length >= 4 && BitConverter.ToUInt32(contents, 0) is 0xDEC04342 or 0x0B17C0DE;   // "BC\xC0\xDE", or the wrapper

    private static LLVMModuleRef Parse(LLVMContextRef ctx, byte[] contents, string file)
    {
        bool bitcode = IsBitcode(contents);
        try
        {
            return bitcode ? ModuleText.ParseBitcode(ctx, contents, file) : ModuleText.ParseIR(ctx, System.Text.Encoding.UTF8.GetString(contents), file);
        }
        catch (LlvmException e)
        {
            string why = e.Message.Trim();
            if (why.StartsWith("Invalid LLVM") && why.IndexOf("): ", StringComparison.Ordinal) is var end and > 0) why = why[(end + 3)..];
            throw new ArgumentException($"{file} is not valid LLVM {(bitcode ? "bitcode" : "IR text (nor bitcode)")}: {why}");
        }
    }

    /// <summary>
    /// The module as bitcode without clang's module flags: linked in, its "PIE Level" would make the whole module
    /// access thread-locals as an executable does, which a shared library (export, the disk cache) cannot. LLVM-C
    /// cannot remove a module flag, so the flags' line goes from the IR text.
    /// </summary>
    private static byte[] WithoutModuleFlags(LLVMContextRef ctx, LLVMModuleRef m, string file)
    {
        var lines = ModuleText.Print(m).Split('\n').Where(line => !line.StartsWith("!llvm.module.flags = ", StringComparison.Ordinal));
        var clean = ModuleText.ParseIR(ctx, string.Join('\n', lines), file);
        try { return ModuleText.GetBitcode(clean); }
        finally { DisposeModule(clean); }
    }

    private static void CheckTarget(LLVMModuleRef m, string file)
    {
        string triple = ToManaged(GetTarget(m)) ?? "", host = JitHost.Jit.TargetTriple;
        string arch = triple.Split('-')[0];
        if (arch.Length > 0 && arch != host.Split('-')[0])
            throw new ArgumentException($"{file} was compiled for {triple}, not for this machine ({host}): compile it again without --target");
    }

    private static (Dictionary<string, Function>, string[]) Inspect(LLVMModuleRef m, string file, IReadOnlyDictionary<string, string> declared)
    {
        var functions = new Dictionary<string, Function>();
        var definitions = new List<string>();
        for (var f = GetFirstFunction(m); f.Handle != 0; f = GetNextFunction(f))
        {
            if (IsDeclaration(f) != 0 || !IsVisible(f)) continue;
            string name = GetValueNameString(f);
            definitions.Add(name);
            var fnType = GlobalGetValueType(f);
            var paramTypes = GetParamTypes(fnType);
            var types = new[] { GetReturnType(fnType) }.Concat(paramTypes).Select(PrintTypeToManagedString).ToArray();
            var extensions = Enumerable.Range(0, types.Length).Select(k => Extension(f, (uint)k)).ToArray();
            string llvmType = $"{types[0]} ({string.Join(", ", types.Skip(1))}){(IsFunctionVarArg(fnType) != 0 ? " varargs" : "")}";
            CSignature? sig = null;
            string? problem = null;
            if (declared.TryGetValue(name, out var text)) sig = DeclaredSignature(name, text, types, llvmType, file);
            else if (IsFunctionVarArg(fnType) != 0) problem = "it takes a variable number of arguments";
            else if (MappedSignature(types, extensions) is { } mapped) sig = mapped;
            else if (types.Skip(1).Contains("ptr") && !types.Skip(1).Any(t => t != "ptr" && MappedSignature(new[] { "void", t }, new string?[2]) == null))
                problem = $"its LLVM type {llvmType} has a pointer parameter, whose element type the file does not tell (CPointer(float64), say)";
            else problem = $"its LLVM type {llvmType} has a type other than integers, floats, bool and pointer parameters";
            functions[name] = new Function { Name = name, LlvmType = llvmType, Signature = sig, Problem = problem, Types = types, Extensions = extensions };
        }
        for (var g = GetFirstGlobal(m); g.Handle != 0; g = GetNextGlobal(g))
            if (IsDeclaration(g) == 0 && IsVisible(g)) definitions.Add(GetValueNameString(g));
        foreach (var name in declared.Keys)
            if (!functions.ContainsKey(name))
                throw new ArgumentException($"signatures names '{name}', which {file} does not define (it defines {Listing(functions.Keys)})");
        return (functions, definitions.ToArray());
    }

    private static string Listing(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Order(StringComparer.Ordinal)) : "no functions";

    private static bool IsVisible(LLVMValueRef v) => GetLinkage(v) is LLVMLinkage.LLVMExternalLinkage or LLVMLinkage.LLVMWeakAnyLinkage
        or LLVMLinkage.LLVMWeakODRLinkage or LLVMLinkage.LLVMLinkOnceAnyLinkage or LLVMLinkage.LLVMLinkOnceODRLinkage or LLVMLinkage.LLVMCommonLinkage;

    /// <summary>clang marks a char or short result or parameter zeroext (unsigned) or signext (signed).</summary>
    private static string? Extension(LLVMValueRef f, uint k)
    {
        uint index = k == 0 ? AttributeReturnIndex : k;
        foreach (var ext in new[] { "zeroext", "signext" })
            if (GetEnumAttributeAtIndex(f, index, GetEnumAttributeKindForName(ext)).Handle != 0) return ext;
        return null;
    }

    /// <summary>The signature an LLVM function type gives: double, float, i1 (C's bool), i8 to i64 (signed unless
    /// zeroext), void results; null when a type has no scalar meaning (pointers, structs, vectors).</summary>
    private static CSignature? MappedSignature(string[] types, string?[] extensions)
    {
        var mapped = new SjType[types.Length];
        for (int k = 0; k < types.Length; k++)
        {
            SjType? t = types[k] switch
            {
                "double" => ScalarType.Float64, "float" => ScalarType.Float32, "i1" => ScalarType.Bool,
                "void" when k == 0 => SimpleType.None,
                "i8" or "i16" or "i32" or "i64" => ScalarType.ByName((extensions[k] == "zeroext" ? "uint" : "int") + types[k][1..]),
                _ => null,
            };
            if (t == null) return null;
            mapped[k] = t;
        }
        return new CSignature(mapped[0], mapped[1..]);
    }

    private static CSignature DeclaredSignature(string name, string text, string[] types, string llvmType, string file)
    {
        CSignature sig;
        try { sig = CSignature.Parse(text); }
        catch (ArgumentException e) { throw new ArgumentException($"the signature of '{name}': {e.Message}"); }
        if (sig.Return is Typing.PointerType)
            throw new ArgumentException($"the signature of '{name}' ({text}): pointer results are not supported (pointer parameters are)");
        var given = new[] { sig.Return }.Concat(sig.Args).ToArray();
        bool matches = given.Length == types.Length && given.Select((t, k) => LlvmTypesOf(t).Contains(types[k])).All(ok => ok);
        if (!matches) throw new ArgumentException($"the signature {text} does not match '{name}' in {file}, whose LLVM type is {llvmType}");
        return sig;
    }

    /// <summary>The LLVM types a C type may have in clang's output (bool: i1 in registers, i8 in memory).</summary>
    private static string[] LlvmTypesOf(SjType t) => t switch
    {
        ScalarType { Kind: ScalarKind.Bool } => new[] { "i1", "i8" },
        Typing.PointerType => new[] { "ptr" },
        ScalarType { Kind: ScalarKind.Int or ScalarKind.UInt } s => new[] { $"i{s.Bits}" },
        _ when t == ScalarType.Float64 => new[] { "double" },
        _ when t == ScalarType.Float32 => new[] { "float" },
        _ when t == SimpleType.None => new[] { "void" },
        _ => Array.Empty<string>(),
    };

    public GlobalInfo? Resolve(string attribute) => Global(attribute, attribute);

    /// <summary>What compiled code sees for the name <paramref name="name"/> bound to the function: a C function, or an
    /// opaque value whose use is an error naming the function and why (null when the file does not define it).</summary>
    public GlobalInfo? Global(string name, string function)
    {
        if (!Functions.TryGetValue(function, out var f)) return null;
        if (f.Extern is { } e) return new GlobalInfo(name) { Kind = GlobalKind.ExternFunction, Extern = e, HostKey = "extern:" + e.Key };
        string description = $"the C function '{function}' of {FileName} with no known signature ({f.Problem}; " +
                             $"declare one with load_bitcode(..., signatures={{'{function}': '...'}}))";
        return new GlobalInfo(name) { Kind = GlobalKind.Opaque, Description = description, HostKey = "opaque:" + description };
    }

    /// <summary>The function in the module being emitted, declared with the file's own type (the definition arrives
    /// when the file is linked in at the end of emission).</summary>
    internal (LLVMValueRef Function, LLVMTypeRef Type) Declare(ModuleEmitter m, string name)
    {
        var f = Functions[name];
        var fnType = FunctionType(LlvmType(m, f.Types[0]), f.Types.Skip(1).Select(t => LlvmType(m, t)).ToArray());
        m.BitcodeLibraries.Add(this);
        var fn = GetNamedFunction(m.Module, Linked(name));
        if (fn.Handle == 0)
        {
            fn = AddFunction(m.Module, Linked(name), fnType);
            for (int k = 0; k < f.Extensions.Length; k++)
                if (f.Extensions[k] is { } ext) AddEnumAttribute(m.Ctx, fn, k == 0 ? AttributeReturnIndex : (uint)k, ext);
        }
        return (fn, fnType);
    }

    private static LLVMTypeRef LlvmType(ModuleEmitter m, string name) => name switch
    {
        "double" => m.F64, "float" => m.F32, "void" => m.Void, "ptr" => m.Ptr, "i1" => m.I1, "i8" => m.I8, "i16" => m.I16, "i32" => m.I32, "i64" => m.I64,
        _ => throw new InvalidOperationException($"no LLVM type {name} for a call"),
    };

    /// <summary>A definition's name in a compiled module: tagged with the file's content hash, so that neither two
    /// files defining the same name nor the module's own symbols (runtime helpers, libm) can meet it.</summary>
    private string Linked(string name) => $"{name}.{_tag}";

    private static LLVMValueRef NamedGlobalValue(LLVMModuleRef module, string name) =>
        GetNamedFunction(module, name) is { Handle: not 0 } f ? f : GetNamedGlobal(module, name);

    /// <summary>
    /// Links a fresh copy of the file into <paramref name="module"/> (once), before it is optimised: its external
    /// definitions become internal, and its functions lose clang's target-cpu/target-features (they compile for the
    /// target the module compiles for) and -O0's optnone, so the inliner treats them as the module's own code.
    /// </summary>
    /// <param name="standalone">Exported code: the C's variables are the module's own (one module, no JIT).</param>
    public void LinkInto(LLVMModuleRef module, bool standalone)
    {
        if (_definitions.Length == 0) return;
        if (NamedGlobalValue(module, Linked(_definitions[0])) is { Handle: not 0 } first && IsDeclaration(first) == 0) return;   // an export of several functions
        var ctx = GetModuleContext(module);
        var copy = Parse(ctx, _contents, FileName);
        if (!standalone)
            foreach (var (name, address) in StateAddresses())
            {
                var variable = GetNamedGlobal(copy, name);
                ReplaceAllUsesWith(variable, ConstIntToPtr(ConstInt(Int64TypeInContext(ctx), address), PointerTypeInContext(ctx, 0)));
                DeleteGlobal(variable);
            }
        foreach (var name in _definitions)
            if (NamedGlobalValue(copy, name) is { Handle: not 0 } definition) SetValueName2(definition, Linked(name));
        SetTarget(copy, ToManaged(GetTarget(module)));
        SetDataLayout(copy, ToManaged(GetDataLayoutStr(module)));
        uint optnone = GetEnumAttributeKindForName("optnone"), noinline = GetEnumAttributeKindForName("noinline");
        for (var f = GetFirstFunction(copy); f.Handle != 0; f = GetNextFunction(f))
        {
            if (IsDeclaration(f) != 0) continue;
            foreach (var attribute in new[] { "target-cpu", "target-features", "tune-cpu" })
                RemoveStringAttributeAtIndex(f, AttributeFunctionIndex, attribute);
            if (GetEnumAttributeAtIndex(f, AttributeFunctionIndex, optnone).Handle != 0)
            {
                RemoveEnumAttributeAtIndex(f, AttributeFunctionIndex, optnone);
                RemoveEnumAttributeAtIndex(f, AttributeFunctionIndex, noinline);
            }
        }
        ModuleText.Link(module, copy);
        foreach (var name in _definitions)
        {
            var v = NamedGlobalValue(module, Linked(name));
            if (v.Handle != 0 && IsDeclaration(v) == 0)
            {
                SetComdat(v, default);   // a local definition cannot stay in a comdat
                SetLinkage(v, LLVMLinkage.LLVMInternalLinkage);
                SetVisibility(v, LLVMVisibility.LLVMDefaultVisibility);
            }
        }
    }

    /// <summary>
    /// Where the C's mutable variables live in this process: the file JIT-compiled once more, on its own, with those
    /// variables external under tagged names (its functions internal). Compiled modules bake the addresses in.
    /// </summary>
    private Dictionary<string, long> StateAddresses()
    {
        if (_state.Length == 0) return new();
        var jit = JitHost.Jit;
        lock (jit.SyncRoot)
        {
            if (StateByTag.TryGetValue(_tag, out var known)) return known;
            var m = Parse(jit.ContextRef, _contents, FileName);
            SetTarget(m, jit.TargetTriple);
            for (var f = GetFirstFunction(m); f.Handle != 0; f = GetNextFunction(f))
                if (IsDeclaration(f) == 0) SetLinkage(f, LLVMLinkage.LLVMInternalLinkage);
            for (var g = GetFirstGlobal(m); g.Handle != 0; g = GetNextGlobal(g))
                if (IsDeclaration(g) == 0 && !_state.Contains(GetValueNameString(g))) SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
            foreach (var name in _state)
            {
                var g = GetNamedGlobal(m, name);
                SetValueName2(g, $"{Linked(name)}.state");
                SetComdat(g, default);
                SetLinkage(g, LLVMLinkage.LLVMExternalLinkage);
                SetVisibility(g, LLVMVisibility.LLVMDefaultVisibility);
            }
            jit.AddModule(m);
            return StateByTag[_tag] = _state.ToDictionary(name => name, name => (long)jit.Lookup($"{Linked(name)}.state"));
        }
    }

    /// <summary>Text for cache keys: the variables' addresses, which JIT-compiled callers bake in ("" without any).</summary>
    public string StateKey => _state.Length == 0 ? "" : $"@state:{StateAddresses()[_state[0]]:x}";

    public override string ToString() => $"<sharpjit bitcode library {FileName}>";
}
