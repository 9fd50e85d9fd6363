// str()/repr()/format() of NumPy's narrow scalars, as NumPy 1.24 prints them (numpy/core/src/multiarray/
// scalartypes.c.src and dragon4.c):
//   * float32: shortest digits that round-trip as float32 (Dragon4 "unique" mode: nearest of the shortest, ties to
//     the even digit, round-trip intervals inclusive for even mantissas and asymmetric at powers of two). Positional
//     when the value is 0 or 1e-4 <= |v| < 1e16 (decided on the exact value, so float32(1e-4) = 9.99999974e-05 prints
//     '1e-04'), zeros padding the digits up to the point and at least one fraction digit ('1000000000000000.0');
//     otherwise scientific with a trimmed mantissa and a two-digit exponent ('1e+20', '3.4028235e+38', '1e-45').
//     nan never shows a sign. repr == str.
//   * complex64: "(RE+IMj)" with each part laid out as float32 but without the '.0' ('(1+0j)', '(1e+20-1e-05j)'),
//     or just "IMj" when the real part is +0.0; non-finite parts print 'nan'/'inf' and the imaginary one is always
//     signed ('(1+nanj)', '-infj').
//   * uint64 (and the narrower ints): the decimal digits.
// format(x, spec) (f-strings included, even with an empty spec) converts the scalar to a Python float, complex or int
// first, so it is exactly format() of the widened value: format(float32(0.1), '') is '0.10000000149011612'.

using System;
using System.Globalization;

namespace SharpJit.Runtime;

public static partial class PyFormat
{
    /// <summary>str(np.float32(v)) == repr(np.float32(v)) under NumPy 1.24.</summary>
    public static string StrFloat32(float value)
    {
        Span<char> buf = stackalloc char[48];
        var sb = new Vsb(buf);
        AppendFloat32(ref sb, value, addDot0: true, alwaysAddSign: false);
        string s = sb.ToString();
        sb.Dispose();
        return s;
    }

    /// <summary>repr(np.float32(v)); identical to str.</summary>
    public static string ReprFloat32(float value) => StrFloat32(value);

    /// <summary>str(np.complex64(complex(re, im))) == repr under NumPy 1.24.</summary>
    public static string StrComplex64(float re, float im)
    {
        Span<char> buf = stackalloc char[96];
        var sb = new Vsb(buf);
        if (re == 0f && !float.IsNegative(re))
        {
            AppendFloat32(ref sb, im, addDot0: false, alwaysAddSign: false);
            sb.Append('j');
        }
        else
        {
            sb.Append('(');
            AppendFloat32(ref sb, re, addDot0: false, alwaysAddSign: false);
            AppendFloat32(ref sb, im, addDot0: false, alwaysAddSign: true);
            sb.Append("j)");
        }
        string s = sb.ToString();
        sb.Dispose();
        return s;
    }

    /// <summary>repr(np.complex64(...)); identical to str.</summary>
    public static string ReprComplex64(float re, float im) => StrComplex64(re, im);

    /// <summary>str(np.uint64(v)) == repr.</summary>
    public static string StrUInt64(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>format(np.float32(v), spec): format(float(v), spec); an empty spec gives the float repr, not StrFloat32.</summary>
    public static string FormatFloat32(float value, string spec) => FormatFloat(value, spec);

    /// <summary>format(np.complex64(...), spec): format(complex(re, im), spec).</summary>
    public static string FormatComplex64(float re, float im, string spec) => FormatComplex(re, im, spec);

    /// <summary>format(np.uint64(v), spec): format(int(v), spec), so errors name type 'int'.</summary>
    public static string FormatUInt64(ulong value, string spec)
    {
        spec ??= "";
        if (spec.Length == 0) return StrUInt64(value);
        return FormatIntegerSpec(false, value, spec, "int");
    }

    /// <summary>NumPy's float32 str layout (Dragon4 positional with one trailing zero kept, or scientific).</summary>
    private static void AppendFloat32(ref Vsb sb, float v, bool addDot0, bool alwaysAddSign)
    {
        if (!float.IsFinite(v))
        {
            AppendNonFinite(ref sb, v, alwaysAddSign, upper: false);
            return;
        }
        Span<char> dbuf = stackalloc char[16];
        var digits = new Vsb(dbuf);
        try
        {
            long decpt;
            if (v == 0f)
            {
                digits.Append('0');
                decpt = 1;
            }
            else
            {
                // .NET's shortest float32 digits are NumPy's Dragon4 digits: str() was compared with NumPy 1.24
                // for all 2**31 non-negative bit patterns.
                Span<char> net = stackalloc char[32];
                if (!Math.Abs(v).TryFormat(net, out int written, "R", CultureInfo.InvariantCulture))
                    throw new InvalidOperationException("float formatting failed");
                ParseNetNumber(net.Slice(0, written), ref digits, out decpt);
            }
            double abs = Math.Abs((double)v);
            bool sci = !(abs == 0 || (abs >= 1e-4 && abs < 1e16)); // exact: no float32 lies between 1e-4L and 1e-4
            LayoutDigits(ref sb, digits.AsSpan(), decpt, float.IsNegative(v), 'r', 0, alwaysAddSign, addDot0,
                useAltFormatting: false, noNegativeZero: false, upper: false, rExp: sci);
        }
        finally
        {
            digits.Dispose();
        }
    }
}
