using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Runtime;
using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Engine;

/// <summary>Code linked into a standalone shared library (the cache's format) runs without the JIT, runtime calls included.</summary>
public unsafe class SharedObjectTests
{
    private const string Source = """
        import math
        def f(x, n):
            if n < 0:
                raise ValueError(f"bad n: {n}")
            s = 0.0
            for i in range(n):
                s += math.sin(x * i) + i // 3
            return s
        """;

    [Fact]
    public void LoadedLibraryMatchesJitCode()
    {
        var engine = SharpJitEngine.FromSource(Source, "so.py");
        var module = engine.Module;
        var compiled = JitHost.Compile(module, module.FindFunction("f")!, new SjType[] { ScalarType.Float64, ScalarType.Int64 }, sharedObject: true);
        Assert.NotNull(compiled.SharedObject);
        var path = Path.Combine(Path.GetTempPath(), $"sharpjit-test-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, compiled.SharedObject!);
        try
        {
            var entry = (delegate* unmanaged<byte*, byte*, int>)SharedObjects.Load(path, compiled.EntrySymbol);
            var args = stackalloc byte[16];
            var result = stackalloc byte[16];
            *(double*)args = 0.5; *(long*)(args + 8) = 100;
            Assert.Equal(0, entry(args, result));
            Assert.Equal((double)compiled.Invoke(0.5, 100L)!, *(double*)result);

            *(long*)(args + 8) = -1;
            Assert.NotEqual(0, entry(args, result));
            var e = ErrorState.Take();
            Assert.Equal("ValueError", e.TypeName);
            Assert.Equal("bad n: -1", e.PyMessage);
        }
        finally { File.Delete(path); }
    }
}
