namespace SharpJit.Diagnostics;

/// <summary>The kind of a compile problem; IndentationError and TabError are SyntaxErrors, as in CPython. RecursionError:
/// source nested too deeply to compile (<see cref="CompileDepth"/>).</summary>
public enum ErrorKind { SyntaxError, TypingError, UnsupportedError, NameError, InternalError, IndentationError, TabError, RecursionError }

/// <summary>A compile-time problem with its place in the source; rendered the same way by every host.</summary>
public sealed record Diagnostic(ErrorKind Kind, string Message, SourceText? Source, Span Span, string? Hint = null)
{
    public (int Line, int Column) Position => Source?.LineColumn(Span.Start) ?? (0, 0);

    /// <summary>File, line and column, the source line with a caret under the span, the message, then the hint.</summary>
    public string Render()
    {
        var sb = new System.Text.StringBuilder();
        if (Source != null)
        {
            var (line, col) = Position;
            sb.Append($"  File \"{Source.Path}\", line {line}, column {col}\n");
            string text = Source.LineText(line);
            string trimmed = text.TrimStart();
            int indent = text.Length - trimmed.Length;
            sb.Append("    ").Append(trimmed).Append('\n');
            int caretStart = Math.Max(0, col - 1 - indent);
            var (endLine, endCol) = Source.LineColumn(Math.Max(Span.Start, Span.End - 1));
            int width = endLine == line ? Math.Max(1, endCol - col + 1) : Math.Max(1, text.Length - (col - 1));
            sb.Append("    ").Append(' ', caretStart).Append('^', width).Append('\n');
        }
        sb.Append(Kind).Append(": ").Append(Message);
        if (Hint != null) sb.Append("\nHint: ").Append(Hint);
        return sb.ToString();
    }
}

/// <summary>Thrown by any compiler stage; carries one diagnostic.</summary>
public sealed class CompileError : Exception
{
    public Diagnostic Diagnostic { get; }
    public CompileError(Diagnostic d) : base(d.Render()) { Diagnostic = d; }
    public CompileError(ErrorKind kind, string message, SourceText? source, Span span, string? hint = null)
        : this(new Diagnostic(kind, message, source, span, hint)) { }
    public ErrorKind Kind => Diagnostic.Kind;
}
