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
    private static void RegisterArraysExtra()
    {
        Registry["numpy.linalg"] = new LibSubmodule("numpy.linalg");
        Registry["numpy.linalg.LinAlgError"] = new LibExceptionClass("numpy.linalg.LinAlgError", "Exception", "BaseException");

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
