using SharpJit.Engine;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Codegen;

/// <summary>Divisions by a float the expression shows cannot be zero, math.sqrt of one never below zero, math.log
/// of a positive one and math.exp of one never above zero check nothing (Codegen.FloatFacts); the results and the
/// errors of look-alikes are checked against CPython by programs/checks_ruled_out_by_the_expression.py.</summary>
public class FloatFactsTests
{
    private static string OptimisedIr(string body) =>
        SharpJitEngine.FromSource("import math\n\ndef body(d, x):\n    return " + body + "\n", "facts.py")
            .Compile("body", ScalarType.Float64, ScalarType.Float64).LlvmIr;

    [Theory]
    [InlineData("1.0 / (1.0 + 0.2316419 * abs(d))")]
    [InlineData("x / (1.0 + math.exp(-x))")]
    [InlineData("x / math.sqrt(x * x + d * d + 1e-9)")]
    [InlineData("d / -(2.0 + abs(x))")]
    [InlineData("d % (0.5 + x * x)")]
    [InlineData("d // (abs(x) + 3.0)")]
    public void NoCheckWhereTheDivisorCannotBeZero(string expression) =>
        Assert.DoesNotContain("ZeroDivisionError", OptimisedIr(expression));

    [Theory]
    [InlineData("1.0 / (x * x)")]               // underflows to zero
    [InlineData("1.0 / math.exp(-x)")]          // underflows to zero
    [InlineData("1.0 / (1.0 + x)")]
    [InlineData("1.0 / math.sqrt(x * x)")]
    [InlineData("1.0 / (abs(x) + 0.0)")]
    [InlineData("1.0 / (d * 0.5 + 1.0)")]
    public void TheCheckStaysWhereItCanBe(string expression) =>
        Assert.Contains("ZeroDivisionError", OptimisedIr(expression));

    [Theory]
    [InlineData("math.sqrt(x * x + d * d)")]
    [InlineData("math.sqrt(abs(x) * 2.0 + abs(d) / 3.0)")]
    [InlineData("math.log(1.0 + x * x)")]
    [InlineData("math.log(math.sqrt(x * x + 1e-300) + abs(d))")]
    [InlineData("math.exp(-0.5 * x * x)")]
    [InlineData("math.exp(-abs(x) - d * d)")]
    public void NoCheckWhereTheArgumentRulesTheErrorOut(string expression)
    {
        var ir = OptimisedIr(expression);
        Assert.DoesNotContain("math domain error", ir);
        Assert.DoesNotContain("math range error", ir);
    }

    [Theory]
    [InlineData("math.sqrt(x * d)")]
    [InlineData("math.sqrt(x * x - d)")]
    [InlineData("math.log(x * x)")]
    [InlineData("math.log(abs(x) + math.exp(d))")]   // exp underflows to zero
    [InlineData("math.exp(0.5 * x * x)")]
    [InlineData("math.exp(-0.5 * x * d)")]
    public void TheCheckStaysWhereTheArgumentCanFail(string expression) =>
        Assert.Matches("math (domain|range) error", OptimisedIr(expression));
}
