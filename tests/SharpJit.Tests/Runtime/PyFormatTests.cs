using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SharpJit.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace SharpJit.Tests.Runtime;

/// <summary>Differential tests of PyFormat against CPython 3.11's repr()/format().</summary>
public class PyFormatTests
{
    private readonly ITestOutputHelper _out;

    public PyFormatTests(ITestOutputHelper output) => _out = output;


    private static void AssertNoFailures(List<string> failures, int total)
    {
        if (failures.Count > 0)
            Assert.Fail($"{failures.Count} of {total} cases differ from CPython:\n" + string.Join("\n", failures.Take(60)));
    }

    // ------------------------------------------------------------------------------------------
    // value sets
    // ------------------------------------------------------------------------------------------

    private static IEnumerable<double> SpecialDoubles()
    {
        double[] basics =
        {
            0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.5, 2.5, -2.5, 0.125, 0.375, 1e16, 1e15, 9999999999999998.0,
            1e17, 1e-4, 1e-5, 0.0001, 0.00001, 1.5e-7, 123456789012345.0, 1234567890123456.0, 12345678901234567.0,
            double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308,
            2.2250738585072009e-308, 1e308, 1e-308, 1e-323, 1e22, 1e23, 5e-324, 9007199254740993.0, 9007199254740992.0,
            4.35, 0.045, 1.005, 2.675, 1e100, 1.7976931348623157e308, 3.141592653589793, 2.718281828459045,
            100.0, 1000000.0, 1e21, 123.456, -0.000123, 8.5, 9.5, 0.05, 0.95, 99.5, 999999.5, 0.00049999999999999, 0.0005,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        };
        foreach (double d in basics) yield return d;
        for (int e = -330; e <= 310; e += 7) yield return Math.Pow(10, e);
        for (int e = -1074; e <= 1023; e++)
        {
            double p2 = Math.ScaleB(1.0, e);
            yield return p2; // powers of two: asymmetric rounding intervals
            yield return Math.BitIncrement(p2);
            if (e % 5 == 0) yield return -Math.BitDecrement(p2);
        }
    }

    private static List<double> RandomDoubles(int count, int seed)
    {
        var rng = new Random(seed);
        var list = new List<double>(count);
        Span<byte> b = stackalloc byte[8];
        for (int i = 0; i < count; i++)
        {
            double d;
            switch (i % 6)
            {
                case 0: // uniform bit patterns (all exponents)
                    rng.NextBytes(b);
                    d = BitConverter.ToDouble(b);
                    if (!double.IsFinite(d)) d = 1.0 / (i + 1);
                    break;
                case 1: d = rng.NextDouble(); break;
                case 2: d = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 20)); break;
                case 3: d = Math.Round(rng.NextDouble() * 1e6) / Math.Pow(10, rng.Next(0, 8)); break; // short decimals
                case 4: d = rng.Next(-100000, 100000) / 64.0; break; // exact binary fractions (ties)
                default: d = Math.ScaleB(rng.NextDouble() + 0.5, rng.Next(-1074, 1024)); break;
            }
            list.Add(d);
        }
        return list;
    }

    // ------------------------------------------------------------------------------------------
    // repr
    // ------------------------------------------------------------------------------------------

    [OracleFact]
    public void ReprFloat_MatchesCPython()
    {
        var values = SpecialDoubles().Concat(RandomDoubles(6000, 12345)).ToList();
        var answers = PythonOracle.Run(PythonOracle.Prelude + @"
for line in sys.stdin:
    print(repr(D(line.strip())))
", values.Select(PythonOracle.Bits).ToList());
        var failures = new List<string>();
        for (int i = 0; i < values.Count; i++)
        {
            string mine = PyFormat.ReprFloat(values[i]);
            if (mine != answers[i]) failures.Add($"repr({PythonOracle.Bits(values[i])}): expected {answers[i]} got {mine}");
            if (PyFormat.StrFloat(values[i]) != mine) failures.Add("StrFloat != ReprFloat");
        }
        _out.WriteLine($"{values.Count} repr(float) cases");
        AssertNoFailures(failures, values.Count);
    }

    [Fact]
    public void ReprFloat_Basics()
    {
        Assert.Equal("1e+16", PyFormat.ReprFloat(1e16));
        Assert.Equal("1e-05", PyFormat.ReprFloat(1e-5));
        Assert.Equal("1.5e-07", PyFormat.ReprFloat(1.5e-7));
        Assert.Equal("1.7976931348623157e+308", PyFormat.ReprFloat(double.MaxValue));
        Assert.Equal("5e-324", PyFormat.ReprFloat(double.Epsilon));
        Assert.Equal("1.0", PyFormat.ReprFloat(1.0));
        Assert.Equal("0.30000000000000004", PyFormat.ReprFloat(0.1 + 0.2));
        Assert.Equal("123456789012345.0", PyFormat.ReprFloat(123456789012345.0));
        Assert.Equal("-0.0", PyFormat.ReprFloat(-0.0));
        Assert.Equal("nan", PyFormat.ReprFloat(double.NaN));
        Assert.Equal("inf", PyFormat.ReprFloat(double.PositiveInfinity));
        Assert.Equal("-inf", PyFormat.ReprFloat(double.NegativeInfinity));
        Assert.Equal("True", PyFormat.StrBool(true));
        Assert.Equal("False", PyFormat.StrBool(false));
        Assert.Equal("-9223372036854775808", PyFormat.ReprInt(long.MinValue));
    }

    [OracleFact]
    public void ReprComplex_MatchesCPython()
    {
        double[] parts = { 0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 1.5, 1e16, 1e-5, 123456789.25, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 5e-324 };
        var pairs = new List<(double, double)>();
        foreach (double re in parts) foreach (double im in parts) pairs.Add((re, im));
        var answers = PythonOracle.Run(PythonOracle.Prelude + @"
for line in sys.stdin:
    a, b = line.split()
    print(repr(complex(D(a), D(b))))
", pairs.Select(p => PythonOracle.Bits(p.Item1) + " " + PythonOracle.Bits(p.Item2)).ToList());
        var failures = new List<string>();
        for (int i = 0; i < pairs.Count; i++)
        {
            string mine = PyFormat.ReprComplex(pairs[i].Item1, pairs[i].Item2);
            if (mine != answers[i]) failures.Add($"repr(complex{pairs[i]}): expected {answers[i]} got {mine}");
        }
        _out.WriteLine($"{pairs.Count} repr(complex) cases");
        AssertNoFailures(failures, pairs.Count);
    }

    [Fact]
    public void ReprComplex_Basics()
    {
        Assert.Equal("(1+2j)", PyFormat.ReprComplex(1, 2));
        Assert.Equal("2j", PyFormat.ReprComplex(0, 2));
        Assert.Equal("-2j", PyFormat.ReprComplex(0, -2));
        Assert.Equal("(-0-2j)", PyFormat.ReprComplex(-0.0, -2));
        Assert.Equal("(nan+infj)", PyFormat.ReprComplex(double.NaN, double.PositiveInfinity));
        Assert.Equal("1e+16j", PyFormat.ReprComplex(0, 1e16));
        Assert.Equal("(1.5-0j)", PyFormat.ReprComplex(1.5, -0.0));
        Assert.Equal("0j", PyFormat.ReprComplex(0, 0));
        Assert.Equal("(-0+0j)", PyFormat.ReprComplex(-0.0, 0));
    }

    // ------------------------------------------------------------------------------------------
    // format specs
    // ------------------------------------------------------------------------------------------

    private sealed record FormatCase(char Kind, double D, double Im, long L, string S, string Spec);

    private static string RunMine(FormatCase c)
    {
        try
        {
            return "OK " + PythonOracle.Utf16Hex(c.Kind switch
            {
                'f' => PyFormat.FormatFloat(c.D, c.Spec),
                'i' => PyFormat.FormatInt(c.L, c.Spec),
                'b' => PyFormat.FormatBool(c.L != 0, c.Spec),
                'c' => PyFormat.FormatComplex(c.D, c.Im, c.Spec),
                _ => PyFormat.FormatStr(c.S, c.Spec),
            });
        }
        catch (FormatException e)
        {
            return "ERR ValueError: " + e.Message;
        }
        catch (OverflowException e)
        {
            return "ERR OverflowError: " + e.Message;
        }
        catch (OutOfMemoryException)
        {
            return "ERR MemoryError: ";
        }
    }

    private const string FormatScript = @"
for line in sys.stdin:
    kind, a, b, spec = line.rstrip('\n').split(' ')
    spec = U(spec)
    if kind == 'f': v = D(a)
    elif kind == 'i': v = int(a)
    elif kind == 'b': v = bool(int(a))
    elif kind == 'c': v = complex(D(a), D(b))
    else: v = U(a)
    try:
        print('OK ' + H(format(v, spec)))
    except Exception as e:
        print(E(e))
";

    private static string Request(FormatCase c)
    {
        string a = c.Kind switch
        {
            'f' or 'c' => PythonOracle.Bits(c.D),
            'i' or 'b' => c.L.ToString(CultureInfo.InvariantCulture),
            _ => PythonOracle.Utf16Hex(c.S) + "",
        };
        if (a.Length == 0) a = "";
        string b = c.Kind == 'c' ? PythonOracle.Bits(c.Im) : "0";
        return $"{c.Kind} {(a.Length == 0 ? "" : a)} {b} {PythonOracle.Utf16Hex(c.Spec)}";
    }

    private void RunFormatCases(List<FormatCase> cases)
    {
        var answers = PythonOracle.Run(PythonOracle.Prelude + FormatScript, cases.Select(Request).ToList());
        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            string mine = RunMine(cases[i]);
            if (mine != answers[i])
            {
                string Show(string s) => s.StartsWith("OK ") ? "'" + PythonOracle.FromUtf16Hex(s.Substring(3)) + "'" : s;
                var c = cases[i];
                string v = c.Kind switch
                {
                    'f' => PyFormat.ReprFloat(c.D),
                    'c' => PyFormat.ReprComplex(c.D, c.Im),
                    'i' => c.L.ToString(CultureInfo.InvariantCulture),
                    'b' => (c.L != 0).ToString(),
                    _ => "'" + c.S + "'",
                };
                failures.Add($"format({v}, '{c.Spec}'): expected {Show(answers[i])} got {Show(mine)}");
            }
        }
        _out.WriteLine($"{cases.Count} format() cases");
        AssertNoFailures(failures, cases.Count);
    }

    private static readonly string[] FloatSpecs =
    {
        "", "f", ".2f", "10.3f", "<10.2f", ">12.4e", "^15.3g", "+.3f", " .1f", "z.1f", "z.0f", "#.0f", "#g", "#.3g", "010.2f",
        "0=12.3f", "*^20.5e", ",.2f", "_.3f", ",", "_", ".3", ".0", ".1", "g", "G", "e", "E", "F", "%", ".1%", "n", ".10n",
        ".0e", ".0g", ".17g", ".25f", "+,.2f", "x<+012,.3f", "=10", "0<10", "d", "s", "x", "10,_", "#.0%", "015,.2f",
        "020_.4e", "-^+11.2", " 08.3", "#10.0e", ".50f", ".30e", ".400e", "#.5", "z", "z+08.2f", "~^12n", ",g", "_e", "c",
        ".2n", "1_000", "5.3d", "abc", ".", ",_", "_,", "8,n", "\u00e9>9.1f", "\U0001F600^9.2f", ".2147483648f", ".2147483647g", "99999999999999999999f",
        "\u0661\u0660.\u0663f", "<", "=", "+", "0", "00", "10.0", "#", "z#010.1F",
    };

    private static readonly string[] IntSpecs =
    {
        "", "d", "5d", "<5d", "^7", "+d", " d", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "c", ",", "_", "_x", "_b",
        "#_o", ",x", "010,", "#010x", "=+10", "*>10,", "n", "e", ".2f", "%", ".3", "z", "#c", "+c", "08_b", "g", "G", "E",
        ",d", "-^9", "s", "0", "020_d", "#012_X", " 5", "010", "+#x", "<010", ".1e", ",.2%", "\u00e9^11,", "#n", "_n", "10c", "f", "99999999999999999999", "9223372036854775807", "\u0665d", "_c", ",c", "<9223372036854775807",
    };

    private static readonly string[] StrSpecs =
    {
        "", "s", "10", "<10", ">10", "^10", "*^9", ".2", "10.2s", "=10", "+", " ", "#", "z", "d", ",", "\U0001F600^7",
        "0>5", "05", ".0", "3.1", "^", "x^1", ".10", "_", ".3s", "9223372036854775807", ".9223372036854775807",
    };

    private static readonly string[] ComplexSpecs =
    {
        "", "g", ".2f", "10", "<20.3e", "^25", "+.1f", " g", "z.1f", "#g", ",.2f", "0", "=10", ".3", "n", "%", "E", "20",
        ">30", "*^30.2", ".0f", "_e", "#.0f", "+", "d", "0<10", ",", "x>12.1",
    };

    [OracleFact]
    public void FormatFloat_SpecGrid_MatchesCPython()
    {
        double[] values =
        {
            0.0, -0.0, 1.0, -1.5, 3.14159, 1234567.891, 1e-7, 1.5e300, 0.125, 2.5, double.PositiveInfinity,
            double.NegativeInfinity, double.NaN, 123456789012345678.0, 0.000123456, 9.999999, 0.5, -0.04, 1e16, 5e-324,
            -123.456, 99.99,
        };
        var cases = new List<FormatCase>();
        foreach (double v in values) foreach (string s in FloatSpecs) cases.Add(new FormatCase('f', v, 0, 0, "", s));
        RunFormatCases(cases);
    }

    [OracleFact]
    public void FormatInt_SpecGrid_MatchesCPython()
    {
        long[] values = { 0, 1, -1, 42, -42, 255, 1234567, -9876543210, long.MaxValue, long.MinValue, 65, 0x10FFFF, 0x110000, 128512, 0xD800, 7 };
        var cases = new List<FormatCase>();
        foreach (long v in values) foreach (string s in IntSpecs) cases.Add(new FormatCase('i', 0, 0, v, "", s));
        foreach (long v in new long[] { 0, 1 }) foreach (string s in IntSpecs) cases.Add(new FormatCase('b', 0, 0, v, "", s));
        RunFormatCases(cases);
    }

    [OracleFact]
    public void FormatStr_SpecGrid_MatchesCPython()
    {
        string[] values = { "", "abc", "h\u00e9llo", "\U0001F600x", "a longer string", "x" };
        var cases = new List<FormatCase>();
        foreach (string v in values) foreach (string s in StrSpecs) cases.Add(new FormatCase('s', 0, 0, 0, v, s));
        RunFormatCases(cases);
    }

    [OracleFact]
    public void FormatComplex_SpecGrid_MatchesCPython()
    {
        (double, double)[] values =
        {
            (1, 2), (0, 2), (-0.0, -2), (1.5, -0.0), (0, 0), (double.NaN, double.PositiveInfinity), (1e16, 1e-5),
            (-1.25, 3.5), (1234.5, -6789.25), (-0.0, 0.0),
        };
        var cases = new List<FormatCase>();
        foreach (var v in values) foreach (string s in ComplexSpecs) cases.Add(new FormatCase('c', v.Item1, v.Item2, 0, "", s));
        RunFormatCases(cases);
    }

    [OracleFact]
    public void FormatFloat_RandomPrecision_MatchesCPython()
    {
        var rng = new Random(4242);
        var values = RandomDoubles(4000, 777);
        char[] types = { 'e', 'f', 'g', 'E', '%', 'G', 'F' };
        var cases = new List<FormatCase>();
        foreach (double v in values)
        {
            char t = types[rng.Next(types.Length)];
            int prec = rng.Next(0, 4) == 0 ? rng.Next(0, 40) : rng.Next(0, 8);
            if (t is 'f' or 'F' or '%' && Math.Abs(v) > 1e30) prec = Math.Min(prec, 3);
            string spec = (rng.Next(3) == 0 ? "#" : "") + "." + prec.ToString(CultureInfo.InvariantCulture) + t;
            cases.Add(new FormatCase('f', v, 0, 0, "", spec));
            // also with no type (repr-like 'g' with at least one decimal)
            if (rng.Next(4) == 0) cases.Add(new FormatCase('f', v, 0, 0, "", "." + prec.ToString(CultureInfo.InvariantCulture)));
        }
        // exact ties and near-ties of decimal rounding
        for (int i = 0; i < 400; i++)
        {
            double v = rng.Next(-100000, 100000) / 1024.0;
            cases.Add(new FormatCase('f', v, 0, 0, "", "." + rng.Next(0, 6).ToString(CultureInfo.InvariantCulture) + "f"));
            cases.Add(new FormatCase('f', v, 0, 0, "", "." + rng.Next(0, 6).ToString(CultureInfo.InvariantCulture) + "e"));
        }
        RunFormatCases(cases);
    }

    [Fact]
    public void Format_Basics()
    {
        Assert.Equal("3.14", PyFormat.FormatFloat(3.14159, ".2f"));
        Assert.Equal("00,001,234", PyFormat.FormatInt(1234, "010,"));
        Assert.Equal("2", PyFormat.FormatFloat(2.5, ".0f"));
        Assert.Equal("0.12", PyFormat.FormatFloat(0.125, ".2f"));
        Assert.Equal("0000000inf", PyFormat.FormatFloat(double.PositiveInfinity, "010"));
        Assert.Equal("True", PyFormat.FormatBool(true, ""));
        Assert.Equal("    1", PyFormat.FormatBool(true, ">5"));
        var ex = Assert.Throws<FormatException>(() => PyFormat.FormatFloat(1.0, "d"));
        Assert.Equal("Unknown format code 'd' for object of type 'float'", ex.Message);
        ex = Assert.Throws<FormatException>(() => PyFormat.FormatInt(1, ".2d"));
        Assert.Equal("Precision not allowed in integer format specifier", ex.Message);
    }
}
