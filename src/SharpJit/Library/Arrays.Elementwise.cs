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
        ("lshift", "left_shift", "numpy.left_shift"), ("rshift", "right_shift", "numpy.right_shift"),
        ("eq", "equal", "operator.eq"), ("ne", "not_equal", "operator.ne"), ("lt", "less", "numpy.$lt"),
        ("le", "less_equal", "numpy.$le"), ("gt", "greater", "numpy.$gt"), ("ge", "greater_equal", "numpy.$ge"),
        ("neg", "negative", "numpy.negative"), ("pos", "positive", "numpy.positive"), ("invert", "invert", "numpy.invert"),
    };

    /// <summary>The element entries of NumPy's order comparisons: Python's operators, except that complex numbers
    /// are ordered (NumPy's CLT/CLE: by real part, then imaginary part; a NaN imaginary part orders nothing by real
    /// part). Python's own &lt; on complex numbers stays a TypeError.</summary>
    private static void RegisterComplexOrder()
    {
        foreach (var (op, cmp) in new[] { ("lt", CmpOperator.Lt), ("le", CmpOperator.LtE), ("gt", CmpOperator.Gt), ("ge", CmpOperator.GtE) })
        {
            var python = Get("operator." + op);
            static bool Complex(IEnumerable<SjType> types) => types.All(t => t is ScalarType) && types.Any(t => t is ScalarType { Rank: 3 });
            Add("numpy.$" + op, c => Complex(c.Positional.Select(a => a.Type)) ? ScalarType.Bool : python.Type(c), c =>
            {
                if (!Complex(c.Args.Select(a => a.Type))) return python.Lower(c);
                var x = c.E.Convert(c.Arg(0), c.ArgType(0), ScalarType.Complex128);
                var y = c.E.Convert(c.Arg(1), c.ArgType(1), ScalarType.Complex128);
                return NpComplexCompare(c.E, x, y, greater: cmp is CmpOperator.Gt or CmpOperator.GtE, orEqual: cmp is CmpOperator.LtE or CmpOperator.GtE);
            }, acceptsNarrow: python.AcceptsNarrow, mayRaise: python.MayRaise);
        }
    }

    private static void RegisterElementwise()
    {
        RegisterComplexOrder();
        var power = Get("numpy.power");
        PowerOperator = new LibFunc(power.Name, power.Type, power.Lower, power.MayRaise) { AcceptsNarrow = power.AcceptsNarrow };
        foreach (var (op, ufunc, element) in ArrayOperators)
        {
            var elementEntry = op == "pow" ? PowerOperator : Get(element);
            Add("array." + op, c => ElementwiseResult(c, ufunc, elementEntry), c => LowerElementwise(c, ufunc, elementEntry, inPlace: false), acceptsNarrow: true,
                mayRaise: _ => true).Elementwise = (ufunc, elementEntry, false);
            if (op is "eq" or "ne" or "lt" or "le" or "gt" or "ge" or "neg" or "pos" or "invert") continue;
            Add("inplace." + op, c =>
            {
                var target = c.Positional[0].Type as ArrayType ?? throw c.Error("internal: in-place operator without an array");
                var result = ElementwiseType(c, ufunc, elementEntry);
                // A result of more dimensions than the target is NumPy's run-time ValueError (LowerTree raises it).
                if (result.Dtype != target.Dtype && !NumPySameKind(result.Dtype, target.Dtype))
                    throw c.Error($"Cannot cast ufunc '{ufunc}' output from dtype('{result.Dtype.Name}') to dtype('{target.Dtype.Name}') with casting rule 'same_kind'",
                        "write the result to a new array (a = a + b), or convert with .astype()");
                return target;
            }, c => LowerElementwise(c, ufunc, elementEntry, inPlace: true), acceptsNarrow: true).Elementwise = (ufunc, elementEntry, true);
        }

        // The comparison ufuncs as functions (np.greater(a, b) is a > b, out= too): the operators' entries, on arrays
        // and on numbers.
        foreach (var (op, ufunc, element) in ArrayOperators.Where(o => o.Op is "eq" or "ne" or "lt" or "le" or "gt" or "ge"))
        {
            var onArrays = Get("array." + op);
            var onNumbers = Get(element);
            Add("numpy." + ufunc, c =>
            {
                Arity(c, ufunc, 2, 2, "out");
                if (c.Keywords.ContainsKey("out")) return ElementwiseOutType(c, ufunc, onNumbers);
                return c.Positional.Any(a => a.Type is ArrayType) ? onArrays.Type(c) : onNumbers.Type(c);
            }, c => c.Keywords.ContainsKey("out") ? LowerElementwiseOut(c, ufunc, onNumbers)
                : c.Args.Any(a => a.Type is ArrayType) ? onArrays.Lower(c) : onNumbers.Lower(c),
                acceptsNarrow: true, mayRaise: sig => sig.Args.Any(a => a is ArrayType) || onNumbers.MayRaise(sig)).Elementwise = (ufunc, onNumbers, false);
        }
    }

    /// <summary>The element entry of the ** operator on arrays: numpy.power, except that ndarray.__pow__ computes a
    /// float or complex array to a number's power 0.5, 1 or 2 with np.sqrt, np.positive or np.square (NumPy's
    /// fast_scalar_power).</summary>
    private static LibFunc PowerOperator = null!;

    /// <summary>a ** x for a float or complex array and a number x of value 0.5, -1, 1 or 2 (known at compile time or
    /// not): NumPy's np.sqrt(a) (its -0.0, -inf and complex results differ from pow's), np.reciprocal(a) (1/x, and a
    /// complex reciprocal keeps the sign of a zero imaginary part: 1/(2+0j) is 0.5-0j), and for complex arrays a itself and
    /// a * a, inline (power's zero gives +0j where they keep the sign of a zero part, and it is a call); otherwise
    /// the power. Real powers 1 and 2 are already exact (pow is x and x * x there).</summary>
    private static LLVMValueRef? FastScalarPower(FunctionEmitter e, ElementwiseNode n, SjType[] types, LoweredArg[] leaves, LoweredArg[] args,
        ScalarType scalarResult, Func<LLVMValueRef> power)
    {
        if (!ReferenceEquals(n.Element, PowerOperator) || types[0] is not ArrayType { Dtype.Rank: >= 2 } array || n.Operands[1] is not int k
            || leaves[k].Type is not ScalarType { Rank: 1 or 2 } exponentType)
            return null;
        var B = e.B;
        bool complex = array.Dtype.Rank == 3;
        var x = args[0].Value;
        var fast = new List<(double Exponent, Func<LLVMValueRef> Value)>
        {
            (0.5, () => Get("numpy.sqrt").Lower(new LoweringCall(e, Signature.Of(scalarResult, args[0].Type), n.Span, new[] { args[0] }, n.Callees))),
            (-1.0, () => Get("numpy.reciprocal").Lower(new LoweringCall(e, Signature.Of(scalarResult, args[0].Type), n.Span, new[] { args[0] }, n.Callees))),
        };
        if (complex)
        {
            fast.Add((1.0, () => x));
            fast.Add((2.0, () =>
            {
                // NumPy's square (and its AVX-512F loop): re*re - im*im, re*im + im*re, no fused multiply-add.
                // complex64 stays in single precision, as NumPy's loop.
                var (re, im) = (e.ExtractValue(x, 0), e.ExtractValue(x, 1));
                var square = BuildInsertValue(B, GetUndef(TypeOf(x)), BuildFSub(B, BuildFMul(B, re, re, ""), BuildFMul(B, im, im, ""), ""), 0, "");
                return BuildInsertValue(B, square, BuildFAdd(B, BuildFMul(B, re, im, ""), BuildFMul(B, im, re, ""), ""), 1, "");
            }));
        }
        var literal = leaves[k].Literal;
        if (literal != null)
        {
            var value = Convert.ToDouble(literal, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (exponentValue, compute) in fast)
                if (exponentValue == value) return compute();
            return null;
        }
        var exponent = e.Convert(leaves[k].Value, exponentType, ScalarType.Float64);
        var r = power();
        foreach (var (value, compute) in fast)
            r = BuildSelect(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, exponent, e.M.ConstF64(value), ""), compute(), r, "");
        return r;
    }

    /// <summary>
    /// a // d and a % d of int64 elements by a divisor d &gt; 2 that is not a power of two, known at compile time or
    /// for the whole loop (a number operand: its multiplier is computed before the loop, LowerTree), as arithmetic that
    /// vectorises (NumPy divides by a scalar with vectorised libdivide): floor(a / d) = s ^ (u / d) with s = a &gt;&gt; 63
    /// and u = a ^ s &lt; 2**63, whose quotient is the high half of u * m shifted right by l - 1 (IntOps.DivisorMagic:
    /// Granlund-Montgomery for 63-bit dividends, no correction step). The high half is built from 32-bit products, which
    /// AVX-512 multiplies eight at a time; LLVM's own division by a constant takes the scalar 128-bit multiply, which kept
    /// such loops scalar (1,000,000 int64 // 7: 1.0 ms, NumPy 0.65), and by a run-time divisor an idiv per element.
    /// </summary>
    private static LLVMValueRef? DivisionByInvariant(FunctionEmitter e, ElementwiseNode n, ScalarType[] elementTypes, object?[] literals,
        LoweredArg[] args)
    {
        if (n.UFunc is not ("floor_divide" or "remainder") || n.Type.Ndim == 0 || elementTypes.Any(t => t != ScalarType.Int64))
            return null;
        var M = e.M;
        LLVMValueRef C(ulong v) => LLVM.ConstInt(M.I64, v, 0);
        LLVMValueRef magic, shift, divisor;
        if (literals[1] is long d && d >= 3 && (d & (d - 1)) != 0)
            (magic, shift, divisor) = (C((ulong)SharpJit.Runtime.IntOps.DivisorMagic(d)), C((ulong)(SharpJit.Runtime.IntOps.DivisorShift(d) - 1)), C((ulong)d));
        else if (n.Operands[1] is int leaf && e.DivisorMagic?.TryGetValue(leaf, out var plan) == true)
            (magic, shift, divisor) = (plan.Magic, plan.Shift, args[1].Value);
        else
            return null;
        var B = e.B;
        var a = args[0].Value;
        var sign = BuildAShr(B, a, C(63), "");
        var u = BuildXor(B, a, sign, "");
        var (ul, uh) = (BuildAnd(B, u, C(0xffffffff), ""), BuildLShr(B, u, C(32), ""));
        var (ml, mh) = (BuildAnd(B, magic, C(0xffffffff), ""), BuildLShr(B, magic, C(32), ""));
        var ll = BuildMul(B, ul, ml, ""); var lh = BuildMul(B, ul, mh, ""); var hl = BuildMul(B, uh, ml, ""); var hh = BuildMul(B, uh, mh, "");
        var mid = BuildAdd(B, BuildAdd(B, BuildLShr(B, ll, C(32), ""), BuildAnd(B, lh, C(0xffffffff), ""), ""), BuildAnd(B, hl, C(0xffffffff), ""), "");
        var high = BuildAdd(B, BuildAdd(B, hh, BuildLShr(B, lh, C(32), ""), ""), BuildAdd(B, BuildLShr(B, hl, C(32), ""), BuildLShr(B, mid, C(32), ""), ""), "");
        var quotient = BuildXor(B, BuildLShr(B, high, shift, ""), sign, "");
        // A run-time power of two (multiplier 0) divides by the shift alone: floor(a / 2**s) = a >> s.
        if (FunctionEmitter.ConstantIntOf(magic) == null)
            quotient = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, magic, C(0), ""), BuildAShr(B, a, shift, ""), quotient, "");
        return n.UFunc == "floor_divide" ? quotient : BuildSub(B, a, BuildMul(B, quotient, divisor, ""), "");
    }

    /// <summary>The number operands of a tree that divide int64 elements (// or %) with no value known at compile time:
    /// each gets its multiplier before the loop (DivisionByInvariant).</summary>
    private static List<int> RunTimeDivisors(ElementwiseNode n, LoweredArg[] leaves)
    {
        var found = new List<int>();
        void Visit(ElementwiseNode node)
        {
            foreach (var child in node.Operands.OfType<ElementwiseNode>()) Visit(child);
            if (node.UFunc is "floor_divide" or "remainder" && node.Type.Ndim > 0 && node.Operands.Length == 2 && node.Operands[1] is int k
                && leaves[k] is { Type: ScalarType { Rank: 1, IsUnsigned: false }, Literal: null } && !found.Contains(k)
                && node.Operands[0] is var first && (first is ElementwiseNode { Type.Dtype: var fd } ? fd : ElementOf(leaves[(int)first].Type)) == ScalarType.Int64)
                found.Add(k);
        }
        Visit(n);
        return found;
    }

    // ------------------------------------------------------------ typing

    /// <summary>Types an element-wise operation: each operand must be an array or a number; the result is a
    /// contiguous array in NumPy's order (KeepOrder) of the broadcast number of dimensions and NumPy's result dtype.</summary>
    private static ArrayType ElementwiseType(CallTypingContext c, string ufunc, LibFunc element)
    {
        foreach (var a in c.Positional)
            if (a.Type is not (ArrayType or ScalarType))
                throw c.ErrorAt(a, $"numpy.{ufunc} of a {TypeOps.PyName(a.Type)} is not supported in compiled code",
                    a.Type is TupleType or ListType ? "make an array of it first with np.array(...)" : null);
        var types = c.Positional.Select(a => a.Type).ToArray();
        var literals = c.Positional.Select(a => a.Literal).ToArray();
        var loop = Loop(ufunc, element, types, literals, out var noLoop);
        if (loop == null)
        {
            if (element.Loops != null) throw c.Error(noLoop!, "convert the operands with .astype() to a signature's types, or declare one for them");
            var (inputs, isArray) = Operands(types, literals);
            throw c.Error(NumPyPromotion.NoLoopMessage(ufunc, inputs, isArray)
                ?? $"numpy.{ufunc} of these operands uses a float16 (or extended-precision) loop in NumPy, a type compiled code does not have",
                "convert an operand with .astype(np.float32) or .astype(np.float64) first");
        }
        // The scalar entry computes one element from the loop's input types (and checks it can).
        var elementTypes = ElementTypes(loop, element);
        var elementResult = element.Type(c.WithPositional(c.Positional.Select((a, k) => new TypedArg(elementTypes[k], a.Type is ArrayType ? null : a.Literal, a.Site)).ToArray()));
        // A @vectorize function without signatures: its loop's output is what the function returns for its inputs.
        var dtype = loop.Out.Length > 0 ? loop.Out[0] : (ScalarType)elementResult;
        int ndim = c.Positional.Max(a => a.Type is ArrayType at ? at.Ndim : 0);
        return new ArrayType(dtype, ndim, KeepOrder(types, ndim));
    }

    /// <summary>
    /// NumPy's K order for a new array computed element by element from these operands (ufuncs, operators, np.where,
    /// the _like functions, np.copy, astype): its iterator orders the axes as the operands' strides do, and keeps C
    /// order for a pair of axes where any operand disagrees; axes an operand is broadcast along (stride 0) it leaves
    /// to the others. So the result is Fortran-ordered where every operand of two or more dimensions is (a.T * 2,
    /// np.sin(f), f + row), else C-ordered. A strided operand's order is known only at run time: it keeps C here.
    /// </summary>
    internal static ArrayLayout KeepOrder(IEnumerable<SjType> operands, int ndim)
    {
        var arrays = operands.OfType<ArrayType>().Where(a => a.Ndim >= 2).ToList();
        return ndim >= 2 && arrays.Count > 0 && arrays.All(a => a.Layout == ArrayLayout.F) ? ArrayLayout.F : ArrayLayout.C;
    }

    /// <summary>The result of a ufunc applied without out=: its array, or NumPy's scalar where every operand is a 0-d
    /// array or a number (np.array(2.0) * 3 is a float64, not a 0-d array).</summary>
    private static SjType ElementwiseResult(CallTypingContext c, string ufunc, LibFunc element)
    {
        var array = ElementwiseType(c, ufunc, element);
        return array.Ndim == 0 ? array.Dtype : array;
    }

    private static ScalarType ElementOf(SjType t) => t is ArrayType a ? a.Dtype : (ScalarType)t;

    /// <summary>NumPy's inner loop for these operands (Typing.NumPyPromotion: NumPy 1.24's type resolution, with its
    /// value-based rule for Python numbers; a number whose value is unknown at compile time counts as 0, so it never
    /// widens an array of its own kind: float32_array * x stays float32).</summary>
    private static NumPyPromotion.UFuncLoop? Loop(string ufunc, LibFunc element, SjType[] types, object?[] literals, out string? error)
    {
        error = null;
        if (element.Loops == null) return Loop(ufunc, types, literals);
        (var found, error) = element.Loops(types, literals);
        return found;
    }

    private static NumPyPromotion.UFuncLoop? Loop(string ufunc, SjType[] types, object?[] literals)
    {
        if (ufunc == "where") return WhereLoop(types, literals);
        var (inputs, isArray) = Operands(types, literals);
        return NumPyPromotion.ResolveLoop(ufunc, inputs, isArray);
    }

    /// <summary>The operands as NumPy's type resolution sees them: a 0-d array is a scalar there, as a number is (one
    /// whose value is unknown at compile time).</summary>
    private static (NumPyPromotion.Operand[] Inputs, bool[] IsArray) Operands(SjType[] types, object?[] literals) =>
        (types.Select((t, k) => new NumPyPromotion.Operand(ElementOf(t), t is ArrayType || literals[k] is string ? null : literals[k])).ToArray(),
         types.Select(t => t is ArrayType { Ndim: > 0 }).ToArray());

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
        var operands = Enumerable.Range(0, c.Args.Length).Cast<object>().ToArray();
        if (inPlace || c.ResultType is not ScalarType scalar)
            return LowerTree(c, new ElementwiseNode(ufunc, element, inPlace ? (ArrayType)c.ArgType(0) : (ArrayType)c.ResultType, operands, inPlace, c.Span, c.Callees));
        // A scalar result of 0-d operands: computed into a 0-d array (one path for broadcasting and loops), then read.
        var e = c.E;
        var zeroD = new ArrayType(scalar, 0);
        var array = LowerTree(c, new ElementwiseNode(ufunc, element, zeroD, operands, false, c.Span, c.Callees));
        var value = ArrayCode.Load(e, scalar, ArrayCode.Data(e, array));
        e.ReleaseTemporary(array);
        TypeModel.Of(zeroD).DecRef(e, array);
        return value;
    }

    private static readonly Dictionary<string, CmpOperator> ComparisonUFuncs = new()
    {
        ["equal"] = CmpOperator.Eq, ["not_equal"] = CmpOperator.NotEq, ["less"] = CmpOperator.Lt,
        ["less_equal"] = CmpOperator.LtE, ["greater"] = CmpOperator.Gt, ["greater_equal"] = CmpOperator.GtE,
    };

    /// <summary>An integer array compared with an integer known only at run time (a Python int, a NumPy integer
    /// scalar or a 0-d array): the loop was chosen as if the number were small (of the array's type, or unsigned and non-negative),
    /// but NumPy looks at its value and picks a wider loop for one outside the array's range, which compares the values
    /// exactly (int8_array > 200 is all False). A comparison's dtype is bool either way, so compare exactly: in int64,
    /// or by value where one side is a uint64 (a NumPy uint64 number or element).</summary>
    private static LLVMValueRef? RuntimeIntComparison(FunctionEmitter e, ElementwiseNode n, LoweredArg[] leaves, object?[] literals,
        ScalarType[] elementTypes, LoweredArg[] args)
    {
        if (!ComparisonUFuncs.TryGetValue(n.UFunc, out var op) || elementTypes.Length != 2 || !elementTypes.All(t => t.Rank == 1)) return null;
        int k = Enumerable.Range(0, 2).FirstOrDefault(j => n.Operands[j] is int leaf && leaves[leaf].Type is ScalarType { Rank: 1 } or ArrayType { Ndim: 0, Dtype.Rank: 1 }
            && literals[j] == null && args[1 - j].Type is ScalarType { Rank: <= 1 }, -1);
        if (k < 0) return null;
        // Both sides as int64, or uint64 where they are: Arith compares a uint64 with an int64 by value.
        LoweredArg Exact(LLVMValueRef v, SjType t) => t == ScalarType.UInt64 ? new(v, t) : new(e.Convert(v, t, ScalarType.Int64), ScalarType.Int64);
        var leafArg = leaves[(int)n.Operands[k]];
        var number = leafArg.Type is ArrayType zeroD ? Exact(ArrayCode.Load(e, zeroD.Dtype, ArrayCode.Data(e, leafArg.Value)), zeroD.Dtype)
            : Exact(leafArg.Value, leafArg.Type);
        var element = Exact(args[1 - k].Value, args[1 - k].Type);
        var (x, y) = k == 0 ? (number, element) : (element, number);
        return Arith.LowerCompare(e, op, x.Value, x.Type, y.Value, y.Type);
    }

    /// <summary>Types ufunc(operands..., out=array): the result is the out array, which NumPy's loop output must cast
    /// to with same_kind (any cast with <paramref name="unsafeCast"/>: np.clip, which NumPy 1.24 lets cast unsafely
    /// after a DeprecationWarning) and which must have the broadcast number of dimensions.</summary>
    private static SjType ElementwiseOutType(CallTypingContext c, string ufunc, LibFunc element, bool unsafeCast = false)
    {
        var outArg = c.Keywords["out"];
        if (outArg.Type is not ArrayType target) throw c.ErrorAt(outArg, "out= must be an array in compiled code");
        var operands = c.WithPositional(c.Positional);
        var result = ElementwiseType(operands, ufunc, element);
        if (result.Dtype != target.Dtype && !unsafeCast && !NumPySameKind(result.Dtype, target.Dtype))
            throw c.ErrorAt(outArg, $"Cannot cast ufunc '{ufunc}' output from dtype('{result.Dtype.Name}') to dtype('{target.Dtype.Name}') with casting rule 'same_kind'");
        return target;
    }

    /// <summary>ufunc(operands..., out=array): one loop writing into the given array, which is returned.</summary>
    private static LLVMValueRef LowerElementwiseOut(LoweringCall c, string ufunc, LibFunc element)
    {
        var outArg = c.Keywords["out"];
        var leaves = c.Args.Append(outArg).ToArray();
        var sig = new Signature(leaves.Select(l => l.Type).ToImmutableArray(), leaves.Select(l => l.Literal).ToImmutableArray(), ImmutableArray<string>.Empty, c.ResultType);
        var tree = new ElementwiseNode(ufunc, element, (ArrayType)c.ResultType, Enumerable.Range(0, c.Args.Length).Cast<object>().ToArray(), true, c.Span, c.Callees)
            { OutLeaf = c.Args.Length };
        return LowerTree(new LoweringCall(c.E, sig, c.Span, leaves, c.Callees), tree);
    }

    /// <summary>The registry entry of a fused tree (Passes.ArrayFusion): its arguments are the tree's leaves.</summary>
    public static LibFunc FusedElementwise(ElementwiseNode tree) =>
        new("array.fused", _ => throw new InvalidOperationException("internal: a fused expression is typed already"), c => LowerTree(c, tree), LibFunc.Always)
        { AcceptsNarrow = true };

    /// <summary>Whether computing an element of the tree may raise (an integer to a negative power), for leaves of these
    /// types and literal values.</summary>
    public static bool ElementwiseMayRaise(ElementwiseNode n, SjType[] leafTypes, object?[] leafLiterals)
    {
        Diagnostics.CompileDepth.EnsureStack();
        if (n.Operands.OfType<ElementwiseNode>().Any(child => ElementwiseMayRaise(child, leafTypes, leafLiterals))) return true;
        return n.Element.MayRaise(NodeSignature(n, leafTypes, leafLiterals).Signature);
    }

    /// <summary>What a node's scalar entry is applied to: its operands' types (a child's array type, a leaf's), the
    /// numbers' literal values, the loop's element types and the signature the entry is lowered with.</summary>
    private static (SjType[] Types, object?[] Literals, ScalarType[] ElementTypes, Signature Signature) NodeSignature(ElementwiseNode n,
        IReadOnlyList<SjType> leafTypes, IReadOnlyList<object?> leafLiterals)
    {
        var types = n.Operands.Select(o => o is int k ? leafTypes[k] : ((ElementwiseNode)o).Type).ToArray();
        var literals = n.Operands.Select(o => o is int k && leafTypes[k] is ScalarType ? leafLiterals[k] : null).ToArray();
        var elementTypes = ElementTypes(Loop(n.UFunc, n.Element, types, literals, out _)!, n.Element);
        var sig = new Signature(elementTypes.Cast<SjType>().ToImmutableArray(), literals.ToImmutableArray(), ImmutableArray<string>.Empty,
            n.Element.Loops != null ? (ScalarType)n.Callees[0].ReturnType : ScalarResultOf(n.Element, elementTypes, literals, n.Type.Dtype));
        return (types, literals, elementTypes, sig);
    }

    /// <summary>
    /// One loop over the broadcast shape of a tree of element-wise operations (the leaves are the call's arguments):
    /// each element is computed through the tree by the scalar entries, converted to each node's dtype as NumPy's
    /// temporaries would hold it, and stored once. Broadcasting is checked node by node, innermost first.
    /// </summary>
    private static LLVMValueRef LowerTree(LoweringCall c, ElementwiseNode root)
    {
        var e = c.E; var B = e.B; var M = e.M;
        var leaves = c.Args;
        int ndim = root.Type.Ndim;
        // Each leaf's shape is read once, so that checks can see when two axes are the very same value; a number is an
        // operand of shape () (NumPy's messages list it).
        var leafRaw = LeafShapes(e, leaves);
        // Writing into an array (a += b, out=): NumPy broadcasts the inputs with the output, which must have the
        // broadcast shape itself ("non-broadcastable output operand"); an output of fewer dimensions never has it.
        bool outputTooSmall = false;
        LLVMValueRef[] OutputShape(ElementwiseNode n, LLVMValueRef[][] inputs)
        {
            var outRaw = leafRaw[n.OutLeaf];
            var raw = inputs.Append(outRaw).ToArray();
            int nd = raw.Max(s => s.Length);
            var aligned = raw.Select(s => Aligned(e, s, nd)).ToArray();
            var broadcast = BroadcastShape(e, aligned, nd);
            CheckBroadcast(e, raw, aligned, broadcast, n.Span);
            outputTooSmall = nd > outRaw.Length;
            var differs = M.ConstBool(outputTooSmall);
            for (int k = 0; k < nd; k++)
                differs = BuildOr(B, differs, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, aligned[^1][k], broadcast[k], ""), "");
            e.FailIf(differs, () => e.CallRuntime("sj_output_shape_error", StoreShape(e, outRaw.ToList()), M.ConstI64(outRaw.Length),
                StoreShape(e, broadcast.ToList()), M.ConstI64(nd)), n.Span);
            return outRaw;
        }
        var outShapeRoot = NodeShapes(e, root, leafRaw, root.InPlace ? OutputShape : null)[root];

        int outLeaf = root.OutLeaf;
        // The array written in place is the result: a new reference to it, unless the result is never used.
        LLVMValueRef Written(LLVMValueRef v, SjType t) => c.BorrowedResult ? v : e.NewRef(v, t);
        if (outputTooSmall) return Written(leaves[outLeaf].Value, leaves[outLeaf].Type);   // raised above
        if (root.InPlace && ((ArrayType)leaves[outLeaf].Type).Readonly)
        {
            e.RaiseIf(M.ConstBool(true), "ValueError", "output array is read-only", root.Span);
            return Written(leaves[outLeaf].Value, leaves[outLeaf].Type);
        }
        var outType = root.InPlace ? (ArrayType)leaves[outLeaf].Type : root.Type;
        var outArray = root.InPlace ? leaves[outLeaf].Value : ArrayCode.Allocate(e, outType, outShapeRoot, root.Span);
        var outData = ArrayCode.Data(e, outArray);
        var outStrides = ArrayCode.Strides(e, outType, outArray);
        var copies = new List<(LLVMValueRef Copy, ArrayType Type)>();
        if (root.InPlace) leaves = leaves.Select((a, k) => k == outLeaf || a.Type is not ArrayType at ? a : UnaliasedOperand(e, a, at, outArray, outType, root.Span, copies)).ToArray();
        var datas = leaves.Select(a => a.Type is ArrayType ? ArrayCode.Data(e, a.Value) : default).ToArray();
        var leafShapes = leaves.Select((a, k) => a.Type is ArrayType ? Aligned(e, leafRaw[k], ndim) : null).ToArray();   // a copy has its operand's shape

        // Fast path: every array leaf is contiguous in the result's order (C, or Fortran) with its shape, so one flat
        // loop over the elements.
        bool flatPossible = outType.Layout != ArrayLayout.A && leaves.All(a => a.Type is not ArrayType at || at.Layout == outType.Layout && at.Ndim == ndim);
        var sameShape = M.ConstBool(flatPossible);
        if (flatPossible)
            foreach (var s in leafShapes.Where(s => s != null))
                for (int k = 0; k < ndim; k++)
                    if (s![k] != outShapeRoot[k]) sameShape = BuildAnd(B, sameShape, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, s![k], outShapeRoot[k], ""), "");
        // A new output shares no memory with the operands: say so, so loops vectorise without overlap checks.
        var fresh = root.InPlace ? null : new AliasScope(M);
        // The loops take what they read as parameters: in a parallel function they are emitted into a chunk function
        // (RunInChunks), over part of the elements or of the rows, with the values passed to it.
        LLVMValueRef FlatElement(LoweredArg[] operands, LLVMValueRef[] data, LLVMValueRef at) =>
            EvalElement(e, root, operands, k => ArrayCode.Load(e, ElementOf(operands[k].Type), ElementAt(e, ElementOf(operands[k].Type), data[k], at), fresh));
        void FlatLoop(LLVMValueRef start, LLVMValueRef count, LoweredArg[] operands, LLVMValueRef[] data, LLVMValueRef output) =>
            ArrayCode.Loop(e, count, i =>
            {
                var at = start.Handle == 0 ? i : BuildNSWAdd(B, start, i, "");
                ArrayCode.Store(e, outType.Dtype, ElementAt(e, outType.Dtype, output, at), FlatElement(operands, data, at), fresh);
            }, elementwise: true);
        bool parallel = RunsInParallel(c, root);
        void Flat()
        {
            var size = ArrayCode.Size(e, outShapeRoot);
            if (!parallel && fresh != null && ndim > 0 && StreamingStores.VectorBytes(M) is > 0 and var vectorBytes && MemoryBound(root) && (e.CanDefer || !M.Options.DeferColdCode))
            {
                // A result too large for the cache: streaming stores, in a version compiled when first needed (in
                // place in code compiled whole, for the disk cache).
                int bytesPerElement = ArrayCode.ItemSize(outType.Dtype) + leaves.Where(a => a.Type is ArrayType).DistinctBy(a => a.Value.Handle)
                    .Sum(a => ArrayCode.ItemSize(((ArrayType)a.Type).Dtype));
                var large = BuildICmp(B, LLVMIntPredicate.LLVMIntSGE, size, M.ConstI64(StreamingStores.MinimumElements(bytesPerElement)), "");
                e.When(e.Expect(large, false), () => e.Deferred("stream", LeafFields().Prepend(outData).Append(size).ToArray(), loaded =>
                {
                    var operands = OperandsFrom(loaded.Skip(1).Take(leaves.Length).ToArray());
                    var data = DataFrom(loaded.Skip(1).Take(leaves.Length).ToArray());
                    StreamingStores.Loop(e, outType.Dtype, vectorBytes, loaded[0], loaded[^1], (buffer, start, count) =>
                        ArrayCode.Loop(e, count, i => ArrayCode.Store(e, outType.Dtype, ElementAt(e, outType.Dtype, buffer, i),
                            FlatElement(operands, data, BuildNUWAdd(B, start, i, ""))), elementwise: true),
                        (start, count) => FlatLoop(start, count, operands, data, loaded[0]));
                }, root.Span), () => FlatLoop(default, size, leaves, datas, outData));
                return;
            }
            if (!parallel) { FlatLoop(default, size, leaves, datas, outData); return; }
            RunInChunks(e, LeafFields().Prepend(outData).ToArray(), size, size, (loaded, lo, hi) =>
                FlatLoop(lo, BuildSub(B, hi, lo, ""), OperandsFrom(loaded.Skip(1).ToArray()), DataFrom(loaded.Skip(1).ToArray()), loaded[0]));
        }
        // In a chunk the leaves are fields of its context (an array's data pointer, a number's value), loaded there.
        LLVMValueRef[] LeafFields() => leaves.Select((a, k) => a.Type is ArrayType ? datas[k] : a.Value).ToArray();
        LoweredArg[] OperandsFrom(LLVMValueRef[] loaded) =>
            leaves.Select((a, k) => a.Type is ArrayType ? a : new LoweredArg(loaded[k], a.Type, a.Literal)).ToArray();
        LLVMValueRef[] DataFrom(LLVMValueRef[] loaded) => leaves.Select((a, k) => a.Type is ArrayType ? loaded[k] : default).ToArray();
        void Strided()
        {
            // Broadcast axes (length 1 where the result's is longer) step by 0.
            var strides = leaves.Select((a, k) => a.Type is ArrayType at ? BroadcastStrides(e, Aligned(e, ArrayCode.Strides(e, at, a.Value), ndim, zero: true), leafShapes[k]!, outShapeRoot) : null).ToArray();
            // A Fortran-ordered output is walked with its first axis innermost: the loops below see the axes reversed.
            var shape = ArrayCode.InMemoryOrder(outType.Layout, outShapeRoot);
            strides = strides.Select(st => st == null ? null : ArrayCode.InMemoryOrder(outType.Layout, st)).ToArray();
            var outSteps = ArrayCode.InMemoryOrder(outType.Layout, outStrides);
            // In parallel: chunks of rows (the first axis), each with its operands' data moved to its first row. Only
            // where the innermost loop has versions with constant strides: strides the chunk reads from its context
            // are unknown to LLVM, and a loop nest over them stayed scalar (a[::3] in a chunk: 5x the time in order).
            if (!parallel || ndim < 2 || outType.Layout == ArrayLayout.A) { StridedLoops(shape, leaves, datas, strides, outData, outSteps); return; }
            var strideFields = strides.Where(st => st != null).SelectMany(st => st!).Concat(outSteps).Concat(shape.Skip(1)).ToArray();
            RunInChunks(e, LeafFields().Prepend(outData).Concat(strideFields).ToArray(), shape[0], ArrayCode.Size(e, shape), (loaded, lo, hi) =>
            {
                var operands = OperandsFrom(loaded.Skip(1).Take(leaves.Length).ToArray());
                int next = 1 + leaves.Length;
                LLVMValueRef[] Take(int n) { var r = loaded.Skip(next).Take(n).ToArray(); next += n; return r; }
                var chunkStrides = leaves.Select(a => a.Type is ArrayType ? Take(ndim) : null).ToArray();
                var chunkOutStrides = Take(ndim);
                var rows = Take(ndim - 1).Prepend(BuildSub(B, hi, lo, "")).ToArray();
                LLVMValueRef FirstRow(LLVMValueRef data, LLVMValueRef[] st) => BuildGEP2(B, M.I8, data, new[] { BuildMul(B, lo, st[0], "") }, "");
                var data = DataFrom(loaded.Skip(1).ToArray()).Select((d, k) => chunkStrides[k] is { } st ? FirstRow(d, st) : d).ToArray();
                StridedLoops(rows, operands, data, chunkStrides, FirstRow(loaded[0], chunkOutStrides), chunkOutStrides);
            });
        }
        void StridedLoops(LLVMValueRef[] shape, LoweredArg[] operands, LLVMValueRef[] data, LLVMValueRef[]?[] strides, LLVMValueRef output, LLVMValueRef[] outSteps)
        {
            LLVMValueRef Element(Func<int, LLVMValueRef> load) => EvalElement(e, root, operands, load);
            void NestOver(LLVMValueRef[] shape, LoweredArg[] operands, LLVMValueRef[] data, LLVMValueRef[]?[] strides, LLVMValueRef output, LLVMValueRef[] outSteps) =>
                ArrayCode.LoopNest(e, shape, idx =>
                {
                    var v = EvalElement(e, root, operands, k => ArrayCode.Load(e, ElementOf(operands[k].Type), ArrayCode.ElementPointer(e, data[k], strides[k]!, idx), fresh));
                    ArrayCode.Store(e, outType.Dtype, ArrayCode.ElementPointer(e, output, outSteps, idx), v, fresh);
                });
            void Nest() => NestOver(shape, operands, data, strides, output, outSteps);
            // Behind the versions below, the general nest runs only for operands strided otherwise (a[:, ::2]): it is
            // compiled on first use, its inputs passed as fields (each array's data or number, output, strides,
            // steps, shape, and the 0-d arrays, whose element an element-wise op may read from the array itself).
            void DeferredNest()
            {
                var zeroD = Enumerable.Range(0, operands.Length).Where(k => operands[k].Type is ArrayType { Ndim: 0 }).ToArray();
                var fields = operands.Select((a, k) => a.Type is ArrayType ? data[k] : a.Value).Append(output)
                    .Concat(strides.Where(st => st != null).SelectMany(st => st!)).Concat(outSteps).Concat(shape)
                    .Concat(zeroD.Select(k => operands[k].Value)).ToArray();
                e.Deferred("nest", fields, loaded =>
                {
                    int next = operands.Length + 1;
                    LLVMValueRef[] Take(int n) { var r = loaded.Skip(next).Take(n).ToArray(); next += n; return r; }
                    var st = strides.Select(x => x == null ? null : Take(x.Length)).ToArray();
                    var steps = Take(outSteps.Length);
                    var rows = Take(shape.Length);
                    // An array of dimensions is read through its data and strides only: its own value is not a field.
                    var ops = operands.Select((a, k) => a.Type is ArrayType { Ndim: > 0 } ? a : new LoweredArg(loaded[k], a.Type, a.Literal)).ToArray();
                    foreach (var k in zeroD) ops[k] = new LoweredArg(Take(1)[0], operands[k].Type, operands[k].Literal);
                    var d = operands.Select((a, k) => a.Type is ArrayType ? loaded[k] : default).ToArray();
                    NestOver(rows, ops, d, st, loaded[operands.Length], steps);
                }, c.Span);
            }
            if (outType.Layout == ArrayLayout.A || ndim < 2) { Nest(); return; }
            // Versions of the innermost loop whose strides are constants, so that LLVM vectorises it: every array
            // operand contiguous along the last axis, or all but one (broadcast along it: a * b[:, None],
            // a - a.mean(axis=1, keepdims=True)); other strides take the loop nest above. With run-time strides the
            // loop stayed scalar (1.2x-1.35x NumPy's time).
            int inner = ndim - 1;
            var arrays = Enumerable.Range(0, operands.Length).Where(k => operands[k].Type is ArrayType).ToArray();
            var patterns = new List<int?> { null };
            // (one broadcast operand among at most three: a version each; stencils with many operands get one, all
            // contiguous, which kept their compile time within about a third of the loop nest's alone)
            if (arrays.Length is > 1 and <= 3) patterns.AddRange(arrays.Select(k => (int?)k));
            var done = e.NewBlock("broadcast_done");
            foreach (var zero in patterns)
            {
                var cond = M.ConstBool(true);
                foreach (var k in arrays)
                {
                    var step = strides[k]![inner];
                    var want = k == zero ? M.ConstI64(0) : M.ConstI64(ArrayCode.ItemSize(ElementOf(operands[k].Type)));
                    cond = BuildAnd(B, cond, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, step, want, ""), "");
                }
                var version = e.NewBlock("broadcast_inner"); var next = e.NewBlock("broadcast_next");
                BuildCondBr(B, cond, version, next);
                PositionBuilderAtEnd(B, version);
                ArrayCode.LoopNest(e, shape.Take(inner).ToArray(), idx =>
                {
                    var rows = data.Select((d, k) => operands[k].Type is ArrayType ? ArrayCode.ElementPointer(e, d, strides[k]!, idx) : default).ToArray();
                    var outRow = ArrayCode.ElementPointer(e, output, outSteps, idx);
                    ArrayCode.Loop(e, shape[inner], i =>
                    {
                        var v = Element(k => ArrayCode.Load(e, ElementOf(operands[k].Type), k == zero ? rows[k] : ElementAt(e, ElementOf(operands[k].Type), rows[k], i), fresh));
                        ArrayCode.Store(e, outType.Dtype, ElementAt(e, outType.Dtype, outRow, i), v, fresh);
                    }, elementwise: true);
                });
                BuildBr(B, done);
                PositionBuilderAtEnd(B, next);
            }
            DeferredNest();
            BuildBr(B, done);
            PositionBuilderAtEnd(B, done);
        }
        void Loops()
        {
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
        }
        // Integer division by numbers known only at run time: where each is positive, the loops divide by multiplying
        // or shifting (DivisionByInvariant); otherwise (0 and negative divisors), and in exported code, element by element.
        var divisors = M.Options.Standalone ? new List<int>() : RunTimeDivisors(root, leaves);
        if (divisors.Count == 0) Loops();
        else
        {
            var plans = new Dictionary<int, (LLVMValueRef Magic, LLVMValueRef Shift)>();
            var usable = M.ConstBool(true);
            foreach (var k in divisors)
            {
                var d = e.Convert(leaves[k].Value, (ScalarType)leaves[k].Type, ScalarType.Int64);
                var magic = e.CallRuntime("sj_divisor_magic", d);
                // floor(log2 d): l - 1 for a multiplier, the shift itself for a power of two (multiplier 0)
                var shift = BuildSub(B, M.ConstI64(63), e.Intrinsic("llvm.ctlz", new[] { M.I64 }, d, M.ConstBool(false)), "");
                plans[k] = (magic, shift);
                usable = BuildAnd(B, usable, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, d, M.ConstI64(0), ""), "");
            }
            var byMultiplier = e.NewBlock("divide_by_multiplier"); var byDivision = e.NewBlock("divide_each"); var done = e.NewBlock("divide_done");
            BuildCondBr(B, usable, byMultiplier, byDivision);
            PositionBuilderAtEnd(B, byMultiplier);
            e.DivisorMagic = plans;
            try { Loops(); }
            finally { e.DivisorMagic = null; }
            BuildBr(B, done);
            PositionBuilderAtEnd(B, byDivision); Loops(); BuildBr(B, done);
            PositionBuilderAtEnd(B, done);
        }
        foreach (var (copy, type) in copies) { e.ReleaseTemporary(copy); TypeModel.Of(type).DecRef(e, copy); }
        return root.InPlace ? Written(outArray, outType) : outArray;
    }

    /// <summary>The operations cheap enough that a large array's loop over them waits on memory, not on arithmetic:
    /// only those take streaming stores. Others (division, powers, exp, sqrt ...) keep the loop busy computing, where
    /// the streaming version would only add compile time (measured: np.exp and np.sqrt unchanged by it).</summary>
    private static readonly HashSet<string> MemoryBoundUFuncs = new()
    {
        "add", "subtract", "multiply", "negative", "positive", "absolute", "fabs", "square", "conjugate", "maximum",
        "minimum", "fmax", "fmin", "greater", "greater_equal", "less", "less_equal", "equal", "not_equal", "logical_and",
        "logical_or", "logical_xor", "logical_not", "bitwise_and", "bitwise_or", "bitwise_xor", "invert", "left_shift",
        "right_shift", "where", "clip", "copysign", "sign", "isnan", "isinf", "isfinite", "signbit",
    };

    private static bool MemoryBound(ElementwiseNode n) =>
        MemoryBoundUFuncs.Contains(n.UFunc) && n.Operands.All(o => o is not ElementwiseNode child || MemoryBound(child));

    /// <summary>One element of a tree: the leaves' elements (read by <paramref name="load"/> for array leaves; numbers
    /// as they are) through the scalar entries, each node's value converted to its dtype as NumPy's temporaries hold it.</summary>
    private static LLVMValueRef EvalElement(FunctionEmitter e, ElementwiseNode n, LoweredArg[] leaves, Func<int, LLVMValueRef> load)
    {
        Diagnostics.CompileDepth.EnsureStack();
        var (types, literals, elementTypes, sig) = NodeSignature(n, leaves.Select(l => l.Type).ToArray(), leaves.Select(l => l.Literal).ToArray());
        var scalarResult = (ScalarType)sig.Result;
        var args = n.Operands.Select((o, k) =>
        {
            LLVMValueRef v; ScalarType from;
            if (o is ElementwiseNode child) { v = EvalElement(e, child, leaves, load); from = child.Type.Dtype; }
            else if (leaves[(int)o].Type is ArrayType at) { v = load((int)o); from = at.Dtype; }
            else { v = leaves[(int)o].Value; from = (ScalarType)leaves[(int)o].Type; }
            return new LoweredArg(e.Convert(v, from, elementTypes[k]), elementTypes[k], literals[k]);
        }).ToArray();
        // float32 arithmetic stays in single precision: the same results as computing in double and rounding
        // once (exact for + - * /), at twice the vector width.
        if (n.Type.Dtype == ScalarType.Float32 && elementTypes.All(t => t == ScalarType.Float32) && SinglePrecisionOps.TryGetValue(n.UFunc, out var op))
            return op(e.B, args[0].Value, args[1].Value);
        if (RuntimeIntComparison(e, n, leaves, literals, elementTypes, args) is { } exact) return e.Convert(exact, ScalarType.Bool, n.Type.Dtype);
        // The element of an array's loop may call libmvec's vector math (a 0-d result, as a number, keeps libm's).
        bool wasInArrayLoop = e.InArrayLoop;
        e.InArrayLoop = n.Type.Ndim > 0;
        try
        {
            var r = FastScalarPower(e, n, types, leaves, args, scalarResult, () => n.Element.Lower(new LoweringCall(e, sig, n.Span, args, n.Callees)))
                ?? DivisionByInvariant(e, n, elementTypes, literals, args)
                ?? n.Element.Lower(new LoweringCall(e, sig, n.Span, args, n.Callees));
            return e.Convert(r, scalarResult, n.Type.Dtype);
        }
        finally { e.InArrayLoop = wasInArrayLoop; }
    }

    /// <summary>Elements from which a parallel function's whole-array expression runs on the thread pool: below, the
    /// chunks' hand-off (tens of µs) costs more than the second core saves.</summary>
    private const long ParallelElements = 1 << 16;

    /// <summary>Whether a fused expression of a function compiled with parallel=True is split over the cores (as Numba's
    /// parfors split array expressions): no element may raise (chunks would then have to agree on the first error), the
    /// tree calls no compiled function (chunk functions are emitted beside the caller, without its frame) and divides by
    /// no number known only at run time (its multiplier is worked out in the caller).</summary>
    private static bool RunsInParallel(LoweringCall c, ElementwiseNode root) =>
        c.E.Spec.Function.Parallel && !c.E.M.Options.Standalone
        && !Passes.ArrayFusion.Nodes(root).Any(n => n.Callees.Count > 0) && RunTimeDivisors(root, c.Args).Count == 0
        && !ElementwiseMayRaise(root, c.Args.Select(a => a.Type).ToArray(), c.Args.Select(a => a.Literal).ToArray());

    /// <summary>
    /// Work over [0, count) (elements, or rows) emitted by body as a chunk function <c>i32 (ptr context, ptr, i64 chunk,
    /// i64 lo, i64 hi, i64)</c> (the trampoline type of prange loops, Runtime/ParallelLoops.cs) that reads fields from its
    /// context: run on the thread pool when there are at least <see cref="ParallelElements"/> elements, else called once
    /// over all of it.
    /// </summary>
    private static void RunInChunks(FunctionEmitter e, LLVMValueRef[] fields, LLVMValueRef count, LLVMValueRef elements,
        Action<LLVMValueRef[], LLVMValueRef, LLVMValueRef> body) =>
        RunInChunks(e, fields, count, Chunking(e, count, elements), (loaded, _, lo, hi) => body(loaded, lo, hi));

    /// <summary>How work over [0, count) of this many elements is cut: on the thread pool (Large) in its number of
    /// chunks, else one chunk.</summary>
    private static (LLVMValueRef Large, LLVMValueRef Chunks) Chunking(FunctionEmitter e, LLVMValueRef count, LLVMValueRef elements)
    {
        var M = e.M;
        var large = BuildICmp(e.B, LLVMIntPredicate.LLVMIntSGE, elements, M.ConstI64(ParallelElements), "");
        return (large, e.IfElse(large, M.I64, () => e.CallRuntime("sj_prange_chunks", M.ConstI64(0), count, M.ConstI64(1)), () => M.ConstI64(1)));
    }

    /// <summary>RunInChunks with the chunking given, the body also told its chunk's number.</summary>
    private static void RunInChunks(FunctionEmitter e, LLVMValueRef[] fields, LLVMValueRef count, (LLVMValueRef Large, LLVMValueRef Chunks) chunking,
        Action<LLVMValueRef[], LLVMValueRef, LLVMValueRef, LLVMValueRef> body)
    {
        var B = e.B; var M = e.M;
        var contextType = StructTypeInContext(M.Ctx, fields.Select(TypeOf).ToArray(), false);
        var context = e.Alloca(contextType);
        for (int k = 0; k < fields.Length; k++) BuildStore(B, fields[k], BuildStructGEP2(B, contextType, context, (uint)k, ""));
        var chunkType = ParallelTrampolineType(M);
        var chunk = AddFunction(M.Module, $"{e.Spec.Function.Name}.array_chunk", chunkType);
        SetLinkage(chunk, LLVMLinkage.LLVMInternalLinkage);
        e.EmitAside(chunk, () =>
        {
            var at = GetParam(chunk, 0);
            // Constants (a contiguous axis' stride, a literal) are used as they are: a stride read from memory left
            // the loop gathering and scattering (ten times slower than a[::3]'s known stride)
            var loaded = Enumerable.Range(0, fields.Length).Select(k => IsConstant(fields[k]) != 0 ? fields[k]
                : BuildLoad2(B, TypeOf(fields[k]), BuildStructGEP2(B, contextType, at, (uint)k, ""), "")).ToArray();
            body(loaded, GetParam(chunk, 2), GetParam(chunk, 3), GetParam(chunk, 4));
            BuildRet(B, ConstInt(M.I32, 0, 0));
        });
        var zero = M.ConstI64(0); var one = M.ConstI64(1);
        e.IfElse(chunking.Large, M.I32,
            () => e.CallRuntime("sj_prange_run", chunk, context, ConstPointerNull(M.Ptr), chunking.Chunks, zero, count, one),
            () => BuildCall2(B, chunkType, chunk, new[] { context, ConstPointerNull(M.Ptr), zero, zero, count, one }, ""));
    }

    /// <summary>An operand of an in-place operation that shares memory with the target other than element for element
    /// (a += a[::-1]) is read from a copy, as NumPy buffers it; the copy (a null meminfo when none was made) is dropped
    /// after the loop.</summary>
    private static LoweredArg UnaliasedOperand(FunctionEmitter e, LoweredArg a, ArrayType at, LLVMValueRef target, ArrayType targetType, Span span,
        List<(LLVMValueRef, ArrayType)> copies)
    {
        var B = e.B; var M = e.M;
        var needCopy = SharesUnevenly(e, a, at, target, targetType);
        var copyType = new ArrayType(at.Dtype, at.Ndim);
        var value = e.IfElse(needCopy, M.Lower(copyType), () => Unheld(e, CopyArray(e, at, a.Value, copyType, span)), () => a.Value);
        var copy = e.InsertValue(value, BuildSelect(B, needCopy, ArrayCode.Meminfo(e, value), ConstPointerNull(M.Ptr), ""), 0);
        e.HoldTemporary(copy, copyType);   // a null meminfo when no copy was made
        copies.Add((copy, copyType));
        return new LoweredArg(value, at.Layout == ArrayLayout.C ? at : at.With(layout: ArrayLayout.A), a.Literal);
    }

    /// <summary>Whether an array shares memory with a target other than element for element (the same elements in the
    /// same order, a += a, need nothing).</summary>
    private static LLVMValueRef SharesUnevenly(FunctionEmitter e, LoweredArg a, ArrayType at, LLVMValueRef target, ArrayType targetType)
    {
        var B = e.B; var M = e.M;
        var shape = ArrayCode.Shape(e, at, a.Value); var strides = ArrayCode.Strides(e, at, a.Value);
        var tShape = ArrayCode.Shape(e, targetType, target); var tStrides = ArrayCode.Strides(e, targetType, target);
        var overlap = Overlaps(e, ArrayCode.Data(e, a.Value), shape, strides, at.ItemSize, ArrayCode.Data(e, target), tShape, tStrides, targetType.ItemSize);
        var same = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, ArrayCode.Data(e, a.Value), ArrayCode.Data(e, target), "");
        if (at.Ndim == targetType.Ndim && at.ItemSize == targetType.ItemSize)
            for (int k = 0; k < at.Ndim; k++)
                same = BuildAnd(B, same, BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, shape[k], tShape[k], ""),
                    BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, strides[k], tStrides[k], ""), ""), "");
        else same = M.ConstBool(false);
        return BuildAnd(B, overlap, BuildNot(B, same, ""), "");
    }

    private static readonly Dictionary<string, Func<LLVMBuilderRef, LLVMValueRef, LLVMValueRef, LLVMValueRef>> SinglePrecisionOps = new()
    {
        ["add"] = (b, x, y) => BuildFAdd(b, x, y, ""), ["subtract"] = (b, x, y) => BuildFSub(b, x, y, ""),
        ["multiply"] = (b, x, y) => BuildFMul(b, x, y, ""), ["true_divide"] = (b, x, y) => BuildFDiv(b, x, y, ""),
    };

    /// <summary>What the element entry returns: NumPy's entries convert to the signature's result themselves (the
    /// array's dtype); Python's operators give what their typing rule gives for the element types.</summary>
    private static ScalarType ScalarResultOf(LibFunc element, ScalarType[] elementTypes, object?[] literals, ScalarType outDtype)
    {
        if (element.Name.StartsWith("numpy.", StringComparison.Ordinal)) return outDtype;
        var args = elementTypes.Select((t, k) => new TypedArg(t, literals[k], null!)).ToArray();
        return (ScalarType)element.Type(CallTypingContext.Detached(args));
    }

    /// <summary>The shape of each leaf (a number's is ()), read once.</summary>
    private static LLVMValueRef[][] LeafShapes(FunctionEmitter e, LoweredArg[] leaves) =>
        leaves.Select(a => a.Type is ArrayType at ? ArrayCode.Shape(e, at, a.Value) : Array.Empty<LLVMValueRef>()).ToArray();

    /// <summary>The broadcast shape of every node of a tree, innermost first, each checked as NumPy checks its
    /// operation's operands. An in-place root's shape is <paramref name="inPlaceRoot"/>'s, given its operands' shapes.</summary>
    private static Dictionary<ElementwiseNode, LLVMValueRef[]> NodeShapes(FunctionEmitter e, ElementwiseNode root, LLVMValueRef[][] leafRaw,
        Func<ElementwiseNode, LLVMValueRef[][], LLVMValueRef[]>? inPlaceRoot)
    {
        var shapes = new Dictionary<ElementwiseNode, LLVMValueRef[]>();
        LLVMValueRef[] RawShape(object o) => o is int k ? leafRaw[k] : shapes[(ElementwiseNode)o];
        void Shapes(ElementwiseNode n)
        {
            Diagnostics.CompileDepth.EnsureStack();
            foreach (var child in n.Operands.OfType<ElementwiseNode>()) Shapes(child);
            int nd = n.Type.Ndim;
            var raw = n.Operands.Select(RawShape).ToArray();
            if (n.InPlace && n == root && inPlaceRoot != null)
            {
                shapes[n] = inPlaceRoot(n, raw);
                return;
            }
            var aligned = raw.Select(s => Aligned(e, s, nd)).ToArray();
            var outShape = n.InPlace ? aligned[0] : BroadcastShape(e, aligned, nd);
            CheckBroadcast(e, raw, aligned, outShape, n.Span);
            shapes[n] = outShape;
        }
        Shapes(root);
        return shapes;
    }

    /// <summary>The shape operands of these (aligned) shapes broadcast to. Nothing to select against a constant 1, and
    /// an axis that is the very same value as the result's adds nothing.</summary>
    private static LLVMValueRef[] BroadcastShape(FunctionEmitter e, LLVMValueRef[][] aligned, int nd)
    {
        var B = e.B; var M = e.M;
        var outShape = Enumerable.Range(0, nd).Select(_ => M.ConstI64(1)).ToArray();
        foreach (var s in aligned)
            for (int k = 0; k < nd; k++)
                outShape[k] = FunctionEmitter.ConstantIntOf(s[k]) == 1 ? outShape[k]
                    : FunctionEmitter.ConstantIntOf(outShape[k]) == 1 || outShape[k] == s[k] ? s[k]
                    : BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, s[k], M.ConstI64(1), ""), outShape[k], s[k], "");
        return outShape;
    }

    /// <summary>NumPy's broadcast error unless every operand's axis equals the result's or is 1 (nothing to check for the
    /// result's own value or a constant 1).</summary>
    private static void CheckBroadcast(FunctionEmitter e, LLVMValueRef[][] raw, LLVMValueRef[][] aligned, LLVMValueRef[] outShape, Span span)
    {
        var B = e.B; var M = e.M;
        var bad = M.ConstBool(false);
        foreach (var s in aligned)
            for (int k = 0; k < outShape.Length; k++)
                if (s[k] != outShape[k] && FunctionEmitter.ConstantIntOf(s[k]) != 1)
                    bad = BuildOr(B, bad, BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, s[k], outShape[k], ""),
                        BuildICmp(B, LLVMIntPredicate.LLVMIntNE, s[k], M.ConstI64(1), ""), ""), "");
        BroadcastError(e, raw, bad, span);
    }

    private static LLVMValueRef[] Aligned(FunctionEmitter e, LLVMValueRef[] dims, int ndim, bool zero = false) =>
        Enumerable.Repeat(e.M.ConstI64(zero ? 0 : 1), ndim - dims.Length).Concat(dims).ToArray();

    /// <summary>The strides of an operand over the result's shape: 0 along its axes of length 1. An axis that is the
    /// result's own length value needs no select (if it is 1, only index 0 is read).</summary>
    private static LLVMValueRef[] BroadcastStrides(FunctionEmitter e, LLVMValueRef[] strides, LLVMValueRef[] shape, LLVMValueRef[] outShape) =>
        strides.Select((s, k) => shape[k] == outShape[k] || FunctionEmitter.ConstantIntOf(shape[k]) is { } n && n != 1 ? s
            : BuildSelect(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, shape[k], e.M.ConstI64(1), ""), e.M.ConstI64(0), s, "")).ToArray();

    /// <summary>ValueError "operands could not be broadcast together with shapes (3,) (4,) " when bad is true.</summary>
    private static void BroadcastError(FunctionEmitter e, IReadOnlyList<LLVMValueRef[]> shapes, LLVMValueRef bad, Span span)
    {
        var M = e.M;
        e.FailIf(bad, () => e.CallRuntime("sj_broadcast_error", StoreShape(e, shapes.SelectMany(s => s).ToList()),
            StoreShape(e, shapes.Select(s => M.ConstI64(s.Length)).ToList()), M.ConstI64(shapes.Count)), span);
    }
}

/// <summary>One operation of an element-wise expression tree: its ufunc, the scalar entry computing an element, its
/// result type, and operands that are other nodes or leaves (indexes into the fused instruction's arguments).</summary>
public sealed record ElementwiseNode(string UFunc, LibFunc Element, ArrayType Type, object[] Operands, bool InPlace, Span Span,
    IReadOnlyList<Specialization> Callees)
{
    /// <summary>When InPlace: the leaf written into (the first operand for a += b; an extra leaf for out=).</summary>
    public int OutLeaf { get; init; }

    public override string ToString()
    {
        Diagnostics.CompileDepth.EnsureStack();
        return $"({UFunc}{(InPlace ? "=" : "")} {string.Join(" ", Operands.Select(o => o is int k ? $"${k}" : o.ToString()))})";
    }
}
