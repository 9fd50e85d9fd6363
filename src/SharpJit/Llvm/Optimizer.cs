namespace SharpJit.Llvm;

/// <summary>Runs a new-pass-manager pipeline over a module.</summary>
public static unsafe class Optimizer
{
    /// <summary>The pipeline compilations run; SHARPJIT_LLVM_PIPELINE replaces it (for measuring the compiler).</summary>
    public static readonly string DefaultPipeline = Environment.GetEnvironmentVariable("SHARPJIT_LLVM_PIPELINE") is { Length: > 0 } p
        ? p : "default<O3>,always-inline";

    /// <summary>
    /// Optimises <paramref name="module"/> in place with <paramref name="pipeline"/> (textual new-PM syntax, e.g.
    /// "default&lt;O3&gt;", "default&lt;O1&gt;", "function(instcombine)"), with loop vectorisation, SLP vectorisation
    /// (off by default in LLVM's options), loop interleaving and unrolling on. The module should carry the target
    /// machine's triple and data layout (<see cref="LlvmTarget.ConfigureModule"/>). Floating-point reductions only
    /// vectorise when their instructions carry the <c>reassoc</c> fast-math flag. The default pipeline ends with
    /// always-inline: the vectoriser's calls of vector kernels marked alwaysinline (np.tanh's) exist only after it,
    /// and inlined their loops overlap iterations (1,000,000 float32 np.tanh 0.44 -> 0.33 ms). Then sin and cos of one
    /// value become one sincos call (<see cref="SinCosPairs"/>).
    /// Not thread-safe with respect to the module's context.
    /// </summary>
    /// <exception cref="LlvmException">The pipeline text is invalid (or a pass reported an error).</exception>
    public static void Run(LLVMModuleRef module, LLVMTargetMachineRef tm, string? pipeline = null, bool verifyEach = false)
    {
        pipeline ??= DefaultPipeline;
        var options = LLVM.CreatePassBuilderOptions();
        try
        {
            LLVM.PassBuilderOptionsSetLoopVectorization(options, 1);
            LLVM.PassBuilderOptionsSetSLPVectorization(options, 1);
            LLVM.PassBuilderOptionsSetLoopInterleaving(options, 1);
            LLVM.PassBuilderOptionsSetLoopUnrolling(options, 1);
            LLVM.PassBuilderOptionsSetVerifyEach(options, verifyEach ? 1 : 0);
            LlvmErrors.ThrowIfError(LLVM.RunPasses(module, pipeline, tm, options), $"LLVM pass pipeline '{pipeline}' failed");
            SinCosPairs.Run(module);
        }
        finally
        {
            LLVM.DisposePassBuilderOptions(options);
        }
    }
}
