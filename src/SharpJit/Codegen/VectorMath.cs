using System.Runtime.InteropServices;
using SharpJit.Llvm;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Codegen;

/// <summary>
/// glibc's libmvec: vector forms of libm's functions (sin, exp, log, ... on 2, 4 or 8 doubles at once). On a CPU with
/// AVX-512 NumPy 1.24's ufunc loops run SIMD code of this kind (its AVX512_SKX/AVX512F dispatch: accurate to a few
/// ulps, not libm's bits), so there a NumPy ufunc's call of libm names libmvec's variants at its call site
/// ("vector-function-abi-variant") and the loop vectorizer calls those. Without AVX-512 NumPy's double loops call
/// libm element by element (np.sin of float64 on an AVX2 machine is libm's sin, to the bit), so none are named unless
/// the function is compiled with fastmath=True (speed over NumPy's last bits: AVX2's forms). The math module keeps
/// libm's own results, as CPython's. Off in exported code, when libmvec cannot be loaded, and with
/// SHARPJIT_VECTOR_MATH=0.
/// </summary>
public static partial class VectorMath
{
    private static readonly HashSet<string> Functions = new()
    {
        "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "asinh", "acosh", "atanh",
        "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "cbrt",
    };

    /// <summary>Functions of two doubles (NumPy's arctan2 and power loops are SIMD code here too). Not hypot: NumPy's
    /// is libm's, so libm's bits are NumPy's.</summary>
    private static readonly HashSet<string> Functions2 = new() { "atan2", "pow" };

    /// <summary>How many doubles a function with vector variants takes (0: none).</summary>
    public static int Arity(string name) => Functions.Contains(name) ? 1 : Functions2.Contains(name) ? 2 : 0;

    /// <summary>libmvec's instruction sets this CPU runs, with the doubles per call: SSE ('b', 2), AVX2 ('d', 4),
    /// AVX-512 ('e', 8). Empty where libmvec is off.</summary>
    private static readonly Lazy<(char Isa, int Lanes)[]> Sets = new(() =>
    {
        if (Environment.GetEnvironmentVariable("SHARPJIT_VECTOR_MATH") == "0" || !OperatingSystem.IsLinux()
            || System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return Array.Empty<(char, int)>();
        // RTLD_NOW | RTLD_GLOBAL: the JIT finds the variants among the process's symbols.
        if (dlopen("libmvec.so.1", 0x2 | 0x100) == 0) return Array.Empty<(char, int)>();
        var sets = new List<(char, int)> { ('b', 2) };
        if (LlvmTarget.HasHostFeature("avx2")) sets.Add(('d', 4));
        if (LlvmTarget.HasHostFeature("avx512f")) sets.Add(('e', 8));
        return sets.ToArray();
    });

    /// <summary>Whether NumPy's own loops are SIMD code of libmvec's kind on this CPU (AVX512_SKX, unless
    /// NPY_DISABLE_CPU_FEATURES turns it off: Library.NumPyDispatch): then NumPy ufunc loops call libmvec; elsewhere
    /// only with fastmath.</summary>
    private static readonly Lazy<bool> NumPyRunsSimd = new(() => SharpJit.Library.NumPyDispatch.Avx512Skx);

    /// <summary>For cache keys: which variants compiled code may call ("off" where none; "fastmath:" where only
    /// functions compiled with fastmath=True call them).</summary>
    public static string Identity => Sets.Value.Length == 0 ? "off" : (NumPyRunsSimd.Value ? "" : "fastmath:") + new string(Sets.Value.Select(s => s.Isa).ToArray());

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint dlopen(string file, int mode);

    /// <summary>The variants of a double libm function, or of its float form name + "f" (twice the lanes) when single:
    /// (mangled name for the attribute, vector symbol, lanes). libmvec has the float forms of all of them.</summary>
    public static IEnumerable<(string Mangled, string Symbol, int Lanes)> Variants(string name, bool single = false, bool fastMath = false)
    {
        var v = new string('v', Arity(name));
        var f = single ? name + "f" : name;
        int widen = single ? 2 : 1;
        return v.Length == 0 || !(fastMath || NumPyRunsSimd.Value) ? Enumerable.Empty<(string, string, int)>()
            : Sets.Value.Select(s => ($"_ZGV_LLVM_N{s.Lanes * widen}{v}_{f}(_ZGV{s.Isa}N{s.Lanes * widen}{v}_{f})", $"_ZGV{s.Isa}N{s.Lanes * widen}{v}_{f}", s.Lanes * widen));
    }
}
