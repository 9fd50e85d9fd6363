using System.Diagnostics;
using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Runtime;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>Where a compilation's time went (the session is LLVM's one-time start, paid by the first compilation).</summary>
public sealed class CompilePhases
{
    public TimeSpan Infer, Session, Wait, Emit, Optimise, Export, MachineCode;
    /// <summary>LLVM instructions before and after optimisation (counted only when the compile trace is on).</summary>
    public int EmittedInstructions, OptimisedInstructions;
    /// <summary>Managed bytes this compilation allocated and the collections that ran meanwhile (compile trace only).</summary>
    public long AllocatedBytes; public int Collections, OlderCollections; public TimeSpan Paused;
    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    public override string ToString() =>
        $"parse+infer {Ms(Infer)} ms, LLVM start {Ms(Session)} ms, waiting for another compilation {Ms(Wait)} ms, emit {Ms(Emit)} ms " +
        $"({EmittedInstructions} instructions), optimise {Ms(Optimise)} ms ({OptimisedInstructions} instructions), " +
        $"bitcode+export {Ms(Export)} ms, machine code {Ms(MachineCode)} ms; {AllocatedBytes / 1024} KiB managed, {Collections} GCs " +
        $"({OlderCollections} of older generations, {Ms(Paused)} ms paused)";
}

/// <summary>The process-wide JIT: one LLJIT with the runtime helpers bound, created on first use.</summary>
public static class JitHost
{
    private static readonly Lazy<JitSession> Session = new(() =>
    {
        var clock = Stopwatch.StartNew();
        LlvmTarget.Initialize();
        var loaded = clock.Elapsed.TotalMilliseconds;
        var s = new JitSession();
        var made = clock.Elapsed.TotalMilliseconds;
        s.DefineAbsoluteSymbols(RuntimeSymbols.All);
        CompileTrace.Write($"LLVM loaded in {loaded:0.0} ms, the JIT made in {made - loaded:0.0} ms, runtime symbols bound in {clock.Elapsed.TotalMilliseconds - made:0.0} ms");
        return s;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static JitSession Jit => Session.Value;

    private static Thread? _warmer;
    private static int _compilations;

    /// <summary>
    /// Loads LLVM and compiles a small function on a background thread, so that a host's first real compilation does
    /// not pay LLVM's load and first-use costs (hosts call this at import; <see cref="WaitForWarmUp"/> before the
    /// process exits).
    /// </summary>
    public static void StartWarmUp()
    {
        if (_warmer != null) return;
        // The front end needs no LLVM: it warms up beside LLVM's load (about 25 ms, mostly LLVM's static constructors),
        // so that a first call made right after import parses and infers warm (a first parse took 11-17 ms cold).
        FrontEndWarm.Reset();
        _frontEnd = new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            try { _warmUpTypes = WarmUpFrontEnd(); }
            catch (Exception) { /* a real compilation will report the problem */ }
            finally { FrontEndWarm.Set(); }   // a waiting compilation goes on now, not after the map-in below
            CompileTrace.Write($"warm-up: front end (parse and infer) done in {clock.Elapsed.TotalMilliseconds:0.0} ms");
            if (LlvmLibrary.MapInCode()) CompileTrace.Write($"warm-up: LLVM's code mapped in at {clock.Elapsed.TotalMilliseconds:0.0} ms");
        }) { IsBackground = true, Name = "sharpjit warm-up (front end)" };
        _frontEnd.Start();
        _warmer = new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                _ = Jit;
                CompileTrace.Write($"warm-up: LLVM loaded and the JIT made in {clock.Elapsed.TotalMilliseconds:0.0} ms");
                // A real compilation that is already running pays the remaining first-use costs itself.
                if (WarmUpSuperseded()) return;
                // The pipeline over a kernel-like function in a private context, without the JIT's lock: a real
                // compilation that starts meanwhile runs beside it instead of waiting for it.
                CompilerStack.Run(WarmUpCompile);
                if (!WarmUpSuperseded()) CompilerMemory.ReuseManagedHeap();
                CompileTrace.Write($"warm-up: kernel-like function compiled at {clock.Elapsed.TotalMilliseconds:0.0} ms");
                // Then a tiny function through the JIT itself (a few ms under its lock): its two target machines
                // build their subtargets and code generation pipelines, and ORC links its first object. A real
                // compilation that came meanwhile has done that.
                if (!WarmUpSuperseded())
                    SharpJitEngine.FromSource("def warm_up(x):\n    return x * 2 + 1\n", "<warm-up>").Compile("warm_up", ScalarType.Int64);
                CompileTrace.Write($"warm-up: done at {clock.Elapsed.TotalMilliseconds:0.0} ms");
            }
            catch (Exception) { /* a real compilation will report the problem */ }
            finally { _warmUpTypes = null; }   // (kept only for WarmUpCompile, which may never run)
        }) { IsBackground = true, Name = "sharpjit warm-up" };
        _warmer.Start();
    }

    /// <summary>What array kernels are made of: element loops over 1-D and 2-D arrays with bounds checks, a fused
    /// array expression with its allocation, reductions and library calls. It reaches the front end, the array
    /// library, the optimiser's loop passes and the code generator's vector instructions.</summary>
    private const string WarmUpSource = """
        import numpy as np

        def warm_up(a, b):
            s = 0.0
            for i in range(len(a)):
                s += abs(a[i]) * 0.5
            for i in range(1, b.shape[0] - 1):
                for j in range(b.shape[1]):
                    s += b[i - 1, j] * b[i + 1, j]
            c = a * 2.0 + np.sqrt(a)
            return s + c.sum() + np.sqrt(a.sum()) + b.max()

        """;

    /// <summary>
    /// Runs the whole pipeline over <see cref="WarmUpSource"/> in a private LLVM context and target machine, to an object
    /// in memory: first-use costs (page faults, LLVM's and .NET's lazily built tables, the library's parse) are paid
    /// here, and a real compilation that starts meanwhile takes the JIT's lock without waiting for this one.
    /// </summary>
    private static int WarmUpCompile()
    {
        _frontEnd?.Join();
        if (_warmUpTypes is not var (types, entry)) return 0;
        var clock = Stopwatch.StartNew();
        if (WarmUpSuperseded()) return 0;
        double emitted = 0, optimised = 0;
        var context = LLVM.ContextCreate();
        var tm = LlvmTarget.CreateHostTargetMachine();
        try
        {
            var module = LLVM.ModuleCreateWithNameInContext("warm_up", context);
            LlvmTarget.ConfigureModule(module, tm);
            Pipeline.Emit(types, entry, context, module, new CodegenOptions());
            emitted = clock.Elapsed.TotalMilliseconds;
            // (not while a real compilation runs: a collection stops it wherever it is in managed code)
            if (!WarmUpSuperseded()) CompilerMemory.ReuseManagedHeapMeanwhile();
            if (!_stopWarmUp) Optimizer.Run(module, tm);
            optimised = clock.Elapsed.TotalMilliseconds;
            if (!_stopWarmUp) ModuleText.EmitObject(module, tm, cloneFirst: false);
            LLVM.DisposeModule(module);
            CompileTrace.Write($"warm-up: emit {emitted:0.0} ms, optimise {optimised - emitted:0.0} ms, " +
                $"machine code {clock.Elapsed.TotalMilliseconds - optimised:0.0} ms");
        }
        finally
        {
            LLVM.DisposeTargetMachine(tm);
            LLVM.ContextDispose(context);
        }
        return 0;
    }

    /// <summary>Parses <see cref="WarmUpSource"/> and infers its types (the parser, the library's Python files, type
    /// inference and the registry of operations, on their first use).</summary>
    private static (TypeInference, Specialization) WarmUpFrontEnd()
    {
        var engine = SharpJitEngine.FromSource(WarmUpSource, "<warm-up>");
        var fn = engine.Module.Globals["warm_up"].Function!;
        return Pipeline.Infer(engine.Module, fn, new SjType[] { new ArrayType(ScalarType.Float64, 1), new ArrayType(ScalarType.Float64, 2) });
    }

    private static Thread? _frontEnd;
    private static (TypeInference, Specialization)? _warmUpTypes;

    /// <summary>Set while no front-end warm-up is running (reset when one starts, set when it is done).</summary>
    private static readonly ManualResetEventSlim FrontEndWarm = new(initialState: true);

    /// <summary>Waits for the front end's warm-up, if it is running: it does the first-use work a compilation's parse and
    /// inference would otherwise do beside it, cold and slower (a parse right after import: 13 ms beside the warm-up,
    /// 0.5 ms after it). Not for the map-in that follows on its thread, which a compilation does not need.</summary>
    public static void WaitForFrontEndWarmUp() => FrontEndWarm.Wait();

    /// <summary>Waits for the warm-up thread (LLVM must not be torn down at exit while it runs). With
    /// <paramref name="stop"/> it stops at its next step first: a program that exits right after import waits for one
    /// step, not the whole warm-up.</summary>
    public static void WaitForWarmUp(bool stop = true)
    {
        if (stop) _stopWarmUp = true;
        _frontEnd?.Join();
        _warmer?.Join();
    }

    private static volatile bool _stopWarmUp;

    /// <summary>The warm-up is to stop: the process is exiting, or a real compilation has started (the warm-up's own
    /// compilation through the JIT is its last step).</summary>
    private static bool WarmUpSuperseded() => _stopWarmUp || Volatile.Read(ref _compilations) > 0;

    /// <summary>Compiles fn for the argument types: infer, emit, verify, optimise, JIT; returns the entry point.</summary>
    /// <param name="sharedObject">Also link the code into a standalone shared library (for the on-disk cache).</param>
    public static CompiledFunction Compile(ModuleInfo module, FunctionInfo fn, IReadOnlyList<SjType> argTypes, CodegenOptions? options = null,
        bool sharedObject = false) =>
        CompilerStack.Run(() => CompileHere(module, fn, argTypes, options, sharedObject));

    private static CompiledFunction CompileHere(ModuleInfo module, FunctionInfo fn, IReadOnlyList<SjType> argTypes, CodegenOptions? options,
        bool sharedObject)
    {
        if (Interlocked.Increment(ref _compilations) > 1) CompilerMemory.ReuseManagedHeap();
        WaitForFrontEndWarmUp();
        var phases = new CompilePhases();
        long allocated = CompileTrace.Enabled ? GC.GetTotalAllocatedBytes() : 0;
        int collections = CompileTrace.Enabled ? GC.CollectionCount(0) : 0, older = CompileTrace.Enabled ? GC.CollectionCount(1) : 0;
        var paused = CompileTrace.Enabled ? GC.GetTotalPauseDuration() : TimeSpan.Zero;
        var sw = Stopwatch.StartNew();
        var (types, entry) = Pipeline.Infer(module, fn, argTypes);
        phases.Infer = sw.Elapsed;
        try { ValueLayout.SizeAlign(entry.ReturnType); }
        catch (NotSupportedException)
        {
            throw module.Error(ErrorKind.TypingError, $"{fn.QualName}() returns a value of type {entry.ReturnType}, which compiled code cannot return to its caller",
                fn.NameSpan, "return numbers, str, None, tuples, lists, dicts, sets, arrays or instances; convert it first (for example list(range(...)))");
        }
        var jit = Jit;
        phases.Session = sw.Elapsed - phases.Infer;
        lock (jit.SyncRoot)
        {
            var mark = sw.Elapsed;
            phases.Wait = mark - phases.Infer - phases.Session;
            var llmod = jit.CreateModule(fn.QualName);
            // Code for the cache must be whole (it is loaded without this process's deferred bitcode).
            options ??= new CodegenOptions();
            var deferred = Pipeline.Emit(types, entry, jit.ContextRef, llmod, options with { DeferColdCode = !sharedObject && !options.Standalone });
            byte[] bitcode = [];
            byte[]? library = null;
            Pipeline.Guard(module.Source, () =>
            {
                ModuleText.VerifyOrThrow(llmod);
                if (deferred.Count > 0) DeferredCode.SplitOff(llmod, deferred);
                phases.Emit = sw.Elapsed - mark;
                CompileTrace.DumpEmittedIr(fn.QualName, () => ModuleText.Print(llmod));
                if (CompileTrace.Enabled) phases.EmittedInstructions = ModuleText.CountInstructions(llmod);
                mark = sw.Elapsed;
                CompilerMemory.ReuseManagedHeapMeanwhile();   // while LLVM optimises and generates code
                Optimizer.Run(llmod, jit.TargetMachine);
                phases.Optimise = sw.Elapsed - mark;
                if (CompileTrace.Enabled) phases.OptimisedInstructions = ModuleText.CountInstructions(llmod);
                mark = sw.Elapsed;
                bitcode = ModuleText.GetBitcode(llmod);
                if (sharedObject) library = SharedObjects.Build(llmod, jit.TargetMachine);
                phases.Export = sw.Elapsed - mark; mark = sw.Elapsed;
                return 0;
            });
            Pipeline.Guard(module.Source, () => jit.AddModule(llmod));
            var address = Pipeline.Guard(module.Source, () => jit.Lookup(ModuleEmitter.EntryName(entry)));
            phases.MachineCode = sw.Elapsed - mark;
            if (CompileTrace.Enabled) { phases.AllocatedBytes = GC.GetTotalAllocatedBytes() - allocated; phases.Collections = GC.CollectionCount(0) - collections;
                phases.OlderCollections = GC.CollectionCount(1) - older; phases.Paused = GC.GetTotalPauseDuration() - paused; }
            CompileTrace.Write($"compiled {fn.QualName}({string.Join(", ", argTypes.Select(t => t.Name))}) {phases}");
            return new CompiledFunction(types, entry, address, () => ModuleText.PrintBitcode(bitcode), sw.Elapsed) { SharedObject = library, Phases = phases };
        }
    }

    /// <summary>Machine code, as assembly text, for optimised IR (re-parsed: the JIT owns the module it ran).</summary>
    public static string AssemblyOf(string optimisedIr)
    {
        var jit = Jit;
        lock (jit.SyncRoot)
        {
            var m = ModuleText.ParseIR(jit.ContextRef, optimisedIr);
            try { return ModuleText.EmitAssembly(m, jit.TargetMachine, cloneFirst: false); }
            finally { LLVM.DisposeModule(m); }
        }
    }
}
