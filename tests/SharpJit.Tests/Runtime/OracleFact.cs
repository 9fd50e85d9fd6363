using System;
using System.Globalization;
using Xunit;

namespace SharpJit.Tests.Runtime;

/// <summary>A [Fact] checked against the CPython 3.11 oracle: reported as skipped (with the reason) when there is none,
/// where a test that returned early would pass without checking anything.</summary>
public sealed class OracleFactAttribute : FactAttribute
{
    public OracleFactAttribute()
    {
        if (PythonOracle.Python == null) Skip = "no CPython 3.11 oracle: " + PythonOracle.UnavailableReason;
    }
}

/// <summary>A [Fact] checked against NumPy 1.x in the oracle: skipped when it is missing.</summary>
public sealed class NumPyOracleFactAttribute : FactAttribute
{
    public NumPyOracleFactAttribute()
    {
        if (NumPyMissing.Value != null) Skip = NumPyMissing.Value;
    }

    // NumPy 2 changed repr() of scalars ('np.float32(0.1)'), so the oracle must be NumPy 1.x (1.24 on Debian 12).
    public static readonly Lazy<string?> NumPyMissing = new(() =>
    {
        if (PythonOracle.Python == null) return "no CPython 3.11 oracle: " + PythonOracle.UnavailableReason;
        string v = PythonOracle.Run(@"
try:
    import numpy
    print(numpy.__version__)
except ImportError:
    print('none')
", new[] { "" })[0].Trim();
        return v.StartsWith("1.", StringComparison.Ordinal) && int.Parse(v.Split('.')[1], CultureInfo.InvariantCulture) >= 14
            ? null : $"NumPy 1.14..1.x needed, found '{v}'";
    });
}
