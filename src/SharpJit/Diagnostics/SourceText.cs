namespace SharpJit.Diagnostics;

/// <summary>A source file's text with a line index, so spans can be turned into line and column.</summary>
public sealed class SourceText
{
    public string Path { get; }
    public string Text { get; }
    /// <summary>1-based line number added to every reported line (for source cut out of a larger file).</summary>
    public int LineOffset { get; }
    /// <summary>Indentation removed from every line (source of a nested function): added back in reports.</summary>
    public string Indent { get; }
    private readonly int[] _lineStarts;

    public SourceText(string path, string text, int lineOffset = 0, string indent = "")
    {
        Path = path;
        Text = text;
        LineOffset = lineOffset;
        Indent = indent;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r') { if (i + 1 < text.Length && text[i + 1] == '\n') i++; starts.Add(i + 1); }
            else if (c == '\n') starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    /// <summary>A file's text decoded as CPython decodes source (UTF-8 unless a PEP 263 coding line says otherwise).</summary>
    public static SourceText FromFile(string path) => Syntax.SourceDecoder.Decode(path, File.ReadAllBytes(path));

    /// <summary>1-based line and column (column counts characters, as CPython's caret does).</summary>
    public (int Line, int Column) LineColumn(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int idx = Array.BinarySearch(_lineStarts, offset);
        if (idx < 0) idx = ~idx - 1;
        return (idx + 1 + LineOffset, offset - _lineStarts[idx] + 1 + Indent.Length);
    }

    /// <summary>The text of a 1-based line (as reported, i.e. including LineOffset), without its newline.</summary>
    public string LineText(int line)
    {
        int i = line - 1 - LineOffset;
        if (i < 0 || i >= _lineStarts.Length) return "";
        int start = _lineStarts[i];
        int end = i + 1 < _lineStarts.Length ? _lineStarts[i + 1] : Text.Length;
        var text = Text[start..end].TrimEnd('\r', '\n');
        return text.Length == 0 ? text : Indent + text;
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>Where each line starts (offsets into <see cref="Text"/>), computed once per text.</summary>
    internal ReadOnlySpan<int> LineStarts => _lineStarts;
}

/// <summary>A half-open character range [Start, End) in one SourceText.</summary>
public readonly record struct Span(int Start, int End)
{
    public static readonly Span None = new(0, 0);
    public Span To(Span other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));
    public int Length => End - Start;
}
