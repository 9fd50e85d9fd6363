using SharpJit.Diagnostics;
using SharpJit.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace SharpJit.Tests.Syntax;

public class TokenizerTests
{
    private static List<Token> Tok(string text) => Tokenizer.Tokenize(new SourceText("<t>", text));

    private static string Kinds(string text) => string.Join(" ", Tok(text).Select(t => Tokenizer.KindName(t.Kind)));

    [Fact]
    public void SimpleStatement()
    {
        var toks = Tok("x = 1\n");
        Assert.Equal("NAME EQUAL NUMBER NEWLINE ENDMARKER", string.Join(" ", toks.Select(t => Tokenizer.KindName(t.Kind))));
        Assert.Equal(("x", 1, 0, 1, 1), (toks[0].Text, toks[0].Line, toks[0].Column, toks[0].EndLine, toks[0].EndColumn));
        Assert.Equal((1, 4), (toks[2].Line, toks[2].Column));
    }

    [Fact]
    public void IndentAndDedent()
    {
        Assert.Equal("NAME NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER",
            Kinds("if x:\n    pass\n\n# c\ny\n"));
        Assert.Equal("NAME COLON NEWLINE INDENT NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT DEDENT ENDMARKER",
            Kinds("a:\n\tb:\n\t\tc"));
    }

    [Fact]
    public void ImplicitAndExplicitLineJoining()
    {
        Assert.Equal("NAME EQUAL LPAR NUMBER COMMA NUMBER RPAR NEWLINE ENDMARKER", Kinds("x = (1,\n\n   2)\n"));
        Assert.Equal("NAME EQUAL NUMBER PLUS NUMBER NEWLINE ENDMARKER", Kinds("x = 1 + \\\n  2\n"));
    }

    [Fact]
    public void Operators()
    {
        Assert.Equal("DOUBLESTAREQUAL DOUBLESLASHEQUAL RIGHTSHIFTEQUAL LEFTSHIFTEQUAL RARROW COLONEQUAL ELLIPSIS NOTEQUAL ATEQUAL DOUBLESTAR DOUBLESLASH DOT NEWLINE ENDMARKER",
            Kinds("**= //= >>= <<= -> := ... != @= ** // ."));
    }

    [Theory]
    [InlineData("0x_1F", "0x_1F")]
    [InlineData("1_000.5e-3j", "1_000.5e-3j")]
    [InlineData(".5", ".5")]
    [InlineData("1.", "1.")]
    [InlineData("0o777", "0o777")]
    [InlineData("0b1_0", "0b1_0")]
    [InlineData("00", "00")]
    [InlineData("0777.5", "0777.5")]
    public void NumberTokens(string text, string expected)
    {
        var toks = Tok(text);
        Assert.Equal(TokenKind.Number, toks[0].Kind);
        Assert.Equal(expected, toks[0].Text);
    }

    [Fact]
    public void NumberFollowedByKeyword()
    {
        // "1if x else 2" is valid (with a deprecation warning in CPython)
        Assert.Equal("NUMBER NAME NAME NAME NUMBER NEWLINE ENDMARKER", Kinds("1if x else 2"));
    }

    [Theory]
    [InlineData("'a'")]
    [InlineData("\"a\"")]
    [InlineData("'''a\n'b'\n'''")]
    [InlineData("r'\\''")]
    [InlineData("Rb'x'")]
    [InlineData("U'x'")]
    [InlineData("'a\\\nb'")]
    public void StringTokens(string text)
    {
        var toks = Tok(text);
        Assert.Equal(TokenKind.String, toks[0].Kind);
        Assert.Equal(text, toks[0].Text);
    }

    [Fact]
    public void FStringTokens()
    {
        var toks = Tok("f'a{x!r:>{w}}b{{c}}'");
        Assert.Equal("FSTRING_START FSTRING_MIDDLE LBRACE NAME EXCLAMATION NAME COLON FSTRING_MIDDLE LBRACE NAME RBRACE RBRACE FSTRING_MIDDLE FSTRING_END NEWLINE ENDMARKER",
            string.Join(" ", toks.Select(t => Tokenizer.KindName(t.Kind))));
        Assert.Equal("b{{c}}", toks[12].Text);
    }

    [Fact]
    public void FStringWithNestedSameQuotes()
    {
        // PEP 701 (3.12): the same quote may be reused inside a replacement field
        Assert.Equal("FSTRING_START LBRACE STRING RBRACE FSTRING_END NEWLINE ENDMARKER", Kinds("f\"{\"x\"}\""));
    }

    [Fact]
    public void UnicodeIdentifiers()
    {
        // (NFKC normalization of identifiers needs ICU; with InvariantGlobalization it is the identity)
        Assert.Equal("π", Tok("π = 1")[0].Text);
        Assert.Equal("naïve_变量", Tok("naïve_变量")[0].Text);
        Assert.Equal(TokenKind.Name, Tok("_x1")[0].Kind);
    }

    [Fact]
    public void TriviaOnRequest()
    {
        var toks = Tokenizer.Tokenize(new SourceText("<t>", "# c\nx = (1, # d\n 2)\n"), includeTrivia: true);
        Assert.Equal("COMMENT NL NAME EQUAL LPAR NUMBER COMMA COMMENT NL NUMBER RPAR NEWLINE ENDMARKER",
            string.Join(" ", toks.Select(t => Tokenizer.KindName(t.Kind))));
    }

    [Fact]
    public void CrLfAndBom()
    {
        var toks = Tok("\uFEFFx = 1\r\nif x:\r\n    y\r\n");
        Assert.Equal("NAME EQUAL NUMBER NEWLINE NAME NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER",
            string.Join(" ", toks.Select(t => Tokenizer.KindName(t.Kind))));
        Assert.Equal((3, 4), (toks[9].Line, toks[9].Column));
    }

    [Fact]
    public void DumpHasOneLinePerTokenWithPositions()
    {
        string dump = Tokenizer.Dump(Tok("x = 'a'\n"));
        var lines = dump.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("1:0-1:1", lines[0]);
        Assert.Contains("NAME", lines[0]);
        Assert.Contains("'x'", lines[0]);
        Assert.Contains("STRING", lines[2]);
        Assert.Contains("\"'a'\"", lines[2]);
    }
}
