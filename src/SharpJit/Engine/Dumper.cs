using System.Text;
using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>Text form of every pipeline stage, for `sharpjit dump --stage=...`.</summary>
public static class Dumper
{
    /// <summary>Every stage, in pipeline order: the typed-IR passes of <see cref="Passes.PassList"/> come after "typed".</summary>
    public static readonly string[] Stages = new[] { "tokens", "ast", "ir", Passes.PassList.Inference }
        .Concat(Passes.PassList.Names).Concat(new[] { "llvm", "llvm-opt", "asm" }).ToArray();

    public static string Dump(SourceText source, string stage, string? function = null) =>
        CompilerStack.Run(() => DumpHere(source, stage, function));

    private static string DumpHere(SourceText source, string stage, string? function)
    {
        switch (stage)
        {
            case "tokens": return Tokenizer.Dump(Tokenizer.Tokenize(source));
            case "ast": return AstPrinter.Dump(Pipeline.Parse(source)) + "\n";
        }
        var module = Pipeline.Analyze(source);
        bool Selected(FunctionInfo f) => function == null || f.QualName == function || f.Name == function;
        if (stage == "ir")
        {
            var sb = new StringBuilder();
            foreach (var f in module.Functions.Values.Where(Selected))
                sb.Append(Pipeline.Guard(source, () => IrPrinter.Print(Binder.Bind(f), withTypes: false))).Append('\n');
            return sb.ToString();
        }
        if (!Stages.Contains(stage)) throw new CompileError(ErrorKind.InternalError, $"unknown stage '{stage}'; choose one of {string.Join(", ", Stages)}", null, Span.None);
        bool typedIr = stage == Passes.PassList.Inference || Passes.PassList.Names.Contains(stage);
        var (types, entry) = Pipeline.Infer(module, module.Main, Array.Empty<SjType>(), typedIr ? stage : null);
        if (typedIr) return TypedIr(types.Specializations.Where(s => Selected(s.Function)));
        if (!Stages.Contains(stage)) throw new CompileError(ErrorKind.InternalError, $"unknown stage '{stage}'; choose one of {string.Join(", ", Stages)}", null, Span.None);
        var jit = JitHost.Jit;
        lock (jit.SyncRoot)
        {
            var llmod = jit.CreateModule("dump");
            try
            {
                Pipeline.Emit(types, entry, jit.ContextRef, llmod, new CodegenOptions());
                if (stage != "llvm") Pipeline.Guard(source, () => { ModuleText.VerifyOrThrow(llmod); Optimizer.Run(llmod, jit.TargetMachine); return 0; });
                string text = stage == "asm" ? ModuleText.EmitAssembly(llmod, jit.TargetMachine) : ModuleText.Print(llmod);
                return function == null ? text : FilterFunctions(text, types, function, stage == "asm");
            }
            finally { LLVM.DisposeModule(llmod); }
        }
    }

    /// <summary>Each specialisation's typed IR under a "; signature -> return type" header.</summary>
    public static string TypedIr(IEnumerable<Specialization> specs)
    {
        var sb = new StringBuilder();
        foreach (var s in specs) sb.Append($"; {s}\n").Append(IrPrinter.Print(s.Ir, withTypes: true)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Keeps only the definitions of the named function's specialisations.</summary>
    private static string FilterFunctions(string text, TypeInference types, string function, bool asm)
    {
        var symbols = types.Specializations.Where(s => s.Function.QualName == function || s.Function.Name == function).Select(s => s.Symbol).ToList();
        var sb = new StringBuilder();
        bool inside = false;
        foreach (var line in text.Split('\n'))
        {
            if (!inside)
            {
                bool start = asm ? symbols.Any(s => line.StartsWith(s + ":")) : line.StartsWith("define") && symbols.Any(s => line.Contains("@" + s + "("));
                if (start) inside = true;
            }
            if (inside)
            {
                sb.Append(line).Append('\n');
                if (asm ? line.Contains(".Lfunc_end") : line == "}") { inside = false; sb.Append('\n'); }
            }
        }
        return sb.ToString();
    }
}
