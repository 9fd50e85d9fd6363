using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

/// <summary>
/// Hand-written recursive-descent parser for the Python 3.12 grammar (CPython's PEG grammar, with the
/// backtracking it needs done by saving and restoring the token position). Spans follow CPython: a node
/// covers the first token of its rule to the last token consumed (parentheses of a group excluded from the
/// inner node, included in any enclosing node).
/// </summary>
internal sealed partial class Parser
{
    private readonly SourceText _src;
    private readonly Token[] _t;
    private readonly TokenizeResult _tr;
    /// <summary>Index of the tokenizer's error token (reaching it raises the tokenizer error); int.MaxValue if none.</summary>
    private readonly int _errIdx;
    private int _p;
    /// <summary>Furthest token index looked at: CPython reports generic errors there.</summary>
    private int _far;
    private bool _tokenizerErrorRaised;
    /// <summary>"unexpected indent" comes from CPython's generic path, which does not look for later tokenizer errors.</summary>
    private bool _unexpectedIndent;
    /// <summary>A literal could not be decoded: CPython raises that while parsing, so no backtracking hides it.</summary>
    private bool _literalError;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    public Parser(SourceText src, TokenizeResult tr)
    {
        _src = src;
        _tr = tr;
        _t = tr.Tokens.ToArray();
        _errIdx = tr.Error != null ? _t.Length - 1 : int.MaxValue;
    }

    // ------------------------------------------------------------------ entry points

    public Module ParseModule()
    {
        return Guard(() =>
        {
            var body = new List<Stmt>();
            while (Peek().Kind != TokenKind.EndMarker) Statement(body);
            return new Module(body) { Source = _src };
        });
    }

    public Expr ParseEvalInput()
    {
        return Guard(() =>
        {
            int s = _p;
            var e = StarExpressionsOrTuple();
            while (Peek().Kind == TokenKind.Newline) Next();
            if (Peek().Kind != TokenKind.EndMarker) throw Fail();
            _ = s;
            return e;
        });
    }

    /// <summary>Applies CPython's priorities between a parser error and a tokenizer error later in the file.</summary>
    private T Guard<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (InsufficientExecutionStackException)
        {
            throw ErrorAt("too many nested expressions: source too complex to parse", _t[Math.Min(_p, _t.Length - 1)].Span);
        }
        catch (CompileError) when (!_tokenizerErrorRaised && !_unexpectedIndent && _tr.Error != null)
        {
            if (_tr.ErrorClass == TokenizerErrorClass.Hard) throw _tr.Error;
            if (_tr.ErrorClass == TokenizerErrorClass.UnclosedAtEof)
            {
                int farIdx = Math.Min(_far, _t.Length - 1);
                if (_t[farIdx].Line > _tr.UnclosedLine) throw _tr.Error;
                if (SecondPassReachesUnclosed(farIdx)) throw _tr.Error;
            }
            throw;
        }
    }

    /// <summary>
    /// CPython's second pass tries "expression expression" (invalid_expression) where the first pass failed; when
    /// that reads into the unclosed bracket (e.g. "f(x) {" ...), the tokenizer's "never closed" error is reported.
    /// </summary>
    private bool SecondPassReachesUnclosed(int farIdx)
    {
        if (farIdx == 0 || !StartsExpressionToken(_t[farIdx])) return false;
        ref Token prev = ref _t[farIdx - 1];
        bool prevEndsExpr = prev.Kind switch
        {
            TokenKind.Name => !Keywords.Contains(prev.Text) || prev.Text is "None" or "True" or "False",
            TokenKind.Number or TokenKind.String or TokenKind.FStringEnd or TokenKind.Rpar or TokenKind.Rsqb or TokenKind.Rbrace or TokenKind.Ellipsis => true,
            _ => false,
        };
        if (!prevEndsExpr) return false;
        // not in import statements (no expressions there)
        int ls = farIdx;
        while (ls > 0 && _t[ls - 1].Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.Semi)) ls--;
        if (_t[ls].IsName("import") || _t[ls].IsName("from") || _t[ls].IsName("def") || _t[ls].IsName("async")) return false;
        _p = farIdx;
        try
        {
            Expression();
        }
        catch (CompileError)
        {
        }
        return _tokenizerErrorRaised || _t[Math.Min(_far, _t.Length - 1)].Line > _tr.UnclosedLine;
    }

    /// <summary>Deeply nested input must become a syntax error, not a stack overflow.</summary>
    private static void EnsureStack() => System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();

    // ------------------------------------------------------------------ token access

    private ref Token Peek()
    {
        int i = _p;
        if (i >= _errIdx) RaiseTokenizerError();
        if (i > _far) _far = i;
        return ref _t[i];
    }

    private ref Token Peek(int k)
    {
        int i = _p + k;
        if (i >= _errIdx) RaiseTokenizerError();
        if (i >= _t.Length) i = _t.Length - 1;
        if (i > _far) _far = i;
        return ref _t[i];
    }

    private void RaiseTokenizerError()
    {
        _tokenizerErrorRaised = true;
        throw _tr.Error!;
    }

    private ref Token Next()
    {
        ref Token t = ref Peek();
        _p++;
        return ref t;
    }

    private bool At(TokenKind k) => Peek().Kind == k;

    private bool AtKw(string kw)
    {
        ref Token t = ref Peek();
        return t.Kind == TokenKind.Name && t.Text == kw;
    }

    private bool AtKw(int k, string kw)
    {
        ref Token t = ref Peek(k);
        return t.Kind == TokenKind.Name && t.Text == kw;
    }

    private bool Accept(TokenKind k)
    {
        if (Peek().Kind != k) return false;
        _p++;
        return true;
    }

    private bool AcceptKw(string kw)
    {
        if (!AtKw(kw)) return false;
        _p++;
        return true;
    }

    private ref Token Expect(TokenKind k)
    {
        if (Peek().Kind != k) throw Fail();
        return ref Next();
    }

    private void ExpectKw(string kw)
    {
        if (!AtKw(kw)) throw Fail();
        _p++;
    }

    /// <summary>A forced token (CPython's <c>&amp;&amp;'x'</c>): "expected 'x'" at the current token.</summary>
    private void ExpectForced(TokenKind k, string text)
    {
        if (Peek().Kind == k) { _p++; return; }
        throw ErrorAt($"expected '{text}'", Peek().Span);
    }

    /// <summary>':' that CPython reports as "expected ':'" only when the line ends right there.</summary>
    private void ExpectColonNewlineRule()
    {
        if (Peek().Kind == TokenKind.Colon) { _p++; return; }
        if (Peek().Kind == TokenKind.Newline) throw ErrorAt("expected ':'", FarSpan());
        throw Fail();
    }

    public static bool IsKeyword(string s) => Keywords.Contains(s);

    private static bool StartsExpressionToken(in Token t) => t.Kind switch
    {
        TokenKind.Name => !Keywords.Contains(t.Text) || t.Text is "None" or "True" or "False" or "lambda" or "not" or "await",
        TokenKind.Number or TokenKind.String or TokenKind.FStringStart or TokenKind.Lpar or TokenKind.Lsqb or TokenKind.Lbrace
            or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde or TokenKind.Ellipsis => true,
        _ => false,
    };

    private bool AtIdentifier()
    {
        ref Token t = ref Peek();
        return t.Kind == TokenKind.Name && !Keywords.Contains(t.Text);
    }

    private string ExpectIdentifier()
    {
        ref Token t = ref Peek();
        if (t.Kind != TokenKind.Name || Keywords.Contains(t.Text)) throw Fail();
        _p++;
        return t.Text;
    }

    // ------------------------------------------------------------------ spans and errors

    /// <summary>End of the last consumed token that is not NEWLINE/INDENT/DEDENT (CPython's EXTRA end).</summary>
    private int LastEnd()
    {
        int i = _p - 1;
        while (i > 0 && _t[i].Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker) i--;
        return i >= 0 ? _t[i].Span.End : 0;
    }

    private Span SpanFrom(int startTok) => new(_t[startTok].Span.Start, LastEnd());

    private int StartOf(int tok) => _t[tok].Span.Start;

    private Span FarSpan() => _t[Math.Min(_far, _t.Length - 1)].Span;

    private CompileError ErrorAt(string message, Span span) => new(ErrorKind.SyntaxError, message, _src, span);

    private CompileError ErrorAt(string message, int start, int end) => new(ErrorKind.SyntaxError, message, _src, new Span(start, end));

    /// <summary>The generic "invalid syntax" at the furthest token looked at (or CPython's indentation variants).</summary>
    private CompileError Fail()
    {
        int i = Math.Min(_far, _t.Length - 1);
        if (i >= _errIdx) { _tokenizerErrorRaised = true; return _tr.Error!; }
        ref Token t = ref _t[i];
        if (t.Kind == TokenKind.Indent) return IndentError("unexpected indent", t);
        if (t.Kind == TokenKind.Dedent) { _unexpectedIndent = true; return ErrorAt("unexpected unindent", t.Span); }
        if (t.Kind == TokenKind.EndMarker)
        {
            // CPython reports column 0 of the last line; our columns are 1-based, so the line start is the closest
            var (_, col) = _src.LineColumn(t.Span.Start);
            int ls = t.Span.Start - (col - 1);
            return ErrorAt("invalid syntax", ls, ls);
        }
        return ErrorAt("invalid syntax", t.Span);
    }

    private CompileError IndentError(string message, Token indent)
    {
        _unexpectedIndent = true;
        int pos = Math.Max(indent.Span.End - 1, indent.Span.Start);
        return new CompileError(ErrorKind.IndentationError, message, _src, new Span(pos, pos + 1));
    }

    /// <summary>CPython's <c>_PyPegen_get_expr_name</c>.</summary>
    internal static string ExprName(Expr e) => e switch
    {
        Attribute => "attribute",
        Subscript => "subscript",
        Starred => "starred",
        Name => "name",
        List => "list",
        Tuple => "tuple",
        Lambda => "lambda",
        Call => "function call",
        BoolOp or BinOp or UnaryOp => "expression",
        GeneratorExp => "generator expression",
        Yield or YieldFrom => "yield expression",
        Await => "await expression",
        ListComp => "list comprehension",
        SetComp => "set comprehension",
        DictComp => "dict comprehension",
        Dict => "dict literal",
        Set => "set display",
        JoinedStr or FormattedValue => "f-string expression",
        Constant c => c.Value switch
        {
            PyNone => "None",
            bool b => b ? "True" : "False",
            PyEllipsis => "ellipsis",
            _ => "literal",
        },
        Compare => "comparison",
        IfExp => "conditional expression",
        NamedExpr => "named expression",
        Slice => "slice",
        _ => "expression",
    };

    private enum TargetsType { Star, Del, For }

    /// <summary>CPython's <c>_PyPegen_get_invalid_target</c>: the first sub-expression that cannot be a target, or null.</summary>
    private static Expr? InvalidTarget(Expr e, TargetsType type)
    {
        switch (e)
        {
            case List l:
                foreach (var x in l.Elts) { var r = InvalidTarget(x, type); if (r != null) return r; }
                return null;
            case Tuple t:
                foreach (var x in t.Elts) { var r = InvalidTarget(x, type); if (r != null) return r; }
                return null;
            case Starred s:
                if (type == TargetsType.Del) return e;
                return InvalidTarget(s.Value, type);
            case Compare c:
                if (type == TargetsType.For)
                {
                    if (c.Ops[0] == CmpOperator.In) return InvalidTarget(c.Left, type);
                    return null;
                }
                return e;
            case Name or Subscript or Attribute:
                return null;
            default:
                return e;
        }
    }

    private CompileError InvalidTargetError(Expr e, TargetsType type)
    {
        var bad = InvalidTarget(e, type) ?? e;
        string verb = type == TargetsType.Del ? "delete" : "assign to";
        return ErrorAt($"cannot {verb} {ExprName(bad)}", bad.Span);
    }

    /// <summary>Checks an assignment/for/with target and gives it (recursively) the Store or Del context.</summary>
    private void SetContext(Expr e, ExprContext ctx, TargetsType type)
    {
        var bad = InvalidTarget(e, type == TargetsType.For ? TargetsType.Star : type);
        if (bad != null) throw InvalidTargetError(e, type);
        ApplyContext(e, ctx);
    }

    private static void ApplyContext(Expr e, ExprContext ctx)
    {
        switch (e)
        {
            case Name n: n.Ctx = ctx; break;
            case Attribute a: a.Ctx = ctx; break;
            case Subscript s: s.Ctx = ctx; break;
            case Starred st: st.Ctx = ctx; ApplyContext(st.Value, ctx); break;
            case List l: l.Ctx = ctx; foreach (var x in l.Elts) ApplyContext(x, ctx); break;
            case Tuple t: t.Ctx = ctx; foreach (var x in t.Elts) ApplyContext(x, ctx); break;
        }
    }

    /// <summary>Runs <paramref name="f"/>; on a syntax error restores the position and returns null (PEG backtracking).</summary>
    private T? Try<T>(Func<T?> f) where T : class
    {
        int save = _p;
        try
        {
            return f();
        }
        catch (CompileError) when (!_tokenizerErrorRaised && !_literalError)
        {
            _p = save;
            return null;
        }
    }
}
