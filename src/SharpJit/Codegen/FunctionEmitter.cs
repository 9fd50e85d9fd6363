using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Library;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Codegen;

/// <summary>Lowers one typed specialisation to an LLVM function. Library operations lower through this class's helpers.</summary>
public sealed unsafe class FunctionEmitter
{
    public ModuleEmitter M { get; }
    public Specialization Spec { get; }
    public LLVMBuilderRef B { get; }
    private readonly LLVMValueRef _fn;
    private readonly Dictionary<Value, LLVMValueRef> _values = new();
    private readonly Dictionary<Block, LLVMBasicBlockRef> _blocks = new();
    private readonly List<(LLVMValueRef Phi, LLVMValueRef Value, LLVMBasicBlockRef From)> _incoming = new();
    private readonly Dictionary<Instr, LLVMValueRef> _phiSlots = new();
    private LLVMBasicBlockRef? _entryContinuation;
    private LLVMValueRef? _jmpBuf;

    /// <summary>This function's jmp_buf for entering recursive callees (one stack slot in the entry block).</summary>
    private LLVMValueRef JmpBuf()
    {
        if (_jmpBuf is { } existing) return existing;
        var b = CreateBuilderInContext(M.Ctx);
        var entry = GetEntryBasicBlock(_fn);
        var first = GetFirstInstruction(entry);
        if (first.Handle != IntPtr.Zero) PositionBuilderBefore(b, first); else PositionBuilderAtEnd(b, entry);
        var slot = BuildAlloca(b, ArrayType2(M.I8, ModuleEmitter.JmpBufSize), "jmpbuf");
        SetAlignment(slot, 16);
        DisposeBuilder(b);
        _jmpBuf = slot;
        return slot;
    }
    /// <summary>f-string parts whose only uses are writes (print, messages) are streamed, not materialised.</summary>
    private readonly HashSet<Instr> _lazyStrings = new();
    private SourceText Source => Spec.Function.Module.Source;

    public FunctionEmitter(ModuleEmitter m, Specialization spec)
    {
        M = m; Spec = spec;
        _fn = m.FunctionOf(spec);
        B = CreateBuilderInContext(m.Ctx);
    }

    public void Emit()
    {
        try
        {
            var blocks = Spec.Ir.Blocks;
            foreach (var b in blocks) _blocks[b] = AppendBasicBlockInContext(M.Ctx, _fn, $"b{b.Id}");
            uint firstArg = Spec.Recursive ? 2u : 0u;   // a recursive function's first parameters: call depth, jmp_buf
            foreach (var p in Spec.Ir.Params) _values[p] = GetParam(_fn, firstArg + (uint)(int)p.Data!);
            FindLazyStrings();
            // Iterator states (range, tuple iterators) carried around loops live in stack slots that SROA splits into
            // scalar phis: LLVM does not split a phi of a struct, which would hide the loop counter and its
            // invariant bound from the loop optimisers and the vectoriser.
            PositionBuilderAtEnd(B, _blocks[blocks[0]]);
            foreach (var phi in blocks.SelectMany(b => b.Phis))
                if (phi.Type == SimpleType.RangeIter || phi.Type is TupleIterType) _phiSlots[phi] = BuildAlloca(B, M.Lower(phi.Type), "");
            foreach (var b in blocks)
            {
                PositionBuilderAtEnd(B, _blocks[b]);
                foreach (var phi in b.Phis)
                    if (!_phiSlots.ContainsKey(phi)) _values[phi] = BuildPhi(B, M.Lower(phi.Type), "");
                foreach (var phi in b.Phis)
                    if (_phiSlots.TryGetValue(phi, out var slot)) _values[phi] = BuildLoad2(B, M.Lower(phi.Type), slot, "");
            }
            if (Spec.Recursive)
            {
                // Past the limit: set RecursionError and long-jump to where the cycle was entered (CallGuarded).
                PositionBuilderAtEnd(B, _blocks[blocks[0]]);
                var tooDeep = NewBlock("too_deep"); var ok = NewBlock("depth_ok");
                BuildCondBr(B, Expect(BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, GetParam(_fn, 0), M.ConstI64(RaiseAnalysis.RecursionLimit), ""), false), tooDeep, ok);
                PositionBuilderAtEnd(B, tooDeep);
                CallRuntime("sj_raise", M.ConstString("RecursionError"), M.ConstString("maximum recursion depth exceeded"));
                var (longjmp, longjmpType) = M.LibC("longjmp");
                BuildCall2(B, longjmpType, longjmp, new[] { GetParam(_fn, 1), LLVM.ConstInt(M.I32, 1) }, "");
                BuildUnreachable(B);
                PositionBuilderAtEnd(B, ok);
                _entryContinuation = ok;
            }
            foreach (var b in blocks)
            {
                PositionBuilderAtEnd(B, b == blocks[0] && _entryContinuation is { } c ? c : _blocks[b]);
                foreach (var i in b.Instrs)
                {
                    if (_lazyStrings.Contains(i)) continue;
                    _values[i] = EmitInstr(i);
                }
                EmitTerminator(b);
            }
            foreach (var (phi, v, from) in _incoming) AddIncoming(phi, v, from);
        }
        finally { DisposeBuilder(B); }
    }

    // ------------------------------------------------------------ helpers for library lowering

    public CompileError Internal(Span span, string message) => new(ErrorKind.InternalError, message, Source, span);

    public LLVMValueRef ValueOf(Value v)
    {
        if (v is Instr { Op: Op.Undef }) return GetPoison(M.Lower(v.Type));
        if (v is WidenedArg w) return Convert(ValueOf(w.Inner), w.Inner.Type, w.Type);
        if (_values.TryGetValue(v, out var r)) return r;
        if (v is Instr i && _lazyStrings.Contains(i)) return _values[i] = EmitInstr(i, materialise: true);
        throw Internal(v.Span, $"internal: value %{v.Id} used before definition");
    }

    public LLVMBasicBlockRef NewBlock(string name) => AppendBasicBlockInContext(M.Ctx, _fn, name);

    public LLVMValueRef CallRuntime(string name, params LLVMValueRef[] args)
    {
        var (fn, ty) = M.Runtime(name);
        return BuildCall2(B, ty, fn, args, "");
    }

    public LLVMValueRef CallLibm(string name, params LLVMValueRef[] args)
    {
        var (fn, ty) = M.Libm(name, args.Length);
        return BuildCall2(B, ty, fn, args, "");
    }

    public LLVMValueRef Intrinsic(string name, LLVMTypeRef[] overloads, params LLVMValueRef[] args)
    {
        var decl = GetIntrinsicDeclaration(M.Module, name, overloads);
        var ty = IntrinsicGetType(M.Ctx, name, overloads);
        return BuildCall2(B, ty, decl, args, "");
    }

    /// <summary>Records the current function and line in the traceback and returns the failure result.</summary>
    /// <param name="recordFrame">False when the exception belongs to the caller's frame (RecursionError on entry).</param>
    public void ReturnError(Span span, bool recordFrame = true)
    {
        if (!Spec.CanRaise) throw Internal(span, $"internal: '{Spec.Function.QualName}' was analysed as unable to raise, but raises here");
        var (line, _) = Source.LineColumn(span.Start);
        if (recordFrame)
            CallRuntime("sj_traceback", M.ConstString(Spec.Function.QualName == "<module>" ? "<module>" : Spec.Function.Name),
                M.ConstString(Source.Path), M.ConstI64(line), M.ConstString(Source.LineText(line).Trim()));
        var ret = InsertValue(GetPoison(M.ResultType(Spec.ReturnType)), M.ConstBool(true), 1);
        BuildRet(B, ret);
    }

    /// <summary>Branches to an error exit when failed is true (the exception is already set); continues otherwise.</summary>
    public void CheckFailed(LLVMValueRef failed, Span span)
    {
        var err = NewBlock("err"); var ok = NewBlock("ok");
        BuildCondBr(B, Expect(failed, false), err, ok);
        PositionBuilderAtEnd(B, err);
        ReturnError(span);
        PositionBuilderAtEnd(B, ok);
    }

    public LLVMValueRef Expect(LLVMValueRef cond, bool expected) =>
        Intrinsic("llvm.expect", new[] { M.I1 }, cond, M.ConstBool(expected));

    /// <summary>Raises excName(message) when cond is true.</summary>
    /// <summary>The value of an LLVM integer constant (the builder folds constant operands), else null.</summary>
    public static long? ConstantIntOf(LLVMValueRef v) =>
        IsAConstantInt(v).Handle != IntPtr.Zero ? ConstIntGetSExtValue(v) : null;

    public void RaiseIf(LLVMValueRef cond, string excName, string message, Span span, bool recordFrame = true)
    {
        // The builder folds checks on constant operands (x // 3, x << 2); a check folded to false needs no code,
        // which is what RaiseAnalysis relies on when it calls such an operation safe.
        if (ConstantIntOf(cond) == 0) return;
        var err = NewBlock("raise"); var ok = NewBlock("ok");
        BuildCondBr(B, Expect(cond, false), err, ok);
        PositionBuilderAtEnd(B, err);
        CallRuntime("sj_raise", M.ConstString(excName), M.ConstString(message));
        ReturnError(span, recordFrame);
        PositionBuilderAtEnd(B, ok);
    }

    /// <summary>Calls a fallible runtime helper returning i32 status (non-zero: exception set).</summary>
    public void CallChecked(string name, Span span, params LLVMValueRef[] args)
    {
        var status = CallRuntime(name, args);
        CheckFailed(BuildICmp(B, LLVMIntPredicate.LLVMIntNE, status, LLVM.ConstInt(M.I32, 0), ""), span);
    }

    /// <summary>cond ? then() : else(), each arm emitted in its own block (for arms with side effects or cost).</summary>
    public LLVMValueRef IfElse(LLVMValueRef cond, LLVMTypeRef type, Func<LLVMValueRef> then, Func<LLVMValueRef> otherwise)
    {
        var tb = NewBlock("then"); var eb = NewBlock("else"); var join = NewBlock("join");
        BuildCondBr(B, cond, tb, eb);
        PositionBuilderAtEnd(B, tb);
        var tv = then(); var tEnd = GetInsertBlock(B);
        BuildBr(B, join);
        PositionBuilderAtEnd(B, eb);
        var ev = otherwise(); var eEnd = GetInsertBlock(B);
        BuildBr(B, join);
        PositionBuilderAtEnd(B, join);
        var phi = BuildPhi(B, type, "");
        AddIncoming(phi, tv, tEnd);
        AddIncoming(phi, ev, eEnd);
        return phi;
    }

    public LLVMValueRef Alloca(LLVMTypeRef t)
    {
        // Allocas go in the entry block so that mem2reg/SROA can promote them.
        var cur = GetInsertBlock(B);
        var entry = GetEntryBasicBlock(_fn);
        var first = GetFirstInstruction(entry);
        if (first.Handle != 0) PositionBuilderBefore(B, first); else PositionBuilderAtEnd(B, entry);
        var a = BuildAlloca(B, t, "");
        PositionBuilderAtEnd(B, cur);
        return a;
    }

    public LLVMValueRef ExtractValue(LLVMValueRef agg, int index) => BuildExtractValue(B, agg, (uint)index, "");
    public LLVMValueRef InsertValue(LLVMValueRef agg, LLVMValueRef v, int index) => BuildInsertValue(B, agg, v, (uint)index, "");

    public LLVMValueRef MakeStruct(LLVMTypeRef type, params LLVMValueRef[] items)
    {
        var v = GetUndef(type);
        for (int k = 0; k < items.Length; k++) v = InsertValue(v, items[k], k);
        return v;
    }

    public LLVMValueRef MakeComplex(LLVMValueRef re, LLVMValueRef im) => MakeStruct(M.Complex, re, im);

    /// <summary>Converts a value between scalar types (elementwise for tuples): the promotions operators and phis
    /// need, and the explicit casts of np.int32(x) and friends.</summary>
    public LLVMValueRef Convert(LLVMValueRef v, SjType from, SjType to)
    {
        if (from == to) return v;
        if (from == SimpleType.Undefined || from == SimpleType.Unknown) return GetPoison(M.Lower(to));
        if (from is ScalarType f && to is ScalarType t) return ConvertScalar(v, f, t);
        if (from is TupleType ft && to is TupleType tt)
        {
            var r = GetUndef(M.Lower(to));
            for (int k = 0; k < tt.Items.Length; k++) r = InsertValue(r, Convert(ExtractValue(v, k), ft.Items[k], tt.Items[k]), k);
            return r;
        }
        throw new InvalidOperationException($"cannot convert {from} to {to}");
    }

    private LLVMValueRef ConvertScalar(LLVMValueRef v, ScalarType f, ScalarType t)
    {
        if (f == t) return v;
        var to = M.Lower(t);
        if (t.Rank == 0) return Truth(v, f);
        if (t.Rank == 3)
        {
            var part = t.Bits == 64 ? ScalarType.Float32 : ScalarType.Float64;
            if (f.Rank == 3)
            {
                var fromPart = f.Bits == 64 ? ScalarType.Float32 : ScalarType.Float64;
                return MakeStruct(to, ConvertScalar(ExtractValue(v, 0), fromPart, part), ConvertScalar(ExtractValue(v, 1), fromPart, part));
            }
            return MakeStruct(to, ConvertScalar(v, f, part), ConstNull(M.Lower(part)));
        }
        if (f.Rank == 3) throw new InvalidOperationException($"narrowing {f} to {t}");
        if (t.Rank == 1)
        {
            if (f.Rank == 0) return BuildZExt(B, v, to, "");
            if (f.Rank == 1)
                return f.Bits == t.Bits ? v : f.Bits > t.Bits ? BuildTrunc(B, v, to, "")
                    : f.IsUnsigned ? BuildZExt(B, v, to, "") : BuildSExt(B, v, to, "");
            // float to integer (explicit casts only): saturating through 64 bits, then wrapped to the width, which
            // is what NumPy's C casts give on x86 for in-range values (out of range is undefined in C).
            var x = f.Bits == 32 ? BuildFPExt(B, v, M.F64, "") : v;
            var i = Intrinsic("llvm.fptosi.sat", new[] { M.I64, M.F64 }, x);
            if (t == ScalarType.UInt64)
                i = BuildSelect(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOGE, x, M.ConstF64(9223372036854775808.0), ""),
                    Intrinsic("llvm.fptoui.sat", new[] { M.I64, M.F64 }, x), i, "");
            return t.Bits == 64 ? i : BuildTrunc(B, i, to, "");
        }
        if (f.Rank == 0 || f.IsUnsigned) return BuildUIToFP(B, v, to, "");
        if (f.Rank == 1) return BuildSIToFP(B, v, to, "");
        return f.Bits < t.Bits ? BuildFPExt(B, v, to, "") : BuildFPTrunc(B, v, to, "");
    }

    /// <summary>Python truthiness as i1.</summary>
    public LLVMValueRef Truth(LLVMValueRef v, SjType t)
    {
        switch (t)
        {
            case ScalarType { Rank: 0 }: return v;
            case ScalarType { Rank: 1 }: return BuildICmp(B, LLVMIntPredicate.LLVMIntNE, v, ConstNull(TypeOf(v)), "");
            case ScalarType { Rank: 2 }: return BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, v, ConstNull(TypeOf(v)), "");
            case ScalarType { Rank: 3 }:
                var re = ExtractValue(v, 0);
                return BuildOr(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, re, ConstNull(TypeOf(re)), ""),
                    BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, ExtractValue(v, 1), ConstNull(TypeOf(re)), ""), "");
            case TupleType tt: return M.ConstBool(tt.Items.Length > 0);
        }
        if (t == SimpleType.None) return M.ConstBool(false);
        if (t == SimpleType.Str)
            return BuildICmp(B, LLVMIntPredicate.LLVMIntNE, BuildLoad2(B, M.I8, v, ""), LLVM.ConstInt(M.I8, 0), "");
        if (t == SimpleType.Range) return RangeNonEmpty(ExtractValue(v, 0), ExtractValue(v, 1), ExtractValue(v, 2));
        return M.ConstBool(true);
    }

    public LLVMValueRef RangeNonEmpty(LLVMValueRef cur, LLVMValueRef stop, LLVMValueRef step)
    {
        var up = BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, cur, stop, "");
        var down = BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, cur, stop, "");
        var positive = BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, step, M.ConstI64(0), "");
        return BuildSelect(B, positive, up, down, "");
    }

    // ------------------------------------------------------------ instructions

    private void FindLazyStrings()
    {
        var uses = new Dictionary<Value, List<Instr>>();
        foreach (var b in Spec.Ir.Blocks)
            foreach (var i in b.Phis.Concat(b.Instrs))
                foreach (var a in i.Args)
                {
                    if (!uses.TryGetValue(a, out var l)) uses[a] = l = new();
                    l.Add(i);
                }
        var used = Spec.Ir.Blocks.Where(b => b.Term.Value != null).Select(b => b.Term.Value!).ToHashSet();
        foreach (var b in Spec.Ir.Blocks)
            foreach (var i in b.Instrs)
            {
                if (i.Op is not (Op.JoinStr or Op.FormatValue) || used.Contains(i)) continue;
                if (uses.TryGetValue(i, out var us) && us.All(IsStreamingUse)) _lazyStrings.Add(i);
            }
        bool IsStreamingUse(Instr u) =>
            u.Op == Op.JoinStr ||
            u.Op == Op.Call && u.Resolved is ResolvedLibraryCall { Function.Name: "print" } ||
            u.Op == Op.Call && u.Resolved is ResolvedException;
    }

    private LLVMValueRef EmitInstr(Instr i, bool materialise = false)
    {
        try { return EmitInstrCore(i); }
        catch (CompileError) { throw; }
        catch (LlvmException) { throw; }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidCastException or KeyNotFoundException or NullReferenceException or IndexOutOfRangeException)
        {
            throw Internal(i.Span, $"internal compiler error while lowering {i.Op} ({i.Type}): {ex.Message}");
        }
    }

    private LLVMValueRef EmitInstrCore(Instr i)
    {
        if (i.Type == SimpleType.Unknown) throw Internal(i.Span, "internal: value with unknown type reached code generation");
        switch (i.Op)
        {
            case Op.Const: return M.Constant(i.Data, i.Type);
            case Op.Global:
            {
                if (i.Resolved != null) return M.Constant(i.Resolved, i.Type);
                string name = (string)i.Data!;
                if (M.Types.GlobalTypes.ContainsKey(name) && !Spec.Function.IsModule)
                {
                    var (g, t) = M.ModuleGlobal(name);
                    return BuildLoad2(B, M.Lower(t), g, name);
                }
                return GetUndef(M.Lower(i.Type));
            }
            case Op.StoreGlobal:
            {
                string name = (string)i.Data!;
                if (M.Types.GlobalTypes.ContainsKey(name))
                {
                    var (g, t) = M.ModuleGlobal(name);
                    BuildStore(B, Convert(ValueOf(i.Args[0]), i.Args[0].Type, t), g);
                }
                return GetUndef(M.Empty);
            }
            case Op.Attr:
                if (i.Resolved != null) return M.Constant(i.Resolved, i.Type);
                if (i.Args[0].Type is ModuleType) return GetUndef(M.Lower(i.Type));
                return Builtins.LowerAttribute(this, i, ValueOf(i.Args[0]));
            case Op.BinOp: return Arith.LowerBinOp(this, i, (Operator)i.Data!, ValueOf(i.Args[0]), i.Args[0].Type, ValueOf(i.Args[1]), i.Args[1].Type, i.Type);
            case Op.UnaryOp: return Arith.LowerUnary(this, (UnaryOperator)i.Data!, ValueOf(i.Args[0]), i.Args[0].Type, i.Type);
            case Op.Not: return BuildXor(B, ValueOf(i.Args[0]), M.ConstBool(true), "");
            case Op.Compare: return Arith.LowerCompare(this, i, (CmpOperator)i.Data!, ValueOf(i.Args[0]), i.Args[0].Type, ValueOf(i.Args[1]), i.Args[1].Type);
            case Op.Truth: return Truth(ValueOf(i.Args[0]), i.Args[0].Type);
            case Op.Call: return EmitCall(i);
            case Op.MakeTuple:
            case Op.MakeClosure:
                return MakeStruct(M.Lower(i.Type), i.Args.Select(ValueOf).ToArray());
            case Op.GetItem: return EmitGetItem(i);
            case Op.GetIter:
            {
                var v = ValueOf(i.Args[0]);
                if (i.Type == SimpleType.RangeIter) return v;
                return MakeStruct(M.Lower(i.Type), v, M.ConstI64(0));
            }
            case Op.IterValid:
            {
                var it = ValueOf(i.Args[0]);
                if (i.Args[0].Type == SimpleType.RangeIter) return RangeNonEmpty(ExtractValue(it, 0), ExtractValue(it, 1), ExtractValue(it, 2));
                int len = ((TupleIterType)i.Args[0].Type).Tuple.Items.Length;
                return BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, ExtractValue(it, 1), M.ConstI64(len), "");
            }
            case Op.IterValue:
            {
                var it = ValueOf(i.Args[0]);
                if (i.Args[0].Type == SimpleType.RangeIter) return ExtractValue(it, 0);
                var tt = ((TupleIterType)i.Args[0].Type).Tuple;
                return DynamicTupleItem(ExtractValue(it, 0), tt, ExtractValue(it, 1), i.Type);
            }
            case Op.IterNext:
            {
                var it = ValueOf(i.Args[0]);
                if (i.Type == SimpleType.RangeIter) return InsertValue(it, BuildAdd(B, ExtractValue(it, 0), ExtractValue(it, 2), ""), 0);
                return InsertValue(it, BuildAdd(B, ExtractValue(it, 1), M.ConstI64(1), ""), 1);
            }
            case Op.FormatValue:
            case Op.JoinStr:
            {
                var sb = CallRuntime("sj_sb_new");
                WriteValue(sb, i, i.Type, repr: false);
                return CallRuntime("sj_sb_finish", sb);
            }
        }
        throw Internal(i.Span, $"internal: no lowering for {i.Op}");
    }

    private LLVMValueRef EmitCall(Instr i)
    {
        var shape = (CallShape)i.Data!;
        var args = i.Args.Skip(1).ToArray();
        switch (i.Resolved)
        {
            case ResolvedUserCall uc:
            {
                var ft = (Typing.FunctionType)i.Args[0].Type;
                var callee = ValueOf(i.Args[0]);
                var llArgs = new List<LLVMValueRef>();
                for (int k = 0; k < ft.Captures.Length; k++) llArgs.Add(ExtractValue(callee, k));
                var ps = ft.Function.Params;
                for (int p = 0; p < ps.Count; p++)
                {
                    int a = uc.Binding.ArgIndexForParam[p];
                    llArgs.Add(a >= 0 ? ValueOf(args[a]) : M.Constant(uc.Binding.DefaultForParam[p], uc.Target.ArgTypes[ft.Captures.Length + p]));
                }
                LLVMValueRef r;
                if (uc.Target.Recursive && Spec.Recursive)   // inside a cycle: one deeper, same guard
                    r = BuildCall2(B, M.FunctionTypeOf(uc.Target), M.FunctionOf(uc.Target),
                        new[] { BuildAdd(B, GetParam(_fn, 0), M.ConstI64(1), ""), GetParam(_fn, 1) }.Concat(llArgs).ToArray(), "");
                else if (uc.Target.Recursive)
                {
                    var (result, recursionError) = M.CallGuarded(B, JmpBuf(), uc.Target, llArgs);
                    CheckFailed(recursionError, i.Span);
                    r = result;
                }
                else r = BuildCall2(B, M.FunctionTypeOf(uc.Target), M.FunctionOf(uc.Target), llArgs.ToArray(), "");
                if (!uc.Target.CanRaise) return r;
                CheckFailed(ExtractValue(r, 1), i.Span);
                return ExtractValue(r, 0);
            }
            case ResolvedLibraryCall lc:
            {
                args = WidenedArg.For(lc.Function.AcceptsNarrow, args);
                var call = new LoweringCall(this, i, args.Take(shape.Positional).ToArray(),
                    shape.KeywordNames.Select((n, k) => (n, args[shape.Positional + k])).ToDictionary(p => p.n, p => (Value)p.Item2));
                return lc.Function.Lower(call);
            }
            case ResolvedException:
                if (args.Length == 0) return ConstPointerNull(M.Ptr);
                if (args[0].Type == SimpleType.Str && !(args[0] is Instr a0 && _lazyStrings.Contains(a0))) return ValueOf(args[0]);
                {
                    var sb = CallRuntime("sj_sb_new");
                    WriteValue(sb, args[0], args[0].Type, repr: false);
                    return CallRuntime("sj_sb_finish", sb);
                }
        }
        throw Internal(i.Span, "internal: unresolved call");
    }

    private LLVMValueRef EmitGetItem(Instr i)
    {
        var tuple = ValueOf(i.Args[0]);
        if (i.Args[0].Type is Typing.PointerType pt)   // C pointer read: p[i]
            return BuildLoad2(B, M.Lower(pt.Target), BuildGEP2(B, M.Lower(pt.Target), tuple, new[] { Convert(ValueOf(i.Args[1]), i.Args[1].Type, ScalarType.Int64) }, ""), "");
        if (i.Resolved is int k) return ExtractValue(tuple, k);
        var tt = (TupleType)i.Args[0].Type;
        var idx = ValueOf(i.Args[1]);
        if (i.Args[1].Type is ScalarType { Rank: 0 }) idx = BuildZExt(B, idx, M.I64, "");
        var len = M.ConstI64(tt.Items.Length);
        var neg = BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, idx, M.ConstI64(0), "");
        idx = BuildSelect(B, neg, BuildAdd(B, idx, len, ""), idx, "");
        RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntUGE, idx, len, ""), "IndexError", "tuple index out of range", i.Span);
        return DynamicTupleItem(tuple, tt, idx, i.Type);
    }

    /// <summary>Item idx (already in range) of a tuple whose items unify to itemType.</summary>
    public LLVMValueRef DynamicTupleItem(LLVMValueRef tuple, TupleType tt, LLVMValueRef idx, SjType itemType)
    {
        var elemTy = M.Lower(itemType);
        var arrTy = ArrayType2(elemTy, (ulong)tt.Items.Length);
        var slot = Alloca(arrTy);
        for (int k = 0; k < tt.Items.Length; k++)
        {
            var p = BuildInBoundsGEP2(B, arrTy, slot, new[] { M.ConstI64(0), M.ConstI64(k) }, "");
            BuildStore(B, Convert(ExtractValue(tuple, k), tt.Items[k], itemType), p);
        }
        var ptr = BuildInBoundsGEP2(B, arrTy, slot, new[] { M.ConstI64(0), idx }, "");
        return BuildLoad2(B, elemTy, ptr, "");
    }

    // ------------------------------------------------------------ text output

    /// <summary>Writes str(v) (or repr(v)) to a text sink: 0 is stdout, otherwise a string builder.</summary>
    public void WriteValue(LLVMValueRef sink, Value v, SjType t, bool repr)
    {
        if (v is Instr { Op: Op.JoinStr } js && (_lazyStrings.Contains(js) || !_values.ContainsKey(js)) && !repr)
        {
            foreach (var part in js.Args) WriteValue(sink, part, part.Type, false);
            return;
        }
        if (v is Instr { Op: Op.FormatValue } fv && (_lazyStrings.Contains(fv) || !_values.ContainsKey(fv)) && !repr)
        {
            var shape = (FormatShape)fv.Data!;
            var inner = fv.Args[0];
            bool innerRepr = shape.Conversion == 'r' || shape.Conversion == 'a';
            // format(x, '') is str(x) for Python's numbers, but NumPy's float32 and complex64 format as float64.
            bool singlePrecision = !innerRepr && inner.Type is ScalarType { Rank: >= 2, PartBits: 32 };
            if (shape.HasSpec || singlePrecision)
            {
                var spec = shape.HasSpec ? SpecString(fv.Args[1]) : M.ConstString("");
                Formatting.WriteFormatted(this, sink, ValueOf(inner), inner.Type, spec, innerRepr, fv.Span);
            }
            else WriteValue(sink, inner, inner.Type, innerRepr);
            return;
        }
        if (v is Instr { Op: Op.Const, Data: string s } && !repr) { CallRuntime("sj_write_str", sink, M.ConstString(s)); return; }
        Formatting.WriteRaw(this, sink, ValueOf(v), t, repr);
    }

    private LLVMValueRef SpecString(Value spec)
    {
        if (spec is Instr { Op: Op.Const, Data: string s }) return M.ConstString(s);
        var sb = CallRuntime("sj_sb_new");
        WriteValue(sb, spec, spec.Type, false);
        return CallRuntime("sj_sb_finish", sb);
    }

    // ------------------------------------------------------------ terminators

    private void EmitTerminator(Block b)
    {
        var t = b.Term;
        switch (t.Kind)
        {
            case TermKind.Jump:
                AddPhiIncoming(b, t.Target!);
                BuildBr(B, _blocks[t.Target!]);
                break;
            case TermKind.Branch:
            {
                var cond = ValueOf(t.Value!);
                AddPhiIncoming(b, t.Target!);
                AddPhiIncoming(b, t.Else!);
                BuildCondBr(B, cond, _blocks[t.Target!], _blocks[t.Else!]);
                break;
            }
            case TermKind.Return:
            {
                var v = Convert(ValueOf(t.Value!), t.Value!.Type, Spec.ReturnType);
                BuildRet(B, Spec.CanRaise ? InsertValue(InsertValue(GetUndef(M.ResultType(Spec.ReturnType)), v, 0), M.ConstBool(false), 1) : v);
                break;
            }
            case TermKind.Raise:
            {
                var exc = t.Value!;
                string name = exc.Type switch { ExceptionInstanceType ei => ei.ExceptionName, ExceptionClassType ec => ec.ExceptionName, _ => "Exception" };
                var msg = exc.Type is ExceptionInstanceType ? ValueOf(exc) : ConstPointerNull(M.Ptr);
                CallRuntime("sj_raise", M.ConstString(name), msg);
                ReturnError(t.Span);
                break;
            }
            default:
                BuildUnreachable(B);
                break;
        }
    }

    private void AddPhiIncoming(Block from, Block to)
    {
        int index = to.Preds.IndexOf(from);
        foreach (var phi in to.Phis)
        {
            var arg = phi.Args[index];
            var v = Convert(ValueOf(arg), arg.Type, phi.Type);
            if (_phiSlots.TryGetValue(phi, out var slot)) BuildStore(B, v, slot);
            else _incoming.Add((_values[phi], v, GetInsertBlock(B)));
        }
    }
}

/// <summary>What a library lowering sees of a call: the emitter, the call, its arguments.</summary>
public sealed class LoweringCall
{
    public FunctionEmitter E { get; }
    public Instr Call { get; }
    public Value[] Args { get; }
    public Dictionary<string, Value> Keywords { get; }
    public LoweringCall(FunctionEmitter e, Instr call, Value[] args, Dictionary<string, Value> kw) { E = e; Call = call; Args = args; Keywords = kw; }
    public LLVMValueRef Arg(int k) => E.ValueOf(Args[k]);
    public SjType ArgType(int k) => Args[k].Type;
    public SjType ResultType => Call.Type;
    public Span Span => Call.Span;
}
