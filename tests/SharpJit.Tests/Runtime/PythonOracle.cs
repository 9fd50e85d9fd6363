using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace SharpJit.Tests.Runtime;

/// <summary>
/// Runs the reference CPython (python3, expected to be 3.11) as a differential-test oracle: one process
/// per batch, requests on stdin (one per line), one answer line per request on stdout.
/// </summary>
internal static class PythonOracle
{
    private static readonly Lazy<string?> s_python = new(FindPython);

    /// <summary>Path of a usable python3 3.11, or null (then differential tests are vacuous).</summary>
    public static string? Python => s_python.Value;

    /// <summary>Why no oracle is available (for test output).</summary>
    public static string UnavailableReason { get; private set; } = "";

    private static string? FindPython()
    {
        // For checking that oracle tests report as skipped without one: SHARPJIT_TEST_NO_ORACLE=1.
        if (Environment.GetEnvironmentVariable("SHARPJIT_TEST_NO_ORACLE") is { Length: > 0 })
        {
            UnavailableReason = "SHARPJIT_TEST_NO_ORACLE is set";
            return null;
        }
        foreach (string candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var (code, output) = RunProcess(candidate, "-c \"import sys; print('%d.%d' % sys.version_info[:2])\"", "");
                if (code == 0)
                {
                    string ver = output.Trim();
                    if (ver == "3.11") return candidate;
                    UnavailableReason = $"{candidate} is Python {ver}, expected 3.11";
                }
            }
            catch (Exception e)
            {
                UnavailableReason = $"{candidate}: {e.Message}";
            }
        }
        return null;
    }

    private static (int Code, string Output) RunProcess(string exe, string args, string stdin)
    {
        var psi = new ProcessStartInfo(exe, args)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi)!;
        var stderrTask = p.StandardError.ReadToEndAsync();
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        string output = stdoutTask.Result;
        string err = stderrTask.Result;
        p.WaitForExit();
        if (p.ExitCode != 0 && err.Length > 0) output += "\nSTDERR:\n" + err;
        return (p.ExitCode, output);
    }

    /// <summary>Runs <paramref name="script"/> with the given request lines; returns one answer per request.</summary>
    public static string[] Run(string script, IReadOnlyList<string> requests)
    {
        string py = Python ?? throw new InvalidOperationException("no python3.11: " + UnavailableReason);
        string path = Path.Combine(Path.GetTempPath(), $"sharpjit_oracle_{Environment.ProcessId}_{Guid.NewGuid():N}.py");
        File.WriteAllText(path, script);
        try
        {
            var sb = new StringBuilder();
            foreach (string r in requests) sb.Append(r).Append('\n');
            var (code, output) = RunProcess(py, "\"" + path + "\"", sb.ToString());
            if (code != 0) throw new InvalidOperationException("python failed: " + output);
            string[] lines = output.Split('\n');
            int n = lines.Length;
            if (n > 0 && lines[n - 1].Length == 0) n--;
            if (n != requests.Count)
                throw new InvalidOperationException($"python answered {n} lines for {requests.Count} requests:\n{output}");
            return lines.AsSpan(0, n).ToArray();
        }
        finally
        {
            try { File.Delete(path); } catch { }
        }
    }

    // ---- encoding helpers shared by the tests ----

    public static string Bits(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);

    public static string Utf16Hex(string s) => Convert.ToHexStringLower(MemoryMarshal.AsBytes(s.AsSpan()));

    public static string FromUtf16Hex(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        return new string(MemoryMarshal.Cast<byte, char>(bytes));
    }

    /// <summary>Python prelude: bits decoding, hex utf-16 encoding.</summary>
    public const string Prelude = @"
import sys, struct, math, cmath
def D(h):
    return struct.unpack('<d', int(h, 16).to_bytes(8, 'little'))[0]
def U(h):
    return bytes.fromhex(h).decode('utf-16-le', 'surrogatepass')
def H(s):
    return s.encode('utf-16-le', 'surrogatepass').hex()
def E(e):
    return 'ERR ' + type(e).__name__ + ': ' + str(e)
";

    /// <summary>Parses a Python float repr ("nan", "inf", "-inf", "1e-05", ...).</summary>
    public static double ParseRepr(string s) => s switch
    {
        "nan" => double.NaN,
        "-nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Distance in units in the last place between two doubles (0 if both NaN).</summary>
    public static long UlpDistance(double a, double b)
    {
        if (double.IsNaN(a) && double.IsNaN(b)) return 0;
        if (double.IsNaN(a) || double.IsNaN(b)) return long.MaxValue;
        if (a == b) return BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) ? 0 : long.MaxValue; // ±0
        long ia = BitConverter.DoubleToInt64Bits(a), ib = BitConverter.DoubleToInt64Bits(b);
        if ((ia < 0) != (ib < 0)) return long.MaxValue;
        if (double.IsInfinity(a) || double.IsInfinity(b)) return long.MaxValue;
        return Math.Abs(ia - ib);
    }
}
