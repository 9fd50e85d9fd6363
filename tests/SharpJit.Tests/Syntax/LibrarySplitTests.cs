using SharpJit.Library;
using SharpJit.Syntax;
using Xunit;
using Assert = Xunit.Assert;

namespace SharpJit.Tests.Syntax;

/// <summary>The library written in Python is parsed a function at a time: cutting each file into its top-level
/// statements by its lines must give, piece by piece, exactly what parsing the whole file gives.</summary>
public class LibrarySplitTests
{
    public static IEnumerable<object[]> Files() => PythonLibrary.SplitFiles.Keys.Order().Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Files))]
    public void EachPieceParsesAsInTheWholeFile(string name)
    {
        var file = PythonLibrary.SplitFiles[name];
        var whole = PythonParser.Parse(file.Source).Body;
        string Dump(Node n) => AstPrinter.Dump(n, includeAttributes: true, source: file.Source);

        var defs = whole.OfType<FunctionDef>().ToList();
        Assert.Equal(defs.Select(d => d.Name).Distinct().Count(), defs.Count);   // a name defined twice would resolve to the first
        Assert.Equal(defs.Select(d => d.Name).Order(), file.Functions.Keys.Order());
        foreach (var def in defs)
        {
            var (start, end) = file.Functions[def.Name];
            var piece = PythonParser.Parse(file.Source, start, end).Body;
            Assert.Equal(Dump(def), Dump(Assert.Single(piece)));
        }
        var rest = file.ModuleLevel.SelectMany(at => PythonParser.Parse(file.Source, at.Start, at.End).Body).ToList();
        Assert.Equal(whole.Where(s => s is not FunctionDef).Select(Dump), rest.Select(Dump));
    }

    /// <summary>The decorators as the whole file's syntax gives them: every <c>@overload("name")</c> on a def.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void OverloadsFoundInTheRawTextAreTheParsedFilesDecorators(string name)
    {
        var file = PythonLibrary.SplitFiles[name];
        var parsed = PythonParser.Parse(file.Source).Body.OfType<FunctionDef>()
            .SelectMany(d => d.DecoratorList.OfType<Call>().Where(c => c.Func is Name { Id: "overload" })
                .Select(c => ((string)((Constant)c.Args[0]).Value!, d.Name)))
            .ToList();
        Assert.Equal(parsed, PythonLibrary.OverloadsIn(System.Text.Encoding.UTF8.GetBytes(file.Source.Text)));
    }

    [Fact]
    public void OverloadsAreReadOnlyFromDecoratorsDirectlyAboveADef()
    {
        var text = "@overload(\"numpy.a\")\ndef a(x):\n    pass\n@overload(\"numpy.b\", narrow=True)\n@other\ndef b_2(x):\n"
                   + "    pass\n@overload(\"numpy.c\")\nx = 1\n  @overload(\"numpy.d\")\ndef d(x): pass\n@overload(\"numpy.e\")";
        Assert.Equal(new[] { ("numpy.a", "a"), ("numpy.b", "b_2") }, PythonLibrary.OverloadsIn(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void AFunctionIsParsedWhenFirstResolved()
    {
        var module = PythonLibrary.Split(PythonLibrary.SplitFiles["numpy"].Source).Module.Value;   // a fresh copy
        Assert.True(module.IsLibrary);
        Assert.DoesNotContain(module.Functions.Values, f => f.Name is "sign" or "_solve");
        var sign = module.Resolve("sign")!.Function!;
        Assert.Equal("sign", sign.Name);
        Assert.Same(sign, module.Resolve("sign")!.Function);
        Assert.Contains(sign, module.Functions.Values);
        Assert.DoesNotContain(module.Functions.Values, f => f.Name == "_solve");   // not reached yet
        Assert.Equal("LN2", module.Resolve("LN2")!.Name);                           // module level: parsed with the file
        Assert.Null(module.Resolve("no_such_function"));
    }
}
