// Python's `cmath` module, ported from CPython 3.11 Modules/cmathmodule.c: C99 Annex G special-value
// tables for infinities/NaNs, branch cuts with signed zeros, and CPython's errno-based errors:
//   ValueError("math domain error")  where cmathmodule.c sets errno = EDOM,
//   OverflowError("math range error") where it sets errno = ERANGE,
// thrown as PyMathException. Every function also has a non-throwing overload with `out PyMathError`.
// Complex numbers are (double Re, double Im) value tuples.
//
// Elementary real functions come from System.Math (the platform libm); log1p and hypot are the glibc
// ports in PyMath (see PyMath.Libm.cs).

using System;
using System.Runtime.CompilerServices;

namespace SharpJit.Runtime;

public static class PyCMath
{
    public const double Pi = Math.PI;
    public const double E = Math.E;
    public const double Tau = 6.283185307179586;
    public const double Inf = double.PositiveInfinity;
    public const double NaN = double.NaN;
    public static (double Re, double Im) InfJ => (0.0, double.PositiveInfinity);
    public static (double Re, double Im) NanJ => (0.0, double.NaN);

    private const int EDOM = PyMath.EDOM;
    private const int ERANGE = PyMath.ERANGE;

    private const double DBL_MAX = double.MaxValue;
    private const double DBL_MIN = 2.2250738585072014e-308;
    private const double CM_LARGE_DOUBLE = DBL_MAX / 4.0;
    private static readonly double CM_SQRT_LARGE_DOUBLE = Math.Sqrt(CM_LARGE_DOUBLE);
    private static readonly double CM_LOG_LARGE_DOUBLE = Math.Log(CM_LARGE_DOUBLE);
    private static readonly double CM_SQRT_DBL_MIN = Math.Sqrt(DBL_MIN);
    private const int CM_SCALE_UP = 2 * (53 / 2) + 1;
    private const int CM_SCALE_DOWN = -(CM_SCALE_UP + 1) / 2;
    private const double M_LN2 = 0.6931471805599453094;
    private const double M_LN10 = 2.302585092994045684;

    // ------------------------------------------------------------------------------------------
    // errors
    // ------------------------------------------------------------------------------------------

    private static PyMathError ErrnoToError(int errno) =>
        errno == EDOM ? PyMathError.Domain : errno == ERANGE ? PyMathError.Range : PyMathError.None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Re, double Im) Check((double Re, double Im) r, PyMathError e)
    {
        if (e != PyMathError.None) throw PyMath.ToException(e)!;
        return r;
    }

    private delegate (double, double) CFunc((double Re, double Im) z, ref int errno);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Re, double Im) Run((double Re, double Im) z, CFunc f, out PyMathError error)
    {
        int errno = 0;
        var r = f(z, ref errno);
        error = ErrnoToError(errno);
        return r;
    }

    // ------------------------------------------------------------------------------------------
    // special values
    // ------------------------------------------------------------------------------------------

    private const int ST_NINF = 0, ST_NEG = 1, ST_NZERO = 2, ST_PZERO = 3, ST_POS = 4, ST_PINF = 5, ST_NAN = 6;

    private static int SpecialType(double d)
    {
        if (double.IsFinite(d))
        {
            if (d != 0) return double.IsNegative(d) ? ST_NEG : ST_POS;
            return double.IsNegative(d) ? ST_NZERO : ST_PZERO;
        }
        if (double.IsNaN(d)) return ST_NAN;
        return double.IsNegative(d) ? ST_NINF : ST_PINF;
    }

    private const double P = Math.PI;
    private const double P14 = 0.25 * Math.PI;
    private const double P12 = 0.5 * Math.PI;
    private const double P34 = 0.75 * Math.PI;
    private const double INF = double.PositiveInfinity;
    private const double N = double.NaN;
    private const double U = -9.5426319407711027e33; // unlikely value, used as placeholder

    private static (double, double)[] T(params double[] v)
    {
        var t = new (double, double)[49];
        for (int i = 0; i < 49; i++) t[i] = (v[2 * i], v[2 * i + 1]);
        return t;
    }

    private static (double Re, double Im) Lookup((double, double)[] table, double re, double im) =>
        table[SpecialType(re) * 7 + SpecialType(im)];

    private static readonly (double, double)[] s_acos = T(
        P34, INF, P, INF, P, INF, P, -INF, P, -INF, P34, -INF, N, INF,
        P12, INF, U, U, U, U, U, U, U, U, P12, -INF, N, N,
        P12, INF, U, U, P12, 0.0, P12, -0.0, U, U, P12, -INF, P12, N,
        P12, INF, U, U, P12, 0.0, P12, -0.0, U, U, P12, -INF, P12, N,
        P12, INF, U, U, U, U, U, U, U, U, P12, -INF, N, N,
        P14, INF, 0.0, INF, 0.0, INF, 0.0, -INF, 0.0, -INF, P14, -INF, N, INF,
        N, INF, N, N, N, N, N, N, N, N, N, -INF, N, N);

    private static readonly (double, double)[] s_acosh = T(
        INF, -P34, INF, -P, INF, -P, INF, P, INF, P, INF, P34, INF, N,
        INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
        INF, -P12, U, U, 0.0, -P12, 0.0, P12, U, U, INF, P12, N, N,
        INF, -P12, U, U, 0.0, -P12, 0.0, P12, U, U, INF, P12, N, N,
        INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
        INF, -P14, INF, -0.0, INF, -0.0, INF, 0.0, INF, 0.0, INF, P14, INF, N,
        INF, N, N, N, N, N, N, N, N, N, INF, N, N, N);

    private static readonly (double, double)[] s_asinh = T(
        -INF, -P14, -INF, -0.0, -INF, -0.0, -INF, 0.0, -INF, 0.0, -INF, P14, -INF, N,
        -INF, -P12, U, U, U, U, U, U, U, U, -INF, P12, N, N,
        -INF, -P12, U, U, -0.0, -0.0, -0.0, 0.0, U, U, -INF, P12, N, N,
        INF, -P12, U, U, 0.0, -0.0, 0.0, 0.0, U, U, INF, P12, N, N,
        INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
        INF, -P14, INF, -0.0, INF, -0.0, INF, 0.0, INF, 0.0, INF, P14, INF, N,
        INF, N, N, N, N, -0.0, N, 0.0, N, N, INF, N, N, N);

    private static readonly (double, double)[] s_atanh = T(
        -0.0, -P12, -0.0, -P12, -0.0, -P12, -0.0, P12, -0.0, P12, -0.0, P12, -0.0, N,
        -0.0, -P12, U, U, U, U, U, U, U, U, -0.0, P12, N, N,
        -0.0, -P12, U, U, -0.0, -0.0, -0.0, 0.0, U, U, -0.0, P12, -0.0, N,
        0.0, -P12, U, U, 0.0, -0.0, 0.0, 0.0, U, U, 0.0, P12, 0.0, N,
        0.0, -P12, U, U, U, U, U, U, U, U, 0.0, P12, N, N,
        0.0, -P12, 0.0, -P12, 0.0, -P12, 0.0, P12, 0.0, P12, 0.0, P12, 0.0, N,
        0.0, -P12, N, N, N, N, N, N, N, N, 0.0, P12, N, N);

    private static readonly (double, double)[] s_cosh = T(
        INF, N, U, U, INF, 0.0, INF, -0.0, U, U, INF, N, INF, N,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        N, 0.0, U, U, 1.0, 0.0, 1.0, -0.0, U, U, N, 0.0, N, 0.0,
        N, 0.0, U, U, 1.0, -0.0, 1.0, 0.0, U, U, N, 0.0, N, 0.0,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        INF, N, U, U, INF, -0.0, INF, 0.0, U, U, INF, N, INF, N,
        N, N, N, N, N, 0.0, N, 0.0, N, N, N, N, N, N);

    private static readonly (double, double)[] s_exp = T(
        0.0, 0.0, U, U, 0.0, -0.0, 0.0, 0.0, U, U, 0.0, 0.0, 0.0, 0.0,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        N, N, U, U, 1.0, -0.0, 1.0, 0.0, U, U, N, N, N, N,
        N, N, U, U, 1.0, -0.0, 1.0, 0.0, U, U, N, N, N, N,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        INF, N, U, U, INF, -0.0, INF, 0.0, U, U, INF, N, INF, N,
        N, N, N, N, N, -0.0, N, 0.0, N, N, N, N, N, N);

    private static readonly (double, double)[] s_log = T(
        INF, -P34, INF, -P, INF, -P, INF, P, INF, P, INF, P34, INF, N,
        INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
        INF, -P12, U, U, -INF, -P, -INF, P, U, U, INF, P12, N, N,
        INF, -P12, U, U, -INF, -0.0, -INF, 0.0, U, U, INF, P12, N, N,
        INF, -P12, U, U, U, U, U, U, U, U, INF, P12, N, N,
        INF, -P14, INF, -0.0, INF, -0.0, INF, 0.0, INF, 0.0, INF, P14, INF, N,
        INF, N, N, N, N, N, N, N, N, N, INF, N, N, N);

    private static readonly (double, double)[] s_sinh = T(
        INF, N, U, U, -INF, -0.0, -INF, 0.0, U, U, INF, N, INF, N,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        0.0, N, U, U, -0.0, -0.0, -0.0, 0.0, U, U, 0.0, N, 0.0, N,
        0.0, N, U, U, 0.0, -0.0, 0.0, 0.0, U, U, 0.0, N, 0.0, N,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        INF, N, U, U, INF, -0.0, INF, 0.0, U, U, INF, N, INF, N,
        N, N, N, N, N, -0.0, N, 0.0, N, N, N, N, N, N);

    private static readonly (double, double)[] s_sqrt = T(
        INF, -INF, 0.0, -INF, 0.0, -INF, 0.0, INF, 0.0, INF, INF, INF, N, INF,
        INF, -INF, U, U, U, U, U, U, U, U, INF, INF, N, N,
        INF, -INF, U, U, 0.0, -0.0, 0.0, 0.0, U, U, INF, INF, N, N,
        INF, -INF, U, U, 0.0, -0.0, 0.0, 0.0, U, U, INF, INF, N, N,
        INF, -INF, U, U, U, U, U, U, U, U, INF, INF, N, N,
        INF, -INF, INF, -0.0, INF, -0.0, INF, 0.0, INF, 0.0, INF, INF, INF, N,
        INF, -INF, N, N, N, N, N, N, N, N, INF, INF, N, N);

    private static readonly (double, double)[] s_tanh = T(
        -1.0, 0.0, U, U, -1.0, -0.0, -1.0, 0.0, U, U, -1.0, 0.0, -1.0, 0.0,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        N, N, U, U, -0.0, -0.0, -0.0, 0.0, U, U, N, N, N, N,
        N, N, U, U, 0.0, -0.0, 0.0, 0.0, U, U, N, N, N, N,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        1.0, 0.0, U, U, 1.0, -0.0, 1.0, 0.0, U, U, 1.0, 0.0, 1.0, 0.0,
        N, N, N, N, N, -0.0, N, 0.0, N, N, N, N, N, N);

    private static readonly (double, double)[] s_rect = T(
        INF, N, U, U, -INF, 0.0, -INF, -0.0, U, U, INF, N, INF, N,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        0.0, 0.0, U, U, -0.0, 0.0, -0.0, -0.0, U, U, 0.0, 0.0, 0.0, 0.0,
        0.0, 0.0, U, U, 0.0, -0.0, 0.0, 0.0, U, U, 0.0, 0.0, 0.0, 0.0,
        N, N, U, U, U, U, U, U, U, U, N, N, N, N,
        INF, N, U, U, INF, -0.0, INF, 0.0, U, U, INF, N, INF, N,
        N, N, N, N, N, 0.0, N, 0.0, N, N, N, N, N, N);

    private static bool NotFinite((double Re, double Im) z) => !double.IsFinite(z.Re) || !double.IsFinite(z.Im);

    // ------------------------------------------------------------------------------------------
    // C implementations (each sets errno like cmathmodule.c's c_* functions)
    // ------------------------------------------------------------------------------------------

    private static (double, double) CAcos((double Re, double Im) z, ref int errno)
    {
        if (NotFinite(z)) { errno = 0; return Lookup(s_acos, z.Re, z.Im); }
        double rr, ri;
        if (Math.Abs(z.Re) > CM_LARGE_DOUBLE || Math.Abs(z.Im) > CM_LARGE_DOUBLE)
        {
            rr = Math.Atan2(Math.Abs(z.Im), z.Re);
            if (z.Re < 0.0)
                ri = -Math.CopySign(Math.Log(PyMath.LibmHypot(z.Re / 2.0, z.Im / 2.0)) + M_LN2 * 2.0, z.Im);
            else
                ri = Math.CopySign(Math.Log(PyMath.LibmHypot(z.Re / 2.0, z.Im / 2.0)) + M_LN2 * 2.0, -z.Im);
        }
        else
        {
            var s1 = CSqrt((1.0 - z.Re, -z.Im), ref errno);
            var s2 = CSqrt((1.0 + z.Re, z.Im), ref errno);
            rr = 2.0 * Math.Atan2(s1.Item1, s2.Item1);
            ri = Math.Asinh(s2.Item1 * s1.Item2 - s2.Item2 * s1.Item1);
        }
        errno = 0;
        return (rr, ri);
    }

    private static (double, double) CAcosh((double Re, double Im) z, ref int errno)
    {
        if (NotFinite(z)) { errno = 0; return Lookup(s_acosh, z.Re, z.Im); }
        double rr, ri;
        if (Math.Abs(z.Re) > CM_LARGE_DOUBLE || Math.Abs(z.Im) > CM_LARGE_DOUBLE)
        {
            rr = Math.Log(PyMath.LibmHypot(z.Re / 2.0, z.Im / 2.0)) + M_LN2 * 2.0;
            ri = Math.Atan2(z.Im, z.Re);
        }
        else
        {
            var s1 = CSqrt((z.Re - 1.0, z.Im), ref errno);
            var s2 = CSqrt((z.Re + 1.0, z.Im), ref errno);
            rr = Math.Asinh(s1.Item1 * s2.Item1 + s1.Item2 * s2.Item2);
            ri = 2.0 * Math.Atan2(s1.Item2, s2.Item1);
        }
        errno = 0;
        return (rr, ri);
    }

    private static (double, double) CAsin((double Re, double Im) z, ref int errno)
    {
        var s = CAsinh((-z.Im, z.Re), ref errno);
        return (s.Item2, -s.Item1);
    }

    private static (double, double) CAsinh((double Re, double Im) z, ref int errno)
    {
        if (NotFinite(z)) { errno = 0; return Lookup(s_asinh, z.Re, z.Im); }
        double rr, ri;
        if (Math.Abs(z.Re) > CM_LARGE_DOUBLE || Math.Abs(z.Im) > CM_LARGE_DOUBLE)
        {
            if (z.Im >= 0.0)
                rr = Math.CopySign(Math.Log(PyMath.LibmHypot(z.Re / 2.0, z.Im / 2.0)) + M_LN2 * 2.0, z.Re);
            else
                rr = -Math.CopySign(Math.Log(PyMath.LibmHypot(z.Re / 2.0, z.Im / 2.0)) + M_LN2 * 2.0, -z.Re);
            ri = Math.Atan2(z.Im, Math.Abs(z.Re));
        }
        else
        {
            var s1 = CSqrt((1.0 + z.Im, -z.Re), ref errno);
            var s2 = CSqrt((1.0 - z.Im, z.Re), ref errno);
            rr = Math.Asinh(s1.Item1 * s2.Item2 - s2.Item1 * s1.Item2);
            ri = Math.Atan2(z.Im, s1.Item1 * s2.Item1 - s1.Item2 * s2.Item2);
        }
        errno = 0;
        return (rr, ri);
    }

    private static (double, double) CAtan((double Re, double Im) z, ref int errno)
    {
        var s = CAtanh((-z.Im, z.Re), ref errno);
        return (s.Item2, -s.Item1);
    }

    private static (double, double) CAtanh((double Re, double Im) z, ref int errno)
    {
        if (NotFinite(z)) { errno = 0; return Lookup(s_atanh, z.Re, z.Im); }
        if (z.Re < 0.0)
        {
            var n = CAtanh((-z.Re, -z.Im), ref errno);
            return (-n.Item1, -n.Item2);
        }
        double rr, ri;
        double ay = Math.Abs(z.Im);
        if (z.Re > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE)
        {
            double h = PyMath.LibmHypot(z.Re / 2.0, z.Im / 2.0);
            rr = z.Re / 4.0 / h / h;
            ri = -Math.CopySign(Math.PI / 2.0, -z.Im);
            errno = 0;
        }
        else if (z.Re == 1.0 && ay < CM_SQRT_DBL_MIN)
        {
            if (ay == 0.0)
            {
                rr = INF;
                ri = z.Im;
                errno = EDOM;
            }
            else
            {
                rr = -Math.Log(Math.Sqrt(ay) / Math.Sqrt(PyMath.LibmHypot(ay, 2.0)));
                ri = Math.CopySign(Math.Atan2(2.0, -ay) / 2, z.Im);
                errno = 0;
            }
        }
        else
        {
            rr = Log1p(4.0 * z.Re / ((1 - z.Re) * (1 - z.Re) + ay * ay)) / 4.0;
            ri = -Math.Atan2(-2.0 * z.Im, (1 - z.Re) * (1 + z.Re) - ay * ay) / 2.0;
            errno = 0;
        }
        return (rr, ri);
    }

    private static double Log1p(double x) => x == 0.0 ? x : PyMath.LibmLog1p(x);

    private static (double, double) CCos((double Re, double Im) z, ref int errno) => CCosh((-z.Im, z.Re), ref errno);

    private static (double, double) CCosh((double Re, double Im) z, ref int errno)
    {
        double rr, ri;
        if (NotFinite(z))
        {
            if (double.IsInfinity(z.Re) && double.IsFinite(z.Im) && z.Im != 0.0)
            {
                if (z.Re > 0)
                {
                    rr = Math.CopySign(INF, Math.Cos(z.Im));
                    ri = Math.CopySign(INF, Math.Sin(z.Im));
                }
                else
                {
                    rr = Math.CopySign(INF, Math.Cos(z.Im));
                    ri = -Math.CopySign(INF, Math.Sin(z.Im));
                }
            }
            else
            {
                (rr, ri) = Lookup(s_cosh, z.Re, z.Im);
            }
            errno = double.IsInfinity(z.Im) && !double.IsNaN(z.Re) ? EDOM : 0;
            return (rr, ri);
        }
        if (Math.Abs(z.Re) > CM_LOG_LARGE_DOUBLE)
        {
            double xm1 = z.Re - Math.CopySign(1.0, z.Re);
            rr = Math.Cos(z.Im) * Math.Cosh(xm1) * Math.E;
            ri = Math.Sin(z.Im) * Math.Sinh(xm1) * Math.E;
        }
        else
        {
            rr = Math.Cos(z.Im) * Math.Cosh(z.Re);
            ri = Math.Sin(z.Im) * Math.Sinh(z.Re);
        }
        errno = double.IsInfinity(rr) || double.IsInfinity(ri) ? ERANGE : 0;
        return (rr, ri);
    }

    private static (double, double) CExp((double Re, double Im) z, ref int errno)
    {
        double rr, ri;
        if (NotFinite(z))
        {
            if (double.IsInfinity(z.Re) && double.IsFinite(z.Im) && z.Im != 0.0)
            {
                if (z.Re > 0)
                {
                    rr = Math.CopySign(INF, Math.Cos(z.Im));
                    ri = Math.CopySign(INF, Math.Sin(z.Im));
                }
                else
                {
                    rr = Math.CopySign(0.0, Math.Cos(z.Im));
                    ri = Math.CopySign(0.0, Math.Sin(z.Im));
                }
            }
            else
            {
                (rr, ri) = Lookup(s_exp, z.Re, z.Im);
            }
            errno = double.IsInfinity(z.Im) && (double.IsFinite(z.Re) || (double.IsInfinity(z.Re) && z.Re > 0)) ? EDOM : 0;
            return (rr, ri);
        }
        double l;
        if (z.Re > CM_LOG_LARGE_DOUBLE)
        {
            l = Math.Exp(z.Re - 1.0);
            rr = l * Math.Cos(z.Im) * Math.E;
            ri = l * Math.Sin(z.Im) * Math.E;
        }
        else
        {
            l = Math.Exp(z.Re);
            rr = l * Math.Cos(z.Im);
            ri = l * Math.Sin(z.Im);
        }
        errno = double.IsInfinity(rr) || double.IsInfinity(ri) ? ERANGE : 0;
        return (rr, ri);
    }

    private static (double, double) CLog((double Re, double Im) z, ref int errno)
    {
        if (NotFinite(z)) { errno = 0; return Lookup(s_log, z.Re, z.Im); }
        double rr, ri;
        double ax = Math.Abs(z.Re);
        double ay = Math.Abs(z.Im);
        if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE)
        {
            rr = Math.Log(PyMath.LibmHypot(ax / 2.0, ay / 2.0)) + M_LN2;
        }
        else if (ax < DBL_MIN && ay < DBL_MIN)
        {
            if (ax > 0.0 || ay > 0.0)
            {
                rr = Math.Log(PyMath.LibmHypot(Math.ScaleB(ax, 53), Math.ScaleB(ay, 53))) - 53 * M_LN2;
            }
            else
            {
                rr = -INF;
                ri = Math.Atan2(z.Im, z.Re);
                errno = EDOM;
                return (rr, ri);
            }
        }
        else
        {
            double h = PyMath.LibmHypot(ax, ay);
            if (0.71 <= h && h <= 1.73)
            {
                double am = ax > ay ? ax : ay;
                double an = ax > ay ? ay : ax;
                rr = Log1p((am - 1) * (am + 1) + an * an) / 2.0;
            }
            else
            {
                rr = Math.Log(h);
            }
        }
        ri = Math.Atan2(z.Im, z.Re);
        errno = 0;
        return (rr, ri);
    }

    private static (double, double) CLog10((double Re, double Im) z, ref int errno)
    {
        var r = CLog(z, ref errno);
        return (r.Item1 / M_LN10, r.Item2 / M_LN10);
    }

    private static (double, double) CSin((double Re, double Im) z, ref int errno)
    {
        var s = CSinh((-z.Im, z.Re), ref errno);
        return (s.Item2, -s.Item1);
    }

    private static (double, double) CSinh((double Re, double Im) z, ref int errno)
    {
        double rr, ri;
        if (NotFinite(z))
        {
            if (double.IsInfinity(z.Re) && double.IsFinite(z.Im) && z.Im != 0.0)
            {
                if (z.Re > 0)
                {
                    rr = Math.CopySign(INF, Math.Cos(z.Im));
                    ri = Math.CopySign(INF, Math.Sin(z.Im));
                }
                else
                {
                    rr = -Math.CopySign(INF, Math.Cos(z.Im));
                    ri = Math.CopySign(INF, Math.Sin(z.Im));
                }
            }
            else
            {
                (rr, ri) = Lookup(s_sinh, z.Re, z.Im);
            }
            errno = double.IsInfinity(z.Im) && !double.IsNaN(z.Re) ? EDOM : 0;
            return (rr, ri);
        }
        if (Math.Abs(z.Re) > CM_LOG_LARGE_DOUBLE)
        {
            double xm1 = z.Re - Math.CopySign(1.0, z.Re);
            rr = Math.Cos(z.Im) * Math.Sinh(xm1) * Math.E;
            ri = Math.Sin(z.Im) * Math.Cosh(xm1) * Math.E;
        }
        else
        {
            rr = Math.Cos(z.Im) * Math.Sinh(z.Re);
            ri = Math.Sin(z.Im) * Math.Cosh(z.Re);
        }
        errno = double.IsInfinity(rr) || double.IsInfinity(ri) ? ERANGE : 0;
        return (rr, ri);
    }

    private static (double, double) CSqrt((double Re, double Im) z, ref int errno)
    {
        if (NotFinite(z)) { errno = 0; return Lookup(s_sqrt, z.Re, z.Im); }
        if (z.Re == 0.0 && z.Im == 0.0) return (0.0, z.Im);
        double s, d;
        double ax = Math.Abs(z.Re);
        double ay = Math.Abs(z.Im);
        if (ax < DBL_MIN && ay < DBL_MIN && (ax > 0.0 || ay > 0.0))
        {
            ax = Math.ScaleB(ax, CM_SCALE_UP);
            s = Math.ScaleB(Math.Sqrt(ax + PyMath.LibmHypot(ax, Math.ScaleB(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
        }
        else
        {
            ax /= 8.0;
            s = 2.0 * Math.Sqrt(ax + PyMath.LibmHypot(ax, ay / 8.0));
        }
        d = ay / (2.0 * s);
        errno = 0;
        if (z.Re >= 0.0) return (s, Math.CopySign(d, z.Im));
        return (d, Math.CopySign(s, z.Im));
    }

    private static (double, double) CTan((double Re, double Im) z, ref int errno)
    {
        var s = CTanh((-z.Im, z.Re), ref errno);
        return (s.Item2, -s.Item1);
    }

    private static (double, double) CTanh((double Re, double Im) z, ref int errno)
    {
        double rr, ri;
        if (NotFinite(z))
        {
            if (double.IsInfinity(z.Re) && double.IsFinite(z.Im) && z.Im != 0.0)
            {
                if (z.Re > 0)
                {
                    rr = 1.0;
                    ri = Math.CopySign(0.0, 2.0 * Math.Sin(z.Im) * Math.Cos(z.Im));
                }
                else
                {
                    rr = -1.0;
                    ri = Math.CopySign(0.0, 2.0 * Math.Sin(z.Im) * Math.Cos(z.Im));
                }
            }
            else
            {
                (rr, ri) = Lookup(s_tanh, z.Re, z.Im);
            }
            errno = double.IsInfinity(z.Im) && double.IsFinite(z.Re) ? EDOM : 0;
            return (rr, ri);
        }
        if (Math.Abs(z.Re) > CM_LOG_LARGE_DOUBLE)
        {
            rr = Math.CopySign(1.0, z.Re);
            ri = 4.0 * Math.Sin(z.Im) * Math.Cos(z.Im) * Math.Exp(-2.0 * Math.Abs(z.Re));
        }
        else
        {
            double tx = Math.Tanh(z.Re);
            double ty = Math.Tan(z.Im);
            double cx = 1.0 / Math.Cosh(z.Re);
            double txty = tx * ty;
            double denom = 1.0 + txty * txty;
            rr = tx * (1.0 + ty * ty) / denom;
            ri = ((ty / denom) * cx) * cx;
        }
        errno = 0;
        return (rr, ri);
    }

    /// <summary>_Py_c_quot (CPython 3.11 complex division); errno = EDOM on division by zero.</summary>
    private static (double, double) CQuot((double Re, double Im) a, (double Re, double Im) b, ref int errno)
    {
        double absBr = b.Re < 0 ? -b.Re : b.Re;
        double absBi = b.Im < 0 ? -b.Im : b.Im;
        if (absBr >= absBi)
        {
            if (absBr == 0.0)
            {
                errno = EDOM;
                return (0.0, 0.0);
            }
            double ratio = b.Im / b.Re;
            double denom = b.Re + b.Im * ratio;
            return ((a.Re + a.Im * ratio) / denom, (a.Im - a.Re * ratio) / denom);
        }
        if (absBi >= absBr)
        {
            double ratio = b.Re / b.Im;
            double denom = b.Re * ratio + b.Im;
            return ((a.Re * ratio + a.Im) / denom, (a.Im * ratio - a.Re) / denom);
        }
        return (double.NaN, double.NaN);
    }

    /// <summary>_Py_c_abs: abs(complex); errno = ERANGE on overflow.</summary>
    private static double CAbs((double Re, double Im) z, ref int errno)
    {
        if (NotFinite(z))
        {
            if (double.IsInfinity(z.Re)) { errno = 0; return Math.Abs(z.Re); }
            if (double.IsInfinity(z.Im)) { errno = 0; return Math.Abs(z.Im); }
            return double.NaN;
        }
        double result = PyMath.LibmHypot(z.Re, z.Im);
        errno = double.IsFinite(result) ? 0 : ERANGE;
        return result;
    }

    // ------------------------------------------------------------------------------------------
    // public API
    // ------------------------------------------------------------------------------------------

    public static (double Re, double Im) Sqrt((double Re, double Im) z) => Check(Sqrt(z, out var e), e);
    public static (double Re, double Im) Sqrt((double Re, double Im) z, out PyMathError error) => Run(z, CSqrt, out error);

    public static (double Re, double Im) Exp((double Re, double Im) z) => Check(Exp(z, out var e), e);
    public static (double Re, double Im) Exp((double Re, double Im) z, out PyMathError error) => Run(z, CExp, out error);

    public static (double Re, double Im) Log((double Re, double Im) z) => Check(Log(z, out var e), e);
    public static (double Re, double Im) Log((double Re, double Im) z, out PyMathError error) => Run(z, CLog, out error);

    /// <summary>cmath.log(z, base) = log(z) / log(base), with CPython's errno sequencing.</summary>
    public static (double Re, double Im) Log((double Re, double Im) z, (double Re, double Im) @base) => Check(Log(z, @base, out var e), e);
    public static (double Re, double Im) Log((double Re, double Im) z, (double Re, double Im) @base, out PyMathError error)
    {
        int errno = 0;
        var x = CLog(z, ref errno);
        var y = CLog(@base, ref errno);
        var r = CQuot(x, y, ref errno);
        error = ErrnoToError(errno);
        return r;
    }

    public static (double Re, double Im) Log10((double Re, double Im) z) => Check(Log10(z, out var e), e);
    public static (double Re, double Im) Log10((double Re, double Im) z, out PyMathError error) => Run(z, CLog10, out error);

    public static (double Re, double Im) Sin((double Re, double Im) z) => Check(Sin(z, out var e), e);
    public static (double Re, double Im) Sin((double Re, double Im) z, out PyMathError error) => Run(z, CSin, out error);

    public static (double Re, double Im) Cos((double Re, double Im) z) => Check(Cos(z, out var e), e);
    public static (double Re, double Im) Cos((double Re, double Im) z, out PyMathError error) => Run(z, CCos, out error);

    public static (double Re, double Im) Tan((double Re, double Im) z) => Check(Tan(z, out var e), e);
    public static (double Re, double Im) Tan((double Re, double Im) z, out PyMathError error) => Run(z, CTan, out error);

    public static (double Re, double Im) Asin((double Re, double Im) z) => Check(Asin(z, out var e), e);
    public static (double Re, double Im) Asin((double Re, double Im) z, out PyMathError error) => Run(z, CAsin, out error);

    public static (double Re, double Im) Acos((double Re, double Im) z) => Check(Acos(z, out var e), e);
    public static (double Re, double Im) Acos((double Re, double Im) z, out PyMathError error) => Run(z, CAcos, out error);

    public static (double Re, double Im) Atan((double Re, double Im) z) => Check(Atan(z, out var e), e);
    public static (double Re, double Im) Atan((double Re, double Im) z, out PyMathError error) => Run(z, CAtan, out error);

    public static (double Re, double Im) Sinh((double Re, double Im) z) => Check(Sinh(z, out var e), e);
    public static (double Re, double Im) Sinh((double Re, double Im) z, out PyMathError error) => Run(z, CSinh, out error);

    public static (double Re, double Im) Cosh((double Re, double Im) z) => Check(Cosh(z, out var e), e);
    public static (double Re, double Im) Cosh((double Re, double Im) z, out PyMathError error) => Run(z, CCosh, out error);

    public static (double Re, double Im) Tanh((double Re, double Im) z) => Check(Tanh(z, out var e), e);
    public static (double Re, double Im) Tanh((double Re, double Im) z, out PyMathError error) => Run(z, CTanh, out error);

    public static (double Re, double Im) Asinh((double Re, double Im) z) => Check(Asinh(z, out var e), e);
    public static (double Re, double Im) Asinh((double Re, double Im) z, out PyMathError error) => Run(z, CAsinh, out error);

    public static (double Re, double Im) Acosh((double Re, double Im) z) => Check(Acosh(z, out var e), e);
    public static (double Re, double Im) Acosh((double Re, double Im) z, out PyMathError error) => Run(z, CAcosh, out error);

    public static (double Re, double Im) Atanh((double Re, double Im) z) => Check(Atanh(z, out var e), e);
    public static (double Re, double Im) Atanh((double Re, double Im) z, out PyMathError error) => Run(z, CAtanh, out error);

    /// <summary>
    /// cmath.phase(z). CPython quirk reproduced: when the C library's atan2 underflows to zero (tiny
    /// imaginary part, huge real part) glibc sets errno = ERANGE and cmath.phase raises
    /// OverflowError("math range error").
    /// </summary>
    public static double Phase((double Re, double Im) z)
    {
        double r = Phase(z, out var e);
        if (e != PyMathError.None) throw PyMath.ToException(e)!;
        return r;
    }

    public static double Phase((double Re, double Im) z, out PyMathError error)
    {
        double phi = PyMath.MAtan2(z.Im, z.Re);
        // c_atan2 reaches libm atan2 only for finite, non-NaN x and y != 0; glibc's wrapper sets
        // ERANGE when that result is zero.
        error = phi == 0.0 && z.Im != 0.0 && double.IsFinite(z.Re) && double.IsFinite(z.Im)
            ? PyMathError.Range : PyMathError.None;
        return phi;
    }

    /// <summary>cmath.polar(z) = (abs(z), phase(z)); OverflowError "math range error" if abs overflows.</summary>
    public static (double R, double Phi) Polar((double Re, double Im) z)
    {
        var r = Polar(z, out var e);
        if (e != PyMathError.None) throw PyMath.ToException(e)!;
        return r;
    }

    public static (double R, double Phi) Polar((double Re, double Im) z, out PyMathError error)
    {
        int errno = 0;
        double phi = PyMath.MAtan2(z.Im, z.Re);
        double r = CAbs(z, ref errno);
        error = ErrnoToError(errno);
        return (r, phi);
    }

    /// <summary>abs(complex) (the builtin); OverflowError "absolute value too large" is what CPython raises there.</summary>
    public static double Abs((double Re, double Im) z)
    {
        int errno = 0;
        double r = CAbs(z, ref errno);
        if (errno != 0) throw new PyMathException("OverflowError", "absolute value too large");
        return r;
    }

    /// <summary>cmath.rect(r, phi).</summary>
    public static (double Re, double Im) Rect(double r, double phi) => Check(Rect(r, phi, out var e), e);
    public static (double Re, double Im) Rect(double r, double phi, out PyMathError error)
    {
        double zr, zi;
        int errno;
        if (!double.IsFinite(r) || !double.IsFinite(phi))
        {
            if (double.IsInfinity(r) && double.IsFinite(phi) && phi != 0.0)
            {
                if (r > 0)
                {
                    zr = Math.CopySign(INF, Math.Cos(phi));
                    zi = Math.CopySign(INF, Math.Sin(phi));
                }
                else
                {
                    zr = -Math.CopySign(INF, Math.Cos(phi));
                    zi = -Math.CopySign(INF, Math.Sin(phi));
                }
            }
            else
            {
                (zr, zi) = Lookup(s_rect, r, phi);
            }
            errno = r != 0.0 && !double.IsNaN(r) && double.IsInfinity(phi) ? EDOM : 0;
        }
        else if (phi == 0.0)
        {
            zr = r;
            zi = r * phi;
            errno = 0;
        }
        else
        {
            zr = r * Math.Cos(phi);
            zi = r * Math.Sin(phi);
            errno = 0;
        }
        error = ErrnoToError(errno);
        return (zr, zi);
    }

    public static bool IsFinite((double Re, double Im) z) => double.IsFinite(z.Re) && double.IsFinite(z.Im);
    public static bool IsNan((double Re, double Im) z) => double.IsNaN(z.Re) || double.IsNaN(z.Im);
    public static bool IsInf((double Re, double Im) z) => double.IsInfinity(z.Re) || double.IsInfinity(z.Im);

    /// <summary>cmath.isclose(a, b, rel_tol=1e-09, abs_tol=0.0); ValueError "tolerances must be non-negative".</summary>
    public static bool IsClose((double Re, double Im) a, (double Re, double Im) b, double relTol = 1e-09, double absTol = 0.0)
    {
        if (relTol < 0.0 || absTol < 0.0)
            throw new PyMathException("ValueError", "tolerances must be non-negative");
        if (a.Re == b.Re && a.Im == b.Im) return true;
        if (double.IsInfinity(a.Re) || double.IsInfinity(a.Im) || double.IsInfinity(b.Re) || double.IsInfinity(b.Im))
            return false;
        int errno = 0;
        double diff = CAbs((a.Re - b.Re, a.Im - b.Im), ref errno);
        return diff <= relTol * CAbs(b, ref errno) || diff <= relTol * CAbs(a, ref errno) || diff <= absTol;
    }
}
