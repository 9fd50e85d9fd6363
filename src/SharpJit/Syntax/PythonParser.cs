using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

/// <summary>Entry points of the Python 3.12 parser.</summary>
public static class PythonParser
{
    /// <summary>Parses a whole module (CPython's <c>ast.parse(src, mode='exec')</c>). Throws <see cref="CompileError"/> (SyntaxError) on invalid input.</summary>
    public static Module Parse(SourceText source)
    {
        var tr = Tokenizer.Run(source);
        return new Parser(source, tr).ParseModule();
    }

    /// <summary>Parses a single expression (CPython's <c>mode='eval'</c>), e.g. for REPLs and tests.</summary>
    public static Expr ParseExpression(SourceText source)
    {
        var tr = Tokenizer.Run(source);
        return new Parser(source, tr).ParseEvalInput();
    }
}
