using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// The running interpreter's C-API functions that callback wrappers call, by address, and the host's function that
/// turns the Python exception a callback raised into compiled code's pending exception. Set by the CPython extension;
/// null where no interpreter runs (`sharpjit run`, the .NET API), so no Python callback can be compiled there.
/// </summary>
public sealed class PythonApi
{
    /// <summary>The C-API functions (and objects) the wrappers use; the host resolves each in the interpreter.</summary>
    public static readonly string[] Names =
    {
        "PyGILState_Ensure", "PyGILState_Release", "PyObject_Vectorcall", "Py_IncRef", "Py_DecRef", "PyFloat_FromDouble",
        "PyLong_FromLongLong", "PyLong_FromUnsignedLongLong", "PyFloat_AsDouble", "PyLong_AsLongLong", "PyLong_AsUnsignedLongLong",
        "PyObject_IsTrue", "PyErr_Occurred", "_Py_TrueStruct", "_Py_FalseStruct",
    };

    /// <summary>The host's <c>void take_error(const char *callee)</c>: called with the GIL held after a callback failed.</summary>
    public const string TakeError = "sharpjit_take_callback_error";

    private readonly IReadOnlyDictionary<string, long> _addresses;
    public PythonApi(IReadOnlyDictionary<string, long> addresses)
    {
        foreach (var name in Names.Append(TakeError))
            if (!addresses.ContainsKey(name)) throw new ArgumentException($"the Python C-API address of {name} is missing");
        _addresses = addresses;
    }

    public static PythonApi? Current { get; set; }

    public long this[string name] => _addresses[name];

    /// <summary>Identifies this interpreter's addresses (part of a callback specialisation's key).</summary>
    public string Key => this["PyObject_Vectorcall"].ToString("x");
}

/// <summary>
/// Emits the call of a Python callable declared with <c>@sharpjit.callback(signature)</c>: take the GIL, box the
/// arguments, one <c>PyObject_Vectorcall</c>, unbox the result, release the GIL — every
/// address (the callable's, the C-API's) a constant in the code. A Python exception becomes the compiled code's
/// exception (the host keeps the Python object, so the traceback shows both the compiled frames and the Python ones).
/// </summary>
public static class PythonCallbacks
{
    public static LLVMValueRef EmitCall(LoweringCall c, ExternFunction fn)
    {
        var e = c.E; var M = e.M; var B = e.B;
        var api = PythonApi.Current ?? throw new Diagnostics.CompileError(Diagnostics.ErrorKind.UnsupportedError,
            $"{fn.Name} is a Python callback, which needs a Python interpreter", e.Source, c.Span, "call it from code compiled by @sharpjit.jit");
        var sig = fn.Signature;
        LLVMValueRef Address(string name) => ConstIntToPtr(M.ConstI64(api[name]), M.Ptr);
        LLVMValueRef Call(string name, LLVMTypeRef ret, LLVMTypeRef[] types, params LLVMValueRef[] args) =>
            BuildCall2(B, FunctionType(ret, types), Address(name), args, "");

        // Each argument boxed by its C-API constructor into an array on the stack, then one vectorcall.
        var gil = Call("PyGILState_Ensure", M.I32, Array.Empty<LLVMTypeRef>());
        int n = sig.Args.Length;
        var argv = e.Alloca(StructTypeInContext(M.Ctx, Enumerable.Repeat(M.Ptr, Math.Max(n, 1)).ToArray()));
        var boxed = new LLVMValueRef[n];
        LLVMValueRef anyNull = M.ConstBool(false);
        for (int k = 0; k < n; k++)
        {
            var t = (ScalarType)sig.Args[k];
            var v = e.Convert(c.Arg(k), c.ArgType(k), t);
            switch (t.Kind)
            {
                case ScalarKind.Bool:
                    boxed[k] = BuildSelect(B, v, Address("_Py_TrueStruct"), Address("_Py_FalseStruct"), "");
                    Call("Py_IncRef", M.Void, new[] { M.Ptr }, boxed[k]);
                    break;
                case ScalarKind.Float: boxed[k] = Call("PyFloat_FromDouble", M.Ptr, new[] { M.F64 }, t.Bits == 32 ? BuildFPExt(B, v, M.F64, "") : v); break;
                case ScalarKind.UInt: boxed[k] = Call("PyLong_FromUnsignedLongLong", M.Ptr, new[] { M.I64 }, t.Bits == 64 ? v : BuildZExt(B, v, M.I64, "")); break;
                default: boxed[k] = Call("PyLong_FromLongLong", M.Ptr, new[] { M.I64 }, t.Bits == 64 ? v : BuildSExt(B, v, M.I64, "")); break;
            }
            BuildStore(B, boxed[k], BuildGEP2(B, M.Ptr, argv, new[] { M.ConstI64(k) }, ""));
            anyNull = BuildOr(B, anyNull, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, boxed[k], ConstPointerNull(M.Ptr), ""), "");
        }
        // A failed box (no memory) skips the call: its error is pending, and the boxes made are dropped (Py_DecRef takes NULL).
        var callBlock = e.NewBlock("callback_call"); var afterCall = e.NewBlock("callback_called");
        var boxFailedFrom = GetInsertBlock(B);
        BuildCondBr(B, anyNull, afterCall, callBlock);
        PositionBuilderAtEnd(B, callBlock);
        var called = BuildCall2(B, FunctionType(M.Ptr, new[] { M.Ptr, M.Ptr, M.I64, M.Ptr }), Address("PyObject_Vectorcall"),
            new[] { ConstIntToPtr(M.ConstI64(fn.Address), M.Ptr), argv, M.ConstI64(n), ConstPointerNull(M.Ptr) }, "");
        var calledFrom = GetInsertBlock(B);
        BuildBr(B, afterCall);
        PositionBuilderAtEnd(B, afterCall);
        var result = Phi(e, M.Ptr, (ConstPointerNull(M.Ptr), boxFailedFrom), (called, calledFrom));
        foreach (var box in boxed) Call("Py_DecRef", M.Void, new[] { M.Ptr }, box);
        var callFailed = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, result, ConstPointerNull(M.Ptr), "");
        LLVMValueRef value = default, failed = callFailed;
        if (sig.Return is ScalarType rt)
        {
            // Unboxed only when the call succeeded; a conversion error is PyErr_Occurred after the -1 result.
            var convert = e.NewBlock("callback_result"); var done = e.NewBlock("callback_done");
            var from = GetInsertBlock(B);
            BuildCondBr(B, callFailed, done, convert);
            PositionBuilderAtEnd(B, convert);
            var (raw, errorValue) = rt.Kind switch
            {
                ScalarKind.Float => (Call("PyFloat_AsDouble", M.F64, new[] { M.Ptr }, result), M.ConstF64(-1)),
                ScalarKind.Bool => (Call("PyObject_IsTrue", M.I32, new[] { M.Ptr }, result), LLVM.ConstInt(M.I32, -1)),
                ScalarKind.UInt => (Call("PyLong_AsUnsignedLongLong", M.I64, new[] { M.Ptr }, result), M.ConstI64(-1)),
                _ => (Call("PyLong_AsLongLong", M.I64, new[] { M.Ptr }, result), M.ConstI64(-1)),
            };
            var maybe = rt.Kind == ScalarKind.Float ? BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, raw, errorValue, "") : BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, raw, errorValue, "");
            var occurred = BuildICmp(B, LLVMIntPredicate.LLVMIntNE, Call("PyErr_Occurred", M.Ptr, Array.Empty<LLVMTypeRef>()), ConstPointerNull(M.Ptr), "");
            var convertFailed = BuildAnd(B, maybe, occurred, "");
            Call("Py_DecRef", M.Void, new[] { M.Ptr }, result);
            var converted = rt.Kind switch
            {
                ScalarKind.Bool => BuildICmp(B, LLVMIntPredicate.LLVMIntNE, raw, LLVM.ConstInt(M.I32, 0), ""),
                ScalarKind.Float => rt.Bits == 32 ? BuildFPTrunc(B, raw, M.F32, "") : raw,
                _ => rt.Bits == 64 ? raw : BuildTrunc(B, raw, M.Lower(rt), ""),   // narrower C integers wrap, as ctypes does
            };
            var convertEnd = GetInsertBlock(B);
            BuildBr(B, done);
            PositionBuilderAtEnd(B, done);
            failed = Phi(e, M.I1, (M.ConstBool(true), from), (convertFailed, convertEnd));
            value = Phi(e, M.Lower(rt), (GetUndef(M.Lower(rt)), from), (converted, convertEnd));
        }
        else
        {
            // void: the result (whatever it is) is dropped.
            e.When(BuildNot(B, callFailed, ""), () => Call("Py_DecRef", M.Void, new[] { M.Ptr }, result));
        }
        e.When(failed, () => Call(PythonApi.TakeError, M.Void, new[] { M.Ptr }, M.ConstString(fn.Name)));
        Call("PyGILState_Release", M.Void, new[] { M.I32 }, gil);
        e.CheckFailed(failed, c.Span);
        return sig.Return is ScalarType ? value : M.Constant(null, SimpleType.None);
    }

    private static LLVMValueRef Phi(FunctionEmitter e, LLVMTypeRef type, params (LLVMValueRef Value, LLVMBasicBlockRef Block)[] incoming)
    {
        var phi = BuildPhi(e.B, type, "");
        AddIncoming(phi, incoming.Select(x => x.Value).ToArray(), incoming.Select(x => x.Block).ToArray());
        return phi;
    }
}
