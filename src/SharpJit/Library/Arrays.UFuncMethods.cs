using System.Collections.Immutable;
using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// Methods of NumPy's ufuncs: <c>np.maximum.accumulate(x)</c>, <c>np.add.reduce(x)</c> and
/// <c>np.multiply.outer(a, b)</c> of binary ones, computed with the ufunc's own scalar entry (so NumPy's dtypes and NaN
/// rules hold), and <c>np.add.at(a, indices, b)</c> / <c>np.negative.at(a, indices)</c>.
/// </summary>
public static unsafe partial class Builtins
{
    /// <summary>The ufunc a value names (np.add, np.maximum ...) when it is a binary one.</summary>
    private static (string UFunc, LibFunc Element)? BinaryUFunc(SjType t) =>
        t is BuiltinType b && Registry.GetValueOrDefault(b.Qualified) is LibFunc { Elementwise: { InPlace: false } e } && NumPyPromotion.IsUFunc(e.UFunc)
            && NumPyPromotion.Arity(e.UFunc) == (2, 1) ? (e.UFunc, e.Element) : null;

    private static void RegisterUFuncMethods()
    {
        LibFunc Method1d(string name, Func<CallTypingContext, string, ArrayType, ScalarType, SjType> type, Func<LoweringCall, string, LibFunc, ArrayType, LLVMValueRef> lower)
        {
            var f = Add("method." + name, c =>
            {
                var (ufunc, _) = BinaryUFunc(c.Positional[0].Type)!.Value;
                if (AlongAxis(c.Positional.Length, c.Keywords.Count, c.Positional.ElementAtOrDefault(1)?.Type))
                    return AlongAxisType(c, name, ufunc);
                if (c.Positional.Length < 2 || c.Positional[1].Type is not ArrayType { Ndim: 1 } a)
                    throw c.Error($"{ufunc}.{name}() takes a 1-d array in compiled code");
                var operand = new ArrayType(ReductionDtype(ufunc, a.Dtype), 1);
                var loop = Loop(ufunc, new SjType[] { operand, operand }, new object?[2]) ?? throw c.Error(NumPyPromotion.NoLoopMessage(ufunc));
                RequireElement(c, BinaryUFunc(c.Positional[0].Type)!.Value.Element, loop);
                return type(c, ufunc, a, loop.Out[0]);
            }, c =>
            {
                if (AlongAxis(c.Args.Length, c.Keywords.Count, c.ArgType(1))) return LowerAlongAxis(c, name);
                var (ufunc, element) = BinaryUFunc(c.ArgType(0))!.Value;
                return lower(c, ufunc, element, (ArrayType)c.ArgType(1));
            }, acceptsNarrow: true);
            f.Receiver = t => BinaryUFunc(t) != null;
            return f;
        }

        // accumulate: out[0] = x[0], out[i] = ufunc(out[i - 1], x[i]).
        Method1d("accumulate", (c, ufunc, a, dtype) => { Arity(c, "accumulate", 2, 2); return new ArrayType(dtype, 1); }, (c, ufunc, element, a) =>
        {
            var e = c.E; var B = e.B;
            var rt = (ArrayType)c.ResultType;
            var n = ArrayCode.Dim(e, c.Arg(1), 0);
            var r = ArrayCode.Allocate(e, rt, new[] { n }, c.Span);
            var src = ArrayCode.Data(e, c.Arg(1)); var stride = ArrayCode.Strides(e, a, c.Arg(1))[0];
            var dst = ArrayCode.Data(e, r);
            var acc = e.Alloca(e.M.Lower(rt.Dtype));
            ArrayCode.Loop(e, n, i =>
            {
                var x = e.Convert(ArrayCode.Load(e, a.Dtype, BuildGEP2(B, e.M.I8, src, new[] { BuildMul(B, i, stride, "") }, "")), a.Dtype, rt.Dtype);
                var first = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, i, e.M.ConstI64(0), "");
                var v = BuildSelect(B, first, x, ApplyScalar(c, ufunc, element, rt.Dtype, BuildLoad2(B, e.M.Lower(rt.Dtype), acc, ""), x), "");
                BuildStore(B, v, acc);
                ArrayCode.Store(e, rt.Dtype, ElementAt(e, rt.Dtype, dst, i), v);
            });
            return r;
        });

        // reduce: the ufunc folded over the elements; an empty array gives the identity (add: 0, multiply: 1) or
        // NumPy's error for ufuncs that have none (Identity).
        Method1d("reduce", (c, ufunc, a, dtype) => { Arity(c, "reduce", 2, 2); return dtype; }, (c, ufunc, element, a) =>
        {
            var e = c.E; var B = e.B;
            var dtype = (ScalarType)c.ResultType;
            var n = ArrayCode.Dim(e, c.Arg(1), 0);
            // The reductions NumPy's own methods share: the same loops (add of floats pairwise, as NumPy sums; the
            // extremes vectorised; fmax/fmin skipping NaN). A fold in order gave other last bits for add.
            ReductionKind? kind = dtype.Rank == 3 ? null : ufunc switch
            {
                "add" => ReductionKind.Sum, "multiply" => ReductionKind.Prod, "maximum" => ReductionKind.Max, "minimum" => ReductionKind.Min,
                "fmax" => ReductionKind.NanMax, "fmin" => ReductionKind.NanMin, _ => null,
            };
            if (kind is { } k && (a.Dtype.Rank < 3))
            {
                var data = ArrayCode.Data(e, c.Arg(1)); var step = ArrayCode.Strides(e, a, c.Arg(1))[0];
                LLVMValueRef At(LLVMValueRef i) => ArrayCode.Load(e, a.Dtype, BuildGEP2(B, e.M.I8, data, new[] { BuildMul(B, i, step, "") }, ""));
                return Reduce(e, k, a.Dtype, dtype, n, visit => ArrayCode.Loop(e, n, i => visit(At(i), i)), ufunc, c.Span, At,
                    line: new SumLine(data, step, MeanInDouble: true));
            }
            object? identity = Identity(ufunc);
            if (identity == null)
                e.RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, n, e.M.ConstI64(0), ""), "ValueError", $"zero-size array to reduction operation {ufunc} which has no identity", c.Span);
            var src = ArrayCode.Data(e, c.Arg(1)); var stride = ArrayCode.Strides(e, a, c.Arg(1))[0];
            var acc = e.Alloca(e.M.Lower(dtype));
            BuildStore(B, identity != null ? e.M.Constant(identity, dtype) : GetUndef(e.M.Lower(dtype)), acc);
            ArrayCode.Loop(e, n, i =>
            {
                var x = e.Convert(ArrayCode.Load(e, a.Dtype, BuildGEP2(B, e.M.I8, src, new[] { BuildMul(B, i, stride, "") }, "")), a.Dtype, dtype);
                var folded = ApplyScalar(c, ufunc, element, dtype, BuildLoad2(B, e.M.Lower(dtype), acc, ""), x);
                BuildStore(B, identity != null ? folded : BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, i, e.M.ConstI64(0), ""), x, folded, ""), acc);
            });
            return BuildLoad2(B, e.M.Lower(dtype), acc, "");
        });

        // outer: ufunc(a[:, None], b[None, :]) for 1-d a and b, one fused loop.
        var outer = Add("method.outer", c =>
        {
            var (ufunc, element) = BinaryUFunc(c.Positional[0].Type)!.Value;
            Arity(c, "outer", 3, 3);
            if (c.Positional[1].Type is not ArrayType { Ndim: 1 } a || c.Positional[2].Type is not ArrayType { Ndim: 1 } b)
                throw c.Error($"{ufunc}.outer() takes two 1-d arrays in compiled code");
            var loop = Loop(ufunc, new SjType[] { a, b }, new object?[2]) ?? throw c.Error(NumPyPromotion.NoLoopMessage(ufunc));
            RequireElement(c, element, loop);
            return new ArrayType(loop.Out[0], 2);
        }, c =>
        {
            var e = c.E;
            var (ufunc, element) = BinaryUFunc(c.ArgType(0))!.Value;
            var (at, bt) = ((ArrayType)c.ArgType(1), (ArrayType)c.ArgType(2));
            var one = e.M.ConstI64(1); var zero = e.M.ConstI64(0);
            var column = ArrayCode.Make(e, new ArrayType(at.Dtype, 2, ArrayLayout.A), ArrayCode.Meminfo(e, c.Arg(1)), ArrayCode.Data(e, c.Arg(1)),
                new[] { ArrayCode.Dim(e, c.Arg(1), 0), one }, new[] { ArrayCode.Strides(e, at, c.Arg(1))[0], zero });
            var row = ArrayCode.Make(e, new ArrayType(bt.Dtype, 2, ArrayLayout.A), ArrayCode.Meminfo(e, c.Arg(2)), ArrayCode.Data(e, c.Arg(2)),
                new[] { one, ArrayCode.Dim(e, c.Arg(2), 0) }, new[] { zero, ArrayCode.Strides(e, bt, c.Arg(2))[0] });
            var leaves = new[] { new LoweredArg(column, new ArrayType(at.Dtype, 2, ArrayLayout.A)), new LoweredArg(row, new ArrayType(bt.Dtype, 2, ArrayLayout.A)) };
            var sig = new Signature(leaves.Select(l => l.Type).ToImmutableArray(), ImmutableArray.Create<object?>(null, null), ImmutableArray<string>.Empty, c.ResultType);
            var tree = new ElementwiseNode(ufunc, element, (ArrayType)c.ResultType, new object[] { 0, 1 }, false, c.Span, c.Callees);
            return LowerTree(new LoweringCall(e, sig, c.Span, leaves, c.Callees), tree);
        }, acceptsNarrow: true);
        outer.Receiver = t => BinaryUFunc(t) != null;

        // at(a, indices[, b]): the ufunc applied in place at a[indices], once for each time an index occurs (NumPy's
        // unbuffered ufunc.at), by numpy.py's _ufunc_at.
        var at = Add("method.at", c =>
        {
            var (ufunc, nin) = OneOutputUFunc(c.Positional[0].Type)!.Value;
            Arity(c, "at", 3, 4);
            if (c.Positional[1].Type is not ArrayType)
                throw c.ErrorAt(c.Positional[1], $"{ufunc}.at() takes an array as its first operand in compiled code");
            var (types, literals) = AtArguments(ufunc, nin, c.Types);
            c.Require(PythonLibrary.Function("numpy", "_ufunc_at"), types, literals);
            return SimpleType.None;
        }, c =>
        {
            var e = c.E;
            var (ufunc, nin) = OneOutputUFunc(c.ArgType(0))!.Value;
            var given = Enumerable.Range(0, c.Args.Length).Select(c.ArgType).ToArray();
            var (types, literals) = AtArguments(ufunc, nin, given);
            var args = new LLVMValueRef[types.Length];
            for (int k = 0; k < 4; k++)
                args[k] = k < c.Args.Length ? e.Convert(c.Arg(k), given[k], types[k]) : e.M.Constant(PyNone.Instance, SimpleType.None);
            for (int k = 4; k < types.Length; k++) args[k] = e.M.Constant(literals[k]!, types[k]);
            c.CallCompiled(0, args);
            return GetUndef(e.M.Empty);
        }, acceptsNarrow: true);
        at.Receiver = t => OneOutputUFunc(t) != null;
    }

    /// <summary>The ufunc a value names when it has one output (np.negative, np.add ...), and its number of inputs.</summary>
    private static (string UFunc, int Nin)? OneOutputUFunc(SjType t) =>
        t is BuiltinType b && Registry.GetValueOrDefault(b.Qualified) is LibFunc { Elementwise: { InPlace: false } e } && NumPyPromotion.IsUFunc(e.UFunc)
            && NumPyPromotion.Arity(e.UFunc) is (1 or 2, 1) ? (e.UFunc, NumPyPromotion.Arity(e.UFunc).Nin) : null;

    /// <summary>The arguments of numpy.py's _ufunc_at: (ufunc, a, indices, b or None, nin, how, name), the last three
    /// literals. How the indices select (decided from their type): "direct" where no element can be selected twice
    /// (ints, slices, None, ..., a boolean mask), "gather" for integer arrays (or ints) on the leading axes, each
    /// selection applied in turn, "positions" for the other mixtures (the selected elements' flat positions).</summary>
    private static (SjType[] Types, object?[] Literals) AtArguments(string ufunc, int nin, SjType[] given)
    {
        static bool Integer(SjType t) => t is ScalarType { Rank: 1 } || t is ArrayType { Dtype.Rank: 1 } || t is ListType l && Integer(l.Element);
        static bool Basic(SjType t) => t is ScalarType { Rank: 1 } or SliceType || t == SimpleType.None || t == SimpleType.Ellipsis;
        var indices = given[2];
        string how = indices switch
        {
            TupleType tt when tt.Items.All(Basic) => "direct",
            TupleType tt when tt.Items.All(Integer) => "gather",
            TupleType => "positions",
            _ when Integer(indices) && indices is not ScalarType => "gather",
            _ => "direct",
        };
        var b = given.Length > 3 ? TypeOps.Canonical(given[3]) : SimpleType.None;
        var types = new[] { given[0], TypeOps.Canonical(given[1]), TypeOps.Canonical(indices), b, ScalarType.Int64, SimpleType.Str, SimpleType.Str };
        return (types, new object?[] { null, null, null, null, (long)nin, how, ufunc });
    }

    /// <summary>The identity of a ufunc's reductions (what an empty reduction gives), or null where it has none.</summary>
    private static object? Identity(string ufunc) => ufunc switch
    {
        "add" or "bitwise_or" or "bitwise_xor" or "logical_or" or "logical_xor" => 0L, "multiply" or "logical_and" => 1L, "bitwise_and" => -1L, _ => null,
    };

    // ------------------------------------------------------------ along an axis of an n-d array

    /// <summary>Whether a reduce/accumulate call takes the general form (an array that is not 1-d, an axis, keepdims=),
    /// which numpy.py's _ufunc_reduce / _ufunc_accumulate compute with the ufunc's own element-wise calls.</summary>
    private static bool AlongAxis(int positional, int keywords, SjType? array) => array is ArrayType at && (at.Ndim != 1 || positional > 2 || keywords > 0);

    /// <summary>The arguments of the Python function: (ufunc, array, axis, keepdims, dtype name, identity, ufunc name),
    /// the last four literals; null for an axis of None (reduce over the flattened array).</summary>
    private static (SjType[] Types, object?[] Literals) AlongAxisArguments(string name, string ufunc, ArrayType at, SjType ufuncType, SjType axisType, bool keepdims)
    {
        var operand = new ArrayType(ReductionDtype(ufunc, at.Dtype), 1);
        var loop = Loop(ufunc, new SjType[] { operand, operand }, new object?[2])!;
        object? identity = Identity(ufunc);
        var types = new SjType[] { ufuncType, TypeOps.Canonical(at), axisType, ScalarType.Bool, SimpleType.Str, identity == null ? SimpleType.None : ScalarType.Int64, SimpleType.Str };
        return (types, new object?[] { null, null, null, keepdims, loop.Out[0].Name, identity, ufunc });
    }

    private static SjType AlongAxisType(CallTypingContext c, string name, string ufunc)
    {
        bool reduce = name == "reduce";
        Arity(c, name, 2, 3, reduce ? new[] { "axis", "dtype", "out", "keepdims" } : new[] { "axis", "dtype", "out" });
        var at = (ArrayType)c.Positional[1].Type;
        foreach (var k in new[] { "dtype", "out" })
            if (c.Keywords.TryGetValue(k, out var v) && v.Type != SimpleType.None)
                throw c.ErrorAt(v, $"{ufunc}.{name}({k}=...) is not supported in compiled code");
        var axis = c.Positional.Length > 2 ? c.Positional[2] : c.Keywords.GetValueOrDefault("axis");
        if (c.Positional.Length > 2 && c.Keywords.ContainsKey("axis"))
            throw c.Error($"argument for {name}() given by name ('axis') and position (position 1)");
        if (axis != null && !(axis.Type is ScalarType { Rank: 1 } || reduce && axis.Type == SimpleType.None))
            throw c.ErrorAt(axis, $"{ufunc}.{name}() takes an int{(reduce ? " or None" : "")} for axis in compiled code");
        bool keepdims = false;
        if (c.Keywords.TryGetValue("keepdims", out var kd) && !(kd.Literal is bool b && (keepdims = b) == b))
            throw c.ErrorAt(kd, $"{ufunc}.reduce(keepdims=...) takes True or False written in the call in compiled code");
        if (at.Ndim == 0)
            throw c.ErrorAt(c.Positional[1], $"{ufunc}.{name}() of a 0-d array is not supported in compiled code");
        var loop = Loop(ufunc, new SjType[] { new ArrayType(ReductionDtype(ufunc, at.Dtype), 1), new ArrayType(ReductionDtype(ufunc, at.Dtype), 1) }, new object?[2])
            ?? throw c.Error(NumPyPromotion.NoLoopMessage(ufunc));
        var (types, literals) = AlongAxisArguments(name, ufunc, at, c.Positional[0].Type, axis?.Type ?? ScalarType.Int64, keepdims);
        return c.Require(PythonLibrary.Function("numpy", "_ufunc_" + name), types, literals).ReturnType;
    }

    private static LLVMValueRef LowerAlongAxis(LoweringCall c, string name)
    {
        var e = c.E;
        var (ufunc, _) = BinaryUFunc(c.ArgType(0))!.Value;
        var at = (ArrayType)c.ArgType(1);
        LoweredArg? axis = c.Args.Length > 2 ? c.Args[2] : c.Keywords.TryGetValue("axis", out var a) ? a : null;
        bool keepdims = c.Keywords.TryGetValue("keepdims", out var kd) && kd.Literal is true;
        var (types, literals) = AlongAxisArguments(name, ufunc, at, c.ArgType(0), axis?.Type ?? ScalarType.Int64, keepdims);
        var args = new LLVMValueRef[types.Length];
        args[0] = c.Arg(0);
        args[1] = e.Convert(c.Arg(1), at, types[1]);
        args[2] = axis is { } given ? given.Value : e.M.ConstI64(0);
        for (int k = 3; k < types.Length; k++) args[k] = e.M.Constant(literals[k] ?? PyNone.Instance, types[k]);
        return e.Convert(c.CallCompiled(0, args), c.Callees[0].ReturnType, c.ResultType);
    }

    /// <summary>The dtype a reduction or accumulation of add or multiply works in: NumPy's reductions of bools and
    /// integers narrower than 64 bits work in int64 (uint64 for unsigned ones), so that they do not overflow.</summary>
    private static ScalarType ReductionDtype(string ufunc, ScalarType dtype) =>
        ufunc is "add" or "multiply" && dtype.Rank <= 1 && dtype != ScalarType.Int64 && dtype != ScalarType.UInt64
            ? (dtype.IsUnsigned ? ScalarType.UInt64 : ScalarType.Int64) : dtype;

    /// <summary>Types the scalar entry for the loop's element types (which compiles a Python-written kernel it needs).</summary>
    private static void RequireElement(CallTypingContext c, LibFunc element, NumPyPromotion.UFuncLoop loop) =>
        element.Type(c.WithPositional(ElementTypes(loop, element).Select(t => new TypedArg(t, null, c.Site)).ToArray()));

    /// <summary>ufunc(x, y) on two scalars of the result dtype, through the ufunc's scalar entry.</summary>
    private static LLVMValueRef ApplyScalar(LoweringCall c, string ufunc, LibFunc element, ScalarType dtype, LLVMValueRef x, LLVMValueRef y)
    {
        var loop = Loop(ufunc, new SjType[] { new ArrayType(dtype, 1), new ArrayType(dtype, 1) }, new object?[2])!;
        var types = ElementTypes(loop, element);
        var result = ScalarResultOf(element, types, new object?[2], dtype);
        var sig = new Signature(types.Cast<SjType>().ToImmutableArray(), ImmutableArray.Create<object?>(null, null), ImmutableArray<string>.Empty, result);
        var args = new[] { new LoweredArg(c.E.Convert(x, dtype, types[0]), types[0]), new LoweredArg(c.E.Convert(y, dtype, types[1]), types[1]) };
        return c.E.Convert(element.Lower(new LoweringCall(c.E, sig, c.Span, args, c.Callees)), result, dtype);
    }
}
