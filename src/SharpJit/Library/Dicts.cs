using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// dict: the empty display (<c>$dict</c>, filled by item assignments the binder writes), its five lists
/// (<c>_sj_dict_parts</c>), views, len, and <c>hash()</c> as CPython computes it; lookups, insertion, deletion and the
/// methods are written in Python (Library/py/dicts.py), reached through entries registered as <c>dict.NAME</c>.
/// </summary>
public static partial class Builtins
{
    private const int MinDictSize = 8;

    /// <summary>A new empty dict: a live count of 0, a table of 8 empty slots, no entries.</summary>
    private static LLVMValueRef NewDict(LoweringCall c, DictType t)
    {
        var e = c.E;
        var parts = t.Parts.Items.Select(p => (ListType)p).ToArray();
        var meta = ListCode.Allocate(e, parts[0], e.M.ConstI64(1), c.Span);
        ListCode.Store(e, parts[0], meta, e.M.ConstI64(0), e.M.ConstI64(0));
        var indices = ListCode.Allocate(e, parts[1], e.M.ConstI64(MinDictSize), c.Span);
        for (int k = 0; k < MinDictSize; k++) ListCode.Store(e, parts[1], indices, e.M.ConstI64(k), e.M.ConstI64(-1));
        var rest = parts.Skip(2).Select(p => ListCode.Allocate(e, p, e.M.ConstI64(0), c.Span));
        return e.MakeStruct(e.M.Lower(t), new[] { meta, indices }.Concat(rest).ToArray());
    }

    private static void AddDictMethod(string name, int min, int max, string? function = null, params object[] optional) =>
        AddPythonMethod("dict", "dicts", name, function ?? name, min, max, optional: optional).Receiver = t => t is DictType;

    /// <summary>An operation written in Python taking these arguments as they are. A check returning false means the
    /// dict does not hold the items yet: it is typed again once it does, and the function is compiled then.</summary>
    private static LibFunc AddDictOperation(string name, string function, Func<CallTypingContext, bool>? check = null) =>
        Add(name, c =>
        {
            if (check?.Invoke(c) == false) return SimpleType.None;
            return c.Require(PythonLibrary.Function("dicts", function), c.Positional.Select(a => a.Type).ToArray()).ReturnType;
        }, c => c.CallCompiled(0, c.Args.Select(a => a.Value).ToArray()));

    /// <summary>dict(k=v, ...)'s keywords as a tuple of (name, value) pairs.</summary>
    private static TupleType KeywordPairs(IEnumerable<SjType> values) =>
        new(values.Select(v => (SjType)new TupleType(new[] { SimpleType.Str, v })));

    private static bool CheckHashable(CallTypingContext c, TypedArg key)
    {
        if (!IsHashable(key.Type)) throw c.ErrorAt(key, $"unhashable type: '{TypeOps.PyName(key.Type)}'");
        return true;
    }

    private static bool IsHashable(SjType t) =>
        t is ScalarType || t == SimpleType.Str || t == SimpleType.None || t is TupleType tt && tt.Items.All(IsHashable)
        || t is SetType { Frozen: true } fs && (IsHashable(fs.Key) || fs.Key == SimpleType.Unknown);

    private static void RegisterDicts()
    {
        Add("$dict", c => c.ListElementHere is TupleType { Items: [var k, var v] } ? new DictType(k, v) : new DictType(SimpleType.Unknown, SimpleType.Unknown),
            c => NewDict(c, (DictType)c.ResultType));
        // dict(), dict(mapping or pairs), dict(k=v, ...) and both: dicts.py's dict_of, the keywords passed as a tuple
        // of (name, value) pairs.
        Add("dict", c =>
        {
            if (c.Positional.Length > 1) throw c.Error($"dict expected at most 1 argument, got {c.Positional.Length}");
            if (c.Positional.Length == 0 && c.Keywords.Count == 0)
                return c.ListElementHere is TupleType { Items: [var k, var v] } ? new DictType(k, v) : new DictType(SimpleType.Unknown, SimpleType.Unknown);
            var types = new List<SjType>();
            if (c.Positional.Length == 1)
            {
                var items = c.Positional[0];
                if (items.Type is not DictType)
                {
                    var item = IterItemType(items.Type) ?? throw c.ErrorAt(items, $"'{TypeOps.PyName(items.Type)}' object is not iterable");
                    if (item is TupleType { Items.Length: not 2 } wrong)
                        throw c.ErrorAt(items, $"dictionary update sequence element #0 has length {wrong.Items.Length}; 2 is required");
                    if (item is not (TupleType or ListType) && item != SimpleType.Unknown)
                        throw c.ErrorAt(items, "cannot convert dictionary update sequence element #0 to a sequence");
                    if (item is TupleType { Items: [var key, _] } && !IsHashable(key)) throw c.ErrorAt(items, $"unhashable type: '{TypeOps.PyName(key)}'");
                }
                types.Add(items.Type);
            }
            if (c.Keywords.Count > 0) types.Add(KeywordPairs(c.Keywords.Values.Select(a => a.Type)));
            return c.Require(PythonLibrary.Function("dicts", types.Count == 2 ? "dict_of_both" : "dict_of"), types.ToArray()).ReturnType;
        }, c =>
        {
            if (c.Args.Length == 0 && c.Keywords.Count == 0) return NewDict(c, (DictType)c.ResultType);
            var args = c.Args.Select(a => a.Value).ToList();
            if (c.Keywords.Count > 0)
            {
                // The pairs borrow the values (the call's arguments, alive until it returns); the names are constants.
                var pairsType = KeywordPairs(c.Keywords.Values.Select(a => a.Type));
                var pairs = c.Keywords.Select((kw, k) => c.E.MakeStruct(c.E.M.Lower(pairsType.Items[k]), c.E.M.ConstString(kw.Key), kw.Value.Value)).ToArray();
                args.Add(c.E.MakeStruct(c.E.M.Lower(pairsType), pairs));
            }
            return c.CallCompiled(0, args.ToArray());
        });
        Add("dict.fromkeys", c =>
        {
            Arity(c, "fromkeys", 1, 2);
            var key = IterableArg(c, 0);
            if (!IsHashable(key) && key != SimpleType.Unknown) throw c.ErrorAt(c.Positional[0], $"unhashable type: '{TypeOps.PyName(key)}'");
            return c.Require(PythonLibrary.Function("dicts", "fromkeys"), c.Positional[0].Type, c.Positional.Length == 2 ? c.Positional[1].Type : SimpleType.None).ReturnType;
        }, c => c.CallCompiled(0, c.Arg(0), c.Args.Length == 2 ? c.Arg(1) : c.E.M.Constant(Syntax.PyNone.Instance, SimpleType.None)));
        Add("_sj_dict_parts", c => ((DictType)c.Positional[0].Type).Parts, c => c.E.NewRef(c.Arg(0), c.ResultType), neverRaises: true);

        AddDictOperation("dict.getitem", "getitem", c => CheckHashable(c, c.Positional[1]));
        AddDictOperation("dict.setitem", "setitem", c =>
        {
            CheckHashable(c, c.Positional[1]);
            return c.ReceivesItems(c.Positional[0], new TupleType(new[] { c.Positional[1].Type, c.Positional[2].Type }));
        });
        AddDictOperation("dict.in_", "contains", c => CheckHashable(c, c.Positional[0]));
        AddDictOperation("dict.not_in", "not_contains", c => CheckHashable(c, c.Positional[0]));
        foreach (var op in new[] { "eq", "ne" })
            Add("dict." + op, c => c.Positional[0].Type is DictType && c.Positional[1].Type is DictType
                ? c.Require(PythonLibrary.Function("dicts", op), c.Positional[0].Type, c.Positional[1].Type).ReturnType : ScalarType.Bool,
                c => c.Callees.Count == 0 ? c.E.M.ConstBool(op == "ne") : c.CallCompiled(0, c.Arg(0), c.Arg(1)));

        // del container[index]: a dict's key, a list's item.
        Add("$delitem", c =>
        {
            var t = c.Positional[0].Type;
            if (t is DictType)
            {
                CheckHashable(c, c.Positional[1]);
                return c.Require(PythonLibrary.Function("dicts", "delitem"), t, c.Positional[1].Type).ReturnType;
            }
            if (t is ListType)
            {
                if (c.Positional[1].Type is SliceType)   // del xs[a:b:c] (lists.py)
                    return c.Require(PythonLibrary.Function("lists", "del_slice"), t, ScalarType.Int64, ScalarType.Int64, ScalarType.Int64).ReturnType;
                if (!IsIntLike(c.Positional[1].Type)) throw c.ErrorAt(c.Positional[1], $"list indices must be integers or slices, not {TypeOps.PyName(c.Positional[1].Type)}");
                return SimpleType.None;
            }
            throw c.ErrorAt(c.Positional[0], $"'{TypeOps.PyName(t)}' object does not support item deletion");
        }, c =>
        {
            if (c.ArgType(0) is DictType) return c.CallCompiled(0, c.Arg(0), c.Arg(1));
            var e = c.E; var t = ListArg(c, 0); var list = c.Arg(0);
            if (c.ArgType(1) is SliceType st)
            {
                var (start, length, step) = SliceIndices(e, st, c.Arg(1), ListCode.Length(e, list), c.Span);
                c.CallCompiled(0, list, start, length, step);
                return None(c);
            }
            var k = ListCode.Index(e, list, ToInt(c, 1), 1, c.Span);
            var item = ListCode.Load(e, t, list, k);
            RemoveAt(e, t, list, k);
            TypeModel.Of(ListCode.ElementOf(t)).DecRef(e, item);
            return None(c);
        });

        AddDictMethod("get", 2, 3, null, Syntax.PyNone.Instance);
        // d.setdefault(k, v) stores (k, v) where k is missing: an empty dict learns its types from it, as from d[k] = v.
        AddPythonMethod("dict", "dicts", "setdefault", "setdefault", 2, 3, c =>
        {
            CheckHashable(c, c.Positional[1]);
            return c.ReceivesItems(c.Positional[0], new TupleType(new[] { c.Positional[1].Type, c.Positional.Length == 3 ? c.Positional[2].Type : SimpleType.None }));
        }, optional: new object[] { Syntax.PyNone.Instance }, pending: SimpleType.Unknown).Receiver = t => t is DictType;
        Add("dict.pop", c =>
        {
            int n = c.Positional.Length - 1;
            if (n < 1 || n > 2) throw c.Error($"pop expected {(n < 1 ? "at least 1 argument" : "at most 2 arguments")}, got {n}");
            CheckHashable(c, c.Positional[1]);
            return c.Require(PythonLibrary.Function("dicts", n == 1 ? "pop" : "pop_default"), c.Types).ReturnType;
        }, c => c.CallCompiled(0, c.Args.Select(a => a.Value).ToArray())).Receiver = t => t is DictType;
        AddDictMethod("popitem", 1, 1);
        AddDictMethod("clear", 1, 1);
        AddDictMethod("copy", 1, 1);
        Add("dict.update", c =>
        {
            if (c.Positional.Length != 2 || c.Keywords.Count > 0) throw c.Error("dict.update() takes one dict in compiled code");
            var other = c.Positional[1].Type as DictType ?? throw c.ErrorAt(c.Positional[1], $"dict.update() of a {TypeOps.PyName(c.Positional[1].Type)} is not supported in compiled code");
            if (!c.ReceivesItems(c.Positional[0], other.Items)) return SimpleType.None;
            return c.Require(PythonLibrary.Function("dicts", "update"), c.Types).ReturnType;
        }, c => c.CallCompiled(0, c.Arg(0), c.Arg(1))).Receiver = t => t is DictType;
        foreach (var kind in new[] { "keys", "values", "items" })
            Add("dict." + kind, c =>
            {
                if (c.Positional.Length != 1 || c.Keywords.Count > 0) throw c.Error($"dict.{kind}() takes no arguments ({c.Positional.Length - 1} given)");
                return new DictViewType((DictType)c.Positional[0].Type, kind);
            }, c => c.E.MakeStruct(c.E.M.Lower(c.ResultType), c.E.NewRef(c.Arg(0), c.ArgType(0))), neverRaises: true).Receiver = t => t is DictType;

        Add("hash", c =>
        {
            Arity(c, "hash", 1, 1);
            CheckHashable(c, c.Positional[0]);
            return ScalarType.Int64;
        }, c => HashOf(c.E, c.Arg(0), c.ArgType(0)), neverRaises: true);
    }

    /// <summary>The number of items of a dict or set (len): item 0 of its first list.</summary>
    /// <summary>Removes item k of a list (its reference is the caller's), moving the items after it down.</summary>
    internal static void RemoveAt(FunctionEmitter e, ListType t, LLVMValueRef list, LLVMValueRef k)
    {
        var B = e.B;
        var n = ListCode.Length(e, list);
        var after = BuildAdd(B, k, e.M.ConstI64(1), "");
        BuildMemMove(B, ListCode.ElementPointer(e, t, list, k), 1, ListCode.ElementPointer(e, t, list, after), 1,
            BuildMul(B, BuildSub(B, n, after, ""), ListCode.ItemSize(e, t), ""));
        ListCode.SetLength(e, list, BuildSub(B, n, e.M.ConstI64(1), ""));
    }

    /// <summary>hash(v) as CPython computes it for numbers and tuples of them (str: Runtime.Hashing).</summary>
    internal static LLVMValueRef HashOf(FunctionEmitter e, LLVMValueRef v, SjType t)
    {
        var B = e.B; var M = e.M;
        LLVMValueRef NotMinusOne(LLVMValueRef h, long instead) =>
            BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, h, M.ConstI64(-1), ""), M.ConstI64(instead), h, "");
        switch (t)
        {
            case ScalarType { Rank: <= 1 }:
                // x mod (2**61 - 1), the sign kept (srem's), and -1 is -2.
                return NotMinusOne(BuildSRem(B, e.Convert(v, t, ScalarType.Int64), M.ConstI64(Runtime.Hashing.Modulus), ""), -2);
            case ScalarType { Rank: 2 }:
                return e.CallRuntime("sj_hash_f64", e.Convert(v, t, ScalarType.Float64));
            case ScalarType:
            {
                var z = e.Convert(v, t, ScalarType.Complex128);
                var re = e.CallRuntime("sj_hash_f64", e.ExtractValue(z, 0));
                var im = e.CallRuntime("sj_hash_f64", e.ExtractValue(z, 1));
                return NotMinusOne(BuildAdd(B, re, BuildMul(B, im, M.ConstI64(1000003), ""), ""), -2);
            }
            case TupleType tt:
            {
                // CPython 3.11's tuplehash (xxHash's round with its primes).
                unchecked
                {
                    var acc = M.ConstI64((long)2870177450012600261UL);
                    for (int k = 0; k < tt.Items.Length; k++)
                    {
                        var lane = HashOf(e, e.ExtractValue(v, k), tt.Items[k]);
                        acc = BuildAdd(B, acc, BuildMul(B, lane, M.ConstI64((long)14029467366897019727UL), ""), "");
                        acc = BuildOr(B, BuildShl(B, acc, M.ConstI64(31), ""), BuildLShr(B, acc, M.ConstI64(33), ""), "");
                        acc = BuildMul(B, acc, M.ConstI64((long)11400714785074694791UL), "");
                    }
                    acc = BuildAdd(B, acc, M.ConstI64(tt.Items.Length ^ (long)(2870177450012600261UL ^ 3527539UL)), "");
                    return NotMinusOne(acc, 1546275796);
                }
            }
        }
        if (t == SimpleType.Str) return StrCode.Hash(e, v);
        if (t is SetType)
        {
            // A frozenset's (CPython's frozenset_hash), from the hashes in its table's slots.
            var hashes = e.ExtractValue(v, 1);
            var ints = new ListType(ScalarType.Int64);
            return e.CallRuntime("sj_frozenset_hash", ListCode.ElementPointer(e, ints, hashes, M.ConstI64(0)), ListCode.Length(e, hashes));
        }
        return M.ConstI64(0x4D2_5CA8);   // None: any constant (CPython 3.11 hashes it by address)
    }
}
