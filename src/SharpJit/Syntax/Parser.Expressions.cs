using System.Text;
using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

internal sealed partial class Parser
{
    // ------------------------------------------------------------------ expression lists

    /// <summary>Whether the current token can start an expression (not counting '*' and 'yield').</summary>
    private bool StartsExpression()
    {
        ref Token t = ref Peek();
        switch (t.Kind)
        {
            case TokenKind.Name:
                if (!Keywords.Contains(t.Text)) return true;
                return t.Text is "None" or "True" or "False" or "lambda" or "not" or "await";
            case TokenKind.Number: case TokenKind.String: case TokenKind.FStringStart:
            case TokenKind.Lpar: case TokenKind.Lsqb: case TokenKind.Lbrace:
            case TokenKind.Minus: case TokenKind.Plus: case TokenKind.Tilde: case TokenKind.Ellipsis:
                return true;
        }
        return false;
    }

    /// <summary>star_expressions: a Tuple if there is a comma (trailing comma included in its span).</summary>
    private Expr StarExpressionsOrTuple()
    {
        int s = _p;
        var first = StarExpression();
        if (!At(TokenKind.Comma)) return first;
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (!(StartsExpression() || At(TokenKind.Star))) break;
            elts.Add(StarExpression());
        }
        return new Tuple(elts, ExprContext.Load, SpanFrom(s));
    }

    private Expr StarExpression()
    {
        if (At(TokenKind.Star))
        {
            int s = _p;
            _p++;
            var v = BitwiseOr();
            return new Starred(v, ExprContext.Load, SpanFrom(s));
        }
        return Expression();
    }

    private Expr StarNamedExpression()
    {
        if (At(TokenKind.Star))
        {
            int s = _p;
            _p++;
            var v = BitwiseOr();
            return new Starred(v, ExprContext.Load, SpanFrom(s));
        }
        return NamedExpression();
    }

    /// <summary>named_expression: NAME ':=' expression | expression !':='.</summary>
    private Expr NamedExpression()
    {
        int s = _p;
        if (Peek().Kind == TokenKind.Name && !IsKeyword(Peek().Text) && Peek(1).Kind == TokenKind.ColonEqual)
        {
            ref Token nt = ref Next();
            var target = new Name(nt.Text, ExprContext.Store, nt.Span);
            _p++; // :=
            var value = Expression();
            return new NamedExpr(target, value, SpanFrom(s));
        }
        var e = Expression();
        if (At(TokenKind.ColonEqual))
            throw ErrorAt($"cannot use assignment expressions with {ExprName(e)}", e.Span);
        if (At(TokenKind.Equal)) InvalidNamedExpressionEquals(e, s);
        return e;
    }

    /// <summary>CPython's invalid_named_expression for "x = y" where an expression is expected.</summary>
    private void InvalidNamedExpressionEquals(Expr e, int s)
    {
        int save = _p, saveFar = _far;
        _p++; // '='
        var rhs = Try(() => BitwiseOr());
        bool ok = rhs != null && !(At(TokenKind.Equal) || At(TokenKind.ColonEqual));
        _p = save;
        if (!ok) { _far = saveFar; return; }
        if (e is Name && _t[s].Kind == TokenKind.Name)
            throw ErrorAt("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e.Span.Start, rhs!.Span.End);
        bool excluded = e is List or Tuple or GeneratorExp || e is Constant { Value: bool or PyNone };
        bool bitwiseOrLevel = e is not (Compare or BoolOp or IfExp or Lambda or NamedExpr or Starred) && !(e is UnaryOp { Op: UnaryOperator.Not });
        if (!excluded && bitwiseOrLevel)
            throw ErrorAt($"cannot assign to {ExprName(e)} here. Maybe you meant '==' instead of '='?", e.Span);
        _far = saveFar;
    }

    /// <summary>Condition of if/elif/while.</summary>
    private Expr NamedExpressionChecked() => NamedExpression();

    private Expr YieldExpr()
    {
        int s = _p;
        _p++; // yield
        if (AcceptKw("from"))
        {
            var v = Expression();
            return new YieldFrom(v, SpanFrom(s));
        }
        if (StartsExpression() || At(TokenKind.Star))
        {
            var v = StarExpressionsOrTuple();
            return new Yield(v, SpanFrom(s));
        }
        return new Yield(null, SpanFrom(s));
    }

    // ------------------------------------------------------------------ precedence levels

    private Expr Expression()
    {
        EnsureStack();
        if (AtKw("lambda")) return LambdaExpr();
        int s = _p;
        var body = Disjunction();
        if (AtKw("if"))
        {
            _p++;
            var test = Disjunction();
            if (!AtKw("else"))
            {
                if (At(TokenKind.Colon)) throw Fail();
                throw ErrorAt("expected 'else' after 'if' expression", body.Span.Start, test.Span.End);
            }
            _p++;
            var orelse = Expression();
            return new IfExp(test, body, orelse, SpanFrom(s));
        }
        return body;
    }

    private Expr Disjunction()
    {
        int s = _p;
        var first = Conjunction();
        if (!AtKw("or")) return first;
        var values = new List<Expr> { first };
        while (AcceptKw("or")) values.Add(Conjunction());
        return new BoolOp(BoolOperator.Or, values, SpanFrom(s));
    }

    private Expr Conjunction()
    {
        int s = _p;
        var first = Inversion();
        if (!AtKw("and")) return first;
        var values = new List<Expr> { first };
        while (AcceptKw("and")) values.Add(Inversion());
        return new BoolOp(BoolOperator.And, values, SpanFrom(s));
    }

    private Expr Inversion()
    {
        EnsureStack();
        if (AtKw("not"))
        {
            int s = _p;
            _p++;
            var operand = Inversion();
            return new UnaryOp(UnaryOperator.Not, operand, SpanFrom(s));
        }
        return Comparison();
    }

    private CmpOperator? CompOp(out int len)
    {
        ref Token t = ref Peek();
        len = 1;
        switch (t.Kind)
        {
            case TokenKind.EqEqual: return CmpOperator.Eq;
            case TokenKind.NotEqual: return CmpOperator.NotEq;
            case TokenKind.Less: return CmpOperator.Lt;
            case TokenKind.LessEqual: return CmpOperator.LtE;
            case TokenKind.Greater: return CmpOperator.Gt;
            case TokenKind.GreaterEqual: return CmpOperator.GtE;
            case TokenKind.Name:
                switch (t.Text)
                {
                    case "in": return CmpOperator.In;
                    case "is":
                        if (AtKw(1, "not")) { len = 2; return CmpOperator.IsNot; }
                        return CmpOperator.Is;
                    case "not":
                        if (AtKw(1, "in")) { len = 2; return CmpOperator.NotIn; }
                        return null;
                }
                return null;
        }
        return null;
    }

    private Expr Comparison()
    {
        int s = _p;
        var left = BitwiseOr();
        var op = CompOp(out int len);
        if (op == null) return left;
        var ops = new List<CmpOperator>();
        var comparators = new List<Expr>();
        while (op != null)
        {
            _p += len;
            ops.Add(op.Value);
            comparators.Add(BitwiseOr());
            op = CompOp(out len);
        }
        return new Compare(left, ops, comparators, SpanFrom(s));
    }

    private Expr BitwiseOr()
    {
        int s = _p;
        var left = BitwiseXor();
        while (At(TokenKind.Vbar))
        {
            _p++;
            var right = BitwiseXor();
            left = new BinOp(left, Operator.BitOr, right, SpanFrom(s));
        }
        return left;
    }

    private Expr BitwiseXor()
    {
        int s = _p;
        var left = BitwiseAnd();
        while (At(TokenKind.Circumflex))
        {
            _p++;
            var right = BitwiseAnd();
            left = new BinOp(left, Operator.BitXor, right, SpanFrom(s));
        }
        return left;
    }

    private Expr BitwiseAnd()
    {
        int s = _p;
        var left = ShiftExpr();
        while (At(TokenKind.Amper))
        {
            _p++;
            var right = ShiftExpr();
            left = new BinOp(left, Operator.BitAnd, right, SpanFrom(s));
        }
        return left;
    }

    private Expr ShiftExpr()
    {
        int s = _p;
        var left = Sum();
        while (true)
        {
            var k = Peek().Kind;
            Operator op;
            if (k == TokenKind.LeftShift) op = Operator.LShift;
            else if (k == TokenKind.RightShift) op = Operator.RShift;
            else return left;
            _p++;
            var right = Sum();
            left = new BinOp(left, op, right, SpanFrom(s));
        }
    }

    private Expr Sum()
    {
        int s = _p;
        var left = Term();
        while (true)
        {
            var k = Peek().Kind;
            Operator op;
            if (k == TokenKind.Plus) op = Operator.Add;
            else if (k == TokenKind.Minus) op = Operator.Sub;
            else return left;
            _p++;
            var right = Term();
            left = new BinOp(left, op, right, SpanFrom(s));
        }
    }

    private Expr Term()
    {
        int s = _p;
        var left = Factor();
        while (true)
        {
            Operator op;
            switch (Peek().Kind)
            {
                case TokenKind.Star: op = Operator.Mult; break;
                case TokenKind.Slash: op = Operator.Div; break;
                case TokenKind.DoubleSlash: op = Operator.FloorDiv; break;
                case TokenKind.Percent: op = Operator.Mod; break;
                case TokenKind.At: op = Operator.MatMult; break;
                default: return left;
            }
            _p++;
            var right = Factor();
            left = new BinOp(left, op, right, SpanFrom(s));
        }
    }

    private Expr Factor()
    {
        EnsureStack();
        int s = _p;
        UnaryOperator op;
        switch (Peek().Kind)
        {
            case TokenKind.Plus: op = UnaryOperator.UAdd; break;
            case TokenKind.Minus: op = UnaryOperator.USub; break;
            case TokenKind.Tilde: op = UnaryOperator.Invert; break;
            default: return Power();
        }
        _p++;
        var operand = Factor();
        return new UnaryOp(op, operand, SpanFrom(s));
    }

    private Expr Power()
    {
        int s = _p;
        var left = AwaitPrimary();
        if (At(TokenKind.DoubleStar))
        {
            _p++;
            var right = Factor();
            return new BinOp(left, Operator.Pow, right, SpanFrom(s));
        }
        return left;
    }

    private Expr AwaitPrimary()
    {
        if (AtKw("await"))
        {
            int s = _p;
            _p++;
            var v = Primary();
            return new Await(v, SpanFrom(s));
        }
        return Primary();
    }

    private Expr Primary()
    {
        int s = _p;
        var e = Atom();
        while (true)
        {
            switch (Peek().Kind)
            {
                case TokenKind.Dot:
                    {
                        _p++;
                        string attr = ExpectIdentifier();
                        e = new Attribute(e, attr, ExprContext.Load, SpanFrom(s));
                        break;
                    }
                case TokenKind.Lpar:
                    {
                        int lp = _p;
                        _p++;
                        var args = new List<Expr>();
                        var kws = new List<Keyword>();
                        CallArguments(args, kws, lp);
                        Expect(TokenKind.Rpar);
                        e = new Call(e, args, kws, SpanFrom(s));
                        break;
                    }
                case TokenKind.Lsqb:
                    {
                        _p++;
                        var slice = Slices();
                        if (!At(TokenKind.Rsqb)) { CheckForgotComma(slice); throw Fail(); }
                        _p++;
                        e = new Subscript(e, slice, ExprContext.Load, SpanFrom(s));
                        break;
                    }
                default:
                    return e;
            }
        }
    }

    private Expr Slices()
    {
        int s = _p;
        var first = SliceItem();
        if (!At(TokenKind.Comma) && first is not Starred) return first;
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (At(TokenKind.Rsqb)) break;
            elts.Add(SliceItem());
        }
        return new Tuple(elts, ExprContext.Load, SpanFrom(s));
    }

    private Expr SliceItem()
    {
        int s = _p;
        if (At(TokenKind.Star))
        {
            _p++;
            var v = BitwiseOr();
            return new Starred(v, ExprContext.Load, SpanFrom(s));
        }
        Expr? lower = null;
        if (!At(TokenKind.Colon))
        {
            lower = NamedExpression();
            if (!At(TokenKind.Colon)) return lower;
        }
        _p++; // ':'
        Expr? upper = null, step = null;
        if (StartsExpression()) upper = Expression();
        if (Accept(TokenKind.Colon))
        {
            if (StartsExpression()) step = Expression();
        }
        return new Slice(lower, upper, step, SpanFrom(s));
    }

    // ------------------------------------------------------------------ calls

    private void CallArguments(List<Expr> args, List<Keyword> kws, int lparTok, bool allowGenexp = true)
    {
        bool seenKw = false, seenDoubleStar = false;
        int firstArgTok = _p;
        int prevEnd = -1;
        Expr? lastExpr = null;
        string? pending = null;
        while (!At(TokenKind.Rpar))
        {
            int s = _p;
            ref Token t = ref Peek();
            if (t.Kind == TokenKind.Star)
            {
                _p++;
                var v = Expression();
                if (seenDoubleStar)
                    throw ErrorAt("iterable argument unpacking follows keyword argument unpacking", StartOf(firstArgTok), prevEnd);
                args.Add(new Starred(v, ExprContext.Load, SpanFrom(s)));
                lastExpr = v;
            }
            else if (t.Kind == TokenKind.DoubleStar)
            {
                _p++;
                var v = Expression();
                kws.Add(new Keyword(null, v, SpanFrom(s)));
                seenDoubleStar = true;
                lastExpr = v;
            }
            else if (t.Kind == TokenKind.Name && (!IsKeyword(t.Text) || t.Text is "True" or "False" or "None") && Peek(1).Kind == TokenKind.Equal)
            {
                if (t.Text is "True" or "False" or "None")
                    throw ErrorAt($"cannot assign to {t.Text}", t.Span.Start, _t[_p + 1].Span.End);
                string name = t.Text;
                _p += 2;
                var v = Expression();
                kws.Add(new Keyword(name, v, SpanFrom(s)));
                seenKw = true;
                lastExpr = v;
            }
            else
            {
                Expr e;
                if (t.Kind == TokenKind.Name && !IsKeyword(t.Text) && Peek(1).Kind == TokenKind.ColonEqual) e = NamedExpression();
                else e = Expression();
                if (AtKw("for") || (AtKw("async") && AtKw(1, "for")))
                {
                    if (!allowGenexp)
                    {
                        // class bases: a bare generator is invalid syntax, one followed by more arguments "must be parenthesized"
                        int save = _p, saveFar = _far;
                        var g2 = Try(() => { ForIfClauses(); return At(TokenKind.Rpar) ? null : new List<Expr>(); });
                        if (g2 != null) throw ErrorAt("Generator expression must be parenthesized", StartOf(s), LastEnd());
                        _p = save;
                        _far = saveFar;
                        break;
                    }
                    var gens = ForIfClauses();
                    if (args.Count > 0 || kws.Count > 0 || !At(TokenKind.Rpar))
                        throw ErrorAt("Generator expression must be parenthesized", StartOf(s), LastEnd());
                    // a sole generator argument spans the call's parentheses
                    e = new GeneratorExp(e, gens, new Span(_t[lparTok].Span.Start, Peek().Span.End));
                }
                else if (At(TokenKind.Equal))
                {
                    throw ErrorAt("expression cannot contain assignment, perhaps you meant \"==\"?", e.Span.Start, Peek().Span.End);
                }
                else if (At(TokenKind.ColonEqual))
                {
                    throw ErrorAt($"cannot use assignment expressions with {ExprName(e)}", e.Span);
                }
                if (seenDoubleStar) pending ??= "positional argument follows keyword argument unpacking";
                else if (seenKw) pending ??= "positional argument follows keyword argument";
                args.Add(e);
                lastExpr = e;
            }
            prevEnd = LastEnd();
            if (!Accept(TokenKind.Comma))
            {
                if (!At(TokenKind.Rpar) && lastExpr != null) CheckForgotComma(lastExpr);
                break;
            }
        }
        // CPython reports argument order errors after reading all the arguments, at the last token read
        if (pending != null) throw ErrorAt(pending, FarSpan());
    }

    /// <summary>CPython's "invalid syntax. Perhaps you forgot a comma?" inside brackets.</summary>
    private void CheckForgotComma(Expr a)
    {
        if (a is Lambda or IfExp or NamedExpr or Starred or Slice or GeneratorExp) return;
        if (a is Tuple && !IsParenthesized(a)) return;
        if (a is Name { Id: "print" or "exec" }) return;
        // !(NAME STRING | SOFT_KEYWORD) at a's start
        int ai = FindTokenAt(a.Span.Start);
        if (ai >= 0)
        {
            ref Token at = ref _t[ai];
            if (at.Kind == TokenKind.Name && (at.Text is "match" or "case" or "_" or "type")) return;
            if (at.Kind == TokenKind.Name && ai + 1 < _t.Length && _t[ai + 1].Kind is TokenKind.String or TokenKind.FStringStart) return;
        }
        if (!StartsExpression()) return;
        int save = _p, saveFar = _far;
        var b = Try(() => Expression());
        _p = save;
        _far = saveFar;
        if (b != null)
            throw ErrorAt("invalid syntax. Perhaps you forgot a comma?", a.Span.Start, b.Span.End);
    }

    private int FindTokenAt(int offset)
    {
        int lo = 0, hi = Math.Min(_p, _t.Length - 1);
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int st = _t[mid].Span.Start;
            if (st == offset) return mid;
            if (st < offset) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    private void ExpectCloser(TokenKind closer, Expr? last)
    {
        if (At(closer)) { _p++; return; }
        if (last != null) CheckForgotComma(last);
        throw Fail();
    }

    // ------------------------------------------------------------------ atoms

    private Expr Atom()
    {
        EnsureStack();
        ref Token t = ref Peek();
        int s = _p;
        switch (t.Kind)
        {
            case TokenKind.Name:
                switch (t.Text)
                {
                    case "True": _p++; return new Constant(true, null, t.Span);
                    case "False": _p++; return new Constant(false, null, t.Span);
                    case "None": _p++; return new Constant(PyNone.Instance, null, t.Span);
                }
                if (Keywords.Contains(t.Text)) throw Fail();
                _p++;
                return new Name(t.Text, ExprContext.Load, t.Span);
            case TokenKind.Number:
                {
                    _p++;
                    object v;
                    try { v = Literals.ParseNumber(t.Text); }
                    catch (FormatException) { throw ErrorAt("invalid number literal", t.Span); }
                    return new Constant(v, null, t.Span);
                }
            case TokenKind.String:
            case TokenKind.FStringStart:
                return Strings();
            case TokenKind.Ellipsis:
                _p++;
                return new Constant(PyEllipsis.Instance, null, t.Span);
            case TokenKind.Lpar:
                return ParenAtom();
            case TokenKind.Lsqb:
                return ListAtom();
            case TokenKind.Lbrace:
                return BraceAtom();
        }
        throw Fail();
    }

    private bool AtForClause() => AtKw("for") || (AtKw("async") && AtKw(1, "for"));

    private Expr ParenAtom()
    {
        int s = _p;
        _p++; // (
        if (Accept(TokenKind.Rpar)) return new Tuple(new List<Expr>(), ExprContext.Load, SpanFrom(s));
        if (AtKw("yield"))
        {
            var y = YieldExpr();
            Expect(TokenKind.Rpar);
            return y;
        }
        var first = StarNamedExpression();
        if (AtForClause())
        {
            if (first is Starred) throw ErrorAt("iterable unpacking cannot be used in comprehension", first.Span);
            var gens = ForIfClauses();
            ExpectCloser(TokenKind.Rpar, null);
            return new GeneratorExp(first, gens, SpanFrom(s));
        }
        if (At(TokenKind.Comma))
        {
            var elts = new List<Expr> { first };
            while (Accept(TokenKind.Comma))
            {
                if (At(TokenKind.Rpar)) break;
                elts.Add(StarNamedExpression());
            }
            ExpectCloser(TokenKind.Rpar, elts[^1]);
            return new Tuple(elts, ExprContext.Load, SpanFrom(s));
        }
        ExpectCloser(TokenKind.Rpar, first);
        if (first is Starred) throw ErrorAt("cannot use starred expression here", first.Span);
        return first;
    }

    private Expr ListAtom()
    {
        int s = _p;
        _p++; // [
        if (Accept(TokenKind.Rsqb)) return new List(new List<Expr>(), ExprContext.Load, SpanFrom(s));
        var first = StarNamedExpression();
        if (AtForClause())
        {
            if (first is Starred) throw ErrorAt("iterable unpacking cannot be used in comprehension", first.Span);
            var gens = ForIfClauses();
            ExpectCloser(TokenKind.Rsqb, null);
            return new ListComp(first, gens, SpanFrom(s));
        }
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (At(TokenKind.Rsqb)) break;
            elts.Add(StarNamedExpression());
        }
        if (elts.Count > 1 && AtForClause())
            throw ErrorAt("did you forget parentheses around the comprehension target?", elts[0].Span.Start, elts[^1].Span.End);
        ExpectCloser(TokenKind.Rsqb, elts[^1]);
        return new List(elts, ExprContext.Load, SpanFrom(s));
    }

    private Expr BraceAtom()
    {
        int s = _p;
        _p++; // {
        if (Accept(TokenKind.Rbrace)) return new Dict(new List<Expr?>(), new List<Expr>(), SpanFrom(s));
        if (At(TokenKind.DoubleStar))
        {
            int ds = _p;
            _p++;
            var v = BitwiseOr();
            if (AtForClause()) throw ErrorAt("dict unpacking cannot be used in dict comprehension", StartOf(ds), v.Span.End);
            return DictRest(s, null, v);
        }
        var first = StarNamedExpression();
        if (At(TokenKind.Colon) && first is not (Starred or NamedExpr))
        {
            _p++;
            CheckDictValuePresent();
            var value = Expression();
            if (AtForClause())
            {
                var gens = ForIfClauses();
                ExpectCloser(TokenKind.Rbrace, null);
                return new DictComp(first, value, gens, SpanFrom(s));
            }
            return DictRest(s, first, value);
        }
        if (AtForClause())
        {
            if (first is Starred) throw ErrorAt("iterable unpacking cannot be used in comprehension", first.Span);
            var gens = ForIfClauses();
            ExpectCloser(TokenKind.Rbrace, null);
            return new SetComp(first, gens, SpanFrom(s));
        }
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (At(TokenKind.Rbrace)) break;
            elts.Add(StarNamedExpression());
        }
        if (elts.Count > 1 && AtForClause())
            throw ErrorAt("did you forget parentheses around the comprehension target?", elts[0].Span.Start, elts[^1].Span.End);
        ExpectCloser(TokenKind.Rbrace, elts[^1]);
        return new Set(elts, SpanFrom(s));
    }

    private void CheckDictValuePresent()
    {
        if (At(TokenKind.Rbrace) || At(TokenKind.Comma))
            throw ErrorAt("expression expected after dictionary key and ':'", _t[_p - 1].Span);
    }

    private Expr DictRest(int s, Expr? firstKey, Expr firstValue)
    {
        var keys = new List<Expr?> { firstKey };
        var values = new List<Expr> { firstValue };
        while (Accept(TokenKind.Comma))
        {
            if (At(TokenKind.Rbrace)) break;
            if (Accept(TokenKind.DoubleStar))
            {
                keys.Add(null);
                values.Add(BitwiseOr());
                continue;
            }
            var k = Expression();
            if (!At(TokenKind.Colon))
            {
                if (At(TokenKind.Comma) || At(TokenKind.Rbrace))
                    throw ErrorAt("':' expected after dictionary key", k.Span);
                throw Fail();
            }
            _p++;
            CheckDictValuePresent();
            keys.Add(k);
            values.Add(Expression());
        }
        ExpectCloser(TokenKind.Rbrace, values[^1]);
        return new Dict(keys, values, SpanFrom(s));
    }

    private List<Comprehension> ForIfClauses()
    {
        var list = new List<Comprehension>();
        while (AtForClause())
        {
            int s = _p;
            bool isAsync = false;
            if (AtKw("async")) { _p++; isAsync = true; }
            _p++; // for
            var target = ForTarget();
            ExpectKw("in");
            var iter = Disjunction();
            var ifs = new List<Expr>();
            while (AtKw("if"))
            {
                _p++;
                ifs.Add(Disjunction());
            }
            list.Add(new Comprehension(target, iter, ifs, isAsync, SpanFrom(s)));
        }
        return list;
    }

    private Expr LambdaExpr()
    {
        int s = _p;
        _p++; // lambda
        var args = Parameters(TokenKind.Colon, allowAnnotations: false);
        Expect(TokenKind.Colon);
        var body = Expression();
        return new Lambda(args, body, SpanFrom(s));
    }

    // ------------------------------------------------------------------ parameters

    /// <summary>Parameters of a def (closer ')') or lambda (closer ':'), without the closer.</summary>
    private Arguments Parameters(TokenKind closer, bool allowAnnotations)
    {
        var posonly = new List<Arg>();
        var args = new List<Arg>();
        var defaults = new List<Expr>();
        Arg? vararg = null, kwarg = null;
        var kwonly = new List<Arg>();
        var kwdefaults = new List<Expr?>();
        bool seenSlash = false, seenStar = false, seenDefault = false;
        while (!At(closer))
        {
            ref Token t = ref Peek();
            if (kwarg != null)
            {
                throw ErrorAt("arguments cannot follow var-keyword argument", t.Span);
            }
            if (t.Kind == TokenKind.Slash)
            {
                if (seenSlash) throw ErrorAt("/ may appear only once", t.Span);
                if (seenStar) throw ErrorAt("/ must be ahead of *", t.Span);
                if (args.Count == 0) throw ErrorAt("at least one argument must precede /", t.Span);
                _p++;
                seenSlash = true;
                posonly.AddRange(args);
                args.Clear();
            }
            else if (t.Kind == TokenKind.Star)
            {
                if (seenStar) throw ErrorAt("* argument may appear only once", t.Span);
                var starTok = t;
                _p++;
                seenStar = true;
                if (At(TokenKind.Comma) || At(closer))
                {
                    // bare '*': keyword-only parameters must follow
                    if (At(closer) || Peek(1).Kind == closer || Peek(1).Kind == TokenKind.DoubleStar)
                        throw ErrorAt("named arguments must follow bare *", starTok.Span);
                }
                else
                {
                    vararg = Param(allowAnnotations, starAnnotation: true);
                    if (At(TokenKind.Equal)) throw ErrorAt("var-positional argument cannot have default value", Peek().Span);
                }
            }
            else if (t.Kind == TokenKind.DoubleStar)
            {
                _p++;
                kwarg = Param(allowAnnotations, starAnnotation: false);
                if (At(TokenKind.Equal)) throw ErrorAt("var-keyword argument cannot have default value", Peek().Span);
            }
            else
            {
                var p = Param(allowAnnotations, starAnnotation: false);
                Expr? def = null;
                if (Accept(TokenKind.Equal)) def = Expression();
                if (seenStar)
                {
                    kwonly.Add(p);
                    kwdefaults.Add(def);
                }
                else
                {
                    if (def != null) { defaults.Add(def); seenDefault = true; }
                    else if (seenDefault) throw ErrorAt("non-default argument follows default argument", p.Span);
                    args.Add(p);
                }
            }
            if (!Accept(TokenKind.Comma)) break;
        }
        return new Arguments(posonly, args, vararg, kwonly, kwdefaults, kwarg, defaults);
    }

    private Arg Param(bool allowAnnotations, bool starAnnotation)
    {
        int s = _p;
        string name = ExpectIdentifier();
        Expr? ann = null;
        if (allowAnnotations && Accept(TokenKind.Colon))
            ann = starAnnotation ? StarExpression() : Expression();
        return new Arg(name, ann, SpanFrom(s));
    }

    // ------------------------------------------------------------------ strings

    private sealed class JoinedBuilder
    {
        public readonly List<Expr> Values = new();
        private StringBuilder? _lit;
        private int _litStart, _litEnd;

        public void AddLiteral(string text, Span span)
        {
            if (text.Length == 0) return;
            if (_lit == null) { _lit = new StringBuilder(); _litStart = span.Start; }
            _lit.Append(text);
            _litEnd = span.End;
        }

        public void AddValue(Expr e)
        {
            Flush();
            Values.Add(e);
        }

        public void Flush()
        {
            if (_lit == null) return;
            Values.Add(new Constant(_lit.ToString(), null, new Span(_litStart, _litEnd)));
            _lit = null;
        }
    }

    /// <summary>Adjacent string literals (STRING and f-strings), concatenated as CPython does.</summary>
    private Expr Strings()
    {
        int s = _p;
        bool anyF = false, anyBytes = false, anyStr = false;
        for (int i = _p; ; i++)
        {
            if (i >= _errIdx) break;
            var k = _t[i].Kind;
            if (k == TokenKind.String)
            {
                if (Literals.IsBytesPrefix(_t[i].Text)) anyBytes = true; else anyStr = true;
            }
            else if (k == TokenKind.FStringStart)
            {
                anyF = true;
                anyStr = true;
                // skip to the matching end
                int depth = 0;
                for (; i < _t.Length; i++)
                {
                    if (_t[i].Kind == TokenKind.FStringStart) depth++;
                    else if (_t[i].Kind == TokenKind.FStringEnd && --depth == 0) break;
                    if (i >= _errIdx) break;
                }
            }
            else break;
        }
        if (anyBytes && anyStr)
        {
            // find the end of the literal run for the span
            while (At(TokenKind.String) || At(TokenKind.FStringStart))
            {
                if (At(TokenKind.String)) _p++;
                else SkipFString();
            }
            Peek();
            throw ErrorAt("cannot mix bytes and nonbytes literals", FarSpan());
        }
        if (!anyF)
        {
            // CPython decodes after reading all the literals (errors are reported at the token after them)
            while (At(TokenKind.String)) _p++;
            Peek();
            int endTok = _p;
            _p = s;
            ref Token first = ref Peek();
            string? kind = Literals.HasUPrefix(first.Text) ? "u" : null;
            if (anyBytes)
            {
                var bytes = new List<byte>();
                while (At(TokenKind.String))
                {
                    ref Token t = ref Next();
                    bytes.AddRange(DecodeStringToken(t, out _) as byte[] ?? Array.Empty<byte>());
                }
                return new Constant(bytes.ToArray(), kind, SpanFrom(s));
            }
            if (!At(TokenKind.String) || Peek(1).Kind != TokenKind.String)
            {
                ref Token t = ref Next();
                return new Constant((string)DecodeStringToken(t, out _), kind, t.Span);
            }
            var sb = new StringBuilder();
            while (At(TokenKind.String))
            {
                ref Token t = ref Next();
                sb.Append((string)DecodeStringToken(t, out _));
            }
            return new Constant(sb.ToString(), kind, SpanFrom(s));
        }
        var jb = new JoinedBuilder();
        while (true)
        {
            if (At(TokenKind.String))
            {
                ref Token t = ref Next();
                jb.AddLiteral((string)DecodeStringToken(t, out _), t.Span);
            }
            else if (At(TokenKind.FStringStart))
            {
                FStringInto(jb);
            }
            else break;
        }
        jb.Flush();
        return new JoinedStr(jb.Values, SpanFrom(s));
    }

    private void SkipFString()
    {
        int depth = 0;
        while (true)
        {
            var k = Peek().Kind;
            _p++;
            if (k == TokenKind.FStringStart) depth++;
            else if (k == TokenKind.FStringEnd && --depth == 0) return;
            else if (k == TokenKind.EndMarker) throw Fail();
        }
    }

    private object DecodeStringToken(in Token t, out bool isBytes)
    {
        try
        {
            return Literals.DecodeStringLiteral(t.Text, out isBytes);
        }
        catch (FormatException ex)
        {
            _literalError = true;
            throw ErrorAt(ex.Message, FarSpan());
        }
    }

    private void FStringInto(JoinedBuilder jb)
    {
        ref Token st = ref Next(); // FSTRING_START
        bool raw = st.Text.IndexOfAny(new[] { 'r', 'R' }) >= 0;
        while (true)
        {
            ref Token t = ref Peek();
            switch (t.Kind)
            {
                case TokenKind.FStringMiddle:
                    _p++;
                    jb.AddLiteral(DecodeFStringMiddle(t, raw), t.Span);
                    break;
                case TokenKind.Lbrace:
                    ReplacementField(jb, raw);
                    break;
                case TokenKind.FStringEnd:
                    _p++;
                    return;
                default:
                    throw Fail();
            }
        }
    }

    private string DecodeFStringMiddle(in Token t, bool raw)
    {
        try
        {
            return Literals.DecodeFStringText(t.Text, raw);
        }
        catch (FormatException ex)
        {
            _literalError = true;
            throw ErrorAt(ex.Message, t.Span);
        }
    }

    private void ReplacementField(JoinedBuilder jb, bool raw)
    {
        int s = _p;
        ref Token lb = ref Next(); // '{'
        if (At(TokenKind.Rbrace) || At(TokenKind.Exclamation) || At(TokenKind.Colon) || At(TokenKind.Equal))
            throw ErrorAt($"f-string: valid expression required before '{Peek().Text}'", Peek().Span);
        Expr e = AtKw("yield") ? YieldExpr() : StarExpressionsOrTuple();
        string? debug = null;
        Span debugSpan = default;
        if (At(TokenKind.Equal))
        {
            _p++;
            int end = Peek().Span.Start;
            debug = _src.Text.Substring(lb.Span.End, end - lb.Span.End);
            debugSpan = new Span(lb.Span.End, end);
        }
        int conv = -1;
        if (At(TokenKind.Exclamation))
        {
            ref Token bang = ref Next();
            ref Token c = ref Peek();
            if (c.Kind != TokenKind.Name || c.Span.Start != bang.Span.End)
                throw ErrorAt("f-string: missing conversion character", c.Span);
            if (c.Text is not ("s" or "r" or "a"))
                throw ErrorAt($"f-string: invalid conversion character '{c.Text}': expected 's', 'r', or 'a'", c.Span);
            conv = c.Text[0];
            _p++;
        }
        JoinedStr? spec = null;
        if (At(TokenKind.Colon))
        {
            _p++;
            spec = FormatSpec(raw);
        }
        if (!At(TokenKind.Rbrace))
        {
            if (At(TokenKind.FStringEnd) || At(TokenKind.FStringMiddle))
                throw ErrorAt("f-string: expecting '}'", Peek().Span);
            throw Fail();
        }
        _p++;
        if (debug != null && conv == -1 && spec == null) conv = 'r';
        if (debug != null) jb.AddLiteral(debug, debugSpan);
        jb.AddValue(new FormattedValue(e, conv, spec, SpanFrom(s)));
    }

    private JoinedStr FormatSpec(bool raw)
    {
        int s = _p;
        var jb = new JoinedBuilder();
        while (!At(TokenKind.Rbrace))
        {
            ref Token t = ref Peek();
            if (t.Kind == TokenKind.FStringMiddle)
            {
                _p++;
                jb.AddLiteral(DecodeFStringMiddle(t, raw), t.Span);
            }
            else if (t.Kind == TokenKind.Lbrace)
            {
                ReplacementField(jb, raw);
            }
            else throw Fail();
        }
        jb.Flush();
        var span = _p > s ? SpanFrom(s) : new Span(_t[s].Span.Start, _t[s].Span.Start);
        return new JoinedStr(jb.Values, span);
    }
}
