using System.Runtime.InteropServices;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Runtime;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Engine;

/// <summary>A compiled function with a plain C signature (cfunc): callable from C through <see cref="Address"/>.</summary>
public sealed class CFunction
{
    public required CompiledFunction Compiled { get; init; }
    public required CSignature Signature { get; init; }
    public required string NativeName { get; init; }
    public required nint Address { get; init; }
    /// <summary>The wrapper's optimised LLVM IR (the compiled function's own is in <see cref="CompiledFunction.LlvmIr"/>).</summary>
    public required string WrapperIr { get; init; }
}

/// <summary>
/// cfuncs: a C-ABI wrapper around a compiled entry point, JIT-compiled in a module of its own that calls the entry at
/// its address. An exception inside is reported through <see cref="ErrorReporter"/> (a traceback on stderr by
/// default; the CPython extension prints it to sys.stderr) and the wrapper returns NaN for floats, 0 otherwise.
/// </summary>
public static unsafe class CFunctions
{
    /// <summary>Receives the native name of the cfunc and the pending exception (hosts replace it).</summary>
    public static Action<string, PythonException> ErrorReporter { get; set; } = (name, e) =>
    {
        RuntimeOutput.Flush();
        Console.Error.Write($"Exception ignored in cfunc '{name}':\n" + e.FormatTraceback());
        Console.Error.Flush();
    };

    [RuntimeHelper("sj_cfunc_error"), UnmanagedCallersOnly]
    internal static void ReportError(byte* name)
    {
        try { ErrorReporter(RuntimeStrings.Read(name), ErrorState.Take()); }
        catch (Exception) { /* nothing may escape into compiled code */ }
    }

    private static int _counter;

    /// <summary>
    /// Compiles fn for the signature's argument types with the C wrapper in the same LLVM module, so that the
    /// compiled function is inlined into it (what <see cref="JitHost.Compile"/> does, plus the wrapper).
    /// </summary>
    public static CFunction Compile(Binding.ModuleInfo module, Binding.FunctionInfo fn, CSignature sig, CodegenOptions? options = null) =>
        CompilerStack.Run(() => CompileHere(module, fn, sig, options));

    private static CFunction CompileHere(Binding.ModuleInfo module, Binding.FunctionInfo fn, CSignature sig, CodegenOptions? options)
    {
        var (types, spec) = Pipeline.Infer(module, fn, sig.Args);
        if (CAbiWrapper.CheckReturn(spec.ReturnType, sig.Return) is { } why)
            throw new ArgumentException($"{fn.Name}: {sig}: the function {why}");
        string native = $"{fn.Name}.cfunc{Interlocked.Increment(ref _counter)}";
        var jit = JitHost.Jit;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        lock (jit.SyncRoot)
        {
            var m = jit.CreateModule(native);
            var emitter = new ModuleEmitter(jit.ContextRef, m, types, options ?? new CodegenOptions());
            Pipeline.Guard(module.Source, () => { emitter.EmitAll(new[] { spec }); return 0; });
            var entry = GetNamedFunction(m, ModuleEmitter.EntryName(spec));
            CAbiWrapper.Emit(emitter, spec.ArgTypes.ToArray(), spec.ReturnType, sig, native, entry, statusResult: false, onError: "sj_cfunc_error");
            SetLinkage(entry, LLVMLinkage.LLVMInternalLinkage);
            string ir = "";
            Pipeline.Guard(module.Source, () =>
            {
                ModuleText.VerifyOrThrow(m);
                Optimizer.Run(m, jit.TargetMachine);
                ir = ModuleText.Print(m);
                return 0;
            });
            Pipeline.Guard(module.Source, () => jit.AddModule(m));
            var address = Pipeline.Guard(module.Source, () => jit.Lookup(native));
            var compiled = new CompiledFunction(types, spec, 0, () => ir, sw.Elapsed);
            return new CFunction { Compiled = compiled, Signature = sig, NativeName = native, Address = address, WrapperIr = ir };
        }
    }

    /// <summary>Wraps an already compiled function: the wrapper calls its entry point at its address (no inlining).</summary>
    public static CFunction Create(CompiledFunction f, CSignature sig, string name)
    {
        var spec = f.Specialization;
        if (!spec.ArgTypes.SequenceEqual(sig.Args))
            throw new ArgumentException($"the function was compiled for ({string.Join(", ", spec.ArgTypes)}), not for {sig}");
        if (CAbiWrapper.CheckReturn(spec.ReturnType, sig.Return) is { } why)
            throw new ArgumentException($"{name}: {sig}: the function {why}");
        string native = $"{name}.cfunc{Interlocked.Increment(ref _counter)}";
        var jit = JitHost.Jit;
        lock (jit.SyncRoot)
        {
            var m = jit.CreateModule(native);
            var emitter = new ModuleEmitter(jit.ContextRef, m, f.Types, new CodegenOptions());
            var entry = ConstIntToPtr(LLVM.ConstInt(emitter.I64, f.EntryAddress), emitter.Ptr);
            CAbiWrapper.Emit(emitter, spec.ArgTypes.ToArray(), spec.ReturnType, sig, native, entry, statusResult: false, onError: "sj_cfunc_error");
            ModuleText.VerifyOrThrow(m);
            Optimizer.Run(m, jit.TargetMachine);
            string ir = ModuleText.Print(m);
            jit.AddModule(m);
            return new CFunction { Compiled = f, Signature = sig, NativeName = native, Address = jit.Lookup(native), WrapperIr = ir };
        }
    }
}
