using System.Runtime.CompilerServices;
using SharpJit.Binding;
using SharpJit.Llvm;
using SharpJit.Typing;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// Calls of a <c>@vectorize</c> function in compiled code: a ufunc whose element entry calls the compiled function, so
/// that it broadcasts, takes out=, fuses with the operators around it and vectorises as NumPy's own ufuncs do here.
/// Numbers alone call the function once (converted to the loop's types, as the ufunc would).
/// </summary>
public static unsafe partial class Builtins
{
    private static readonly ConditionalWeakTable<FunctionInfo, LibFunc> VectorizedEntries = new();

    /// <summary>The registry entry of calls to a @vectorize function.</summary>
    public static LibFunc Vectorized(FunctionInfo fn) => VectorizedEntries.GetValue(fn, MakeVectorized);

    private static LibFunc MakeVectorized(FunctionInfo fn)
    {
        var info = VectorizeInfo.Of(fn)!;
        string ufunc = fn.Name;
        var declared = info.Loops.Select(l => new NumPyPromotion.UFuncLoop(l.In, new[] { l.Out })).ToList();
        var element = new LibFunc($"vectorize.{fn.QualName}.element", c => c.Require(fn, c.Types).ReturnType,
            c => c.CallCompiled(0, c.Args.Select(a => a.Value).ToArray()), LibFunc.Always)
        {
            AcceptsNarrow = true,
            Loops = (types, literals) =>
            {
                if (info.IsLazy) return (new NumPyPromotion.UFuncLoop(types.Select(ElementOf).ToArray(), Array.Empty<ScalarType>()), null);
                var (inputs, isArray) = Operands(types, literals);
                return NumPyPromotion.ResolveDeclaredLoop(ufunc, declared, inputs, isArray);
            },
        };
        var entry = new LibFunc($"vectorize.{fn.QualName}", c => VectorizedType(c, fn, info, ufunc, element),
            c => LowerVectorized(c, ufunc, element), LibFunc.Always) { AcceptsNarrow = true };
        entry.Elementwise = (ufunc, element, false);
        return entry;
    }

    private static SjType VectorizedType(CallTypingContext c, FunctionInfo fn, VectorizeInfo info, string ufunc, LibFunc element)
    {
        if (c.Positional.Length != fn.Params.Count)
            throw c.Error($"{fn.Name}() is a ufunc of {fn.Params.Count} input(s), called with {c.Positional.Length}", "pass one operand per parameter");
        foreach (var k in c.Keywords.Keys)
            if (k != "out") throw c.Error($"{fn.Name}() does not take {k}= in compiled code", "a @vectorize function takes its operands and out=");
        foreach (var a in c.Positional)
            if (a.Type is not (ArrayType or ScalarType))
                throw c.ErrorAt(a, $"{fn.Name}() applies to arrays and numbers, not to {TypeOps.WithArticle(a.Type)}",
                    a.Type is TupleType or ListType ? "make an array of it first with np.array(...)" : null);
        // The function typed for the loop's inputs (no loop: ElementwiseType raises NumPy's TypeError). Without
        // signatures its return type is the loop's output: known once the function is typed (not yet inside a cycle of
        // calls, where inference comes back here).
        var loop = Loop(ufunc, element, c.Types, c.Positional.Select(a => a.Literal).ToArray(), out _);
        var returned = loop == null ? SimpleType.Unknown : c.Require(fn, loop.In.Cast<SjType>().ToArray()).ReturnType;
        if (returned == SimpleType.Unknown)
        {
            if (loop != null && info.IsLazy) return SimpleType.Unknown;
        }
        else if (info.IsLazy && returned is not ScalarType)
            throw c.Error($"{fn.Name}() returns {TypeOps.WithArticle(returned)} for ({string.Join(", ", loop!.In.Select(t => t.Name))}): "
                + "a @vectorize function returns a number for each element", "return one number from every path of the function");
        else if (!info.IsLazy && (returned is not ScalarType { } s || s.Rank == 3 && loop!.Out[0].Rank < 3))
            throw c.Error($"{fn.Name}() returns {TypeOps.WithArticle(returned)} for its signature {info.Loops.First(l => l.In.SequenceEqual(loop!.In))}, which does not convert to {loop!.Out[0].Name}",
                "declare the output type the function returns");
        return c.Keywords.ContainsKey("out") ? ElementwiseOutType(c, ufunc, element) : ElementwiseResult(c, ufunc, element);
    }

    /// <summary>Numbers alone: one call, the operands converted to the loop's types and the result to its output.
    /// Arrays: the element-wise loop (and 0-d arrays read through it, as NumPy's ufuncs return a scalar for them).</summary>
    private static LLVMValueRef LowerVectorized(LoweringCall c, string ufunc, LibFunc element)
    {
        if (c.Keywords.ContainsKey("out")) return LowerElementwiseOut(c, ufunc, element);
        if (c.ResultType is not ScalarType result || c.Args.Any(a => a.Type is ArrayType)) return LowerElementwise(c, ufunc, element, inPlace: false);
        var loop = Loop(ufunc, element, c.Args.Select(a => a.Type).ToArray(), c.Args.Select(a => a.Literal).ToArray(), out _)!;
        var spec = c.Callees[0];
        var args = c.Args.Select((a, k) => c.E.Convert(a.Value, a.Type, loop.In[k])).ToArray();
        return c.E.Convert(c.CallCompiled(0, args), spec.ReturnType, result);
    }
}
