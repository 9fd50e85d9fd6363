using System.Text;

namespace SharpJit.Binding;

/// <summary>
/// Format strings known at compile time, <c>"{} {:.2f}".format(a, b)</c> and <c>"%d%%" % n</c>, parsed into literal
/// text and fields. The binder turns them into the f-string instructions (JoinStr, FormatValue), so they run as fast
/// as f-strings and format each value as f-strings do. Errors carry CPython's messages.
/// </summary>
public static class FormatStrings
{
    public abstract record Piece;
    public sealed record Text(string Value) : Piece;

    /// <summary>A replacement field. Arg: an argument's position (int) or keyword (string); Path: attributes (string)
    /// and indices (long) applied to it; Conversion: -1, 's', 'r' or 'a'; Spec: the format spec's pieces (nested
    /// fields allowed) or null; Truncate: %d and friends take int() of a float (math.trunc).</summary>
    public sealed record Field(object Arg, IReadOnlyList<object> Path, int Conversion, IReadOnlyList<Piece>? Spec, bool Truncate = false) : Piece;

    public sealed class FormatError : Exception
    {
        public FormatError(string message) : base(message) { }
    }

    // ------------------------------------------------------------------ str.format

    public static List<Piece> ParseFormat(string s)
    {
        int auto = 0;
        bool? manual = null;
        return Parse(s, 2, ref auto, ref manual);
    }

    private static List<Piece> Parse(string s, int depth, ref int auto, ref bool? manual)
    {
        if (depth == 0) throw new FormatError("Max string recursion exceeded");
        var pieces = new List<Piece>();
        var text = new StringBuilder();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '}')
            {
                if (i + 1 < s.Length && s[i + 1] == '}') { text.Append('}'); i += 2; continue; }
                throw new FormatError("Single '}' encountered in format string");
            }
            if (c != '{') { text.Append(c); i++; continue; }
            if (i + 1 < s.Length && s[i + 1] == '{') { text.Append('{'); i += 2; continue; }
            // a field: up to its matching brace
            int nesting = 1, j = i + 1;
            while (j < s.Length && nesting > 0)
            {
                if (s[j] == '{') nesting++;
                else if (s[j] == '}') nesting--;
                if (nesting > 0) j++;
            }
            if (j >= s.Length) throw new FormatError(nesting > 0 && s.IndexOf('}', i) < 0 ? "Single '{' encountered in format string" : "expected '}' before end of string");
            if (text.Length > 0) { pieces.Add(new Text(text.ToString())); text.Clear(); }
            pieces.Add(ParseField(s[(i + 1)..j], depth, ref auto, ref manual));
            i = j + 1;
        }
        if (text.Length > 0) pieces.Add(new Text(text.ToString()));
        return pieces;
    }

    private static Field ParseField(string f, int depth, ref int auto, ref bool? manual)
    {
        // field_name ends at the first '!' or ':' outside brackets
        int k = 0;
        bool inBracket = false;
        while (k < f.Length && (inBracket || f[k] != '!' && f[k] != ':'))
        {
            if (f[k] == '[') inBracket = true;
            else if (f[k] == ']') inBracket = false;
            k++;
        }
        string name = f[..k];
        int conversion = -1;
        List<Piece>? spec = null;
        if (k < f.Length && f[k] == '!')
        {
            if (k + 1 >= f.Length) throw new FormatError("end of string while looking for conversion specifier");
            conversion = f[k + 1];
            if (conversion is not ('r' or 's' or 'a')) throw new FormatError($"Unknown conversion specifier {f[k + 1]}");
            k += 2;
            if (k < f.Length && f[k] != ':') throw new FormatError("expected ':' after conversion specifier");
        }
        int specStart = k < f.Length && f[k] == ':' ? k + 1 : -1;

        // the argument, then .attr and [index] accessors
        int end = 0;
        while (end < name.Length && name[end] != '.' && name[end] != '[') end++;
        string first = name[..end];
        object arg;
        if (first.Length == 0)
        {
            if (manual == true) throw new FormatError("cannot switch from manual field specification to automatic field numbering");
            manual = false;
            arg = auto++;
        }
        else
        {
            if (manual == false && first.All(char.IsAsciiDigit)) throw new FormatError("cannot switch from automatic field numbering to manual field specification");
            if (first.All(char.IsAsciiDigit)) { manual = true; arg = int.Parse(first); }
            else arg = first;
        }
        var path = new List<object>();
        int p = end;
        while (p < name.Length)
        {
            if (name[p] == '.')
            {
                int q = p + 1;
                while (q < name.Length && name[q] != '.' && name[q] != '[') q++;
                if (q == p + 1) throw new FormatError("Empty attribute in format string");
                path.Add(name[(p + 1)..q]);
                p = q;
            }
            else
            {
                int close = name.IndexOf(']', p);
                if (close < 0) throw new FormatError("Missing ']' in format string");
                string key = name[(p + 1)..close];
                if (key.Length == 0) throw new FormatError("Empty attribute in format string");
                if (!key.All(char.IsAsciiDigit)) throw new FormatError($"'{key}' as an index needs a dict, which compiled code does not have yet");
                path.Add(long.Parse(key));
                p = close + 1;
                if (p < name.Length && name[p] != '.' && name[p] != '[') throw new FormatError("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        // The field takes its automatic number before the fields nested in its spec ("{:{}}": 0, then 1), as CPython's do.
        if (specStart >= 0) spec = Parse(f[specStart..], depth - 1, ref auto, ref manual);
        return new Field(arg, path, conversion, spec);
    }

    // ------------------------------------------------------------------ printf-style %

    /// <summary>The pieces of fmt % args, each field naming its argument by position; count: the arguments used.</summary>
    public static List<Piece> ParsePercent(string s, out int count)
    {
        var pieces = new List<Piece>();
        var text = new StringBuilder();
        count = 0;
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] != '%') { text.Append(s[i++]); continue; }
            i++;   // the %
            if (i >= s.Length) throw new FormatError("incomplete format");
            if (s[i] == '%') { text.Append('%'); i++; continue; }
            if (s[i] == '(') throw new FormatError("format requires a mapping, which compiled code does not have yet (dicts)");
            bool left = false, zero = false, alternate = false;
            char sign = '\0';
            for (; i < s.Length && "-+ #0".Contains(s[i]); i++)
                switch (s[i])
                {
                    case '-': left = true; break;
                    case '+': sign = '+'; break;
                    case ' ': if (sign != '+') sign = ' '; break;
                    case '#': alternate = true; break;
                    default: zero = true; break;
                }
            string width = Digits(s, ref i);
            string? precision = null;
            if (i < s.Length && s[i] == '.') { i++; precision = Digits(s, ref i); if (precision.Length == 0) precision = "0"; }
            if (i < s.Length && s[i] == '*') throw new FormatError("'*' widths and precisions are not supported in compiled code; write the width into the format");
            while (i < s.Length && s[i] is 'h' or 'l' or 'L') i++;
            if (i >= s.Length) throw new FormatError("incomplete format");
            int typeIndex = i++;
            if (text.Length > 0) { pieces.Add(new Text(text.ToString())); text.Clear(); }
            pieces.Add(PercentField(count++, s[typeIndex], left, zero, alternate, sign, width, precision, typeIndex));
        }
        if (text.Length > 0) pieces.Add(new Text(text.ToString()));
        return pieces;
    }

    private static string Digits(string s, ref int i)
    {
        int a = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return s[a..i];
    }

    private static Field PercentField(int position, char type, bool left, bool zero, bool alternate, char sign, string width, string? precision, int typeIndex)
    {
        // The same output through the format-spec mini-language: %-conversions align right unless '-', and '0' pads
        // numbers after their sign.
        string Align(bool numeric) => width.Length == 0 ? "" : left ? "<" : numeric && zero ? "" : ">";
        string Width(bool numeric) => width.Length == 0 ? "" : (left || !numeric || !zero ? "" : "0") + width;
        string signPart = sign == '\0' ? "" : sign.ToString();
        switch (type)
        {
            case 'd' or 'i' or 'u':
                if (precision != null) throw new FormatError($"a precision with %{type} is not supported in compiled code");
                return Spec(-1, Align(true) + signPart + Width(true) + "d", truncate: true);
            case 'x' or 'X' or 'o':
                if (precision != null) throw new FormatError($"a precision with %{type} is not supported in compiled code");
                return Spec(-1, Align(true) + signPart + (alternate ? "#" : "") + Width(true) + type);
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                return Spec(-1, Align(true) + signPart + (alternate ? "#" : "") + Width(true) + "." + (precision ?? "6") + type);
            case 's' or 'r' or 'a':
                return Spec(type == 's' ? 's' : type, Align(false) + Width(false) + (precision != null ? "." + precision : ""));
            case 'c':
                return Spec(-1, Align(false) + Width(false) + "c");
        }
        throw new FormatError($"unsupported format character '{type}' (0x{(int)type:x}) at index {typeIndex}");

        Field Spec(int conversion, string spec, bool truncate = false) =>
            new(position, Array.Empty<object>(), conversion, spec.Length == 0 ? null : new Piece[] { new Text(spec) }, truncate);
    }
}
