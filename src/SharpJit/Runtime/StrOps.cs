using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SharpJit.Runtime;

/// <summary>
/// The str operations compiled code calls (Library/Strings.cs types them). Strings are NUL-terminated UTF-8 behind a
/// count (<see cref="RuntimeStrings"/>); indices, lengths and slices count code points, as CPython's str does. UTF-8
/// is self-synchronising, so substring search works on the bytes. A helper that can raise and returns a str gives
/// <see cref="Failed"/> with the exception set.
/// </summary>
public static unsafe class StrOps
{
    /// <summary>Returned instead of a str when an exception was set: never the address of a string.</summary>
    public static readonly byte* Failed = (byte*)1;

    private static readonly byte* Empty = RuntimeStrings.AllocateImmortal("");
    /// <summary>One-character ASCII strings are shared and never freed: iterating and indexing allocate nothing.</summary>
    private static readonly nint[] AsciiChars = Enumerable.Range(0, 128).Select(c => (nint)RuntimeStrings.AllocateImmortal(((char)c).ToString())).ToArray();

    private static ReadOnlySpan<byte> Bytes(byte* s) => RuntimeStrings.StrSpan(s);
    private static byte* Make(ReadOnlySpan<byte> utf8, SmallBlocks.FreeLists? lists = null)
    {
        if (utf8.Length == 0) return Empty;
        if (utf8.Length == 1 && utf8[0] < 128) return (byte*)AsciiChars[utf8[0]];
        return RuntimeStrings.AllocateUtf8(utf8, lists);
    }
    private static byte* Make(string s) => s.Length == 0 ? Empty : s.Length == 1 && s[0] < 128 ? (byte*)AsciiChars[s[0]] : RuntimeStrings.Allocate(s);
    private static string Text(byte* s) => RuntimeStrings.Read(s);

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    /// <summary>The number of code points.</summary>
    public static long CodePoints(ReadOnlySpan<byte> u)
    {
        if (System.Text.Ascii.IsValid(u)) return u.Length;   // vectorised: len() of a long ASCII str
        long n = 0;
        foreach (var b in u) if (!IsContinuation(b)) n++;
        return n;
    }

    /// <summary>The byte offset of code point k (k may be the length: the end).</summary>
    private static int ByteOffset(ReadOnlySpan<byte> u, long k)
    {
        if (k <= 0) return 0;
        long seen = 0;
        for (int i = 0; i < u.Length; i++)
            if (!IsContinuation(u[i]) && seen++ == k) return i;
        return u.Length;
    }

    private static Rune[] Runes(byte* s)
    {
        var u = Bytes(s);
        var list = new List<Rune>(u.Length);
        while (!u.IsEmpty) { Rune.DecodeFromUtf8(u, out var r, out int n); list.Add(r); u = u[n..]; }
        return list.ToArray();
    }

    private static byte* FromRunes(IEnumerable<Rune> runes)
    {
        var sb = new StringBuilder();
        foreach (var r in runes) sb.Append(r.ToString());
        return Make(sb.ToString());
    }

    /// <summary>CPython's PySlice_AdjustIndices for start and end arguments of find/count/startswith (None is absent).</summary>
    private static (long Start, long End) Clamp(long start, long end, long length)
    {
        if (end > length) end = length;
        else if (end < 0) { end += length; if (end < 0) end = 0; }
        if (start < 0) { start += length; if (start < 0) start = 0; }
        return (start, end);
    }

    // ------------------------------------------------------------------ indexing, slicing, iteration

    [RuntimeHelper("sj_str_len"), UnmanagedCallersOnly] public static long Length(byte* s) => CodePoints(Bytes(s));
    [RuntimeHelper("sj_str_nbytes"), UnmanagedCallersOnly] public static long ByteLength(byte* s) => Bytes(s).Length;

    /// <summary>s[i]: IndexError when out of range.</summary>
    [RuntimeHelper("sj_str_getitem"), UnmanagedCallersOnly]
    public static byte* GetItem(byte* s, long i)
    {
        var u = Bytes(s);
        long n = CodePoints(u);
        if (i < 0) i += n;
        if (i < 0 || i >= n) { ErrorState.Set("IndexError", "string index out of range"); return Failed; }
        int at = n == u.Length ? (int)i : ByteOffset(u, i);
        return CharAt(u, at);
    }

    private static byte* CharAt(ReadOnlySpan<byte> u, int at)
    {
        int len = 1;
        while (at + len < u.Length && IsContinuation(u[at + len])) len++;
        return Make(u.Slice(at, len));
    }

    /// <summary>The character at a byte offset (iteration; the offset is at a character's first byte).</summary>
    [RuntimeHelper("sj_str_char_at"), UnmanagedCallersOnly] public static byte* CharAtOffset(byte* s, long offset) => CharAt(Bytes(s), (int)offset);

    /// <summary>Where the character ending at a byte offset starts (reversed iteration).</summary>
    [RuntimeHelper("sj_str_prev_offset"), UnmanagedCallersOnly] public static long PreviousOffset(byte* s, long end) => PreviousStart(Bytes(s), (int)end);
    /// <summary>The character ending at a byte offset.</summary>
    [RuntimeHelper("sj_str_char_before"), UnmanagedCallersOnly] public static byte* CharBefore(byte* s, long end) => CharAt(Bytes(s), PreviousStart(Bytes(s), (int)end));

    private static int PreviousStart(ReadOnlySpan<byte> u, int end)
    {
        int at = end - 1;
        while (at > 0 && IsContinuation(u[at])) at--;
        return at;
    }

    /// <summary>s[start:stop:step]; flags: 1 start given, 2 stop given, 4 step given.</summary>
    [RuntimeHelper("sj_str_slice"), UnmanagedCallersOnly]
    public static byte* Slice(byte* s, long start, long stop, long step, int flags)
    {
        if ((flags & 4) == 0) step = 1;
        if (step == 0) { ErrorState.Set("ValueError", "slice step cannot be zero"); return Failed; }
        var u = Bytes(s);
        long n = CodePoints(u);
        long lo = step < 0 ? -1 : 0, hi = step < 0 ? n - 1 : n;
        long Adjust(long v, long dflt, bool given)
        {
            if (!given) return dflt;
            if (v < 0) { v += n; if (v < lo) v = lo; }
            else if (v > hi) v = hi;
            return v;
        }
        start = Adjust(start, step < 0 ? hi : lo, (flags & 1) != 0);
        stop = Adjust(stop, step < 0 ? lo : hi, (flags & 2) != 0);
        if (step == 1)
        {
            if (stop <= start) return Empty;
            if (n == u.Length) return Make(u[(int)start..(int)stop]);
            int a = ByteOffset(u, start), b = ByteOffset(u, stop);
            return Make(u[a..b]);
        }
        var runes = Runes(s);
        var picked = new List<Rune>();
        for (long k = start; step > 0 ? k < stop : k > stop; k += step) picked.Add(runes[k]);
        return FromRunes(picked);
    }

    [RuntimeHelper("sj_str_contains"), UnmanagedCallersOnly] public static int Contains(byte* s, byte* sub) => Bytes(s).IndexOf(Bytes(sub)) >= 0 ? 1 : 0;

    /// <summary>Code point order, which is UTF-8 byte order.</summary>
    [RuntimeHelper("sj_str_cmp"), UnmanagedCallersOnly] public static int Compare(byte* a, byte* b) => Math.Sign(Bytes(a).SequenceCompareTo(Bytes(b)));

    [RuntimeHelper("sj_str_repeat"), UnmanagedCallersOnly]
    public static byte* Repeat(byte* s, long n)
    {
        var u = Bytes(s);
        if (n <= 0 || u.Length == 0) return Empty;
        if (n == 1) { RuntimeStrings.Retain(s); return s; }
        if (n > (int.MaxValue - 64) / u.Length) { ErrorState.Set("MemoryError", "the repeated string is too long for compiled code"); return Failed; }
        var buffer = new byte[u.Length * n];
        for (long k = 0; k < n; k++) u.CopyTo(buffer.AsSpan((int)(k * u.Length)));
        return Make(buffer);
    }

    // ------------------------------------------------------------------ ord, chr, int(s), float(s)

    [RuntimeHelper("sj_str_ord"), UnmanagedCallersOnly]
    public static int Ord(byte* s, long* result)
    {
        var u = Bytes(s);
        long n = CodePoints(u);
        if (n != 1) { ErrorState.Set("TypeError", $"ord() expected a character, but string of length {n} found"); return 1; }
        Rune.DecodeFromUtf8(u, out var r, out _);
        *result = r.Value;
        return 0;
    }

    [RuntimeHelper("sj_str_chr"), UnmanagedCallersOnly]
    public static byte* Chr(long c)
    {
        if (c < 0 || c > 0x10FFFF) { ErrorState.Set("ValueError", "chr() arg not in range(0x110000)"); return Failed; }
        if (c == 0) { ErrorState.Set("ValueError", "chr(0): compiled strings cannot hold a NUL character"); return Failed; }
        if (c is >= 0xD800 and <= 0xDFFF) { ErrorState.Set("ValueError", $"chr({c}) is a lone surrogate, which compiled strings (UTF-8) cannot hold"); return Failed; }
        return Make(char.ConvertFromUtf32((int)c));
    }

    /// <summary>CPython's whitespace (str.isspace, str.split() and strip() with no argument, int() and float()).</summary>
    public static bool IsSpace(Rune r) => r.Value is (>= 0x09 and <= 0x0D) or (>= 0x1C and <= 0x20) or 0x85 or 0xA0 || Rune.IsWhiteSpace(r);

    /// <summary>Whitespace is all in the basic plane: half of a surrogate pair is not (and is no Rune).</summary>
    private static bool IsSpaceChar(char c) => !char.IsSurrogate(c) && IsSpace(new Rune(c));

    private static string StripSpace(string s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsSpaceChar(s[a])) a++;
        while (b > a && IsSpaceChar(s[b - 1])) b--;
        return s[a..b];
    }

    /// <summary>int(s, base): CPython's grammar (sign, underscores between digits, 0x/0o/0b prefixes, Unicode digits).</summary>
    [RuntimeHelper("sj_str_to_int"), UnmanagedCallersOnly]
    public static int ToInt(byte* s, long numberBase, long* result)
    {
        if (numberBase != 0 && (numberBase < 2 || numberBase > 36)) { ErrorState.Set("ValueError", "int() base must be >= 2 and <= 36, or 0"); return 1; }
        string original = Text(s);
        if (!TryParseInt(StripSpace(original), (int)numberBase, out var value, out bool overflow))
        {
            if (overflow) ErrorState.Set("OverflowError", "int too large to convert to int64");
            else ErrorState.Set("ValueError", $"invalid literal for int() with base {numberBase}: {PyStr.Repr(original)}");
            return 1;
        }
        *result = value;
        return 0;
    }

    private static bool TryParseInt(string t, int numberBase, out long value, out bool overflow)
    {
        value = 0; overflow = false;
        int i = 0;
        bool negative = false;
        if (i < t.Length && (t[i] == '+' || t[i] == '-')) negative = t[i++] == '-';
        if (numberBase is 0 or 16 or 8 or 2 && i + 1 < t.Length && t[i] == '0' && char.ToLowerInvariant(t[i + 1]) is var p && (p == 'x' && numberBase is 0 or 16 || p == 'o' && numberBase is 0 or 8 || p == 'b' && numberBase is 0 or 2))
        {
            numberBase = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            i += 2;
            if (i < t.Length && t[i] == '_') i++;   // 0x_ff
        }
        else if (numberBase == 0)
        {
            // Base 0 without a prefix is decimal, and a nonzero number may not start with 0.
            numberBase = 10;
            var digits = t[i..].Replace("_", "");
            if (digits.Length > 1 && digits[0] == '0' && digits.Any(c => c != '0')) return false;
        }
        if (i >= t.Length) return false;
        System.Numerics.BigInteger acc = 0;
        bool lastWasDigit = false;
        for (; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '_') { if (!lastWasDigit) return false; lastWasDigit = false; continue; }
            int d = char.IsDigit(c) ? (int)char.GetNumericValue(c) : c is >= 'a' and <= 'z' ? c - 'a' + 10 : c is >= 'A' and <= 'Z' ? c - 'A' + 10 : 99;
            if (d < 0 || d >= numberBase) return false;
            acc = acc * numberBase + d;
            lastWasDigit = true;
        }
        if (!lastWasDigit) return false;
        if (negative) acc = -acc;
        if (acc < long.MinValue || acc > long.MaxValue) { overflow = true; return false; }
        value = (long)acc;
        return true;
    }

    [RuntimeHelper("sj_str_to_float"), UnmanagedCallersOnly]
    public static int ToFloat(byte* s, double* result)
    {
        string original = Text(s);
        if (!TryParseFloat(StripSpace(original), out var value))
        {
            ErrorState.Set("ValueError", $"could not convert string to float: {PyStr.Repr(original)}");
            return 1;
        }
        *result = value;
        return 0;
    }

    private static bool TryParseFloat(string t, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (i < t.Length && (t[i] == '+' || t[i] == '-')) negative = t[i++] == '-';
        string rest = t[i..].ToLowerInvariant();
        if (rest is "inf" or "infinity") { value = negative ? double.NegativeInfinity : double.PositiveInfinity; return true; }
        if (rest == "nan") { value = double.NaN; return true; }
        // digits with single underscores between them, an optional fraction and exponent
        var b = new StringBuilder();
        int k = 0, mantissaDigits = 0;
        bool Digits(bool required)
        {
            int start = b.Length;
            while (k < rest.Length)
            {
                char c = rest[k];
                if (c is >= '0' and <= '9' || char.IsDigit(c)) { b.Append((char)('0' + (int)char.GetNumericValue(c))); k++; }
                else if (c == '_' && b.Length > start && k + 1 < rest.Length && char.IsDigit(rest[k + 1])) k++;
                else break;
            }
            return !required || b.Length > start;
        }
        int before = b.Length; Digits(false); mantissaDigits += b.Length - before;
        if (k < rest.Length && rest[k] == '.') { b.Append('.'); k++; before = b.Length; Digits(false); mantissaDigits += b.Length - before; }
        if (mantissaDigits == 0) return false;
        if (k < rest.Length && rest[k] == 'e')
        {
            b.Append('e'); k++;
            if (k < rest.Length && (rest[k] == '+' || rest[k] == '-')) b.Append(rest[k++]);
            if (!Digits(true)) return false;
        }
        if (k != rest.Length) return false;
        value = double.Parse(b.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (negative) value = -value;
        return true;
    }

    // ------------------------------------------------------------------ methods

    /// <summary>upper, lower, swapcase, title, capitalize, casefold (kinds 0–5), with the special casings that change
    /// a string's length (ß → SS, ligatures).</summary>
    [RuntimeHelper("sj_str_case"), UnmanagedCallersOnly]
    public static byte* Case(byte* s, int kind)
    {
        var sb = new StringBuilder();
        bool previousCased = false;
        var runes = Runes(s);
        for (int k = 0; k < runes.Length; k++)
        {
            var r = runes[k];
            string Lowered() => r.Value == 0x3A3 && IsFinalSigma(runes, k) ? "\u03C2" : Lower(r);
            string mapped = kind switch
            {
                0 => Upper(r),
                1 => Lowered(),
                2 => Rune.IsUpper(r) ? Lowered() : Rune.IsLower(r) ? Upper(r) : r.ToString(),
                3 => previousCased ? Lowered() : TitleOf(r),
                4 => k == 0 ? TitleOf(r) : Lowered(),
                _ => r.Value == 0xDF ? "ss" : Lower(r),
            };
            sb.Append(mapped);
            previousCased = IsCased(r);
        }
        return Make(sb.ToString());
    }

    /// <summary>Σ lowers to ς at the end of a word: after a cased letter and not before one (case-ignorable
    /// characters such as apostrophes are skipped both ways), as CPython's lower() decides.</summary>
    private static bool IsFinalSigma(Rune[] runes, int k)
    {
        int j = k - 1;
        while (j >= 0 && IsCaseIgnorable(runes[j])) j--;
        if (j < 0 || !IsCased(runes[j])) return false;
        j = k + 1;
        while (j < runes.Length && IsCaseIgnorable(runes[j])) j++;
        return j == runes.Length || !IsCased(runes[j]);
    }

    private static bool IsCaseIgnorable(Rune r) => r.Value is '\'' or '.' or ':' or '^' or '`' or 0xAD or 0xB7 or 0x2019
        || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    private static bool IsCased(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static readonly Dictionary<int, string> SpecialUpper = new()
    {
        [0xDF] = "SS", [0xFB00] = "FF", [0xFB01] = "FI", [0xFB02] = "FL", [0xFB03] = "FFI", [0xFB04] = "FFL", [0xFB05] = "ST", [0xFB06] = "ST",
        [0x149] = "\u02BCN", [0x1F0] = "J\u030C", [0x390] = "\u0399\u0308\u0301", [0x3B0] = "\u03A5\u0308\u0301", [0x587] = "\u0535\u0552",
    };
    private static readonly Dictionary<int, string> SpecialTitle = new()
    {
        [0xDF] = "Ss", [0xFB00] = "Ff", [0xFB01] = "Fi", [0xFB02] = "Fl", [0xFB03] = "Ffi", [0xFB04] = "Ffl", [0xFB05] = "St", [0xFB06] = "St",
        [0x149] = "\u02BCN", [0x1F0] = "J\u030C", [0x587] = "\u0535\u0582",
    };

    private static string Upper(Rune r) => SpecialUpper.TryGetValue(r.Value, out var s) ? s : Rune.ToUpperInvariant(r).ToString();
    private static string Lower(Rune r) => r.Value == 0x130 ? "i\u0307" : Rune.ToLowerInvariant(r).ToString();
    private static string TitleOf(Rune r)
    {
        if (SpecialTitle.TryGetValue(r.Value, out var s)) return s;
        // The four digraphs with a title case of their own (Dž, Lj, Nj, Dz); every other letter's is its upper case.
        return r.Value switch
        {
            0x1C4 or 0x1C5 or 0x1C6 => "\u01C5", 0x1C7 or 0x1C8 or 0x1C9 => "\u01C8",
            0x1CA or 0x1CB or 0x1CC => "\u01CB", 0x1F1 or 0x1F2 or 0x1F3 => "\u01F2",
            _ => Rune.ToUpperInvariant(r).ToString(),
        };
    }

    /// <summary>strip/lstrip/rstrip; which: 1 left, 2 right, 3 both; 4 added when chars were given (else whitespace).</summary>
    [RuntimeHelper("sj_str_strip"), UnmanagedCallersOnly]
    public static byte* Strip(byte* s, byte* chars, int which)
    {
        var runes = Runes(s);
        var set = (which & 4) != 0 ? Runes(chars).Select(r => r.Value).ToHashSet() : null;
        bool Strippable(Rune r) => set?.Contains(r.Value) ?? IsSpace(r);
        int a = 0, b = runes.Length;
        if ((which & 1) != 0) while (a < b && Strippable(runes[a])) a++;
        if ((which & 2) != 0) while (b > a && Strippable(runes[b - 1])) b--;
        if (a == 0 && b == runes.Length) { RuntimeStrings.Retain(s); return s; }
        return FromRunes(runes[a..b]);
    }

    /// <summary>startswith (kind 0) / endswith (kind 1) of s[start:end].</summary>
    [RuntimeHelper("sj_str_startsends"), UnmanagedCallersOnly]
    public static int StartsOrEnds(byte* s, byte* affix, long start, long end, int kind)
    {
        var u = Bytes(s);
        long n = CodePoints(u);
        (start, end) = Clamp(start, end, n);
        if (end - CodePoints(Bytes(affix)) < start) return 0;   // CPython's tailmatch (so "".startswith("", 1) is False)
        var part = u[ByteOffset(u, start)..ByteOffset(u, end)];
        return (kind == 0 ? part.StartsWith(Bytes(affix)) : part.EndsWith(Bytes(affix))) ? 1 : 0;
    }

    /// <summary>find (0), rfind (1) and count (2) of sub in s[start:end]; indices in code points.</summary>
    [RuntimeHelper("sj_str_find"), UnmanagedCallersOnly]
    public static long Find(byte* s, byte* sub, long start, long end, int kind)
    {
        var u = Bytes(s);
        var needle = Bytes(sub);
        long n = CodePoints(u);
        (start, end) = Clamp(start, end, n);
        if (kind == 2)
        {
            if (end < start || start > n) return 0;
            if (needle.Length == 0) return end - start + 1;
        }
        else if (end - start < CodePoints(needle) || start > n) return -1;
        int a = ByteOffset(u, start), b = ByteOffset(u, end);
        var part = u[a..b];
        if (kind == 2)
        {
            long count = 0;
            for (int at = part.IndexOf(needle); at >= 0; )
            {
                count++;
                part = part[(at + needle.Length)..];
                at = part.IndexOf(needle);
            }
            return count;
        }
        if (needle.Length == 0) return kind == 0 ? start : end;
        int found = kind == 0 ? part.IndexOf(needle) : part.LastIndexOf(needle);
        return found < 0 ? -1 : start + CodePoints(part[..found]);
    }

    /// <summary>s.replace(old, new, count) (count &lt; 0: all); an empty old inserts new around every character.</summary>
    [RuntimeHelper("sj_str_replace"), UnmanagedCallersOnly]
    public static byte* Replace(byte* s, byte* old, byte* replacement, long count)
    {
        var u = Bytes(s); var o = Bytes(old); var r = Bytes(replacement);
        if (count < 0) count = long.MaxValue;
        var output = new List<byte>(u.Length);
        if (o.Length == 0)
        {
            long done = 0;
            int i = 0;
            while (true)
            {
                if (done < count) { output.AddRange(r.ToArray()); done++; }
                if (i >= u.Length) break;
                int len = 1;
                while (i + len < u.Length && IsContinuation(u[i + len])) len++;
                output.AddRange(u.Slice(i, len).ToArray());
                i += len;
            }
            return Make(output.ToArray());
        }
        long replaced = 0;
        while (replaced < count)
        {
            int at = u.IndexOf(o);
            if (at < 0) break;
            output.AddRange(u[..at].ToArray());
            output.AddRange(r.ToArray());
            u = u[(at + o.Length)..];
            replaced++;
        }
        output.AddRange(u.ToArray());
        return Make(output.ToArray());
    }

    /// <summary>ljust (0), rjust (1), center (2) to width, padded with one fill character.</summary>
    [RuntimeHelper("sj_str_pad"), UnmanagedCallersOnly]
    public static byte* Pad(byte* s, long width, byte* fill, int kind)
    {
        var f = Bytes(fill);
        if (CodePoints(f) != 1) { ErrorState.Set("TypeError", "The fill character must be exactly one character long"); return Failed; }
        var u = Bytes(s);
        long n = CodePoints(u);
        if (width <= n) { RuntimeStrings.Retain(s); return s; }
        if (width - n > int.MaxValue / 8) { ErrorState.Set("MemoryError", "the padded string is too long for compiled code"); return Failed; }
        long margin = width - n;
        long left = kind switch { 0 => 0, 1 => margin, _ => margin / 2 + (margin & width & 1) };
        var output = new List<byte>();
        for (long k = 0; k < left; k++) output.AddRange(f.ToArray());
        output.AddRange(u.ToArray());
        for (long k = 0; k < margin - left; k++) output.AddRange(f.ToArray());
        return Make(output.ToArray());
    }

    [RuntimeHelper("sj_str_zfill"), UnmanagedCallersOnly]
    public static byte* Zfill(byte* s, long width)
    {
        string t = Text(s);
        long n = CodePoints(Bytes(s));
        if (width <= n) { RuntimeStrings.Retain(s); return s; }
        if (width - n > int.MaxValue / 8) { ErrorState.Set("MemoryError", "the padded string is too long for compiled code"); return Failed; }
        string zeros = new('0', (int)(width - n));
        return Make(t.Length > 0 && (t[0] == '+' || t[0] == '-') ? t[0] + zeros + t[1..] : zeros + t);
    }

    /// <summary>isdigit 0, isalpha 1, isalnum 2, isspace 3, isupper 4, islower 5, isdecimal 6, isnumeric 7,
    /// istitle 8, isascii 9, isidentifier 10, isprintable 11.</summary>
    [RuntimeHelper("sj_str_is"), UnmanagedCallersOnly]
    public static int Is(byte* s, int kind)
    {
        var runes = Runes(s);
        if (kind == 9) return Bytes(s).IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0 ? 1 : 0;
        if (kind == 11) return runes.All(IsPrintable) ? 1 : 0;
        if (runes.Length == 0) return 0;
        switch (kind)
        {
            case 4: return runes.Any(IsCased) && !runes.Any(r => Rune.IsLower(r) || Rune.GetUnicodeCategory(r) == UnicodeCategory.TitlecaseLetter) ? 1 : 0;
            case 5: return runes.Any(IsCased) && !runes.Any(r => Rune.IsUpper(r) || Rune.GetUnicodeCategory(r) == UnicodeCategory.TitlecaseLetter) ? 1 : 0;
            case 8:
            {
                bool previousCased = false, any = false;
                foreach (var r in runes)
                {
                    var cat = Rune.GetUnicodeCategory(r);
                    if (cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter) { if (previousCased) return 0; previousCased = true; any = true; }
                    else if (cat == UnicodeCategory.LowercaseLetter) { if (!previousCased) return 0; previousCased = true; any = true; }
                    else previousCased = false;
                }
                return any ? 1 : 0;
            }
            case 10:
                return (runes[0].Value == '_' || IsIdentifierStart(runes[0])) && runes.Skip(1).All(r => r.Value == '_' || IsIdentifierStart(r) || IsIdentifierPart(r)) ? 1 : 0;
        }
        Func<Rune, bool> test = kind switch
        {
            0 => IsDigit,
            1 => IsAlpha,
            2 => r => IsAlpha(r) || IsNumeric(r),
            3 => IsSpace,
            6 => r => Rune.GetUnicodeCategory(r) == UnicodeCategory.DecimalDigitNumber,
            _ => IsNumeric,
        };
        return runes.All(test) ? 1 : 0;
    }

    private static bool IsAlpha(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;
    private static bool IsDigit(Rune r) => Rune.GetUnicodeCategory(r) == UnicodeCategory.DecimalDigitNumber
        || Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherNumber && Rune.GetNumericValue(r) is var v && v >= 0 && v <= 9 && v == Math.Floor(v) && !IsVulgarFraction(r);
    private static bool IsVulgarFraction(Rune r) => r.Value is (>= 0xBC and <= 0xBE) or (>= 0x2150 and <= 0x215F) or 0x2189;
    private static bool IsNumeric(Rune r) => Rune.GetNumericValue(r) >= 0 || Rune.GetUnicodeCategory(r) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    private static bool IsIdentifierStart(Rune r) => IsAlpha(r) || Rune.GetUnicodeCategory(r) == UnicodeCategory.LetterNumber;
    private static bool IsIdentifierPart(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    private static bool IsPrintable(Rune r) => r.Value == ' ' || Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);

    /// <summary>sep.join(items): n strings at items.</summary>
    [RuntimeHelper("sj_str_join"), UnmanagedCallersOnly]
    public static byte* Join(byte* sep, byte** items, long n)
    {
        if (n == 1) { RuntimeStrings.Retain(items[0]); return items[0]; }
        var separator = Bytes(sep);
        long total = n > 0 ? separator.Length * (n - 1) : 0;
        for (long k = 0; k < n; k++) total += Bytes(items[k]).Length;
        if (total == 0) return Empty;
        byte* output = RuntimeStrings.AllocateBytes(total);
        long at = 0;
        for (long k = 0; k < n; k++)
        {
            if (k > 0) { separator.CopyTo(new Span<byte>(output + at, separator.Length)); at += separator.Length; }
            var item = Bytes(items[k]);
            item.CopyTo(new Span<byte>(output + at, item.Length));
            at += item.Length;
        }
        return output;
    }

    /// <summary>Builds a new list (Runtime.RuntimeLists) of new strings in place, growing it as parts come.</summary>
    private struct StrListBuilder
    {
        private byte* _list;
        private long _count;

        /// <summary>Adds a new string (the list takes its reference); false with MemoryError set (all released).</summary>
        public bool Add(byte* part)
        {
            if (_list == null && (_list = RuntimeLists.Allocate(0, sizeof(byte*))) == null) { RuntimeStrings.Release(part); return false; }
            if (RuntimeLists.Reserve(_list, _count + 1, sizeof(byte*)) != 0) { RuntimeStrings.Release(part); Abandon(); return false; }
            (*(byte***)(_list + RuntimeLists.ItemsOffset))[_count++] = part;
            *(long*)(_list + RuntimeLists.LengthOffset) = _count;
            return true;
        }

        public long Count => _count;

        /// <summary>The list (null after a failed <see cref="Add"/>).</summary>
        public byte* Finish() => _list != null || _count < 0 ? _list : RuntimeLists.Allocate(0, sizeof(byte*));

        /// <summary>Reverses the parts (rsplit finds them from the end).</summary>
        public void Reverse()
        {
            if (_list != null) new Span<nint>(*(nint**)(_list + RuntimeLists.ItemsOffset), (int)_count).Reverse();
        }

        private void Abandon()
        {
            byte** items = *(byte***)(_list + RuntimeLists.ItemsOffset);
            for (long k = 0; k < _count; k++) RuntimeStrings.Release(items[k]);
            RuntimeLists.FreeBlock(_list);
            _list = null;
            _count = -1;
        }
    }

    /// <summary>1 for ASCII whitespace as CPython's str.split() sees it (\t \n \v \f \r, \x1c-\x1f and space).</summary>
    private static ReadOnlySpan<byte> AsciiSpace =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    private static bool IsSpaceAt(ReadOnlySpan<byte> u, int at, out int length)
    {
        byte b = u[at];
        length = 1;
        if (b < 0x80) return AsciiSpace[b] != 0;
        Rune.DecodeFromUtf8(u[at..], out var r, out length);
        return IsSpace(r);
    }

    /// <summary>The first offset from i that is whitespace (space true) or not (false); the length at the end.</summary>
    private static int SkipWhile(ReadOnlySpan<byte> u, int i, bool space)
    {
        var table = AsciiSpace;
        fixed (byte* p = u)
        {
            int n = u.Length;
            while (i < n)
            {
                byte b = p[i];
                if (b < 0x80) { if ((table[b] != 0) != space) break; i++; }
                else if (IsSpaceAt(u, i, out int len) == space) i += len;
                else break;
            }
        }
        return i;
    }

    /// <summary>str.split (kind 0) and str.rsplit (1): by a separator, or by runs of whitespace when sep is null;
    /// at most maxsplit splits when it is not negative. Null with ValueError set for an empty separator. One pass that
    /// puts each part into the new list as it is found.</summary>
    [RuntimeHelper("sj_str_split"), UnmanagedCallersOnly]
    public static byte* Split(byte* s, byte* sep, long maxsplit, int kind)
    {
        var u = Bytes(s);
        var parts = new StrListBuilder();
        if (maxsplit < 0) maxsplit = long.MaxValue;
        if (sep != null)
        {
            var p = Bytes(sep);
            if (p.Length == 0) { ErrorState.Set("ValueError", "empty separator"); return null; }
            if (kind == 0)
            {
                int start = 0;
                while (parts.Count < maxsplit)
                {
                    int at = u[start..].IndexOf(p);
                    if (at < 0) break;
                    if (!parts.Add(Make(u.Slice(start, at)))) return null;
                    start += at + p.Length;
                }
                parts.Add(Make(u[start..]));
            }
            else
            {
                int end = u.Length;
                while (parts.Count < maxsplit)
                {
                    int at = u[..end].LastIndexOf(p);
                    if (at < 0) break;
                    if (!parts.Add(Make(u[(at + p.Length)..end]))) return null;
                    end = at;
                }
                parts.Add(Make(u[..end]));
                parts.Reverse();
            }
            return parts.Finish();
        }
        // Whitespace: runs of it separate words, and none is kept at either end.
        int n = u.Length;
        if (kind == 0)
        {
            var lists = SmallBlocks.Local;
            int i = 0;
            while (true)
            {
                i = SkipWhile(u, i, space: true);
                if (i >= n) break;
                // The rest after the last split keeps its trailing whitespace, as CPython's.
                if (parts.Count == maxsplit) { if (!parts.Add(Make(u[i..]))) return null; break; }
                int end = SkipWhile(u, i, space: false);
                if (!parts.Add(Make(u[i..end], lists))) return null;
                i = end;
            }
            return parts.Finish();
        }
        var starts = new List<int>();
        for (int i = 0, len; i < n; i += len) { starts.Add(i); IsSpaceAt(u, i, out len); }   // where each character starts
        int c = starts.Count - 1;
        while (true)
        {
            while (c >= 0 && IsSpaceAt(u, starts[c], out _)) c--;
            if (c < 0) break;
            int end = c + 1 < starts.Count ? starts[c + 1] : n;
            if (parts.Count == maxsplit) { if (!parts.Add(Make(u[..end]))) return null; break; }
            while (c >= 0 && !IsSpaceAt(u, starts[c], out _)) c--;
            if (!parts.Add(Make(u[(c >= 0 ? starts[c + 1] : 0)..end]))) return null;
        }
        parts.Reverse();
        return parts.Finish();
    }

    /// <summary>str.splitlines: at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028 and \u2029, keeping the
    /// line ends when asked.</summary>
    [RuntimeHelper("sj_str_splitlines"), UnmanagedCallersOnly]
    public static byte* SplitLines(byte* s, int keepEnds)
    {
        var u = Bytes(s);
        var parts = new StrListBuilder();
        int start = 0, i = 0;
        while (i < u.Length)
        {
            int endLength = 0;
            byte b = u[i];
            if (b is (byte)'\n' or 0x0B or 0x0C or 0x1C or 0x1D or 0x1E) endLength = 1;
            else if (b == (byte)'\r') endLength = i + 1 < u.Length && u[i + 1] == (byte)'\n' ? 2 : 1;
            else if (b == 0xC2 && i + 1 < u.Length && u[i + 1] == 0x85) endLength = 2;
            else if (b == 0xE2 && i + 2 < u.Length && u[i + 1] == 0x80 && u[i + 2] is 0xA8 or 0xA9) endLength = 3;
            if (endLength == 0) { i++; continue; }
            if (!parts.Add(Make(u[start..(keepEnds != 0 ? i + endLength : i)]))) return null;
            i += endLength;
            start = i;
        }
        if (start < u.Length) parts.Add(Make(u[start..]));
        return parts.Finish();
    }

    /// <summary>partition (0) / rpartition (1): three new strings at parts; ValueError for an empty separator.</summary>
    [RuntimeHelper("sj_str_partition"), UnmanagedCallersOnly]
    public static int Partition(byte* s, byte* sep, int kind, byte** parts)
    {
        var u = Bytes(s); var p = Bytes(sep);
        if (p.Length == 0) { ErrorState.Set("ValueError", "empty separator"); return 1; }
        int at = kind == 0 ? u.IndexOf(p) : u.LastIndexOf(p);
        if (at < 0)
        {
            RuntimeStrings.Retain(s);
            parts[0] = kind == 0 ? s : Empty; parts[1] = Empty; parts[2] = kind == 0 ? Empty : s;
            return 0;
        }
        parts[0] = Make(u[..at]); parts[1] = Make(p); parts[2] = Make(u[(at + p.Length)..]);
        return 0;
    }
}
