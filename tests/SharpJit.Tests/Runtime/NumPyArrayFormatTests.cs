using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using SharpJit.Tests.Programs;
using SharpJit.Runtime;
using SharpJit.Typing;
using Xunit;
using Xunit.Abstractions;

namespace SharpJit.Tests.Runtime;

/// <summary>
/// Differential tests of <see cref="NumPyArrayFormat"/> against NumPy 1.x: numpy_array_print_cases.py builds the
/// arrays (every dtype, 0-d to 4-d, empty, summarised, wrapped, special floats, strided views) and prints, for each,
/// the bytes the array spans, its shape and strides, and NumPy's str() and repr(); the test rebuilds each array in
/// unmanaged memory and compares.
/// </summary>
public class NumPyArrayFormatTests
{
    private readonly ITestOutputHelper _out;

    public NumPyArrayFormatTests(ITestOutputHelper output) => _out = output;

    private sealed record Case(string Name, ScalarType Dtype, long[] Shape, long[] Strides, long Offset, byte[] Data,
        string Str, string Repr);

    private static readonly Lazy<List<Case>> s_cases = new(LoadCases);

    private static List<Case> LoadCases()
    {
        string script = Corpus.PathOf("tests", "SharpJit.Tests", "Runtime", "numpy_array_print_cases.py");
        var psi = new ProcessStartInfo(PythonOracle.Python!, new[] { "-X", "utf8", script })
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{script} failed:\n{stderr.Result}");

        var cases = new List<Case>();
        foreach (string line in stdout.Split('\n'))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            string dtype = o.GetProperty("dtype").GetString()!;
            cases.Add(new Case(
                o.GetProperty("name").GetString()!,
                ScalarType.ByName(dtype) ?? throw new InvalidOperationException("unknown dtype " + dtype),
                o.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray(),
                o.GetProperty("strides").EnumerateArray().Select(e => e.GetInt64()).ToArray(),
                o.GetProperty("offset").GetInt64(),
                Convert.FromHexString(o.GetProperty("data").GetString()!),
                o.GetProperty("str").GetString()!,
                o.GetProperty("repr").GetString()!));
        }
        return cases;
    }

    private static unsafe (string Str, string Repr) Print(Case c)
    {
        nuint size = (nuint)Math.Max(c.Data.Length, 1);
        byte* buf = (byte*)NativeMemory.AlignedAlloc(size, 64);
        try
        {
            c.Data.CopyTo(new Span<byte>(buf, c.Data.Length));
            byte* data = buf + c.Offset;
            return (NumPyArrayFormat.Str(c.Dtype, c.Shape, c.Strides, data),
                NumPyArrayFormat.Repr(c.Dtype, c.Shape, c.Strides, data));
        }
        finally
        {
            NativeMemory.AlignedFree(buf);
        }
    }

    [NumPyOracleFact]
    public void StrAndRepr_MatchNumPy()
    {
        var cases = s_cases.Value;
        Assert.True(cases.Count > 500, $"only {cases.Count} cases");
        var failures = new List<string>();
        foreach (var c in cases)
        {
            string str, repr;
            try
            {
                (str, repr) = Print(c);
            }
            catch (Exception e)
            {
                failures.Add($"[{c.Name}] threw {e.GetType().Name}: {e.Message}");
                continue;
            }
            if (str != c.Str) failures.Add($"[{c.Name}] str\n--- numpy:\n{c.Str}\n--- ours:\n{str}");
            if (repr != c.Repr) failures.Add($"[{c.Name}] repr\n--- numpy:\n{c.Repr}\n--- ours:\n{repr}");
        }
        _out.WriteLine($"{cases.Count} cases, {failures.Count} mismatches");
        if (failures.Count > 0)
            Assert.Fail($"{failures.Count} mismatches in {cases.Count} cases:\n" + string.Join("\n", failures.Take(40)));
    }

    [NumPyOracleFact]
    public void Cases_CoverEveryDtypeAndRank()
    {
        var cases = s_cases.Value;
        foreach (var t in ScalarType.All)
        {
            Assert.Contains(cases, c => c.Dtype == t && c.Shape.Length == 0);
            Assert.Contains(cases, c => c.Dtype == t && c.Shape.Length == 4);
            Assert.Contains(cases, c => c.Dtype == t && c.Shape.Aggregate(1L, (a, b) => a * b) > 1000);
            Assert.Contains(cases, c => c.Dtype == t && c.Strides.Any(s => s < 0));
            Assert.Contains(cases, c => c.Dtype == t && c.Shape.Contains(0));
        }
    }

    // A few fixed expectations, so that a broken oracle cannot make the differential test vacuous.
    [Fact]
    public unsafe void Examples()
    {
        double[] d = { 1.0, 2.0 };
        fixed (double* p = d)
        {
            Assert.Equal("[1. 2.]", NumPyArrayFormat.Str(ScalarType.Float64, new long[] { 2 }, new long[] { 8 }, (byte*)p));
            Assert.Equal("array([1., 2.])", NumPyArrayFormat.Repr(ScalarType.Float64, new long[] { 2 }, new long[] { 8 }, (byte*)p));
            Assert.Equal("1.0", NumPyArrayFormat.Str(ScalarType.Float64, ReadOnlySpan<long>.Empty, ReadOnlySpan<long>.Empty, (byte*)p));
            Assert.Equal("array([], shape=(0, 3), dtype=float64)",
                NumPyArrayFormat.Repr(ScalarType.Float64, new long[] { 0, 3 }, new long[] { 24, 8 }, (byte*)p));
        }
        sbyte[] b = { -128, 5 };
        fixed (sbyte* p = b)
        {
            Assert.Equal("array([-128,    5], dtype=int8)",
                NumPyArrayFormat.Repr(ScalarType.Int8, new long[] { 2 }, new long[] { 1 }, (byte*)p));
            Assert.Equal("[   5 -128]", NumPyArrayFormat.Str(ScalarType.Int8, new long[] { 2 }, new long[] { -1 }, (byte*)p + 1));
        }
    }
}
