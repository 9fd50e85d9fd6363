using System.Collections.Immutable;
using System.Numerics;
using SharpJit.Binding;
using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Library;
using SharpJit.Syntax;

namespace SharpJit.Typing;

/// <summary>
/// Whole-program type inference: each specialisation is inferred locally to a fixed point over its SSA IR;
/// a worklist re-infers callers when a callee's return type (or a global's type) grows.
/// </summary>
public sealed class TypeInference
{
    public ModuleInfo Module { get; }
    private readonly Dictionary<(FunctionInfo, string), Specialization> _specs = new();
    private readonly Dictionary<string, SjType> _globalTypes = new();
    private readonly Dictionary<string, HashSet<Specialization>> _globalReaders = new();
    private readonly Queue<Specialization> _work = new();
    private readonly HashSet<Specialization> _queued = new();
    private Specialization? _current;
    private readonly Func<FunctionInfo, IrFunction> _bind;
    /// <summary>Symbols must be unique in the process-wide JIT: each inference run gets its own prefix.</summary>
    private static int _units;
    private readonly int _unit = Interlocked.Increment(ref _units);

    public IEnumerable<Specialization> Specializations => _specs.Values;
    public IReadOnlyDictionary<string, SjType> GlobalTypes => _globalTypes;

    /// <summary>Functions specialised on the literal int, bool and str arguments of each call (found by
    /// <see cref="Solved{T}"/>: their typing needed a constant that a caller passes).</summary>
    private readonly IReadOnlySet<FunctionInfo> _literalParams;

    public TypeInference(ModuleInfo module, Func<FunctionInfo, IrFunction>? bind = null, IReadOnlySet<FunctionInfo>? literalParams = null)
    {
        Module = module;
        _literalParams = literalParams ?? new HashSet<FunctionInfo>();
        _bind = bind ?? Binder.Bind;
    }

    /// <summary>
    /// Infers types with request(ti) as the roots. Where typing a function fails and a caller passes a constant for one
    /// of its parameters (directly, or through its own parameters), inference runs again with those functions
    /// specialised on their literal arguments, so <c>def total(a, ax): return a.sum(axis=ax)</c> called as
    /// <c>total(a, 1)</c> compiles, as in Numba. Each retry adds a function, so this ends; code that types without
    /// constants is never specialised on them.
    /// </summary>
    public static (TypeInference Types, T Roots) Solved<T>(ModuleInfo module, Func<TypeInference, T> request, bool reuseLibrary = true)
    {
        var literalParams = new HashSet<FunctionInfo>();
        while (true)
        {
            var ti = new TypeInference(module, literalParams: literalParams) { ReuseLibrary = reuseLibrary };
            var roots = request(ti);
            try
            {
                ti.Solve();
                return (ti, roots);
            }
            catch (LiteralRetry retry) { literalParams.UnionWith(retry.Functions); }
        }
    }

    /// <summary>Typing failed where literal arguments may help: run inference again with these functions specialised on them.</summary>
    private sealed class LiteralRetry(IReadOnlySet<FunctionInfo> functions) : Exception
    {
        public IReadOnlySet<FunctionInfo> Functions { get; } = functions;
    }

    /// <summary>Functions not yet specialised on literals that would receive one if they were, on a path of calls
    /// into <paramref name="failing"/>: it when a call passes it a constant, and callers that pass on their own
    /// parameters, when their callers pass constants.</summary>
    private HashSet<FunctionInfo> LiteralDemand(Specialization failing)
    {
        var demand = new HashSet<FunctionInfo>();
        var visiting = new HashSet<(Specialization, int)>();
        // Whether a call passes parameter p of callee a constant, once the callers on the way (added to demand) are
        // specialised on theirs.
        bool Receives(Specialization callee, int p)
        {
            if (!visiting.Add((callee, p))) return false;
            bool any = false;
            foreach (var (call, site) in callee.Sites)
            {
                int a = site.Binding.ArgIndexForParam[p];
                if (a < 0 || 1 + a >= call.Args.Length) continue;
                var arg = call.Args[1 + a];
                if (LiteralOf(arg) is long or bool or string) any = true;
                else if (Underlying(arg) is Instr { Op: Op.Param } param && site.Caller is { } caller
                         && param.ParamIndex - (caller.ArgTypes.Length - caller.Function.Params.Count) is var q and >= 0 && Receives(caller, q))
                {
                    any = true;
                    demand.Add(caller.Function);
                }
            }
            return any;
        }
        for (int p = 0; p < failing.Function.Params.Count; p++)
            if (Receives(failing, p)) demand.Add(failing.Function);
        demand.ExceptWith(_literalParams);
        return demand;
    }

    /// <summary>v, seen through narrowing (a parameter checked against None is still that parameter).</summary>
    private static Value Underlying(Value v) => v is Instr { Op: Op.Narrow } n && n.Args[0].Type is not OptionalType ? Underlying(n.Args[0]) : v;

    private static string Key(IEnumerable<SjType> types) => string.Join("|", types.Select(t => t.Name));

    /// <summary>The specialisation of fn for these argument types, created (and queued) on first request.</summary>
    /// <param name="literals">Literal values of arguments the callee is specialised on (null where none): the
    /// parameter is then a literal in its body, so branches on it are decided at compile time.</param>
    public Specialization Request(FunctionInfo fn, IReadOnlyList<SjType> argTypes, IReadOnlyList<object?>? literals = null)
    {
        string literalKey = literals == null || literals.All(l => l == null) ? "" : "|=" + string.Join("|", literals.Select(l => l == null ? "_" : $"{l.GetType().Name}:{l}"));
        var key = (fn, Key(argTypes) + literalKey);
        if (_specs.TryGetValue(key, out var s)) return s;
        string? cacheKey = fn.Module.IsLibrary && fn.Build == null && ReuseLibrary ? key.Item2 : null;
        if (cacheKey != null && TypedLibraryCache.Reuse(fn, cacheKey, argTypes.ToImmutableArray(), () => UniqueSymbol(fn)) is { } reused)
        {
            _specs[key] = reused;
            if (_current == null) _roots.Add(reused);
            return reused;
        }
        var ir = fn.Build != null ? fn.Build(fn) : _bind(fn);
        if (literalKey != "")
            foreach (var p in ir.Params)
                if (literals![p.ParamIndex] is { } lit) p.Resolved = ((ResolvedParam)p.Resolved!) with { Literal = lit };
        string symbol = UniqueSymbol(fn);
        s = new Specialization(fn, argTypes.ToImmutableArray(), ir, symbol) { CacheKey = cacheKey };
        _specs[key] = s;
        if (_current == null) _roots.Add(s);
        Enqueue(s);
        return s;
    }

    private readonly Dictionary<string, int> _symbolCounts = new();

    /// <summary>sj{unit}_{qualname}_{n}: functions of different modules may share a qualified name.</summary>
    private string UniqueSymbol(FunctionInfo fn)
    {
        var name = new string(fn.QualName.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        int n = _symbolCounts.GetValueOrDefault(name);
        _symbolCounts[name] = n + 1;
        return $"sj{_unit}_{name}_{n}";
    }

    private void Enqueue(Specialization s) { if (!s.Reused && _queued.Add(s)) _work.Enqueue(s); }

    /// <summary>Library functions kept typed by an earlier compilation are reused (<see cref="TypedLibraryCache"/>);
    /// off where a dump shows the IR of a stage before the passes.</summary>
    public bool ReuseLibrary { get; init; } = true;

    /// <summary>Runs the worklist to a fixed point, then checks that every value got a concrete type.</summary>
    public void Solve()
    {
        int rounds = 0;
        while (true)
        {
            while (_work.Count > 0)
            {
                if (++rounds > 10000) throw Module.Error(ErrorKind.TypingError, "type inference did not converge", Span.None);
                var s = _work.Dequeue();
                _queued.Remove(s);
                var before = s.ReturnType;
                try { InferFunction(s); }
                catch (CompileError e) when (e.Kind == ErrorKind.TypingError && s.Sites.Count > 0 && LiteralDemand(s) is { Count: > 0 } demand)
                {
                    throw new LiteralRetry(demand);
                }
                if (s.ReturnType != before) foreach (var c in s.Callers) Enqueue(c);
            }
            // A function that never returns normally (it always raises, or recurses without a base case) returns
            // NoReturn: its callers' code after the call is dead, as CPython raises there at run time.
            // (A return on a branch never taken, `if 1 == 1: raise` above it, does not count.)
            if (DefaultEmptyLists() || DefaultUnknownFields() || SendableFromHost()) continue;
            var stuck = _specs.Values.Where(s => s.ReturnType == SimpleType.Unknown).ToList();
            if (stuck.Count == 0) break;
            foreach (var s in stuck) { s.ReturnType = SimpleType.NoReturn; foreach (var c in s.Callers) Enqueue(c); }
        }
        DropUnreachable();
        if (_specs.Values.Select(s => s.DeferredError).FirstOrDefault(e => e != null) is { } deferred) throw deferred;
        foreach (var s in _specs.Values) if (!s.Reused) IrEdit.PruneStaticBranches(s.Ir, LiveSuccessors);
        foreach (var s in _specs.Values.Where(s => !s.Reused))
        {
            IrEdit.TruncateAfterNoReturn(s.Ir);
            if (s.ReturnType == SimpleType.NoReturn) s.ReturnType = SimpleType.None;   // its ABI: it never returns a value
        }
        foreach (var s in _specs.Values) if (!s.Reused) CheckComplete(s);
        foreach (var (name, method) in _instances.Values.SelectMany(t => t.Layout.FormatMethods))
            if (method.ReturnType != SimpleType.Str)
                throw method.Function.Module.Error(ErrorKind.TypingError, $"{name} returned non-string (type {TypeOps.PyName(method.ReturnType)})", method.Function.NameSpan,
                    $"return a str from {name}");
    }

    /// <summary>A list display that never receives an item holds none: any element type will do, and int keeps the
    /// code after it typed (reading an item raises IndexError, as in CPython). True when one was given it.</summary>
    private bool _defaultedDisplays;

    private bool DefaultEmptyLists()
    {
        bool any = false;
        foreach (var s in _specs.Values.Where(s => !s.Reused))
            foreach (var i in s.Ir.Blocks.SelectMany(b => b.Instrs))
                if (IsListDisplay(i) && (i.Type is ListType { Element: var e } && e == SimpleType.Unknown || i.Type is SetType { Key: var sk } && sk == SimpleType.Unknown
                    || i.Type is DictType dt && (dt.Key == SimpleType.Unknown || dt.Value == SimpleType.Unknown)) && !_listElements.ContainsKey(i))
                {
                    _defaultedDisplays = true;
                    _listElements[i] = i.Type is DictType d
                        ? new TupleType(new[] { d.Key == SimpleType.Unknown ? ScalarType.Int64 : d.Key, d.Value == SimpleType.Unknown ? ScalarType.Int64 : d.Value })
                        : ScalarType.Int64;
                    Enqueue(s);
                    any = true;
                }
        return any;
    }


    private static bool IsListDisplay(Instr i) =>
        i.Resolved is ResolvedLibraryCall { Function.Name: "$list" or "$dict" or "$set" } or ResolvedLibraryCall { Function.Name: "list" or "dict" or "set" or "frozenset", Signature.Args.Length: 0 };

    /// <summary>What a list (its element) or a dict (its (key, value)) holds: Unknown while nothing is known of it,
    /// null for other types.</summary>
    public static SjType? Held(SjType t) => t switch
    {
        ListType l => l.Element,
        SetType st => st.Key,
        DictType d => d.Key == SimpleType.Unknown && d.Value == SimpleType.Unknown ? SimpleType.Unknown : d.Items,
        _ => null,
    };

    /// <summary>Specialisations requested from outside inference (the entries being compiled).</summary>
    private readonly HashSet<Specialization> _roots = new();

    /// <summary>Forgets specialisations no entry reaches any more: one requested while a list's element type was
    /// still growing (a call typed with a list of unknown items before the appends that tell them) is stale.</summary>
    private void DropUnreachable()
    {
        var reached = new HashSet<Specialization>();
        var work = new Stack<Specialization>(_roots.Where(r => _specs.ContainsValue(r)).Concat(_instances.Values.SelectMany(t => t.Layout.FormatMethods.Values)));
        while (work.Count > 0)
        {
            var s = work.Pop();
            if (!reached.Add(s)) continue;
            foreach (var i in s.Ir.Blocks.SelectMany(b => b.Instrs))
            {
                if (i.Resolved is ResolvedUserCall uc) work.Push(uc.Target);
                if (i.Resolved is ResolvedLibraryCall { Callees: var callees }) foreach (var c in callees) work.Push(c);
            }
        }
        foreach (var key in _specs.Where(kv => !reached.Contains(kv.Value)).Select(kv => kv.Key).ToList()) _specs.Remove(key);
    }

    private void CheckComplete(Specialization s)
    {
        foreach (var b in s.Ir.Blocks)
            foreach (var i in b.Phis.Concat(b.Instrs))
            {
                if (i.Type is ConflictType c && IsUsed(s.Ir, i))
                    throw s.Function.Module.Error(ErrorKind.TypingError,
                        $"variable '{i.Name}' has type {TypeOps.PyNames(c.A, c.B).A} on one path and {TypeOps.PyNames(c.A, c.B).B} on another where they meet",
                        i.Span, "give the variable one type on all paths, or use a different name");
            }
        // the conflicts left are dead (a variable rebound to another type in a later loop, its loop-header phi unused,
        // or used only by other conflicts): they have no value to lower
        foreach (var b in s.Ir.Blocks) b.Phis.RemoveAll(p => p.Type is ConflictType);
    }

    private static bool IsUsed(IrFunction f, Instr v) =>
        f.Blocks.Any(b => b.Term.Value == v || b.Phis.Concat(b.Instrs).Any(i => i.Type is not ConflictType && i.Args.Contains(v)));

    // ------------------------------------------------------------ local inference

    private void InferFunction(Specialization s)
    {
        _current = s;
        var ir = s.Ir;
        foreach (var p in ir.Params) p.Type = s.ArgTypes[p.ParamIndex];
        var order = ir.ReversePostOrder();
        bool changed = true;
        int iterations = 0;
        var liveBefore = new HashSet<(Block, Block)>();
        while (changed)
        {
            if (++iterations > 1000) throw s.Function.Module.Error(ErrorKind.TypingError, $"type inference of '{s.Function.QualName}' did not converge", s.Function.NameSpan);
            changed = false;
            s.DeferredError = null;   // the last round, which sees every type, decides
            SjType ret = SimpleType.Unknown;
            SjType? yielded = null;   // a generator's items: null while no yield is reached
            SjType generatorResult = SimpleType.NoReturn;   // a generator's return values: NoReturn while no return is reached
            // Edges a branch on a compile-time constant (isinstance, len of a tuple ...) cannot take are not typed:
            // library code dispatches on its argument types this way.
            _liveEdges = new HashSet<(Block, Block)>(liveBefore);
            var reached = new HashSet<Block> { ir.Entry };
            var liveNow = new HashSet<(Block, Block)>();
            foreach (var b in order)
            {
                if (!reached.Contains(b)) continue;
                // By index: typing a call with *t inserts the items' GetItems before it (ExpandSpread).
                for (int k = 0; k < b.Phis.Count + b.Instrs.Count; k++)
                {
                    var i = k < b.Phis.Count ? b.Phis[k] : b.Instrs[k - b.Phis.Count];
                    var t = InferInstr(i);
                    if (t != i.Type) { i.Type = t; changed = true; }
                }
                foreach (var succ in LiveSuccessors(b))
                {
                    reached.Add(succ);
                    liveNow.Add((b, succ));
                    _liveEdges.Add((b, succ));
                }
                foreach (var y in b.Instrs.Where(x => x.Op == Op.Yield)) yielded = UnifyYield(s, yielded, y);
                if (b.Term.Kind == TermKind.Return && s.Function.IsGenerator && !TypeOps.IsKnown(b.Term.Value!.Type))
                {
                    if (generatorResult == SimpleType.NoReturn) generatorResult = SimpleType.Unknown;   // returns, of a type not known yet
                }
                else if (b.Term.Kind == TermKind.Return && s.Function.IsGenerator)
                {
                    var rt = b.Term.Value!.Type;
                    if (rt is ConflictType) throw UseOfConflict(b.Term.Value);
                    generatorResult = TypeOps.Unify(generatorResult, rt) ?? throw s.Function.Module.Error(ErrorKind.TypingError,
                        $"generator '{s.Function.QualName}' returns {TypeOps.PyNames(generatorResult, rt).A} on one path and {TypeOps.PyNames(generatorResult, rt).B} on another",
                        b.Term.Span, "return values of one type (int and float unify to float)");
                }
                if (b.Term.Kind == TermKind.Return && TypeOps.IsKnown(b.Term.Value!.Type) && !s.Function.IsGenerator)
                {
                    var rt = b.Term.Value.Type;
                    if (rt is ConflictType) throw UseOfConflict(b.Term.Value);
                    ret = TypeOps.Unify(ret, rt) ?? throw s.Function.Module.Error(ErrorKind.TypingError,
                        $"'{s.Function.QualName}' returns {TypeOps.PyNames(ret, rt).A} on one path and {TypeOps.PyNames(ret, rt).B} on another",
                        b.Term.Span, "return values of one type (int and float unify to float)");
                }
                if (b.Term.Kind == TermKind.Raise) CheckRaise(b.Term);
            }
            s.ReturnType = s.Function.IsGenerator ? GeneratorOf(s, yielded, generatorResult) : TypeOps.Unify(s.ReturnType, ret) ?? ret;
            if (!liveNow.SetEquals(liveBefore)) { changed = true; liveBefore = liveNow; }
            if (_listRefined)
            {
                // A list display's element type grew: values typed from the old one are stale, so type the function
                // again from the start (each display's type only grows, so this ends).
                _listRefined = false;
                changed = true;
                foreach (var b in ir.Blocks)
                    foreach (var x in b.Phis.Concat(b.Instrs))
                        if (x.Op != Op.Param) x.Type = SimpleType.Unknown;
            }
        }
        _current = null;
        _liveEdges = null;
    }

    /// <summary>The items a generator yields so far, with one more yield: they must share a type.</summary>
    private SjType UnifyYield(Specialization s, SjType? yielded, Instr y)
    {
        var t = y.Args[0].Type;
        if (t is ConflictType) throw UseOfConflict(y.Args[0]);
        if (yielded == null || !TypeOps.IsKnown(t)) return yielded ?? t;
        return TypeOps.Unify(yielded, t) ?? throw s.Function.Module.Error(ErrorKind.TypingError,
            $"'{s.Function.QualName}' yields {TypeOps.PyName(yielded)} at one yield and {TypeOps.PyName(t)} at another", y.Span,
            "yield values of one type (int and float unify to float)");
    }

    /// <summary>What calling a generator function gives: its generator, whose items only grow as typing goes on (a
    /// generator that reaches no yield yields nothing: its loops' bodies never run).</summary>
    private static GeneratorType GeneratorOf(Specialization s, SjType? yielded, SjType result)
    {
        var before = s.ReturnType is GeneratorType g ? g.Item : SimpleType.Unknown;
        var item = yielded == null ? SimpleType.NoReturn : TypeOps.IsKnown(before) ? TypeOps.Unify(before, yielded) ?? yielded : yielded;
        // Its return value's type (NoReturn when it never finishes normally; Unknown while a returned value is).
        var resultBefore = s.ReturnType is GeneratorType r ? r.Result : SimpleType.Unknown;
        if (result != SimpleType.Unknown && resultBefore != SimpleType.Unknown) result = TypeOps.Unify(resultBefore, result) ?? result;
        return new GeneratorType(s, item, result, s.SentType);
    }

    /// <summary>A generator returned to the host (a @jit function's result) may be sent values by Python code, whose
    /// types typing cannot see: it takes values of its item type. True when that changed a sent type.</summary>
    private bool SendableFromHost()
    {
        bool any = false;
        foreach (var r in _roots)
            if (r.ReturnType is GeneratorType g && g.Spec.Function.UsesYieldValue && TypeOps.IsKnown(g.Item) && g.Item != SimpleType.NoReturn
                && OptionalType.CanHold(g.Item is OptionalType o ? o.Inner : g.Item) && TypeOps.Unify(g.Spec.SentType, g.Item) is { } sent && sent != g.Spec.SentType)
            {
                g.Spec.SentType = sent;
                Enqueue(g.Spec);
                any = true;
            }
        return any;
    }

    /// <summary>Values of type t are sent into the generator of spec (send(v), or a yield from passing on what its
    /// generator receives): its sent type grows to take them (with None, which next() sends), and its body is typed
    /// again. Nothing changes for a generator that never uses the value of a yield.</summary>
    public void SendsTo(Specialization spec, SjType t, Func<string, CompileError> error)
    {
        if (!spec.Function.UsesYieldValue || !TypeOps.IsKnown(t)) return;
        if (t != SimpleType.None && t is not OptionalType && !OptionalType.CanHold(t))
            throw error($"compiled code cannot send {TypeOps.WithArticle(t)} into a generator: a sent value is None when next() resumes it, and {TypeOps.PyName(t)} cannot be None");
        var sent = TypeOps.Unify(spec.SentType, t) ?? throw error(
            $"values sent into generator '{spec.Function.QualName}' are {TypeOps.PyName(spec.SentType)} at one send and {TypeOps.PyName(t)} at another");
        if (sent == spec.SentType) return;
        spec.SentType = sent;
        Enqueue(spec);
    }

    /// <summary>Control-flow edges taken in the current round of inference (null outside it).</summary>
    private HashSet<(Block, Block)>? _liveEdges;

    /// <summary>The successors a block can reach: one of a branch's two when its condition is a literal.</summary>
    public static IEnumerable<Block> LiveSuccessors(Block b)
    {
        if (b.Term.Kind == TermKind.Branch && LiteralOf(b.Term.Value!) is { } lit)
        {
            var taken = Truthy(lit) ? b.Term.Target! : b.Term.Else!;
            return b.Handler != null ? new[] { taken, b.Handler } : new[] { taken };
        }
        return b.Succs;
    }

    private static bool Truthy(object literal) => literal switch
    {
        bool v => v, long l => l != 0, double d => d != 0, Complex z => z != Complex.Zero, string str => str.Length > 0,
        PyNone => false, object?[] t => t.Length > 0, _ => true,
    };

    /// <summary>The classes an except clause names: one class or a tuple of them.</summary>
    public string[] ExceptClasses(Value cls)
    {
        return TypeOps.ClassesIn(cls.Type).Select(t => t is ExceptionClassType ec ? ec.ExceptionName
            : throw Error(cls, "catching classes that do not inherit from BaseException is not allowed", "name an exception class, or a tuple of them")).ToArray();
    }

    private void CheckRaise(Terminator t)
    {
        var v = t.Value!;
        if (!TypeOps.IsKnown(v.Type)) return;
        if (v.Type is ExceptionInstanceType or ExceptionClassType or CaughtExceptionType) return;
        throw Here.Error(ErrorKind.TypingError, "exceptions must derive from BaseException", v.Span, "raise a built-in exception, e.g. raise ValueError(\"message\")");
    }

    private CompileError UseOfConflict(Value v)
    {
        var c = (ConflictType)v.Type;
        string name = v is Instr { Op: Op.Phi or Op.Undef or Op.Narrow or Op.Global or Op.Attr } named ? named.Name : "value";
        return Here.Error(ErrorKind.TypingError,
            $"variable '{name}' has type {TypeOps.PyNames(c.A, c.B).A} on one path and {TypeOps.PyNames(c.A, c.B).B} on another where they meet",
            v.Span, "give the variable one type on all paths, or use a different name");
    }

    private CompileError Error(Value at, string message, string? hint = null) =>
        _current is { Function.Module.IsLibrary: true, CallSite: var (site, module) }
            ? module.Error(ErrorKind.TypingError, message, site.Span, hint)   // library code: at the user's call
            : Here.Error(ErrorKind.TypingError, message, at.Span, hint);

    /// <summary>Library code is reported at the user's call that reached it.</summary>
    private void NoteCallSite(Specialization target, Value site)
    {
        if (!target.Function.Module.IsLibrary || target.CallSite != null) return;
        target.CallSite = _current is { Function.Module.IsLibrary: true } c ? c.CallSite : (site, Here);
    }

    /// <summary>The module of the function being inferred: its source is where errors point.</summary>
    private ModuleInfo Here => _current?.Function.Module ?? Module;

    private SjType InferInstr(Instr i)
    {
        if (i.Op == Op.Phi)
        {
            SjType t = SimpleType.Unknown;
            for (int k = 0; k < i.Args.Length; k++)
            {
                var a = i.Args[k];
                if (!TypeOps.IsKnown(a.Type)) continue;
                if (_liveEdges != null && !_liveEdges.Contains((i.Block.Preds[k], i.Block))) continue;   // from a branch not taken
                var u = TypeOps.Unify(t, a.Type);
                if (u == null) return new ConflictType(t, a.Type);
                t = u;
            }
            // An empty list or dict joined with one of known items is one of them.
            if (Held(t) is { } joined && joined != SimpleType.Unknown)
                foreach (var a in i.Args)
                    if (Held(a.Type) == SimpleType.Unknown) RefineList(i, a, joined);
            return t;
        }
        // Unbound on every path taken to here: the check always raises, and what follows is dead.
        // So is a variable that never gets a typed value (assigned only from itself, `x ^= 1` in a loop, or never).
        if (i.Op == Op.CheckBound)
            return AlwaysFalse(i.Args[0], new HashSet<Instr>()) || !TypeOps.IsKnown(i.Args[1].Type) || i.Args[1].Type == SimpleType.Undefined
                ? SimpleType.NoReturn : SimpleType.None;
        foreach (var a in i.Args)
        {
            if (!TypeOps.IsKnown(a.Type) || TypeOps.HasPendingItems(a.Type)) return SimpleType.Unknown;
            if (a.Type is ConflictType) throw UseOfConflict(a);
        }
        if (i.Args.Any(a => a.Type is OptionalType || a.Type == SimpleType.None))
        {
            UnwrapOptionals(i);
            if (i.Args.Any(a => !TypeOps.IsKnown(a.Type))) return SimpleType.Unknown;   // an operand that is always None
        }
        switch (i.Op)
        {
            case Op.Narrow: return i.Args[0].Type is OptionalType no ? no.Inner : i.Args[0].Type;
            case Op.Unwrap: return i.Args[0].Type is OptionalType uo ? uo.Inner : i.Args[0].Type == SimpleType.None ? SimpleType.NoReturn : i.Args[0].Type;
            case Op.Const: return ConstType(i.Constant);
            case Op.Param: return i.Type;
            case Op.Undef: return SimpleType.Undefined;
            case Op.Global: return InferGlobal(i);
            case Op.StoreGlobal:
            {
                string name = i.Name;
                var old = _globalTypes.GetValueOrDefault(name, SimpleType.Unknown);
                var u = TypeOps.Unify(old, i.Args[0].Type) ?? throw Error(i,
                    $"module variable '{name}' is assigned a {TypeOps.PyName(i.Args[0].Type)} here and a {TypeOps.PyName(old)} elsewhere",
                    "functions read module variables with one type; use different names");
                if (u != old)
                {
                    _globalTypes[name] = u;
                    if (_globalReaders.TryGetValue(name, out var readers)) foreach (var r in readers) Enqueue(r);
                }
                return SimpleType.None;
            }
            case Op.Attr: return InferAttr(i);
            case Op.SetAttr: return InferSetAttr(i);
            case Op.BinOp:
                if (SequenceBesideArray(i)) return SimpleType.Unknown;
                return KnownTyping(i) ?? InferEntry(i, Builtins.Operation(i.Operator, i.Args), i.Args);
            case Op.InPlaceOp:
                if (i.Args[0].Type is ArrayType && ArraysFromSequences(i, new[] { 1 })) return SimpleType.Unknown;
                return KnownTyping(i) ?? InferEntry(i, Builtins.InPlaceOperation(i.Operator, i.Args), i.Args);
            case Op.UnaryOp: return KnownTyping(i) ?? InferEntry(i, Builtins.Operation(i.UnaryOperator, i.Args), i.Args);
            case Op.Not: return ScalarType.Bool;
            case Op.Compare:
                // Only comparisons of values: `in` and `is` keep the list (x in [a, b] asks the list).
                if (i.CmpOperator is not (CmpOperator.Is or CmpOperator.IsNot or CmpOperator.In or CmpOperator.NotIn) && SequenceBesideArray(i))
                    return SimpleType.Unknown;
                return KnownTyping(i) ?? InferEntry(i, Builtins.Operation(i.CmpOperator, i.Args), i.Args);
            case Op.SetItem:
                NoNumberSlice(i, i.Args[1].Type);
                if (i.Args[0].Type is InstanceType)
                {
                    InferEntry(i, Builtins.Get("instance.setitem"), i.Args);
                    return SimpleType.None;
                }
                if (i.Args[0].Type is FlatIterType)
                {
                    InferEntry(i, Builtins.Get("flatiter.setitem"), i.Args);
                    return SimpleType.None;
                }
                if (i.Args[0].Type is ListType or DictType)
                {
                    InferEntry(i, Builtins.Get(i.Args[0].Type is ListType ? "list.setitem" : "dict.setitem"), i.Args);
                    return SimpleType.None;
                }
                if (i.Args[0].Type is not ArrayType)
                    throw Error(i, $"'{TypeOps.PyName(i.Args[0].Type)}' object does not support item assignment", i.Args[0].Type is TupleType ? "tuples are immutable: build a new tuple instead" : null);
                InferEntry(i, Builtins.Get("operator.setitem"), i.Args);
                return SimpleType.None;
            case Op.Truth:
                if (Builtins.TruthEntry(i.Args[0].Type) is { } truth) return InferEntry(i, truth, i.Args);
                if (!Arith.HasTruth(i.Args[0].Type))
                    throw Error(i, $"'{TypeOps.PyName(i.Args[0].Type)}' has no truth value in compiled code", "test what you mean instead: a comparison, `is not None` or len()");
                return ScalarType.Bool;
            case Op.Call:
                try { return InferCall(i); }
                catch (CompileError e) when (e.Kind == ErrorKind.TypingError && i.Args.Skip(1).FirstOrDefault(a => a.Type == SimpleType.None) is { } none
                    && i.Args[0].Type is BuiltinType or BoundMethodType)
                {
                    // A built-in called with None where it takes a value: CPython's TypeError when the call runs (the
                    // message is the one typing gives), and the code after it is dead.
                    var raise = IrEdit.New(_current!.Ir, Op.Unwrap, i.Span, new UnwrapCheck("TypeError", e.Diagnostic.Message), none);
                    IrEdit.InsertAt(i.Block, i.Block.Instrs.IndexOf(i), raise);
                    raise.Type = SimpleType.NoReturn;
                    i.Args[Array.IndexOf(i.Args, none)] = raise;
                    return SimpleType.Unknown;
                }
            case Op.MakeTuple: return new TupleType(i.Args.Select(a => a.Type));
            case Op.GetItem: return InferGetItem(i);
            case Op.GetIter when i.Args[0].Type is InstanceType:
                return InferEntry(i, Builtins.Get("instance.iter"), i.Args);   // __iter__: a generator, its own iterator
            case Op.GetIter: return IteratorOf(i, i.Args[0].Type);
            case Op.IterValid: return ScalarType.Bool;
            case Op.IterValue: return ItemOf(i.Args[0].Type);
            case Op.IterNext: return i.Args[0].Type;
            case Op.Yield: return SimpleType.None;
            case Op.Resumed: return _current!.SentType;
            case Op.Delegate:
                if (i.Args[0].Type is GeneratorType inner) SendsTo(inner.Spec, _current!.SentType, m => Error(i, m, null));
                return ScalarType.Bool;
            case Op.DelegateResult: return i.Args[0].Type is GeneratorType delegated ? delegated.Result : SimpleType.None;   // NoReturn: it never finishes
            case Op.FormatValue:
                if (!Codegen.TypeModel.Formattable(i.Args[0].Type)) throw Error(i, $"cannot format a value of type '{TypeOps.PyName(i.Args[0].Type)}'");
                return SimpleType.Str;
            case Op.JoinStr: return SimpleType.Str;

            case Op.MakeClosure: return new FunctionType(i.Closure, i.Args.Select(a => a.Type));
            case Op.ExcMatch:
                i.Resolved = new ExceptClauseClasses(ExceptClasses(i.Args[0]));
                return ScalarType.Bool;
            case Op.ExcCause:
                if (i.Args[0].Type is not (ExceptionInstanceType or ExceptionClassType or CaughtExceptionType) && i.Args[0].Type != SimpleType.None)
                    throw Error(i.Args[0], "exception causes must derive from BaseException", "use raise X from e, with e an exception, or raise X from None");
                return SimpleType.None;
            case Op.ExcCatch:
            {
                if (!i.KeepsException) return SimpleType.None;
                // The class the clause named (its test is this block's branch), else BaseException.
                var test = i.Block.Preds.Count == 1 && i.Block.Preds[0].Term is { Kind: TermKind.Branch, Value: Instr { Op: Op.ExcMatch } m } ? m : null;
                var classes = test != null ? ExceptClasses(test.Args[0]) : new[] { "BaseException" };
                return new CaughtExceptionType(classes.Length == 1 ? classes[0] : "BaseException");
            }
        }
        throw Error(i, $"internal: no typing rule for {i.Op}");
    }

    /// <summary>Whether a bound flag (Binder.InsertBoundChecks) is the constant false on every edge taken so far.</summary>
    private bool AlwaysFalse(Value flag, HashSet<Instr> seen) => flag switch
    {
        Instr { Op: Op.Const } c when c.Constant is false => true,
        Instr { Op: Op.Phi } p => !seen.Add(p) || p.Args.Where((_, k) => _liveEdges == null || _liveEdges.Contains((p.Block.Preds[k], p.Block))).All(a => AlwaysFalse(a, seen)),
        _ => false,
    };

    /// <summary>The iterator type of iter(x) (for loops): over a range, a tuple, an array's first axis, or what
    /// enumerate() and zip() wrap.</summary>
    private SjType IteratorOf(Instr at, SjType t)
    {
        switch (t)
        {
            case ArrayType a:
                if (a.Ndim == 0) throw Error(at, "iteration over a 0-d array");
                return new ArrayIterType(a);
            case TupleType tt:
                if (tt.Items.Length > 0 && !IterableByItem(tt))
                    throw Error(at, $"cannot iterate over the heterogeneous tuple {tt}", "iterate over a tuple whose items share one type, or index items by constant position");
                return new TupleIterType(tt);
            case EnumerateType en: return new EnumerateIterType(IteratorOf(at, en.Iterable));
            case ReversedType r: return new ReversedIterType(r.Iterable);
            case FlatIterType f: return new ArrayIterType(f.Array, flat: true);
            case ListType l: return new ListIterType(l);
            case DictType d: return new DictIterType(new DictViewType(d, "keys"));
            case SetType st: return new SetIterType(st);
            case DictViewType v: return new DictIterType(v);
            case ZipType z: return new ZipIterType(z.Iterables.Select(x => IteratorOf(at, x)));
            case GeneratorType g: return g;   // a generator is its own iterator
        }
        if (t == SimpleType.Range) return SimpleType.RangeIter;
        if (t == SimpleType.Str) return SimpleType.StrIter;
        if (t is ExceptionArgsType) throw Error(at, "iterating over an exception's args is not supported in compiled code", "print e.args, or read its str items by index");
        throw Error(at, $"'{TypeOps.PyName(t)}' object is not iterable");
    }

    /// <summary>The type of the items an iterator yields.</summary>
    public static SjType ItemOf(SjType iterator) => iterator switch
    {
        ArrayIterType ai => ai.Flat || ai.Array.Ndim == 1 ? ai.Array.Dtype : RowType(ai.Array),
        TupleIterType ti => ti.Tuple.Items.Length == 0 ? SimpleType.NoReturn : ti.Tuple.ItemType!,   // the loop body never runs
        EnumerateIterType ei => new TupleType(new[] { ScalarType.Int64, ItemOf(ei.Inner) }),
        ZipIterType zi => new TupleType(zi.Inners.Select(ItemOf)),
        ReversedIterType { Iterable: TupleType tt } => tt.Items.Length == 0 ? SimpleType.NoReturn : tt.ItemType!,
        ReversedIterType { Iterable: ArrayType a } => a.Ndim == 1 ? a.Dtype : RowType(a),
        ReversedIterType { Iterable: ListType l } => l.Element,
        ListIterType li => li.List.Element,
        GeneratorType g => g.Item,
        DictIterType di => di.View.Item,
        SetIterType si => si.Set.Key,
        ReversedIterType r => r.Iterable == SimpleType.Str ? SimpleType.Str : ScalarType.Int64,
        _ when iterator == SimpleType.StrIter => SimpleType.Str,
        _ => ScalarType.Int64,   // a range
    };

    /// <summary>A row of an array (iterating over its first axis, or a[i]): one dimension fewer.</summary>
    public static ArrayType RowType(ArrayType a) =>
        new(a.Dtype, a.Ndim - 1, a.Layout == ArrayLayout.C ? ArrayLayout.C : ArrayLayout.A, a.Readonly);

    public static SjType ConstType(object? v) => v switch
    {
        long => ScalarType.Int64,
        double => ScalarType.Float64,
        bool => ScalarType.Bool,
        Complex => ScalarType.Complex128,
        TypedConstant tc => tc.Type,
        string => SimpleType.Str,
        PyNone => SimpleType.None,
        PyEllipsis => SimpleType.Ellipsis,
        object?[] items => new TupleType(items.Select(ConstType)),
        _ => throw new InvalidOperationException($"no type for constant {v}"),
    };

    private SjType InferGlobal(Instr i)
    {
        string name = i.Name;
        if (name.StartsWith("$module:")) return new ModuleType(name[8..]);
        if (name.StartsWith("$builtin:")) return Builtins.Lookup(name[9..])!;
        if (Here.Resolve(name) is { } g)
        {
            if (g.Kind != GlobalKind.Variable) return TypeOfBinding(i, name, g);
            if (_current != null && !_current.Function.IsModule)
            {
                if (!_specs.Keys.Any(k => k.Item1.IsModule))
                    throw Here.Error(ErrorKind.TypingError,
                        $"module variable '{name}' gets its value when the module body runs, which this compilation does not include",
                        i.Span, "assign it a constant expression (numbers, tuples, math constants and arithmetic on them), or run the whole script");
                if (!_globalReaders.TryGetValue(name, out var readers)) _globalReaders[name] = readers = new();
                readers.Add(_current);
                _current.GlobalsRead.Add(name);
                return _globalTypes.GetValueOrDefault(name, SimpleType.Unknown);
            }
        }
        var builtin = Builtins.Lookup(name);
        if (builtin != null) return builtin;
        if (name == "Ellipsis") { i.Resolved = new ResolvedConstant(PyEllipsis.Instance); return SimpleType.Ellipsis; }
        throw Here.Error(ErrorKind.NameError, $"name '{name}' is not defined", i.Span, "define it at module level before the function that uses it, or import it");
    }

    /// <summary>The type of a name bound to a constant, function, module or module member (a global, or an
    /// attribute of a host module); opaque host values are an error naming what they are.</summary>
    private SjType TypeOfBinding(Instr i, string name, GlobalInfo g)
    {
        switch (g.Kind)
        {
            // A stencil kernel called by a function compiled with parallel=True runs its loops on the thread pool.
            case GlobalKind.Function:
                return new FunctionType(_current?.Function.Parallel == true && Stencils.ParallelEntryOf(g.Function!) is { } parallel ? parallel : g.Function!,
                    Array.Empty<SjType>());
            case GlobalKind.Module: return new ModuleType(g.ModuleName!) { Host = g.HostObject as IHostNamespace };
            case GlobalKind.ModuleMember:
            {
                var member = Builtins.LookupModuleMember(g.ModuleName!, g.MemberName!)
                    ?? throw Error(i, $"cannot import name '{g.MemberName}' from '{g.ModuleName}'", Builtins.ModuleHint(g.ModuleName!));
                return TypeOfMember(i, member);
            }
            case GlobalKind.Constant:
                i.Resolved = new ResolvedConstant(g.ConstantValue!);
                return ConstType(g.ConstantValue);
            case GlobalKind.Class:
                return new ClassType(g.Class!);
            case GlobalKind.NamedTupleClass:
                return new NamedTupleClassType(g.NamedTuple!, g.NamedTupleDefaults ?? Array.Empty<object?>());
            case GlobalKind.ExternFunction:
                return new ExternFunctionType(g.Extern!);
            case GlobalKind.HostCallable:
                return new HostCallableType(g.Entry!);
            case GlobalKind.ExceptionClass:
                Runtime.ExceptionClasses.Register(g.ExceptionMro![0], g.ExceptionMro);
                return new ExceptionClassType(g.ExceptionMro[0]);
            case GlobalKind.Opaque:
                throw Error(i, $"'{name}' is {g.Description}, which compiled code cannot use",
                    "compiled code can use numbers, tuples, None, math, cmath, numpy, other @jit functions and modules holding them; pass other values as arguments");
        }
        throw Error(i, $"internal: '{name}' is bound to a {g.Kind}");
    }

    private SjType TypeOfMember(Instr i, LibMember member)
    {
        if (member is LibUnsupported u) throw Here.Error(ErrorKind.UnsupportedError, u.Message, i.Span, u.Hint);
        if (member is LibConstant c) { i.Resolved = new ResolvedConstant(c.Value); return ConstType(c.Value); }
        if (member is LibOverload o) return new FunctionType(o.Function, Array.Empty<SjType>());
        if (member is LibSubmodule sm) return new ModuleType(sm.Module);
        if (member is LibExceptionClass ec)
        {
            Runtime.ExceptionClasses.Register(ec.Mro[0], ec.Mro);
            return new ExceptionClassType(ec.Mro[0]);
        }
        return new BuiltinType(((LibFunc)member).Name);
    }

    private SjType InferAttr(Instr i)
    {
        var obj = i.Args[0].Type;
        string attr = i.Name;
        if (obj is ModuleType { Host: { } host } hm)
        {
            var g = host.Resolve(attr) ?? throw Error(i, $"module '{hm.Module}' has no attribute '{attr}'");
            return TypeOfBinding(i, $"{hm.Module}.{attr}", g);
        }
        if (obj is ModuleType m)
        {
            var member = Builtins.LookupModuleMember(m.Module, attr)
                ?? throw Error(i, $"module '{m.Module}' has no attribute '{attr}' that compiled code supports", Builtins.ModuleHint(m.Module));
            return TypeOfMember(i, member);
        }
        if (obj is InstanceType inst) return InstanceAttribute(i, inst, attr);
        if (obj is ClassType ct) return ClassAttribute(i, ct.Class, attr);
        if (attr == "_fields" && (obj is TupleType { Named: not null } || obj is NamedTupleClassType))
        {
            var fields = obj is NamedTupleClassType nct ? nct.Info.Fields : ((TupleType)obj).Named!.Fields;
            object?[] names = fields.Cast<object?>().ToArray();
            i.Resolved = new ResolvedConstant(names);
            return ConstType(names);
        }
        if (obj is TupleType { Named: { } nt } ntt && Array.IndexOf(nt.Fields, attr) is var field and >= 0)
        {
            i.Resolved = new ResolvedIndex(field);   // p.x is p[0]
            return ntt.Items[field];
        }
        if (obj is BuiltinType cls && Builtins.ClassMethod(cls.Qualified, attr) is { } classMethod) return new BuiltinType(classMethod.Name);
        if (Builtins.MethodEntry(obj, attr) != null) return new BoundMethodType(obj, attr);
        if (Builtins.AttributeEntry(attr) is { } entry && entry.Receiver?.Invoke(obj) == true) return InferEntry(i, entry, i.Args);
        throw Error(i, $"'{TypeOps.PyName(obj)}' object has no attribute '{attr}' in compiled code");
    }

    private SjType InferGetItem(Instr i)
    {
        var t = i.Args[0].Type;
        var idxType = i.Args[1].Type;
        if (t is PointerType pt && idxType is ScalarType { Rank: 1 }) return pt.Target;   // C pointer read (cfunc arguments)
        if (t is BuiltinType { Qualified: "numpy.mgrid" or "numpy.ogrid" } grid) return InferEntry(i, Builtins.Get(grid.Qualified + ".getitem"), i.Args);
        NoNumberSlice(i, idxType);
        if (t is ArrayType) return InferEntry(i, Builtins.Get("array.getitem"), i.Args);
        if (t is FlatIterType) return InferEntry(i, Builtins.Get("flatiter.getitem"), i.Args);
        if (t is InstanceType) return InferEntry(i, Builtins.Get("instance.getitem"), i.Args);
        if (t == SimpleType.Str) return InferEntry(i, Builtins.Get("str.getitem"), i.Args);
        if (t is ListType) return InferEntry(i, Builtins.Get("list.getitem"), i.Args);
        if (t is DictType) return InferEntry(i, Builtins.Get("dict.getitem"), i.Args);
        if (t == SimpleType.Range) return InferEntry(i, Builtins.Get("range.getitem"), i.Args);
        if (t is ExceptionArgsType) return InferEntry(i, Builtins.Get("exception_args.getitem"), i.Args);
        if (t is not TupleType tt) throw Error(i, $"'{TypeOps.PyName(t)}' object is not subscriptable");
        if (idxType is SliceType)
        {
            // As CPython's tuple slice, with bounds known at compile time (the result's length is part of its type).
            var bounds = ConstantSliceBounds(i.Args[1])
                ?? throw Error(i, "slicing a tuple needs bounds known at compile time (its length is part of its type)", "use constant bounds such as t[1:], t[:-1] or t[::2]");
            if (bounds.Step == 0) throw Error(i, "slice step cannot be zero");
            var items = SliceIndices(tt.Items.Length, bounds.Start, bounds.Stop, bounds.Step ?? 1);
            i.Resolved = new ResolvedTupleSlice(items);
            return new TupleType(items.Select(k => tt.Items[k]));
        }
        if (idxType is not ScalarType { Rank: <= 1 }) throw Error(i, $"tuple indices must be integers, not {TypeOps.PyName(idxType)}");
        if (ConstantInt(i.Args[1]) is long k)
        {
            long idx = k < 0 ? k + tt.Items.Length : k;
            if (idx < 0 || idx >= tt.Items.Length) throw Error(i, "tuple index out of range");
            i.Resolved = new ResolvedIndex((int)idx);
            return tt.Items[(int)idx];
        }
        if (tt.Items.Length == 0) throw Error(i, "tuple index out of range");
        if (!IterableByItem(tt))
            throw Error(i, $"cannot index the heterogeneous tuple {tt} with a run-time index", "use a constant index, or a tuple whose items share one type");
        return tt.ItemType!;
    }

    /// <summary>A slice with a float or complex part indexes only np.mgrid and np.ogrid: elsewhere CPython's TypeError.</summary>
    private void NoNumberSlice(Instr i, SjType index)
    {
        if (index is NumberSliceType || index is TupleType tt && tt.Items.Any(x => x is NumberSliceType))
            throw Error(i, "slice indices must be integers or None or have an __index__ method");
    }

    /// <summary>The bounds of <c>slice(start, stop, step)</c> when each is a compile-time int or None, else null.</summary>
    private static (long? Start, long? Stop, long? Step)? ConstantSliceBounds(Value slice)
    {
        if (slice is not Instr { Op: Op.Call } call || call.Args.Length != 4 || call.Args[0].Type is not BuiltinType { Qualified: "slice" }) return null;
        var bounds = new long?[3];
        for (int k = 0; k < 3; k++)
        {
            var literal = LiteralOf(call.Args[k + 1]);
            if (literal is PyNone) continue;
            if ((bounds[k] = Signature.AsInt(literal)) == null) return null;
        }
        return (bounds[0], bounds[1], bounds[2]);
    }

    /// <summary>The positions a slice selects from a sequence of this length (CPython's PySlice_AdjustIndices).</summary>
    public static int[] SliceIndices(int length, long? start, long? stop, long step)
    {
        long Adjust(long? bound, long whenOmitted, long low, long high)
        {
            if (bound is not long b) return whenOmitted;
            if (b < 0) b += length;
            return Math.Clamp(b, low, high);
        }
        long first = step > 0 ? Adjust(start, 0, 0, length) : Adjust(start, length - 1, -1, length - 1);
        long end = step > 0 ? Adjust(stop, length, 0, length) : Adjust(stop, -1, -1, length - 1);
        var items = new List<int>();
        for (long k = first; step > 0 ? k < end : k > end; k += step) items.Add((int)k);
        return items.ToArray();
    }

    /// <summary>The value of a compile-time integer constant (a literal or a folded negation), else null.</summary>
    public static long? ConstantInt(Value v) => Signature.AsInt(LiteralOf(v));

    /// <summary>The value of v when it is a compile-time constant of one of Python's types (a literal, a frozen global,
    /// a module constant, a negated literal): what typing rules see as a literal type.</summary>
    public static object? LiteralOf(Value v)
    {
        CompileDepth.EnsureStack();   // not, truth and negation chains are as deep as the expression
        return LiteralValue(v);
    }

    private static object? LiteralValue(Value v) => v switch
    {
        Instr { Op: Op.Const } c => c.Constant is TypedConstant ? null : c.Constant,
        Instr { Resolved: ResolvedLibraryCall { Folded: { } folded } } => folded,
        Instr { Op: Op.Param, Resolved: ResolvedParam { Literal: { } literal } } => literal,
        Instr { Op: Op.Truth } t => LiteralOf(t.Args[0]) is { } x ? Truthy(x) : null,
        Instr { Op: Op.Not } n => LiteralOf(n.Args[0]) is bool x ? !x : null,
        Instr { Op: Op.Narrow } nw when nw.Args[0].Type is not OptionalType => LiteralOf(nw.Args[0]),   // the value itself
        Instr { Op: Op.Global or Op.Attr, Resolved: ResolvedConstant { Value: var c } } => c is TypedConstant ? null : c,
        Instr { Op: Op.UnaryOp } u when u.UnaryOperator == UnaryOperator.USub => LiteralOf(u.Args[0]) switch
        {
            long l => -l, double d => -d, Complex z => -z, _ => null,
        },
        Instr { Op: Op.Phi } p => PhiLiteral(p),
        _ => null,
    };

    [ThreadStatic] private static HashSet<Instr>? _phisVisited;

    /// <summary>A join of values that are all one literal is that literal: a parameter narrowed on one branch
    /// (<c>if mode is not None:</c>) and not on the other, or a variable given one constant on every path. A join that
    /// reaches itself (a loop) is not a literal unless every other value is, and is not followed round.</summary>
    private static object? PhiLiteral(Instr phi)
    {
        var visited = _phisVisited ??= new HashSet<Instr>();
        if (!visited.Add(phi)) return null;
        try
        {
            object? common = null;
            foreach (var a in phi.Args)
            {
                if (LiteralOf(a) is not { } literal || common != null && !SameLiteral(common, literal)) return null;
                common = literal;
            }
            return common;
        }
        finally { visited.Remove(phi); }
    }

    /// <summary>The same constant, bit for bit (0.0 and -0.0 differ; 1 and True differ).</summary>
    private static bool SameLiteral(object x, object y) => (x, y) switch
    {
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (Complex a, Complex b) => BitConverter.DoubleToInt64Bits(a.Real) == BitConverter.DoubleToInt64Bits(b.Real)
                                  && BitConverter.DoubleToInt64Bits(a.Imaginary) == BitConverter.DoubleToInt64Bits(b.Imaginary),
        _ => x.GetType() == y.GetType() && x.Equals(y),
    };

    private SjType InferCall(Instr i)
    {
        if (i.CallShape.Spread) ExpandSpread(i);
        var shape = i.CallShape;
        var callee = i.Args[0];
        var args = i.Args.Skip(1).ToArray();
        switch (callee.Type)
        {
            case FunctionType { Captures.Length: 0 } vectorized when VectorizeInfo.Of(vectorized.Function) != null:
                // A ufunc: lists and tuples become arrays as NumPy's ufuncs make them.
                if (ArraysFromSequences(i, Enumerable.Range(1, shape.Positional))) return SimpleType.Unknown;
                return InferEntry(i, Builtins.Vectorized(vectorized.Function), i.Args.Skip(1).ToArray(), shape);
            case FunctionType generalized when VectorizeInfo.IsGeneralized(generalized.Function):
                throw Here.Error(ErrorKind.UnsupportedError, VectorizeInfo.GeneralizedMessage, i.Span, VectorizeInfo.GeneralizedHint);
            case FunctionType ft:
            {
                var binding = BindArguments(i, ft.Function, shape, args);
                SjType Normalise(SjType t) => ft.Function.AcceptsNarrow ? t : TypeOps.Canonical(t);
                var types = ft.Captures.Concat(ParamTypes(ft.Function, binding, a => Normalise(args[a].Type))).ToList();
                bool ints = _literalParams.Contains(ft.Function);
                var target = Request(ft.Function, types, ft.Function.Module.IsLibrary || ints ? LiteralArguments(ft, binding, args, ints) : null);
                target.Sites[i] = (_current, binding);
                NoteCallSite(target, i);
                if (_current != null) target.Callers.Add(_current);
                i.Resolved = new ResolvedUserCall(target, binding);
                return target.ReturnType;
            }
            case BuiltinType bt:
                if (bt.Qualified.StartsWith("numpy.") && NumPyPromotion.IsUFunc(bt.Qualified[6..]))
                {
                    if (ArraysFromSequences(i, Enumerable.Range(1, Math.Min(NumPyPromotion.Arity(bt.Qualified[6..]).Nin, shape.Positional))))
                        return SimpleType.Unknown;
                    args = i.Args.Skip(1).ToArray();   // the arrays made of lists, if any
                }
                return InferEntry(i, Builtins.Get(bt.Qualified), args, shape);
            case ExternFunctionType ef:
                return InferEntry(i, ef.Function.Entry, args, shape);
            case HostCallableType hc:
                return InferEntry(i, hc.Entry, args, shape);
            case FunctionPointerType fp:
                return InferEntry(i, FunctionPointers.Entry(fp.Signature), args, shape, receiver: (callee, fp));
            case BoundMethodType bm:
                return InferEntry(i, Builtins.MethodEntry(bm.Receiver, bm.Method)!, args, shape, receiver: (callee, bm.Receiver));
            case ClassType ct:
            {
                var instance = InstanceOf(ct.Class);
                if (!ct.Class.Methods.TryGetValue("__init__", out var init))
                {
                    if (args.Length > 0) throw Error(i, $"{ct.Class.Name}() takes no arguments");
                    i.Resolved = new ResolvedNewInstance(instance);
                    return instance;
                }
                var target = RequestMethod(i, init, instance, shape, args, out var binding);
                if (TypeOps.IsKnown(target.ReturnType) && target.ReturnType != SimpleType.None)
                    throw Error(i, $"__init__() should return None, not '{TypeOps.PyName(target.ReturnType)}'");
                i.Resolved = new ResolvedUserCall(target, binding) { Receiver = true, Constructs = instance };
                return instance;
            }
            case UserMethodType um:
            {
                var target = RequestMethod(i, um.Method, um.Instance, shape, args, out var binding);
                i.Resolved = new ResolvedUserCall(target, binding) { Receiver = true };
                return target.ReturnType;
            }
            case NamedTupleClassType nc:
            {
                // As the class's __new__ binds them: positional, then by name, then the defaults of the last fields.
                var info = nc.Info;
                string who = $"{info.Name}.__new__()";
                var argFor = Enumerable.Repeat(-1, info.Fields.Length).ToArray();
                int positional = shape.Positional;
                if (positional > info.Fields.Length)
                    throw Error(i, $"{who} takes {info.Fields.Length + 1} positional arguments but {positional + 1} were given");
                for (int k = 0; k < positional; k++) argFor[k] = k;
                for (int k = 0; k < shape.KeywordNames.Count; k++)
                {
                    int f = Array.IndexOf(info.Fields, shape.KeywordNames[k]);
                    if (f < 0) throw Error(i, $"{who} got an unexpected keyword argument '{shape.KeywordNames[k]}'");
                    if (argFor[f] >= 0) throw Error(i, $"{who} got multiple values for argument '{shape.KeywordNames[k]}'");
                    argFor[f] = positional + k;
                }
                int firstDefault = info.Fields.Length - nc.Defaults.Length;
                var missing = Enumerable.Range(0, info.Fields.Length).Where(f => argFor[f] < 0 && f < firstDefault).Select(f => $"'{info.Fields[f]}'").ToList();
                if (missing.Count > 0)
                    throw Error(i, $"{who} missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: " +
                        (missing.Count == 1 ? missing[0] : string.Join(", ", missing.Take(missing.Count - 1)) + " and " + missing[^1]));
                var defaults = Enumerable.Range(0, info.Fields.Length).Select(f => f >= firstDefault ? nc.Defaults[f - firstDefault] : null).ToArray();
                i.Resolved = new ResolvedNamedTuple(argFor, defaults);
                return new TupleType(Enumerable.Range(0, info.Fields.Length).Select(f => argFor[f] >= 0 ? args[argFor[f]].Type : ConstType(defaults[f])), info);
            }
            case ExceptionClassType ec:
            {
                if (shape.KeywordNames.Count > 0) throw Error(i, $"{ec.ExceptionName}() takes no keyword arguments");
                foreach (var arg in args)
                    if (!Codegen.TypeModel.Formattable(arg.Type)) throw Error(arg, $"cannot use a {TypeOps.PyName(arg.Type)} as an exception argument");
                i.Resolved = new ResolvedException(ec.ExceptionName);
                return new ExceptionInstanceType(ec.ExceptionName);
            }
            case InstanceType inst when inst.Class.Methods.TryGetValue("__call__", out var call):
            {
                var target = RequestMethod(i, call, inst, shape, args, out var binding);
                i.Resolved = new ResolvedUserCall(target, binding) { Receiver = true };   // the callee's value is the instance
                return target.ReturnType;
            }
            default:
                throw Error(i, $"'{TypeOps.PyName(callee.Type)}' object is not callable");
        }
    }

    // ------------------------------------------------------------ classes

    /// <summary>The instance type of each class in this compilation (one per class: its attributes' types grow).</summary>
    private readonly Dictionary<ClassInfo, InstanceType> _instances = new();

    public IEnumerable<InstanceType> InstanceTypes => _instances.Values;

    private InstanceType InstanceOf(ClassInfo cls) =>
        _instances.TryGetValue(cls, out var t) ? t : Adopt(new InstanceType(cls, new InstanceLayout(cls)));

    /// <summary>Makes the instance types of arguments (objects passed in by a host, their attribute types those of
    /// the objects' values) this compilation's types for their classes, before typing starts.</summary>
    public void AdoptInstances(IEnumerable<SjType> argTypes)
    {
        foreach (var t in argTypes)
            switch (t)
            {
                case InstanceType it when !_instances.ContainsKey(it.Class):
                    Adopt(it);
                    AdoptInstances(it.Layout.Fields.Select(f => f.Type));
                    break;
                case TupleType tt: AdoptInstances(tt.Items); break;
                case ListType lt: AdoptInstances(new[] { lt.Element }); break;
                case OptionalType o: AdoptInstances(new[] { o.Inner }); break;
            }
    }

    private InstanceType Adopt(InstanceType t)
    {
        var cls = t.Class;
        _instances[cls] = t;
        foreach (var (field, declared) in cls.Declared) t.Layout.Set(field, declared);
        foreach (var name in new[] { "__str__", "__repr__" })
            if (cls.Methods.TryGetValue(name, out var method) && !cls.StaticMethods.Contains(name))
            {
                if (method.Params.Count != 1) throw cls.Module.Error(ErrorKind.TypingError, $"{cls.Name}.{name}() must take only self", method.NameSpan);
                t.Layout.FormatMethods[name] = Request(method, new SjType[] { t });
            }
        return t;
    }

    /// <summary>A method called with its receiver first (the instance a method was read from, or the one a class
    /// call makes): the specialisation for the receiver's and the arguments' types.</summary>
    private Specialization RequestMethod(Instr call, FunctionInfo method, InstanceType self, CallShape shape, Value[] args, out ArgBinding binding)
    {
        binding = BindArguments(call, method, new CallShape(shape.Positional + 1, shape.KeywordNames), args);
        var target = Request(method, ParamTypes(method, binding, a => a == 0 ? self : args[a - 1].Type));
        if (_current != null) target.Callers.Add(_current);
        return target;
    }

    /// <summary>The type of each parameter of a bound call: its argument's (<paramref name="typeAt"/> of the argument's
    /// index), its default's, or the <c>*args</c> tuple.</summary>
    private static List<SjType> ParamTypes(FunctionInfo fn, ArgBinding b, Func<int, SjType> typeAt) =>
        Enumerable.Range(0, fn.Params.Count).Select(p => p == b.VarArgParam ? VarArgTuple(fn, b.VarArgs!.Select(typeAt).ToList())
            : b.ArgIndexForParam[p] >= 0 ? typeAt(b.ArgIndexForParam[p]) : ConstType(b.DefaultForParam[p])).ToList();

    private SjType InstanceAttribute(Instr i, InstanceType inst, string attr)
    {
        var cls = inst.Class;
        int field = cls.Fields.IndexOf(attr);
        if (field >= 0)
        {
            if (!inst.Layout.Readers.TryGetValue(attr, out var readers)) inst.Layout.Readers[attr] = readers = new();
            if (_current != null) readers.Add(_current);
            i.Resolved = new ResolvedField(field, inst.Layout.Checked(attr));
            return inst.Layout.TypeOf(attr);   // unknown until an assignment to it is typed
        }
        if (cls.Properties.Contains(attr)) return InferEntry(i, Builtins.Get("instance.property"), i.Args);
        if (cls.Methods.TryGetValue(attr, out var method))
            return cls.StaticMethods.Contains(attr) ? new FunctionType(method, Array.Empty<SjType>()) : new UserMethodType(inst, method);
        if (cls.Constants.TryGetValue(attr, out var constant)) { i.Resolved = new ResolvedConstant(constant); return ConstType(constant); }
        throw Error(i, $"'{cls.Name}' object has no attribute '{attr}'", NoAttributeHint(cls));
    }

    private static string NoAttributeHint(ClassInfo cls) =>
        $"a compiled class has the attributes its methods assign to self.NAME ({(cls.Fields.Count == 0 ? "none" : string.Join(", ", cls.Fields))}), its methods and its constants";

    private SjType ClassAttribute(Instr i, ClassInfo cls, string attr)
    {
        if (cls.Methods.TryGetValue(attr, out var method)) return new FunctionType(method, Array.Empty<SjType>());   // Point.norm(p)
        if (cls.Constants.TryGetValue(attr, out var constant)) { i.Resolved = new ResolvedConstant(constant); return ConstType(constant); }
        if (attr == "__name__" || attr == "__qualname__") { i.Resolved = new ResolvedConstant(cls.Name); return SimpleType.Str; }
        throw Error(i, $"type object '{cls.Name}' has no attribute '{attr}'");
    }

    /// <summary>obj.name = value: the attribute's type takes in the value's (readers are typed again when it grows).</summary>
    private SjType InferSetAttr(Instr i)
    {
        string attr = i.Name;
        if (i.Args[0].Type is not InstanceType inst)
            throw Error(i, $"cannot assign attributes of '{TypeOps.PyName(i.Args[0].Type)}' objects in compiled code");
        var cls = inst.Class;
        if (cls.Setters.ContainsKey(attr)) return InferEntry(i, Builtins.Get("instance.setproperty"), i.Args);
        if (cls.Properties.Contains(attr)) throw Error(i, $"property '{attr}' of '{cls.Name}' object has no setter", $"define it with @{attr}.setter");
        int field = cls.Fields.IndexOf(attr);
        if (field < 0)
            throw Error(i, $"'{cls.Name}' object has no attribute '{attr}'", NoAttributeHint(cls) + "; assign new attributes in a method");
        var value = i.Args[1].Type;
        if (!inst.Layout.Readers.TryGetValue(attr, out var readers)) inst.Layout.Readers[attr] = readers = new();
        if (_current != null) readers.Add(_current);   // an empty list stored here takes the attribute's item type
        GrowField(i, inst, attr, value);
        if (Held(value) == SimpleType.Unknown && Held(inst.Layout.TypeOf(attr)) is { } held && held != SimpleType.Unknown)
            RefineList(i, i.Args[1], held);
        i.Resolved = new ResolvedField(field, false);
        return SimpleType.None;
    }

    private void GrowField(Instr at, InstanceType inst, string attr, SjType value)
    {
        var old = inst.Layout.TypeOf(attr);
        if (inst.Class.Declared.TryGetValue(attr, out var declared))
        {
            if (TypeOps.Unify(declared, value) != declared)
                throw Error(at, $"attribute '{attr}' of '{inst.Class.Name}' objects is declared {TypeOps.PyName(declared)} and assigned {TypeOps.WithArticle(value)} here",
                    "assign values of the declared type, or change the declaration");
            return;
        }
        var joined = TypeOps.Unify(old, value) ?? throw Error(at,
            $"attribute '{attr}' of '{inst.Class.Name}' objects is assigned {TypeOps.WithArticle(value)} here and {TypeOps.WithArticle(old)} elsewhere",
            "give each attribute values of one type (int and float unify to float)");
        if (joined == old) return;
        inst.Layout.Set(attr, joined);
        if (inst.Layout.Readers.TryGetValue(attr, out var readers)) foreach (var r in readers) Enqueue(r);
    }

    /// <summary>An attribute whose type typing never learnt (never assigned on any path typed): None, so reads of
    /// it type, and raise AttributeError when they run. True when one was given it.</summary>
    private bool DefaultUnknownFields()
    {
        bool any = false;
        foreach (var inst in _instances.Values)
            foreach (var (name, type) in inst.Layout.Fields.ToList())
                if (type == SimpleType.Unknown && inst.Layout.Readers.ContainsKey(name))
                {
                    inst.Layout.Set(name, SimpleType.None);
                    foreach (var r in inst.Layout.Readers[name]) Enqueue(r);
                    any = true;
                }
        return any;
    }

    /// <summary>An Optional used where its value is needed (an operand, a subscript, an argument of a built-in): an
    /// Unwrap placed before the use raises CPython's TypeError for that use when it is None. So does an operand that
    /// is always None (typed NoReturn: the code after it is dead), which CPython too rejects only when it runs.</summary>
    private void UnwrapOptionals(Instr i)
    {
        string? Message(int k)
        {
            string Name(int j) => i.Args[j].Type is OptionalType o ? (j == k ? "NoneType" : TypeOps.PyName(o.Inner)) : TypeOps.PyName(i.Args[j].Type);
            if (i.Args[k].Type == SimpleType.None && i.Op is not (Op.BinOp or Op.InPlaceOp or Op.UnaryOp or Op.Compare or Op.GetIter)) return null;
            switch (i.Op)
            {
                case Op.BinOp: return $"unsupported operand type(s) for {Arith.Symbol(i.Operator)}: '{Name(0)}' and '{Name(1)}'";
                case Op.InPlaceOp: return $"unsupported operand type(s) for {Arith.Symbol(i.Operator)}=: '{Name(0)}' and '{Name(1)}'";
                case Op.UnaryOp: return $"bad operand type for unary {Arith.Symbol(i.UnaryOperator)}: 'NoneType'";
                case Op.Compare when i.CmpOperator is CmpOperator.Lt or CmpOperator.LtE or CmpOperator.Gt or CmpOperator.GtE:
                    return $"'{Arith.Symbol(i.CmpOperator)}' not supported between instances of '{Name(0)}' and '{Name(1)}'";
                case Op.GetItem:
                    return k == 0 ? "'NoneType' object is not subscriptable"
                        : i.Args[0].Type is TupleType ? "tuple indices must be integers or slices, not NoneType"
                        : "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";
                case Op.Attr or Op.SetAttr when k == 0: return $"'NoneType' object has no attribute '{i.Name}'";
                case Op.GetIter: return "'NoneType' object is not iterable";
                case Op.FormatValue when k == 0 && i.FormatShape.HasSpec: return "unsupported format string passed to NoneType.__format__";
                case Op.Call when k > 0 && i.Args[0].Type is BuiltinType bt:
                    return bt.Qualified switch
                    {
                        "print" or "str" or "repr" or "bool" or "isinstance" => null,   // None is a value to these
                        "float" => "float() argument must be a string or a real number, not 'NoneType'",
                        "int" => "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
                        "complex" => "complex() first argument must be a string or a number, not 'NoneType'",
                        "abs" => "bad operand type for abs(): 'NoneType'",
                        "round" => "type NoneType doesn't define __round__ method",
                        "len" => "object of type 'NoneType' has no len()",
                        _ => "must be real number, not NoneType",
                    };
                default: return null;
            }
        }
        var ir = _current!.Ir;
        for (int k = 0; k < i.Args.Length; k++)
        {
            var t = i.Args[k].Type;
            if (t is not OptionalType && t != SimpleType.None || Message(k) is not { } message) continue;
            // Reported where it is used; CPython's AttributeError for an attribute of None, its TypeError otherwise.
            var unwrap = IrEdit.New(ir, Op.Unwrap, i.Span, new UnwrapCheck(i.Op is Op.Attr or Op.SetAttr ? "AttributeError" : "TypeError", message), i.Args[k]);
            IrEdit.InsertAt(i.Block, i.Block.Instrs.IndexOf(i), unwrap);
            unwrap.Type = t is OptionalType o ? o.Inner : SimpleType.NoReturn;
            i.Args[k] = unwrap;
        }
    }

    /// <summary>
    /// NumPy takes a list or a tuple wherever it takes an array: a ufunc's operands (np.add([1, 2], a)) and either side
    /// of an operator whose other side is an array (a * [1, 2], which ndarray's operator converts; a += [1, 2] too, but
    /// not list += array, which would rebind the list's variable to an array). Such an operand
    /// becomes a call of np.asarray inserted before the use (typed now, and again each round as any instruction), so
    /// the use types and lowers as on an array. Returns true while an array made so is not typed yet (np.asarray of a
    /// list is typed once its library function is): the use is then typed again next round.
    /// </summary>
    private bool ArraysFromSequences(Instr use, IEnumerable<int> operands)
    {
        bool pending = false;
        var ir = _current!.Ir;
        foreach (int k in operands)
        {
            var operand = use.Args[k];
            if (operand.Type is not (ListType or TupleType)) continue;
            var span = operand is Instr made ? made.Span : use.Span;
            var asarray = IrEdit.New(ir, Op.Global, span, "$builtin:numpy.asarray");
            var array = IrEdit.New(ir, Op.Call, span, new CallShape(1, Array.Empty<string>()), asarray, operand);
            int at = use.Block.Instrs.IndexOf(use);
            IrEdit.InsertAt(use.Block, at, asarray);
            IrEdit.InsertAt(use.Block, at + 1, array);
            asarray.Type = InferInstr(asarray);
            array.Type = InferInstr(array);
            use.Args[k] = array;
            pending |= !TypeOps.IsKnown(array.Type);
        }
        return pending;
    }

    /// <summary>Converts a list or tuple beside an array (see <see cref="ArraysFromSequences"/>).</summary>
    private bool SequenceBesideArray(Instr op) =>
        op.Args.Length == 2 && (op.Args[0].Type is ArrayType || op.Args[1].Type is ArrayType) && ArraysFromSequences(op, new[] { 0, 1 });

    /// <summary>f(*t) once t's type is known: t[0], t[1] … (typed now) are placed before the call and become its
    /// positional arguments, so the call binds and lowers as any other.</summary>
    private void ExpandSpread(Instr call)
    {
        var shape = call.CallShape;
        var tuple = call.Args[1];
        var items = ((TupleType)tuple.Type).Items;   // Binder's $star checked it is a tuple
        var ir = _current!.Ir;
        int at = call.Block.Instrs.IndexOf(call);
        var args = new List<Value> { call.Args[0] };
        for (int k = 0; k < items.Length; k++)
        {
            var index = IrEdit.New(ir, Op.Const, call.Span, (long)k);
            var item = IrEdit.New(ir, Op.GetItem, call.Span, null, tuple, index);
            IrEdit.InsertAt(call.Block, at++, index);
            IrEdit.InsertAt(call.Block, at++, item);
            index.Type = InferInstr(index);
            item.Type = InferInstr(item);
            args.Add(item);
        }
        call.Args = args.Concat(call.Args.Skip(2)).ToArray();
        call.Data = new CallShape(items.Length, shape.KeywordNames);
    }

    /// <summary>Library functions are specialised on arguments that are literal bools and strings (flags and names
    /// that select code, as <c>_extreme(items, True, "min")</c> does); functions whose typing needs constants on literal
    /// ints too (<paramref name="ints"/>).</summary>
    private static object?[] LiteralArguments(FunctionType ft, ArgBinding binding, Value[] args, bool ints)
    {
        var literals = new object?[ft.Captures.Length + ft.Function.Params.Count];
        for (int p = 0; p < ft.Function.Params.Count; p++)
            if (binding.ArgIndexForParam[p] >= 0 && LiteralOf(args[binding.ArgIndexForParam[p]]) is bool or string or long && (ints || LiteralOf(args[binding.ArgIndexForParam[p]]) is not long))
                literals[ft.Captures.Length + p] = LiteralOf(args[binding.ArgIndexForParam[p]]);
        return literals;
    }

    /// <summary>A tuple whose items can be read at run-time positions: of one type, or in library code (min, sum …)
    /// of types that unify, read as that type as Python's numbers would combine.</summary>
    private bool IterableByItem(TupleType tt) => tt.IsHomogeneous || Here.IsLibrary && tt.ItemType is { } t && t is not ConflictType;

    /// <summary>The tuple a <c>*args</c> parameter receives: the arguments' own types, or for library functions
    /// (written to iterate over it) one type they all fit in, as min() and max() unify int with float.</summary>
    private static TupleType VarArgTuple(FunctionInfo fn, List<SjType> types)
    {
        if (fn.Module.IsLibrary && types.Count > 0 && new TupleType(types).ItemType is { } item && item is not ConflictType)
            return new TupleType(types.Select(_ => item));
        return new TupleType(types);
    }


    /// <summary>The element type each list display (<c>[]</c>, <c>[a, b]</c>, a comprehension: a <c>$list</c> call) was
    /// found to need from the items it later receives; a change types the function again.</summary>
    private readonly Dictionary<Value, SjType> _listElements = new();
    private bool _listRefined;

    /// <summary>The list <paramref name="list"/> (through joins, narrowing and method receivers) receives items of type
    /// <paramref name="element"/> at <paramref name="use"/>: the display it was made by takes a type they fit in.</summary>
    private void RefineList(Instr use, Value list, SjType element, HashSet<Value>? seen = null)
    {
        seen ??= new HashSet<Value>();
        if (!seen.Add(list)) return;
        switch (list)
        {
            case Instr { Op: Op.Phi } phi:
                foreach (var a in phi.Args)
                    if (a.Type is ListType or DictType or SetType || !TypeOps.IsKnown(a.Type)) RefineList(use, a, element, seen);
                return;
            case Instr { Op: Op.Attr } fa when fa.Args[0].Type is InstanceType inst && inst.Class.Fields.Contains(fa.Name):
            {
                // An attribute holding an empty container: the attribute's type takes the items, and the assignments
                // that stored it are typed again, refining the containers they store.
                var grown = list.Type switch
                {
                    ListType => new ListType(element),
                    SetType => new SetType(element),
                    DictType when element is TupleType { Items: [var k, var v] } => new DictType(k, v),
                    _ => (SjType?)null,
                };
                if (grown != null) GrowField(use, inst, fa.Name, grown);
                return;
            }
            case Instr { Op: Op.Narrow or Op.Unwrap or Op.Attr } x:
                RefineList(use, x.Args[0], element, seen);
                return;
            case Instr { Op: Op.Call } site when IsListDisplay(site):
            {
                var old = _listElements.GetValueOrDefault(site, SimpleType.Unknown);
                if (Held(site.Type) is { } current) old = TypeOps.Unify(old, current) ?? old;
                var joined = TypeOps.Unify(old, element);
                if (joined == null)
                    throw Error(use, Mismatch(site.Type, old, element), "compiled lists and dicts hold items of one type; convert the item, or use a tuple");
                if (joined != old) { _listElements[site] = joined; _listRefined = true; }
                return;
            }
            default:
                // Reached through a parameter (or another value not made here): the error stands only if this
                // specialisation is still reached when typing ends; one requested while the caller's container was
                // still growing is dropped (DropUnreachable).
                var held = Held(list.Type) ?? SimpleType.Unknown;
                string what = list.Type is DictType ? "dict" : list.Type is SetType ? "set" : "list";
                _current!.DeferredError ??= held == SimpleType.Unknown
                    ? Error(use, $"cannot tell the type of the items of this empty {what} where it was made",
                        $"make the {what} in this function, or start it with an item (e.g. [0.0] or {{0: 0.0}}) and clear() it")
                    : Error(use, Mismatch(list.Type, held, element), _defaultedDisplays
                        ? $"an empty {what} that gets no items where it is made holds ints; give it its items there (e.g. [0.0] and clear() for floats)"
                        : $"compiled {what}s hold items of one type: make the {what} with items of the wider type (e.g. [0.0] for floats)");
                return;
        }
    }

    /// <summary>"this list holds int items and receives a str here", or for a dict its key and value types.</summary>
    private static string Mismatch(SjType container, SjType held, SjType element)
    {
        if (container is DictType && held is TupleType { Items: [var k, var v] } && element is TupleType { Items: [var k2, var v2] })
            return $"this dict maps {TypeOps.PyName(k)} to {TypeOps.PyName(v)} and receives {TypeOps.WithArticle(k2)} key with {TypeOps.WithArticle(v2)} value here";
        return $"this list holds {TypeOps.PyName(held)} items and receives {TypeOps.WithArticle(element)} here";
    }

    public CompileError CallError(Value at, string message, string? hint = null) => Error(at, message, hint);

    /// <summary>Types a use of a registry entry (an operator, attribute, builtin or method call) and records the
    /// signature it resolved to. Entries that do not take NumPy's narrow scalars see them as Python's numbers.</summary>
    private SjType InferEntry(Instr i, LibFunc fn, IReadOnlyList<Value> args, CallShape? shape = null, (Value Site, SjType Type)? receiver = null)
    {
        if (_entryTypings.TryGetValue(i, out var known) && known.Fn == fn && known.Holds(args, receiver)) return known.Result;
        bool dependsOnState = false;   // the rule asked inference about lists or generators: its result is not a function of its arguments
        TypedArg Arg(Value v, SjType t) => new(fn.AcceptsNarrow ? t : TypeOps.Canonical(t), LiteralOf(v), v);
        int positional = shape?.Positional ?? args.Count;
        var pos = new List<TypedArg>();
        if (receiver is var (site, type)) pos.Add(Arg(site, type));
        for (int k = 0; k < positional; k++) pos.Add(Arg(args[k], args[k].Type));
        var kws = new List<(string, TypedArg)>();
        for (int k = positional; k < args.Count; k++) kws.Add((shape!.KeywordNames[k - positional], Arg(args[k], args[k].Type)));
        var callees = new List<Specialization>();
        var context = new CallTypingContext(i, pos.ToArray(), kws, (at, message, hint) => Error(at, message, hint), (f, types, literals) =>
        {
            var target = Request(f, types, literals);
            NoteCallSite(target, i);
            if (_current != null) target.Callers.Add(_current);
            callees.Add(target);
            return target;
        })
        {
            ListElement = site => { dependsOnState = true; return _listElements.GetValueOrDefault(site, SimpleType.Unknown); },
            RefineList = (site, element) => { dependsOnState = true; RefineList(i, site, element); },
            SendsTo = (spec, t) => { dependsOnState = true; SendsTo(spec, t, m => Error(i, m, null)); },
        };
        var result = fn.Type(context);
        var all = pos.Concat(kws.Select(k => k.Item2)).ToList();
        var sig = new Signature(all.Select(a => a.Type).ToImmutableArray(), all.Select(a => a.Literal).ToImmutableArray(),
            kws.Select(k => k.Item1).ToImmutableArray(), result);
        i.Resolved = new ResolvedLibraryCall(fn, sig) { Folded = fn.Fold?.Invoke(sig), Callees = callees };
        if (!dependsOnState && EntryTyping.Applies(args, receiver)) _entryTypings[i] = new EntryTyping(fn, args, receiver, callees, result);
        else _entryTypings.Remove(i);
        return result;
    }

    /// <summary>The last typing of each registry entry's use (<see cref="InferEntry"/>): every round of inference types
    /// every instruction again, and most operations see the same arguments as in the round before.</summary>
    private readonly Dictionary<Instr, EntryTyping> _entryTypings = new();

    /// <summary>An operator's type when its operands are as in the round before (its entry follows from the operator
    /// and their types, so it need not be looked up again).</summary>
    private SjType? KnownTyping(Instr i) => _entryTypings.TryGetValue(i, out var known) && known.Holds(i.Args, null) ? known.Result : null;

    /// <summary>A typing rule's result for the argument types and literals it saw, and the return types of the library
    /// functions it required: while those are the same, so is its result (and the signature it recorded). Only for
    /// rules that asked inference nothing else (lists, generators) and arguments whose types carry all their state.</summary>
    private sealed class EntryTyping
    {
        public LibFunc Fn { get; }
        public SjType Result { get; }
        private readonly SjType[] _types;
        private readonly object?[] _literals;
        private readonly SjType? _receiver;
        private readonly Specialization[] _callees;
        private readonly SjType[] _calleeResults;

        public EntryTyping(LibFunc fn, IReadOnlyList<Value> args, (Value Site, SjType Type)? receiver, List<Specialization> callees, SjType result)
        {
            Fn = fn; Result = result; _receiver = receiver?.Type;
            _types = new SjType[args.Count];
            _literals = new object?[args.Count + 1];
            for (int k = 0; k < args.Count; k++) { _types[k] = args[k].Type; _literals[k] = LiteralOf(args[k]); }
            if (receiver is var (site, _)) _literals[args.Count] = LiteralOf(site);
            _callees = callees.ToArray();
            _calleeResults = callees.Select(c => c.ReturnType).ToArray();
        }

        public bool Holds(IReadOnlyList<Value> args, (Value Site, SjType Type)? receiver)
        {
            if (args.Count != _types.Length || receiver?.Type != _receiver) return false;
            for (int k = 0; k < args.Count; k++)
                if (args[k].Type != _types[k] || !Equals(LiteralOf(args[k]), _literals[k])) return false;
            if (receiver is var (site, _) && !Equals(LiteralOf(site), _literals[args.Count])) return false;
            for (int k = 0; k < _callees.Length; k++)
                if (_callees[k].ReturnType != _calleeResults[k]) return false;
            return true;
        }

        /// <summary>Types whose values are all their state (a class's fields, a generator's sent type and the like grow
        /// while typing goes on, under the same type).</summary>
        public static bool Applies(IReadOnlyList<Value> args, (Value Site, SjType Type)? receiver) =>
            args.All(a => Plain(a.Type)) && (receiver == null || Plain(receiver.Value.Type));

        private static bool Plain(SjType t) => t switch
        {
            ScalarType or SimpleType or ArrayType or DTypeType or MachineLimitsType or SliceType or BuiltinType or ModuleType => true,
            TupleType tt => tt.Items.All(Plain),
            _ => false,
        };
    }

    private ArgBinding BindArguments(Instr call, FunctionInfo fn, CallShape shape, Value[] args)
    {
        var ps = fn.Params;
        var map = Enumerable.Repeat(-1, ps.Count).ToArray();
        var defaults = new object?[ps.Count];
        string fname = fn.Parent is { IsModule: true } ? fn.QualName : fn.Name;   // a method: Point.__init__
        int positionalParams = ps.Count(p => p.Kind is ParamKind.Positional or ParamKind.PositionalOnly);
        int varArg = ps.FindIndex(p => p.Kind == ParamKind.VarPositional);
        if (shape.Positional > positionalParams && varArg < 0)
        {
            // CPython's wording: "takes from 2 to 3 positional arguments" when some have defaults.
            int required = ps.Count(p => p.Kind is ParamKind.Positional or ParamKind.PositionalOnly && p.Default == null);
            string takes = required < positionalParams ? $"from {required} to {positionalParams}" : $"{positionalParams}";
            throw Error(call, $"{fname}() takes {takes} positional argument{(positionalParams == 1 ? "" : "s")} but {shape.Positional} {(shape.Positional == 1 ? "was" : "were")} given");
        }
        for (int k = 0; k < Math.Min(shape.Positional, positionalParams); k++) map[k] = k;
        var extra = Enumerable.Range(positionalParams, Math.Max(0, shape.Positional - positionalParams)).ToArray();
        for (int k = 0; k < shape.KeywordNames.Count; k++)
        {
            string name = shape.KeywordNames[k];
            int p = ps.FindIndex(x => x.Name == name);
            if (p < 0 || ps[p].Kind == ParamKind.VarPositional) throw Error(call, $"{fname}() got an unexpected keyword argument '{name}'");
            if (ps[p].Kind == ParamKind.PositionalOnly) throw Error(call, $"{fname}() got some positional-only arguments passed as keyword arguments: '{name}'");
            if (map[p] >= 0) throw Error(call, $"{fname}() got multiple values for argument '{name}'");
            map[p] = shape.Positional + k;
        }
        var missing = new List<string>();
        var missingKw = new List<string>();
        for (int p = 0; p < ps.Count; p++)
        {
            if (map[p] >= 0 || p == varArg) continue;
            if (ps[p].Default == null) { (ps[p].Kind == ParamKind.KeywordOnly ? missingKw : missing).Add(ps[p].Name); continue; }
            defaults[p] = ConstEval.TryEval(ps[p].Default!, fn.Module)
                ?? throw fn.Module.Error(ErrorKind.UnsupportedError, "default argument values must be constants (numbers, strings, None, tuples of them)", ps[p].Default!.Span);
        }
        foreach (var (names, kind) in new[] { (missing, "positional"), (missingKw, "keyword-only") })
        {
            if (names.Count == 0) continue;
            string list = names.Count == 1 ? $"'{names[0]}'" : string.Join(", ", names.Take(names.Count - 1).Select(m => $"'{m}'")) + $" and '{names[^1]}'";
            throw Error(call, $"{fname}() missing {names.Count} required {kind} argument{(names.Count == 1 ? "" : "s")}: {list}");
        }
        return new ArgBinding(map, defaults, varArg, extra);
    }
}

