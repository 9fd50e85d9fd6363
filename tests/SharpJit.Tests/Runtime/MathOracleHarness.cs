using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SharpJit.Runtime;
using Xunit;

namespace SharpJit.Tests.Runtime;

/// <summary>
/// Shared machinery for the math/cmath differential tests. A request is "func arg arg ..." where a float
/// argument is its 16-hex-digit bit pattern and an int argument is "i&lt;decimal&gt;". The oracle answers
/// with space-separated reprs of the result's components (a float, the parts of a tuple, the real and
/// imaginary part of a complex, an int, a bool) or "ERR Type: message".
/// </summary>
internal static class MathOracleHarness
{
    public const string Script = @"
def A(tok):
    if tok.startswith('i'):
        return int(tok[1:])
    if tok.startswith('L'):
        return [D(t) for t in tok[1:].split(',')] if len(tok) > 1 else []
    if tok.startswith('C'):
        a, b = tok[1:].split(',')
        return complex(D(a), D(b))
    return D(tok)
def R(v):
    if isinstance(v, int) and not isinstance(v, bool) and not (-2**63 <= v < 2**63):
        # documented deviation: results outside int64 raise OverflowError in the C# runtime
        raise OverflowError('int too large to convert to int64')
    if isinstance(v, tuple):
        return ' '.join(R(x) for x in v)
    if isinstance(v, complex):
        return repr(v.real) + ' ' + repr(v.imag)
    return repr(v)
F = {
    'sqrt': math.sqrt, 'cbrt': math.cbrt, 'exp': math.exp, 'exp2': math.exp2, 'expm1': math.expm1,
    'log': math.log, 'log2': math.log2, 'log10': math.log10, 'log1p': math.log1p, 'fabs': math.fabs,
    'acos': math.acos, 'asin': math.asin, 'atan': math.atan, 'acosh': math.acosh, 'asinh': math.asinh,
    'atanh': math.atanh, 'cos': math.cos, 'sin': math.sin, 'tan': math.tan, 'cosh': math.cosh,
    'sinh': math.sinh, 'tanh': math.tanh, 'erf': math.erf, 'erfc': math.erfc, 'gamma': math.gamma,
    'lgamma': math.lgamma, 'degrees': math.degrees, 'radians': math.radians, 'ulp': math.ulp,
    'trunc': math.trunc, 'floor': math.floor, 'ceil': math.ceil, 'frexp': math.frexp, 'modf': math.modf,
    'isfinite': math.isfinite, 'isinf': math.isinf, 'isnan': math.isnan,
    'atan2': math.atan2, 'copysign': math.copysign, 'fmod': math.fmod, 'remainder': math.remainder,
    'pow': math.pow, 'nextafter': math.nextafter, 'ldexp': math.ldexp, 'hypot': math.hypot,
    'hypotn': lambda v: math.hypot(*v), 'dist': math.dist, 'fsum': math.fsum,
    'isclose': lambda a, b, r, t: math.isclose(a, b, rel_tol=r, abs_tol=t),
    'factorial': math.factorial, 'comb': math.comb, 'perm': math.perm, 'perm1': math.perm,
    'gcd': math.gcd, 'lcm': math.lcm, 'isqrt': math.isqrt,
    'gcdn': lambda *a: math.gcd(*a), 'lcmn': lambda *a: math.lcm(*a),
    'c_sqrt': cmath.sqrt, 'c_exp': cmath.exp, 'c_log': cmath.log, 'c_log10': cmath.log10,
    'c_sin': cmath.sin, 'c_cos': cmath.cos, 'c_tan': cmath.tan, 'c_asin': cmath.asin, 'c_acos': cmath.acos,
    'c_atan': cmath.atan, 'c_sinh': cmath.sinh, 'c_cosh': cmath.cosh, 'c_tanh': cmath.tanh,
    'c_asinh': cmath.asinh, 'c_acosh': cmath.acosh, 'c_atanh': cmath.atanh, 'c_phase': cmath.phase,
    'c_polar': cmath.polar, 'c_rect': cmath.rect, 'c_isfinite': cmath.isfinite, 'c_isinf': cmath.isinf,
    'c_isnan': cmath.isnan, 'c_logb': cmath.log, 'c_abs': abs,
    'c_isclose': lambda a, b, r, t: cmath.isclose(a, b, rel_tol=r, abs_tol=t),
}
for line in sys.stdin:
    parts = line.split()
    try:
        print(R(F[parts[0]](*[A(t) for t in parts[1:]])))
    except Exception as e:
        print(E(e))
";

    public static string F(double d) => PythonOracle.Bits(d);
    public static string I(long v) => "i" + v.ToString(CultureInfo.InvariantCulture);
    public static string L(IEnumerable<double> v) => "L" + string.Join(",", v.Select(PythonOracle.Bits));
    public static string C(double re, double im) => "C" + PythonOracle.Bits(re) + "," + PythonOracle.Bits(im);

    public static string R(double d) => PyFormat.ReprFloat(d);
    public static string R(long v) => v.ToString(CultureInfo.InvariantCulture);
    public static string R(bool b) => b ? "True" : "False";
    public static string R((double, double) t) => R(t.Item1) + " " + R(t.Item2);

    /// <summary>Evaluates a request in C#: "func args" -> same textual form as the oracle.</summary>
    public delegate string Evaluator(string[] args);

    public static double PD(string tok) => BitConverter.Int64BitsToDouble(long.Parse(tok, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    public static long PI(string tok) => long.Parse(tok.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    public static double[] PL(string tok) => tok.Length == 1 ? Array.Empty<double>() : tok.Substring(1).Split(',').Select(PD).ToArray();
    public static (double, double) PC(string tok)
    {
        var p = tok.Substring(1).Split(',');
        return (PD(p[0]), PD(p[1]));
    }

    public static string Run(Func<string> f)
    {
        try
        {
            return f();
        }
        catch (PyMathException e)
        {
            return "ERR " + e.PythonExceptionType + ": " + e.Message;
        }
    }

    /// <summary>
    /// Runs all requests through the oracle and through <paramref name="eval"/>; compares numerically
    /// with the per-function ulp tolerance. Returns the failures.
    /// </summary>
    public static List<string> Compare(List<string> requests, Func<string, string[], string> eval,
        Func<string, long> ulpTolerance, out Dictionary<string, long> maxUlpSeen)
    {
        string[] answers = PythonOracle.Run(PythonOracle.Prelude + Script, requests);
        var failures = new List<string>();
        maxUlpSeen = new Dictionary<string, long>();
        for (int i = 0; i < requests.Count; i++)
        {
            string[] parts = requests[i].Split(' ');
            string func = parts[0];
            string mine;
            try
            {
                mine = eval(func, parts.Skip(1).ToArray());
            }
            catch (Exception e)
            {
                mine = "EXCEPTION " + e.GetType().Name + ": " + e.Message;
            }
            string expected = answers[i];
            if (mine == expected) continue;
            long tol = ulpTolerance(func);
            bool ok = false;
            if (tol > 0 && !mine.StartsWith("ERR") && !expected.StartsWith("ERR"))
            {
                string[] a = mine.Split(' '), b = expected.Split(' ');
                if (a.Length == b.Length)
                {
                    ok = true;
                    for (int k = 0; k < a.Length && ok; k++)
                    {
                        if (a[k] == b[k]) continue;
                        try
                        {
                            long d = PythonOracle.UlpDistance(PythonOracle.ParseRepr(a[k]), PythonOracle.ParseRepr(b[k]));
                            if (d > tol) ok = false;
                            else maxUlpSeen[func] = Math.Max(maxUlpSeen.GetValueOrDefault(func), d);
                        }
                        catch (FormatException) { ok = false; }
                    }
                }
            }
            if (!ok) failures.Add($"{func}({string.Join(", ", parts.Skip(1).Select(Describe))}): expected {expected} got {mine}");
        }
        return failures;
    }

    private static string Describe(string tok)
    {
        if (tok.StartsWith('i')) return tok.Substring(1);
        if (tok.StartsWith('L')) return "[" + string.Join(", ", PL(tok).Select(R)) + "]";
        if (tok.StartsWith('C')) { var c = PC(tok); return PyFormat.ReprComplex(c.Item1, c.Item2); }
        return R(PD(tok));
    }

    public static void AssertNone(List<string> failures, int total)
    {
        if (failures.Count > 0)
            Assert.Fail($"{failures.Count} of {total} cases differ from CPython:\n" + string.Join("\n", failures.Take(80)));
    }
}
