using System.Globalization;
using System.Numerics;
using System.Text;
using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

/// <summary>Text dumps of syntax trees in the format of Python's <c>ast.dump</c>.</summary>
public static class AstPrinter
{
    /// <summary>Readable dump, like <c>ast.dump(node, indent=2)</c> (positions with <paramref name="includeAttributes"/>).</summary>
    public static string Dump(Node node, bool includeAttributes = false, SourceText? source = null)
        => new Formatter(includeAttributes, ResolveSource(node, source, includeAttributes), "  ", false).Format(node);

    /// <summary>
    /// Exactly <c>ast.dump(tree, include_attributes=True)</c> of CPython 3.12 (one line; column offsets as UTF-8 byte
    /// offsets). <paramref name="source"/> may be omitted for a <see cref="Module"/> from <see cref="PythonParser.Parse"/>.
    /// With <paramref name="omitFStringPartPositions"/>, the positions of an f-string's literal parts, replacement
    /// fields and format specs are left out (they differ between CPython versions; inner expressions keep theirs).
    /// </summary>
    public static string DumpCanonical(Node node, SourceText? source = null, bool omitFStringPartPositions = false)
        => new Formatter(true, ResolveSource(node, source, true), null, omitFStringPartPositions).Format(node);

    private static SourceText? ResolveSource(Node node, SourceText? source, bool needed)
    {
        source ??= (node as Module)?.Source;
        if (source == null && needed)
            throw new ArgumentException("positions need the SourceText (pass it, or dump a Module returned by PythonParser.Parse)");
        return source;
    }

    private sealed class Formatter
    {
        private readonly bool _attrs;
        private readonly SourceText? _src;
        private readonly string? _indent;
        private readonly bool _omitFString;
        private readonly HashSet<Node> _noPositions = new(ReferenceEqualityComparer.Instance);

        public Formatter(bool attrs, SourceText? src, string? indent, bool omitFString)
        {
            _attrs = attrs;
            _src = src;
            _indent = indent;
            _omitFString = omitFString;
        }

        public string Format(Node node) => Fmt(node, 0).Text;

        private (string Text, bool Simple) Fmt(object? value, int level)
        {
            CompileDepth.EnsureStack();
            string prefix, sep;
            if (_indent != null)
            {
                level++;
                prefix = "\n" + string.Concat(Enumerable.Repeat(_indent, level));
                sep = "," + prefix;
            }
            else
            {
                prefix = "";
                sep = ", ";
            }
            switch (value)
            {
                case Node node:
                    {
                        var fields = new List<AstField>();
                        node.GetFields(fields);
                        if (_omitFString && node is JoinedStr js)
                        {
                            foreach (var v in js.Values) if (v is Constant or FormattedValue) _noPositions.Add(v);
                        }
                        if (_omitFString && node is FormattedValue { FormatSpec: { } spec }) _noPositions.Add(spec);
                        var args = new List<string>();
                        bool allSimple = true;
                        foreach (var f in fields)
                        {
                            if (f.Value == null && f.Optional) continue;
                            var (t, simple) = Fmt(f.Value, level);
                            allSimple &= simple;
                            args.Add(f.Name + "=" + t);
                        }
                        if (node is Module) { args.Add("type_ignores=[]"); }
                        if (_attrs && node.HasPositions && !_noPositions.Contains(node))
                        {
                            var (l1, c1) = Position(node.Span.Start);
                            var (l2, c2) = Position(node.Span.End);
                            args.Add("lineno=" + l1);
                            args.Add("col_offset=" + c1);
                            args.Add("end_lineno=" + l2);
                            args.Add("end_col_offset=" + c2);
                        }
                        string name = node.PyTypeName;
                        if (allSimple && args.Count <= 3) return (name + "(" + string.Join(", ", args) + ")", args.Count == 0);
                        return (name + "(" + prefix + string.Join(sep, args) + ")", false);
                    }
                case System.Collections.IList list when value is not byte[]:
                    {
                        if (list.Count == 0) return ("[]", true);
                        var parts = new List<string>(list.Count);
                        foreach (var x in list) parts.Add(Fmt(x, level).Text);
                        return ("[" + prefix + string.Join(sep, parts) + "]", false);
                    }
                case ExprContext or Operator or BoolOperator or UnaryOperator or CmpOperator:
                    return (value.ToString() + "()", true);
                default:
                    return (PyRepr(value), true);
            }
        }

        private (int Line, int Col) Position(int offset)
        {
            var (line, col) = _src!.LineColumn(offset);
            int clamped = Math.Clamp(offset, 0, _src.Text.Length);
            int lineStart = clamped - (col - 1);
            int bytes = Encoding.UTF8.GetByteCount(_src.Text.AsSpan(lineStart, clamped - lineStart));
            return (line, bytes);
        }
    }

    /// <summary>Python's <c>repr()</c> of a constant value (str, bytes, int, float, complex, bool, None, Ellipsis).</summary>
    public static string PyRepr(object? value) => value switch
    {
        null => "None",
        PyNone => "None",
        PyEllipsis => "Ellipsis",
        bool b => b ? "True" : "False",
        string s => StrRepr(s),
        byte[] bytes => BytesRepr(bytes),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        BigInteger bi => bi.ToString(CultureInfo.InvariantCulture),
        double d => FloatRepr(d),
        Complex c => ComplexRepr(c),
        _ => value.ToString() ?? "",
    };

    public static string FloatRepr(double d) => FloatRepr(d, forceDecimal: true);

    private static string FloatRepr(double d, bool forceDecimal)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        if (d == 0) return (double.IsNegative(d) ? "-" : "") + (forceDecimal ? "0.0" : "0");
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        bool neg = r[0] == '-';
        if (neg) r = r[1..];
        int exp = 0;
        int ePos = r.IndexOfAny(new[] { 'E', 'e' });
        if (ePos >= 0)
        {
            exp = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }
        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r;
        string frac = dot >= 0 ? r[(dot + 1)..] : "";
        string digits = (intPart + frac).TrimStart('0');
        int leadingZerosRemoved = (intPart + frac).Length - digits.Length;
        // decimal point position relative to the start of 'digits'
        int pointPos = intPart.Length - leadingZerosRemoved + exp;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int sciExp = pointPos - 1;
        var sb = new StringBuilder();
        if (neg) sb.Append('-');
        if (sciExp >= -4 && sciExp < 16)
        {
            if (pointPos <= 0)
            {
                sb.Append("0.").Append('0', -pointPos).Append(digits);
            }
            else if (pointPos >= digits.Length)
            {
                sb.Append(digits).Append('0', pointPos - digits.Length);
                if (forceDecimal) sb.Append(".0");
            }
            else
            {
                sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(sciExp < 0 ? '-' : '+').Append(Math.Abs(sciExp).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string ComplexRepr(Complex c)
    {
        string im = FloatRepr(c.Imaginary, forceDecimal: false);
        if (c.Real == 0 && !double.IsNegative(c.Real)) return im + "j";
        string re = FloatRepr(c.Real, forceDecimal: false);
        string sign = c.Imaginary >= 0 || double.IsNaN(c.Imaginary) ? "+" : "";
        return "(" + re + sign + im + "j)";
    }

    private static bool IsPrintable(int cp)
    {
        if (cp == ' ') return true;
        if (cp < 0x20 || cp == 0x7F) return false;
        if (cp < 0x7F) return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
    }

    public static string StrRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            if (cp == quote || cp == '\\') { sb.Append('\\').Append((char)cp); continue; }
            switch (cp)
            {
                case '\t': sb.Append("\\t"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) { sb.Append("\\u").Append(cp.ToString("x4")); continue; }
            if (IsPrintable(cp)) { sb.Append(char.ConvertFromUtf32(cp)); continue; }
            if (cp < 0x100) sb.Append("\\x").Append(cp.ToString("x2"));
            else if (cp < 0x10000) sb.Append("\\u").Append(cp.ToString("x4"));
            else sb.Append("\\U").Append(cp.ToString("x8"));
        }
        sb.Append(quote);
        return sb.ToString();
    }

    public static string BytesRepr(byte[] b)
    {
        bool hasSingle = Array.IndexOf(b, (byte)'\'') >= 0, hasDouble = Array.IndexOf(b, (byte)'"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder(b.Length + 3);
        sb.Append('b').Append(quote);
        foreach (byte x in b)
        {
            if (x == quote || x == '\\') sb.Append('\\').Append((char)x);
            else if (x == '\t') sb.Append("\\t");
            else if (x == '\n') sb.Append("\\n");
            else if (x == '\r') sb.Append("\\r");
            else if (x < 0x20 || x >= 0x7F) sb.Append("\\x").Append(x.ToString("x2"));
            else sb.Append((char)x);
        }
        sb.Append(quote);
        return sb.ToString();
    }
}
