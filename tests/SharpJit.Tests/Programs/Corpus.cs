using System.Diagnostics;
using System.Text;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Runtime;

namespace SharpJit.Tests.Programs;

/// <summary>Locates the repository's test data and runs programs under CPython and under sharpjit.</summary>
public static class Corpus
{
    public static readonly string Root = FindRoot();


    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("SHARPJIT_ROOT");
        if (!string.IsNullOrEmpty(env)) return env;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "SharpJit.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (SharpJit.slnx)");
    }

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public static IEnumerable<object[]> Files(string folder, string pattern = "*.py") =>
        Directory.GetFiles(PathOf(folder), pattern).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>What a run printed; Stderr is the whole traceback when it ended in an exception.</summary>
    public sealed record Outcome(string Stdout, int ExitCode, string LastStderrLine, string Stderr = "");

    public const string Python = "/usr/bin/python3";

    /// <summary>
    /// The CPU features this NumPy dispatches to and this machine has, among those named (AVX512 for every AVX-512
    /// feature), for NPY_DISABLE_CPU_FEATURES: only those may be named there.
    /// </summary>
    public static string NumPyDispatchedFeatures(params string[] names)
    {
        string wanted = string.Join(", ", names.Select(n => $"'{n}'"));
        string query = "from numpy.core._multiarray_umath import __cpu_features__ as f, __cpu_dispatch__ as d; "
            + $"print(' '.join(x for x in d if f.get(x) and (x in ({wanted},) or ('AVX512' in ({wanted},) and x.startswith('AVX512')))))";
        var psi = new ProcessStartInfo(Python, new[] { "-c", query }) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.Environment.Remove("NPY_DISABLE_CPU_FEATURES");
        using var p = Process.Start(psi)!;
        string features = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return features;
    }

    /// <summary>CPython's run of a corpus program. The first request for a folder starts one background thread that
    /// runs the folder's programs in the order the tests take them, one at a time: the reference runs on the second
    /// core while this process compiles (each is run once, by whichever asks first).</summary>
    public static Outcome ReferenceRun(string path)
    {
        string folder = Path.GetDirectoryName(path)!;
        Lazy<Outcome> Reference(string file) => References.GetOrAdd(file, f => new Lazy<Outcome>(() => RunCPython(f)));
        lock (References)
            if (PrefetchedFolders.Add(folder))
            {
                var files = Directory.GetFiles(folder, "*.py").OrderBy(f => f, StringComparer.Ordinal).ToList();
                new Thread(() => { foreach (var f in files) _ = Reference(f).Value; }) { IsBackground = true, Name = "cpython-references" }.Start();
            }
        return Reference(path).Value;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Outcome>> References = new();
    private static readonly HashSet<string> PrefetchedFolders = new();

    public static Outcome RunCPython(string path, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(Python, new[] { "-X", "utf8", path })
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        psi.Environment["PYTHONHASHSEED"] = "0";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderrTask = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new Outcome(stdout, p.ExitCode, LastLine(stderrTask.Result), stderrTask.Result);
    }

    private static readonly object RunLock = new();

    /// <summary>Compiles and runs a script in this process, capturing what compiled print() writes.</summary>
    public static Outcome RunSharpJit(string path)
    {
        lock (RunLock)
        {
            var buffer = new MemoryStream();
            var old = RuntimeOutput.Redirect(buffer);
            try
            {
                var engine = SharpJitEngine.FromFile(path);
                try
                {
                    engine.Run();
                    return new Outcome(Encoding.UTF8.GetString(buffer.ToArray()), 0, "");
                }
                catch (PythonException e)
                {
                    RuntimeOutput.Flush();
                    return new Outcome(Encoding.UTF8.GetString(buffer.ToArray()), 1, e.LastLine, e.FormatTraceback());
                }
            }
            finally { RuntimeOutput.Redirect(old); }
        }
    }

    /// <summary>A traceback without CPython 3.11's caret lines (under the failing expression; sharpjit draws none).</summary>
    public static string WithoutCarets(string traceback) =>
        string.Join("\n", traceback.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Trim('^', '~').Length > 0 || l.Trim().Length == 0));

    public static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "" : lines[^1].TrimEnd('\r');
    }
}
