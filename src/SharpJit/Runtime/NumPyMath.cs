using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SharpJit.Runtime;

/// <summary>
/// NumPy 1.24's scalar math where it takes more than an LLVM instruction or one libm call: complex functions,
/// np.round and gcd/lcm. Results follow NumPy's portable (non-SIMD) loops: glibc's C99 complex functions where
/// NumPy calls them, NumPy's own formulas elsewhere. Nothing here raises: NumPy only warns.
/// </summary>
public static partial class NumPyMath
{
    /// <summary>Laid out and passed like C's <c>double complex</c> (two doubles in registers on x86-64 and AArch64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct CDouble
    {
        public double Re, Im;
        public CDouble(double re, double im) { Re = re; Im = im; }
    }

    /// <summary>Laid out and passed like C's <c>float complex</c> (two floats in one vector register on x86-64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct CFloat
    {
        public float Re, Im;
        public CFloat(float re, float im) { Re = re; Im = im; }
    }

    private const string Libm = "libm.so.6";
    [LibraryImport(Libm)] private static partial CDouble csqrt(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble cexp(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble clog(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble csin(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble ccos(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble ctan(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble csinh(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble ccosh(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble ctanh(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble casin(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble cacos(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble catan(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble casinh(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble cacosh(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble catanh(CDouble z);
    [LibraryImport(Libm)] private static partial CDouble cpow(CDouble x, CDouble y);
    [LibraryImport(Libm)] private static partial CFloat cpowf(CFloat x, CFloat y);
    // The real functions NumPy's complex formulas use, from the same libm as compiled code's real functions.
    [LibraryImport(Libm, EntryPoint = "exp")] private static partial double LibmExp(double x);
    [LibraryImport(Libm, EntryPoint = "expm1")] private static partial double LibmExpm1(double x);
    [LibraryImport(Libm, EntryPoint = "sin")] private static partial double LibmSin(double x);
    [LibraryImport(Libm, EntryPoint = "cos")] private static partial double LibmCos(double x);
    [LibraryImport(Libm, EntryPoint = "log")] private static partial double LibmLog(double x);
    [LibraryImport(Libm, EntryPoint = "hypot")] private static partial double LibmHypot(double x, double y);
    [LibraryImport(Libm, EntryPoint = "atan2")] private static partial double LibmAtan2(double y, double x);

    private const double Ln2 = 0.693147180559945309417232121458176568;
    private const double Log2E = 1.442695040888963407359924681001892137;
    private const double Log10E = 0.434294481903251827651128918916605082;

    private static (double, double) T(CDouble z) => (z.Re, z.Im);

    private static CDouble C((double Re, double Im) z) => new(z.Re, z.Im);

    /// <summary>The complex loops of unary ufuncs (sj_np_complex1 passes the index; <see cref="MathBridge"/>).</summary>
    public static readonly unsafe MathBridge.Complex1[] ComplexUnary =
    {
        new("sqrt", &Sqrt), new("exp", &Exp), new("exp2", &Exp2), new("expm1", &Expm1), new("log", &Log), new("log2", &Log2),
        new("log10", &Log10), new("log1p", &Log1p), new("sin", &Sin), new("cos", &Cos), new("tan", &Tan), new("arcsin", &Arcsin),
        new("arccos", &Arccos), new("arctan", &Arctan), new("sinh", &Sinh), new("cosh", &Cosh), new("tanh", &Tanh),
        new("arcsinh", &Arcsinh), new("arccosh", &Arccosh), new("arctanh", &Arctanh), new("rint", &Rint),
    };

    private static (double, double) Sqrt((double, double) z) => T(csqrt(C(z)));
    private static (double, double) Exp((double, double) z) => T(cexp(C(z)));
    private static (double, double) Log((double, double) z) => T(clog(C(z)));
    private static (double, double) Sin((double, double) z) => T(csin(C(z)));
    private static (double, double) Cos((double, double) z) => T(ccos(C(z)));
    private static (double, double) Tan((double, double) z) => T(ctan(C(z)));
    private static (double, double) Sinh((double, double) z) => T(csinh(C(z)));
    private static (double, double) Cosh((double, double) z) => T(ccosh(C(z)));
    private static (double, double) Tanh((double, double) z) => T(ctanh(C(z)));
    private static (double, double) Arcsin((double, double) z) => T(casin(C(z)));
    private static (double, double) Arccos((double, double) z) => T(cacos(C(z)));
    private static (double, double) Arctan((double, double) z) => T(catan(C(z)));
    private static (double, double) Arcsinh((double, double) z) => T(casinh(C(z)));
    private static (double, double) Arccosh((double, double) z) => T(cacosh(C(z)));
    private static (double, double) Arctanh((double, double) z) => T(catanh(C(z)));
    private static (double, double) Exp2((double Re, double Im) z) => T(cexp(new CDouble(z.Re * Ln2, z.Im * Ln2)));
    private static (double, double) Log2((double, double) z) { var l = clog(C(z)); return (l.Re * Log2E, l.Im * Log2E); }
    private static (double, double) Log10((double, double) z) { var l = clog(C(z)); return (l.Re * Log10E, l.Im * Log10E); }
    private static (double, double) Log1p((double Re, double Im) z) => (LibmLog(LibmHypot(z.Re + 1, z.Im)), LibmAtan2(z.Im, z.Re + 1));
    private static (double, double) Expm1((double Re, double Im) z)
    {
        double a = LibmSin(z.Im / 2);
        return (LibmExpm1(z.Re) * LibmCos(z.Im) - 2 * a * a, LibmExp(z.Re) * LibmSin(z.Im));
    }
    private static (double, double) Rint((double Re, double Im) z) =>
        (Math.Round(z.Re, MidpointRounding.ToEven), Math.Round(z.Im, MidpointRounding.ToEven));

    /// <summary>np.power for complex128: 0 and small integer exponents by repeated multiplication, else glibc's cpow.</summary>
    public static (double Re, double Im) ComplexPower(double ar, double ai, double br, double bi) =>
        ComplexPowerIn(ar, ai, br, bi, (a, b) => T(cpow(new CDouble(a.Re, a.Im), new CDouble(b.Re, b.Im))));

    /// <summary>np.power for complex64: the same steps in single precision (so an intermediate power can overflow
    /// float32 as in NumPy), else glibc's cpowf.</summary>
    public static (float Re, float Im) ComplexPowerSingle(float ar, float ai, float br, float bi) =>
        ComplexPowerIn(ar, ai, br, bi, (a, b) => { var r = cpowf(new CFloat(a.Re, a.Im), new CFloat(b.Re, b.Im)); return (r.Re, r.Im); });

    /// <summary>NumPy's cpow (npy_math_complex.c.src) in the precision of <typeparamref name="F"/>.</summary>
    private static (F Re, F Im) ComplexPowerIn<F>(F ar, F ai, F br, F bi, Func<(F Re, F Im), (F Re, F Im), (F, F)> libmPower)
        where F : IBinaryFloatingPointIeee754<F>
    {
        if (F.IsZero(br) && F.IsZero(bi)) return (F.One, F.Zero);
        var nan = F.CopySign(F.NaN, F.One);   // NumPy's NPY_NAN is positive
        if (F.IsZero(ar) && F.IsZero(ai)) return br > F.Zero && F.IsZero(bi) ? (F.Zero, F.Zero) : (nan, nan);
        if (F.IsZero(bi) && br > F.CreateChecked(-100) && br < F.CreateChecked(100) && F.IsInteger(br))
        {
            long n = long.CreateChecked(br);
            if (n == 1) return (ar, ai);
            if (n == 2) return Mul((ar, ai), (ar, ai));
            if (n == 3) return Mul((ar, ai), Mul((ar, ai), (ar, ai)));
            // Square-and-multiply from the low bit, in NumPy's order of operations.
            (F, F) acc = (F.One, F.Zero), p = (ar, ai);
            long m = Math.Abs(n), mask = 1;
            while (true)
            {
                if ((m & mask) != 0) acc = Mul(acc, p);
                mask <<= 1;
                if (m < mask) break;
                p = Mul(p, p);
            }
            return n < 0 ? Divide((F.One, F.Zero), acc) : acc;
        }
        return libmPower((ar, ai), (br, bi));
    }

    private static (F, F) Mul<F>((F Re, F Im) a, (F Re, F Im) b) where F : IBinaryFloatingPointIeee754<F> =>
        (a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);

    /// <summary>NumPy's complex division (Smith's method, scaled by a reciprocal); compiled code inlines the same steps.</summary>
    public static (F Re, F Im) Divide<F>((F Re, F Im) a, (F Re, F Im) b) where F : IBinaryFloatingPointIeee754<F>
    {
        F absBr = F.Abs(b.Re), absBi = F.Abs(b.Im);
        if (absBr >= absBi)
        {
            if (F.IsZero(absBr) && F.IsZero(absBi)) return (a.Re / absBr, a.Im / absBi);
            F rat = b.Im / b.Re, scl = F.One / (b.Re + b.Im * rat);
            return ((a.Re + a.Im * rat) * scl, (a.Im - a.Re * rat) * scl);
        }
        else
        {
            F rat = b.Re / b.Im, scl = F.One / (b.Im + b.Re * rat);
            return ((a.Re * rat + a.Im) * scl, (a.Im * rat - a.Re) * scl);
        }
    }

    /// <summary>What a pairwise sum adds for each item: the item, or its squared deviation from a mean (NumPy's var
    /// sums (x - mean) * (x - mean), computed into an array first, in the same way).</summary>
    private interface ITerm<F> where F : unmanaged, IBinaryFloatingPointIeee754<F>
    {
        F Of(F x);
        Vector128<F> Of(Vector128<F> x);
    }

    private readonly struct Item<F> : ITerm<F> where F : unmanaged, IBinaryFloatingPointIeee754<F>
    {
        public F Of(F x) => x;
        public Vector128<F> Of(Vector128<F> x) => x;
    }

    private readonly struct SquaredDeviation<F>(F mean) : ITerm<F> where F : unmanaged, IBinaryFloatingPointIeee754<F>
    {
        public F Of(F x) { F d = x - mean; return d * d; }
        public Vector128<F> Of(Vector128<F> x) { var d = x - Vector128.Create(mean); return d * d; }
    }

    /// <summary>NumPy's sum of n floats at a stride (bytes), as its add reduction computes it: in chunks of its
    /// buffer size (8192 elements), each summed pairwise, added in order to a total that starts at 0.</summary>
    public static unsafe F Sum<F>(byte* p, long n, long stride, bool parallel = false) where F : unmanaged, IBinaryFloatingPointIeee754<F> =>
        ChunkedSum<F, Item<F>>(p, n, stride, new Item<F>(), parallel);

    /// <summary>NumPy's sum of the squared deviations of n floats from their mean (the numerator of np.var).</summary>
    public static unsafe F SumOfSquaredDeviations<F>(byte* p, long n, long stride, F mean, bool parallel = false) where F : unmanaged, IBinaryFloatingPointIeee754<F> =>
        ChunkedSum<F, SquaredDeviation<F>>(p, n, stride, new SquaredDeviation<F>(mean), parallel);

    /// <summary>Items from which a parallel sum sums its chunks on the thread pool (16 chunks).</summary>
    private const long ParallelSumItems = 1 << 17;

    private static unsafe F ChunkedSum<F, T>(byte* p, long n, long stride, T term, bool parallel = false) where F : unmanaged, IBinaryFloatingPointIeee754<F> where T : ITerm<F>
    {
        if (parallel && n >= ParallelSumItems && ParallelLoops.Threads > 1) return ChunkedSumInParallel<F, T>(p, n, stride, term);
        F total = F.Zero;
        for (long at = 0; at < n; at += BufferSize)
            total += PairwiseSum<F, T>(p + at * stride, Math.Min(BufferSize, n - at), stride, term);
        return total;
    }

    /// <summary>NumPy's buffer size (NPY_BUFSIZE): its reductions sum this many items pairwise at a time (compiled
    /// sums of element-wise trees fill a buffer of it: Library/Arrays.FusedReductions.cs).</summary>
    public const int BufferSize = 8192;

    /// <summary>The chunks' sums are independent: summed on the thread pool, then added in order, they give the very
    /// total the loop in order gives (NumPy's, to the bit). A method of its own: the lambda's captures would otherwise
    /// be a closure object that every call of the serial sum allocates (one per row of a sum over an axis).</summary>
    private static unsafe F ChunkedSumInParallel<F, T>(byte* p, long n, long stride, T term) where F : unmanaged, IBinaryFloatingPointIeee754<F> where T : ITerm<F>
    {
        var sums = new F[(n + BufferSize - 1) / BufferSize];
        nint start = (nint)p;
        System.Threading.Tasks.Parallel.For(0, sums.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = ParallelLoops.Threads },
            k => sums[k] = PairwiseSum<F, T>((byte*)start + k * BufferSize * stride, Math.Min(BufferSize, n - k * BufferSize), stride, term));
        F total = F.Zero;
        foreach (var s in sums) total += s;
        return total;
    }

    /// <summary>NumPy's pairwise_sum (loops_utils.h): under 8 items in order; up to 128 in eight interleaved partial
    /// sums added as ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the rest in order; longer halves split at a
    /// multiple of 8.</summary>
    private static unsafe F PairwiseSum<F, T>(byte* p, long n, long stride, T term) where F : unmanaged, IBinaryFloatingPointIeee754<F> where T : ITerm<F>
    {
        F At(long i) => term.Of(*(F*)(p + i * stride));
        if (n < 8)
        {
            F res = F.Zero;
            for (long i = 0; i < n; i++) res += At(i);
            return res;
        }
        if (n <= 128 && stride == sizeof(F) && Vector128.IsHardwareAccelerated)
            return PairwiseBlockContiguous((F*)p, n, term);
        if (n <= 128)
        {
            F r0 = At(0), r1 = At(1), r2 = At(2), r3 = At(3), r4 = At(4), r5 = At(5), r6 = At(6), r7 = At(7);
            long i = 8;
            for (; i < n - n % 8; i += 8)
            {
                r0 += At(i); r1 += At(i + 1); r2 += At(i + 2); r3 += At(i + 3);
                r4 += At(i + 4); r5 += At(i + 5); r6 += At(i + 6); r7 += At(i + 7);
            }
            F res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += At(i);
            return res;
        }
        long half = n / 2;
        half -= half % 8;
        return PairwiseSum<F, T>(p, half, stride, term) + PairwiseSum<F, T>(p + half * stride, n - half, stride, term);
    }

    /// <summary>A block of 8 to 128 contiguous items as NumPy sums it: the eight partial sums r0..r7 held in the lanes
    /// of 128-bit vectors (each lane adds the same items in the same order as the scalar code).</summary>
    private static unsafe F PairwiseBlockContiguous<F, T>(F* p, long n, T term) where F : unmanaged, IBinaryFloatingPointIeee754<F> where T : ITerm<F>
    {
        long i = n - n % 8;
        Span<F> r = stackalloc F[8];
        EightPartialSums(p, i, term, r);
        F res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) res += term.Of(p[i]);
        return res;
    }

    /// <summary>NumPy's eight partial sums of pairwise_sum over the contiguous p[0..end) (end a multiple of 8, at least
    /// 8): r[j] = p[j] + p[j + 8] + ..., in that order, in the lanes of 128-bit vectors.</summary>
    private static unsafe void EightPartialSums<F, T>(F* p, long end, T term, Span<F> r) where F : unmanaged, IBinaryFloatingPointIeee754<F> where T : ITerm<F>
    {
        long i = 8;
        if (Vector128<F>.Count == 4)
        {
            var v0 = term.Of(Vector128.Load(p)); var v1 = term.Of(Vector128.Load(p + 4));
            for (; i < end; i += 8) { v0 += term.Of(Vector128.Load(p + i)); v1 += term.Of(Vector128.Load(p + i + 4)); }
            v0.CopyTo(r); v1.CopyTo(r[4..]);
        }
        else
        {
            var v0 = term.Of(Vector128.Load(p)); var v1 = term.Of(Vector128.Load(p + 2));
            var v2 = term.Of(Vector128.Load(p + 4)); var v3 = term.Of(Vector128.Load(p + 6));
            for (; i < end; i += 8)
            {
                v0 += term.Of(Vector128.Load(p + i)); v1 += term.Of(Vector128.Load(p + i + 2));
                v2 += term.Of(Vector128.Load(p + i + 4)); v3 += term.Of(Vector128.Load(p + i + 6));
            }
            v0.CopyTo(r); v1.CopyTo(r[2..]); v2.CopyTo(r[4..]); v3.CopyTo(r[6..]);
        }
    }

    /// <summary>NumPy's sum of n complex numbers at a stride (bytes): chunks of 8192, each summed pairwise over the
    /// interleaved parts (CDOUBLE_pairwise_sum), added in order to a total that starts at 0.</summary>
    public static unsafe (F Re, F Im) ComplexSum<F>(byte* p, long n, long stride) where F : unmanaged, IBinaryFloatingPointIeee754<F>
    {
        F re = F.Zero, im = F.Zero;
        for (long at = 0; at < n; at += BufferSize)
        {
            var (r, i) = ComplexPairwiseSum<F>(p + at * stride, Math.Min(BufferSize, n - at), stride);
            re += r;
            im += i;
        }
        return (re, im);
    }

    /// <summary>NumPy's complex pairwise_sum on m numbers (its n = 2m parts): under 4 numbers in order; up to 64 in
    /// eight partial sums (the parts of four numbers at a time) added as (r0 + r2) + (r4 + r6) and (r1 + r3) + (r5 + r7),
    /// then the rest in order; more split in halves at a multiple of 4 numbers.</summary>
    private static unsafe (F, F) ComplexPairwiseSum<F>(byte* p, long m, long stride) where F : unmanaged, IBinaryFloatingPointIeee754<F>
    {
        F Re(long k) => *(F*)(p + k * stride);
        F Im(long k) => *(F*)(p + k * stride + sizeof(F));
        long n = 2 * m;
        if (n < 8)
        {
            F rr = F.Zero, ri = F.Zero;
            for (long k = 0; k < m; k++) { rr += Re(k); ri += Im(k); }
            return (rr, ri);
        }
        if (n <= 128 && stride == 2 * sizeof(F) && Vector128.IsHardwareAccelerated)
        {
            // Contiguous numbers: the eight partial sums are those of the parts as one line of floats.
            long end = n - n % 8;
            Span<F> r = stackalloc F[8];
            EightPartialSums((F*)p, end, new Item<F>(), r);
            F rr = (r[0] + r[2]) + (r[4] + r[6]), ri = (r[1] + r[3]) + (r[5] + r[7]);
            for (long i = end; i < n; i += 2) { rr += Re(i / 2); ri += Im(i / 2); }
            return (rr, ri);
        }
        if (n <= 128)
        {
            F r0 = Re(0), r1 = Im(0), r2 = Re(1), r3 = Im(1), r4 = Re(2), r5 = Im(2), r6 = Re(3), r7 = Im(3);
            long i = 8;
            for (; i < n - n % 8; i += 8)
            {
                long k = i / 2;
                r0 += Re(k); r1 += Im(k); r2 += Re(k + 1); r3 += Im(k + 1);
                r4 += Re(k + 2); r5 += Im(k + 2); r6 += Re(k + 3); r7 += Im(k + 3);
            }
            F rr = (r0 + r2) + (r4 + r6), ri = (r1 + r3) + (r5 + r7);
            for (; i < n; i += 2) { rr += Re(i / 2); ri += Im(i / 2); }
            return (rr, ri);
        }
        long half = n / 2;
        half -= half % 8;
        var (rr1, ri1) = ComplexPairwiseSum<F>(p, half / 2, stride);
        var (rr2, ri2) = ComplexPairwiseSum<F>(p + half / 2 * stride, m - half / 2, stride);
        return (rr1 + rr2, ri1 + ri2);
    }

    /// <summary>10**n as NumPy's round computes it: exact table up to 1e8, then repeated multiplication by 10.</summary>
    private static double PowerOfTen(long n)
    {
        if (n < 9) return Math.Pow(10, n); // exact for 0..8
        double r = 1e9;
        for (long k = 9; k < n && !double.IsInfinity(r); k++) r *= 10.0;
        return r;
    }

    /// <summary>np.round(x, decimals) for float64: multiply, round half to even, divide (not Python's exact rounding).</summary>
    public static double Round(double x, long decimals)
    {
        if (decimals == 0) return Math.Round(x, MidpointRounding.ToEven);
        if (decimals > 0)
        {
            double f = PowerOfTen(decimals);
            return Math.Round(x * f, MidpointRounding.ToEven) / f;
        }
        double g = PowerOfTen(-decimals);
        return Math.Round(x / g, MidpointRounding.ToEven) * g;
    }

    /// <summary>np.round(x, decimals) for int64: unchanged for decimals &gt;= 0, else rounded through float64 and cast back.</summary>
    public static long RoundInt(long x, long decimals)
    {
        if (decimals >= 0) return x;
        double r = Round(x, decimals);
        // C's double-to-int64 cast on x86-64 gives INT64_MIN for values out of range (NumPy warns "invalid value").
        return r >= -9223372036854775808.0 && r < 9223372036854775808.0 ? (long)r : long.MinValue;
    }

    /// <summary>np.gcd for int64: Euclid on the magnitudes as unsigned values (gcd(INT64_MIN, 0) wraps back to INT64_MIN).</summary>
    public static long Gcd(long a, long b)
    {
        ulong x = a < 0 ? unchecked((ulong)-a) : (ulong)a, y = b < 0 ? unchecked((ulong)-b) : (ulong)b;
        while (x != 0) (x, y) = (y % x, x);
        return unchecked((long)y);
    }

    /// <summary>np.lcm for int64: |a| / gcd * |b| with int64 wrap-around (so it can come out negative).</summary>
    public static long Lcm(long a, long b)
    {
        long g = Gcd(a, b);
        if (g == 0) return 0;
        long x = a < 0 ? unchecked(-a) : a, y = b < 0 ? unchecked(-b) : b;
        return unchecked(x / g * y);
    }

    /// <summary>np.gcd for uint64.</summary>
    public static ulong GcdUnsigned(ulong x, ulong y)
    {
        while (x != 0) (x, y) = (y % x, x);
        return y;
    }

    /// <summary>np.lcm for uint64: a / gcd * b with uint64 wrap-around.</summary>
    public static ulong LcmUnsigned(ulong a, ulong b)
    {
        ulong g = GcdUnsigned(a, b);
        return g == 0 ? 0 : unchecked(a / g * b);
    }
}
