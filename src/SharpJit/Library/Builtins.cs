using System.Numerics;
using SharpJit.Codegen;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>The registry of built-in functions, exception classes and module members compiled code can use.</summary>
public static unsafe partial class Builtins
{
    private static readonly Dictionary<string, LibMember> Registry = new();

    public static readonly HashSet<string> ExceptionNames = new()
    {
        "Exception", "BaseException", "ArithmeticError", "AssertionError", "AttributeError", "IndexError", "KeyError",
        "LookupError", "NameError", "NotImplementedError", "OverflowError", "RuntimeError", "StopIteration", "TypeError",
        "ValueError", "ZeroDivisionError", "FloatingPointError", "RecursionError", "UnboundLocalError", "MemoryError", "SystemExit",
        "GeneratorExit", "KeyboardInterrupt",
    };

    /// <summary>Names of the builtin types usable with isinstance (and as conversion functions).</summary>
    private static readonly Dictionary<string, Func<SjType, bool>> TypePredicates = new()
    {
        // NumPy's narrower scalars are not instances of Python's types (np.float64 and np.int64 look like float and int).
        ["int"] = t => t is ScalarType { Rank: <= 1, IsCanonical: true },
        ["bool"] = t => t is ScalarType { Rank: 0 },
        ["float"] = t => t == ScalarType.Float64,
        ["complex"] = t => t == ScalarType.Complex128,
        ["tuple"] = t => t is TupleType,
        ["str"] = t => t == SimpleType.Str,
        ["range"] = t => t == SimpleType.Range,
        ["list"] = t => t is ListType,
        ["dict"] = t => t is DictType,
        ["set"] = t => t is SetType { Frozen: false },
        ["frozenset"] = t => t is SetType { Frozen: true },
    };

    static Builtins()
    {
        RegisterCore();
        RegisterOperators();
        RegisterMath();
        RegisterCMath();
        RegisterNumPy();
        RegisterArrays();
        RegisterRandom();
        RegisterStrings();
        RegisterLists();
        RegisterDicts();
        RegisterSets();
        RegisterClassOperators();
        RegisterParallelLoops();
        foreach (var (name, module, function) in PythonLibrary.Overloads()) Registry[name] = new LibOverload(module, function);
    }

    /// <summary>Registers an entry. It may raise for every signature unless <paramref name="neverRaises"/> or a
    /// <paramref name="mayRaise"/> rule says otherwise.</summary>
    private static LibFunc Add(string name, Func<CallTypingContext, SjType> type, Func<LoweringCall, LLVMValueRef> lower, bool neverRaises = false,
        bool acceptsNarrow = false, Func<Signature, bool>? mayRaise = null)
    {
        var f = new LibFunc(name, type, lower, mayRaise ?? (neverRaises ? LibFunc.Never : LibFunc.Always)) { AcceptsNarrow = acceptsNarrow };
        Registry[name] = f;
        return f;
    }

    public static SjType? Lookup(string name)
    {
        if (ExceptionNames.Contains(name)) return new ExceptionClassType(name);
        if (Registry.TryGetValue(name, out var m))
        {
            if (m is LibFunc f) return new BuiltinType(f.Name);
            if (m is LibOverload o) return new FunctionType(o.Function, Array.Empty<SjType>());
        }
        return null;
    }

    public static LibFunc Get(string qualified) => (LibFunc)Registry[qualified];

    /// <summary>Registry entries named like the operator module's functions that the module does not have: the
    /// `in`/`not in` operators (the module has contains), and setitem, whose entry is NumPy's.</summary>
    private static readonly HashSet<string> NotInOperatorModule = new() { "in_", "not_in" };

    /// <summary>The type of a function value named by its module and name (a function passed as an argument), or null
    /// when it is not one compiled code calls.</summary>
    public static SjType? FunctionValue(string module, string name) =>
        module == "builtins" ? (ExceptionNames.Contains(name) ? null : Lookup(name))
        : LookupModuleMember(module, name) switch
        {
            LibOverload o => new FunctionType(o.Function, Array.Empty<SjType>()),
            LibFunc f => new BuiltinType(f.Name),
            _ => null,
        };

    public static LibMember? LookupModuleMember(string module, string name) =>
        module == "operator" && NotInOperatorModule.Contains(name) ? null : Registry.GetValueOrDefault(module + "." + name);

    // ------------------------------------------------------------ attributes of values

    /// <summary>The entry of a data attribute (<c>x.real</c>): registered as <c>attr.NAME</c>, taking the object.</summary>
    public static LibFunc? AttributeEntry(string attr) => Registry.GetValueOrDefault("attr." + attr) as LibFunc;

    /// <summary>Unpacking a list, a str or an array (its first axis) into names: CPython's ValueErrors where its run-time length
    /// is not the number of names (starred: fewer than the names besides the starred one).</summary>
    private static void CheckUnpackedLength(LoweringCall c, long expected, bool starred)
    {
        var e = c.E;
        var length = c.ArgType(0) is ArrayType at ? ArrayCode.Shape(e, at, c.Arg(0))[0]
            : c.ArgType(0) == SimpleType.Str ? e.CallRuntime("sj_str_len", c.Arg(0)) : ListCode.Length(e, c.Arg(0));
        if (!starred)
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntSGT, length, e.M.ConstI64(expected), ""), "ValueError", $"too many values to unpack (expected {expected})", c.Span);
        var least = starred ? "at least " : "";
        for (long got = 0; got < expected; got++)
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, length, e.M.ConstI64(got), ""), "ValueError", $"not enough values to unpack (expected {least}{expected}, got {got})", c.Span);
    }

    /// <summary>Values unpacked into names whose length is known only at run time.</summary>
    private static bool RunTimeLength(SjType t) => t is ArrayType or ListType || t == SimpleType.Str;

    /// <summary>CPython's errors for a value that cannot be unpacked into names (a tuple's count is checked by the caller).</summary>
    private static void CheckUnpackable(CallTypingContext c, SjType t)
    {
        if (t is ArrayType { Ndim: 0 }) throw c.Error("iteration over a 0-d array", "index a 0-d array with [()] to read its value");
        if (!RunTimeLength(t) && t is not TupleType) throw c.Error($"cannot unpack non-iterable {TypeOps.PyName(t)} object");
    }

    /// <summary>The entry of a method (<c>z.conjugate</c>) for this receiver type: registered as <c>method.NAME</c>,
    /// taking the receiver first. Reading the attribute gives a <see cref="BoundMethodType"/> value.</summary>
    public static LibFunc? MethodEntry(SjType receiver, string name) =>
        Registry.GetValueOrDefault((receiver == SimpleType.Str ? "str." : receiver is ListType ? "list." : receiver is DictType ? "dict." : receiver is SetType ? "set." : "method.") + name) is LibFunc f
        && f.Receiver?.Invoke(receiver) == true && !name.Contains('$') ? f : null;

    /// <summary>The class name of a built-in type usable as a class (<c>int</c>, <c>list</c>, NumPy's scalar types),
    /// else null (a function such as <c>abs</c>).</summary>
    public static string? ClassName(BuiltinType bt) =>
        bt.Qualified == "$NoneType" ? "NoneType" : bt.Qualified == "type" || TypePredicates.ContainsKey(bt.Qualified)
        || bt.Qualified.StartsWith("numpy.") && ScalarType.All.Any(s => "numpy." + s.Name == bt.Qualified) ? bt.Qualified : null;

    /// <summary>__name__ of a class known while typing.</summary>
    private static string? StaticClassName(SjType t) => t switch
    {
        BuiltinType bt => ClassName(bt)?.Split('.').Last(),
        ExceptionClassType ec => Runtime.ExceptionClasses.ShortName(ec.ExceptionName),
        _ => null,
    };

    /// <summary>type(x) for a value of type t: the class as its name types it (int's is BuiltinType int); null when
    /// compiled code has no such class value.</summary>
    private static SjType? ClassOf(SjType t) => t switch
    {
        CaughtExceptionType => CaughtClassType.Instance,
        ExceptionInstanceType ei => new ExceptionClassType(ei.ExceptionName),
        InstanceType it => new ClassType(it.Class),
        ExceptionClassType => new BuiltinType("type"),
        BuiltinType bt when ClassName(bt) != null => new BuiltinType("type"),
        _ when t == SimpleType.None => new BuiltinType("$NoneType"),
        _ when t is ScalarType or ListType or DictType or SetType or TupleType { Named: null } || t == SimpleType.Str || t == SimpleType.Range
            => Registry.ContainsKey(TypeOps.PyName(t)) ? new BuiltinType(TypeOps.PyName(t)) : null,
        _ => null,
    };

    /// <summary>The number of items a generator yields when it is known while typing: a generator expression with
    /// one loop and no condition over a tuple.</summary>
    private static int? KnownLength(GeneratorType g) =>
        g.Spec.Function.Node is Syntax.GeneratorExp { Generators: [{ Ifs.Count: 0 }] } ? StaticLength(g.Spec.ArgTypes[^1]) : null;

    /// <summary>How many items an iterable has, where its type says: a tuple, and zip or enumerate over tuples.</summary>
    private static int? StaticLength(SjType t) => t switch
    {
        TupleType tt => tt.Items.Length,
        ZipType z when z.Iterables.Length > 0 && z.Iterables.All(i => StaticLength(i) != null) => z.Iterables.Min(i => StaticLength(i)!.Value),
        EnumerateType en => StaticLength(en.Iterable),
        _ => null,
    };

    /// <summary>next(g): its next item, or StopIteration when it has finished.</summary>
    private static LLVMValueRef NextItem(LoweringCall c, GeneratorType g)
    {
        var e = c.E;
        var yielded = GeneratorCode.Resume(e, g, c.Arg(0), c.Span);
        e.FailIf(BuildNot(e.B, yielded, ""), () => e.CallRuntime("sj_raise", e.M.ConstString("StopIteration"), ConstPointerNull(e.M.Ptr)), c.Span);
        return GeneratorCode.TakeItem(e, g, c.Arg(0), c.ResultType);
    }

    /// <summary>Methods of built-in classes called on the class (<c>dict.fromkeys</c>).</summary>
    private static readonly HashSet<string> ClassMethods = new() { "dict.fromkeys" };

    public static LibFunc? ClassMethod(string cls, string name) =>
        ClassMethods.Contains(cls + "." + name) ? Get(cls + "." + name) : null;

    // ------------------------------------------------------------ shared typing helpers

    /// <summary>Replaces a registry entry by a wrapper around it (which calls it), keeping what the registry knows of the
    /// entry: its receivers (a method), its folding and its element-wise form (Passes.ArrayFusion fuses calls without
    /// keywords, which a wrapper passes through unchanged).</summary>
    private static LibFunc Wrap(LibFunc inner, Func<CallTypingContext, SjType> type, Func<LoweringCall, LLVMValueRef> lower, Func<Signature, bool>? mayRaise = null)
    {
        var f = Add(inner.Name, type, lower, acceptsNarrow: inner.AcceptsNarrow, mayRaise: mayRaise ?? inner.MayRaise);
        f.Receiver = inner.Receiver;
        f.Fold = inner.Fold;
        f.Elementwise = inner.Elementwise;
        return f;
    }

    /// <summary>NumPy's functions written in C, whose argument errors read differently from those of its Python ones.</summary>
    private static readonly HashSet<string> WrittenInC = new() { "numpy.empty", "numpy.zeros" };

    /// <summary>
    /// Parameters of a C# entry that callers may also pass by name, as Python binds them (np.zeros(shape=(2, 3)),
    /// np.full(3, fill_value=2.5), np.eye(3, k=1)): <paramref name="parameters"/>[k] names positional parameter k,
    /// "NAME=None" one whose default is None. Keywords naming parameters after the positional arguments are passed by
    /// position (a parameter skipped on the way that defaults to None gets None), so the entry's rules see one form; a
    /// parameter given both ways is NumPy's TypeError.
    /// </summary>
    internal static void PositionalByName(string entry, params string[] parameters)
    {
        var inner = Get(entry);
        string shortName = entry[(entry.LastIndexOf('.') + 1)..];
        var names = parameters.Select(p => p.Split('=')[0]).ToArray();
        var noneByDefault = parameters.Select(p => p.EndsWith("=None")).ToArray();
        // The parameters from the first one not given by position up to the last one named: each a keyword's name, or
        // null for a skipped one that defaults to None. Empty when nothing moves (or a skipped one has no default).
        string?[] Moved(int positional, ICollection<string> keywords)
        {
            int last = Enumerable.Range(positional, Math.Max(0, names.Length - positional)).LastOrDefault(k => keywords.Contains(names[k]), -1);
            if (last < 0) return Array.Empty<string?>();
            var moved = new List<string?>();
            for (int k = positional; k <= last; k++)
            {
                if (keywords.Contains(names[k])) moved.Add(names[k]);
                else if (noneByDefault[k]) moved.Add(null);
                else return Array.Empty<string?>();
            }
            return moved.ToArray();
        }
        Wrap(inner, c =>
        {
            foreach (var k in c.Keywords.Keys)
                if (Array.IndexOf(names, k) is var at and >= 0 && at < c.Positional.Length)
                    throw c.Error(WrittenInC.Contains(entry) ? $"argument for {shortName}() given by name ('{k}') and position (position {at})"
                        : $"{(entry == "method.clip" ? "_clip" : shortName)}() got multiple values for argument '{k}'");
            var moved = Moved(c.Positional.Length, c.Keywords.Keys);
            if (moved.Length == 0) return inner.Type(c);
            return inner.Type(c.WithArguments(
                c.Positional.Concat(moved.Select(m => m == null ? new TypedArg(SimpleType.None, null, c.Site) : c.Keywords[m])).ToArray(),
                c.Keywords.Where(kv => !moved.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value)).ToList()));
        }, c =>
        {
            var keywordNames = c.Sig.KeywordNames.ToArray();
            var moved = Moved(c.Args.Length, keywordNames);
            if (moved.Length == 0) return inner.Lower(c);
            var none = new LoweredArg(GetUndef(c.E.M.Lower(SimpleType.None)), SimpleType.None);
            var rest = keywordNames.Where(k => !moved.Contains(k)).ToArray();
            return inner.Lower(c.With(c.Args.Concat(moved.Select(m => m == null ? none : c.Keywords[m])).Concat(rest.Select(k => c.Keywords[k])).ToArray(), rest));
        });
    }

    internal static void Arity(CallTypingContext c, string name, int min, int max, params string[] keywords)
    {
        int n = c.Positional.Length;
        foreach (var k in c.Keywords.Keys)
            if (!keywords.Contains(k)) throw c.Error($"{name}() got an unexpected keyword argument '{k}'");
        if (n < min || n > max)
        {
            string expected = min == max ? $"exactly {min}" : n < min ? $"at least {min}" : $"at most {max}";
            throw c.Error($"{name}() takes {expected} argument{(max == 1 && min == 1 ? "" : "s")} ({n} given)");
        }
    }

    internal static ScalarType RealArg(CallTypingContext c, string name, int k)
    {
        var t = c.Positional[k].Type;
        if (t is ScalarType { Rank: < 3 } s) return s;
        throw c.ErrorAt(c.Positional[k], t is ScalarType ? $"{name}() argument must be a real number, not complex" : $"must be real number, not {TypeOps.PyName(t)}");
    }

    internal static SjType NumberArg(CallTypingContext c, string name, int k)
    {
        var t = c.Positional[k].Type;
        if (t is ScalarType) return t;
        throw c.ErrorAt(c.Positional[k], $"{name}() argument must be a number, not '{TypeOps.PyName(t)}'");
    }

    internal static void IntArg(CallTypingContext c, string name, int k)
    {
        var t = c.Positional[k].Type;
        if (t is not ScalarType { Rank: <= 1 })
            throw c.ErrorAt(c.Positional[k], $"'{TypeOps.PyName(t)}' object cannot be interpreted as an integer");
    }

    /// <summary>The items of a tuple argument (a homogeneous or numeric tuple), unified.</summary>
    internal static SjType TupleItemsType(CallTypingContext c, string name, int k, bool numeric = true)
    {
        var t = c.Positional[k].Type;
        if (t is not TupleType tt) throw c.ErrorAt(c.Positional[k], $"{name}() argument must be a tuple in compiled code, not '{TypeOps.PyName(t)}'");
        if (tt.Items.Length == 0) return ScalarType.Int64;
        var u = tt.Items.Aggregate((SjType?)SimpleType.Unknown, (acc, x) => acc == null ? null : TypeOps.Unify(acc, x));
        if (u == null || numeric && u is not ScalarType) throw c.ErrorAt(c.Positional[k], $"{name}() needs a tuple of numbers, not {tt}");
        return u;
    }

    internal static LLVMValueRef[] TupleItems(LoweringCall c, int k, SjType itemType)
    {
        var tt = (TupleType)c.ArgType(k);
        var v = c.Arg(k);
        return tt.Items.Select((it, j) => c.E.Convert(c.E.ExtractValue(v, j), it, itemType)).ToArray();
    }

    private static bool HoldsNumbers(SjType t) =>
        t is ListType && (TypeInference.Held(t) is ScalarType || TypeInference.Held(t) == SimpleType.Unknown);

    internal static LLVMValueRef ToFloat(LoweringCall c, int k) => c.E.Convert(c.Arg(k), c.ArgType(k), ScalarType.Float64);
    internal static LLVMValueRef ToInt(LoweringCall c, int k) => c.E.Convert(c.Arg(k), c.ArgType(k), ScalarType.Int64);
    internal static LLVMValueRef ToComplex(LoweringCall c, int k) => c.E.Convert(c.Arg(k), c.ArgType(k), ScalarType.Complex128);

    private static LLVMValueRef None(LoweringCall c) => GetUndef(c.E.M.Empty);

    /// <summary>Float to int64 with Python's errors for NaN and infinities, and an OverflowError where CPython would
    /// return an integer beyond int64 (compiled integers are int64).</summary>
    internal static LLVMValueRef FloatToInt(FunctionEmitter e, LLVMValueRef x, Diagnostics.Span span,
        string overflowMessage = "int too large to convert to int64")
    {
        var B = e.B; var M = e.M;
        // On x86-64 the truncating conversion gives -2**63 for NaN, infinities and everything out of range, so the
        // hot path is one integer compare; elsewhere one ordered compare, |x| < 2**63 (false for NaN and infinities).
        // The one valid input either turns away, -2**63 itself, is let through on the cold side, where the error is
        // also told apart.
        LLVMValueRef r, inRange;
        if (M.TargetsX86_64)
        {
            var vector = BuildInsertElement(B, GetUndef(VectorType(M.F64, 2)), x, M.ConstI64(0), "");
            r = e.Intrinsic("llvm.x86.sse2.cvttsd2si64", Array.Empty<LLVMTypeRef>(), vector);
            inRange = BuildICmp(B, LLVMIntPredicate.LLVMIntNE, r, M.ConstI64(long.MinValue), "");
        }
        else
        {
            r = BuildFPToSI(B, x, M.I64, "");   // poison when out of range: used only on the in-range side
            inRange = BuildFCmp(B, LLVMRealPredicate.LLVMRealOLT, e.Intrinsic("llvm.fabs", new[] { M.F64 }, x), M.ConstF64(9223372036854775808.0), "");
        }
        var outside = e.NewBlock("int_outside"); var converted = e.NewBlock("int_in_range");
        BuildCondBr(B, e.Expect(inRange, true), converted, outside);
        PositionBuilderAtEnd(B, outside);
        e.FailIf(BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, x, M.ConstF64(-9223372036854775808.0), ""),
            () => RaiseFloatNotConvertible(e, x, overflowMessage), span);
        BuildBr(B, converted);
        PositionBuilderAtEnd(B, converted);
        return r;
    }

    /// <summary>CPython's error for a float int() cannot take: ValueError for NaN, OverflowError for infinities and
    /// for values beyond the target (overflowMessage).</summary>
    internal static void RaiseFloatNotConvertible(FunctionEmitter e, LLVMValueRef x, string overflowMessage)
    {
        var B = e.B; var M = e.M;
        var nan = BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, x, x, "");
        var inf = BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, e.Intrinsic("llvm.fabs", new[] { M.F64 }, x), M.ConstF64(double.PositiveInfinity), "");
        var kind = BuildSelect(B, nan, M.ConstString("ValueError"), M.ConstString("OverflowError"), "");
        var message = BuildSelect(B, nan, M.ConstString("cannot convert float NaN to integer"),
            BuildSelect(B, inf, M.ConstString("cannot convert float infinity to integer"), M.ConstString(overflowMessage), ""), "");
        e.CallRuntime("sj_raise", kind, message);
    }

    // ------------------------------------------------------------ builtins

    private static void RegisterCore()
    {
        Add("print", c =>
        {
            foreach (var a in c.Positional)
                if (!TypeModel.Formattable(a.Type)) throw c.ErrorAt(a, $"cannot print a value of type '{TypeOps.PyName(a.Type)}'");
            foreach (var (k, v) in c.Keywords)
            {
                if (k is "flush" or "file") { if (k == "file") throw c.ErrorAt(v, "print(file=...) is not supported in compiled code"); continue; }
                if (k is not ("sep" or "end")) throw c.Error($"'{k}' is an invalid keyword argument for print()");
                if (v.Type != SimpleType.Str && v.Type != SimpleType.None) throw c.ErrorAt(v, $"{k} must be None or a string, not {TypeOps.PyName(v.Type)}");
            }
            return SimpleType.None;
        }, c =>
        {
            var e = c.E;
            var sink = e.M.ConstI64(0);
            void WriteOpt(string kw, string dflt)
            {
                if (c.Keywords.TryGetValue(kw, out var v) && v.Type == SimpleType.Str) c.Write(sink, v, false);
                else Formatting.Text(e, sink, dflt);
            }
            for (int k = 0; k < c.Args.Length; k++)
            {
                if (k > 0) WriteOpt("sep", " ");
                if (RaiseAnalysis.FormatMethods(c.ArgType(k)).Any())
                {
                    // A class's __str__/__repr__ may raise midway: as CPython, str() of the argument is made whole
                    // before any of it is written.
                    var text = e.CallRuntime("sj_sb_new");
                    c.Write(text, c.Args[k], false);
                    text = e.CallRuntime("sj_sb_finish", text);
                    c.Write(sink, new LoweredArg(text, SimpleType.Str), false);
                    Codegen.TypeModel.Of(SimpleType.Str).DecRef(e, text);
                }
                else c.Write(sink, c.Args[k], false);
            }
            WriteOpt("end", "\n");
            if (c.Keywords.TryGetValue("flush", out var flush))
                e.CallRuntime("sj_flush_if", BuildZExt(e.B, e.Truth(flush.Value, flush.Type), e.M.I32, ""));
            return None(c);
        }, acceptsNarrow: true, neverRaises: true);

        // abs keeps NumPy's narrow types (abs(np.int8(-128)) wraps to -128, as in NumPy); complex64 gives float32.
        Add("abs", c =>
        {
            Arity(c, "abs", 1, 1);
            if (c.Positional[0].Type is ArrayType) return Get("numpy.absolute").Type(c);   // abs(array) is np.absolute
            if (c.Positional[0].Type is InstanceType it)
                return MethodOf(it, "__abs__") is { } m ? RequireSpecial(c, m, it) : throw c.Error($"bad operand type for abs(): '{it.Class.Name}'", "define __abs__ on the class");
            var t = NumberArg(c, "abs", 0);
            return t is ScalarType { Rank: 3 } z ? (z.Bits == 64 ? ScalarType.Float32 : ScalarType.Float64) : t is ScalarType { Rank: 0 } ? ScalarType.Int64 : t;
        },
        c =>
        {
            if (c.ArgType(0) is ArrayType) return Get("numpy.absolute").Lower(c);
            if (c.ArgType(0) is InstanceType) return c.CallCompiled(0, c.Arg(0));
            var e = c.E; var t = (ScalarType)c.ArgType(0);
            switch (t.Rank)
            {
                case <= 1 when t.IsUnsigned: return c.Arg(0);
                case <= 1:
                    var x = t.Rank == 0 ? ToInt(c, 0) : c.Arg(0);
                    var zero = ConstNull(TypeOf(x));
                    return BuildSelect(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntSLT, x, zero, ""), BuildSub(e.B, zero, x, ""), x, "");
                case 2: return e.Intrinsic("llvm.fabs", new[] { e.M.Lower(t) }, c.Arg(0));
                default:
                    var z = ToComplex(c, 0);
                    var r = e.CallLibm("hypot", e.ExtractValue(z, 0), e.ExtractValue(z, 1));
                    var finiteIn = BuildAnd(e.B, IsFinite(e, e.ExtractValue(z, 0)), IsFinite(e, e.ExtractValue(z, 1)), "");
                    e.RaiseIf(BuildAnd(e.B, finiteIn, IsInf(e, r), ""), "OverflowError", "absolute value too large", c.Span);
                    return e.Convert(r, ScalarType.Float64, c.ResultType);
            }
        }, acceptsNarrow: true, mayRaise: sig => sig.Args[0] is ScalarType { Rank: 3 } or ArrayType); // abs(complex) can overflow

        // min, max, sum and divmod are written in Python: Library/py/builtins.py.

        Add("int", c =>
        {
            Arity(c, "int", 0, 2, "base");
            if (c.Positional.Length == 2 || c.Keywords.Count > 0)
            {
                // int(s, base): a str (and an int base)
                if (c.Positional.Length == 0) throw c.Error("int() missing string argument");
                if (!IsStr(c.Positional[0].Type)) throw c.ErrorAt(c.Positional[0], "int() can't convert non-string with explicit base");
                var b = c.Positional.Length == 2 ? c.Positional[1] : c.Keywords["base"];
                if (!IsIntLike(b.Type)) throw c.ErrorAt(b, $"'{TypeOps.PyName(b.Type)}' object cannot be interpreted as an integer");
            }
            else if (c.Positional.Length == 1 && !IsStr(c.Positional[0].Type))
            {
                var t = c.Positional[0].Type;
                if (t is ScalarType { Rank: 3 }) throw c.Error("int() argument must be a string, a bytes-like object or a real number, not 'complex'");
                if (t is not ScalarType) throw c.Error($"int() argument must be a string, a bytes-like object or a real number, not '{TypeOps.PyName(t)}'");
            }
            return ScalarType.Int64;
        }, c =>
        {
            if (c.Args.Length == 0) return c.E.M.ConstI64(0);
            if (IsStr(c.ArgType(0)))
            {
                var numberBase = c.Args.Length == 2 ? ToInt(c, 1) : c.Keywords.TryGetValue("base", out var kb) ? c.E.Convert(kb.Value, kb.Type, ScalarType.Int64) : c.E.M.ConstI64(10);
                var slot = c.E.Alloca(c.E.M.I64);
                c.E.CallChecked("sj_str_to_int", c.Span, c.Arg(0), numberBase, slot);
                return BuildLoad2(c.E.B, c.E.M.I64, slot, "");
            }
            var t = (ScalarType)c.ArgType(0);
            return t.Rank <= 1 ? ToInt(c, 0) : FloatToInt(c.E, c.Arg(0), c.Span);
        });

        Add("float", c =>
        {
            Arity(c, "float", 0, 1);
            if (c.Positional.Length == 1)
            {
                var a = c.Positional[0];
                if (a.Literal is string s)
                {
                    if (ParseFloatLiteral(s) is null) throw c.ErrorAt(a, $"could not convert string to float: '{s}'");
                }
                else if (IsStr(a.Type)) { }   // parsed at run time
                else if (a.Type is ScalarType { Rank: 3 }) throw c.Error("float() argument must be a string or a real number, not 'complex'");
                else if (a.Type is not ScalarType) throw c.Error($"float() argument must be a string or a real number, not '{TypeOps.PyName(a.Type)}'");
            }
            return ScalarType.Float64;
        }, c =>
        {
            if (c.Args.Length == 0) return c.E.M.ConstF64(0);
            if (c.Args[0].Literal is string s) return c.E.M.ConstF64(ParseFloatLiteral(s)!.Value);
            if (IsStr(c.ArgType(0)))
            {
                var slot = c.E.Alloca(c.E.M.F64);
                c.E.CallChecked("sj_str_to_float", c.Span, c.Arg(0), slot);
                return BuildLoad2(c.E.B, c.E.M.F64, slot, "");
            }
            return ToFloat(c, 0);
        }, mayRaise: sig => sig.Args.Length == 1 && sig.Args[0] == SimpleType.Str && sig.Literals[0] is not string);

        Add("bool", c => { Arity(c, "bool", 0, 1); return c.Positional.Length == 1 && TruthEntry(c.Positional[0].Type) is { } truth ? truth.Type(c) : ScalarType.Bool; },
            c => c.Args.Length == 0 ? c.E.M.ConstBool(false) : TruthEntry(c.ArgType(0)) is { } truth ? truth.Lower(c) : c.E.Truth(c.Arg(0), c.ArgType(0)),
            acceptsNarrow: true, mayRaise: sig => sig.Args.Length == 1 && sig.Args[0] is ArrayType);

        Add("complex", c =>
        {
            Arity(c, "complex", 0, 2, "real", "imag");
            foreach (var a in c.Positional.Concat(c.Keywords.Values))
                if (a.Type is not ScalarType) throw c.ErrorAt(a, $"complex() argument must be a string or a number, not '{TypeOps.PyName(a.Type)}'");
            return ScalarType.Complex128;
        }, c =>
        {
            var e = c.E;
            var parts = c.Args;
            var re = parts.Length > 0 ? parts[0] : c.Keywords.GetValueOrDefault("real");
            var im = parts.Length > 1 ? parts[1] : c.Keywords.GetValueOrDefault("imag");
            var z = re != null ? e.Convert(re.Value, re.Type, ScalarType.Complex128) : e.M.ConstComplex(0, 0);
            if (im == null) return z;
            // CPython: real = re.real - im.imag, imag = re.imag + im.real, the subtraction and addition done
            // only for complex operands (so complex(0.0, -0.0) keeps its signed zero).
            var zi = e.Convert(im.Value, im.Type, ScalarType.Complex128);
            bool reComplex = re != null && re.Type is ScalarType { Rank: 3 };
            bool imComplex = im.Type is ScalarType { Rank: 3 };
            var real = imComplex ? BuildFSub(e.B, e.ExtractValue(z, 0), e.ExtractValue(zi, 1), "") : e.ExtractValue(z, 0);
            var imag = reComplex ? BuildFAdd(e.B, e.ExtractValue(z, 1), e.ExtractValue(zi, 0), "") : e.ExtractValue(zi, 0);
            return e.MakeComplex(real, imag);
        }, neverRaises: true);

        Add("round", c =>
        {
            Arity(c, "round", 1, 2, "ndigits");
            var t = RealArg(c, "round", 0);
            var nd = c.Positional.Length > 1 ? c.Positional[1] : c.Keywords.GetValueOrDefault("ndigits");
            if (nd == null || nd.Type == SimpleType.None) return t.Rank <= 1 ? ScalarType.Int64 : ScalarType.Int64;
            if (nd.Type is not ScalarType { Rank: <= 1 }) throw c.ErrorAt(nd, $"'{TypeOps.PyName(nd.Type)}' object cannot be interpreted as an integer");
            return t.Rank <= 1 ? ScalarType.Int64 : ScalarType.Float64;
        }, c =>
        {
            var e = c.E; var t = (ScalarType)c.ArgType(0);
            var nd = c.Args.Length > 1 ? c.Args[1] : c.Keywords.GetValueOrDefault("ndigits");
            bool hasDigits = nd != null && nd.Type != SimpleType.None;
            if (!hasDigits)
            {
                if (t.Rank <= 1) return ToInt(c, 0);
                var r = e.Intrinsic("llvm.roundeven", new[] { e.M.F64 }, c.Arg(0));
                return FloatToInt(e, r, c.Span);
            }
            var digits = e.Convert(nd!.Value, nd!.Type, ScalarType.Int64);
            if (t.Rank <= 1) return e.CallRuntime("sj_round_int", ToInt(c, 0), digits);
            return e.CallRuntime("sj_round_float", c.Arg(0), digits);
        });

        Add("pow", c =>
        {
            Arity(c, "pow", 2, 3, "base", "exp", "mod");
            if (c.Keywords.Count > 0) throw c.Error("pow() keyword arguments are not supported in compiled code");
            if (c.Positional.Length == 2 && c.Positional.Any(a => a.Type is ArrayType)) return Get("array.pow").Type(c);   // pow(a, 2) is a ** 2
            if (c.Positional.Length == 3)
            {
                for (int k = 0; k < 3; k++) if (c.Positional[k].Type is not ScalarType { Rank: <= 1 })
                    throw c.Error("pow() 3rd argument not allowed unless all arguments are integers");
                return ScalarType.Int64;
            }
            return Arith.BinOpType(Operator.Pow, c.Positional[0].Type, c.Positional[1].Type, c.Positional[1].Literal)
                ?? throw c.Error($"unsupported operand type(s) for ** or pow(): '{TypeOps.PyName(c.Positional[0].Type)}' and '{TypeOps.PyName(c.Positional[1].Type)}'");
        }, c =>
        {
            var e = c.E;
            if (c.Args.Length == 2 && c.Args.Any(a => a.Type is ArrayType)) return Get("array.pow").Lower(c);
            if (c.Args.Length == 2) return Arith.LowerBinOp(e, c.Span, Operator.Pow, c.Arg(0), c.ArgType(0), c.Arg(1), c.ArgType(1), c.ResultType);
            var m = ToInt(c, 2);
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, m, e.M.ConstI64(0), ""), "ValueError", "pow() 3rd argument cannot be 0", c.Span);
            var slot = e.Alloca(e.M.I64);
            e.CallChecked("sj_ipowmod", c.Span, ToInt(c, 0), ToInt(c, 1), m, slot);
            return BuildLoad2(e.B, e.M.I64, slot, "");
        });

        Add("len", c =>
        {
            Arity(c, "len", 1, 1);
            var t = c.Positional[0].Type;
            if (t is TupleType or ListType or DictType or DictViewType or SetType or ExceptionArgsType || t == SimpleType.Str || t == SimpleType.Range) return ScalarType.Int64;
            if (t is ArrayType { Ndim: 0 }) throw c.Error("len() of unsized object");
            if (t is InstanceType && MethodOf(t, "__len__") is { } len)
                return RequireSpecial(c, len, t) is var n && TypeOps.IsKnown(n) && n is not ScalarType { Rank: 1 } ? throw c.Error($"'{TypeOps.PyName(n)}' object cannot be interpreted as an integer") : n;
            if (t is ArrayType or FlatIterType) return ScalarType.Int64;
            throw c.Error($"object of type '{TypeOps.PyName(t)}' has no len()");
        }, c =>
        {
            var e = c.E; var t = c.ArgType(0);
            if (t is InstanceType) return c.CallCompiled(0, c.Arg(0));
            if (t is TupleType tt) return e.M.ConstI64(tt.Items.Length);
            if (t == SimpleType.Str) return e.CallRuntime("sj_str_len", c.Arg(0));
            if (t is ArrayType) return ArrayCode.Dim(e, c.Arg(0), 0);
            if (t is FlatIterType f) return ArrayCode.Size(e, ArrayCode.Shape(e, f.Array, e.ExtractValue(c.Arg(0), 0)));
            if (t is ListType) return ListCode.Length(e, c.Arg(0));
            if (t is DictType or SetType) return ContainerModel.Length(e, c.Arg(0));
            if (t is DictViewType) return ContainerModel.Length(e, e.ExtractValue(c.Arg(0), 0));
            if (t is ExceptionArgsType) return e.CallRuntime("sj_exc_args_len", c.Arg(0));
            var r = c.Arg(0);
            var slot = e.Alloca(e.M.I64);
            e.CallChecked("sj_range_len", c.Span, e.ExtractValue(r, 0), e.ExtractValue(r, 1), e.ExtractValue(r, 2), slot);
            return BuildLoad2(e.B, e.M.I64, slot, "");
        }, mayRaise: sig => sig.Args[0] == SimpleType.Range).Fold = sig => sig.Args[0] is TupleType tl ? (long)tl.Items.Length : sig.Literals[0] is string ls ? (long)ls.EnumerateRunes().Count() : null;

        // enumerate(x, start=0) and zip(a, b, ...): values holding their iterables, iterated by for loops.
        Add("enumerate", c =>
        {
            Arity(c, "enumerate", 1, 2, "start");
            var start = c.Positional.Length == 2 ? c.Positional[1] : c.Keywords.GetValueOrDefault("start");
            if (start != null && start.Type is not ScalarType { Rank: <= 1 })
                throw c.ErrorAt(start, $"'{TypeOps.PyName(start.Type)}' object cannot be interpreted as an integer");
            return new EnumerateType(c.Positional[0].Type);
        }, c =>
        {
            var start = c.Args.Length == 2 ? c.Args[1] : c.Keywords.GetValueOrDefault("start");
            var first = start == null ? c.E.M.ConstI64(0) : c.E.Convert(start.Value, start.Type, ScalarType.Int64);
            return c.E.MakeStruct(c.E.M.Lower(c.ResultType), c.E.NewRef(c.Arg(0), c.ArgType(0)), first);
        }, neverRaises: true, acceptsNarrow: true);
        Add("zip", c =>
        {
            if (c.Keywords.Count > 0) throw c.Error("zip() takes no keyword arguments in compiled code");
            return new ZipType(c.Positional.Select(a => a.Type));
        }, c => c.E.MakeStruct(c.E.M.Lower(c.ResultType), c.Args.Select(a => c.E.NewRef(a.Value, a.Type)).ToArray()), neverRaises: true, acceptsNarrow: true);

        Add("reversed", c =>
        {
            Arity(c, "reversed", 1, 1);
            var t = c.Positional[0].Type;
            bool reversible = t == SimpleType.Range || t == SimpleType.Str || t is ArrayType { Ndim: >= 1 } or ListType
                || t is TupleType tt && (tt.Items.Length == 0 || tt.IsHomogeneous);
            if (!reversible)
                throw c.ErrorAt(c.Positional[0], t is TupleType ? $"cannot iterate over the heterogeneous tuple {t}" : $"'{TypeOps.PyName(t)}' object is not reversible");
            return new ReversedType(t);
        }, c => c.E.MakeStruct(c.E.M.Lower(c.ResultType), c.E.NewRef(c.Arg(0), c.ArgType(0))), neverRaises: true);

        // tuple(x): a tuple's length is part of its type, so x must have a length known while typing: a tuple, or a
        // generator expression over one (each item taken from the generator in turn).
        Add("tuple", c =>
        {
            Arity(c, "tuple", 0, 1);
            if (c.Positional.Length == 0) return new TupleType(Array.Empty<SjType>());
            var t = c.Positional[0].Type;
            if (t is TupleType tt) return tt.Named == null ? tt : new TupleType(tt.Items);
            if (t is GeneratorType g && KnownLength(g) is int n)
                return g.Item == SimpleType.Unknown ? SimpleType.Unknown : new TupleType(Enumerable.Repeat(g.Item, n));   // typed again once its items are
            if (IterItemType(t) == null) throw c.ErrorAt(c.Positional[0], $"'{TypeOps.PyName(t)}' object is not iterable");
            throw c.ErrorAt(c.Positional[0], $"tuple() of a {TypeOps.PyName(t)}: compiled code needs a tuple's length while typing, and this one's is known only at run time",
                "make a list (list(x) or a list comprehension), or build the tuple from a generator expression over a tuple");
        }, c =>
        {
            if (c.Args.Length == 0) return GetUndef(c.E.M.Lower(c.ResultType));
            if (c.ArgType(0) is not GeneratorType g) return c.E.NewRef(c.Arg(0), c.ResultType);
            var e = c.E; var tuple = (TupleType)c.ResultType;
            var items = new List<LLVMValueRef>();
            foreach (var itemType in tuple.Items)
            {
                GeneratorCode.Resume(e, g, c.Arg(0), c.Span);   // yields: its length is the source tuple's
                var item = GeneratorCode.TakeItem(e, g, c.Arg(0), itemType);
                e.HoldTemporary(item, itemType);   // dropped if a later item raises
                items.Add(item);
            }
            foreach (var item in items) e.ReleaseTemporary(item);
            return e.MakeStruct(e.M.Lower(tuple), items.ToArray());
        }, mayRaise: sig => sig.Args.Length == 1 && sig.Args[0] is GeneratorType);

        // type(x): the class of a value, known while typing (int is type(1)); a caught exception's is read at run time.
        Add("type", c =>
        {
            if (c.Positional.Length != 1 || c.Keywords.Count > 0) throw c.Error("type() takes 1 argument in compiled code");
            return ClassOf(c.Positional[0].Type) ?? throw c.ErrorAt(c.Positional[0], $"type() of a {TypeOps.PyName(c.Positional[0].Type)} is not supported in compiled code");
        }, c => c.ResultType is CaughtClassType ? c.E.NewRef(c.Arg(0), c.ArgType(0)) : GetUndef(c.E.M.Lower(c.ResultType)), neverRaises: true, acceptsNarrow: true);
        Add("$NoneType", c => { Arity(c, "NoneType", 0, 0); return SimpleType.None; }, c => None(c), neverRaises: true);
        Add("attr.__name__", c => SimpleType.Str,
            c => c.ArgType(0) is CaughtClassType ? c.E.CallRuntime("sj_exc_class_name", c.Arg(0)) : c.E.M.ConstString(StaticClassName(c.ArgType(0))!),
            neverRaises: true).Receiver = t => t is CaughtClassType || StaticClassName(t) != null;

        // next(it) and next(it, default) resume a generator (iter(x) makes one of any iterable): its item, else the
        // default, else StopIteration.
        Add("next", c =>
        {
            Arity(c, "next", 1, 2);
            if (c.Positional[0].Type is not GeneratorType g)
                throw c.ErrorAt(c.Positional[0], $"'{TypeOps.PyName(c.Positional[0].Type)}' object is not an iterator", "iter(x) makes an iterator of x");
            if (c.Positional.Length == 1) return g.Item;
            var fallback = c.Positional[1];
            if (!TypeOps.IsKnown(g.Item)) return fallback.Type;
            return TypeOps.Unify(g.Item, fallback.Type) ?? throw c.ErrorAt(fallback,
                $"this generator yields {TypeOps.PyName(g.Item)} items and the default is {TypeOps.WithArticle(fallback.Type)}",
                "compiled code needs one type for next()'s result: give a default of the items' type");
        }, c =>
        {
            var e = c.E;
            var g = (GeneratorType)c.ArgType(0);
            if (c.Args.Length == 1) return NextItem(c, g);
            var yielded = GeneratorCode.Resume(e, g, c.Arg(0), c.Span);
            return e.IfElse(yielded, e.M.Lower(c.ResultType), () => GeneratorCode.TakeItem(e, g, c.Arg(0), c.ResultType),
                () => e.NewRef(e.Convert(c.Arg(1), c.ArgType(1), c.ResultType), c.ResultType));
        });
        // A generator's methods (CPython's gen_send, gen_throw, gen_close). send(v) resumes it with v as the value of
        // the yield it stopped at (next() sends None); throw(E) raises E there and close() GeneratorExit, which the
        // generator may catch (throw then returns its next item) or clean up after (finally).
        Add("method.send", c =>
        {
            Arity(c, "send", 2, 2);
            var g = (GeneratorType)c.Positional[0].Type;
            c.SendsTo?.Invoke(g.Spec, c.Positional[1].Type);
            return g.Item;
        }, c =>
        {
            var e = c.E;
            var g = (GeneratorType)c.ArgType(0);
            if (c.ArgType(1) != SimpleType.None)
            {
                var refused = GeneratorCode.JustStarted(e, g, c.Arg(0));
                if (c.ArgType(1) is OptionalType) refused = BuildAnd(e.B, refused, e.ExtractValue(c.Arg(1), 0), "");   // None is welcome
                e.RaiseIf(refused, "TypeError", "can't send non-None value to a just-started generator", c.Span);
            }
            var sentType = GeneratorCode.Final(g.Spec).Sent;
            var sent = sentType == SimpleType.None ? (LLVMValueRef?)null : e.Convert(c.Arg(1), c.ArgType(1), sentType);
            var yielded = GeneratorCode.Resume(e, g, c.Arg(0), c.Span, sent);
            e.FailIf(BuildNot(e.B, yielded, ""), () => e.CallRuntime("sj_raise", e.M.ConstString("StopIteration"), ConstPointerNull(e.M.Ptr)), c.Span);
            return GeneratorCode.TakeItem(e, g, c.Arg(0), c.ResultType);
        }).Receiver = t => t is GeneratorType;
        Add("method.close", c =>
        {
            Arity(c, "close", 1, 1);
            return SimpleType.None;
        }, c =>
        {
            c.E.CheckFailed(GeneratorCode.Close(c.E, (GeneratorType)c.ArgType(0), c.Arg(0)), c.Span);
            return None(c);
        }, mayRaise: sig => ((GeneratorType)sig.Args[0]).Spec.Function is { } f && (f.YieldsInTry || f.DelegatesYield)).Receiver = t => t is GeneratorType;
        Add("method.throw", c =>
        {
            Arity(c, "throw", 2, 2);
            if (c.Positional[1].Type is not (ExceptionClassType or ExceptionInstanceType or CaughtExceptionType))
                throw c.ErrorAt(c.Positional[1], "exceptions must be classes or instances deriving from BaseException, not " + TypeOps.PyName(c.Positional[1].Type));
            return ((GeneratorType)c.Positional[0].Type).Item;
        }, c =>
        {
            var e = c.E;
            var g = (GeneratorType)c.ArgType(0);
            switch (c.ArgType(1))
            {
                case CaughtExceptionType: e.CallRuntime("sj_exc_restore", c.Arg(1)); break;
                case ExceptionInstanceType ei: e.CallRuntime("sj_raise", e.M.ConstString(ei.ExceptionName), c.Arg(1)); break;
                case var t: e.CallRuntime("sj_raise", e.M.ConstString(((ExceptionClassType)t).ExceptionName), ConstPointerNull(e.M.Ptr)); break;
            }
            var r = GeneratorCode.ThrowIn(e, g, c.Arg(0));
            e.CheckFailed(e.ExtractValue(r, 1), c.Span);
            e.FailIf(BuildNot(e.B, e.ExtractValue(r, 0), ""), () => e.CallRuntime("sj_raise", e.M.ConstString("StopIteration"), ConstPointerNull(e.M.Ptr)), c.Span);
            return GeneratorCode.TakeItem(e, g, c.Arg(0), c.ResultType);
        }).Receiver = t => t is GeneratorType;

        // Library code: whether a value can only be iterated (a generator, a dict, a set, a dict's view: no items to
        // index by position), decided while typing.
        static bool OnlyIterates(SjType t) => t is GeneratorType or DictType or DictViewType or SetType;
        Add("_sj_only_iterates", c => ScalarType.Bool, c => c.E.M.ConstBool(OnlyIterates(c.ArgType(0))), neverRaises: true)
            .Fold = sig => OnlyIterates(sig.Args[0]);

        // Library code: whether a list holds numbers (not arrays, tuples or lists; an empty display holds nothing
        // typed), decided while typing, so that no item needs to be read to tell.
        Add("_sj_holds_numbers", c => ScalarType.Bool, c => c.E.M.ConstBool(HoldsNumbers(c.ArgType(0))), neverRaises: true)
            .Fold = sig => HoldsNumbers(sig.Args[0]);

        Add("isinstance", c =>
        {
            Arity(c, "isinstance", 2, 2);
            IsInstanceStatic(c.Positional[0].Type, c.Positional[1].Type, c);
            return ScalarType.Bool;
        }, c => IsInstanceAtRunTime(c.ArgType(0), c.ArgType(1)) ? CaughtIsInstance(c) : c.E.M.ConstBool(IsInstanceStatic(c.ArgType(0), c.ArgType(1), null)),
            acceptsNarrow: true, neverRaises: true)
            .Fold = sig => IsInstanceAtRunTime(sig.Args[0], sig.Args[1]) ? null : IsInstanceStatic(sig.Args[0], sig.Args[1], null);

        Add("range", c =>
        {
            Arity(c, "range", 1, 3);
            for (int k = 0; k < c.Positional.Length; k++) IntArg(c, "range", k);
            return SimpleType.Range;
        }, c =>
        {
            var e = c.E;
            LLVMValueRef start = e.M.ConstI64(0), stop, step = e.M.ConstI64(1);
            if (c.Args.Length == 1) stop = ToInt(c, 0);
            else { start = ToInt(c, 0); stop = ToInt(c, 1); if (c.Args.Length == 3) step = ToInt(c, 2); }
            if (c.Args.Length == 3)
                e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, step, e.M.ConstI64(0), ""), "ValueError", "range() arg 3 must not be zero", c.Span);
            return e.MakeStruct(e.M.Lower(SimpleType.Range), start, stop, step);
        }, mayRaise: sig => sig.Args.Length == 3 && sig.LiteralInt(2) is null or 0);
        // Numba's prange, so that its kernels compile unchanged: its iterations run in order on one thread for now.
        Registry["sharpjit.prange"] = Registry["range"];

        // r[k] of a range value: start + k * step, k counted from the end when negative.
        Add("range.getitem", c =>
        {
            if (c.Positional[1].Type is SliceType) throw c.ErrorAt(c.Positional[1], "slicing a range is not supported in compiled code");
            if (c.Positional[1].Type is not ScalarType { Rank: <= 1 })
                throw c.ErrorAt(c.Positional[1], $"range indices must be integers or slices, not {TypeOps.PyName(c.Positional[1].Type)}");
            return ScalarType.Int64;
        }, c =>
        {
            var e = c.E; var r = c.Arg(0);
            var slot = e.Alloca(e.M.I64);
            e.CallChecked("sj_range_len", c.Span, e.ExtractValue(r, 0), e.ExtractValue(r, 1), e.ExtractValue(r, 2), slot);
            var n = BuildLoad2(e.B, e.M.I64, slot, "");
            var k = ToInt(c, 1);
            k = BuildSelect(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntSLT, k, e.M.ConstI64(0), ""), BuildAdd(e.B, k, n, ""), k, "");
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntUGE, k, n, ""), "IndexError", "range object index out of range", c.Span);
            return BuildAdd(e.B, e.ExtractValue(r, 0), BuildMul(e.B, k, e.ExtractValue(r, 2), ""), "");
        });

        // e.args: the arguments an exception was made with (its message, Runtime.ExceptionArgument).
        Add("attr.args", c => ExceptionArgsType.Instance,
            c => c.ArgType(0) is CaughtExceptionType ? c.E.CallRuntime("sj_exc_args", c.Arg(0)) : c.E.NewRef(c.Arg(0), c.ArgType(0)),
            neverRaises: true).Receiver = t => t is ExceptionInstanceType or CaughtExceptionType;
        Add("exception_args.getitem", c =>
        {
            if (c.Positional[1].Type is not ScalarType { Rank: <= 1 })
                throw c.ErrorAt(c.Positional[1], $"tuple indices must be integers, not {TypeOps.PyName(c.Positional[1].Type)}", "compiled code indexes an exception's arguments by integers only");
            return SimpleType.Str;
        }, c =>
        {
            var e = c.E;
            var n = e.CallRuntime("sj_exc_args_len", c.Arg(0));
            var k = ToInt(c, 1);
            k = BuildSelect(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntSLT, k, e.M.ConstI64(0), ""), BuildAdd(e.B, k, n, ""), k, "");
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntUGE, k, n, ""), "IndexError", "tuple index out of range", c.Span);
            var slot = e.Alloca(e.M.Ptr);
            e.CallChecked("sj_exc_args_item", c.Span, c.Arg(0), k, slot);
            return BuildLoad2(e.B, e.M.Ptr, slot, "");
        });

        foreach (var (name, repr) in new[] { ("str", false), ("repr", true) })
            Add(name, c =>
            {
                Arity(c, name, name == "str" ? 0 : 1, 1);
                if (c.Positional.Length == 1 && !TypeModel.Formattable(c.Positional[0].Type)) throw c.Error($"cannot convert a {TypeOps.PyName(c.Positional[0].Type)} to str");
                return SimpleType.Str;
            }, c =>
            {
                if (c.Args.Length == 0) return c.E.M.ConstString("");
                if (!repr && c.ArgType(0) == SimpleType.Str) return c.E.NewRef(c.Arg(0), SimpleType.Str);
                var sb = c.E.CallRuntime("sj_sb_new");
                c.Write(sb, c.Args[0], repr);
                return c.E.CallRuntime("sj_sb_finish", sb);
            }, acceptsNarrow: true, neverRaises: true);

        // Unpacking (a, b = t): the binder checks the count here; tuple lengths are known at compile time, arrays,
        // lists and strings are checked when the code runs.
        Add("$unpack", c =>
        {
            long expected = (long)c.Positional[1].Literal!;
            if (c.Positional[0].Type is TupleType tt && tt.Items.Length != expected)
                throw c.Error(tt.Items.Length > expected ? $"too many values to unpack (expected {expected})"
                    : $"not enough values to unpack (expected {expected}, got {tt.Items.Length})",
                    "a tuple's length is known when compiling: unpack into as many names as it has items");
            CheckUnpackable(c, c.Positional[0].Type);
            return SimpleType.None;
        }, c =>
        {
            // An array unpacks along its first axis (a, b = row), a list or a str into its items: the length is checked
            // when the code runs, with CPython's messages.
            if (RunTimeLength(c.ArgType(0))) CheckUnpackedLength(c, (long)c.Sig.Literals[1]!, starred: false);
            return GetUndef(c.E.M.Empty);
        }, mayRaise: sig => RunTimeLength(sig.Args[0]), acceptsNarrow: true);

        // a, *rest, z = v: v has at least as many items as the other names (a tuple's length is known when compiling;
        // a list's, a str's or an array's is checked when the code runs), with CPython's message.
        Add("$unpack_star", c =>
        {
            long before = (long)c.Positional[1].Literal!, after = (long)c.Positional[2].Literal!;
            var t = c.Positional[0].Type;
            if (t is TupleType tt && tt.Items.Length < before + after)
                throw c.Error($"not enough values to unpack (expected at least {before + after}, got {tt.Items.Length})");
            CheckUnpackable(c, t);
            return SimpleType.None;
        }, c =>
        {
            if (RunTimeLength(c.ArgType(0))) CheckUnpackedLength(c, (long)c.Sig.Literals[1]! + (long)c.Sig.Literals[2]!, starred: true);
            return GetUndef(c.E.M.Empty);
        }, mayRaise: sig => RunTimeLength(sig.Args[0]), acceptsNarrow: true);

        // A starred item (f(*t), (a, *t)): compiled code unpacks tuples, whose lengths are known when compiling.
        Add("$star", c =>
        {
            if (c.Positional[0].Type is not TupleType tt)
                throw c.Error($"compiled code unpacks only tuples with '*', not {TypeOps.PyName(c.Positional[0].Type)}", "pass a tuple, or pass the items one by one");
            return tt;
        }, c => c.E.NewRef(c.Arg(0), c.ArgType(0)), neverRaises: true, acceptsNarrow: true);

        // Attributes and methods of numbers: NumPy's scalars are seen as Python's numbers (the signature widens them).
        Add("attr.real", c => ((ScalarType)c.Positional[0].Type).Rank >= 2 ? ScalarType.Float64 : ScalarType.Int64,
            c => ((ScalarType)c.ArgType(0)).Rank switch
            {
                3 => c.E.ExtractValue(c.Arg(0), 0),
                2 => c.Arg(0),
                _ => c.E.Convert(c.Arg(0), c.ArgType(0), ScalarType.Int64),
            }, neverRaises: true).Receiver = t => t is ScalarType;
        Add("attr.imag", c => ((ScalarType)c.Positional[0].Type).Rank >= 2 ? ScalarType.Float64 : ScalarType.Int64,
            c => ((ScalarType)c.ArgType(0)).Rank switch
            {
                3 => c.E.ExtractValue(c.Arg(0), 1),
                2 => c.E.M.ConstF64(0),
                _ => c.E.M.ConstI64(0),
            }, neverRaises: true).Receiver = t => t is ScalarType;
        Add("method.conjugate", c => { Arity(c, "conjugate", 1, 1); return c.Positional[0].Type is ScalarType { Rank: 0 } ? ScalarType.Int64 : c.Positional[0].Type; }, c =>
        {
            var z = c.Arg(0);
            if (c.ArgType(0) is not ScalarType { Rank: 3 }) return c.E.Convert(z, c.ArgType(0), c.ResultType);
            return c.E.MakeComplex(c.E.ExtractValue(z, 0), BuildFNeg(c.E.B, c.E.ExtractValue(z, 1), ""));
        }, neverRaises: true).Receiver = t => t is ScalarType;
        // n.bit_length() of integers: the bits of |n| (CPython's, so -2**63 has 64).
        Add("method.bit_length", c => { MethodArity(c, "int", "bit_length", 1, 1); return ScalarType.Int64; }, c =>
        {
            var e = c.E; var M = e.M;
            var t = (ScalarType)c.ArgType(0);
            var n = e.Convert(c.Arg(0), t, t.IsUnsigned ? ScalarType.UInt64 : ScalarType.Int64);
            if (!t.IsUnsigned)
            {
                var sign = BuildAShr(e.B, n, M.ConstI64(63), "");
                n = BuildSub(e.B, BuildXor(e.B, n, sign, ""), sign, "");   // |n|, 2**63 for -2**63 read unsigned
            }
            return BuildSub(e.B, M.ConstI64(64), e.Intrinsic("llvm.ctlz", new[] { M.I64 }, n, M.ConstBool(false)), "");
        }, neverRaises: true).Receiver = t => t is ScalarType { Rank: <= 1 };
        // t.count(x) and t.index(x) of tuples: x compared with each item as == compares them (the items may differ in
        // type), unrolled, since a tuple's length is known when compiling.
        LLVMValueRef[] ItemsEqual(LoweringCall c) => ((TupleType)c.ArgType(0)).Items
            .Select((it, k) => Arith.LowerCompare(c.E, CmpOperator.Eq, c.E.ExtractValue(c.Arg(0), k), it, c.Arg(1), c.ArgType(1))).ToArray();
        Add("method.count", c => { MethodArity(c, "tuple", "count", 2, 2); return ScalarType.Int64; },
            c => ItemsEqual(c).Aggregate(c.E.M.ConstI64(0), (n, eq) => BuildAdd(c.E.B, n, BuildZExt(c.E.B, eq, c.E.M.I64, ""), "")),
            neverRaises: true).Receiver = t => t is TupleType;
        Add("method.index", c => { MethodArity(c, "tuple", "index", 2, 2); return ScalarType.Int64; }, c =>
        {
            var e = c.E;
            var equal = ItemsEqual(c);
            var at = e.M.ConstI64(-1);
            for (int k = equal.Length - 1; k >= 0; k--) at = BuildSelect(e.B, equal[k], e.M.ConstI64(k), at, "");
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntSLT, at, e.M.ConstI64(0), ""), "ValueError", "tuple.index(x): x not in tuple", c.Span);
            return at;
        }, mayRaise: _ => true).Receiver = t => t is TupleType;
        // p._replace(x=1): a new namedtuple of the same class with those fields replaced (their types may change).
        Add("method._replace", c =>
        {
            var t = (TupleType)c.Positional[0].Type;
            if (c.Positional.Length > 1) throw c.Error($"{t.Named!.Name}._replace() takes 1 positional argument but {c.Positional.Length} were given");
            var unknown = c.Keywords.Keys.Where(k => !t.Named!.Fields.Contains(k)).ToList();
            if (unknown.Count > 0) throw c.Error($"Got unexpected field names: [{string.Join(", ", unknown.Select(k => Runtime.PyStr.Repr(k)))}]");
            return new TupleType(t.Named!.Fields.Select((f, k) => c.Keywords.TryGetValue(f, out var v) ? v.Type : t.Items[k]), t.Named);
        }, c =>
        {
            var (from, to) = ((TupleType)c.ArgType(0), (TupleType)c.ResultType);
            var items = to.Named!.Fields.Select((f, k) => c.Keywords.TryGetValue(f, out var v)
                ? c.E.Convert(v.Value, v.Type, to.Items[k]) : c.E.Convert(c.E.ExtractValue(c.Arg(0), k), from.Items[k], to.Items[k])).ToArray();
            var made = c.E.MakeStruct(c.E.M.Lower(to), items);
            Codegen.TypeModel.Of(to).IncRef(c.E, made);   // a new tuple holds its own references to its items
            return made;
        }, neverRaises: true).Receiver = t => t is TupleType { Named: not null };
        // P._make(t): the namedtuple of class P holding a tuple's items (its length is known when compiling).
        Add("method._make", c =>
        {
            var cls = (NamedTupleClassType)c.Positional[0].Type;
            if (c.Positional.Length != 2 || c.Keywords.Count > 0)
                throw c.Error($"{cls.Info.Name}._make() takes 1 argument (an iterable) in compiled code");
            if (c.Positional[1].Type is not TupleType items)
                throw c.ErrorAt(c.Positional[1], $"{cls.Info.Name}._make() takes a tuple in compiled code, not {TypeOps.WithArticle(c.Positional[1].Type)}",
                    "a tuple's length is known when compiling; build the namedtuple from a tuple (tuple(xs) of a list does not fix its length)");
            if (items.Items.Length != cls.Info.Fields.Length)
                throw c.Error($"Expected {cls.Info.Fields.Length} arguments, got {items.Items.Length}");
            return new TupleType(items.Items, cls.Info);
        }, c =>
        {
            var made = c.E.MakeStruct(c.E.M.Lower(c.ResultType),
                Enumerable.Range(0, ((TupleType)c.ResultType).Items.Length).Select(k => c.E.ExtractValue(c.Arg(1), k)).ToArray());
            Codegen.TypeModel.Of(c.ResultType).IncRef(c.E, made);   // a new tuple holds its own references to its items
            return made;
        }, neverRaises: true).Receiver = t => t is NamedTupleClassType;
        Add("method.is_integer", c => { Arity(c, "is_integer", 1, 1); return ScalarType.Bool; }, c =>
        {
            var x = c.Arg(0);
            var fl = c.E.Intrinsic("llvm.floor", new[] { c.E.M.F64 }, x);
            return BuildAnd(c.E.B, BuildFCmp(c.E.B, LLVMRealPredicate.LLVMRealOEQ, fl, x, ""), IsFinite(c.E, x), "");   // inf is not
        }, neverRaises: true).Receiver = t => t is ScalarType { Rank: 2 };
    }

    /// <summary>isinstance decided from types alone: the class argument is a type (or a tuple of types) known at
    /// compile time.</summary>
    /// <summary>isinstance(e, X) of a caught exception whose except clause does not decide it (X is narrower than the
    /// clause's class): the exception's class is read at run time.</summary>
    private static bool IsInstanceAtRunTime(SjType valueType, SjType classInfo) =>
        valueType is CaughtExceptionType caught && TypeOps.ClassesIn(classInfo)
            .Any(c => c is ExceptionClassType ec && !Runtime.ExceptionClasses.IsSubclass(caught.ClauseClass, ec.ExceptionName));

    private static LLVMValueRef CaughtIsInstance(LoweringCall c)
    {
        var e = c.E;
        var any = e.M.ConstBool(false);
        foreach (var cls in TypeOps.ClassesIn(c.ArgType(1)))
            if (cls is ExceptionClassType ec)
                any = BuildOr(e.B, any, BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE,
                    e.CallRuntime("sj_exc_isinstance", c.Arg(0), e.M.ConstString(ec.ExceptionName)), LLVM.ConstInt(e.M.I32, 0), ""), "");
        return any;
    }

    private static bool IsInstanceStatic(SjType valueType, SjType classInfo, CallTypingContext? c)
    {
        bool Check(SjType cls)
        {
            if (cls is ExceptionClassType ecc && valueType is CaughtExceptionType caught) return Runtime.ExceptionClasses.IsSubclass(caught.ClauseClass, ecc.ExceptionName);
            if (cls is BuiltinType bt && TypePredicates.TryGetValue(bt.Qualified, out var pred)) return pred(valueType);
            if (cls is ExceptionClassType ec) return valueType is ExceptionInstanceType ei && Runtime.ExceptionClasses.IsSubclass(ei.ExceptionName, ec.ExceptionName);
            if (cls is ClassType ct) return valueType is InstanceType it && it.Class.DerivesFrom(ct.Class);
            if (c != null) throw c.ErrorAt(c.Positional[1], "isinstance() arg 2 must be a type, a tuple of types, or a union");
            return false;
        }
        if (classInfo is TupleType tt) return tt.Items.Any(Check);
        return Check(classInfo);
    }

    /// <summary>Python's float('nan') and math.nan: a quiet NaN with the sign bit clear (.NET's double.NaN has it
    /// set, which copysign and signbit would show).</summary>
    public static readonly double PositiveNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    public static double? ParseFloatLiteral(string s)
    {
        var t = s.Trim().Replace("_", "").ToLowerInvariant();
        string body = t.TrimStart('+', '-');
        bool neg = t.StartsWith('-');
        if (body is "inf" or "infinity") return neg ? double.NegativeInfinity : double.PositiveInfinity;
        if (body == "nan") return neg ? -PositiveNaN : PositiveNaN;
        if (double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)) return d;
        return null;
    }

    internal static LLVMValueRef IsFinite(FunctionEmitter e, LLVMValueRef x) =>
        BuildFCmp(e.B, LLVMRealPredicate.LLVMRealOLT, e.Intrinsic("llvm.fabs", new[] { e.M.F64 }, x), e.M.ConstF64(double.PositiveInfinity), "");

    internal static LLVMValueRef IsInf(FunctionEmitter e, LLVMValueRef x) =>
        BuildFCmp(e.B, LLVMRealPredicate.LLVMRealOEQ, e.Intrinsic("llvm.fabs", new[] { e.M.F64 }, x), e.M.ConstF64(double.PositiveInfinity), "");

    internal static LLVMValueRef IsNan(FunctionEmitter e, LLVMValueRef x) => BuildFCmp(e.B, LLVMRealPredicate.LLVMRealUNO, x, x, "");
}
