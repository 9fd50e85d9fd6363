using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// <c>np.einsum(subscripts, *operands)</c> with the subscripts a string constant, parsed while typing as NumPy 1.24's
/// c_einsum parses them (explicit <c>-&gt;</c> output or the implicit one, <c>...</c> for broadcast axes, a label repeated in
/// one operand for its diagonal): one loop per label, the summed labels inside the output's, innermost the label along
/// which most operands are contiguous (a vectorised loop: an output row, or a summed line added in a register with the
/// additions reassociated, as NumPy's einsum kernels reassociate them), each product added to its output element.
/// Axes of length 1 broadcast, as NumPy's iterator broadcasts them.
/// </summary>
public static unsafe partial class Builtins
{
    /// <summary>A parsed einsum: each operand's label per axis, the output's labels, the labels' names for messages,
    /// and the loop order (the output's labels, the summed ones, the innermost last).</summary>
    private sealed record EinsumPlan(int[][] Inputs, int[] Output, List<string> Names, int[] LoopOrder);

    private static void RegisterEinsum()
    {
        Add("numpy.einsum", c =>
        {
            var (plan, operands) = PlanEinsum(c);
            var dtype = EinsumDtype(operands);
            if (IsEinsumView(plan, operands)) return operands[0].With(ndim: plan.Output.Length, layout: ArrayLayout.A);
            return plan.Output.Length == 0 ? dtype : new ArrayType(dtype, plan.Output.Length);
        }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            var operands = Enumerable.Range(1, c.Args.Length - 1).Select(k => (ArrayType)c.ArgType(k)).ToArray();
            var plan = ParseEinsum((string)c.Args[0].Literal!, operands, message => throw new InvalidOperationException(message));
            var dtype = EinsumDtype(operands);
            int labels = plan.Names.Count;
            // A label repeated in one operand takes its diagonal: those axes must have one length (NumPy checks these
            // first, as it makes the diagonal views).
            for (int k = 0; k < operands.Length; k++)
                for (int ax = 0; ax < plan.Inputs[k].Length; ax++)
                    for (int bx = 0; bx < ax; bx++)
                        if (plan.Inputs[k][ax] == plan.Inputs[k][bx])
                        {
                            var (da, db) = (ArrayCode.Dim(e, c.Arg(k + 1), bx), ArrayCode.Dim(e, c.Arg(k + 1), ax));
                            int operand = k; long label = plan.Names[plan.Inputs[k][ax]][0];
                            e.FailIf(BuildICmp(B, LLVMIntPredicate.LLVMIntNE, da, db, ""),
                                () => e.CallRuntime("sj_einsum_diagonal_error", M.ConstI64(operand), M.ConstI64(label), da, db), c.Span);
                        }
            // Each label's length: the operands' axes with it agree, or are 1 (broadcast), else NumPy's iterator error.
            var sizes = new LLVMValueRef[labels];
            var bad = M.ConstBool(false);
            for (int l = 0; l < labels; l++)
            {
                LLVMValueRef? size = null;
                for (int k = 0; k < operands.Length; k++)
                    for (int ax = 0; ax < plan.Inputs[k].Length; ax++)
                    {
                        if (plan.Inputs[k][ax] != l) continue;
                        var d = ArrayCode.Dim(e, c.Arg(k + 1), ax);
                        if (size is not { } s) { size = d; continue; }
                        var differ = BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, d, s, ""),
                            BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, d, M.ConstI64(1), ""),
                                BuildICmp(B, LLVMIntPredicate.LLVMIntNE, s, M.ConstI64(1), ""), ""), "");
                        bad = BuildOr(B, bad, differ, "");
                        size = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, s, M.ConstI64(1), ""), d, s, "");
                    }
                sizes[l] = size ?? M.ConstI64(1);
            }
            e.FailIf(bad, () =>
            {
                // Each operand's axes in the iterator's order: the output's labels, then the summed ones.
                var iter = plan.Output.Concat(plan.LoopOrder.Where(l => !plan.Output.Contains(l)).OrderBy(l => plan.Names[l][0])).ToArray();
                var remapped = new List<LLVMValueRef>();
                for (int k = 0; k < operands.Length; k++)
                    foreach (var l in iter)
                        remapped.Add(Array.IndexOf(plan.Inputs[k], l) is var ax and >= 0 ? ArrayCode.Dim(e, c.Arg(k + 1), ax) : M.ConstI64(-1));
                var shapes = Enumerable.Range(0, operands.Length).SelectMany(k => ArrayCode.Shape(e, operands[k], c.Arg(k + 1))).ToList();
                e.CallRuntime("sj_einsum_broadcast_error", StoreShape(e, shapes), StoreShape(e, operands.Select(o => M.ConstI64(o.Ndim)).ToList()),
                    StoreShape(e, remapped), M.ConstI64(iter.Length), M.ConstI64(operands.Length));
            }, c.Span);
            // Strides per operand and label (0 along a broadcast axis; a repeated label's strides added: its diagonal).
            var strides = new LLVMValueRef[operands.Length][];
            var data = new LLVMValueRef[operands.Length];
            for (int k = 0; k < operands.Length; k++)
            {
                strides[k] = Enumerable.Repeat(M.ConstI64(0), labels).ToArray();
                data[k] = ArrayCode.Data(e, c.Arg(k + 1));
                var own = ArrayCode.Strides(e, operands[k], c.Arg(k + 1));
                for (int ax = 0; ax < plan.Inputs[k].Length; ax++)
                {
                    int l = plan.Inputs[k][ax];
                    var broadcast = BuildICmp(B, LLVMIntPredicate.LLVMIntNE, ArrayCode.Dim(e, c.Arg(k + 1), ax), sizes[l], "");
                    strides[k][l] = BuildAdd(B, strides[k][l], BuildSelect(B, broadcast, M.ConstI64(0), own[ax], ""), "");
                }
            }
            if (IsEinsumView(plan, operands))
            {
                // One operand and nothing summed: NumPy's view of it (axes permuted, a repeated label's diagonal).
                var view = ArrayCode.Make(e, (ArrayType)c.ResultType, ArrayCode.Meminfo(e, c.Arg(1)), data[0],
                    plan.Output.Select(l => sizes[l]).ToArray(), plan.Output.Select(l => strides[0][l]).ToArray());
                return e.NewRef(view, c.ResultType);
            }
            var zero = M.Constant(0L, dtype);
            LLVMValueRef? result = null;
            LLVMValueRef resultPtr;
            var outStrides = Enumerable.Repeat(M.ConstI64(0), labels).ToArray();
            if (plan.Output.Length == 0)
            {
                resultPtr = e.Alloca(M.Lower(dtype));
                BuildStore(B, zero, resultPtr);
            }
            else
            {
                var rt = (ArrayType)c.ResultType;
                result = ArrayCode.Allocate(e, rt, plan.Output.Select(l => sizes[l]).ToArray(), c.Span);
                if (plan.Output.Length < labels) Fill(e, rt, result.Value, zero);
                resultPtr = ArrayCode.Data(e, result.Value);
                var own = ArrayCode.Strides(e, rt, result.Value);
                for (int ax = 0; ax < plan.Output.Length; ax++) outStrides[plan.Output[ax]] = own[ax];
            }
            LLVMValueRef Offset(LLVMValueRef[] s, LLVMValueRef[] idx)
            {
                var offset = M.ConstI64(0);
                for (int l = 0; l < labels; l++) offset = BuildAdd(B, offset, BuildMul(B, idx[l], s[l], ""), "");
                return offset;
            }
            if (plan.LoopOrder.Length == 0)
            {
                // 0-d operands only: one product.
                ArrayCode.Store(e, dtype, resultPtr, Product((k, i) => data[k], M.ConstI64(0)));
                return ArrayCode.Load(e, dtype, resultPtr);
            }
            LLVMValueRef Product(Func<int, LLVMValueRef, LLVMValueRef> element, LLVMValueRef i)
            {
                LLVMValueRef? product = null;
                for (int k = 0; k < operands.Length; k++)
                {
                    var x = e.Convert(ArrayCode.Load(e, operands[k].Dtype, element(k, i)), operands[k].Dtype, dtype);
                    product = product is { } q ? EinsumOp(e, c.Span, Operator.Mult, q, x, dtype) : x;
                }
                return product!.Value;
            }
            int last = plan.LoopOrder.Length - 1, inner = plan.LoopOrder[last];
            bool summedInner = !plan.Output.Contains(inner);
            var outer = plan.LoopOrder[..last];
            ArrayCode.LoopNest(e, outer.Select(l => sizes[l]).ToArray(), positions =>
            {
                var idx = Enumerable.Repeat(M.ConstI64(0), labels).ToArray();
                for (int j = 0; j < positions.Length; j++) idx[outer[j]] = positions[j];
                var bases = Enumerable.Range(0, operands.Length).Select(k => BuildInBoundsGEP2(B, M.I8, data[k], new[] { Offset(strides[k], idx) }, "")).ToArray();
                var target = BuildInBoundsGEP2(B, M.I8, resultPtr, new[] { Offset(outStrides, idx) }, "");
                // The innermost loop twice: with unit strides (element-typed addresses, which LLVM vectorises) where
                // every operand with the label (and the output) steps one element along it, else with the strides.
                bool Steps(int k) => plan.Inputs[k].Contains(inner);
                var unit = M.ConstBool(true);
                for (int k = 0; k < operands.Length; k++)
                    if (Steps(k)) unit = BuildAnd(B, unit, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, strides[k][inner], M.ConstI64(ArrayCode.ItemSize(operands[k].Dtype)), ""), "");
                if (!summedInner)
                    unit = BuildAnd(B, unit, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, outStrides[inner], M.ConstI64(ArrayCode.ItemSize(dtype)), ""), "");
                void Emit(bool unitStrides)
                {
                    LLVMValueRef Element(int k, LLVMValueRef i) => !Steps(k) ? bases[k]
                        : unitStrides ? ElementAt(e, operands[k].Dtype, bases[k], i)
                        : BuildInBoundsGEP2(B, M.I8, bases[k], new[] { BuildMul(B, i, strides[k][inner], "") }, "");
                    if (summedInner)
                    {
                        // A summed line adds into a register, reassociated as NumPy's einsum kernels reassociate such
                        // a sum, then into the output element.
                        var acc = e.Alloca(M.Lower(dtype));
                        BuildStore(B, ArrayCode.Load(e, dtype, target), acc);
                        ArrayCode.Loop(e, sizes[inner], i =>
                        {
                            var sum = EinsumOp(e, c.Span, Operator.Add, BuildLoad2(B, M.Lower(dtype), acc, ""), Product(Element, i), dtype);
                            BuildStore(B, dtype.Rank == 2 ? Reassociable(sum) : sum, acc);
                        });
                        ArrayCode.Store(e, dtype, target, BuildLoad2(B, M.Lower(dtype), acc, ""));
                        return;
                    }
                    ArrayCode.Loop(e, sizes[inner], i =>
                    {
                        var at = unitStrides ? ElementAt(e, dtype, target, i) : BuildInBoundsGEP2(B, M.I8, target, new[] { BuildMul(B, i, outStrides[inner], "") }, "");
                        // Without summed labels each element is its product (a -0.0 stays one).
                        var value = plan.Output.Length == labels ? Product(Element, i)
                            : EinsumOp(e, c.Span, Operator.Add, ArrayCode.Load(e, dtype, at), Product(Element, i), dtype);
                        ArrayCode.Store(e, dtype, at, value);
                    });
                }
                var fast = e.NewBlock("einsum_unit"); var general = e.NewBlock("einsum_strided"); var done = e.NewBlock("einsum_done");
                BuildCondBr(B, unit, fast, general);
                PositionBuilderAtEnd(B, fast);
                Emit(true);
                BuildBr(B, done);
                PositionBuilderAtEnd(B, general);
                Emit(false);
                BuildBr(B, done);
                PositionBuilderAtEnd(B, done);
            });
            return result ?? ArrayCode.Load(e, dtype, resultPtr);
        });
    }

    /// <summary>Whether NumPy's einsum returns a view: one operand (not 0-d) and no label summed.</summary>
    private static bool IsEinsumView(EinsumPlan plan, ArrayType[] operands) =>
        operands.Length == 1 && plan.Output.Length == plan.Names.Count && plan.Output.Length > 0;

    /// <summary>x op y in the result's dtype; for bools NumPy's einsum ands the factors and ors the products.</summary>
    private static LLVMValueRef EinsumOp(FunctionEmitter e, Diagnostics.Span span, Operator op, LLVMValueRef x, LLVMValueRef y, ScalarType dtype) =>
        dtype == ScalarType.Bool
            ? op == Operator.Mult ? BuildAnd(e.B, x, y, "") : BuildOr(e.B, x, y, "")
            : Arith.LowerBinOp(e, span, op, x, dtype, y, dtype, dtype);

    /// <summary>NumPy's result dtype of einsum: the operands' dtypes promoted.</summary>
    private static ScalarType EinsumDtype(ArrayType[] operands) =>
        NumPyPromotion.ResultType(operands.Select(o => o.Dtype).ToList(), new List<NumPyPromotion.Operand>())!;   // (numeric dtypes always promote)

    private static (EinsumPlan Plan, ArrayType[] Operands) PlanEinsum(CallTypingContext c)
    {
        if (c.Positional.Length < 2 || c.Positional[0].Literal is not string subscripts)
            throw c.Error("np.einsum() takes its subscripts as a string constant, then the operands, in compiled code");
        foreach (var (name, arg) in c.Keywords)
            if (name != "optimize" || arg.Literal is not (bool or string))
                throw c.ErrorAt(arg, name == "optimize" ? "np.einsum(optimize=) takes a constant in compiled code"
                    : $"np.einsum({name}=...) is not supported in compiled code");
        var operands = new ArrayType[c.Positional.Length - 1];
        for (int k = 1; k < c.Positional.Length; k++)
            operands[k - 1] = c.Positional[k].Type as ArrayType
                ?? throw c.ErrorAt(c.Positional[k], "np.einsum() takes arrays as its operands in compiled code", "pass np.asarray(...) of a list or number");
        return (ParseEinsum(subscripts, operands, message => throw c.Error(message)), operands);
    }

    /// <summary>NumPy 1.24's parse of einsum subscripts (its messages through <paramref name="fail"/>): letters per
    /// operand, comma-separated, <c>...</c> for the operand's remaining axes (broadcast against the other operands'
    /// right-aligned), an explicit output after <c>-&gt;</c> or the implicit one (the broadcast axes, then the labels used
    /// once, in alphabetical order).</summary>
    private static EinsumPlan ParseEinsum(string subscripts, ArrayType[] operands, Action<string> fail)
    {
        var text = subscripts.Replace(" ", "");
        int arrow = text.IndexOf("->", StringComparison.Ordinal);
        var inputs = (arrow < 0 ? text : text[..arrow]).Split(',');
        string? output = arrow < 0 ? null : text[(arrow + 2)..];
        if (inputs.Length > operands.Length) fail("fewer operands provided to einstein sum function than specified in the subscripts string");
        if (inputs.Length < operands.Length) fail("more operands provided to einstein sum function than specified in the subscripts string");
        var names = new List<string>();
        int Label(char ch)
        {
            if (!char.IsAsciiLetter(ch)) fail($"invalid subscript '{ch}' in einstein sum subscripts string, subscripts must be letters");
            int at = names.IndexOf(ch.ToString());
            if (at >= 0) return at;
            names.Add(ch.ToString());
            return names.Count - 1;
        }
        // Letters and where each operand's ellipsis stands (its broadcast axes are labelled after the letters).
        var letters = new List<int>[operands.Length];
        var ellipsisAt = new int[operands.Length];
        int broadcastDims = 0;
        for (int k = 0; k < operands.Length; k++)
        {
            letters[k] = new List<int>();
            ellipsisAt[k] = -1;
            var s = inputs[k];
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '.')
                {
                    if (ellipsisAt[k] >= 0 || i + 2 >= s.Length || s[i + 1] != '.' || s[i + 2] != '.')
                        fail($"einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand {k}");
                    ellipsisAt[k] = letters[k].Count;
                    i += 2;
                }
                else letters[k].Add(Label(s[i]));
            }
            int ndim = operands[k].Ndim;
            if (ellipsisAt[k] < 0 && letters[k].Count != ndim)
                fail(letters[k].Count > ndim ? $"einstein sum subscripts string contains too many subscripts for operand {k}"
                    : $"operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
            if (ellipsisAt[k] >= 0 && letters[k].Count > ndim) fail($"einstein sum subscripts string contains too many subscripts for operand {k}");
            if (ellipsisAt[k] >= 0) broadcastDims = Math.Max(broadcastDims, ndim - letters[k].Count);
        }
        // The broadcast axes as labels of their own, right-aligned across operands.
        var broadcastLabels = new int[broadcastDims];
        for (int j = 0; j < broadcastDims; j++) { names.Add($"...{j}"); broadcastLabels[j] = names.Count - 1; }
        var perAxis = new int[operands.Length][];
        for (int k = 0; k < operands.Length; k++)
        {
            if (ellipsisAt[k] < 0) { perAxis[k] = letters[k].ToArray(); continue; }
            int own = operands[k].Ndim - letters[k].Count;
            perAxis[k] = letters[k].Take(ellipsisAt[k]).Concat(broadcastLabels.Skip(broadcastDims - own)).Concat(letters[k].Skip(ellipsisAt[k])).ToArray();
        }
        var counts = new int[names.Count];
        foreach (var axes in perAxis) foreach (var l in axes) counts[l]++;
        List<int> outLabels;
        if (output == null)
            outLabels = broadcastLabels.Concat(Enumerable.Range(0, names.Count)
                .Where(l => !broadcastLabels.Contains(l) && counts[l] == 1).OrderBy(l => names[l][0])).ToList();
        else
        {
            outLabels = new List<int>();
            bool sawEllipsis = false;
            for (int i = 0; i < output.Length; i++)
            {
                if (output[i] == '.')
                {
                    if (sawEllipsis || i + 2 >= output.Length || output[i + 1] != '.' || output[i + 2] != '.')
                        fail("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
                    sawEllipsis = true;
                    outLabels.AddRange(broadcastLabels);
                    i += 2;
                    continue;
                }
                int at = names.IndexOf(output[i].ToString());
                if (!char.IsAsciiLetter(output[i])) fail($"invalid subscript '{output[i]}' in einstein sum subscripts string, subscripts must be letters");
                if (at < 0) fail($"einstein sum subscripts string included output subscript '{output[i]}' which never appeared in an input");
                if (outLabels.Contains(at)) fail($"einstein sum subscripts string includes output subscript '{output[i]}' multiple times");
                outLabels.Add(at);
            }
            if (!sawEllipsis && broadcastDims > 0)
                fail("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
        }
        // The summed labels in NumPy's order (its iterator takes them by character code); innermost, the label most
        // operands (and the C-ordered output) have as their axis contiguous in memory, the output's last on a tie.
        var summed = Enumerable.Range(0, names.Count).Where(l => !outLabels.Contains(l)).OrderBy(l => names[l][0]).ToList();
        int Contiguous(int l) =>
            Enumerable.Range(0, operands.Length).Count(k => perAxis[k].Length > 0
                && (operands[k].Layout == ArrayLayout.C && perAxis[k][^1] == l || operands[k].Layout == ArrayLayout.F && perAxis[k][0] == l))
            + (outLabels.Count > 0 && outLabels[^1] == l ? 1 : 0);
        var candidates = (outLabels.Count > 0 ? new[] { outLabels[^1] } : Array.Empty<int>()).Concat(Enumerable.Reverse(summed)).ToList();
        int? inner = candidates.Count == 0 ? null : candidates.OrderByDescending(Contiguous).First();   // (a stable sort: ties keep the output's)
        var order = outLabels.Where(l => l != inner).Concat(summed.Where(l => l != inner)).Concat(inner is { } innermost ? new[] { innermost } : Array.Empty<int>()).ToArray();
        return new EinsumPlan(perAxis, outLabels.ToArray(), names, order);
    }
}
