using System.Runtime.InteropServices;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Runtime;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>Compiled code calling .NET delegates (issue 11, item 1): as named host functions (address baked into the
/// code) and as C function pointer arguments (called through the run-time address).</summary>
public class DelegateCallTests
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate double Scale(double x, long k);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate double Unary(double x);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate byte Predicate(long x);

    private const string Source = """
        def total(n):
            s = 0.0
            for i in range(n):
                s += scale(0.5, i)
                if is_odd(i):
                    s += 1
            return s

        def integrate(f, a, b, n):
            h = (b - a) / n
            s = 0.0
            for i in range(n):
                s += f(a + (i + 0.5) * h)
            return s * h
        """;

    private static double ExpectedTotal(int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++) { s += 0.5 * i + 1; if (i % 2 == 1) s += 1; }
        return s;
    }

    [Fact]
    public void HostFunctionsAreDelegatesCalledWithTheirAddressBakedIn()
    {
        int calls = 0;
        Scale scale = (x, k) => { calls++; return x * k + 1; };
        Predicate odd = x => (byte)(x % 2 != 0 ? 1 : 0);
        var engine = SharpJitEngine.FromSource(Source, hostFunctions: new Dictionary<string, CFunctionPointer>
        {
            ["scale"] = CFunctionPointer.FromDelegate(scale, "float64(float64, int64)"),
            ["is_odd"] = CFunctionPointer.FromDelegate(odd, "bool(int64)"),
        });
        Assert.Equal(ExpectedTotal(10), engine.Call("total", 10L));
        Assert.Equal(10, calls);
    }

    [Fact]
    public void DelegatesPassedAsArgumentsAreCalledThroughTheirAddress()
    {
        var engine = SharpJitEngine.FromSource(Source);
        Unary square = x => x * x, cube = x => x * x * x;
        double Integrate(Func<double, double> f, int n) { double h = 1.0 / n, s = 0; for (int i = 0; i < n; i++) s += f((i + 0.5) * h); return s * h; }
        Assert.Equal(Integrate(x => x * x, 100), engine.Call("integrate", CFunctionPointer.FromDelegate(square, "float64(float64)"), 0.0, 1.0, 100L));
        Assert.Equal(Integrate(x => x * x * x, 100), engine.Call("integrate", CFunctionPointer.FromDelegate(cube, "float64(float64)"), 0.0, 1.0, 100L));
        GC.KeepAlive(square); GC.KeepAlive(cube);
    }

    [Fact]
    public void WrongArgumentCountIsATypingError()
    {
        Unary square = x => x * x;
        var engine = SharpJitEngine.FromSource("def f(g):\n    return g(1.0, 2.0)\n");
        var e = Assert.Throws<CompileError>(() => engine.Call("f", CFunctionPointer.FromDelegate(square, "float64(float64)")));
        Assert.Contains("the C function pointer float64(float64) takes 1 argument (2 given)", e.Message);
        GC.KeepAlive(square);
    }

    [Fact]
    public void SignaturesWithoutCTypesAreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new CFunctionPointer(1234, "float64(complex128)"));
        Assert.Contains("complex numbers have no plain C type", e.Message);
    }
}
