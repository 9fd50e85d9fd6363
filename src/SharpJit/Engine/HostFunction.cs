using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.IR;
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

    /// <summary>Parses the source of a def (or of the statement holding a lambda) and finds the function in it.</summary>
    /// <param name="name">The function's name; "&lt;lambda&gt;" selects the lambda whose parameters are <paramref name="paramNames"/>.</param>
    public static HostFunction Parse(SourceText source, string name, IReadOnlyList<string> paramNames, Func<string, GlobalInfo?> lookup)
    {
        var module = Pipeline.Guard(source, () => new ModuleInfo(source, PythonParser.Parse(source), lookup));
        FunctionInfo? fn = name == "<lambda>"
            ? module.Functions.Values.Where(f => f.Name == "<lambda>" && f.Params.Select(p => p.Name).SequenceEqual(paramNames)).SingleOrDefaultOrNull()
            : module.Globals.TryGetValue(name, out var g) && g.Kind == GlobalKind.Function ? g.Function : null;
        return fn == null
            ? throw new CompileError(ErrorKind.UnsupportedError, $"cannot find the source of function '{name}'", source, Span.None,
                "define the function with def (or a single lambda per line) in a file or notebook cell")
            : new HostFunction(module, fn);
    }

    public CompiledFunction Compile(IReadOnlyList<SjType> argTypes, CodegenOptions? options = null) =>
        JitHost.Compile(Module, Function, argTypes, options);

    /// <summary>The typed IR of a compiled signature and of every function it calls.</summary>
    public static string TypedIr(CompiledFunction f) =>
        string.Join("\n", f.Types.Specializations.Select(s => $"; {s}\n" + IrPrinter.Print(s.Ir, withTypes: true)));
}

internal static class SequenceExtensions
{
    /// <summary>The only element, or null when there are none or several.</summary>
    public static T? SingleOrDefaultOrNull<T>(this IEnumerable<T> items) where T : class
    {
        T? found = null;
        foreach (var x in items) { if (found != null) return null; found = x; }
        return found;
    }
}
