using System.Numerics;
using SharpJit.Diagnostics;
using SharpJit.Syntax;
using Xunit;
using Assert = Xunit.Assert;
using Attribute = SharpJit.Syntax.Attribute;
using Tuple = SharpJit.Syntax.Tuple;

namespace SharpJit.Tests.Syntax;

/// <summary>
/// Hand-written structural checks: Python 3.12-only syntax (which the system CPython 3.11 cannot check), literal
/// values, spans, and the public AST API.
/// </summary>
public class ParserStructureTests
{
    private static Module Parse(string text) => PythonParser.Parse(new SourceText("<t>", text));

    private static T Only<T>(string text) where T : Stmt
    {
        var m = Parse(text);
        return Assert.IsType<T>(Assert.Single(m.Body));
    }

    private static Expr Value(string expr) => Only<ExprStmt>(expr + "\n").Value;

    private static string Src(string text, Node n) => text.Substring(n.Span.Start, n.Span.Length);

    // ------------------------------------------------------------------ 3.12: PEP 695

    [Fact]
    public void TypeAliasStatement()
    {
        var t = Only<TypeAlias>("type Point = tuple[float, float]\n");
        Assert.Equal("Point", Assert.IsType<Name>(t.Name).Id);
        Assert.Equal(ExprContext.Store, ((Name)t.Name).Ctx);
        Assert.Empty(t.TypeParams);
        Assert.IsType<Subscript>(t.Value);
        Assert.Equal(new Span(0, 32), t.Span);
    }

    [Fact]
    public void GenericTypeAlias()
    {
        const string src = "type Pair[T, *Ts, **P, U: int] = dict[T, U]\n";
        var t = Only<TypeAlias>(src);
        Assert.Collection(t.TypeParams,
            p => Assert.Equal(("T", null), (Assert.IsType<TypeVar>(p).Name, ((TypeVar)p).Bound)),
            p => Assert.Equal("Ts", Assert.IsType<TypeVarTuple>(p).Name),
            p => Assert.Equal("P", Assert.IsType<ParamSpec>(p).Name),
            p => Assert.Equal("int", Assert.IsType<Name>(Assert.IsType<TypeVar>(p).Bound).Id));
        Assert.Equal("*Ts", Src(src, t.TypeParams[1]));
        Assert.Equal("**P", Src(src, t.TypeParams[2]));
        Assert.Equal("U: int", Src(src, t.TypeParams[3]));
    }

    [Fact]
    public void TypeIsStillAName()
    {
        var m = Parse("type = 1\ntype(x)\ntype.x = 2\nprint(type)\n");
        Assert.IsType<Assign>(m.Body[0]);
        Assert.IsType<Call>(((ExprStmt)m.Body[1]).Value);
        Assert.All(m.Body, s => Assert.IsNotType<TypeAlias>(s));
    }

    [Fact]
    public void GenericFunctionAndClass()
    {
        var m = Parse("def first[T](xs: list[T]) -> T:\n    return xs[0]\n\nclass Box[T: (int, str)](Base):\n    pass\n\nasync def g[*A, **K](): pass\n");
        var f = Assert.IsType<FunctionDef>(m.Body[0]);
        Assert.Equal("T", Assert.IsType<TypeVar>(Assert.Single(f.TypeParams)).Name);
        Assert.Equal("xs", Assert.Single(f.Args.Args).Name);
        var c = Assert.IsType<ClassDef>(m.Body[1]);
        var tv = Assert.IsType<TypeVar>(Assert.Single(c.TypeParams));
        Assert.IsType<Tuple>(tv.Bound);
        Assert.Equal("Base", Assert.IsType<Name>(Assert.Single(c.Bases)).Id);
        var g = Assert.IsType<AsyncFunctionDef>(m.Body[2]);
        Assert.Equal(2, g.TypeParams.Count);
    }

    // ------------------------------------------------------------------ 3.12: PEP 701 f-strings

    [Fact]
    public void FStringReusingQuotes()
    {
        const string src = "f\"{d[\"key\"]} and {\", \".join(xs)}\"\n";
        var js = Assert.IsType<JoinedStr>(Value(src.TrimEnd('\n')));
        Assert.Equal(3, js.Values.Count);
        var fv = Assert.IsType<FormattedValue>(js.Values[0]);
        var sub = Assert.IsType<Subscript>(fv.Value);
        Assert.Equal("key", Assert.IsType<Constant>(sub.Slice).Value);
        Assert.Equal("d[\"key\"]", Src(src, sub));
        Assert.Equal(" and ", Assert.IsType<Constant>(js.Values[1]).Value);
        var call = Assert.IsType<Call>(Assert.IsType<FormattedValue>(js.Values[2]).Value);
        Assert.Equal("\", \".join(xs)", Src(src, call));
    }

    [Fact]
    public void FStringNestedFStringsAndMultilineExpressions()
    {
        const string src = "f'{f'{x:{w}}'!r:>{n}}' f'''{\n  a +  # comment\n  b\n}'''\n";
        var js = Assert.IsType<JoinedStr>(Only<ExprStmt>(src).Value);
        var outer = Assert.IsType<FormattedValue>(js.Values[0]);
        Assert.Equal('r', outer.Conversion);
        var inner = Assert.IsType<JoinedStr>(outer.Value);
        var innerField = Assert.IsType<FormattedValue>(Assert.Single(inner.Values));
        Assert.Equal("x", Assert.IsType<Name>(innerField.Value).Id);
        Assert.Equal("w", Assert.IsType<Name>(Assert.IsType<FormattedValue>(Assert.Single(innerField.FormatSpec!.Values)).Value).Id);
        var spec = outer.FormatSpec!;
        Assert.Equal(">", Assert.IsType<Constant>(spec.Values[0]).Value);
        Assert.Equal("n", Assert.IsType<Name>(Assert.IsType<FormattedValue>(spec.Values[1]).Value).Id);
        var sum = Assert.IsType<BinOp>(Assert.IsType<FormattedValue>(js.Values[1]).Value);
        Assert.Equal("a +  # comment\n  b", Src(src, sum));
    }

    [Fact]
    public void FStringPartsAndDebugSpecifier()
    {
        const string src = "f'a{{b}}{x = }{y=:>4}{z!s}\\n'";
        var js = Assert.IsType<JoinedStr>(Value(src));
        Assert.Collection(js.Values,
            v => Assert.Equal("a{b}x = ", Assert.IsType<Constant>(v).Value),
            v => Assert.Equal(('r', (JoinedStr?)null), (Assert.IsType<FormattedValue>(v).Conversion, ((FormattedValue)v).FormatSpec)),
            v => Assert.Equal("y=", Assert.IsType<Constant>(v).Value),
            v => Assert.Equal(-1, Assert.IsType<FormattedValue>(v).Conversion),
            v => Assert.Equal('s', Assert.IsType<FormattedValue>(v).Conversion),
            v => Assert.Equal("\n", Assert.IsType<Constant>(v).Value));
        // 3.12 positions: a replacement field spans its braces
        Assert.Equal("{x = }", Src(src, js.Values[1]));
        Assert.Equal("x", Src(src, ((FormattedValue)js.Values[1]).Value));
    }

    [Fact]
    public void FStringBackslashInExpression()
    {
        // allowed since 3.12
        var js = Assert.IsType<JoinedStr>(Value("f'{\"\\n\".join(a)}'"));
        var call = Assert.IsType<Call>(Assert.IsType<FormattedValue>(Assert.Single(js.Values)).Value);
        Assert.Equal("\n", Assert.IsType<Constant>(Assert.IsType<Attribute>(call.Func).Value).Value);
    }

    [Fact]
    public void RawFString()
    {
        var js = Assert.IsType<JoinedStr>(Value("rf'\\d+{x}\\n'"));
        Assert.Equal("\\d+", Assert.IsType<Constant>(js.Values[0]).Value);
        Assert.Equal("\\n", Assert.IsType<Constant>(js.Values[2]).Value);
    }

    // ------------------------------------------------------------------ literals

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("0x_ff", 255L)]
    [InlineData("0o17", 15L)]
    [InlineData("0b101", 5L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("1_000", 1000L)]
    public void IntLiterals(string text, long value) => Assert.Equal(value, Assert.IsType<Constant>(Value(text)).Value);

    [Fact]
    public void BigAndFloatAndComplexLiterals()
    {
        Assert.Equal(BigInteger.Parse("9223372036854775808"), Assert.IsType<Constant>(Value("9223372036854775808")).Value);
        Assert.Equal(BigInteger.Parse("1208925819614629174706175"), Assert.IsType<Constant>(Value("0xFFFFFFFFFFFFFFFFFFFF")).Value);
        Assert.Equal(1.5e-3, Assert.IsType<Constant>(Value("1.5e-3")).Value);
        Assert.Equal(0.5, Assert.IsType<Constant>(Value(".5")).Value);
        Assert.Equal(double.PositiveInfinity, Assert.IsType<Constant>(Value("1e400")).Value);
        Assert.Equal(new Complex(0, 3), Assert.IsType<Constant>(Value("3j")).Value);
        Assert.Equal(new Complex(0, 2.5), Assert.IsType<Constant>(Value("2.5J")).Value);
        var neg = Assert.IsType<UnaryOp>(Value("-1"));
        Assert.Equal(UnaryOperator.USub, neg.Op);
        Assert.Equal(1L, Assert.IsType<Constant>(neg.Operand).Value);
    }

    [Fact]
    public void StringLiterals()
    {
        Assert.Equal("ab\tc", Assert.IsType<Constant>(Value("'ab' \"\\tc\"")).Value);
        Assert.Equal("\\t", Assert.IsType<Constant>(Value("r'\\t'")).Value);
        Assert.Equal(new byte[] { 0, 255, (byte)'A' }, Assert.IsType<Constant>(Value("b'\\x00\\xff' B'A'")).Value);
        Assert.Equal("é€😀—", Assert.IsType<Constant>(Value("'\\xe9\\u20ac\\U0001F600\\N{EM DASH}'")).Value);
        Assert.Equal("\\N{NO SUCH NAME}", Assert.IsType<Constant>(Value("'\\N{NO SUCH NAME}'")).Value);
        Assert.Equal("a\nb\n", Assert.IsType<Constant>(Value("'''a\r\nb\n'''")).Value);
        Assert.Equal("\\q", Assert.IsType<Constant>(Value("'\\q'")).Value);
        var u = Assert.IsType<Constant>(Value("u'x'"));
        Assert.Equal("u", u.Kind);
        Assert.Null(Assert.IsType<Constant>(Value("'x'")).Kind);
        Assert.Same(PyNone.Instance, Assert.IsType<Constant>(Value("None")).Value);
        Assert.Same(PyEllipsis.Instance, Assert.IsType<Constant>(Value("...")).Value);
        Assert.Equal(true, Assert.IsType<Constant>(Value("True")).Value);
    }

    // ------------------------------------------------------------------ structure and spans

    [Fact]
    public void OperatorPrecedence()
    {
        // -a ** b * c + d << e & f ^ g | h  ==  ((((((-(a ** b)) * c) + d) << e) & f) ^ g) | h
        var or = Assert.IsType<BinOp>(Value("-a ** b * c + d << e & f ^ g | h"));
        Assert.Equal(Operator.BitOr, or.Op);
        var xor = Assert.IsType<BinOp>(or.Left);
        Assert.Equal(Operator.BitXor, xor.Op);
        var and = Assert.IsType<BinOp>(xor.Left);
        Assert.Equal(Operator.BitAnd, and.Op);
        var shift = Assert.IsType<BinOp>(and.Left);
        Assert.Equal(Operator.LShift, shift.Op);
        var add = Assert.IsType<BinOp>(shift.Left);
        Assert.Equal(Operator.Add, add.Op);
        var mul = Assert.IsType<BinOp>(add.Left);
        Assert.Equal(Operator.Mult, mul.Op);
        var neg = Assert.IsType<UnaryOp>(mul.Left);
        Assert.Equal(Operator.Pow, Assert.IsType<BinOp>(neg.Operand).Op);
        // power is right-associative
        var pow = Assert.IsType<BinOp>(Value("a ** b ** c"));
        Assert.IsType<Name>(pow.Left);
        Assert.IsType<BinOp>(pow.Right);
    }

    [Fact]
    public void ChainedComparisonAndBoolOps()
    {
        var cmp = Assert.IsType<Compare>(Value("a < b <= c is not d not in e"));
        Assert.Equal(new[] { CmpOperator.Lt, CmpOperator.LtE, CmpOperator.IsNot, CmpOperator.NotIn }, cmp.Ops);
        Assert.Equal(4, cmp.Comparators.Count);
        var or = Assert.IsType<BoolOp>(Value("a or b and c or not d"));
        Assert.Equal(BoolOperator.Or, or.Op);
        Assert.Equal(3, or.Values.Count);
        Assert.Equal(BoolOperator.And, Assert.IsType<BoolOp>(or.Values[1]).Op);
    }

    [Fact]
    public void SpansCoverSourceText()
    {
        const string src = "result = obj.method(a, *b, key=[1, 2][0], **kw)[1:2]\n";
        var assign = Only<Assign>(src);
        Assert.Equal(src.TrimEnd('\n'), Src(src, assign));
        var sub = Assert.IsType<Subscript>(assign.Value);
        Assert.Equal("1:2", Src(src, sub.Slice));
        var call = Assert.IsType<Call>(sub.Value);
        Assert.Equal("obj.method(a, *b, key=[1, 2][0], **kw)", Src(src, call));
        Assert.Equal("*b", Src(src, call.Args[1]));
        Assert.Equal("key=[1, 2][0]", Src(src, call.Keywords[0]));
        Assert.Null(call.Keywords[1].Arg);
        Assert.Equal("**kw", Src(src, call.Keywords[1]));
    }

    [Fact]
    public void CompoundStatementSpansEndAtLastStatement()
    {
        const string src = "@dec\ndef f(x):\n    if x:\n        return 1\n    # trailing comment\n\nx = 2\n";
        var m = Parse(src);
        var f = Assert.IsType<FunctionDef>(m.Body[0]);
        Assert.StartsWith("def f(x):", Src(src, f));
        Assert.EndsWith("return 1", Src(src, f));
        Assert.Equal("dec", Src(src, Assert.Single(f.DecoratorList)));
    }

    [Fact]
    public void ArgumentsKinds()
    {
        var f = Only<FunctionDef>("def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass\n");
        var a = f.Args;
        Assert.Equal(new[] { "a", "b" }, a.PosOnlyArgs.Select(x => x.Name));
        Assert.Equal(new[] { "c" }, a.Args.Select(x => x.Name));
        Assert.Equal("args", a.VarArg!.Name);
        Assert.Equal(new[] { "d", "e" }, a.KwOnlyArgs.Select(x => x.Name));
        Assert.Null(a.KwDefaults[0]);
        Assert.NotNull(a.KwDefaults[1]);
        Assert.Equal("kw", a.KwArg!.Name);
        Assert.Equal(2, a.Defaults.Count);
    }

    [Fact]
    public void StoreAndDelContexts()
    {
        var m = Parse("a, [b.c, *d[0]] = x\ndel e, f.g\nfor h in i: pass\nwith j as (k, l): pass\n");
        var t = Assert.IsType<Tuple>(Assert.IsType<Assign>(m.Body[0]).Targets[0]);
        Assert.Equal(ExprContext.Store, t.Ctx);
        var l = Assert.IsType<List>(t.Elts[1]);
        Assert.Equal(ExprContext.Store, Assert.IsType<Attribute>(l.Elts[0]).Ctx);
        var st = Assert.IsType<Starred>(l.Elts[1]);
        Assert.Equal(ExprContext.Store, st.Ctx);
        Assert.Equal(ExprContext.Store, Assert.IsType<Subscript>(st.Value).Ctx);
        Assert.All(Assert.IsType<Delete>(m.Body[1]).Targets, e => Assert.Equal(ExprContext.Del, e switch { Name n => n.Ctx, Attribute a => a.Ctx, _ => ExprContext.Load }));
        Assert.Equal(ExprContext.Store, Assert.IsType<Name>(Assert.IsType<For>(m.Body[2]).Target).Ctx);
        var w = Assert.IsType<With>(m.Body[3]);
        Assert.Equal(ExprContext.Store, Assert.IsType<Tuple>(Assert.Single(w.Items).OptionalVars).Ctx);
    }

    [Fact]
    public void MatchStatementPatterns()
    {
        const string src = "match cmd:\n    case [Point(x=0) as p, *rest] | {'k': 1, **kw} if p:\n        pass\n    case _:\n        pass\n";
        var m = Only<Match>(src);
        Assert.Equal(2, m.Cases.Count);
        var or = Assert.IsType<MatchOr>(m.Cases[0].Pattern);
        var seq = Assert.IsType<MatchSequence>(or.Patterns[0]);
        var asp = Assert.IsType<MatchAs>(seq.Patterns[0]);
        Assert.Equal("p", asp.Name);
        var cls = Assert.IsType<MatchClass>(asp.Pattern);
        Assert.Equal(new[] { "x" }, cls.KwdAttrs);
        Assert.Equal("rest", Assert.IsType<MatchStar>(seq.Patterns[1]).Name);
        var map = Assert.IsType<MatchMapping>(or.Patterns[1]);
        Assert.Equal("kw", map.Rest);
        Assert.NotNull(m.Cases[0].Guard);
        var wild = Assert.IsType<MatchAs>(m.Cases[1].Pattern);
        Assert.Null(wild.Name);
        Assert.Null(wild.Pattern);
    }

    [Fact]
    public void ChildrenAndVisiting()
    {
        var m = Parse("def f(a=1):\n    return a + g(b)\n");
        var all = new List<Node>();
        void Walk(Node n) { all.Add(n); foreach (var c in n.Children()) Walk(c); }
        Walk(m);
        Assert.Contains(all, n => n is Call);
        Assert.Contains(all, n => n is Arg { Name: "a" });
        Assert.Equal(2, all.OfType<Constant>().Count() + all.OfType<BinOp>().Count());
        Assert.Equal("Expr", new ExprStmt(new Name("x", ExprContext.Load)).PyTypeName);
    }

    [Fact]
    public void ParseExpressionEntryPoint()
    {
        var e = PythonParser.ParseExpression(new SourceText("<e>", "x + 1\n"));
        Assert.IsType<BinOp>(e);
    }

    [Fact]
    public void LargeInputIsFast()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 20000; i++) sb.Append("x").Append(i).Append(" = [a + b * c for a, b in zip(y, z) if a] ; f(x, *y, k=1)\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var m = Parse(sb.ToString());
        Assert.Equal(40000, m.Body.Count);
        Assert.True(sw.ElapsedMilliseconds < 10000, $"took {sw.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void DeeplyNestedExpressions()
    {
        string src = new string('(', 150) + "1" + new string(')', 150);
        Assert.IsType<Constant>(Value(src));
        string src2 = string.Concat(Enumerable.Repeat("-", 500)) + "1";
        Assert.IsType<UnaryOp>(Value(src2));
    }
}
