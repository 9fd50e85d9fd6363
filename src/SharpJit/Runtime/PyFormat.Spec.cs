// The format-spec mini-language, ported from CPython 3.11 Python/formatter_unicode.c.
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
// Widths and precisions count code points (a fill character may be a surrogate pair).
// A width too large to allocate throws OutOfMemoryException (CPython: MemoryError).

using System;
using System.Globalization;

namespace SharpJit.Runtime;

public static partial class PyFormat
{
    private enum LocaleType
    {
        NoLocale = 0,
        Default = ',',        // ',' grouping by 3
        Underscore = '_',     // '_' grouping by 3
        UnderFour = 1,        // '_' grouping by 4 (b, o, x, X)
        Current = 2,          // 'n': the C locale: no grouping, '.'
    }

    private struct FormatSpec
    {
        public string Fill;        // one code point (1 or 2 UTF-16 units)
        public int Align;
        public bool Alternate;
        public bool NoNeg0;
        public int Sign;           // 0, '+', '-', ' '
        public long Width;         // -1 = not given
        public LocaleType ThousandsSeparators;
        public long Precision;     // -1 = not given
        public int Type;           // code point; 0 = none

        public readonly bool FillIsZero => Fill.Length == 1 && Fill[0] == '0';
    }

    private struct NumberFieldWidths
    {
        public long NLPadding;
        public long NPrefix;
        public long NSPadding;
        public long NRPadding;
        public long NSign;
        public char Sign;
        public long NDigits;
        public long NGroupedDigits;
        public long NDecimal;
        public long NRemainder;
        public long NMinWidth;
    }

    // ------------------------------------------------------------------------------------------
    // public entry points
    // ------------------------------------------------------------------------------------------

    /// <summary>format(int, spec). Types b c d o x X n (and e E f F g G % via float conversion).</summary>
    public static string FormatInt(long value, string spec) => FormatIntCore(value, spec ?? "", "int", isBool: false);

    /// <summary>format(bool, spec): "True"/"False" for an empty spec, otherwise formatted as the int 0/1.</summary>
    public static string FormatBool(bool value, string spec) => FormatIntCore(value ? 1 : 0, spec ?? "", "bool", isBool: true);

    /// <summary>format(float, spec). Types e E f F g G n % and none.</summary>
    public static string FormatFloat(double value, string spec)
    {
        spec ??= "";
        if (spec.Length == 0) return ReprFloat(value);
        ParseSpec(spec, "float", 0, '>', out FormatSpec f);
        switch (f.Type)
        {
            case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
                return FormatFloatInternal(value, in f);
            default:
                throw UnknownPresentationType(f.Type, "float");
        }
    }

    /// <summary>format(complex, spec). Types e E f F g G n and none.</summary>
    public static string FormatComplex(double re, double im, string spec)
    {
        spec ??= "";
        if (spec.Length == 0) return ReprComplex(re, im);
        ParseSpec(spec, "complex", 0, '>', out FormatSpec f);
        switch (f.Type)
        {
            case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
                return FormatComplexInternal(re, im, in f);
            default:
                throw UnknownPresentationType(f.Type, "complex");
        }
    }

    /// <summary>format(str, spec). Type s or none.</summary>
    public static string FormatStr(string value, string spec)
    {
        spec ??= "";
        if (spec.Length == 0) return value;
        ParseSpec(spec, "str", 's', '<', out FormatSpec f);
        if (f.Type != 's') throw UnknownPresentationType(f.Type, "str");
        return FormatStringInternal(value, in f);
    }

    // ------------------------------------------------------------------------------------------
    // errors
    // ------------------------------------------------------------------------------------------

    private static FormatException UnknownPresentationType(int type, string typeName)
    {
        if (type > 32 && type < 128)
            return new FormatException($"Unknown format code '{(char)type}' for object of type '{typeName}'");
        return new FormatException($"Unknown format code '\\x{type:x}' for object of type '{typeName}'");
    }

    private static FormatException InvalidThousandsSeparatorType(char specifier, int type)
    {
        if (type > 32 && type < 128)
            return new FormatException($"Cannot specify '{specifier}' with '{(char)type}'.");
        return new FormatException($"Cannot specify '{specifier}' with '\\x{type:x}'.");
    }

    // ------------------------------------------------------------------------------------------
    // parse_internal_render_format_spec
    // ------------------------------------------------------------------------------------------

    private static readonly string[] s_asciiStrings = CreateAsciiStrings();

    private static string[] CreateAsciiStrings()
    {
        var a = new string[128];
        for (int i = 0; i < a.Length; i++) a[i] = ((char)i).ToString();
        return a;
    }

    private static bool IsAlignmentToken(int c) => c == '<' || c == '>' || c == '=' || c == '^';
    private static bool IsSignElement(int c) => c == ' ' || c == '+' || c == '-';

    private static int DecimalValue(int cp)
    {
        if (cp >= '0' && cp <= '9') return cp - '0';
        if (cp < 128) return -1;
        if (cp <= 0xFFFF) return CharUnicodeInfo.GetDecimalDigitValue((char)cp);
        return CharUnicodeInfo.GetDecimalDigitValue(char.ConvertFromUtf32(cp), 0);
    }

    private static void ParseSpec(string specStr, string typeName, int defaultType, int defaultAlign, out FormatSpec format)
    {
        // Work on code points (the fill character may be outside the BMP).
        int[]? heap = null;
        Span<int> cps = specStr.Length <= 64 ? stackalloc int[64] : (heap = new int[specStr.Length]);
        int end = 0;
        for (int i = 0; i < specStr.Length; i++)
        {
            char ch = specStr[i];
            if (char.IsHighSurrogate(ch) && i + 1 < specStr.Length && char.IsLowSurrogate(specStr[i + 1]))
            {
                cps[end++] = char.ConvertToUtf32(ch, specStr[i + 1]);
                i++;
            }
            else cps[end++] = ch;
        }

        int pos = 0;
        bool alignSpecified = false;
        bool fillCharSpecified = false;

        format.Fill = " ";
        format.Align = defaultAlign;
        format.Alternate = false;
        format.NoNeg0 = false;
        format.Sign = 0;
        format.Width = -1;
        format.ThousandsSeparators = LocaleType.NoLocale;
        format.Precision = -1;
        format.Type = defaultType;

        if (end - pos >= 2 && IsAlignmentToken(cps[pos + 1]))
        {
            format.Align = cps[pos + 1];
            int fc = cps[pos];
            format.Fill = fc < 128 ? s_asciiStrings[fc] : fc <= 0xFFFF ? ((char)fc).ToString() : char.ConvertFromUtf32(fc);
            fillCharSpecified = true;
            alignSpecified = true;
            pos += 2;
        }
        else if (end - pos >= 1 && IsAlignmentToken(cps[pos]))
        {
            format.Align = cps[pos];
            alignSpecified = true;
            ++pos;
        }

        if (end - pos >= 1 && IsSignElement(cps[pos]))
        {
            format.Sign = cps[pos];
            ++pos;
        }

        if (end - pos >= 1 && cps[pos] == 'z')
        {
            format.NoNeg0 = true;
            ++pos;
        }

        if (end - pos >= 1 && cps[pos] == '#')
        {
            format.Alternate = true;
            ++pos;
        }

        if (!fillCharSpecified && end - pos >= 1 && cps[pos] == '0')
        {
            format.Fill = "0";
            if (!alignSpecified && defaultAlign == '>')
                format.Align = '=';
            ++pos;
        }

        int consumed = GetInteger(cps, ref pos, end, out long width);
        format.Width = consumed == 0 ? -1 : width;

        if (end - pos > 0 && cps[pos] == ',')
        {
            format.ThousandsSeparators = LocaleType.Default;
            ++pos;
        }
        if (end - pos > 0 && cps[pos] == '_')
        {
            if (format.ThousandsSeparators != LocaleType.NoLocale)
                throw new FormatException("Cannot specify both ',' and '_'.");
            format.ThousandsSeparators = LocaleType.Underscore;
            ++pos;
        }
        if (end - pos > 0 && cps[pos] == ',')
        {
            if (format.ThousandsSeparators == LocaleType.Underscore)
                throw new FormatException("Cannot specify both ',' and '_'.");
        }

        if (end - pos > 0 && cps[pos] == '.')
        {
            ++pos;
            consumed = GetInteger(cps, ref pos, end, out long precision);
            if (consumed == 0)
                throw new FormatException("Format specifier missing precision");
            format.Precision = precision;
        }

        if (end - pos > 1)
            throw new FormatException($"Invalid format specifier '{specStr}' for object of type '{typeName}'");

        if (end - pos == 1)
        {
            format.Type = cps[pos];
            ++pos;
        }

        if (format.ThousandsSeparators != LocaleType.NoLocale)
        {
            switch (format.Type)
            {
                case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
                    break;
                case 'b': case 'o': case 'x': case 'X':
                    if (format.ThousandsSeparators == LocaleType.Underscore)
                    {
                        format.ThousandsSeparators = LocaleType.UnderFour;
                        break;
                    }
                    throw InvalidThousandsSeparatorType(',', format.Type);
                default:
                    throw InvalidThousandsSeparatorType((char)(int)format.ThousandsSeparators, format.Type);
            }
        }
        _ = heap;
    }

    private static int GetInteger(ReadOnlySpan<int> s, ref int pos, int end, out long result)
    {
        long accumulator = 0;
        int numdigits = 0;
        for (; pos < end; pos++, numdigits++)
        {
            int digitval = DecimalValue(s[pos]);
            if (digitval < 0) break;
            if (accumulator > (long.MaxValue - digitval) / 10)
                throw new FormatException("Too many decimal digits in format string");
            accumulator = accumulator * 10 + digitval;
        }
        result = accumulator;
        return numdigits;
    }

    // ------------------------------------------------------------------------------------------
    // number layout: calc_number_widths / fill_number / _PyUnicode_InsertThousandsGrouping
    // ------------------------------------------------------------------------------------------

    private static void GetLocaleInfo(LocaleType type, out int grouping, out char sep)
    {
        switch (type)
        {
            case LocaleType.Default: grouping = 3; sep = ','; break;
            case LocaleType.Underscore: grouping = 3; sep = '_'; break;
            case LocaleType.UnderFour: grouping = 4; sep = '_'; break;
            default: grouping = 0; sep = '\0'; break; // NoLocale, and the C locale for 'n'
        }
    }

    /// <summary>
    /// Port of _PyUnicode_InsertThousandsGrouping. With <paramref name="dest"/> empty it only counts;
    /// otherwise dest has exactly the counted length and is filled from the right.
    /// </summary>
    private static long InsertThousandsGrouping(Span<char> dest, ReadOnlySpan<char> digits, long minWidth, int grouping, char sep, bool write)
    {
        minWidth = Math.Max(0, minWidth);
        long count = 0;
        bool loopBroken = false;
        bool useSeparator = false;
        long remaining = digits.Length;
        int bufferPos = dest.Length;
        int digitsPos = digits.Length;
        int sepLen = grouping > 0 ? 1 : 0;

        if (grouping > 0)
        {
            while (true)
            {
                long len = Math.Min(grouping, Math.Max(Math.Max(remaining, minWidth), 1));
                long nZeros = Math.Max(0, len - remaining);
                long nChars = Math.Max(0, Math.Min(remaining, len));
                count += (useSeparator ? sepLen : 0) + nZeros + nChars;
                if (write) GroupFill(dest, ref bufferPos, digits, ref digitsPos, nChars, nZeros, useSeparator, sep);
                useSeparator = true;
                remaining -= nChars;
                minWidth -= len;
                if (remaining <= 0 && minWidth <= 0)
                {
                    loopBroken = true;
                    break;
                }
                minWidth -= sepLen;
            }
        }
        if (!loopBroken)
        {
            long len = Math.Max(Math.Max(remaining, minWidth), 1);
            long nZeros = Math.Max(0, len - remaining);
            long nChars = Math.Max(0, Math.Min(remaining, len));
            count += (useSeparator ? sepLen : 0) + nZeros + nChars;
            if (write) GroupFill(dest, ref bufferPos, digits, ref digitsPos, nChars, nZeros, useSeparator && sepLen > 0, sep);
        }
        return count;
    }

    private static void GroupFill(Span<char> dest, ref int bufferPos, ReadOnlySpan<char> digits, ref int digitsPos,
        long nChars, long nZeros, bool useSep, char sep)
    {
        if (useSep)
        {
            bufferPos -= 1;
            dest[bufferPos] = sep;
        }
        bufferPos -= (int)nChars;
        digitsPos -= (int)nChars;
        digits.Slice(digitsPos, (int)nChars).CopyTo(dest.Slice(bufferPos));
        if (nZeros > 0)
        {
            bufferPos -= (int)nZeros;
            dest.Slice(bufferPos, (int)nZeros).Fill('0');
        }
    }

    private static long CalcNumberWidths(out NumberFieldWidths spec, long nPrefix, char signChar,
        ReadOnlySpan<char> intDigits, long nRemainder, bool hasDecimal, LocaleType locale,
        string fill, int align, long width, int signOpt)
    {
        spec = default;
        spec.NDigits = intDigits.Length;
        spec.NPrefix = nPrefix;
        spec.NDecimal = hasDecimal ? 1 : 0;
        spec.NRemainder = nRemainder;

        switch (signOpt)
        {
            case '+':
                spec.NSign = 1;
                spec.Sign = signChar == '-' ? '-' : '+';
                break;
            case ' ':
                spec.NSign = 1;
                spec.Sign = signChar == '-' ? '-' : ' ';
                break;
            default:
                if (signChar == '-')
                {
                    spec.NSign = 1;
                    spec.Sign = '-';
                }
                break;
        }

        long nNonDigitNonPadding = spec.NSign + spec.NPrefix + spec.NDecimal + spec.NRemainder;
        if (fill.Length == 1 && fill[0] == '0' && align == '=')
            spec.NMinWidth = width - nNonDigitNonPadding;
        else
            spec.NMinWidth = 0;

        if (width > Array.MaxLength) throw new OutOfMemoryException(); // CPython: MemoryError
        GetLocaleInfo(locale, out int grouping, out char sep);
        if (spec.NDigits == 0)
            spec.NGroupedDigits = 0;
        else
            spec.NGroupedDigits = InsertThousandsGrouping(Span<char>.Empty, intDigits, spec.NMinWidth, grouping, sep, write: false);

        long nPadding = width - (nNonDigitNonPadding + spec.NGroupedDigits);
        if (nPadding > 0)
        {
            switch (align)
            {
                case '<': spec.NRPadding = nPadding; break;
                case '^':
                    spec.NLPadding = nPadding / 2;
                    spec.NRPadding = nPadding - spec.NLPadding;
                    break;
                case '=': spec.NSPadding = nPadding; break;
                default: spec.NLPadding = nPadding; break; // '>'
            }
        }
        return spec.NLPadding + spec.NSign + spec.NPrefix + spec.NSPadding + spec.NGroupedDigits +
               spec.NDecimal + spec.NRemainder + spec.NRPadding;
    }

    private static void FillNumber(ref Vsb sb, in NumberFieldWidths spec, scoped ReadOnlySpan<char> intDigits,
        scoped ReadOnlySpan<char> remainder, scoped ReadOnlySpan<char> prefix, string fill, LocaleType locale)
    {
        if (spec.NLPadding > 0) sb.AppendRepeat(fill, spec.NLPadding);
        if (spec.NSign == 1) sb.Append(spec.Sign);
        if (spec.NPrefix > 0) sb.Append(prefix);
        if (spec.NSPadding > 0) sb.AppendRepeat(fill, spec.NSPadding);
        if (spec.NDigits != 0)
        {
            GetLocaleInfo(locale, out int grouping, out char sep);
            int start = sb.Length;
            sb.Append('\0', spec.NGroupedDigits);
            Span<char> dest = MakeSpan(ref sb, start, (int)spec.NGroupedDigits);
            InsertThousandsGrouping(dest, intDigits, spec.NMinWidth, grouping, sep, write: true);
        }
        if (spec.NDecimal > 0) sb.Append('.');
        if (spec.NRemainder > 0) sb.Append(remainder);
        if (spec.NRPadding > 0) sb.AppendRepeat(fill, spec.NRPadding);
    }

    private static Span<char> MakeSpan(ref Vsb sb, int start, int length)
    {
        if (length == 0) return Span<char>.Empty;
        return System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref sb[start], length);
    }

    /// <summary>calc_padding</summary>
    private static void CalcPadding(long nchars, long width, int align, out long lpad, out long rpad, out long total)
    {
        if (width > Array.MaxLength) throw new OutOfMemoryException(); // CPython: MemoryError
        if (width >= 0)
            total = nchars > width ? nchars : width;
        else
            total = nchars;
        if (align == '>') lpad = total - nchars;
        else if (align == '^') lpad = (total - nchars) / 2;
        else lpad = 0; // '<' or '='
        rpad = total - nchars - lpad;
    }

    // ------------------------------------------------------------------------------------------
    // strings
    // ------------------------------------------------------------------------------------------

    private static long CodePointLength(string s)
    {
        long n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            n++;
        }
        return n;
    }

    private static int CodePointPrefixUnits(string s, long codePoints)
    {
        int i = 0;
        for (long n = 0; n < codePoints && i < s.Length; n++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i += 2;
            else i++;
        }
        return i;
    }

    private static string FormatStringInternal(string value, in FormatSpec format)
    {
        if (format.Sign != 0)
        {
            if (format.Sign == ' ')
                throw new FormatException("Space not allowed in string format specifier");
            throw new FormatException("Sign not allowed in string format specifier");
        }
        if (format.NoNeg0)
            throw new FormatException("Negative zero coercion (z) not allowed in string format specifier");
        if (format.Alternate)
            throw new FormatException("Alternate form (#) not allowed in string format specifier");
        if (format.Align == '=')
            throw new FormatException("'=' alignment not allowed in string format specifier");

        long len = value.Length;
        bool hasSurrogates = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        if (hasSurrogates) len = CodePointLength(value);

        if ((format.Width == -1 || format.Width <= len) && (format.Precision == -1 || format.Precision >= len))
            return value;

        int units = value.Length;
        if (format.Precision >= 0 && len >= format.Precision)
        {
            len = format.Precision;
            units = hasSurrogates ? CodePointPrefixUnits(value, len) : (int)len;
        }
        CalcPadding(len, format.Width, format.Align, out long lpad, out long rpad, out _);
        Span<char> buf = stackalloc char[128];
        var sb = new Vsb(buf);
        try
        {
            sb.AppendRepeat(format.Fill, lpad);
            sb.Append(value.AsSpan(0, units));
            sb.AppendRepeat(format.Fill, rpad);
            return sb.ToString();
        }
        finally { sb.Dispose(); }
    }

    // ------------------------------------------------------------------------------------------
    // integers
    // ------------------------------------------------------------------------------------------

    private static string FormatIntCore(long value, string spec, string typeName, bool isBool)
    {
        if (spec.Length == 0)
            return isBool ? StrBool(value != 0) : ReprInt(value);
        ulong mag = value < 0 ? (ulong)(-(value + 1)) + 1UL : (ulong)value;
        return FormatIntegerSpec(value < 0, mag, spec, typeName);
    }

    /// <summary>format() of the int -mag (negative) or mag with a non-empty spec; a magnitude also covers uint64.</summary>
    private static string FormatIntegerSpec(bool negative, ulong mag, string spec, string typeName)
    {
        ParseSpec(spec, typeName, 'd', '>', out FormatSpec f);
        switch (f.Type)
        {
            case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
                return FormatLongInternal(negative, mag, in f);
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                double d = mag; // correctly rounded, as int.__float__
                return FormatFloatInternal(negative ? -d : d, in f);
            default:
                throw UnknownPresentationType(f.Type, typeName);
        }
    }

    private static string FormatLongInternal(bool negative, ulong mag, in FormatSpec format)
    {
        if (format.Precision != -1)
            throw new FormatException("Precision not allowed in integer format specifier");
        if (format.NoNeg0)
            throw new FormatException("Negative zero coercion (z) not allowed in integer format specifier");

        Span<char> digitBuf = stackalloc char[72];
        scoped ReadOnlySpan<char> digits;
        scoped ReadOnlySpan<char> remainder = default;
        scoped ReadOnlySpan<char> prefix = default;
        char signChar = '\0';
        long nRemainder = 0;
        long nPrefix = 0;
        string? cText = null;

        if (format.Type == 'c')
        {
            if (format.Sign != 0)
                throw new FormatException("Sign not allowed with integer format specifier 'c'");
            if (format.Alternate)
                throw new FormatException("Alternate form (#) not allowed with integer format specifier 'c'");
            if (!negative && mag > long.MaxValue)
                throw new OverflowException("Python int too large to convert to C long"); // PyLong_AsLong fails first
            if (negative || mag > 0x10ffff)
                throw new OverflowException("%c arg not in range(0x110000)");
            cText = mag <= 0xFFFF ? ((char)mag).ToString() : char.ConvertFromUtf32((int)mag);
            digits = default;
            remainder = cText;
            nRemainder = 1;
        }
        else
        {
            int shift = 0;
            string pfx = "";
            switch (format.Type)
            {
                case 'b': shift = 1; pfx = "0b"; break;
                case 'o': shift = 3; pfx = "0o"; break;
                case 'x': shift = 4; pfx = "0x"; break;
                case 'X': shift = 4; pfx = "0X"; break;
            }
            if (format.Alternate && shift != 0)
            {
                nPrefix = 2;
                prefix = pfx;
            }
            if (negative) signChar = '-';

            int i = digitBuf.Length;
            if (shift == 0)
            {
                do { digitBuf[--i] = (char)('0' + (int)(mag % 10)); mag /= 10; } while (mag != 0);
            }
            else
            {
                ulong mask = (1UL << shift) - 1;
                string hex = format.Type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
                do { digitBuf[--i] = hex[(int)(mag & mask)]; mag >>= shift; } while (mag != 0);
            }
            digits = digitBuf.Slice(i);
        }

        LocaleType locale = format.Type == 'n' ? LocaleType.Current : format.ThousandsSeparators;
        CalcNumberWidths(out NumberFieldWidths spec, nPrefix, signChar, digits, nRemainder, false, locale,
            format.Fill, format.Align, format.Width, format.Sign);

        Span<char> buf = stackalloc char[96];
        var sb = new Vsb(buf);
        try
        {
            FillNumber(ref sb, in spec, digits, remainder, prefix, format.Fill, locale);
            return sb.ToString();
        }
        finally { sb.Dispose(); }
    }

    // ------------------------------------------------------------------------------------------
    // floats
    // ------------------------------------------------------------------------------------------

    /// <summary>parse_number: length of the remainder after the leading digits, and whether it starts with '.'.</summary>
    private static void ParseNumber(ReadOnlySpan<char> s, out int nIntDigits, out long nRemainder, out bool hasDecimal)
    {
        int pos = 0;
        while (pos < s.Length && s[pos] >= '0' && s[pos] <= '9') pos++;
        nIntDigits = pos;
        hasDecimal = pos < s.Length && s[pos] == '.';
        int remainder = hasDecimal ? pos + 1 : pos;
        nRemainder = s.Length - remainder;
    }

    private static string FormatFloatInternal(double val, in FormatSpec format)
    {
        if (format.Precision > int.MaxValue)
            throw new FormatException("precision too big");
        int precision = (int)format.Precision;
        int defaultPrecision = 6;
        int type = format.Type;
        bool addPct = false;
        DtsfFlags flags = DtsfFlags.None;
        if (format.Alternate) flags |= DtsfFlags.Alt;
        if (format.NoNeg0) flags |= DtsfFlags.NoNeg0;

        if (type == 0)
        {
            flags |= DtsfFlags.AddDot0;
            type = 'r';
            defaultPrecision = 0;
        }
        if (type == 'n') type = 'g';
        if (type == '%')
        {
            type = 'f';
            val *= 100;
            addPct = true;
        }
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';

        Span<char> nbuf = stackalloc char[64];
        var num = new Vsb(nbuf);
        Span<char> obuf = stackalloc char[96];
        var sb = new Vsb(obuf);
        try
        {
            AppendDouble(ref num, val, (char)type, precision, flags);
            if (addPct) num.Append('%');

            if (format.Sign != '+' && format.Sign != ' ' && format.Width == -1 && format.Type != 'n' &&
                format.ThousandsSeparators == LocaleType.NoLocale)
            {
                return num.ToString();
            }

            ReadOnlySpan<char> s = num.AsSpan();
            char signChar = '\0';
            if (s.Length > 0 && s[0] == '-')
            {
                signChar = '-';
                s = s.Slice(1);
            }
            ParseNumber(s, out int nInt, out long nRemainder, out bool hasDecimal);
            ReadOnlySpan<char> intDigits = s.Slice(0, nInt);
            ReadOnlySpan<char> remainder = s.Slice(s.Length - (int)nRemainder);
            LocaleType locale = format.Type == 'n' ? LocaleType.Current : format.ThousandsSeparators;
            CalcNumberWidths(out NumberFieldWidths spec, 0, signChar, intDigits, nRemainder, hasDecimal, locale,
                format.Fill, format.Align, format.Width, format.Sign);
            FillNumber(ref sb, in spec, intDigits, remainder, default, format.Fill, locale);
            return sb.ToString();
        }
        finally
        {
            num.Dispose();
            sb.Dispose();
        }
    }

    // ------------------------------------------------------------------------------------------
    // complex
    // ------------------------------------------------------------------------------------------

    private static string FormatComplexInternal(double re, double im, in FormatSpec format)
    {
        if (format.Precision > int.MaxValue)
            throw new FormatException("precision too big");
        int precision = (int)format.Precision;
        int defaultPrecision = 6;
        int type = format.Type;
        bool addParens = false;
        bool skipRe = false;

        if (format.FillIsZero)
            throw new FormatException("Zero padding is not allowed in complex format specifier");
        if (format.Align == '=')
            throw new FormatException("'=' alignment flag is not allowed in complex format specifier");

        DtsfFlags flags = DtsfFlags.None;
        if (format.Alternate) flags |= DtsfFlags.Alt;
        if (format.NoNeg0) flags |= DtsfFlags.NoNeg0;

        if (type == 0)
        {
            type = 'r';
            defaultPrecision = 0;
            if (re == 0.0 && !double.IsNegative(re)) skipRe = true;
            else addParens = true;
        }
        if (type == 'n') type = 'g';
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';

        Span<char> rbuf = stackalloc char[48];
        var reB = new Vsb(rbuf);
        Span<char> ibuf = stackalloc char[48];
        var imB = new Vsb(ibuf);
        Span<char> obuf = stackalloc char[112];
        var sb = new Vsb(obuf);
        try
        {
            AppendDouble(ref reB, re, (char)type, precision, flags);
            AppendDouble(ref imB, im, (char)type, precision, flags);

            ReadOnlySpan<char> rs = reB.AsSpan();
            ReadOnlySpan<char> ims = imB.AsSpan();
            char reSign = '\0', imSign = '\0';
            if (rs.Length > 0 && rs[0] == '-') { reSign = '-'; rs = rs.Slice(1); }
            if (ims.Length > 0 && ims[0] == '-') { imSign = '-'; ims = ims.Slice(1); }

            ParseNumber(rs, out int reInt, out long reRem, out bool reDec);
            ParseNumber(ims, out int imInt, out long imRem, out bool imDec);
            LocaleType locale = format.Type == 'n' ? LocaleType.Current : format.ThousandsSeparators;

            // padding is turned off for the parts: fill '\0', align '<', width -1
            long nReTotal = CalcNumberWidths(out NumberFieldWidths reSpec, 0, reSign, rs.Slice(0, reInt), reRem, reDec,
                locale, "\0", '<', -1, format.Sign);
            int imSignOpt = skipRe ? format.Sign : '+';
            long nImTotal = CalcNumberWidths(out NumberFieldWidths imSpec, 0, imSign, ims.Slice(0, imInt), imRem, imDec,
                locale, "\0", '<', -1, imSignOpt);
            if (skipRe) nReTotal = 0;

            long nchars = nReTotal + nImTotal + 1 + (addParens ? 2 : 0);
            CalcPadding(nchars, format.Width, format.Align, out long lpad, out long rpad, out _);

            sb.AppendRepeat(format.Fill, lpad);
            if (addParens) sb.Append('(');
            if (!skipRe)
                FillNumber(ref sb, in reSpec, rs.Slice(0, reInt), rs.Slice(rs.Length - (int)reRem), default, "\0", locale);
            FillNumber(ref sb, in imSpec, ims.Slice(0, imInt), ims.Slice(ims.Length - (int)imRem), default, "\0", locale);
            sb.Append('j');
            if (addParens) sb.Append(')');
            sb.AppendRepeat(format.Fill, rpad);
            return sb.ToString();
        }
        finally
        {
            reB.Dispose();
            imB.Dispose();
            sb.Dispose();
        }
    }
}
