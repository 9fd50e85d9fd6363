using System.Runtime.InteropServices;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Runtime;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Engine;

/// <summary>A compiled inner loop of a NumPy ufunc (Out: its output type; null for a generalized ufunc's, whose operands
/// are all in In).</summary>
public sealed record UFuncLoop(nint Address, ScalarType[] In, ScalarType? Out, string NativeName, bool MayRaise)
{
    /// <summary>The loop as a standalone shared library exporting NativeName (compiled for the on-disk cache).</summary>
    public byte[]? SharedObject { get; init; }
    /// <summary>The modules whose functions the loop compiled (the cache records what they read from their hosts).</summary>
    public IReadOnlyCollection<Binding.ModuleInfo> Modules { get; init; } = Array.Empty<Binding.ModuleInfo>();
}

/// <summary>
/// The inner loops of @vectorize functions made into NumPy ufuncs (as Numba makes them): for each element, the operands
/// are read at their strides, the compiled function is called (inlined: one LLVM module) and its result converted to the
/// loop's output type. A loop whose operands are all contiguous has a version of its own, which LLVM vectorises. An
/// exception stops the loop and stays pending for the caller (<see cref="Failed"/>): NumPy runs numeric loops without
/// the GIL and does not ask them.
/// </summary>
public static unsafe class UFuncLoops
{
    /// <summary>Set on the thread whose loop raised; the exception is in ErrorState.</summary>
    [ThreadStatic] public static bool Failed;

    [RuntimeHelper("sj_ufunc_failed"), UnmanagedCallersOnly]
    internal static void MarkFailed() => Failed = true;

    private static int _counter;

    /// <summary>Elements per thread below which a parallel loop runs on the calling thread alone.</summary>
    private const long MinChunk = 16384;

    /// <summary>
    /// sj_ufunc_parallel: target="parallel" — the outer loop split into one contiguous chunk per core, each run by the
    /// serial loop on its own thread (the calling thread takes one). The first exception a chunk stops with is moved to
    /// the calling thread, as if its own loop had raised it.
    /// </summary>
    [RuntimeHelper("sj_ufunc_parallel"), UnmanagedCallersOnly]
    internal static void RunParallel(nint loop, nint args, nint dims, nint steps, long nargs, long ndims)
    {
        long n = *(long*)dims;
        int workers = (int)Math.Min(Environment.ProcessorCount, n / MinChunk);
        var call = (delegate* unmanaged<nint, nint, nint, nint, void>)loop;
        if (workers <= 1) { call(args, dims, steps, 0); return; }
        ErrorState.Caught? first = null;
        var sync = new object();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            long start = n * w / workers, count = n * (w + 1) / workers - start;
            var chunkArgs = stackalloc nint[(int)nargs];
            var chunkDims = stackalloc long[(int)ndims];
            for (int k = 0; k < nargs; k++) chunkArgs[k] = ((nint*)args)[k] + (nint)(start * ((long*)steps)[k]);
            chunkDims[0] = count;
            for (int j = 1; j < ndims; j++) chunkDims[j] = ((long*)dims)[j];
            ((delegate* unmanaged<nint, nint, nint, nint, void>)loop)((nint)chunkArgs, (nint)chunkDims, steps, 0);
            if (!Failed) return;
            Failed = false;
            var caught = ErrorState.Catch();
            lock (sync)
            {
                if (first == null) first = caught;
                else ErrorState.ReleaseCaught(caught);
            }
        });
        if (first == null) return;
        ErrorState.Restore(first);
        ErrorState.ReleaseCaught(first);   // the pending exception took its own reference to the message
        Failed = true;
    }

    /// <summary>Compiles fn for the input types and its loop; the output type is the declared one, else what fn returns.</summary>
    /// <param name="sharedObject">Also link the loop into a standalone shared library (for the on-disk cache).</param>
    public static UFuncLoop Compile(Binding.ModuleInfo module, Binding.FunctionInfo fn, ScalarType[] inputs, ScalarType? output, CodegenOptions options,
        bool parallel = false, bool sharedObject = false) =>
        CompilerStack.Run(() => CompileHere(module, fn, inputs, output, options, parallel, sharedObject));

    private static UFuncLoop CompileHere(Binding.ModuleInfo module, Binding.FunctionInfo fn, ScalarType[] inputs, ScalarType? output, CodegenOptions options,
        bool parallel, bool sharedObject)
    {
        var (types, spec) = Pipeline.Infer(module, fn, inputs);
        if (spec.ReturnType is not ScalarType returned || output is { Rank: < 3 } && returned.Rank == 3)
            throw new ArgumentException($"{fn.Name}() returns {TypeOps.WithArticle(spec.ReturnType)} for ({string.Join(", ", inputs.Select(t => t.Name))}), "
                + (output == null ? "where a @vectorize function returns a number for each element" : $"which does not convert to {output.Name}"));
        var outType = output ?? returned;
        string native = $"{fn.Name}.ufunc{Interlocked.Increment(ref _counter)}";
        return Finish(module, types, spec, options, native, inputs, outType, parallel ? 1 : 0, sharedObject,
            (emitter, name, entry) => EmitLoop(emitter, name, entry, inputs, returned, outType));
    }

    /// <summary>Emits the function and its loop in one module (the function is inlined), optimises and adds it.</summary>
    private static UFuncLoop Finish(Binding.ModuleInfo module, TypeInference types, Specialization spec, CodegenOptions options, string native,
        ScalarType[] inputs, ScalarType? output, int parallelDims, bool sharedObject, Action<ModuleEmitter, string, LLVMValueRef> emitLoop)
    {
        var jit = JitHost.Jit;
        lock (jit.SyncRoot)
        {
            var m = jit.CreateModule(native);
            var emitter = new ModuleEmitter(jit.ContextRef, m, types, options);
            Pipeline.Guard(module.Source, () => { emitter.EmitAll(new[] { spec }); return 0; });
            var entry = GetNamedFunction(m, ModuleEmitter.EntryName(spec));
            if (parallelDims == 0) emitLoop(emitter, native, entry);
            else
            {
                // target="parallel": the loop itself, and the exported function that splits the work (RunParallel).
                emitLoop(emitter, native + ".serial", entry);
                var serial = GetNamedFunction(m, native + ".serial");
                SetLinkage(serial, LLVMLinkage.LLVMInternalLinkage);
                EmitParallelEntry(emitter, native, serial, inputs.Length + (output == null ? 0 : 1), parallelDims);
            }
            SetLinkage(entry, LLVMLinkage.LLVMInternalLinkage);
            Pipeline.Guard(module.Source, () =>
            {
                ModuleText.VerifyOrThrow(m);
                Optimizer.Run(m, jit.TargetMachine);
                return 0;
            });
            // Whether the loop can stop with an exception: whether its error path survived optimisation (the
            // typing's answer is wider: it does not know the NumPy error model's divisions).
            var failed = GetNamedFunction(m, "sj_ufunc_failed");
            bool mayRaise = failed.Handle != 0 && GetFirstUse(failed).Handle != 0;
            var library = sharedObject ? Pipeline.Guard(module.Source, () => SharedObjects.Build(m, jit.TargetMachine)) : null;
            Pipeline.Guard(module.Source, () => jit.AddModule(m));
            var address = Pipeline.Guard(module.Source, () => jit.Lookup(native));
            return new UFuncLoop(address, inputs, output, native, mayRaise)
            {
                SharedObject = library, Modules = types.Specializations.Select(x => x.Function.Module).ToHashSet(),
            };
        }
    }

    /// <summary>One operand of a generalized ufunc's loop: a number (<paramref name="Ndim"/> -1) or an array of that
    /// many dimensions, and the core dimensions of the ufunc's signature it spans (their numbers in order of first
    /// appearance). An array declared over no core dimension is one element long, as Numba passes it.</summary>
    public sealed record GeneralizedOperand(ScalarType Dtype, int Ndim, int[] CoreDims)
    {
        public SjType Type => Ndim < 0 ? Dtype : new ArrayType(Dtype, Ndim, ArrayLayout.A);
    }

    /// <summary>
    /// The loop of a @guvectorize function (a generalized ufunc, NumPy's <c>PyUFunc_FromFuncAndDataAndSignature</c>):
    /// for each step of the outer loop, each array operand is a borrowed view of its core dimensions (sizes in
    /// dims[1 + d], strides after the operands' outer strides), numbers are read, and the function, which returns
    /// nothing, writes its outputs.
    /// </summary>
    public static UFuncLoop CompileGeneralized(Binding.ModuleInfo module, Binding.FunctionInfo fn, GeneralizedOperand[] operands, CodegenOptions options,
        bool parallel = false, bool sharedObject = false) =>
        CompilerStack.Run(() =>
        {
            var (types, spec) = Pipeline.Infer(module, fn, operands.Select(o => o.Type).ToArray());
            if (spec.ReturnType != SimpleType.None)
                throw new ArgumentException($"{fn.Name}() returns {TypeOps.WithArticle(spec.ReturnType)}: a @guvectorize function writes its results into its output arrays and returns nothing");
            string native = $"{fn.Name}.gufunc{Interlocked.Increment(ref _counter)}";
            int dims = 1 + operands.SelectMany(o => o.CoreDims).DefaultIfEmpty(-1).Max() + 1;
            return Finish(module, types, spec, options, native, operands.Select(o => o.Dtype).ToArray(), null, parallel ? dims : 0, sharedObject,
                (emitter, name, entry) => EmitGeneralizedLoop(emitter, name, entry, operands));
        });

    private static void EmitLoop(ModuleEmitter m, string name, LLVMValueRef entry, ScalarType[] inputs, ScalarType returned, ScalarType output) =>
        EmitLoopFunction(m, name, (b, fn, args, dims, steps) =>
        {
            var ctx = m.Ctx;
            var operands = inputs.Append(output).ToArray();
            var n = BuildLoad2(b, m.I64, dims, "n");
            var data = new LLVMValueRef[operands.Length];
            var stride = new LLVMValueRef[operands.Length];
            var contiguous = m.ConstBool(true);
            for (int k = 0; k < operands.Length; k++)
            {
                data[k] = BuildLoad2(b, m.Ptr, BuildGEP2(b, m.Ptr, args, new[] { m.ConstI64(k) }, ""), "");
                stride[k] = BuildLoad2(b, m.I64, BuildGEP2(b, m.I64, steps, new[] { m.ConstI64(k) }, ""), "");
                contiguous = BuildAnd(b, contiguous, BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, stride[k], m.ConstI64(operands[k].ItemSize), ""), "");
            }
            var argsType = StructTypeInContext(ctx, inputs.Select(m.Lower).ToArray());
            var argSlots = BuildAlloca(b, argsType, "args");
            var result = BuildAlloca(b, m.Lower(returned), "result");
            SetAlignment(result, 16);
            var done = AppendBasicBlockInContext(ctx, fn, "done");
            var failed = AppendBasicBlockInContext(ctx, fn, "failed");
            var dense = AppendBasicBlockInContext(ctx, fn, "contiguous");
            var strided = AppendBasicBlockInContext(ctx, fn, "strided");
            BuildCondBr(b, contiguous, dense, strided);
            // The same loop twice: constant strides in the first (LLVM vectorises it), the operands' own in the second.
            foreach (var (block, strides) in new[] { (dense, operands.Select(t => m.ConstI64(t.ItemSize)).ToArray()), (strided, stride) })
            {
                PositionBuilderAtEnd(b, block);
                var head = AppendBasicBlockInContext(ctx, fn, "loop");
                var body = AppendBasicBlockInContext(ctx, fn, "body");
                var next = AppendBasicBlockInContext(ctx, fn, "next");
                BuildBr(b, head);
                PositionBuilderAtEnd(b, head);
                var i = BuildPhi(b, m.I64, "i");
                BuildCondBr(b, BuildICmp(b, LLVMIntPredicate.LLVMIntSLT, i, n, ""), body, done);
                PositionBuilderAtEnd(b, body);
                LLVMValueRef At(int k) => BuildGEP2(b, m.I8, data[k], new[] { BuildMul(b, i, strides[k], "") }, "");
                for (int k = 0; k < inputs.Length; k++)
                    BuildStore(b, ArrayCode.Load(b, m, inputs[k], At(k)), BuildStructGEP2(b, argsType, argSlots, (uint)k, ""));
                CallEntry(b, m, entry, argSlots, result, failed, next);
                var value = ConvertElement(b, m, BuildLoad2(b, m.Lower(returned), result, ""), returned, output);
                ArrayCode.Store(b, m, output, At(inputs.Length), value);
                var i1 = BuildAdd(b, i, m.ConstI64(1), "");
                BuildBr(b, head);
                AddIncoming(i, new[] { m.ConstI64(0), i1 }, new[] { block, next });
            }
            EmitExits(b, m, failed, done);
        });

    /// <summary>Calls the compiled function for one element; an exception branches to <paramref name="failed"/>.</summary>
    private static void CallEntry(LLVMBuilderRef b, ModuleEmitter m, LLVMValueRef entry, LLVMValueRef args, LLVMValueRef result,
        LLVMBasicBlockRef failed, LLVMBasicBlockRef next)
    {
        var status = BuildCall2(b, FunctionType(m.I32, new[] { m.Ptr, m.Ptr }), entry, new[] { args, result }, "status");
        BuildCondBr(b, BuildICmp(b, LLVMIntPredicate.LLVMIntNE, status, LLVM.ConstInt(m.I32, 0), ""), failed, next);
        PositionBuilderAtEnd(b, next);
    }

    /// <summary>The loop's ends: an exception marks the thread (<see cref="Failed"/>) and stops the loop.</summary>
    private static void EmitExits(LLVMBuilderRef b, ModuleEmitter m, LLVMBasicBlockRef failed, LLVMBasicBlockRef done)
    {
        PositionBuilderAtEnd(b, failed);
        var (report, reportType) = m.Runtime("sj_ufunc_failed");
        BuildCall2(b, reportType, report, Array.Empty<LLVMValueRef>(), "");
        BuildBr(b, done);
        PositionBuilderAtEnd(b, done);
        BuildRetVoid(b);
    }

    private static void EmitParallelEntry(ModuleEmitter m, string name, LLVMValueRef serial, int nargs, int ndims) =>
        EmitLoopFunction(m, name, (b, fn, args, dims, steps) =>
        {
            var (run, runType) = m.Runtime("sj_ufunc_parallel");
            BuildCall2(b, runType, run, new[] { serial, args, dims, steps, m.ConstI64(nargs), m.ConstI64(ndims) }, "");
            BuildRetVoid(b);
        });

    /// <summary>Adds <c>void name(char **args, npy_intp *dims, npy_intp *steps, void *data)</c> and emits its body from
    /// its entry block.</summary>
    private static void EmitLoopFunction(ModuleEmitter m, string name,
        Action<LLVMBuilderRef, LLVMValueRef, LLVMValueRef, LLVMValueRef, LLVMValueRef> body)
    {
        var fn = AddFunction(m.Module, name, FunctionType(m.Void, new[] { m.Ptr, m.Ptr, m.Ptr, m.Ptr }));
        AddEnumAttribute(m.Ctx, fn, uint.MaxValue, "nounwind");
        var b = CreateBuilderInContext(m.Ctx);
        try
        {
            PositionBuilderAtEnd(b, AppendBasicBlockInContext(m.Ctx, fn, "entry"));
            body(b, fn, GetParam(fn, 0), GetParam(fn, 1), GetParam(fn, 2));
        }
        finally { DisposeBuilder(b); }
    }

    private static void EmitGeneralizedLoop(ModuleEmitter m, string name, LLVMValueRef entry, GeneralizedOperand[] operands) =>
        EmitLoopFunction(m, name, (b, fn, args, dims, steps) =>
        {
            var ctx = m.Ctx;
            LLVMValueRef I64At(LLVMValueRef p, int k) => BuildLoad2(b, m.I64, BuildGEP2(b, m.I64, p, new[] { m.ConstI64(k) }, ""), "");
            var n = I64At(dims, 0);
            var argsType = StructTypeInContext(ctx, operands.Select(o => m.Lower(o.Type)).ToArray());
            var argSlots = BuildAlloca(b, argsType, "args");
            var result = BuildAlloca(b, m.Lower(SimpleType.None), "result");
            // What does not change from step to step: each operand's base, outer stride, and its views' shape and strides.
            var data = new LLVMValueRef[operands.Length];
            var outer = new LLVMValueRef[operands.Length];
            var views = new LLVMValueRef[operands.Length];
            int coreStride = operands.Length;
            for (int k = 0; k < operands.Length; k++)
            {
                var o = operands[k];
                data[k] = BuildLoad2(b, m.Ptr, BuildGEP2(b, m.Ptr, args, new[] { m.ConstI64(k) }, ""), "");
                outer[k] = I64At(steps, k);
                if (o.Ndim < 0) { coreStride += o.CoreDims.Length; continue; }
                var view = GetUndef(m.Lower(o.Type));
                view = BuildInsertValue(b, view, ConstPointerNull(m.Ptr), 0, "");   // borrowed: no meminfo
                for (int axis = 0; axis < o.Ndim; axis++)
                {
                    bool core = axis < o.CoreDims.Length;
                    var size = core ? I64At(dims, 1 + o.CoreDims[axis]) : m.ConstI64(1);
                    var stride = core ? I64At(steps, coreStride + axis) : m.ConstI64(o.Dtype.ItemSize);
                    view = InsertIndexed(b, view, 2, axis, size);
                    view = InsertIndexed(b, view, 3, axis, stride);
                }
                coreStride += o.CoreDims.Length;
                views[k] = view;
            }
            var head = AppendBasicBlockInContext(ctx, fn, "loop");
            var body = AppendBasicBlockInContext(ctx, fn, "body");
            var next = AppendBasicBlockInContext(ctx, fn, "next");
            var failed = AppendBasicBlockInContext(ctx, fn, "failed");
            var done = AppendBasicBlockInContext(ctx, fn, "done");
            var start = GetInsertBlock(b);
            BuildBr(b, head);
            PositionBuilderAtEnd(b, head);
            var i = BuildPhi(b, m.I64, "i");
            BuildCondBr(b, BuildICmp(b, LLVMIntPredicate.LLVMIntSLT, i, n, ""), body, done);
            PositionBuilderAtEnd(b, body);
            for (int k = 0; k < operands.Length; k++)
            {
                var at = BuildGEP2(b, m.I8, data[k], new[] { BuildMul(b, i, outer[k], "") }, "");
                var value = operands[k].Ndim < 0 ? ArrayCode.Load(b, m, operands[k].Dtype, at) : BuildInsertValue(b, views[k], at, 1, "");
                BuildStore(b, value, BuildStructGEP2(b, argsType, argSlots, (uint)k, ""));
            }
            CallEntry(b, m, entry, argSlots, result, failed, next);
            var i1 = BuildAdd(b, i, m.ConstI64(1), "");
            BuildBr(b, head);
            AddIncoming(i, new[] { m.ConstI64(0), i1 }, new[] { start, next });
            EmitExits(b, m, failed, done);
        });

    /// <summary>Sets element <paramref name="index"/> of the array field <paramref name="field"/> of a struct value.</summary>
    private static LLVMValueRef InsertIndexed(LLVMBuilderRef b, LLVMValueRef aggregate, uint field, int index, LLVMValueRef value) =>
        BuildInsertValue(b, aggregate, BuildInsertValue(b, BuildExtractValue(b, aggregate, field, ""), value, (uint)index, ""), field, "");

    /// <summary>NumPy's unsafe cast of a loop's result to its declared output type (a complex to a real type keeps the
    /// real part, a float to an integer truncates, saturating where C would be undefined).</summary>
    private static LLVMValueRef ConvertElement(LLVMBuilderRef b, ModuleEmitter m, LLVMValueRef v, ScalarType from, ScalarType to)
    {
        if (from == to) return v;
        var target = m.Lower(to);
        if (from.Rank == 3)
        {
            var part = from.Bits == 64 ? ScalarType.Float32 : ScalarType.Float64;
            if (to.Rank == 3)
            {
                var toPart = to.Bits == 64 ? ScalarType.Float32 : ScalarType.Float64;
                var re = ConvertElement(b, m, BuildExtractValue(b, v, 0, ""), part, toPart);
                var im = ConvertElement(b, m, BuildExtractValue(b, v, 1, ""), part, toPart);
                return BuildInsertValue(b, BuildInsertValue(b, GetUndef(target), re, 0, ""), im, 1, "");
            }
            if (to.Rank == 0)
                return BuildOr(b, ConvertElement(b, m, BuildExtractValue(b, v, 0, ""), part, to), ConvertElement(b, m, BuildExtractValue(b, v, 1, ""), part, to), "");
            return ConvertElement(b, m, BuildExtractValue(b, v, 0, ""), part, to);
        }
        if (to.Rank == 3)
        {
            var part = to.Bits == 64 ? ScalarType.Float32 : ScalarType.Float64;
            return BuildInsertValue(b, BuildInsertValue(b, GetUndef(target), ConvertElement(b, m, v, from, part), 0, ""),
                ConstNull(m.Lower(part)), 1, "");
        }
        if (to.Rank == 0)
            return from.Rank == 2 ? BuildFCmp(b, LLVMRealPredicate.LLVMRealUNE, v, ConstNull(TypeOf(v)), "")
                : BuildICmp(b, LLVMIntPredicate.LLVMIntNE, v, ConstNull(TypeOf(v)), "");
        if (to.Rank == 2)
            return from.Rank == 2 ? (from.Bits < to.Bits ? BuildFPExt(b, v, target, "") : BuildFPTrunc(b, v, target, ""))
                : from.Rank == 0 || from.IsUnsigned ? BuildUIToFP(b, v, target, "") : BuildSIToFP(b, v, target, "");
        if (from.Rank == 2)
        {
            var wide = from.Bits == 32 ? BuildFPExt(b, v, m.F64, "") : v;
            var overloads = new[] { m.I64, m.F64 };
            var sat = BuildCall2(b, IntrinsicGetType(m.Ctx, "llvm.fptosi.sat", overloads), GetIntrinsicDeclaration(m.Module, "llvm.fptosi.sat", overloads), new[] { wide }, "");
            return to.Bits == 64 ? sat : BuildTrunc(b, sat, target, "");
        }
        if (from.Rank == 0) return BuildZExt(b, v, target, "");
        return from.Bits == to.Bits ? v : from.Bits > to.Bits ? BuildTrunc(b, v, target, "")
            : from.IsUnsigned ? BuildZExt(b, v, target, "") : BuildSExt(b, v, target, "");
    }
}
