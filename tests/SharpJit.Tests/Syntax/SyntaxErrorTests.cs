using SharpJit.Diagnostics;
using SharpJit.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace SharpJit.Tests.Syntax;

/// <summary>
/// Invalid programs: message, line and column as CPython reports them. The expectations were taken from
/// CPython 3.11 (<c>ast.parse</c>: SyntaxError.msg, .lineno, .offset; offset is a 1-based column).
/// </summary>
public class SyntaxErrorTests
{
    [Theory]
        [InlineData("f() = 1", 1, 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?")]
        [InlineData("(", 1, 1, "'(' was never closed")]
        [InlineData("print(\"hello\"\n\nx = 1\n", 1, 6, "'(' was never closed")]
        [InlineData("if x\n  pass\n", 1, 5, "expected ':'")]
        [InlineData("1 +\n", 1, 4, "invalid syntax")]
        [InlineData("x = )\n", 1, 5, "unmatched ')'")]
        [InlineData("def f(:\n  pass\n", 1, 7, "invalid syntax")]
        [InlineData("else:\n  pass\n", 1, 1, "invalid syntax")]
        [InlineData("if x:\npass\n", 2, 1, "expected an indented block after 'if' statement on line 1")]
        [InlineData("if x:\n    a\n  b\n", 3, 4, "unindent does not match any outer indentation level")]
        [InlineData("s = \"abc\n", 1, 5, "unterminated string literal (detected at line 1)")]
        [InlineData("f(a b)\n", 1, 3, "invalid syntax. Perhaps you forgot a comma?")]
        [InlineData("x = [1, 2\ny = 3\n", 1, 5, "'[' was never closed")]
        [InlineData("a, b += 1\n", 1, 1, "'tuple' is an illegal expression for augmented assignment")]
        [InlineData("x = 1 if y\n", 1, 5, "expected 'else' after 'if' expression")]
        [InlineData("for x in range(3)\n    pass\n", 1, 18, "expected ':'")]
        [InlineData(" x = 1\n", 1, 1, "unexpected indent")]
        [InlineData("x = (1,\n2]\n", 2, 2, "closing parenthesis ']' does not match opening parenthesis '(' on line 1")]
        [InlineData("f(**a, *b)\n", 1, 3, "iterable argument unpacking follows keyword argument unpacking")]
        [InlineData("def f(a=1, b):\n  pass\n", 1, 12, "non-default argument follows default argument")]
        [InlineData("x = 1e\n", 1, 5, "invalid decimal literal")]
        [InlineData("x = 0777\n", 1, 5, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")]
        [InlineData("x = '''abc\n\n", 1, 5, "unterminated triple-quoted string literal (detected at line 2)")]
        [InlineData("class A\n  pass\n", 1, 8, "expected ':'")]
        [InlineData("while True print(1)\n", 1, 12, "invalid syntax")]
        [InlineData("del f()\n", 1, 5, "cannot delete function call")]
        [InlineData("import a.b as\n", 1, 14, "invalid syntax")]
        [InlineData("return 1 1\n", 1, 10, "invalid syntax")]
        [InlineData("x = 5 = 6\n", 1, 5, "cannot assign to literal")]
        [InlineData("f(x for x in y, 1)\n", 1, 3, "Generator expression must be parenthesized")]
        [InlineData("@\ndef f(): pass\n", 1, 2, "invalid syntax")]
        [InlineData("a $ b\n", 1, 3, "invalid syntax")]
        [InlineData("if x = 3:\n  pass\n", 1, 4, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")]
        [InlineData("try:\n  pass\n", 2, 7, "expected 'except' or 'finally' block")]
        [InlineData("x: int, y: int = 1\n", 1, 7, "invalid syntax")]
        [InlineData("True = 1\n", 1, 1, "cannot assign to True")]
        [InlineData("f(a=1, b)\n", 1, 9, "positional argument follows keyword argument")]
        [InlineData("x = \\ 1\n", 1, 6, "unexpected character after line continuation character")]
        [InlineData("for f() in x: pass\n", 1, 5, "cannot assign to function call")]
        [InlineData("if x:\n    a\n  bcd = 1\n", 3, 10, "unindent does not match any outer indentation level")]
        [InlineData("if x:\n    a\n  b", 3, 4, "unindent does not match any outer indentation level")]
        [InlineData("if x:\n  a\n      b\n", 3, 6, "unexpected indent")]
        [InlineData("if x:\n\ta\n        b\n", 3, 1, "inconsistent use of tabs and spaces in indentation")]
        [InlineData("s = b\"abc\n", 1, 5, "unterminated string literal (detected at line 1)")]
        [InlineData("x = rb\"\"\"abc", 1, 5, "unterminated triple-quoted string literal (detected at line 1)")]
        [InlineData("x = \\", 1, 6, "unexpected EOF while parsing")]
        [InlineData("  # c\nx\n   y\n", 3, 3, "unexpected indent")]
        [InlineData("x = 1\\\n  + 2 (\n", 2, 7, "'(' was never closed")]
        [InlineData("x = 3 $ 4 = (", 1, 7, "invalid syntax")]
        [InlineData("a = 1; (b", 1, 8, "'(' was never closed")]
        [InlineData("x = 1_000_\n", 1, 10, "invalid decimal literal")]
        [InlineData("x = 0x\n", 1, 6, "invalid hexadecimal literal")]
        [InlineData("x = 1.e5j; y = 0_0; z=0b12\n", 1, 26, "invalid digit '2' in binary literal")]
        [InlineData("x = 1abc\n", 1, 5, "invalid decimal literal")]
        [InlineData("match x:\n  case 1:\n    pass\n  case\n", 4, 7, "invalid syntax")]
        [InlineData("class A:\n  def f(self):\n  pass\n", 3, 3, "expected an indented block after function definition on line 2")]
        [InlineData("for x in y z\n", 1, 12, "invalid syntax")]
        [InlineData("def f() x\n", 1, 9, "expected ':'")]
        [InlineData("def f x\n", 1, 7, "expected '('")]
        [InlineData("while x\n", 1, 8, "expected ':'")]
        [InlineData("with a as b\n  pass\n", 1, 12, "expected ':'")]
        [InlineData("try x\n", 1, 5, "expected ':'")]
        [InlineData("try:\n  a\nfinally x\n", 3, 9, "expected ':'")]
        [InlineData("try:\n  a\nexcept A, B:\n  pass\n", 3, 8, "multiple exception types must be parenthesized")]
        [InlineData("try:\n  a\nexcept\n  pass\n", 3, 7, "expected ':'")]
        [InlineData("if a:\n b\nelse x\n", 3, 6, "expected ':'")]
        [InlineData("class A(x) y:\n", 1, 12, "invalid syntax")]
        [InlineData("f(x.y=1)\n", 1, 3, "expression cannot contain assignment, perhaps you meant \"==\"?")]
        [InlineData("f(True=1)\n", 1, 3, "cannot assign to True")]
        [InlineData("print \"x\"\n", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?")]
        [InlineData("[x, y for x, y in z]\n", 1, 2, "did you forget parentheses around the comprehension target?")]
        [InlineData("def f(*):\n  pass\n", 1, 7, "named arguments must follow bare *")]
        [InlineData("def f(/, a):\n  pass\n", 1, 7, "at least one argument must precede /")]
        [InlineData("def f(a, /, b, /):\n  pass\n", 1, 16, "/ may appear only once")]
        [InlineData("def f(*a, /):\n  pass\n", 1, 11, "/ must be ahead of *")]
        [InlineData("def f(**k, a):\n  pass\n", 1, 12, "arguments cannot follow var-keyword argument")]
        [InlineData("def f(*a=1):\n  pass\n", 1, 9, "var-positional argument cannot have default value")]
        [InlineData("lambda x=1, y: x\n", 1, 13, "non-default argument follows default argument")]
        [InlineData("from x import a,\n", 1, 17, "trailing comma not allowed without surrounding parentheses")]
        [InlineData("x = yield = 1\n", 1, 5, "assignment to yield expression not possible")]
        [InlineData("(a, f()) = 1\n", 1, 5, "cannot assign to function call")]
        [InlineData("a < b = 1\n", 1, 1, "cannot assign to comparison")]
        [InlineData("x := 1\n", 1, 3, "invalid syntax")]
        [InlineData("(a.b := 1)\n", 1, 2, "cannot use assignment expressions with attribute")]
        [InlineData("match x\n    case 1: pass\n", 1, 8, "expected ':'")]
        [InlineData("if x:\n", 1, 6, "expected an indented block after 'if' statement on line 1")]
        [InlineData("f(**a, b)", 1, 9, "positional argument follows keyword argument unpacking")]
        [InlineData("x = 1 +", 1, 8, "invalid syntax")]
        [InlineData("x = [1, 2 3]", 1, 9, "invalid syntax. Perhaps you forgot a comma?")]
        [InlineData("foo(x, y z)", 1, 8, "invalid syntax. Perhaps you forgot a comma?")]
        [InlineData("match x:\n  case 1 2:\n    pass\n", 2, 10, "invalid syntax")]
        [InlineData("a = 1\nb = 2 +\nc = (", 2, 8, "invalid syntax")]
        [InlineData("x = (1 2", 1, 5, "'(' was never closed")]
        [InlineData("import a.b as c.d", 1, 16, "invalid syntax")]
        [InlineData("def f():\n  return\n x = 1\n", 3, 7, "unindent does not match any outer indentation level")]
        [InlineData("x = {1: 2, 3}\n", 1, 12, "':' expected after dictionary key")]
        [InlineData("x = {1: 2, 3: }\n", 1, 13, "expression expected after dictionary key and ':'")]
        [InlineData("f(a, b for b in c)\n", 1, 6, "Generator expression must be parenthesized")]
        [InlineData("[*a for a in b]\n", 1, 2, "iterable unpacking cannot be used in comprehension")]
        [InlineData("x = not\n", 1, 8, "invalid syntax")]
        [InlineData("a.1\n", 1, 2, "invalid syntax")]
        [InlineData("x = 'abc' 'def\n", 1, 11, "unterminated string literal (detected at line 1)")]
        [InlineData("x = \"\"\"\n\n", 1, 5, "unterminated triple-quoted string literal (detected at line 2)")]
        [InlineData("def f(a, *, **k): pass\n", 1, 10, "named arguments must follow bare *")]
        [InlineData("class C(x for x in y): pass\n", 1, 11, "invalid syntax")]
        [InlineData("x = [\n  1,\n  2\n  3\n]\n", 3, 3, "invalid syntax. Perhaps you forgot a comma?")]
        [InlineData("with open(x) as f(): pass\n", 1, 17, "cannot assign to function call")]
        [InlineData("del a + 1\n", 1, 5, "cannot delete expression")]
        [InlineData("del *a\n", 1, 5, "cannot delete starred")]
        [InlineData("for x + 1 in y: pass\n", 1, 5, "cannot assign to expression")]
        [InlineData("x + 1 += 2\n", 1, 1, "'expression' is an illegal expression for augmented assignment")]
        [InlineData("[a, b] : int = 1\n", 1, 1, "only single target (not list) can be annotated")]
        [InlineData("a + 1: int\n", 1, 1, "illegal target for annotation")]
        [InlineData("lambda: yield\n", 1, 9, "invalid syntax")]
        [InlineData("x = (yield) = 1\n", 1, 6, "cannot assign to yield expression")]
        [InlineData("a = b = c + 1 = 2\n", 1, 9, "cannot assign to expression")]
        [InlineData("elif x: pass\n", 1, 1, "invalid syntax")]
        [InlineData("def f(x):\n\treturn x\n        \tpass\n", 3, 9, "unexpected indent")]
        [InlineData("if True:\n        x = 1\n\ty = 2\n", 3, 1, "inconsistent use of tabs and spaces in indentation")]
        [InlineData("x = 08\n", 1, 5, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")]
        [InlineData("x = 0b\n", 1, 6, "invalid binary literal")]
        [InlineData("x = 0o8\n", 1, 7, "invalid digit '8' in octal literal")]
        [InlineData("x = 1__0\n", 1, 6, "invalid decimal literal")]
        [InlineData("x = 1.5e+\n", 1, 9, "invalid decimal literal")]
        [InlineData("x = 5 if 6\n", 1, 5, "expected 'else' after 'if' expression")]
        [InlineData("async x = 1\n", 1, 7, "invalid syntax")]
        [InlineData("import\n", 1, 7, "invalid syntax")]
        [InlineData("from . import\n", 1, 14, "invalid syntax")]
        [InlineData("from x import (a, b\n", 1, 15, "'(' was never closed")]
        [InlineData("try:\n  pass\nexcept* :\n  pass\n", 3, 9, "expected one or more exception types")]
        [InlineData("try:\n  pass\nexcept A:\n  pass\nexcept* B:\n  pass\n", 5, 1, "cannot have both 'except' and 'except*' on the same 'try'")]
        [InlineData("global x y\n", 1, 10, "invalid syntax")]
        [InlineData("x = [1,\n\n\n", 1, 5, "'[' was never closed")]
        [InlineData("x = (\n  1 +\n  2\n", 1, 5, "'(' was never closed")]
        [InlineData("x = 'a\\\nb\n", 1, 5, "unterminated string literal (detected at line 2)")]
        [InlineData("continue = 1\n", 1, 10, "invalid syntax")]
        [InlineData("def f(a, b=1, /, c): pass\n", 1, 18, "non-default argument follows default argument")]
        [InlineData("None += 1\n", 1, 1, "'None' is an illegal expression for augmented assignment")]
        [InlineData("f() += 1\n", 1, 1, "'function call' is an illegal expression for augmented assignment")]
        [InlineData("x = 1 = 2\n", 1, 5, "cannot assign to literal")]
        [InlineData("@foo bar\ndef f(): pass\n", 1, 6, "invalid syntax")]
        [InlineData("x = y ==\n", 1, 9, "invalid syntax")]
        [InlineData("a = b c\n", 1, 7, "invalid syntax")]
        [InlineData("a = yield from\n", 1, 15, "invalid syntax")]
        [InlineData("raise from x\n", 1, 7, "invalid syntax")]
        [InlineData("assert\n", 1, 7, "invalid syntax")]
        [InlineData("pass pass\n", 1, 6, "invalid syntax")]
        [InlineData("x = 1; ; y = 2\n", 1, 8, "invalid syntax")]
        [InlineData("\tx = 1\n", 1, 1, "unexpected indent")]
        [InlineData("x = 1\n  y = 2\n", 2, 2, "unexpected indent")]
        [InlineData("a, f() = 1", 1, 4, "cannot assign to function call here. Maybe you meant '==' instead of '='?")]
        [InlineData("x = f() = 1", 1, 5, "cannot assign to function call")]
        [InlineData("(f()) = 1", 1, 2, "cannot assign to function call here. Maybe you meant '==' instead of '='?")]
        [InlineData("f() = 1 = 2", 1, 1, "cannot assign to function call")]
        [InlineData("a, 1 = 2", 1, 4, "cannot assign to literal here. Maybe you meant '==' instead of '='?")]
        [InlineData("x, = f() = 1", 1, 6, "cannot assign to function call")]
        [InlineData("[f()] = 1", 1, 2, "cannot assign to function call")]
        [InlineData("a + 1 = 2", 1, 1, "cannot assign to expression here. Maybe you meant '==' instead of '='?")]
        [InlineData("-a = 1", 1, 1, "cannot assign to expression here. Maybe you meant '==' instead of '='?")]
        [InlineData("a.b, (c + 1) = 2", 1, 7, "cannot assign to expression here. Maybe you meant '==' instead of '='?")]
        [InlineData("f(), a = 1", 1, 6, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")]
        [InlineData("with a as b c:\n  pass", 1, 13, "invalid syntax")]
        [InlineData("with a as f() :\n  pass", 1, 11, "cannot assign to function call")]
        [InlineData("with (a as b\n  pass", 1, 6, "'(' was never closed")]
        [InlineData("class C(x for x in y, z): pass", 1, 9, "Generator expression must be parenthesized")]
        [InlineData("{1:}", 1, 3, "expression expected after dictionary key and ':'")]
        [InlineData("{**a, 1:}", 1, 8, "expression expected after dictionary key and ':'")]
        [InlineData("x = {1: 2, **b, 3:}", 1, 18, "expression expected after dictionary key and ':'")]
        [InlineData("f(a, b=1, c)", 1, 12, "positional argument follows keyword argument")]
        [InlineData("f(*a, b=1, c, d)", 1, 16, "positional argument follows keyword argument")]

    public void ReportsErrorLikeCPython(string source, int line, int column, string message)
    {
        var error = Assert.Throws<CompileError>(() => PythonParser.Parse(new SourceText("<test>", source)));
        Assert.Equal(KindOf(message), error.Kind);
        var (l, c) = error.Diagnostic.Position;
        Assert.Equal((line, column, message), (l, c, error.Diagnostic.Message));
    }

    /// <summary>CPython's class for a message: indentation problems are IndentationError (TabError for tabs).</summary>
    private static ErrorKind KindOf(string message) =>
        message.StartsWith("inconsistent use of tabs") ? ErrorKind.TabError
        : message.StartsWith("unexpected indent") || message.StartsWith("unindent does not match") ||
          message.StartsWith("expected an indented block") || message == "too many levels of indentation" ? ErrorKind.IndentationError
        : ErrorKind.SyntaxError;

    /// <summary>Errors of CPython's symbol table and tokenizer limits (issue 12, item 9); expectations from CPython 3.11.</summary>
    [Theory]
    [InlineData("def f(x, x):\n    return x\n", 1, 10, "duplicate argument 'x' in function definition")]
    [InlineData("lambda x, x: 0\n", 1, 11, "duplicate argument 'x' in function definition")]
    [InlineData("def f(a, *, a): pass\n", 1, 13, "duplicate argument 'a' in function definition")]
    [InlineData("def f(a, **a): pass\n", 1, 12, "duplicate argument 'a' in function definition")]
    [InlineData("def f(a, /, b, *a): pass\n", 1, 17, "duplicate argument 'a' in function definition")]
    [InlineData("def g():\n    def f(p, q=1, *r, p): pass\n", 2, 23, "duplicate argument 'p' in function definition")]
    [InlineData("def f(x, x, y, y): pass\n", 1, 10, "duplicate argument 'x' in function definition")]
    [InlineData("def f(x, x):\n    return (\n", 2, 12, "'(' was never closed")]   // parse errors come first
    [InlineData("if 1:\n\tx\n        y\n", 3, 1, "inconsistent use of tabs and spaces in indentation")]
    public void SymbolTableErrorsLikeCPython(string source, int line, int column, string message) =>
        ReportsErrorLikeCPython(source, line, column, message);

    [Fact]
    public void HundredNestedBlocksAreTooManyLevelsOfIndentation()
    {
        string Nested(int depth) =>
            string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 4 * i) + "if True:\n")) + new string(' ', 4 * depth) + "pass\n";
        PythonParser.Parse(new SourceText("<test>", Nested(99)));   // CPython's limit is 100 levels, the module's included
        ReportsErrorLikeCPython(Nested(100), 101, 1, "too many levels of indentation");
    }

    [Fact]
    public void IdentifiersAreNfkcNormalised()
    {
        var m = PythonParser.Parse(new SourceText("<test>", "\ufb01 = 1\nprint(fi, \u210cx, \u00c5, A\u030a, \ufb03\u0301)\n"));
        var names = new List<string>();
        void Walk(Node n) { if (n is Name nm) names.Add(nm.Id); foreach (var c in n.Children()) if (c != null) Walk(c); }
        Walk(m);
        // ﬁ → fi; ℌ → H; Å (U+00C5) stays; A + combining ring composes to U+00C5; ﬃ + acute → ffí
        Assert.Equal(new[] { "fi", "print", "fi", "Hx", "\u00c5", "\u00c5", "ff\u00ed" }, names);
    }

    [Fact]
    public void NonUtf8SourceWithoutCodingLineIsRejected()
    {
        var e = Assert.Throws<CompileError>(() => SourceDecoder.Decode("/p/x.py", [.. "x = 1\ny = '"u8, 0xE9, .. "'\n"u8]));
        Assert.Equal("Non-UTF-8 code starting with '\\xe9' in file /p/x.py on line 2, but no encoding declared; " +
                     "see https://peps.python.org/pep-0263/ for details", e.Diagnostic.Message);
        Assert.Equal("SyntaxError: " + e.Diagnostic.Message, e.Diagnostic.Render());
        var latin = SourceDecoder.Decode("/p/y.py", [.. "# coding: latin-1\nx = '"u8, 0xE9, .. "'\n"u8]);
        Assert.Equal("# coding: latin-1\nx = '\u00e9'\n", latin.Text);
        var bom = SourceDecoder.Decode("/p/z.py", new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\n' });
        Assert.Equal("x\n", bom.Text);
    }

    /// <summary>3.12-only behaviour (CPython 3.11 reports these differently).</summary>
    [Theory]
    [InlineData("f'{a!x}'\n", 1, 6, "f-string: invalid conversion character 'x': expected 's', 'r', or 'a'")]
    [InlineData("print(f\"{x\")\n", 1, 11, "f-string: expecting '}'")]
    [InlineData("f'{}'\n", 1, 4, "f-string: valid expression required before '}'")]
    [InlineData("f'a}'\n", 1, 4, "f-string: single '}' is not allowed")]
    [InlineData("f'abc\n", 1, 1, "unterminated f-string literal (detected at line 1)")]
    [InlineData("type X[T: int, *Ts: int] = 1\n", 1, 19, "cannot use bound with TypeVarTuple")]
    [InlineData("def f[](): pass\n", 1, 7, "Type parameter list cannot be empty")]
    [InlineData("x = b'a' 'b'\n", 1, 13, "cannot mix bytes and nonbytes literals")]
    [InlineData("x = b'é'\n", 1, 9, "bytes can only contain ASCII literal characters")]
    [InlineData("x = '\\x4'\n", 1, 10, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape")]
    public void Reports312Errors(string source, int line, int column, string message)
    {
        var error = Assert.Throws<CompileError>(() => PythonParser.Parse(new SourceText("<test>", source)));
        var (l, c) = error.Diagnostic.Position;
        Assert.Equal((line, column, message), (l, c, error.Diagnostic.Message));
    }

    [Fact]
    public void TokenizerErrorLaterInFileWinsOverParserError()
    {
        // CPython tokenizes the rest of the file after a parser error; tokenizer errors take priority
        var error = Assert.Throws<CompileError>(() => PythonParser.Parse(new SourceText("<t>", "x = = 1\ny = 'abc\n")));
        Assert.Equal("unterminated string literal (detected at line 2)", error.Diagnostic.Message);
        Assert.Equal((2, 5), error.Diagnostic.Position);
    }

    [Fact]
    public void ErrorRendersWithCaret()
    {
        var error = Assert.Throws<CompileError>(() => PythonParser.Parse(new SourceText("m.py", "x = (1,\n2]\n")));
        string text = error.Diagnostic.Render();
        Assert.Contains("File \"m.py\", line 2, column 2", text);
        Assert.Contains("SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1", text);
    }

    [Fact]
    public void TokenizeThrowsOnBadInput()
    {
        var error = Assert.Throws<CompileError>(() => Tokenizer.Tokenize(new SourceText("<t>", "x = 0b2\n")));
        Assert.Equal("invalid digit '2' in binary literal", error.Diagnostic.Message);
    }
}
