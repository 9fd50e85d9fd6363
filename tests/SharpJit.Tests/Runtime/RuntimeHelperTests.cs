using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SharpJit.Codegen;
using SharpJit.Generators;
using SharpJit.Llvm;
using SharpJit.Runtime;
using SharpJit.Tests.Programs;
using Xunit;

namespace SharpJit.Tests.Runtime;

/// <summary>
/// Runtime helpers are declared once, by <c>[RuntimeHelper]</c> on their C# method; SharpJit.Generators derives the
/// table codegen declares them from. These tests check the derivation against the methods, and that declarations the
/// generator cannot map are compile errors.
/// </summary>
public sealed class RuntimeHelperTests
{
    /// <summary>The LLVM type a C# parameter or result type must become (written independently of the generator).</summary>
    private static string LlvmOf(Type t) =>
        t == typeof(void) ? "void"
        : t == typeof(int) || t == typeof(uint) ? "i32"
        : t == typeof(long) || t == typeof(ulong) ? "i64"
        : t == typeof(double) ? "double"
        : t == typeof(byte) || t == typeof(sbyte) ? "i8"
        : t.IsPointer || t.IsFunctionPointer || t.IsUnmanagedFunctionPointer || t == typeof(nint) || t == typeof(nuint) ? "ptr"
        : throw new InvalidOperationException($"no LLVM type for {t}");

    [Fact]
    public void EveryHelper_LlvmSignatureIsItsCSharpMethods()
    {
        Assert.NotEmpty(RuntimeSymbols.Helpers);
        var ctx = LLVM.ContextCreate();
        try
        {
            foreach (var h in RuntimeSymbols.Helpers)
            {
                var method = h.DeclaringType.GetMethod(h.Method, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
                Assert.NotNull(method);
                Assert.NotNull(method!.GetCustomAttribute<UnmanagedCallersOnlyAttribute>());
                Assert.Equal(h.Symbol, method.GetCustomAttribute<RuntimeHelperAttribute>()?.Symbol);
                Assert.NotEqual(0, h.Address);
                string expected = $"{LlvmOf(method.ReturnType)} ({string.Join(", ", method.GetParameters().Select(p => LlvmOf(p.ParameterType)))})";
                Assert.Equal((h.Symbol, expected), (h.Symbol, LLVM.PrintTypeToManagedString(ModuleEmitter.HelperType(ctx, h))));
            }
        }
        finally { LLVM.ContextDispose(ctx); }
    }

    [Fact]
    public void EveryRuntimeHelperMethod_IsInTheTable()
    {
        var marked = typeof(RuntimeSymbols).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<RuntimeHelperAttribute>()?.Symbol).OfType<string>().Order(StringComparer.Ordinal);
        Assert.Equal(marked, RuntimeSymbols.Helpers.Select(h => h.Symbol));
        Assert.Equal(RuntimeSymbols.Helpers.Length, RuntimeSymbols.All.Select(s => s.Address).Distinct().Count());
    }

    [Fact]
    public void EveryHelperNamedInTheCompiler_IsRegistered()
    {
        var named = Directory.EnumerateFiles(Corpus.PathOf("src", "SharpJit"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"(sj_[a-z0-9_]*[a-z0-9])\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(named);
        Assert.Equal(Array.Empty<string>(), named.Where(n => !RuntimeSymbols.All.Any(s => s.Name == n)).ToArray());   // names missing
        Assert.Throws<KeyNotFoundException>(() => RuntimeSymbols.Get("sj_no_such_helper"));
    }

    /// <summary>The C types of standalone_runtime.c (the helpers exported code links instead of the C# ones).</summary>
    private static string LlvmOfC(string c)
    {
        c = Regex.Replace(c.Replace("const ", ""), @"\s+\w+$", "").Trim();   // drop the parameter's name
        return c.Contains('*') ? "ptr" : c switch
        {
            "void" => "void", "int" => "i32", "i64" or "u64" => "i64", "double" => "double",
            _ => throw new InvalidOperationException($"no LLVM type for C type '{c}'"),
        };
    }

    [Fact]
    public void StandaloneRuntime_DefinesHelpersWithTheirCSharpSignatures()
    {
        var source = File.ReadAllText(Corpus.PathOf("src", "SharpJit", "Export", "standalone_runtime.c"));
        var defined = Regex.Matches(source, @"^(?<ret>[a-z][\w ]*?\s*\**)\s*(?<name>sj_\w+)\((?<params>[^)]*)\)", RegexOptions.Multiline).ToList();
        Assert.True(defined.Count > 30, $"found {defined.Count} definitions");
        foreach (Match m in defined)
        {
            var helper = RuntimeSymbols.Get(m.Groups["name"].Value);
            var ps = m.Groups["params"].Value.Trim();
            string c = $"{LlvmOfC(m.Groups["ret"].Value)} ({string.Join(", ", ps == "void" ? Array.Empty<string>() : ps.Split(',').Select(LlvmOfC))})";
            string derived = $"{LlvmOf(helper.Return)} ({string.Join(", ", helper.Params.Select(LlvmOf))})";
            Assert.Equal((helper.Symbol, derived), (helper.Symbol, c));
        }
    }

    private static string LlvmOf(HelperAbi t) => t switch
    {
        HelperAbi.Void => "void", HelperAbi.I8 => "i8", HelperAbi.I32 => "i32", HelperAbi.I64 => "i64", HelperAbi.F64 => "double", _ => "ptr",
    };

    private const string Prelude = """
        using System.Runtime.InteropServices;
        namespace SharpJit.Runtime;
        [System.AttributeUsage(System.AttributeTargets.Method)]
        public sealed class RuntimeHelperAttribute(string symbol) : System.Attribute { }
        public static unsafe class Helpers
        {
            [RuntimeHelper("sj_ok"), UnmanagedCallersOnly] public static int Ok(double x, long n, byte* p, nint q) => 0;

        """;

    private static (Diagnostic[] Diagnostics, string Generated) Generate(string methods)
    {
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("helpers", new[] { CSharpSyntaxTree.ParseText(Prelude + methods + "\n}\n") }, refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var run = CSharpGeneratorDriver.Create(new RuntimeHelperGenerator()).RunGenerators(compilation).GetRunResult();
        return (run.Diagnostics.ToArray(), string.Concat(run.GeneratedTrees.Select(t => t.ToString())));
    }

    [Fact]
    public void Generator_DerivesTheSignatureFromTheMethod()
    {
        var (diagnostics, generated) = Generate("");
        Assert.Empty(diagnostics);
        Assert.Contains("new(\"sj_ok\", HelperAbi.I32, new HelperAbi[] { HelperAbi.F64, HelperAbi.I64, HelperAbi.Ptr, HelperAbi.Ptr }, " +
                        "(nint)(delegate* unmanaged<double, long, byte*, nint, int>)&global::SharpJit.Runtime.Helpers.Ok", generated);
    }

    [Theory]
    [InlineData("SJG001", """[RuntimeHelper("sj_f"), UnmanagedCallersOnly] public static int F(float x) => 0;""")]
    [InlineData("SJG001", """[RuntimeHelper("sj_b"), UnmanagedCallersOnly] public static bool B(long x) => false;""")]
    [InlineData("SJG002", """[RuntimeHelper("sj_m")] public static int M(long x) => 0;""")]
    [InlineData("SJG002", """[RuntimeHelper("sj_p"), UnmanagedCallersOnly] private static int P(long x) => 0;""")]
    [InlineData("SJG002", """[RuntimeHelper("sj_r"), UnmanagedCallersOnly] public static int R(ref long x) => 0;""")]
    [InlineData("SJG003", """[RuntimeHelper("sj_ok"), UnmanagedCallersOnly] public static int Again(double x) => 0;""")]
    [InlineData("SJG004", """[RuntimeHelper(""), UnmanagedCallersOnly] public static int Nameless(double x) => 0;""")]
    public void Generator_RejectsAWrongDeclaration(string id, string method)
    {
        var (diagnostics, generated) = Generate(method);
        var d = Assert.Single(diagnostics);
        Assert.Equal((id, DiagnosticSeverity.Error), (d.Id, d.Severity));
        // the good helper is still generated, the wrong one is not
        Assert.Equal("sj_ok", Assert.Single(Regex.Matches(generated, "new\\(\"(sj_\\w+)\"")).Groups[1].Value);
    }
}
