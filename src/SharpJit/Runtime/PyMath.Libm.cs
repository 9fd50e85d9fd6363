// C# ports of the glibc (dbl-64) implementations of libm functions that System.Math lacks, so that
// results agree with what CPython gets from glibc:
//   erf, erfc, expm1, log1p: fdlibm (Sun Microsystems, 1993) as modified in glibc
//                            ("Modified by Naohiko Shimizu/Tokai University, Japan 1997/08/25").
//   hypot:                   glibc 2.35+ e_hypot.c (Borges' corrected algorithm, non-FMA kernel).
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunPro, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================

using System;
using System.Runtime.CompilerServices;

namespace SharpJit.Runtime;

public static partial class PyMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HighWord(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LowWord(double x) => unchecked((uint)BitConverter.DoubleToInt64Bits(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SetHighWord(double x, uint hi) =>
        BitConverter.Int64BitsToDouble(unchecked((long)(((ulong)hi << 32) | (uint)BitConverter.DoubleToInt64Bits(x))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SetLowWord(double x, uint lo) =>
        BitConverter.Int64BitsToDouble(unchecked((BitConverter.DoubleToInt64Bits(x) & (long)0xFFFFFFFF00000000UL) | lo));

    // ------------------------------------------------------------------------------------------
    // erf / erfc
    // ------------------------------------------------------------------------------------------

    private const double ErfTiny = 1e-300;
    private const double Erx = 8.45062911510467529297e-01;
    private const double Efx = 1.28379167095512586316e-01;
    private const double Pp0 = 1.28379167095512558561e-01, Pp1 = -3.25042107247001499370e-01,
        Pp2 = -2.84817495755985104766e-02, Pp3 = -5.77027029648944159157e-03, Pp4 = -2.37630166566501626084e-05;
    private const double Qq1 = 3.97917223959155352819e-01, Qq2 = 6.50222499887672944485e-02,
        Qq3 = 5.08130628187576562776e-03, Qq4 = 1.32494738004321644526e-04, Qq5 = -3.96022827877536812320e-06;
    private const double Pa0 = -2.36211856075265944077e-03, Pa1 = 4.14856118683748331666e-01,
        Pa2 = -3.72207876035701323847e-01, Pa3 = 3.18346619901161753674e-01, Pa4 = -1.10894694282396677476e-01,
        Pa5 = 3.54783043256182359371e-02, Pa6 = -2.16637559486879084300e-03;
    private const double Qa1 = 1.06420880400844228286e-01, Qa2 = 5.40397917702171048937e-01,
        Qa3 = 7.18286544141962662868e-02, Qa4 = 1.26171219808761642112e-01, Qa5 = 1.36370839120290507362e-02,
        Qa6 = 1.19844998467991074170e-02;
    private const double Ra0 = -9.86494403484714822705e-03, Ra1 = -6.93858572707181764372e-01,
        Ra2 = -1.05586262253232909814e+01, Ra3 = -6.23753324503260060396e+01, Ra4 = -1.62396669462573470355e+02,
        Ra5 = -1.84605092906711035994e+02, Ra6 = -8.12874355063065934246e+01, Ra7 = -9.81432934416914548592e+00;
    private const double Sa1 = 1.96512716674392571292e+01, Sa2 = 1.37657754143519042600e+02,
        Sa3 = 4.34565877475229228821e+02, Sa4 = 6.45387271733267880336e+02, Sa5 = 4.29008140027567833386e+02,
        Sa6 = 1.08635005541779435134e+02, Sa7 = 6.57024977031928170135e+00, Sa8 = -6.04244152148580987438e-02;
    private const double Rb0 = -9.86494292470009928597e-03, Rb1 = -7.99283237680523006574e-01,
        Rb2 = -1.77579549177547519889e+01, Rb3 = -1.60636384855821916062e+02, Rb4 = -6.37566443368389627722e+02,
        Rb5 = -1.02509513161107724954e+03, Rb6 = -4.83519191608651397019e+02;
    private const double Sb1 = 3.03380607434824582924e+01, Sb2 = 3.25792512996573918826e+02,
        Sb3 = 1.53672958608443695994e+03, Sb4 = 3.19985821950859553908e+03, Sb5 = 2.55305040643316442583e+03,
        Sb6 = 4.74528541206955367215e+02, Sb7 = -2.24409524465858183362e+01;

    internal static double LibmErf(double x)
    {
        int hx = HighWord(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000)
        {
            int i = (int)(((uint)hx >> 31) << 1);
            return (double)(1 - i) + 1.0 / x;
        }
        if (ix < 0x3feb0000)
        {
            if (ix < 0x3e300000)
            {
                if (ix < 0x00800000)
                    return 0.0625 * (16.0 * x + (16.0 * Efx) * x);
                return x + Efx * x;
            }
            return x + x * ErfSmallRatio(x * x);
        }
        if (ix < 0x3ff40000)
        {
            double ratio = ErfNearOneRatio(Math.Abs(x) - 1.0);
            if (hx >= 0) return Erx + ratio;
            return -Erx - ratio;
        }
        if (ix >= 0x40180000)
        {
            if (hx >= 0) return 1.0 - ErfTiny;
            return ErfTiny - 1.0;
        }
        x = Math.Abs(x);
        double r = ErfcTail(x, ix < 0x4006DB6E);
        if (hx >= 0) return 1.0 - r / x;
        return r / x - 1.0;
    }

    internal static double LibmErfc(double x)
    {
        int hx = HighWord(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000)
        {
            double ret = (double)(int)(((uint)hx >> 31) << 1) + 1.0 / x;
            if (ret == 0.0) return 0.0;
            return ret;
        }
        if (ix < 0x3feb0000)
        {
            if (ix < 0x3c700000) return 1.0 - x;
            double y = ErfSmallRatio(x * x);
            if (hx < 0x3fd00000)
            {
                return 1.0 - (x + x * y);
            }
            double r = x * y;
            r += (x - 0.5);
            return 0.5 - r;
        }
        if (ix < 0x3ff40000)
        {
            double ratio = ErfNearOneRatio(Math.Abs(x) - 1.0);
            if (hx >= 0)
            {
                double z = 1.0 - Erx;
                return z - ratio;
            }
            return 1.0 + (Erx + ratio);
        }
        if (ix < 0x403c0000)
        {
            if (hx < 0 && ix >= 0x40180000) return 2.0 - ErfTiny;
            x = Math.Abs(x);
            double r = ErfcTail(x, ix < 0x4006DB6D);
            if (hx > 0) return r / x;
            return 2.0 - r / x;
        }
        if (hx > 0) return ErfTiny * ErfTiny;
        return 2.0 - ErfTiny;
    }

    // The rational approximations erf and erfc share (fdlibm's s_erf.c), evaluated in fdlibm's order.

    /// <summary>erf(x) = x + x*ratio for |x| &lt; 0.84375, with z = x*x.</summary>
    private static double ErfSmallRatio(double z)
    {
        double r1 = Pp0 + z * Pp1;
        double z2 = z * z;
        double r2 = Pp2 + z * Pp3;
        double z4 = z2 * z2;
        double s1 = 1.0 + z * Qq1;
        double s2 = Qq2 + z * Qq3;
        double s3 = Qq4 + z * Qq5;
        double r = r1 + z2 * r2 + z4 * Pp4;
        double s = s1 + z2 * s2 + z4 * s3;
        return r / s;
    }

    /// <summary>erf(|x|) = erx + ratio for 0.84375 &lt;= |x| &lt; 1.25, with s = |x| - 1.</summary>
    private static double ErfNearOneRatio(double s)
    {
        double P1 = Pa0 + s * Pa1;
        double s2 = s * s;
        double Q1 = 1.0 + s * Qa1;
        double s4 = s2 * s2;
        double P2 = Pa2 + s * Pa3;
        double s6 = s4 * s2;
        double Q2 = Qa2 + s * Qa3;
        double P3 = Pa4 + s * Pa5;
        double Q3 = Qa4 + s * Qa5;
        double P4 = Pa6;
        double Q4 = Qa6;
        double P = P1 + s2 * P2 + s4 * P3 + s6 * P4;
        double Q = Q1 + s2 * Q2 + s4 * Q3 + s6 * Q4;
        return P / Q;
    }

    /// <summary>x * erfc(x) for x &gt;= 1.25: exp(-x*x - 0.5625 + R/S), split so that x*x loses no bits. The first
    /// approximation serves below about 1/0.35, the second above.</summary>
    private static double ErfcTail(double x, bool belowOneOver035)
    {
        double s = 1.0 / (x * x);
        double R, S;
        if (belowOneOver035)
        {
            double R1 = Ra0 + s * Ra1;
            double s2 = s * s;
            double S1 = 1.0 + s * Sa1;
            double s4 = s2 * s2;
            double R2 = Ra2 + s * Ra3;
            double s6 = s4 * s2;
            double S2 = Sa2 + s * Sa3;
            double s8 = s4 * s4;
            double R3 = Ra4 + s * Ra5;
            double S3 = Sa4 + s * Sa5;
            double R4 = Ra6 + s * Ra7;
            double S4 = Sa6 + s * Sa7;
            R = R1 + s2 * R2 + s4 * R3 + s6 * R4;
            S = S1 + s2 * S2 + s4 * S3 + s6 * S4 + s8 * Sa8;
        }
        else
        {
            double R1 = Rb0 + s * Rb1;
            double s2 = s * s;
            double S1 = 1.0 + s * Sb1;
            double s4 = s2 * s2;
            double R2 = Rb2 + s * Rb3;
            double s6 = s4 * s2;
            double S2 = Sb2 + s * Sb3;
            double R3 = Rb4 + s * Rb5;
            double S3 = Sb4 + s * Sb5;
            double S4 = Sb6 + s * Sb7;
            R = R1 + s2 * R2 + s4 * R3 + s6 * Rb6;
            S = S1 + s2 * S2 + s4 * S3 + s6 * S4;
        }
        double z = SetLowWord(x, 0);
        return Math.Exp(-z * z - 0.5625) * Math.Exp((z - x) * (z + x) + R / S);
    }

    // ------------------------------------------------------------------------------------------
    // expm1
    // ------------------------------------------------------------------------------------------

    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double OThreshold = 7.09782712893383973096e+02;
    private const double EQ1 = -3.33333333333331316428e-02, EQ2 = 1.58730158725481460165e-03,
        EQ3 = -7.93650757867487942473e-05, EQ4 = 4.00821782732936239552e-06, EQ5 = -2.01099218183624371326e-07;

    internal static double LibmExpm1(double x)
    {
        double y, hi, lo, c = 0, t, e, hxs, hfx, r1, h2, h4, R1, R2, R3;
        int k;
        uint hx = (uint)HighWord(x);
        uint xsb = hx & 0x80000000u;
        hx &= 0x7fffffff;

        if (hx >= 0x4043687A)
        {
            if (hx >= 0x40862E42)
            {
                if (hx >= 0x7ff00000)
                {
                    uint low = LowWord(x);
                    if (((hx & 0xfffff) | low) != 0) return x + x;
                    return xsb == 0 ? x : -1.0;
                }
                if (x > OThreshold) return double.PositiveInfinity;
            }
            if (xsb != 0) return ErfTiny - 1.0;
        }

        if (hx > 0x3fd62e42)
        {
            if (hx < 0x3FF0A2B2)
            {
                if (xsb == 0) { hi = x - Ln2Hi; lo = Ln2Lo; k = 1; }
                else { hi = x + Ln2Hi; lo = -Ln2Lo; k = -1; }
            }
            else
            {
                k = (int)(InvLn2 * x + (xsb == 0 ? 0.5 : -0.5));
                t = k;
                hi = x - t * Ln2Hi;
                lo = t * Ln2Lo;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        }
        else if (hx < 0x3c900000)
        {
            return x;
        }
        else
        {
            k = 0;
        }

        hfx = 0.5 * x;
        hxs = x * hfx;
        R1 = 1.0 + hxs * EQ1;
        h2 = hxs * hxs;
        R2 = EQ2 + hxs * EQ3;
        h4 = h2 * h2;
        R3 = EQ4 + hxs * EQ5;
        r1 = R1 + h2 * R2 + h4 * R3;
        t = 3.0 - r1 * hfx;
        e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) return x - (x * e - hxs);
        e = (x * (e - c) - c);
        e -= hxs;
        if (k == -1) return 0.5 * (x - e) - 0.5;
        if (k == 1)
        {
            if (x < -0.25) return -2.0 * (e - (x + 0.5));
            return 1.0 + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56)
        {
            y = 1.0 - (e - x);
            uint high = (uint)HighWord(y);
            y = SetHighWord(y, unchecked(high + ((uint)k << 20)));
            return y - 1.0;
        }
        t = 1.0;
        if (k < 20)
        {
            t = SetHighWord(t, unchecked(0x3ff00000u - (0x200000u >> k)));
            y = t - (e - x);
            uint high = (uint)HighWord(y);
            y = SetHighWord(y, unchecked(high + ((uint)k << 20)));
        }
        else
        {
            t = SetHighWord(t, unchecked((uint)(0x3ff - k) << 20));
            y = x - (e + t);
            y += 1.0;
            uint high = (uint)HighWord(y);
            y = SetHighWord(y, unchecked(high + ((uint)k << 20)));
        }
        return y;
    }

    // ------------------------------------------------------------------------------------------
    // log1p
    // ------------------------------------------------------------------------------------------

    private const double Lp1 = 6.666666666666735130e-01, Lp2 = 3.999999999940941908e-01,
        Lp3 = 2.857142874366239149e-01, Lp4 = 2.222219843214978396e-01, Lp5 = 1.818357216161805012e-01,
        Lp6 = 1.531383769920937332e-01, Lp7 = 1.479819860511658591e-01;

    internal static double LibmLog1p(double x)
    {
        double hfsq, f = 0, c = 0, s, z, R, u, z2, z4, z6, R1, R2, R3, R4;
        int k, hx, hu = 0, ax;

        hx = HighWord(x);
        ax = hx & 0x7fffffff;

        k = 1;
        if (hx < 0x3FDA827A)
        {
            if (ax >= 0x3ff00000)
            {
                if (x == -1.0) return double.NegativeInfinity;
                return double.NaN;
            }
            if (ax < 0x3e200000)
            {
                if (ax < 0x3c900000) return x;
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= unchecked((int)0xbfd2bec3))
            {
                k = 0;
                f = x;
                hu = 1;
            }
        }
        else if (hx >= 0x7ff00000)
        {
            return x + x;
        }
        if (k != 0)
        {
            if (hx < 0x43400000)
            {
                u = 1.0 + x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            }
            else
            {
                u = x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e)
            {
                u = SetHighWord(u, (uint)(hu | 0x3ff00000));
            }
            else
            {
                k += 1;
                u = SetHighWord(u, (uint)(hu | 0x3fe00000));
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        hfsq = 0.5 * f * f;
        if (hu == 0)
        {
            if (f == 0.0)
            {
                if (k == 0) return 0.0;
                c += k * Ln2Lo;
                return k * Ln2Hi + c;
            }
            R = hfsq * (1.0 - 0.66666666666666666 * f);
            if (k == 0) return f - R;
            return k * Ln2Hi - ((R - (k * Ln2Lo + c)) - f);
        }
        s = f / (2.0 + f);
        z = s * s;
        R1 = z * Lp1;
        z2 = z * z;
        R2 = Lp2 + z * Lp3;
        z4 = z2 * z2;
        R3 = Lp4 + z * Lp5;
        z6 = z4 * z2;
        R4 = Lp6 + z * Lp7;
        R = R1 + z2 * R2 + z4 * R3 + z6 * R4;
        if (k == 0) return f - (hfsq - s * (hfsq + R));
        return k * Ln2Hi - ((hfsq - (s * (hfsq + R) + (k * Ln2Lo + c))) - f);
    }

    // ------------------------------------------------------------------------------------------
    // hypot (C library hypot; used by cmath, complex abs)
    // ------------------------------------------------------------------------------------------

    private static readonly double HypotScale = Math.ScaleB(1.0, -600);
    private static readonly double HypotLarge = Math.ScaleB(1.0, 511);
    private static readonly double HypotTiny = Math.ScaleB(1.0, -459);
    private static readonly double HypotEps = Math.ScaleB(1.0, -54);

    private static double HypotKernel(double ax, double ay)
    {
        double t1, t2;
        double h = Math.Sqrt(ax * ax + ay * ay);
        if (h <= 2.0 * ay)
        {
            double delta = h - ay;
            t1 = ax * (2.0 * delta - ax);
            t2 = (delta - 2.0 * (ax - ay)) * delta;
        }
        else
        {
            double delta = h - ax;
            t1 = 2.0 * delta * (ax - 2.0 * ay);
            t2 = (4.0 * delta - ay) * ay + delta * delta;
        }
        h -= (t1 + t2) / (2.0 * h);
        return h;
    }

    /// <summary>The C library's two-argument hypot (glibc algorithm); used by cmath and complex abs().</summary>
    public static double LibmHypot(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            if (double.IsInfinity(x) || double.IsInfinity(y)) return double.PositiveInfinity;
            return x + y;
        }
        x = Math.Abs(x);
        y = Math.Abs(y);
        double ax = x < y ? y : x;
        double ay = x < y ? x : y;
        if (ax > HypotLarge)
        {
            if (ay <= ax * HypotEps) return ax + ay;
            return HypotKernel(ax * HypotScale, ay * HypotScale) / HypotScale;
        }
        if (ay < HypotTiny)
        {
            if (ax >= ay / HypotEps) return ax + ay;
            return HypotKernel(ax / HypotScale, ay / HypotScale) * HypotScale;
        }
        if (ay <= ax * HypotEps) return ax + ay;
        return HypotKernel(ax, ay);
    }
}
