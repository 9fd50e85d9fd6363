// Python's `math` module (CPython 3.11, Modules/mathmodule.c) with CPython's exact results and
// exceptions, for the JIT to call where it needs Python semantics.
//
// Every function here is the reference behaviour. Throwing API: functions raise
// PyMathException(pythonExceptionType, message) exactly where CPython raises. Non-throwing API: each
// float function also has an overload with a trailing `out PyMathError error` which never throws;
// PyMath.ToException(error) builds the exception CPython would raise.
//
// Which functions can fail (besides the integer ones, which document their messages):
//   ValueError "math domain error":  sqrt acos asin acosh atanh log log2 log10 log1p pow fmod remainder
//                                   gamma lgamma cos sin tan (of ±inf) atan2 (never) ...
//   OverflowError "math range error": exp exp2 expm1 cosh sinh pow ldexp gamma lgamma
//   ZeroDivisionError "float division by zero": log(x, base) with log(base) == 0
//   trunc/floor/ceil: ValueError "cannot convert float NaN to integer",
//                     OverflowError "cannot convert float infinity to integer".
// Functions that never fail: atan atan2 asinh tanh cbrt erf erfc copysign fabs degrees radians
// hypot (float args) nextafter ulp isfinite isinf isnan isclose (except negative tolerances) modf frexp.
//
// Accuracy: the elementary functions delegate to the platform libm through System.Math (the same libm
// CPython uses on the platform, so results are identical there). Functions .NET lacks are ported from
// glibc's implementations: erf/erfc/expm1/log1p (fdlibm-derived, as in glibc's dbl-64) and hypot
// (glibc 2.35+ e_hypot.c, non-FMA kernel), so results match glibc except where glibc itself uses an
// FMA-compiled variant (expm1, log1p may then differ by 1 ulp). exp2 is computed as pow(2, x)
// (correctly rounded in practice; may differ from glibc's exp2 by 1 ulp in rare cases).
// gamma/lgamma/fsum/hypot(n-ary)/dist/remainder are exact ports of CPython's own C code.
//
// Deviations (documented): Python ints are unbounded; here integer results are int64. Where CPython
// would return an int that does not fit in int64 (factorial(21), comb/perm/lcm/gcd results >= 2**63,
// trunc/floor/ceil of |x| >= 2**63) these functions raise OverflowError "int too large to convert to int64".
// log(x)/log2/log10 take float arguments only (CPython's exact handling of huge int arguments is not
// reproduced).

using System;
using System.Runtime.CompilerServices;

namespace SharpJit.Runtime;

/// <summary>An exception CPython would raise: type name (e.g. "ValueError") and message.</summary>
public sealed class PyMathException : Exception
{
    public PyMathException(string pythonExceptionType, string message) : base(message)
    {
        PythonExceptionType = pythonExceptionType;
    }

    /// <summary>Python exception class name: "ValueError", "OverflowError" or "ZeroDivisionError".</summary>
    public string PythonExceptionType { get; }

    public override string ToString() => PythonExceptionType + ": " + Message;
}

/// <summary>Error outcome of a non-throwing math function.</summary>
public enum PyMathError : byte
{
    None = 0,
    /// <summary>ValueError("math domain error")</summary>
    Domain = 1,
    /// <summary>OverflowError("math range error")</summary>
    Range = 2,
    /// <summary>ZeroDivisionError("float division by zero")</summary>
    ZeroDivision = 3,
    /// <summary>ValueError("cannot convert float NaN to integer")</summary>
    NanToInteger = 4,
    /// <summary>OverflowError("cannot convert float infinity to integer")</summary>
    InfinityToInteger = 5,
    /// <summary>OverflowError("int too large to convert to int64") (result does not fit in int64)</summary>
    IntOverflow = 6,
}

public static partial class PyMath
{
    public const double Pi = 3.141592653589793;
    public const double E = 2.718281828459045;
    public const double Tau = 6.283185307179586;
    public const double Inf = double.PositiveInfinity;
    public const double NaN = double.NaN;

    internal const int EDOM = 33;
    internal const int ERANGE = 34;

    /// <summary>The exception CPython raises for <paramref name="error"/> (null for None).</summary>
    public static PyMathException? ToException(PyMathError error) => error switch
    {
        PyMathError.None => null,
        PyMathError.Domain => new PyMathException("ValueError", "math domain error"),
        PyMathError.Range => new PyMathException("OverflowError", "math range error"),
        PyMathError.ZeroDivision => new PyMathException("ZeroDivisionError", "float division by zero"),
        PyMathError.NanToInteger => new PyMathException("ValueError", "cannot convert float NaN to integer"),
        PyMathError.InfinityToInteger => new PyMathException("OverflowError", "cannot convert float infinity to integer"),
        PyMathError.IntOverflow => IntOverflow(),
        _ => new PyMathException("ValueError", "math domain error"),
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyMathException Throw(PyMathError error) => ToException(error)!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Check(double r, PyMathError e)
    {
        if (e != PyMathError.None) throw Throw(e);
        return r;
    }

    private static PyMathException IntOverflow() => new("OverflowError", "int too large to convert to int64");
    private static PyMathException ValueError(string msg) => new("ValueError", msg);

    /// <summary>math_1: checks a libm result r = f(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Math1(double x, double r, bool canOverflow, out PyMathError error)
    {
        if (double.IsNaN(r) && !double.IsNaN(x)) error = PyMathError.Domain;
        else if (double.IsInfinity(r) && double.IsFinite(x)) error = canOverflow ? PyMathError.Range : PyMathError.Domain;
        else error = PyMathError.None;
        return r;
    }

    /// <summary>math_2: checks a result r = f(x, y).</summary>
    private static double Math2(double x, double y, double r, out PyMathError error)
    {
        error = PyMathError.None;
        if (double.IsNaN(r))
        {
            if (!double.IsNaN(x) && !double.IsNaN(y)) error = PyMathError.Domain;
        }
        else if (double.IsInfinity(r))
        {
            if (double.IsFinite(x) && double.IsFinite(y)) error = PyMathError.Range;
        }
        return r;
    }

    /// <summary>is_error(): errno EDOM -> ValueError; ERANGE -> OverflowError unless |r| &lt; 1.5 (underflow).</summary>
    private static PyMathError IsError(int errno, double r)
    {
        if (errno == EDOM) return PyMathError.Domain;
        if (errno == ERANGE) return Math.Abs(r) < 1.5 ? PyMathError.None : PyMathError.Range;
        return PyMathError.None;
    }

    // ------------------------------------------------------------------------------------------
    // one-argument float functions (math_1)
    // ------------------------------------------------------------------------------------------

    public static double Sqrt(double x) => Check(Sqrt(x, out var e), e);
    public static double Sqrt(double x, out PyMathError error) => Math1(x, Math.Sqrt(x), false, out error);

    public static double Cbrt(double x) => Check(Cbrt(x, out var e), e);
    public static double Cbrt(double x, out PyMathError error) => Math1(x, Math.Cbrt(x), false, out error);

    public static double Exp(double x) => Check(Exp(x, out var e), e);
    public static double Exp(double x, out PyMathError error) => Math1(x, Math.Exp(x), true, out error);

    /// <summary>exp2(x) (new in 3.11). Computed as pow(2, x).</summary>
    public static double Exp2(double x) => Check(Exp2(x, out var e), e);
    public static double Exp2(double x, out PyMathError error) => Math1(x, Math.Pow(2.0, x), true, out error);

    public static double Expm1(double x) => Check(Expm1(x, out var e), e);
    public static double Expm1(double x, out PyMathError error) => Math1(x, LibmExpm1(x), true, out error);

    public static double Log1p(double x) => Check(Log1p(x, out var e), e);
    public static double Log1p(double x, out PyMathError error) => Math1(x, x == 0.0 ? x : LibmLog1p(x), false, out error);

    public static double Fabs(double x) => Math.Abs(x);

    public static double Acos(double x) => Check(Acos(x, out var e), e);
    public static double Acos(double x, out PyMathError error) => Math1(x, Math.Acos(x), false, out error);

    public static double Asin(double x) => Check(Asin(x, out var e), e);
    public static double Asin(double x, out PyMathError error) => Math1(x, Math.Asin(x), false, out error);

    public static double Atan(double x) => Check(Atan(x, out var e), e);
    public static double Atan(double x, out PyMathError error) => Math1(x, Math.Atan(x), false, out error);

    public static double Acosh(double x) => Check(Acosh(x, out var e), e);
    public static double Acosh(double x, out PyMathError error) => Math1(x, Math.Acosh(x), false, out error);

    public static double Asinh(double x) => Check(Asinh(x, out var e), e);
    public static double Asinh(double x, out PyMathError error) => Math1(x, Math.Asinh(x), false, out error);

    public static double Atanh(double x) => Check(Atanh(x, out var e), e);
    public static double Atanh(double x, out PyMathError error) => Math1(x, Math.Atanh(x), false, out error);

    public static double Cos(double x) => Check(Cos(x, out var e), e);
    public static double Cos(double x, out PyMathError error) => Math1(x, Math.Cos(x), false, out error);

    public static double Sin(double x) => Check(Sin(x, out var e), e);
    public static double Sin(double x, out PyMathError error) => Math1(x, Math.Sin(x), false, out error);

    public static double Tan(double x) => Check(Tan(x, out var e), e);
    public static double Tan(double x, out PyMathError error) => Math1(x, Math.Tan(x), false, out error);

    public static double Cosh(double x) => Check(Cosh(x, out var e), e);
    public static double Cosh(double x, out PyMathError error) => Math1(x, Math.Cosh(x), true, out error);

    public static double Sinh(double x) => Check(Sinh(x, out var e), e);
    public static double Sinh(double x, out PyMathError error) => Math1(x, Math.Sinh(x), true, out error);

    public static double Tanh(double x) => Check(Tanh(x, out var e), e);
    public static double Tanh(double x, out PyMathError error) => Math1(x, Math.Tanh(x), false, out error);

    public static double Erf(double x) => LibmErf(x);
    public static double Erf(double x, out PyMathError error) { error = PyMathError.None; return LibmErf(x); }

    public static double Erfc(double x) => LibmErfc(x);
    public static double Erfc(double x, out PyMathError error) { error = PyMathError.None; return LibmErfc(x); }

    public static double Gamma(double x) => Check(Gamma(x, out var e), e);
    public static double Gamma(double x, out PyMathError error)
    {
        int errno = 0;
        double r = TGamma(x, ref errno);
        error = errno != 0 ? IsError(errno, r) : PyMathError.None;
        return r;
    }

    public static double Lgamma(double x) => Check(Lgamma(x, out var e), e);
    public static double Lgamma(double x, out PyMathError error)
    {
        int errno = 0;
        double r = LGamma(x, ref errno);
        error = errno != 0 ? IsError(errno, r) : PyMathError.None;
        return r;
    }

    public static double Degrees(double x) => x * (180.0 / Math.PI);
    public static double Radians(double x) => x * (Math.PI / 180.0);

    public static bool IsFinite(double x) => double.IsFinite(x);
    public static bool IsInf(double x) => double.IsInfinity(x);
    public static bool IsNan(double x) => double.IsNaN(x);

    // ------------------------------------------------------------------------------------------
    // logarithms (m_log, m_log2, m_log10 through loghelper/math_1)
    // ------------------------------------------------------------------------------------------

    private static double MLog(double x)
    {
        if (double.IsFinite(x))
        {
            if (x > 0.0) return Math.Log(x);
            return x == 0.0 ? double.NegativeInfinity : double.NaN;
        }
        if (double.IsNaN(x)) return x;
        if (x > 0.0) return x;
        return double.NaN;
    }

    private static double MLog2(double x)
    {
        if (!double.IsFinite(x))
        {
            if (double.IsNaN(x)) return x;
            if (x > 0.0) return x;
            return double.NaN;
        }
        if (x > 0.0) return Math.Log2(x);
        return x == 0.0 ? double.NegativeInfinity : double.NaN;
    }

    private static double MLog10(double x)
    {
        if (double.IsFinite(x))
        {
            if (x > 0.0) return Math.Log10(x);
            return x == 0.0 ? double.NegativeInfinity : double.NaN;
        }
        if (double.IsNaN(x)) return x;
        if (x > 0.0) return x;
        return double.NaN;
    }

    public static double Log(double x) => Check(Log(x, out var e), e);
    public static double Log(double x, out PyMathError error) => Math1(x, MLog(x), false, out error);

    /// <summary>log(x, base) = log(x) / log(base); ZeroDivisionError when log(base) == 0.</summary>
    public static double Log(double x, double @base) => Check(Log(x, @base, out var e), e);
    public static double Log(double x, double @base, out PyMathError error)
    {
        double num = Math1(x, MLog(x), false, out error);
        if (error != PyMathError.None) return num;
        double den = Math1(@base, MLog(@base), false, out error);
        if (error != PyMathError.None) return den;
        if (den == 0.0) { error = PyMathError.ZeroDivision; return double.NaN; }
        return num / den;
    }

    public static double Log2(double x) => Check(Log2(x, out var e), e);
    public static double Log2(double x, out PyMathError error) => Math1(x, MLog2(x), false, out error);

    public static double Log10(double x) => Check(Log10(x, out var e), e);
    public static double Log10(double x, out PyMathError error) => Math1(x, MLog10(x), false, out error);

    // ------------------------------------------------------------------------------------------
    // two-argument float functions
    // ------------------------------------------------------------------------------------------

    public static double CopySign(double x, double y) => Math.CopySign(x, y);

    /// <summary>atan2 with CPython's m_atan2 special-value handling; never fails.</summary>
    public static double Atan2(double y, double x) => Check(Atan2(y, x, out var e), e);
    public static double Atan2(double y, double x, out PyMathError error) => Math2(y, x, MAtan2(y, x), out error);

    internal static double MAtan2(double y, double x)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
        if (double.IsInfinity(y))
        {
            if (double.IsInfinity(x))
            {
                if (!double.IsNegative(x)) return Math.CopySign(0.25 * Math.PI, y);
                return Math.CopySign(0.75 * Math.PI, y);
            }
            return Math.CopySign(0.5 * Math.PI, y);
        }
        if (double.IsInfinity(x) || y == 0.0)
        {
            if (!double.IsNegative(x)) return Math.CopySign(0.0, y);
            return Math.CopySign(Math.PI, y);
        }
        return Math.Atan2(y, x);
    }

    public static double Fmod(double x, double y) => Check(Fmod(x, y, out var e), e);
    public static double Fmod(double x, double y, out PyMathError error)
    {
        error = PyMathError.None;
        if (double.IsInfinity(y) && double.IsFinite(x)) return x;
        double r = x % y;
        if (double.IsNaN(r) && !double.IsNaN(x) && !double.IsNaN(y)) error = PyMathError.Domain;
        return r;
    }

    /// <summary>IEEE 754 remainder (CPython's m_remainder).</summary>
    public static double Remainder(double x, double y) => Check(Remainder(x, y, out var e), e);
    public static double Remainder(double x, double y, out PyMathError error) => Math2(x, y, MRemainder(x, y), out error);

    private static double MRemainder(double x, double y)
    {
        if (double.IsFinite(x) && double.IsFinite(y))
        {
            if (y == 0.0) return double.NaN;
            double absx = Math.Abs(x);
            double absy = Math.Abs(y);
            double m = absx % absy;
            double c = absy - m;
            double r;
            if (m < c) r = m;
            else if (m > c) r = -c;
            else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
            return Math.CopySign(1.0, x) * r;
        }
        if (double.IsNaN(x)) return x;
        if (double.IsNaN(y)) return y;
        if (double.IsInfinity(x)) return double.NaN;
        return x;
    }

    /// <summary>math.pow (float pow with CPython's IEEE special cases and errors).</summary>
    public static double Pow(double x, double y) => Check(Pow(x, y, out var e), e);
    public static double Pow(double x, double y, out PyMathError error)
    {
        double r;
        int errno = 0;
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            if (double.IsNaN(x)) r = y == 0.0 ? 1.0 : x;
            else if (double.IsNaN(y)) r = x == 1.0 ? 1.0 : y;
            else if (double.IsInfinity(x))
            {
                bool oddY = double.IsFinite(y) && (Math.Abs(y) % 2.0) == 1.0;
                if (y > 0.0) r = oddY ? x : Math.Abs(x);
                else if (y == 0.0) r = 1.0;
                else r = oddY ? Math.CopySign(0.0, x) : 0.0;
            }
            else // y infinite
            {
                if (Math.Abs(x) == 1.0) r = 1.0;
                else if (y > 0.0 && Math.Abs(x) > 1.0) r = y;
                else if (y < 0.0 && Math.Abs(x) < 1.0) r = -y;
                else r = 0.0;
            }
        }
        else
        {
            r = Math.Pow(x, y);
            if (!double.IsFinite(r))
            {
                if (double.IsNaN(r)) errno = EDOM;
                else if (x == 0.0) errno = EDOM;
                else errno = ERANGE;
            }
        }
        error = errno != 0 ? IsError(errno, r) : PyMathError.None;
        return r;
    }

    public static double NextAfter(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return x + y;
        if (x == y) return y;
        if (x == 0.0) return y > 0.0 ? double.Epsilon : -double.Epsilon;
        long bits = BitConverter.DoubleToInt64Bits(x);
        if ((x < y) == (x > 0.0)) bits++; else bits--;
        return BitConverter.Int64BitsToDouble(bits);
    }

    public static double Ulp(double x)
    {
        if (double.IsNaN(x)) return x;
        x = Math.Abs(x);
        if (double.IsInfinity(x)) return x;
        double x2 = NextAfter(x, double.PositiveInfinity);
        if (double.IsInfinity(x2))
        {
            x2 = NextAfter(x, double.NegativeInfinity);
            return x - x2;
        }
        return x2 - x;
    }

    /// <summary>math.isclose(a, b, rel_tol=1e-09, abs_tol=0.0). ValueError if a tolerance is negative.</summary>
    public static bool IsClose(double a, double b, double relTol = 1e-09, double absTol = 0.0)
    {
        if (relTol < 0.0 || absTol < 0.0)
            throw ValueError("tolerances must be non-negative");
        if (a == b) return true;
        if (double.IsInfinity(a) || double.IsInfinity(b)) return false;
        double diff = Math.Abs(b - a);
        return diff <= Math.Abs(relTol * b) || diff <= Math.Abs(relTol * a) || diff <= absTol;
    }

    // ------------------------------------------------------------------------------------------
    // frexp / ldexp / modf
    // ------------------------------------------------------------------------------------------

    /// <summary>math.frexp: (mantissa, exponent) with x == mantissa * 2**exponent, 0.5 &lt;= |mantissa| &lt; 1.</summary>
    public static (double Mantissa, int Exponent) Frexp(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || x == 0.0) return (x, 0);
        int e = Math.ILogB(x) + 1;
        return (Math.ScaleB(x, -e), e);
    }

    /// <summary>math.ldexp(x, i); OverflowError "math range error" on overflow.</summary>
    public static double Ldexp(double x, long i) => Check(Ldexp(x, i, out var e), e);
    public static double Ldexp(double x, long i, out PyMathError error)
    {
        error = PyMathError.None;
        if (x == 0.0 || !double.IsFinite(x)) return x;
        if (i > int.MaxValue)
        {
            error = PyMathError.Range;
            return Math.CopySign(double.PositiveInfinity, x);
        }
        if (i < int.MinValue) return Math.CopySign(0.0, x);
        double r = Math.ScaleB(x, (int)i);
        if (double.IsInfinity(r)) error = PyMathError.Range;
        return r;
    }

    /// <summary>math.modf: (fractional part, integer part), both carrying the sign of x.</summary>
    public static (double Fractional, double Integer) Modf(double x)
    {
        if (double.IsInfinity(x)) return (Math.CopySign(0.0, x), x);
        if (double.IsNaN(x)) return (x, x);
        double ip = Math.Truncate(x);
        return (Math.CopySign(x - ip, x), ip);
    }

    // ------------------------------------------------------------------------------------------
    // float -> int
    // ------------------------------------------------------------------------------------------

    public static long Trunc(double x) => ToInt64(Math.Truncate(x), x);
    public static long Floor(double x) => ToInt64(Math.Floor(x), x);
    public static long Ceil(double x) => ToInt64(Math.Ceiling(x), x);

    public static long Trunc(double x, out PyMathError error) => ToInt64(Math.Truncate(x), x, out error);
    public static long Floor(double x, out PyMathError error) => ToInt64(Math.Floor(x), x, out error);
    public static long Ceil(double x, out PyMathError error) => ToInt64(Math.Ceiling(x), x, out error);

    private static long ToInt64(double integral, double x)
    {
        long r = ToInt64(integral, x, out var e);
        if (e != PyMathError.None) throw Throw(e);
        return r;
    }

    private static long ToInt64(double integral, double x, out PyMathError error)
    {
        error = PyMathError.None;
        if (double.IsNaN(x)) { error = PyMathError.NanToInteger; return 0; }
        if (double.IsInfinity(x)) { error = PyMathError.InfinityToInteger; return 0; }
        if (integral >= 9223372036854775808.0 || integral < -9223372036854775808.0)
        {
            error = PyMathError.IntOverflow;
            return 0;
        }
        return (long)integral;
    }

    // ------------------------------------------------------------------------------------------
    // integer functions
    // ------------------------------------------------------------------------------------------

    private static readonly long[] s_factorials =
    {
        1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800,
        87178291200, 1307674368000, 20922789888000, 355687428096000, 6402373705728000,
        121645100408832000, 2432902008176640000,
    };

    /// <summary>
    /// math.factorial(n). ValueError "factorial() not defined for negative values";
    /// n &gt; 20 overflows int64: OverflowError "int too large to convert to int64" (deviation).
    /// </summary>
    public static long Factorial(long n)
    {
        if (n < 0) throw ValueError("factorial() not defined for negative values");
        if (n >= s_factorials.Length) throw IntOverflow();
        return s_factorials[n];
    }

    /// <summary>math.comb(n, k). ValueError "n must be a non-negative integer" / "k must be a non-negative integer".</summary>
    public static long Comb(long n, long k)
    {
        if (n < 0) throw ValueError("n must be a non-negative integer");
        if (k < 0) throw ValueError("k must be a non-negative integer");
        if (k > n) return 0;
        k = Math.Min(k, n - k);
        UInt128 result = 1;
        for (long i = 1; i <= k; i++)
        {
            result = result * (ulong)(n - k + i) / (ulong)i;
            if (result > long.MaxValue) throw IntOverflow();
        }
        return (long)result;
    }

    /// <summary>math.perm(n, k). Same errors as comb.</summary>
    public static long Perm(long n, long k)
    {
        if (n < 0) throw ValueError("n must be a non-negative integer");
        if (k < 0) throw ValueError("k must be a non-negative integer");
        if (k > n) return 0;
        UInt128 result = 1;
        for (long i = 0; i < k; i++)
        {
            result *= (ulong)(n - i);
            if (result > long.MaxValue) throw IntOverflow();
        }
        return (long)result;
    }

    /// <summary>math.perm(n) == factorial(n) (CPython raises factorial's error message for n &lt; 0).</summary>
    public static long Perm(long n) => Factorial(n);

    /// <summary>math.gcd(a, b) (non-negative). gcd(MinValue, 0 or MinValue) overflows int64.</summary>
    public static long Gcd(long a, long b)
    {
        ulong x = UAbs(a), y = UAbs(b);
        while (y != 0) { ulong t = x % y; x = y; y = t; }
        if (x > long.MaxValue) throw IntOverflow();
        return (long)x;
    }

    /// <summary>math.gcd(*ints); gcd() == 0.</summary>
    public static long Gcd(ReadOnlySpan<long> values)
    {
        long g = 0;
        if (values.Length == 1) { ulong u = UAbs(values[0]); if (u > long.MaxValue) throw IntOverflow(); return (long)u; }
        foreach (long v in values)
        {
            g = Gcd(g, v);
            if (g == 1) break;
        }
        return g;
    }

    /// <summary>math.lcm(a, b) (non-negative).</summary>
    public static long Lcm(long a, long b)
    {
        if (a == 0 || b == 0) return 0;
        ulong x = UAbs(a), y = UAbs(b);
        ulong g = x, t2 = y;
        while (t2 != 0) { ulong t = g % t2; g = t2; t2 = t; }
        UInt128 r = (UInt128)(x / g) * y;
        if (r > long.MaxValue) throw IntOverflow();
        return (long)r;
    }

    /// <summary>math.lcm(*ints); lcm() == 1.</summary>
    public static long Lcm(ReadOnlySpan<long> values)
    {
        if (values.Length == 0) return 1;
        if (values.Length == 1) { ulong u = UAbs(values[0]); if (u > long.MaxValue) throw IntOverflow(); return (long)u; }
        long l = values[0];
        for (int i = 1; i < values.Length; i++)
        {
            l = Lcm(l, values[i]);
        }
        return l;
    }

    private static ulong UAbs(long v) => v < 0 ? (ulong)(-(v + 1)) + 1UL : (ulong)v;

    /// <summary>math.isqrt(n). ValueError "isqrt() argument must be nonnegative".</summary>
    public static long Isqrt(long n)
    {
        if (n < 0) throw ValueError("isqrt() argument must be nonnegative");
        ulong r = (ulong)Math.Sqrt(n);
        ulong un = (ulong)n;
        while ((UInt128)r * r > un) r--;
        while ((UInt128)(r + 1) * (r + 1) <= un) r++;
        return (long)r;
    }

    // ------------------------------------------------------------------------------------------
    // fsum (CPython's math_fsum: Shewchuk's exact partials, half-even final rounding)
    // ------------------------------------------------------------------------------------------

    /// <summary>
    /// math.fsum. OverflowError "intermediate overflow in fsum"; ValueError "-inf + inf in fsum".
    /// </summary>
    public static double Fsum(ReadOnlySpan<double> values)
    {
        Span<double> stack = stackalloc double[32];
        double[]? heap = null;
        Span<double> p = stack;
        int n = 0;
        double specialSum = 0.0, infSum = 0.0;

        foreach (double item in values)
        {
            double x = item;
            double xsave = x;
            int i = 0;
            for (int j = 0; j < n; j++)
            {
                double y = p[j];
                if (Math.Abs(x) < Math.Abs(y)) { double t = x; x = y; y = t; }
                double hi = x + y;
                double yr = hi - x;
                double lo = y - yr;
                if (lo != 0.0) p[i++] = lo;
                x = hi;
            }
            n = i;
            if (x != 0.0)
            {
                if (!double.IsFinite(x))
                {
                    if (double.IsFinite(xsave))
                        throw new PyMathException("OverflowError", "intermediate overflow in fsum");
                    if (double.IsInfinity(xsave)) infSum += xsave;
                    specialSum += xsave;
                    n = 0;
                }
                else
                {
                    if (n >= p.Length)
                    {
                        double[] bigger = new double[p.Length * 2];
                        p.Slice(0, n).CopyTo(bigger);
                        heap = bigger;
                        p = heap;
                    }
                    p[n++] = x;
                }
            }
        }

        if (specialSum != 0.0)
        {
            if (double.IsNaN(infSum))
                throw ValueError("-inf + inf in fsum");
            return specialSum;
        }

        double result = 0.0;
        if (n > 0)
        {
            double hi = p[--n];
            double lo = 0.0;
            while (n > 0)
            {
                double x = hi;
                double y = p[--n];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) break;
            }
            if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)))
            {
                double y = lo * 2.0;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) hi = x;
            }
            result = hi;
        }
        _ = heap;
        return result;
    }

    // ------------------------------------------------------------------------------------------
    // hypot / dist (CPython 3.11 vector_norm)
    // ------------------------------------------------------------------------------------------

    /// <summary>math.hypot(x, y) — CPython's vector_norm; never fails.</summary>
    public static double Hypot(double x, double y)
    {
        Span<double> v = stackalloc double[2];
        v[0] = Math.Abs(x);
        v[1] = Math.Abs(y);
        bool foundNan = double.IsNaN(v[0]) || double.IsNaN(v[1]);
        double max = 0.0;
        if (v[0] > max) max = v[0];
        if (v[1] > max) max = v[1];
        return VectorNorm(v, max, foundNan);
    }

    /// <summary>math.hypot(*coordinates).</summary>
    public static double Hypot(ReadOnlySpan<double> coordinates)
    {
        double[]? heap = null;
        Span<double> v = coordinates.Length <= 32 ? stackalloc double[32] : (heap = new double[coordinates.Length]);
        v = v.Slice(0, coordinates.Length);
        double max = 0.0;
        bool foundNan = false;
        for (int i = 0; i < coordinates.Length; i++)
        {
            double x = Math.Abs(coordinates[i]);
            v[i] = x;
            foundNan |= double.IsNaN(x);
            if (x > max) max = x;
        }
        return VectorNorm(v, max, foundNan);
    }

    /// <summary>math.dist(p, q). ValueError "both points must have the same number of dimensions".</summary>
    public static double Dist(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length)
            throw ValueError("both points must have the same number of dimensions");
        double[]? heap = null;
        Span<double> v = p.Length <= 32 ? stackalloc double[32] : (heap = new double[p.Length]);
        v = v.Slice(0, p.Length);
        double max = 0.0;
        bool foundNan = false;
        for (int i = 0; i < p.Length; i++)
        {
            double x = Math.Abs(p[i] - q[i]);
            v[i] = x;
            foundNan |= double.IsNaN(x);
            if (x > max) max = x;
        }
        return VectorNorm(v, max, foundNan);
    }

    private static double VectorNorm(Span<double> vec, double max, bool foundNan)
    {
        const double T27 = 134217729.0; // ldexp(1.0, 27) + 1.0
        const double DBL_MIN = 2.2250738585072014e-308;
        int n = vec.Length;
        if (double.IsInfinity(max)) return max;
        if (foundNan) return double.NaN;
        if (max == 0.0 || n <= 1) return max;
        int maxE = Frexp(max).Exponent;
        if (maxE < -1023)
        {
            for (int i = 0; i < n; i++) vec[i] /= DBL_MIN;
            return DBL_MIN * VectorNorm(vec, max / DBL_MIN, foundNan);
        }
        double scale = Math.ScaleB(1.0, -maxE);
        double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
        double x, t, hi, lo, oldcsum, h;
        for (int i = 0; i < n; i++)
        {
            x = vec[i];
            x *= scale;
            t = x * T27;
            hi = t - (t - x);
            lo = x - hi;

            x = hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;

            x = 2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;

            frac3 += lo * lo;
        }
        h = Math.Sqrt(csum - 1.0 + (frac1 + frac2 + frac3));

        x = h;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;

        x = -hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;

        x = -2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;

        x = -lo * lo;
        oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;

        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }

    // ------------------------------------------------------------------------------------------
    // gamma / lgamma (CPython's m_tgamma / m_lgamma, Lanczos approximation)
    // ------------------------------------------------------------------------------------------

    private const double LogPi = 1.144729885849400174143427351353058711647;
    private const double LanczosG = 6.024680040776729583740234375;
    private const double LanczosGMinusHalf = 5.524680040776729583740234375;

    private static readonly double[] s_lanczosNum =
    {
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    };

    private static readonly double[] s_lanczosDen =
    {
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    };

    private static readonly double[] s_gammaIntegral =
    {
        1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
        3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
        1307674368000.0, 20922789888000.0, 355687428096000.0,
        6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
        51090942171709440000.0, 1124000727777607680000.0,
    };

    private static double SinPi(double x)
    {
        double y = Math.Abs(x) % 2.0;
        int n = (int)Math.Round(2.0 * y, MidpointRounding.AwayFromZero);
        double r = n switch
        {
            0 => Math.Sin(Math.PI * y),
            1 => Math.Cos(Math.PI * (y - 0.5)),
            2 => Math.Sin(Math.PI * (1.0 - y)),
            3 => -Math.Cos(Math.PI * (y - 1.5)),
            _ => Math.Sin(Math.PI * (y - 2.0)),
        };
        return Math.CopySign(1.0, x) * r;
    }

    private static double LanczosSum(double x)
    {
        double num = 0.0, den = 0.0;
        if (x < 5.0)
        {
            for (int i = 13; --i >= 0;)
            {
                num = num * x + s_lanczosNum[i];
                den = den * x + s_lanczosDen[i];
            }
        }
        else
        {
            for (int i = 0; i < 13; i++)
            {
                num = num / x + s_lanczosNum[i];
                den = den / x + s_lanczosDen[i];
            }
        }
        return num / den;
    }

    private static double TGamma(double x, ref int errno)
    {
        double absx, r, y, z, sqrtpow;
        if (!double.IsFinite(x))
        {
            if (double.IsNaN(x) || x > 0.0) return x;
            errno = EDOM;
            return double.NaN;
        }
        if (x == 0.0)
        {
            errno = EDOM;
            return Math.CopySign(double.PositiveInfinity, x);
        }
        if (x == Math.Floor(x))
        {
            if (x < 0.0)
            {
                errno = EDOM;
                return double.NaN;
            }
            if (x <= s_gammaIntegral.Length) return s_gammaIntegral[(int)x - 1];
        }
        absx = Math.Abs(x);
        if (absx < 1e-20)
        {
            r = 1.0 / x;
            if (double.IsInfinity(r)) errno = ERANGE;
            return r;
        }
        if (absx > 200.0)
        {
            if (x < 0.0) return 0.0 / SinPi(x);
            errno = ERANGE;
            return double.PositiveInfinity;
        }
        y = absx + LanczosGMinusHalf;
        if (absx > LanczosGMinusHalf)
        {
            double q = y - absx;
            z = q - LanczosGMinusHalf;
        }
        else
        {
            double q = y - LanczosGMinusHalf;
            z = q - absx;
        }
        z = z * LanczosG / y;
        if (x < 0.0)
        {
            r = -Math.PI / SinPi(absx) / absx * Math.Exp(y) / LanczosSum(absx);
            r -= z * r;
            if (absx < 140.0)
            {
                r /= Math.Pow(y, absx - 0.5);
            }
            else
            {
                sqrtpow = Math.Pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        }
        else
        {
            r = LanczosSum(absx) / Math.Exp(y);
            r += z * r;
            if (absx < 140.0)
            {
                r *= Math.Pow(y, absx - 0.5);
            }
            else
            {
                sqrtpow = Math.Pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
        if (double.IsInfinity(r)) errno = ERANGE;
        return r;
    }

    private static double LGamma(double x, ref int errno)
    {
        double r, absx;
        if (!double.IsFinite(x))
        {
            if (double.IsNaN(x)) return x;
            return double.PositiveInfinity;
        }
        if (x == Math.Floor(x) && x <= 2.0)
        {
            if (x <= 0.0)
            {
                errno = EDOM;
                return double.PositiveInfinity;
            }
            return 0.0;
        }
        absx = Math.Abs(x);
        if (absx < 1e-20) return -Math.Log(absx);
        r = Math.Log(LanczosSum(absx)) - LanczosG;
        r += (absx - 0.5) * (Math.Log(absx + LanczosG - 0.5) - 1);
        if (x < 0.0)
            r = LogPi - Math.Log(Math.Abs(SinPi(absx))) - Math.Log(absx) - r;
        if (double.IsInfinity(r)) errno = ERANGE;
        return r;
    }
}
