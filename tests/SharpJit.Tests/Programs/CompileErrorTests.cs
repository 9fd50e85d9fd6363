using System.Text.RegularExpressions;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using Xunit;

namespace SharpJit.Tests.Programs;

/// <summary>Each file in tests/errors starts with "# expect: KIND LINE:COL: message"; compiling it must fail exactly so.</summary>
public class CompileErrorTests
{
    public static IEnumerable<object[]> ErrorFiles => Corpus.Files("tests/errors");

    private static readonly Regex Expect = new(@"^# expect: (\w+) (\d+):(\d+): (.*)$");

    [Theory]
    [MemberData(nameof(ErrorFiles))]
    public void ReportsTheExpectedDiagnostic(string name)
    {
        var path = Corpus.PathOf("tests", "errors", name);
        var m = Expect.Match(File.ReadLines(path).First());
        Assert.True(m.Success, "first line must be '# expect: KIND LINE:COL: message'");
        var error = Assert.Throws<CompileError>(() => SharpJitEngine.FromFile(path).Run());
        var d = error.Diagnostic;
        Assert.Equal(m.Groups[1].Value, d.Kind.ToString());
        Assert.Equal((int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)), d.Position);
        Assert.Contains(m.Groups[4].Value.Trim(), d.Message);
        // The rendering names the file, shows the line and puts a caret under the column.
        var text = d.Render();
        Assert.Contains($"File \"{path}\", line {m.Groups[2].Value}", text);
        Assert.Contains("^", text);
    }
}
