// str() and repr() of NumPy arrays as NumPy 1.24 prints them with the default print options (precision=8,
// threshold=1000, edgeitems=3, linewidth=75, suppress=False, floatmode='maxprec', sign='-', legacy=False): a port of
// numpy/core/arrayprint.py (array_str, array_repr, array2string, _formatArray, FloatingFormat, IntegerFormat,
// BoolFormat, ComplexFloatingFormat) and of the parts of numpy/core/src/multiarray/dragon4.c that those use
// (Dragon4 in unique mode with a maximum and a minimum digit cutoff, FormatPositional, FormatScientific).
//
//   * Summarisation: an array of more than 1000 elements shows, along every axis longer than 6, only the first and
//     the last 3 entries with '...' between; the element formatters are built from the shown elements only.
//   * Floats: every shown element is printed with Dragon4 (shortest unique digits, at most 8 fraction digits in
//     positional mode); the array is scientific when a non-zero finite |x| is >= 1e8 or < 1e-4 or max/min > 1000.
//     Elements share the width left and right of the point (positional: the fraction padded with spaces;
//     scientific: every mantissa gets as many digits as the longest).
//   * 0-d arrays: str is str() of the scalar; repr goes through the array formatter ('array(0.33333333)').
// Element data is read unaligned, in native byte order, at data + sum(index_k * strides_k) (strides in bytes).

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using SharpJit.Typing;

namespace SharpJit.Runtime;

/// <summary>str()/repr() of NumPy arrays under NumPy 1.24's default print options.</summary>
public static unsafe class NumPyArrayFormat
{
    private const int Precision = 8;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const int LineWidth = 75;

    /// <summary>str(a) (what print(a) writes).</summary>
    public static string Str(ScalarType dtype, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, byte* data)
    {
        long size = CheckShape(shape, strides);
        if (shape.Length == 0) return ScalarStr(dtype, data);
        if (size == 0) return "[]";
        return Array2String(dtype, shape, strides, data, size, " ", "", LineWidth);
    }

    /// <summary>repr(a).</summary>
    public static string Repr(ScalarType dtype, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, byte* data)
    {
        long size = CheckShape(shape, strides);
        bool skipDtype = IsImplied(dtype) && size > 0;
        const string prefix = "array(";
        string suffix = skipDtype ? ")" : ",";
        string lst;
        if (size > 0)
            lst = Array2String(dtype, shape, strides, data, size, ", ", prefix, LineWidth - suffix.Length);
        else if (shape.Length == 1)
            lst = "[]";
        else
            lst = "[], shape=" + ShapeRepr(shape);
        string arrStr = prefix + lst + suffix;
        if (skipDtype) return arrStr;
        string dtypeStr = "dtype=" + dtype.Name + ")";
        int lastLineLen = arrStr.Length - (arrStr.LastIndexOf('\n') + 1);
        string spacer = lastLineLen + dtypeStr.Length + 1 > LineWidth ? "\n" + new string(' ', prefix.Length) : " ";
        return arrStr + spacer + dtypeStr;
    }

    private static long CheckShape(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides)
    {
        if (shape.Length != strides.Length)
            throw new ArgumentException($"{shape.Length} dimensions but {strides.Length} strides");
        long size = 1;
        foreach (long n in shape)
        {
            if (n < 0) throw new ArgumentException("negative dimension");
            size = checked(size * n);
        }
        return size;
    }

    // float64, int64 (NumPy's int_ on LP64), complex128 and bool print without the dtype.
    private static bool IsImplied(ScalarType t) =>
        t == ScalarType.Float64 || t == ScalarType.Int64 || t == ScalarType.Complex128 || t == ScalarType.Bool;

    private static string ShapeRepr(ReadOnlySpan<long> shape)
    {
        var sb = new StringBuilder("(");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }
        if (shape.Length == 1) sb.Append(',');
        return sb.Append(')').ToString();
    }

    // ------------------------------------------------------------------------------------------
    // element access
    // ------------------------------------------------------------------------------------------

    private static T Read<T>(byte* p) where T : unmanaged => Unsafe.ReadUnaligned<T>(p);

    private static double ReadReal(ScalarType t, byte* p) => t.PartBits == 32 ? Read<float>(p) : Read<double>(p);

    private static double ReadImag(ScalarType t, byte* p) =>
        t.PartBits == 32 ? Read<float>(p + 4) : Read<double>(p + 8);

    private static bool ReadBool(byte* p) => *p != 0;

    private static long ReadInt(ScalarType t, byte* p) => t.Bits switch
    {
        8 => Read<sbyte>(p),
        16 => Read<short>(p),
        32 => Read<int>(p),
        _ => Read<long>(p),
    };

    private static ulong ReadUInt(ScalarType t, byte* p) => t.Bits switch
    {
        8 => Read<byte>(p),
        16 => Read<ushort>(p),
        32 => Read<uint>(p),
        _ => Read<ulong>(p),
    };

    /// <summary>str() of the scalar a 0-d array holds.</summary>
    private static string ScalarStr(ScalarType t, byte* p)
    {
        switch (t.Kind)
        {
            case ScalarKind.Bool: return ReadBool(p) ? "True" : "False";
            case ScalarKind.Int: return ReadInt(t, p).ToString(CultureInfo.InvariantCulture);
            case ScalarKind.UInt: return ReadUInt(t, p).ToString(CultureInfo.InvariantCulture);
            case ScalarKind.Float:
                return t.Bits == 32 ? PyFormat.StrFloat32(Read<float>(p)) : PyFormat.ReprFloat(Read<double>(p));
            default:
                return t.Bits == 64
                    ? PyFormat.StrComplex64(Read<float>(p), Read<float>(p + 4))
                    : PyFormat.ReprComplex(Read<double>(p), Read<double>(p + 8));
        }
    }

    // ------------------------------------------------------------------------------------------
    // array2string / _formatArray
    // ------------------------------------------------------------------------------------------

    private static string Array2String(ScalarType dtype, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides,
        byte* data, long size, string separator, string prefix, int lineWidth)
    {
        bool summarize = size > Threshold;
        // the elements the formatter is built from: the corners when summarising (_leading_trailing), else all
        var shown = new List<IntPtr>();
        CollectShown(shape, strides, data, 0, summarize, shown);
        var format = ElementFormatter.Create(dtype, shown, shape.Length == 0);
        string nextLinePrefix = " " + new string(' ', prefix.Length);
        var fa = new FormatArray(shape.ToArray(), strides.ToArray(), data, format, separator, summarize);
        return fa.Recurse(0, 0, nextLinePrefix, lineWidth);
    }

    private static void CollectShown(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, byte* p, int axis,
        bool summarize, List<IntPtr> into)
    {
        if (axis == shape.Length)
        {
            into.Add((IntPtr)p);
            return;
        }
        long n = shape[axis];
        bool cut = summarize && n > 2 * EdgeItems;
        for (long i = 0; i < n; i++)
        {
            if (cut && i == EdgeItems) i = n - EdgeItems;
            CollectShown(shape, strides, p + i * strides[axis], axis + 1, summarize, into);
        }
    }

    private sealed class FormatArray
    {
        private readonly long[] _shape;
        private readonly long[] _strides;
        private readonly byte* _data;
        private readonly ElementFormatter _format;
        private readonly string _separator;
        private readonly bool _summarize;

        public FormatArray(long[] shape, long[] strides, byte* data, ElementFormatter format, string separator,
            bool summarize)
        {
            _shape = shape; _strides = strides; _data = data; _format = format; _separator = separator;
            _summarize = summarize;
        }

        /// <summary>recurser() of _formatArray: <paramref name="offset"/> is the byte offset of a[index].</summary>
        public string Recurse(int axis, long offset, string hangingIndent, int currWidth)
        {
            int axesLeft = _shape.Length - axis;
            if (axesLeft == 0) return _format.Format(_data + offset);

            string nextHangingIndent = hangingIndent + " ";
            int nextWidth = currWidth - 1;
            long aLen = _shape[axis];
            long stride = _strides[axis];
            bool showSummary = _summarize && 2 * EdgeItems < aLen;
            long leadingItems = showSummary ? EdgeItems : 0;
            long trailingItems = showSummary ? EdgeItems : aLen;

            var s = new StringBuilder();
            if (axesLeft == 1)
            {
                int elemWidth = currWidth - Math.Max(_separator.TrimEnd(' ').Length, 1);
                string line = hangingIndent;
                for (long i = 0; i < leadingItems; i++)
                {
                    string word = Recurse(axis + 1, offset + i * stride, nextHangingIndent, nextWidth);
                    ExtendLine(s, ref line, word, elemWidth, hangingIndent);
                    line += _separator;
                }
                if (showSummary)
                {
                    ExtendLine(s, ref line, "...", elemWidth, hangingIndent);
                    line += _separator;
                }
                for (long i = trailingItems; i > 1; i--)
                {
                    string word = Recurse(axis + 1, offset + (aLen - i) * stride, nextHangingIndent, nextWidth);
                    ExtendLine(s, ref line, word, elemWidth, hangingIndent);
                    line += _separator;
                }
                string last = Recurse(axis + 1, offset + (aLen - 1) * stride, nextHangingIndent, nextWidth);
                ExtendLine(s, ref line, last, elemWidth, hangingIndent);
                s.Append(line);
            }
            else
            {
                string lineSep = _separator.TrimEnd(' ') + new string('\n', axesLeft - 1);
                for (long i = 0; i < leadingItems; i++)
                {
                    string nested = Recurse(axis + 1, offset + i * stride, nextHangingIndent, nextWidth);
                    s.Append(hangingIndent).Append(nested).Append(lineSep);
                }
                if (showSummary) s.Append(hangingIndent).Append("...").Append(lineSep);
                for (long i = trailingItems; i > 1; i--)
                {
                    string nested = Recurse(axis + 1, offset + (aLen - i) * stride, nextHangingIndent, nextWidth);
                    s.Append(hangingIndent).Append(nested).Append(lineSep);
                }
                string last = Recurse(axis + 1, offset + (aLen - 1) * stride, nextHangingIndent, nextWidth);
                s.Append(hangingIndent).Append(last);
            }
            // remove the hanging indent, and wrap in []
            s.Remove(0, hangingIndent.Length);
            return "[" + s.ToString() + "]";
        }

        private static void ExtendLine(StringBuilder s, ref string line, string word, int lineWidth,
            string nextLinePrefix)
        {
            bool needsWrap = line.Length + word.Length > lineWidth;
            // don't wrap lines if it won't help
            if (line.Length <= nextLinePrefix.Length) needsWrap = false;
            if (needsWrap)
            {
                s.Append(line.TrimEnd(' ')).Append('\n');
                line = nextLinePrefix;
            }
            line += word;
        }
    }

    // ------------------------------------------------------------------------------------------
    // element formatters
    // ------------------------------------------------------------------------------------------

    private abstract class ElementFormatter
    {
        public abstract string Format(byte* p);

        public static ElementFormatter Create(ScalarType t, List<IntPtr> shown, bool zeroD)
        {
            switch (t.Kind)
            {
                case ScalarKind.Bool:
                    return new BoolFormat(zeroD);
                case ScalarKind.Int:
                case ScalarKind.UInt:
                    return new IntegerFormat(t, shown);
                case ScalarKind.Float:
                {
                    var values = new double[shown.Count];
                    for (int i = 0; i < values.Length; i++) values[i] = ReadReal(t, (byte*)shown[i]);
                    return new FloatFormatter(t, new FloatingFormat(values, t.Bits == 32, plusSign: false));
                }
                default:
                {
                    var re = new double[shown.Count];
                    var im = new double[shown.Count];
                    for (int i = 0; i < re.Length; i++)
                    {
                        re[i] = ReadReal(t, (byte*)shown[i]);
                        im[i] = ReadImag(t, (byte*)shown[i]);
                    }
                    bool single = t.PartBits == 32;
                    return new ComplexFormatter(t, new FloatingFormat(re, single, plusSign: false),
                        new FloatingFormat(im, single, plusSign: true));
                }
            }
        }
    }

    private sealed class BoolFormat : ElementFormatter
    {
        private readonly string _true;
        // an extra space so " True" and "False" have the same length, except in 0-d arrays
        public BoolFormat(bool zeroD) => _true = zeroD ? "True" : " True";
        public override string Format(byte* p) => ReadBool(p) ? _true : "False";
    }

    private sealed class IntegerFormat : ElementFormatter
    {
        private readonly ScalarType _t;
        private readonly int _width;

        public IntegerFormat(ScalarType t, List<IntPtr> shown)
        {
            _t = t;
            // max(len(str(max)), len(str(min))) is the longest of all the decimal strings
            foreach (IntPtr p in shown) _width = Math.Max(_width, Digits((byte*)p).Length);
        }

        private string Digits(byte* p) => _t.Kind == ScalarKind.UInt
            ? ReadUInt(_t, p).ToString(CultureInfo.InvariantCulture)
            : ReadInt(_t, p).ToString(CultureInfo.InvariantCulture);

        public override string Format(byte* p) => Digits(p).PadLeft(_width);
    }

    private sealed class FloatFormatter : ElementFormatter
    {
        private readonly ScalarType _t;
        private readonly FloatingFormat _f;
        public FloatFormatter(ScalarType t, FloatingFormat f) { _t = t; _f = f; }
        public override string Format(byte* p) => _f.Format(ReadReal(_t, p));
    }

    private sealed class ComplexFormatter : ElementFormatter
    {
        private readonly ScalarType _t;
        private readonly FloatingFormat _re, _im;

        public ComplexFormatter(ScalarType t, FloatingFormat re, FloatingFormat im) { _t = t; _re = re; _im = im; }

        public override string Format(byte* p)
        {
            string r = _re.Format(ReadReal(_t, p));
            string i = _im.Format(ReadImag(_t, p));
            // add the 'j' before the terminal whitespace in i
            int sp = i.TrimEnd(' ').Length;
            return r + i.Substring(0, sp) + "j" + i.Substring(sp);
        }
    }

    /// <summary>FloatingFormat of arrayprint.py (floatmode 'maxprec', precision 8, suppress off, legacy off).</summary>
    private sealed class FloatingFormat
    {
        private readonly bool _single;
        private readonly bool _plusSign;
        private readonly bool _expFormat;
        private readonly int _precision;
        private readonly int _minDigits;
        private readonly int _padLeft;
        private readonly int _padRight;
        private readonly int _expSize;

        public FloatingFormat(double[] data, bool single, bool plusSign)
        {
            _single = single;
            _plusSign = plusSign;
            _precision = Precision;
            var finite = new List<double>(data.Length);
            foreach (double v in data) if (double.IsFinite(v)) finite.Add(v);

            // choose exponential mode based on the non-zero finite values
            bool any = false;
            double maxVal = 0, minVal = 0;
            foreach (double v in finite)
            {
                if (v == 0) continue;
                double a = Math.Abs(v);
                if (!any) { maxVal = minVal = a; any = true; }
                else { maxVal = Math.Max(maxVal, a); minVal = Math.Min(minVal, a); }
            }
            if (any)
            {
                // max_val/min_val is computed in the array's precision (float32 overflows to inf)
                double ratio = single ? (double)((float)maxVal / (float)minVal) : maxVal / minVal;
                if (maxVal >= 1e8 || minVal < 0.0001 || ratio > 1000.0) _expFormat = true;
            }

            if (finite.Count == 0)
            {
                _padLeft = 0;
                _padRight = 0;
                _expSize = -1;
                _minDigits = -1;
            }
            else if (_expFormat)
            {
                int maxInt = 0, maxFrac = 0, maxExp = 0;
                foreach (double v in finite)
                {
                    string s = Dragon4Scientific(v, single, Precision, -1, Trim.Zeros, plusSign, -1, -1);
                    int e = s.IndexOf('e');
                    int dot = s.IndexOf('.');
                    maxInt = Math.Max(maxInt, dot);
                    maxFrac = Math.Max(maxFrac, e - dot - 1);
                    maxExp = Math.Max(maxExp, s.Length - e - 1);
                }
                _expSize = maxExp - 1;
                _precision = maxFrac;
                _minDigits = maxFrac;
                _padLeft = maxInt;
                _padRight = _expSize + 2 + _precision;
            }
            else
            {
                int maxInt = 0, maxFrac = 0;
                foreach (double v in finite)
                {
                    string s = Dragon4Positional(v, single, Precision, -1, Trim.Zeros, plusSign, -1, -1);
                    int dot = s.IndexOf('.');
                    maxInt = Math.Max(maxInt, dot);
                    maxFrac = Math.Max(maxFrac, s.Length - dot - 1);
                }
                _padLeft = maxInt;
                _padRight = maxFrac;
                _expSize = -1;
                _minDigits = 0;
            }

            // if there are non-finite values, may need to increase pad_left
            if (finite.Count != data.Length)
            {
                bool negInf = plusSign;
                foreach (double v in data) if (double.IsNegativeInfinity(v)) negInf = true;
                int nanLen = 3;
                int infLen = 3 + (negInf ? 1 : 0);
                int offset = _padRight + 1; // +1 for the decimal point
                _padLeft = Math.Max(_padLeft, Math.Max(nanLen - offset, infLen - offset));
            }
        }

        public string Format(double x)
        {
            if (!double.IsFinite(x))
            {
                string ret = double.IsNaN(x) ? (_plusSign ? "+nan" : "nan")
                    : x < 0 ? "-inf" : _plusSign ? "+inf" : "inf";
                int pad = _padLeft + _padRight + 1 - ret.Length;
                return pad > 0 ? new string(' ', pad) + ret : ret;
            }
            return _expFormat
                ? Dragon4Scientific(x, _single, _precision, _minDigits, Trim.None, _plusSign, _padLeft, _expSize)
                : Dragon4Positional(x, _single, _precision, _minDigits, Trim.Zeros, _plusSign, _padLeft, _padRight);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Dragon4 (numpy/core/src/multiarray/dragon4.c), unique digit mode only
    // ------------------------------------------------------------------------------------------

    /// <summary>Trim modes: 'k' (None), '.' (Zeros).</summary>
    private enum Trim { None, Zeros }

    private readonly struct Decomposed
    {
        public readonly BigInteger Mantissa;
        public readonly int Exponent;
        public readonly int MantissaBit;
        public readonly bool UnequalMargins;
        public readonly bool Negative;

        public Decomposed(double v, bool single)
        {
            if (single)
            {
                uint bits = BitConverter.SingleToUInt32Bits((float)v);
                uint m = bits & 0x7FFFFF;
                int e = (int)((bits >> 23) & 0xFF);
                Negative = (bits >> 31) != 0;
                if (e != 0)
                {
                    Mantissa = (1u << 23) | m;
                    Exponent = e - 127 - 23;
                    MantissaBit = 23;
                    UnequalMargins = e != 1 && m == 0;
                }
                else
                {
                    Mantissa = m;
                    Exponent = 1 - 127 - 23;
                    MantissaBit = m == 0 ? 0 : BitOperations.Log2(m);
                    UnequalMargins = false;
                }
            }
            else
            {
                ulong bits = BitConverter.DoubleToUInt64Bits(v);
                ulong m = bits & 0xFFFFFFFFFFFFFUL;
                int e = (int)((bits >> 52) & 0x7FF);
                Negative = (bits >> 63) != 0;
                if (e != 0)
                {
                    Mantissa = (1UL << 52) | m;
                    Exponent = e - 1023 - 52;
                    MantissaBit = 52;
                    UnequalMargins = e != 1 && m == 0;
                }
                else
                {
                    Mantissa = m;
                    Exponent = 1 - 1023 - 52;
                    MantissaBit = m == 0 ? 0 : BitOperations.Log2(m);
                    UnequalMargins = false;
                }
            }
        }
    }

    private const int BufferSize = 16384;

    /// <summary>
    /// Dragon4 in unique mode: the shortest digits that identify the value, but at least down to the cutoff_min
    /// digit and at most down to the cutoff_max digit (total digits, or digits past the point when
    /// <paramref name="fractionCutoff"/>; -1: no limit), the last digit rounded (to nearest, ties to even, when
    /// both neighbours are allowed). Returns the digits; <paramref name="outExponent"/> is the power of ten of the
    /// first one.
    /// </summary>
    private static string Dragon4(in Decomposed d, bool fractionCutoff, int cutoffMax, int cutoffMin,
        out int outExponent)
    {
        if (d.Mantissa.IsZero)
        {
            outExponent = 0;
            return "0";
        }
        int exponent = d.Exponent;
        bool isEven = d.Mantissa.IsEven;
        bool unequal = d.UnequalMargins;
        BigInteger scale, scaledValue, marginLow, marginHigh;
        if (unequal)
        {
            if (exponent > 0)
            {
                scaledValue = d.Mantissa << (exponent + 2);
                scale = 4;
                marginLow = BigInteger.One << exponent;
            }
            else
            {
                scaledValue = d.Mantissa << 2;
                scale = BigInteger.One << (-exponent + 2);
                marginLow = 1;
            }
            marginHigh = marginLow * 2;
        }
        else
        {
            if (exponent > 0)
            {
                scaledValue = d.Mantissa << (exponent + 1);
                scale = 2;
                marginLow = BigInteger.One << exponent;
            }
            else
            {
                scaledValue = d.Mantissa << 1;
                scale = BigInteger.One << (-exponent + 1);
                marginLow = 1;
            }
            marginHigh = marginLow;
        }

        const double log10_2 = 0.30102999566398119521373889472449;
        int digitExponent = (int)Math.Ceiling((double)(d.MantissaBit + exponent) * log10_2 - 0.69);
        // for a fraction cutoff, pull the first digit up to the legal range and round there
        if (cutoffMax >= 0 && fractionCutoff && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1;

        if (digitExponent > 0)
        {
            scale *= BigInteger.Pow(10, digitExponent);
        }
        else if (digitExponent < 0)
        {
            BigInteger pow10 = BigInteger.Pow(10, -digitExponent);
            scaledValue *= pow10;
            marginLow *= pow10;
            marginHigh = unequal ? marginLow * 2 : marginLow;
        }

        if (scaledValue >= scale)
        {
            digitExponent++;
        }
        else
        {
            scaledValue *= 10;
            marginLow *= 10;
            marginHigh = unequal ? marginLow * 2 : marginLow;
        }

        int cutoffMaxExponent = digitExponent - BufferSize;
        if (cutoffMax >= 0)
        {
            int desired = fractionCutoff ? -cutoffMax : digitExponent - cutoffMax;
            if (desired > cutoffMaxExponent) cutoffMaxExponent = desired;
        }
        int cutoffMinExponent = digitExponent;
        if (cutoffMin >= 0)
        {
            int desired = fractionCutoff ? -cutoffMin : digitExponent - cutoffMin;
            if (desired < cutoffMinExponent) cutoffMinExponent = desired;
        }
        outExponent = digitExponent - 1;

        var digits = new StringBuilder(24);
        bool low, high;
        int outputDigit;
        for (;;)
        {
            digitExponent--;
            BigInteger q = BigInteger.DivRem(scaledValue, scale, out scaledValue);
            outputDigit = (int)q;
            BigInteger scaledValueHigh = scaledValue + marginHigh;
            int cmp = scaledValue.CompareTo(marginLow);
            low = isEven ? cmp <= 0 : cmp < 0;
            cmp = scaledValueHigh.CompareTo(scale);
            high = isEven ? cmp >= 0 : cmp > 0;
            if (((low | high) && digitExponent <= cutoffMinExponent) || digitExponent == cutoffMaxExponent) break;
            digits.Append((char)('0' + outputDigit));
            scaledValue *= 10;
            marginLow *= 10;
            marginHigh = unequal ? marginLow * 2 : marginLow;
        }

        // default to rounding down the final digit if the value got too close to 0
        bool roundDown = low;
        if (low == high)
        {
            // round to the closest digit by comparing the remainder with 0.5; ties to the even digit
            int compare = (scaledValue * 2).CompareTo(scale);
            roundDown = compare < 0;
            if (compare == 0) roundDown = (outputDigit & 1) == 0;
        }

        if (roundDown)
        {
            digits.Append((char)('0' + outputDigit));
        }
        else if (outputDigit == 9)
        {
            // find the first non-nine prior digit
            for (;;)
            {
                if (digits.Length == 0)
                {
                    digits.Append('1');
                    outExponent++;
                    break;
                }
                char c = digits[digits.Length - 1];
                digits.Length--;
                if (c != '9')
                {
                    digits.Append((char)(c + 1));
                    break;
                }
            }
        }
        else
        {
            digits.Append((char)('0' + outputDigit + 1));
        }
        return digits.ToString();
    }

    /// <summary>np.format_float_positional(x, precision, unique=True, fractional=True, trim, sign, pad_left,
    /// pad_right, min_digits); -1 for an option left out.</summary>
    private static string Dragon4Positional(double value, bool single, int precision, int minDigits, Trim trim,
        bool plusSign, int digitsLeft, int digitsRight)
    {
        var d = new Decomposed(value, single);
        var buf = new StringBuilder(32);
        int hasSign = 0;
        if (d.Negative) { buf.Append('-'); hasSign = 1; }
        else if (plusSign) { buf.Append('+'); hasSign = 1; }

        string digits = Dragon4(d, fractionCutoff: true, precision, minDigits, out int printExponent);
        int numDigits = digits.Length;
        int numWholeDigits;
        int numFractionDigits = 0;
        if (printExponent >= 0)
        {
            numWholeDigits = printExponent + 1;
            if (numDigits <= numWholeDigits)
            {
                buf.Append(digits).Append('0', numWholeDigits - numDigits);
            }
            else
            {
                numFractionDigits = numDigits - numWholeDigits;
                buf.Append(digits, 0, numWholeDigits).Append('.').Append(digits, numWholeDigits, numFractionDigits);
            }
        }
        else
        {
            int numFractionZeros = -(printExponent + 1);
            buf.Append("0.").Append('0', numFractionZeros).Append(digits);
            numFractionDigits = numDigits + numFractionZeros;
            numWholeDigits = 1;
        }

        // always add the decimal point (no trim mode here drops it)
        if (numFractionDigits == 0) buf.Append('.');

        int desiredFractionalDigits = minDigits < 0 ? 0 : minDigits;
        if (trim == Trim.None && desiredFractionalDigits > numFractionDigits)
        {
            buf.Append('0', desiredFractionalDigits - numFractionDigits);
            numFractionDigits = desiredFractionalDigits;
        }

        // when rounding, we may still end up with trailing zeros
        if (trim != Trim.None && numFractionDigits > 0)
        {
            while (buf[buf.Length - 1] == '0')
            {
                buf.Length--;
                numFractionDigits--;
            }
        }

        if (digitsRight >= numFractionDigits) buf.Append(' ', digitsRight - numFractionDigits);
        if (digitsLeft > numWholeDigits + hasSign) buf.Insert(0, " ", digitsLeft - (numWholeDigits + hasSign));
        return buf.ToString();
    }

    /// <summary>np.format_float_scientific(x, precision, unique=True, trim, sign, pad_left, exp_digits,
    /// min_digits); -1 for an option left out.</summary>
    private static string Dragon4Scientific(double value, bool single, int precision, int minDigits, Trim trim,
        bool plusSign, int digitsLeft, int expDigits)
    {
        var d = new Decomposed(value, single);
        var buf = new StringBuilder(32);
        bool signed = d.Negative || plusSign;
        int leftChars = 1 + (signed ? 1 : 0);
        if (digitsLeft > leftChars) buf.Append(' ', digitsLeft - leftChars);
        if (d.Negative) buf.Append('-');
        else if (plusSign) buf.Append('+');

        string digits = Dragon4(d, fractionCutoff: false, precision < 0 ? -1 : precision + 1,
            minDigits < 0 ? -1 : minDigits + 1, out int printExponent);
        buf.Append(digits[0]);
        int numFractionDigits = digits.Length - 1;
        if (numFractionDigits > 0) buf.Append('.').Append(digits, 1, numFractionDigits);
        else buf.Append('.');

        int addDigits = minDigits < 0 ? 0 : minDigits;
        if (trim == Trim.None && addDigits > numFractionDigits)
        {
            buf.Append('0', addDigits - numFractionDigits);
            numFractionDigits = addDigits;
        }
        if (trim != Trim.None && numFractionDigits > 0)
        {
            while (buf[buf.Length - 1] == '0')
            {
                buf.Length--;
                numFractionDigits--;
            }
        }

        if (expDigits > 5) expDigits = 5;
        if (expDigits < 0) expDigits = 2;
        buf.Append('e').Append(printExponent >= 0 ? '+' : '-');
        string e = Math.Abs(printExponent).ToString(CultureInfo.InvariantCulture);
        buf.Append('0', Math.Max(0, expDigits - e.Length)).Append(e);
        return buf.ToString();
    }
}
