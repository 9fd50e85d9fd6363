using System;
using System.Linq;

namespace SharpJit.Llvm;

/// <summary>
/// One-time X86 target initialisation and target-machine creation for the host (or an explicit CPU for export).
/// All members are thread-safe.
/// </summary>
public static unsafe class LlvmTarget
{
    private static readonly object s_lock = new();
    private static volatile bool s_initialized;
    private static string? s_triple, s_cpu, s_features;

    /// <summary>Initialises the X86 target, MC layer, asm printer and asm parser once (idempotent).</summary>
    /// <remarks><c>LLVMInitializeNativeTarget</c> is a header inline, not an export; the X86 functions are.</remarks>
    public static void Initialize()
    {
        if (s_initialized) return;
        lock (s_lock)
        {
            if (s_initialized) return;
            LlvmLibrary.EnsureLoaded(); // a clear error naming what was tried, instead of the runtime's own probing
            LLVM.InitializeX86TargetInfo();
            LLVM.InitializeX86Target();
            LLVM.InitializeX86TargetMC();
            LLVM.InitializeX86AsmPrinter();
            LLVM.InitializeX86AsmParser();
            ApplyOptions();
            s_triple = LLVM.TakeMessage(LLVM.GetDefaultTargetTriple()) ?? "";
            s_cpu = LLVM.TakeMessage(LLVM.GetHostCPUName()) ?? "";
            s_features = LLVM.TakeMessage(LLVM.GetHostCPUFeatures()) ?? "";
            s_initialized = true;
        }
    }

    /// <summary>
    /// LLVM options of every compilation. <c>-unswitch-threshold=0</c>: <c>default&lt;O3&gt;</c> without non-trivial loop
    /// unswitching (trivial unswitching stays; it copies nothing). It copied whole loop nests around conditions that
    /// do not change inside them, such as a loop's trip count being positive: matmul_loops came out of the optimiser
    /// with 509 instructions instead of 227 and compiled in 36 ms instead of 20, and over the 44 array benchmark
    /// kernels no kernel ran measurably faster with it (bench/arrays, the same day, ratios against Numba).
    /// <c>-unroll-runtime-multi-exit=true</c>: loops that may leave early (a bounds or range check that raises, a
    /// <c>break</c>) are unrolled as single-exit loops are; by default LLVM unrolls such a loop only when its other exit
    /// ends in a deoptimisation. histogram_loops' scatter (<c>counts[int(x)] += 1</c>, checked) ran 15% faster, level
    /// with Numba's unchecked loop; compile time (callgrind, 25 benchmark kernels) 0.96x to 1.06x.
    /// </summary>
    public static readonly string[] DefaultOptions = { "-unswitch-threshold=0", "-unroll-runtime-multi-exit=true" };

    /// <summary>Sets <see cref="DefaultOptions"/> and SHARPJIT_LLVM_OPTIONS="-time-passes ...": LLVM's own command-line
    /// options, for profiling the compiler (with -time-passes each optimisation and code generation prints its pass
    /// timings to stderr). An option named in both is set once, as the environment says: LLVM exits the process when an
    /// option occurs twice.</summary>
    private static void ApplyOptions()
    {
        var developer = (Environment.GetEnvironmentVariable("SHARPJIT_LLVM_OPTIONS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        static string Name(string option) => option.Split('=')[0];
        var args = new[] { "sharpjit" }
            .Concat(DefaultOptions.Where(d => !developer.Any(o => Name(o) == Name(d))))
            .Concat(developer).ToArray();
        var utf8 = args.Select(a => System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(a)).ToArray();
        try
        {
            fixed (nint* argv = utf8) LLVM.ParseCommandLineOptions(args.Length, (sbyte**)argv, null);
        }
        finally
        {
            foreach (var p in utf8) System.Runtime.InteropServices.Marshal.FreeCoTaskMem(p);
        }
    }

    /// <summary>The default (host) target triple, e.g. "x86_64-pc-linux-gnu".</summary>
    public static string DefaultTriple { get { Initialize(); return s_triple!; } }

    /// <summary>The host CPU name as LLVM sees it, e.g. "znver5".</summary>
    public static string HostCpuName { get { Initialize(); return s_cpu!; } }

    /// <summary>The host CPU feature string ("+avx2,+avx512f,...").</summary>
    public static string HostCpuFeatures { get { Initialize(); return s_features!; } }

    /// <summary>Whether the host CPU has a feature, by LLVM's name ("avx2", "avx512f", "fma"), as the code generator
    /// sees it (the features LLVM reports enabled).</summary>
    public static bool HasHostFeature(string name) => s_enabled.Value.Contains(name);

    private static readonly Lazy<HashSet<string>> s_enabled = new(() =>
        HostCpuFeatures.Split(',').Where(f => f.StartsWith('+')).Select(f => f[1..]).ToHashSet());

    /// <summary>
    /// Creates a target machine. Defaults: host triple, host CPU and features, O3, PIC, small code model.
    /// Pass <paramref name="cpu"/> (e.g. "x86-64-v3") and <paramref name="features"/> (e.g. "" or "+avx2")
    /// to generate code for other machines (export). The caller owns the result
    /// (<see cref="LLVM.DisposeTargetMachine"/>) unless it hands it to an API that consumes it.
    /// </summary>
    public static LLVMTargetMachineRef CreateHostTargetMachine(
        LLVMCodeGenOptLevel optLevel = LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive,
        bool relocPic = true,
        LLVMCodeModel codeModel = LLVMCodeModel.LLVMCodeModelSmall,
        string? cpu = null,
        string? features = null,
        string? triple = null)
    {
        Initialize();
        triple ??= s_triple!;
        cpu ??= s_cpu!;
        features ??= cpu == s_cpu ? s_features! : "";

        LLVMTargetRef target;
        sbyte* error = null;
        int failed = LLVM.GetTargetFromTriple(triple, &target, &error);
        LlvmErrors.ThrowIfFailed(failed, error, $"No LLVM target for triple '{triple}'");

        var tm = LLVM.CreateTargetMachine(target, triple, cpu, features, optLevel,
            relocPic ? LLVMRelocMode.LLVMRelocPIC : LLVMRelocMode.LLVMRelocDefault, codeModel);
        if (tm.IsNull)
            throw new LlvmException($"Could not create a target machine for '{triple}' cpu '{cpu}'.");
        return tm;
    }

    /// <summary>The data layout string of a target machine (e.g. "e-m:e-p270:32:32-...").</summary>
    public static string GetDataLayout(LLVMTargetMachineRef tm)
    {
        var td = LLVM.CreateTargetDataLayout(tm);
        try { return LLVM.TakeMessage(LLVM.CopyStringRepOfTargetData(td)) ?? ""; }
        finally { LLVM.DisposeTargetData(td); }
    }

    /// <summary>The triple of a target machine.</summary>
    public static string GetTriple(LLVMTargetMachineRef tm) => LLVM.TakeMessage(LLVM.GetTargetMachineTriple(tm)) ?? "";

    /// <summary>The CPU of a target machine.</summary>
    public static string GetCpu(LLVMTargetMachineRef tm) => LLVM.TakeMessage(LLVM.GetTargetMachineCPU(tm)) ?? "";

    /// <summary>The feature string of a target machine.</summary>
    public static string GetFeatures(LLVMTargetMachineRef tm) => LLVM.TakeMessage(LLVM.GetTargetMachineFeatureString(tm)) ?? "";

    /// <summary>Stamps a module with a target machine's triple and data layout (do this before optimising).</summary>
    public static void ConfigureModule(LLVMModuleRef module, LLVMTargetMachineRef tm)
    {
        var td = LLVM.CreateTargetDataLayout(tm);
        try { LLVM.SetModuleDataLayout(module, td); }
        finally { LLVM.DisposeTargetData(td); }
        sbyte* triple = LLVM.GetTargetMachineTriple(tm);
        try { LLVM.SetTarget(module, LLVM.ToManaged(triple)); }
        finally { LLVM.DisposeMessage(triple); }
    }
}
