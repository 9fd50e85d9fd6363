using SharpJit.IR;
using SharpJit.Diagnostics;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

namespace SharpJit.Codegen;

/// <summary>
/// A generator function's body is emitted as its resume function (GeneratorModel): a dispatch block switches on the
/// frame's state to the function's entry or to the block after the yield it stopped at. Values live across a yield
/// (and the parameters) are kept in the frame: stored where they are defined, loaded where they are used, so the SSA
/// of the body needs no change; the owned ones use their frame slot as their slot, so the unwind block and the drop
/// function release what they hold.
/// </summary>
public sealed unsafe partial class FunctionEmitter
{
    private sealed class GeneratorFrame
    {
        public LLVMTypeRef Type;
        public SjType Item = SimpleType.Unknown;
        /// <summary>Frame field of each value kept in the frame.</summary>
        public readonly Dictionary<Value, int> Slots = new();
        /// <summary>The slot of each kept value that owns a reference: a field of its own, cleared when the reference is
        /// dropped (the value's field is still read after that, by the phis it flows into).</summary>
        public readonly Dictionary<Value, int> OwnedSlots = new();
        /// <summary>Pointers to the fields, computed once in the dispatch block (they dominate every use).</summary>
        public readonly Dictionary<Value, LLVMValueRef> SlotPointers = new(), OwnedSlotPointers = new();
        public LLVMValueRef State, ItemSlot, ThrowingSlot, SentSlot, ResultSlot;
        /// <summary>The types of the values sent in and of the return value (GeneratorType.Sent, Result).</summary>
        public SjType Sent = SimpleType.None, Result = SimpleType.None;
        public LLVMBasicBlockRef Dispatch;
        /// <summary>The resume point of each yield (1, 2, ...: the state while suspended there) and the block it resumes in.</summary>
        public readonly Dictionary<Instr, int> YieldIndex = new();
        public readonly List<Block> ResumeBlocks = new();
    }

    private GeneratorFrame? _generator;
    /// <summary>The resume point of the yield just emitted: the jump ending its block suspends instead.</summary>
    private int? _pendingYield;

    /// <summary>The LLVM result of the function being emitted: a generator's resume returns {yielded, failed}.</summary>
    private LLVMTypeRef ResultLlvmType => _generator != null ? M.ResultType(ScalarType.Bool) : M.ResultType(Spec.ReturnType);

    private LLVMValueRef FrameSlot(Value v) => _generator!.SlotPointers[v];

    /// <summary>Lays out the frame and starts the dispatch block, the resume function's entry.</summary>
    private void PrepareGenerator()
    {
        if (Spec.Recursive) throw Internal(Spec.Function.NameSpan, "internal: a generator function in a call cycle");
        var final = GeneratorCode.Final(Spec);
        var g = _generator = new GeneratorFrame { Item = GeneratorCode.StoredItem(final.Item), Sent = final.Sent, Result = final.Result };
        foreach (var b in Spec.Ir.Blocks)
            foreach (var i in b.Instrs)
                if (i.Op == Op.Yield)
                {
                    if (b.Term.Kind != TermKind.Jump || b.Term.Target!.Phis.Count > 0) throw Internal(i.Span, "internal: a yield must end its block with a jump to where it resumes");
                    g.ResumeBlocks.Add(b.Term.Target!);
                    g.YieldIndex[i] = g.ResumeBlocks.Count;
                }
        var liveIn = LiveIn(Spec.Ir);
        var kept = Spec.Ir.Params.Where(p => p.Resolved is not ResolvedParam { Literal: not null }).Cast<Value>()
            .Concat(g.ResumeBlocks.SelectMany(r => liveIn[r]))
            .Where(v => v is Instr { Op: not Op.Undef, Streamed: false } && TypeOps.IsKnown(v.Type) && v.Type is not ConflictType)
            .Distinct().OrderBy(v => v is Instr { Op: Op.Param } ? -1 : 0).ThenBy(v => v.Id).ToList();
        var fields = GeneratorCode.FrameHeaderFields(M, Spec).ToList();
        foreach (var v in kept) { g.Slots[v] = fields.Count; fields.Add(M.Lower(v.Type)); }
        foreach (var v in kept)
            if (Spec.OwnsReferences && v is Instr i && Passes.Ownership.IsOwned(i)) { g.OwnedSlots[v] = fields.Count; fields.Add(M.Lower(v.Type)); }
        g.Type = StructTypeInContext(M.Ctx, fields.ToArray());
        g.Dispatch = AppendBasicBlockInContext(M.Ctx, _fn, "dispatch");
        PositionBuilderAtEnd(B, g.Dispatch);
        var frame = GetParam(_fn, 0);
        g.State = BuildStructGEP2(B, g.Type, frame, GeneratorCode.StateField, "state");
        g.ItemSlot = BuildStructGEP2(B, g.Type, frame, GeneratorCode.ItemField, "item");
        g.ThrowingSlot = BuildStructGEP2(B, g.Type, frame, GeneratorCode.ThrowingField, "throwing");
        g.SentSlot = BuildStructGEP2(B, g.Type, frame, GeneratorCode.SentField, "sent");
        g.ResultSlot = BuildStructGEP2(B, g.Type, frame, GeneratorCode.ResultField, "result");
        foreach (var (v, field) in g.Slots) g.SlotPointers[v] = BuildStructGEP2(B, g.Type, frame, (uint)field, "");
        foreach (var (v, field) in g.OwnedSlots) g.OwnedSlotPointers[v] = BuildStructGEP2(B, g.Type, frame, (uint)field, "");
    }

    /// <summary>Values live on entry to each block (all values, not only owned ones): phi operands are used at the end
    /// of their edge's source, a landing's throughout the protected block.</summary>
    private static Dictionary<Block, HashSet<Value>> LiveIn(IrFunction f)
    {
        var liveIn = f.Blocks.ToDictionary(b => b, _ => new HashSet<Value>());
        // A streamed f-string is built where it is used: its operands are used there.
        IEnumerable<Value> Uses(Instr i) => i.Args.SelectMany(a => a is Instr { Streamed: true } s ? Uses(s) : new[] { a });
        var order = f.ReversePostOrder();
        order.Reverse();
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var b in order)
            {
                var live = new HashSet<Value>();
                foreach (var s in b.Succs)
                {
                    live.UnionWith(liveIn[s]);
                    int k = s.Preds.IndexOf(b);
                    foreach (var phi in s.Phis) live.Add(phi.Args[k]);
                }
                if (b.Term.Value != null) live.Add(b.Term.Value);
                if (b.Handling != null) live.Add(b.Handling);
                for (int n = b.Instrs.Count - 1; n >= 0; n--)
                {
                    live.Remove(b.Instrs[n]);
                    foreach (var a in Uses(b.Instrs[n])) live.Add(a);
                }
                foreach (var phi in b.Phis) live.Remove(phi);
                if (b.Handler is { } h)
                {
                    int k = h.Preds.IndexOf(b);
                    foreach (var phi in h.Phis) live.Add(phi.Args[k]);
                }
                if (!live.SetEquals(liveIn[b])) { liveIn[b] = live; changed = true; }
            }
        }
        return liveIn;
    }

    /// <summary>The dispatch: state 0 starts the body, k resumes after the k-th yield, anything else has finished. An
    /// exception thrown in (throw(), close()) is raised by the instruction the yield resumes at (Op.Resumed,
    /// Op.Delegate); one thrown into a generator that has not started finishes it (nothing of its body runs) and one
    /// thrown into a finished generator propagates, as in CPython.</summary>
    private void EmitDispatch(Block entry)
    {
        var g = _generator!;
        var cur = GetInsertBlock(B);
        PositionBuilderAtEnd(B, g.Dispatch);
        var state = BuildLoad2(B, M.I64, g.State, "");
        var finished = NewBlock("finished");
        var start = NewBlock("start");
        var abandon = NewBlock("abandon");
        var sw = BuildSwitch(B, state, finished, (uint)(g.ResumeBlocks.Count + 1));
        AddCase(sw, M.ConstI64(0), start);
        for (int k = 0; k < g.ResumeBlocks.Count; k++) AddCase(sw, M.ConstI64(k + 1), _blocks[g.ResumeBlocks[k]]);
        PositionBuilderAtEnd(B, start);
        BuildCondBr(B, ThrownIn(), abandon, _blocks[entry]);
        PositionBuilderAtEnd(B, abandon);
        // What the frame holds (its arguments) goes now (the drop function later finds the slots empty).
        foreach (var (v, field) in g.OwnedSlotPointers)
        {
            TypeModel.Of(v.Type).DecRef(this, BuildLoad2(B, M.Lower(v.Type), field, ""));
            BuildStore(B, ConstNull(M.Lower(v.Type)), field);
        }
        SetGeneratorState(GeneratorCode.Finished);
        BuildBr(B, finished);
        PositionBuilderAtEnd(B, finished);
        var failed = ThrownIn();
        BuildStore(B, M.ConstI64(0), g.ThrowingSlot);
        BuildRet(B, MakeStruct(ResultLlvmType, M.ConstBool(false), failed));
        PositionBuilderAtEnd(B, cur);
    }

    /// <summary>Whether the resume was asked to raise the pending exception where the generator is suspended.</summary>
    private LLVMValueRef ThrownIn() =>
        BuildICmp(B, LLVMIntPredicate.LLVMIntNE, BuildLoad2(B, M.I64, _generator!.ThrowingSlot, ""), M.ConstI64(0), "");

    /// <summary>Raises (at the yield) an exception thrown in.</summary>
    private void RaiseThrownIn(Span span) => FailIf(ThrownIn(), () => BuildStore(B, M.ConstI64(0), _generator!.ThrowingSlot), span);

    /// <summary>The value a yield expression receives: what send() left in the frame (taken, so the slot holds None
    /// again; the sender keeps its reference until the resume returns), or the exception thrown in, raised here.</summary>
    private LLVMValueRef EmitResumed(Instr i)
    {
        var g = _generator!;
        RaiseThrownIn(i.Span);
        if (g.Sent == SimpleType.None) return GetUndef(M.Lower(SimpleType.None));
        var sent = BuildLoad2(B, M.Lower(g.Sent), g.SentSlot, "");
        BuildStore(B, ConstNull(M.Lower(g.Sent)), g.SentSlot);
        return Convert(sent, g.Sent, i.Type);
    }

    /// <summary>yield from, resumed (PEP 380): an exception thrown in goes on into the inner generator (GeneratorExit
    /// closes it, then is raised here); a value sent goes on to it; then it runs to its next yield. True when it
    /// yielded again. An iterator that is not a generator cannot take either: an exception is raised here, and a value
    /// sent other than None is CPython's AttributeError.</summary>
    private LLVMValueRef EmitDelegate(Instr i)
    {
        var g = _generator!;
        var itType = i.Args[0].Type;
        var it = ValueOf(i.Args[0]);
        LLVMValueRef TakeSent()
        {
            var sent = BuildLoad2(B, M.Lower(g.Sent), g.SentSlot, "");
            BuildStore(B, ConstNull(M.Lower(g.Sent)), g.SentSlot);
            return sent;
        }
        if (itType is not GeneratorType inner)
        {
            RaiseThrownIn(i.Span);
            if (g.Sent is OptionalType)
                RaiseIf(ExtractValue(TakeSent(), 0), "AttributeError", $"'{IteratorClassName(itType)}' object has no attribute 'send'", i.Span);
            return IteratorValid(itType, it, i.Span);
        }
        var thrown = NewBlock("thrown_in"); var sending = NewBlock("send_on"); var join = NewBlock("delegated");
        BuildCondBr(B, ThrownIn(), thrown, sending);
        PositionBuilderAtEnd(B, thrown);
        BuildStore(B, M.ConstI64(0), g.ThrowingSlot);
        var closing = NewBlock("close_inner"); var throwing = NewBlock("throw_on");
        BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, CallRuntime("sj_exc_matches", M.ConstString("GeneratorExit")), LLVM.ConstInt(M.I32, 0), ""), closing, throwing);
        PositionBuilderAtEnd(B, closing);
        CheckFailed(GeneratorCode.Close(this, inner, it), i.Span);
        CallRuntime("sj_raise", M.ConstString("GeneratorExit"), ConstPointerNull(M.Ptr));
        ReturnError(i.Span);
        PositionBuilderAtEnd(B, throwing);
        var r = GeneratorCode.ThrowIn(this, inner, it);
        CheckFailed(ExtractValue(r, 1), i.Span);
        var afterThrow = GetInsertBlock(B);
        var yieldedAfterThrow = ExtractValue(r, 0);
        BuildBr(B, join);
        PositionBuilderAtEnd(B, sending);
        LLVMValueRef? sentOn = g.Sent == SimpleType.None ? null : Convert(TakeSent(), g.Sent, GeneratorCode.Final(inner.Spec).Sent);
        var yieldedAfterSend = GeneratorCode.Resume(this, inner, it, i.Span, sentOn);
        var afterSend = GetInsertBlock(B);
        BuildBr(B, join);
        PositionBuilderAtEnd(B, join);
        var phi = BuildPhi(B, M.I1, "");
        AddIncoming(phi, yieldedAfterThrow, afterThrow);
        AddIncoming(phi, yieldedAfterSend, afterSend);
        return phi;
    }

    /// <summary>CPython's class of the iterator a yield from takes from a value of this iterator type.</summary>
    private static string IteratorClassName(SjType itType) => itType switch
    {
        ListIterType => "list_iterator",
        TupleIterType => "tuple_iterator",
        _ when itType == SimpleType.RangeIter => "range_iterator",
        _ when itType == SimpleType.StrIter => "str_ascii_iterator",
        _ => TypeOps.PyName(itType),
    };

    /// <summary>The value of a finished yield from: the inner generator's return value, else None.</summary>
    private LLVMValueRef EmitDelegateResult(Instr i) =>
        i.Args[0].Type is GeneratorType inner && TypeOps.IsKnown(i.Type) ? Convert(GeneratorCode.ResultOf(this, inner, ValueOf(i.Args[0])), GeneratorCode.Final(inner.Spec).Result, i.Type)
            : GetUndef(M.Lower(SimpleType.None));

    /// <summary>After a definition: a value kept in the frame is stored there, and an owned one in its slot.</summary>
    private void KeepDefinition(Instr d)
    {
        if (!_values.TryGetValue(d, out var v)) return;
        if (_generator != null && _generator.SlotPointers.TryGetValue(d, out var field)) BuildStore(B, v, field);
        if (_ownedSlots.TryGetValue(d, out var slot)) BuildStore(B, v, slot);
    }

    private void SetGeneratorState(long state) => BuildStore(B, M.ConstI64(state), _generator!.State);

    /// <summary>yield v: the item goes into the frame (a new reference, for whoever takes it); the jump that ends the
    /// block suspends (<see cref="Suspend"/>) after the drops the ownership pass put after the yield.</summary>
    private LLVMValueRef EmitYield(Instr i)
    {
        var g = _generator!;
        var model = TypeModel.Of(g.Item);
        if (model.HasReferences) model.DecRef(this, BuildLoad2(B, M.Lower(g.Item), g.ItemSlot, ""));   // an item no one took
        BuildStore(B, NewRef(Convert(ValueOf(i.Args[0]), i.Args[0].Type, g.Item), g.Item), g.ItemSlot);
        _pendingYield = g.YieldIndex[i];
        return GetUndef(M.Empty);
    }

    private void Suspend(int resumeAt)
    {
        SetGeneratorState(resumeAt);
        BuildRet(B, MakeStruct(ResultLlvmType, M.ConstBool(true), M.ConstBool(false)));
        _pendingYield = null;
    }

    /// <summary>return in a generator: it has finished, and the value (StopIteration's, yield from's) is kept in the
    /// frame, its reference moved there.</summary>
    private void Finish(Value returned)
    {
        var g = _generator!;
        var v = ValueOf(returned);
        bool owned = returned is Instr ri && _ownedSlots.ContainsKey(ri);
        if (Passes.Ownership.HasReferences(g.Result) && !owned) v = NewRef(v, returned.Type);
        if (g.Result != SimpleType.None) BuildStore(B, Convert(v, returned.Type, g.Result), g.ResultSlot);
        else if (owned) TypeModel.Of(returned.Type).DecRef(this, v);
        if (owned) BuildStore(B, ConstNull(M.Lower(returned.Type)), _ownedSlots[(Instr)returned]);
        SetGeneratorState(GeneratorCode.Finished);
        BuildRet(B, MakeStruct(ResultLlvmType, M.ConstBool(false), M.ConstBool(false)));
    }

    /// <summary>Emits the body of another function of this generator (its maker, drop or next), starting at its entry:
    /// the lowering helpers (counting, blocks) work on whichever function is being emitted.</summary>
    private void EmitInFunction(LLVMValueRef fn, Action<LLVMValueRef> body)
    {
        var resume = _fn;
        EmitAside(fn, () => body(resume));
    }

    /// <summary>The generator function itself: makes the frame, with its own reference to each argument.</summary>
    private void EmitGeneratorMaker() => EmitInFunction(M.FunctionOf(Spec), _ =>
    {
        var g = _generator!;
        var frame = CallRuntime("sj_gen_alloc", SizeOf(g.Type));
        var fail = NewBlock("no_memory"); var made = NewBlock("made");
        BuildCondBr(B, BuildIsNull(B, frame, ""), fail, made);
        PositionBuilderAtEnd(B, fail);
        BuildRet(B, InsertValue(GetPoison(M.ResultType(Spec.ReturnType)), M.ConstBool(true), 1));
        PositionBuilderAtEnd(B, made);
        BuildStore(B, M.DropOf(Spec), BuildStructGEP2(B, g.Type, frame, GeneratorCode.DropField, ""));
        BuildStore(B, M.NextOf(Spec), BuildStructGEP2(B, g.Type, frame, GeneratorCode.NextField, ""));
        foreach (var p in Spec.Ir.Params)
        {
            if (!g.Slots.TryGetValue(p, out var field)) continue;
            var v = GetParam(_fn, (uint)p.ParamIndex);
            TypeModel.Of(p.Type).IncRef(this, v);
            BuildStore(B, v, BuildStructGEP2(B, g.Type, frame, (uint)field, ""));
            if (g.OwnedSlots.TryGetValue(p, out var owned)) BuildStore(B, v, BuildStructGEP2(B, g.Type, frame, (uint)owned, ""));
        }
        BuildRet(B, MakeStruct(M.ResultType(Spec.ReturnType), frame, M.ConstBool(false)));
    });

    /// <summary>The resume function with a C signature (the frame's header holds it, for the host's iterator):
    /// 1 when it yielded, 0 when it has finished, -1 when it raised.</summary>
    private void EmitGeneratorNext() => EmitInFunction(M.NextOf(Spec), resume =>
    {
        var r = BuildCall2(B, M.GeneratorResumeType, resume, new[] { GetParam(_fn, 0) }, "");
        var yielded = BuildZExt(B, ExtractValue(r, 0), M.I32, "");
        BuildRet(B, BuildSelect(B, ExtractValue(r, 1), LLVM.ConstInt(M.I32, -1L), yielded, ""));
    });

    /// <summary>The frame's drop function (its count reached zero): a generator suspended where it could catch
    /// GeneratorExit (a yield in a try) is closed first, as CPython closes one it deallocates; then what the frame
    /// still holds is dropped (the item no one took, the variables of one abandoned half-way, the return value) and
    /// it is freed.</summary>
    private void EmitGeneratorDrop() => EmitInFunction(M.DropOf(Spec), _ =>
    {
        var g = _generator!;
        var frame = GetParam(_fn, 0);
        if (Spec.Function.YieldsInTry)
        {
            var state = BuildLoad2(B, M.I64, BuildStructGEP2(B, g.Type, frame, GeneratorCode.StateField, ""), "");
            When(BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, state, M.ConstI64(0), ""), () =>
            {
                var saved = CallRuntime("sj_gen_finalize_begin");
                var failed = GeneratorCode.Close(this, GeneratorCode.Final(Spec), frame);
                CallRuntime("sj_gen_finalize_end", saved, BuildZExt(B, failed, M.I32, ""), M.ConstString(Spec.Function.Name), frame);
            });
        }
        void Drop(SjType t, int field) =>
            TypeModel.Of(t).DecRef(this, BuildLoad2(B, M.Lower(t), BuildStructGEP2(B, g.Type, frame, (uint)field, ""), ""));
        if (TypeModel.Of(g.Item).HasReferences) Drop(g.Item, GeneratorCode.ItemField);
        if (TypeModel.Of(g.Result).HasReferences) Drop(g.Result, GeneratorCode.ResultField);
        foreach (var (v, field) in g.OwnedSlots) Drop(v.Type, field);
        CallRuntime("sj_gen_free", frame);
        BuildRetVoid(B);
    });
}
