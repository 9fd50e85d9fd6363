using System.Numerics;
using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Syntax;

using Attribute = SharpJit.Syntax.Attribute;

namespace SharpJit.Binding;

/// <summary>
/// Lowers one function's AST to the control-flow IR in SSA form, using the on-the-fly construction of
/// Braun et al. ("Simple and Efficient Construction of Static Single Assignment Form").
/// </summary>
public sealed class Binder
{
    private readonly FunctionInfo _fn;
    private readonly ModuleInfo _module;
    private readonly IrFunction _ir;
    private Block _cur;
    private int _nextId;
    private int _tempCounter;
    private readonly Dictionary<Block, Dictionary<string, Value>> _defs = new();
    private readonly HashSet<Block> _sealed = new();
    private readonly Dictionary<Block, Dictionary<string, Instr>> _incomplete = new();
    private readonly Stack<(Block Continue, Block Break)> _loops = new();
    /// <summary>The try statements around the code being bound, innermost last.</summary>
    private readonly List<TryRegion> _regions = new();
    /// <summary>The exceptions the enclosing except clauses caught, innermost on top (what a bare raise raises).</summary>
    private readonly Stack<Value> _handling = new();

    /// <summary>A try body being bound: exceptions raised in it go to Landing. With a finally body, leaving the
    /// region by return, break or continue runs that body first; LoopDepth is how many loops were open at the try.</summary>
    private sealed record TryRegion(Block Landing, List<Stmt>? Finally, int LoopDepth);
    /// <summary>Module-level names that functions read: the module body stores them for those readers.</summary>
    private readonly HashSet<string> _storedGlobals;

    private Binder(FunctionInfo fn)
    {
        _fn = fn;
        _module = fn.Module;
        _ir = new IrFunction(fn.QualName, fn);
        _cur = NewBlock();
        Seal(_cur);
        _storedGlobals = fn.IsModule ? GlobalsReadByFunctions(fn.Module) : new HashSet<string>();
    }

    public static IrFunction Bind(FunctionInfo fn)
    {
        var b = new Binder(fn);
        b.BindBody();
        return b._ir;
    }

    private static HashSet<string> GlobalsReadByFunctions(ModuleInfo module)
    {
        var set = new HashSet<string>();
        foreach (var f in module.Functions.Values)
            if (!f.IsModule)
                foreach (var r in f.Reads)
                    if (module.Globals.TryGetValue(r, out var g) && g.Kind == GlobalKind.Variable) set.Add(r);
        return set;
    }

    private CompileError Unsupported(Node n, string what, string? hint = null) => _module.Error(ErrorKind.UnsupportedError, what, n.Span, hint);

    // ---------------------------------------------------------------- body

    private void BindBody()
    {
        int index = 0;
        var freeValues = new List<Value>();
        foreach (var free in _fn.FreeVars) { var p = NewParam(index++, free, _fn.NameSpan); freeValues.Add(p); WriteVar(free, p); }
        // Each capture comes with its bound flag (after all the values): a closure reads a capture that its maker had
        // not bound yet with CPython's free-variable NameError, where it reads it (fuzz-11).
        foreach (var (free, value) in _fn.FreeVars.Zip(freeValues)) _captureFlags[value] = NewParam(index++, "$bound:" + free, _fn.NameSpan);
        foreach (var p in _fn.Params) WriteVar(p.Name, NewParam(index++, p.Name, p.Span));
        switch (_fn.Node)
        {
            case Module m: BindStatements(m.Body); break;
            case FunctionDef f:
                if (VectorizeInfo.Of(_fn) != null) { BindStatements(f.Body); break; }   // checked when parsed
                if (f.DecoratorList.Count > 0 && !f.DecoratorList.All(d => IsJitDecorator(d) || _module.IsLibrary && d is Call { Func: Name { Id: "overload" } } or Name { Id: "unchecked" }
                        || IsMethodDecorator(d) && _module.Globals.Values.Any(g => g.Class is { } c && (c.Methods.ContainsValue(_fn) || c.Setters.ContainsValue(_fn)))))
                {
                    if (VectorizeInfo.IsGeneralized(_fn)) throw Unsupported(f, VectorizeInfo.GeneralizedMessage, VectorizeInfo.GeneralizedHint);
                    throw Unsupported(f.DecoratorList[0], "decorators other than @jit/@njit are not supported on compiled functions");
                }
                BindStatements(f.Body);
                break;
            case Lambda l:
                if (!_cur.IsTerminated) Terminate(TermKind.Return, Expr(l.Body), l.Body.Span);
                break;
            case GeneratorExp ge:
                BindComprehensionLoops(ge.Generators, () => BindYield(Expr(ge.Elt), ge.Elt, valueUsed: false),
                    ReadVar(ScopeAnalyzer.GeneratorExpressionSource, ge.Span));
                break;
        }
        if (!_cur.IsTerminated) Terminate(TermKind.Return, Const(PyNone.Instance, _fn.NameSpan), _fn.NameSpan);
        RemoveUnreachable();
        RemoveTrivialPhis();   // after dropping dead code, whose edges may have been all that made a phi non-trivial
        InsertBoundChecks();
        RemoveUnusedClosures();
        _ir.NextId = _nextId;
    }

    /// <summary>Drops closures that are never used, and phis that only merged them: every use of a local closure
    /// captures again (ReadName), so the one made by its def may be left unused, and may capture variables not yet
    /// bound there.</summary>
    private void RemoveUnusedClosures()
    {
        if (!_ir.Blocks.Any(b => b.Instrs.Any(i => i.Op == Op.MakeClosure))) return;   // most functions make none
        for (bool removed = true; removed;)
        {
            var used = _ir.Blocks.SelectMany(b => b.Phis.Concat(b.Instrs).SelectMany(i => i.Args.Where(a => a != i)).Append(b.Term.Value)).ToHashSet();
            removed = false;
            foreach (var b in _ir.Blocks)
            {
                removed |= b.Instrs.RemoveAll(i => i.Op == Op.MakeClosure && !used.Contains(i)) > 0;
                removed |= b.Phis.RemoveAll(p => p.Args.Any(a => a is Instr { Op: Op.MakeClosure }) && !used.Contains(p)) > 0;
            }
        }
    }

    /// <summary>Turns the CheckBound placeholders ReadName put at reads of possibly unbound variables into checks of a
    /// flag that SSA tracks beside the variable (a phi of true and false mirroring the value's phi), and drops the
    /// placeholders of variables bound on every path, almost all of them.</summary>
    private void InsertBoundChecks()
    {
        var maybe = new HashSet<Instr>();
        bool MaybeUnbound(Value v) => v is Instr { Op: Op.Undef } || v is Instr { Op: Op.Phi } p && maybe.Contains(p);
        var phis = _ir.Blocks.SelectMany(b => b.Phis).ToList();
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var phi in phis)
                if (!maybe.Contains(phi) && phi.Args.Any(MaybeUnbound)) { maybe.Add(phi); changed = true; }
        }
        bool Placeholder(Instr i) => i.Op == Op.CheckBound && i.BoundName is { Explicit: false };
        bool Needed(Instr i) => Placeholder(i) && MaybeUnbound(i.Args[0]);
        var closures = _ir.Blocks.SelectMany(b => b.Instrs).Where(i => i.Op == Op.MakeClosure).ToList();
        if (!_ir.Blocks.Any(b => b.Instrs.Any(Needed)) && !closures.Any(c => c.Args.Any(a => MaybeUnbound(a) || _captureFlags.ContainsKey(a))))
        {
            foreach (var b in _ir.Blocks) b.Instrs.RemoveAll(Placeholder);
            if (closures.Count == 0) return;
            var yes = new Instr(Op.Const, Array.Empty<Value>(), true, _fn.NameSpan) { Id = _nextId++, Block = _ir.Entry };
            _ir.Entry.Instrs.Insert(0, yes);
            foreach (var c in closures) c.Args = c.Args.Concat(c.Args.Select(_ => (Value)yes)).ToArray();
            return;
        }
        var entry = _ir.Entry;
        var bound = new Instr(Op.Const, Array.Empty<Value>(), true, _fn.NameSpan) { Id = _nextId++, Block = entry };
        var unbound = new Instr(Op.Const, Array.Empty<Value>(), false, _fn.NameSpan) { Id = _nextId++, Block = entry };
        entry.Instrs.InsertRange(0, new[] { bound, unbound });
        var flags = new Dictionary<Instr, Instr>();
        foreach (var phi in maybe)
        {
            var flag = new Instr(Op.Phi, Array.Empty<Value>(), "$bound:" + phi.Name, phi.Span) { Id = _nextId++, Block = phi.Block };
            phi.Block.Phis.Add(flag);
            flags[phi] = flag;
        }
        Value FlagOf(Value v) => v is Instr { Op: Op.Undef } ? unbound : v is Instr { Op: Op.Phi } p && flags.TryGetValue(p, out var f) ? f
            : _captureFlags.TryGetValue(v, out var captured) ? captured : bound;
        foreach (var (phi, flag) in flags) flag.Args = phi.Args.Select(FlagOf).ToArray();
        foreach (var b in _ir.Blocks)
        {
            b.Instrs.RemoveAll(i => Placeholder(i) && !MaybeUnbound(i.Args[0]));
            foreach (var i in b.Instrs.Where(Placeholder)) i.Args = new[] { FlagOf(i.Args[0]), i.Args[0] };
        }
        foreach (var c in closures) c.Args = c.Args.Concat(c.Args.Select(FlagOf)).ToArray();
    }

    /// <summary>A `with sharpjit.objmode(y="float64"):` block: where a host runs Python, one call that runs the body
    /// there (the variables it reads passed in) and unpacks the declared outputs; elsewhere the body is compiled code.</summary>
    private void BindObjMode(With w, Call declaration)
    {
        var (names, types) = ObjMode.Outputs(_module, declaration);
        if (_module.ObjMode is not { } host) { BindStatements(w.Body); return; }
        for (int k = 0; k < types.Length; k++)
            if (host.CannotPass(types[k], output: true) is { } why)
                throw _module.Error(ErrorKind.TypingError, $"objmode cannot bring '{names[k]}' ({types[k].Name}) back from Python: {why}", declaration.Keywords[k].Value.Span);
        var inputs = ObjMode.Inputs(_fn, w);
        var first = _module.Source.LineColumn(w.Body[0].Span.Start).Line;
        var last = _module.Source.LineColumn(w.Body[^1].Span.End).Line;
        var block = new ObjModeBlock(inputs, names, types, first, last, w.Span);
        long id = host.Define(_module.Source, block);
        // A global per block: its entry types and lowers the call; its key keeps cache entries to this process.
        string global = $"$objmode:{id}";
        lock (_module.Globals)
            _module.Globals[global] = new GlobalInfo(global)
            {
                Kind = GlobalKind.HostCallable, Entry = Library.ObjModeCalls.Entry(host, id, block), HostKey = $"objmode:{host.ProcessKey}:{id}",
            };
        var args = new List<Value> { Emit(Op.Global, declaration.Span, global) };
        args.AddRange(inputs.Select(name => ReadName(name, declaration.Span)));
        var outputs = Emit(Op.Call, declaration.Span, new CallShape(inputs.Length, Array.Empty<string>()), args.ToArray());
        for (int k = 0; k < names.Length; k++) WriteVar(names[k], Emit(Op.GetItem, declaration.Span, null, outputs, Const((long)k, declaration.Span)));
    }

    /// <summary>What the scope analysis checked on a compiled class's methods: @staticmethod, @property, @NAME.setter.</summary>
    private static bool IsMethodDecorator(Expr d) => d is Name { Id: "staticmethod" or "property" } or Attribute { Attr: "setter" };

    /// <summary>@jit, @njit, and @sharpjit.callback(...): where a whole file is compiled (`sharpjit run`, export) a
    /// callback is a compiled function like any other, so the same script runs with and without CPython.</summary>

    private static bool IsJitDecorator(Expr e)
    {
        while (e is Call c) e = c.Func;
        return e is Name { Id: "jit" or "njit" } or Attribute { Attr: "jit" or "njit" or "callback" };
    }

    /// <summary>Drops blocks that cannot run (code after return, etc.) and their edges into live blocks.</summary>
    private void RemoveUnreachable()
    {
        IrEdit.RemoveUnreachable(_ir);
        for (int i = 0; i < _ir.Blocks.Count; i++) _ir.Blocks[i].Id = i;
    }

    private void BindStatements(List<Stmt> body)
    {
        foreach (var s in body)
        {
            if (_cur.IsTerminated)
            {
                // Code after return/raise/break/continue: bind it into an unreachable block (dropped later).
                _cur = NewBlock();
                Seal(_cur);
            }
            BindStatement(s);
        }
    }

    private void BindStatement(Stmt s)
    {
        CompileDepth.EnsureStack();
        switch (s)
        {
            case ExprStmt e:
                if (e.Value is Constant { Value: string }) return; // docstring
                if (e.Value is Yield y) { BindYield(y.Value != null ? Expr(y.Value) : Const(PyNone.Instance, y.Span), y, valueUsed: false); return; }
                Expr(e.Value);
                return;
            case Assign a:
            {
                // Point = namedtuple(...): a module-level class (ScopeAnalyzer).
                if (_fn.IsModule && a.Targets is [Name nt] && _module.Globals.TryGetValue(nt.Id, out var ng) && (ng.Kind is GlobalKind.NamedTupleClass or GlobalKind.ExternFunction || ng.HostObject is Library.BitcodeLibrary)) return;
                var v = Expr(a.Value);
                foreach (var t in a.Targets) AssignTarget(t, v);
                return;
            }
            case AnnAssign aa:
                if (aa.Value != null) AssignTarget(aa.Target, Expr(aa.Value));
                return;
            case AugAssign au:
            {
                if (au.Target is Subscript sub)
                {
                    // x[i] op= v: the container and index are evaluated once; an array item (or view) is updated in place.
                    var obj = Expr(sub.Value); var idx = Expr(sub.Slice);
                    var item = Emit(Op.GetItem, sub.Span, null, obj, idx);
                    var updated = Emit(Op.InPlaceOp, au.Span, au.Op, item, Expr(au.Value));
                    Emit(Op.SetItem, au.Span, null, obj, idx, updated);
                    return;
                }
                if (au.Target is Attribute attr)
                {
                    // x.a op= v: x is evaluated once; the result is assigned back (a list attribute is the same list).
                    var owner = Expr(attr.Value);
                    var current = Emit(Op.Attr, attr.Span, attr.Attr, owner);
                    Emit(Op.SetAttr, au.Span, attr.Attr, owner, Emit(Op.InPlaceOp, au.Span, au.Op, current, Expr(au.Value)));
                    return;
                }
                if (au.Target is not Name n) throw Unsupported(au.Target, "augmented assignment is only supported to a variable, an attribute or an item");
                var left = ReadName(n.Id, n.Span);
                var right = Expr(au.Value);
                AssignTarget(n, Emit(Op.InPlaceOp, au.Span, au.Op, left, right));
                return;
            }
            case Pass: return;
            case If i: BindIf(i); return;
            case While w: BindWhile(w); return;
            case For f: BindFor(f); return;
            case Break br:
                if (_loops.Count == 0) throw _module.Error(ErrorKind.SyntaxError, "'break' outside loop", br.Span);
                RunFinallyBodies(_loops.Count);
                JumpIfOpen(_loops.Peek().Break, br.Span);
                return;
            case Continue co:
                if (_loops.Count == 0) throw _module.Error(ErrorKind.SyntaxError, "'continue' not properly in loop", co.Span);
                RunFinallyBodies(_loops.Count);
                JumpIfOpen(_loops.Peek().Continue, co.Span);
                return;
            case Return r:
            {
                if (_fn.IsModule) throw _module.Error(ErrorKind.SyntaxError, "'return' outside function", r.Span);
                var result = r.Value != null ? Expr(r.Value) : Const(PyNone.Instance, r.Span);
                RunFinallyBodies(0);
                if (!_cur.IsTerminated) Terminate(TermKind.Return, result, r.Span);
                return;
            }
            case Raise r:
                BindRaise(r);
                return;
            case Assert a: BindAssert(a); return;
            case FunctionDef f:
                if (_fn.IsModule) return; // module-level functions are globals
                WriteVar(f.Name, MakeClosure(_module.Functions[f], f.Span));
                return;
            case Import imp:
                if (_fn.IsModule) return;
                foreach (var al in imp.Names)
                {
                    var module = al.AsName == null ? al.Name.Split('.')[0] : al.Name;   // `import numpy.linalg` binds numpy
                    WriteVar(al.AsName ?? module, Emit(Op.Global, al.Span, "$module:" + module));
                }
                return;
            case ImportFrom imf:
                if (_fn.IsModule) return;
                foreach (var al in imf.Names)
                    WriteVar(al.AsName ?? al.Name, Emit(Op.Attr, al.Span, al.Name, Emit(Op.Global, imf.Span, "$module:" + imf.Module)));
                return;
            case Global g: throw Unsupported(g, "the 'global' statement is not supported", "compiled functions can read module-level values but not assign them; return the new value instead");
            case Nonlocal nl: throw Unsupported(nl, "the 'nonlocal' statement is not supported", "return the new value from the inner function instead");
            case ClassDef c when _fn.IsModule && _module.Globals.TryGetValue(c.Name, out var cg) && cg.Kind is GlobalKind.ExceptionClass or GlobalKind.NamedTupleClass or GlobalKind.Class:
                return;   // an exception, namedtuple or plain class: a module-level name (ScopeAnalyzer)
            case ClassDef c: throw Unsupported(c,
                !_fn.IsModule ? "classes defined inside functions are not supported in compiled code"
                : c.Bases.Count > 1 ? $"class '{c.Name}' has more than one base class, which compiled code does not support"
                : c.Bases.Count > 0 ? $"class '{c.Name}' derives from a class other than a compiled class defined above it, an exception class or NamedTuple, which compiled code does not support"
                : $"class '{c.Name}' has decorators or keywords that compiled code does not support",
                "define plain classes (no base class or one compiled base, optionally @sharpjit.jitclass), exception classes and NamedTuple classes at module level");
            case Try t: BindTry(t); return;
            case TryStar t: throw Unsupported(t, "try/except* is not supported in compiled code");
            case With w when ObjMode.Declaration(w) is { } objmode:
                BindObjMode(w, objmode);
                break;
            case With w: throw Unsupported(w, "'with' statements are not supported in compiled code", "only 'with sharpjit.objmode(...)' blocks are");
            case Delete d:
                foreach (var target in d.Targets)
                {
                    if (target is not Subscript sub) throw Unsupported(target, "'del' of anything but an item (del d[k], del xs[i]) is not supported in compiled code");
                    var obj = Expr(sub.Value); var idx = Expr(sub.Slice);
                    Emit(Op.Call, sub.Span, new CallShape(2, Array.Empty<string>()), Emit(Op.Global, sub.Span, "$builtin:$delitem"), obj, idx);
                }
                break;
            case Match m: throw Unsupported(m, "'match' statements are not supported in compiled code", "use if/elif chains");
            case AsyncFunctionDef or AsyncFor or AsyncWith: throw Unsupported(s, "async code is not supported in compiled code");
            case TypeAlias ta: throw Unsupported(ta, "'type' statements are not supported in compiled code");
            default: throw Unsupported(s, $"the statement '{s.GetType().Name}' is not supported in compiled code");
        }
    }

    private void BindIf(If i)
    {
        var then = NewBlock(); var els = NewBlock(); var join = NewBlock();
        BindCond(i.Test, then, i.OrElse.Count > 0 ? els : join);
        Seal(then);
        _cur = then; BindStatements(i.Body); JumpIfOpen(join, i.Span);
        if (i.OrElse.Count > 0)
        {
            Seal(els);
            _cur = els; BindStatements(i.OrElse); JumpIfOpen(join, i.Span);
        }
        Seal(join);
        _cur = join;
    }

    private void BindWhile(While w)
    {
        var header = NewBlock(); var body = NewBlock(); var orElse = NewBlock(); var exit = NewBlock();
        Jump(header, w.Span);
        _cur = header;
        BindCond(w.Test, body, w.OrElse.Count > 0 ? orElse : exit);
        Seal(body);
        _loops.Push((header, exit));
        _cur = body; BindStatements(w.Body); JumpIfOpen(header, w.Span);
        _loops.Pop();
        Seal(header);
        if (w.OrElse.Count > 0)
        {
            Seal(orElse);
            _cur = orElse; BindStatements(w.OrElse); JumpIfOpen(exit, w.Span);
        }
        Seal(exit);
        _cur = exit;
    }

    private void BindFor(For f)
    {
        string iterVar = $"$iter{_tempCounter++}";
        WriteVar(iterVar, Emit(Op.GetIter, f.Iter.Span, null, Expr(f.Iter)));
        var header = NewBlock(); var body = NewBlock(); var orElse = NewBlock(); var exit = NewBlock();
        Jump(header, f.Span);
        _cur = header;
        var it = ReadVar(iterVar, f.Iter.Span);
        var valid = Emit(Op.IterValid, f.Iter.Span, null, it);
        Branch(valid, body, f.OrElse.Count > 0 ? orElse : exit, f.Iter.Span);
        Seal(body);
        _cur = body;
        var item = Emit(Op.IterValue, f.Target.Span, null, it);
        WriteVar(iterVar, Emit(Op.IterNext, f.Iter.Span, null, it));
        AssignTarget(f.Target, item);
        _loops.Push((header, exit));
        BindStatements(f.Body); JumpIfOpen(header, f.Span);
        _loops.Pop();
        Seal(header);
        if (f.OrElse.Count > 0)
        {
            Seal(orElse);
            _cur = orElse; BindStatements(f.OrElse); JumpIfOpen(exit, f.Span);
        }
        Seal(exit);
        _cur = exit;
    }

    // ---------------------------------------------------------------- exceptions

    /// <summary>
    /// try/except/else/finally. Blocks made while a try body is bound are protected: each names the body's landing
    /// block as its handler, and an exception raised anywhere in one goes there, with the variables as they were at
    /// the end of the block (WriteVar starts a new block rather than write after an instruction that may raise). The
    /// landing tests the except clauses in order; none matching propagates the exception. A finally body is bound
    /// once for each way out: falling through, an exception (held, then raised again with its traceback), and each
    /// return, break or continue that leaves it.
    /// </summary>
    private void BindTry(Try t)
    {
        if (t.FinalBody.Count == 0) { BindTryExcept(t); return; }
        var landing = NewBlock();
        var region = new TryRegion(landing, t.FinalBody, _loops.Count);
        EnterProtected(region);
        if (t.Handlers.Count > 0) BindTryExcept(t);
        else BindStatements(t.Body);
        _regions.Remove(region);
        var bodyEnd = _cur;
        // An exception: held while the finally body runs, then raised again as it was.
        Seal(landing);
        _cur = landing;
        var held = Emit(Op.ExcCatch, t.Span, true);
        BindHandling(held, t.FinalBody);
        if (!_cur.IsTerminated) _cur.Term = new Terminator { Kind = TermKind.Reraise, Value = held, Span = t.Span };
        // Falling through.
        _cur = bodyEnd;
        if (_cur.IsTerminated) { _cur = NewBlock(); Seal(_cur); return; }
        ContinueInNewBlock(t.Span);
        BindStatements(t.FinalBody);
    }

    private void BindTryExcept(Try t)
    {
        var after = NewBlock();
        var landing = NewBlock();
        var region = new TryRegion(landing, null, _loops.Count);
        EnterProtected(region);
        BindStatements(t.Body);
        _regions.Remove(region);
        if (!_cur.IsTerminated)
        {
            ContinueInNewBlock(t.Span);
            BindStatements(t.OrElse);
            JumpIfOpen(after, t.Span);
        }
        Seal(landing);
        _cur = landing;
        foreach (var h in t.Handlers)
        {
            Block? next = null;
            if (h.Type != null)
            {
                var matches = Emit(Op.ExcMatch, h.Type.Span, null, Expr(h.Type));
                var body = NewBlock(); next = NewBlock();
                Branch(matches, body, next, h.Span);
                Seal(body); Seal(next);
                _cur = body;
            }
            // Kept when the clause names it or raises it again, and as the context of what the clause raises.
            var caught = Emit(Op.ExcCatch, h.Span, true);
            if (h.Name != null) WriteVar(h.Name, caught);
            BindHandling(caught, h.Body);
            // CPython deletes the name when the clause ends (`del e`): reading it after is UnboundLocalError.
            if (h.Name != null && !_cur.IsTerminated) WriteVar(h.Name, new Instr(Op.Undef, Array.Empty<Value>(), h.Name, h.Span) { Id = _nextId++, Block = _cur });
            JumpIfOpen(after, h.Span);
            if (next == null) break;   // a bare except: is last
            _cur = next;
        }
        if (!_cur.IsTerminated) _cur.Term = new Terminator { Kind = TermKind.Reraise, Span = t.Span };
        Seal(after);
        _cur = after;
    }

    /// <summary>Binds a body that runs while an exception is handled: its blocks name it (Block.Handling).</summary>
    private void BindHandling(Value exception, List<Stmt> body)
    {
        _handling.Push(exception);
        ContinueInNewBlock(default);
        BindStatements(body);
        _handling.Pop();
    }

    /// <summary>Opens a try body: blocks made from here on go to the region's landing when they raise.</summary>
    private void EnterProtected(TryRegion region)
    {
        _regions.Add(region);
        ContinueInNewBlock(default);
    }

    /// <summary>Binds the finally bodies a return (depth 0) or a break/continue (the loop depth) leaves, innermost
    /// first, each outside its own region.</summary>
    private void RunFinallyBodies(int loopDepth)
    {
        if (!_regions.Any(r => r.Finally != null && r.LoopDepth >= loopDepth)) return;
        var saved = _regions.ToList();
        for (int k = saved.Count - 1; k >= 0 && !_cur.IsTerminated; k--)
        {
            if (saved[k].LoopDepth < loopDepth) break;
            if (saved[k].Finally is not { } body) continue;
            _regions.RemoveRange(k, _regions.Count - k);
            ContinueInNewBlock(default);
            BindStatements(body);
        }
        _regions.Clear();
        _regions.AddRange(saved);
        // Back inside the regions the jump leaves from (its own block is protected as the code before it was).
        if (!_cur.IsTerminated) ContinueInNewBlock(default);
    }

    private void BindRaise(Raise r)
    {
        if (r.Exc == null)
        {
            if (_handling.Count > 0) { _cur.Term = new Terminator { Kind = TermKind.Reraise, Value = _handling.Peek(), Span = r.Span }; return; }
            var cls = Emit(Op.Global, r.Span, "$builtin:RuntimeError");
            var exc = Emit(Op.Call, r.Span, new CallShape(1, Array.Empty<string>()), cls, Const("No active exception to reraise", r.Span));
            Terminate(TermKind.Raise, exc, r.Span);
            return;
        }
        var value = Expr(r.Exc);
        if (r.Cause != null) Emit(Op.ExcCause, r.Cause.Span, null, Expr(r.Cause));
        Terminate(TermKind.Raise, value, r.Span);
    }

    private void BindAssert(Assert a)
    {
        var fail = NewBlock(); var ok = NewBlock();
        BindCond(a.Test, ok, fail);
        Seal(fail); Seal(ok);
        _cur = fail;
        var cls = Emit(Op.Global, a.Span, "$builtin:AssertionError");
        var args = a.Msg != null ? new[] { cls, Expr(a.Msg) } : new[] { cls };
        var exc = Emit(Op.Call, a.Span, new CallShape(args.Length - 1, Array.Empty<string>()), args);
        Terminate(TermKind.Raise, exc, a.Span);
        _cur = ok;
    }

    private void AssignTarget(Expr target, Value v)
    {
        CompileDepth.EnsureStack();
        switch (target)
        {
            case Name n:
                WriteVar(n.Id, v);
                if (_fn.IsModule && _storedGlobals.Contains(n.Id)) Emit(Op.StoreGlobal, n.Span, n.Id, v);
                return;
            case Syntax.Tuple or Syntax.List:
            {
                var elts = target is Syntax.Tuple t ? t.Elts : ((Syntax.List)target).Elts;
                int star = elts.FindIndex(e => e is Starred);
                if (star >= 0)
                {
                    AssignStarred(target, elts, star, v);
                    return;
                }
                // The value must have exactly as many items as there are targets (checked while typing).
                Emit(Op.Call, target.Span, new CallShape(2, Array.Empty<string>()), Emit(Op.Global, target.Span, "$builtin:$unpack"), v, Const((long)elts.Count, target.Span));
                for (int i = 0; i < elts.Count; i++)
                    AssignTarget(elts[i], Emit(Op.GetItem, elts[i].Span, null, v, Const((long)i, elts[i].Span)));
                return;
            }
            case Subscript s:
            {
                var obj = Expr(s.Value); var idx = Expr(s.Slice);
                Emit(Op.SetItem, s.Span, null, obj, idx, v);
                return;
            }
            case Attribute at:
                Emit(Op.SetAttr, at.Span, at.Attr, Expr(at.Value), v);
                return;
            default: throw Unsupported(target, "this assignment target is not supported");
        }
    }

    /// <summary>a, *rest, z = v: the items before and after the starred name by position (those after from the end),
    /// the starred name a list of the rest (list(v[before:-after])), as CPython assigns; $unpack_star checks that v has
    /// at least as many items as there are other names.</summary>
    private void AssignStarred(Expr target, IReadOnlyList<Expr> elts, int star, Value v)
    {
        if (elts.Count(e => e is Starred) > 1) throw Unsupported(elts.Last(e => e is Starred), "multiple starred expressions in assignment");
        int after = elts.Count - star - 1;
        Emit(Op.Call, target.Span, new CallShape(3, Array.Empty<string>()), Emit(Op.Global, target.Span, "$builtin:$unpack_star"), v,
            Const((long)star, target.Span), Const((long)after, target.Span));
        for (int i = 0; i < star; i++)
            AssignTarget(elts[i], Emit(Op.GetItem, elts[i].Span, null, v, Const((long)i, elts[i].Span)));
        for (int j = 0; j < after; j++)
        {
            var item = elts[star + 1 + j];
            AssignTarget(item, Emit(Op.GetItem, item.Span, null, v, Const((long)(j - after), item.Span)));
        }
        var starred = (Starred)elts[star];
        var span = starred.Span;
        var slice = Emit(Op.Call, span, new CallShape(3, Array.Empty<string>()), Emit(Op.Global, span, "$builtin:slice"),
            Const((long)star, span), after == 0 ? Const(PyNone.Instance, span) : Const((long)-after, span), Const(PyNone.Instance, span));
        var rest = Emit(Op.GetItem, span, null, v, slice);
        AssignTarget(starred.Value, Emit(Op.Call, span, new CallShape(1, Array.Empty<string>()), Emit(Op.Global, span, "$builtin:list"), rest));
    }

    // ---------------------------------------------------------------- expressions

    private Value Expr(Expr e)
    {
        CompileDepth.EnsureStack();
        switch (e)
        {
            case Constant c: return BindConstant(c);
            case Name n:
                if (n.Id == "__name__") return Const("__main__", n.Span);
                return ReadName(n.Id, n.Span);
            case BinOp { Op: Operator.Mod, Left: Constant { Value: string fmt } } b: return BindPercentFormat(fmt, b);
            case BinOp b:
            {
                var l = Expr(b.Left); var r = Expr(b.Right);
                return Emit(Op.BinOp, b.Span, b.Op, l, r);
            }
            case UnaryOp u when IsInt64MinLiteral(u): return Const(long.MinValue, u.Span);
            case UnaryOp u:
            {
                var x = Expr(u.Operand);
                if (u.Op == UnaryOperator.Not) return Emit(Op.Not, u.Span, null, Truth(x, u.Operand.Span));
                return Emit(Op.UnaryOp, u.Span, u.Op, x);
            }
            case BoolOp bo: return BindBoolOp(bo);
            case Compare c: return BindCompare(c);
            case IfExp ie: return BindIfExp(ie);
            case Call c: return BindCall(c);
            case Attribute a: return Emit(Op.Attr, a.Span, a.Attr, Expr(a.Value));
            case Subscript s:
                { var obj = Expr(s.Value); var idx = Expr(s.Slice); return Emit(Op.GetItem, s.Span, null, obj, idx); }
            case Slice sl:
            {
                // start:stop:step is slice(start, stop, step), missing parts None.
                Value Part(Expr? x) => x == null ? Const(PyNone.Instance, sl.Span) : Expr(x);
                var parts = new[] { Part(sl.Lower), Part(sl.Upper), Part(sl.Step) };
                return Emit(Op.Call, sl.Span, new CallShape(3, Array.Empty<string>()), new[] { Emit(Op.Global, sl.Span, "$builtin:slice") }.Concat(parts).ToArray());
            }
            case Syntax.Tuple t:
                if (t.Elts.Any(x => x is Starred)) return TupleOf(t.Elts, t.Span);
                return Emit(Op.MakeTuple, t.Span, null, t.Elts.Select(Expr).ToArray());
            case JoinedStr js: return BindJoinedStr(js);
            case NamedExpr ne:
            {
                var v = Expr(ne.Value);
                AssignTarget(ne.Target, v);
                return v;
            }
            case Lambda l: return MakeClosure(_module.Functions[l], l.Span);
            case Syntax.List l: return BindListDisplay(l);
            case Dict d: return BindDictDisplay(d);
            case Set st: return BindSetDisplay(st);
            case ListComp lc: return BindListComp(lc);
            case SetComp sc: return BindComprehension(sc, sc.Generators, "$set", set =>
            {
                var v = Expr(sc.Elt);
                Emit(Op.Call, sc.Elt.Span, new CallShape(1, Array.Empty<string>()), Emit(Op.Attr, sc.Elt.Span, "add", set()), v);
            });
            case DictComp dc: return BindDictComp(dc);
            case GeneratorExp ge when _module.Functions.TryGetValue(ge, out var genexpr):
                // Its function, called with the iterable of its first loop (evaluated here, as CPython does).
                return Emit(Op.Call, ge.Span, new CallShape(1, Array.Empty<string>()), MakeClosure(genexpr, ge.Span), Expr(ge.Generators[0].Iter));
            case GeneratorExp ge when ge.Generators.Any(x => x.IsAsync): throw Unsupported(e, "asynchronous generator expressions are not supported in compiled code");
            case GeneratorExp: throw Unsupported(e, "this generator expression is not supported in compiled code", "write the loop out");
            case Yield y: return BindYield(y.Value != null ? Expr(y.Value) : Const(PyNone.Instance, y.Span), y);
            case YieldFrom yf: return BindYieldFrom(yf);
            case Await: throw Unsupported(e, "'await' is not supported in compiled code");
            case Starred: throw Unsupported(e, "starred expressions are not supported here");
            default: throw Unsupported(e, $"the expression '{e.GetType().Name}' is not supported in compiled code");
        }
    }

    /// <summary>-9223372036854775808 written out: the literal alone does not fit in int64, its negation does.</summary>
    public static bool IsInt64MinLiteral(UnaryOp u) =>
        u is { Op: UnaryOperator.USub, Operand: Constant { Value: System.Numerics.BigInteger big } } && big == -(System.Numerics.BigInteger)long.MinValue;

    private Value BindConstant(Constant c) => c.Value switch
    {
        long or double or bool or Complex or string or PyNone or PyEllipsis => Const(c.Value!, c.Span),
        BigInteger => throw _module.Error(ErrorKind.TypingError, "integer literal does not fit in int64", c.Span, "compiled integers are 64-bit; use a float for larger magnitudes"),
        byte[] => throw Unsupported(c, "bytes literals are not supported in compiled code"),
        _ => throw Unsupported(c, "this constant is not supported in compiled code"),
    };

    /// <summary>Closures being captured again (a guard against two closures that capture each other).</summary>
    private readonly HashSet<FunctionInfo> _recapturing = new();
    /// <summary>How reads of captured variables are checked for being bound: not at all where a def or lambda is
    /// made (CPython checks when the closure reads them), as CPython's free-variable NameError where the closure is
    /// called at once.</summary>
    private enum CaptureChecks { Local, Skip }
    /// <summary>This closure's captured values and their bound flags (parameters).</summary>
    private readonly Dictionary<Value, Value> _captureFlags = new();
    private CaptureChecks _captureChecks = CaptureChecks.Local;
    /// <summary>The name being read is the callee of a call (its closure is called right away).</summary>
    private bool _calleeRead;

    private Value ReadName(string name, Span span)
    {
        if (_fn.Locals.Contains(name) || _fn.FreeVars.Contains(name))
        {
            var v = ReadVar(name, span);
            // A value that may turn out unbound (an undef, or a phi: SSA is not finished) gets a placeholder check
            // here, at the read; InsertBoundChecks keeps it only where the variable may really be unbound.
            if (_captureChecks != CaptureChecks.Skip && v is Instr { Op: Op.Undef or Op.Phi })
                Emit(Op.CheckBound, span, new BoundName(name, false), v);
            // A capture read as it arrived: its maker's bound flag says whether it is bound.
            if (_captureChecks != CaptureChecks.Skip && _captureFlags.TryGetValue(v, out var capturedFlag))
                Emit(Op.CheckBound, span, new BoundName(name, true) { Explicit = true }, capturedFlag, v);
            // A closure made in this function sees the variables it captures as they are when it is used (called,
            // returned, passed on), not as they were when it was made: CPython's cells, for the variables of a
            // running frame. So each use of a name that only ever holds that closure captures them again.
            var child = _fn.SoleClosure(name) is { } node ? _module.Functions[node]
                : v is Instr { Op: Op.MakeClosure } made ? made.Closure : null;
            if (child != null && child != _fn && _recapturing.Add(child))
                try { return MakeClosure(child, span); }
                finally { _recapturing.Remove(child); }
            return v;
        }
        if (_fn.IsSelfReferencing && name == _fn.Name)
            return Emit(Op.MakeClosure, span, _fn, _ir.Params.Take(_fn.FreeVars.Count).Cast<Value>().ToArray());
        return Emit(Op.Global, span, name);
    }

    private Value MakeClosure(FunctionInfo child, Span span, CaptureChecks checks = CaptureChecks.Skip)
    {
        var (saved, savedCallee) = (_captureChecks, _calleeRead);
        (_captureChecks, _calleeRead) = (checks, false);
        try { return Emit(Op.MakeClosure, span, child, child.FreeVars.Select(v => ReadName(v, span)).ToArray()); }
        finally { (_captureChecks, _calleeRead) = (saved, savedCallee); }
    }

    private Value BindCall(Call c)
    {
        if (BindReductionOverGenerator(c) is { } reduced) return reduced;
        if (c.Func is Attribute { Value: Constant { Value: string fmt }, Attr: "format" } && !c.Args.Any(a => a is Starred) && c.Keywords.All(k => k.Arg != null))
            return BindStrFormat(fmt, c);
        _calleeRead = c.Func is Name;
        Value callee;
        try { callee = Expr(c.Func); }
        finally { _calleeRead = false; }
        var args = new List<Value> { callee };
        bool spread = c.Args.Any(a => a is Starred);
        if (spread) args.Add(TupleOf(c.Args, c.Span));   // f(a, *t, b): one tuple (a,) + t + (b,), expanded once typed
        else args.AddRange(c.Args.Select(Expr));
        var names = new List<string>();
        foreach (var k in c.Keywords)
        {
            if (k.Arg == null) throw Unsupported(k.Value, "'**' unpacking in calls is not supported", "pass the keyword arguments by name");
            names.Add(k.Arg);
            args.Add(Expr(k.Value));
        }
        return Emit(Op.Call, c.Span, new CallShape(spread ? 1 : c.Args.Count, names, spread), args.ToArray());
    }

    /// <summary>
    /// sum, min, max, any or all of a generator expression (<c>sum(p.mass for p in ps if p.mass > 0)</c>): the loops
    /// written out in place, so no generator is built. Its variables are its own: their outer bindings are restored
    /// after it. Null when the call is anything else (or the builtin's name is rebound).
    /// </summary>
    private Value? BindReductionOverGenerator(Call c)
    {
        if (c.Func is not Name { Id: var name and ("sum" or "min" or "max" or "any" or "all") } || c.Args is not [GeneratorExp g]
            || c.Keywords.Count > 0 || g.Generators.Any(x => x.IsAsync)) return null;
        if (_fn.Locals.Contains(name) || _fn.FreeVars.Contains(name) || _module.Resolve(name) != null) return null;   // not the builtin
        string acc = $"$acc{_tempCounter++}", seen = $"$seen{_tempCounter++}";
        var targets = g.Generators.SelectMany(x => AstWalk.Descendants(x.Target).OfType<Name>()).Select(n => n.Id).Distinct().ToList();
        var outer = targets.ToDictionary(n => n, n => ReadVar(n, c.Span));
        switch (name)
        {
            case "sum": WriteVar(acc, Const(0L, c.Span)); break;
            case "any": WriteVar(acc, Const(false, c.Span)); break;
            case "all": WriteVar(acc, Const(true, c.Span)); break;
            default: WriteVar(seen, Const(false, c.Span)); break;
        }
        var done = NewBlock();   // after every loop; any/all leave early to it
        void Element()
        {
            var v = Expr(g.Elt);
            switch (name)
            {
                case "sum":
                    WriteVar(acc, Emit(Op.BinOp, g.Elt.Span, Operator.Add, ReadVar(acc, c.Span), v));
                    break;
                case "any" or "all":
                {
                    var decided = NewBlock(); var next = NewBlock();
                    var truth = Truth(v, g.Elt.Span);
                    if (name == "any") Branch(truth, decided, next, g.Elt.Span); else Branch(truth, next, decided, g.Elt.Span);
                    Seal(decided); Seal(next);
                    _cur = decided;
                    WriteVar(acc, Const(name == "any", c.Span));
                    Jump(done, c.Span);
                    _cur = next;
                    break;
                }
                default:
                {
                    // The first item, then each strictly smaller (larger): CPython keeps the first of equal items.
                    var compare = NewBlock(); var take = NewBlock(); var next = NewBlock();
                    Branch(ReadVar(seen, c.Span), compare, take, g.Elt.Span);
                    Seal(compare);
                    _cur = compare;
                    var better = Emit(Op.Compare, g.Elt.Span, name == "min" ? CmpOperator.Lt : CmpOperator.Gt, v, ReadVar(acc, c.Span));
                    Branch(Truth(better, g.Elt.Span), take, next, g.Elt.Span);
                    Seal(take);
                    _cur = take;
                    WriteVar(acc, v); WriteVar(seen, Const(true, c.Span));
                    Jump(next, c.Span); Seal(next);
                    _cur = next;
                    break;
                }
            }
        }
        BindComprehensionLoops(g.Generators, Element);
        JumpIfOpen(done, c.Span);
        Seal(done);
        _cur = done;
        foreach (var (n, v) in outer) WriteVar(n, v);
        if (name is "min" or "max")
        {
            var fail = NewBlock(); var ok = NewBlock();
            Branch(ReadVar(seen, c.Span), ok, fail, c.Span);
            Seal(fail); Seal(ok);
            _cur = fail;
            var cls = Emit(Op.Global, c.Span, "$builtin:ValueError");
            Terminate(TermKind.Raise, Emit(Op.Call, c.Span, new CallShape(1, Array.Empty<string>()), cls, Const($"{name}() arg is an empty sequence", c.Span)), c.Span);
            _cur = ok;
        }
        return ReadVar(acc, c.Span);
    }

    /// <summary>The loops of a comprehension written out in place, element() at the innermost level. firstIterable: the
    /// first loop's iterable when it was evaluated already (a generator expression's parameter).</summary>
    private void BindComprehensionLoops(List<Comprehension> generators, Action element, Value? firstIterable = null)
    {
        void Loop(int k)
        {
            if (k == generators.Count) { element(); return; }
            var gen = generators[k];
            BindLoopOver(k == 0 && firstIterable != null ? firstIterable : Expr(gen.Iter), gen.Iter.Span, gen.Target.Span, gen.Span, (item, header) =>
            {
                AssignTarget(gen.Target, item);
                foreach (var cond in gen.Ifs)
                {
                    var pass = NewBlock();
                    BindCond(cond, pass, header);
                    Seal(pass);
                    _cur = pass;
                }
                Loop(k + 1);
            });
        }
        Loop(0);
    }

    /// <summary>A loop over the items of iterable with no else and no break: body(item, header) binds each step
    /// (jumping to header skips to the next item); itemSpan is where each item is taken (the loop's target).</summary>
    private void BindLoopOver(Value iterable, Span iterSpan, Span itemSpan, Span span, Action<Value, Block> body)
    {
        string iterVar = $"$iter{_tempCounter++}";
        WriteVar(iterVar, Emit(Op.GetIter, iterSpan, null, iterable));
        var header = NewBlock(); var bodyBlock = NewBlock(); var exit = NewBlock();
        Jump(header, span);
        _cur = header;
        var it = ReadVar(iterVar, iterSpan);
        Branch(Emit(Op.IterValid, iterSpan, null, it), bodyBlock, exit, iterSpan);
        Seal(bodyBlock);
        _cur = bodyBlock;
        var item = Emit(Op.IterValue, itemSpan, null, it);
        WriteVar(iterVar, Emit(Op.IterNext, iterSpan, null, it));
        body(item, header);
        JumpIfOpen(header, span);
        Seal(header); Seal(exit);
        _cur = exit;
    }

    /// <summary><c>yield v</c>: the generator suspends giving v (Op.Yield ends the block) and resumes in the block its
    /// jump leads to, whose first instruction (Op.Resumed) is the expression's value: what send() sent (None for
    /// next()), or the exception throw() or close() raise there.</summary>
    private Value BindYield(Value v, Expr node, bool valueUsed = true)
    {
        SuspendAt(v, node);
        _fn.UsesYieldValue |= valueUsed;
        return Emit(Op.Resumed, node.Span, null);
    }

    private void SuspendAt(Value v, Expr node)
    {
        _fn.YieldsInTry |= _regions.Count > 0;
        if (_fn.IsModule) throw _module.Error(ErrorKind.SyntaxError, "'yield' outside function", node.Span);
        if (_fn.Node is Lambda) throw Unsupported(node, "'yield' inside a lambda is not supported in compiled code", "write a def");
        Emit(Op.Yield, node.Span, null, v);
        ContinueInNewBlock(node.Span);
    }

    /// <summary><c>yield from x</c> (PEP 380): each item of x yielded in turn; what the generator receives while
    /// suspended (a sent value, an exception thrown in, close()) is passed on to x (Op.Delegate); the expression's value
    /// is x's return value.</summary>
    private Value BindYieldFrom(YieldFrom yf)
    {
        var source = Expr(yf.Value);
        _fn.DelegatesYield = true;
        _fn.UsesYieldValue = true;   // what is sent in goes on to the inner generator
        string iterVar = $"$iter{_tempCounter++}", validVar = $"$valid{_tempCounter++}";
        var span = yf.Value.Span;
        var first = Emit(Op.GetIter, span, null, source);
        WriteVar(iterVar, first);
        WriteVar(validVar, Emit(Op.IterValid, span, null, first));
        var header = NewBlock(); var body = NewBlock(); var exit = NewBlock();
        Jump(header, yf.Span);
        _cur = header;
        Branch(ReadVar(validVar, span), body, exit, span);
        Seal(body);
        _cur = body;
        var it = ReadVar(iterVar, span);
        var item = Emit(Op.IterValue, span, null, it);
        var advanced = Emit(Op.IterNext, span, null, it);
        WriteVar(iterVar, advanced);
        SuspendAt(item, yf);
        WriteVar(validVar, Emit(Op.Delegate, yf.Span, null, ReadVar(iterVar, span)));
        JumpIfOpen(header, yf.Span);
        Seal(header); Seal(exit);
        _cur = exit;
        return Emit(Op.DelegateResult, yf.Span, null, ReadVar(iterVar, span));
    }

    /// <summary>A list display <c>[a, b, c]</c>: the items, made into a list by <c>$list</c> once their type is known.
    /// With starred items (<c>[*a, b]</c>): an empty list, then each item appended or extended by, in order.</summary>
    private Value BindListDisplay(Syntax.List l)
    {
        if (l.Elts.Any(x => x is Starred)) return BuildDisplay(l.Elts, l.Span, "$list", "append", "extend");
        var items = l.Elts.Select(Expr).ToArray();
        return Emit(Op.Call, l.Span, new CallShape(items.Length, Array.Empty<string>()), new[] { Emit(Op.Global, l.Span, "$builtin:$list") }.Concat(items).ToArray());
    }

    /// <summary>A comprehension building a list or dict: an empty one (<c>$list</c>, <c>$dict</c>), added to by
    /// the loops written out in place. Its variables are its own: their outer bindings are restored after it.</summary>
    private Value BindComprehension(Expr node, List<Comprehension> generators, string empty, Action<Func<Value>> element)
    {
        if (generators.Any(x => x.IsAsync)) throw Unsupported(node, "asynchronous comprehensions are not supported in compiled code");
        string acc = $"$acc{_tempCounter++}";
        var targets = generators.SelectMany(x => AstWalk.Descendants(x.Target).OfType<Name>()).Select(n => n.Id).Distinct().ToList();
        var outer = targets.ToDictionary(n => n, n => ReadVar(n, node.Span));
        WriteVar(acc, Emit(Op.Call, node.Span, new CallShape(0, Array.Empty<string>()), Emit(Op.Global, node.Span, "$builtin:" + empty)));
        BindComprehensionLoops(generators, () => element(() => ReadVar(acc, node.Span)));
        foreach (var (n, v) in outer) WriteVar(n, v);
        return ReadVar(acc, node.Span);
    }

    private Value BindListComp(ListComp lc) => BindComprehension(lc, lc.Generators, "$list", list =>
    {
        var v = Expr(lc.Elt);
        Emit(Op.Call, lc.Elt.Span, new CallShape(1, Array.Empty<string>()), Emit(Op.Attr, lc.Elt.Span, "append", list()), v);
    });

    private Value BindDictComp(DictComp dc) => BindComprehension(dc, dc.Generators, "$dict", dict =>
    {
        var key = Expr(dc.Key); var value = Expr(dc.Value);
        Emit(Op.SetItem, dc.Key.Span, null, dict(), key, value);
    });

    /// <summary>A set display <c>{a, b}</c>: an empty set (<c>$set</c>), then each item added in order.</summary>
    private Value BindSetDisplay(Set st)
    {
        var set = BuildDisplay(st.Elts, st.Span, "$set", "add", "update");
        // CPython folds a display of more than two constants into a frozenset constant and merges it into a new
        // set: the table (so the order) is that of the merge, so the set built above is copied the same way.
        if (st.Elts.Count > 2 && st.Elts.All(IsConstantItem))
            return Emit(Op.Call, st.Span, new CallShape(1, Array.Empty<string>()), Emit(Op.Global, st.Span, "$builtin:$set_constant"), set);
        return set;
    }

    /// <summary>A display built item by item: an empty container (<c>$list</c>, <c>$set</c>), then, in order, each
    /// item added (<paramref name="add"/>) or each starred iterable's items (<paramref name="addAll"/>).</summary>
    private Value BuildDisplay(List<Expr> items, Span span, string empty, string add, string addAll)
    {
        string acc = $"$display{_tempCounter++}";
        WriteVar(acc, Emit(Op.Call, span, new CallShape(0, Array.Empty<string>()), Emit(Op.Global, span, "$builtin:" + empty)));
        foreach (var item in items)
        {
            var v = Expr(item is Starred s ? s.Value : item);
            Emit(Op.Call, item.Span, new CallShape(1, Array.Empty<string>()), Emit(Op.Attr, item.Span, item is Starred ? addAll : add, ReadVar(acc, span)), v);
        }
        return ReadVar(acc, span);
    }

    /// <summary>An item CPython's AST optimiser makes a constant: a literal, a negated number, a tuple of them.</summary>
    private static bool IsConstantItem(Expr e) => e switch
    {
        Constant => true,
        UnaryOp { Op: UnaryOperator.USub or UnaryOperator.UAdd, Operand: Constant } => true,
        Syntax.Tuple t => t.Elts.All(IsConstantItem),
        _ => false,
    };

    /// <summary>A dict display <c>{k: v, **m, ...}</c>: an empty dict (<c>$dict</c>), then each pair stored and each
    /// <c>**</c> mapping merged in order, so a repeated key keeps its last value as in CPython.</summary>
    private Value BindDictDisplay(Dict d)
    {
        string acc = $"$dict{_tempCounter++}";
        WriteVar(acc, Emit(Op.Call, d.Span, new CallShape(0, Array.Empty<string>()), Emit(Op.Global, d.Span, "$builtin:$dict")));
        for (int k = 0; k < d.Keys.Count; k++)
        {
            if (d.Keys[k] == null)
            {
                var mapping = Expr(d.Values[k]);
                Emit(Op.Call, d.Values[k].Span, new CallShape(1, Array.Empty<string>()), Emit(Op.Attr, d.Values[k].Span, "update", ReadVar(acc, d.Span)), mapping);
                continue;
            }
            var key = Expr(d.Keys[k]!); var value = Expr(d.Values[k]);
            Emit(Op.SetItem, d.Keys[k]!.Span, null, ReadVar(acc, d.Span), key, value);
        }
        return ReadVar(acc, d.Span);
    }

    /// <summary>A tuple of items some of which are starred (<c>(a, *t, b)</c>): runs of plain items and the starred
    /// values, concatenated.</summary>
    private Value TupleOf(List<Expr> items, Span span)
    {
        Value? result = null;
        var run = new List<Value>();
        void Append(Value part) => result = result == null ? part : Emit(Op.BinOp, span, Operator.Add, result, part);
        void FlushRun() { if (run.Count > 0 || result == null) Append(Emit(Op.MakeTuple, span, null, run.ToArray())); run.Clear(); }
        foreach (var item in items)
        {
            if (item is not Starred st) { run.Add(Expr(item)); continue; }
            if (run.Count > 0) FlushRun();
            Append(Emit(Op.Call, st.Span, new CallShape(1, Array.Empty<string>()), Emit(Op.Global, st.Span, "$builtin:$star"), Expr(st.Value)));
        }
        if (run.Count > 0 || result == null) FlushRun();
        return result!;
    }

    /// <summary>"...".format(args) of a literal format string: the arguments bound once, in order, then formatted as an
    /// f-string would format them (Binding/FormatStrings.cs parses the string).</summary>
    private Value BindStrFormat(string fmt, Call c)
    {
        var pieces = ParseFormatString(() => FormatStrings.ParseFormat(fmt), c, "ValueError");
        var positional = c.Args.Select(Expr).ToList();
        var keywords = c.Keywords.ToDictionary(k => k.Arg!, k => Expr(k.Value));
        return BindFormatPieces(pieces, f => f.Arg switch
        {
            int k when k < positional.Count => positional[k],
            int k => throw _module.Error(ErrorKind.TypingError, $"Replacement index {k} out of range for positional args tuple", c.Span),
            string name when keywords.TryGetValue(name, out var v) => v,
            string name => throw _module.Error(ErrorKind.TypingError, $"KeyError: '{name}': the format string names an argument the call does not pass", c.Span),
            _ => throw new InvalidOperationException(),
        }, c.Span);
    }

    /// <summary>"..." % args of a literal format string. A tuple display gives the values; any other operand goes through
    /// $percent_args, which takes a tuple's items or the value itself once its type is known.</summary>
    private Value BindPercentFormat(string fmt, BinOp b)
    {
        var pieces = ParseFormatString(() => FormatStrings.ParsePercent(fmt, out _), b, "ValueError");
        int count = pieces.OfType<FormatStrings.Field>().Count();
        List<Value> values;
        if (b.Right is Syntax.Tuple display && !display.Elts.Any(e => e is Starred))
        {
            values = display.Elts.Select(Expr).ToList();
            if (values.Count != count)
                throw _module.Error(ErrorKind.TypingError, values.Count < count ? "not enough arguments for format string"
                    : "not all arguments converted during string formatting", b.Span, "CPython raises TypeError here when the line runs");
        }
        else
        {
            var args = Emit(Op.Call, b.Span, new CallShape(2, Array.Empty<string>()), Emit(Op.Global, b.Span, "$builtin:$percent_args"),
                Expr(b.Right), Const((long)count, b.Span));
            values = Enumerable.Range(0, count).Select(k => (Value)Emit(Op.GetItem, b.Span, null, args, Const((long)k, b.Span))).ToList();
        }
        return BindFormatPieces(pieces, f => values[(int)f.Arg], b.Span);
    }

    private List<FormatStrings.Piece> ParseFormatString(Func<List<FormatStrings.Piece>> parse, Node at, string cpythonError)
    {
        try { return parse(); }
        catch (FormatStrings.FormatError e)
        {
            throw _module.Error(ErrorKind.TypingError, e.Message, at.Span, $"CPython raises {cpythonError} here when the line runs");
        }
    }

    private Value BindFormatPieces(IReadOnlyList<FormatStrings.Piece> pieces, Func<FormatStrings.Field, Value> argument, Span span)
    {
        var parts = new List<Value>();
        foreach (var piece in pieces)
        {
            if (piece is FormatStrings.Text t) { parts.Add(Const(t.Value, span)); continue; }
            var f = (FormatStrings.Field)piece;
            var v = argument(f);
            foreach (var step in f.Path)
                v = step is string attr ? Emit(Op.Attr, span, attr, v) : Emit(Op.GetItem, span, null, v, Const((long)step, span));
            if (f.Truncate) v = Emit(Op.Call, span, new CallShape(1, Array.Empty<string>()), Emit(Op.Global, span, "$builtin:math.trunc"), v);
            parts.Add(f.Spec != null
                ? Emit(Op.FormatValue, span, new FormatShape(f.Conversion, true), v, BindFormatPieces(f.Spec, argument, span))
                : Emit(Op.FormatValue, span, new FormatShape(f.Conversion, false), v));
        }
        if (parts.Count == 0) return Const("", span);
        if (parts.Count == 1 && parts[0] is Instr { Op: Op.Const }) return parts[0];
        return Emit(Op.JoinStr, span, null, parts.ToArray());
    }

    private Value BindJoinedStr(JoinedStr js)
    {
        var parts = new List<Value>();
        foreach (var v in js.Values)
        {
            if (v is Constant { Value: string s }) { parts.Add(Const(s, v.Span)); continue; }
            var fv = (FormattedValue)v;
            var val = Expr(fv.Value);
            if (fv.FormatSpec != null)
                parts.Add(Emit(Op.FormatValue, fv.Span, new FormatShape(fv.Conversion, true), val, BindJoinedStr(fv.FormatSpec)));
            else
                parts.Add(Emit(Op.FormatValue, fv.Span, new FormatShape(fv.Conversion, false), val));
        }
        if (parts.Count == 1 && parts[0] is Instr { Op: Op.Const }) return parts[0];
        return Emit(Op.JoinStr, js.Span, null, parts.ToArray());
    }

    /// <summary>Short-circuit and/or: the result is the deciding operand's value, merged through a phi.</summary>
    private Value BindBoolOp(BoolOp bo)
    {
        string tmp = $"$bool{_tempCounter++}";
        var join = NewBlock();
        for (int i = 0; i < bo.Values.Count; i++)
        {
            var v = Expr(bo.Values[i]);
            WriteVar(tmp, v);
            if (i == bo.Values.Count - 1) { Jump(join, bo.Span); break; }
            var next = NewBlock();
            var t = Truth(v, bo.Values[i].Span);
            if (bo.Op == BoolOperator.And) Branch(t, next, join, bo.Span); else Branch(t, join, next, bo.Span);
            Seal(next);
            _cur = next;
        }
        Seal(join);
        _cur = join;
        return ReadVar(tmp, bo.Span);
    }

    private Value BindCompare(Compare c)
    {
        var left = Expr(c.Left);
        if (c.Ops.Count == 1) return Emit(Op.Compare, c.Span, c.Ops[0], left, Expr(c.Comparators[0]));
        string tmp = $"$cmp{_tempCounter++}";
        var join = NewBlock();
        for (int i = 0; i < c.Ops.Count; i++)
        {
            var right = Expr(c.Comparators[i]);
            var r = Emit(Op.Compare, c.Span, c.Ops[i], left, right);
            WriteVar(tmp, r);
            if (i == c.Ops.Count - 1) { Jump(join, c.Span); break; }
            var next = NewBlock();
            Branch(Truth(r, c.Span), next, join, c.Span);
            Seal(next);
            _cur = next;
            left = right;
        }
        Seal(join);
        _cur = join;
        return ReadVar(tmp, c.Span);
    }

    private Value BindIfExp(IfExp ie)
    {
        string tmp = $"$ifexp{_tempCounter++}";
        var then = NewBlock(); var els = NewBlock(); var join = NewBlock();
        BindCond(ie.Test, then, els);
        Seal(then); Seal(els);
        _cur = then; WriteVar(tmp, Expr(ie.Body)); Jump(join, ie.Span);
        _cur = els; WriteVar(tmp, Expr(ie.OrElse)); Jump(join, ie.Span);
        Seal(join);
        _cur = join;
        return ReadVar(tmp, ie.Span);
    }

    private Value Truth(Value v, Span span) => Emit(Op.Truth, span, null, v);

    /// <summary>Binds a condition as control flow: and/or/not short-circuit into the two targets without
    /// materialising the operand values (so `if 1 and (1,):` needs no common type), constants fold.</summary>
    private void BindCond(Expr e, Block ifTrue, Block ifFalse)
    {
        CompileDepth.EnsureStack();
        switch (e)
        {
            case Compare { Left: Name n, Ops: [CmpOperator op and (CmpOperator.Is or CmpOperator.IsNot or CmpOperator.Eq or CmpOperator.NotEq)], Comparators: [Constant { Value: PyNone }] }
                when !_fn.IsModule && _fn.Locals.Contains(n.Id) && !_fn.FreeVars.Contains(n.Id):
            {
                // `x is not None`: on the edge where it holds, x is its value (an Optional narrowed to its type).
                var cond = Truth(Expr(e), e.Span);
                var narrowed = NewBlock();
                bool notNone = op is CmpOperator.IsNot or CmpOperator.NotEq;
                if (notNone) Branch(cond, narrowed, ifFalse, e.Span); else Branch(cond, ifTrue, narrowed, e.Span);
                Seal(narrowed);
                _cur = narrowed;
                WriteVar(n.Id, Emit(Op.Narrow, n.Span, n.Id, ReadName(n.Id, n.Span)));
                Jump(notNone ? ifTrue : ifFalse, e.Span);
                return;
            }
            case BoolOp bo:
                for (int k = 0; k < bo.Values.Count; k++)
                {
                    if (k == bo.Values.Count - 1) { BindCond(bo.Values[k], ifTrue, ifFalse); return; }
                    var next = NewBlock();
                    if (bo.Op == BoolOperator.And) BindCond(bo.Values[k], next, ifFalse); else BindCond(bo.Values[k], ifTrue, next);
                    Seal(next);
                    _cur = next;
                }
                return;
            case UnaryOp { Op: UnaryOperator.Not } u:
                BindCond(u.Operand, ifFalse, ifTrue);
                return;
            case Constant { Value: bool or long or double } c:
                bool truthy = c.Value switch { bool b => b, long l => l != 0, double d => d != 0, _ => true };
                Jump(truthy ? ifTrue : ifFalse, e.Span);
                return;
        }
        Branch(Truth(Expr(e), e.Span), ifTrue, ifFalse, e.Span);
    }

    // ---------------------------------------------------------------- instructions and blocks

    private Block NewBlock()
    {
        var b = new Block { Id = _ir.Blocks.Count };
        _ir.Blocks.Add(b);
        _defs[b] = new Dictionary<string, Value>();
        if (_regions.Count > 0)
        {
            b.Handler = _regions[^1].Landing;
            b.Handler.Preds.Add(b);
        }
        if (_handling.Count > 0) b.Handling = _handling.Peek();
        return b;
    }

    private Instr Emit(Op op, Span span, object? data, params Value[] args)
    {
        var i = new Instr(op, args, data, span) { Id = _nextId++, Block = _cur };
        _cur.Instrs.Add(i);
        return i;
    }

    private Instr Const(object value, Span span) => Emit(Op.Const, span, value);

    private Instr NewParam(int index, string name, Span span)
    {
        var p = new Instr(Op.Param, Array.Empty<Value>(), index, span) { Id = _nextId++, Block = _ir.Entry };
        p.Resolved = new Typing.ResolvedParam(name);
        _ir.Params.Add(p);
        return p;
    }

    private void Terminate(TermKind kind, Value? value, Span span)
    {
        _cur.Term = new Terminator { Kind = kind, Value = value, Span = span };
    }

    private void Jump(Block target, Span span)
    {
        _cur.Term = new Terminator { Kind = TermKind.Jump, Target = target, Span = span };
        target.Preds.Add(_cur);
    }

    private void JumpIfOpen(Block target, Span span) { if (!_cur.IsTerminated) Jump(target, span); }

    private void Branch(Value cond, Block t, Block f, Span span)
    {
        _cur.Term = new Terminator { Kind = TermKind.Branch, Value = cond, Target = t, Else = f, Span = span };
        t.Preds.Add(_cur);
        f.Preds.Add(_cur);
    }

    // ---------------------------------------------------------------- SSA construction

    private void WriteVar(string name, Value v)
    {
        if (_cur.Handler != null && _cur.Instrs.Count > 0 && !_cur.IsTerminated)
        {
            // A protected block writes variables only before its first instruction (see BindTry).
            ContinueInNewBlock(v.Span);
        }
        _defs[_cur][name] = v;
        if (v is Instr i && !name.StartsWith('$')) i.Named = true;
    }

    /// <summary>Ends the current block with a jump to a new one (its only predecessor, so sealed) and continues there:
    /// the new block takes the current try region and handled exception.</summary>
    private void ContinueInNewBlock(Span span)
    {
        var next = NewBlock();
        Jump(next, span); Seal(next);
        _cur = next;
    }

    private Value ReadVar(string name, Span span) => ReadVar(name, _cur, span);

    /// <summary>
    /// Braun et al.'s readVariable, without recursion (a chain of blocks may be as long as the function: a 30,000-term
    /// <c>and</c>, 20,000 <c>if</c> statements in a row): single-predecessor chains are walked in a loop, and the
    /// operands of the phis a read creates are filled from an explicit stack, in the order the recursive algorithm
    /// fills them (so values are numbered as before).
    /// </summary>
    private Value ReadVar(string name, Block b, Span span)
    {
        if (_defs[b].TryGetValue(name, out var v)) return v;
        var result = ReadVarFrom(name, b, span, out var phi);
        if (phi != null) AddPhiOperands(phi, name, span);
        return result;
    }

    /// <summary>The value of name at the start of b, recorded in b and the single-predecessor chain above it; a new phi
    /// (returned in <paramref name="needsOperands"/>) where the chain reaches a sealed join.</summary>
    private Value ReadVarFrom(string name, Block b, Span span, out Instr? needsOperands)
    {
        needsOperands = null;
        var chain = new List<Block>();
        Value result;
        while (true)
        {
            if (_defs[b].TryGetValue(name, out var known)) { result = known; break; }
            chain.Add(b);
            if (!_sealed.Contains(b))
            {
                var phi = NewPhi(b, name, span);
                if (!_incomplete.TryGetValue(b, out var inc)) _incomplete[b] = inc = new();
                inc[name] = phi;
                result = phi;
                break;
            }
            if (b.Preds.Count == 0) { result = new Instr(Op.Undef, Array.Empty<Value>(), name, span) { Id = _nextId++, Block = b }; break; }
            if (b.Preds.Count == 1) { b = b.Preds[0]; continue; }
            var join = NewPhi(b, name, span);
            needsOperands = join;
            result = join;
            break;
        }
        foreach (var c in chain) _defs[c][name] = result;
        return result;
    }

    private Instr NewPhi(Block b, string name, Span span)
    {
        var phi = new Instr(Op.Phi, Array.Empty<Value>(), name, span) { Id = _nextId++, Block = b, Named = !name.StartsWith('$') };
        b.Phis.Add(phi);
        return phi;
    }

    /// <summary>Reads name in each predecessor of the phi's block; phis those reads create get theirs first (depth first).</summary>
    private void AddPhiOperands(Instr phi, string name, Span span)
    {
        var pending = new Stack<(Instr Phi, Value[] Args, int Next)>();
        pending.Push((phi, new Value[phi.Block.Preds.Count], 0));
        while (pending.Count > 0)
        {
            var (p, args, next) = pending.Pop();
            if (next == args.Length) { p.Args = args; continue; }
            pending.Push((p, args, next + 1));
            args[next] = ReadVarFrom(name, p.Block.Preds[next], span, out var inner);
            if (inner != null) pending.Push((inner, new Value[inner.Block.Preds.Count], 0));
        }
    }

    private void Seal(Block b)
    {
        if (_incomplete.TryGetValue(b, out var inc))
        {
            foreach (var (name, phi) in inc) AddPhiOperands(phi, name, phi.Span);
            _incomplete.Remove(b);
        }
        _sealed.Add(b);
    }

    /// <summary>Replaces phis whose operands are all one value (or the phi itself) by that value.</summary>
    private void RemoveTrivialPhis()
    {
        var replace = new Dictionary<Value, Value>();
        Value Resolve(Value v) { while (replace.TryGetValue(v, out var r)) v = r; return v; }
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var b in _ir.Blocks)
                foreach (var phi in b.Phis)
                {
                    if (replace.ContainsKey(phi)) continue;
                    Value? same = null; bool trivial = true;
                    foreach (var a0 in phi.Args)
                    {
                        var a = Resolve(a0);
                        if (a == phi || a == same) continue;
                        if (same != null) { trivial = false; break; }
                        same = a;
                    }
                    if (!trivial) continue;
                    replace[phi] = same ?? new Instr(Op.Undef, Array.Empty<Value>(), phi.Name, phi.Span) { Id = _nextId++, Block = b };
                    changed = true;
                }
        }
        if (replace.Count == 0) return;
        foreach (var b in _ir.Blocks)
        {
            b.Phis.RemoveAll(p => replace.ContainsKey(p));
            foreach (var i in b.Phis.Concat(b.Instrs))
                for (int k = 0; k < i.Args.Length; k++) i.Args[k] = Resolve(i.Args[k]);
            if (b.Term.Value != null) b.Term.Value = Resolve(b.Term.Value);
        }
    }
}
