using SharpJit.Diagnostics;
using SharpJit.Syntax;

using Attribute = SharpJit.Syntax.Attribute;
using Tuple = SharpJit.Syntax.Tuple;
using Span = SharpJit.Diagnostics.Span;

namespace SharpJit.Binding;

/// <summary>
/// The prange loops of a function compiled with <c>parallel=True</c>, outlined before scopes are analysed, as Numba's
/// parfors are: the loop becomes a nested chunk function that runs the loop over part of the range,
/// <code>
///     for i in prange(n):            rng = prange(n); chunks = _sj_prange_chunks(rng)
///         s += f(a[i])          =>   id_s = _sj_prange_identity(s, "+")
///                                    def chunk(c, lo, hi, step):
///                                        s = _sj_prange_identity(id_s, "+")
///                                        for i in range(lo, hi, step): s += f(a[i])
///                                        return s
///                                    for part in _sj_prange_run(chunk, chunks, rng): s += part
/// </code>
/// and the run calls it on the thread pool (Library/Parallel.cs, Runtime/ParallelLoops.cs). What the body reads is
/// captured by the closure; arrays it writes are shared. A variable the body updates only with <c>+= -= *= |= &amp;= ^=</c>,
/// <c>s = s + x</c> and the like, or <c>s = min(s, x)</c> / <c>max</c>, and reads nowhere else, is a reduction: each chunk
/// starts from the operation's identity and the chunks' results are combined in chunk order after the loop. Every
/// other variable it assigns is private to a chunk. A loop whose results could differ from running it in order stays
/// an ordinary loop: a body with break, return or yield, a private read before the body assigns it (a value carried
/// from one iteration to the next) or read after the loop, or one a nested function sees.
/// </summary>
public static class ParallelLoops
{
    /// <summary>@jit(parallel=True) / @njit(parallel=True), however the decorator is reached.</summary>
    public static bool IsParallelDecorator(Expr d) =>
        d is Call { Func: Name { Id: "jit" or "njit" } or Attribute { Attr: "jit" or "njit" } } c
        && c.Keywords.Any(k => k.Arg == "parallel" && k.Value is Constant { Value: true });

    /// <summary>Outlines the prange loops of the module-level functions decorated with parallel=True (a whole script).</summary>
    public static void OutlineDecorated(List<Stmt> module)
    {
        for (int k = 0; k < module.Count; k++)
            if (module[k] is FunctionDef f && f.DecoratorList.Any(IsParallelDecorator)) module[k] = Outline(f);
    }

    /// <summary>The function with its prange loops outlined (the same node when it has none that can be); the parsed
    /// tree is not changed (files are parsed once and shared).</summary>
    public static FunctionDef Outline(FunctionDef f)
    {
        var outliner = new Outliner(f);
        var body = outliner.Block(f.Body, null, null);
        return outliner.Count == 0 ? f : new FunctionDef(f.Name, f.Args, body, f.DecoratorList, f.Returns, f.TypeParams, f.Span);
    }

    private const string ChunkPrefix = "__sj_chunk";

    internal static bool IsChunkName(string name) => name.StartsWith(ChunkPrefix, StringComparison.Ordinal);

    private static bool IsPrange(Expr e) =>
        e is Call { Func: Name { Id: "prange" } or Attribute { Attr: "prange" }, Keywords.Count: 0 } c
        && c.Args.Count is >= 1 and <= 3 && !c.Args.Any(a => a is Starred);

    /// <summary>A position in the function: statement Index of Block, the statement that owns Block (null: the
    /// function's body), and the owner's own position.</summary>
    private sealed record Frame(List<Stmt> Block, int Index, Stmt? Owner, Frame? Outer);

    private enum Found { Nothing, Read, Assigned }

    /// <summary>A reduction variable: how the chunks' results are combined (Combine with Identity's operator, or
    /// min/max where Identity is "min"/"max"), in place (<c>s += part</c>) when every update was augmented, else
    /// rebinding (<c>s = s + part</c>, <c>s = min(s, part)</c>).</summary>
    private sealed record Reduction(string Name, Operator Combine, string Identity, bool InPlace, Span At);

    private sealed class Outliner(FunctionDef fn)
    {
        public int Count;
        private HashSet<string>? _seenByNestedScopes;

        public List<Stmt> Block(List<Stmt> stmts, Stmt? owner, Frame? outer)
        {
            var result = new List<Stmt>(stmts.Count);
            for (int k = 0; k < stmts.Count; k++)
            {
                var s = stmts[k];
                var here = new Frame(stmts, k, owner, outer);
                if (s is For loop && IsPrange(loop.Iter) && Plan(loop, here) is { } reductions) { result.AddRange(Outlined(loop, reductions)); continue; }
                if (!HasPrange(s)) { result.Add(s); continue; }
                result.Add(s switch
                {
                    For f => new For(f.Target, f.Iter, Block(f.Body, f, here), Block(f.OrElse, f, here), f.Span),
                    While w => new While(w.Test, Block(w.Body, w, here), Block(w.OrElse, w, here), w.Span),
                    If i => new If(i.Test, Block(i.Body, i, here), Block(i.OrElse, i, here), i.Span),
                    With w => new With(w.Items, Block(w.Body, w, here), w.Span),
                    Try t => new Try(Block(t.Body, t, here), t.Handlers.Select(h => new ExceptHandler(h.Type, h.Name, Block(h.Body, t, here), h.Span)).ToList(),
                        Block(t.OrElse, t, here), Block(t.FinalBody, t, here), t.Span),
                    _ => s,
                });
            }
            return result;
        }

        private static bool HasPrange(Stmt s) => s is For or While or If or With or Try && Local(s).Any(n => n is For f && IsPrange(f.Iter));

        /// <summary>The loop's reductions, or null when running it in parallel could change what the function computes.</summary>
        private List<Reduction>? Plan(For loop, Frame at)
        {
            if (loop.Target is not Name target || loop.OrElse.Count > 0) return null;
            var local = loop.Body.SelectMany(Local).ToList();
            if (local.Any(n => n is Return or Yield or YieldFrom or Await or Global or Nonlocal or Import or ImportFrom or Delete
                    or ClassDef or AsyncFor or AsyncWith or AsyncFunctionDef or Match or TryStar)
                || loop.Body.Any(BreaksOut))
                return null;
            var loads = loop.Body.SelectMany(AstWalk.Descendants).OfType<Name>().Where(n => n.Ctx == ExprContext.Load).Select(n => n.Id).ToHashSet();
            var stores = local.OfType<Name>().Where(n => n.Ctx == ExprContext.Store).Select(n => n.Id)
                .Concat(local.OfType<FunctionDef>().Select(f => f.Name)).Concat(local.OfType<ExceptHandler>().Where(h => h.Name != null).Select(h => h.Name!))
                .Append(target.Id).ToHashSet();
            var reductions = new List<Reduction>();
            foreach (var name in stores)
            {
                if (name != target.Id && AsReduction(name, local, loop.Body) is { } r) { reductions.Add(r); continue; }
                // Private to each chunk: the loop variable, or assigned before the body reads it, and not seen afterwards.
                if (name != target.Id && loads.Contains(name) && Scan(loop.Body, name) == Found.Read) return null;
                if (ReadAfter(at, name) || SeenByNestedScopes().Contains(name)) return null;
            }
            return reductions;
        }

        /// <summary>name as a reduction: every assignment to it in the body an update that combines, of one kind
        /// (<c>s += x</c>, <c>s = s + x</c>, <c>s = x * s</c> for the commutative operators, <c>s = min(s, x)</c>), where x
        /// does not mention it; and the body reads it nowhere else.</summary>
        private static Reduction? AsReduction(string name, List<Node> local, List<Stmt> body)
        {
            int assigned = local.OfType<Name>().Count(n => n.Id == name && n.Ctx == ExprContext.Store)
                + local.OfType<FunctionDef>().Count(f => f.Name == name) + local.OfType<ExceptHandler>().Count(h => h.Name == name);
            var updates = local.OfType<Stmt>().Select(st => Update(st, name)).Where(u => u != null).Select(u => u!.Value).ToList();
            if (updates.Count == 0 || updates.Count != assigned) return null;
            int reads = body.SelectMany(AstWalk.Descendants).OfType<Name>().Count(n => n.Id == name && n.Ctx == ExprContext.Load);
            if (reads != updates.Count(u => !u.InPlace)) return null;   // each rebinding update reads it once
            var kinds = updates.Select(u => (u.Combine, u.Identity)).Distinct().ToList();
            return kinds is [var kind] ? new Reduction(name, kind.Combine, kind.Identity, updates.All(u => u.InPlace), updates[0].At) : null;
        }

        /// <summary>The statement as an update of reduction variable name, or null.</summary>
        private static (Operator Combine, string Identity, bool InPlace, Span At)? Update(Stmt st, string name)
        {
            static (Operator, string)? Combining(Operator op) => op switch
            {
                Operator.Add or Operator.Sub => (Operator.Add, "+"),
                Operator.Mult => (Operator.Mult, "*"),
                Operator.BitOr => (Operator.BitOr, "|"),
                Operator.BitAnd => (Operator.BitAnd, "&"),
                Operator.BitXor => (Operator.BitXor, "^"),
                _ => null,
            };
            bool IsVariable(Expr x) => x is Name n && n.Id == name;
            switch (st)
            {
                case AugAssign { Target: Name t } a when t.Id == name && Combining(a.Op) is var (op, identity) && !Mentions(a.Value, name):
                    return (op, identity, true, a.Span);
                case Assign { Targets: [Name t], Value: BinOp b } a when t.Id == name && Combining(b.Op) is var (op, identity):
                    // s = s - x chunks start at 0 and are added; s = x - s is no reduction
                    bool variableFirst = IsVariable(b.Left) && !Mentions(b.Right, name);
                    bool variableSecond = b.Op != Operator.Sub && IsVariable(b.Right) && !Mentions(b.Left, name);
                    return variableFirst || variableSecond ? (op, identity, false, a.Span) : null;
                case Assign { Targets: [Name t], Value: Call { Func: Name { Id: "min" or "max" } f, Args: [var first, var other], Keywords.Count: 0 } } a
                    when t.Id == name && IsVariable(first) && other is not Starred && !Mentions(other, name):
                    // min(s, x) keeps s on ties and when x is NaN, so chunks combine in order to the same result;
                    // min(x, s) does not (a NaN x replaces s): it stays in order
                    return (Operator.Add, f.Id, false, a.Span);
                default:
                    return null;
            }
        }

        /// <summary>Names that nested functions and lambdas of the function mention: they see the function's variables
        /// when called, which may be after the loop.</summary>
        private HashSet<string> SeenByNestedScopes() => _seenByNestedScopes ??= fn.Body.SelectMany(AstWalk.Descendants)
            .Where(n => n is FunctionDef or Lambda).SelectMany(AstWalk.Descendants).OfType<Name>().Select(n => n.Id).ToHashSet();

        /// <summary>Whether the function may read name after the loop at this position, before assigning it.</summary>
        private static bool ReadAfter(Frame at, string name)
        {
            for (var f = at; f != null; f = f.Outer)
            {
                var found = Scan(f.Block.Skip(f.Index + 1), name);
                if (found == Found.Read) return true;
                if (found == Found.Assigned) return false;
                switch (f.Owner)
                {
                    case null: return false;
                    case For loop:   // the next iteration runs the whole body again; the else block runs after the last
                        if (!Binds(loop.Target, name) && Scan(loop.Body, name) == Found.Read || Scan(loop.OrElse, name) == Found.Read) return true;
                        break;
                    case While loop:
                        if (Mentions(loop.Test, name) || Scan(loop.Body, name) == Found.Read || Scan(loop.OrElse, name) == Found.Read) return true;
                        break;
                    case Try t:   // a handler or finally block may run after any statement of the try
                        if (t.Handlers.Any(h => Mentions(h, name)) || t.OrElse.Concat(t.FinalBody).Any(s => Mentions(s, name))) return true;
                        break;
                }
            }
            return false;
        }

        /// <summary>What statements run in order do with name first: read it, assign it on every path, or neither.
        /// Conservative: anything it cannot follow that mentions the name counts as a read.</summary>
        private static Found Scan(IEnumerable<Stmt> stmts, string name)
        {
            foreach (var s in stmts)
            {
                switch (s)
                {
                    case Assign a:
                        if (Mentions(a.Value, name) || a.Targets.Any(t => ReadsInTarget(t, name))) return Found.Read;
                        if (a.Targets.Any(t => Binds(t, name))) return Found.Assigned;
                        continue;
                    case AnnAssign { Value: { } value } a:
                        if (Mentions(value, name) || ReadsInTarget(a.Target, name)) return Found.Read;
                        if (Binds(a.Target, name)) return Found.Assigned;
                        continue;
                    case Break or Continue: return Found.Nothing;
                    case Return r: return r.Value != null && Mentions(r.Value, name) ? Found.Read : Found.Assigned;
                    case If i:
                    {
                        if (Mentions(i.Test, name)) return Found.Read;
                        var (then, other) = (Scan(i.Body, name), Scan(i.OrElse, name));
                        if (then == Found.Read || other == Found.Read) return Found.Read;
                        if (then == Found.Assigned && other == Found.Assigned) return Found.Assigned;
                        continue;
                    }
                    case For f:
                        if (Mentions(f.Iter, name) || ReadsInTarget(f.Target, name)) return Found.Read;
                        if (!Binds(f.Target, name) && Scan(f.Body, name) == Found.Read || Scan(f.OrElse, name) == Found.Read) return Found.Read;
                        continue;
                    case While w:
                        if (Mentions(w.Test, name) || Scan(w.Body, name) == Found.Read || Scan(w.OrElse, name) == Found.Read) return Found.Read;
                        continue;
                    case With w:
                    {
                        if (w.Items.Any(it => Mentions(it.ContextExpr, name) || it.OptionalVars != null && ReadsInTarget(it.OptionalVars, name))) return Found.Read;
                        if (w.Items.Any(it => it.OptionalVars != null && Binds(it.OptionalVars, name))) return Found.Assigned;
                        var inside = Scan(w.Body, name);
                        if (inside != Found.Nothing) return inside;
                        continue;
                    }
                    case FunctionDef d:
                        if (Mentions(d, name)) return Found.Read;
                        if (d.Name == name) return Found.Assigned;
                        continue;
                    default:
                        if (Mentions(s, name)) return Found.Read;
                        continue;
                }
            }
            return Found.Nothing;
        }

        private static bool Mentions(Node n, string name) => AstWalk.Descendants(n).Any(x => x is Name m && m.Id == name);

        /// <summary>Whether an assignment target reads name (a subscript or attribute target's operands).</summary>
        private static bool ReadsInTarget(Expr target, string name) => target switch
        {
            Name => false,
            Tuple t => t.Elts.Any(e => ReadsInTarget(e, name)),
            Syntax.List l => l.Elts.Any(e => ReadsInTarget(e, name)),
            Starred s => ReadsInTarget(s.Value, name),
            _ => Mentions(target, name),
        };

        private static bool Binds(Expr target, string name) => target switch
        {
            Name n => n.Id == name,
            Tuple t => t.Elts.Any(e => Binds(e, name)),
            Syntax.List l => l.Elts.Any(e => Binds(e, name)),
            Starred s => Binds(s.Value, name),
            _ => false,
        };

        /// <summary>A break of this loop: one not inside a nested loop.</summary>
        private static bool BreaksOut(Stmt s) => s switch
        {
            Break => true,
            If i => i.Body.Concat(i.OrElse).Any(BreaksOut),
            With w => w.Body.Any(BreaksOut),
            Try t => t.Body.Concat(t.Handlers.SelectMany(h => h.Body)).Concat(t.OrElse).Concat(t.FinalBody).Any(BreaksOut),
            _ => false,
        };

        /// <summary>The nodes of statements in this function's own scope: nested functions, lambdas and comprehensions
        /// are listed but not entered.</summary>
        private static IEnumerable<Node> Local(Node root)
        {
            var stack = new Stack<Node>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                yield return n;
                if (n is FunctionDef or Lambda or ListComp or SetComp or DictComp or GeneratorExp) continue;
                foreach (var c in AstWalk.Children(n).Reverse()) stack.Push(c);
            }
        }

        private IEnumerable<Stmt> Outlined(For loop, List<Reduction> reductions)
        {
            int id = ++Count;
            var at = loop.Span;
            string range = $"__sj_range{id}", chunks = $"__sj_chunks{id}", chunk = $"{ChunkPrefix}{id}", part = $"__sj_part{id}";
            Name Load(string n) => new(n, ExprContext.Load, at);
            Name Store(string n) => new(n, ExprContext.Store, at);
            Expr CallOf(string f, params Expr[] args) => new Call(Load(f), args.ToList(), new List<Keyword>(), at);
            string Identity(Reduction r) => $"__sj_identity{id}_{r.Name}";

            yield return new Assign(new() { Store(range) }, loop.Iter, loop.Iter.Span);
            yield return new Assign(new() { Store(chunks) }, CallOf("_sj_prange_chunks", Load(range)), at);
            foreach (var r in reductions)
                yield return new Assign(new() { Store(Identity(r)) },
                    new Call(new Name("_sj_prange_identity", ExprContext.Load, r.At), new() { new Name(r.Name, ExprContext.Load, r.At), new Constant(r.Identity, null, r.At) }, new(), r.At), r.At);

            // Each chunk's own start (a new array for an array: chunks must not share one).
            var body = reductions.Select(r => (Stmt)new Assign(new() { Store(r.Name) },
                CallOf("_sj_prange_identity", Load(Identity(r)), new Constant(r.Identity, null, at)), at)).ToList();
            // The step as the loop wrote it where it is a constant (1 when absent): a loop with a known step vectorises.
            var prangeArgs = ((Call)loop.Iter).Args;
            Expr step = prangeArgs.Count < 3 ? new Constant(1L, null, at) : prangeArgs[2] is Constant { Value: long } constant ? constant : Load("__sj_step");
            body.Add(new For(loop.Target, CallOf("range", Load("__sj_lo"), Load("__sj_hi"), step), loop.Body, new(), at));
            if (reductions.Count > 0)
                body.Add(new Return(reductions.Count == 1 ? Load(reductions[0].Name) : new Tuple(reductions.Select(r => (Expr)Load(r.Name)).ToList(), ExprContext.Load, at), at));
            var parameters = new[] { "__sj_c", "__sj_lo", "__sj_hi", "__sj_step" }.Select(p => new Arg(p, null, at)).ToList();
            yield return new FunctionDef(chunk, new Arguments(new(), parameters, null, new(), new(), null, new(), at), body, new(), null, new(), at);

            var run = CallOf("_sj_prange_run", Load(chunk), Load(chunks), Load(range));
            if (reductions.Count == 0) { yield return new ExprStmt(run, at); yield break; }
            var combine = reductions.Select((r, k) =>
            {
                Expr value = reductions.Count == 1 ? Load(part) : new Subscript(Load(part), new Constant((long)k, null, at), ExprContext.Load, at);
                var variable = new Name(r.Name, ExprContext.Load, r.At);
                if (r.InPlace) return (Stmt)new AugAssign(new Name(r.Name, ExprContext.Store, r.At), r.Combine, value, r.At);
                var combined = r.Identity is "min" or "max"
                    ? new Call(new Name(r.Identity, ExprContext.Load, r.At), new() { variable, value }, new(), r.At)
                    : (Expr)new BinOp(variable, r.Combine, value, r.At);
                return new Assign(new() { new Name(r.Name, ExprContext.Store, r.At) }, combined, r.At);
            }).ToList();
            yield return new For(Store(part), run, combine, new(), at);
        }
    }
}
