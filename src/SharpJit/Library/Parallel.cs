using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// The three calls an outlined prange loop is made of (Binding/ParallelLoops.cs writes them): how many chunks the range
/// is cut into, the identity a chunk's copy of a reduction variable starts from, and the run itself, which calls the
/// chunk function on the thread pool (Runtime/ParallelLoops.cs) and gives the list of what each chunk returned.
/// </summary>
public static partial class Builtins
{
    private const string ReductionHint = "keep the running value in an array element (acc[0] += x), or loop with range";

    private static void RegisterParallelLoops()
    {
        Add("_sj_prange_chunks", c => ScalarType.Int64, c =>
        {
            var e = c.E;
            if (e.M.Options.Standalone) return e.M.ConstI64(1);   // exported code has no thread pool: one chunk
            var r = c.Arg(0);
            return e.CallRuntime("sj_prange_chunks", e.ExtractValue(r, 0), e.ExtractValue(r, 1), e.ExtractValue(r, 2));
        }, neverRaises: true);

        // _sj_prange_identity(x, op): the value of x's type that op (a literal: + * | & ^ min max) leaves unchanged; a
        // new array of x's shape for an array.
        Add("_sj_prange_identity", c =>
        {
            bool minMax = c.Positional[1].Literal is "min" or "max";
            if (c.Positional[0].Type is Typing.ArrayType a && !minMax)
                return c.Require(PythonLibrary.Function("parallel", "array_identity"), new SjType[] { a, SimpleType.Str }, new[] { null, c.Positional[1].Literal }).ReturnType;
            if (c.Positional[0].Type is not ScalarType t || minMax && t.Kind == ScalarKind.Complex)
                throw c.Error($"a prange loop cannot reduce {TypeOps.WithArticle(c.Positional[0].Type)}"
                    + (minMax ? $" with {c.Positional[1].Literal}(): such a variable must hold a real number"
                        : ": a variable a parallel loop updates with +=, -=, *=, |=, &= or ^= must hold a number or an array"), ReductionHint);
            return t;
        }, c =>
        {
            if (c.ArgType(0) is Typing.ArrayType) return c.CallCompiled(0, c.Arg(0), c.Arg(1));
            var t = (ScalarType)c.ResultType;
            return c.Sig.Literals[1] switch
            {
                "min" or "max" => ExtremeIdentity(c.E, max: c.Sig.Literals[1] is "max", t),
                var op => c.E.Convert(c.E.M.ConstI64(op is "*" ? 1 : op is "&" ? -1 : 0), ScalarType.Int64, t),
            };
        }, mayRaise: sig => sig.Args[0] is Typing.ArrayType, acceptsNarrow: true);

        // _sj_prange_run(chunk, chunks, range): chunk(c, lo, hi, step) for each chunk c; a list of their results.
        Add("_sj_prange_run", c =>
        {
            var chunk = (FunctionType)c.Positional[0].Type;
            var target = c.Require(chunk.Function, chunk.Captures.Concat(Enumerable.Repeat<SjType>(ScalarType.Int64, 4)).ToArray());
            if (target.ReturnType == SimpleType.None || !TypeOps.IsKnown(target.ReturnType)) return target.ReturnType;
            static bool Reducible(SjType t) => t is ScalarType or Typing.ArrayType;
            if (target.ReturnType is TupleType { Items: var items } ? !items.All(Reducible) : !Reducible(target.ReturnType))
                throw c.Error($"a prange loop cannot reduce {TypeOps.WithArticle(target.ReturnType)}: its reduction variables must hold numbers or arrays",
                    ReductionHint);
            return new ListType(target.ReturnType);
        }, LowerParallelRun);
    }

    private static LLVMValueRef LowerParallelRun(LoweringCall c)
    {
        var e = c.E; var M = e.M;
        var target = c.Callees[0];
        if (target.Recursive)
            throw new Diagnostics.CompileError(Diagnostics.ErrorKind.UnsupportedError, "a prange loop whose body calls the function it is in (recursion) cannot run in parallel", e.Source, c.Span);
        var closure = e.Alloca(M.Lower(c.ArgType(0)));
        BuildStore(e.B, c.Arg(0), closure);
        LLVMValueRef list = default, results = ConstPointerNull(M.Ptr);
        if (c.ResultType is ListType lt)
        {
            list = ListCode.Allocate(e, lt, c.Arg(1), c.Span);
            results = ListCode.Items(e, list);
            // Zeroed, so that dropping it after a chunk raised releases the arrays of the chunks that finished alone.
            e.Intrinsic("llvm.memset", new[] { M.Ptr, M.I64 }, results, ConstInt(M.I8, 0, 0), BuildMul(e.B, c.Arg(1), ListCode.ItemSize(e, lt), ""), M.ConstBool(false));
            e.HoldTemporary(list, lt);
        }
        var (range, trampoline) = (c.Arg(2), ParallelTrampoline(M, target, M.Lower(c.ArgType(0)), ((FunctionType)c.ArgType(0)).Captures.Length));
        var (start, stop, step) = (e.ExtractValue(range, 0), e.ExtractValue(range, 1), e.ExtractValue(range, 2));
        var failed = M.Options.Standalone
            ? BuildCall2(e.B, ParallelTrampolineType(M), trampoline, new[] { closure, results, M.ConstI64(0), start, stop, step }, "")
            : e.CallRuntime("sj_prange_run", trampoline, closure, results, c.Arg(1), start, stop, step);
        // The chunk's frame stands for this function's (it is named as this function, at the body's line).
        e.CheckFailed(BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, failed, ConstInt(M.I32, 0, 0), ""), c.Span, recordFrame: false);
        return c.ResultType is ListType ? list : None(c);
    }

    private static LLVMTypeRef ParallelTrampolineType(ModuleEmitter M) =>
        FunctionType(M.I32, new[] { M.Ptr, M.Ptr, M.I64, M.I64, M.I64, M.I64 });

    /// <summary><c>i32 (ptr closure, ptr results, i64 c, i64 lo, i64 hi, i64 step)</c>: calls the chunk function with
    /// the closure's captured values, stores its result at results[c]; 1 when it raised (the exception pending on this
    /// thread). One per chunk function and module.</summary>
    private static LLVMValueRef ParallelTrampoline(ModuleEmitter M, Specialization target, LLVMTypeRef closureType, int captures)
    {
        var callee = M.FunctionOf(target);
        string name = GetValueNameString(callee) + ".prange";
        var fn = GetNamedFunction(M.Module, name);
        if (fn.Handle != 0) return fn;
        fn = AddFunction(M.Module, name, ParallelTrampolineType(M));
        var b = CreateBuilderInContext(M.Ctx);
        try
        {
            PositionBuilderAtEnd(b, AppendBasicBlockInContext(M.Ctx, fn, "entry"));
            var closure = BuildLoad2(b, closureType, GetParam(fn, 0), "");
            var args = Enumerable.Range(0, captures).Select(k => BuildExtractValue(b, closure, (uint)k, ""))
                .Concat(Enumerable.Range(2, 4).Select(k => GetParam(fn, (uint)k))).ToArray();
            var r = BuildCall2(b, M.FunctionTypeOf(target), callee, args, "");
            var value = r;
            if (target.CanRaise)
            {
                var raised = AppendBasicBlockInContext(M.Ctx, fn, "raised");
                var ok = AppendBasicBlockInContext(M.Ctx, fn, "ok");
                BuildCondBr(b, BuildExtractValue(b, r, 1, ""), raised, ok);
                PositionBuilderAtEnd(b, raised);
                BuildRet(b, ConstInt(M.I32, 1, 0));
                PositionBuilderAtEnd(b, ok);
                value = BuildExtractValue(b, r, 0, "");
            }
            if (target.ReturnType != SimpleType.None)
                BuildStore(b, value, BuildInBoundsGEP2(b, M.Lower(target.ReturnType), GetParam(fn, 1), new[] { GetParam(fn, 2) }, ""));
            BuildRet(b, ConstInt(M.I32, 0, 0));
        }
        finally { DisposeBuilder(b); }
        return fn;
    }
}
