using System.Text;
using System.Text.RegularExpressions;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using Xunit;

namespace SharpJit.Tests.Passes;

/// <summary>
/// A function with many raising calls and many owned values: its optimised IR must grow linearly with them. When LLVM
/// promoted every owned slot, each exceptional exit became an operand of one phi per slot at the unwind block, a
/// number of operands growing with their product (40 constant set displays took ~20 s in machine code generation);
/// the slots of such a function now stay in memory (FunctionEmitter.KeepSlotsInMemoryWhenLarge). Measured by size,
/// not time: the phi operands of the function.
/// </summary>
public class UnwindSizeTests
{
    /// <summary>n constant set displays and n lists of new strings, all alive to the end (bench/many_raises.py).</summary>
    private static string Program(int n)
    {
        var sb = new StringBuilder("def many_displays(k):\n");
        for (int i = 0; i < n; i++)
        {
            sb.Append($"    s{i} = {{{string.Join(", ", Enumerable.Range(i * 8, 8))}}}\n");
            sb.Append($"    t{i} = [str(k + {i}), 'x{i}']\n");
        }
        sb.Append("    return ").Append(string.Join(" + ", Enumerable.Range(0, n).Select(i => $"len(s{i}) + len(t{i})"))).Append('\n');
        // Called twice, so that it stays a function of its own (one called once is inlined into its caller).
        sb.Append("\n\nprint(many_displays(1), many_displays(2))\n");
        return sb.ToString();
    }

    /// <summary>Phi operands in the optimised IR of many_displays.</summary>
    private static int PhiOperands(int n)
    {
        var ir = Dumper.Dump(new SourceText("many.py", Program(n)), "llvm-opt");
        var body = Regex.Match(ir, @"^define[^\n]*@sj\d+_many_displays_0\(.*?^}$", RegexOptions.Singleline | RegexOptions.Multiline);
        Assert.True(body.Success, "many_displays is in the optimised IR");
        return body.Value.Split('\n').Where(l => l.Contains(" = phi ")).Sum(l => l.Split('[').Length - 1);
    }

    [Fact]
    public void PhiOperandsGrowLinearlyWithRaisingCallsAndOwnedValues()
    {
        int small = PhiOperands(12), large = PhiOperands(24);
        // Promoted slots gave thousands of operands here, growing four-fold when n doubles.
        Assert.True(large <= 2.5 * small + 50, $"phi operands: {small} for 12 displays, {large} for 24");
        Assert.True(large < 24 * 20, $"phi operands: {large} for 24 displays");
    }
}
