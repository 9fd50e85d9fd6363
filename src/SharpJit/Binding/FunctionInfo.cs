using SharpJit.Diagnostics;
using SharpJit.Syntax;

namespace SharpJit.Binding;

/// <summary>VarPositional is <c>*args</c>: it receives the extra positional arguments as a tuple.</summary>
public enum ParamKind { Positional, PositionalOnly, KeywordOnly, VarPositional }

public sealed record ParamInfo(string Name, ParamKind Kind, Expr? Default, Span Span);

/// <summary>A function, lambda or module body, with its scope analysed once.</summary>
public sealed class FunctionInfo
{
    public string Name { get; }
    public string QualName { get; }
    public ModuleInfo Module { get; }
    public FunctionInfo? Parent { get; }
    /// <summary>Its source (a FunctionDef, Lambda, comprehension or Module); null for a function a pass built as IR.</summary>
    public Node? Node { get; }
    public bool IsModule => Node is Module;
    /// <summary>For a function built as IR by the compiler (an outlined body, a wrapper): makes a fresh copy of its IR
    /// (each specialisation types its own).</summary>
    public Func<FunctionInfo, IR.IrFunction>? Build { get; private init; }
    public List<ParamInfo> Params { get; } = new();
    /// <summary>Names assigned in this scope (SSA variables).</summary>
    public HashSet<string> Locals { get; } = new();
    /// <summary>Names read here (or in nested scopes) that live in an enclosing function: captured at definition.</summary>
    public List<string> FreeVars { get; } = new();
    /// <summary>How many places bind each local name (assignments, loop targets, defs, imports).</summary>
    public Dictionary<string, int> BindingCounts { get; } = new();
    /// <summary>Locals bound by a def, or by an assignment of a lambda: the FunctionDef or Lambda node.</summary>
    public Dictionary<string, Node> ClosureDefinitions { get; } = new();
    /// <summary>The nested function a local name always holds when bound (bound in one place only, by a def or a
    /// lambda, and not a parameter), else null.</summary>
    public Node? SoleClosure(string name) =>
        BindingCounts.GetValueOrDefault(name) == 1 && ClosureDefinitions.TryGetValue(name, out var node) && Params.All(p => p.Name != name) ? node : null;
    /// <summary>Names read here that are not local (module globals, builtins) or free.</summary>
    public HashSet<string> Reads { get; } = new();
    public List<FunctionInfo> Children { get; } = new();
    /// <summary>A nested function that calls itself by name: it rebuilds its own closure from its captures.</summary>
    public bool IsSelfReferencing { get; set; }
    /// <summary>A function whose body yields: calling it makes a generator (Codegen.GeneratorModel) instead of running it.</summary>
    public bool IsGenerator { get; set; }
    /// <summary>For a generator: a yield whose value is used (<c>x = yield v</c>), a yield inside a try statement, a
    /// <c>yield from</c> (which sends, throws and closes into what it delegates to). What send/throw/close support.</summary>
    public bool UsesYieldValue { get; set; }
    public bool YieldsInTry { get; set; }
    public bool DelegatesYield { get; set; }
    /// <summary>False for library overloads that see NumPy's narrow scalars as Python's numbers (their arguments are
    /// converted to int64, float64 or complex128 at the call).</summary>
    public bool AcceptsNarrow { get; set; } = true;
    /// <summary>A library routine marked <c>@unchecked</c>: every index it uses is in range by construction (a sort's
    /// own positions), so its indexing compiles without bounds checks whatever the caller's <c>boundscheck</c>.</summary>
    public bool Unchecked { get; set; }
    /// <summary>Made by the compiler from a decorated function (a prange loop's chunk, a stencil's point or loop
    /// function), not written by the user.</summary>
    public GeneratedFunction Generated { get; init; }
    /// <summary>Compiled with parallel=True: besides its prange loops, its whole-array expressions over many elements
    /// run on the thread pool (Library/Arrays.Elementwise.cs).</summary>
    public bool Parallel { get; set; }
    /// <summary>Its <c>@vectorize</c>, once parsed (<see cref="VectorizeInfo.Of"/>).</summary>
    internal VectorizeInfo? VectorizeParsed { get; set; }

    public FunctionInfo(string name, string qualName, ModuleInfo module, FunctionInfo? parent, Node node)
    {
        Name = name; QualName = qualName; Module = module; Parent = parent; Node = node; NameSpan = node.Span;
    }

    private FunctionInfo(string name, ModuleInfo module, Span span, Func<FunctionInfo, IR.IrFunction> build)
    {
        Name = name; QualName = name; Module = module; NameSpan = span; Build = build;
    }

    /// <summary>A function with no source: its IR is what <paramref name="build"/> makes (see <see cref="IR.IrBuilder"/>);
    /// it is typed, specialised, checked and compiled like any other. <paramref name="span"/> is where its errors point.</summary>
    public static FunctionInfo Synthesized(string name, ModuleInfo module, IEnumerable<string> parameters, Span span,
        Func<FunctionInfo, IR.IrFunction> build)
    {
        var fn = new FunctionInfo(name, module, span, build);
        foreach (var p in parameters) fn.Params.Add(new ParamInfo(p, ParamKind.Positional, null, span));
        return fn;
    }

    /// <summary>Where errors about the function as a whole point: its definition.</summary>
    public Span NameSpan { get; }
    public override string ToString() => QualName;
}

/// <summary>What made a function that the user did not write (<see cref="FunctionInfo.Generated"/>).</summary>
public enum GeneratedFunction { None, PrangeChunk, Stencil }
