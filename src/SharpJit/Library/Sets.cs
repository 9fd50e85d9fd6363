using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// set: three lists laid out as CPython's set table (Typing.SetType.Parts). The empty display (<c>$set</c>, filled by
/// add calls the binder writes), <c>_sj_set_parts</c>, and entries <c>set.NAME</c> calling Library/py/sets.py.
/// </summary>
public static partial class Builtins
{
    private static SetType SetOf(CallTypingContext c) =>
        new(c.ListElementHere is var k && k != SimpleType.Unknown ? k : SimpleType.Unknown);

    /// <summary>A set method written in Python (sets.py), taking its arguments as they are. Methods that change
    /// the set are not a frozenset's; the others give a frozenset's result as a frozenset (the same table).</summary>
    private static LibFunc AddSetCall(string name, string function, int min, int max, Func<CallTypingContext, bool>? check = null, bool changes = true)
    {
        var f = AddPythonMethod("set", "sets", name["set.".Length..], function, min, max, check);
        if (changes)
        {
            f.Receiver = t => t is SetType { Frozen: false };
            return f;
        }
        var frozen = FreezingResult(f);
        frozen.Receiver = t => t is SetType;
        return frozen;
    }

    /// <summary>The entry again, its result a frozenset when its first operand is one (a | b is of a's type).</summary>
    private static LibFunc FreezingResult(LibFunc f) =>
        (LibFunc)(Registry[f.Name] = new LibFunc(f.Name,
            c => f.Type(c) is SetType r && c.Positional[0].Type is SetType { Frozen: true } ? new SetType(r.Key, frozen: true) : f.Type(c),
            f.Lower, f.MayRaise) { AcceptsNarrow = f.AcceptsNarrow });

    /// <summary>Argument k is iterable; its items are what the set receives.</summary>
    private static SjType IterableArg(CallTypingContext c, int k) =>
        IterItemType(c.Positional[k].Type) ?? throw c.ErrorAt(c.Positional[k], $"'{TypeOps.PyName(c.Positional[k].Type)}' object is not iterable");

    private static void RegisterSets()
    {
        Add("$set", SetOf, c => NewSet(c, (SetType)c.ResultType));
        Add("set", c =>
        {
            Arity(c, "set", 0, 1);
            if (c.Positional.Length == 0) return SetOf(c);
            var item = IterableArg(c, 0);
            if (item == SimpleType.Unknown) return new SetType(item);   // typed again once the items are known
            if (!IsHashable(item)) throw c.ErrorAt(c.Positional[0], $"unhashable type: '{TypeOps.PyName(item)}'");
            return c.Require(PythonLibrary.Function("sets", "set_of"), c.Positional[0].Type).ReturnType;
        }, c => c.Args.Length == 0 ? NewSet(c, (SetType)c.ResultType) : c.CallCompiled(0, c.Arg(0)));
        // frozenset(iterable): a set's table made as set() makes it, typed frozen; a frozenset's own is itself.
        Add("frozenset", c =>
        {
            Arity(c, "frozenset", 0, 1);
            if (c.Positional.Length == 0) return new SetType(SetOf(c).Key, frozen: true);   // an int key unless it is known
            if (c.Positional[0].Type is SetType { Frozen: true } same) return same;
            var item = IterableArg(c, 0);
            if (!IsHashable(item) && item != SimpleType.Unknown) throw c.ErrorAt(c.Positional[0], $"unhashable type: '{TypeOps.PyName(item)}'");
            var made = c.Require(PythonLibrary.Function("sets", "set_of"), c.Positional[0].Type).ReturnType;
            return made is SetType r ? new SetType(r.Key, frozen: true) : made;   // not known yet inside a cycle
        }, c => c.Args.Length == 0 ? NewSet(c, (SetType)c.ResultType) : c.ArgType(0) == c.ResultType ? c.E.NewRef(c.Arg(0), c.ArgType(0)) : c.CallCompiled(0, c.Arg(0)));
        Add("$set_constant", c => c.Positional[0].Type is SetType { Key: var k } && k == SimpleType.Unknown ? c.Positional[0].Type
            : c.Require(PythonLibrary.Function("sets", "constant_display"), c.Types).ReturnType, c => c.CallCompiled(0, c.Arg(0)));
        Add("_sj_empty_set_of", c => new SetType(IterableArg(c, 0)), c => NewSet(c, (SetType)c.ResultType));
        Add("_sj_set_parts", c => ((SetType)c.Positional[0].Type).Parts, c => c.E.NewRef(c.Arg(0), c.ResultType), neverRaises: true);

        bool Receives(CallTypingContext c, SjType item)
        {
            if (!IsHashable(item)) throw c.ErrorAt(c.Positional[^1], $"unhashable type: '{TypeOps.PyName(item)}'");
            return c.ReceivesItems(c.Positional[0], item);
        }
        AddSetCall("set.add", "add", 2, 2, c => Receives(c, c.Positional[1].Type));
        AddSetCall("set.update", "update", 2, 2, c => Receives(c, IterableArg(c, 1)));
        AddSetCall("set.discard", "discard", 2, 2, c => CheckHashable(c, c.Positional[1]));
        AddSetCall("set.remove", "remove", 2, 2, c => CheckHashable(c, c.Positional[1]));
        AddSetCall("set.pop", "pop", 1, 1);
        AddSetCall("set.clear", "clear", 1, 1);
        AddSetCall("set.copy", "set_of", 1, 1, changes: false);
        foreach (var name in new[] { "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint" })
            AddSetCall("set." + name, name, 2, 2, c =>
            {
                var item = IterableArg(c, 1);
                // The result holds both operands' items: they must be of one type.
                if (name is "union" or "symmetric_difference" && c.Positional[0].Type is SetType s && TypeOps.Unify(s.Key, item) != s.Key && s.Key != SimpleType.Unknown)
                    throw c.ErrorAt(c.Positional[1], $"a set of {TypeOps.PyName(s.Key)} cannot take {TypeOps.PyName(item)} items in compiled code");
                return true;
            }, changes: false);

        // Operators between sets, and `in`.
        foreach (var (op, function) in new[] { ("or_", "union"), ("and_", "intersection"), ("sub", "difference"), ("xor", "symmetric_difference"),
                     ("eq", "eq"), ("ne", "ne"), ("lt", "lt"), ("le", "issubset"), ("gt", "gt"), ("ge", "issuperset") })
            FreezingResult(Add("set." + op, c =>
            {
                var (a, b) = (c.Positional[0].Type, c.Positional[1].Type);
                if (a is not SetType || b is not SetType)
                {
                    if (op is "eq" or "ne") return ScalarType.Bool;   // a set never equals a non-set
                    throw c.Error(op is "or_" or "and_" or "sub" or "xor"
                        ? $"unsupported operand type(s) for {OperatorSymbol(op)}: '{TypeOps.PyName(a)}' and '{TypeOps.PyName(b)}'"
                        : $"'{OperatorSymbol(op)}' not supported between instances of '{TypeOps.PyName(a)}' and '{TypeOps.PyName(b)}'");
                }
                return c.Require(PythonLibrary.Function("sets", function), a, b).ReturnType;
            }, c => c.Callees.Count == 0 ? c.E.M.ConstBool(op == "ne") : c.CallCompiled(0, c.Arg(0), c.Arg(1))));
        // s |= t and the other in-place operators keep the object; the *_update methods are the same with any iterable.
        foreach (var (op, function) in new[] { ("ior", "ior"), ("iand", "iand"), ("isub", "isub"), ("ixor", "ixor") })
            Add("set." + op, c =>
            {
                if (c.Positional[1].Type is not SetType t)
                    throw c.Error($"unsupported operand type(s) for {OperatorSymbol(op[1..] is "or" or "and" ? op[1..] + "_" : op[1..])}=: 'set' and '{TypeOps.PyName(c.Positional[1].Type)}'");
                if (op is "ior" or "ixor" && !c.ReceivesItems(c.Positional[0], t.Key)) return c.Positional[0].Type;
                return c.Require(PythonLibrary.Function("sets", function), c.Types).ReturnType;
            }, c => c.Callees.Count == 0 ? c.E.NewRef(c.Arg(0), c.ArgType(0)) : c.CallCompiled(0, c.Arg(0), c.Arg(1)));
        foreach (var name in new[] { "intersection_update", "difference_update", "symmetric_difference_update" })   // sets only
            AddSetCall("set." + name, name, 2, 2, c => name != "symmetric_difference_update" || Receives(c, IterableArg(c, 1)));
        AddSetCall("set.in_", "contains", 2, 2, c => CheckHashable(c, c.Positional[0])).Receiver = null;
        AddSetCall("set.not_in", "not_contains", 2, 2, c => CheckHashable(c, c.Positional[0])).Receiver = null;
    }

    /// <summary>A new empty set: (used 0, fill 0, mask 7, finger 0), 8 unused slots (hash long.MinValue), no keys yet.</summary>
    private static LLVMValueRef NewSet(LoweringCall c, SetType t)
    {
        var e = c.E;
        var ints = new ListType(ScalarType.Int64);
        LLVMValueRef IntList(params long[] items)
        {
            var list = ListCode.Allocate(e, ints, e.M.ConstI64(items.Length), c.Span);
            for (int k = 0; k < items.Length; k++) ListCode.Store(e, ints, list, e.M.ConstI64(k), e.M.ConstI64(items[k]));
            return list;
        }
        var unused = Enumerable.Repeat(long.MinValue, MinDictSize).ToArray();
        var keys = ListCode.Allocate(e, (ListType)t.Parts.Items[2], e.M.ConstI64(0), c.Span);
        return e.MakeStruct(e.M.Lower(t), IntList(0, 0, MinDictSize - 1, 0), IntList(unused), keys);
    }

    private static string OperatorSymbol(string op) => op switch
    {
        "or_" => "|", "and_" => "&", "sub" => "-", "xor" => "^", "lt" => "<", "le" => "<=", "gt" => ">", "ge" => ">=", "eq" => "==", _ => "!=",
    };
}
