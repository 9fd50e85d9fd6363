using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Library;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Codegen;

/// <summary>Lowers one typed specialisation to an LLVM function. Library operations lower through this class's helpers.</summary>
public sealed unsafe partial class FunctionEmitter
{
    public ModuleEmitter M { get; }
    public Specialization Spec { get; }

    /// <summary>error_model="numpy": the compilation's option, or a @vectorize function's (a ufunc's kernel, as Numba
    /// compiles it): IEEE results where Python raises (1.0 / 0.0 is inf, math.sqrt(-1.0) is nan).</summary>
    public bool NumPyErrorModel => M.Options.NumPyErrorModel || Binding.VectorizeInfo.Of(Spec.Function) is { NumPyErrorModel: true };
    public LLVMBuilderRef B { get; }
    private LLVMValueRef _fn;
    private readonly Dictionary<Value, LLVMValueRef> _values = new();
    private readonly Dictionary<Block, LLVMBasicBlockRef> _blocks = new();
    private readonly List<(LLVMValueRef Phi, LLVMValueRef Value, LLVMBasicBlockRef From)> _incoming = new();
    private readonly Dictionary<Instr, LLVMValueRef> _phiSlots = new();
    private LLVMBasicBlockRef? _entryContinuation;
    private LLVMValueRef? _jmpBuf;

    /// <summary>This function's recursion guard for entering recursive callees (one stack slot in the entry block;
    /// <see cref="ModuleEmitter.GuardSitesBytes"/>).</summary>
    private LLVMValueRef RecursionGuard()
    {
        if (_jmpBuf is { } existing) return existing;
        var b = CreateBuilderInContext(M.Ctx);
        var entry = GetEntryBasicBlock(_fn);
        var first = GetFirstInstruction(entry);
        if (first.Handle != IntPtr.Zero) PositionBuilderBefore(b, first); else PositionBuilderAtEnd(b, entry);
        var slot = BuildAlloca(b, ArrayType2(M.I8, ModuleEmitter.GuardBytes(ModuleEmitter.JmpBufSize)), "jmpbuf");
        SetAlignment(slot, 16);
        DisposeBuilder(b);
        _jmpBuf = slot;
        return slot;
    }
    /// <summary>Stack slots holding the references the frame owns (Passes.Ownership): set when a value is defined,
    /// cleared when it is dropped; the unwind block drops whatever they still hold.</summary>
    private readonly Dictionary<Value, LLVMValueRef> _ownedSlots = new();
    /// <summary>The one block every exceptional exit goes through (when the frame owns references).</summary>
    private LLVMBasicBlockRef? _unwind;
    public SourceText Source => Spec.Function.Module.Source;

    public FunctionEmitter(ModuleEmitter m, Specialization spec)
    {
        M = m; Spec = spec;
        _fn = spec.Function.IsGenerator ? m.ResumeOf(spec) : m.FunctionOf(spec);
        B = CreateBuilderInContext(m.Ctx);
    }

    /// <summary>A callee emitted inside its caller's function (<see cref="ModuleEmitter.Inlines"/>): its parameters are
    /// the call's arguments, a return branches to <see cref="Return"/> with its value, and a raise (the exception
    /// already set) branches to <see cref="Raise"/>, where the caller's error path for the call begins.</summary>
    private sealed class InlinedCall(IReadOnlyList<LLVMValueRef> args, LLVMBasicBlockRef returnTo, LLVMBasicBlockRef raise)
    {
        public IReadOnlyList<LLVMValueRef> Args { get; } = args;
        public LLVMBasicBlockRef Return { get; } = returnTo;
        public LLVMBasicBlockRef Raise { get; } = raise;
        public List<(LLVMValueRef Value, LLVMBasicBlockRef From)> Returned { get; } = new();
        public bool Raised;
        public LLVMBasicBlockRef First;
    }
    private readonly InlinedCall? _inlined;

    private FunctionEmitter(FunctionEmitter caller, Specialization callee, IReadOnlyList<LLVMValueRef> args)
    {
        M = caller.M; Spec = callee; _fn = caller._fn;
        B = CreateBuilderInContext(M.Ctx);
        _inlined = new InlinedCall(args, NewBlock("inlined_return"), NewBlock("inlined_raise"));
    }

    /// <summary>A call of target emitted as its body, here: the value it returns.</summary>
    private LLVMValueRef EmitInlined(Specialization target, IReadOnlyList<LLVMValueRef> args, Span span)
    {
        var from = GetInsertBlock(B);
        var callee = new FunctionEmitter(this, target, args);
        callee.Emit();
        var call = callee._inlined!;
        PositionBuilderAtEnd(B, from);
        BuildBr(B, call.First);
        if (call.Raised) { PositionBuilderAtEnd(B, call.Raise); ReturnError(span); }
        else DeleteBasicBlock(call.Raise);
        PositionBuilderAtEnd(B, call.Return);
        if (call.Returned.Count == 0) return GetPoison(M.Lower(target.ReturnType));   // never returns: what follows is dead
        if (call.Returned.Count == 1) return call.Returned[0].Value;
        var phi = BuildPhi(B, M.Lower(target.ReturnType), "");
        foreach (var (v, block) in call.Returned) AddIncoming(phi, v, block);
        return phi;
    }

    public void Emit()
    {
        try
        {
            // Reverse post-order: every block after its dominators, so definitions are emitted before their uses
            // (the binder's order is not, once a branch on a constant is folded away).
            var blocks = Spec.Ir.ReversePostOrder();
            if (Spec.Function.IsGenerator) PrepareGenerator();   // its dispatch block comes first: the entry
            foreach (var b in blocks) _blocks[b] = AppendBasicBlockInContext(M.Ctx, _fn, _inlined != null ? $"{Spec.Function.Name}.b{b.Id}" : $"b{b.Id}");
            if (_inlined != null) _inlined.First = _blocks[blocks[0]];
            uint firstArg = Spec.Recursive ? 2u : 0u;   // a recursive function's first parameters: call depth, jmp_buf
            // A parameter the specialisation was made for a literal of is that constant (what typing assumed).
            foreach (var p in Spec.Ir.Params)
                _values[p] = p.Resolved is ResolvedParam { Literal: { } lit } ? M.Constant(lit, p.Type)
                    : _inlined != null ? _inlined.Args[p.ParamIndex]
                    : _generator != null ? GetPoison(M.Lower(p.Type))   // read from the frame (ValueOf)
                    : GetParam(_fn, firstArg + (uint)p.ParamIndex);
            // Iterator states (range, tuple iterators) carried around loops live in stack slots that SROA splits into
            // scalar phis: LLVM does not split a phi of a struct, which would hide the loop counter and its
            // invariant bound from the loop optimisers and the vectoriser.
            PositionBuilderAtEnd(B, _blocks[blocks[0]]);
            foreach (var phi in blocks.SelectMany(b => b.Phis))
                if (phi.Type == SimpleType.RangeIter || phi.Type is TupleIterType or ArrayIterType or EnumerateIterType or ZipIterType) _phiSlots[phi] = Alloca(M.Lower(phi.Type));
            foreach (var b in blocks) foreach (var (phi, v) in StartPhis(b, _blocks[b])) _values[phi] = v;
            PrepareVersionedLoops(blocks);
            if (Spec.Recursive)
            {
                // Past the limit: set RecursionError and long-jump to where the cycle was entered (CallGuarded).
                PositionBuilderAtEnd(B, _blocks[blocks[0]]);
                var tooDeep = NewBlock("too_deep"); var ok = NewBlock("depth_ok");
                BuildCondBr(B, Expect(BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, GetParam(_fn, 0), M.ConstI64(RaiseAnalysis.RecursionLimit), ""), false), tooDeep, ok);
                PositionBuilderAtEnd(B, tooDeep);
                CallRuntime("sj_raise", M.ConstString("RecursionError"), M.ConstString("maximum recursion depth exceeded"));
                if (Spec.RecursionUnwinds) ReturnError(Spec.Function.NameSpan, recordFrame: false);   // frames own references: unwind each
                else
                {
                    var (longjmp, longjmpType) = M.LibC("longjmp");
                    BuildCall2(B, longjmpType, longjmp, new[] { M.GuardJmpBuf(B, GetParam(_fn, 1)), LLVM.ConstInt(M.I32, 1) }, "");
                    BuildUnreachable(B);
                }
                PositionBuilderAtEnd(B, ok);
                _entryContinuation = ok;
            }
            if (Spec.OwnsReferences) CreateOwnedSlots();
            if (_generator != null) EmitDispatch(blocks[0]);
            foreach (var b in blocks)
            {
                if (_versionedLoops.TryGetValue(b, out var loop)) EmitUncheckedCopy(loop);
                EmitBlock(b, b == blocks[0]);
            }
            foreach (var (phi, v, from) in _incoming) AddIncoming(phi, v, from);
            KeepCheckedCopiesPlain();
            if (_unwind is { } unwind) EmitUnwind(unwind);
            KeepSlotsInMemoryWhenLarge();
            RemoveEmptyLandingPhis(blocks);
            if (_generator != null) { EmitGeneratorMaker(); EmitGeneratorDrop(); EmitGeneratorNext(); }
        }
        finally { DisposeBuilder(B); }
    }

    /// <summary>The IR block being emitted (its handler is where a raise inside it goes).</summary>
    private Block? _irBlock;

    private void EmitBlock(Block b, bool isEntry)
    {
        _irBlock = b;
        PositionBuilderAtEnd(B, isEntry && _entryContinuation is { } c ? c : _blocks[b]);
        if (Spec.OwnsReferences && _generator == null)
            foreach (var d in b.Phis.Concat(isEntry ? Spec.Ir.Params : Enumerable.Empty<Instr>()))
                if (_ownedSlots.TryGetValue(d, out var slot)) BuildStore(B, _values[d], slot);
        if (_generator != null) foreach (var phi in b.Phis) KeepDefinition(phi);
        foreach (var phi in b.Phis) KeepLiveOut(phi);
        if (b.KeptAtLanding is { } kept) DropAtLanding(b, kept);
        foreach (var i in b.Instrs)
        {
            if (i.Streamed) continue;
            _provenAxes = _uncheckedCopy?.ProvenAxes.GetValueOrDefault(i);
            _values[i] = EmitInstr(i);
            _provenAxes = null;
            KeepDefinition(i);
            KeepLiveOut(i);
        }
        EmitTerminator(b);
    }

    /// <summary>A block's phis at the start of its LLVM block: LLVM phis, or loads of the stack slots that carry
    /// iterator states.</summary>
    private List<KeyValuePair<Value, LLVMValueRef>> StartPhis(Block b, LLVMBasicBlockRef at)
    {
        PositionBuilderAtEnd(B, at);
        var started = new List<KeyValuePair<Value, LLVMValueRef>>();
        foreach (var phi in b.Phis)
            if (!_phiSlots.ContainsKey(phi)) started.Add(new(phi, BuildPhi(B, M.Lower(phi.Type), "")));
        foreach (var phi in b.Phis)
            if (_phiSlots.TryGetValue(phi, out var slot)) started.Add(new(phi, BuildLoad2(B, M.Lower(phi.Type), slot, "")));
        return started;
    }

    /// <summary>An exception landed: the frame drops every reference it owns that the handlers and the code after
    /// them do not use (what the unwind block would have dropped), keeping the landing's own phis.</summary>
    private void DropAtLanding(Block landing, HashSet<Value> kept)
    {
        foreach (var (v, slot) in _ownedSlots)
        {
            if (kept.Contains(v) || landing.Phis.Contains(v)) continue;
            Codegen.TypeModel.Of(v.Type).DecRef(this, BuildLoad2(B, M.Lower(v.Type), slot, ""));
            BuildStore(B, ConstNull(M.Lower(v.Type)), slot);
        }
    }

    /// <summary>A landing no raise reaches (nothing in its try body can raise, once typed) has phis with no incoming
    /// values, which LLVM rejects: they are replaced by poison (the block is dead).</summary>
    private void RemoveEmptyLandingPhis(List<Block> blocks)
    {
        foreach (var b in blocks)
        {
            if (!b.IsLanding) continue;
            foreach (var phi in b.Phis)
            {
                if (_phiSlots.ContainsKey(phi) || !_values.TryGetValue(phi, out var v) || CountIncoming(v) > 0) continue;
                ReplaceAllUsesWith(v, GetPoison(TypeOf(v)));
                InstructionEraseFromParent(v);
            }
        }
    }

    /// <summary>A null-initialised slot in the entry block for every value the frame owns.</summary>
    private void CreateOwnedSlots()
    {
        var owned = Spec.Ir.Params.Concat(Spec.Ir.Blocks.SelectMany(b => b.Phis.Concat(b.Instrs))).Where(Passes.Ownership.IsOwned);
        foreach (var v in owned)
        {
            if (_generator?.OwnedSlotPointers.TryGetValue(v, out var kept) == true) { _ownedSlots[v] = kept; continue; }   // zeroed with the frame
            var ty = M.Lower(v.Type);
            var slot = Alloca(ty);
            var cur = GetInsertBlock(B);
            PositionBuilderAtEnd(B, GetEntryBasicBlock(_fn));
            var first = GetFirstInstruction(GetEntryBasicBlock(_fn));
            PositionBuilderAfterAllocas(first);
            BuildStore(B, ConstNull(ty), slot);
            PositionBuilderAtEnd(B, cur);
            _ownedSlots[v] = slot;
        }
    }

    private void PositionBuilderAfterAllocas(LLVMValueRef first)
    {
        var i = first;
        while (i.Handle != 0 && IsAAllocaInst(i).Handle != 0) i = GetNextInstruction(i);
        if (i.Handle != 0) PositionBuilderBefore(B, i);
        else PositionBuilderAtEnd(B, GetEntryBasicBlock(_fn));
    }

    /// <summary>Module variables that hold references, when this is the module body (which owns them).</summary>
    private IEnumerable<string> ModuleGlobalsWithReferences =>
        Spec.Function.IsModule ? M.Types.GlobalTypes.Where(g => Passes.Ownership.HasReferences(g.Value)).Select(g => g.Key) : Enumerable.Empty<string>();

    /// <summary>When the module body ends (normally or by an exception), nothing can read its variables any more:
    /// their references are dropped, as CPython frees a module's globals at exit.</summary>
    private void DropModuleGlobals()
    {
        foreach (var name in ModuleGlobalsWithReferences)
        {
            var (g, t) = M.ModuleGlobal(name);
            Codegen.TypeModel.Of(t).DecRef(this, BuildLoad2(B, M.Lower(t), g, ""));
            BuildStore(B, ConstNull(M.Lower(t)), g);
        }
    }

    /// <summary>Exceptional exits emitted (to the unwind block or a landing).</summary>
    private int _errorExits;

    /// <summary>Past this many (exceptional exits × owned slots) the slots stay in memory.</summary>
    public const int PromotedSlotLimit = 4096;

    /// <summary>LLVM promotes the owned slots to SSA values, and then every exceptional exit is an operand of one phi per
    /// slot at the unwind block (and at landings): a function with hundreds of raising calls and of owned values had
    /// phis with a number of operands that grows with their product, and machine code generation slower still (40
    /// constant set displays took ~20 s). Past <see cref="PromotedSlotLimit"/> the slots' stores and loads are made
    /// volatile, so they stay in memory: each exit just branches, the unwind block loads what the slots hold, and the
    /// code grows linearly. (A generator's slots are in its frame already.)</summary>
    private void KeepSlotsInMemoryWhenLarge()
    {
        if (_generator != null || (long)_errorExits * _ownedSlots.Count <= PromotedSlotLimit) return;
        foreach (var slot in _ownedSlots.Values)
            for (var use = GetFirstUse(slot); use.Handle != 0; use = GetNextUse(use))
            {
                var user = GetUser(use);
                if (IsAStoreInst(user).Handle != 0 || IsALoadInst(user).Handle != 0) SetVolatile(user, 1);
            }
    }

    /// <summary>The unwind block: drops every reference the frame still owns, then returns the failure result.</summary>
    private void EmitUnwind(LLVMBasicBlockRef unwind)
    {
        PositionBuilderAtEnd(B, unwind);
        foreach (var (v, slot) in _ownedSlots)
        {
            Codegen.TypeModel.Of(v.Type).DecRef(this, BuildLoad2(B, M.Lower(v.Type), slot, ""));
            if (_generator != null) BuildStore(B, ConstNull(M.Lower(v.Type)), slot);   // the frame outlives the exception
        }
        DropModuleGlobals();
        if (_generator != null) SetGeneratorState(GeneratorCode.Finished);   // a generator that raised has finished
        BuildRet(B, InsertValue(GetPoison(ResultLlvmType), M.ConstBool(true), 1));
    }

    // ------------------------------------------------------------ helpers for library lowering

    public CompileError Internal(Span span, string message) => new(ErrorKind.InternalError, message, Source, span);

    public LLVMValueRef ValueOf(Value v)
    {
        // A variable read where no assignment reaches: typed by its use (phis convert it), else a typeless placeholder.
        if (v is Instr { Op: Op.Undef }) return TypeOps.IsKnown(v.Type) && v.Type != SimpleType.Undefined ? UndefinedOf(v.Type) : GetPoison(M.Empty);
        if (_generator != null && _generator.Slots.ContainsKey(v)) return BuildLoad2(B, M.Lower(v.Type), FrameSlot(v), "");
        if (TryLoadLiveOut(v, out var slotted)) return slotted;
        if (_values.TryGetValue(v, out var r)) return r;
        if (v is Instr i && i.Streamed) return _values[i] = EmitInstr(i, materialise: true);
        throw Internal(v.Span, $"internal: value %{v.Id} used before definition");
    }

    /// <summary>The value of a variable not assigned on this path: poison, or null for values with references
    /// (which counting skips).</summary>
    private LLVMValueRef UndefinedOf(SjType t) =>
        Passes.Ownership.HasReferences(t) ? ConstNull(M.Lower(t)) : GetPoison(M.Lower(t));

    public LLVMBasicBlockRef NewBlock(string name) => AppendBasicBlockInContext(M.Ctx, _fn, name);

    /// <summary>Calls a runtime helper; arguments that do not fit its C# signature are an internal error here,
    /// not corrupted memory at run time.</summary>
    public LLVMValueRef CallRuntime(string name, params LLVMValueRef[] args)
    {
        var (fn, ty) = M.Runtime(name);
        var ps = GetParamTypes(ty);
        if (ps.Length != args.Length || ps.Where((p, k) => p.Handle != TypeOf(args[k]).Handle).Any())
            throw new InvalidOperationException($"runtime helper {name} takes ({string.Join(", ", ps.Select(PrintTypeToManagedString))}), " +
                $"called with ({string.Join(", ", args.Select(a => PrintTypeToManagedString(TypeOf(a))))})");
        return BuildCall2(B, ty, fn, args, "");
    }

    public LLVMValueRef CallLibm(string name, params LLVMValueRef[] args)
    {
        var (fn, ty) = M.Libm(name, args.Length);
        return BuildCall2(B, ty, fn, args, "");
    }

    /// <summary>libm's name on doubles, as a call that reads and writes no memory (errno is never read): LLVM may then
    /// reuse loads across it, hoist it, and pair sin(x) and cos(x) into one sincos call (glibc's gives the same bits).</summary>
    public LLVMValueRef CallPureLibm(string name, params LLVMValueRef[] args)
    {
        var call = CallLibm(name, args);
        MarkPureLibmCall(call, builtin: true);
        return call;
    }

    /// <summary>Set while the element of an array's element-wise loop is emitted (Arrays.Elementwise).</summary>
    public bool InArrayLoop;
    /// <summary>While an array expression's loops that divide by multiplying are emitted: each run-time int64 divisor's
    /// multiplier and shift, by the expression's operand (Arrays.Elementwise: DivisionByInvariant).</summary>
    public Dictionary<int, (LLVMValueRef Magic, LLVMValueRef Shift)>? DivisorMagic;
    /// <summary>How many vector accumulators LLVM should interleave in the array loops being emitted (0: its choice):
    /// a float max/min reduction carries each vector through a NaN check, so one accumulator runs at that chain's
    /// speed.</summary>
    public int LoopInterleave;

    /// <summary>libm's double function name in a NumPy ufunc's loop: the call site names libmvec's vector variants
    /// (<see cref="VectorMath"/>), and reads and writes no memory (errno is not read), so the loop vectorizes.</summary>
    public LLVMValueRef CallUFuncLibm(string name, params LLVMValueRef[] args)
    {
        var (fn, ty) = M.Libm(name, args.Length);
        var call = BuildCall2(B, ty, fn, args, "");
        // Only in an array's element loop: a ufunc of numbers keeps libm's bits (the SLP vectorizer would pack two).
        if (!InArrayLoop || M.VectorVariants(name) is not { } variants) return call;
        MarkPureLibmCall(call);
        NameVectorVariants(call, variants);
        NoteVectorCall(name, single: false);
        return call;
    }

    /// <summary>
    /// A float32 loop's call of libm's float form of name (name + "f") on doubles that hold float32 values, widened
    /// back to a double, in an array's element loop where libmvec has its vector variants: 16 floats per AVX-512 call
    /// (NumPy's float32 loops are SIMD code of their own), where the double function took 8 and two conversions
    /// (1,000,000 float32 np.exp 1.4 ms, NumPy 0.55). Null elsewhere: the double function rounded once stays.
    /// </summary>
    public LLVMValueRef? CallUFuncLibmSingle(string name, params LLVMValueRef[] args)
    {
        if (!InArrayLoop || M.VectorVariants(name, single: true) is not { } variants) return null;
        var (fn, ty) = M.LibmOf(M.F32, name + "f", args.Length);
        var call = BuildCall2(B, ty, fn, args.Select(a => BuildFPTrunc(B, a, M.F32, "")).ToArray(), "");
        MarkPureLibmCall(call);
        NameVectorVariants(call, variants);
        NoteVectorCall(name, single: true);
        return BuildFPExt(B, call, M.F64, "");
    }

    /// <summary>In the loop being emitted (<see cref="ArrayCode.Loop"/>): the lanes of the widest vector form that every
    /// call with vector variants has (0: no such call). LLVM's cost model rates libmvec's calls no better than the
    /// scalar calls they replace, so a loop of np.sin(a) * np.exp(b) + np.arctan2(a, b) stayed scalar (9x the time of
    /// the vector loop) or took 2-lane forms; the loop is told this width instead.</summary>
    public int VectorCallLanes;

    private void NoteVectorCall(string name, bool single) => NoteVectorLanes(VectorMath.Variants(name, single, M.Options.FastMath).Max(v => v.Lanes));

    /// <summary>Adds calls whose widest vector form has this many lanes (0: none) to <see cref="VectorCallLanes"/>.</summary>
    public void NoteVectorLanes(int lanes)
    {
        if (lanes > 0) VectorCallLanes = VectorCallLanes == 0 ? lanes : Math.Min(VectorCallLanes, lanes);
    }

    /// <summary>Names a call's vector forms ("vector-function-abi-variant": mangled names, comma-separated), which the
    /// loop vectoriser calls in its place; the call must also read no memory.</summary>
    public void NameVectorVariants(LLVMValueRef call, string variants)
    {
        AddCallSiteAttribute(call, AttributeFunctionIndex, CreateEnumAttribute(M.Ctx, GetEnumAttributeKindForName("nounwind"), 0));
        AddCallSiteAttribute(call, AttributeFunctionIndex, CreateStringAttribute(M.Ctx, "vector-function-abi-variant", variants));
    }

    /// <summary>A libm call that LLVM need not keep for its errno (memory(none), willreturn) and, unless builtin, must
    /// not rewrite (nobuiltin).</summary>
    private void MarkPureLibmCall(LLVMValueRef call, bool builtin = false)
    {
        foreach (var attr in builtin ? new[] { "memory", "willreturn" } : new[] { "nobuiltin", "memory", "willreturn" })   // memory's value 0 is memory(none)
            AddCallSiteAttribute(call, AttributeFunctionIndex, CreateEnumAttribute(M.Ctx, GetEnumAttributeKindForName(attr), 0));
    }

    /// <summary>x ** y as libm's pow gives it (CPython and NumPy call pow/powf). LLVM's library-call simplifier turns
    /// pow(2**k, y) into exp2(k * y), which rounds k * y first and is off by ulps (fuzz-13); it leaves a call marked
    /// nobuiltin alone. A constant exponent keeps the intrinsic, whose rewrites there are exact (x ** 2.0 is x * x).</summary>
    public LLVMValueRef Pow(LLVMTypeRef ty, LLVMValueRef x, LLVMValueRef y)
    {
        bool isF32 = ty.Handle == M.F32.Handle;
        if (IsAConstantFP(y).Handle != 0 || !(isF32 || ty.Handle == M.F64.Handle))
            return Intrinsic("llvm.pow", new[] { ty }, x, y);
        var (fn, fnType) = M.LibmOf(ty, isF32 ? "powf" : "pow", 2);
        var call = BuildCall2(B, fnType, fn, new[] { x, y }, "");
        MarkPureLibmCall(call);
        return call;
    }

    public LLVMValueRef Intrinsic(string name, LLVMTypeRef[] overloads, params LLVMValueRef[] args)
    {
        var decl = GetIntrinsicDeclaration(M.Module, name, overloads);
        var ty = IntrinsicGetType(M.Ctx, name, overloads);
        return BuildCall2(B, ty, decl, args, "");
    }

    /// <summary>Records the current function and line in the traceback and returns the failure result.</summary>
    /// <param name="recordFrame">False when the exception belongs to the caller's frame (RecursionError on entry).</param>
    private readonly List<(LLVMValueRef Value, SjType Type)> _temporaries = new();

    /// <summary>A reference the current lowering owns (a new array it is filling): an exception raised before the
    /// lowering returns drops it. Held until the lowering returns (its result is then owned by the frame).</summary>
    public void HoldTemporary(LLVMValueRef v, SjType t)
    {
        if (Spec.CanRaise) _temporaries.Add((v, t));
    }

    /// <summary>The lowering dropped the reference itself.</summary>
    public void ReleaseTemporary(LLVMValueRef v) => _temporaries.RemoveAll(x => x.Value.Handle == v.Handle);

    /// <summary>The traceback frame of a call at span in this function (null in library code, which has no frames).</summary>
    private LLVMValueRef CallSite(Span span)
    {
        if (Spec.Function.Module.IsLibrary) return ConstPointerNull(M.Ptr);
        var (line, _) = Source.LineColumn(span.Start);
        return M.FrameSite(FrameName, Source.Path, line, Source.LineText(line).Trim());
    }

    /// <summary>The function's name in tracebacks: a prange loop's chunk function shows as the function it came from.</summary>
    private string FrameName => Spec.Function.QualName == "<module>" ? "<module>"
        : Spec.Function.Generated == Binding.GeneratedFunction.PrangeChunk ? Spec.Function.Parent!.Name : Spec.Function.Name;

    public void ReturnError(Span span, bool recordFrame = true)
    {
        var handler = _irBlock?.Handler;
        if (!Spec.CanRaise && handler == null) throw Internal(span, $"internal: '{Spec.Function.QualName}' was analysed as unable to raise, but raises here");
        _errorExits++;
        var (line, _) = Source.LineColumn(span.Start);
        // Values the lowering being emitted made and still holds (a result array being filled) are dropped here.
        if (!_deferredBody) foreach (var (v, t) in _temporaries) TypeModel.Of(t).DecRef(this, v);
        if (recordFrame && !Spec.Function.Module.IsLibrary)   // library code has no frames, as NumPy's C code has none
            CallRuntime("sj_traceback", M.ConstString(FrameName), M.ConstString(Source.Path), M.ConstI64(line), M.ConstString(Source.LineText(line).Trim()));
        // In a deferred function: it returns 1, and its call site leaves the function (holding what this one would drop).
        if (_deferredBody) { BuildRet(B, ConstInt(M.I32, 1, 0)); return; }
        // Raised while an exception is handled: that one is the new one's context.
        if (_irBlock?.Handling is { } handling) CallRuntime("sj_exc_context", ValueOf(handling));
        if (handler != null)
        {
            // Inside a try: to its landing, whose phis take (and own a reference to) each variable's value here.
            int index = handler.Preds.IndexOf(_irBlock!);
            foreach (var phi in handler.Phis)
                if (Passes.Ownership.IsOwned(phi) && phi.Args[index] is not Instr { Op: Op.Undef })
                    TypeModel.Of(phi.Type).IncRef(this, Convert(ValueOf(phi.Args[index]), phi.Args[index].Type, phi.Type));
            AddPhiIncoming(_irBlock!, handler);
            BuildBr(B, _blocks[handler]);
            return;
        }
        if (_inlined != null) { _inlined.Raised = true; BuildBr(B, _inlined.Raise); return; }
        if (_ownedSlots.Count > 0 || ModuleGlobalsWithReferences.Any() || _generator != null) { BuildBr(B, _unwind ??= NewBlock("unwind")); return; }
        var ret = InsertValue(GetPoison(ResultLlvmType), M.ConstBool(true), 1);
        BuildRet(B, ret);
    }

    /// <summary>Branches to an error exit when failed is true (the exception is already set); continues otherwise.</summary>
    public void CheckFailed(LLVMValueRef failed, Span span, bool recordFrame = true)
    {
        var err = NewBlock("err"); var ok = NewBlock("ok");
        BuildCondBr(B, Expect(failed, false), err, ok);
        PositionBuilderAtEnd(B, err);
        ReturnError(span, recordFrame);
        PositionBuilderAtEnd(B, ok);
    }

    public LLVMValueRef Expect(LLVMValueRef cond, bool expected) =>
        Intrinsic("llvm.expect", new[] { M.I1 }, cond, M.ConstBool(expected));

    /// <summary>The value of an LLVM integer constant (the builder folds constant operands), else null.</summary>
    public static long? ConstantIntOf(LLVMValueRef v) =>
        IsAConstantInt(v).Handle != IntPtr.Zero ? ConstIntGetSExtValue(v) : null;

    /// <summary>Raises excName(message) when cond is true.</summary>
    public void RaiseIf(LLVMValueRef cond, string excName, string message, Span span, bool recordFrame = true) =>
        FailIf(cond, () => CallRuntime("sj_raise", M.ConstString(excName), M.ConstString(message)), span, recordFrame);

    /// <summary>Raises excName(message) when cond is true, for a check on values that guards no memory (a float
    /// division by zero, a math domain or range error): checks in a row may become one branch (Llvm.ValueChecks).</summary>
    public void CheckValue(LLVMValueRef cond, string excName, string message, Span span) =>
        FailIf(cond, () => CallRuntime("sj_raise", M.ConstString(excName), M.ConstString(message)), span, valueCheck: true);

    /// <summary>A check on values in two steps: a cheap condition that the common case fails (a math result that is
    /// finite), then in a cold block the exact one, which raises through setError() when true (where the cheap one was
    /// true but the exact one is not, execution goes on). In a run of such checks only the cheap conditions are tested
    /// on the way (Llvm.ValueChecks), and the exact ones of those that fired, in order, off it.</summary>
    public void CheckValue(LLVMValueRef quick, Func<LLVMValueRef> exact, Action setError, Span span)
    {
        if (ConstantIntOf(quick) == 0) return;
        var check = NewBlock("check"); var ok = NewBlock("ok");
        MarkValueCheck(BuildCondBr(B, Expect(quick, false), check, ok));
        PositionBuilderAtEnd(B, check);
        FailIf(exact(), setError, span);
        BuildBr(B, ok);
        PositionBuilderAtEnd(B, ok);
    }

    /// <summary>Loads may run before such a check only where every array access checks its own bounds.</summary>
    private void MarkValueCheck(LLVMValueRef branch) => ValueChecks.Mark(M.Module, branch, loadsMayMove: M.Options.BoundsCheck);

    /// <summary>When cond is true: setError() sets the exception (a runtime helper that formats its message), and the
    /// function returns its failure. Continues otherwise.</summary>
    public void FailIf(LLVMValueRef cond, Action setError, Span span, bool recordFrame = true, bool valueCheck = false)
    {
        // The builder folds checks on constant operands (x // 3, x << 2); a check folded to false needs no code,
        // which is what RaiseAnalysis relies on when it calls such an operation safe.
        if (ConstantIntOf(cond) == 0) return;
        var err = NewBlock("raise"); var ok = NewBlock("ok");
        var branch = BuildCondBr(B, Expect(cond, false), err, ok);
        if (valueCheck) MarkValueCheck(branch);
        PositionBuilderAtEnd(B, err);
        setError();
        ReturnError(span, recordFrame);
        PositionBuilderAtEnd(B, ok);
    }

    /// <summary>A str from a runtime helper that returns Runtime.StrOps.Failed (address 1) with an exception set.</summary>
    public LLVMValueRef CheckedStr(LLVMValueRef str, Span span)
    {
        CheckFailed(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, BuildPtrToInt(B, str, M.I64, ""), M.ConstI64(1), ""), span);
        return str;
    }

    /// <summary>Calls a fallible runtime helper returning i32 status (non-zero: exception set).</summary>
    public void CallChecked(string name, Span span, params LLVMValueRef[] args)
    {
        var status = CallRuntime(name, args);
        CheckFailed(BuildICmp(B, LLVMIntPredicate.LLVMIntNE, status, LLVM.ConstInt(M.I32, 0), ""), span);
    }

    /// <summary>if (cond) body(): the body in its own block, continuing after it either way.</summary>
    public void When(LLVMValueRef cond, Action body)
    {
        var then = NewBlock("when"); var next = NewBlock("when_done");
        BuildCondBr(B, cond, then, next);
        PositionBuilderAtEnd(B, then);
        body();
        BuildBr(B, next);
        PositionBuilderAtEnd(B, next);
    }

    /// <summary>if (cond) then() else otherwise(): each arm in its own block, continuing after them.</summary>
    public void When(LLVMValueRef cond, Action then, Action otherwise)
    {
        var tb = NewBlock("then"); var eb = NewBlock("else"); var join = NewBlock("join");
        BuildCondBr(B, cond, tb, eb);
        PositionBuilderAtEnd(B, tb);
        then();
        BuildBr(B, join);
        PositionBuilderAtEnd(B, eb);
        otherwise();
        BuildBr(B, join);
        PositionBuilderAtEnd(B, join);
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
        CompileDepth.EnsureStack();
        if (from == SimpleType.Undefined || from == SimpleType.Unknown) return GetPoison(M.Lower(to));
        // A call typed as never returning (its callee raises on every path it was typed with): nothing uses the value.
        if (to == SimpleType.NoReturn) return v;
        if (from is ScalarType f && to is ScalarType t) return ConvertScalar(v, f, t);
        if (from is BoundMethodType bf && to is BoundMethodType bt) return Convert(v, bf.Receiver, bt.Receiver);
        if (from is UserMethodType um && to == um.Instance) return v;   // a method's value is its instance
        // A container whose items typing never saw (an empty display) has the representation of any other.
        if (from is ListType or SetType or DictType && from.GetType() == to.GetType() && TypeInference.Held(from) == SimpleType.Unknown) return v;
        if (from is ArrayType && to is ArrayType) return v;   // layouts differ in type only: the value holds its strides
        if (to is OptionalType opt)
        {
            // None: absent, its value zeroed (so counting a None str or array does nothing); a T: present.
            if (from == SimpleType.None) return ConstNull(M.Lower(to));
            if (from is OptionalType fo)
                return MakeStruct(M.Lower(to), ExtractValue(v, 0), Convert(ExtractValue(v, 1), fo.Inner, opt.Inner));
            return MakeStruct(M.Lower(to), M.ConstBool(true), Convert(v, from, opt.Inner));
        }
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
            // In array loops the vectorisable form; elsewhere llvm.fptosi.sat, shorter as scalar code.
            var i = InArrayLoop ? SaturatingToInt64(x, 0) : Intrinsic("llvm.fptosi.sat", new[] { M.I64, M.F64 }, x);
            if (t == ScalarType.UInt64)
            {
                // [2**63, 2**64) through the signed conversion of x - 2**63; above, the largest uint64
                var big = BuildFCmp(B, LLVMRealPredicate.LLVMRealOGE, x, M.ConstF64(9223372036854775808.0), "");
                i = BuildSelect(B, big, SaturatingToInt64(BuildFSub(B, x, M.ConstF64(9223372036854775808.0), ""), long.MinValue), i, "");
            }
            return t.Bits == 64 ? i : BuildTrunc(B, i, to, "");
        }
        if (f.Rank == 0 || f.IsUnsigned) return BuildUIToFP(B, v, to, "");
        if (f.Rank == 1) return BuildSIToFP(B, v, to, "");
        return f.Bits < t.Bits ? BuildFPExt(B, v, to, "") : BuildFPTrunc(B, v, to, "");
    }

    /// <summary>
    /// llvm.fptosi.sat to int64 of a double (NaN 0, beyond the range its nearest end), plus <paramref name="offset"/>
    /// (wrapping), written as compares and selects around a plain conversion of an in-range value: LLVM 19 splits a
    /// vector fptosi.sat into one branchy conversion per lane, which made float-to-int array casts 5x NumPy's time.
    /// </summary>
    private LLVMValueRef SaturatingToInt64(LLVMValueRef x, long offset)
    {
        var low = M.ConstF64(-9223372036854775808.0); var high = M.ConstF64(9223372036854775808.0);
        var inRange = BuildAnd(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOGE, x, low, ""), BuildFCmp(B, LLVMRealPredicate.LLVMRealOLT, x, high, ""), "");
        var converted = BuildFPToSI(B, BuildSelect(B, inRange, x, M.ConstF64(0), ""), M.I64, "");
        var outside = BuildSelect(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOGE, x, high, ""), M.ConstI64(long.MaxValue),
            BuildSelect(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealUNO, x, x, ""), M.ConstI64(0), M.ConstI64(long.MinValue), ""), "");
        var r = BuildSelect(B, inRange, converted, outside, "");
        return offset == 0 ? r : BuildAdd(B, r, M.ConstI64(offset), "");
    }

    /// <summary>Python truthiness as i1.</summary>
    /// <summary>bool(v) of a value of type t (its model's truth).</summary>
    public LLVMValueRef Truth(LLVMValueRef v, SjType t) => TypeModel.Of(t).Truth(this, v);

    /// <summary>len(range(start, stop, step)) as an unsigned 64-bit count: exact for every int64 range (the
    /// difference of the bounds and -step are taken modulo 2**64). A range iterator is (current, items left, step).</summary>
    private LLVMValueRef RangeCount(LLVMValueRef start, LLVMValueRef stop, LLVMValueRef step)
    {
        var positive = BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, step, M.ConstI64(0), "");
        var span = BuildSelect(B, positive, BuildSub(B, stop, start, ""), BuildSub(B, start, stop, ""), "");
        var stride = BuildSelect(B, positive, step, BuildSub(B, M.ConstI64(0), step, ""), "");
        var count = BuildNUWAdd(B, BuildUDiv(B, BuildSub(B, span, M.ConstI64(1), ""), stride, ""), M.ConstI64(1), "");
        return BuildSelect(B, RangeNonEmpty(start, stop, step), count, M.ConstI64(0), "");
    }

    public LLVMValueRef RangeNonEmpty(LLVMValueRef cur, LLVMValueRef stop, LLVMValueRef step)
    {
        var up = BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, cur, stop, "");
        var down = BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, cur, stop, "");
        var positive = BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, step, M.ConstI64(0), "");
        return BuildSelect(B, positive, up, down, "");
    }

    // ------------------------------------------------------------ instructions

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
            case Op.Const: return M.Constant(i.Constant, i.Type);
            case Op.Global:
            {
                if (i.Resolved is ResolvedConstant rc) return M.Constant(rc.Value, i.Type);
                string name = i.Name;
                if (M.Types.GlobalTypes.ContainsKey(name) && !Spec.Function.IsModule)
                {
                    var (g, t) = M.ModuleGlobal(name);
                    return BuildLoad2(B, M.Lower(t), g, name);
                }
                return GetUndef(M.Lower(i.Type));
            }
            case Op.StoreGlobal:
            {
                string name = i.Name;
                if (M.Types.GlobalTypes.ContainsKey(name))
                {
                    // The global holds a reference of its own: take one to the new value, drop the old value's.
                    var (g, t) = M.ModuleGlobal(name);
                    var model = Codegen.TypeModel.Of(t);
                    var old = model.HasReferences ? BuildLoad2(B, M.Lower(t), g, "") : default;
                    var v = Convert(ValueOf(i.Args[0]), i.Args[0].Type, t);
                    BuildStore(B, v, g);
                    if (model.HasReferences) { model.IncRef(this, v); model.DecRef(this, old); }
                }
                return GetUndef(M.Empty);
            }
            case Op.Attr:
                if (i.Resolved is ResolvedConstant ac) return M.Constant(ac.Value, i.Type);
                if (i.Resolved is ResolvedIndex field) return ExtractValue(ValueOf(i.Args[0]), field.Index);   // a namedtuple's field
                if (i.Resolved is ResolvedLibraryCall attr) return EmitEntry(i, attr, i.Args);
                if (i.Type is BoundMethodType or UserMethodType) return ValueOf(i.Args[0]);   // the value of a bound method is its receiver
                if (i.Resolved is ResolvedField rf)
                    return InstanceCode.Load(this, (InstanceType)i.Args[0].Type, ValueOf(i.Args[0]), rf.Index, rf.Checked, i.Span);
                return GetUndef(M.Lower(i.Type));   // a module's function or submodule: known statically
            case Op.SetAttr:
            {
                if (i.Resolved is ResolvedLibraryCall setter) { EmitEntry(i, setter, i.Args); return GetUndef(M.Empty); }   // a property's setter
                var inst = (InstanceType)i.Args[0].Type;
                int index = ((ResolvedField)i.Resolved!).Index;
                var stored = InstanceCode.Stored(inst.Layout.TypeOf(inst.Class.Fields[index]));
                InstanceCode.Store(this, inst, ValueOf(i.Args[0]), index, Convert(ValueOf(i.Args[1]), i.Args[1].Type, stored));
                return GetUndef(M.Empty);
            }
            case Op.BinOp:
            case Op.InPlaceOp:
            case Op.UnaryOp:
            case Op.Compare:
            case Op.SetItem:
            case Op.ArrayExpr:
            case Op.ArrayReduce:
            case Op.MaskedAssign:
                return EmitEntry(i, (ResolvedLibraryCall)i.Resolved!, i.Args);
            case Op.Not: return BuildXor(B, ValueOf(i.Args[0]), M.ConstBool(true), "");
            case Op.CheckBound:
            {
                var (name, free) = i.BoundName;
                var unbound = BuildXor(B, ValueOf(i.Args[0]), M.ConstBool(true), "");
                if (free) RaiseIf(unbound, "NameError", $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope", i.Span);
                else if (Spec.Function.IsModule) RaiseIf(unbound, "NameError", $"name '{name}' is not defined", i.Span);
                else RaiseIf(unbound, "UnboundLocalError", $"cannot access local variable '{name}' where it is not associated with a value", i.Span);
                return GetUndef(M.Empty);
            }
            case Op.IncRef:
                Codegen.TypeModel.Of(i.Args[0].Type).IncRef(this, ValueOf(i.Args[0]));
                return GetUndef(M.Empty);
            case Op.DecRef:
                Codegen.TypeModel.Of(i.Args[0].Type).DecRef(this, ValueOf(i.Args[0]));
                if (_ownedSlots.TryGetValue(i.Args[0], out var dropped)) BuildStore(B, ConstNull(M.Lower(i.Args[0].Type)), dropped);
                return GetUndef(M.Empty);
            case Op.ExcMatch:
            {
                var classes = ((ExceptClauseClasses)i.Resolved!).Classes;
                var any = M.ConstBool(false);
                foreach (var cls in classes)
                    any = BuildOr(B, any, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, CallRuntime("sj_exc_matches", M.ConstString(cls)), LLVM.ConstInt(M.I32, 0), ""), "");
                return any;
            }
            case Op.Narrow:
                return i.Args[0].Type is OptionalType ? ExtractValue(ValueOf(i.Args[0]), 1) : ValueOf(i.Args[0]);
            case Op.Unwrap:
            {
                var (exception, message) = i.UnwrapCheck;
                if (i.Args[0].Type == SimpleType.None)
                {
                    RaiseIf(M.ConstBool(true), exception, message, i.Span);   // always: what follows is dead
                    return GetUndef(M.Empty);
                }
                var optional = ValueOf(i.Args[0]);
                RaiseIf(BuildNot(B, ExtractValue(optional, 0), ""), exception, message, i.Span);
                return ExtractValue(optional, 1);
            }
            case Op.ExcCause:
            {
                var cause = i.Args[0];
                switch (cause.Type)
                {
                    case CaughtExceptionType: CallRuntime("sj_exc_cause_caught", ValueOf(cause)); break;
                    case ExceptionInstanceType ei: CallRuntime("sj_exc_cause_new", M.ConstString(ei.ExceptionName), ValueOf(cause)); break;
                    case ExceptionClassType ec: CallRuntime("sj_exc_cause_new", M.ConstString(ec.ExceptionName), ConstPointerNull(M.Ptr)); break;
                    default: CallRuntime("sj_exc_cause_none"); break;
                }
                return GetUndef(M.Empty);
            }
            case Op.ExcCatch:
                if (i.KeepsException) return CallRuntime("sj_exc_catch");
                CallRuntime("sj_exc_clear");
                return GetUndef(M.Empty);
            case Op.Truth when i.Resolved is ResolvedLibraryCall truth: return EmitEntry(i, truth, i.Args);   // __bool__ or __len__
            case Op.Truth: return Truth(ValueOf(i.Args[0]), i.Args[0].Type);
            case Op.Call: return EmitCall(i);
            case Op.MakeTuple:
            case Op.MakeClosure:
                return MakeStruct(M.Lower(i.Type), i.Args.Select(ValueOf).ToArray());
            case Op.GetItem: return EmitGetItem(i);
            case Op.GetIter when i.Resolved is ResolvedLibraryCall iter: return EmitEntry(i, iter, i.Args);   // __iter__
            case Op.GetIter: return MakeIterator(i.Args[0].Type, ValueOf(i.Args[0]), i.Type);
            case Op.IterValid: return IteratorValid(i.Args[0].Type, ValueOf(i.Args[0]), i.Span);
            case Op.IterValue: return IteratorValue(i.Args[0].Type, ValueOf(i.Args[0]), i.Type);
            case Op.IterNext: return IteratorNext(i.Args[0].Type, ValueOf(i.Args[0]));
            case Op.Yield: return EmitYield(i);
            case Op.Resumed: return EmitResumed(i);
            case Op.Delegate: return EmitDelegate(i);
            case Op.DelegateResult: return EmitDelegateResult(i);
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
        var shape = i.CallShape;
        var args = i.Args.Skip(1).ToArray();
        switch (i.Resolved)
        {
            case ResolvedUserCall { Receiver: true } mc:
            {
                // A method: the binding indexes the operands with the receiver first (the callee's value is its
                // instance), or a class call: a new instance is the receiver, held until __init__ returns.
                var receiver = mc.Constructs is { } made ? InstanceCode.New(this, made, i.Span) : ValueOf(i.Args[0]);
                if (mc.Constructs != null) HoldTemporary(receiver, mc.Constructs);
                var operands = i.Args.Skip(1).Select(a => (Func<LLVMValueRef>)(() => ValueOf(a))).Prepend(() => receiver).ToArray();
                var types = i.Args.Skip(1).Select(a => a.Type).Prepend(mc.Target.ArgTypes[0]).ToArray();
                var result = CallSpecialization(mc.Target, BindOperands(mc, operands, types), i.Span);
                if (mc.Constructs == null) return result;
                ReleaseTemporary(receiver);
                return receiver;
            }
            case ResolvedNewInstance ni:
                return InstanceCode.New(this, ni.Type, i.Span);
            case ResolvedUserCall uc:
            {
                var ft = (Typing.FunctionType)i.Args[0].Type;
                var callee = ValueOf(i.Args[0]);
                var llArgs = Enumerable.Range(0, ft.Captures.Length).Select(k => ExtractValue(callee, k)).ToList();
                llArgs.AddRange(BindOperands(uc, args.Select(a => (Func<LLVMValueRef>)(() => ValueOf(a))).ToArray(), args.Select(a => a.Type).ToArray(), ft.Captures.Length));
                return CallSpecialization(uc.Target, llArgs, i.Span);
            }
            case ResolvedLibraryCall lc:
                return i.Args[0].Type switch
                {
                    BoundMethodType bm => EmitEntry(i, lc, args, (ValueOf(i.Args[0]), bm.Receiver)),
                    FunctionPointerType fp => EmitEntry(i, lc, args, (ValueOf(i.Args[0]), fp)),   // the pointer is the receiver
                    _ => EmitEntry(i, lc, args),
                };
            case ResolvedNamedTuple nt:
            {
                var tuple = (TupleType)i.Type;
                var items = nt.ArgForField.Select((a, f) => a >= 0 ? Convert(ValueOf(args[a]), args[a].Type, tuple.Items[f]) : M.Constant(nt.Defaults[f], tuple.Items[f])).ToArray();
                var made = MakeStruct(M.Lower(tuple), items);
                TypeModel.Of(tuple).IncRef(this, made);   // a new tuple holds its own references to its items
                return made;
            }
            case ResolvedException:
                if (args.Length == 0) return ConstPointerNull(M.Ptr);
                if (args.Length == 1 && args[0].Type == SimpleType.Str && !(args[0] is Instr { Streamed: true })) return NewRef(ValueOf(args[0]), SimpleType.Str);
                {
                    // The arguments' encoding (Runtime.ExceptionArgument): a str is its own text; any other argument
                    // is kept as its repr, marked; several are marked and each one's length put in front of it.
                    var sb = CallRuntime("sj_sb_new");
                    void WriteArgument(Value arg)
                    {
                        bool literal = arg.Type != SimpleType.Str;
                        if (literal) CallRuntime("sj_write_str", sb, M.ConstString(Runtime.ExceptionArgument.Literal.ToString()));
                        WriteValue(sb, arg, arg.Type, repr: literal);
                    }
                    if (args.Length == 1) WriteArgument(args[0]);
                    else
                    {
                        CallRuntime("sj_write_str", sb, M.ConstString(Runtime.ExceptionArgument.Several.ToString()));
                        foreach (var arg in args)
                        {
                            var start = CallRuntime("sj_exc_args_start", sb);
                            WriteArgument(arg);
                            CallRuntime("sj_exc_args_end", sb, start);
                        }
                    }
                    return CallRuntime("sj_sb_finish", sb);
                }
        }
        throw Internal(i.Span, "internal: unresolved call");
    }

    /// <summary>The arguments of a call in its parameters' order (after <paramref name="captures"/> captured values):
    /// each bound operand converted to its parameter's type, defaults, and a <c>*args</c> tuple.</summary>
    private List<LLVMValueRef> BindOperands(ResolvedUserCall call, Func<LLVMValueRef>[] operands, SjType[] types, int captures = 0)
    {
        var b = call.Binding;
        var llArgs = new List<LLVMValueRef>();
        for (int p = 0; p < b.ArgIndexForParam.Length; p++)
        {
            var paramType = call.Target.ArgTypes[captures + p];
            if (p == b.VarArgParam)
            {
                var tuple = (TupleType)paramType;
                llArgs.Add(MakeStruct(M.Lower(tuple), b.VarArgs!.Select((k, j) => Convert(operands[k](), types[k], tuple.Items[j])).ToArray()));
                continue;
            }
            int a = b.ArgIndexForParam[p];
            llArgs.Add(a >= 0 ? Convert(operands[a](), types[a], paramType) : M.Constant(b.DefaultForParam[p], paramType));
        }
        return llArgs;
    }

    /// <summary>Calls a compiled function (captured values first), with the recursion guard where it is part of a
    /// cycle, and propagates its exception.</summary>
    public LLVMValueRef CallSpecialization(Specialization target, IReadOnlyList<LLVMValueRef> args, Span span)
    {
        if (M.Inlines(target)) return EmitInlined(target, args, span);
        LLVMValueRef r;
        if (target.Recursive && Spec.Recursive)   // inside a cycle: one deeper, same guard
        {
            // The guard's entry for this depth: where this frame calls the next, for the traceback of a RecursionError.
            if (!Spec.RecursionUnwinds)
                M.RecordRecursionSite(B, CallSite(span), BuildInBoundsGEP2(B, M.Ptr, GetParam(_fn, 1), new[] { GetParam(_fn, 0) }, ""));
            r = BuildCall2(B, M.FunctionTypeOf(target), M.FunctionOf(target),
                new[] { BuildAdd(B, GetParam(_fn, 0), M.ConstI64(1), ""), GetParam(_fn, 1) }.Concat(args).ToArray(), "");
        }
        else if (target.Recursive)
        {
            var (result, recursionError) = M.CallGuarded(B, RecursionGuard(), target, args.ToList(), Math.Max(1, Spec.FramePosition));
            CheckFailed(recursionError, span);
            r = result;
        }
        else r = BuildCall2(B, M.FunctionTypeOf(target), M.FunctionOf(target), args.ToArray(), "");
        if (!target.CanRaise) return r;
        CheckFailed(ExtractValue(r, 1), span);
        return ExtractValue(r, 0);
    }

    /// <summary>Lowers a use of a registry entry: the arguments (after the receiver of a method) converted to the types
    /// of the signature it was typed with, then the entry's lowering.</summary>
    private LLVMValueRef EmitEntry(Instr i, ResolvedLibraryCall lc, IReadOnlyList<Value> args, (LLVMValueRef Value, SjType Type)? receiver = null)
    {
        var sig = lc.Signature;
        var lowered = new LoweredArg[sig.Args.Length];
        int k = 0;
        if (receiver is var (rv, rt)) { lowered[0] = new LoweredArg(Convert(rv, rt, sig.Args[0]), sig.Args[0]); k = 1; }
        foreach (var v in args)
        {
            var (to, literal) = (sig.Args[k], sig.Literals[k]);
            lowered[k++] = v is Instr { Streamed: true }
                ? new LoweredArg(() => ValueOf(v), to, literal) { Stream = sink => WriteValue(sink, v, v.Type, false) }
                : new LoweredArg(Convert(ValueOf(v), v.Type, to), to, literal);
        }
        if (lc.Folded is { } folded) return M.Constant(folded, i.Type);   // decided at compile time
        try { return lc.Function.Lower(new LoweringCall(this, sig, i.Span, lowered, lc.Callees) { BorrowedResult = i.BorrowsBase }); }
        finally { _temporaries.Clear(); }
    }

    // ------------------------------------------------------------ iterators (for loops)

    private LLVMValueRef MakeIterator(SjType iterable, LLVMValueRef v, SjType iterType)
    {
        switch (iterType)
        {
            case GeneratorType: return v;   // its own iterator
            case ArrayIterType { Flat: true }: return MakeStruct(M.Lower(iterType), ExtractValue(v, 0), M.ConstI64(0));   // the flatiter's array
            case EnumerateIterType ei:
                var en = (EnumerateType)iterable;
                return MakeStruct(M.Lower(iterType), MakeIterator(en.Iterable, ExtractValue(v, 0), ei.Inner), ExtractValue(v, 1));
            case ReversedIterType ri:
            {
                var x = ExtractValue(v, 0);
                if (ri.Iterable == SimpleType.Range) return MakeIterator(SimpleType.Range, x, SimpleType.RangeIter);   // the same (start, left, step, end)
                var count = ri.Iterable switch
                {
                    TupleType tt => M.ConstI64(tt.Items.Length),
                    ArrayType => ArrayCode.Dim(this, x, 0),
                    ListType => ListCode.Length(this, x),
                    _ => CallRuntime("sj_str_nbytes", x),
                };
                return MakeStruct(M.Lower(iterType), x, count);
            }
            case SetIterType si: return MakeStruct(M.Lower(iterType), v, DictCode.SkipEmptySlots(this, v, M.ConstI64(0)));
            case DictIterType di:
            {
                var dict = iterable is DictType ? v : ExtractValue(v, 0);
                return MakeStruct(M.Lower(iterType), dict, DictCode.SkipDeleted(this, di.View.Dict, dict, M.ConstI64(0)));
            }
            case ZipIterType zi:
                var z = (ZipType)iterable;
                return MakeStruct(M.Lower(iterType), zi.Inners.Select((t, k) => MakeIterator(z.Iterables[k], ExtractValue(v, k), t)).ToArray());
        }
        if (iterType == SimpleType.StrIter) return MakeStruct(M.Lower(iterType), v, M.ConstI64(0), CallRuntime("sj_str_nbytes", v));
        if (iterType == SimpleType.RangeIter)
        {
            var (start, step) = (ExtractValue(v, 0), ExtractValue(v, 2));
            var count = RangeCount(start, ExtractValue(v, 1), step);
            return MakeStruct(M.Lower(iterType), start, count, step, BuildAdd(B, start, BuildMul(B, count, step, ""), ""));
        }
        return MakeStruct(M.Lower(iterType), v, M.ConstI64(0));
    }

    private LLVMValueRef IteratorValid(SjType iterType, LLVMValueRef it, Span span)
    {
        switch (iterType)
        {
            case GeneratorType g: return GeneratorCode.Resume(this, g, it, span);
            case ArrayIterType { Flat: true } ai:
                return BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, ExtractValue(it, 1), ArrayCode.Size(this, ArrayCode.Shape(this, ai.Array, ExtractValue(it, 0))), "");
            case ArrayIterType: return BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, ExtractValue(it, 1), ArrayCode.Dim(this, ExtractValue(it, 0), 0), "");
            case ListIterType: return BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, ExtractValue(it, 1), ListCode.Length(this, ExtractValue(it, 0)), "");
            case DictIterType: return BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, ExtractValue(it, 1), DictCode.Entries(this, ExtractValue(it, 0)), "");
            case SetIterType: return BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, ExtractValue(it, 1), DictCode.Slots(this, ExtractValue(it, 0)), "");
            case TupleIterType ti: return BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, ExtractValue(it, 1), M.ConstI64(ti.Tuple.Items.Length), "");
            case EnumerateIterType ei: return IteratorValid(ei.Inner, ExtractValue(it, 0), span);
            case ReversedIterType { Iterable: ListType }:   // items left, and the list still has them
                return BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, ExtractValue(it, 1), M.ConstI64(0), ""),
                    BuildICmp(B, LLVMIntPredicate.LLVMIntSLE, ExtractValue(it, 1), ListCode.Length(this, ExtractValue(it, 0)), ""), "");
            case ReversedIterType: return BuildICmp(B, LLVMIntPredicate.LLVMIntNE, ExtractValue(it, 1), M.ConstI64(0), "");   // items (or bytes) left
            case ZipIterType zi:
                return ZipValid(zi, it, span);
        }
        if (iterType == SimpleType.StrIter) return BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, ExtractValue(it, 1), ExtractValue(it, 2), "");
        if (iterType == SimpleType.RangeIter)
        {
            // With a step of 1 or -1 the loop runs until the counter reaches the end value (never overflowing on the
            // way): the exit test LLVM's loop passes read as a bound on the counter that array indices are made of
            // (range-check elimination needs it). Other steps count the items left, as the end value may wrap.
            var step = ExtractValue(it, 2);
            var unit = BuildOr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, step, M.ConstI64(1), ""),
                BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, step, M.ConstI64(-1), ""), "");
            return BuildSelect(B, unit, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, ExtractValue(it, 0), ExtractValue(it, 3), ""),
                BuildICmp(B, LLVMIntPredicate.LLVMIntNE, ExtractValue(it, 1), M.ConstI64(0), ""), "");
        }
        return BuildICmp(B, LLVMIntPredicate.LLVMIntNE, ExtractValue(it, 1), M.ConstI64(0), "");   // items left
    }

    /// <summary>Whether every iterator of a zip has an item. As CPython's zip, an exhausted one stops the others from
    /// being advanced: generators are resumed only while the ones before them yielded.</summary>
    private LLVMValueRef ZipValid(ZipIterType zi, LLVMValueRef it, Span span)
    {
        if (!GeneratorType.Resumes(zi))
            return zi.Inners.Select((t, k) => IteratorValid(t, ExtractValue(it, k), span)).Aggregate(M.ConstBool(true), (x, y) => BuildAnd(B, x, y, ""));
        LLVMValueRef From(int k) => k == zi.Inners.Length ? M.ConstBool(true)
            : IfElse(IteratorValid(zi.Inners[k], ExtractValue(it, k), span), M.I1, () => From(k + 1), () => M.ConstBool(false));
        return From(0);
    }

    private LLVMValueRef IteratorValue(SjType iterType, LLVMValueRef it, SjType itemType)
    {
        switch (iterType)
        {
            case GeneratorType g: return GeneratorCode.TakeItem(this, g, it, itemType);
            case ArrayIterType { Flat: true } ai: return ArrayCode.Load(this, ai.Array.Dtype, ArrayCode.FlatElementPointer(this, ai.Array, ExtractValue(it, 0), ExtractValue(it, 1)));
            case ArrayIterType ai: return ArrayRow(ai.Array, ExtractValue(it, 0), ExtractValue(it, 1), itemType);
            case ListIterType li: return ListCode.Load(this, li.List, ExtractValue(it, 0), ExtractValue(it, 1));
            case DictIterType di: return DictCode.Item(this, di.View, ExtractValue(it, 0), ExtractValue(it, 1));
            case SetIterType si: return DictCode.SetItem(this, si.Set, ExtractValue(it, 0), ExtractValue(it, 1));
            case TupleIterType ti: return DynamicTupleItem(ExtractValue(it, 0), ti.Tuple, ExtractValue(it, 1), itemType);
            case ReversedIterType ri:
            {
                var last = BuildSub(B, ExtractValue(it, 1), M.ConstI64(1), "");
                return ri.Iterable switch
                {
                    TupleType tt => DynamicTupleItem(ExtractValue(it, 0), tt, last, itemType),
                    ArrayType a => ArrayRow(a, ExtractValue(it, 0), last, itemType),
                    // A list that shrank under the loop ends it, as CPython's reversed does.
                    ListType lt => ListCode.Load(this, lt, ExtractValue(it, 0), last),
                    _ when ri.Iterable == SimpleType.Str => CallRuntime("sj_str_char_before", ExtractValue(it, 0), ExtractValue(it, 1)),
                    _ => BuildAdd(B, ExtractValue(it, 0), BuildMul(B, last, ExtractValue(it, 2), ""), ""),   // start + (left - 1) * step
                };
            }
            case EnumerateIterType ei:
                return MakeStruct(M.Lower(itemType), ExtractValue(it, 1), IteratorValue(ei.Inner, ExtractValue(it, 0), ((TupleType)itemType).Items[1]));
            case ZipIterType zi:
            {
                // Items are new references when any inner iterator makes them: the borrowed parts take one too.
                bool fresh = Passes.Ownership.IteratorMakesItems(zi);
                return MakeStruct(M.Lower(itemType), zi.Inners.Select((t, k) =>
                {
                    var part = IteratorValue(t, ExtractValue(it, k), ((TupleType)itemType).Items[k]);
                    return fresh && !Passes.Ownership.IteratorMakesItems(t) ? NewRef(part, ((TupleType)itemType).Items[k]) : part;
                }).ToArray());
            }
        }
        if (iterType == SimpleType.StrIter) return CallRuntime("sj_str_char_at", ExtractValue(it, 0), ExtractValue(it, 1));
        return ExtractValue(it, 0);
    }

    private LLVMValueRef IteratorNext(SjType iterType, LLVMValueRef it)
    {
        switch (iterType)
        {
            case GeneratorType: return it;   // the frame advanced when it was resumed
            case EnumerateIterType ei:
                return MakeStruct(M.Lower(iterType), IteratorNext(ei.Inner, ExtractValue(it, 0)), BuildAdd(B, ExtractValue(it, 1), M.ConstI64(1), ""));
            case ReversedIterType ri:
                return InsertValue(it, ri.Iterable == SimpleType.Str ? CallRuntime("sj_str_prev_offset", ExtractValue(it, 0), ExtractValue(it, 1))
                    : BuildSub(B, ExtractValue(it, 1), M.ConstI64(1), ""), 1);
            case ZipIterType zi:
                return MakeStruct(M.Lower(iterType), zi.Inners.Select((t, k) => IteratorNext(t, ExtractValue(it, k))).ToArray());
            case DictIterType di:
                return InsertValue(it, DictCode.SkipDeleted(this, di.View.Dict, ExtractValue(it, 0), BuildAdd(B, ExtractValue(it, 1), M.ConstI64(1), "")), 1);
            case SetIterType:
                return InsertValue(it, DictCode.SkipEmptySlots(this, ExtractValue(it, 0), BuildAdd(B, ExtractValue(it, 1), M.ConstI64(1), "")), 1);
        }
        if (iterType == SimpleType.StrIter)
        {
            // The next character starts after this one's UTF-8 sequence, whose length its first byte tells.
            var offset = ExtractValue(it, 1);
            var lead = BuildZExt(B, BuildLoad2(B, M.I8, BuildGEP2(B, M.I8, ExtractValue(it, 0), new[] { offset }, ""), ""), M.I64, "");
            LLVMValueRef Below(long bound) => BuildICmp(B, LLVMIntPredicate.LLVMIntULT, lead, M.ConstI64(bound), "");
            var length = BuildSelect(B, Below(0x80), M.ConstI64(1), BuildSelect(B, Below(0xE0), M.ConstI64(2),
                BuildSelect(B, Below(0xF0), M.ConstI64(3), M.ConstI64(4), ""), ""), "");
            return InsertValue(it, BuildAdd(B, offset, length, ""), 1);
        }
        if (iterType == SimpleType.RangeIter)
        {
            // The value after the last item may overflow (range(2**63 - 3, 2**63 - 1, 5)); it is never read, since
            // the count of items left ends the loop, so nsw holds for every value used and tells LLVM the value's range.
            var advanced = InsertValue(it, BuildNSWAdd(B, ExtractValue(it, 0), ExtractValue(it, 2), ""), 0);
            return InsertValue(advanced, BuildNUWSub(B, ExtractValue(it, 1), M.ConstI64(1), ""), 1);
        }
        return InsertValue(it, BuildAdd(B, ExtractValue(it, 1), M.ConstI64(1), ""), 1);
    }

    /// <summary>Row k (in range) of an array: an element of a 1-d array, else a view borrowing the array's reference.</summary>
    private LLVMValueRef ArrayRow(ArrayType a, LLVMValueRef array, LLVMValueRef k, SjType rowType)
    {
        var strides = ArrayCode.Strides(this, a, array);
        var ptr = BuildGEP2(B, M.I8, ArrayCode.Data(this, array), new[] { BuildNSWMul(B, k, strides[0], "") }, "");
        if (rowType is ScalarType dtype) return ArrayCode.Load(this, dtype, ptr);
        var shape = ArrayCode.Shape(this, a, array);
        return ArrayCode.Make(this, (ArrayType)rowType, ArrayCode.Meminfo(this, array), ptr, shape[1..], strides[1..]);
    }

    private LLVMValueRef EmitGetItem(Instr i)
    {
        if (i.Resolved is ResolvedLibraryCall lc) return EmitEntry(i, lc, i.Args);
        var tuple = ValueOf(i.Args[0]);
        if (i.Args[0].Type is Typing.PointerType pt)   // C pointer read: p[i]
            return BuildLoad2(B, M.Lower(pt.Target), BuildGEP2(B, M.Lower(pt.Target), tuple, new[] { Convert(ValueOf(i.Args[1]), i.Args[1].Type, ScalarType.Int64) }, ""), "");
        if (i.Resolved is ResolvedIndex { Index: var k }) return ExtractValue(tuple, k);
        if (i.Resolved is ResolvedTupleSlice slice) return MakeStruct(M.Lower(i.Type), slice.Items.Select(item => ExtractValue(tuple, item)).ToArray());
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
    private const int SelectedTupleItems = 8;

    public LLVMValueRef DynamicTupleItem(LLVMValueRef tuple, TupleType tt, LLVMValueRef idx, SjType itemType)
    {
        // A short tuple picks its item with selects: no stack copy for LLVM to take apart again, and once a loop over
        // the tuple is unrolled each select folds to its item.
        if (tt.Items.Length is > 0 and <= SelectedTupleItems)
        {
            var item = Convert(ExtractValue(tuple, tt.Items.Length - 1), tt.Items[^1], itemType);
            for (int k = tt.Items.Length - 2; k >= 0; k--)
                item = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, idx, M.ConstI64(k), ""),
                    Convert(ExtractValue(tuple, k), tt.Items[k], itemType), item, "");
            return item;
        }
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
        CompileDepth.EnsureStack();
        if (v is Instr { Op: Op.JoinStr } js && (js.Streamed || !_values.ContainsKey(js)) && !repr)
        {
            foreach (var part in js.Args) WriteValue(sink, part, part.Type, false);
            return;
        }
        if (v is Instr { Op: Op.FormatValue } fv && (fv.Streamed || !_values.ContainsKey(fv)) && !repr)
        {
            var shape = fv.FormatShape;
            var inner = fv.Args[0];
            bool innerRepr = shape.Conversion == 'r' || shape.Conversion == 'a';
            // format(x, '') is str(x) for Python's numbers, but NumPy's float32 and complex64 format as float64.
            bool singlePrecision = !innerRepr && inner.Type is ScalarType { Rank: >= 2, PartBits: 32 };
            if (shape.HasSpec || singlePrecision)
            {
                var spec = shape.HasSpec ? SpecString(fv.Args[1]) : M.ConstString("");
                Formatting.WriteFormatted(this, sink, ValueOf(inner), inner.Type, spec, innerRepr, fv.Span, converted: shape.Conversion > 0);
            }
            else WriteValue(sink, inner, inner.Type, innerRepr);
            return;
        }
        if (v is Instr { Op: Op.Const } c && c.Constant is string s && !repr) { CallRuntime("sj_write_str", sink, M.ConstString(s)); return; }
        TypeModel.Of(t).Format(this, sink, ValueOf(v), repr);
    }

    /// <summary>A format spec: a constant, or the built (owned) value of a nested f-string.</summary>
    private LLVMValueRef SpecString(Value spec) =>
        spec is Instr { Op: Op.Const } c && c.Constant is string s ? M.ConstString(s) : ValueOf(spec);

    /// <summary>Emits the body of another function (a helper such as a class's drop function) with this emitter, then
    /// continues where it was.</summary>
    public void EmitAside(LLVMValueRef fn, Action body)
    {
        var (saved, here) = (_fn, GetInsertBlock(B));
        _fn = fn;
        _asideDepth++;
        try
        {
            PositionBuilderAtEnd(B, NewBlock("entry"));
            body();
        }
        finally
        {
            _asideDepth--;
            _fn = saved;
            PositionBuilderAtEnd(B, here);
        }
    }

    /// <summary>Takes a new reference to v (for lowerings that return one of their arguments or a part of one:
    /// a value with references returned by a lowering is a new reference).</summary>
    public LLVMValueRef NewRef(LLVMValueRef v, SjType t)
    {
        Codegen.TypeModel.Of(t).IncRef(this, v);
        return v;
    }

    // ------------------------------------------------------------ terminators

    private void EmitTerminator(Block b)
    {
        var t = b.Term;
        switch (t.Kind)
        {
            case TermKind.Jump when _pendingYield is { } resumeAt:
                Suspend(resumeAt);
                break;
            case TermKind.Jump when EnterVersionedLoop(b, t.Target!):
                break;
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
            case TermKind.Return when _generator != null:
                Finish(t.Value!);
                break;
            case TermKind.Return when _inlined != null:
                _inlined.Returned.Add((Convert(ValueOf(t.Value!), t.Value!.Type, Spec.ReturnType), GetInsertBlock(B)));
                BuildBr(B, _inlined.Return);
                break;
            case TermKind.Return:
            {
                var v = Convert(ValueOf(t.Value!), t.Value!.Type, Spec.ReturnType);
                DropModuleGlobals();
                BuildRet(B, Spec.CanRaise ? InsertValue(InsertValue(GetUndef(M.ResultType(Spec.ReturnType)), v, 0), M.ConstBool(false), 1) : v);
                break;
            }
            case TermKind.Raise when t.Value!.Type is CaughtExceptionType:
                // raise e: the caught exception again, its traceback continued from this line.
                CallRuntime("sj_exc_restore", ValueOf(t.Value!));
                ReturnError(t.Span);
                break;
            case TermKind.Reraise:
                // No clause matched (the exception is still pending), or a bare raise: as it was, traceback and all.
                if (t.Value != null) CallRuntime("sj_exc_restore", ValueOf(t.Value));
                ReturnError(t.Span, recordFrame: false);
                break;
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
            var v = arg is Instr { Op: Op.Undef } ? UndefinedOf(phi.Type) : Convert(ValueOf(arg), arg.Type, phi.Type);
            if (_phiSlots.TryGetValue(phi, out var slot)) BuildStore(B, v, slot);
            else _incoming.Add((_values[phi], v, GetInsertBlock(B)));
        }
    }
}

