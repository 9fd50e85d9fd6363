using System;
using System.Collections.Generic;
using System.Linq;
using SharpJit.Runtime;
using Xunit;
using Xunit.Abstractions;
using static SharpJit.Tests.Runtime.MathOracleHarness;

namespace SharpJit.Tests.Runtime;

/// <summary>
/// Differential tests of PyMath against CPython 3.11's math module. Results must be bit-identical
/// except for the functions listed in <see cref="UlpTolerance"/>.
/// </summary>
public class PyMathTests
{
    private readonly ITestOutputHelper _out;

    public PyMathTests(ITestOutputHelper output) => _out = output;

    /// <summary>
    /// Per-function tolerance in ulps (0 = bit-exact):
    ///   expm1, log1p: C# ports of glibc's fdlibm code; glibc may use an FMA-compiled variant (1 ulp).
    ///   exp2: computed as pow(2, x) instead of glibc's exp2 (1 ulp).
    /// </summary>
    internal static long UlpTolerance(string func) => func switch
    {
        "expm1" or "log1p" or "exp2" => 1,
        _ => 0,
    };


    internal static readonly double[] Specials =
    {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, 1e-300, -1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
        1e300, -1e300, double.MaxValue, -double.MaxValue, 709.78, 710.0, -745.2, -746.0, 1e-20, 3.5, -3.5, 100.0,
        171.5, 172.0, -171.5, 0.1, 1e16, 1e22, 1e-8, -1e-8, Math.PI, Math.PI / 2, -Math.PI / 2, Math.E, 0.75,
        -0.75, 1.5, -1.5, 20.5, -20.5, 1023.0, 1024.0, -1074.0, -1075.0, 0.9999999999999999, 1.0000000000000002,
        -0.9999999999999999, 36.0, 27.0, 6.0, -6.0, 0.84375, 1.25, 2.857142857142857, 28.0, -28.0,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    };

    private static List<double> Randoms(int seed, int count)
    {
        var rng = new Random(seed);
        var list = new List<double>();
        for (int i = 0; i < count; i++)
        {
            list.Add((i % 4) switch
            {
                0 => (rng.NextDouble() * 2 - 1) * 4,
                1 => (rng.NextDouble() * 2 - 1) * 40,
                2 => (rng.NextDouble() * 2 - 1) * Math.Pow(10, rng.Next(-20, 20)),
                _ => Math.ScaleB(rng.NextDouble() + 0.5, rng.Next(-1074, 1024)) * (rng.Next(2) == 0 ? 1 : -1),
            });
        }
        return list;
    }

    private static readonly string[] Unary =
    {
        "sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "fabs", "acos", "asin", "atan",
        "acosh", "asinh", "atanh", "cos", "sin", "tan", "cosh", "sinh", "tanh", "erf", "erfc", "gamma", "lgamma",
        "degrees", "radians", "ulp", "trunc", "floor", "ceil", "frexp", "modf", "isfinite", "isinf", "isnan",
    };

    private static readonly string[] Binary = { "atan2", "copysign", "fmod", "remainder", "pow", "nextafter", "hypot", "log" };

    internal static string Eval(string func, string[] a) => Run(() => func switch
    {
        "sqrt" => R(PyMath.Sqrt(PD(a[0]))),
        "cbrt" => R(PyMath.Cbrt(PD(a[0]))),
        "exp" => R(PyMath.Exp(PD(a[0]))),
        "exp2" => R(PyMath.Exp2(PD(a[0]))),
        "expm1" => R(PyMath.Expm1(PD(a[0]))),
        "log" => a.Length == 1 ? R(PyMath.Log(PD(a[0]))) : R(PyMath.Log(PD(a[0]), PD(a[1]))),
        "log2" => R(PyMath.Log2(PD(a[0]))),
        "log10" => R(PyMath.Log10(PD(a[0]))),
        "log1p" => R(PyMath.Log1p(PD(a[0]))),
        "fabs" => R(PyMath.Fabs(PD(a[0]))),
        "acos" => R(PyMath.Acos(PD(a[0]))),
        "asin" => R(PyMath.Asin(PD(a[0]))),
        "atan" => R(PyMath.Atan(PD(a[0]))),
        "acosh" => R(PyMath.Acosh(PD(a[0]))),
        "asinh" => R(PyMath.Asinh(PD(a[0]))),
        "atanh" => R(PyMath.Atanh(PD(a[0]))),
        "cos" => R(PyMath.Cos(PD(a[0]))),
        "sin" => R(PyMath.Sin(PD(a[0]))),
        "tan" => R(PyMath.Tan(PD(a[0]))),
        "cosh" => R(PyMath.Cosh(PD(a[0]))),
        "sinh" => R(PyMath.Sinh(PD(a[0]))),
        "tanh" => R(PyMath.Tanh(PD(a[0]))),
        "erf" => R(PyMath.Erf(PD(a[0]))),
        "erfc" => R(PyMath.Erfc(PD(a[0]))),
        "gamma" => R(PyMath.Gamma(PD(a[0]))),
        "lgamma" => R(PyMath.Lgamma(PD(a[0]))),
        "degrees" => R(PyMath.Degrees(PD(a[0]))),
        "radians" => R(PyMath.Radians(PD(a[0]))),
        "ulp" => R(PyMath.Ulp(PD(a[0]))),
        "trunc" => R(PyMath.Trunc(PD(a[0]))),
        "floor" => R(PyMath.Floor(PD(a[0]))),
        "ceil" => R(PyMath.Ceil(PD(a[0]))),
        "frexp" => FrexpText(PyMath.Frexp(PD(a[0]))),
        "modf" => R(PyMath.Modf(PD(a[0]))),
        "isfinite" => R(PyMath.IsFinite(PD(a[0]))),
        "isinf" => R(PyMath.IsInf(PD(a[0]))),
        "isnan" => R(PyMath.IsNan(PD(a[0]))),
        "atan2" => R(PyMath.Atan2(PD(a[0]), PD(a[1]))),
        "copysign" => R(PyMath.CopySign(PD(a[0]), PD(a[1]))),
        "fmod" => R(PyMath.Fmod(PD(a[0]), PD(a[1]))),
        "remainder" => R(PyMath.Remainder(PD(a[0]), PD(a[1]))),
        "pow" => R(PyMath.Pow(PD(a[0]), PD(a[1]))),
        "nextafter" => R(PyMath.NextAfter(PD(a[0]), PD(a[1]))),
        "hypot" => R(PyMath.Hypot(PD(a[0]), PD(a[1]))),
        "ldexp" => R(PyMath.Ldexp(PD(a[0]), PI(a[1]))),
        "hypotn" => R(PyMath.Hypot(PL(a[0]))),
        "dist" => R(PyMath.Dist(PL(a[0]), PL(a[1]))),
        "fsum" => R(PyMath.Fsum(PL(a[0]))),
        "isclose" => R(PyMath.IsClose(PD(a[0]), PD(a[1]), PD(a[2]), PD(a[3]))),
        "factorial" => R(PyMath.Factorial(PI(a[0]))),
        "comb" => R(PyMath.Comb(PI(a[0]), PI(a[1]))),
        "perm" => R(PyMath.Perm(PI(a[0]), PI(a[1]))),
        "perm1" => R(PyMath.Perm(PI(a[0]))),
        "gcd" => R(PyMath.Gcd(PI(a[0]), PI(a[1]))),
        "lcm" => R(PyMath.Lcm(PI(a[0]), PI(a[1]))),
        "gcdn" => R(PyMath.Gcd(a.Select(PI).ToArray())),
        "lcmn" => R(PyMath.Lcm(a.Select(PI).ToArray())),
        "isqrt" => R(PyMath.Isqrt(PI(a[0]))),
        _ => throw new InvalidOperationException("unknown " + func),
    });

    private static string FrexpText((double Mantissa, int Exponent) t) => R(t.Mantissa) + " " + R((long)t.Exponent);

    private void RunRequests(List<string> requests)
    {
        var failures = Compare(requests, Eval, UlpTolerance, out var maxUlp);
        _out.WriteLine($"{requests.Count} cases");
        foreach (var kv in maxUlp) _out.WriteLine($"  {kv.Key}: max {kv.Value} ulp difference");
        AssertNone(failures, requests.Count);
    }

    [OracleFact]
    public void UnaryFunctions_MatchCPython()
    {
        var inputs = Specials.Concat(Randoms(1, 400)).ToList();
        var extra = new Dictionary<string, IEnumerable<double>>
        {
            ["gamma"] = Enumerable.Range(-400, 800).Select(i => i / 4.0 + 0.001 * (i % 3)).Concat(new[] { 171.6, 171.7, 1e-19, -1e-21, 141.0, 150.5, -150.5, -200.5, 200.5 }),
            ["lgamma"] = Enumerable.Range(-400, 800).Select(i => i / 4.0 + 0.001 * (i % 3)).Concat(new[] { 2.55e305, 1e306, 1e308, -1e300, 0.5e-20 }),
            ["erf"] = Enumerable.Range(0, 700).Select(i => (i - 350) / 50.0 + 1e-3 * (i % 7)),
            ["erfc"] = Enumerable.Range(0, 800).Select(i => (i - 300) / 25.0 + 1e-3 * (i % 7)),
            ["expm1"] = Enumerable.Range(0, 800).Select(i => (i - 400) / 8.0 + 1e-3 * (i % 7)).Concat(new[] { 1e-10, -1e-10, 0.3, -0.3, 0.4, 1.0, 709.7, 709.8 }),
            ["log1p"] = Enumerable.Range(0, 800).Select(i => (i - 200) / 200.0 + 1e-5 * (i % 7)).Concat(new[] { 1e-10, -1e-10, 1e20, 9e15, -0.999999 }),
            ["exp2"] = Enumerable.Range(0, 400).Select(i => (i - 200) * 5.37),
        };
        var requests = new List<string>();
        foreach (string f in Unary)
        {
            IEnumerable<double> xs = inputs;
            if (extra.TryGetValue(f, out var more)) xs = xs.Concat(more);
            foreach (double x in xs) requests.Add($"{f} {F(x)}");
        }
        RunRequests(requests);
    }

    [OracleFact]
    public void BinaryFunctions_MatchCPython()
    {
        double[] xs =
        {
            0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 2.5, 1e-300, 5e-324, 1e300, -1e300, 10.0, 7.0,
            0.1, 1e16, 1e308, 6.0, -6.5, 100.5, 1.5, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        };
        var rng = new Random(7);
        var requests = new List<string>();
        foreach (string f in Binary)
        {
            foreach (double x in xs) foreach (double y in xs) requests.Add($"{f} {F(x)} {F(y)}");
            for (int i = 0; i < 300; i++)
            {
                double x = (rng.NextDouble() * 2 - 1) * Math.Pow(10, rng.Next(-5, 6));
                double y = (rng.NextDouble() * 2 - 1) * Math.Pow(10, rng.Next(-5, 6));
                if (f == "pow" && i % 2 == 0) y = rng.Next(-20, 20) * 0.5;
                requests.Add($"{f} {F(x)} {F(y)}");
            }
        }
        // remainder ties: x = (n + 1/2) * y
        for (int n = -10; n <= 10; n++) requests.Add($"remainder {F((n + 0.5) * 3.0)} {F(3.0)}");
        // ldexp
        long[] exps = { 0, 1, -1, 1023, 1024, -1074, -1075, -1080, 2000, -2000, 3_000_000_000, -3_000_000_000, long.MaxValue, long.MinValue };
        foreach (double x in xs) foreach (long e in exps) requests.Add($"ldexp {F(x)} {I(e)}");
        // isclose
        double[] tol = { 0.0, 1e-9, 0.1, -1.0 };
        foreach (double x in new[] { 1.0, 1.0000000001, 1.1, 0.0, 1e-12, double.PositiveInfinity, double.NegativeInfinity, double.NaN })
            foreach (double y in new[] { 1.0, 0.0, double.PositiveInfinity, double.NaN })
                foreach (double r in tol) foreach (double t in tol)
                    requests.Add($"isclose {F(x)} {F(y)} {F(r)} {F(t)}");
        RunRequests(requests);
    }

    [OracleFact]
    public void VectorFunctions_MatchCPython()
    {
        var rng = new Random(99);
        var requests = new List<string>();
        double[][] lists =
        {
            Array.Empty<double>(), new[] { -0.0 }, new[] { 1e308, 1e308 }, new[] { double.PositiveInfinity, double.NegativeInfinity },
            new[] { double.PositiveInfinity, 1.0 }, new[] { double.NaN, 1.0 }, new[] { double.NaN, double.PositiveInfinity },
            new[] { 1e-16, 1.0, 1e16 }, new[] { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 },
            new[] { 1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50 }, new[] { 5e-324, 5e-324, 1e-310 }, new[] { 3.0, 4.0 },
            new[] { 3.0, 4.0, 12.0 }, new[] { 1e-320, 1e-321 }, new[] { 1e200, 1e200, 1e200 }, new[] { 2.0, 1.0 },
        };
        var all = lists.ToList();
        for (int i = 0; i < 150; i++)
        {
            int n = rng.Next(0, 40);
            int scale = rng.Next(-300, 300);
            all.Add(Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 2 - 1) * Math.Pow(10, rng.Next(-5, 5)) * Math.Pow(10, scale / 10)).ToArray());
        }
        for (int i = 0; i < 50; i++) // heavy cancellation
        {
            var v = Enumerable.Range(0, 20).Select(_ => (rng.NextDouble() * 2 - 1) * Math.Pow(10, rng.Next(-20, 20))).ToList();
            v.AddRange(v.Select(x => -x * (1 + 1e-15 * rng.Next(-3, 4))).ToList());
            all.Add(v.OrderBy(_ => rng.Next()).ToArray());
        }
        foreach (var l in all)
        {
            requests.Add($"fsum {L(l)}");
            requests.Add($"hypotn {L(l)}");
            requests.Add($"dist {L(l)} {L(l.Select(x => x / 3.0 + 1.0))}");
        }
        requests.Add($"dist {L(new[] { 1.0 })} {L(new[] { 1.0, 2.0 })}");
        RunRequests(requests);
    }

    [OracleFact]
    public void IntegerFunctions_MatchCPython()
    {
        var requests = new List<string>();
        for (long n = -3; n <= 20; n++) requests.Add($"factorial {I(n)}");
        foreach (long n in new long[] { -1, 0, 1, 5, 10, 30, 60, 62, 66, 67, 100, 1000, 1_000_000_000, 4_000_000_000 })
            foreach (long k in new long[] { -1, 0, 1, 2, 3, 5, 10, 20, 31, 33, 50, 1000 })
            {
                requests.Add($"comb {I(n)} {I(k)}");
                if (n < 1000 || k <= 2) requests.Add($"perm {I(n)} {I(k)}");
            }
        foreach (long n in new long[] { -3, 0, 1, 5, 20 }) requests.Add($"perm1 {I(n)}");
        long[] ints = { 0, 1, -1, 12, -18, 35, 49, 1L << 40, 3 * (1L << 40), long.MaxValue, long.MinValue + 1, 1_000_000_007, 600851475143 };
        foreach (long a in ints) foreach (long b in ints)
            {
                requests.Add($"gcd {I(a)} {I(b)}");
                requests.Add($"lcm {I(a)} {I(b)}");
            }
        requests.Add("gcdn");
        requests.Add("lcmn");
        requests.Add($"gcdn {I(-12)}");
        requests.Add($"lcmn {I(-12)}");
        requests.Add($"gcdn {I(12)} {I(18)} {I(-27)}");
        requests.Add($"lcmn {I(4)} {I(6)} {I(-10)} {I(0)} {I(5)}");
        requests.Add($"lcmn {I(4)} {I(6)} {I(10)}");
        foreach (long n in new long[] { -1, 0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 1L << 52, (1L << 53) + 1, long.MaxValue, 9_999_999_999_999_999, 3037000499L * 3037000499L, 3037000499L * 3037000499L - 1 })
            requests.Add($"isqrt {I(n)}");
        RunRequests(requests);
    }

    [Fact]
    public void NonThrowingOverloads_AgreeWithThrowing()
    {
        foreach (double x in Specials)
        {
            double r = PyMath.Sqrt(x, out var e);
            if (e == PyMathError.None) Assert.Equal(PyMath.Sqrt(x), r);
            else Assert.Equal("ValueError", Assert.Throws<PyMathException>(() => PyMath.Sqrt(x)).PythonExceptionType);
            r = PyMath.Exp(x, out e);
            if (e == PyMathError.None) Assert.Equal(PyMath.Exp(x), r);
            else Assert.Equal("OverflowError", Assert.Throws<PyMathException>(() => PyMath.Exp(x)).PythonExceptionType);
        }
        PyMath.Log(2.0, 1.0, out var zerr);
        Assert.Equal(PyMathError.ZeroDivision, zerr);
        var ex = Assert.Throws<PyMathException>(() => PyMath.Factorial(-1));
        Assert.Equal("ValueError: factorial() not defined for negative values", ex.ToString());
        Assert.Throws<PyMathException>(() => PyMath.Factorial(21)); // int64 overflow (deviation)
    }
}
