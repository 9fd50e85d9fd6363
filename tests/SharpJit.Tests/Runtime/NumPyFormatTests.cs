using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using SharpJit.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace SharpJit.Tests.Runtime;

/// <summary>Differential tests of the NumPy narrow-scalar printing against CPython 3.11 + NumPy 1.x itself.</summary>
public class NumPyFormatTests
{
    private readonly ITestOutputHelper _out;

    public NumPyFormatTests(ITestOutputHelper output) => _out = output;



    private static void AssertNoFailures(List<string> failures, int total)
    {
        if (failures.Count > 0)
            Assert.Fail($"{failures.Count} of {total} cases differ from NumPy:\n" + string.Join("\n", failures.Take(60)));
    }

    // Requests: "f BITS32" (float32), "c BITS32 BITS32" (complex64), "u DECIMAL" (uint64), each optionally followed by a
    // format spec as '=' + UTF-16 hex (then the answer is format(), else str() checked equal to repr()).
    private const string Script = @"
import numpy as np
def F32(h):
    return np.array([int(h, 16)], dtype=np.uint32).view(np.float32)[0]
def V(kind, a):
    if kind == 'f': return F32(a[0])
    if kind == 'c': return np.array([int(a[0], 16), int(a[1], 16)], dtype=np.uint32).view(np.complex64)[0]
    return np.uint64(int(a[0]))
for line in sys.stdin:
    parts = line.split()
    kind = parts[0]
    n = 2 if kind == 'c' else 1
    x = V(kind, parts[1:1 + n])
    if len(parts) > 1 + n:
        try:
            print('OK ' + H(format(x, U(parts[1 + n][1:]))))
        except Exception as e:
            print(E(e))
    else:
        s, r = str(x), repr(x)
        print(s if s == r else 'str ' + s + ' != repr ' + r)
";

    private static string Bits(float f) => BitConverter.SingleToUInt32Bits(f).ToString("x8", CultureInfo.InvariantCulture);
    private static float F(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    private static string[] Oracle(IReadOnlyList<string> requests) => PythonOracle.Run(PythonOracle.Prelude + Script, requests);

    // ------------------------------------------------------------------------------------------
    // value sets
    // ------------------------------------------------------------------------------------------

    private static IEnumerable<float> SpecialFloats()
    {
        float[] basics =
        {
            0f, -0f, 1f, -1f, 0.1f, 0.2f, 0.3f, 1f / 3, 2f / 3, 0.5f, 1.5f, 2.5f, 100f, 123456789f, 3.14159265f, 2.71828183f,
            1e-4f, 1e-5f, 1e16f, 1e15f, 9.999e15f, 1e20f, 1e7f, 1e8f, 1e-10f, 2.5e-40f, 16777216f, 16777217f, 33554436f,
            float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon, 1.17549435e-38f, F(0x007FFFFF), F(0x00800001),
            float.PositiveInfinity, float.NegativeInfinity, float.NaN, F(0xFFC00000), F(0x7FC00001), F(0xFF800001),
            -0.0001f, -1e16f, 65504f, 0.0001000001f, 9999999f, 99999999f, 1e9f, 4294967296f, 1.844674e19f,
        };
        foreach (float f in basics) yield return f;
        // powers of two (asymmetric round-trip intervals) and their neighbours, denormals included
        for (int e = 0; e < 255; e++)
        {
            uint p = e == 0 ? 1u : (uint)e << 23;
            if (e == 0)
            {
                for (int k = 0; k < 23; k++) { yield return F(1u << k); yield return F((1u << k) + 1); }
                continue;
            }
            yield return F(p);
            yield return F(p + 1);
            yield return F(p - 1);
            yield return -F(p);
        }
        // powers of ten and their neighbours, around the positional/scientific thresholds 1e-4 and 1e16
        for (int k = -46; k <= 39; k++)
        {
            uint b = BitConverter.SingleToUInt32Bits((float)Math.Pow(10, k));
            for (int d = -2; d <= 2; d++)
            {
                uint bb = (uint)(b + d);
                if (bb < 0x7F800000u) yield return F(bb);
            }
        }
        for (int d = -6; d <= 6; d++)
        {
            yield return F((uint)(BitConverter.SingleToUInt32Bits(1e-4f) + d));
            yield return F((uint)(BitConverter.SingleToUInt32Bits(1e16f) + d));
        }
        // integers near 2**24 and 2**25 (float32 spacing 1, 2, 4)
        for (int i = -20; i <= 20; i++)
        {
            yield return 16777216f + i;
            yield return 33554432f + 3 * i;
        }
    }

    private static List<float> RandomFloats(int count, int seed)
    {
        var rng = new Random(seed);
        var list = new List<float>(count);
        for (int i = 0; i < count; i++)
        {
            float f = (i % 4) switch
            {
                0 or 1 => F((uint)rng.NextInt64(0, 1L << 32)), // all bit patterns: denormals, nan, inf included
                2 => (float)(rng.Next(1, 10_000_000) * Math.Pow(10, rng.Next(-50, 40))), // short decimals
                _ => (float)(rng.NextDouble() * Math.Pow(2, rng.Next(-30, 60))),
            };
            list.Add(f);
        }
        return list;
    }

    // ------------------------------------------------------------------------------------------
    // str / repr
    // ------------------------------------------------------------------------------------------

    [NumPyOracleFact]
    public void StrFloat32_MatchesNumPy()
    {
        var values = SpecialFloats().Concat(RandomFloats(8000, 2024)).ToList();
        var answers = Oracle(values.Select(v => "f " + Bits(v)).ToList());
        var failures = new List<string>();
        for (int i = 0; i < values.Count; i++)
        {
            string mine = PyFormat.StrFloat32(values[i]);
            if (mine != answers[i])
                failures.Add($"str(float32 0x{Bits(values[i])} = {(double)values[i]:R}): expected {answers[i]} got {mine}");
            if (PyFormat.ReprFloat32(values[i]) != mine) failures.Add("ReprFloat32 != StrFloat32");
        }
        _out.WriteLine($"{values.Count} str(float32) cases");
        AssertNoFailures(failures, values.Count);
    }

    [Fact]
    public void StrFloat32_Basics()
    {
        Assert.Equal("0.1", PyFormat.StrFloat32(0.1f));
        Assert.Equal("1e+20", PyFormat.StrFloat32(1e20f));
        Assert.Equal("16777216.0", PyFormat.StrFloat32(16777217f));
        Assert.Equal("1e+16", PyFormat.StrFloat32(1e16f));
        Assert.Equal("1000000000000000.0", PyFormat.StrFloat32(1e15f));
        Assert.Equal("1e-04", PyFormat.StrFloat32(1e-4f)); // float32(1e-4) is just below 1e-4
        Assert.Equal("0.000100000005", PyFormat.StrFloat32(F(BitConverter.SingleToUInt32Bits(1e-4f) + 1)));
        Assert.Equal("1e-05", PyFormat.StrFloat32(1e-5f));
        Assert.Equal("3.4028235e+38", PyFormat.StrFloat32(float.MaxValue));
        Assert.Equal("1e-45", PyFormat.StrFloat32(float.Epsilon));
        Assert.Equal("123456790.0", PyFormat.StrFloat32(123456789f));
        Assert.Equal("-0.0", PyFormat.StrFloat32(-0f));
        Assert.Equal("nan", PyFormat.StrFloat32(F(0xFFC00000)));
        Assert.Equal("-inf", PyFormat.StrFloat32(float.NegativeInfinity));
        Assert.Equal("1.2621775e-29", PyFormat.StrFloat32(F(0x0F800000))); // 2**-96: the nearer 1.2621774e-29 lies outside the narrow lower interval
    }

    private static readonly float[] ComplexParts =
    {
        0f, -0f, 1f, -1f, 2f, -2.5f, 0.1f, 1f / 3, 1e-4f, 1e-5f, 1e15f, 1e16f, 16777217f, 123456789f, float.MaxValue, float.Epsilon,
        float.NaN, F(0xFFC00000), float.PositiveInfinity, float.NegativeInfinity,
    };

    [NumPyOracleFact]
    public void StrComplex64_MatchesNumPy()
    {
        var pairs = new List<(float Re, float Im)>();
        foreach (float re in ComplexParts) foreach (float im in ComplexParts) pairs.Add((re, im));
        var rnd = RandomFloats(600, 99);
        for (int i = 0; i + 1 < rnd.Count; i += 2) pairs.Add((rnd[i], rnd[i + 1]));
        var answers = Oracle(pairs.Select(p => $"c {Bits(p.Re)} {Bits(p.Im)}").ToList());
        var failures = new List<string>();
        for (int i = 0; i < pairs.Count; i++)
        {
            string mine = PyFormat.StrComplex64(pairs[i].Re, pairs[i].Im);
            if (mine != answers[i])
                failures.Add($"str(complex64(0x{Bits(pairs[i].Re)}, 0x{Bits(pairs[i].Im)})): expected {answers[i]} got {mine}");
            if (PyFormat.ReprComplex64(pairs[i].Re, pairs[i].Im) != mine) failures.Add("ReprComplex64 != StrComplex64");
        }
        _out.WriteLine($"{pairs.Count} str(complex64) cases");
        AssertNoFailures(failures, pairs.Count);
    }

    [Fact]
    public void StrComplex64_Basics()
    {
        Assert.Equal("(1+2j)", PyFormat.StrComplex64(1, 2));
        Assert.Equal("2j", PyFormat.StrComplex64(0, 2));
        Assert.Equal("-0j", PyFormat.StrComplex64(0, -0f));
        Assert.Equal("(-0+2j)", PyFormat.StrComplex64(-0f, 2));
        Assert.Equal("(1.5+0j)", PyFormat.StrComplex64(1.5f, 0));
        Assert.Equal("(0.1+0.2j)", PyFormat.StrComplex64(0.1f, 0.2f));
        Assert.Equal("(1e+20+1e-05j)", PyFormat.StrComplex64(1e20f, 1e-5f));
        Assert.Equal("(1000000000000000+1000000000000000j)", PyFormat.StrComplex64(1e15f, 1e15f));
        Assert.Equal("(nan+nanj)", PyFormat.StrComplex64(F(0xFFC00000), F(0xFFC00000)));
        Assert.Equal("-infj", PyFormat.StrComplex64(0, float.NegativeInfinity));
    }

    private static readonly ulong[] UInt64Values =
    {
        0, 1, 7, 65, 255, 0x10FFFF, 0x110000, 1234567, (1UL << 53) + 1, long.MaxValue, 1UL << 63, (1UL << 63) + 1,
        (1UL << 63) + 1024, (1UL << 63) + 1025, (1UL << 63) + 3072, ulong.MaxValue - 1024, ulong.MaxValue - 1023, ulong.MaxValue - 1,
        ulong.MaxValue, 10_000_000_000_000_000_000UL,
    };

    [NumPyOracleFact]
    public void StrUInt64_MatchesNumPy()
    {
        var rng = new Random(5);
        var values = UInt64Values.Concat(Enumerable.Range(0, 200).Select(_ => (ulong)rng.NextInt64() * 2 + (ulong)rng.Next(2))).ToList();
        var answers = Oracle(values.Select(v => "u " + v.ToString(CultureInfo.InvariantCulture)).ToList());
        var failures = new List<string>();
        for (int i = 0; i < values.Count; i++)
            if (PyFormat.StrUInt64(values[i]) != answers[i]) failures.Add($"str(uint64 {values[i]}): expected {answers[i]} got {PyFormat.StrUInt64(values[i])}");
        AssertNoFailures(failures, values.Count);
    }

    // ------------------------------------------------------------------------------------------
    // format()
    // ------------------------------------------------------------------------------------------

    private static readonly string[] FloatSpecs =
    {
        "", ".3f", "10.4e", "g", ">12", "f", "e", "E", "G", "%", ".2%", "+.5g", " .1f", "#.0f", "#g", ",.2f", "_.3f", ",",
        "n", ".10n", ".10", ".0", "z.1f", "010.3f", "0=14.2e", "*^20.5e", "<15.7e", ".20f", ".9g", ".17g", ".30e", "=12",
        "d", "x", "c", "s", "q", "abc", ".", ",_", "99999999999999999999f", "\u00e9>11.2f",
    };

    private static readonly string[] ComplexSpecs =
    {
        "", "g", ".3f", ">30", "<40.2e", "^45", "+.2e", " g", "z.1f", "#g", ",.2f", ".3", "n", "E", "10", "0", "=10", "%",
        "d", "x", "0<10",
    };

    private static readonly string[] UInt64Specs =
    {
        "", "d", "x", "X", "#x", "o", "#o", "b", "_b", "_x", ",d", "_d", "c", "#c", "+c", "e", ".3e", "E", "%", ".3%", "g", "G",
        "f", ".2f", "F", "n", "+d", " d", "^30", "030,", "#034_x", ".3d", "z", "q", "s", ",x", "<25", "=+25",
    };

    private static string Mine(Func<string> f)
    {
        try { return "OK " + PythonOracle.Utf16Hex(f()); }
        catch (FormatException e) { return "ERR ValueError: " + e.Message; }
        catch (OverflowException e) { return "ERR OverflowError: " + e.Message; }
    }

    private void RunFormatCases(List<(string Request, string Label, Func<string> Mine)> cases)
    {
        var answers = Oracle(cases.Select(c => c.Request).ToList());
        var failures = new List<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            string mine = Mine(cases[i].Mine);
            if (mine != answers[i])
            {
                static string Show(string s) => s.StartsWith("OK ", StringComparison.Ordinal) ? "'" + PythonOracle.FromUtf16Hex(s.Substring(3)) + "'" : s;
                failures.Add($"{cases[i].Label}: expected {Show(answers[i])} got {Show(mine)}");
            }
        }
        _out.WriteLine($"{cases.Count} format() cases");
        AssertNoFailures(failures, cases.Count);
    }

    [NumPyOracleFact]
    public void FormatFloat32_SpecGrid_MatchesNumPy()
    {
        float[] values =
        {
            0f, -0f, 0.1f, 1.5f, -2.5f, 1e-4f, 1e-5f, 1e16f, 1e20f, 16777217f, 123456789f, float.MaxValue, float.Epsilon, 1f / 3,
            float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1234567.9f, -0.000123f,
        };
        var cases = new List<(string, string, Func<string>)>();
        foreach (float v in values)
            foreach (string s in FloatSpecs)
                cases.Add(($"f {Bits(v)} ={PythonOracle.Utf16Hex(s)}", $"format(float32 0x{Bits(v)}, '{s}')", () => PyFormat.FormatFloat32(v, s)));
        RunFormatCases(cases);
    }

    [NumPyOracleFact]
    public void FormatComplex64_SpecGrid_MatchesNumPy()
    {
        (float, float)[] values =
        {
            (1, 2), (0, 2), (-0f, -2), (1.5f, -0f), (0, 0), (float.NaN, float.PositiveInfinity), (1e16f, 1e-5f), (0.1f, 0.2f),
            (-1.25f, 1f / 3), (float.MaxValue, float.Epsilon),
        };
        var cases = new List<(string, string, Func<string>)>();
        foreach (var (re, im) in values)
            foreach (string s in ComplexSpecs)
                cases.Add(($"c {Bits(re)} {Bits(im)} ={PythonOracle.Utf16Hex(s)}", $"format(complex64({re:R}, {im:R}), '{s}')",
                    () => PyFormat.FormatComplex64(re, im, s)));
        RunFormatCases(cases);
    }

    [NumPyOracleFact]
    public void FormatUInt64_SpecGrid_MatchesNumPy()
    {
        var cases = new List<(string, string, Func<string>)>();
        foreach (ulong v in UInt64Values)
            foreach (string s in UInt64Specs)
                cases.Add(($"u {v.ToString(CultureInfo.InvariantCulture)} ={PythonOracle.Utf16Hex(s)}", $"format(uint64 {v}, '{s}')",
                    () => PyFormat.FormatUInt64(v, s)));
        RunFormatCases(cases);
    }

    [Fact]
    public void Format_Basics()
    {
        Assert.Equal("0.10000000149011612", PyFormat.FormatFloat32(0.1f, "")); // format() widens to float: not str()
        Assert.Equal("0.100", PyFormat.FormatFloat32(0.1f, ".3f"));
        Assert.Equal("(0.10000000149011612+0.20000000298023224j)", PyFormat.FormatComplex64(0.1f, 0.2f, ""));
        Assert.Equal("ffffffffffffffff", PyFormat.FormatUInt64(ulong.MaxValue, "x"));
        Assert.Equal("18,446,744,073,709,551,615", PyFormat.FormatUInt64(ulong.MaxValue, ",d"));
        Assert.Equal("Unknown format code 'd' for object of type 'float'",
            Assert.Throws<FormatException>(() => PyFormat.FormatFloat32(1f, "d")).Message);
        Assert.Equal("Python int too large to convert to C long",
            Assert.Throws<OverflowException>(() => PyFormat.FormatUInt64(ulong.MaxValue, "c")).Message);
    }

    // ------------------------------------------------------------------------------------------
    // runtime exports, called through the symbol table as compiled code calls them
    // ------------------------------------------------------------------------------------------

    private static nint Symbol(string name) => RuntimeSymbols.Get(name).Address;   // signatures: RuntimeHelperTests

    private static unsafe string WithSink(Func<long, int> write, out int status)
    {
        var sb = new StringBuilder();
        var h = GCHandle.Alloc(sb);
        try { status = write((long)GCHandle.ToIntPtr(h)); }
        finally { h.Free(); }
        return sb.ToString();
    }

    [Fact]
    public unsafe void RuntimeExports_WriteAndFormat()
    {
        var writeF32 = (delegate* unmanaged<long, double, void>)Symbol("sj_write_f32");
        var writeC64 = (delegate* unmanaged<long, double, double, void>)Symbol("sj_write_c64");
        var writeU64 = (delegate* unmanaged<long, long, void>)Symbol("sj_write_u64");
        var formatF32 = (delegate* unmanaged<long, double, byte*, int>)Symbol("sj_format_f32");
        var formatC64 = (delegate* unmanaged<long, double, double, byte*, int>)Symbol("sj_format_c64");
        var formatU64 = (delegate* unmanaged<long, long, byte*, int>)Symbol("sj_format_u64");

        Assert.Equal("0.1", WithSink(s => { writeF32(s, (double)0.1f); return 0; }, out _));
        Assert.Equal("(1e+20-0j)", WithSink(s => { writeC64(s, (double)1e20f, -0.0); return 0; }, out _));
        Assert.Equal("18446744073709551615", WithSink(s => { writeU64(s, -1L); return 0; }, out _));

        byte* spec = RuntimeStrings.Allocate(".3f");
        byte* hex = RuntimeStrings.Allocate("#x");
        byte* bad = RuntimeStrings.Allocate("d");
        byte* empty = RuntimeStrings.Allocate("");
        try
        {
            Assert.Equal("0.100", WithSink(s => formatF32(s, (double)0.1f, spec), out int st));
            Assert.Equal(0, st);
            Assert.Equal("0.10000000149011612", WithSink(s => formatF32(s, (double)0.1f, empty), out st));
            Assert.Equal("1.500+0.333j", WithSink(s => formatC64(s, 1.5, (double)(1f / 3), spec), out st));
            Assert.Equal(0, st);
            Assert.Equal("0x8000000000000000", WithSink(s => formatU64(s, long.MinValue, hex), out st));
            Assert.Equal(0, st);

            Assert.Equal("", WithSink(s => formatF32(s, 1.0, bad), out st));
            Assert.Equal(1, st);
            var ex = ErrorState.Take();
            Assert.Equal(("ValueError", "Unknown format code 'd' for object of type 'float'"), (ex.TypeName, ex.PyMessage));
            WithSink(s => formatC64(s, 1.0, 2.0, bad), out st);
            Assert.Equal(1, st);
            Assert.Equal("Unknown format code 'd' for object of type 'complex'", ErrorState.Take().PyMessage);
            byte* c = RuntimeStrings.Allocate("c");
            try
            {
                WithSink(s => formatU64(s, -1L, c), out st);
                Assert.Equal(1, st);
                ex = ErrorState.Take();
                Assert.Equal(("OverflowError", "Python int too large to convert to C long"), (ex.TypeName, ex.PyMessage));
            }
            finally { RuntimeStrings.Release(c); }
        }
        finally
        {
            RuntimeStrings.Release(spec);
            RuntimeStrings.Release(hex);
            RuntimeStrings.Release(bad);
            RuntimeStrings.Release(empty);
        }
    }
}
