using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SharpJit.Runtime;

/// <summary>
/// The C# functions compiled code calls, exposed as unmanaged function pointers. None may let a .NET exception
/// escape (that would take down the process): failures set ErrorState and return a non-zero status.
/// </summary>
public static unsafe class RuntimeExports
{
    // ------------------------------------------------------------ exceptions

    [RuntimeHelper("sj_raise"), UnmanagedCallersOnly]
    public static void Raise(byte* type, byte* message) => ErrorState.Set(type, message);

    [RuntimeHelper("sj_traceback"), UnmanagedCallersOnly]
    public static void Traceback(byte* function, byte* file, long line, byte* source) => ErrorState.AddFrame(function, file, line, source);

    /// <summary>A recursion guard's recorded call sites (see ModuleEmitter.GuardSitesBytes) as traceback frames, from
    /// depth <paramref name="innermost"/> down to <paramref name="outermost"/>; a site is { function, file, line, source }.
    /// When every call of the cycle is made from one site, <paramref name="repeated"/> is it and nothing was recorded.</summary>
    [RuntimeHelper("sj_recursion_frames"), UnmanagedCallersOnly]
    public static void RecursionFrames(byte** sites, long innermost, long outermost, byte* repeated)
    {
        for (long depth = innermost; depth >= outermost; depth--)
        {
            var site = repeated != null ? (long*)repeated : (long*)sites[depth];
            if (site != null) ErrorState.AddFrame((byte*)site[0], (byte*)site[1], site[2], (byte*)site[3]);
        }
    }

    private static int Fail(string type, string message) { ErrorState.Set(type, message); return 1; }

    private static int Fail(Exception ex) => ex switch
    {
        PyMathException pm => Fail(pm.PythonExceptionType, pm.Message),
        FormatException fe => Fail("ValueError", fe.Message),
        OverflowException oe => Fail("OverflowError", oe.Message),
        DivideByZeroException => Fail("ZeroDivisionError", "division by zero"),
        _ => Fail("SystemError", ex.Message),
    };

    // ------------------------------------------------------------ text sinks: 0 is stdout, else a StringBuilder handle

    internal static void WriteText(long sink, string s) => Write(sink, s);

    private static void Write(long sink, string s)
    {
        if (sink == 0) RuntimeOutput.Write(s);
        else Builder(sink).Append(s);
    }

    internal static StringBuilder Builder(long sink) => (StringBuilder)GCHandle.FromIntPtr((nint)sink).Target!;

    [RuntimeHelper("sj_write_str"), UnmanagedCallersOnly]
    public static void WriteStr(long sink, byte* s)
    {
        if (sink == 0) RuntimeOutput.Write(RuntimeStrings.Span(s));
        else Write(sink, RuntimeStrings.Read(s));
    }

    [RuntimeHelper("sj_write_repr_str"), UnmanagedCallersOnly] public static void WriteReprStr(long sink, byte* s) => Write(sink, PyStr.Repr(RuntimeStrings.Read(s)));
    [RuntimeHelper("sj_write_i64"), UnmanagedCallersOnly] public static void WriteI64(long sink, long v) => Write(sink, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
    [RuntimeHelper("sj_write_f64"), UnmanagedCallersOnly] public static void WriteF64(long sink, double v) => Write(sink, PyFormat.ReprFloat(v));
    [RuntimeHelper("sj_write_c128"), UnmanagedCallersOnly] public static void WriteC128(long sink, double re, double im) => Write(sink, PyFormat.ReprComplex(re, im));
    // NumPy narrow scalars: float32 parts arrive widened to double (exact) and are narrowed back; the u64 arrives as its bits.
    [RuntimeHelper("sj_write_f32"), UnmanagedCallersOnly] public static void WriteF32(long sink, double v) => Write(sink, PyFormat.StrFloat32((float)v));
    [RuntimeHelper("sj_write_c64"), UnmanagedCallersOnly] public static void WriteC64(long sink, double re, double im) => Write(sink, PyFormat.StrComplex64((float)re, (float)im));
    [RuntimeHelper("sj_write_u64"), UnmanagedCallersOnly] public static void WriteU64(long sink, long v) => Write(sink, PyFormat.StrUInt64(unchecked((ulong)v)));
    [RuntimeHelper("sj_write_address"), UnmanagedCallersOnly] public static void WriteAddress(long sink, byte* p) => Write(sink, "0x" + ((ulong)p).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
    [RuntimeHelper("sj_write_bool"), UnmanagedCallersOnly] public static void WriteBool(long sink, int v) => Write(sink, v != 0 ? "True" : "False");
    [RuntimeHelper("sj_write_range_step"), UnmanagedCallersOnly] public static void WriteRangeStep(long sink, long step) { if (step != 1) Write(sink, ", " + step); }

    /// <summary>str() or repr() of an array: dtype (an index into ScalarType.All), ndim, then shape and strides in one list.</summary>
    [RuntimeHelper("sj_write_array"), UnmanagedCallersOnly]
    public static void WriteArray(long sink, long dtype, long ndim, long* dims, byte* data, long repr)
    {
        var t = SharpJit.Typing.ScalarType.All[(int)dtype];
        var shape = new ReadOnlySpan<long>(dims, (int)ndim); var strides = new ReadOnlySpan<long>(dims + ndim, (int)ndim);
        Write(sink, repr != 0 ? NumPyArrayFormat.Repr(t, shape, strides, data) : NumPyArrayFormat.Str(t, shape, strides, data));
    }

    /// <summary>print(..., flush=x): flushes when x is true.</summary>
    [RuntimeHelper("sj_flush_if"), UnmanagedCallersOnly] public static void FlushIf(int flush) { if (flush != 0) RuntimeOutput.FlushRequested(); }

    [RuntimeHelper("sj_sb_new"), UnmanagedCallersOnly] public static long SbNew() => (long)GCHandle.ToIntPtr(GCHandle.Alloc(new StringBuilder()));

    [RuntimeHelper("sj_sb_finish"), UnmanagedCallersOnly]
    public static byte* SbFinish(long sink)
    {
        var h = GCHandle.FromIntPtr((nint)sink);
        var s = ((StringBuilder)h.Target!).ToString();
        h.Free();
        return RuntimeStrings.Allocate(s);
    }

    private static int Format(long sink, Func<string> render)
    {
        try { Write(sink, render()); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    [RuntimeHelper("sj_format_i64"), UnmanagedCallersOnly] public static int FormatI64(long sink, long v, byte* spec) => Format(sink, () => PyFormat.FormatInt(v, RuntimeStrings.Read(spec)));
    [RuntimeHelper("sj_format_f64"), UnmanagedCallersOnly] public static int FormatF64(long sink, double v, byte* spec) => Format(sink, () => PyFormat.FormatFloat(v, RuntimeStrings.Read(spec)));
    [RuntimeHelper("sj_format_c128"), UnmanagedCallersOnly] public static int FormatC128(long sink, double re, double im, byte* spec) => Format(sink, () => PyFormat.FormatComplex(re, im, RuntimeStrings.Read(spec)));
    [RuntimeHelper("sj_format_f32"), UnmanagedCallersOnly] public static int FormatF32(long sink, double v, byte* spec) => Format(sink, () => PyFormat.FormatFloat32((float)v, RuntimeStrings.Read(spec)));
    [RuntimeHelper("sj_format_c64"), UnmanagedCallersOnly] public static int FormatC64(long sink, double re, double im, byte* spec) => Format(sink, () => PyFormat.FormatComplex64((float)re, (float)im, RuntimeStrings.Read(spec)));
    [RuntimeHelper("sj_format_u64"), UnmanagedCallersOnly] public static int FormatU64(long sink, long v, byte* spec) => Format(sink, () => PyFormat.FormatUInt64(unchecked((ulong)v), RuntimeStrings.Read(spec)));
    [RuntimeHelper("sj_format_bool"), UnmanagedCallersOnly] public static int FormatBool(long sink, int v, byte* spec) => Format(sink, () => PyFormat.FormatBool(v != 0, RuntimeStrings.Read(spec)));
    [RuntimeHelper("sj_format_str"), UnmanagedCallersOnly] public static int FormatStr(long sink, byte* s, byte* spec) { var str = RuntimeStrings.Read(s); return Format(sink, () => PyFormat.FormatStr(str, RuntimeStrings.Read(spec))); }

    [RuntimeHelper("sj_format_object"), UnmanagedCallersOnly]
    public static int FormatObject(long sink, byte* s, byte* spec, byte* typeName)
    {
        var sp = RuntimeStrings.Read(spec);
        if (sp.Length > 0) return Fail("TypeError", $"unsupported format string passed to {RuntimeStrings.Read(typeName)}.__format__");
        Write(sink, RuntimeStrings.Read(s));
        return 0;
    }

    // ------------------------------------------------------------ strings

    private static readonly byte* EmptyString = RuntimeStrings.AllocateImmortal("");

    [RuntimeHelper("sj_str_or_empty"), UnmanagedCallersOnly] public static byte* StrOrEmpty(byte* s) => s == null ? EmptyString : s;
    [RuntimeHelper("sj_str_free"), UnmanagedCallersOnly] public static void StrFree(byte* s) => RuntimeStrings.Free(s);
    [RuntimeHelper("sj_str_concat"), UnmanagedCallersOnly] public static byte* StrConcat(byte* a, byte* b) => RuntimeStrings.Allocate(RuntimeStrings.Read(a) + RuntimeStrings.Read(b));

    // ------------------------------------------------------------ integers

    /// <summary>len(range): CPython's OverflowError when the length does not fit in a C ssize_t.</summary>
    [RuntimeHelper("sj_range_len"), UnmanagedCallersOnly]
    public static int RangeLen(long start, long stop, long step, long* result)
    {
        Int128 n = IntOps.RangeLength128(start, stop, step);
        if (n > long.MaxValue) return Fail("OverflowError", "Python int too large to convert to C ssize_t");
        *result = (long)n;
        return 0;
    }
    [RuntimeHelper("sj_ipow"), UnmanagedCallersOnly] public static long IPow(long b, long e) => IntOps.Pow(b, e);
    /// <summary>The multiplier m = floor(2**(63 + l) / d) + 1, l = ceil(log2 d), with which int64 arrays divide by a
    /// run-time d &gt; 2 that is not a power of two (Arrays.Elementwise: DivisionByInvariant); 0 for any other d.</summary>
    [RuntimeHelper("sj_divisor_magic"), UnmanagedCallersOnly] public static long DivisorMagic(long d) => IntOps.DivisorMagic(d);
    [RuntimeHelper("sj_ipow_u64"), UnmanagedCallersOnly] public static ulong IPowUnsigned(ulong b, ulong e) => IntOps.PowUnsigned(b, e);
    [RuntimeHelper("sj_ipowmod"), UnmanagedCallersOnly] public static int IPowMod(long b, long e, long m, long* r) => Guard(() => IntOps.PowMod(b, e, m), r);
    [RuntimeHelper("sj_iabs"), UnmanagedCallersOnly] public static long IAbs(long v) => v < 0 ? unchecked(-v) : v;
    [RuntimeHelper("sj_round_int"), UnmanagedCallersOnly] public static long RoundInt(long v, long ndigits) => IntOps.Round(v, ndigits);

    // ------------------------------------------------------------ floats and complex

    [RuntimeHelper("sj_int_truediv"), UnmanagedCallersOnly] public static double IntTrueDiv(long a, long b) => IntOps.TrueDivide(a, b);
    [RuntimeHelper("sj_float_floordiv"), UnmanagedCallersOnly] public static double FloatFloorDiv(double a, double b) => FloatOps.FloorDiv(a, b);
    [RuntimeHelper("sj_round_float"), UnmanagedCallersOnly] public static double RoundFloat(double x, long ndigits) => FloatOps.Round(x, ndigits);

    [RuntimeHelper("sj_cdiv"), UnmanagedCallersOnly]
    public static int CDiv(double ar, double ai, double br, double bi, double* result)
    {
        if (br == 0 && bi == 0) return Fail("ZeroDivisionError", "complex division by zero");
        (result[0], result[1]) = FloatOps.ComplexDiv(ar, ai, br, bi);
        return 0;
    }

    [RuntimeHelper("sj_cpow"), UnmanagedCallersOnly]
    public static int CPow(double ar, double ai, double br, double bi, double* result)
    {
        try { (result[0], result[1]) = FloatOps.ComplexPow(ar, ai, br, bi); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    // ------------------------------------------------------------ math and cmath bridges

    private static int Guard<T>(Func<T> f, T* result) where T : unmanaged
    {
        try { *result = f(); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    // The bridged functions by the index codegen chose in MathBridge's tables: a call through a function pointer.
    [RuntimeHelper("sj_math1"), UnmanagedCallersOnly]
    public static int Math1(int id, double x, double* r)
    {
        try { *r = MathBridge.Unary[id].Fn(x); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    [RuntimeHelper("sj_math_int1"), UnmanagedCallersOnly]
    public static int MathInt1(int id, long x, long* r)
    {
        try { *r = MathBridge.IntUnary[id].Fn(x); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    [RuntimeHelper("sj_math_int2"), UnmanagedCallersOnly]
    public static int MathInt2(int id, long x, long y, long* r)
    {
        try { *r = MathBridge.IntBinary[id].Fn(x, y); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    [RuntimeHelper("sj_math_array"), UnmanagedCallersOnly]
    public static int MathArray(int which, double* items, long n, double* r)
    {
        var arr = new ReadOnlySpan<double>(items, (int)n).ToArray();
        return Guard(() => which == 0 ? PyMath.Fsum(arr) : PyMath.Hypot(arr), r);
    }

    [RuntimeHelper("sj_math_isclose"), UnmanagedCallersOnly] public static int MathIsClose(double a, double b, double rel, double abs, long* r) => Guard(() => PyMath.IsClose(a, b, rel, abs) ? 1L : 0L, r);
    [RuntimeHelper("sj_math_ldexp"), UnmanagedCallersOnly] public static int MathLdexp(double x, long i, double* r) => Guard(() => PyMath.Ldexp(x, i), r);

    [RuntimeHelper("sj_math_frexp"), UnmanagedCallersOnly]
    public static void MathFrexp(double x, double* m, long* e) { var (mm, ee) = PyMath.Frexp(x); *m = mm; *e = ee; }

    [RuntimeHelper("sj_math_modf"), UnmanagedCallersOnly]
    public static void MathModf(double x, double* frac, double* whole) { var (f, w) = PyMath.Modf(x); *frac = f; *whole = w; }

    [RuntimeHelper("sj_cmath1"), UnmanagedCallersOnly]
    public static int CMath1(int id, double re, double im, double* r)
    {
        try { (r[0], r[1]) = MathBridge.CMathUnary[id].Fn((re, im)); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    /// <summary>cmath.log(z, base), with CPython's errno sequencing (log(0j, 7) is (-inf+nanj); a base of 1 is a
    /// domain error).</summary>
    [RuntimeHelper("sj_cmath_log_base"), UnmanagedCallersOnly]
    public static int CMathLogBase(double zr, double zi, double br, double bi, double* r)
    {
        try { (r[0], r[1]) = PyCMath.Log((zr, zi), (br, bi)); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    [RuntimeHelper("sj_cmath_rect"), UnmanagedCallersOnly]
    public static int CMathRect(double mod, double phase, double* r)
    {
        try { (r[0], r[1]) = PyCMath.Rect(mod, phase); return 0; }
        catch (Exception ex) { return Fail(ex); }
    }

    // ------------------------------------------------------------ numpy

    [RuntimeHelper("sj_np_complex1"), UnmanagedCallersOnly]
    public static void NumPyComplex1(int id, double re, double im, double* r) =>
        (r[0], r[1]) = NumPyMath.ComplexUnary[id].Fn((re, im));

    /// <summary>NumPy's sum of a line of float64 (float32) values: pairwise, in chunks (NumPyMath.Sum).</summary>
    [RuntimeHelper("sj_np_sum_f64"), UnmanagedCallersOnly] public static double NumPySumF64(byte* p, long n, long stride) => NumPyMath.Sum<double>(p, n, stride);
    [RuntimeHelper("sj_np_sum_f32"), UnmanagedCallersOnly] public static double NumPySumF32(byte* p, long n, long stride) => NumPyMath.Sum<float>(p, n, stride);   // a float, widened exactly
    /// <summary>The same sums for functions compiled with parallel=True: the chunks summed on the thread pool.</summary>
    [RuntimeHelper("sj_np_sum_f64_parallel"), UnmanagedCallersOnly]
    public static double NumPySumF64Parallel(byte* p, long n, long stride) => NumPyMath.Sum<double>(p, n, stride, parallel: true);
    [RuntimeHelper("sj_np_sum_f32_parallel"), UnmanagedCallersOnly]
    public static double NumPySumF32Parallel(byte* p, long n, long stride) => NumPyMath.Sum<float>(p, n, stride, parallel: true);
    /// <summary>NumPy's sum of a line of complex128 (complex64) numbers, its parts as doubles (NumPyMath.ComplexSum).</summary>
    [RuntimeHelper("sj_np_csum_c128"), UnmanagedCallersOnly]
    public static void NumPyComplexSum(byte* p, long n, long stride, double* r) => (r[0], r[1]) = NumPyMath.ComplexSum<double>(p, n, stride);
    [RuntimeHelper("sj_np_csum_c64"), UnmanagedCallersOnly]
    public static void NumPyComplexSumSingle(byte* p, long n, long stride, double* r) => (r[0], r[1]) = NumPyMath.ComplexSum<float>(p, n, stride);

    /// <summary>The numerator of NumPy's var of a line: the pairwise sum of (x - mean)**2, in the line's precision.</summary>
    [RuntimeHelper("sj_np_sumsq_f64"), UnmanagedCallersOnly]
    public static double NumPySumSquaresF64(byte* p, long n, long stride, double mean) => NumPyMath.SumOfSquaredDeviations(p, n, stride, mean);
    [RuntimeHelper("sj_np_sumsq_f32"), UnmanagedCallersOnly]
    public static double NumPySumSquaresF32(byte* p, long n, long stride, double mean) => NumPyMath.SumOfSquaredDeviations(p, n, stride, (float)mean);
    [RuntimeHelper("sj_np_sumsq_f64_parallel"), UnmanagedCallersOnly]
    public static double NumPySumSquaresF64Parallel(byte* p, long n, long stride, double mean) => NumPyMath.SumOfSquaredDeviations(p, n, stride, mean, parallel: true);
    [RuntimeHelper("sj_np_sumsq_f32_parallel"), UnmanagedCallersOnly]
    public static double NumPySumSquaresF32Parallel(byte* p, long n, long stride, double mean) => NumPyMath.SumOfSquaredDeviations(p, n, stride, (float)mean, parallel: true);

    [RuntimeHelper("sj_np_cpow"), UnmanagedCallersOnly]
    public static void NumPyComplexPower(double ar, double ai, double br, double bi, double* r) => (r[0], r[1]) = NumPyMath.ComplexPower(ar, ai, br, bi);

    /// <summary>complex64 power: the parts come and go as doubles (exact for float32 values).</summary>
    [RuntimeHelper("sj_np_cpowf"), UnmanagedCallersOnly]
    public static void NumPyComplexPowerSingle(double ar, double ai, double br, double bi, double* r) =>
        (r[0], r[1]) = NumPyMath.ComplexPowerSingle((float)ar, (float)ai, (float)br, (float)bi);

    [RuntimeHelper("sj_np_round"), UnmanagedCallersOnly] public static double NumPyRound(double x, long decimals) => NumPyMath.Round(x, decimals);
    [RuntimeHelper("sj_np_round_int"), UnmanagedCallersOnly] public static long NumPyRoundInt(long x, long decimals) => NumPyMath.RoundInt(x, decimals);
    [RuntimeHelper("sj_np_gcd"), UnmanagedCallersOnly] public static long NumPyGcd(long a, long b) => NumPyMath.Gcd(a, b);
    [RuntimeHelper("sj_np_lcm"), UnmanagedCallersOnly] public static long NumPyLcm(long a, long b) => NumPyMath.Lcm(a, b);
    [RuntimeHelper("sj_np_gcd_u64"), UnmanagedCallersOnly] public static ulong NumPyGcdUnsigned(ulong a, ulong b) => NumPyMath.GcdUnsigned(a, b);
    [RuntimeHelper("sj_np_lcm_u64"), UnmanagedCallersOnly] public static ulong NumPyLcmUnsigned(ulong a, ulong b) => NumPyMath.LcmUnsigned(a, b);

    [RuntimeHelper("sj_cmath_isclose"), UnmanagedCallersOnly]
    public static int CMathIsClose(double ar, double ai, double br, double bi, double rel, double abs, long* r) =>
        Guard(() => PyCMath.IsClose((ar, ai), (br, bi), rel, abs) ? 1L : 0L, r);
}
