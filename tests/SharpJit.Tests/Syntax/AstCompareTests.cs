using SharpJit.Diagnostics;
using SharpJit.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace SharpJit.Tests.Syntax;

/// <summary>Our syntax trees (structure and every position) against CPython's <c>ast</c> for many snippets.</summary>
public class AstCompareTests
{
    /// <summary>Snippets valid in Python 3.11 (what /usr/bin/python3 is), covering every construct.</summary>
    public static readonly string[] Snippets =
    {
        // assignments
        "x = 1\n",
        "a = b = c = [1, 2]\n",
        "a, b = b, a\n",
        "(a, b), [c, *d] = x\n",
        "*a, b = range(3)\n",
        "x.y.z = f(1)[2] = 3\n",
        "x: int\ny: 'str' = 'a'\n(z): float = 1.5\nself.w: list[int] = []\nd['k']: int\n",
        "x += 1; x -= 2; x *= 3; x @= m; x /= 4; x %= 5; x &= 6; x |= 7; x ^= 8; x <<= 9; x >>= 10; x **= 11; x //= 12\n",
        "x = yield_ = 1,\n",
        "a = 1, 2,\n",
        "(a) = (b) = (1)\n",
        // simple statements
        "del a, b[0], c.d\ndel (e, f), [g]\n",
        "pass\n",
        "def f():\n    global a, b\n    def g():\n        nonlocal c\n    return\n",
        "def f(x):\n    return x, 1\n",
        "raise\nraise E\nraise E('m') from None\n",
        "assert x\nassert x > 0, 'message'\n",
        "import os\nimport os.path as p, sys\nfrom a.b import c as d, e\nfrom . import x\nfrom ...pkg.mod import (y as z,\n    w,)\nfrom .. import *\n",
        "for i in range(10):\n    if i == 5:\n        break\n    continue\n",
        // compound statements
        "if a:\n    pass\nelif b:\n    x = 1\nelif c: y = 2\nelse:\n    z = 3\n",
        "while x < 10:\n    x += 1\nelse:\n    done()\n",
        "for i, (a, b) in enumerate(pairs):\n    print(i)\nelse:\n    pass\n",
        "with open(p) as f, lock:\n    f.read()\n",
        "with (open(a) as f, open(b) as g,):\n    pass\n",
        "with (a, b):\n    pass\nwith (a, b) as c:\n    pass\nwith (yield):\n    pass\n",
        "try:\n    x()\nexcept ValueError as e:\n    raise\nexcept (TypeError, KeyError):\n    pass\nexcept:\n    log()\nelse:\n    ok()\nfinally:\n    cleanup()\n",
        "try:\n    x()\nexcept* ValueError as eg:\n    pass\nexcept* (TypeError, OSError):\n    pass\n",
        "try:\n    pass\nfinally:\n    pass\n",
        // functions and classes
        "def f(a, b=1, *args, c, d=2, **kwargs):\n    pass\n",
        "def f(a, b, /, c, d=4, *, e=5, f):\n    pass\n",
        "def f(a: int = 1, *args: str, b: 'x' = None, **kw: dict) -> bool:\n    ...\n",
        "def f(*, a): pass\ndef g(a, /): pass\ndef h(**k): pass\ndef i(): return lambda: 0\n",
        "@decorator\n@decorator.attr(1, x=2)\n@(lambda f: f)\ndef f():\n    '''docstring'''\n",
        "async def main():\n    await asyncio.sleep(1)\n    async for x in aiter():\n        pass\n    async with lock as l, other:\n        pass\n    return [x async for x in y if x]\n",
        "class A:\n    pass\nclass B(A, metaclass=M, **kw):\n    x: int = 1\n    def m(self): return self.x\n",
        "@dataclass(frozen=True)\nclass P(Generic[T]):\n    x: int\n",
        "lambda: 0\nlambda x: x\nlambda x, y=1, *a, z, **k: (x, y)\nlambda *, k: k\nlambda a, /, b: a\n",
        "def gen():\n    x = yield\n    y = yield 1\n    z = yield from other()\n    yield a, b\n    await_ = (yield)\n",
        // expressions
        "x = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ m ** 2 ** 3\n",
        "x = -a ** -b\ny = ~x + +y - -z\nz = not a and not b or c\n",
        "x = a | b ^ c & d << 1 >> 2\n",
        "x = a < b <= c > d >= e == f != g in h not in i is j is not k\n",
        "x = a if b else c if d else e\n",
        "if (n := len(a)) > 10:\n    print(f'{n}')\nwhile chunk := f.read():\n    pass\n",
        "x = [y := 1, y ** 2]\nf(x := 3)\n",
        "x = a.b.c(d)[e](f).g\n",
        "f(a, b, *c, d=1, *e, **g, h=2)\nf(x for x in y)\nf(*[1], **{})\n",
        "x = (a for b in c if d if e for f in g)\n",
        "x = [i * j for i in range(3) for j in range(i) if j]\n",
        "x = {k: v for k, v in d.items()}\ny = {x for x in s}\n",
        "x = [*a, *b]\ny = {**a, 'b': 1, **c}\nz = {*a, 1}\nt = *a, *b\n",
        "x = a[1]\nx = a[1:2]\nx = a[::2]\nx = a[:]\nx = a[1:2, 3]\nx = a[..., None]\nx = a[:, ::-1, 1:]\nx = a[()]\nx = a[1,]\n",
        "x = a[*b]\nx = a[1, *b]\n",
        "x = ()\nx = (1,)\nx = (1, 2)\nx = []\nx = {}\nx = (1)\nx = ((a))\n",
        "x = await_\nprint(*args, sep='')\n",
        // literals
        "x = [0, 1, 42, 1_000_000, 0x1F, 0XAB_CD, 0o17, 0O7, 0b1010, 0B1_0, 00, 0_0]\n",
        "x = [123456789012345678901234567890, 0xFFFFFFFFFFFFFFFFFFFF, 9223372036854775807, 9223372036854775808]\n",
        "x = [1.0, 1., .5, 1e10, 1E-5, 1.5e+3, 3.14_15, 1_0.0_1e1_0, 0.0001, 1e16, 1e300, 1e400, 123456789.125]\n",
        "x = [1j, 2.5J, 1e3j, 0j, 1 + 2j, 1e400j]\n",
        "x = ['a', \"b\", '''c''', \"\"\"d\ne\"\"\", r'\\n', R\"\\t\", u'u', U\"U\", b'b', B'\\x00\\xff', rb'\\d', Br'x', bR'y', RB'z']\n",
        "x = 'a' 'b' \"c\"\ny = b'a' b'b'\nz = u'a' 'b'\nw = 'a' u'b'\n",
        "x = '\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v\\0\\101\\x41\\u0041\\U0001F600\\N{EM DASH}\\q'\n",
        "x = 'line1\\\nline2'\ny = '''a\n  b\n'''\n",
        "x = b'\\n\\x41\\101\\\\'\n",
        "x = [None, True, False, ...]\n",
        "x = f'plain'\ny = f''\nz = f'{a}'\n",
        "x = f'a{b}c{d!r}e{f!s:>10}g{h!a}{i:{j}.{k}}'\n",
        "x = f'{x=}' f'{y = !s}' f'{z=:>5}' F'{{literal}}' rf'\\d{v}' f'{a}' 'plain' f'{b}'\n",
        "x = f'{\"nested\"}{d[\"key\"]}{f(a, b)}{x if y else z}{ {1: 2}[1] }{(lambda: 1)()}'\n",
        "x = f'''multi\nline {value:{width}}\n{other}'''\n",
        "x = f'{a:%Y-%m-%d}' f'{3.14:.2f}' f'{n:,}' f'{b!r:^{w}}'\n",
        // match statements
        "match command:\n    case 'go':\n        pass\n    case 1 | 2 | -3 | 1.5 | 2j | -1 + 2j:\n        pass\n    case None | True | False:\n        pass\n",
        "match p:\n    case [x, y, *rest]:\n        pass\n    case (a, b):\n        pass\n    case [*_]:\n        pass\n    case ():\n        pass\n    case x, y:\n        pass\n    case a, *b,:\n        pass\n",
        "match p:\n    case {'k': v, 1: w, **rest}:\n        pass\n    case {}:\n        pass\n    case {Color.RED: x}:\n        pass\n",
        "match p:\n    case Point(x=0, y=yy) if yy > 0:\n        pass\n    case mod.Cls(1, [a], k=b):\n        pass\n    case Color.RED:\n        pass\n    case _:\n        pass\n",
        "match x, y:\n    case (1 as a) | (2 as a):\n        pass\n    case [1, 2] as lst:\n        pass\n    case str() | bytes():\n        pass\n    case other:\n        pass\n",
        "match = 1\nmatch.x = 2\nmatch(a)\ncase = 3\n_ = 4\ntype = 5\ntype(x)\nprint(match, case, type)\n",
        "match -x:\n    case 'a' 'b':\n        pass\n",
        // layout
        "x = (1 +\n     2)\ny = [\n    1,\n    2,\n]\nz = 1 + \\\n    2\n",
        "if x:\n\tif y:\n\t\tpass\n\telse:\n\t\tpass\n",
        "# comment\nx = 1  # trailing\n\n\n    # indented comment\ny = 2\n",
        "x = 1; y = 2;\nif a: b; c\n",
        "def f(a,  # type: int\n      ):\n    # type: (...) -> None\n    x = []  # type: List[int]\n",
        "class A:\n    def f(self):\n        if x:\n            return 1\n\n\n    def g(self): pass\n",
        // unicode (CPython's columns are UTF-8 byte offsets)
        "s = 'héllo wörld €'\nnaïve = 1\nπ = 3.14; x = π * 2\n",
        "x = f'{ß}ü{y}'\n",
        "x = '\\xe9\\u20ac\\x7f\\x00'\ny = '\U0001F600'\n",
        // misc
        "print(a, b, sep='', end='\\n', file=sys.stderr)\n",
        "x = a if (b := c) else d\n",
        "for x, in y: pass\nfor [a, b] in c: pass\nfor (a) in b: pass\n",
        "x = [lambda: i for i in range(3)]\n",
        "x[a, b:c] = y\nx.y[z] += 1\n",
        "def f():\n    return (yield)\n",
        "async def f():\n    await x\n    y = await z ** 2\n    return [await a async for b in c]\n",
        "x = not not a\ny = - - 1\n",
        "if not (a in b):\n    pass\n",
        "x = a.b.c.d\n",
        "global_ = 1\nx = {**a}\ny = {1: 2, **b, 3: 4}\n",
        "x = 'a' \\\n    'b'\n",
        "\n\n\nx = 1\n\n\n",
        "",
        "x",
        "if x:\n    pass",
        "x = 1\n    \n",
    };

    [Fact]
    public void SnippetsMatchCPython()
    {
        Assert.True(CPythonReference.Available, $"{CPythonReference.PythonPath} is needed for this test (install python3)");
        var expected = CPythonReference.DumpSnippets(Snippets);
        var failures = new List<string>();
        for (int i = 0; i < Snippets.Length; i++)
        {
            string actual;
            try
            {
                var module = PythonParser.Parse(new SourceText("<snippet>", Snippets[i]));
                actual = AstPrinter.DumpCanonical(module, omitFStringPartPositions: true);
            }
            catch (CompileError e)
            {
                actual = "SyntaxError: " + e.Diagnostic.Message;
            }
            if (actual != expected[i])
                failures.Add($"snippet #{i} {Tokenizer.Quote(Snippets[i])}\n{CPythonReference.FirstDifference(expected[i], actual)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {Snippets.Length} snippets differ from CPython:\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public void ReadableDumpLooksLikePythonsIndentedDump()
    {
        var module = PythonParser.Parse(new SourceText("<t>", "x = f(1, y=-2)\n"));
        string expected = """
Module(
  body=[
    Assign(
      targets=[
        Name(id='x', ctx=Store())],
      value=Call(
        func=Name(id='f', ctx=Load()),
        args=[
          Constant(value=1)],
        keywords=[
          keyword(
            arg='y',
            value=UnaryOp(
              op=USub(),
              operand=Constant(value=2)))]))],
  type_ignores=[])
""".Trim().ReplaceLineEndings("\n");
        Assert.Equal(expected, AstPrinter.Dump(module));
    }

    [Fact]
    public void CanonicalDumpFormat()
    {
        var module = PythonParser.Parse(new SourceText("<t>", "x"));
        Assert.Equal(
            "Module(body=[Expr(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], type_ignores=[])",
            AstPrinter.DumpCanonical(module));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(123.456, "123.456")]
    [InlineData(-2.5, "-2.5")]
    public void FloatReprMatchesPython(double value, string repr) => Assert.Equal(repr, AstPrinter.FloatRepr(value));

    [Fact]
    public void StringReprMatchesPython()
    {
        Assert.Equal("'abc'", AstPrinter.StrRepr("abc"));
        Assert.Equal("\"it's\"", AstPrinter.StrRepr("it's"));
        Assert.Equal("'both \\' and \"'", AstPrinter.StrRepr("both ' and \""));
        Assert.Equal("'\\n\\t\\x00\\x7f é€'", AstPrinter.StrRepr("\n\t\0\u007f é€"));
        Assert.Equal("b\"\\x00\\xffA'\"", AstPrinter.BytesRepr(new byte[] { 0, 255, 65, 39 }));
        Assert.Equal("b'\\'\"'", AstPrinter.BytesRepr(new byte[] { 39, 34 }));
    }
}
