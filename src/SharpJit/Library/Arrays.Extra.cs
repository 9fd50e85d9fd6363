using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>A submodule of a module compiled code knows, such as numpy.linalg: reading <c>np.linalg</c> gives a module
/// value whose attributes are the registry's <c>numpy.linalg.NAME</c> entries (its functions are written in Python,
/// <c>@overload("numpy.linalg.norm")</c> in Library/py/numpy.py).</summary>
public sealed class LibSubmodule : LibMember
{
    public string Module { get; }
    public LibSubmodule(string module) { Module = module; }
}

/// <summary>An exception class a module defines (numpy.linalg.LinAlgError): compiled code raises and catches it by
/// its qualified name, which CPython's side resolves to the module's class.</summary>
public sealed class LibExceptionClass : LibMember
{
    public string[] Mro { get; }
    public LibExceptionClass(params string[] mro) { Mro = mro; }
}

public static partial class Builtins
{
    /// <summary>np.mgrid[...] and np.ogrid[...] (NumPy's nd_grid): the objects themselves are not callable; indexing
    /// one with a slice or a tuple of up to three slices (int, float or complex parts; a complex step counts points)
    /// calls _sj_grid_slice, _sj_mgrid or _sj_ogrid of Library/py/numpy.py.</summary>
    private static void RegisterGrids()
    {
        foreach (var (name, cls) in new[] { ("mgrid", "MGridClass"), ("ogrid", "OGridClass") })
        {
            Add("numpy." + name, c => throw c.Error($"'{cls}' object is not callable"), c => throw new InvalidOperationException("internal: grid call"), neverRaises: true);
            Add("numpy." + name + ".getitem", c =>
            {
                var key = c.Positional[1];
                var items = key.Type is TupleType tt ? tt.Items.ToArray() : new[] { key.Type };
                if (items.Length == 0 || items.Length > 3 && key.Type is TupleType)
                    throw c.ErrorAt(key, $"np.{name} of {items.Length} slices is not supported in compiled code (one to three)");
                var parts = items.Select(GridParts).ToArray();
                if (parts.Any(p => p == null)) throw c.ErrorAt(key, $"np.{name}[...] takes slices in compiled code");
                if (parts.Any(p => p![1] == null)) throw c.ErrorAt(key, $"np.{name}[...] needs each slice's stop in compiled code");
                if (parts.Any(p => p![0]?.Rank == 3 || p![1]!.Rank == 3))
                    throw c.ErrorAt(key, $"np.{name}[...] with a complex start or stop is not supported in compiled code", "only the step may be complex (a number of points)");
                var typ = parts.Any(p => p!.Any(x => x?.Rank >= 2)) ? ScalarType.Float64 : ScalarType.Int64;
                if (key.Type is not TupleType)
                    return c.Require(PythonLibrary.Function("numpy", "_sj_grid_slice"), typ, typ, typ, ScalarType.Bool).ReturnType;
                var values = new TupleType(Enumerable.Repeat<SjType>(typ, items.Length));
                return c.Require(PythonLibrary.Function("numpy", "_sj_" + name), values, values, values,
                    new TupleType(Enumerable.Repeat<SjType>(ScalarType.Bool, items.Length))).ReturnType;
            }, LowerGrid, mayRaise: _ => true);
        }
    }

    /// <summary>A slice's start, stop and step types (null for None), or null for an index that is not a slice.</summary>
    private static ScalarType?[]? GridParts(SjType t) => t switch
    {
        SliceType s => new[] { s.HasStart ? ScalarType.Int64 : null, s.HasStop ? ScalarType.Int64 : null, s.HasStep ? ScalarType.Int64 : null },
        NumberSliceType ns => ns.Parts.ToArray(),
        _ => null,
    };

    private static LLVMValueRef LowerGrid(LoweringCall c)
    {
        var e = c.E; var M = e.M;
        var keyType = c.ArgType(1);
        var items = keyType is TupleType tt ? tt.Items.ToArray() : new[] { keyType };
        var first = c.Callees[0].ArgTypes[0];
        var typ = (ScalarType)(first is TupleType pt ? pt.Items[0] : first);
        var starts = new List<LLVMValueRef>(); var stops = new List<LLVMValueRef>(); var steps = new List<LLVMValueRef>(); var counts = new List<LLVMValueRef>();
        for (int k = 0; k < items.Length; k++)
        {
            var slice = keyType is TupleType ? e.ExtractValue(c.Arg(1), k) : c.Arg(1);
            var parts = GridParts(items[k])!;
            LLVMValueRef Part(int j, long whenNone) => parts[j] is { } pt
                ? e.Convert(pt.Rank == 3 ? F64Call(e, "hypot", e.ExtractValue(e.ExtractValue(slice, j), 0), e.ExtractValue(e.ExtractValue(slice, j), 1)) : e.ExtractValue(slice, j),
                    pt.Rank == 3 ? ScalarType.Float64 : pt, typ)
                : M.Constant(whenNone, typ);
            starts.Add(Part(0, 0)); stops.Add(Part(1, 0)); steps.Add(Part(2, 1));
            counts.Add(M.ConstBool(parts[2]?.Rank == 3));
        }
        if (keyType is not TupleType) return c.E.Convert(c.CallCompiled(0, starts[0], stops[0], steps[0], counts[0]), c.Callees[0].ReturnType, c.ResultType);
        LLVMValueRef Tuple(List<LLVMValueRef> values, ScalarType t) => e.MakeStruct(M.Lower(new TupleType(Enumerable.Repeat<SjType>(t, values.Count))), values.ToArray());
        return c.E.Convert(c.CallCompiled(0, Tuple(starts, typ), Tuple(stops, typ), Tuple(steps, typ), Tuple(counts, ScalarType.Bool)), c.Callees[0].ReturnType, c.ResultType);
    }

    private static void RegisterArraysExtra()
    {
        Registry["numpy.linalg"] = new LibSubmodule("numpy.linalg");
        Registry["numpy.linalg.LinAlgError"] = new LibExceptionClass("numpy.linalg.LinAlgError", "Exception", "BaseException");
        RegisterGrids();

        // _sj_swapaxes(a, i, j): a view of a with axes i and j (in range, not negative: the library checks them)
        // exchanged, for the library's routines along any axis of an n-d array (np.swapaxes, sort along an axis).
        Add("_sj_swapaxes", c =>
        {
            if (c.Positional.Length != 3 || c.Positional[0].Type is not ArrayType t)
                throw c.Error("internal: _sj_swapaxes takes an array and two axes");
            return t.Ndim < 2 ? t : t.With(layout: ArrayLayout.A);
        }, c =>
        {
            var e = c.E;
            var t = (ArrayType)c.ArgType(0);
            var rt = (ArrayType)c.ResultType;
            var a = c.Arg(0);
            if (t.Ndim < 2) return e.NewRef(a, rt);
            var i = e.Convert(c.Arg(1), c.ArgType(1), ScalarType.Int64);
            var j = e.Convert(c.Arg(2), c.ArgType(2), ScalarType.Int64);
            var shape = ArrayCode.Shape(e, t, a);
            var strides = ArrayCode.Strides(e, t, a);
            LLVMValueRef Pick(LLVMValueRef[] v, LLVMValueRef at)
            {
                var r = v[0];
                for (int k = 1; k < v.Length; k++)
                    r = BuildSelect(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, at, e.M.ConstI64(k), ""), v[k], r, "");
                return r;
            }
            var newShape = new LLVMValueRef[t.Ndim];
            var newStrides = new LLVMValueRef[t.Ndim];
            var si = Pick(shape, i); var sj = Pick(shape, j);
            var ti = Pick(strides, i); var tj = Pick(strides, j);
            for (int k = 0; k < t.Ndim; k++)
            {
                var kk = e.M.ConstI64(k);
                var isI = BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, kk, i, "");
                var isJ = BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, kk, j, "");
                newShape[k] = BuildSelect(e.B, isI, sj, BuildSelect(e.B, isJ, si, shape[k], ""), "");
                newStrides[k] = BuildSelect(e.B, isI, tj, BuildSelect(e.B, isJ, ti, strides[k], ""), "");
            }
            return e.NewRef(ArrayCode.Make(e, rt, ArrayCode.Meminfo(e, a), ArrayCode.Data(e, a), newShape, newStrides), rt);
        }, neverRaises: true);
    }
}
