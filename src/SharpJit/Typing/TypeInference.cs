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

    public TypeInference(ModuleInfo module, Func<FunctionInfo, IrFunction>? bind = null)
    {
        Module = module;
        _bind = bind ?? Binder.Bind;
    }

    private static string Key(IEnumerable<SjType> types) => string.Join("|", types.Select(t => t.Name));

    /// <summary>The specialisation of fn for these argument types, created (and queued) on first request.</summary>
    public Specialization Request(FunctionInfo fn, IReadOnlyList<SjType> argTypes)
    {
        var key = (fn, Key(argTypes));
        if (_specs.TryGetValue(key, out var s)) return s;
        var ir = _bind(fn);
        string symbol = UniqueSymbol(fn);
        s = new Specialization(fn, argTypes.ToImmutableArray(), ir, symbol);
        _specs[key] = s;
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

    private void Enqueue(Specialization s) { if (_queued.Add(s)) _work.Enqueue(s); }

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
                InferFunction(s);
                if (s.ReturnType != before) foreach (var c in s.Callers) Enqueue(c);
            }
            // A function that never returns normally (it always raises, or recurses into one that does)
            // still needs a return type for its callers: None.
            var stuck = _specs.Values.Where(s => s.ReturnType == SimpleType.Unknown && !HasTypedReturn(s)).ToList();
            if (stuck.Count == 0) break;
            foreach (var s in stuck) { s.ReturnType = SimpleType.None; foreach (var c in s.Callers) Enqueue(c); }
        }
        foreach (var s in _specs.Values) CheckComplete(s);
    }

    /// <summary>True when some return statement of s returns a value of a known type.</summary>
    private static bool HasTypedReturn(Specialization s) =>
        s.Ir.Blocks.Any(b => b.Term.Kind == TermKind.Return && TypeOps.IsKnown(b.Term.Value!.Type));

    private void CheckComplete(Specialization s)
    {
        if (s.ReturnType == SimpleType.Unknown)
            throw s.Function.Module.Error(ErrorKind.TypingError, $"cannot infer the return type of '{s.Function.QualName}': every path recurses without returning",
                s.Function.Node.Span, "give the recursion a base case that returns a value");
        foreach (var b in s.Ir.Blocks)
            foreach (var i in b.Phis.Concat(b.Instrs))
            {
                if (i.Type is ConflictType c && IsUsed(s.Ir, i))
                    throw s.Function.Module.Error(ErrorKind.TypingError,
                        $"variable '{i.Data}' has type {TypeOps.PyName(c.A)} on one path and {TypeOps.PyName(c.B)} on another where they meet",
                        i.Span, "give the variable one type on all paths, or use a different name");
            }
    }

    private static bool IsUsed(IrFunction f, Instr v) =>
        f.Blocks.Any(b => b.Term.Value == v || b.Phis.Concat(b.Instrs).Any(i => i.Type is not ConflictType && i.Args.Contains(v)));

    // ------------------------------------------------------------ local inference

    private void InferFunction(Specialization s)
    {
        _current = s;
        var ir = s.Ir;
        foreach (var p in ir.Params) p.Type = s.ArgTypes[(int)p.Data!];
        var order = ir.ReversePostOrder();
        bool changed = true;
        int iterations = 0;
        while (changed)
        {
            if (++iterations > 1000) throw s.Function.Module.Error(ErrorKind.TypingError, $"type inference of '{s.Function.QualName}' did not converge", s.Function.Node.Span);
            changed = false;
            SjType ret = SimpleType.Unknown;
            foreach (var b in order)
            {
                foreach (var i in b.Phis.Concat(b.Instrs))
                {
                    var t = InferInstr(i);
                    if (t != i.Type) { i.Type = t; changed = true; }
                }
                if (b.Term.Kind == TermKind.Return && TypeOps.IsKnown(b.Term.Value!.Type))
                {
                    var rt = b.Term.Value.Type;
                    if (rt is ConflictType) throw UseOfConflict(b.Term.Value);
                    ret = TypeOps.Unify(ret, rt) ?? throw s.Function.Module.Error(ErrorKind.TypingError,
                        $"'{s.Function.QualName}' returns {TypeOps.PyName(ret)} on one path and {TypeOps.PyName(rt)} on another",
                        b.Term.Span, "return values of one type (int and float unify to float)");
                }
                if (b.Term.Kind == TermKind.Raise) CheckRaise(b.Term);
            }
            s.ReturnType = TypeOps.Unify(s.ReturnType, ret) ?? ret;
        }
        _current = null;
    }

    private void CheckRaise(Terminator t)
    {
        var v = t.Value!;
        if (!TypeOps.IsKnown(v.Type)) return;
        if (v.Type is ExceptionInstanceType or ExceptionClassType) return;
        throw Here.Error(ErrorKind.TypingError, "exceptions must derive from BaseException", v.Span, "raise a built-in exception, e.g. raise ValueError(\"message\")");
    }

    private CompileError UseOfConflict(Value v)
    {
        var c = (ConflictType)v.Type;
        string name = v is Instr { Data: string n } ? n : "value";
        return Here.Error(ErrorKind.TypingError,
            $"variable '{name}' has type {TypeOps.PyName(c.A)} on one path and {TypeOps.PyName(c.B)} on another where they meet",
            v.Span, "give the variable one type on all paths, or use a different name");
    }

    private CompileError Error(Value at, string message, string? hint = null) => Here.Error(ErrorKind.TypingError, message, at.Span, hint);

    /// <summary>The module of the function being inferred: its source is where errors point.</summary>
    private ModuleInfo Here => _current?.Function.Module ?? Module;

    private SjType InferInstr(Instr i)
    {
        if (i.Op == Op.Phi)
        {
            SjType t = SimpleType.Unknown;
            foreach (var a in i.Args)
            {
                if (!TypeOps.IsKnown(a.Type)) continue;
                var u = TypeOps.Unify(t, a.Type);
                if (u == null) return new ConflictType(t, a.Type);
                t = u;
            }
            return t;
        }
        foreach (var a in i.Args)
        {
            if (!TypeOps.IsKnown(a.Type)) return SimpleType.Unknown;
            if (a.Type is ConflictType) throw UseOfConflict(a);
        }
        switch (i.Op)
        {
            case Op.Const: return ConstType(i.Data);
            case Op.Param: return i.Type;
            case Op.Undef: return SimpleType.Undefined;
            case Op.Global: return InferGlobal(i);
            case Op.StoreGlobal:
            {
                string name = (string)i.Data!;
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
            case Op.BinOp: return Arith.BinOpType((Operator)i.Data!, i.Args[0].Type, i.Args[1].Type) ?? throw Error(i,
                $"unsupported operand type(s) for {Arith.Symbol((Operator)i.Data!)}: '{TypeOps.PyName(i.Args[0].Type)}' and '{TypeOps.PyName(i.Args[1].Type)}'");
            case Op.UnaryOp: return Arith.UnaryType((UnaryOperator)i.Data!, i.Args[0].Type) ?? throw Error(i,
                $"bad operand type for unary {Arith.Symbol((UnaryOperator)i.Data!)}: '{TypeOps.PyName(i.Args[0].Type)}'");
            case Op.Not: return ScalarType.Bool;
            case Op.Compare:
                if (!Arith.CanCompare((CmpOperator)i.Data!, i.Args[0].Type, i.Args[1].Type))
                    throw Error(i, Arith.CompareError((CmpOperator)i.Data!, i.Args[0].Type, i.Args[1].Type));
                return ScalarType.Bool;
            case Op.Truth:
                if (!Arith.HasTruth(i.Args[0].Type)) throw Error(i, $"'{TypeOps.PyName(i.Args[0].Type)}' has no truth value in compiled code");
                return ScalarType.Bool;
            case Op.Call: return InferCall(i);
            case Op.MakeTuple: return new TupleType(i.Args.Select(a => a.Type));
            case Op.GetItem: return InferGetItem(i);
            case Op.GetIter:
            {
                var t = i.Args[0].Type;
                if (t == SimpleType.Range) return SimpleType.RangeIter;
                if (t is TupleType tt)
                {
                    if (tt.Items.Length > 0 && !tt.IsHomogeneous)
                        throw Error(i, $"cannot iterate over the heterogeneous tuple {tt}", "iterate over a tuple whose items share one type, or index items by constant position");
                    return new TupleIterType(tt);
                }
                throw Error(i, $"'{TypeOps.PyName(t)}' object is not iterable");
            }
            case Op.IterValid: return ScalarType.Bool;
            case Op.IterValue:
            {
                var t = i.Args[0].Type;
                if (t == SimpleType.RangeIter) return ScalarType.Int64;
                var tt = ((TupleIterType)t).Tuple;
                return tt.Items.Length == 0 ? SimpleType.None : tt.Items[0];
            }
            case Op.IterNext: return i.Args[0].Type;
            case Op.FormatValue:
                if (!Formatting.CanFormat(i.Args[0].Type)) throw Error(i, $"cannot format a value of type '{TypeOps.PyName(i.Args[0].Type)}'");
                return SimpleType.Str;
            case Op.JoinStr: return SimpleType.Str;
            case Op.MakeClosure: return new FunctionType((FunctionInfo)i.Data!, i.Args.Select(a => a.Type));
        }
        throw Error(i, $"internal: no typing rule for {i.Op}");
    }

    public static SjType ConstType(object? v) => v switch
    {
        long => ScalarType.Int64,
        double => ScalarType.Float64,
        bool => ScalarType.Bool,
        Complex => ScalarType.Complex128,
        TypedConstant tc => tc.Type,
        string => SimpleType.Str,
        PyNone => SimpleType.None,
        object?[] items => new TupleType(items.Select(ConstType)),
        _ => throw new InvalidOperationException($"no type for constant {v}"),
    };

    private SjType InferGlobal(Instr i)
    {
        string name = (string)i.Data!;
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
        throw Here.Error(ErrorKind.NameError, $"name '{name}' is not defined", i.Span, "define it at module level before the function that uses it, or import it");
    }

    /// <summary>The type of a name bound to a constant, function, module or module member (a global, or an
    /// attribute of a host module); opaque host values are an error naming what they are.</summary>
    private SjType TypeOfBinding(Instr i, string name, GlobalInfo g)
    {
        switch (g.Kind)
        {
            case GlobalKind.Function: return new FunctionType(g.Function!, Array.Empty<SjType>());
            case GlobalKind.Module: return new ModuleType(g.ModuleName!) { Host = g.HostObject as IHostNamespace };
            case GlobalKind.ModuleMember:
            {
                var member = Builtins.LookupModuleMember(g.ModuleName!, g.MemberName!)
                    ?? throw Error(i, $"cannot import name '{g.MemberName}' from '{g.ModuleName}'", Builtins.ModuleHint(g.ModuleName!));
                return TypeOfMember(i, member);
            }
            case GlobalKind.Constant:
                i.Resolved = g.ConstantValue;
                return ConstType(g.ConstantValue);
            case GlobalKind.Opaque:
                throw Error(i, $"'{name}' is {g.Description}, which compiled code cannot use",
                    "compiled code can use numbers, tuples, None, math, cmath, numpy, other @jit functions and modules holding them; pass other values as arguments");
        }
        throw Error(i, $"internal: '{name}' is bound to a {g.Kind}");
    }

    private SjType TypeOfMember(Instr i, LibMember member)
    {
        if (member is LibUnsupported u) throw Here.Error(ErrorKind.UnsupportedError, u.Message, i.Span, u.Hint);
        if (member is LibConstant c) { i.Resolved = c.Value; return ConstType(c.Value); }
        return new BuiltinType(((LibFunc)member).Name);
    }

    private SjType InferAttr(Instr i)
    {
        var obj = i.Args[0].Type;
        string attr = (string)i.Data!;
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
        var method = Builtins.LookupAttribute(obj, attr);
        if (method != null) return method;
        throw Error(i, $"'{TypeOps.PyName(obj)}' object has no attribute '{attr}' in compiled code");
    }

    private SjType InferGetItem(Instr i)
    {
        var t = i.Args[0].Type;
        var idxType = i.Args[1].Type;
        if (t is PointerType pt && idxType is ScalarType { Rank: 1 }) return pt.Target;   // C pointer read (cfunc arguments)
        if (t is not TupleType tt) throw Error(i, $"'{TypeOps.PyName(t)}' object is not subscriptable");
        if (idxType is not ScalarType { Rank: <= 1 }) throw Error(i, $"tuple indices must be integers, not {TypeOps.PyName(idxType)}");
        if (ConstantInt(i.Args[1]) is long k)
        {
            long idx = k < 0 ? k + tt.Items.Length : k;
            if (idx < 0 || idx >= tt.Items.Length) throw Error(i, "tuple index out of range");
            i.Resolved = (int)idx;
            return tt.Items[(int)idx];
        }
        if (tt.Items.Length == 0) throw Error(i, "tuple index out of range");
        if (!tt.IsHomogeneous)
            throw Error(i, $"cannot index the heterogeneous tuple {tt} with a run-time index", "use a constant index, or a tuple whose items share one type");
        return tt.Items[0];
    }

    /// <summary>The value of a compile-time integer constant (a literal or a folded negation), else null.</summary>
    public static long? ConstantInt(Value v) => v switch
    {
        Instr { Op: Op.Const, Data: long l } => l,
        Instr { Op: Op.Const, Data: bool b } => b ? 1 : 0,
        Instr { Op: Op.Global, Resolved: long l } => l,
        Instr { Op: Op.UnaryOp, Data: UnaryOperator.USub } u when ConstantInt(u.Args[0]) is long l => -l,
        _ => null,
    };

    private SjType InferCall(Instr i)
    {
        var shape = (CallShape)i.Data!;
        var callee = i.Args[0];
        var args = i.Args.Skip(1).ToArray();
        switch (callee.Type)
        {
            case FunctionType ft:
            {
                var binding = BindArguments(i, ft.Function, shape, args);
                var types = new List<SjType>(ft.Captures);
                for (int p = 0; p < ft.Function.Params.Count; p++)
                    types.Add(binding.ArgIndexForParam[p] >= 0 ? Normalise(args[binding.ArgIndexForParam[p]].Type) : ConstType(binding.DefaultForParam[p]));
                var target = Request(ft.Function, types);
                if (_current != null) target.Callers.Add(_current);
                i.Resolved = new ResolvedUserCall(target, binding);
                return target.ReturnType;
            }
            case BuiltinType bt:
            {
                var fn = Builtins.Get(bt.Qualified);
                i.Resolved = new ResolvedLibraryCall(fn);
                var call = new CallTypingContext(this, i, shape, WidenedArg.For(fn.AcceptsNarrow, args));
                return fn.Type(call);
            }
            case ExceptionClassType ec:
            {
                if (shape.KeywordNames.Count > 0) throw Error(i, $"{ec.ExceptionName}() takes no keyword arguments");
                if (args.Length > 1) throw Error(i, $"{ec.ExceptionName}() with more than one argument is not supported", "format the message into one string with an f-string");
                if (args.Length == 1 && !Formatting.CanFormat(args[0].Type)) throw Error(args[0], $"cannot use a {TypeOps.PyName(args[0].Type)} as an exception message");
                i.Resolved = new ResolvedException(ec.ExceptionName);
                return new ExceptionInstanceType(ec.ExceptionName);
            }
            default:
                throw Error(i, $"'{TypeOps.PyName(callee.Type)}' object is not callable");
        }
    }

    /// <summary>Specialise on value types only: a bool argument where int is expected stays bool (as Python).</summary>
    private static SjType Normalise(SjType t) => t;

    public CompileError CallError(Value at, string message, string? hint = null) => Error(at, message, hint);

    private ArgBinding BindArguments(Instr call, FunctionInfo fn, CallShape shape, Value[] args)
    {
        var ps = fn.Params;
        var map = Enumerable.Repeat(-1, ps.Count).ToArray();
        var defaults = new object?[ps.Count];
        string fname = fn.Name;
        int positionalParams = ps.Count(p => p.Kind != ParamKind.KeywordOnly);
        if (shape.Positional > positionalParams)
            throw Error(call, $"{fname}() takes {positionalParams} positional argument{(positionalParams == 1 ? "" : "s")} but {shape.Positional} {(shape.Positional == 1 ? "was" : "were")} given");
        for (int k = 0; k < shape.Positional; k++) map[k] = k;
        for (int k = 0; k < shape.KeywordNames.Count; k++)
        {
            string name = shape.KeywordNames[k];
            int p = ps.FindIndex(x => x.Name == name);
            if (p < 0) throw Error(call, $"{fname}() got an unexpected keyword argument '{name}'");
            if (ps[p].Kind == ParamKind.PositionalOnly) throw Error(call, $"{fname}() got some positional-only arguments passed as keyword arguments: '{name}'");
            if (map[p] >= 0) throw Error(call, $"{fname}() got multiple values for argument '{name}'");
            map[p] = shape.Positional + k;
        }
        var missing = new List<string>();
        var missingKw = new List<string>();
        for (int p = 0; p < ps.Count; p++)
        {
            if (map[p] >= 0) continue;
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
        return new ArgBinding(map, defaults);
    }
}

/// <summary>What a library typing rule sees of a call.</summary>
public sealed class CallTypingContext
{
    private readonly TypeInference _ti;
    public Instr Call { get; }
    public Value[] Positional { get; }
    public Dictionary<string, Value> Keywords { get; } = new();
    public SjType[] Types => Positional.Select(v => v.Type).ToArray();

    public CallTypingContext(TypeInference ti, Instr call, CallShape shape, Value[] args)
    {
        _ti = ti; Call = call;
        Positional = args.Take(shape.Positional).ToArray();
        for (int k = 0; k < shape.KeywordNames.Count; k++) Keywords[shape.KeywordNames[k]] = args[shape.Positional + k];
    }

    public CompileError Error(string message, string? hint = null) => _ti.CallError(Call, message, hint);
    /// <summary>An error at an argument when it is written inside the call (a variable's value points to its
    /// definition elsewhere, so then the call itself is reported).</summary>
    public CompileError ErrorAt(Value v, string message, string? hint = null) =>
        _ti.CallError(v.Span.Start >= Call.Span.Start && v.Span.End <= Call.Span.End ? v : Call, message, hint);
}
