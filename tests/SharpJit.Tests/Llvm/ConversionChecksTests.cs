using System.Text.RegularExpressions;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Llvm;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Llvm;

/// <summary>An index converted from a float tests its bounds before the conversion's check (Llvm.ConversionChecks);
/// what it raises in each case is checked by the differential program arrays/converted_index_checks.py.</summary>
public class ConversionChecksTests
{
    private const string Source = """
        def body(xs, counts):
            for i in range(len(xs)):
                counts[int(xs[i])] += 1
        """;

    private static readonly SjType[] Arrays = { new ArrayType(ScalarType.Float64, 1), new ArrayType(ScalarType.Int64, 1) };

    private static string OptimisedIr(CodegenOptions options) =>
        SharpJitEngine.FromSource(Source, "counts.py", options).Compile("body", Arrays).LlvmIr;

    private static string[] Blocks(string ir) => Regex.Split(ir, @"\n(?=[\w.]+:)");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheBoundsCheckComesFirst(bool boundsCheck)
    {
        var ir = OptimisedIr(new CodegenOptions(BoundsCheck: boundsCheck));
        var converting = Blocks(ir).Where(b => b.Contains("call i64 @llvm.x86.sse2.cvttsd2si64(")).ToList();
        Assert.NotEmpty(converting);
        foreach (var block in converting)
        {
            // The block converts, compares the index with the axis length and branches on that, to the conversion's
            // check only where the index is outside the axis.
            var compare = Regex.Match(block, @"(%[\w.]+) = icmp ult i64 %[\w.]+, %[\w.]+");
            Assert.True(compare.Success, block);
            Assert.Matches($@"br i1 {Regex.Escape(compare.Groups[1].Value)}, label %[\w.]+, label %conversion_check", block);
            Assert.DoesNotContain("-9223372036854775808", block);
        }
        Assert.Contains(Blocks(ir), b => b.StartsWith("conversion_check") && b.Contains("icmp eq i64 %") && b.Contains(", -9223372036854775808"));
    }

    [Fact]
    public void WithoutTheMarkNothingMoves()
    {
        // A float converted for a plain int (no index): its check stays where it was.
        const string source = """
            def body(xs):
                s = 0
                for i in range(len(xs)):
                    s += int(xs[i]) % 7
                return s
            """;
        var ir = SharpJitEngine.FromSource(source, "sum.py").Compile("body", new SjType[] { new ArrayType(ScalarType.Float64, 1) }).LlvmIr;
        Assert.Contains("-9223372036854775808", ir);
        Assert.DoesNotContain("conversion_check", ir);
    }

    [Fact]
    public void ValuesBeyondInt64RaiseTheConversionsError()
    {
        // sharpjit's int() of a float is int64 (as Numba's): beyond it is OverflowError, after the earlier counts.
        var engine = SharpJitEngine.FromSource(Source + """

            import numpy as np

            def run(x):
                counts = np.zeros(4, dtype=np.int64)
                try:
                    body(np.array([1.0, 2.0, x]), counts)
                except OverflowError as e:
                    return str(e) + " " + str(counts.sum())
                except IndexError as e:
                    return "IndexError " + str(e)
                return "ok"
            """, "counts.py");
        Assert.Equal("int too large to convert to int64 2", engine.Call("run", 1e19));
        Assert.Equal("int too large to convert to int64 2", engine.Call("run", -1e19));
        Assert.Equal("IndexError index -9223372036854775808 is out of bounds for axis 0 with size 4", engine.Call("run", -9223372036854775808.0));
        Assert.Equal("ok", engine.Call("run", -1.5));
    }
}
