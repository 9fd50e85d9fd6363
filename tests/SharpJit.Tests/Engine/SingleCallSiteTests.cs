using System.Text.RegularExpressions;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>A function with one call site is inlined before LLVM's pipeline (ModuleEmitter.InlineSingleCallSites), so
/// that its body is optimised once, inside its caller, instead of on its own first and again once inlined.</summary>
public class SingleCallSiteTests
{
    private const string Source = """
        def once(x):
            return x * 3 + 1
        def twice(x):
            return x - 2
        def recursive(n):
            return n if n < 2 else recursive(n - 1) + 1
        print(once(4), twice(1) + twice(2), recursive(5))
        """;

    private static string AttributesOf(string ir, string function)
    {
        var define = Regex.Match(ir, $@"^define internal [^@]*@sj\d+_{function}_0\([^)]*\) #(\d+)", RegexOptions.Multiline);
        Assert.True(define.Success, $"no definition of {function}:\n{ir}");
        return Regex.Match(ir, $@"^attributes #{define.Groups[1].Value} = \{{ ([^}}]*) \}}", RegexOptions.Multiline).Groups[1].Value;
    }

    [Theory]
    [InlineData("once", true)]
    [InlineData("twice", false)]       // two call sites: LLVM's inliner weighs each
    [InlineData("recursive", false)]   // it calls itself
    public void OnlyAFunctionCalledFromOnePlaceIsAlwaysInlined(string function, bool inlined)
    {
        var ir = Dumper.Dump(new SourceText("single.py", Source), "llvm");
        Assert.Equal(inlined, AttributesOf(ir, function).Split(' ').Contains("alwaysinline"));
    }

    [Fact]
    public void AnEntryPointsFunctionIsInlinedIntoItsWrapperAndStillRuns()
    {
        var f = SharpJitEngine.FromSource("def hyp(a, b):\n    return (a * a + b * b) ** 0.5\n", "hyp.py")
            .Compile("hyp", SharpJit.Typing.ScalarType.Float64, SharpJit.Typing.ScalarType.Float64);
        Assert.Equal(5.0, f.Invoke(3.0, 4.0));
        // After optimisation only the C entry remains: the body was optimised once, inside it.
        Assert.Single(Regex.Matches(f.LlvmIr, @"^define ", RegexOptions.Multiline));
    }
}
