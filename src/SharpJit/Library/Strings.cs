using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>str: indexing and slicing (<c>str.getitem</c>), ord and chr, and the methods, registered as
/// <c>str.NAME</c> with the receiver first. Runtime/StrOps.cs does the work on code points.</summary>
public static partial class Builtins
{
    private static readonly string[] CaseMethods = { "upper", "lower", "swapcase", "title", "capitalize", "casefold" };
    private static readonly string[] PredicateMethods =
        { "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdecimal", "isnumeric", "istitle", "isascii", "isidentifier", "isprintable" };

    private static bool IsStr(SjType t) => t == SimpleType.Str;
    private static bool IsIntLike(SjType t) => t is ScalarType { Rank: <= 1 };
    private static bool IsNone(SjType t) => t == SimpleType.None;

    /// <summary>The argument count of a str method (the receiver is argument 0), with CPython's messages.</summary>
    private static void StrArity(CallTypingContext c, string method, int min, int max)
    {
        if (c.Keywords.Count > 0) throw c.Error($"str.{method}() takes no keyword arguments");
        int n = c.Positional.Length - 1;
        min--; max--;
        if (n >= min && n <= max) return;
        if (max == 0) throw c.Error($"str.{method}() takes no arguments ({n} given)");
        if (min == max && max == 1) throw c.Error($"str.{method}() takes exactly one argument ({n} given)");
        int bound = n < min ? min : max;
        string which = n < min ? "least" : "most", plural = bound == 1 ? "" : "s";
        // The search methods parse their arguments the older way, and say so differently.
        if (method is "find" or "rfind" or "index" or "rindex" or "count" or "startswith" or "endswith")
            throw c.Error($"{method}() takes at {which} {bound} argument{plural} ({n} given)");
        throw c.Error($"{method} expected at {which} {bound} argument{plural}, got {n}");
    }

    private static void StrArg(CallTypingContext c, string method, int k)
    {
        var a = c.Positional[k];
        if (!IsStr(a.Type)) throw c.ErrorAt(a, $"{method}() argument {k} must be str, not {TypeOps.PyName(a.Type)}");
    }

    /// <summary>Optional int arguments from position k on (start/end, width, count): ints, or None where allowed.</summary>
    private static void IntArgs(CallTypingContext c, string method, int from, bool noneAllowed, int count = int.MaxValue)
    {
        for (int k = from; k < c.Positional.Length && k - from < count; k++)
        {
            var t = c.Positional[k].Type;
            if (IsIntLike(t) || noneAllowed && IsNone(t)) continue;
            throw c.ErrorAt(c.Positional[k], noneAllowed
                ? $"slice indices must be integers or None or have an __index__ method"
                : $"'{TypeOps.PyName(t)}' object cannot be interpreted as an integer");
        }
    }

    /// <summary>Argument k as an int64, or dflt when it is absent or None.</summary>
    private static LLVMValueRef IntOr(LoweringCall c, int k, long dflt) =>
        k < c.Args.Length && IsIntLike(c.ArgType(k)) ? ToInt(c, k) : c.E.M.ConstI64(dflt);

    private static LLVMValueRef CheckedStr(LoweringCall c, LLVMValueRef p) => c.E.CheckedStr(p, c.Span);

    private static LLVMValueRef IsTrue(FunctionEmitter e, LLVMValueRef i32) => BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, i32, ConstInt(e.M.I32, 0), "");

    private static LibFunc AddStrMethod(string name, Func<CallTypingContext, SjType> type, Func<LoweringCall, LLVMValueRef> lower, bool neverRaises = false)
    {
        var f = Add("str." + name, type, lower, neverRaises);
        f.Receiver = IsStr;
        return f;
    }

    private static void RegisterStrings()
    {
        Add("str.getitem", c =>
        {
            var idx = c.Positional[1].Type;
            if (idx is SliceType || IsIntLike(idx)) return SimpleType.Str;
            throw c.ErrorAt(c.Positional[1], $"string indices must be integers, not '{TypeOps.PyName(idx)}'");
        }, c =>
        {
            var e = c.E;
            if (c.ArgType(1) is SliceType st)
            {
                var slice = c.Arg(1);
                int flags = (st.HasStart ? 1 : 0) | (st.HasStop ? 2 : 0) | (st.HasStep && !st.UnitStep ? 4 : 0);
                return CheckedStr(c, e.CallRuntime("sj_str_slice", c.Arg(0), e.ExtractValue(slice, 0), e.ExtractValue(slice, 1), e.ExtractValue(slice, 2),
                    ConstInt(e.M.I32, flags)));
            }
            return CheckedStr(c, e.CallRuntime("sj_str_getitem", c.Arg(0), ToInt(c, 1)));
        });

        // fmt % x where x is not a tuple display (Binder.BindPercentFormat): a tuple's items, or x alone.
        Add("$percent_args", c =>
        {
            var t = c.Positional[0].Type;
            long n = (long)c.Positional[1].Literal!;
            long given = t is TupleType tt ? tt.Items.Length : 1;
            if (given < n) throw c.Error("not enough arguments for format string", "CPython raises TypeError here when the line runs");
            if (given > n) throw c.Error("not all arguments converted during string formatting", "CPython raises TypeError here when the line runs");
            return t is TupleType items ? new TupleType(items.Items) : new TupleType(new[] { t });
        }, c => c.ArgType(0) is TupleType ? c.E.NewRef(c.Arg(0), c.ResultType) : c.E.NewRef(c.E.MakeStruct(c.E.M.Lower(c.ResultType), c.Arg(0)), c.ResultType),
            neverRaises: true);

        Add("ord", c =>
        {
            Arity(c, "ord", 1, 1);
            if (!IsStr(c.Positional[0].Type)) throw c.ErrorAt(c.Positional[0], $"ord() expected string of length 1, but {TypeOps.PyName(c.Positional[0].Type)} found");
            return ScalarType.Int64;
        }, c =>
        {
            var slot = c.E.Alloca(c.E.M.I64);
            c.E.CallChecked("sj_str_ord", c.Span, c.Arg(0), slot);
            return BuildLoad2(c.E.B, c.E.M.I64, slot, "");
        });
        Add("chr", c =>
        {
            Arity(c, "chr", 1, 1);
            if (!IsIntLike(c.Positional[0].Type)) throw c.ErrorAt(c.Positional[0], $"'{TypeOps.PyName(c.Positional[0].Type)}' object cannot be interpreted as an integer");
            return SimpleType.Str;
        }, c => CheckedStr(c, c.E.CallRuntime("sj_str_chr", ToInt(c, 0))));

        for (int kind = 0; kind < CaseMethods.Length; kind++)
        {
            int k = kind; string name = CaseMethods[kind];
            AddStrMethod(name, c => { StrArity(c, name, 1, 1); return SimpleType.Str; },
                c => c.E.CallRuntime("sj_str_case", c.Arg(0), ConstInt(c.E.M.I32, k)), neverRaises: true);
        }
        for (int kind = 0; kind < PredicateMethods.Length; kind++)
        {
            int k = kind; string name = PredicateMethods[kind];
            AddStrMethod(name, c => { StrArity(c, name, 1, 1); return ScalarType.Bool; },
                c => IsTrue(c.E, c.E.CallRuntime("sj_str_is", c.Arg(0), ConstInt(c.E.M.I32, k))), neverRaises: true);
        }

        foreach (var (name, which) in new[] { ("strip", 3), ("lstrip", 1), ("rstrip", 2) })
            AddStrMethod(name, c =>
            {
                StrArity(c, name, 1, 2);
                if (c.Positional.Length == 2 && !IsStr(c.Positional[1].Type) && !IsNone(c.Positional[1].Type))
                    throw c.ErrorAt(c.Positional[1], $"{name} arg must be None or str");
                return SimpleType.Str;
            }, c =>
            {
                bool chars = c.Args.Length == 2 && IsStr(c.ArgType(1));
                return c.E.CallRuntime("sj_str_strip", c.Arg(0), chars ? c.Arg(1) : ConstPointerNull(c.E.M.Ptr),
                    ConstInt(c.E.M.I32, (which | (chars ? 4 : 0))));
            }, neverRaises: true);

        foreach (var (name, kind) in new[] { ("startswith", 0), ("endswith", 1) })
            AddStrMethod(name, c =>
            {
                StrArity(c, name, 2, 4);
                var affix = c.Positional[1].Type;
                if (!IsStr(affix) && !(affix is TupleType tt && tt.Items.All(IsStr)))
                    throw c.ErrorAt(c.Positional[1], $"{name} first arg must be str or a tuple of str, not {TypeOps.PyName(affix)}");
                IntArgs(c, name, 2, noneAllowed: true);
                return ScalarType.Bool;
            }, c =>
            {
                var e = c.E;
                var start = IntOr(c, 2, 0); var end = IntOr(c, 3, long.MaxValue);
                LLVMValueRef Test(LLVMValueRef affix) =>
                    IsTrue(e, e.CallRuntime("sj_str_startsends", c.Arg(0), affix, start, end, ConstInt(e.M.I32, kind)));
                if (c.ArgType(1) is TupleType tt)
                    return Enumerable.Range(0, tt.Items.Length).Aggregate(e.M.ConstBool(false), (any, k) => BuildOr(e.B, any, Test(e.ExtractValue(c.Arg(1), k)), ""));
                return Test(c.Arg(1));
            }, neverRaises: true);

        foreach (var (name, kind, raises) in new[] { ("find", 0, false), ("rfind", 1, false), ("index", 0, true), ("rindex", 1, true), ("count", 2, false) })
        {
            var f = AddStrMethod(name, c =>
            {
                StrArity(c, name, 2, 4);
                if (!IsStr(c.Positional[1].Type)) throw c.ErrorAt(c.Positional[1], $"must be str, not {TypeOps.PyName(c.Positional[1].Type)}");
                IntArgs(c, name, 2, noneAllowed: true);
                return ScalarType.Int64;
            }, c =>
            {
                var e = c.E;
                var r = e.CallRuntime("sj_str_find", c.Arg(0), c.Arg(1), IntOr(c, 2, 0), IntOr(c, 3, long.MaxValue), ConstInt(e.M.I32, kind));
                if (raises) e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntSLT, r, e.M.ConstI64(0), ""), "ValueError", "substring not found", c.Span);
                return r;
            }, neverRaises: !raises);
        }

        AddStrMethod("replace", c =>
        {
            StrArity(c, "replace", 3, 4);
            StrArg(c, "replace", 1); StrArg(c, "replace", 2);
            IntArgs(c, "replace", 3, noneAllowed: false);
            return SimpleType.Str;
        }, c => c.E.CallRuntime("sj_str_replace", c.Arg(0), c.Arg(1), c.Arg(2), IntOr(c, 3, -1)), neverRaises: true);

        foreach (var (name, kind) in new[] { ("ljust", 0), ("rjust", 1), ("center", 2) })
            AddStrMethod(name, c =>
            {
                StrArity(c, name, 2, 3);
                IntArgs(c, name, 1, noneAllowed: false, count: 1);
                if (c.Positional.Length == 3 && !IsStr(c.Positional[2].Type))
                    throw c.ErrorAt(c.Positional[2], $"{name}() argument 2 must be str of length 1, not {TypeOps.PyName(c.Positional[2].Type)}");
                return SimpleType.Str;
            }, c => CheckedStr(c, c.E.CallRuntime("sj_str_pad", c.Arg(0), ToInt(c, 1), c.Args.Length == 3 ? c.Arg(2) : c.E.M.ConstString(" "),
                ConstInt(c.E.M.I32, kind))));
        AddStrMethod("zfill", c => { StrArity(c, "zfill", 2, 2); IntArgs(c, "zfill", 1, noneAllowed: false); return SimpleType.Str; },
            c => CheckedStr(c, c.E.CallRuntime("sj_str_zfill", c.Arg(0), ToInt(c, 1))));

        AddStrMethod("join", c =>
        {
            StrArity(c, "join", 2, 2);
            var items = c.Positional[1].Type;
            if (items is TupleType tt)
            {
                for (int k = 0; k < tt.Items.Length; k++)
                    if (!IsStr(tt.Items[k])) throw c.ErrorAt(c.Positional[1], $"sequence item {k}: expected str instance, {TypeOps.PyName(tt.Items[k])} found");
                return SimpleType.Str;
            }
            if (items is ListType lt)
            {
                if (lt.Element == SimpleType.Unknown) c.ReceivesItems(c.Positional[1], SimpleType.Str);   // [] joined is a list of str
                else if (!IsStr(lt.Element))
                    throw c.ErrorAt(c.Positional[1], $"sequence item 0: expected str instance, {TypeOps.PyName(lt.Element)} found");
                return SimpleType.Str;
            }
            if (items is GeneratorType g)
            {
                // Its items collected into a list first, as CPython's join collects an iterable's.
                if (TypeOps.IsKnown(g.Item) && !IsStr(g.Item))
                    throw c.ErrorAt(c.Positional[1], $"sequence item 0: expected str instance, {TypeOps.PyName(g.Item)} found");
                c.Require(PythonLibrary.Function("lists", "list_of"), items);
                return SimpleType.Str;
            }
            throw c.ErrorAt(c.Positional[1], $"join() of a {TypeOps.PyName(items)} is not supported in compiled code", "join a list, a tuple or a generator of strings");
        }, c =>
        {
            var e = c.E;
            if (c.ArgType(1) is GeneratorType)
            {
                var list = c.CallCompiled(0, c.Arg(1));
                var joined = e.CallRuntime("sj_str_join", c.Arg(0), ListCode.Items(e, list), ListCode.Length(e, list));
                TypeModel.Of(c.Callees[0].ReturnType).DecRef(e, list);
                return CheckedStr(c, joined);
            }
            if (c.ArgType(1) is ListType)
                return CheckedStr(c, e.CallRuntime("sj_str_join", c.Arg(0), ListCode.Items(e, c.Arg(1)), ListCode.Length(e, c.Arg(1))));
            var tt = (TupleType)c.ArgType(1);
            var array = e.Alloca(ArrayType2(e.M.Ptr, (uint)Math.Max(1, tt.Items.Length)));
            for (int k = 0; k < tt.Items.Length; k++)
                BuildStore(e.B, e.ExtractValue(c.Arg(1), k), BuildInBoundsGEP2(e.B, e.M.Ptr, array, new[] { e.M.ConstI64(k) }, ""));
            return CheckedStr(c, e.CallRuntime("sj_str_join", c.Arg(0), array, e.M.ConstI64(tt.Items.Length)));
        });

        // split and rsplit (sep=None, maxsplit=-1) and splitlines (keepends=False): lists of new strings.
        foreach (var (name, kind) in new[] { ("split", 0), ("rsplit", 1) })
            AddStrMethod(name, c =>
            {
                foreach (var k in c.Keywords.Keys)
                    if (k is not ("sep" or "maxsplit")) throw c.Error($"{name}() got an unexpected keyword argument '{k}'");
                if (c.Positional.Length > 3) throw c.Error($"{name}() takes at most 2 arguments ({c.Positional.Length - 1 + c.Keywords.Count} given)");
                var sep = c.Positional.Length > 1 ? c.Positional[1] : c.Keywords.GetValueOrDefault("sep");
                var max = c.Positional.Length > 2 ? c.Positional[2] : c.Keywords.GetValueOrDefault("maxsplit");
                if (sep != null && !IsStr(sep.Type) && !IsNone(sep.Type)) throw c.ErrorAt(sep, $"must be str or None, not {TypeOps.PyName(sep.Type)}");
                if (max != null && !IsIntLike(max.Type)) throw c.ErrorAt(max, $"'{TypeOps.PyName(max.Type)}' object cannot be interpreted as an integer");
                return new ListType(SimpleType.Str);
            }, c =>
            {
                var e = c.E;
                var sep = c.Args.Length > 1 ? c.Args[1] : c.Keywords.GetValueOrDefault("sep");
                var max = c.Args.Length > 2 ? c.Args[2] : c.Keywords.GetValueOrDefault("maxsplit");
                var list = e.CallRuntime("sj_str_split", c.Arg(0), sep != null && IsStr(sep.Type) ? sep.Value : ConstPointerNull(e.M.Ptr),
                    max != null ? e.Convert(max.Value, max.Type, ScalarType.Int64) : e.M.ConstI64(-1), ConstInt(e.M.I32, kind));
                e.CheckFailed(BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, list, ConstPointerNull(e.M.Ptr), ""), c.Span);
                return list;
            });
        AddStrMethod("splitlines", c =>
        {
            foreach (var k in c.Keywords.Keys)
                if (k != "keepends") throw c.Error($"splitlines() got an unexpected keyword argument '{k}'");
            if (c.Positional.Length > 2) throw c.Error($"splitlines() takes at most 1 argument ({c.Positional.Length - 1} given)");
            return new ListType(SimpleType.Str);
        }, c =>
        {
            var e = c.E;
            var keep = c.Args.Length > 1 ? c.Args[1] : c.Keywords.GetValueOrDefault("keepends");
            var flag = keep == null ? ConstInt(e.M.I32, 0) : BuildZExt(e.B, e.Truth(keep.Value, keep.Type), e.M.I32, "");
            var list = e.CallRuntime("sj_str_splitlines", c.Arg(0), flag);
            e.CheckFailed(BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, list, ConstPointerNull(e.M.Ptr), ""), c.Span);
            return list;
        });

        foreach (var (name, kind) in new[] { ("partition", 0), ("rpartition", 1) })
            AddStrMethod(name, c => { StrArity(c, name, 2, 2); StrArg(c, name, 1); return new TupleType(new[] { SimpleType.Str, SimpleType.Str, SimpleType.Str }); }, c =>
            {
                var e = c.E;
                var parts = e.Alloca(ArrayType2(e.M.Ptr, 3));
                e.CallChecked("sj_str_partition", c.Span, c.Arg(0), c.Arg(1), ConstInt(e.M.I32, kind), parts);
                var items = Enumerable.Range(0, 3).Select(k => BuildLoad2(e.B, e.M.Ptr, BuildInBoundsGEP2(e.B, e.M.Ptr, parts, new[] { e.M.ConstI64(k) }, ""), "")).ToArray();
                return e.MakeStruct(e.M.Lower(c.ResultType), items);
            });
    }
}
