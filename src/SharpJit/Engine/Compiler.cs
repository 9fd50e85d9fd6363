using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Runtime;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>The stages of the pipeline, each callable on its own (for `sharpjit dump`) or chained by the engine.</summary>
public static class Pipeline
{
    public static Module Parse(SourceText source) => CompilerStack.Run(() => Guard(source, () => PythonParser.Parse(source)));

    public static ModuleInfo Analyze(SourceText source, Func<string, GlobalInfo?>? hostLookup = null) =>
        CompilerStack.Run(() => Guard(source, () => new ModuleInfo(source, PythonParser.Parse(source), hostLookup)));

    /// <summary>Infers types for the module body (run mode) or for one function and argument types.</summary>
    /// <param name="stopAfter">Stop after this pass of <see cref="Passes.PassList"/> (for `sharpjit dump`).</param>
    public static (TypeInference Types, Specialization Entry) Infer(ModuleInfo module, FunctionInfo fn, IReadOnlyList<SjType> argTypes,
        string? stopAfter = null) =>
        Guard(module.Source, () =>
        {
            var (ti, entry) = TypeInference.Solved(module, ti =>
            {
                ti.AdoptInstances(argTypes);
                return ti.Request(fn, argTypes);
            }, reuseLibrary: stopAfter == null);
            Passes.PassList.Run(ti, stopAfter);
            if (stopAfter == null) TypedLibraryCache.Keep(ti);
            return (ti, entry);
        });

    /// <summary>Emits LLVM IR for everything inference reached, with a C-ABI entry wrapper for the entry specialisation;
    /// returns the functions to be compiled on first use (<see cref="CodegenOptions.DeferColdCode"/>), still in the module.</summary>
    public static IReadOnlyList<(long Id, string Name)> Emit(TypeInference types, Specialization entry, LLVMContextRef ctx, LLVMModuleRef module, CodegenOptions options) =>
        Guard(types.Module.Source, () =>
        {
            var emitter = new ModuleEmitter(ctx, module, types, options);
            emitter.EmitAll(new[] { entry });
            return emitter.Deferred;
        });

    /// <summary>Runs a stage, turning any unexpected .NET exception into an internal compiler error with a location.</summary>
    public static T Guard<T>(SourceText source, Func<T> stage)
    {
        try { return stage(); }
        catch (CompileError) { throw; }
        catch (LlvmException ex) { throw new CompileError(ErrorKind.InternalError, "LLVM rejected the generated code: " + ex.Message, source, Span.None); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new CompileError(ErrorKind.InternalError, $"internal compiler error: {ex.GetType().Name}: {ex.Message} {(Environment.GetEnvironmentVariable("SHARPJIT_DEBUG_TRACE") == "1" ? ex.StackTrace : "")}", source, Span.None,
                "please report this with the source that triggered it");
        }
    }
}

/// <summary>A compiled entry point: <c>i32 entry(ptr args, ptr result)</c> plus the types to marshal through it.</summary>
public sealed unsafe class CompiledFunction
{
    public Specialization Specialization { get; }
    /// <summary>Everything inference reached from the entry (its callees' specialisations included).</summary>
    public TypeInference Types { get; }
    public nint EntryAddress { get; }
    /// <summary>The code as a standalone shared library exporting <see cref="EntrySymbol"/> (when requested).</summary>
    public byte[]? SharedObject { get; init; }
    public CompilePhases? Phases { get; init; }
    public string EntrySymbol => ModuleEmitter.EntryName(Specialization);
    /// <summary>The optimised LLVM IR as text, printed when first asked for (<see cref="CompiledFunction(TypeInference, Specialization, nint, Func{string}, TimeSpan)"/>).</summary>
    public string LlvmIr => _llvmIr ??= _printIr();
    private string? _llvmIr;
    private readonly Func<string> _printIr;
    public TimeSpan CompileTime { get; }
    private readonly ValueLayout _args;
    private readonly ValueLayout _result;

    /// <param name="printIr">Prints the optimised IR: compilations keep it as bitcode, which costs a fraction of
    /// printing it (about 3% of a kernel's compilation), and print it only for inspect_llvm, the cache and dumps.</param>
    internal CompiledFunction(TypeInference types, Specialization spec, nint entry, Func<string> printIr, TimeSpan compileTime)
    {
        Types = types; Specialization = spec; EntryAddress = entry; _printIr = printIr; CompileTime = compileTime;
        _args = new ValueLayout(spec.ArgTypes);
        _result = new ValueLayout(new[] { spec.ReturnType });
    }

    public SjType ReturnType => Specialization.ReturnType;

    /// <summary>Calls the compiled code with .NET values (long, double, bool, Complex, null for None, object[] for tuples,
    /// <see cref="NDArray"/> for arrays: passed without a copy, returned owning compiled code's memory).</summary>
    public object? Invoke(params object?[] args)
    {
        if (args.Length != Specialization.ArgTypes.Length - 2 * Specialization.Function.FreeVars.Count)   // captures and their bound flags
            throw new ArgumentException($"{Specialization.Function.Name}() expects {Specialization.ArgTypes.Length} arguments, got {args.Length}");
        var argBuf = stackalloc byte[Math.Max(_args.Size, 8)];
        var resBuf = stackalloc byte[Math.Max(_result.Size, 16)];
        _args.Write(argBuf, args);
        var fn = (delegate* unmanaged<byte*, byte*, int>)EntryAddress;
        int status = fn(argBuf, resBuf);
        if (status != 0) throw ErrorState.Take();
        try { return _result.Read(resBuf)[0]; }
        finally { _result.Release(resBuf); }   // also when the result cannot be read by .NET
    }

    /// <summary>Runs the compiled code without marshalling (for the module body, which takes and returns nothing).</summary>
    public void InvokeNoArgs()
    {
        var resBuf = stackalloc byte[16];
        var fn = (delegate* unmanaged<byte*, byte*, int>)EntryAddress;
        if (fn(null, resBuf) != 0) throw ErrorState.Take();
    }
}
