using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Codegen;

/// <summary>A plain C signature: "float64(float64, int64)", "int32(CPointer(float64), CPointer(float64))", "void(int64)".</summary>
public sealed record CSignature(SjType Return, SjType[] Args)
{
    public override string ToString() => $"{CAbiWrapper.TypeName(Return)}({string.Join(", ", Args.Select(CAbiWrapper.TypeName))})";

    /// <summary>Parses a signature; CPointer(T) is a pointer to the scalar T; with <paramref name="arrays"/>, Numba's
    /// array types (float64[:], float64[:, ::1] C-ordered, float64[::1, :] Fortran-ordered) are arguments too (export).
    /// Throws ArgumentException with the reason.</summary>
    public static CSignature Parse(string text, bool arrays = false)
    {
        text = text.Trim();
        int open = text.IndexOf('(');
        if (open <= 0 || !text.EndsWith(')'))
            throw new ArgumentException($"invalid C signature '{text}': expected 'RETURN(ARG, ...)', e.g. 'float64(float64, int64)'");
        var ret = ParseType(text[..open], text, arrays);
        var inner = text[(open + 1)..^1];
        var args = new List<SjType>();
        int depth = 0, start = 0;
        for (int k = 0; k <= inner.Length; k++)
        {
            if (k < inner.Length && inner[k] is '(' or '[') depth++;
            else if (k < inner.Length && inner[k] is ')' or ']') depth--;
            else if (k == inner.Length || (inner[k] == ',' && depth == 0))
            {
                var piece = inner[start..k];
                if (piece.Trim().Length > 0 || k < inner.Length || args.Count > 0) args.Add(ParseType(piece, text, arrays));
                start = k + 1;
            }
        }
        if (args.Any(a => a == SimpleType.None)) throw new ArgumentException($"invalid C signature '{text}': void is only a return type");
        return new CSignature(ret, args.ToArray());
    }

    private static SjType ParseType(string piece, string whole, bool arrays)
    {
        piece = piece.Trim();
        if (arrays && piece.EndsWith(']') && piece.IndexOf('[') is > 0 and var bracket)
        {
            var item = ParseType(piece[..bracket], whole, false);
            var axes = piece[(bracket + 1)..^1].Split(',').Select(a => a.Replace(" ", "")).ToArray();
            if (item is not ScalarType { Kind: not ScalarKind.Complex } dtype || axes.Any(a => a is not (":" or "::1")) || axes.Count(a => a == "::1") > 1)
                throw new ArgumentException($"invalid C signature '{whole}': '{piece}' is not an array type: write float64[:] (any strides), float64[:, ::1] (C order) or float64[::1, :] (Fortran order) of a real or bool dtype");
            var layout = axes.Length == 1 && axes[0] == "::1" || axes[^1] == "::1" ? ArrayLayout.C : axes[0] == "::1" ? ArrayLayout.F : ArrayLayout.A;
            if (axes.Length > 1 && axes.Contains("::1") && axes[0] != "::1" && axes[^1] != "::1")
                throw new ArgumentException($"invalid C signature '{whole}': '::1' marks the first (Fortran order) or last (C order) axis of '{piece}'");
            return new ArrayType(dtype, axes.Length, layout);
        }
        if (piece.StartsWith("CPointer(") && piece.EndsWith(')'))
        {
            var target = ParseType(piece["CPointer(".Length..^1], whole, false);
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
        ArrayType a => $"{a.Dtype.Name}[{string.Join(", ", Enumerable.Range(0, a.Ndim).Select(k => a.Layout == ArrayLayout.C && k == a.Ndim - 1 || a.Layout == ArrayLayout.F && k == 0 ? "::1" : ":"))}]",
        ScalarType s => s.Name,
        _ => t == SimpleType.None ? "void" : t.Name,
    };

    /// <summary>The C type of a scalar in a header.</summary>
    public static string CType(SjType t) => t switch
    {
        Typing.PointerType p => CType(p.Target) + " *",
        ArrayType a => "const " + ArrayStructName(a) + " *",
        ScalarType { Kind: ScalarKind.Bool } => "bool",
        ScalarType { Kind: ScalarKind.Int } s => $"int{s.Bits}_t",
        ScalarType { Kind: ScalarKind.UInt } s => $"uint{s.Bits}_t",
        ScalarType { Kind: ScalarKind.Float, Bits: 32 } => "float",
        ScalarType { Kind: ScalarKind.Float } => "double",
        _ => "void",
    };

    /// <summary>The C struct an exported function takes an array of this dtype and number of dimensions as (by pointer).</summary>
    public static string ArrayStructName(ArrayType a) => $"sj_array_{a.Dtype.Name}_{a.Ndim}d";

    /// <summary>The C struct an exported function returns an array of this dtype and number of dimensions in.</summary>
    public static string ResultStructName(ArrayType a) => $"sj_result_{a.Dtype.Name}_{a.Ndim}d";

    /// <summary>The header's definition of <see cref="ArrayStructName"/> (NumPy's description of an array, strides in
    /// bytes), or of <see cref="ResultStructName"/>: the same with the owner of the memory first (compiled code's own
    /// layout of an array).</summary>
    public static string ArrayStructDefinition(ArrayType a, bool result = false)
    {
        string name = result ? ResultStructName(a) : ArrayStructName(a), guard = name.ToUpperInvariant();
        return $"#ifndef {guard}\n#define {guard}\ntypedef struct {{ {(result ? "void *owner; " : "")}{CType(a.Dtype)} *data; int64_t shape[{a.Ndim}]; int64_t strides[{a.Ndim}]; }} {name};\n#endif\n";
    }

    /// <summary>How a C value of type t travels in registers (bool as a byte; an array as a pointer to its struct).</summary>
    public static LLVMTypeRef AbiType(ModuleEmitter m, SjType t) => t switch
    {
        ScalarType { Kind: ScalarKind.Bool } => m.I8,
        Typing.PointerType or ArrayType => m.Ptr,
        _ when t == SimpleType.None => m.Void,
        _ => m.Lower(t),
    };

    /// <summary>Checks that a compiled return type converts to the declared C return type; the reason otherwise.</summary>
    public static string? CheckReturn(SjType compiled, SjType declared)
    {
        if (compiled is ArrayType && declared == SimpleType.None)
            return $"returns an array ({compiled.Name}): declare it as the return type ({TypeName(((ArrayType)compiled).With(readOnly: false))}), so that the caller can release it";
        if (declared == SimpleType.None) return null;
        if (compiled == declared) return null;
        if (declared is ArrayType want)
            return compiled is ArrayType got && got.Dtype == want.Dtype && got.Ndim == want.Ndim && (want.Layout == ArrayLayout.A || got.Layout == want.Layout)
                ? null : $"returns {TypeOps.PyName(compiled)} ({compiled.Name}), not the declared {TypeName(want)}";
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
        LLVMValueRef entry, bool statusResult, string? onError = null, IReadOnlyList<string>? argNames = null)
    {
        if (!statusResult && sig.Args.Append(sig.Return).Any(a => a is ArrayType)) throw new ArgumentException($"{name}: arrays are for export");
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
                if (sig.Args[k] is ArrayType at) v = ArrayArgument(b, m, fn, v, at, argNames?[k] ?? $"argument {k + 1}", name);
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
                // An array is handed over as it is: {owner, data, shape, strides}, the caller's reference (or a null
                // owner for a view of the caller's memory).
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

    /// <summary>
    /// An array argument from its C struct (data, shape, strides in bytes): the compiled array value, borrowed (null
    /// meminfo: compiled code counts no references to it). A negative dimension, or strides that do not make a
    /// C-ordered (Fortran-ordered) array where the type says so (axes of length 1 aside, as NumPy's flags), is a
    /// ValueError and the function returns 1 without running.
    /// </summary>
    private static LLVMValueRef ArrayArgument(LLVMBuilderRef b, ModuleEmitter m, LLVMValueRef fn, LLVMValueRef p, ArrayType t, string param, string function)
    {
        var ctx = m.Ctx;
        int n = t.Ndim;
        var dims = ArrayType2(m.I64, (ulong)n);
        var cType = StructTypeInContext(ctx, new[] { m.Ptr, dims, dims });
        var data = BuildLoad2(b, m.Ptr, BuildStructGEP2(b, cType, p, 0, ""), "");
        LLVMValueRef Field(uint part, int k) => BuildLoad2(b, m.I64, BuildInBoundsGEP2(b, cType, p, new[] { LLVM.ConstInt(m.I32, 0), LLVM.ConstInt(m.I32, (long)part), LLVM.ConstInt(m.I32, k) }, ""), "");
        var shape = Enumerable.Range(0, n).Select(k => Field(1, k)).ToArray();
        var strides = Enumerable.Range(0, n).Select(k => Field(2, k)).ToArray();
        LLVMValueRef I64(long v) => LLVM.ConstInt(m.I64, v);
        var bad = LLVM.ConstInt(m.I1, 0);
        foreach (var d in shape) bad = BuildOr(b, bad, BuildICmp(b, LLVMIntPredicate.LLVMIntSLT, d, I64(0), ""), "");
        var badOrder = LLVM.ConstInt(m.I1, 0);
        if (t.Layout != ArrayLayout.A)
        {
            var step = I64(t.ItemSize);
            var empty = LLVM.ConstInt(m.I1, 0);
            foreach (int k in t.Layout == ArrayLayout.C ? Enumerable.Range(0, n).Reverse() : Enumerable.Range(0, n))
            {
                var off = BuildAnd(b, BuildICmp(b, LLVMIntPredicate.LLVMIntSGT, shape[k], I64(1), ""), BuildICmp(b, LLVMIntPredicate.LLVMIntNE, strides[k], step, ""), "");
                badOrder = BuildOr(b, badOrder, off, "");
                empty = BuildOr(b, empty, BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, shape[k], I64(0), ""), "");
                step = BuildMul(b, step, shape[k], "");
            }
            badOrder = BuildAnd(b, badOrder, BuildNot(b, empty, ""), "");
        }
        var ok = AppendBasicBlockInContext(ctx, fn, "array_ok");
        var fail = AppendBasicBlockInContext(ctx, fn, "array_bad");
        BuildCondBr(b, BuildOr(b, bad, badOrder, ""), fail, ok);
        PositionBuilderAtEnd(b, fail);
        var (raise, raiseType) = m.Runtime("sj_raise");
        string order = t.Layout == ArrayLayout.C ? "C-contiguous" : "Fortran-contiguous";
        var message = BuildSelect(b, bad, m.ConstString($"{function}(): array {param} has a negative dimension"),
            m.ConstString($"{function}(): array {param} is declared {TypeName(t)} and must be {order} (strides {(t.Layout == ArrayLayout.C ? "falling to" : "rising from")} the item size, in bytes); declare it {TypeName(t.With(layout: ArrayLayout.A))} for any strides"), "");
        BuildCall2(b, raiseType, raise, new[] { m.ConstString("ValueError"), message }, "");
        BuildRet(b, LLVM.ConstInt(m.I32, 1));
        PositionBuilderAtEnd(b, ok);
        LLVMValueRef Dims(LLVMValueRef[] values)
        {
            var agg = GetUndef(dims);
            for (int k = 0; k < n; k++) agg = BuildInsertValue(b, agg, values[k], (uint)k, "");
            return agg;
        }
        var v = GetUndef(m.Lower(t));
        v = BuildInsertValue(b, v, ConstPointerNull(m.Ptr), 0, "");
        v = BuildInsertValue(b, v, data, 1, "");
        v = BuildInsertValue(b, v, Dims(shape), 2, "");
        return BuildInsertValue(b, v, Dims(strides), 3, "");
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
