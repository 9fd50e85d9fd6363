using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>
/// One function handed over by a host (the CPython extension, a .NET caller): its own source text, and a lookup for
/// the names it reads from its enclosing scope. Compiled per argument-type signature.
/// </summary>
public sealed class HostFunction
{
    public ModuleInfo Module { get; }
    public FunctionInfo Function { get; }

    private HostFunction(ModuleInfo module, FunctionInfo function) { Module = module; Function = function; }

    /// <summary>
    /// Finds a function in the full text of the file that defines it (as linecache holds it: a file, a notebook cell,
    /// an exec'd string) and analyses it alone: the names it reads from outside come from <paramref name="lookup"/>.
    /// Positions in errors and tracebacks are those of the real file.
    /// </summary>
    /// <param name="firstLine">The code object's first line: its def line or first decorator line.</param>
    /// <param name="name">The function's name; "&lt;lambda&gt;" selects a lambda on that line with <paramref name="paramNames"/>.</param>
    /// <param name="bodyAt">For a lambda: a (line, 1-based column) inside its body, telling apart lambdas on one line.</param>
    /// <param name="objMode">Runs the function's objmode blocks as Python (null: they are compiled).</param>
    public static HostFunction Parse(SourceText file, string name, int firstLine, IReadOnlyList<string> paramNames, Func<string, GlobalInfo?> lookup,
        (int Line, int Column)? bodyAt = null, IObjModeHost? objMode = null, bool parallel = false, bool stencil = false) =>
        CompilerStack.Run(() => ParseHere(file, name, firstLine, paramNames, lookup, bodyAt, objMode, parallel, stencil));

    private static HostFunction ParseHere(SourceText file, string name, int firstLine, IReadOnlyList<string> paramNames, Func<string, GlobalInfo?> lookup,
        (int Line, int Column)? bodyAt, IObjModeHost? objMode, bool parallel, bool stencil)
    {
        var ast = ParsedFiles.Get(file);
        int LineOf(Node n) => file.LineColumn(n.Span.Start).Line;
        bool Contains(Node n, (int Line, int Column) at)
        {
            var (l0, c0) = file.LineColumn(n.Span.Start);
            var (l1, c1) = file.LineColumn(n.Span.End);
            return (at.Line > l0 || at.Line == l0 && at.Column >= c0) && (at.Line < l1 || at.Line == l1 && at.Column < c1);
        }
        var candidates = AstWalk.Descendants(ast).Where(n => n switch
        {
            FunctionDef f => f.Name == name && StartsAt(file, f, f.DecoratorList, firstLine),
            Lambda l => name == "<lambda>" && LineOf(l) == firstLine && ParamNames(l.Args).SequenceEqual(paramNames),
            _ => false,
        }).ToList();
        var found = bodyAt is { } at && candidates.Count > 1
            ? candidates.FirstOrDefault(n => n is Lambda l && Contains(l.Body, at)) ?? candidates[0]
            : candidates.FirstOrDefault();
        if (found == null)
            throw new CompileError(ErrorKind.UnsupportedError, $"cannot find the source of function '{name}' at line {firstLine}", file, Span.None,
                "the file changed since it was imported (reload it), or the function was not defined with def/lambda in a file or notebook cell");
        // The function alone, as if at module level: its decorators are not compiled (but @vectorize, which makes it a
        // ufunc where compiled code calls it), its free names come from the host. parallel=True outlines its prange loops.
        // A @stencil kernel becomes the functions that run it over arrays (sharpjit.stencil reads its options there).
        var stencilDecorator = (found as FunctionDef)?.DecoratorList.FirstOrDefault(Binding.Stencils.IsDecorator);
        if (stencil && stencilDecorator == null)
            throw new CompileError(ErrorKind.UnsupportedError, $"sharpjit.stencil reads the options of '{name}' from its decorator", file, found.Span,
                $"write @sharpjit.stencil (or @sharpjit.stencil(cval=...)) on the line above def {name}");
        var body = stencilDecorator != null ? Binding.Stencils.Expand(file, (FunctionDef)found, stencilDecorator)
            : found is FunctionDef def && (parallel ? Binding.ParallelLoops.Outline(def) : def) is var fd
            ? new List<Stmt> { new FunctionDef(fd.Name, fd.Args, fd.Body, fd.DecoratorList.Where(Binding.VectorizeInfo.IsDecorator).ToList(), fd.Returns, fd.TypeParams, fd.Span) }
            : new List<Stmt> { new ExprStmt((Lambda)found, found.Span) };
        var module = Pipeline.Guard(file, () => new ModuleInfo(file, new Module(body, found.Span), lookup) { ObjMode = objMode });
        var fn = found is FunctionDef ? module.Globals[name].Function! : module.Functions.Values.First(f => f.Node == found);
        fn.Parallel = parallel;
        return new HostFunction(module, fn);
    }

    /// <summary>Whether a def or class is the one whose code starts at firstLine: its own line, or a decorator's.</summary>
    internal static bool StartsAt(SourceText file, Node n, List<Expr> decorators, int firstLine)
    {
        int LineOf(Node x) => file.LineColumn(x.Span.Start).Line;
        return LineOf(n) == firstLine || decorators.Any(d => LineOf(d) <= firstLine && firstLine <= LineOf(n));
    }

    private static IEnumerable<string> ParamNames(Arguments a) =>
        a.PosOnlyArgs.Concat(a.Args).Select(x => x.Name).Concat(a.KwOnlyArgs.Select(x => x.Name));

    public CompiledFunction Compile(IReadOnlyList<SjType> argTypes, CodegenOptions? options = null, bool sharedObject = false) =>
        JitHost.Compile(Module, Function, argTypes, options, sharedObject);

    /// <summary>The typed IR of a compiled signature and of every function it calls.</summary>
    public static string TypedIr(CompiledFunction f) => Dumper.TypedIr(f.Types.Specializations);
}

/// <summary>Parsed files, kept while their text is unchanged: every @jit function of a module shares one parse.</summary>
internal static class ParsedFiles
{
    private static readonly Dictionary<string, (string Text, Module Ast)> Cache = new();

    public static Module Get(SourceText file)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(file.Path, out var c) && c.Text == file.Text) return c.Ast;
            var ast = Pipeline.Parse(file);
            Cache[file.Path] = (file.Text, ast);
            return ast;
        }
    }
}

/// <summary>A class handed over by a host (a plain class a @jit function reads): found in the text of its file and
/// analysed alone, as a module holding only it; the names its methods read come from the host's module.</summary>
public static class HostClass
{
    public static ClassInfo Parse(SourceText file, string name, int firstLine, string qualified, Func<string, GlobalInfo?> lookup) =>
        CompilerStack.Run(() =>
        {
            var ast = ParsedFiles.Get(file);
            var found = AstWalk.Descendants(ast).OfType<ClassDef>().FirstOrDefault(c => c.Name == name && HostFunction.StartsAt(file, c, c.DecoratorList, firstLine))
                ?? throw new CompileError(ErrorKind.UnsupportedError, $"cannot find the source of class '{name}' at line {firstLine}", file, Span.None,
                    "the file changed since it was imported (reload it)");
            // One analysis per class while its file is unchanged: every function reading it (and every class deriving
            // from it) sees the same class, so isinstance and instances passed between functions agree.
            lock (Analysed)
                if (Analysed.TryGetValue(found, out var known)) return known;
            var module = Pipeline.Guard(file, () => new ModuleInfo(file, new Module(new List<Stmt> { found }, found.Span), lookup));
            var g = module.Globals.GetValueOrDefault(name);
            if (g?.Class is not { } cls)
                throw new CompileError(ErrorKind.UnsupportedError, $"class '{name}' cannot be compiled: compiled code supports plain classes (methods, constant class attributes, one compiled base class)",
                    file, found.Span, "keep the class plain, or use it outside compiled code");
            cls.Qualified = qualified;
            lock (Analysed) Analysed.AddOrUpdate(found, cls);
            return cls;
        });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClassDef, ClassInfo> Analysed = new();

    /// <summary>The class's source text and its bases' (for cache keys: a change to the class recompiles its users).</summary>
    public static string SourceOf(ClassInfo cls) =>
        cls.Module.Source.Text.Substring(cls.Node.Span.Start, cls.Node.Span.End - cls.Node.Span.Start) + (cls.Base is { } b ? "\n" + SourceOf(b) : "");
}
