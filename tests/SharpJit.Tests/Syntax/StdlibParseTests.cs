using System.Diagnostics;
using SharpJit.Diagnostics;
using SharpJit.Syntax;
using Xunit;
using Assert = Xunit.Assert;
using Xunit.Abstractions;

namespace SharpJit.Tests.Syntax;

/// <summary>The whole CPython 3.11 standard library (Debian's /usr/lib/python3.11) through our parser.</summary>
public class StdlibParseTests
{
    private readonly ITestOutputHelper _out;

    public StdlibParseTests(ITestOutputHelper output) => _out = output;

    /// <summary>
    /// Files CPython itself cannot parse (checked with <c>ast.parse</c>): the test data of lib2to3 and the
    /// deliberately broken test inputs. None of them is in Debian's python3.11 package today, but the list keeps
    /// the test right where the full test suite is installed.
    /// </summary>
    private static bool Excluded(string path)
    {
        string rel = Path.GetRelativePath(CPythonReference.StdlibDir, path).Replace('\\', '/');
        string name = Path.GetFileName(rel);
        return rel.StartsWith("lib2to3/tests/data/", StringComparison.Ordinal)
            || rel.StartsWith("test/test_lib2to3/data/", StringComparison.Ordinal)
            || name.StartsWith("badsyntax_", StringComparison.Ordinal)
            || name.StartsWith("bad_coding", StringComparison.Ordinal);
    }

    internal static List<string> StdlibFiles()
    {
        Assert.True(Directory.Exists(CPythonReference.StdlibDir),
            $"{CPythonReference.StdlibDir} is missing: install Debian's python3.11 (apt-get install python3.11) to run the stdlib parse tests");
        var files = Directory.EnumerateFiles(CPythonReference.StdlibDir, "*.py", SearchOption.AllDirectories)
            .Where(f => !Excluded(f))
            .Where(File.Exists) // skip dangling links
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 300, $"only {files.Count} .py files under {CPythonReference.StdlibDir}");
        return files;
    }

    [Fact]
    public void EveryStdlibFileParses()
    {
        var files = StdlibFiles();
        var failures = new List<string>();
        long chars = 0;
        var sw = Stopwatch.StartNew();
        foreach (var f in files)
        {
            try
            {
                var src = SourceText.FromFile(f);
                chars += src.Text.Length;
                PythonParser.Parse(src);
            }
            catch (CompileError e)
            {
                var (line, col) = e.Diagnostic.Position;
                failures.Add($"{f}:{line}:{col}: {e.Diagnostic.Message}");
            }
            catch (Exception e)
            {
                failures.Add($"{f}: crash {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
        sw.Stop();
        _out.WriteLine($"parsed {files.Count} files ({chars / 1024} KiB) in {sw.ElapsedMilliseconds} ms");
        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} stdlib files failed to parse:\n" + string.Join("\n", failures));
    }

    /// <summary>Structure and positions of a deterministic third of the stdlib against CPython's ast.</summary>
    [Fact]
    public void StdlibSampleMatchesCPythonAst()
    {
        Assert.True(CPythonReference.Available, $"{CPythonReference.PythonPath} is needed for this test (install python3)");
        var files = StdlibFiles().Where((_, i) => i % 3 == 0).ToList();
        var expected = CPythonReference.DumpFiles(files);
        var failures = new List<string>();
        for (int i = 0; i < files.Count; i++)
        {
            if (expected[i].StartsWith("SyntaxError", StringComparison.Ordinal)) continue; // CPython can't parse it either
            string actual;
            try
            {
                actual = AstPrinter.DumpCanonical(PythonParser.Parse(SourceText.FromFile(files[i])), omitFStringPartPositions: true);
            }
            catch (CompileError e)
            {
                actual = "SyntaxError: " + e.Diagnostic.Message;
            }
            if (actual != expected[i]) failures.Add($"{files[i]}\n{CPythonReference.FirstDifference(expected[i], actual)}");
        }
        _out.WriteLine($"compared {files.Count} files");
        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} stdlib files differ from CPython's ast:\n" + string.Join("\n\n", failures));
    }
}
