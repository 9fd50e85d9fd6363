using System.Diagnostics;
using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Runtime;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>The process-wide JIT: one LLJIT with the runtime helpers bound, created on first use.</summary>
public static class JitHost
{
    private static readonly Lazy<JitSession> Session = new(() =>
    {
        var s = new JitSession();
        s.DefineAbsoluteSymbols(RuntimeSymbols.All);
        return s;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static JitSession Jit => Session.Value;

    private static Thread? _warmer;

    /// <summary>
    /// Loads LLVM and compiles a tiny function on a background thread, so that a host's first real compilation
    /// does not pay for it (hosts call this at import; <see cref="WaitForWarmUp"/> before the process exits).
    /// </summary>
    public static void StartWarmUp()
    {
        if (_warmer != null) return;
        _warmer = new Thread(() =>
        {
            try { SharpJitEngine.FromSource("def warm_up(x):\n    return x * 2 + 1\n", "<warm-up>").Compile("warm_up", ScalarType.Int64); }
            catch (Exception) { /* a real compilation will report the problem */ }
        }) { IsBackground = true, Name = "sharpjit warm-up" };
        _warmer.Start();
    }

    /// <summary>Waits for the warm-up thread (LLVM must not be torn down at exit while it runs).</summary>
    public static void WaitForWarmUp() => _warmer?.Join();

    /// <summary>Compiles fn for the argument types: infer, emit, verify, optimise, JIT; returns the entry point.</summary>
    /// <param name="sharedObject">Also link the code into a standalone shared library (for the on-disk cache).</param>
    public static CompiledFunction Compile(ModuleInfo module, FunctionInfo fn, IReadOnlyList<SjType> argTypes, CodegenOptions? options = null,
        bool sharedObject = false)
    {
        var sw = Stopwatch.StartNew();
        var (types, entry) = Pipeline.Infer(module, fn, argTypes);
        var jit = Jit;
        lock (jit.SyncRoot)
        {
            var llmod = jit.CreateModule(fn.QualName);
            Pipeline.Emit(types, entry, jit.ContextRef, llmod, options ?? new CodegenOptions());
            string ir = "";
            byte[]? library = null;
            Pipeline.Guard(module.Source, () =>
            {
                ModuleText.VerifyOrThrow(llmod);
                Optimizer.Run(llmod, jit.TargetMachine);
                ir = ModuleText.Print(llmod);
                if (sharedObject) library = SharedObjects.Build(llmod, jit.TargetMachine);
                return 0;
            });
            Pipeline.Guard(module.Source, () => jit.AddModule(llmod));
            var address = Pipeline.Guard(module.Source, () => jit.Lookup(ModuleEmitter.EntryName(entry)));
            return new CompiledFunction(types, entry, address, ir, sw.Elapsed) { SharedObject = library };
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
