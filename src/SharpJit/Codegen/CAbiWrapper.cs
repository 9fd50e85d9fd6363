using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Codegen;

/// <summary>A plain C signature: "float64(float64, int64)", "int32(CPointer(float64), CPointer(float64))", "void(int64)".</summary>
public sealed record CSignature(SjType Return, SjType[] Args)
{
    public override string ToString() => $"{CAbiWrapper.TypeName(Return)}({string.Join(", ", Args.Select(CAbiWrapper.TypeName))})";

    /// <summary>Parses a signature; CPointer(T) is a pointer to the scalar T. Throws ArgumentException with the reason.</summary>
    public static CSignature Parse(string text)
    {
        text = text.Trim();
        int open = text.IndexOf('(');
        if (open <= 0 || !text.EndsWith(')'))
            throw new ArgumentException($"invalid C signature '{text}': expected 'RETURN(ARG, ...)', e.g. 'float64(float64, int64)'");
        var ret = ParseType(text[..open], text);
        var inner = text[(open + 1)..^1];
        var args = new List<SjType>();
        int depth = 0, start = 0;
        for (int k = 0; k <= inner.Length; k++)
        {
            if (k < inner.Length && inner[k] == '(') depth++;
            else if (k < inner.Length && inner[k] == ')') depth--;
            else if (k == inner.Length || (inner[k] == ',' && depth == 0))
            {
                var piece = inner[start..k];
                if (piece.Trim().Length > 0 || k < inner.Length || args.Count > 0) args.Add(ParseType(piece, text));
                start = k + 1;
            }
        }
        if (args.Any(a => a == SimpleType.None)) throw new ArgumentException($"invalid C signature '{text}': void is only a return type");
        return new CSignature(ret, args.ToArray());
    }

    private static SjType ParseType(string piece, string whole)
    {
        piece = piece.Trim();
        if (piece.StartsWith("CPointer(") && piece.EndsWith(')'))
        {
            var target = ParseType(piece["CPointer(".Length..^1], whole);
            return target is ScalarType { Kind: not ScalarKind.Complex } s ? new Typing.PointerType(s)
                : throw new ArgumentException($"invalid C signature '{whole}': CPointer takes a real scalar type, not {target.Name}");
        }
        SjType t;
        try { t = TypeNames.Parse(piece); }
        catch (Exception) { throw new ArgumentException($"invalid C signature '{whole}': unknown type '{piece}'"); }
        if (t is ScalarType { Kind: ScalarKind.Complex })
            throw new ArgumentException($"invalid C signature '{whole}': complex numbers have no plain C type here (pass the real and imaginary parts)");
        if (t is not ScalarType && t != SimpleType.None)
            throw new ArgumentException($"invalid C signature '{whole}': {t.Name} has no C type (use scalars and CPointer(T))");
        return t;
    }
}

/// <summary>
/// Emits a function with a plain C signature around a compiled entry point (<c>i32 entry(ptr args, ptr result)</c>):
/// the arguments are packed as the entry expects, and a raised exception either becomes a status code (export:
/// <c>int32_t f(args..., T *result)</c>) or is reported through a handler and turned into NaN / 0 (cfunc).
/// </summary>
public static class CAbiWrapper
{
    /// <summary>The C spelling of a type, for headers and messages.</summary>
    public static string TypeName(SjType t) => t switch
    {
        Typing.PointerType p => CType(p.Target) + " *",
        ScalarType s => s.Name,
        _ => t == SimpleType.None ? "void" : t.Name,
    };

    /// <summary>The C type of a scalar in a header.</summary>
    public static string CType(SjType t) => t switch
    {
        Typing.PointerType p => CType(p.Target) + " *",
        ScalarType { Kind: ScalarKind.Bool } => "bool",
        ScalarType { Kind: ScalarKind.Int } s => $"int{s.Bits}_t",
        ScalarType { Kind: ScalarKind.UInt } s => $"uint{s.Bits}_t",
        ScalarType { Kind: ScalarKind.Float, Bits: 32 } => "float",
        ScalarType { Kind: ScalarKind.Float } => "double",
        _ => "void",
    };

    /// <summary>How a C value of type t travels in registers (bool as a byte).</summary>
    public static LLVMTypeRef AbiType(ModuleEmitter m, SjType t) => t switch
    {
        ScalarType { Kind: ScalarKind.Bool } => m.I8,
        Typing.PointerType => m.Ptr,
        _ when t == SimpleType.None => m.Void,
        _ => m.Lower(t),
    };

    /// <summary>Checks that a compiled return type converts to the declared C return type; the reason otherwise.</summary>
    public static string? CheckReturn(SjType compiled, SjType declared)
    {
        if (declared == SimpleType.None) return null;
        if (compiled == declared) return null;
        if (compiled is ScalarType c && declared is ScalarType d && c.Kind != ScalarKind.Complex && (c.Rank <= d.Rank || d.Kind == ScalarKind.Bool))
            return null;
        return $"returns {TypeOps.PyName(compiled)} ({compiled.Name}), which does not convert to the declared {declared.Name}";
    }

    /// <summary>
    /// Adds <paramref name="name"/> to the module. With <paramref name="statusResult"/> it returns an i32 status and
    /// writes the result through an extra last pointer argument; otherwise it returns the value, and on an exception
    /// calls the runtime helper <paramref name="onError"/> (<c>void(ptr name)</c>) and returns NaN or 0.
    /// </summary>
    public static LLVMValueRef Emit(ModuleEmitter m, SjType[] compiledArgs, SjType compiledReturn, CSignature sig, string name,
        LLVMValueRef entry, bool statusResult, string? onError = null)
    {
        var ctx = m.Ctx;
        var cret = AbiType(m, sig.Return);
        var cparams = sig.Args.Select(a => AbiType(m, a)).ToList();
        bool hasOut = statusResult && sig.Return != SimpleType.None;
        if (hasOut) cparams.Add(m.Ptr);
        var fnType = FunctionType(statusResult ? m.I32 : cret, cparams.ToArray());
        var fn = AddFunction(m.Module, name, fnType);
        AddEnumAttribute(ctx, fn, uint.MaxValue, "nounwind");
        for (int k = 0; k < sig.Args.Length; k++) AddExtension(ctx, fn, (uint)(k + 1), sig.Args[k]);
        if (!statusResult) AddExtension(ctx, fn, 0, sig.Return);
        var b = CreateBuilderInContext(ctx);
        try
        {
            PositionBuilderAtEnd(b, AppendBasicBlockInContext(ctx, fn, "entry"));
            var argsType = StructTypeInContext(ctx, compiledArgs.Select(m.Lower).ToArray());
            var args = BuildAlloca(b, compiledArgs.Length == 0 ? m.I64 : argsType, "args");
            for (int k = 0; k < compiledArgs.Length; k++)
            {
                var v = GetParam(fn, (uint)k);
                if (sig.Args[k] is ScalarType { Kind: ScalarKind.Bool }) v = BuildICmp(b, LLVMIntPredicate.LLVMIntNE, v, LLVM.ConstInt(m.I8, 0), "");
                BuildStore(b, v, BuildStructGEP2(b, argsType, args, (uint)k, ""));
            }
            var resultType = m.Lower(compiledReturn);
            var result = BuildAlloca(b, resultType, "result");
            SetAlignment(result, 16);
            var entryType = FunctionType(m.I32, new[] { m.Ptr, m.Ptr });
            var status = BuildCall2(b, entryType, entry, new[] { args, result }, "status");
            var failed = BuildICmp(b, LLVMIntPredicate.LLVMIntNE, status, LLVM.ConstInt(m.I32, 0), "failed");
            var okBlock = AppendBasicBlockInContext(ctx, fn, "ok");
            var errBlock = AppendBasicBlockInContext(ctx, fn, "error");
            BuildCondBr(b, failed, errBlock, okBlock);

            PositionBuilderAtEnd(b, errBlock);
            if (statusResult) BuildRet(b, status);
            else
            {
                if (onError != null)
                {
                    var (report, reportType) = m.Runtime(onError);
                    BuildCall2(b, reportType, report, new[] { m.ConstString(name) }, "");
                }
                if (sig.Return == SimpleType.None) BuildRetVoid(b);
                else if (sig.Return is ScalarType { Kind: ScalarKind.Float }) BuildRet(b, ConstReal(cret, double.NaN));
                else BuildRet(b, ConstNull(cret));
            }

            PositionBuilderAtEnd(b, okBlock);
            LLVMValueRef value = default;
            if (sig.Return != SimpleType.None)
            {
                value = BuildLoad2(b, resultType, result, "");
                value = ConvertScalar(b, m, value, compiledReturn, sig.Return);
                if (sig.Return is ScalarType { Kind: ScalarKind.Bool }) value = BuildZExt(b, value, m.I8, "");
            }
            if (statusResult)
            {
                if (hasOut) BuildStore(b, value, GetParam(fn, (uint)sig.Args.Length));
                BuildRet(b, LLVM.ConstInt(m.I32, 0));
            }
            else if (sig.Return == SimpleType.None) BuildRetVoid(b);
            else BuildRet(b, value);
        }
        finally { DisposeBuilder(b); }
        return fn;
    }

    private static void AddExtension(LLVMContextRef ctx, LLVMValueRef fn, uint index, SjType t)
    {
        if (t is ScalarType { Kind: ScalarKind.Bool }) AddEnumAttribute(ctx, fn, index, "zeroext");
        else if (t is ScalarType { Kind: ScalarKind.Int, Bits: < 32 }) AddEnumAttribute(ctx, fn, index, "signext");
        else if (t is ScalarType { Kind: ScalarKind.UInt, Bits: < 32 }) AddEnumAttribute(ctx, fn, index, "zeroext");
    }

    private static LLVMValueRef ConvertScalar(LLVMBuilderRef b, ModuleEmitter m, LLVMValueRef v, SjType from, SjType to)
    {
        if (from == to || from is not ScalarType f || to is not ScalarType t) return v;
        var target = m.Lower(t);
        bool fSigned = f.Kind == ScalarKind.Int;
        switch (f.Kind, t.Kind)
        {
            case (ScalarKind.Float, ScalarKind.Float):
                return f.Bits < t.Bits ? BuildFPExt(b, v, target, "") : BuildFPTrunc(b, v, target, "");
            case (ScalarKind.Bool or ScalarKind.Int or ScalarKind.UInt, ScalarKind.Float):
                return f.Kind == ScalarKind.Bool ? BuildUIToFP(b, v, target, "") : fSigned ? BuildSIToFP(b, v, target, "") : BuildUIToFP(b, v, target, "");
            case (ScalarKind.Bool or ScalarKind.Int or ScalarKind.UInt, ScalarKind.Int or ScalarKind.UInt):
                if (f.Kind == ScalarKind.Bool) return BuildZExt(b, v, target, "");
                return f.Bits == t.Bits ? v : f.Bits < t.Bits ? (fSigned ? BuildSExt(b, v, target, "") : BuildZExt(b, v, target, "")) : BuildTrunc(b, v, target, "");
            case (_, ScalarKind.Bool):
                return f.Kind == ScalarKind.Float ? BuildFCmp(b, LLVMRealPredicate.LLVMRealUNE, v, ConstReal(m.Lower(f), 0), "")
                    : BuildICmp(b, LLVMIntPredicate.LLVMIntNE, v, LLVM.ConstInt(m.Lower(f), 0), "");
        }
        return v;
    }
}
