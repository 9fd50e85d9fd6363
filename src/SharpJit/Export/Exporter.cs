using System.Diagnostics;
using System.Text;
using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Library;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Export;

/// <summary>One function to export: the Python function's name and its C signature ("f:float64(float64, int64)").</summary>
public sealed record ExportRequest(string Name, CSignature Signature)
{
    public static ExportRequest Parse(string text)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0) throw new ArgumentException($"--function takes NAME:SIGNATURE, e.g. 'f:float64(float64, int64)', not '{text}'");
        var sig = CSignature.Parse(text[(colon + 1)..], arrays: true);
        if (sig.Args.Any(a => a is PointerType)) throw new ArgumentException($"'{text}': pointer arguments are for cfunc callbacks, not for export");
        return new ExportRequest(text[..colon].Trim(), sig);
    }
}

/// <summary>A function to export and the module it belongs to.</summary>
public sealed record ExportUnit(ModuleInfo Module, FunctionInfo Function, ExportRequest Request);

/// <param name="Triple">Target triple (default: the host's).</param>
/// <param name="Cpu">Target CPU ("generic" by default, so the code runs on any machine of the architecture; "native" for this one).</param>
public sealed record ExportOptions(string? Triple = null, string? Cpu = null, CodegenOptions? Codegen = null);

/// <summary>What an export wrote, by kind ("ll", "bc", "o", "so", "h").</summary>
public sealed record ExportResult(IReadOnlyDictionary<string, string> Files, string Prefix, string Triple);

/// <summary>
/// Standalone export: compiles functions of a Python file to LLVM IR, bitcode, an object file, a shared library and
/// a C header that need only libc and libm. The runtime helpers compiled code calls come from
/// <c>standalone_runtime.c</c> (compiled by clang-19 for the target and linked in before optimisation); code that would
/// need a helper it does not provide is refused, naming the construct and the function.
/// </summary>
public static unsafe class Exporter
{
    private static readonly object Sync = new();

    /// <summary>The header's description of the calling and error conventions.</summary>
    private const string Convention = """
        /*
         * Calling convention: each function returns 0 on success and stores its result through its last argument
         * (functions declared to return void have no such argument). A non-zero return means the Python code raised an
         * exception: PREFIX_last_error() returns it as "ValueError: message" and PREFIX_last_traceback() as CPython
         * prints it (both thread-local; the text stays valid until the next call of either on the same thread, or
         * PREFIX_clear_error()). print() writes to stdout through C's stdio.
         * Needs only libc and libm: link with -lm.
         */
        """;

    /// <summary>The header's description of array arguments.</summary>
    private const string ArrayConvention = """
        /*
         * Arrays: an argument declared float64[:, ::1] (C order), float64[::1, :] (Fortran order) or float64[:, :] (any
         * strides) is passed as a pointer to a struct describing the caller's memory as NumPy does: the first element,
         * the length of each axis and the step between elements along each axis in bytes (a C-ordered 3x4 float64
         * array: shape {3, 4}, strides {32, 8}). The function reads and writes that memory in place and keeps no
         * pointer to it after returning. Strides that do not match a declared order are a ValueError.
         * An array result comes in a struct with its owner first: the memory stays valid until PREFIX_release(owner)
         * (a NULL owner: the result is a view of an argument's memory, and release does nothing).
         */

        """;

    /// <summary>Exports module-level functions of a Python file (a sharpjit program: the `sharpjit export` command).</summary>
    public static ExportResult Export(SourceText source, IReadOnlyList<ExportRequest> requests, string outputBase, ExportOptions? options = null)
    {
        var module = Pipeline.Analyze(source);
        var units = new List<ExportUnit>();
        foreach (var r in requests)
        {
            if (!module.Globals.TryGetValue(r.Name, out var g) || g.Kind != GlobalKind.Function)
                throw new ArgumentException($"{source.Path} has no module-level function named '{r.Name}'");
            units.Add(new ExportUnit(module, g.Function!, r));
        }
        return Export(units, outputBase, options);
    }

    /// <summary>Exports functions that may come from different modules (the CPython extension's @jit functions).</summary>
    public static ExportResult Export(IReadOnlyList<ExportUnit> units, string outputBase, ExportOptions? options = null) =>
        CompilerStack.Run(() => ExportHere(units, outputBase, options ?? new ExportOptions()));

    private static ExportResult ExportHere(IReadOnlyList<ExportUnit> units, string outputBase, ExportOptions options)
    {
        if (units.Count == 0) throw new ArgumentException("nothing to export: give at least one --function NAME:SIGNATURE");
        var dup = units.GroupBy(u => u.Request.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup != null) throw new ArgumentException($"function '{dup.Key}' is exported twice");
        string prefix = Prefix(outputBase);
        string triple = options.Triple ?? "";
        var source = units[0].Module.Source;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputBase))!);

        // One inference per module (its specialisations get symbols unique in the process), all emitted into one LLVM module.
        var inferences = new List<(TypeInference Types, List<(ExportRequest Request, Specialization Spec)> Entries)>();
        foreach (var group in units.GroupBy(u => u.Module))
        {
            foreach (var u in group)
                if (u.Function.Params.Count != u.Request.Signature.Args.Length)
                    throw new ArgumentException($"{u.Request.Name}() takes {u.Function.Params.Count} arguments but the signature {u.Request.Signature} has {u.Request.Signature.Args.Length}");
            var (ti, list) = Pipeline.Guard(group.Key.Source, () => TypeInference.Solved(group.Key,
                ti => group.Select(u => (u.Request, ti.Request(u.Function, u.Request.Signature.Args))).ToList()));
            Pipeline.Guard(group.Key.Source, () => { Passes.PassList.Run(ti); return 0; });
            inferences.Add((ti, list));
        }
        var entries = inferences.SelectMany(i => i.Entries).ToList();
        foreach (var (r, s) in entries)
            if (CAbiWrapper.CheckReturn(s.ReturnType, r.Signature.Return) is { } why)
                throw new ArgumentException($"{r.Name}: {r.Signature}: the function {why}");

        lock (Sync)
        {
            var tm = CreateTargetMachine(ref triple, options.Cpu);
            var ctx = ContextCreate();
            var llmod = ModuleCreateWithNameInContext(prefix, ctx);
            try
            {
                LlvmTarget.ConfigureModule(llmod, tm);
                var exported = new HashSet<string> { prefix + "_last_error", prefix + "_last_traceback", prefix + "_clear_error" };
                if (entries.Any(x => x.Request.Signature.Return is Typing.ArrayType)) exported.Add(prefix + "_release");
                ModuleEmitter? emitter = null;
                foreach (var (ti, list) in inferences)
                {
                    emitter = new ModuleEmitter(ctx, llmod, ti, (options.Codegen ?? new CodegenOptions()) with { Standalone = true });
                    var e = emitter;
                    Pipeline.Guard(ti.Module.Source, () => { e.EmitAll(list.Select(x => x.Spec)); return 0; });
                    foreach (var (r, s) in list)
                    {
                        var entry = GetNamedFunction(llmod, ModuleEmitter.EntryName(s));
                        CAbiWrapper.Emit(emitter, s.ArgTypes.ToArray(), s.ReturnType, r.Signature, r.Name, entry, statusResult: true,
                            argNames: s.Function.Params.Select(p => $"'{p.Name}'").ToList());
                        exported.Add(r.Name);
                    }
                }
                Pipeline.Guard(source, () => { ModuleText.VerifyOrThrow(llmod); return 0; });
                RefuseUnsupported(llmod, inferences.Select(i => i.Types).ToList());
                ModuleText.Link(llmod, ModuleText.ParseBitcode(ctx, CompileRuntime(triple, prefix), "standalone_runtime"));
                if (!triple.StartsWith("x86_64")) WidenJmpBufs(llmod, emitter!);
                for (var f = GetFirstFunction(llmod); f.Handle != 0; f = GetNextFunction(f))
                    if (IsDeclaration(f) == 0 && !exported.Contains(GetValueNameString(f))) SetLinkage(f, LLVMLinkage.LLVMInternalLinkage);
                Pipeline.Guard(source, () => { ModuleText.VerifyOrThrow(llmod); return 0; });
                Optimizer.Run(llmod, tm);

                var files = new Dictionary<string, string>();
                string Out(string ext) => files[ext] = Path.GetFullPath(outputBase + "." + ext);
                File.WriteAllText(Out("ll"), ModuleText.Print(llmod));
                ModuleText.WriteBitcode(llmod, Out("bc"));
                var obj = ModuleText.EmitObject(llmod, tm);
                File.WriteAllBytes(Out("o"), obj);
                LinkShared(files["o"], Out("so"));
                File.WriteAllText(Out("h"), Header(source, prefix, entries, triple));
                return new ExportResult(files, prefix, triple);
            }
            finally
            {
                DisposeModule(llmod);
                ContextDispose(ctx);
                DisposeTargetMachine(tm);
            }
        }
    }

    /// <summary>A C identifier from the output's file name: "out/my-kernels" gives "my_kernels".</summary>
    public static string Prefix(string outputBase)
    {
        var name = Path.GetFileName(outputBase);
        var sb = new StringBuilder();
        foreach (var c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    private static LLVMTargetMachineRef CreateTargetMachine(ref string triple, string? cpu)
    {
        bool x86 = triple.Length == 0 || triple.StartsWith("x86_64");
        if (!x86 && !triple.StartsWith("aarch64"))
            throw new ArgumentException($"unsupported export target '{triple}': sharpjit exports for x86_64-* and aarch64-* triples");
        if (!x86)
        {
            // The bundled LLVM is x86-only: load Debian's full library when nothing has loaded LLVM yet.
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(LlvmLibrary.OverrideVariable)))
            {
                var full = new[] { "/usr/lib/llvm-19/lib/libLLVM.so.19.1", "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1" }.FirstOrDefault(File.Exists);
                if (full != null) Environment.SetEnvironmentVariable(LlvmLibrary.OverrideVariable, full);
            }
            LlvmTarget.Initialize();
            try
            {
                InitializeAArch64TargetInfo(); InitializeAArch64Target(); InitializeAArch64TargetMC(); InitializeAArch64AsmPrinter();
            }
            catch (EntryPointNotFoundException)
            {
                throw new ArgumentException($"the LLVM library this process loaded has no AArch64 target; run the export in a fresh process, " +
                    $"or set {LlvmLibrary.OverrideVariable}=/usr/lib/llvm-19/lib/libLLVM.so.19.1");
            }
        }
        if (triple.Length == 0) triple = LlvmTarget.DefaultTriple;
        string theCpu = cpu is null or "generic" ? (x86 ? "x86-64" : "generic") : cpu == "native" ? LlvmTarget.HostCpuName : cpu;
        string? features = cpu == "native" ? LlvmTarget.HostCpuFeatures : "";
        try { return LlvmTarget.CreateHostTargetMachine(cpu: theCpu, features: features, triple: triple); }
        catch (LlvmException e) { throw new ArgumentException($"cannot generate code for target '{triple}' (cpu {theCpu}): {e.Message}"); }
    }

    // ------------------------------------------------------------------ the standalone runtime

    /// <summary>Helpers standalone_runtime.c implements (the others are refused by <see cref="RefuseUnsupported"/>).</summary>
    private static readonly HashSet<string> Provided = new()
    {
        "sj_raise", "sj_traceback", "sj_recursion_frames", "sj_write_str", "sj_write_repr_str", "sj_write_i64", "sj_write_u64", "sj_write_f64", "sj_write_c128",
        "sj_write_bool", "sj_write_range_step", "sj_sb_new", "sj_sb_finish", "sj_format_i64", "sj_format_u64", "sj_format_bool",
        "sj_format_f64", "sj_format_c128", "sj_format_str", "sj_format_object", "sj_str_or_empty", "sj_str_concat", "sj_str_cmp",
        "sj_str_len", "sj_range_len", "sj_ipow", "sj_ipow_u64", "sj_np_sum_f64", "sj_np_sum_f32", "sj_np_sumsq_f64", "sj_np_sumsq_f32", "sj_iabs", "sj_round_int", "sj_ipowmod", "sj_int_truediv", "sj_float_floordiv",
        "sj_round_float", "sj_cdiv", "sj_cpow", "sj_math_frexp", "sj_math_modf", "sj_str_free",
        "sj_exc_matches", "sj_exc_catch", "sj_exc_clear", "sj_exc_restore", "sj_exc_free", "sj_write_exc", "sj_exc_context",
        "sj_exc_cause_caught", "sj_exc_cause_new", "sj_exc_cause_none", "sj_exc_isinstance",
        "sj_array_alloc", "sj_array_free", "sj_index_error", "sj_broadcast_error", "sj_output_shape_error", "sj_assign_shape_error",
        "sj_index_shape_error",
    };

    private static string Describe(string helper, LLVMValueRef call)
    {
        int Id() => (int)ConstIntGetSExtValue(GetOperand(call, 0));
        string Named(string[] table, string module)
        {
            try { return $"{module}.{table[Id()]}"; } catch (Exception) { return module + " functions"; }
        }
        return helper switch
        {
            "sj_math1" => Named(Builtins.BridgedUnary.ToArray(), "math"),
            "sj_math_int1" => Named(Builtins.BridgedInt1.ToArray(), "math"),
            "sj_math_int2" => Named(Builtins.BridgedInt2.ToArray(), "math"),
            "sj_cmath1" => Named(Builtins.CMathUnary.ToArray(), "cmath"),
            "sj_np_complex1" => Named(Builtins.NumPyComplexUnary.ToArray(), "numpy"),
            "sj_math_array" => "math.fsum",
            "sj_math_isclose" => "math.isclose",
            "sj_math_ldexp" => "math.ldexp",
            "sj_cmath_rect" => "cmath.rect",
            "sj_cmath_isclose" => "cmath.isclose",
            "sj_np_cpow" or "sj_np_cpowf" => "numpy power of complex numbers",
            "sj_np_round" or "sj_np_round_int" => "numpy.round",
            "sj_np_gcd" or "sj_np_gcd_u64" => "numpy.gcd",
            "sj_np_lcm" or "sj_np_lcm_u64" => "numpy.lcm",
            "sj_write_f32" or "sj_write_c64" => "printing a float32 or complex64 value",
            "sj_format_f32" or "sj_format_c64" => "formatting a float32 or complex64 value",
            _ => helper,
        };
    }

    /// <summary>Refuses code that calls runtime helpers the standalone runtime does not provide, naming each construct.</summary>
    private static void RefuseUnsupported(LLVMModuleRef m, List<TypeInference> inferences)
    {
        var specs = inferences.SelectMany(t => t.Specializations).ToList();
        var bySymbol = specs.ToDictionary(s => s.Symbol, s => s.Function.Name);
        SourceText source = inferences[0].Module.Source;
        var problems = new SortedSet<string>();
        Span where = Span.None;
        for (var f = GetFirstFunction(m); f.Handle != 0; f = GetNextFunction(f))
        {
            string name = GetValueNameString(f);
            if (IsDeclaration(f) == 0 || !name.StartsWith("sj_") || Provided.Contains(name)) continue;
            for (var u = GetFirstUse(f); u.Handle != 0; u = GetNextUse(u))
            {
                var call = GetUser(u);
                if (name == "sj_math_array" && ConstIntGetSExtValue(GetOperand(call, 0)) == 1) continue;   // hypot: in the C runtime
                string caller = GetValueNameString(GetBasicBlockParent(GetInstructionParent(call)));
                string fn = bySymbol.TryGetValue(caller, out var py) ? py : caller;
                if (where == Span.None && specs.FirstOrDefault(x => x.Symbol == caller) is { } spec) { where = spec.Function.NameSpan; source = spec.Function.Module.Source; }
                problems.Add($"{Describe(name, call)} (in {fn}())");
            }
        }
        if (problems.Count > 0)
            throw new CompileError(ErrorKind.UnsupportedError,
                $"exported code needs only libc and libm, and these need sharpjit's runtime: {string.Join(", ", problems)}", source, where,
                "compute it another way, or call the function through @sharpjit.jit instead of exporting it");
    }

    /// <summary>clang-19 compiles standalone_runtime.c for the target into bitcode (embedded in this assembly).</summary>
    private static byte[] CompileRuntime(string triple, string prefix)
    {
        using var stream = typeof(Exporter).Assembly.GetManifestResourceStream("standalone_runtime.c")
            ?? throw new InvalidOperationException("standalone_runtime.c is not embedded in SharpJit.dll");
        var dir = Directory.CreateTempSubdirectory("sharpjit-export-");
        try
        {
            string c = Path.Combine(dir.FullName, "standalone_runtime.c"), bc = Path.Combine(dir.FullName, "rt.bc");
            using (var f = File.Create(c)) stream.CopyTo(f);
            Run(new[] { "clang-19", "/usr/lib/llvm-19/bin/clang" }, "clang-19 (Debian's clang-19 package) compiles the standalone runtime",
                "-target", triple, "-O2", "-nostdinc", "-fPIC", "-w", $"-DSJ_PREFIX={prefix}", "-emit-llvm", "-c", c, "-o", bc);
            return File.ReadAllBytes(bc);
        }
        finally { dir.Delete(recursive: true); }
    }

    private static void LinkShared(string obj, string so) =>
        Run(new[] { "ld.lld-19", "/usr/lib/llvm-19/bin/ld.lld", "ld.lld" }, "ld.lld-19 (Debian's lld-19 package) links the shared library",
            "-shared", "--hash-style=gnu", "-o", so, obj);

    private static void Run(string[] tools, string need, params string[] args)
    {
        foreach (var tool in tools)
        {
            try
            {
                var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var a in args) psi.ArgumentList.Add(a);
                using var p = Process.Start(psi)!;
                string err = p.StandardError.ReadToEnd();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {err.Trim()}");
                return;
            }
            catch (System.ComponentModel.Win32Exception) { /* not installed under this name */ }
        }
        throw new InvalidOperationException($"export needs {need}, and it was not found");
    }

    /// <summary>The recursion guard sizes its jmp_buf (after the call sites) for x86-64 glibc (200 bytes); AArch64's is larger.</summary>
    private static void WidenJmpBufs(LLVMModuleRef m, ModuleEmitter e)
    {
        var b = CreateBuilderInContext(e.Ctx);
        try
        {
            var wide = ArrayType2(e.I8, ModuleEmitter.GuardBytes(512));
            for (var f = GetFirstFunction(m); f.Handle != 0; f = GetNextFunction(f))
                for (var bb = GetFirstBasicBlock(f); bb.Handle != 0; bb = GetNextBasicBlock(bb))
                    for (var i = GetFirstInstruction(bb); i.Handle != 0;)
                    {
                        var next = GetNextInstruction(i);
                        if (IsAAllocaInst(i).Handle != 0 && GetValueNameString(i).StartsWith("jmpbuf"))
                        {
                            PositionBuilderBefore(b, i);
                            var a = BuildAlloca(b, wide, "jmpbuf_wide");
                            SetAlignment(a, 16);
                            ReplaceAllUsesWith(i, a);
                            InstructionEraseFromParent(i);
                        }
                        i = next;
                    }
        }
        finally { DisposeBuilder(b); }
    }

    private static readonly HashSet<string> CKeywords = new()
    {
        "auto", "bool", "char", "const", "default", "do", "double", "enum", "extern", "float", "goto", "int", "long", "register",
        "restrict", "result", "short", "signed", "sizeof", "static", "struct", "switch", "case", "typedef", "union", "unsigned",
        "void", "volatile", "inline", "true", "false",
    };

    private static string CName(string name) => CKeywords.Contains(name) ? name + "_" : name;

    private static string Header(SourceText source, string prefix, IEnumerable<(ExportRequest Request, Specialization Spec)> entries, string triple)
    {
        string guard = prefix.ToUpperInvariant() + "_H";
        var sb = new StringBuilder();
        sb.Append($"/* Generated by `sharpjit export` from {Path.GetFileName(source.Path)} for {triple}. */\n");
        sb.Append($"#ifndef {guard}\n#define {guard}\n\n#include <stdbool.h>\n#include <stdint.h>\n\n#ifdef __cplusplus\nextern \"C\" {{\n#endif\n\n");
        sb.Append(Convention.Replace("PREFIX", prefix)).Append("\n\n");
        var arrays = entries.SelectMany(x => x.Request.Signature.Args).OfType<Typing.ArrayType>().GroupBy(CAbiWrapper.ArrayStructName).Select(g => g.First()).ToList();
        var results = entries.Select(x => x.Request.Signature.Return).OfType<Typing.ArrayType>().GroupBy(CAbiWrapper.ResultStructName).Select(g => g.First()).ToList();
        if (arrays.Count + results.Count > 0)
        {
            sb.Append(ArrayConvention.Replace("PREFIX", prefix));
            foreach (var a in arrays) sb.Append(CAbiWrapper.ArrayStructDefinition(a));
            foreach (var a in results) sb.Append(CAbiWrapper.ArrayStructDefinition(a, result: true));
            sb.Append('\n');
        }
        foreach (var (r, spec) in entries)
        {
            var ps = r.Signature.Args.Select((a, k) => $"{CAbiWrapper.CType(a)} {CName(spec.Function.Params[k].Name)}").ToList();
            if (r.Signature.Return is Typing.ArrayType ra) ps.Add($"{CAbiWrapper.ResultStructName(ra)} *result");
            else if (r.Signature.Return != SimpleType.None) ps.Add($"{CAbiWrapper.CType(r.Signature.Return)} *result");
            sb.Append($"/* {r.Name}: {r.Signature} */\nint32_t {r.Name}({(ps.Count == 0 ? "void" : string.Join(", ", ps))});\n\n");
        }
        sb.Append($"const char *{prefix}_last_error(void);\nconst char *{prefix}_last_traceback(void);\nvoid {prefix}_clear_error(void);\n");
        if (results.Count > 0) sb.Append($"void {prefix}_release(void *owner);\n");
        sb.Append($"\n#ifdef __cplusplus\n}}\n#endif\n\n#endif /* {guard} */\n");
        return sb.ToString();
    }
}
