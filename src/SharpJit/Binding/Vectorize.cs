using SharpJit.Diagnostics;
using SharpJit.Syntax;
using SharpJit.Typing;
using Attribute = SharpJit.Syntax.Attribute;

namespace SharpJit.Binding;

/// <summary>One declared loop of a <c>@vectorize</c> function: its input types and its output type.</summary>
public sealed record VectorizeLoop(ScalarType[] In, ScalarType Out)
{
    public override string ToString() => $"{Out.Name}({string.Join(", ", In.Select(t => t.Name))})";
}

/// <summary>
/// Numba's <c>@vectorize</c> on a compiled function: called with an array it applies itself to each element as a NumPy
/// ufunc does (broadcasting, out=). With declared signatures, those are its loops, chosen as NumPy chooses a ufunc's
/// loop (the first one every input casts to safely); without, it compiles a loop for the inputs' own dtypes.
/// </summary>
public sealed record VectorizeInfo(IReadOnlyList<VectorizeLoop> Loops, bool NumPyErrorModel)
{
    public bool IsLazy => Loops.Count == 0;

    /// <summary>The options Numba's decorator takes that change nothing here (the target is the CPU; "parallel" runs
    /// on one thread, as prange does).</summary>
    private static readonly HashSet<string> Options = new() { "target", "nopython", "cache", "identity", "fastmath", "nogil", "boundscheck", "error_model", "forceobj" };

    public static bool IsDecorator(Expr d)
    {
        while (d is Call c) d = c.Func;
        return d is Name { Id: "vectorize" } or Attribute { Attr: "vectorize" };
    }

    /// <summary>Whether the function is a @guvectorize kernel: a generalized ufunc made from CPython, which compiled code
    /// does not call.</summary>
    public static bool IsGeneralized(FunctionInfo fn) =>
        fn.Node is FunctionDef f && f.DecoratorList.Any(d => (d is Call c ? c.Func : d) is Name { Id: "guvectorize" } or Attribute { Attr: "guvectorize" });

    public const string GeneralizedMessage = "compiled code does not call @guvectorize functions yet (a generalized ufunc is made from CPython)";
    public const string GeneralizedHint = "call it from Python, or write its loop as a @jit function";

    /// <summary>The function's @vectorize, parsed once (null when it has none).</summary>
    public static VectorizeInfo? Of(FunctionInfo fn)
    {
        if (fn.Node is not FunctionDef f || !f.DecoratorList.Any(IsDecorator)) return null;
        return fn.VectorizeParsed ??= Parse(fn, f);
    }

    private static VectorizeInfo Parse(FunctionInfo fn, FunctionDef f)
    {
        CompileError Error(Node at, string what, string? hint = null) => fn.Module.Error(ErrorKind.UnsupportedError, what, at.Span, hint);
        var decorator = f.DecoratorList.First(IsDecorator);
        if (f.DecoratorList.Count > 1)
            throw Error(f.DecoratorList.First(d => d != decorator), "a @vectorize function takes no other decorator", "decorate another function that calls it");
        if (fn.Params.Count == 0 || fn.Params.Any(p => p.Kind is ParamKind.VarPositional or ParamKind.KeywordOnly))
            throw Error(f, $"@vectorize needs a function of one or more positional parameters: {fn.Name}() is applied to each element of its inputs");
        var loops = new List<VectorizeLoop>();
        bool numpyErrors = true;   // Numba compiles a ufunc's kernel with NumPy's error model
        if (decorator is Call call)
        {
            foreach (var k in call.Keywords)
            {
                if (k.Arg == null || !Options.Contains(k.Arg))
                    throw Error(k, $"@vectorize does not take {(k.Arg == null ? "**" : k.Arg + "=")}", "its options are signatures, target=, identity=, cache=, nopython=, fastmath=");
                if (k.Arg == "error_model" && k.Value is Constant { Value: string model })
                    numpyErrors = model == "numpy" ? true : model == "python" ? false
                        : throw Error(k.Value, "error_model must be 'python' or 'numpy'");
                if (k.Arg == "target" && k.Value is Constant { Value: string target } && target is not ("cpu" or "parallel"))
                    throw Error(k.Value, $"@vectorize(target='{target}') is not supported: compiled code runs on the CPU", "use target='cpu' (the default)");
            }
            if (call.Args.Count > 1) throw Error(call.Args[1], "@vectorize takes one positional argument, the list of signatures");
            if (call.Args.Count == 1)
            {
                var items = call.Args[0] switch
                {
                    List l => l.Elts,
                    Syntax.Tuple t => t.Elts,
                    var single => new List<Expr> { single },
                };
                foreach (var item in items) loops.Add(Loop(item, fn, Error));
            }
        }
        return new VectorizeInfo(loops, numpyErrors);
    }

    private static VectorizeLoop Loop(Expr item, FunctionInfo fn, Func<Node, string, string?, CompileError> error)
    {
        string text = item is Constant { Value: string s } ? s : throw error(item,
            "a @vectorize signature is a string written out in the decorator, such as \"float64(float64, float64)\"", null);
        (SjType? ret, SjType[] args) sig;
        try { sig = TypeNames.ParseSignature(text); }
        catch (ArgumentException e) { throw error(item, $"invalid @vectorize signature '{text}': {e.Message}", "write it as \"float64(float64, float64)\""); }
        if (sig.ret is not ScalarType ret || sig.args.Any(a => a is not ScalarType))
            throw error(item, $"@vectorize signature '{text}': a ufunc's loop takes and returns numbers", "write it as \"float64(float64, float64)\"");
        if (sig.args.Length != fn.Params.Count)
            throw error(item, $"@vectorize signature '{text}' has {sig.args.Length} input(s), and {fn.Name}() takes {fn.Params.Count}", null);
        return new VectorizeLoop(sig.args.Cast<ScalarType>().ToArray(), ret);
    }
}
