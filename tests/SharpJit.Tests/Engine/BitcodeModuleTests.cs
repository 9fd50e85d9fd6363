using System.Diagnostics;
using SharpJit.Engine;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>Bitcode JIT-compiled as it is (the engine of sharpjit.install_bitcode_importer): its entry function runs,
/// its other definitions are internal, and bad input is refused with a reason.</summary>
public unsafe class BitcodeModuleTests
{
    internal static string Clang(string dir, string name, string source)
    {
        string c = Path.Combine(dir, name + ".c"), bc = Path.Combine(dir, name + ".bc");
        File.WriteAllText(c, source);
        var psi = new ProcessStartInfo("clang-19") { RedirectStandardError = true };
        foreach (var a in new[] { "-O1", "-fPIC", "-emit-llvm", "-c", c, "-o", bc }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
        return bc;
    }

    [Fact]
    public void EntryRunsAndHelpersStayPrivate()
    {
        var dir = Directory.CreateTempSubdirectory("sharpjit-bc-").FullName;
        try
        {
            // Two files define the same external helper name: internalised, they do not clash.
            var a = Clang(dir, "a", "#include <math.h>\nlong helper(long x) { return x * 2; }\nlong sjbc_entry_a(long x) { return helper(x) + (long)hypot(3.0, 4.0); }\n");
            var b = Clang(dir, "b", "long helper(long x) { return x * 3; }\nlong sjbc_entry_b(long x) { return helper(x); }\n");
            var fa = (delegate* unmanaged<long, long>)BitcodeModules.Load(a, "sjbc_entry_a");
            var fb = (delegate* unmanaged<long, long>)BitcodeModules.Load(b, "sjbc_entry_b");
            Assert.Equal(47, fa(21));
            Assert.Equal(63, fb(21));
            Assert.Equal((nint)fa, BitcodeModules.Load(a, "sjbc_entry_a"));   // loaded once

            var missing = Clang(dir, "m", "extern long sjbc_nowhere(long);\nlong sjbc_entry_m(long x) { return sjbc_nowhere(x); }\n");
            Assert.Contains("m.bc needs sjbc_nowhere, which neither the interpreter nor any loaded shared library defines",
                Assert.Throws<BitcodeModules.LoadException>(() => BitcodeModules.Load(missing, "sjbc_entry_m")).Message);
            Assert.Contains("defines no sjbc_other()", Assert.Throws<BitcodeModules.LoadException>(() => BitcodeModules.Load(b, "sjbc_other")).Message);
            File.WriteAllBytes(Path.Combine(dir, "bad.bc"), new byte[] { 1, 2, 3 });
            Assert.Contains("bad.bc is not valid LLVM bitcode",
                Assert.Throws<BitcodeModules.LoadException>(() => BitcodeModules.Load(Path.Combine(dir, "bad.bc"), "f")).Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
