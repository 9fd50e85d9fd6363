using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SharpJit.Llvm;

/// <summary>
/// One ORC LLJIT instance with its own thread-safe LLVM context.
/// </summary>
/// <remarks>
/// <para><b>Setup.</b> The JIT compiles with a target machine builder made from a second host target machine
/// (same CPU/features/opt level as <see cref="TargetMachine"/>, which stays owned by the session for
/// <see cref="Optimizer"/> and <see cref="ModuleText"/>). Symbols of the process (libc, libm, the CPython C-API
/// when loaded in Python) resolve through a dynamic-library search generator; host functions can be added with
/// <see cref="DefineAbsoluteSymbols"/>. ORC's asynchronous errors are captured and appended to the next exception
/// instead of only going to stderr.</para>
/// <para><b>Modules.</b> Create modules in <see cref="ContextRef"/> (<see cref="CreateModule"/> also stamps triple and
/// data layout). <see cref="AddModule"/> verifies the module first and always takes ownership of it; each module gets its
/// own resource tracker, so <see cref="JitModule.Remove"/> frees its code and lets its names be defined again.</para>
/// <para><b>Thread-safety.</b> An LLVM context is single-threaded: building, optimising, printing and adding modules of
/// <see cref="ContextRef"/> must not run concurrently. Every public member of this class locks <see cref="SyncRoot"/>
/// (a reentrant monitor); callers that build IR from several threads must hold <c>lock (session.SyncRoot)</c> across
/// the whole create → build → optimise → <see cref="AddModule"/> sequence. Calling JIT-compiled code needs no lock
/// (as long as its module is not removed meanwhile).</para>
/// </remarks>
public sealed unsafe class JitSession : IDisposable
{
    private readonly object _sync = new();
    private LLVMOrcLLJITRef _jit;
    private LLVMOrcThreadSafeContextRef _tsc;
    private LLVMTargetMachineRef _tm;
    private readonly LLVMOrcExecutionSessionRef _es;
    private readonly LLVMOrcJITDylibRef _mainDylib;
    private readonly HashSet<JitModule> _modules = new();
    private readonly Dictionary<string, nint> _absoluteSymbols = new(StringComparer.Ordinal);
    private readonly List<string> _reportedErrors = new();
    private GCHandle _self;
    private int _moduleCounter;
    private bool _disposed;

    /// <summary>Creates a JIT for the host CPU (or the given CPU/features), optimising codegen at <paramref name="optLevel"/>.</summary>
    public JitSession(LLVMCodeGenOptLevel optLevel = LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive,
        string? cpu = null, string? features = null)
    {
        LlvmTarget.Initialize();
        _tm = LlvmTarget.CreateHostTargetMachine(optLevel, relocPic: true, LLVMCodeModel.LLVMCodeModelSmall, cpu, features);
        try
        {
            var jitTm = LlvmTarget.CreateHostTargetMachine(optLevel, relocPic: true, LLVMCodeModel.LLVMCodeModelSmall, cpu, features);
            var jtmb = LLVM.OrcJITTargetMachineBuilderCreateFromTargetMachine(jitTm); // consumes jitTm
            var builder = LLVM.OrcCreateLLJITBuilder();
            LLVM.OrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb);          // consumes jtmb
            LLVMOrcLLJITRef jit;
            LlvmErrors.ThrowIfError(LLVM.OrcCreateLLJIT(&jit, builder), "Cannot create LLJIT"); // consumes builder
            _jit = jit;

            _es = LLVM.OrcLLJITGetExecutionSession(_jit);
            _self = GCHandle.Alloc(this, GCHandleType.Weak);
            LLVM.OrcExecutionSessionSetErrorReporter(_es,
                (nint)(delegate* unmanaged<void*, nint, void>)&ReportError, (void*)GCHandle.ToIntPtr(_self));

            _mainDylib = LLVM.OrcLLJITGetMainJITDylib(_jit);
            LLVMOrcDefinitionGeneratorRef generator;
            LlvmErrors.ThrowIfError(LLVM.OrcCreateDynamicLibrarySearchGeneratorForProcess(
                &generator, LLVM.OrcLLJITGetGlobalPrefix(_jit), 0, null), "Cannot create the process symbol generator");
            LLVM.OrcJITDylibAddGenerator(_mainDylib, generator); // consumes generator

            _tsc = LLVM.OrcCreateNewThreadSafeContext();
            ContextRef = LLVM.OrcThreadSafeContextGetContext(_tsc);
            LlvmDiagnostics.Install(ContextRef); // LLVM would exit(1) on context-level errors otherwise
            TargetTriple = LLVM.ToManaged(LLVM.OrcLLJITGetTripleString(_jit)) ?? "";   // not freed: owned by LLJIT
            DataLayout = LLVM.ToManaged(LLVM.OrcLLJITGetDataLayoutStr(_jit)) ?? "";    // not freed: owned by LLJIT
        }
        catch
        {
            DisposeCore();
            throw;
        }
    }

    /// <summary>The LLVM context every module added to this session must be created in.</summary>
    public LLVMContextRef ContextRef { get; }

    /// <summary>A host target machine with the JIT's settings, owned by the session: use it for
    /// <see cref="Optimizer.Run"/> and <see cref="ModuleText.EmitAssembly"/>. Do not dispose it.</summary>
    public LLVMTargetMachineRef TargetMachine => _tm;

    /// <summary>The JIT's target triple.</summary>
    public string TargetTriple { get; }

    /// <summary>The JIT's data layout string.</summary>
    public string DataLayout { get; }

    /// <summary>The reentrant lock that guards this session and its context (see the class remarks).</summary>
    public object SyncRoot => _sync;

    /// <summary>Creates an empty module in <see cref="ContextRef"/> with the JIT's triple and data layout.
    /// The caller owns it until it is passed to <see cref="AddModule"/>.</summary>
    public LLVMModuleRef CreateModule(string name)
    {
        lock (_sync)
        {
            ThrowIfDisposed();
            var m = LLVM.ModuleCreateWithNameInContext(name, ContextRef);
            LLVM.SetTarget(m, TargetTriple);
            LLVM.SetDataLayout(m, DataLayout);
            return m;
        }
    }

    /// <summary>
    /// Defines absolute symbols (flags Exported|Callable) in the main JITDylib, e.g. addresses of
    /// <c>[UnmanagedCallersOnly]</c> host functions. Names are unmangled (ELF). Redefining a name with the same
    /// address is a no-op; with another address it throws. (LLVM 19's <c>LLVMOrcJITDylibDefine</c> reports no
    /// duplicate for absolute symbols at all — a later definition is silently ignored — hence the check here; a name
    /// that a JIT module already defines is not detected and keeps the module's definition. A module added after an
    /// absolute symbol of the same name is rejected by ORC.)
    /// Absolute symbols live as long as the session (the C API cannot give them their own resource tracker).
    /// </summary>
    public void DefineAbsoluteSymbols(IEnumerable<(string name, nint address)> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var list = new List<(string name, nint address)>(symbols);
        if (list.Count == 0) return;
        lock (_sync)
        {
            ThrowIfDisposed();
            // LLVM 19 silently ignores a second absolute definition of a name (the first one wins), so
            // duplicates are checked here: same address again = no-op, a different address = error.
            var batch = new Dictionary<string, nint>(StringComparer.Ordinal);
            foreach (var (name, address) in list)
            {
                if (string.IsNullOrEmpty(name)) throw new ArgumentException("Empty symbol name.", nameof(symbols));
                if ((_absoluteSymbols.TryGetValue(name, out var existing) || batch.TryGetValue(name, out existing)) && existing != address)
                    throw new LlvmException($"Duplicate definition of absolute symbol '{name}' (0x{existing:x} vs 0x{address:x}).");
                if (!_absoluteSymbols.ContainsKey(name)) batch[name] = address;
            }
            if (batch.Count == 0) return;
            list = new List<(string name, nint address)>(batch.Count);
            foreach (var kv in batch) list.Add((kv.Key, kv.Value));

            var pairs = new LLVMOrcCSymbolMapPair[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                pairs[i].Name = LLVM.OrcExecutionSessionIntern(_es, list[i].name); // ownership passes to AbsoluteSymbols
                pairs[i].Sym.Address = unchecked((ulong)list[i].address);
                pairs[i].Sym.Flags.GenericFlags = (byte)(LLVMJITSymbolGenericFlags.LLVMJITSymbolGenericFlagsExported
                                                         | LLVMJITSymbolGenericFlags.LLVMJITSymbolGenericFlagsCallable);
                pairs[i].Sym.Flags.TargetFlags = 0;
            }
            LLVMOrcMaterializationUnitRef mu;
            fixed (LLVMOrcCSymbolMapPair* p = pairs)
                mu = LLVM.OrcAbsoluteSymbols(p, (nuint)pairs.Length);
            var err = LLVM.OrcJITDylibDefine(_mainDylib, mu); // takes the unit only on success
            if (!err.IsNull)
            {
                LLVM.OrcDisposeMaterializationUnit(mu);
                throw WithReportedErrors(LlvmErrors.ToException(err, "Cannot define absolute symbols")!);
            }
            foreach (var kv in batch) _absoluteSymbols[kv.Key] = kv.Value;
        }
    }

    /// <summary>Defines one absolute symbol (see <see cref="DefineAbsoluteSymbols"/>).</summary>
    public void DefineAbsoluteSymbol(string name, nint address) => DefineAbsoluteSymbols(new[] { (name, address) });

    /// <summary>
    /// Verifies <paramref name="module"/>, generates its machine code and adds the object to the JIT under its own
    /// resource tracker. Always takes ownership of the module (it is disposed here). The object is linked on the first
    /// <see cref="Lookup"/> of one of its symbols.
    /// </summary>
    /// <exception cref="LlvmVerificationException">The module is invalid (message and IR included).</exception>
    /// <exception cref="LlvmException">ORC rejected the module (e.g. incompatible data layout).</exception>
    public JitModule AddModule(LLVMModuleRef module)
    {
        if (module.IsNull) throw new ArgumentException("Null module.", nameof(module));
        lock (_sync)
        {
            if (_disposed)
            {
                LLVM.DisposeModule(module);
                throw new ObjectDisposedException(nameof(JitSession));
            }
            string? verifyError = ModuleText.Verify(module);
            if (verifyError is not null)
            {
                string ir = ModuleText.Print(module);
                LLVM.DisposeModule(module);
                throw new LlvmVerificationException(verifyError, ir);
            }
            nuint nameLen;
            string name = LLVM.ToManaged(LLVM.GetModuleIdentifier(module, &nameLen), nameLen);

            // Machine code from the session's own target machine, the one the optimiser's cost model used: ORC's IR
            // layer would build its code generator on a second target machine, whose subtarget (X86TargetLowering,
            // the legalizer's tables) the first compilation of a process would set up once more.
            LLVMMemoryBufferRef obj;
            try { obj = ModuleText.EmitObjectBuffer(module, _tm); }
            finally { LLVM.DisposeModule(module); }
            var rt = LLVM.OrcJITDylibCreateResourceTracker(_mainDylib);
            var err = LLVM.OrcLLJITAddObjectFileWithRT(_jit, rt, obj);          // consumes the buffer, even on failure
            if (!err.IsNull)
            {
                LLVM.OrcReleaseResourceTracker(rt);
                throw WithReportedErrors(LlvmErrors.ToException(err, $"Cannot add module '{name}' to the JIT")!);
            }
            var handle = new JitModule(this, rt, name, ++_moduleCounter);
            _modules.Add(handle);
            return handle;
        }
    }

    /// <summary>
    /// The address of a JIT symbol (unmangled name), compiling its module on first use.
    /// </summary>
    /// <exception cref="LlvmException">Not found, or its module failed to link (LLVM's message included).</exception>
    public nint Lookup(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_sync)
        {
            ThrowIfDisposed();
            ulong address;
            var err = LLVM.OrcLLJITLookup(_jit, &address, name);
            if (!err.IsNull)
                throw WithReportedErrors(LlvmErrors.ToException(err, $"JIT lookup of '{name}' failed")!);
            return unchecked((nint)address);
        }
    }

    /// <summary>Like <see cref="Lookup"/> but returns false instead of throwing.</summary>
    public bool TryLookup(string name, out nint address)
    {
        try { address = Lookup(name); return true; }
        catch (LlvmException) { address = 0; return false; }
    }

    internal void RemoveModule(JitModule module)
    {
        lock (_sync)
        {
            if (_disposed || !_modules.Remove(module)) return;
            var err = LLVM.OrcResourceTrackerRemove(module.Tracker);
            LLVM.OrcReleaseResourceTracker(module.Tracker);
            if (!err.IsNull)
                throw WithReportedErrors(LlvmErrors.ToException(err, $"Cannot remove JIT module '{module.Name}'")!);
        }
    }

    internal bool IsLive(JitModule module)
    {
        lock (_sync) return !_disposed && _modules.Contains(module);
    }

    /// <summary>Errors ORC reported asynchronously since the last exception (normally empty).</summary>
    public IReadOnlyList<string> TakeReportedErrors()
    {
        lock (_reportedErrors)
        {
            var copy = _reportedErrors.ToArray();
            _reportedErrors.Clear();
            return copy;
        }
    }

    private LlvmException WithReportedErrors(LlvmException ex)
    {
        // ORC may call the reporter on another thread: _reportedErrors has its own lock (never _sync).
        var diagnostics = LlvmDiagnostics.Take(); // context diagnostics raised on this thread (e.g. during codegen)
        lock (_reportedErrors)
        {
            if (_reportedErrors.Count == 0 && diagnostics.Count == 0) return ex;
            var sb = new StringBuilder(ex.Message);
            foreach (var e in _reportedErrors) sb.Append('\n').Append(e);
            foreach (var d in diagnostics) sb.Append('\n').Append(d);
            _reportedErrors.Clear();
            return new LlvmException(sb.ToString());
        }
    }

    [UnmanagedCallersOnly]
    private static void ReportError(void* ctx, nint error)
    {
        string message = LlvmErrors.TakeErrorMessage(new LLVMErrorRef(error)) ?? "";
        try
        {
            if (GCHandle.FromIntPtr((nint)ctx).Target is JitSession session)
                lock (session._reportedErrors) session._reportedErrors.Add(message);
        }
        catch
        {
            // never let an exception escape into native code
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposed) throw new ObjectDisposedException(nameof(JitSession));
    }

    /// <summary>Releases all modules' trackers, then the LLJIT, the thread-safe context and the target machine.
    /// Code of this session must not run afterwards.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed) return;
            _disposed = true;
            DisposeCore();
        }
    }

    private void DisposeCore()
    {
        // Resource trackers reference the JITDylib/ExecutionSession: release them before the LLJIT.
        foreach (var m in _modules) LLVM.OrcReleaseResourceTracker(m.Tracker);
        _modules.Clear();
        if (!_jit.IsNull)
        {
            LlvmErrors.Consume(LLVM.OrcDisposeLLJIT(_jit)); // before the thread-safe context
            _jit = default;
        }
        if (!_tsc.IsNull)
        {
            LLVM.OrcDisposeThreadSafeContext(_tsc);
            _tsc = default;
        }
        if (!_tm.IsNull)
        {
            LLVM.DisposeTargetMachine(_tm);
            _tm = default;
        }
        if (_self.IsAllocated) _self.Free();
    }
}

/// <summary>A module added to a <see cref="JitSession"/>, removable through its own resource tracker.</summary>
public sealed class JitModule
{
    private readonly JitSession _session;

    internal JitModule(JitSession session, LLVMOrcResourceTrackerRef tracker, string name, int id)
    {
        _session = session;
        Tracker = tracker;
        Name = name;
        Id = id;
    }

    internal LLVMOrcResourceTrackerRef Tracker { get; }

    /// <summary>The module identifier it was created with.</summary>
    public string Name { get; }

    /// <summary>Sequence number within its session.</summary>
    public int Id { get; }

    /// <summary>False after <see cref="Remove"/> or the session's disposal.</summary>
    public bool IsLoaded => _session.IsLive(this);

    /// <summary>Frees the module's code and data; its symbols can then be defined again. Idempotent.
    /// Pointers into the removed code must not be called afterwards.</summary>
    public void Remove() => _session.RemoveModule(this);

    public override string ToString() => $"JitModule({Name}#{Id})";
}
