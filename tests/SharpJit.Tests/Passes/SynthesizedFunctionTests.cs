using SharpJit.Binding;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.IR;
using SharpJit.Syntax;
using Assert = Xunit.Assert;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Passes;

/// <summary>Functions with no source, built as IR (what outlining and wrappers make), are typed, specialised, verified
/// and compiled like source functions, and source code calls them.</summary>
public class SynthesizedFunctionTests
{
    private const string Source = """
        def main():
            return capped_sum(3, 4), capped_sum(99, 5), capped_sum(1.5, 2.25), capped_sum(abs(-200), 0)
        """;

    /// <summary>capped_sum(x, y): s = x + y; return s if s &lt; 100 else 100 — with a phi where the branches meet.</summary>
    private static IrFunction CappedSum(FunctionInfo fn)
    {
        var b = new IrBuilder(fn);
        var sum = b.BinOp(Operator.Add, b.Params[0], b.Params[1]);
        var small = b.Compare(CmpOperator.Lt, sum, b.Const(100L));
        var keep = b.NewBlock(); var cap = b.NewBlock(); var join = b.NewBlock();
        b.Branch(small, keep, cap);
        b.Current = keep;
        b.Jump(join);
        b.Current = cap;
        var hundred = b.Const(100L);
        b.Jump(join);
        b.Current = join;
        var result = b.Phi(join, "result");
        IrBuilder.AddIncoming(result, sum);
        IrBuilder.AddIncoming(result, hundred);
        b.Return(result);
        return b.Finish();
    }

    private static ModuleInfo ModuleWithSynthesized()
    {
        ModuleInfo? module = null;
        FunctionInfo? cappedSum = null;
        var text = new SourceText("synthesized.py", Source);
        module = new ModuleInfo(text, PythonParser.Parse(text), name =>
        {
            if (name != "capped_sum") return null;
            cappedSum ??= FunctionInfo.Synthesized("capped_sum", module!, ["x", "y"], Span.None, CappedSum);
            return new GlobalInfo(name) { Kind = GlobalKind.Function, Function = cappedSum };
        });
        return module;
    }

    [Fact]
    public void SourceCallsASynthesizedFunctionSpecialisedPerArgumentTypes()
    {
        var module = ModuleWithSynthesized();
        var compiled = JitHost.Compile(module, module.FindFunction("main")!, []);
        Assert.Equal(new object?[] { 7L, 100L, 3.75, 100L }, (object?[])compiled.Invoke()!);
        // Two specialisations (int and float), each typed and verified; its IR needs no AST node.
        var specs = compiled.Types.Specializations.Where(s => s.Function.Name == "capped_sum").ToList();
        Assert.Equal(2, specs.Count);
        Assert.All(specs, s => Assert.Null(s.Function.Node));
        Assert.Contains(specs, s => s.ReturnType == ScalarType.Float64);
    }

    [Fact]
    public void ASynthesizedFunctionCompilesAsTheEntryPoint()
    {
        var module = ModuleWithSynthesized();
        var fn = module.Resolve("capped_sum")!.Function!;
        var compiled = JitHost.Compile(module, fn, [ScalarType.Int64, ScalarType.Int64]);
        Assert.Equal(42L, compiled.Invoke(40L, 2L));
        Assert.Equal(100L, compiled.Invoke(60L, 50L));
        Assert.Empty(Verifier.Check(CappedSum(fn), typed: false));
    }

    [Fact]
    public void TypingErrorsInASynthesizedFunctionPointAtItsSpan()
    {
        var module = ModuleWithSynthesized();
        var fn = module.Resolve("capped_sum")!.Function!;
        var error = Assert.Throws<CompileError>(() => JitHost.Compile(module, fn, [SimpleType.Str, ScalarType.Int64]));
        Assert.Equal(ErrorKind.TypingError, error.Kind);
        Assert.Contains("unsupported operand type(s) for +: 'str' and 'int'", error.Message);
    }
}
