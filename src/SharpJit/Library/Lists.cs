using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// list: the displays (<c>$list</c>), indexing, slicing and the methods that move items, lowered here on
/// Codegen.ListCode; the methods that search, compare and sort are written in Python (Library/py/lists.py) and
/// reached through entries registered as <c>list.NAME</c> with the receiver first.
/// </summary>
public static partial class Builtins
{
    private static ListType ListArg(LoweringCall c, int k) => (ListType)c.ArgType(k);

    /// <summary>The argument count of a list, dict or set method (the receiver is argument 0), with CPython's messages.</summary>
    private static void MethodArity(CallTypingContext c, string typeName, string method, int min, int max, params string[] keywords)
    {
        foreach (var k in c.Keywords.Keys)
            if (!keywords.Contains(k))
                throw c.Error(keywords.Length > 0 ? $"'{k}' is an invalid keyword argument for {method}()" : $"{typeName}.{method}() takes no keyword arguments");
        int n = c.Positional.Length - 1;
        min--; max--;
        if (n >= min && n <= max) return;
        if (typeName == "list" && method == "sort") throw c.Error("sort() takes no positional arguments");
        if (max == 0) throw c.Error($"{typeName}.{method}() takes no arguments ({n} given)");
        if (min == max && max == 1) throw c.Error($"{typeName}.{method}() takes exactly one argument ({n} given)");
        if (min == max) throw c.Error($"{method} expected {min} arguments, got {n}");
        int bound = n < min ? min : max;
        throw c.Error($"{method} expected at {(n < min ? "least" : "most")} {bound} argument{(bound == 1 ? "" : "s")}, got {n}");
    }

    private static void ListArity(CallTypingContext c, string method, int min, int max, params string[] keywords) =>
        MethodArity(c, "list", method, min, max, keywords);

    /// <summary>The type of the items iterating over t gives (for typing what extend and list() receive).</summary>
    private static SjType? IterItemType(SjType t) => t switch
    {
        ListType l => l.Element,
        DictType d => d.Key,
        SetType st => st.Key,
        DictViewType v => v.Item,
        GeneratorType g => g.Item,
        EnumerateType en => IterItemType(en.Iterable) is { } item ? new TupleType(new[] { ScalarType.Int64, item }) : null,
        ZipType z => z.Iterables.Select(IterItemType).ToList() is var items && items.All(x => x != null) ? new TupleType(items.Select(x => x!)) : null,
        ReversedType r => IterItemType(r.Iterable),
        FlatIterType f => f.Array.Dtype,
        InstanceType when MethodOf(t, "__iter__") != null => SimpleType.Unknown,   // what its generator yields: typed where it is iterated
        TupleType { Items.Length: 0 } => SimpleType.Unknown,
        TupleType tt => tt.ItemType,
        ArrayType a => a.Ndim == 1 ? a.Dtype : TypeInference.RowType(a),
        _ when t == SimpleType.Str => SimpleType.Str,
        _ when t == SimpleType.Range => ScalarType.Int64,
        _ => null,
    };

    /// <summary>Item k of a list read as a new reference.</summary>
    private static LLVMValueRef NewItem(FunctionEmitter e, ListType t, LLVMValueRef list, LLVMValueRef k) =>
        e.NewRef(ListCode.Load(e, t, list, k), ListCode.ElementOf(t));

    /// <summary>A new list of n items, item k being a new reference to item(k) of the result's element type.</summary>
    private static LLVMValueRef NewListOf(LoweringCall c, ListType t, LLVMValueRef n, Func<LLVMValueRef, LLVMValueRef> item)
    {
        var e = c.E;
        var list = ListCode.Allocate(e, t, n, c.Span);
        ArrayCode.Loop(e, n, k => ListCode.Store(e, t, list, k, item(k)));
        return list;
    }

    /// <summary>A method of list, dict or set written in Python (<paramref name="module"/> of Library/py): the
    /// receiver, the arguments given, constants for the optional ones left out (<paramref name="optional"/>, after the
    /// <paramref name="min"/> required), then the keyword arguments in the order of <paramref name="keywords"/> with
    /// their defaults. A check returning false means the container does not hold such items yet: the call is typed
    /// again once it does, and the function compiled then.</summary>
    private static LibFunc AddPythonMethod(string typeName, string module, string method, string function, int min, int max,
        Func<CallTypingContext, bool>? check = null, object[]? optional = null, SjType? pending = null, params (string Name, object Default)[] keywords)
    {
        IEnumerable<object> Missing(int given) => (optional ?? Array.Empty<object>()).Skip(given - min);
        return Add(typeName + "." + method, c =>
        {
            MethodArity(c, typeName, method, min, max, keywords.Select(k => k.Name).ToArray());
            // A check that fails: typed again later; meanwhile the result's type is pending (None by default).
            if (check?.Invoke(c) == false) return pending ?? SimpleType.None;
            var types = c.Positional.Select(a => a.Type).Concat(Missing(c.Positional.Length).Select(TypeInference.ConstType))
                .Concat(keywords.Select(k => c.Keywords.TryGetValue(k.Name, out var a) ? a.Type : TypeInference.ConstType(k.Default)));
            return c.Require(PythonLibrary.Function(module, function), types.ToArray()).ReturnType;
        }, c =>
        {
            LLVMValueRef Constant(object v) => c.E.M.Constant(v, TypeInference.ConstType(v));
            var args = c.Args.Select(a => a.Value).Concat(Missing(c.Args.Length).Select(Constant))
                .Concat(keywords.Select(k => c.Keywords.TryGetValue(k.Name, out var a) ? a.Value : Constant(k.Default)));
            return c.CallCompiled(0, args.ToArray());
        });
    }

    private static void AddListMethod(string name, int min, int max, Action<CallTypingContext>? check = null, object[]? optional = null,
        params (string Name, object Default)[] keywords) =>
        AddPythonMethod("list", "lists", name, name, min, max, check == null ? null : c => { check(c); return true; }, optional, null, keywords)
            .Receiver = t => t is ListType;

    private static void RegisterLists()
    {
        // [a, b, c] and the empty list a comprehension appends to: one element type all items fit in, widened by
        // what the list later receives (TypeInference.RefineList).
        Add("$list", c =>
        {
            var element = c.ListElementHere;
            foreach (var item in c.Positional)
                element = TypeOps.Unify(element, item.Type) ?? throw c.ErrorAt(item,
                    $"this list holds {TypeOps.PyName(element)} items and has {TypeOps.WithArticle(item.Type)} item here",
                    "compiled lists hold items of one type; use a tuple for items of different types");
            return new ListType(element);
        }, c =>
        {
            var t = (ListType)c.ResultType;
            var e = c.E;
            var list = ListCode.Allocate(e, t, e.M.ConstI64(c.Args.Length), c.Span);
            for (int k = 0; k < c.Args.Length; k++)
                ListCode.Store(e, t, list, e.M.ConstI64(k), e.NewRef(e.Convert(c.Arg(k), c.ArgType(k), t.Element), t.Element));
            return list;
        });

        // list() is an empty display; list(iterable) and sorted(iterable) build the list in lists.py.
        Add("list", c =>
        {
            Arity(c, "list", 0, 1);
            if (c.Positional.Length == 0) return new ListType(c.ListElementHere);
            if (IterItemType(c.Positional[0].Type) == null) throw c.ErrorAt(c.Positional[0], $"'{TypeOps.PyName(c.Positional[0].Type)}' object is not iterable");
            return c.Require(PythonLibrary.Function("lists", "list_of"), c.Positional[0].Type).ReturnType;
        }, c => c.Args.Length == 0 ? ListCode.Allocate(c.E, (ListType)c.ResultType, c.E.M.ConstI64(0), c.Span) : c.CallCompiled(0, c.Arg(0)));
        Add("sorted", c =>
        {
            if (c.Positional.Length != 1)
                throw c.Error(c.Positional.Length == 0 ? "sorted expected 1 argument, got 0" : $"sorted expected 1 argument, got {c.Positional.Length}");
            foreach (var k in c.Keywords.Keys)
                if (k is not ("key" or "reverse")) throw c.Error($"'{k}' is an invalid keyword argument for sort()");
            if (IterItemType(c.Positional[0].Type) == null) throw c.ErrorAt(c.Positional[0], $"'{TypeOps.PyName(c.Positional[0].Type)}' object is not iterable");
            return c.Require(PythonLibrary.Function("lists", "sorted_of"), c.Positional[0].Type,
                c.Keywords.TryGetValue("key", out var key) ? key.Type : SimpleType.None,
                c.Keywords.TryGetValue("reverse", out var rev) ? rev.Type : ScalarType.Bool).ReturnType;
        }, c => c.CallCompiled(0, c.Arg(0), c.Keywords.TryGetValue("key", out var key) ? key.Value : Builtins.None(c),
            c.Keywords.TryGetValue("reverse", out var rev) ? rev.Value : c.E.M.ConstBool(false)));

        // The library's dict and set tables grow by building new lists and swapping their items in: no copy back.
        Add("_sj_list_swap", c =>
        {
            if (c.Positional.Length != 2 || c.Positional[0].Type is not ListType a || a != c.Positional[1].Type)
                throw c.Error("internal: _sj_list_swap takes two lists of one type");
            return SimpleType.None;
        }, c =>
        {
            ListCode.SwapItems(c.E, c.Arg(0), c.Arg(1));
            return None(c);
        }, neverRaises: true);

        Add("list.getitem", c =>
        {
            var t = (ListType)c.Positional[0].Type;
            var idx = c.Positional[1].Type;
            if (idx is SliceType) return t;
            if (IsIntLike(idx)) return t.Element;   // Unknown until the list's items are known
            throw c.ErrorAt(c.Positional[1], $"list indices must be integers or slices, not {TypeOps.PyName(idx)}");
        }, c =>
        {
            var e = c.E; var t = ListArg(c, 0); var list = c.Arg(0);
            if (c.ArgType(1) is SliceType st)
            {
                var (start, length, step) = SliceIndices(e, st, c.Arg(1), ListCode.Length(e, list), c.Span);
                return NewListOf(c, t, length, k => NewItem(e, t, list, BuildAdd(e.B, start, BuildMul(e.B, k, step, ""), "")));
            }
            return NewItem(e, t, list, ListCode.Index(e, list, ToInt(c, 1), 0, c.Span));
        });

        Add("list.setitem", c =>
        {
            var t = (ListType)c.Positional[0].Type;
            var idx = c.Positional[1].Type;
            if (idx is SliceType)
            {
                // xs[a:b:c] = items (lists.py): compiled once the list holds such items.
                var items = IterItemType(c.Positional[2].Type) ?? throw c.ErrorAt(c.Positional[2], "can only assign an iterable");
                if (c.ReceivesItems(c.Positional[0], items))
                    c.Require(PythonLibrary.Function("lists", "set_slice"), t, ScalarType.Int64, ScalarType.Int64, ScalarType.Int64, c.Positional[2].Type);
                return SimpleType.None;
            }
            if (!IsIntLike(idx)) throw c.ErrorAt(c.Positional[1], $"list indices must be integers or slices, not {TypeOps.PyName(idx)}");
            c.ReceivesItems(c.Positional[0], c.Positional[2].Type);
            return SimpleType.None;
        }, c =>
        {
            var e = c.E; var t = ListArg(c, 0); var list = c.Arg(0);
            if (c.ArgType(1) is SliceType st)
            {
                if (c.Callees.Count == 0) return None(c);   // typed before the list's items were known: not reached
                var (start, length, step) = SliceIndices(e, st, c.Arg(1), ListCode.Length(e, list), c.Span);
                c.CallCompiled(0, list, start, length, step, c.Arg(2));
                return None(c);
            }
            var k = ListCode.Index(e, list, ToInt(c, 1), 1, c.Span);
            var old = ListCode.Load(e, t, list, k);
            ListCode.Store(e, t, list, k, e.NewRef(e.Convert(c.Arg(2), c.ArgType(2), t.Element), t.Element));
            TypeModel.Of(ListCode.ElementOf(t)).DecRef(e, old);   // after the store: the old item may be the new one
            return None(c);
        });

        Add("list.append", c =>
        {
            ListArity(c, "append", 2, 2);
            c.ReceivesItems(c.Positional[0], c.Positional[1].Type);
            return SimpleType.None;
        }, c =>
        {
            var t = ListArg(c, 0);
            ListCode.Append(c.E, t, c.Arg(0), c.E.Convert(c.Arg(1), c.ArgType(1), t.Element), c.Span);
            return None(c);
        }).Receiver = t => t is ListType;

        Add("list.pop", c =>
        {
            ListArity(c, "pop", 1, 2);
            if (c.Positional.Length == 2) IntArgs(c, "pop", 1, noneAllowed: false);
            return ((ListType)c.Positional[0].Type).Element;
        }, c =>
        {
            var e = c.E; var B = e.B; var t = ListArg(c, 0); var list = c.Arg(0);
            var n = ListCode.Length(e, list);
            e.RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, n, e.M.ConstI64(0), ""), "IndexError", "pop from empty list", c.Span);
            var k = c.Args.Length == 2 ? ListCode.Index(e, list, ToInt(c, 1), 2, c.Span) : BuildSub(B, n, e.M.ConstI64(1), "");
            var item = ListCode.Load(e, t, list, k);   // its reference moves to the caller
            RemoveAt(e, t, list, k);
            return item;
        }).Receiver = t => t is ListType;

        Add("list.insert", c =>
        {
            ListArity(c, "insert", 3, 3);
            IntArgs(c, "insert", 1, noneAllowed: false, count: 1);
            c.ReceivesItems(c.Positional[0], c.Positional[2].Type);
            return SimpleType.None;
        }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M; var t = ListArg(c, 0); var list = c.Arg(0);
            LLVMValueRef Lt(LLVMValueRef x, LLVMValueRef y) => BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, x, y, "");
            var n = ListCode.Length(e, list);
            var value = e.NewRef(e.Convert(c.Arg(2), c.ArgType(2), t.Element), t.Element);
            // CPython clamps the position into [0, len].
            var i = ToInt(c, 1);
            var fromEnd = BuildAdd(B, i, n, "");
            var k = BuildSelect(B, Lt(i, M.ConstI64(0)), BuildSelect(B, Lt(fromEnd, M.ConstI64(0)), M.ConstI64(0), fromEnd, ""),
                BuildSelect(B, Lt(n, i), n, i, ""), "");
            var next = BuildAdd(B, n, M.ConstI64(1), "");
            ListCode.Reserve(e, t, list, next, c.Span);
            var after = BuildAdd(B, k, M.ConstI64(1), "");
            BuildMemMove(B, ListCode.ElementPointer(e, t, list, after), 1, ListCode.ElementPointer(e, t, list, k), 1,
                BuildMul(B, BuildSub(B, n, k, ""), ListCode.ItemSize(e, t), ""));
            ListCode.Store(e, t, list, k, value);
            ListCode.SetLength(e, list, next);
            return None(c);
        }).Receiver = t => t is ListType;

        Add("list.clear", c => { ListArity(c, "clear", 1, 1); return SimpleType.None; }, c =>
        {
            var e = c.E; var t = ListArg(c, 0); var list = c.Arg(0);
            var element = TypeModel.Of(ListCode.ElementOf(t));
            var n = ListCode.Length(e, list);
            ListCode.SetLength(e, list, e.M.ConstI64(0));   // first: dropping an item may run nothing that sees the list, but keep it consistent
            if (element.HasReferences) ArrayCode.Loop(e, n, k => element.DecRef(e, ListCode.Load(e, t, list, k)));
            return None(c);
        }, neverRaises: true).Receiver = t => t is ListType;

        Add("list.copy", c => { ListArity(c, "copy", 1, 1); return c.Positional[0].Type; }, c =>
        {
            var t = ListArg(c, 0); var list = c.Arg(0);
            return NewListOf(c, t, ListCode.Length(c.E, list), k => NewItem(c.E, t, list, k));
        }).Receiver = t => t is ListType;

        // extend and += with a list: the other list's length is read once, so xs.extend(xs) doubles xs as in CPython.
        // Other iterables are appended item by item (lists.py).
        SjType Extending(CallTypingContext c)
        {
            var items = IterItemType(c.Positional[1].Type) ?? throw c.ErrorAt(c.Positional[1], $"'{TypeOps.PyName(c.Positional[1].Type)}' object is not iterable");
            // Compiled once the list holds such items (until then it is typed again).
            if (c.ReceivesItems(c.Positional[0], items) && c.Positional[1].Type is not ListType)
                c.Require(PythonLibrary.Function("lists", "extend"), c.Positional[0].Type, c.Positional[1].Type);
            return SimpleType.None;
        }
        void LowerExtend(LoweringCall c)
        {
            if (c.Callees.Count > 0) c.CallCompiled(0, c.Arg(0), c.Arg(1));
            else Extend(c);
        }
        Add("list.extend", c => { ListArity(c, "extend", 2, 2); return Extending(c); }, c => { LowerExtend(c); return None(c); }).Receiver = t => t is ListType;
        Add("list.iadd", c => { Extending(c); return c.Positional[0].Type; }, c => { LowerExtend(c); return c.E.NewRef(c.Arg(0), c.ArgType(0)); });

        Add("list.add", c =>
        {
            var (a, b) = (c.Positional[0].Type, c.Positional[1].Type);
            if (a is not ListType la || b is not ListType lb)
                throw c.Error(a is ListType ? $"can only concatenate list (not \"{TypeOps.PyName(b)}\") to list"
                    : $"unsupported operand type(s) for +: '{TypeOps.PyName(a)}' and '{TypeOps.PyName(b)}'");
            return TypeOps.Unify(la, lb) ?? (la.Element is ScalarType && lb.Element is ScalarType && TypeOps.Unify(la.Element, lb.Element) is { } u ? new ListType(u)
                : throw c.Error($"cannot concatenate a list of {TypeOps.PyName(la.Element)} and a list of {TypeOps.PyName(lb.Element)} in compiled code"));
        }, c =>
        {
            var e = c.E; var B = e.B; var t = (ListType)c.ResultType;
            var (la, lb) = (ListArg(c, 0), ListArg(c, 1));
            var (a, b) = (c.Arg(0), c.Arg(1));
            var na = ListCode.Length(e, a);
            return NewListOf(c, t, BuildAdd(B, na, ListCode.Length(e, b), ""), k => e.IfElse(BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, k, na, ""),
                ListCode.ElementType(e, t),
                () => e.Convert(NewItem(e, la, a, k), ListCode.ElementOf(la), ListCode.ElementOf(t)),
                () => e.Convert(NewItem(e, lb, b, BuildSub(B, k, na, "")), ListCode.ElementOf(lb), ListCode.ElementOf(t))));
        });

        // [x] * n and n * [x]: n copies of the items (none for n <= 0).
        Add("list.mul", c =>
        {
            var (a, b) = (c.Positional[0], c.Positional[1]);
            var (list, count) = a.Type is ListType ? (a, b) : (b, a);
            if (!IsIntLike(count.Type)) throw c.ErrorAt(count, $"can't multiply sequence by non-int of type '{TypeOps.PyName(count.Type)}'");
            return list.Type;
        }, c =>
        {
            var e = c.E; var B = e.B;
            int li = c.ArgType(0) is ListType ? 0 : 1;
            var t = ListArg(c, li); var list = c.Arg(li);
            var times = ToInt(c, 1 - li);
            times = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, times, e.M.ConstI64(0), ""), e.M.ConstI64(0), times, "");
            var n = ListCode.Length(e, list);
            var total = IfOverflowMemoryError(c, n, times);
            // Copy after copy (no division per item): repetition r fills items r*n .. r*n + n - 1.
            var result = ListCode.Allocate(e, t, total, c.Span);
            ArrayCode.Loop(e, times, r =>
            {
                var start = BuildNSWMul(B, r, n, "");
                ArrayCode.Loop(e, n, k => ListCode.Store(e, t, result, BuildNSWAdd(B, start, k, ""), NewItem(e, t, list, k)));
            });
            return result;
        });

        Add("list.imul", c =>
        {
            if (!IsIntLike(c.Positional[1].Type)) throw c.ErrorAt(c.Positional[1], $"can't multiply sequence by non-int of type '{TypeOps.PyName(c.Positional[1].Type)}'");
            return c.Require(PythonLibrary.Function("lists", "imul"), c.Types).ReturnType;
        }, c => c.CallCompiled(0, c.Arg(0), c.Arg(1)));
        AddListMethod("index", 2, 4, c => IntArgs(c, "index", 2, noneAllowed: false), new object[] { 0L, long.MaxValue });
        AddListMethod("count", 2, 2);
        AddListMethod("remove", 2, 2);
        AddListMethod("reverse", 1, 1);
        AddListMethod("sort", 1, 1, null, null, ("key", Syntax.PyNone.Instance), ("reverse", false));
        foreach (var (op, function) in new[] { ("in_", "contains"), ("not_in", "not_contains"), ("eq", "eq"), ("ne", "ne"), ("lt", "lt"), ("le", "le"), ("gt", "gt"), ("ge", "ge") })
            Add("list." + op, c =>
            {
                var (a, b) = (c.Positional[0].Type, c.Positional[1].Type);
                if (op is "eq" or "ne" && (a is not ListType || b is not ListType)) return ScalarType.Bool;   // a list never equals a non-list
                return c.Require(PythonLibrary.Function("lists", function), a, b).ReturnType;
            }, c => c.Callees.Count == 0 ? c.E.M.ConstBool(op == "ne") : c.CallCompiled(0, c.Arg(0), c.Arg(1)));
    }

    /// <summary>n * times items, or MemoryError when that overflows (CPython's message for a repeat too large).</summary>
    private static LLVMValueRef IfOverflowMemoryError(LoweringCall c, LLVMValueRef n, LLVMValueRef times)
    {
        var e = c.E;
        var product = e.Intrinsic("llvm.smul.with.overflow", new[] { e.M.I64 }, n, times);
        e.FailIf(e.ExtractValue(product, 1), () => e.CallRuntime("sj_raise", e.M.ConstString("MemoryError"), ConstPointerNull(e.M.Ptr)), c.Span);
        return e.ExtractValue(product, 0);
    }

    /// <summary>Appends the items of the list in argument 1 to the list in argument 0.</summary>
    private static void Extend(LoweringCall c)
    {
        var e = c.E; var B = e.B; var t = ListArg(c, 0); var list = c.Arg(0);
        var lo = ListArg(c, 1); var source = c.Arg(1);
        var n = ListCode.Length(e, list);
        var m = ListCode.Length(e, source);
        ListCode.Reserve(e, t, list, BuildAdd(B, n, m, ""), c.Span);
        ArrayCode.Loop(e, m, k => ListCode.Store(e, t, list, BuildAdd(B, n, k, ""), e.Convert(NewItem(e, lo, source, k), ListCode.ElementOf(lo), t.Element)));
        ListCode.SetLength(e, list, BuildAdd(B, n, m, ""));
    }
}
