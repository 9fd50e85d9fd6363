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

    /// <summary>Compiles fn for the argument types: infer, emit, verify, optimise, JIT; returns the entry point.</summary>
    public static CompiledFunction Compile(ModuleInfo module, FunctionInfo fn, IReadOnlyList<SjType> argTypes, CodegenOptions? options = null)
    {
        var sw = Stopwatch.StartNew();
        var (types, entry) = Pipeline.Infer(module, fn, argTypes);
        var jit = Jit;
        lock (jit.SyncRoot)
        {
            var llmod = jit.CreateModule(fn.QualName);
            Pipeline.Emit(types, entry, jit.ContextRef, llmod, options ?? new CodegenOptions());
            string ir = "";
            Pipeline.Guard(module.Source, () =>
            {
                ModuleText.VerifyOrThrow(llmod);
                Optimizer.Run(llmod, jit.TargetMachine);
                ir = ModuleText.Print(llmod);
                return 0;
            });
            Pipeline.Guard(module.Source, () => jit.AddModule(llmod));
            var address = Pipeline.Guard(module.Source, () => jit.Lookup(ModuleEmitter.EntryName(entry)));
            return new CompiledFunction(types, entry, address, ir, sw.Elapsed);
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
