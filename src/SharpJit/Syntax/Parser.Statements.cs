using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

internal sealed partial class Parser
{
    // ------------------------------------------------------------------ statements

    /// <summary>One statement line: a compound statement, or simple statements separated by ';'.</summary>
    private void Statement(List<Stmt> into)
    {
        EnsureStack();
        ref Token t = ref Peek();
        switch (t.Kind)
        {
            case TokenKind.Name:
                switch (t.Text)
                {
                    case "def": into.Add(FunctionDef(_p, new List<Expr>(), false)); return;
                    case "if": into.Add(IfStmt()); return;
                    case "class": into.Add(ClassDef(_p, new List<Expr>())); return;
                    case "with": into.Add(WithStmt(_p, false)); return;
                    case "for": into.Add(ForStmt(_p, false)); return;
                    case "try": into.Add(TryStmt()); return;
                    case "while": into.Add(WhileStmt()); return;
                    case "async":
                        {
                            int s = _p;
                            ref Token n = ref Peek(1);
                            if (n.Kind == TokenKind.Name)
                            {
                                if (n.Text == "def") { _p++; into.Add(FunctionDef(s, new List<Expr>(), true)); return; }
                                if (n.Text == "with") { _p++; into.Add(WithStmt(s, true)); return; }
                                if (n.Text == "for") { _p++; into.Add(ForStmt(s, true)); return; }
                            }
                            throw Fail();
                        }
                    case "match":
                        {
                            var m = TryMatchStmt(out bool subjectParsed, out bool subjectThenNewline);
                            if (m != null) { into.Add(m); return; }
                            if (subjectThenNewline)
                            {
                                // CPython's invalid_match_stmt: "match x" NEWLINE is "expected ':'" unless it is a valid statement
                                try
                                {
                                    SimpleStmts(into);
                                    return;
                                }
                                catch (CompileError) when (!_tokenizerErrorRaised)
                                {
                                    throw ErrorAt("expected ':'", FarSpan());
                                }
                            }
                            _ = subjectParsed;
                            break;
                        }
                }
                break;
            case TokenKind.At:
                into.Add(Decorated());
                return;
            case TokenKind.Indent:
                throw IndentError("unexpected indent", t);
        }
        SimpleStmts(into);
    }

    private List<Stmt> Statements()
    {
        var list = new List<Stmt>();
        while (true)
        {
            var k = Peek().Kind;
            if (k == TokenKind.Dedent || k == TokenKind.EndMarker) break;
            Statement(list);
        }
        return list;
    }

    private void SimpleStmts(List<Stmt> into)
    {
        while (true)
        {
            into.Add(SimpleStmt());
            if (Accept(TokenKind.Semi))
            {
                if (Accept(TokenKind.Newline)) return;
                continue;
            }
            if (Accept(TokenKind.Newline)) return;
            throw Fail();
        }
    }

    /// <summary>A block after ':' — an indented suite or simple statements on the same line.</summary>
    private List<Stmt> Block(string what, int headerTok)
    {
        if (At(TokenKind.Newline))
        {
            _p++;
            if (!At(TokenKind.Indent))
            {
                throw new CompileError(ErrorKind.IndentationError,
                    $"expected an indented block after {what} on line {_t[headerTok].Line}", _src, Peek().Span);
            }
            _p++;
            var body = Statements();
            Expect(TokenKind.Dedent);
            return body;
        }
        var list = new List<Stmt>();
        SimpleStmts(list);
        return list;
    }

    private Stmt SimpleStmt()
    {
        int s = _p;
        ref Token t = ref Peek();
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "pass": _p++; return new Pass(SpanFrom(s));
                case "break": _p++; return new Break(SpanFrom(s));
                case "continue": _p++; return new Continue(SpanFrom(s));
                case "return":
                    {
                        _p++;
                        Expr? v = StartsExpression() || At(TokenKind.Star) ? StarExpressionsOrTuple() : null;
                        return new Return(v, SpanFrom(s));
                    }
                case "import": return ImportName();
                case "from": return ImportFrom();
                case "raise":
                    {
                        _p++;
                        Expr? exc = null, cause = null;
                        if (StartsExpression())
                        {
                            exc = Expression();
                            if (AcceptKw("from")) cause = Expression();
                        }
                        return new Raise(exc, cause, SpanFrom(s));
                    }
                case "global":
                case "nonlocal":
                    {
                        _p++;
                        var names = new List<string> { ExpectIdentifier() };
                        while (Accept(TokenKind.Comma)) names.Add(ExpectIdentifier());
                        return t.Text == "global" ? new Global(names, SpanFrom(s)) : new Nonlocal(names, SpanFrom(s));
                    }
                case "del": return DelStmt();
                case "assert":
                    {
                        _p++;
                        var test = Expression();
                        Expr? msg = null;
                        if (Accept(TokenKind.Comma)) msg = Expression();
                        return new Assert(test, msg, SpanFrom(s));
                    }
                case "type":
                    if (Peek(1).Kind == TokenKind.Name && Peek(2).Kind is TokenKind.Equal or TokenKind.Lsqb)
                        return TypeAliasStmt();
                    break;
            }
        }
        return ExprOrAssignStmt();
    }

    private Stmt ExprOrAssignStmt()
    {
        int s = _p;
        Expr first = AtKw("yield") ? YieldExpr() : StarExpressionsOrTuple();
        ref Token t = ref Peek();
        switch (t.Kind)
        {
            case TokenKind.Equal:
                {
                    var targets = new List<Expr> { first };
                    var starts = new List<int> { s };
                    Expr value;
                    int firstRhsStart = _p + 1;
                    while (true)
                    {
                        _p++; // '='
                        int vs = _p;
                        if (!(StartsExpression() || At(TokenKind.Star) || AtKw("yield")))
                        {
                            // "a = {} =": CPython's invalid_assignment reports the bad target before the missing value
                            foreach (var tg in targets)
                                if (InvalidTarget(tg, TargetsType.Star) != null && tg is not (Yield or YieldFrom))
                                    throw InvalidTargetError(tg, TargetsType.Star);
                            throw Fail();
                        }
                        value = AtKw("yield") ? YieldExpr() : StarExpressionsOrTuple();
                        if (!At(TokenKind.Equal)) break;
                        targets.Add(value);
                        starts.Add(vs);
                    }
                    for (int i = 0; i < targets.Count; i++)
                    {
                        if (targets[i] is Yield or YieldFrom && _t[starts[i]].IsName("yield"))
                            throw ErrorAt("assignment to yield expression not possible", targets[i].Span);
                        if (InvalidTarget(targets[i], TargetsType.Star) != null)
                        {
                            if (i == 0) InvalidFirstTarget(first, firstRhsStart);
                            throw InvalidTargetError(targets[i], TargetsType.Star);
                        }
                        ApplyContext(targets[i], ExprContext.Store);
                    }
                    return new Assign(targets, value, SpanFrom(s));
                }
            case TokenKind.Colon:
                {
                    // annotated assignment
                    bool simple = first is Name && _t[s].Kind == TokenKind.Name;
                    if (first is not (Name or Attribute or Subscript))
                    {
                        // CPython's invalid_assignment needs an expression after the ':'
                        int save = _p, saveFar = _far;
                        _p++;
                        var ann0 = Try(() => Expression());
                        _p = save;
                        if (ann0 == null) { _far = saveFar; throw Fail(); }
                        switch (first)
                        {
                            case Tuple t0 when !IsParenthesized(t0):
                                throw ErrorAt("only single target (not tuple) can be annotated", t0.Elts[0].Span);
                            case Tuple: throw ErrorAt("only single target (not tuple) can be annotated", first.Span);
                            case List: throw ErrorAt("only single target (not list) can be annotated", first.Span);
                            default: throw ErrorAt("illegal target for annotation", first.Span);
                        }
                    }
                    ApplyContext(first, ExprContext.Store);
                    _p++;
                    var ann = Expression();
                    Expr? value = null;
                    if (Accept(TokenKind.Equal)) value = AtKw("yield") ? YieldExpr() : StarExpressionsOrTuple();
                    return new AnnAssign(first, ann, value, simple, SpanFrom(s));
                }
        }
        var aug = AugOp(t.Kind);
        if (aug != null)
        {
            if (first is not (Name or Attribute or Subscript))
                throw ErrorAt($"'{ExprName(first)}' is an illegal expression for augmented assignment", first.Span);
            ApplyContext(first, ExprContext.Store);
            _p++;
            var value = AtKw("yield") ? YieldExpr() : StarExpressionsOrTuple();
            return new AugAssign(first, aug.Value, value, SpanFrom(s));
        }
        if (t.Kind is not (TokenKind.Newline or TokenKind.Semi))
        {
            // Python 2 "print x" / "exec x"
            if (first is Name { Id: "print" or "exec" } nm && _t[s].Kind == TokenKind.Name && t.Kind != TokenKind.Lpar && StartsExpression())
            {
                var rest = Try(() => StarExpressionsOrTuple());
                if (rest != null)
                    throw ErrorAt($"Missing parentheses in call to '{nm.Id}'. Did you mean {nm.Id}(...)?", first.Span.Start, rest.Span.End);
            }
            if (first is Yield or YieldFrom) { }
        }
        return new ExprStmt(first, SpanFrom(s));
    }

    /// <summary>
    /// CPython's invalid_named_expression at the start of a statement "target = rhs" (rhs not followed by '='):
    /// the last element of the target (or the target) gets "... here. Maybe you meant ...".
    /// </summary>
    private void InvalidFirstTarget(Expr target, int rhsStartTok)
    {
        int save = _p, saveFar = _far;
        _p = rhsStartTok;
        var rhs = Try(() => BitwiseOr());
        bool ok = rhs != null && !(At(TokenKind.Equal) || At(TokenKind.ColonEqual));
        _p = save;
        _far = saveFar;
        if (!ok) return;
        var last = target is Tuple tup && !IsParenthesized(tup) ? tup.Elts[^1] : target;
        if (last is Name && _src.Text[last.Span.Start] != '(' && FindTokenAt(last.Span.Start) is int ti && ti >= 0 && (ti == 0 || _t[ti - 1].Kind != TokenKind.Lpar))
            throw ErrorAt("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", last.Span.Start, rhs!.Span.End);
        bool excluded = last is List or Tuple or GeneratorExp || last is Constant { Value: bool or PyNone };
        bool bitwiseOrLevel = last is not (Compare or BoolOp or IfExp or Lambda or NamedExpr or Starred or Yield or YieldFrom)
            && !(last is UnaryOp { Op: UnaryOperator.Not });
        if (!excluded && bitwiseOrLevel)
            throw ErrorAt($"cannot assign to {ExprName(last)} here. Maybe you meant '==' instead of '='?", last.Span);
    }

    private bool IsParenthesized(Expr e)
    {
        // a parenthesized tuple's span starts with '(' in the source
        int s = e.Span.Start;
        return s < _src.Text.Length && _src.Text[s] == '(' && e is Tuple;
    }

    private static Operator? AugOp(TokenKind k) => k switch
    {
        TokenKind.PlusEqual => Operator.Add,
        TokenKind.MinEqual => Operator.Sub,
        TokenKind.StarEqual => Operator.Mult,
        TokenKind.AtEqual => Operator.MatMult,
        TokenKind.SlashEqual => Operator.Div,
        TokenKind.PercentEqual => Operator.Mod,
        TokenKind.AmperEqual => Operator.BitAnd,
        TokenKind.VbarEqual => Operator.BitOr,
        TokenKind.CircumflexEqual => Operator.BitXor,
        TokenKind.LeftShiftEqual => Operator.LShift,
        TokenKind.RightShiftEqual => Operator.RShift,
        TokenKind.DoubleStarEqual => Operator.Pow,
        TokenKind.DoubleSlashEqual => Operator.FloorDiv,
        _ => null,
    };

    private Stmt DelStmt()
    {
        int s = _p;
        _p++; // del
        var targets = new List<Expr>();
        while (true)
        {
            if (!StartsExpression() && !At(TokenKind.Star)) throw Fail();
            var e = StarExpression();
            targets.Add(e);
            if (!Accept(TokenKind.Comma)) break;
            if (At(TokenKind.Newline) || At(TokenKind.Semi)) break;
        }
        if (!(At(TokenKind.Newline) || At(TokenKind.Semi)))
        {
            // e.g. "del x + 1": report the invalid target CPython finds
            throw Fail();
        }
        foreach (var e in targets)
        {
            if (InvalidTarget(e, TargetsType.Del) != null) throw InvalidTargetError(e, TargetsType.Del);
            ApplyContext(e, ExprContext.Del);
        }
        return new Delete(targets, SpanFrom(s));
    }

    private Stmt TypeAliasStmt()
    {
        int s = _p;
        _p++; // type
        int ns = _p;
        string name = ExpectIdentifier();
        var nameExpr = new Name(name, ExprContext.Store, SpanFrom(ns));
        var tps = At(TokenKind.Lsqb) ? TypeParams() : new List<TypeParam>();
        Expect(TokenKind.Equal);
        var value = Expression();
        return new TypeAlias(nameExpr, tps, value, SpanFrom(s));
    }

    private List<TypeParam> TypeParams()
    {
        Expect(TokenKind.Lsqb);
        if (At(TokenKind.Rsqb)) throw ErrorAt("Type parameter list cannot be empty", Peek().Span);
        var list = new List<TypeParam>();
        while (!At(TokenKind.Rsqb))
        {
            int s = _p;
            if (Accept(TokenKind.Star))
            {
                string n = ExpectIdentifier();
                if (At(TokenKind.Colon)) throw ErrorAt("cannot use bound with TypeVarTuple", Peek().Span);
                list.Add(new TypeVarTuple(n, SpanFrom(s)));
            }
            else if (Accept(TokenKind.DoubleStar))
            {
                string n = ExpectIdentifier();
                if (At(TokenKind.Colon)) throw ErrorAt("cannot use bound with ParamSpec", Peek().Span);
                list.Add(new ParamSpec(n, SpanFrom(s)));
            }
            else
            {
                string n = ExpectIdentifier();
                Expr? bound = null;
                if (Accept(TokenKind.Colon)) bound = Expression();
                list.Add(new TypeVar(n, bound, SpanFrom(s)));
            }
            if (!Accept(TokenKind.Comma)) break;
        }
        if (list.Count == 0) throw Fail();
        Expect(TokenKind.Rsqb);
        return list;
    }

    // ------------------------------------------------------------------ imports

    private Stmt ImportName()
    {
        int s = _p;
        _p++; // import
        var names = new List<Alias>();
        do
        {
            int a = _p;
            string name = DottedName();
            string? asname = null;
            if (AcceptKw("as")) asname = ExpectIdentifier();
            names.Add(new Alias(name, asname, SpanFrom(a)));
        } while (Accept(TokenKind.Comma));
        return new Import(names, SpanFrom(s));
    }

    private string DottedName()
    {
        string name = ExpectIdentifier();
        if (!At(TokenKind.Dot)) return name;
        var sb = new System.Text.StringBuilder(name);
        while (Accept(TokenKind.Dot)) sb.Append('.').Append(ExpectIdentifier());
        return sb.ToString();
    }

    private Stmt ImportFrom()
    {
        int s = _p;
        _p++; // from
        int level = 0;
        while (true)
        {
            if (Accept(TokenKind.Dot)) level++;
            else if (Accept(TokenKind.Ellipsis)) level += 3;
            else break;
        }
        string? module = null;
        if (!AtKw("import") || level == 0) module = DottedName();
        ExpectKw("import");
        var names = new List<Alias>();
        if (At(TokenKind.Star))
        {
            int a = _p;
            _p++;
            names.Add(new Alias("*", null, SpanFrom(a)));
        }
        else if (Accept(TokenKind.Lpar))
        {
            do
            {
                if (At(TokenKind.Rpar) && names.Count > 0) break;
                names.Add(ImportAlias());
            } while (Accept(TokenKind.Comma));
            Expect(TokenKind.Rpar);
        }
        else
        {
            while (true)
            {
                names.Add(ImportAlias());
                if (!At(TokenKind.Comma)) break;
                _p++;
                if (At(TokenKind.Newline))
                    throw ErrorAt("trailing comma not allowed without surrounding parentheses", Peek().Span);
            }
        }
        return new ImportFrom(module, names, level, SpanFrom(s));
    }

    private Alias ImportAlias()
    {
        int a = _p;
        string name = ExpectIdentifier();
        string? asname = null;
        if (AcceptKw("as")) asname = ExpectIdentifier();
        return new Alias(name, asname, SpanFrom(a));
    }

    // ------------------------------------------------------------------ compound statements

    private Stmt Decorated()
    {
        var decorators = new List<Expr>();
        while (Accept(TokenKind.At))
        {
            decorators.Add(NamedExpression());
            Expect(TokenKind.Newline);
        }
        int s = _p;
        if (AtKw("def")) return FunctionDef(s, decorators, false);
        if (AtKw("async") && AtKw(1, "def")) { _p++; return FunctionDef(s, decorators, true); }
        if (AtKw("class")) return ClassDef(s, decorators);
        throw Fail();
    }

    private Stmt FunctionDef(int s, List<Expr> decorators, bool isAsync)
    {
        int defTok = _p;
        _p++; // def
        string name = ExpectIdentifier();
        var tps = At(TokenKind.Lsqb) ? TypeParams() : new List<TypeParam>();
        ExpectForced(TokenKind.Lpar, "(");
        var args = Parameters(TokenKind.Rpar, allowAnnotations: true);
        Expect(TokenKind.Rpar);
        Expr? returns = null;
        if (Accept(TokenKind.Rarrow)) returns = Expression();
        ExpectForced(TokenKind.Colon, ":");
        var body = Block("function definition", defTok);
        var span = SpanFrom(s);
        return isAsync
            ? new AsyncFunctionDef(name, args, body, decorators, returns, tps, span)
            : new FunctionDef(name, args, body, decorators, returns, tps, span);
    }

    private Stmt ClassDef(int s, List<Expr> decorators)
    {
        int classTok = _p;
        _p++; // class
        string name = ExpectIdentifier();
        var tps = At(TokenKind.Lsqb) ? TypeParams() : new List<TypeParam>();
        var bases = new List<Expr>();
        var keywords = new List<Keyword>();
        if (At(TokenKind.Lpar))
        {
            int lp = _p;
            _p++;
            CallArguments(bases, keywords, lp, allowGenexp: false);
            Expect(TokenKind.Rpar);
        }
        ExpectColonNewlineRule();
        var body = Block("class definition", classTok);
        return new ClassDef(name, bases, keywords, body, decorators, tps, SpanFrom(s));
    }

    private Stmt IfStmt()
    {
        int s = _p;
        bool isElif = AtKw("elif");
        _p++; // if / elif
        var test = NamedExpressionChecked();
        ExpectColonNewlineRule();
        var body = Block(isElif ? "'elif' statement" : "'if' statement", s);
        var orelse = new List<Stmt>();
        if (AtKw("elif"))
        {
            orelse.Add(IfStmt());
        }
        else if (AtKw("else"))
        {
            orelse = ElseBlock();
        }
        return new If(test, body, orelse, SpanFrom(s));
    }

    private List<Stmt> ElseBlock()
    {
        int e = _p;
        _p++; // else
        ExpectForced(TokenKind.Colon, ":");
        return Block("'else' statement", e);
    }

    private Stmt WhileStmt()
    {
        int s = _p;
        _p++;
        var test = NamedExpressionChecked();
        ExpectColonNewlineRule();
        var body = Block("'while' statement", s);
        var orelse = AtKw("else") ? ElseBlock() : new List<Stmt>();
        return new While(test, body, orelse, SpanFrom(s));
    }

    private Stmt ForStmt(int s, bool isAsync)
    {
        int forTok = _p;
        _p++; // for
        var target = ForTarget();
        ExpectKw("in");
        var iter = StarExpressionsOrTuple();
        ExpectColonNewlineRule();
        var body = Block("'for' statement", forTok);
        var orelse = AtKw("else") ? ElseBlock() : new List<Stmt>();
        var span = SpanFrom(s);
        return isAsync ? new AsyncFor(target, iter, body, orelse, span) : new For(target, iter, body, orelse, span);
    }

    /// <summary>star_targets of a for statement or comprehension, followed by 'in'.</summary>
    private Expr ForTarget()
    {
        int s = _p;
        var target = Try(() =>
        {
            var t = StarTargets();
            if (!AtKw("in")) throw Fail();
            return t;
        });
        if (target != null)
        {
            SetContext(target, ExprContext.Store, TargetsType.For);
            return target;
        }
        // CPython's invalid_for_target: report the bad target in "for <star_expressions>"
        _p = s;
        var e = Try(() => StarExpressionsOrTuple());
        if (e != null)
        {
            var bad = InvalidTarget(e, TargetsType.For);
            if (bad != null) throw ErrorAt($"cannot assign to {ExprName(bad)}", bad.Span);
        }
        _p = s;
        StarTargets();
        throw Fail();
    }

    /// <summary>star_targets: targets separated by commas (a Tuple if there is a comma).</summary>
    private Expr StarTargets()
    {
        int s = _p;
        var first = StarTarget();
        if (!At(TokenKind.Comma)) return first;
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (!(StartsExpression() || At(TokenKind.Star))) break;
            elts.Add(StarTarget());
        }
        return new Tuple(elts, ExprContext.Store, SpanFrom(s));
    }

    private Expr StarTarget()
    {
        int s = _p;
        if (Accept(TokenKind.Star))
        {
            if (At(TokenKind.Star)) throw Fail();
            var v = StarTarget();
            return new Starred(v, ExprContext.Store, SpanFrom(s));
        }
        var e = Primary();
        if (InvalidTarget(e, TargetsType.Star) != null) throw InvalidTargetError(e, TargetsType.Star);
        return e;
    }

    private Stmt WithStmt(int s, bool isAsync)
    {
        int withTok = _p;
        _p++; // with
        List<WithItem>? items = null;
        if (At(TokenKind.Lpar))
        {
            // 'with' '(' ','.with_item+ ','? ')' ':'
            items = Try(() =>
            {
                _p++;
                var list = new List<WithItem>();
                while (true)
                {
                    list.Add(WithItem());
                    if (!Accept(TokenKind.Comma)) break;
                    if (At(TokenKind.Rpar)) break;
                }
                Expect(TokenKind.Rpar);
                if (!At(TokenKind.Colon)) throw Fail();
                return list;
            });
        }
        if (items == null)
        {
            items = new List<WithItem>();
            do items.Add(WithItem()); while (Accept(TokenKind.Comma));
        }
        ExpectColonNewlineRule();
        var body = Block("'with' statement", withTok);
        var span = SpanFrom(s);
        return isAsync ? new AsyncWith(items, body, span) : new With(items, body, span);
    }

    private WithItem WithItem()
    {
        int s = _p;
        var e = Expression();
        Expr? vars = null;
        if (AcceptKw("as"))
        {
            int ts = _p;
            bool newlineAfter = false;
            var t = Try(() =>
            {
                var x = StarTarget();
                newlineAfter = At(TokenKind.Newline);
                if (!(At(TokenKind.Comma) || At(TokenKind.Rpar) || At(TokenKind.Colon))) throw Fail();
                return x;
            });
            if (t == null && newlineAfter) throw ErrorAt("expected ':'", FarSpan());
            if (t == null)
            {
                _p = ts;
                var bad = Try(() =>
                {
                    var x = Expression();
                    return At(TokenKind.Comma) || At(TokenKind.Rpar) || At(TokenKind.Colon) ? x : null;
                });
                if (bad != null) throw InvalidTargetError(bad, TargetsType.Star);
                _p = ts;
                StarTarget();
                throw Fail();
            }
            SetContext(t, ExprContext.Store, TargetsType.Star);
            vars = t;
        }
        return new WithItem(e, vars, SpanFrom(s));
    }

    private Stmt TryStmt()
    {
        int s = _p;
        _p++; // try
        ExpectForced(TokenKind.Colon, ":");
        var body = Block("'try' statement", s);
        var handlers = new List<ExceptHandler>();
        bool? star = null;
        while (AtKw("except"))
        {
            int hs = _p;
            _p++;
            bool isStar = false;
            if (At(TokenKind.Star)) { _p++; isStar = true; }
            if (star != null && star != isStar)
                throw ErrorAt("cannot have both 'except' and 'except*' on the same 'try'", _t[hs].Span.Start, LastEnd());
            star = isStar;
            Expr? type = null;
            string? name = null;
            if (!At(TokenKind.Colon))
            {
                if (At(TokenKind.Newline)) throw ErrorAt("expected ':'", FarSpan());
                int ts = _p;
                type = Expression();
                if (At(TokenKind.Comma))
                {
                    var rest = Try(() =>
                    {
                        var list = new List<Expr>();
                        while (Accept(TokenKind.Comma)) { if (At(TokenKind.Colon) || AtKw("as")) break; list.Add(Expression()); }
                        return At(TokenKind.Colon) || AtKw("as") ? list : null;
                    });
                    if (rest != null && rest.Count > 0)
                        throw ErrorAt("multiple exception types must be parenthesized", StartOf(ts), rest[^1].Span.End);
                    throw Fail();
                }
                if (AcceptKw("as")) name = ExpectIdentifier();
            }
            else if (isStar)
            {
                throw ErrorAt("expected one or more exception types", Peek().Span);
            }
            ExpectColonNewlineRule();
            var hbody = Block(isStar ? "'except*' statement" : "'except' statement", hs);
            handlers.Add(new ExceptHandler(type, name, hbody, SpanFrom(hs)));
        }
        var orelse = new List<Stmt>();
        var finalbody = new List<Stmt>();
        if (handlers.Count > 0 && AtKw("else")) orelse = ElseBlock();
        if (AtKw("finally"))
        {
            int fs = _p;
            _p++;
            ExpectForced(TokenKind.Colon, ":");
            finalbody = Block("'finally' statement", fs);
        }
        if (handlers.Count == 0 && finalbody.Count == 0)
        {
            throw ErrorAt("expected 'except' or 'finally' block", Peek().Span);
        }
        var span = SpanFrom(s);
        return star == true ? new TryStar(body, handlers, orelse, finalbody, span) : new Try(body, handlers, orelse, finalbody, span);
    }
}
