using System.Runtime.InteropServices;
using SharpJit.Codegen;
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

    [UnmanagedCallersOnly]
    private static void ReportError(byte* name)
    {
        try { ErrorReporter(RuntimeStrings.Read(name), ErrorState.Take()); }
        catch (Exception) { /* nothing may escape into compiled code */ }
    }

    private static int _counter;

    /// <summary>Compiles the wrapper for an already compiled function (its argument types must be the signature's).</summary>
    public static CFunction Create(CompiledFunction f, CSignature sig, string name)
    {
        var spec = f.Specialization;
        if (!spec.ArgTypes.SequenceEqual(sig.Args))
            throw new ArgumentException($"the function was compiled for ({string.Join(", ", spec.ArgTypes)}), not for {sig}");
        if (CAbiWrapper.CheckReturn(spec.ReturnType, sig.Return) is { } why)
            throw new ArgumentException($"{name}{sig}: the function {why}");
        string native = $"{name}.cfunc{Interlocked.Increment(ref _counter)}";
        var jit = JitHost.Jit;
        lock (jit.SyncRoot)
        {
            var m = jit.CreateModule(native);
            var emitter = new ModuleEmitter(jit.ContextRef, m, f.Types, new CodegenOptions());
            var entry = ConstIntToPtr(LLVM.ConstInt(emitter.I64, f.EntryAddress), emitter.Ptr);
            var onError = ConstIntToPtr(LLVM.ConstInt(emitter.I64, (long)(delegate* unmanaged<byte*, void>)&ReportError), emitter.Ptr);
            CAbiWrapper.Emit(emitter, spec.ArgTypes.ToArray(), spec.ReturnType, sig, native, entry, statusResult: false, onError);
            ModuleText.VerifyOrThrow(m);
            Optimizer.Run(m, jit.TargetMachine);
            string ir = ModuleText.Print(m);
            jit.AddModule(m);
            return new CFunction { Compiled = f, Signature = sig, NativeName = native, Address = jit.Lookup(native), WrapperIr = ir };
        }
    }
}
