using SharpJit.Diagnostics;
using SharpJit.Engine;
using Xunit;

namespace SharpJit.Tests.Programs;

/// <summary>
/// Deeply nested source ends in CPython's <c>RecursionError: maximum recursion depth exceeded during compilation</c>
/// in every stage, never in a stack overflow (issue 12, item 2): the nesting CPython 3.11's compiler accepts compiles
/// and runs, one level more is the same RecursionError, and the caller's stack does not matter (xunit's threads have
/// 1.5 MB; one test uses 1 MB). Sources are generated here; CPython runs the same file.
/// </summary>
public class DeepNestingTests
{
    /// <summary>A script whose nesting grows with n, and the deepest n CPython 3.11 compiles (run as a script).</summary>
    private static readonly Dictionary<string, (Func<int, string> Source, int Deepest)> Shapes = new()
    {
        ["sum"] = (n => Function(string.Join("+", Enumerable.Repeat("a", n))), 2998),
        ["unary minus"] = (n => Function(new string('-', n) + "a"), 2997),
        ["not"] = (n => Function(string.Concat(Enumerable.Repeat("not ", n)) + "a"), 2997),
        ["attributes"] = (n => Function("a" + string.Concat(Enumerable.Repeat(".real", n))), 2997),
        ["conditional expressions"] = (n => Function(string.Concat(Enumerable.Repeat("a if a else ", n)) + "a"), 2997),
        ["elif chain"] = (n => "def f(a):\n    if a == 0:\n        return 0\n"
            + string.Concat(Enumerable.Range(1, n - 1).Select(i => $"    elif a == {i}:\n        return {i}\n")) + "    return -1\nprint(f(1))\n", 2997),
        ["nested function"] = (n => "def f(a):\n    def g(a):\n        return " + string.Join("+", Enumerable.Repeat("a", n))
            + "\n    return g(a)\nprint(f(1))\n", 2997),
        ["module level"] = (n => "a = 1\nx = " + string.Join("+", Enumerable.Repeat("a", n)) + "\nprint(x)\n", 2999),
        ["module constant"] = (n => "K = " + string.Join("+", Enumerable.Repeat("1", n)) + "\ndef f(a):\n    return K + a\nprint(f(1))\n", 2999),
        ["module elif chain"] = (n => "a = 1\nif a == 0:\n    r = 0\n"
            + string.Concat(Enumerable.Range(1, n - 1).Select(i => $"elif a == {i}:\n    r = {i}\n")) + "else:\n    r = -1\nprint(r)\n", 2997),
    };

    private static string Function(string expression) => $"def f(a):\n    return {expression}\nprint(f(1))\n";

    public static IEnumerable<object[]> ShapeNames => Shapes.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void CPythonsDeepestNestingRunsAndOneMoreIsARecursionError(string shape)
    {
        var (source, deepest) = Shapes[shape];
        foreach (int n in new[] { deepest, deepest + 1 })
        {
            var path = Write($"{shape}_{n}", source(n));
            var expected = Corpus.RunCPython(path);
            var actual = Run(path);
            Assert.Equal(expected.Stdout, actual.Stdout);
            Assert.Equal(expected.ExitCode, actual.ExitCode);
            Assert.Equal(expected.LastStderrLine, actual.LastStderrLine);
        }
        // The limit is CPython's: it compiles the one and refuses the other.
        Assert.Equal(0, Corpus.RunCPython(Write($"{shape}_ok", source(deepest))).ExitCode);
        Assert.Equal("RecursionError: " + CompileDepth.Message, Corpus.RunCPython(Write($"{shape}_deeper", source(deepest + 1))).LastStderrLine);
    }

    /// <summary>Expressions far beyond the limit (where the stages used to overflow the stack).</summary>
    private static readonly Dictionary<string, string> FarBeyond = new()
    {
        ["sum of 14,000 terms"] = string.Join("+", Enumerable.Repeat("a", 14000)),
        ["20,000 unary minuses"] = new string('-', 20000) + "a",
        ["14,000 calls of calls"] = "a" + string.Concat(Enumerable.Repeat("(a)", 14000)),
        ["14,000 subscripts"] = "a" + string.Concat(Enumerable.Repeat("[0]", 14000)),
        ["14,000 attributes"] = "a" + string.Concat(Enumerable.Repeat(".real", 14000)),
        ["14,000 conditional expressions"] = string.Concat(Enumerable.Repeat("a if a else ", 14000)) + "a",
        ["14,000 lambdas"] = string.Concat(Enumerable.Repeat("lambda: ", 14000)) + "a",
        ["200 nested parentheses and calls, 60 unary minuses in each"] =
            string.Concat(Enumerable.Repeat("g(" + new string('-', 60), 200)) + "a" + new string(')', 200),
        ["200 nested tuples, 60 unary minuses in each"] =
            string.Concat(Enumerable.Repeat("(" + new string('-', 60), 200)) + "a" + string.Concat(Enumerable.Repeat(",)", 200)),
    };

    public static IEnumerable<object[]> FarBeyondNames => FarBeyond.Keys.Select(k => new object[] { k });

    /// <summary>RecursionError, also where CPython 3.11's parser gives up first with a bare MemoryError (right-nested
    /// forms past about 2,980 levels), with the place where the nesting passes the limit.</summary>
    [Theory]
    [MemberData(nameof(FarBeyondNames))]
    public void FarBeyondTheLimitIsARecursionError(string what)
    {
        var path = Write(what.Replace(",", ""), "def g(x):\n    return x\n" + Function(FarBeyond[what]));
        var expected = Corpus.RunCPython(path);
        Assert.Equal(1, expected.ExitCode);
        Assert.Contains(expected.LastStderrLine, new[] { "RecursionError: " + CompileDepth.Message, "MemoryError" });
        var error = Assert.Throws<CompileError>(() => SharpJitEngine.FromFile(path).Run());
        Assert.Equal(ErrorKind.RecursionError, error.Kind);
        Assert.Equal("RecursionError: " + CompileDepth.Message, Corpus.LastLine(error.Diagnostic.Render()));
        Assert.Equal(4, error.Diagnostic.Position.Line);
    }

    /// <summary>A thread with a 1 MB stack compiles what the main thread compiles: compilation moves to a thread of its
    /// own when the caller's stack is short (here, the binder alone would need about 3 MB).</summary>
    [Fact]
    public void AOneMegabyteThreadCompilesTheDeepestNesting()
    {
        var outcomes = new List<Corpus.Outcome>();
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                foreach (var shape in new[] { "sum", "elif chain", "conditional expressions" })
                    outcomes.Add(Run(Write($"thread_{shape}", Shapes[shape].Source(Shapes[shape].Deepest))));
            }
            catch (Exception e) { failure = e; }
        }, 1 << 20);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        Assert.Equal(new[] { "2998\n", "1\n", "1\n" }, outcomes.Select(o => o.Stdout));
    }

    /// <summary>Flat code with long chains of blocks (the SSA construction recursed once per block), compiled from a
    /// thread with a 256 KB stack.</summary>
    [Theory]
    [InlineData("if_statements", 2000)]
    [InlineData("while_loops", 2000)]
    [InlineData("and_terms", 2000)]
    public void LongChainsOfBlocksCompileOnASmallStack(string what, int n)
    {
        string source = what switch
        {
            "if_statements" => "def f(a):\n    x = 0\n" + string.Concat(Enumerable.Repeat("    if a > 100:\n        a -= 1\n", n)) + "    return a + x\nprint(f(1))\n",
            "while_loops" => "def f(a):\n    x = 0\n" + string.Concat(Enumerable.Repeat("    while a > 100:\n        a -= 1\n", n)) + "    return a + x\nprint(f(1))\n",
            _ => "def f(a):\n    x = 2\n    return " + string.Join(" and ", Enumerable.Repeat("a", n)) + " and x\nprint(f(1))\n",
        };
        var path = Write(what, source);
        Corpus.Outcome? actual = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { actual = Run(path); }
            catch (Exception e) { failure = e; }
        }, 256 << 10);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        Assert.Equal(Corpus.RunCPython(path).Stdout, actual!.Stdout);
    }

    private static Corpus.Outcome Run(string path)
    {
        try { return Corpus.RunSharpJit(path); }
        catch (CompileError e) { return new Corpus.Outcome("", 1, Corpus.LastLine(e.Diagnostic.Render())); }
    }

    private static string Write(string name, string source)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sharpjit-deep-nesting");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name.Replace(' ', '_') + ".py");
        File.WriteAllText(path, source);
        return path;
    }
}
