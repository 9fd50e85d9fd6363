using System;
using System.Collections.Generic;
using System.Linq;
using SharpJit.Runtime;
using Xunit;
using Xunit.Abstractions;
using static SharpJit.Tests.Runtime.MathOracleHarness;

namespace SharpJit.Tests.Runtime;

/// <summary>
/// Differential tests of PyCMath against CPython 3.11's cmath module: special values (the C99 Annex G
/// tables), branch cuts with signed zeros, errors, and random finite inputs. Bit-exact except where a
/// result goes through log1p (atanh/atan and log near |z| = 1), which may differ by 1 ulp because glibc's
/// log1p can be an FMA-compiled variant.
/// </summary>
public class PyCMathTests
{
    private readonly ITestOutputHelper _out;

    public PyCMathTests(ITestOutputHelper output) => _out = output;

    private static long UlpTolerance(string func) => func switch
    {
        "c_atanh" or "c_atan" or "c_log" or "c_log10" or "c_logb" => 1,
        _ => 0,
    };

    private static readonly string[] Unary =
    {
        "c_sqrt", "c_exp", "c_log", "c_log10", "c_sin", "c_cos", "c_tan", "c_asin", "c_acos", "c_atan", "c_sinh",
        "c_cosh", "c_tanh", "c_asinh", "c_acosh", "c_atanh", "c_phase", "c_polar", "c_isfinite", "c_isinf", "c_isnan",
        "c_abs",
    };

    private static string Eval(string func, string[] a) => Run(() => func switch
    {
        "c_sqrt" => R(PyCMath.Sqrt(PC(a[0]))),
        "c_exp" => R(PyCMath.Exp(PC(a[0]))),
        "c_log" => R(PyCMath.Log(PC(a[0]))),
        "c_logb" => R(PyCMath.Log(PC(a[0]), PC(a[1]))),
        "c_log10" => R(PyCMath.Log10(PC(a[0]))),
        "c_sin" => R(PyCMath.Sin(PC(a[0]))),
        "c_cos" => R(PyCMath.Cos(PC(a[0]))),
        "c_tan" => R(PyCMath.Tan(PC(a[0]))),
        "c_asin" => R(PyCMath.Asin(PC(a[0]))),
        "c_acos" => R(PyCMath.Acos(PC(a[0]))),
        "c_atan" => R(PyCMath.Atan(PC(a[0]))),
        "c_sinh" => R(PyCMath.Sinh(PC(a[0]))),
        "c_cosh" => R(PyCMath.Cosh(PC(a[0]))),
        "c_tanh" => R(PyCMath.Tanh(PC(a[0]))),
        "c_asinh" => R(PyCMath.Asinh(PC(a[0]))),
        "c_acosh" => R(PyCMath.Acosh(PC(a[0]))),
        "c_atanh" => R(PyCMath.Atanh(PC(a[0]))),
        "c_phase" => R(PyCMath.Phase(PC(a[0]))),
        "c_polar" => R(PyCMath.Polar(PC(a[0]))),
        "c_rect" => R(PyCMath.Rect(PD(a[0]), PD(a[1]))),
        "c_isfinite" => R(PyCMath.IsFinite(PC(a[0]))),
        "c_isinf" => R(PyCMath.IsInf(PC(a[0]))),
        "c_isnan" => R(PyCMath.IsNan(PC(a[0]))),
        "c_abs" => R(PyCMath.Abs(PC(a[0]))),
        "c_isclose" => R(PyCMath.IsClose(PC(a[0]), PC(a[1]), PD(a[2]), PD(a[3]))),
        _ => throw new InvalidOperationException("unknown " + func),
    });

    private static readonly double[] Parts =
    {
        double.NegativeInfinity, -1e300, -2.5, -1.0, -0.5, -1e-310, -0.0, 0.0, 1e-320, 0.5, 1.0, 1.5, 2.5, 1e300,
        double.MaxValue, 710.0, -710.0, 1e-160, double.PositiveInfinity, double.NaN,
    };

    private void RunRequests(List<string> requests)
    {
        var failures = Compare(requests, Eval, UlpTolerance, out var maxUlp);
        _out.WriteLine($"{requests.Count} cases");
        foreach (var kv in maxUlp) _out.WriteLine($"  {kv.Key}: max {kv.Value} ulp difference");
        AssertNone(failures, requests.Count);
    }

    [OracleFact]
    public void SpecialValueGrid_MatchesCPython()
    {
        var requests = new List<string>();
        foreach (string f in Unary)
            foreach (double re in Parts)
                foreach (double im in Parts)
                    requests.Add($"{f} {C(re, im)}");
        foreach (double r in Parts)
            foreach (double phi in Parts)
                requests.Add($"c_rect {F(r)} {F(phi)}");
        RunRequests(requests);
    }

    [OracleFact]
    public void RandomAndBranchCuts_MatchCPython()
    {
        var rng = new Random(2024);
        var zs = new List<(double, double)>();
        for (int i = 0; i < 400; i++)
        {
            double s = Math.Pow(10, rng.Next(-3, 4));
            zs.Add(((rng.NextDouble() * 2 - 1) * s, (rng.NextDouble() * 2 - 1) * s));
        }
        // points on and near the branch cuts, with both signs of zero
        foreach (double x in new[] { -3.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 3.0, 1e10 })
        {
            zs.Add((x, 0.0));
            zs.Add((x, -0.0));
            zs.Add((0.0, x));
            zs.Add((-0.0, x));
            zs.Add((x, 1e-300));
            zs.Add((x, -1e-300));
        }
        // near |z| = 1 (log1p branch in log), large and tiny magnitudes
        for (int i = 0; i < 60; i++)
        {
            double t = rng.NextDouble() * 2 * Math.PI;
            double r = 1 + (rng.NextDouble() - 0.5) * 0.6;
            zs.Add((r * Math.Cos(t), r * Math.Sin(t)));
            zs.Add((Math.Cos(t) * 1e305, Math.Sin(t) * 1e305));
            zs.Add((Math.Cos(t) * 1e-315, Math.Sin(t) * 1e-315));
            zs.Add((rng.NextDouble() * 1400 - 700, rng.NextDouble() * 20 - 10));
        }
        var requests = new List<string>();
        foreach (string f in Unary)
            foreach (var z in zs)
                requests.Add($"{f} {C(z.Item1, z.Item2)}");
        for (int i = 0; i < 200; i++)
            requests.Add($"c_rect {F((rng.NextDouble() * 2 - 1) * 100)} {F((rng.NextDouble() * 2 - 1) * 10)}");
        // two-argument log, including zero / one bases
        (double, double)[] bases = { (2, 0), (0.5, 0.5), (1, 0), (0, 0), (-0.0, 0), (10, -3), (double.PositiveInfinity, 0), (double.NaN, 1) };
        foreach (var b in bases)
            foreach (var z in zs.Take(40).Concat(new[] { (0.0, 0.0), (1.0, 0.0), (-1.0, 0.0), (double.PositiveInfinity, 1.0) }))
                requests.Add($"c_logb {C(z.Item1, z.Item2)} {C(b.Item1, b.Item2)}");
        // isclose
        double[] tol = { 0.0, 1e-9, 0.1, -1.0 };
        (double, double)[] cs = { (1, 1), (1.0000000001, 1), (1, 0), (0, 0), (double.PositiveInfinity, 0), (double.NaN, 0), (1e-12, 0) };
        foreach (var a in cs) foreach (var b in cs) foreach (double r in tol) foreach (double t in tol)
            requests.Add($"c_isclose {C(a.Item1, a.Item2)} {C(b.Item1, b.Item2)} {F(r)} {F(t)}");
        RunRequests(requests);
    }

    [Fact]
    public void Basics()
    {
        Assert.Equal((0.0, 1.0), PyCMath.Sqrt((-1.0, 0.0)));
        Assert.Equal((0.0, -1.0), PyCMath.Sqrt((-1.0, -0.0)));
        var ex = Assert.Throws<PyMathException>(() => PyCMath.Log((0.0, 0.0)));
        Assert.Equal("ValueError", ex.PythonExceptionType);
        Assert.Equal("math domain error", ex.Message);
        ex = Assert.Throws<PyMathException>(() => PyCMath.Exp((1000.0, 1.0)));
        Assert.Equal("OverflowError", ex.PythonExceptionType);
        var r = PyCMath.Exp((1000.0, 1.0), out var err);
        Assert.Equal(PyMathError.Range, err);
        Assert.True(double.IsInfinity(r.Re));
        Assert.Equal((0.0, double.PositiveInfinity), PyCMath.InfJ);
    }
}
