using System;
using System.Linq;

namespace SharpJit.Llvm;

/// <summary>Runs a new-pass-manager pipeline over a module.</summary>
public static unsafe class Optimizer
{
    /// <summary>
    /// Optimises <paramref name="module"/> in place with <paramref name="pipeline"/> (textual new-PM syntax, e.g.
    /// "default&lt;O3&gt;", "default&lt;O1&gt;", "function(instcombine)"), with loop vectorisation, SLP vectorisation
    /// (off by default in LLVM's options), loop interleaving and unrolling on. The module should carry the target
    /// machine's triple and data layout (<see cref="LlvmTarget.ConfigureModule"/>). Floating-point reductions only
    /// vectorise when their instructions carry the <c>reassoc</c> fast-math flag.
    /// Not thread-safe with respect to the module's context.
    /// </summary>
    /// <exception cref="LlvmException">The pipeline text is invalid (or a pass reported an error).</exception>
    public static void Run(LLVMModuleRef module, LLVMTargetMachineRef tm, string pipeline = "default<O3>", bool verifyEach = false)
    {
        RunPipeline(module, tm, pipeline, verifyEach);
    }

    /// <summary>
    /// "default&lt;O3&gt;" after LLVM's inductive range check elimination (irce), for code with bounds checks: a loop
    /// whose checks compare an index i + c (i its counter, c invariant) unsigned against an invariant size is split
    /// into a middle part that runs without them and the iterations before and after it, which keep them (so an
    /// out-of-bounds access still raises where it is). IRCE needs the loop before the O3 loop passes reshape it
    /// (unswitching, peeling, exit rewriting), and only as much cleanup as makes the counter and the sizes visible
    /// to scalar evolution: promoted slots, folded selects, hoisted invariants, rotated loops.
    /// </summary>
    public const string RangeCheckedPipeline =
        "function(lower-expect,sroa,early-cse,simplifycfg,instcombine<no-verify-fixpoint>,loop-simplify,lcssa,loop-mssa(licm),loop(loop-rotate),irce),default<O3>";

    /// <summary><see cref="Run"/> with <see cref="RangeCheckedPipeline"/> where the code has bounds checks (it calls
    /// an index-error helper); its passes before O3 cost about a fifth of the optimiser's time, for nothing elsewhere.</summary>
    public static void Run(LLVMModuleRef module, LLVMTargetMachineRef tm, bool boundsChecked) =>
        RunPipeline(module, tm, PipelineFor(module, boundsChecked), false);

    /// <summary>The pipeline <see cref="Run(LLVMModuleRef, LLVMTargetMachineRef, bool)"/> runs on this module.</summary>
    public static string PipelineFor(LLVMModuleRef module, bool boundsChecked) =>
        boundsChecked && HasIndexChecks(module) ? RangeCheckedPipeline : "default<O3>";

    /// <summary>The runtime helpers that an array's or a list's failed bounds check calls.</summary>
    private static readonly string[] IndexErrorHelpers = { "sj_index_error", "sj_list_index_error" };

    private static bool HasIndexChecks(LLVMModuleRef module) =>
        IndexErrorHelpers.Any(name => LLVM.GetNamedFunction(module, name) is { Handle: not 0 } fn && LLVM.GetFirstUse(fn).Handle != 0);

    private static void RunPipeline(LLVMModuleRef module, LLVMTargetMachineRef tm, string pipeline, bool verifyEach)
    {
        var options = LLVM.CreatePassBuilderOptions();
        try
        {
            LLVM.PassBuilderOptionsSetLoopVectorization(options, 1);
            LLVM.PassBuilderOptionsSetSLPVectorization(options, 1);
            LLVM.PassBuilderOptionsSetLoopInterleaving(options, 1);
            LLVM.PassBuilderOptionsSetLoopUnrolling(options, 1);
            LLVM.PassBuilderOptionsSetVerifyEach(options, verifyEach ? 1 : 0);
            LlvmErrors.ThrowIfError(LLVM.RunPasses(module, pipeline, tm, options), $"LLVM pass pipeline '{pipeline}' failed");
        }
        finally
        {
            LLVM.DisposePassBuilderOptions(options);
        }
    }
}
