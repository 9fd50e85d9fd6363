using SharpJit.Diagnostics;
using SharpJit.Syntax;

namespace SharpJit.Binding;

public enum GlobalKind { Function, Module, ModuleMember, Constant, Variable, Opaque, ExceptionClass, NamedTupleClass, ExternFunction, HostCallable, Class }

/// <summary>A host module whose attributes compiled code reads (frozen like globals).</summary>
public interface IHostNamespace
{
    GlobalInfo? Resolve(string attribute);
}

/// <summary>What a module-level name is bound to.</summary>
public sealed class GlobalInfo
{
    public string Name { get; }
    public GlobalKind Kind;
    public FunctionInfo? Function;
    public string? ModuleName;        // for Module and ModuleMember
    public string? MemberName;        // for ModuleMember
    public object? ConstantValue;     // for Constant
    public string? Description;       // for Opaque: what the host value is ("a list object")
    /// <summary>For ExceptionClass: the class's method resolution order by qualified name, itself first
    /// (<c>__main__.MyError</c>, <c>ValueError</c>, <c>Exception</c>, <c>BaseException</c>).</summary>
    public string[]? ExceptionMro;
    /// <summary>For NamedTupleClass: the class and the constant defaults of its last fields.</summary>
    public Typing.NamedTupleInfo? NamedTuple;
    public object?[]? NamedTupleDefaults;
    /// <summary>For Class: the class, its methods and attributes.</summary>
    public ClassInfo? Class;
    /// <summary>For ExternFunction: the C function and its address.</summary>
    public Library.ExternFunction? Extern;
    /// <summary>For HostCallable: the registry entry a call of it types and lowers through (an objmode block).</summary>
    public Library.LibFunc? Entry;
    /// <summary>For names supplied by a host: a stable text identifying the value frozen into the code (cache keys).</summary>
    public string? HostKey;
    /// <summary>For host functions: the host's object behind <see cref="Function"/> (its dispatcher).</summary>
    public object? HostObject;
    public int Assignments;
    public Span Span;
    public GlobalInfo(string name) { Name = name; }
}

/// <summary>The result of analysing one source file: its functions, scopes and module-level names.</summary>
public sealed class ModuleInfo
{
    public SourceText Source { get; }
    public Module Ast { get; }
    public FunctionInfo Main { get; }
    public Dictionary<string, GlobalInfo> Globals { get; } = new();
    /// <summary>Every def and lambda analysed so far (concurrent: a library module gains definitions as compilations
    /// on several threads first need them).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<Node, FunctionInfo> Functions { get; } = new();

    public static readonly HashSet<string> KnownModules = new() { "math", "cmath", "numpy", "numpy.linalg", "numpy.random", "numpy.fft", "random", "operator", "collections", "typing", "sharpjit" };

    /// <summary>Part of the library written in Python (Library/py): its functions implement builtins and NumPy
    /// functions; errors in them are reported at the user's call and their frames are not shown in tracebacks.</summary>
    public bool IsLibrary { get; init; }

    public ModuleInfo(SourceText source, Module ast, Func<string, GlobalInfo?>? hostLookup = null)
    {
        HostLookup = hostLookup;
        Source = source;
        Ast = ast;
        // CPython's compiler refuses deeper nesting (RecursionError) before it looks at scopes; so do all stages here.
        CompileDepth.CheckNesting(source, ast);
        ParallelLoops.OutlineDecorated(ast.Body);
        Stencils.ExpandDecorated(source, ast.Body);
        Main = new FunctionInfo("<module>", "<module>", this, null, ast);
        Functions[ast] = Main;
        new ScopeAnalyzer(this).Run();
    }

    /// <summary>Runs `with sharpjit.objmode(...)` blocks as Python (the CPython host); null where there is no
    /// interpreter, and the blocks are compiled like the code around them.</summary>
    public IObjModeHost? ObjMode { get; init; }

    /// <summary>Supplies module-level names the source does not define, from the host (a Python function's globals
    /// and closure, frozen when first read). Null for whole scripts.</summary>
    public Func<string, GlobalInfo?>? HostLookup { get; }

    /// <summary>Module-level functions parsed when first resolved (the library's files: a compilation parses only the
    /// functions it reaches). Given a name, the function's definition, or null when the file defines no such function.</summary>
    public Func<string, FunctionDef?>? Definitions { get; init; }

    /// <summary>Called with each function <see cref="Definitions"/> supplied, once analysed.</summary>
    public Action<FunctionInfo>? Defined { get; init; }

    /// <summary>What a module-level name is bound to: defined in the source, else supplied by the host, else null.</summary>
    public GlobalInfo? Resolve(string name)
    {
        lock (Globals)
        {
            if (Globals.TryGetValue(name, out var g)) return g;
            if (Definitions?.Invoke(name) is { } def)
            {
                var fn = new ScopeAnalyzer(this).AddFunction(def);
                Defined?.Invoke(fn);
                return Globals[name];
            }
            if (HostLookup?.Invoke(name) is not { } host) return null;
            Globals[name] = host;
            return host;
        }
    }

    public FunctionInfo? FindFunction(string qualName) => Functions.Values.FirstOrDefault(f => f.QualName == qualName || (f.Parent?.IsModule == true && f.Name == qualName));

    public CompileError Error(ErrorKind kind, string message, Span span, string? hint = null) => new(kind, message, Source, span, hint);
}
