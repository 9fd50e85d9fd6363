using System.Text;
using System.Text.RegularExpressions;
using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

/// <summary>
/// Source bytes to text as CPython reads a file (PEP 263): a UTF-8 byte order mark is dropped; a coding declaration
/// in a comment on line 1 or 2 names the encoding; without one the file must be valid UTF-8.
/// </summary>
public static partial class SourceDecoder
{
    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")]
    private static partial Regex CodingCookie();

    static SourceDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SourceText Decode(string path, byte[] bytes)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        string? cookie = FindCookie(bytes, start);
        if (cookie == null || NormalName(cookie) == "utf-8")
        {
            int bad = FirstInvalidUtf8(bytes, start);
            if (bad >= 0)
            {
                if (cookie == null)
                    throw new CompileError(ErrorKind.SyntaxError,
                        $"Non-UTF-8 code starting with '\\x{bytes[bad]:x2}' in file {path} on line {LineOf(bytes, bad)}, " +
                        "but no encoding declared; see https://peps.python.org/pep-0263/ for details", null, Span.None);
                throw new CompileError(ErrorKind.SyntaxError,
                    $"(unicode error) 'utf-8' codec can't decode byte 0x{bytes[bad]:x2} in line {LineOf(bytes, bad)}", null, Span.None);
            }
            return new SourceText(path, Encoding.UTF8.GetString(bytes, start, bytes.Length - start));
        }
        Encoding enc;
        try { enc = Encoding.GetEncoding(NormalName(cookie), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
        catch (ArgumentException) { throw new CompileError(ErrorKind.SyntaxError, $"encoding problem: {cookie}", null, Span.None); }
        if (start > 0) throw new CompileError(ErrorKind.SyntaxError, $"encoding problem: {cookie} with BOM", null, Span.None);
        try { return new SourceText(path, enc.GetString(bytes)); }
        catch (DecoderFallbackException e)
        {
            throw new CompileError(ErrorKind.SyntaxError, $"(unicode error) '{cookie}' codec can't decode the source: {e.Message}", null, Span.None);
        }
    }

    /// <summary>The encoding named on line 1, or on line 2 when line 1 is a comment or blank (CPython's rule).</summary>
    private static string? FindCookie(byte[] bytes, int start)
    {
        int pos = start;
        for (int line = 0; line < 2 && pos < bytes.Length; line++)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', pos);
            if (end < 0) end = bytes.Length;
            string text = Encoding.Latin1.GetString(bytes, pos, end - pos);
            var m = CodingCookie().Match(text);
            if (m.Success) return m.Groups[1].Value;
            string t = text.TrimStart(' ', '\t', '\f', '\r');
            if (t.Length > 0 && t[0] != '#') return null;
            pos = end + 1;
        }
        return null;
    }

    /// <summary>CPython's get_normal_name: spellings of UTF-8 and Latin-1 to one name each.</summary>
    private static string NormalName(string name)
    {
        string n = name.ToLowerInvariant().Replace('_', '-');
        if (n == "utf-8" || n.StartsWith("utf-8-")) return "utf-8";
        foreach (var l in new[] { "latin-1", "iso-8859-1", "iso-latin-1" })
            if (n == l || n.StartsWith(l + "-")) return "iso-8859-1";
        return n;
    }

    private static int FirstInvalidUtf8(byte[] bytes, int start)
    {
        var span = bytes.AsSpan(start);
        int i = 0;
        while (i < span.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(span[i..], new char[Math.Min(4096, 2 * (span.Length - i))], out int read, out _, replaceInvalidSequences: false);
            i += read;
            if (status == System.Buffers.OperationStatus.Done) return -1;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall) return start + i;
        }
        return -1;
    }

    private static int LineOf(byte[] bytes, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
