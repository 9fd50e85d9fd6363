using System.Diagnostics;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Export;
using SharpJit.Runtime;
using SharpJit.Tests.Programs;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Export;

/// <summary>
/// Standalone export: tests/export/kernels.py exported to an object and a shared library, linked by clang-19 into
/// tests/export/driver.c, must print what tests/export/driver.py prints under CPython; the code needs only libc and libm.
/// </summary>
public class ExportTests
{
    private static readonly string[] Functions =
    {
        "series:float64(float64, int64)", "fib:int64(int64)", "collatz:int64(int64)", "describe:int64(float64, int64)",
        "checked_div:int64(int64, int64)", "flag:bool(float64, float64, float64)", "narrow:int32(int32, int32)", "nothing:void(int64)",
        "guarded:int64(int64, int64)",
    };

    [Theory]
    [InlineData("float64[::1]", "float64", 1, ArrayLayout.C)]
    [InlineData("float64[:, ::1]", "float64", 2, ArrayLayout.C)]
    [InlineData("int32[::1, :, :]", "int32", 3, ArrayLayout.F)]
    [InlineData("bool[:]", "bool", 1, ArrayLayout.A)]
    [InlineData("f4[:, :]", "float32", 2, ArrayLayout.A)]
    public void ExportSignaturesSpellArraysAsNumba(string spelled, string dtype, int ndim, ArrayLayout layout)
    {
        var sig = CSignature.Parse($"{spelled}(int64, {spelled})", arrays: true);
        var t = Assert.IsType<SharpJit.Typing.ArrayType>(sig.Args[1]);
        Assert.Equal((dtype, ndim, layout), (t.Dtype.Name, t.Ndim, t.Layout));
        Assert.Equal(t, sig.Return);
        Assert.Equal(2, sig.Args.Length);
        // Only export takes arrays; other C signatures (cfunc, extern) refuse them as types without a C type.
        Assert.Throws<ArgumentException>(() => CSignature.Parse($"float64({spelled})"));
    }

    [Theory]
    [InlineData("float64(float64[::1, ::1])", "is not an array type")]
    [InlineData("float64(float64[:, ::1, :])", "'::1' marks the first (Fortran order) or last (C order) axis")]
    [InlineData("float64(complex128[:])", "complex numbers have no plain C type")]
    public void BadArraySpellingsAreRefusedWithTheReason(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => CSignature.Parse(text, arrays: true)).Message);

    private static (ExportResult Result, string Dir) ExportKernels()
    {
        var dir = Directory.CreateTempSubdirectory("sharpjit-export-test-").FullName;
        var source = SourceText.FromFile(Corpus.PathOf("tests", "export", "kernels.py"));
        var result = Exporter.Export(source, Functions.Select(ExportRequest.Parse).ToList(), Path.Combine(dir, "kernels"));
        return (result, dir);
    }

    private static (int Code, string Out, string Err) Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    [Fact]
    public void CProgramLinkedWithTheObjectPrintsWhatCPythonPrints()
    {
        var (result, dir) = ExportKernels();
        try
        {
            string exe = Path.Combine(dir, "driver");
            var cc = Run("clang-19", "-O2", "-I", dir, Corpus.PathOf("tests", "export", "driver.c"), result.Files["o"], "-lm", "-o", exe);
            Assert.True(cc.Code == 0, cc.Err);
            var c = Run(exe);
            Assert.Equal(0, c.Code);
            var py = Corpus.RunCPython(Corpus.PathOf("tests", "export", "driver.py"));
            Assert.Equal(0, py.ExitCode);
            Assert.Equal(py.Stdout, c.Out);
            Assert.Contains("error: ValueError: bad n: -1", c.Out);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void CProgramLinkedWithTheSharedLibraryPrintsTheSame()
    {
        var (result, dir) = ExportKernels();
        try
        {
            string exe = Path.Combine(dir, "driver_so");
            var cc = Run("clang-19", "-O2", "-I", dir, Corpus.PathOf("tests", "export", "driver.c"), result.Files["so"], "-lm",
                "-Wl,-rpath," + dir, "-o", exe);
            Assert.True(cc.Code == 0, cc.Err);
            var c = Run(exe);
            Assert.Equal(Corpus.RunCPython(Corpus.PathOf("tests", "export", "driver.py")).Stdout, c.Out);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void ExportedCodeNeedsOnlyLibcAndLibm()
    {
        var (result, dir) = ExportKernels();
        try
        {
            var needed = Run("llvm-readelf-19", "--needed-libs", result.Files["so"]);
            Assert.DoesNotContain("python", needed.Out);
            Assert.DoesNotContain("sharpjit", needed.Out);
            var undefined = Run("llvm-nm-19", "-u", "--format=just-symbols", result.Files["o"]).Out
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToList();
            var libcAndLibm = new HashSet<string>
            {
                "__tls_get_addr", "_setjmp", "longjmp", "calloc", "malloc", "realloc", "free", "memcpy", "memmove", "memset", "fputc",
                "fwrite", "snprintf", "stdout", "strchr", "strcmp", "strlen", "strtod", "sin", "cos", "exp", "log", "pow", "fmod",
                "floor", "ldexp", "frexp", "modf", "hypot", "atan2", "copysign", "fabs", "round", "roundeven", "trunc", "ceil", "sqrt", "rint",
            };
            var others = undefined.Where(s => !libcAndLibm.Contains(s)).ToList();
            Assert.True(others.Count == 0, "undefined symbols outside libc and libm: " + string.Join(", ", others));
            var exported = Run("llvm-nm-19", "-g", "--defined-only", "--format=just-symbols", result.Files["so"]).Out
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            Assert.Equal(Functions.Select(f => f[..f.IndexOf(':')]).Concat(new[] { "kernels_last_error", "kernels_last_traceback", "kernels_clear_error" })
                .ToHashSet(), exported);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void IrTextCompilesWithLlcOnItsOwn()
    {
        var (result, dir) = ExportKernels();
        try
        {
            var llc = Run("llc-19", "-filetype=obj", result.Files["ll"], "-o", Path.Combine(dir, "from_ll.o"));
            Assert.True(llc.Code == 0, llc.Err);
            Assert.True(new FileInfo(Path.Combine(dir, "from_ll.o")).Length > 0);
            Assert.True(new FileInfo(result.Files["bc"]).Length > 0);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void HeaderDeclaresCTypesAndTheConvention()
    {
        var (result, dir) = ExportKernels();
        try
        {
            var h = File.ReadAllText(result.Files["h"]);
            Assert.Contains("int32_t series(double x, int64_t n, double *result);", h);
            Assert.Contains("int32_t flag(double x, double lo, double hi, bool *result);", h);
            Assert.Contains("int32_t narrow(int32_t a, int32_t b, int32_t *result);", h);
            Assert.Contains("int32_t nothing(int64_t n);", h);
            Assert.Contains("const char *kernels_last_error(void);", h);
            Assert.Contains("A non-zero return means the Python code raised an", h);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void TracebackTextIsCPythons()
    {
        var (result, dir) = ExportKernels();
        try
        {
            string c = Path.Combine(dir, "tb.c"), exe = Path.Combine(dir, "tb");
            File.WriteAllText(c, """
                #include <stdio.h>
                #include "kernels.h"
                int main(void) { double d; if (series(1.0, -5, &d)) fputs(kernels_last_traceback(), stdout);
                                 kernels_clear_error(); printf("%p\n", (void *)kernels_last_error()); return 0; }
                """);
            Assert.Equal(0, Run("clang-19", "-I", dir, c, result.Files["o"], "-lm", "-o", exe).Code);
            var path = Corpus.PathOf("tests", "export", "kernels.py");
            Assert.Equal($"Traceback (most recent call last):\n  File \"{path}\", line 8, in series\n    raise ValueError(f\"bad n: {{n}}\")\n" +
                "ValueError: bad n: -5\n(nil)\n", Run(exe).Out);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void ConstructsThatNeedTheRuntimeAreRefusedByName()
    {
        var src = new SourceText("needs.py", "import math\n\ndef g(x):\n    return math.gamma(x) + math.lgamma(x)\n\ndef h(n):\n    return math.factorial(n)\n");
        var dir = Directory.CreateTempSubdirectory("sharpjit-export-test-").FullName;
        try
        {
            var e = Assert.Throws<CompileError>(() => Exporter.Export(src,
                new[] { ExportRequest.Parse("g:float64(float64)"), ExportRequest.Parse("h:int64(int64)") }, Path.Combine(dir, "needs")));
            Assert.Equal(ErrorKind.UnsupportedError, e.Kind);
            Assert.Contains("math.gamma (in g())", e.Message);
            Assert.Contains("math.lgamma (in g())", e.Message);
            Assert.Contains("math.factorial (in h())", e.Message);
            Assert.Contains("def g(x):", e.Diagnostic.Render());
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("f", "--function takes NAME:SIGNATURE")]
    [InlineData("f:float64(float64", "invalid C signature")]
    [InlineData("f:float64(quux)", "unknown type 'quux'")]
    [InlineData("f:complex128(float64)", "complex numbers have no plain C type")]
    [InlineData("f:float64(void)", "void is only a return type")]
    [InlineData("f:float64(CPointer(float64))", "pointer arguments are for cfunc callbacks")]
    public void BadFunctionSpecsSayWhy(string spec, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => ExportRequest.Parse(spec)).Message);

    [Fact]
    public void MismatchesWithTheSourceSayWhy()
    {
        var src = new SourceText("m.py", "def f(x, y):\n    return x / y\n");
        Assert.Contains("no module-level function named 'g'", Assert.Throws<ArgumentException>(() =>
            Exporter.Export(src, new[] { ExportRequest.Parse("g:float64(float64)") }, Path.Combine(Path.GetTempPath(), "sj-m"))).Message);
        Assert.Contains("f() takes 2 arguments but the signature float64(float64) has 1", Assert.Throws<ArgumentException>(() =>
            Exporter.Export(src, new[] { ExportRequest.Parse("f:float64(float64)") }, Path.Combine(Path.GetTempPath(), "sj-m"))).Message);
        Assert.Contains("returns float (float64), which does not convert to the declared int64", Assert.Throws<ArgumentException>(() =>
            Exporter.Export(src, new[] { ExportRequest.Parse("f:int64(float64, float64)") }, Path.Combine(Path.GetTempPath(), "sj-m"))).Message);
        Assert.Contains("unsupported export target 'riscv64'", Assert.Throws<ArgumentException>(() =>
            Exporter.Export(src, new[] { ExportRequest.Parse("f:float64(float64, float64)") }, Path.Combine(Path.GetTempPath(), "sj-m"),
                new ExportOptions(Triple: "riscv64"))).Message);
    }

    [Fact]
    public void PrefixIsACIdentifier()
    {
        Assert.Equal("my_kernels", Exporter.Prefix("out/my-kernels"));
        Assert.Equal("_2d", Exporter.Prefix("2d"));
    }
}

/// <summary>cfunc's C-ABI wrapper from .NET: a function pointer with the plain C signature; exceptions give NaN or 0.</summary>
public unsafe class CFunctionTests
{
    [Fact]
    public void WrapperHasThePlainCSignature()
    {
        var engine = SharpJitEngine.FromSource("def f(x, n):\n    return x * n + 0.5\n\ndef lt(a, b):\n    return a[0] < b[0]\n", "cf.py");
        var sig = CSignature.Parse("float64(float64, int32)");
        var cf = CFunctions.Create(engine.Compile("f", sig.Args), sig, "f");
        Assert.Equal(6.5, ((delegate* unmanaged<double, int, double>)cf.Address)(2.0, 3));
        Assert.StartsWith("f.cfunc", cf.NativeName);

        var psig = CSignature.Parse("bool(CPointer(float64), CPointer(float64))");
        var lt = CFunctions.Compile(engine.Module, engine.Module.FindFunction("lt")!, psig);
        Assert.DoesNotContain("__entry", lt.WrapperIr);   // compiled into the wrapper's module and inlined
        double a = 1.0, b = 2.0;
        var fn = (delegate* unmanaged<double*, double*, byte>)lt.Address;
        Assert.Equal(1, fn(&a, &b));
        Assert.Equal(0, fn(&b, &a));
    }

    [Fact]
    public void ExceptionsAreReportedAndGiveNaNOrZero()
    {
        var engine = SharpJitEngine.FromSource("def inv(x):\n    return 1.0 / x\n\ndef check(n):\n    if n < 0:\n        raise ValueError('negative')\n    return n\n", "cf2.py");
        var reported = new List<string>();
        var old = CFunctions.ErrorReporter;
        CFunctions.ErrorReporter = (name, e) => reported.Add($"{name}: {e.LastLine} at line {e.Frames[^1].Line}");
        try
        {
            var s1 = CSignature.Parse("float64(float64)");
            var inv = (delegate* unmanaged<double, double>)CFunctions.Create(engine.Compile("inv", s1.Args), s1, "inv").Address;
            Assert.Equal(0.5, inv(2.0));
            Assert.True(double.IsNaN(inv(0.0)));
            var s2 = CSignature.Parse("int64(int64)");
            var check = (delegate* unmanaged<long, long>)CFunctions.Create(engine.Compile("check", s2.Args), s2, "check").Address;
            Assert.Equal(0, check(-3));
            Assert.Equal(7, check(7));
        }
        finally { CFunctions.ErrorReporter = old; }
        Assert.Equal(2, reported.Count);
        Assert.Matches(@"^inv\.cfunc\d+: ZeroDivisionError: float division by zero at line 2$", reported[0]);
        Assert.Matches(@"^check\.cfunc\d+: ValueError: negative at line 6$", reported[1]);
    }

    [Fact]
    public void SignatureMustMatchTheCompiledTypes()
    {
        var engine = SharpJitEngine.FromSource("def f(x):\n    return x * 2.5\n", "cf3.py");
        var f = engine.Compile("f", ScalarType.Float64);
        Assert.Contains("returns float (float64), which does not convert to the declared int64",
            Assert.Throws<ArgumentException>(() => CFunctions.Create(f, CSignature.Parse("int64(float64)"), "f")).Message);
        Assert.Contains("compiled for (float64), not for float64(int64)",
            Assert.Throws<ArgumentException>(() => CFunctions.Create(f, CSignature.Parse("float64(int64)"), "f")).Message);
    }
}
