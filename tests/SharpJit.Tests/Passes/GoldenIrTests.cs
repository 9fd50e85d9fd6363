using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Tests.Programs;
using Xunit;

namespace SharpJit.Tests.Passes;

/// <summary>tests/ir: each program's typed IR after every pass equals its .expected dump (see tests/ir/README.md).</summary>
public class GoldenIrTests
{
    public static IEnumerable<object[]> Programs => Corpus.Files("tests/ir");

    [Theory]
    [MemberData(nameof(Programs))]
    public void TypedIrMatchesGolden(string name)
    {
        var path = Corpus.PathOf("tests", "ir", name);
        var expectedPath = Path.ChangeExtension(path, ".expected");
        var actual = Dumper.Dump(new SourceText(name, File.ReadAllText(path)), SharpJit.Passes.PassList.Passes[^1].Name);
        if (Environment.GetEnvironmentVariable("SHARPJIT_UPDATE_GOLDEN") == "1") File.WriteAllText(expectedPath, actual);
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
