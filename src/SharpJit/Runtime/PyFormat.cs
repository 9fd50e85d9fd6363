// Python text formatting of numbers and strings, reproducing CPython 3.11 exactly:
//   * repr()/str() of float, complex, int, bool  (Objects/floatobject.c, complexobject.c,
//     Python/pystrtod.c: PyOS_double_to_string / format_float_short)
//   * the format-spec mini-language used by format()/str.format()/f-strings
//     (Python/formatter_unicode.c).
//
// Digit generation: shortest round-trip digits come from .NET's "R" formatting (shortest
// round-trippable since .NET Core 3.0); fixed-count digits ('e'/'f'/'g' with precision) come
// from .NET "E"/"F" formatting with a few guard digits, and whenever the guard digits are too
// close to a rounding tie to decide, from an exact BigInteger expansion of the double. Rounding is
// round-half-even on the exact binary value, as David Gay's dtoa (used by CPython) does.
//
// Errors: every ValueError CPython raises is thrown as System.FormatException carrying CPython's exact
// message. The only OverflowError ("%c arg not in range(0x110000)") is thrown as
// System.OverflowException with CPython's message.
//
// The 'n' presentation type is rendered as under the "C" locale (CPython's default LC_NUMERIC):
// no grouping, '.' decimal point.

using System;
using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SharpJit.Runtime;

public static partial class PyFormat
{
    /// <summary>Flags of CPython's PyOS_double_to_string.</summary>
    [Flags]
    public enum DtsfFlags
    {
        None = 0,
        /// <summary>Py_DTSF_SIGN: always add the sign.</summary>
        Sign = 1,
        /// <summary>Py_DTSF_ADD_DOT_0: if the result looks like an integer, append ".0".</summary>
        AddDot0 = 2,
        /// <summary>Py_DTSF_ALT: alternate formatting ('#').</summary>
        Alt = 4,
        /// <summary>Py_DTSF_NO_NEG_0: negative zero becomes positive zero ('z').</summary>
        NoNeg0 = 8,
    }

    // ------------------------------------------------------------------------------------------
    // repr / str
    // ------------------------------------------------------------------------------------------

    /// <summary>repr(float) == str(float): shortest round-trip digits, CPython 'r' format.</summary>
    public static string ReprFloat(double value)
    {
        Span<char> buf = stackalloc char[64];
        var sb = new Vsb(buf);
        AppendDouble(ref sb, value, 'r', 0, DtsfFlags.AddDot0);
        string s = sb.ToString();
        sb.Dispose();
        return s;
    }

    /// <summary>str(float); identical to repr in Python 3.</summary>
    public static string StrFloat(double value) => ReprFloat(value);

    /// <summary>Alias of <see cref="StrFloat"/>.</summary>
    public static string ToStr(double value) => ReprFloat(value);

    /// <summary>Alias of <see cref="ReprInt"/>.</summary>
    public static string ToStr(long value) => ReprInt(value);

    /// <summary>Alias of <see cref="StrBool"/>.</summary>
    public static string ToStr(bool value) => StrBool(value);

    /// <summary>repr(complex) == str(complex), e.g. "(1+2j)", "2j", "(-0-2j)", "(nan+infj)".</summary>
    public static string ReprComplex(double re, double im)
    {
        Span<char> buf = stackalloc char[80];
        var sb = new Vsb(buf);
        if (re == 0.0 && !double.IsNegative(re))
        {
            AppendDouble(ref sb, im, 'r', 0, DtsfFlags.None);
            sb.Append('j');
        }
        else
        {
            sb.Append('(');
            AppendDouble(ref sb, re, 'r', 0, DtsfFlags.None);
            AppendDouble(ref sb, im, 'r', 0, DtsfFlags.Sign);
            sb.Append('j');
            sb.Append(')');
        }
        string s = sb.ToString();
        sb.Dispose();
        return s;
    }

    /// <summary>str(complex); identical to repr.</summary>
    public static string StrComplex(double re, double im) => ReprComplex(re, im);

    /// <summary>Alias of <see cref="ReprComplex"/>.</summary>
    public static string ToStr(double re, double im) => ReprComplex(re, im);

    /// <summary>repr(int) == str(int).</summary>
    public static string ReprInt(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>str(bool) == repr(bool): "True"/"False".</summary>
    public static string StrBool(bool value) => value ? "True" : "False";

    /// <summary>
    /// CPython's PyOS_double_to_string(val, formatCode, precision, flags): formatCode is one of
    /// 'e','E','f','F','g','G','r' (precision must be 0 for 'r').
    /// </summary>
    public static string DoubleToString(double value, char formatCode, int precision, DtsfFlags flags)
    {
        if (formatCode == 'r' && precision != 0)
            throw new ArgumentException("precision must be 0 for 'r'", nameof(precision));
        if (precision < 0)
            throw new ArgumentOutOfRangeException(nameof(precision));
        Span<char> buf = stackalloc char[64];
        var sb = new Vsb(buf);
        AppendDouble(ref sb, value, formatCode, precision, flags);
        string s = sb.ToString();
        sb.Dispose();
        return s;
    }

    // ------------------------------------------------------------------------------------------
    // PyOS_double_to_string / format_float_short
    // ------------------------------------------------------------------------------------------

    private static void AppendDouble(ref Vsb sb, double val, char formatCode, int precision, DtsfFlags flags)
    {
        bool upper = false;
        int mode;
        long prec = precision;
        switch (formatCode)
        {
            case 'E': upper = true; formatCode = 'e'; goto case 'e';
            case 'e': mode = 2; prec++; break;
            case 'F': upper = true; formatCode = 'f'; goto case 'f';
            case 'f': mode = 3; break;
            case 'G': upper = true; formatCode = 'g'; goto case 'g';
            case 'g': mode = 2; if (prec == 0) prec = 1; break;
            case 'r': mode = 0; break;
            default: throw new ArgumentException("bad format code", nameof(formatCode));
        }
        FormatFloatShort(ref sb, val, formatCode, mode, prec,
            (flags & DtsfFlags.Sign) != 0, (flags & DtsfFlags.AddDot0) != 0,
            (flags & DtsfFlags.Alt) != 0, (flags & DtsfFlags.NoNeg0) != 0, upper);
    }

    private static void FormatFloatShort(ref Vsb sb, double d, char formatCode, int mode, long precision,
        bool alwaysAddSign, bool addDot0IfInteger, bool useAltFormatting, bool noNegativeZero, bool upper)
    {
        bool neg = double.IsNegative(d);
        if (!double.IsFinite(d))
        {
            AppendNonFinite(ref sb, d, alwaysAddSign, upper);
            return;
        }

        Span<char> dbuf = stackalloc char[40];
        var digitsB = new Vsb(dbuf);
        try
        {
            GetDigits(Math.Abs(d), mode, precision, ref digitsB, out long decpt);
            LayoutDigits(ref sb, digitsB.AsSpan(), decpt, neg, formatCode, precision, alwaysAddSign, addDot0IfInteger,
                useAltFormatting, noNegativeZero, upper, rExp: null);
        }
        finally
        {
            digitsB.Dispose();
        }
    }

    private static void AppendNonFinite(ref Vsb sb, double d, bool alwaysAddSign, bool upper)
    {
        bool isNan = double.IsNaN(d);
        bool neg = !isNan && d < 0; // ignore the actual sign of a nan
        if (neg) sb.Append('-');
        else if (alwaysAddSign) sb.Append('+');
        if (isNan) sb.Append(upper ? "NAN" : "nan");
        else sb.Append(upper ? "INF" : "inf");
    }

    /// <summary>
    /// Lays out digits (value 0.DIGITS * 10**decpt) as format_float_short does. <paramref name="rExp"/> overrides
    /// the 'r' code's positional/exponent choice (NumPy decides it from the value, not from decpt).
    /// </summary>
    private static void LayoutDigits(ref Vsb sb, scoped ReadOnlySpan<char> digits, long decpt, bool neg, char formatCode,
        long precision, bool alwaysAddSign, bool addDot0IfInteger, bool useAltFormatting, bool noNegativeZero, bool upper,
        bool? rExp)
    {
        long digitsLen = digits.Length;

        if (noNegativeZero && neg && (digitsLen == 0 || (digitsLen == 1 && digits[0] == '0')))
            neg = false;

        long vdigitsEnd = digitsLen;
        bool useExp = false;
        long exp = 0;
        switch (formatCode)
        {
            case 'e':
                useExp = true;
                vdigitsEnd = precision;
                break;
            case 'f':
                vdigitsEnd = decpt + precision;
                break;
            case 'g':
                if (decpt <= -4 || decpt > (addDot0IfInteger ? precision - 1 : precision))
                    useExp = true;
                if (useAltFormatting)
                    vdigitsEnd = precision;
                break;
            case 'r':
                useExp = rExp ?? (decpt <= -4 || decpt > 16);
                break;
        }

        if (useExp)
        {
            exp = decpt - 1;
            decpt = 1;
        }
        long vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0IfInteger)
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
        else
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

        if (neg) sb.Append('-');
        else if (alwaysAddSign) sb.Append('+');

        // zero padding on left of digit string
        if (decpt <= 0)
        {
            sb.Append('0', decpt - vdigitsStart);
            sb.Append('.');
            sb.Append('0', -decpt);
        }
        else
        {
            sb.Append('0', -vdigitsStart);
        }

        // digits, with included decimal point
        if (0 < decpt && decpt <= digitsLen)
        {
            sb.Append(digits.Slice(0, (int)decpt));
            sb.Append('.');
            sb.Append(digits.Slice((int)decpt));
        }
        else
        {
            sb.Append(digits);
        }

        // and zeros on the right
        if (digitsLen < decpt)
        {
            sb.Append('0', decpt - digitsLen);
            sb.Append('.');
            sb.Append('0', vdigitsEnd - decpt);
        }
        else
        {
            sb.Append('0', vdigitsEnd - digitsLen);
        }

        // delete a trailing decimal pt unless using alternative formatting
        if (sb[sb.Length - 1] == '.' && !useAltFormatting)
            sb.Length--;

        if (useExp)
        {
            sb.Append(upper ? 'E' : 'e');
            if (exp < 0) { sb.Append('-'); exp = -exp; }
            else sb.Append('+');
            if (exp < 10) sb.Append('0');
            AppendDecimal(ref sb, (ulong)exp);
        }
    }

    private static void AppendDecimal(ref Vsb sb, ulong v)
    {
        Span<char> tmp = stackalloc char[20];
        int i = tmp.Length;
        do { tmp[--i] = (char)('0' + (int)(v % 10)); v /= 10; } while (v != 0);
        sb.Append(tmp.Slice(i));
    }

    // ------------------------------------------------------------------------------------------
    // Digit generation (the equivalent of _Py_dg_dtoa for modes 0, 2, 3)
    // ------------------------------------------------------------------------------------------

    private const int GuardDigits = 4;
    private static readonly string?[] s_eFormats = new string?[64];
    private static readonly string?[] s_fFormats = new string?[64];

    private static string NetFormat(char c, long precision)
    {
        string?[] cache = c == 'E' ? s_eFormats : s_fFormats;
        if (precision < cache.Length)
        {
            string? s = cache[precision];
            if (s == null)
            {
                s = c + precision.ToString(CultureInfo.InvariantCulture);
                cache[precision] = s;
            }
            return s;
        }
        return c + precision.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Digits of positive finite <paramref name="a"/> (or zero) as _Py_dg_dtoa returns them: no leading or
    /// trailing zeros, value = 0.DIGITS * 10**decpt. Mode 0: shortest round-trip; mode 2: max(1,ndigits)
    /// significant digits; mode 3: ndigits digits past the decimal point (may produce no digits, with
    /// decpt = -ndigits).
    /// </summary>
    private static void GetDigits(double a, int mode, long ndigits, ref Vsb digits, out long decpt)
    {
        if (a == 0.0)
        {
            digits.Append('0');
            decpt = 1;
            return;
        }
        if (mode == 0)
        {
            long bits = BitConverter.DoubleToInt64Bits(a);
            if ((bits & 0xFFFFFFFFFFFFFL) == 0 && (bits >> 52) > 1)
            {
                // A power of two has an asymmetric rounding interval (the gap below is half the gap above);
                // .NET's shortest formatting does not always honour it, so compute these exactly.
                ShortestPowerOfTwo(a, ref digits, out decpt);
                return;
            }
            Span<char> buf = stackalloc char[40];
            bool ok = a.TryFormat(buf, out int written, "R", CultureInfo.InvariantCulture);
            if (!ok) throw new InvalidOperationException("double formatting failed");
            ParseNetNumber(buf.Slice(0, written), ref digits, out decpt);
            return;
        }
        if (mode == 2 && ndigits < 1) ndigits = 1;

        // Fast path: .NET's fixed-count formatting with guard digits.
        long netPrecision = mode == 2 ? ndigits - 1 + GuardDigits : ndigits + GuardDigits;
        if (netPrecision < 100_000_000)
        {
            string fmt = NetFormat(mode == 2 ? 'E' : 'F', netPrecision);
            int need = (int)netPrecision + (mode == 2 ? 16 : 330);
            char[]? rented = null;
            Span<char> rawBuf = stackalloc char[128];
            Span<char> buf = need <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(need));
            try
            {
                if (a.TryFormat(buf, out int written, fmt, CultureInfo.InvariantCulture))
                {
                    var raw = new Vsb(rawBuf);
                    try
                    {
                        ParseNetNumber(buf.Slice(0, written), ref raw, out long rawDecpt, stripTrailingZeros: false);
                        if (RoundDigits(raw.AsSpan(), rawDecpt, mode, ndigits, exact: false, ref digits, out decpt))
                            return;
                    }
                    finally { raw.Dispose(); }
                    digits.Length = 0;
                }
            }
            finally
            {
                if (rented != null) ArrayPool<char>.Shared.Return(rented);
            }
        }

        // Exact path.
        string exact = ExactDigits(a, out long exactDecpt);
        RoundDigits(exact.AsSpan(), exactDecpt, mode, ndigits, exact: true, ref digits, out decpt);
    }

    /// <summary>Shortest round-trip digits (closest among the shortest; ties to even) of a power of two.</summary>
    private static void ShortestPowerOfTwo(double a, ref Vsb digits, out long decpt)
    {
        string exact = ExactDigits(a, out long dp);
        Span<char> up = stackalloc char[24];
        Span<char> tmp = stackalloc char[64];
        for (int p = 1; p <= 17; p++)
        {
            if (p >= exact.Length)
            {
                digits.Append(exact);
                decpt = dp;
                return;
            }
            ReadOnlySpan<char> low = exact.AsSpan(0, p);
            low.CopyTo(up);
            long upDp = dp;
            int k = p - 1;
            while (k >= 0 && up[k] == '9') { up[k] = '0'; k--; }
            if (k < 0) { up[0] = '1'; upDp++; }
            else up[k]++;
            bool lowOk = RoundTrips(low, dp, a, tmp);
            bool upOk = RoundTrips(up.Slice(0, p), upDp, a, tmp);
            if (!lowOk && !upOk) continue;
            bool useUp;
            if (lowOk && upOk)
            {
                char first = exact[p];
                if (first > '5') useUp = true;
                else if (first < '5') useUp = false;
                else if (exact.Length > p + 1) useUp = true;
                else useUp = ((low[p - 1] - '0') & 1) == 1;
            }
            else useUp = upOk;
            ReadOnlySpan<char> chosen = useUp ? up.Slice(0, p) : low;
            int len = chosen.Length;
            while (len > 1 && chosen[len - 1] == '0') len--;
            digits.Append(chosen.Slice(0, len));
            decpt = useUp ? upDp : dp;
            return;
        }
        digits.Append(exact.AsSpan(0, Math.Min(17, exact.Length)));
        decpt = dp;
    }

    private static bool RoundTrips(scoped ReadOnlySpan<char> d, long decpt, double a, Span<char> tmp)
    {
        int n = 0;
        tmp[n++] = '0';
        tmp[n++] = '.';
        d.CopyTo(tmp.Slice(n));
        n += d.Length;
        tmp[n++] = 'E';
        decpt.TryFormat(tmp.Slice(n), out int w, default, CultureInfo.InvariantCulture);
        n += w;
        return double.Parse(tmp.Slice(0, n), NumberStyles.Float, CultureInfo.InvariantCulture) == a;
    }

    /// <summary>Parses .NET invariant output ("123.45", "1.5E-07", "0.001") of a positive number.</summary>
    private static void ParseNetNumber(scoped ReadOnlySpan<char> s, ref Vsb digits, out long decpt, bool stripTrailingZeros = true)
    {
        int i = 0;
        int intDigits = 0;
        bool seenPoint = false;
        bool started = false;
        int leadingZeros = 0;
        long exp = 0;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= '0' && c <= '9')
            {
                if (!seenPoint) intDigits++;
                if (!started && c == '0') { leadingZeros++; continue; }
                started = true;
                digits.Append(c);
            }
            else if (c == '.')
            {
                seenPoint = true;
            }
            else if (c == 'E' || c == 'e')
            {
                exp = long.Parse(s.Slice(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
        }
        decpt = intDigits - leadingZeros + exp;
        if (stripTrailingZeros)
        {
            int len = digits.Length;
            while (len > 0 && digits[len - 1] == '0') len--;
            digits.Length = len;
        }
    }

    /// <summary>Exact decimal expansion of positive finite nonzero a: value = 0.DIGITS * 10**decpt.</summary>
    private static string ExactDigits(double a, out long decpt)
    {
        long bits = BitConverter.DoubleToInt64Bits(a);
        int be = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xFFFFFFFFFFFFFL;
        if (be == 0) be = 1; else m |= 1L << 52;
        int e = be - 1075;
        while ((m & 1) == 0) { m >>= 1; e++; }
        string s;
        if (e >= 0)
        {
            s = (new BigInteger(m) << e).ToString(CultureInfo.InvariantCulture);
            decpt = s.Length;
        }
        else
        {
            s = (new BigInteger(m) * BigInteger.Pow(5, -e)).ToString(CultureInfo.InvariantCulture);
            decpt = s.Length + (long)e;
        }
        return s.TrimEnd('0');
    }

    /// <summary>
    /// Rounds digit string D (value 0.D * 10**decpt, D[0] != '0' unless D is empty) half-even to the
    /// requested digit count. When <paramref name="exact"/> is false, D is only known to be within one
    /// unit of its last digit; returns false if that is not enough to decide the rounding.
    /// </summary>
    private static bool RoundDigits(scoped ReadOnlySpan<char> d, long decpt, int mode, long ndigits, bool exact, ref Vsb digits, out long outDecpt)
    {
        int len = d.Length;
        if (len == 0)
        {
            // the number is (approximately) zero at this precision: mode 3 only
            outDecpt = -ndigits;
            return true;
        }
        long cut = mode == 2 ? ndigits : decpt + ndigits;
        if (cut >= len)
        {
            if (!exact)
            {
                // Only the exact path can supply all digits; the guard digits guarantee cut < len.
                outDecpt = 0;
                return false;
            }
            int l = len;
            while (l > 0 && d[l - 1] == '0') l--;
            digits.Append(d.Slice(0, l));
            outDecpt = decpt;
            return true;
        }
        if (cut < 0)
        {
            outDecpt = -ndigits;
            return true;
        }
        int c = (int)cut;
        // compare tail d[c..] with "5000..."
        int cmp;
        char first = d[c];
        if (first > '5') cmp = 1;
        else if (first < '5') cmp = -1;
        else
        {
            cmp = 0;
            for (int k = c + 1; k < len; k++) if (d[k] != '0') { cmp = 1; break; }
        }
        if (!exact)
        {
            // ambiguous if the tail is within one unit of the last digit of a tie
            if (cmp == 0) { outDecpt = 0; return false; }
            if (first == '5')
            {
                bool zerosThenOne = d[len - 1] == '1' && len - 1 > c;
                for (int k = c + 1; zerosThenOne && k < len - 1; k++) if (d[k] != '0') zerosThenOne = false;
                if (zerosThenOne) { outDecpt = 0; return false; }
            }
            else if (first == '4')
            {
                bool nines = true;
                for (int k = c + 1; k < len; k++) if (d[k] != '9') { nines = false; break; }
                if (nines) { outDecpt = 0; return false; }
            }
        }
        bool up = cmp > 0 || (cmp == 0 && c > 0 && ((d[c - 1] - '0') & 1) == 1);
        if (c == 0)
        {
            if (up) { digits.Append('1'); outDecpt = decpt + 1; }
            else outDecpt = -ndigits;
            return true;
        }
        int start = digits.Length;
        digits.Append(d.Slice(0, c));
        outDecpt = decpt;
        if (up)
        {
            int k = digits.Length - 1;
            while (k >= start && digits[k] == '9') { digits[k] = '0'; k--; }
            if (k < start)
            {
                digits[start] = '1';
                for (int j = start + 1; j < digits.Length; j++) digits[j] = '0';
                outDecpt++;
            }
            else digits[k]++;
        }
        int end = digits.Length;
        while (end > start && digits[end - 1] == '0') end--;
        digits.Length = end;
        return true;
    }

    // ------------------------------------------------------------------------------------------
    // Minimal value string builder (stack first, pooled growth)
    // ------------------------------------------------------------------------------------------

    internal ref struct Vsb
    {
        private char[]? _pooled;
        private Span<char> _chars;
        private int _pos;

        public Vsb(Span<char> initial)
        {
            _pooled = null;
            _chars = initial;
            _pos = 0;
        }

        public int Length
        {
            readonly get => _pos;
            set => _pos = value;
        }

        public ref char this[int index] => ref _chars[index];

        public readonly ReadOnlySpan<char> AsSpan() => _chars.Slice(0, _pos);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Append(char c)
        {
            if (_pos < _chars.Length) _chars[_pos++] = c;
            else GrowAndAppend(c);
        }

        public void Append(char c, long count)
        {
            if (count <= 0) return;
            if (count > int.MaxValue - _pos) throw new OutOfMemoryException();
            int n = (int)count;
            if (_pos + n > _chars.Length) Grow(n);
            _chars.Slice(_pos, n).Fill(c);
            _pos += n;
        }

        public void Append(scoped ReadOnlySpan<char> s)
        {
            if (_pos + s.Length > _chars.Length) Grow(s.Length);
            s.CopyTo(_chars.Slice(_pos));
            _pos += s.Length;
        }

        public void Append(string s) => Append(s.AsSpan());

        /// <summary>Appends <paramref name="s"/> <paramref name="count"/> times.</summary>
        public void AppendRepeat(string s, long count)
        {
            if (count <= 0) return;
            if (s.Length == 1) { Append(s[0], count); return; }
            for (long i = 0; i < count; i++) Append(s.AsSpan());
        }

        private void GrowAndAppend(char c)
        {
            Grow(1);
            _chars[_pos++] = c;
        }

        private void Grow(int additional)
        {
            long needed = (long)_pos + additional;
            long newSize = Math.Max(needed, Math.Max(16L, (long)_chars.Length * 2));
            if (newSize > Array.MaxLength) newSize = Math.Max(needed, Array.MaxLength);
            if (newSize > Array.MaxLength) throw new OutOfMemoryException();
            char[] arr = ArrayPool<char>.Shared.Rent((int)newSize);
            _chars.Slice(0, _pos).CopyTo(arr);
            char[]? old = _pooled;
            _chars = _pooled = arr;
            if (old != null) ArrayPool<char>.Shared.Return(old);
        }

        public override readonly string ToString() => new string(_chars.Slice(0, _pos));

        public void Dispose()
        {
            char[]? p = _pooled;
            this = default;
            if (p != null) ArrayPool<char>.Shared.Return(p);
        }
    }
}
