using System.Globalization;
using System.Text;
using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

/// <summary>How a tokenizer error interacts with a parser error found earlier in the file (CPython's rules).</summary>
internal enum TokenizerErrorClass
{
    None,
    /// <summary>Raised as an exception by CPython's tokenizer: wins over any parser error.</summary>
    Hard,
    /// <summary>Reported only when the parser reaches it (bad dedent, tab/space mix, stray character after a backslash).</summary>
    Soft,
    /// <summary>End of file inside brackets: "'(' was never closed".</summary>
    UnclosedAtEof,
}

internal sealed class TokenizeResult
{
    public required List<Token> Tokens;
    public CompileError? Error;
    public TokenizerErrorClass ErrorClass;
    /// <summary>For <see cref="TokenizerErrorClass.UnclosedAtEof"/>: the line of the innermost unclosed bracket.</summary>
    public int UnclosedLine;
}

/// <summary>Python 3.12 tokenizer (CPython's C tokenizer semantics, f-strings tokenized as in PEP 701).</summary>
public static class Tokenizer
{
    /// <summary>Tokens the parser consumes (no comments, no NL). Throws <see cref="CompileError"/> on the first tokenizer error.</summary>
    public static List<Token> Tokenize(SourceText source) => Tokenize(source, includeTrivia: false);

    /// <summary>As <see cref="Tokenize(SourceText)"/>; with <paramref name="includeTrivia"/> also COMMENT and NL tokens.</summary>
    public static List<Token> Tokenize(SourceText source, bool includeTrivia)
    {
        var r = Run(source, includeTrivia);
        if (r.Error != null) throw r.Error;
        return r.Tokens;
    }

    /// <param name="start">Where to begin (the start of a line; a region of a larger file): spans stay offsets into
    /// the whole text, so reports show the file's own lines.</param>
    /// <param name="end">Where the input ends (default: the end of the text).</param>
    internal static TokenizeResult Run(SourceText source, bool includeTrivia = false, int start = 0, int end = -1)
    {
        var t = new TokenizerImpl(source, includeTrivia, start, end < 0 ? source.Text.Length : end);
        t.Run();
        var tokens = t.Tokens;
        AssignLineColumns(source, tokens);
        return new TokenizeResult { Tokens = tokens, Error = t.Error, ErrorClass = t.ErrorClass, UnclosedLine = t.UnclosedLine };
    }

    private static void AssignLineColumns(SourceText source, List<Token> tokens)
    {
        var starts = source.LineStarts;   // the text's own line table: a region of a file does not scan the whole file
        int li = 0;
        if (tokens.Count > 0)
        {
            li = starts.BinarySearch(tokens[0].Span.Start);
            if (li < 0) li = ~li - 1;
        }
        for (int k = 0; k < tokens.Count; k++)
        {
            var tok = tokens[k];
            int s = tok.Span.Start, e = tok.Span.End;
            while (li + 1 < starts.Length && starts[li + 1] <= s) li++;
            while (li > 0 && starts[li] > s) li--;
            int le = li;
            if (e > s) while (le + 1 < starts.Length && starts[le + 1] < e) le++;
            tokens[k] = tok with
            {
                Line = li + 1 + source.LineOffset,
                Column = s - starts[li],
                EndLine = le + 1 + source.LineOffset,
                EndColumn = e - starts[le],
            };
        }
    }

    /// <summary>One token per line: <c>line:col-endline:endcol KIND 'text'</c>.</summary>
    public static string Dump(IEnumerable<Token> tokens)
    {
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            string pos = $"{t.Line}:{t.Column}-{t.EndLine}:{t.EndColumn}";
            sb.Append(pos.PadRight(16)).Append(KindName(t.Kind).PadRight(15)).Append(Quote(t.Text)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>CPython's name of a token kind (NAME, LPAR, FSTRING_START, ...).</summary>
    public static string KindName(TokenKind k) => k switch
    {
        TokenKind.FStringStart => "FSTRING_START",
        TokenKind.FStringMiddle => "FSTRING_MIDDLE",
        TokenKind.FStringEnd => "FSTRING_END",
        _ => k.ToString().ToUpperInvariant(),
    };

    /// <summary>Python's repr() of a token's text.</summary>
    public static string Quote(string s) => AstPrinter.StrRepr(s);

    /// <summary>The source spelling of an operator kind ("(", "**=", ...), or null.</summary>
    public static string? OperatorText(TokenKind k) => TokenizerImpl.OpText(k);

    internal static bool IsIdentifierStart(int c)
    {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
            || c == 0x2118 || c == 0x212E || c == 0x309B || c == 0x309C;
    }

    internal static bool IsIdentifierChar(int c)
    {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
        if (IsIdentifierStart(c)) return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation || c == 0xB7 || c == 0x387 || (c >= 0x1369 && c <= 0x1371) || c == 0x19DA;
    }
}

internal sealed class TokenizerImpl
{
    private readonly SourceText _src;
    private readonly string _text;
    private readonly int _n;
    private readonly bool _trivia;
    private int _pos;
    public readonly List<Token> Tokens = new();
    public CompileError? Error;
    public TokenizerErrorClass ErrorClass;
    public int UnclosedLine;

    private readonly List<int> _indents = new() { 0 };
    private readonly List<int> _altIndents = new() { 0 };
    private bool _atLineStart = true;
    /// <summary>Whether the current logical line has produced a token (so a NEWLINE is due at its end).</summary>
    private bool _lineHasTokens;
    /// <summary>Start of a comment on the current logical line (outside brackets), or -1.</summary>
    private int _commentStart = -1;

    private struct Bracket { public char Ch; public int Offset; }
    private readonly List<Bracket> _brackets = new();

    private sealed class FStringState
    {
        public char Quote;
        public bool Triple;
        public bool Raw;
        public int Start;
        /// <summary>Open replacement fields, innermost last: bracket depth right after its '{', and whether in its format spec.</summary>
        public readonly List<(int Depth, bool InSpec)> Fields = new();
    }
    private readonly List<FStringState> _fstrings = new();

    private sealed class TokenizeError : Exception { }

    public TokenizerImpl(SourceText src, bool trivia, int start, int end)
    {
        _src = src;
        _text = src.Text;
        _pos = start;
        _n = end;
        _trivia = trivia;
    }

    private char Cur => _pos < _n ? _text[_pos] : '\0';
    private char At(int i) => i < _n ? _text[i] : '\0';

    public void Run()
    {
        if (_pos == 0 && _n > 0 && _text[0] == '\uFEFF') _pos = 1;
        try
        {
            while (Step()) { }
        }
        catch (TokenizeError)
        {
        }
    }

    private void Add(TokenKind kind, string text, int start, int end)
    {
        Tokens.Add(new Token(kind, text, new Span(start, end)));
        if (kind != TokenKind.Comment && kind != TokenKind.NL) _lineHasTokens = true;
    }

    private int LineOf(int offset) => _src.LineColumn(offset).Line;

    private TokenizeError Fail(TokenizerErrorClass cls, string message, int start, int end, string? hint = null, ErrorKind kind = ErrorKind.SyntaxError)
    {
        Error = new CompileError(kind, message, _src, new Span(start, Math.Max(start, end)), hint);
        ErrorClass = cls;
        Tokens.Add(new Token(TokenKind.ErrorToken, "", new Span(start, Math.Max(start, end))));
        return new TokenizeError();
    }

    private TokenizeError Hard(string message, int start, int end = -1) => Fail(TokenizerErrorClass.Hard, message, start, end < 0 ? start + 1 : end);

    /// <summary>Line number CPython reports for "(detected at line N)" when the input ends.</summary>
    private int LastLine()
    {
        if (_n == 0) return 1 + _src.LineOffset;
        int off = _n;
        if (_text[_n - 1] == '\n' || _text[_n - 1] == '\r') off = _n - 1;
        return LineOf(off);
    }

    private bool InFStringLiteral(out FStringState fs)
    {
        if (_fstrings.Count > 0)
        {
            fs = _fstrings[^1];
            if (fs.Fields.Count == 0 || fs.Fields[^1].InSpec)
            {
                // in a format spec, we are in literal mode only while no brackets were opened after the ':'
                return true;
            }
        }
        fs = null!;
        return false;
    }

    private static bool IsNewline(char c) => c == '\n' || c == '\r';

    private int SkipNewline(int i)
    {
        if (i < _n && _text[i] == '\r') return i + 1 < _n && _text[i + 1] == '\n' ? i + 2 : i + 1;
        return i + 1;
    }

    /// <summary>Produces the next token(s); false at the end.</summary>
    private bool Step()
    {
        if (InFStringLiteral(out var fsl))
        {
            ScanFStringLiteral(fsl);
            return true;
        }

        if (_atLineStart && _brackets.Count == 0)
        {
            if (!HandleIndentation()) return true;
        }

        // skip whitespace
        while (_pos < _n)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\f') _pos++;
            else break;
        }

        if (_pos >= _n)
        {
            EndOfInput();
            return false;
        }

        char ch = _text[_pos];
        int start = _pos;

        if (ch == '#')
        {
            int e = _pos;
            while (e < _n && !IsNewline(_text[e])) e++;
            if (_trivia) Add(TokenKind.Comment, _text[_pos..e], _pos, e);
            if (_brackets.Count == 0) _commentStart = _pos;
            _pos = e;
            return true;
        }

        if (IsNewline(ch))
        {
            int e = SkipNewline(_pos);
            if (_brackets.Count > 0 || !_lineHasTokens)
            {
                if (_trivia) Add(TokenKind.NL, _text[_pos..e], _pos, e);
                _pos = e;
                if (_brackets.Count == 0) _atLineStart = true;
                return true;
            }
            // like CPython's C tokenizer, a NEWLINE after a comment starts where the comment starts
            int nlStart = _commentStart >= 0 ? _commentStart : _pos;
            _commentStart = -1;
            Add(TokenKind.Newline, _text[_pos..e], nlStart, e);
            _lineHasTokens = false;
            _pos = e;
            _atLineStart = true;
            return true;
        }

        if (ch == '\\')
        {
            int e = _pos + 1;
            if (e >= _n)
            {
                throw Fail(TokenizerErrorClass.Soft, "unexpected EOF while parsing", _n, _n);
            }
            if (!IsNewline(_text[e]))
            {
                throw Fail(TokenizerErrorClass.Soft, "unexpected character after line continuation character", _pos + 1, _pos + 1);
            }
            _pos = SkipNewline(e);
            if (_pos >= _n && _brackets.Count == 0)
            {
                throw Fail(TokenizerErrorClass.Soft, "unexpected EOF while parsing", e, e);
            }
            return true;
        }

        // identifiers and string prefixes
        int cp = CodePointAt(_pos, out int cpLen);
        if (Tokenizer.IsIdentifierStart(cp))
        {
            int e = _pos + cpLen;
            while (e < _n)
            {
                int c2 = CodePointAt(e, out int l2);
                if (!Tokenizer.IsIdentifierChar(c2)) break;
                e += l2;
            }
            if (e < _n && (_text[e] == '"' || _text[e] == '\'') && e - _pos <= 2 && IsStringPrefix(_pos, e, out bool isF, out bool isRaw))
            {
                if (isF) StartFString(_pos, e, isRaw);
                else ScanString(_pos, e, isRaw);
                return true;
            }
            string name = _text.Substring(_pos, e - _pos);
            if (cp >= 128 || name.Any(c => c >= 128)) name = UnicodeNfkc.Normalize(name);
            Add(TokenKind.Name, name, _pos, e);
            _pos = e;
            return true;
        }

        if (ch >= '0' && ch <= '9' || (ch == '.' && At(_pos + 1) >= '0' && At(_pos + 1) <= '9'))
        {
            ScanNumber();
            return true;
        }

        if (ch == '"' || ch == '\'')
        {
            ScanString(_pos, _pos, false);
            return true;
        }

        // f-string replacement field handling at the field's own bracket depth
        if (_fstrings.Count > 0)
        {
            var fs = _fstrings[^1];
            if (fs.Fields.Count > 0 && !fs.Fields[^1].InSpec && _brackets.Count == fs.Fields[^1].Depth)
            {
                if (ch == '}')
                {
                    Add(TokenKind.Rbrace, "}", _pos, _pos + 1);
                    _pos++;
                    _brackets.RemoveAt(_brackets.Count - 1);
                    fs.Fields.RemoveAt(fs.Fields.Count - 1);
                    return true;
                }
                if (ch == ':')
                {
                    Add(TokenKind.Colon, ":", _pos, _pos + 1);
                    _pos++;
                    fs.Fields[^1] = (fs.Fields[^1].Depth, true);
                    return true;
                }
                if (ch == '!' && At(_pos + 1) != '=')
                {
                    Add(TokenKind.Exclamation, "!", _pos, _pos + 1);
                    _pos++;
                    return true;
                }
            }
        }

        // operators
        var (kind, len) = MatchOperator(_pos);
        if (len > 0)
        {
            string text = OpText(kind)!;
            switch (kind)
            {
                case TokenKind.Lpar: case TokenKind.Lsqb: case TokenKind.Lbrace:
                    if (_brackets.Count >= 200) throw Hard("too many nested parentheses", _pos);
                    _brackets.Add(new Bracket { Ch = ch, Offset = _pos });
                    break;
                case TokenKind.Rpar: case TokenKind.Rsqb: case TokenKind.Rbrace:
                    if (_brackets.Count == 0)
                    {
                        throw Hard($"unmatched '{ch}'", _pos);
                    }
                    var open = _brackets[^1];
                    char expected = open.Ch == '(' ? ')' : open.Ch == '[' ? ']' : '}';
                    if (expected != ch)
                    {
                        int openLine = LineOf(open.Offset), closeLine = LineOf(_pos);
                        if (openLine != closeLine)
                            throw Hard($"closing parenthesis '{ch}' does not match opening parenthesis '{open.Ch}' on line {openLine}", _pos);
                        throw Hard($"closing parenthesis '{ch}' does not match opening parenthesis '{open.Ch}'", _pos);
                    }
                    _brackets.RemoveAt(_brackets.Count - 1);
                    break;
            }
            Add(kind, text, _pos, _pos + len);
            _pos += len;
            return true;
        }

        if (ch == '$' || ch == '?' || ch == '`')
        {
            Add(TokenKind.ErrorToken, ch.ToString(), _pos, _pos + 1);
            _pos++;
            return true;
        }

        // invalid character
        string chText = char.ConvertFromUtf32(cp);
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        bool printable = cat is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
        if (printable)
            throw Hard($"invalid character '{chText}' (U+{cp:X4})", start, start + cpLen);
        throw Hard($"invalid non-printable character U+{cp:X4}", start, start + cpLen);
    }

    private int CodePointAt(int i, out int len)
    {
        char c = _text[i];
        if (char.IsHighSurrogate(c) && i + 1 < _n && char.IsLowSurrogate(_text[i + 1]))
        {
            len = 2;
            return char.ConvertToUtf32(c, _text[i + 1]);
        }
        len = 1;
        return c;
    }

    /// <summary>At the start of a line outside brackets: measures indentation, emits INDENT/DEDENT. False if the line was blank (consumed).</summary>
    private bool HandleIndentation()
    {
        int col = 0, altcol = 0;
        int i = _pos;
        while (i < _n)
        {
            char c = _text[i];
            if (c == ' ') { col++; altcol++; }
            else if (c == '\t') { col = (col / 8 + 1) * 8; altcol++; }
            else if (c == '\f') { col = 0; altcol = 0; }
            else if (c == '\\')
            {
                // a continuation inside the indentation (CPython: the indentation goes on on the next line)
                if (i + 1 >= _n) throw Fail(TokenizerErrorClass.Soft, "unexpected EOF while parsing", i + 1, i + 1);
                if (!IsNewline(_text[i + 1]))
                    throw Fail(TokenizerErrorClass.Soft, "unexpected character after line continuation character", i + 1, i + 1);
                i = SkipNewline(i + 1);
                if (i >= _n) throw Fail(TokenizerErrorClass.Soft, "unexpected EOF while parsing", i - 1, i - 1);
                continue;
            }
            else break;
            i++;
        }
        if (i >= _n)
        {
            _pos = i;
            _atLineStart = false;
            return true; // EOF handled by the caller
        }
        char ch = _text[i];
        if (ch == '#' || IsNewline(ch))
        {
            // blank line or comment-only line: no indentation processing
            if (ch == '#')
            {
                int e = i;
                while (e < _n && !IsNewline(_text[e])) e++;
                if (_trivia) Add(TokenKind.Comment, _text[i..e], i, e);
                i = e;
            }
            if (i < _n)
            {
                int e = SkipNewline(i);
                if (_trivia) Add(TokenKind.NL, _text[i..e], i, e);
                i = e;
            }
            _pos = i;
            return false;
        }
        if (ch == '\\')
        {
            // a continuation line at the start: CPython treats the indentation as usual
        }
        _atLineStart = false;
        int top = _indents[^1];
        if (col == top)
        {
            if (altcol != _altIndents[^1]) throw TabError(i);
        }
        else if (col > top)
        {
            if (altcol <= _altIndents[^1]) throw TabError(i);
            if (_indents.Count >= 100)
            {
                int ls = i;   // CPython reports it at column 1 of the line
                while (ls > 0 && !IsNewline(_text[ls - 1])) ls--;
                throw Fail(TokenizerErrorClass.Hard, "too many levels of indentation", ls, ls, kind: ErrorKind.IndentationError);
            }
            _indents.Add(col);
            _altIndents.Add(altcol);
            Add(TokenKind.Indent, _text[_pos..i], _pos, i);
        }
        else
        {
            int k = _indents.Count - 1;
            while (k > 0 && col < _indents[k]) k--;
            if (col != _indents[k])
            {
                int e = i;
                while (e < _n && !IsNewline(_text[e])) e++;
                throw Fail(TokenizerErrorClass.Soft, "unindent does not match any outer indentation level", e, e, kind: ErrorKind.IndentationError);
            }
            while (_indents.Count > 1 && col < _indents[^1])
            {
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
                Add(TokenKind.Dedent, "", i, i);
            }
            if (col != _indents[^1])
            {
                int e = i;
                while (e < _n && !IsNewline(_text[e])) e++;
                throw Fail(TokenizerErrorClass.Soft, "unindent does not match any outer indentation level", e, e, kind: ErrorKind.IndentationError);
            }
            if (altcol != _altIndents[^1]) throw TabError(i);
        }
        _lineHasTokens = false;
        _pos = i;
        return true;
    }

    private TokenizeError TabError(int i)
    {
        int ls = i;
        while (ls > 0 && !IsNewline(_text[ls - 1])) ls--;
        return Fail(TokenizerErrorClass.Soft, "inconsistent use of tabs and spaces in indentation", ls, ls, kind: ErrorKind.TabError);
    }

    private void EndOfInput()
    {
        if (_fstrings.Count > 0)
        {
            var fs = _fstrings[^1];
            throw Hard(fs.Triple ? $"unterminated triple-quoted f-string literal (detected at line {LastLine()})"
                                 : $"unterminated f-string literal (detected at line {LastLine()})", fs.Start);
        }
        if (_brackets.Count > 0)
        {
            var b = _brackets[^1];
            UnclosedLine = LineOf(b.Offset);
            throw Fail(TokenizerErrorClass.UnclosedAtEof, $"'{b.Ch}' was never closed", b.Offset, b.Offset + 1);
        }
        if (_lineHasTokens) Add(TokenKind.Newline, "", _commentStart >= 0 ? _commentStart : _n, _n);
        // CPython reports errors at the end marker on the last line (at its newline), not on a line after it
        int endPos = _n;
        if (_n > 0 && IsNewline(_text[_n - 1])) endPos = _n >= 2 && _text[_n - 2] == '\r' && _text[_n - 1] == '\n' ? _n - 2 : _n - 1;
        while (_indents.Count > 1)
        {
            _indents.RemoveAt(_indents.Count - 1);
            Add(TokenKind.Dedent, "", endPos, endPos);
        }
        Add(TokenKind.EndMarker, "", endPos, endPos);
    }

    private bool IsStringPrefix(int s, int e, out bool isF, out bool isRaw)
    {
        isF = false; isRaw = false;
        bool b = false, u = false;
        for (int i = s; i < e; i++)
        {
            char c = char.ToLowerInvariant(_text[i]);
            switch (c)
            {
                case 'r': if (isRaw) return false; isRaw = true; break;
                case 'b': if (b) return false; b = true; break;
                case 'u': if (u) return false; u = true; break;
                case 'f': if (isF) return false; isF = true; break;
                default: return false;
            }
        }
        if (u && (e - s) > 1) return false;
        if (b && isF) return false;
        return true;
    }

    private void ScanString(int start, int quotePos, bool raw)
    {
        char q = _text[quotePos];
        bool triple = At(quotePos + 1) == q && At(quotePos + 2) == q;
        int i = quotePos + (triple ? 3 : 1);
        while (true)
        {
            if (i >= _n)
            {
                if (QuoteOfInnermostFString(q, triple)) throw Hard("f-string: expecting '}'", quotePos);
                if (triple) throw Hard($"unterminated triple-quoted string literal (detected at line {LastLine()})", start);
                throw Hard($"unterminated string literal (detected at line {LastLine()})", start);
            }
            char c = _text[i];
            if (c == q)
            {
                if (!triple) { i++; break; }
                if (At(i + 1) == q && At(i + 2) == q) { i += 3; break; }
                i++;
                continue;
            }
            if (c == '\\')
            {
                i++;
                if (i < _n) i = _text[i] == '\r' ? SkipNewline(i) : i + 1;
                continue;
            }
            if (!triple && IsNewline(c))
            {
                if (QuoteOfInnermostFString(q, triple)) throw Hard("f-string: expecting '}'", quotePos);
                throw Hard($"unterminated string literal (detected at line {LineOf(i)})", start);
            }
            i++;
        }
        Add(TokenKind.String, _text[start..i], start, i);
        _pos = i;
    }

    /// <summary>An unterminated string in an f-string's expression that opens with the f-string's own quote is a missing '}' (CPython 3.12).</summary>
    private bool QuoteOfInnermostFString(char q, bool triple) =>
        _fstrings.Count > 0 && _fstrings[^1].Quote == q && _fstrings[^1].Triple == triple && _fstrings[^1].Fields.Count > 0;

    private void StartFString(int start, int quotePos, bool raw)
    {
        char q = _text[quotePos];
        bool triple = At(quotePos + 1) == q && At(quotePos + 2) == q;
        int e = quotePos + (triple ? 3 : 1);
        Add(TokenKind.FStringStart, _text[start..e], start, e);
        _fstrings.Add(new FStringState { Quote = q, Triple = triple, Raw = raw, Start = start });
        _pos = e;
    }

    private bool IsFStringQuoteAhead(FStringState fs, int i)
    {
        if (i >= _n || _text[i] != fs.Quote) return false;
        return !fs.Triple || (At(i + 1) == fs.Quote && At(i + 2) == fs.Quote);
    }

    /// <summary>Scans literal text of the innermost f-string (its string part or a format spec).</summary>
    private void ScanFStringLiteral(FStringState fs)
    {
        bool inSpec = fs.Fields.Count > 0;
        int start = _pos;
        int i = _pos;
        while (true)
        {
            if (i >= _n)
            {
                throw Hard(fs.Triple ? $"unterminated triple-quoted f-string literal (detected at line {LastLine()})"
                                     : $"unterminated f-string literal (detected at line {LastLine()})", fs.Start);
            }
            char c = _text[i];
            if (IsFStringQuoteAhead(fs, i))
            {
                if (inSpec)
                {
                    if (i > start) Add(TokenKind.FStringMiddle, _text[start..i], start, i);
                    throw Hard("f-string: expecting '}'", i, i);
                }
                if (i > start) Add(TokenKind.FStringMiddle, _text[start..i], start, i);
                int e = i + (fs.Triple ? 3 : 1);
                Add(TokenKind.FStringEnd, _text[i..e], i, e);
                _fstrings.RemoveAt(_fstrings.Count - 1);
                _pos = e;
                return;
            }
            if (c == '{')
            {
                if (!inSpec && At(i + 1) == '{') { i += 2; continue; }
                if (i > start) Add(TokenKind.FStringMiddle, _text[start..i], start, i);
                Add(TokenKind.Lbrace, "{", i, i + 1);
                _brackets.Add(new Bracket { Ch = '{', Offset = i });
                fs.Fields.Add((_brackets.Count, false));
                _pos = i + 1;
                return;
            }
            if (c == '}')
            {
                if (!inSpec)
                {
                    if (At(i + 1) == '}') { i += 2; continue; }
                    throw Hard("f-string: single '}' is not allowed", i, i + 1);
                }
                if (i > start) Add(TokenKind.FStringMiddle, _text[start..i], start, i);
                Add(TokenKind.Rbrace, "}", i, i + 1);
                _brackets.RemoveAt(_brackets.Count - 1);
                fs.Fields.RemoveAt(fs.Fields.Count - 1);
                _pos = i + 1;
                return;
            }
            if (c == '\\')
            {
                char d = At(i + 1);
                if (!fs.Raw && d == 'N' && At(i + 2) == '{')
                {
                    int j = i + 3;
                    while (j < _n && _text[j] != '}' && !IsNewline(_text[j]) && _text[j] != fs.Quote) j++;
                    i = j < _n && _text[j] == '}' ? j + 1 : i + 2;
                    continue;
                }
                if (d == '{' || d == '}') { i++; continue; }
                if (i + 1 < _n) { i = _text[i + 1] == '\r' ? SkipNewline(i + 1) : i + 2; continue; }
                i++;
                continue;
            }
            if (IsNewline(c) && !fs.Triple)
            {
                throw Hard($"unterminated f-string literal (detected at line {LineOf(i)})", fs.Start);
            }
            i++;
        }
    }

    private void ScanNumber()
    {
        int start = _pos;
        int i = _pos;
        char c = _text[i];
        if (c == '0' && (At(i + 1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B'))
        {
            char k = char.ToLowerInvariant(At(i + 1));
            string kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
            i += 2;
            bool any = false;
            while (true)
            {
                if (At(i) == '_') i++;
                char d = At(i);
                bool ok = k == 'x' ? Uri.IsHexDigit(d) : k == 'o' ? d >= '0' && d <= '7' : d == '0' || d == '1';
                if (!ok)
                {
                    if (k != 'x' && d >= '0' && d <= '9')
                        throw Hard($"invalid digit '{d}' in {kind} literal", i, i + 1);
                    if (!any || _text[i - 1] == '_')
                        throw Hard($"invalid {kind} literal", Math.Max(start, i - 1));
                    break;
                }
                any = true;
                i++;
                while (true)
                {
                    d = At(i);
                    ok = k == 'x' ? Uri.IsHexDigit(d) : k == 'o' ? d >= '0' && d <= '7' : d == '0' || d == '1';
                    if (!ok) break;
                    i++;
                }
                if (At(i) != '_') break;
            }
            if (k != 'x' && At(i) >= '0' && At(i) <= '9')
                throw Hard($"invalid digit '{At(i)}' in {kind} literal", i, i + 1);
            VerifyEnd(start, i, kind);
            return;
        }

        bool isFloat = false;
        if (c == '.')
        {
            i++;
            i = DecimalTail(i);
            isFloat = true;
        }
        else
        {
            bool leadingZero = c == '0';
            i = DecimalTail(i);
            bool nonZero = false;
            if (leadingZero)
                for (int j = start; j < i; j++) if (_text[j] != '0' && _text[j] != '_') { nonZero = true; break; }
            if (At(i) == '.')
            {
                i++;
                isFloat = true;
                if (At(i) >= '0' && At(i) <= '9') i = DecimalTail(i);
            }
            else if (leadingZero && nonZero && !(At(i) is 'e' or 'E' or 'j' or 'J'))
            {
                // leading zeros: error unless it's a float/imaginary
                throw Hard("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start, i);
            }
        }
        if (At(i) is 'e' or 'E')
        {
            int epos = i;
            int j = i + 1;
            if (At(j) is '+' or '-')
            {
                j++;
                if (!(At(j) >= '0' && At(j) <= '9')) throw Hard("invalid decimal literal", j - 1);
            }
            else if (!(At(j) >= '0' && At(j) <= '9'))
            {
                // "1else": the number ends before the 'e'
                VerifyEnd(start, epos, "decimal");
                return;
            }
            i = DecimalTail(j);
            isFloat = true;
        }
        if (At(i) is 'j' or 'J')
        {
            i++;
        }
        _ = isFloat;
        VerifyEnd(start, i, "decimal");
    }

    private int DecimalTail(int i)
    {
        while (true)
        {
            while (At(i) >= '0' && At(i) <= '9') i++;
            if (At(i) != '_') return i;
            i++;
            if (!(At(i) >= '0' && At(i) <= '9')) throw Hard("invalid decimal literal", i - 1);
        }
    }

    private void VerifyEnd(int start, int end, string kind)
    {
        if (end < _n)
        {
            char c = _text[end];
            bool kw = c switch
            {
                'a' => Ahead(end + 1, "nd"),
                'e' => Ahead(end + 1, "lse"),
                'f' => Ahead(end + 1, "or"),
                'i' => At(end + 1) is 'f' or 'n' or 's',
                'o' => Ahead(end + 1, "r"),
                'n' => Ahead(end + 1, "ot"),
                _ => false,
            };
            if (!kw)
            {
                int cp = CodePointAt(end, out _);
                if (Tokenizer.IsIdentifierChar(cp))
                    throw Hard($"invalid {kind} literal", Math.Max(start, end - 1));
            }
        }
        Add(TokenKind.Number, _text[start..end], start, end);
        _pos = end;
    }

    private bool Ahead(int i, string s) => string.CompareOrdinal(_text, i, s, 0, s.Length) == 0 && i + s.Length <= _n;

    private (TokenKind, int) MatchOperator(int i)
    {
        char c = _text[i];
        char d = At(i + 1);
        char e = At(i + 2);
        switch (c)
        {
            case '(': return (TokenKind.Lpar, 1);
            case ')': return (TokenKind.Rpar, 1);
            case '[': return (TokenKind.Lsqb, 1);
            case ']': return (TokenKind.Rsqb, 1);
            case '{': return (TokenKind.Lbrace, 1);
            case '}': return (TokenKind.Rbrace, 1);
            case ':': return d == '=' ? (TokenKind.ColonEqual, 2) : (TokenKind.Colon, 1);
            case ',': return (TokenKind.Comma, 1);
            case ';': return (TokenKind.Semi, 1);
            case '+': return d == '=' ? (TokenKind.PlusEqual, 2) : (TokenKind.Plus, 1);
            case '-': return d == '=' ? (TokenKind.MinEqual, 2) : d == '>' ? (TokenKind.Rarrow, 2) : (TokenKind.Minus, 1);
            case '*':
                if (d == '*') return e == '=' ? (TokenKind.DoubleStarEqual, 3) : (TokenKind.DoubleStar, 2);
                return d == '=' ? (TokenKind.StarEqual, 2) : (TokenKind.Star, 1);
            case '/':
                if (d == '/') return e == '=' ? (TokenKind.DoubleSlashEqual, 3) : (TokenKind.DoubleSlash, 2);
                return d == '=' ? (TokenKind.SlashEqual, 2) : (TokenKind.Slash, 1);
            case '|': return d == '=' ? (TokenKind.VbarEqual, 2) : (TokenKind.Vbar, 1);
            case '&': return d == '=' ? (TokenKind.AmperEqual, 2) : (TokenKind.Amper, 1);
            case '<':
                if (d == '<') return e == '=' ? (TokenKind.LeftShiftEqual, 3) : (TokenKind.LeftShift, 2);
                return d == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1);
            case '>':
                if (d == '>') return e == '=' ? (TokenKind.RightShiftEqual, 3) : (TokenKind.RightShift, 2);
                return d == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1);
            case '=': return d == '=' ? (TokenKind.EqEqual, 2) : (TokenKind.Equal, 1);
            case '!': return d == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Exclamation, 1);
            case '.': return d == '.' && e == '.' ? (TokenKind.Ellipsis, 3) : (TokenKind.Dot, 1);
            case '%': return d == '=' ? (TokenKind.PercentEqual, 2) : (TokenKind.Percent, 1);
            case '~': return (TokenKind.Tilde, 1);
            case '^': return d == '=' ? (TokenKind.CircumflexEqual, 2) : (TokenKind.Circumflex, 1);
            case '@': return d == '=' ? (TokenKind.AtEqual, 2) : (TokenKind.At, 1);
        }
        return (TokenKind.ErrorToken, 0);
    }

    internal static string? OpText(TokenKind k) => k switch
    {
        TokenKind.Lpar => "(", TokenKind.Rpar => ")", TokenKind.Lsqb => "[", TokenKind.Rsqb => "]",
        TokenKind.Colon => ":", TokenKind.Comma => ",", TokenKind.Semi => ";", TokenKind.Plus => "+",
        TokenKind.Minus => "-", TokenKind.Star => "*", TokenKind.Slash => "/", TokenKind.Vbar => "|",
        TokenKind.Amper => "&", TokenKind.Less => "<", TokenKind.Greater => ">", TokenKind.Equal => "=",
        TokenKind.Dot => ".", TokenKind.Percent => "%", TokenKind.Lbrace => "{", TokenKind.Rbrace => "}",
        TokenKind.EqEqual => "==", TokenKind.NotEqual => "!=", TokenKind.LessEqual => "<=", TokenKind.GreaterEqual => ">=",
        TokenKind.Tilde => "~", TokenKind.Circumflex => "^", TokenKind.LeftShift => "<<", TokenKind.RightShift => ">>",
        TokenKind.DoubleStar => "**", TokenKind.PlusEqual => "+=", TokenKind.MinEqual => "-=", TokenKind.StarEqual => "*=",
        TokenKind.SlashEqual => "/=", TokenKind.PercentEqual => "%=", TokenKind.AmperEqual => "&=", TokenKind.VbarEqual => "|=",
        TokenKind.CircumflexEqual => "^=", TokenKind.LeftShiftEqual => "<<=", TokenKind.RightShiftEqual => ">>=",
        TokenKind.DoubleStarEqual => "**=", TokenKind.DoubleSlash => "//", TokenKind.DoubleSlashEqual => "//=",
        TokenKind.At => "@", TokenKind.AtEqual => "@=", TokenKind.Rarrow => "->", TokenKind.Ellipsis => "...",
        TokenKind.ColonEqual => ":=", TokenKind.Exclamation => "!",
        _ => null,
    };
}
