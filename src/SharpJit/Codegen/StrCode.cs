using SharpJit.Llvm;
using SharpJit.Runtime;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Codegen;

/// <summary>
/// str operations emitted inline where they are hot (dict and set lookups, ==): they read the header of
/// <see cref="RuntimeStrings"/> (byte length, cached hash) and call the runtime only for what the header does not
/// answer (a hash not computed yet; the bytes of two strings of equal length and hash).
/// </summary>
public static class StrCode
{
    /// <summary>hash(s): the hash kept in the header, or the runtime's (which computes and keeps it).</summary>
    public static LLVMValueRef Hash(FunctionEmitter e, LLVMValueRef s)
    {
        var M = e.M;
        var (fn, ty) = M.Helper("sj.str_hash", FunctionType(M.I64, new[] { M.Ptr }), (f, b) =>
        {
            var p = GetParam(f, 0);
            var notNull = AppendBasicBlockInContext(M.Ctx, f, "not_null");
            var cached = AppendBasicBlockInContext(M.Ctx, f, "cached");
            var compute = AppendBasicBlockInContext(M.Ctx, f, "compute");
            BuildCondBr(b, BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, p, ConstPointerNull(M.Ptr), ""), compute, notNull);
            PositionBuilderAtEnd(b, notNull);
            var h = BuildLoad2(b, M.I64, Field(M, b, p, RuntimeStrings.HashOffset), "");
            BuildCondBr(b, BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, h, M.ConstI64(RuntimeStrings.NoHash), ""), compute, cached);
            PositionBuilderAtEnd(b, cached);
            BuildRet(b, h);
            PositionBuilderAtEnd(b, compute);
            var (hashFn, hashTy) = M.Runtime("sj_str_hash");
            BuildRet(b, BuildCall2(b, hashTy, hashFn, new[] { p }, ""));
        });
        return BuildCall2(e.B, ty, fn, new[] { s }, "");
    }

    /// <summary>a == b for two strs (i1): the same pointer, else equal lengths, hashes that do not differ (when both
    /// are known) and equal bytes. A null str (no message) goes to the runtime's comparison, which reads it as "".</summary>
    public static LLVMValueRef Equal(FunctionEmitter e, LLVMValueRef a, LLVMValueRef b0)
    {
        var M = e.M;
        var (fn, ty) = M.Helper("sj.str_eq", FunctionType(M.I1, new[] { M.Ptr, M.Ptr }), (f, b) =>
        {
            var x = GetParam(f, 0); var y = GetParam(f, 1);
            LLVMBasicBlockRef Block(string name) => AppendBasicBlockInContext(M.Ctx, f, name);
            var yes = Block("same"); var no = Block("differ"); var nulls = Block("null");
            var headers = Block("headers"); var hashes = Block("hashes"); var bytes = Block("bytes"); var notSame = Block("not_same");
            BuildCondBr(b, BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, x, y, ""), yes, notSame);
            PositionBuilderAtEnd(b, notSame);
            var anyNull = BuildOr(b, BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, x, ConstPointerNull(M.Ptr), ""),
                BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, y, ConstPointerNull(M.Ptr), ""), "");
            BuildCondBr(b, anyNull, nulls, headers);
            PositionBuilderAtEnd(b, headers);
            var length = BuildLoad2(b, M.I64, Field(M, b, x, RuntimeStrings.LengthOffset), "");
            var sameLength = BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, length, BuildLoad2(b, M.I64, Field(M, b, y, RuntimeStrings.LengthOffset), ""), "");
            BuildCondBr(b, sameLength, hashes, no);
            PositionBuilderAtEnd(b, hashes);
            var hx = BuildLoad2(b, M.I64, Field(M, b, x, RuntimeStrings.HashOffset), "");
            var hy = BuildLoad2(b, M.I64, Field(M, b, y, RuntimeStrings.HashOffset), "");
            var none = M.ConstI64(RuntimeStrings.NoHash);
            var bothKnownAndDiffer = BuildAnd(b, BuildICmp(b, LLVMIntPredicate.LLVMIntNE, hx, hy, ""),
                BuildAnd(b, BuildICmp(b, LLVMIntPredicate.LLVMIntNE, hx, none, ""), BuildICmp(b, LLVMIntPredicate.LLVMIntNE, hy, none, ""), ""), "");
            BuildCondBr(b, bothKnownAndDiffer, no, bytes);
            PositionBuilderAtEnd(b, bytes);
            var (memcmp, memcmpTy) = M.LibC("memcmp");
            var diff = BuildCall2(b, memcmpTy, memcmp, new[] { x, y, length }, "");
            BuildRet(b, BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, diff, LLVM.ConstInt(M.I32, 0), ""));
            PositionBuilderAtEnd(b, nulls);
            var (cmp, cmpTy) = M.Runtime("sj_str_cmp");
            BuildRet(b, BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, BuildCall2(b, cmpTy, cmp, new[] { x, y }, ""), LLVM.ConstInt(M.I32, 0), ""));
            PositionBuilderAtEnd(b, yes);
            BuildRet(b, M.ConstBool(true));
            PositionBuilderAtEnd(b, no);
            BuildRet(b, M.ConstBool(false));
        });
        return BuildCall2(e.B, ty, fn, new[] { a, b0 }, "");
    }

    private static LLVMValueRef Field(ModuleEmitter M, LLVMBuilderRef b, LLVMValueRef p, int offset) =>
        BuildGEP2(b, M.I8, p, new[] { M.ConstI64(offset) }, "");
}
