using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Llvm;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Llvm;

/// <summary>LLVM's range-check elimination (and the passes it needs first) runs only on modules with bounds checks.</summary>
public class OptimizerPipelineTests
{
    private const string Source = """
        def scalar(n):
            s = 0
            for i in range(n):
                s += i * i
            return s
        def indexed(a, n):
            s = 0.0
            for i in range(n):
                s += a[i]
            return s
        def listed(xs, n):
            s = 0
            for i in range(n):
                s += xs[i]
            return s
        """;

    private static string PipelineOf(string function, bool boundsCheck, params SjType[] args)
    {
        var module = Pipeline.Analyze(new SourceText("pipelines.py", Source));
        var (types, entry) = Pipeline.Infer(module, module.FindFunction(function)!, args);
        using var jit = new JitSession();
        var m = jit.CreateModule(function);
        Pipeline.Emit(types, entry, jit.ContextRef, m, new CodegenOptions { BoundsCheck = boundsCheck });
        return Optimizer.PipelineFor(m, boundsCheck);
    }

    [Fact]
    public void TheRangeCheckedPipelineRunsOnlyWhereThereAreBoundsChecks()
    {
        Assert.Equal("default<O3>", PipelineOf("scalar", true, ScalarType.Int64));
        Assert.Equal(Optimizer.RangeCheckedPipeline, PipelineOf("indexed", true, new ArrayType(ScalarType.Float64, 1), ScalarType.Int64));
        Assert.Equal(Optimizer.RangeCheckedPipeline, PipelineOf("listed", true, new ListType(ScalarType.Int64), ScalarType.Int64));
        Assert.Equal("default<O3>", PipelineOf("indexed", false, new ArrayType(ScalarType.Float64, 1), ScalarType.Int64));
    }
}
