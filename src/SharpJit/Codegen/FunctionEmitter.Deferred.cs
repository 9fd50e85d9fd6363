using SharpJit.Diagnostics;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

namespace SharpJit.Codegen;

/// <summary>
/// Code that seldom runs, compiled when it first runs (<see cref="CodegenOptions.DeferColdCode"/>): the loops behind a
/// matrix product's BLAS call (they run for an empty axis or a layout BLAS does not take), and the general loop nest
/// behind an element-wise operation's versions (operands strided otherwise). LLVM optimises and generates code for
/// every path, taken or not: matmul's first compilation did half of its work (instructions counted by callgrind) on
/// loops that never ran, a stencil about a twentieth. The body goes into a function of its own that takes the values it
/// reads as parameters; the call site loads that function's address from a slot of the module and, while the slot is
/// empty, has the runtime compile it (<c>sj_deferred_resolve</c>, Engine.DeferredCode), which JitHost took out of the
/// module before optimising it.
/// </summary>
public sealed unsafe partial class FunctionEmitter
{
    /// <summary>Functions being emitted aside (<see cref="EmitAside"/>): a deferred call is made from the function itself only.</summary>
    private int _asideDepth;
    /// <summary>A deferred function's body is being emitted: an error returns 1 from it (<see cref="ReturnError"/>).</summary>
    private bool _deferredBody;

    /// <summary>Whether <see cref="Deferred"/> defers: the option is on, this is the function's own body (not a chunk or
    /// helper emitted aside), no per-loop values are in force (DivisorMagic), and an error can leave the function
    /// (compiling the deferred code may fail).</summary>
    public bool CanDefer => M.Options.DeferColdCode && _asideDepth == 0 && DivisorMagic == null && (Spec.CanRaise || _irBlock?.Handler != null);

    /// <summary>
    /// Runs body over <paramref name="fields"/>: in place where <see cref="CanDefer"/> is false, else in a function of
    /// its own compiled on first use. That function takes the distinct fields that are not
    /// constants as parameters (constants stay constants in it, so that a contiguous stride still vectorises). An
    /// error the body raises is returned to the call site, which leaves the function with it.
    /// </summary>
    public void Deferred(string what, LLVMValueRef[] fields, Action<LLVMValueRef[]> body, Span span)
    {
        if (!CanDefer) { body(fields); return; }
        var parameters = new List<LLVMValueRef>();
        var index = new Dictionary<nint, int>();
        foreach (var f in fields)
            if (IsConstant(f) == 0 && index.TryAdd(f.Handle, parameters.Count)) parameters.Add(f);
        long id = ModuleEmitter.NextDeferredId();
        string name = $"{GetValueNameString(_fn)}.{what}{id}";
        var fnType = FunctionType(M.I32, parameters.Select(TypeOf).ToArray());
        var fn = AddFunction(M.Module, name, fnType);
        SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
        _deferredBody = true;
        try
        {
            EmitAside(fn, () =>
            {
                body(fields.Select(f => IsConstant(f) != 0 ? f : GetParam(fn, (uint)index[f.Handle])).ToArray());
                BuildRet(B, ConstInt(M.I32, 0, 0));
            });
        }
        finally { _deferredBody = false; }
        M.Deferred.Add((id, name));
        var slot = AddGlobal(M.Module, M.Ptr, name + ".slot");
        SetInitializer(slot, ConstPointerNull(M.Ptr));
        SetLinkage(slot, LLVMLinkage.LLVMPrivateLinkage);
        var address = BuildLoad2(B, M.Ptr, slot, "");
        SetOrdering(address, LLVMAtomicOrdering.LLVMAtomicOrderingAcquire);
        SetAlignment(address, 8);
        var empty = Expect(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, address, ConstPointerNull(M.Ptr), ""), false);
        var callee = IfElse(empty, M.Ptr, () => CallRuntime("sj_deferred_resolve", M.ConstI64(id), slot), () => address);
        var status = BuildCall2(B, fnType, callee, parameters.ToArray(), "");
        // The callee keeps no pointer it is given: the arrays do not escape, for LLVM's alias analysis of the caller.
        var noCapture = CreateEnumAttribute(M.Ctx, GetEnumAttributeKindForName("nocapture"), 0);
        for (int k = 0; k < parameters.Count; k++)
            if (TypeOf(parameters[k]).Handle == M.Ptr.Handle) AddCallSiteAttribute(status, (uint)k + 1, noCapture);
        CheckFailed(BuildICmp(B, LLVMIntPredicate.LLVMIntNE, status, ConstInt(M.I32, 0, 0), ""), span, recordFrame: false);
    }
}
