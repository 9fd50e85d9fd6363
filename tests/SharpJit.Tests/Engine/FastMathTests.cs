using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>fastmath=True puts LLVM's fast-math flags on floating-point operations, so a float reduction vectorises.</summary>
public class FastMathTests
{
    private const string Source = """
        def total(n):
            s = 0.0
            for i in range(n):
                s += i * 0.5
            return s
        """;

    private static string OptimisedIr(bool fastMath) =>
        SharpJitEngine.FromSource(Source, "fm.py", new CodegenOptions(FastMath: fastMath)).Compile("total", ScalarType.Int64).LlvmIr;

    [Fact]
    public void FastMathVectorisesTheReduction()
    {
        var fast = OptimisedIr(true);
        Assert.Contains("fadd fast", fast);
        Assert.Matches(@"fadd fast <\d+ x double>", fast);
    }

    [Fact]
    public void StrictByDefault()
    {
        var strict = OptimisedIr(false);
        Assert.DoesNotContain(" fast ", strict);
        Assert.Equal(
            SharpJitEngine.FromSource(Source, "fm.py").Call("total", 1000L),
            SharpJitEngine.FromSource(Source, "fm.py", new CodegenOptions(FastMath: true)).Call("total", 1000L));
    }
}
