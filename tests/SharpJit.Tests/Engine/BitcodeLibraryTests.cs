using SharpJit.Engine;
using SharpJit.Library;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>sharpjit.load_bitcode's core: signatures from the file's LLVM types, calls linked in and inlined, one
/// copy per compiled module, and declared signatures checked against the file.</summary>
public class BitcodeLibraryTests
{
    private const string C = "#include <math.h>\n#include <stdbool.h>\n" +
                             "double hyp(double x, double y) { return sqrt(x * x + y * y); }\n" +
                             "unsigned char low(long v) { return (unsigned char)v; }\n" +
                             "bool odd(long v) { return v & 1; }\n" +
                             "double first(const double *xs) { return xs[0]; }\n";

    [Fact]
    public void FunctionsAreInlinedIntoEachCompiledModule()
    {
        var dir = Directory.CreateTempSubdirectory("sharpjit-bclib-").FullName;
        try
        {
            var bc = BitcodeModuleTests.Clang(dir, "k", C);
            var lib = BitcodeLibrary.Load(bc);
            Assert.Equal("float64(float64, float64)", lib.Functions["hyp"].Signature!.ToString());
            Assert.Equal("uint8(int64)", lib.Functions["low"].Signature!.ToString());
            Assert.Equal("bool(int64)", lib.Functions["odd"].Signature!.ToString());
            Assert.Null(lib.Functions["first"].Signature);
            Assert.Same(lib, BitcodeLibrary.Load(bc));                       // once per content and signatures

            var engine = SharpJitEngine.FromSource(
                $"import sharpjit\nlib = sharpjit.load_bitcode({System.Text.Json.JsonSerializer.Serialize(bc)})\n\n" +
                "def f(x):\n    return lib.hyp(x, 4.0) + lib.low(300)\n\n" +
                "def g(n):\n    return lib.odd(n)\n", Path.Combine(dir, "k.py"));
            var f = engine.Compile("f", ScalarType.Float64);
            var g = engine.Compile("g", ScalarType.Int64);                   // a second module with its own copy
            Assert.Equal(5.0 + 44, f.Invoke(3.0));
            Assert.Equal(true, g.Invoke(7L));
            Assert.DoesNotContain("@hyp", f.LlvmIr);                         // inlined, and the copy dropped

            Assert.Contains("the signature float64(int32) does not match 'hyp' in k.bc, whose LLVM type is double (double, double)",
                Assert.Throws<ArgumentException>(() => BitcodeLibrary.Load(bc, new Dictionary<string, string> { ["hyp"] = "float64(int32)" })).Message);
            var signed = BitcodeLibrary.Load(bc, new Dictionary<string, string> { ["low"] = "int8(int64)" });
            Assert.Equal("int8(int64)", signed.Functions["low"].Signature!.ToString());
            Assert.NotEqual(lib.Key, signed.Key);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void TwoFilesDefiningTheSameNamesDoNotMeet()
    {
        var dir = Directory.CreateTempSubdirectory("sharpjit-bclib-").FullName;
        try
        {
            var a = BitcodeModuleTests.Clang(dir, "a", "static long n = 1;\nlong value(void) { return n++; }\n");
            var b = BitcodeModuleTests.Clang(dir, "b", "static long n = 20;\nlong value(void) { return n++; }\n");
            var engine = SharpJitEngine.FromSource(
                $"import sharpjit\nla = sharpjit.load_bitcode({System.Text.Json.JsonSerializer.Serialize(a)})\n" +
                $"lb = sharpjit.load_bitcode({System.Text.Json.JsonSerializer.Serialize(b)})\n\n" +
                "def f():\n    return la.value() * 100 + lb.value() + la.value() * 1000\n", Path.Combine(dir, "two.py"));
            Assert.Equal(1L * 100 + 20 + 2 * 1000, engine.Compile("f").Invoke());
        }
        finally { Directory.Delete(dir, true); }
    }
}
