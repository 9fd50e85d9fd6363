using System.Numerics;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Runtime;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>The .NET API: compile source text, get a callable for a function and argument types.</summary>
public class EngineApiTests
{
    private const string Source = """
        import math

        def add(a, b):
            return a + b

        def hyp(x, y):
            return math.sqrt(x * x + y * y)

        def divmod_pair(a, b):
            return a // b, a % b

        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        def checked(x):
            if x < 0:
                raise ValueError(f"negative: {x}")
            return x * 2.5
        """;

    private static readonly SharpJitEngine Engine = SharpJitEngine.FromSource(Source, "api.py");

    [Fact]
    public void CompilesPerSignature()
    {
        Assert.Equal(5L, Engine.Call("add", 2L, 3L));
        Assert.Equal(5.5, Engine.Call("add", 2L, 3.5));
        Assert.Equal(new Complex(1, 2), Engine.Call("add", 1L, new Complex(0, 2)));
        var f = Engine.Compile("add", ScalarType.Int64, ScalarType.Int64);
        Assert.Same(f, Engine.Compile("add", ScalarType.Int64, ScalarType.Int64));
        Assert.Equal(ScalarType.Int64, f.ReturnType);
    }

    [Fact]
    public void NarrowDotNetValuesCompileNarrowSignatures()
    {
        // float is float32 and stays single precision; int arithmetic widens to int64 (NumPy's types, Numba's rules).
        Assert.Equal(0.1f + 0.2f, Engine.Call("add", 0.1f, 0.2f));
        Assert.Equal(ScalarType.Float32, Engine.Compile("add", ScalarType.Float32, ScalarType.Float32).ReturnType);
        Assert.Equal(7L, Engine.Call("add", 3, 4));
        Assert.Equal(ulong.MaxValue, Engine.Call("add", ulong.MaxValue - 1, 1UL));
        Assert.Equal((double)0.5f + 0.25, Engine.Call("add", 0.5f, 0.25));
    }

    [Fact]
    public void TuplesAndRecursion()
    {
        Assert.Equal(new object[] { -4L, 1L }, (object[])Engine.Call("divmod_pair", -7L, 2L)!);
        Assert.Equal(832040L, Engine.Call("fib", 30L));
        Assert.Equal(5.0, Engine.Call("hyp", 3.0, 4.0));
    }

    [Fact]
    public void ExceptionsBecomePythonExceptions()
    {
        var e = Assert.Throws<PythonException>(() => Engine.Call("checked", -3L));
        Assert.Equal("ValueError", e.TypeName);
        Assert.Equal("negative: -3", e.PyMessage);
        Assert.Contains(e.Frames, f => f.Function == "checked" && f.Line == 17);
        var z = Assert.Throws<PythonException>(() => Engine.Call("divmod_pair", 1L, 0L));
        Assert.Equal("ZeroDivisionError: integer division or modulo by zero", z.LastLine);
        Assert.Equal(5.0, Engine.Call("checked", 2L));
    }

    [Fact]
    public void TypingErrorsNameTheExpression()
    {
        var e = Assert.Throws<CompileError>(() => Engine.Compile("add", new TupleType(new SjType[] { ScalarType.Int64 }), ScalarType.Int64));
        Assert.Equal(ErrorKind.TypingError, e.Kind);
        Assert.Contains("unsupported operand type(s) for +: 'tuple' and 'int'", e.Diagnostic.Message);
        Assert.Equal((4, 12), e.Diagnostic.Position);
    }

    [Fact]
    public void CompilesInMilliseconds()
    {
        // Not a timing assertion (those live in bench/): only that the compile time is measured and reported.
        var f = Engine.Compile("hyp", ScalarType.Float64, ScalarType.Int64);
        Assert.True(f.CompileTime > TimeSpan.Zero);
        Assert.Contains("define", f.LlvmIr);
    }
}
