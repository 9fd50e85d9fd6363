using System.Globalization;
using System.Numerics;

namespace SharpJit.Runtime;

/// <summary>Integer operations with Numba's int64 wrap-around and Python's rounding and sign rules.</summary>
public static class IntOps
{
    /// <summary>l = ceil(log2 d), the shift that goes with <see cref="DivisorMagic"/>.</summary>
    public static int DivisorShift(long d) => 64 - BitOperations.LeadingZeroCount((ulong)(d - 1));

    /// <summary>
    /// The multiplier of Granlund-Montgomery division for dividends below 2**63: m = floor(2**(63 + l) / d) + 1 with
    /// l = ceil(log2 d) fits 64 bits, and u / d = high64(u * m) &gt;&gt; (l - 1) for every 0 &lt;= u &lt; 2**63. For
    /// d &gt; 2 that is not a power of two; 0 otherwise.
    /// </summary>
    public static long DivisorMagic(long d)
    {
        if (d < 3 || (d & (d - 1)) == 0) return 0;
        return unchecked((long)(ulong)((UInt128.One << (63 + DivisorShift(d))) / (ulong)d + 1));
    }

    public static long Pow(long b, long e)
    {
        long result = 1;
        unchecked
        {
            while (e > 0)
            {
                if ((e & 1) != 0) result *= b;
                b *= b;
                e >>= 1;
            }
        }
        return result;
    }

    /// <summary>b ** e of uint64 values modulo 2**64 (NumPy's uint64 loop: every exponent is non-negative).</summary>
    public static ulong PowUnsigned(ulong b, ulong e)
    {
        ulong result = 1;
        unchecked
        {
            while (e != 0)
            {
                if ((e & 1) != 0) result *= b;
                b *= b;
                e >>= 1;
            }
        }
        return result;
    }

    /// <summary>pow(b, e, m); the result has the sign of m, as in Python; a negative e uses the modular inverse.</summary>
    public static long PowMod(long b, long e, long m)
    {
        var mod = BigInteger.Abs(m);
        BigInteger bb = b;
        if (e < 0)
        {
            bb = ModInverse(((bb % mod) + mod) % mod, mod)
                ?? throw new PyMathException("ValueError", "base is not invertible for the given modulus");
        }
        var r = BigInteger.ModPow(bb, BigInteger.Abs(e), mod);
        if (r < 0) r += mod;
        if (m < 0 && r != 0) r += m;
        return (long)r;
    }

    private static BigInteger? ModInverse(BigInteger a, BigInteger m)
    {
        if (m == 1) return 0;
        BigInteger g = m, x = 0, x1 = 1, a1 = a;
        while (a1 != 0)
        {
            var q = g / a1;
            (g, a1) = (a1, g - q * a1);
            (x, x1) = (x1, x - q * x1);
        }
        if (g != 1) return null;
        return ((x % m) + m) % m;
    }

    /// <summary>a / b correctly rounded from the exact quotient (b != 0), as CPython's int true division.</summary>
    public static double TrueDivide(long a, long b)
    {
        bool negative = (a < 0) != (b < 0);
        UInt128 x = a < 0 ? (ulong)(-(Int128)a) : (ulong)a, y = b < 0 ? (ulong)(-(Int128)b) : (ulong)b;
        if (x == 0) return negative ? -0.0 : 0.0;
        // Scale so the quotient has 62-64 significant bits; a sticky bit below them keeps the rounding exact.
        int bx = 128 - (int)UInt128.LeadingZeroCount(x), by = 128 - (int)UInt128.LeadingZeroCount(y);
        int shift = Math.Max(0, 62 - (bx - by));
        UInt128 num = x << shift;
        ulong q = (ulong)(num / y);
        if (num % y != 0) q |= 1;
        double d = Math.ScaleB((double)q, -shift);
        return negative ? -d : d;
    }

    public static long RangeLength(long start, long stop, long step) => (long)RangeLength128(start, stop, step);

    /// <summary>The exact number of items of range(start, stop, step) (up to 2**64 - 1).</summary>
    public static Int128 RangeLength128(long start, long stop, long step)
    {
        Int128 s = start, t = stop, st = step;
        if (st > 0 && s < t) return (t - s - 1) / st + 1;
        if (st < 0 && s > t) return (s - t - 1) / -st + 1;
        return 0;
    }

    /// <summary>round(int, ndigits): ties to even, like Python.</summary>
    public static long Round(long v, long ndigits)
    {
        if (ndigits >= 0) return v;
        if (ndigits < -18) return 0;
        long pow = Pow(10, -ndigits);
        Int128 q = Int128.DivRem(v, pow).Quotient, r = v - q * pow;
        if (r < 0) { r += pow; q -= 1; }
        Int128 twice = r * 2;
        if (twice > pow || (twice == pow && (q & 1) != 0)) q += 1;
        return (long)(q * pow);
    }
}

/// <summary>Float and complex operations with CPython's exact algorithms.</summary>
public static class FloatOps
{
    /// <summary>a // b for b != 0, as CPython's float_floor_div (via divmod).</summary>
    public static double FloorDiv(double vx, double wx)
    {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0)) div -= 1.0;
        }
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else floordiv = Math.CopySign(0.0, vx / wx);
        return floordiv;
    }

    /// <summary>round(x, ndigits): the exact binary value rounded half-to-even in decimal, as CPython.</summary>
    public static double Round(double x, long ndigits)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || x == 0) return x;
        if (ndigits > 323) return x;
        if (ndigits < -308) return Math.CopySign(0.0, x);
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1; else mant |= 1L << 52;
        exp -= 1075;
        BigInteger num = mant, den = 1;
        if (exp >= 0) num <<= exp; else den <<= -exp;
        if (ndigits >= 0) num *= BigInteger.Pow(10, (int)ndigits); else den *= BigInteger.Pow(10, (int)-ndigits);
        var q = BigInteger.DivRem(num, den, out var r);
        var twice = r * 2;
        if (twice > den || (twice == den && !q.IsEven)) q += 1;
        var text = (negative ? "-" : "") + q.ToString(CultureInfo.InvariantCulture) + "e" + (-ndigits).ToString(CultureInfo.InvariantCulture);
        double result = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(result)) throw new OverflowException("rounded value too large to represent");
        return result;
    }

    /// <summary>CPython's _Py_c_quot (Smith's algorithm with scaling); b must not be zero.</summary>
    public static (double, double) ComplexDiv(double ar, double ai, double br, double bi)
    {
        double absBr = Math.Abs(br), absBi = Math.Abs(bi);
        if (absBr >= absBi)
        {
            if (absBr == 0) return (double.NaN, double.NaN);
            double ratio = bi / br, denom = br + bi * ratio;
            return ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
        }
        if (absBi >= absBr)
        {
            double ratio = br / bi, denom = br * ratio + bi;
            return ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
        }
        return (double.NaN, double.NaN);
    }

    private static (double, double) Mul((double r, double i) a, (double r, double i) b) => (a.r * b.r - a.i * b.i, a.r * b.i + a.i * b.r);

    /// <summary>CPython's complex power: repeated multiplication for small integer exponents, else polar form.</summary>
    public static (double, double) ComplexPow(double ar, double ai, double br, double bi)
    {
        (double, double) r;
        if (bi == 0 && br == Math.Floor(br) && Math.Abs(br) <= 100)
        {
            int n = (int)br;
            (double, double) Powu((double, double) x, int k)
            {
                (double, double) res = (1, 0), p = x;
                for (int mask = 1; mask > 0 && k >= mask; mask <<= 1)
                {
                    if ((k & mask) != 0) res = Mul(res, p);
                    p = Mul(p, p);
                }
                return res;
            }
            if (n > 0) r = Powu((ar, ai), n);
            else
            {
                var d = Powu((ar, ai), -n);
                if (d.Item1 == 0 && d.Item2 == 0) throw new PyMathException("ZeroDivisionError", "0.0 to a negative or complex power");
                r = ComplexDiv(1, 0, d.Item1, d.Item2);
            }
        }
        else if (br == 0 && bi == 0) r = (1, 0);
        else if (ar == 0 && ai == 0)
        {
            if (bi != 0 || br < 0) throw new PyMathException("ZeroDivisionError", "0.0 to a negative or complex power");
            r = (0, 0);
        }
        else
        {
            double vabs = double.Hypot(ar, ai);
            double len = Math.Pow(vabs, br);
            double at = Math.Atan2(ai, ar);
            double phase = at * br;
            if (bi != 0) { len /= Math.Exp(at * bi); phase += bi * Math.Log(vabs); }
            r = (len * Math.Cos(phase), len * Math.Sin(phase));
        }
        if (double.IsInfinity(r.Item1) || double.IsInfinity(r.Item2))
            throw new PyMathException("OverflowError", "complex exponentiation");
        return r;
    }
}
