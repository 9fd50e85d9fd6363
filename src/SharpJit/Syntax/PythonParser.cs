using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

/// <summary>Entry points of the Python 3.12 parser.</summary>
public static class PythonParser
{
    /// <summary>Parses a whole module (CPython's <c>ast.parse(src, mode='exec')</c>). Throws <see cref="CompileError"/> (SyntaxError) on invalid input.</summary>
    public static Module Parse(SourceText source) => Parse(source, 0, source.Text.Length);

    /// <summary>Parses the statements in [start, end) of a file, which begin at the start of a line at indentation 0:
    /// one top-level definition, parsed when first needed. Spans are offsets into the whole text.</summary>
    public static Module Parse(SourceText source, int start, int end)
    {
        var tr = Tokenizer.Run(source, start: start, end: end);
        var module = new Parser(source, tr).ParseModule();
        CheckArguments(source, module);
        return module;
    }

    /// <summary>What CPython's symbol table rejects after a successful parse: a parameter name used twice in one
    /// function or lambda ("duplicate argument 'x' in function definition", at the second one).</summary>
    private static void CheckArguments(SourceText source, Node root)
    {
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            var args = node switch { FunctionDef f => f.Args, AsyncFunctionDef f => f.Args, Lambda l => l.Args, _ => null };
            if (args != null)
            {
                var seen = new HashSet<string>();
                // CPython's order: positional-only, positional, keyword-only, then *args and **kwargs.
                var all = args.PosOnlyArgs.Concat(args.Args).Concat(args.KwOnlyArgs)
                    .Concat(args.VarArg is { } v ? new[] { v } : Array.Empty<Arg>())
                    .Concat(args.KwArg is { } k ? new[] { k } : Array.Empty<Arg>());
                foreach (var a in all)
                    if (!seen.Add(a.Name))
                        throw new CompileError(ErrorKind.SyntaxError, $"duplicate argument '{a.Name}' in function definition", source, a.Span);
            }
            var children = node.Children().Where(c => c != null).ToList();
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    /// <summary>Parses a single expression (CPython's <c>mode='eval'</c>), e.g. for REPLs and tests.</summary>
    public static Expr ParseExpression(SourceText source)
    {
        var tr = Tokenizer.Run(source);
        return new Parser(source, tr).ParseEvalInput();
    }
}
