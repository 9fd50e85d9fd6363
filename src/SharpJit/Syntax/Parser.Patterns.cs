using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

internal sealed partial class Parser
{
    // ------------------------------------------------------------------ match statement (soft keyword)

    /// <summary>
    /// Tries "match subject ':' NEWLINE INDENT case+ DEDENT". Returns null (position restored) when the
    /// statement is not a match statement; <paramref name="subjectParsed"/> tells whether "match subject" parsed.
    /// </summary>
    private Stmt? TryMatchStmt(out bool subjectParsed, out bool subjectThenNewline)
    {
        subjectParsed = false;
        subjectThenNewline = false;
        int s = _p;
        ref Token n = ref Peek(1);
        switch (n.Kind)
        {
            case TokenKind.Name:
                if (IsKeyword(n.Text) && n.Text is not ("None" or "True" or "False" or "lambda" or "not" or "await")) return null;
                break;
            case TokenKind.Number: case TokenKind.String: case TokenKind.FStringStart: case TokenKind.Lpar:
            case TokenKind.Lsqb: case TokenKind.Lbrace: case TokenKind.Minus: case TokenKind.Plus: case TokenKind.Tilde:
            case TokenKind.Star: case TokenKind.Ellipsis:
                break;
            default:
                return null;
        }
        _p++;
        var subject = Try(() => SubjectExpr());
        if (subject == null)
        {
            _p = s;
            return null;
        }
        subjectParsed = true;
        if (!At(TokenKind.Colon))
        {
            subjectThenNewline = At(TokenKind.Newline);
            _p = s;
            return null;
        }
        _p++; // ':'
        Expect(TokenKind.Newline);
        if (!At(TokenKind.Indent))
            throw new CompileError(ErrorKind.IndentationError, $"expected an indented block after 'match' statement on line {_t[s].Line}", _src, Peek().Span);
        _p++;
        var cases = new List<MatchCase>();
        do
        {
            if (!AtKw("case")) throw Fail();
            cases.Add(CaseBlock());
        } while (!At(TokenKind.Dedent));
        _p++;
        return new Match(subject, cases, SpanFrom(s));
    }

    private Expr SubjectExpr()
    {
        int s = _p;
        var first = StarNamedExpression();
        if (!At(TokenKind.Comma))
        {
            if (first is Starred) throw Fail();
            return first;
        }
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (!(StartsExpression() || At(TokenKind.Star))) break;
            elts.Add(StarNamedExpression());
        }
        return new Tuple(elts, ExprContext.Load, SpanFrom(s));
    }

    private MatchCase CaseBlock()
    {
        int s = _p;
        _p++; // case
        var pattern = Patterns();
        Expr? guard = null;
        if (AcceptKw("if")) guard = NamedExpression();
        ExpectColonNewlineRule();
        var body = Block("'case' statement", s);
        return new MatchCase(pattern, guard, body, SpanFrom(s));
    }

    private Pattern Patterns()
    {
        int s = _p;
        var first = MaybeStarPattern();
        if (!At(TokenKind.Comma))
        {
            if (first is MatchStar) throw Fail();
            return first;
        }
        var list = new List<Pattern> { first };
        while (Accept(TokenKind.Comma))
        {
            if (At(TokenKind.Colon) || AtKw("if")) break;
            list.Add(MaybeStarPattern());
        }
        return new MatchSequence(list, SpanFrom(s));
    }

    private Pattern MaybeStarPattern()
    {
        if (At(TokenKind.Star))
        {
            int s = _p;
            _p++;
            string name = ExpectIdentifier();
            return new MatchStar(name == "_" ? null : name, SpanFrom(s));
        }
        return AsPattern();
    }

    /// <summary>pattern: or_pattern ['as' capture].</summary>
    private Pattern AsPattern()
    {
        int s = _p;
        var p = OrPattern();
        if (AtKw("as"))
        {
            _p++;
            ref Token t = ref Peek();
            if (t.Kind == TokenKind.Name && t.Text == "_") throw ErrorAt("cannot use '_' as a target", t.Span);
            if (t.Kind != TokenKind.Name || IsKeyword(t.Text))
            {
                if (StartsExpression())
                {
                    var bad = Try(() => Expression());
                    if (bad != null) throw ErrorAt($"invalid pattern target", bad.Span);
                }
                throw Fail();
            }
            _p++;
            if (At(TokenKind.Dot) || At(TokenKind.Lpar) || At(TokenKind.Equal)) throw Fail();
            return new MatchAs(p, t.Text, SpanFrom(s));
        }
        return p;
    }

    private Pattern OrPattern()
    {
        int s = _p;
        var first = ClosedPattern();
        if (!At(TokenKind.Vbar)) return first;
        var list = new List<Pattern> { first };
        while (Accept(TokenKind.Vbar)) list.Add(ClosedPattern());
        return new MatchOr(list, SpanFrom(s));
    }

    private Pattern ClosedPattern()
    {
        EnsureStack();
        int s = _p;
        ref Token t = ref Peek();
        switch (t.Kind)
        {
            case TokenKind.Number:
            case TokenKind.Minus:
                return new MatchValue(NumberPatternExpr(), SpanFrom(s));
            case TokenKind.String:
            case TokenKind.FStringStart:
                {
                    var e = Strings();
                    if (e is JoinedStr) throw ErrorAt("patterns may only match literals and attribute lookups", e.Span);
                    return new MatchValue(e, SpanFrom(s));
                }
            case TokenKind.Lpar:
                {
                    _p++;
                    if (Accept(TokenKind.Rpar)) return new MatchSequence(new List<Pattern>(), SpanFrom(s));
                    var first = MaybeStarPattern();
                    if (At(TokenKind.Comma))
                    {
                        var list = new List<Pattern> { first };
                        while (Accept(TokenKind.Comma))
                        {
                            if (At(TokenKind.Rpar)) break;
                            list.Add(MaybeStarPattern());
                        }
                        Expect(TokenKind.Rpar);
                        return new MatchSequence(list, SpanFrom(s));
                    }
                    Expect(TokenKind.Rpar);
                    if (first is MatchStar) return new MatchSequence(new List<Pattern> { first }, SpanFrom(s));
                    return first;
                }
            case TokenKind.Lsqb:
                {
                    _p++;
                    var list = new List<Pattern>();
                    while (!At(TokenKind.Rsqb))
                    {
                        list.Add(MaybeStarPattern());
                        if (!Accept(TokenKind.Comma)) break;
                    }
                    Expect(TokenKind.Rsqb);
                    return new MatchSequence(list, SpanFrom(s));
                }
            case TokenKind.Lbrace:
                return MappingPattern();
            case TokenKind.Name:
                {
                    switch (t.Text)
                    {
                        case "None": _p++; return new MatchSingleton(PyNone.Instance, SpanFrom(s));
                        case "True": _p++; return new MatchSingleton(true, SpanFrom(s));
                        case "False": _p++; return new MatchSingleton(false, SpanFrom(s));
                    }
                    if (IsKeyword(t.Text)) throw Fail();
                    var nameOrAttr = NameOrAttr();
                    if (At(TokenKind.Lpar)) return ClassPattern(s, nameOrAttr);
                    if (nameOrAttr is Attribute) return new MatchValue(nameOrAttr, SpanFrom(s));
                    var nm = (Name)nameOrAttr;
                    if (At(TokenKind.Equal)) throw Fail();
                    return new MatchAs(null, nm.Id == "_" ? null : nm.Id, SpanFrom(s));
                }
        }
        throw Fail();
    }

    private Expr NameOrAttr()
    {
        int s = _p;
        ref Token t = ref Next();
        Expr e = new Name(t.Text, ExprContext.Load, t.Span);
        while (Accept(TokenKind.Dot))
        {
            string attr = ExpectIdentifier();
            e = new Attribute(e, attr, ExprContext.Load, SpanFrom(s));
        }
        return e;
    }

    /// <summary>signed_number, or a complex literal "real +/- imag".</summary>
    private Expr NumberPatternExpr()
    {
        int s = _p;
        var real = SignedNumber();
        if (At(TokenKind.Plus) || At(TokenKind.Minus))
        {
            var op = At(TokenKind.Plus) ? Operator.Add : Operator.Sub;
            if (IsImaginary(real)) throw ErrorAt("real number required in complex literal", real.Span);
            _p++;
            int ims = _p;
            ref Token it = ref Peek();
            if (it.Kind != TokenKind.Number) throw Fail();
            _p++;
            var imag = new Constant(ParseNumberToken(it), null, it.Span);
            if (imag.Value is not System.Numerics.Complex) throw ErrorAt("imaginary number required in complex literal", imag.Span);
            return new BinOp(real, op, imag, SpanFrom(s));
        }
        return real;
    }

    private static bool IsImaginary(Expr e) =>
        e is Constant { Value: System.Numerics.Complex } || e is UnaryOp { Operand: Constant { Value: System.Numerics.Complex } };

    private object ParseNumberToken(in Token t)
    {
        try { return Literals.ParseNumber(t.Text); }
        catch (FormatException) { throw ErrorAt("invalid number literal", t.Span); }
    }

    private Expr SignedNumber()
    {
        int s = _p;
        bool neg = Accept(TokenKind.Minus);
        ref Token t = ref Peek();
        if (t.Kind != TokenKind.Number) throw Fail();
        _p++;
        var c = new Constant(ParseNumberToken(t), null, t.Span);
        return neg ? new UnaryOp(UnaryOperator.USub, c, SpanFrom(s)) : c;
    }

    private Pattern MappingPattern()
    {
        int s = _p;
        _p++; // {
        var keys = new List<Expr>();
        var patterns = new List<Pattern>();
        string? rest = null;
        while (!At(TokenKind.Rbrace))
        {
            if (Accept(TokenKind.DoubleStar))
            {
                ref Token t = ref Peek();
                if (t.Kind != TokenKind.Name || IsKeyword(t.Text) || t.Text == "_") throw Fail();
                _p++;
                rest = t.Text;
                Accept(TokenKind.Comma);
                break;
            }
            Expr key;
            ref Token k = ref Peek();
            int ks = _p;
            switch (k.Kind)
            {
                case TokenKind.Number: case TokenKind.Minus:
                    key = NumberPatternExpr();
                    break;
                case TokenKind.String: case TokenKind.FStringStart:
                    key = Strings();
                    if (key is JoinedStr) throw ErrorAt("patterns may only match literals and attribute lookups", key.Span);
                    break;
                case TokenKind.Name when k.Text is "None" or "True" or "False":
                    _p++;
                    key = new Constant(k.Text == "None" ? PyNone.Instance : k.Text == "True", null, k.Span);
                    break;
                case TokenKind.Name when !IsKeyword(k.Text):
                    key = NameOrAttr();
                    if (key is not Attribute) throw Fail();
                    break;
                default:
                    throw Fail();
            }
            Expect(TokenKind.Colon);
            keys.Add(key);
            patterns.Add(AsPattern());
            if (!Accept(TokenKind.Comma)) break;
        }
        Expect(TokenKind.Rbrace);
        return new MatchMapping(keys, patterns, rest, SpanFrom(s));
    }

    private Pattern ClassPattern(int s, Expr cls)
    {
        _p++; // (
        var patterns = new List<Pattern>();
        var kwdAttrs = new List<string>();
        var kwdPatterns = new List<Pattern>();
        while (!At(TokenKind.Rpar))
        {
            if (Peek().Kind == TokenKind.Name && !IsKeyword(Peek().Text) && Peek(1).Kind == TokenKind.Equal)
            {
                kwdAttrs.Add(Next().Text);
                _p++; // =
                kwdPatterns.Add(AsPattern());
            }
            else
            {
                int ps = _p;
                var p = AsPattern();
                if (kwdAttrs.Count > 0) throw ErrorAt("positional patterns follow keyword patterns", p.Span);
                patterns.Add(p);
            }
            if (!Accept(TokenKind.Comma)) break;
        }
        Expect(TokenKind.Rpar);
        return new MatchClass(cls, patterns, kwdAttrs, kwdPatterns, SpanFrom(s));
    }
}
