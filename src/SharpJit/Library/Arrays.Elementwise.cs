using System.Collections.Immutable;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// Element-wise operations on arrays: operators and ufuncs broadcast their operands as NumPy does and apply the
/// scalar entry of the same operation to each element (one lowering path: the scalar entry's lowering is the loop
/// body). Result dtypes follow NumPy's promotion, with its value-based rule for Python scalars.
/// </summary>
public static unsafe partial class Builtins
{
    /// <summary>The ufunc and the scalar entry computing one element, per operator.</summary>
    private static readonly (string Op, string UFunc, string Element)[] ArrayOperators =
    {
        ("add", "add", "numpy.add"), ("sub", "subtract", "numpy.subtract"), ("mul", "multiply", "numpy.multiply"),
        ("truediv", "true_divide", "numpy.true_divide"), ("floordiv", "floor_divide", "numpy.floor_divide"),
        ("mod", "remainder", "numpy.remainder"), ("pow", "power", "numpy.power"),
        ("and_", "bitwise_and", "operator.and_"), ("or_", "bitwise_or", "operator.or_"), ("xor", "bitwise_xor", "operator.xor"),
        ("lshift", "left_shift", "operator.lshift"), ("rshift", "right_shift", "operator.rshift"),
        ("eq", "equal", "operator.eq"), ("ne", "not_equal", "operator.ne"), ("lt", "less", "operator.lt"),
        ("le", "less_equal", "operator.le"), ("gt", "greater", "operator.gt"), ("ge", "greater_equal", "operator.ge"),
        ("neg", "negative", "numpy.negative"), ("pos", "positive", "numpy.positive"), ("invert", "invert", "operator.invert"),
    };

    private static void RegisterElementwise()
    {
        foreach (var (op, ufunc, element) in ArrayOperators)
        {
            var elementEntry = Get(element);
            Add("array." + op, c => ElementwiseType(c, ufunc, elementEntry), c => LowerElementwise(c, ufunc, elementEntry, inPlace: false), acceptsNarrow: true,
                mayRaise: _ => true);
            if (op is "eq" or "ne" or "lt" or "le" or "gt" or "ge" or "neg" or "pos" or "invert") continue;
            Add("inplace." + op, c =>
            {
                var target = c.Positional[0].Type as ArrayType ?? throw c.Error("internal: in-place operator without an array");
                var result = ElementwiseType(c, ufunc, elementEntry);
                if (result.Dtype != target.Dtype && !NumPySameKind(result.Dtype, target.Dtype))
                    throw c.Error($"Cannot cast ufunc '{ufunc}' output from dtype('{result.Dtype.Name}') to dtype('{target.Dtype.Name}') with casting rule 'same_kind'",
                        "write the result to a new array (a = a + b), or convert with .astype()");
                return target;
            }, c => LowerElementwise(c, ufunc, elementEntry, inPlace: true), acceptsNarrow: true);
        }
    }

    // ------------------------------------------------------------ typing

    /// <summary>Types an element-wise operation: each operand must be an array or a number; the result is a
    /// C-contiguous array of the broadcast number of dimensions and NumPy's result dtype.</summary>
    private static ArrayType ElementwiseType(CallTypingContext c, string ufunc, LibFunc element)
    {
        foreach (var a in c.Positional)
            if (a.Type is not (ArrayType or ScalarType))
                throw c.ErrorAt(a, $"numpy.{ufunc} of a {TypeOps.PyName(a.Type)} is not supported in compiled code",
                    a.Type is TupleType ? "make an array of it first with np.array(...)" : null);
        var types = c.Positional.Select(a => a.Type).ToArray();
        var literals = c.Positional.Select(a => a.Literal).ToArray();
        var loop = Loop(ufunc, types, literals);
        if (loop == null)
        {
            var (inputs, isArray) = Operands(types, literals);
            throw c.Error(NumPyPromotion.NoLoopMessage(ufunc, inputs, isArray)
                ?? $"numpy.{ufunc} of these operands uses a float16 (or extended-precision) loop in NumPy, a type compiled code does not have",
                "convert an operand with .astype(np.float32) or .astype(np.float64) first");
        }
        // The scalar entry computes one element from the loop's input types (and checks it can).
        var elementTypes = ElementTypes(loop, element);
        element.Type(c.WithPositional(c.Positional.Select((a, k) => new TypedArg(elementTypes[k], a.Type is ArrayType ? null : a.Literal, a.Site)).ToArray()));
        return new ArrayType(loop.Out[0], c.Positional.Max(a => a.Type is ArrayType at ? at.Ndim : 0));
    }

    private static ScalarType ElementOf(SjType t) => t is ArrayType a ? a.Dtype : (ScalarType)t;

    /// <summary>NumPy's inner loop for these operands (Typing.NumPyPromotion: NumPy 1.24's type resolution, with its
    /// value-based rule for Python numbers; a number whose value is unknown at compile time counts as 0, so it never
    /// widens an array of its own kind: float32_array * x stays float32).</summary>
    private static NumPyPromotion.UFuncLoop? Loop(string ufunc, SjType[] types, object?[] literals)
    {
        var (inputs, isArray) = Operands(types, literals);
        return NumPyPromotion.ResolveLoop(ufunc, inputs, isArray);
    }

    private static (NumPyPromotion.Operand[] Inputs, bool[] IsArray) Operands(SjType[] types, object?[] literals) =>
        (types.Select((t, k) => new NumPyPromotion.Operand(ElementOf(t), t is ArrayType || literals[k] is string ? null : literals[k])).ToArray(),
         types.Select(t => t is ArrayType).ToArray());

    /// <summary>The types the scalar entry is applied to: the loop's input types (NumPy casts 0.1 to float32 before
    /// float32_array * 0.1); entries that take only Python's numbers see canonical types.</summary>
    private static ScalarType[] ElementTypes(NumPyPromotion.UFuncLoop loop, LibFunc element) =>
        loop.In.Select(t => element.AcceptsNarrow ? t : t.Canonical).ToArray();

    /// <summary>np.can_cast(from, to, 'same_kind'): safe, or within the same kind (float64 to float32).</summary>
    private static bool NumPySameKind(ScalarType from, ScalarType to) =>
        NumPyPromotion.CanCastSafely(from, to) || from.Rank == to.Rank && from.Rank >= 2 || from.Rank == 1 && to.Rank == 1 && from.Kind == to.Kind;

    // ------------------------------------------------------------ lowering

    /// <summary>Applies the element entry over the broadcast operands into a new array (or, in place, into operand 0).</summary>
    private static LLVMValueRef LowerElementwise(LoweringCall c, string ufunc, LibFunc element, bool inPlace)
    {
        var e = c.E; var B = e.B; var M = e.M;
        var result = (ArrayType)c.ResultType;
        int ndim = result.Ndim;
        var operands = c.Args.Select(a => a).ToArray();
        // Each array operand's shape, right-aligned to the result (missing leading axes have length 1).
        var shapes = operands.Select(a => a.Type is ArrayType at ? Aligned(e, ArrayCode.Shape(e, at, a.Value), ndim) : null).ToArray();
        LLVMValueRef[] outShape;
        if (inPlace) outShape = shapes[0]!;
        else
        {
            outShape = Enumerable.Range(0, ndim).Select(_ => M.ConstI64(1)).ToArray();
            foreach (var s in shapes.Where(s => s != null))
                for (int k = 0; k < ndim; k++)
                    outShape[k] = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, s![k], M.ConstI64(1), ""), outShape[k], s[k], "");
        }
        // Every operand's axis must equal the result's or be 1.
        var bad = M.ConstBool(false);
        foreach (var s in shapes.Where(s => s != null))
            for (int k = 0; k < ndim; k++)
                bad = BuildOr(B, bad, BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, s![k], outShape[k], ""),
                    BuildICmp(B, LLVMIntPredicate.LLVMIntNE, s[k], M.ConstI64(1), ""), ""), "");
        if (FunctionEmitter.ConstantIntOf(bad) != 0) BroadcastError(e, operands, bad, c.Span);

        if (inPlace && ((ArrayType)operands[0].Type).Readonly)
        {
            e.RaiseIf(M.ConstBool(true), "ValueError", "output array is read-only", c.Span);
            return e.NewRef(operands[0].Value, operands[0].Type);
        }
        var outArray = inPlace ? operands[0].Value : ArrayCode.Allocate(e, result, outShape, c.Span);
        var outType = inPlace ? (ArrayType)operands[0].Type : result;
        var outData = ArrayCode.Data(e, outArray);
        var outStrides = ArrayCode.Strides(e, outType, outArray);

        var elementTypes = ElementTypes(Loop(ufunc, operands.Select(a => a.Type).ToArray(), operands.Select(a => a.Literal).ToArray())!, element);
        var scalarResult = ScalarResultOf(element, elementTypes, operands, outType.Dtype);
        var sig = new Signature(elementTypes.Cast<SjType>().ToImmutableArray(), operands.Select(a => a.Type is ArrayType ? null : a.Literal).ToImmutableArray(),
            ImmutableArray<string>.Empty, scalarResult);
        // Scalars are converted once, outside the loop.
        var scalarValues = operands.Select((a, k) => a.Type is ScalarType st ? e.Convert(a.Value, st, elementTypes[k]) : default).ToArray();
        var datas = operands.Select(a => a.Type is ArrayType ? ArrayCode.Data(e, a.Value) : default).ToArray();

        LLVMValueRef Compute(Func<int, LLVMValueRef> load)
        {
            var args = operands.Select((a, k) => a.Type is ArrayType ? new LoweredArg(e.Convert(load(k), ElementOf(a.Type), elementTypes[k]), elementTypes[k])
                : new LoweredArg(scalarValues[k], elementTypes[k], a.Literal)).ToArray();
            var v = element.Lower(new LoweringCall(e, sig, c.Span, args, c.Callees));
            if (ufunc == "invert" && elementTypes[0].Rank == 0) v = BuildXor(B, args[0].Value, M.ConstBool(true), "");   // ~ of bools is logical not
            return e.Convert(v, ufunc == "invert" && elementTypes[0].Rank == 0 ? ScalarType.Bool : scalarResult, outType.Dtype);
        }

        // Fast path: every array operand is C-contiguous with the result's shape, so one flat loop over the elements.
        bool flatPossible = outType.Layout == ArrayLayout.C && operands.All(a => a.Type is not ArrayType at || at.Layout == ArrayLayout.C && at.Ndim == ndim);
        var sameShape = M.ConstBool(flatPossible);
        if (flatPossible)
            foreach (var s in shapes.Where(s => s != null))
                for (int k = 0; k < ndim; k++) sameShape = BuildAnd(B, sameShape, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, s![k], outShape[k], ""), "");
        void Flat()
        {
            var n = ArrayCode.Size(e, outShape);
            ArrayCode.Loop(e, n, i =>
            {
                var v = Compute(k => ArrayCode.Load(e, ElementOf(operands[k].Type), ElementAt(e, ElementOf(operands[k].Type), datas[k], i)));
                ArrayCode.Store(e, outType.Dtype, ElementAt(e, outType.Dtype, outData, i), v);
            });
        }
        void Strided()
        {
            // Broadcast axes (length 1 where the result's is longer) step by 0.
            var strides = operands.Select((a, k) => a.Type is ArrayType at ? BroadcastStrides(e, Aligned(e, ArrayCode.Strides(e, at, a.Value), ndim, zero: true), shapes[k]!) : null).ToArray();
            ArrayCode.LoopNest(e, outShape, idx =>
            {
                var v = Compute(k => ArrayCode.Load(e, ElementOf(operands[k].Type), ArrayCode.ElementPointer(e, datas[k], strides[k]!, idx)));
                ArrayCode.Store(e, outType.Dtype, ArrayCode.ElementPointer(e, outData, outStrides, idx), v);
            });
        }
        if (!flatPossible) Strided();
        else if (FunctionEmitter.ConstantIntOf(sameShape) == 1) Flat();
        else
        {
            var flat = e.NewBlock("flat"); var strided = e.NewBlock("strided"); var join = e.NewBlock("elementwise_done");
            BuildCondBr(B, sameShape, flat, strided);
            PositionBuilderAtEnd(B, flat); Flat(); BuildBr(B, join);
            PositionBuilderAtEnd(B, strided); Strided(); BuildBr(B, join);
            PositionBuilderAtEnd(B, join);
        }
        return inPlace ? e.NewRef(outArray, outType) : outArray;
    }

    /// <summary>What the element entry returns: NumPy's entries convert to the signature's result themselves (the
    /// array's dtype); Python's operators give what their typing rule gives for the element types.</summary>
    private static ScalarType ScalarResultOf(LibFunc element, ScalarType[] elementTypes, LoweredArg[] operands, ScalarType outDtype)
    {
        if (element.Name.StartsWith("numpy.", StringComparison.Ordinal)) return outDtype;
        var args = elementTypes.Select((t, k) => new TypedArg(t, operands[k].Type is ArrayType ? null : operands[k].Literal, null!)).ToArray();
        return (ScalarType)element.Type(CallTypingContext.Detached(args));
    }

    private static LLVMValueRef[] Aligned(FunctionEmitter e, LLVMValueRef[] dims, int ndim, bool zero = false) =>
        Enumerable.Repeat(e.M.ConstI64(zero ? 0 : 1), ndim - dims.Length).Concat(dims).ToArray();

    private static LLVMValueRef[] BroadcastStrides(FunctionEmitter e, LLVMValueRef[] strides, LLVMValueRef[] shape) =>
        strides.Select((s, k) => BuildSelect(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, shape[k], e.M.ConstI64(1), ""), e.M.ConstI64(0), s, "")).ToArray();

    /// <summary>ValueError "operands could not be broadcast together with shapes (3,) (4,) " when bad is true.</summary>
    private static void BroadcastError(FunctionEmitter e, LoweredArg[] operands, LLVMValueRef bad, Span span)
    {
        var B = e.B; var M = e.M;
        var err = e.NewBlock("broadcast_error"); var ok = e.NewBlock("broadcast_ok");
        BuildCondBr(B, e.Expect(bad, false), err, ok);
        PositionBuilderAtEnd(B, err);
        var arrays = operands.Where(a => a.Type is ArrayType).ToList();
        var dims = arrays.SelectMany(a => ArrayCode.Shape(e, (ArrayType)a.Type, a.Value)).ToList();
        var ndims = arrays.Select(a => M.ConstI64(((ArrayType)a.Type).Ndim)).ToList();
        e.CallRuntime("sj_broadcast_error", StoreShape(e, dims), StoreShape(e, ndims), M.ConstI64(arrays.Count));
        e.ReturnError(span);
        PositionBuilderAtEnd(B, ok);
    }
}
