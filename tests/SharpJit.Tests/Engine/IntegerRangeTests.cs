using SharpJit.Engine;
using SharpJit.Runtime;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>Compiled integers are int64: where CPython would return an integer beyond it (int(1e19), round(1e300)),
/// compiled code raises OverflowError instead of saturating to 2**63 - 1.</summary>
public class IntegerRangeTests
{
    private const string Source = """
        import math

        def to_int(x):
            return int(x)

        def rounded(x):
            return round(x)

        def ceil(x):
            return math.ceil(x)

        def floor(x):
            return math.floor(x)

        def trunc(x):
            return math.trunc(x)
        """;

    private static readonly SharpJitEngine Engine = SharpJitEngine.FromSource(Source, "ranges.py");

    [Theory]
    [InlineData("to_int", 9.2e18, 9200000000000000000L)]
    [InlineData("to_int", -9223372036854775808.0, long.MinValue)]
    [InlineData("rounded", 2.5e18, 2500000000000000000L)]
    [InlineData("floor", -9e18, -9000000000000000000L)]
    [InlineData("ceil", 9e18, 9000000000000000000L)]
    [InlineData("trunc", -1e18, -1000000000000000000L)]
    public void InRangeConverts(string function, double x, long expected) => Assert.Equal(expected, Engine.Call(function, x));

    [Theory]
    [InlineData("to_int", 1e19)]
    [InlineData("to_int", 9223372036854775808.0)]
    [InlineData("to_int", -9223372036854777856.0)]
    [InlineData("rounded", 1e300)]
    [InlineData("ceil", 1e300)]
    [InlineData("floor", -1e300)]
    [InlineData("trunc", -1e19)]
    public void BeyondInt64RaisesOverflowError(string function, double x)
    {
        var e = Assert.Throws<PythonException>(() => Engine.Call(function, x));
        Assert.Equal(("OverflowError", "int too large to convert to int64"), (e.TypeName, e.PyMessage));
    }
}
