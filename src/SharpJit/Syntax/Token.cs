using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

/// <summary>Token kinds; names follow CPython's <c>token</c> module (operators get one kind each, like its exact types).</summary>
public enum TokenKind
{
    EndMarker, Name, Number, String, Newline, Indent, Dedent,
    /// <summary>Start of an f-string: prefix and opening quote(s), e.g. <c>f"</c> or <c>rf'''</c>.</summary>
    FStringStart,
    /// <summary>Literal text of an f-string (raw source text, escapes and <c>{{</c>/<c>}}</c> not yet decoded).</summary>
    FStringMiddle,
    /// <summary>Closing quote(s) of an f-string.</summary>
    FStringEnd,
    Lpar, Rpar, Lsqb, Rsqb, Colon, Comma, Semi, Plus, Minus, Star, Slash, Vbar, Amper, Less, Greater, Equal, Dot,
    Percent, Lbrace, Rbrace, EqEqual, NotEqual, LessEqual, GreaterEqual, Tilde, Circumflex, LeftShift, RightShift,
    DoubleStar, PlusEqual, MinEqual, StarEqual, SlashEqual, PercentEqual, AmperEqual, VbarEqual, CircumflexEqual,
    LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At, AtEqual, Rarrow, Ellipsis,
    ColonEqual, Exclamation,
    /// <summary>A character that is no token of Python (<c>$</c>, <c>?</c>, a backquote); the parser reports it as invalid syntax.</summary>
    ErrorToken,
    /// <summary>Comment (only with <c>includeTrivia</c>).</summary>
    Comment,
    /// <summary>Non-logical newline: blank line or newline inside brackets (only with <c>includeTrivia</c>).</summary>
    NL,
}

/// <summary>One token. <see cref="Line"/> is 1-based, <see cref="Column"/> 0-based in characters (CPython tokenize's convention).</summary>
public readonly record struct Token(TokenKind Kind, string Text, Span Span)
{
    public int Line { get; init; }
    public int Column { get; init; }
    public int EndLine { get; init; }
    public int EndColumn { get; init; }

    public bool IsName(string text) => Kind == TokenKind.Name && Text == text;

    public override string ToString() => $"{Line}:{Column}-{EndLine}:{EndColumn} {Tokenizer.KindName(Kind)} {Tokenizer.Quote(Text)}";
}
