using System.Globalization;
using System.Numerics;
using System.Text;

namespace SharpJit.Syntax;

/// <summary>Values of number and string literals. Errors are thrown as <see cref="FormatException"/> with CPython's message.</summary>
public static class Literals
{
    /// <summary>Value of a NUMBER token: long, BigInteger, double or Complex (imaginary literals).</summary>
    public static object ParseNumber(string text)
    {
        if (text.IndexOf('_') >= 0) text = text.Replace("_", "");
        char last = text[^1];
        if (last is 'j' or 'J')
            return new Complex(0, ParseFloat(text[..^1]));
        if (text.Length > 1 && text[0] == '0' && char.ToLowerInvariant(text[1]) is 'x' or 'o' or 'b')
        {
            int radix = char.ToLowerInvariant(text[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            return ParseRadix(text.AsSpan(2), radix);
        }
        foreach (char c in text)
            if (c is '.' or 'e' or 'E') return ParseFloat(text);
        if (text.Length <= 18) return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        var big = BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : big;
    }

    private static double ParseFloat(string text) =>
        double.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static object ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        BigInteger big = BigInteger.Zero;
        long small = 0;
        bool isBig = false;
        foreach (char c in digits)
        {
            int d = c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a' + 10);
            if (!isBig)
            {
                if (small > (long.MaxValue - d) / radix) { isBig = true; big = small; }
                else { small = small * radix + d; continue; }
            }
            big = big * radix + d;
        }
        return isBig ? big : (object)small;
    }

    internal static int PrefixLength(string tokenText)
    {
        int i = 0;
        while (i < tokenText.Length && tokenText[i] != '\'' && tokenText[i] != '"') i++;
        return i;
    }

    internal static bool IsBytesPrefix(string tokenText)
    {
        int n = PrefixLength(tokenText);
        for (int i = 0; i < n; i++) if (tokenText[i] is 'b' or 'B') return true;
        return false;
    }

    /// <summary>CPython gives a string Constant kind 'u' when its first literal starts with a lowercase 'u' prefix.</summary>
    internal static bool HasUPrefix(string tokenText) => tokenText.Length > 0 && tokenText[0] == 'u';

    /// <summary>Value of a STRING token (prefix and quotes included): a string, or a byte[] for b-prefixed literals.</summary>
    public static object DecodeStringLiteral(string tokenText, out bool isBytes)
    {
        int pl = PrefixLength(tokenText);
        bool raw = false;
        isBytes = false;
        for (int i = 0; i < pl; i++)
        {
            char c = char.ToLowerInvariant(tokenText[i]);
            if (c == 'r') raw = true;
            else if (c == 'b') isBytes = true;
        }
        char q = tokenText[pl];
        int ql = tokenText.Length - pl >= 6 && tokenText[pl + 1] == q && tokenText[pl + 2] == q ? 3 : 1;
        int start = pl + ql, end = tokenText.Length - ql;
        if (isBytes) return DecodeBytes(tokenText, start, end, raw);
        return DecodeStr(tokenText, start, end, raw, fstring: false);
    }

    /// <summary>Literal text of an f-string (FSTRING_MIDDLE): escapes (unless raw) and doubled braces.</summary>
    public static string DecodeFStringText(string text, bool raw) => DecodeStr(text, 0, text.Length, raw, fstring: true);

    private static string DecodeStr(string s, int start, int end, bool raw, bool fstring)
    {
        // fast path: nothing to decode
        bool simple = true;
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c == '\\' || c == '\r' || (fstring && (c == '{' || c == '}'))) { simple = false; break; }
        }
        if (simple) return s.Substring(start, end - start);

        var sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < end && s[i + 1] == '\n') i++;
                continue;
            }
            if (fstring && (c == '{' || c == '}'))
            {
                sb.Append(c);
                if (i + 1 < end && s[i + 1] == c) i++;
                continue;
            }
            if (c != '\\' || raw)
            {
                sb.Append(c);
                continue;
            }
            if (i + 1 >= end) { sb.Append('\\'); continue; }
            char d = s[++i];
            switch (d)
            {
                case '\n': break;
                case '\r': if (i + 1 < end && s[i + 1] == '\n') i++; break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                    {
                        int v = d - '0';
                        for (int k = 0; k < 2 && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '7'; k++) v = v * 8 + (s[++i] - '0');
                        AppendCodePoint(sb, v);
                        break;
                    }
                case 'x':
                case 'u':
                case 'U':
                    {
                        int n = d == 'x' ? 2 : d == 'u' ? 4 : 8;
                        int v = 0, k = 0;
                        int escStart = i - 1;
                        for (; k < n && i + 1 < end && Uri.IsHexDigit(s[i + 1]); k++) v = v * 16 + HexVal(s[++i]);
                        if (k < n)
                        {
                            string what = d == 'x' ? "truncated \\xXX escape" : d == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                            throw new FormatException($"(unicode error) 'unicodeescape' codec can't decode bytes in position {BytePos(s, start, escStart)}-{BytePos(s, start, i)}: {what}");
                        }
                        if (v > 0x10FFFF)
                            throw new FormatException($"(unicode error) 'unicodeescape' codec can't decode bytes in position {BytePos(s, start, escStart)}-{BytePos(s, start, i)}: illegal Unicode character");
                        AppendCodePoint(sb, v);
                        break;
                    }
                case 'N':
                    {
                        int close = i + 1 < end && s[i + 1] == '{' ? s.IndexOf('}', i + 2) : -1;
                        if (close < 0 || close >= end)
                            throw new FormatException($"(unicode error) 'unicodeescape' codec can't decode bytes in position {BytePos(s, start, i - 1)}-{BytePos(s, start, Math.Min(i + 1, end - 1))}: malformed \\N character escape");
                        string name = s.Substring(i + 2, close - i - 2);
                        int cp = UnicodeNames.Lookup(name);
                        if (cp >= 0) AppendCodePoint(sb, cp);
                        else sb.Append("\\N{").Append(name).Append('}'); // unknown to our small table: keep the escape text
                        i = close;
                        break;
                    }
                default:
                    sb.Append('\\').Append(d);
                    break;
            }
        }
        return sb.ToString();
    }

    private static int BytePos(string s, int start, int i) => Encoding.UTF8.GetByteCount(s.AsSpan(start, i - start));

    private static int HexVal(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendCodePoint(StringBuilder sb, int v)
    {
        if (v < 0x10000) sb.Append((char)v);
        else sb.Append(char.ConvertFromUtf32(v));
    }

    private static byte[] DecodeBytes(string s, int start, int end, bool raw)
    {
        var list = new List<byte>(end - start);
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c >= 128) throw new FormatException("bytes can only contain ASCII literal characters");
            if (c == '\r')
            {
                list.Add((byte)'\n');
                if (i + 1 < end && s[i + 1] == '\n') i++;
                continue;
            }
            if (c != '\\' || raw) { list.Add((byte)c); continue; }
            if (i + 1 >= end) { list.Add((byte)'\\'); continue; }
            char d = s[++i];
            switch (d)
            {
                case '\n': break;
                case '\r': if (i + 1 < end && s[i + 1] == '\n') i++; break;
                case '\\': list.Add((byte)'\\'); break;
                case '\'': list.Add((byte)'\''); break;
                case '"': list.Add((byte)'"'); break;
                case 'a': list.Add(7); break;
                case 'b': list.Add(8); break;
                case 'f': list.Add(12); break;
                case 'n': list.Add(10); break;
                case 'r': list.Add(13); break;
                case 't': list.Add(9); break;
                case 'v': list.Add(11); break;
                case >= '0' and <= '7':
                    {
                        int v = d - '0';
                        for (int k = 0; k < 2 && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '7'; k++) v = v * 8 + (s[++i] - '0');
                        list.Add((byte)(v & 0xFF));
                        break;
                    }
                case 'x':
                    {
                        if (i + 2 < end && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
                        {
                            list.Add((byte)(HexVal(s[i + 1]) * 16 + HexVal(s[i + 2])));
                            i += 2;
                        }
                        else throw new FormatException($"(value error) invalid \\x escape at position {i - 1 - start}");
                        break;
                    }
                default:
                    list.Add((byte)'\\');
                    if (d >= 128) throw new FormatException("bytes can only contain ASCII literal characters");
                    list.Add((byte)d);
                    break;
            }
        }
        return list.ToArray();
    }
}
