namespace SharpJit.Llvm;

/// <summary>Runs a new-pass-manager pipeline over a module.</summary>
public static unsafe class Optimizer
{
    /// <summary>A pipeline that replaces the default one (for measuring the compiler): SHARPJIT_LLVM_PIPELINE.</summary>
    private static readonly string? PipelineOverride = Environment.GetEnvironmentVariable("SHARPJIT_LLVM_PIPELINE") is { Length: > 0 } p ? p : null;

    /// <summary>
    /// LLVM 19's <c>default&lt;O3&gt;</c> for x86-64 in two halves (as <c>opt -passes='default&lt;O3&gt;' -print-pipeline-passes</c>
    /// prints it, split before <c>elim-avail-extern</c>; a test checks that they still make it): the module
    /// simplification (inlining, scalar optimisation) and the module optimisation (vectorisers, unrolling, late
    /// cleanup). Checks on values merge between them (<see cref="ValueChecks"/>), so that the vectorisers and the
    /// scheduler see the merged straight-line code.
    /// </summary>
    public const string SimplificationO3 =
        "annotation2metadata,forceattrs,inferattrs,coro-early,function<eager-inv>(ee-instrument<>,lower-expect," +
        "simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond;no-switch-range-to-icmp;no-switch-to-lookup;keep-loops;no-hoist-common-insts;no-sink-common-insts;speculate-blocks;simplify-cond-branch;no-speculate-unpredictables>," +
        "sroa<modify-cfg>,early-cse<>,callsite-splitting),openmp-opt,ipsccp,called-value-propagation,globalopt," +
        "function<eager-inv>(mem2reg,instcombine<max-iterations=1;no-use-loop-info;no-verify-fixpoint>," +
        "simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond;switch-range-to-icmp;no-switch-to-lookup;keep-loops;no-hoist-common-insts;no-sink-common-insts;speculate-blocks;simplify-cond-branch;no-speculate-unpredictables>)," +
        "always-inline,require<globals-aa>,function(invalidate<aa>),require<profile-summary>,cgscc(devirt<4>(inline," +
        "function-attrs<skip-non-recursive-function-attrs>,argpromotion,openmp-opt-cgscc," +
        "function<eager-inv;no-rerun>(sroa<modify-cfg>,early-cse<memssa>," +
        "speculative-execution<only-if-divergent-target>,jump-threading,correlated-propagation," +
        "simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond;switch-range-to-icmp;no-switch-to-lookup;keep-loops;no-hoist-common-insts;no-sink-common-insts;speculate-blocks;simplify-cond-branch;no-speculate-unpredictables>," +
        "instcombine<max-iterations=1;no-use-loop-info;no-verify-fixpoint>,aggressive-instcombine,libcalls-shrinkwrap," +
        "tailcallelim," +
        "simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond;switch-range-to-icmp;no-switch-to-lookup;keep-loops;no-hoist-common-insts;no-sink-common-insts;speculate-blocks;simplify-cond-branch;no-speculate-unpredictables>," +
        "reassociate,constraint-elimination,loop-mssa(loop-instsimplify,loop-simplifycfg,licm<no-allowspeculation>," +
        "loop-rotate<header-duplication;no-prepare-for-lto>,licm<allowspeculation>," +
        "simple-loop-unswitch<nontrivial;trivial>)," +
        "simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond;switch-range-to-icmp;no-switch-to-lookup;keep-loops;no-hoist-common-insts;no-sink-common-insts;speculate-blocks;simplify-cond-branch;no-speculate-unpredictables>," +
        "instcombine<max-iterations=1;no-use-loop-info;no-verify-fixpoint>,loop(loop-idiom,indvars," +
        "simple-loop-unswitch<nontrivial;trivial>,loop-deletion,loop-unroll-full),sroa<modify-cfg>,vector-combine," +
        "mldst-motion<no-split-footer-bb>,gvn<>,sccp,bdce," +
        "instcombine<max-iterations=1;no-use-loop-info;no-verify-fixpoint>,jump-threading,correlated-propagation,adce," +
        "memcpyopt,dse,move-auto-init,loop-mssa(licm<allowspeculation>),coro-elide," +
        "simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond;switch-range-to-icmp;no-switch-to-lookup;keep-loops;hoist-common-insts;sink-common-insts;speculate-blocks;simplify-cond-branch;no-speculate-unpredictables>," +
        "instcombine<max-iterations=1;no-use-loop-info;no-verify-fixpoint>),function-attrs," +
        "function(require<should-not-run-function-passes>),coro-split)),deadargelim,coro-cleanup,globalopt,globaldce";

    /// <inheritdoc cref="SimplificationO3"/>
    public const string OptimisationO3 =
        "elim-avail-extern,rpo-function-attrs,recompute-globalsaa,function<eager-inv>(float2int," +
        "lower-constant-intrinsics,chr,loop(loop-rotate<header-duplication;no-prepare-for-lto>,loop-deletion)," +
        "loop-distribute,inject-tli-mappings,loop-vectorize<no-interleave-forced-only;no-vectorize-forced-only;>," +
        "infer-alignment,loop-load-elim,instcombine<max-iterations=1;no-use-loop-info;no-verify-fixpoint>," +
        "simplifycfg<bonus-inst-threshold=1;forward-switch-cond;switch-range-to-icmp;switch-to-lookup;no-keep-loops;hoist-common-insts;sink-common-insts;speculate-blocks;simplify-cond-branch;no-speculate-unpredictables>," +
        "slp-vectorizer,vector-combine,instcombine<max-iterations=1;no-use-loop-info;no-verify-fixpoint>," +
        "loop-unroll<O3>,transform-warning,sroa<preserve-cfg>,infer-alignment," +
        "instcombine<max-iterations=1;no-use-loop-info;no-verify-fixpoint>,loop-mssa(licm<allowspeculation>)," +
        "alignment-from-assumptions,loop-sink,instsimplify,div-rem-pairs,tailcallelim," +
        "simplifycfg<bonus-inst-threshold=1;no-forward-switch-cond;switch-range-to-icmp;no-switch-to-lookup;keep-loops;no-hoist-common-insts;no-sink-common-insts;speculate-blocks;simplify-cond-branch;speculate-unpredictables>)," +
        "globaldce,constmerge,cg-profile,rel-lookup-table-converter,function(annotation-remarks)";

    /// <summary>
    /// Optimises <paramref name="module"/> in place with <paramref name="pipeline"/> (textual new-PM syntax, e.g.
    /// "default&lt;O3&gt;", "default&lt;O1&gt;", "function(instcombine)"), with loop vectorisation, SLP vectorisation
    /// (off by default in LLVM's options), loop interleaving and unrolling on. The module should carry the target
    /// machine's triple and data layout (<see cref="LlvmTarget.ConfigureModule"/>). Floating-point reductions only
    /// vectorise when their instructions carry the <c>reassoc</c> fast-math flag. The default pipeline ends with
    /// always-inline: the vectoriser's calls of vector kernels marked alwaysinline (np.tanh's) exist only after it,
    /// and inlined their loops overlap iterations (1,000,000 float32 np.tanh 0.44 -> 0.33 ms). Then sin and cos of one
    /// value become one sincos call (<see cref="SinCosPairs"/>), and an index converted from a float tests its bounds
    /// before the conversion's check (<see cref="ConversionChecks"/>); checks on values in a row became one branch
    /// before that (<see cref="ValueChecks"/>).
    /// Not thread-safe with respect to the module's context.
    /// </summary>
    /// <exception cref="LlvmException">The pipeline text is invalid (or a pass reported an error).</exception>
    public static void Run(LLVMModuleRef module, LLVMTargetMachineRef tm, string? pipeline = null, bool verifyEach = false)
    {
        pipeline ??= PipelineOverride;
        var options = LLVM.CreatePassBuilderOptions();
        try
        {
            LLVM.PassBuilderOptionsSetLoopVectorization(options, 1);
            LLVM.PassBuilderOptionsSetSLPVectorization(options, 1);
            LLVM.PassBuilderOptionsSetLoopInterleaving(options, 1);
            LLVM.PassBuilderOptionsSetLoopUnrolling(options, 1);
            LLVM.PassBuilderOptionsSetVerifyEach(options, verifyEach ? 1 : 0);
            void Passes(string text) => LlvmErrors.ThrowIfError(LLVM.RunPasses(module, text, tm, options), $"LLVM pass pipeline '{text}' failed");
            // (x86-64 only: LLVM adds passes of other targets to their default<O3>, AArch64's loop-idiom-vectorize)
            if (pipeline is null && ValueChecks.AnyToMerge(module) && LlvmTarget.GetTriple(tm).StartsWith("x86_64", StringComparison.Ordinal))
            {
                Passes(SimplificationO3);
                ValueChecks.Run(module);
                Passes(OptimisationO3 + ",always-inline");
            }
            else Passes(pipeline ?? "default<O3>,always-inline");
            SinCosPairs.Run(module);
            ConversionChecks.Run(module);
        }
        finally
        {
            LLVM.DisposePassBuilderOptions(options);
        }
    }
}
