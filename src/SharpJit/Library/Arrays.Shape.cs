using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// The primitives of the shape routines written in Python (Library/py/npshape.py: np.reshape, squeeze,
/// expand_dims, moveaxis, atleast_*, rot90, split, diagonal, a.view, np.round of arrays ...) and the ndarray methods
/// they back: views made from a shape and strides the library computes, and facts about types decided while typing.
/// </summary>
public static unsafe partial class Builtins
{
    private static void RegisterArrayShapes()
    {
        // _sj_view(a, dtype, offset, shape, strides, readonly): a view of a's memory with that dtype, starting offset
        // bytes into a's data, with the shape and strides (tuples of ints, in bytes) the library computed and checked;
        // readonly (a literal bool) makes it a read-only view (a read-only a stays read-only).
        Add("_sj_view", c =>
        {
            if (c.Positional.Length != 6 || c.Positional[0].Type is not ArrayType t || DtypeOf(c.Positional[1]) is not { } dtype
                || c.Positional[3].Type is not TupleType shape || c.Positional[4].Type is not TupleType strides
                || shape.Items.Length != strides.Items.Length || c.Positional[5].Literal is not bool ro)
                throw c.Error("internal: _sj_view takes an array, a dtype, an offset, a shape, strides and a literal bool");
            return new ArrayType(dtype, shape.Items.Length, ArrayLayout.A, t.Readonly || ro);
        }, c =>
        {
            var e = c.E;
            var rt = (ArrayType)c.ResultType;
            var a = c.Arg(0);
            var offset = e.Convert(c.Arg(2), c.ArgType(2), ScalarType.Int64);
            var data = BuildGEP2(e.B, e.M.I8, ArrayCode.Data(e, a), new[] { offset }, "");
            LLVMValueRef[] Items(int k) => Enumerable.Range(0, rt.Ndim)
                .Select(j => e.Convert(e.ExtractValue(c.Arg(k), j), ((TupleType)c.ArgType(k)).Items[j], ScalarType.Int64)).ToArray();
            return e.NewRef(ArrayCode.Make(e, rt, ArrayCode.Meminfo(e, a), data, Items(3), Items(4)), rt);
        }, neverRaises: true);

        // _sj_as_contiguous(a, fortran): a typed C-contiguous (Fortran-contiguous for a literal True), where the library
        // checked at run time that its strides are (npsets.py's _contiguous), so that loops over it see unit strides.
        Add("_sj_as_contiguous", c =>
        {
            if (c.Positional.Length != 2 || c.Positional[0].Type is not ArrayType t || c.Positional[1].Literal is not bool fortran)
                throw c.Error("internal: _sj_as_contiguous takes an array and a literal bool");
            return t.With(layout: fortran ? ArrayLayout.F : ArrayLayout.C);
        }, c =>
        {
            var e = c.E; var t = (ArrayType)c.ArgType(0); var rt = (ArrayType)c.ResultType; var a = c.Arg(0);
            return e.NewRef(ArrayCode.Make(e, rt, ArrayCode.Meminfo(e, a), ArrayCode.Data(e, a), ArrayCode.Shape(e, t, a), ArrayCode.StoredStrides(e, t, a)), rt);
        }, neverRaises: true);

        // _sj_retype(a, dtype): a with its elements read as dtype, of the same itemsize (the library checks it): the
        // same memory, shape, strides and layout.
        Add("_sj_retype", c =>
        {
            if (c.Positional.Length != 2 || c.Positional[0].Type is not ArrayType t || DtypeOf(c.Positional[1]) is not { } dtype)
                throw c.Error("internal: _sj_retype takes an array and a dtype");
            return t.With(dtype: dtype);
        }, c =>
        {
            var e = c.E;
            var t = (ArrayType)c.ArgType(0);
            var rt = (ArrayType)c.ResultType;
            var a = c.Arg(0);
            return e.NewRef(ArrayCode.Make(e, rt, ArrayCode.Meminfo(e, a), ArrayCode.Data(e, a), ArrayCode.Shape(e, t, a), ArrayCode.StoredStrides(e, t, a)), rt);
        }, neverRaises: true);

        // _sj_reject("message", values...): a form the library does not support, a TypingError at the user's call.
        // The values are those the branch that reaches it depends on: a call is typed only once its arguments' types
        // are known, so it is not typed on a branch that is taken only while they are not yet.
        Add("_sj_reject", c => throw c.Error(c.Positional.Length >= 1 && c.Positional[0].Literal is string s ? s : "internal: _sj_reject takes a literal str",
            "see the README's list of what compiled code supports"), c => GetUndef(c.E.M.Empty), neverRaises: true);

        // Decided while typing: whether a value is an array, whether an array's type is C- or Fortran-contiguous, a dtype's
        // itemsize and whether it is complex.
        Add("_sj_is_array", c => ScalarType.Bool, c => c.E.M.ConstBool(c.ArgType(0) is ArrayType), neverRaises: true, acceptsNarrow: true)
            .Fold = sig => sig.Args[0] is ArrayType;
        Add("_sj_is_c", c => ScalarType.Bool, c => c.E.M.ConstBool(c.ArgType(0) is ArrayType { Layout: ArrayLayout.C }), neverRaises: true)
            .Fold = sig => sig.Args[0] is ArrayType { Layout: ArrayLayout.C };
        Add("_sj_is_f", c => ScalarType.Bool, c => c.E.M.ConstBool(c.ArgType(0) is ArrayType { Layout: ArrayLayout.F }), neverRaises: true)
            .Fold = sig => sig.Args[0] is ArrayType { Layout: ArrayLayout.F };
        Add("_sj_itemsize", c => DtypeOf(c.Positional[0]) is { } d ? ScalarType.Int64 : throw c.Error("internal: _sj_itemsize takes a dtype"),
            c => c.E.M.ConstI64(ArrayCode.ItemSize(DtypeOfType(c.ArgType(0), null)!)), neverRaises: true)
            .Fold = sig => (long)ArrayCode.ItemSize(DtypeOfType(sig.Args[0], sig.Literals[0])!);

        // The C# entry of np.round / np.around on numbers, kept under another name: npshape.py's overloads take the
        // names and call it for numbers (arrays are rounded there).
        foreach (var name in new[] { "round", "around", "round_" })
        {
            var number = Get("numpy." + name);
            Registry["_sj_np_" + name + "_number"] = new LibFunc("_sj_np_" + name + "_number", number.Type, number.Lower, number.MayRaise)
            {
                AcceptsNarrow = number.AcceptsNarrow, Fold = number.Fold,
            };
        }

        // a.conjugate() / a.conj() of arrays (npshape.py: the array itself unless complex, as NumPy returns it); the
        // scalar conjugate() keeps its entry.
        var scalarConjugate = Get("method.conjugate");
        PythonMethodIn("npshape", "conjugate");
        var arrayConjugate = Get("method.conjugate");
        var merged = new LibFunc("method.conjugate",
            c => c.Positional[0].Type is ArrayType ? arrayConjugate.Type(c) : scalarConjugate.Type(c),
            c => c.ArgType(0) is ArrayType ? arrayConjugate.Lower(c) : scalarConjugate.Lower(c),
            sig => sig.Args[0] is ArrayType ? arrayConjugate.MayRaise(sig) : scalarConjugate.MayRaise(sig))
        {
            Receiver = t => t is ArrayType || scalarConjugate.Receiver!(t),
        };
        Registry["method.conjugate"] = merged;
        PythonMethodIn("npshape", "conj");

        var none = Syntax.PyNone.Instance;
        PythonMethodIn("npshape", "swapaxes", 2, ("axis1", none), ("axis2", none));
        PythonMethodIn("npshape", "squeeze", 0, ("axis", none));
        PythonMethodIn("npshape", "round", 0, ("decimals", 0L), ("out", none));
        PythonMethodIn("npshape", "dot", 1, ("b", none), ("out", none));
        PythonMethodIn("npshape", "diagonal", 0, ("offset", 0L), ("axis1", 0L), ("axis2", 1L));
        PythonMethodIn("npshape", "trace", 0, ("offset", 0L), ("axis1", 0L), ("axis2", 1L), ("dtype", none), ("out", none));
        PythonMethodIn("npshape", "tolist");
        PythonMethodIn("npshape", "view", 0, ("dtype", none), ("type", none));
    }
}
