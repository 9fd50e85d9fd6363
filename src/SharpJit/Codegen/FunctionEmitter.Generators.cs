using SharpJit.IR;
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
        public LLVMValueRef State, ItemSlot;
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
        if (Spec.Recursive) throw Internal(Spec.Function.Node.Span, "internal: a generator function in a call cycle");
        var g = _generator = new GeneratorFrame { Item = GeneratorCode.StoredItem(((GeneratorType)Spec.ReturnType).Item) };
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
        var fields = new List<LLVMTypeRef> { M.I64, M.I64, M.Ptr, M.Ptr, M.Lower(g.Item) };
        foreach (var v in kept) { g.Slots[v] = fields.Count; fields.Add(M.Lower(v.Type)); }
        foreach (var v in kept)
            if (Spec.OwnsReferences && v is Instr i && Passes.Ownership.IsOwned(i)) { g.OwnedSlots[v] = fields.Count; fields.Add(M.Lower(v.Type)); }
        g.Type = StructTypeInContext(M.Ctx, fields.ToArray());
        g.Dispatch = AppendBasicBlockInContext(M.Ctx, _fn, "dispatch");
        PositionBuilderAtEnd(B, g.Dispatch);
        var frame = GetParam(_fn, 0);
        g.State = BuildStructGEP2(B, g.Type, frame, GeneratorCode.StateField, "state");
        g.ItemSlot = BuildStructGEP2(B, g.Type, frame, GeneratorCode.ItemField, "item");
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

    /// <summary>The dispatch: state 0 starts the body, k resumes after the k-th yield, <see cref="GeneratorCode.Closing"/>
    /// closes it (close() and throw() of a generator that cannot catch there), anything else has finished.</summary>
    private void EmitDispatch(Block entry)
    {
        var g = _generator!;
        var cur = GetInsertBlock(B);
        PositionBuilderAtEnd(B, g.Dispatch);
        var state = BuildLoad2(B, M.I64, g.State, "");
        var finished = NewBlock("finished");
        var closing = NewBlock("closing");
        var sw = BuildSwitch(B, state, finished, (uint)(g.ResumeBlocks.Count + 2));
        AddCase(sw, M.ConstI64(0), _blocks[entry]);
        for (int k = 0; k < g.ResumeBlocks.Count; k++) AddCase(sw, M.ConstI64(k + 1), _blocks[g.ResumeBlocks[k]]);
        AddCase(sw, M.ConstI64(GeneratorCode.Closing), closing);
        PositionBuilderAtEnd(B, closing);
        // What the frame holds goes now (the drop function later finds the slots empty); it has finished.
        void Release(SjType t, LLVMValueRef field)
        {
            TypeModel.Of(t).DecRef(this, BuildLoad2(B, M.Lower(t), field, ""));
            BuildStore(B, ConstNull(M.Lower(t)), field);
        }
        if (TypeModel.Of(g.Item).HasReferences) Release(g.Item, g.ItemSlot);
        foreach (var (v, field) in g.OwnedSlotPointers) Release(v.Type, field);
        SetGeneratorState(GeneratorCode.Finished);
        BuildBr(B, finished);
        PositionBuilderAtEnd(B, finished);
        BuildRet(B, MakeStruct(ResultLlvmType, M.ConstBool(false), M.ConstBool(false)));
        PositionBuilderAtEnd(B, cur);
    }

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

    /// <summary>return in a generator: it has finished (the value, which CPython gives StopIteration, is dropped).</summary>
    private void Finish(Value returned)
    {
        if (returned is Instr ri && _ownedSlots.TryGetValue(ri, out var slot))
        {
            TypeModel.Of(ri.Type).DecRef(this, ValueOf(ri));
            BuildStore(B, ConstNull(M.Lower(ri.Type)), slot);
        }
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
            var v = GetParam(_fn, (uint)(int)p.Data!);
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

    /// <summary>The frame's drop function (its count reached zero): drops the item no one took and what the frame's
    /// slots still hold (a generator abandoned half-way), then frees it.</summary>
    private void EmitGeneratorDrop() => EmitInFunction(M.DropOf(Spec), _ =>
    {
        var g = _generator!;
        var frame = GetParam(_fn, 0);
        void Drop(SjType t, int field) =>
            TypeModel.Of(t).DecRef(this, BuildLoad2(B, M.Lower(t), BuildStructGEP2(B, g.Type, frame, (uint)field, ""), ""));
        if (TypeModel.Of(g.Item).HasReferences) Drop(g.Item, GeneratorCode.ItemField);
        foreach (var (v, field) in g.OwnedSlots) Drop(v.Type, field);
        CallRuntime("sj_gen_free", frame);
        BuildRetVoid(B);
    });
}
