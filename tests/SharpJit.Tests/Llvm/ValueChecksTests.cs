using System.Diagnostics;
using System.Text.RegularExpressions;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Llvm;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Llvm;

/// <summary>Checks on values in a row become one branch (Llvm.ValueChecks); what they raise is checked by the
/// differential programs math_checks_in_a_row.py and arrays/value_checks_in_a_row.py.</summary>
public class ValueChecksTests
{
    private const string Source = """
        import math

        def body(n):
            s = 0.0
            for i in range(n):
                x = i + 0.5
                s += math.log(x) / (x - 0.25) + math.exp(-x) / math.sqrt(x)
            return s
        """;

    private static string OptimisedIr(string source, CodegenOptions? options = null, params SjType[] args) =>
        SharpJitEngine.FromSource(source, "checks.py", options ?? new CodegenOptions()).Compile("body", args).LlvmIr;

    /// <summary>The block that calls log: the loop's body, up to its first branch.</summary>
    private static string BlockCallingLog(string ir) => Regex.Split(ir, @"\n(?=[\w.]+:)").Single(b => b.Contains("call double @log("));

    [Fact]
    public void ChecksInALoopBodyBecomeOneBranch()
    {
        var body = BlockCallingLog(OptimisedIr(Source, null, ScalarType.Int64));
        // log's domain, the division, exp's range, sqrt's domain, the second division: all in one block, one test.
        Assert.Contains("@exp(", body);
        Assert.Contains("@llvm.sqrt.f64(", body);
        Assert.Single(Regex.Matches(body, @"br i1 .*!sj\.value_check"));
        Assert.Matches(@"br i1 %checks_failed\d*, label %which_check", body);
    }

    [Fact]
    public void MergedChecksRaiseWhatTheProgramRaises()
    {
        const string source = """
            import math

            def body(xs):
                s = 0.0
                for x in xs:
                    s += math.log(x) / (x - 1.0) + math.exp(x) / math.sqrt(x)
                return s
            """;
        var engine = SharpJitEngine.FromSource(source + """

            def run(k):
                xs = [2.0, 3.0, 4.0]
                if k == 1:
                    xs = [2.0, 1.0, -1.0]
                elif k == 2:
                    xs = [2.0, 800.0, 1.0]
                try:
                    return body(xs)
                except ZeroDivisionError:
                    return -1.0
                except OverflowError:
                    return -2.0
                except ValueError:
                    return -3.0
            """, "checks.py");
        Assert.Equal(-1.0, engine.Call("run", 1L));   // 1.0: the division, before -1.0's log
        Assert.Equal(-2.0, engine.Call("run", 2L));   // exp(800) overflows before 1.0 divides by zero
        Assert.True((double)engine.Call("run", 0L)! > 0);
    }

    [Fact]
    public void WithoutBoundsChecksLoadsStayBelowChecks()
    {
        // Where a[i] checks no bounds, its load must not run before the division by b[i] is known not to raise: the
        // two checks stay apart. With bounds checks it may.
        const string source = """
            def body(a, b, c):
                s = 0.0
                for i in range(len(a)):
                    s += 1.0 / b[i] + 1.0 / c[i]
                    s += 1.0 / a[i]
                return s
            """;
        var arrays = new SjType[] { new ArrayType(ScalarType.Float64, 1), new ArrayType(ScalarType.Float64, 1), new ArrayType(ScalarType.Float64, 1) };
        var unchecked_ = OptimisedIr(source, new CodegenOptions(BoundsCheck: false), arrays);
        Assert.Contains("sj.value_check.keep_loads", unchecked_);
        Assert.DoesNotContain("which_check", unchecked_);
    }

    [Fact]
    public void PipelineHalvesMakeLlvmsO3()
    {
        const string opt = "/usr/lib/llvm-19/bin/opt";
        Assert.True(File.Exists(opt), $"{opt} is part of llvm-19 (installed with llvm-19-dev)");
        var empty = Path.Combine(Path.GetTempPath(), $"sj-empty-{Environment.ProcessId}.ll");
        File.WriteAllText(empty, "define void @f() {\n  ret void\n}\n");
        try
        {
            var info = new ProcessStartInfo(opt) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-mtriple=x86_64-pc-linux-gnu", "-passes=default<O3>", "-print-pipeline-passes", "-disable-output", "-disable-verify", empty }) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var printed = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            Assert.Equal(Optimizer.SimplificationO3 + "," + Optimizer.OptimisationO3, printed);
        }
        finally { File.Delete(empty); }
    }
}
