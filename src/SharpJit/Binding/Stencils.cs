using SharpJit.Diagnostics;
using SharpJit.Syntax;

using Attribute = SharpJit.Syntax.Attribute;
using Tuple = SharpJit.Syntax.Tuple;
using Span = SharpJit.Diagnostics.Span;

namespace SharpJit.Binding;

/// <summary>
/// Numba's <c>@stencil</c>, expanded before scopes are analysed as Numba's stencil wrapper is: a kernel written for one
/// point with relative indices becomes a function that runs it at every point where its neighbourhood lies inside the
/// first array, and sets the border to <c>cval</c> (0),
/// <code>
///     @stencil                              def __sj_stencil_point_k(__sj_i0, __sj_i1, a): (the point)
///     def k(a):                                 return 0.25 * (a[__sj_i0 + -1, __sj_i1 + 0] + ...)
///         return 0.25 * (a[-1, 0] + ...)    def __sj_stencil_run_k(a, __sj_out, __sj_fill): (the loops and the border)
///                                           def k(a, out=None):                              (a new array, or out)
/// </code>
/// The neighbourhood is the range of the constant relative indices (or the <c>neighborhood</c> option, which allows
/// any index); arrays named in <c>standard_indexing</c> are indexed as written. The output's dtype is the type the
/// kernel returns. Options come from the decorator: <c>@stencil</c>, <c>@stencil("constant", cval=, neighborhood=,
/// standard_indexing=)</c>, as <c>numba.stencil</c> or <c>sharpjit.stencil</c>.
/// </summary>
public static class Stencils
{
    public static bool IsDecorator(Expr d) =>
        d is Name { Id: "stencil" } or Attribute { Attr: "stencil" } || d is Call { Func: Name { Id: "stencil" } or Attribute { Attr: "stencil" } };

    private const string Prefix = "__sj_stencil_", PointPrefix = Prefix + "point_", RunPrefix = Prefix + "run_",
        ParallelRunPrefix = Prefix + "prun_", ParallelEntryPrefix = Prefix + "parallel_";

    internal static bool IsGeneratedName(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The loops a caller compiled with parallel=True runs: their outermost loop is a prange.</summary>
    internal static bool IsParallelRunName(string name) => name.StartsWith(ParallelRunPrefix, StringComparison.Ordinal);

    /// <summary>What a function compiled with parallel=True calls for the stencil kernel <paramref name="entry"/> (the
    /// entry named as the kernel): the entry whose loops run on the thread pool, as Numba's parfors run a stencil in
    /// such a function; null for any other function.</summary>
    public static FunctionInfo? ParallelEntryOf(FunctionInfo entry)
    {
        if (entry.Parent?.IsModule != true) return null;
        var globals = entry.Module.Globals;
        lock (globals)
            return globals.TryGetValue(ParallelEntryPrefix + entry.Name, out var g) && g.Function is { } f
                && globals.TryGetValue(PointPrefix + entry.Name, out _) ? f : null;
    }

    /// <summary>Whole scripts: each module-level def decorated with @stencil replaced by its three functions.</summary>
    public static void ExpandDecorated(SourceText source, List<Stmt> module)
    {
        for (int k = 0; k < module.Count; k++)
            if (module[k] is FunctionDef f && f.DecoratorList.FirstOrDefault(IsDecorator) is { } decorator)
            {
                var expanded = Expand(source, f, decorator);
                module.RemoveAt(k);
                module.InsertRange(k, expanded);
                k += expanded.Count - 1;
            }
    }

    /// <summary>The kernel's point function, loops and entry (named as the kernel), from a copy of it (parsed trees are
    /// shared).</summary>
    public static List<Stmt> Expand(SourceText source, FunctionDef original, Expr decorator)
    {
        var kernel = (FunctionDef)original.Copy();
        var at = kernel.Span;
        CompileError Error(string message, Node where, string? hint = null) => new(ErrorKind.UnsupportedError, message, source, where.Span, hint);

        // The options.
        Expr? cval = null;
        List<(long Lo, long Hi)>? neighborhood = null;
        var standard = new HashSet<string>();
        if (decorator is Call call)
        {
            foreach (var mode in call.Args)
                if (mode is not Constant { Value: string m } || m != "constant")
                    throw Error(mode is Constant { Value: string other } ? $"Unsupported mode style {other}" : "stencil() takes the mode as a string: 'constant'", mode);
            foreach (var option in call.Keywords)
                switch (option.Arg)
                {
                    case "cval": cval = option.Value; break;
                    case "neighborhood": neighborhood = Neighborhood(option.Value) ?? throw Error("stencil's neighborhood is a tuple of (low, high) int pairs, one per dimension", option.Value); break;
                    case "standard_indexing":
                        var names = option.Value is Tuple or Syntax.List ? AstWalk.Children(option.Value).OfType<Expr>() : new[] { option.Value };
                        foreach (var n in names)
                            standard.Add(n is Constant { Value: string s } ? s : throw Error("stencil's standard_indexing names the kernel's arguments as strings", n));
                        break;
                    default: throw Error($"Unknown stencil option {option.Arg}", option);
                }
        }

        var args = kernel.Args;
        if (args.PosOnlyArgs.Count > 0 || args.VarArg != null || args.KwOnlyArgs.Count > 0 || args.KwArg != null || args.Defaults.Count > 0 || args.Args.Count == 0)
            throw Error("a stencil kernel takes plain positional arguments, the first an array", kernel,
                "pass the other values as arguments without defaults");
        var parameters = args.Args.Select(a => a.Name).ToList();
        if (args.Args.FirstOrDefault(a => a.Name == "out") is { } reserved) throw Error("Cannot use the reserved word 'out' in stencil kernels.", reserved);
        if (standard.Contains(parameters[0]))
            throw Error("The first argument to a stencil kernel must use relative indexing, not standard indexing.", decorator);
        if (standard.Except(parameters).Any())
            throw Error("Standard indexing requested for an array name not present in the stencil kernel definition.", decorator);

        // Relative indices become absolute ones: a[-1, j] is a[__sj_i0 + -1, __sj_i1 + j].
        int ndim = neighborhood?.Count ?? 0;
        long[] lo = new long[ndim], hi = new long[ndim];   // sized by the neighborhood or by the first access
        var relative = new List<string>();
        var accesses = AstWalk.Descendants(kernel).OfType<Subscript>()
            .Where(s => s.Value is Name n && parameters.Contains(n.Id) && !standard.Contains(n.Id)).ToList();
        foreach (var access in accesses)
        {
            if (access.Ctx != ExprContext.Load) throw Error("Assignments to arrays passed to stencil kernels is not allowed.", access);
            var name = ((Name)access.Value).Id;
            if (!relative.Contains(name)) relative.Add(name);
            var parts = access.Slice is Tuple t ? t.Elts : new List<Expr> { access.Slice };
            if (ndim == 0) { ndim = parts.Count; lo = new long[ndim]; hi = new long[ndim]; }
            if (parts.Count != ndim) throw Error("Stencil index does not match array dimensionality.", access.Slice);
            for (int d = 0; d < parts.Count; d++)
            {
                if (parts[d] is Syntax.Slice or Starred)
                    throw Error("a stencil kernel indexes its arrays with an offset per dimension, not a slice", parts[d], "index the elements one by one");
                if (neighborhood != null) continue;
                long offset = IntConstant(parts[d]) ?? throw Error("stencil kernel index is not constant, 'neighborhood' option required", parts[d]);
                lo[d] = Math.Min(lo[d], offset);
                hi[d] = Math.Max(hi[d], offset);
            }
            var absolute = parts.Select((p, d) => (Expr)new BinOp(new Name(IndexName(d), ExprContext.Load, p.Span), Operator.Add, p, p.Span)).ToList();
            access.Slice = ndim == 1 ? absolute[0] : new Tuple(absolute, ExprContext.Load, access.Slice.Span);
        }
        if (accesses.Count == 0) throw Error("Stencil kernel with no accesses to relatively indexed arrays.", kernel);
        if (neighborhood != null)
            for (int d = 0; d < ndim; d++) (lo[d], hi[d]) = neighborhood[d];

        // The point, the loops over the interior with the border filled, and the entry.
        Name Load(string n) => new(n, ExprContext.Load, at);
        Name Store(string n) => new(n, ExprContext.Store, at);
        Expr Int(long v) => new Constant(v, null, at);
        Expr CallOf(string f, IEnumerable<Expr> a) => new Call(Load(f), a.ToList(), new List<Keyword>(), at);
        Arguments Params(IEnumerable<string> names, int defaults = 0) =>
            new(new(), names.Select(n => new Arg(n, null, at)).ToList(), null, new(), new(), null, Enumerable.Range(0, defaults).Select(_ => (Expr)new Constant(PyNone.Instance, null, at)).ToList(), at);
        var indices = Enumerable.Range(0, ndim).Select(IndexName).ToList();
        string point = PointPrefix + kernel.Name, run = RunPrefix + kernel.Name, primary = parameters[0];
        var pointDef = new FunctionDef(point, Params(indices.Concat(parameters)), kernel.Body, new(), null, new(), at);

        var body = new List<Stmt>();
        foreach (var other in relative.Skip(1))
        {
            // Numba's raise_if_incompatible_array_sizes
            Expr Attr(string array, string attr) => new Attribute(Load(array), attr, ExprContext.Load, at);
            body.Add(new If(new Compare(Attr(other, "ndim"), new() { CmpOperator.NotEq }, new() { Attr(primary, "ndim") }, at),
                new() { Fail("Secondary stencil array does not have same number  of dimensions as the first stencil input.") }, new(), at));
            Expr ShapeAt(string array) => new Subscript(Attr(array, "shape"), Load("__sj_d"), ExprContext.Load, at);
            body.Add(new For(Store("__sj_d"), CallOf("range", new[] { Attr(primary, "ndim") }),
                new() { new If(new Compare(ShapeAt(primary), new() { CmpOperator.Gt }, new() { ShapeAt(other) }, at),
                    new() { Fail("Secondary stencil array has some dimension smaller the same dimension in the first stencil input.") }, new(), at) }, new(), at));
        }
        body.Add(new Assign(new() { Store("__sj_shape") }, new Attribute(Load(primary), "shape", ExprContext.Load, at), at));
        var fill = new List<Stmt>();
        for (int d = 0; d < ndim; d++)
        {
            long before = -Math.Min(0, lo[d]), after = Math.Max(0, hi[d]);
            Expr Border(Syntax.Slice part)
            {
                var parts = Enumerable.Range(0, ndim).Select(k => k == d ? (Expr)part : new Syntax.Slice(null, null, null, at)).ToList();
                return new Subscript(Load("__sj_out"), ndim == 1 ? parts[0] : new Tuple(parts, ExprContext.Load, at), ExprContext.Store, at);
            }
            Expr value = cval ?? Int(0);
            if (before > 0) fill.Add(new Assign(new() { Border(new Syntax.Slice(null, Int(before), null, at)) }, value, at));
            if (after > 0) fill.Add(new Assign(new() { Border(new Syntax.Slice(Int(-after), null, null, at)) }, value, at));
        }
        if (fill.Count > 0) body.Add(new If(Load("__sj_fill"), fill, new(), at));
        // The kernel's body in the innermost loop where its only return is its last statement (the usual kernel: the
        // loops' bounds checks are then versioned away as in any loop), else a call of the point function.
        Expr Element() => new Subscript(Load("__sj_out"), ndim == 1 ? Load(indices[0]) : new Tuple(indices.Select(i => (Expr)Load(i)).ToList(), ExprContext.Load, at), ExprContext.Store, at);
        List<Stmt> inner;
        if (kernel.Body is [.., Return { Value: { } last }] && kernel.Body.SkipLast(1).SelectMany(Local).All(n => n is not (Return or Yield or YieldFrom)))
        {
            inner = kernel.Body.SkipLast(1).Select(x => (Stmt)x.Copy()).ToList();
            inner.Add(new Assign(new() { Element() }, (Expr)last.Copy(), last.Span));
        }
        else inner = new() { new Assign(new() { Element() }, CallOf(point, indices.Concat(parameters).Select(n => (Expr)Load(n))), at) };
        // The loops: in order, and with the outermost one a prange (run by a caller compiled with parallel=True).
        FunctionDef RunDef(string name, bool parallel)
        {
            // (the parallel loops on copies: a function's statements are its own)
            List<Stmt> Own(List<Stmt> stmts) => parallel ? stmts.Select(x => (Stmt)x.Copy()).ToList() : stmts;
            var loops = Own(inner);
            for (int d = ndim - 1; d >= 0; d--)
            {
                var stop = new BinOp(new Subscript(Load("__sj_shape"), Int(d), ExprContext.Load, at), Operator.Sub, Int(Math.Max(0, hi[d])), at);
                Expr range = parallel && d == 0 ? new Attribute(Load("__sj_sharpjit"), "prange", ExprContext.Load, at) : Load("range");
                loops = new() { new For(Store(indices[d]), new Call(range, new() { Int(-Math.Min(0, lo[d])), stop }, new(), at), loops, new(), at) };
            }
            var stmts = new List<Stmt>();
            if (parallel) stmts.Add(new Import(new() { new Alias("sharpjit", "__sj_sharpjit", at) }, at));
            stmts.AddRange(Own(body));
            stmts.AddRange(loops);
            stmts.Add(new Return(Load("__sj_out"), at));
            var def = new FunctionDef(name, Params(parameters.Append("__sj_out").Append("__sj_fill")), stmts, new(), null, new(), at);
            return parallel ? ParallelLoops.Outline(def) : def;
        }

        // out=None: a new array of the kernel's result type, border filled; else out, its border filled only with a cval.
        var arguments = parameters.Select(n => (Expr)Load(n)).ToList();
        var dtype = CallOf("_sj_call_dtype", new Expr[] { Load(point) }.Concat(Enumerable.Repeat(Int(0), ndim)).Concat(arguments));
        var fresh = new Call(new Attribute(Load("__sj_np"), "empty", ExprContext.Load, at), new() { new Attribute(Load(primary), "shape", ExprContext.Load, at), dtype }, new(), at);
        FunctionDef EntryDef(string name, string runs, List<Expr> decorators) => new(name, Params(parameters.Append("out"), defaults: 1), new List<Stmt>
        {
            new Import(new() { new Alias("numpy", "__sj_np", at) }, at),
            new If(new Compare(Load("out"), new() { CmpOperator.Is }, new() { new Constant(PyNone.Instance, null, at) }, at),
                new() { new Return(CallOf(runs, arguments.Append(fresh).Append(new Constant(true, null, at))), at) }, new(), at),
            new Return(CallOf(runs, arguments.Append(Load("out")).Append(new Constant(cval != null, null, at))), at),
        }, decorators, null, new(), at);
        string parallelRun = ParallelRunPrefix + kernel.Name;
        return new List<Stmt>
        {
            pointDef, RunDef(run, parallel: false), RunDef(parallelRun, parallel: true),
            EntryDef(kernel.Name, run, original.DecoratorList.Where(d => !IsDecorator(d)).ToList()),
            EntryDef(ParallelEntryPrefix + kernel.Name, parallelRun, new()),
        };

        static string IndexName(int d) => $"__sj_i{d}";
        Stmt Fail(string message) => new Syntax.Raise(CallOf("ValueError", new[] { new Constant(message, null, at) }), null, at);
    }

    /// <summary>The nodes of a statement in its own scope: nested functions and lambdas are listed but not entered.</summary>
    private static IEnumerable<Node> Local(Node root)
    {
        yield return root;
        if (root is FunctionDef or Lambda) yield break;
        foreach (var child in AstWalk.Children(root))
            foreach (var n in Local(child)) yield return n;
    }

    private static long? IntConstant(Expr e) => e switch
    {
        Constant { Value: long v } => v,
        UnaryOp { Op: UnaryOperator.USub, Operand: Constant { Value: long v } } => -v,
        UnaryOp { Op: UnaryOperator.UAdd, Operand: Constant { Value: long v } } => v,
        _ => null,
    };

    private static List<(long, long)>? Neighborhood(Expr e)
    {
        if (e is not (Tuple or Syntax.List)) return null;
        var pairs = new List<(long, long)>();
        foreach (var item in AstWalk.Children(e).OfType<Expr>())
        {
            var ends = item is Tuple or Syntax.List ? AstWalk.Children(item).OfType<Expr>().Select(IntConstant).ToList() : null;
            if (ends is not [{ } low, { } high]) return null;
            pairs.Add((low, high));
        }
        return pairs;
    }
}
