using System.Numerics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using HelperAbi = SharpJit.Runtime.HelperAbi;
using RuntimeHelper = SharpJit.Runtime.RuntimeHelper;
using RuntimeSymbols = SharpJit.Runtime.RuntimeSymbols;

namespace SharpJit.Codegen;

/// <summary>Lowers a set of typed specialisations into one LLVM module: types, constants, globals, runtime declarations.</summary>
public sealed unsafe class ModuleEmitter
{
    public LLVMContextRef Ctx { get; }
    public LLVMModuleRef Module { get; }
    public TypeInference Types { get; }
    public CodegenOptions Options { get; }
    private bool? _targetsX86_64;
    /// <summary>Whether the module is for x86-64 (the JIT's host; `export --target` may name another), so that
    /// lowerings may use its instructions' exact behaviour.</summary>
    public bool TargetsX86_64 => _targetsX86_64 ??= (ToManaged(GetTarget(Module)) ?? "").StartsWith("x86_64", StringComparison.Ordinal);
    public readonly LLVMTypeRef I1, I8, I16, I32, I64, F32, F64, Ptr, Void, Complex, Complex64, Empty;
    private readonly Dictionary<string, LLVMValueRef> _strings = new();
    private readonly Dictionary<Specialization, LLVMValueRef> _functions = new();
    private readonly Dictionary<string, LLVMValueRef> _globals = new();
    private readonly Dictionary<string, (LLVMValueRef Fn, LLVMTypeRef Type)> _runtime = new();
    /// <summary>Functions compiled on first use (FunctionEmitter.Deferred), by id: the engine takes them out of the module.</summary>
    public List<(long Id, string Name)> Deferred { get; } = new();
    private static long _lastDeferredId;
    /// <summary>A process-wide number for a deferred function (its call sites pass it to the runtime).</summary>
    public static long NextDeferredId() => Interlocked.Increment(ref _lastDeferredId);
    /// <summary>Bitcode libraries the code calls: linked into the module once it is emitted (so LLVM inlines them).</summary>
    public HashSet<Library.BitcodeLibrary> BitcodeLibraries { get; } = new();

    public ModuleEmitter(LLVMContextRef ctx, LLVMModuleRef module, TypeInference types, CodegenOptions options)
    {
        Ctx = ctx; Module = module; Types = types; Options = options;
        I1 = Int1TypeInContext(ctx); I8 = Int8TypeInContext(ctx); I16 = Int16TypeInContext(ctx); I32 = Int32TypeInContext(ctx);
        I64 = Int64TypeInContext(ctx); F32 = FloatTypeInContext(ctx); F64 = DoubleTypeInContext(ctx);
        Ptr = PointerTypeInContext(ctx, 0); Void = VoidTypeInContext(ctx);
        Complex = StructTypeInContext(ctx, new[] { F64, F64 });
        Complex64 = StructTypeInContext(ctx, new[] { F32, F32 });
        Empty = StructTypeInContext(ctx, ReadOnlySpan<LLVMTypeRef>.Empty);
    }

    /// <summary>Emits every specialisation, then an entry wrapper for each requested one.</summary>
    public void EmitAll(IEnumerable<Specialization> entries)
    {
        var all = Types.Specializations.ToList();
        foreach (var s in all) Declare(s);
        foreach (var s in all.Where(s => !Inlines(s))) new FunctionEmitter(this, s).Emit();
        // A function emitted inside its callers needs a body of its own only where something calls it otherwise.
        for (bool more = true; more;)
        {
            more = false;
            foreach (var s in all.Where(s => Inlines(s) && _functions.ContainsKey(s) && !_bodies.Contains(s)))
                if (GetFirstUse(_functions[s]).Handle != 0) { new FunctionEmitter(this, s).Emit(); _bodies.Add(s); more = true; }
        }
        foreach (var s in all.Where(s => Inlines(s) && !_bodies.Contains(s))) { DeleteFunction(_functions[s]); _functions.Remove(s); }
        foreach (var s in all.Where(_functions.ContainsKey)) MarkAlwaysInline(s);
        foreach (var s in entries) EmitEntryWrapper(s);
        RepeatASingleRecursionSite();   // after every guard (the entry wrappers have some)
        InlineSingleCallSites();
        if (Options.FastMath) SetFastMathFlags();
        foreach (var library in BitcodeLibraries) library.LinkInto(Module, Options.Standalone);
    }

    private readonly HashSet<Specialization> _bodies = new();
    private readonly Dictionary<Specialization, bool> _inlines = new();

    /// <summary>Library functions of at most this many IR instructions on scalars are emitted inside each caller.</summary>
    private const int InlinedLibraryFunction = 48;

    /// <summary>Whether calls of s emit its body in the caller (FunctionEmitter.EmitInlined) instead of a call: a small
    /// function of the library written in Python on scalars (min, max, divmod, np.sign's kernel ...) that owns no
    /// references, handles no exceptions and calls no compiled function. LLVM then sees one function, as it did when
    /// these were C# lowerings; inlining each call with LLVM's inliner cost more than the rest of its optimisation.</summary>
    public bool Inlines(Specialization s)
    {
        if (_inlines.TryGetValue(s, out var known)) return known;
        bool small = s.Function.Module.IsLibrary && !s.Recursive && !s.RecursionUnwinds && !s.Function.IsGenerator && !s.OwnsReferences
            && s.Ir.Blocks.Sum(b => b.Phis.Count + b.Instrs.Count) <= InlinedLibraryFunction
            && s.Ir.Blocks.All(b => b.Handler == null && b.Handling == null && b.Phis.Concat(b.Instrs).All(i =>
                i.Type is not Typing.ArrayType && i.Resolved is not (ResolvedUserCall or ResolvedNewInstance)));
        return _inlines[s] = small;
    }

    /// <summary>Library functions this small (LLVM instructions) are inlined before the optimiser sees them.</summary>
    private const int SmallLibraryFunction = 64;

    /// <summary>A small function of the library written in Python is marked alwaysinline: LLVM would inline it anyway,
    /// after optimising it on its own first; inlined before the pipeline, its body is optimised once, where it is used.
    /// A stencil's point and loop functions are always inlined (a point function called per element ran at half the
    /// speed), so that the loops see the kernel and a new output array.</summary>
    private void MarkAlwaysInline(Specialization s)
    {
        if (s.Recursive || s.Function.IsGenerator) return;
        var fn = _functions[s];
        if (s.Function.Generated == Binding.GeneratedFunction.Stencil) { AddEnumAttribute(Ctx, fn, uint.MaxValue, "alwaysinline"); return; }
        if (!s.Function.Module.IsLibrary) return;
        int count = 0;
        for (var b = GetFirstBasicBlock(fn); b.Handle != IntPtr.Zero; b = GetNextBasicBlock(b))
            for (var i = GetFirstInstruction(b); i.Handle != IntPtr.Zero; i = GetNextInstruction(i))
                if (++count > SmallLibraryFunction) return;
        AddEnumAttribute(Ctx, fn, uint.MaxValue, "alwaysinline");
    }

    /// <summary>A function called from one place only (a compiled function from its entry wrapper, most often) is marked
    /// alwaysinline. LLVM's inliner inlines the last call of an internal function anyway, but only after the pipeline
    /// has simplified the callee on its own, and then it simplifies the body again inside the caller: grayscott's
    /// kernel went through InstCombine 15 times instead of 10, and LLVM's optimisation took a third longer.</summary>
    private void InlineSingleCallSites()
    {
        foreach (var (s, fn) in _functions)
        {
            if (s.Recursive || s.Function.IsGenerator) continue;
            var use = GetFirstUse(fn);
            if (use.Handle == 0 || GetNextUse(use).Handle != 0) continue;
            var user = GetUser(use);
            if (IsACallInst(user).Handle == 0 || !GetCalledValue(user).Equals(fn)) continue;
            AddEnumAttribute(Ctx, fn, uint.MaxValue, "alwaysinline");
        }
    }

    /// <summary>fastmath=True, as in Numba: every floating-point operation may be reassociated (so reductions
    /// vectorise) and assumes no NaN or infinity.</summary>
    private void SetFastMathFlags()
    {
        foreach (var fn in _functions.Values)
            for (var b = GetFirstBasicBlock(fn); b.Handle != IntPtr.Zero; b = GetNextBasicBlock(b))
                for (var i = GetFirstInstruction(b); i.Handle != IntPtr.Zero; i = GetNextInstruction(i))
                    if (CanValueUseFastMathFlags(i) != 0) LLVM.SetFastMathFlags(i, LLVMFastMathFlags.LLVMFastMathAll);
    }

    /// <summary>The LLVM type of a value of type t (<see cref="TypeModel"/>).</summary>
    public LLVMTypeRef Lower(SjType t) => TypeModel.Of(t).Lower(this);

    /// <summary>Internal calling convention: { result, i1 failed }.</summary>
    public LLVMTypeRef ResultType(SjType t) => StructTypeInContext(Ctx, new[] { Lower(t), I1 });

    /// <summary>Functions that may raise return {value, i1 failed}; the others return the value.</summary>
    /// Recursive ones take the call depth and the recursion guard's jmp_buf first.
    public LLVMTypeRef FunctionTypeOf(Specialization s) =>
        FunctionType(s.CanRaise ? ResultType(s.ReturnType) : Lower(s.ReturnType),
            (s.Recursive ? new[] { I64, Ptr } : Array.Empty<LLVMTypeRef>()).Concat(s.ArgTypes.Select(Lower)).ToArray());

    /// <summary>glibc's jmp_buf on x86-64 is 200 bytes.</summary>
    public const int JmpBufSize = 200;

    /// <summary>
    /// A recursion guard is one stack buffer (an alloca named "jmpbuf") where a cycle is entered: the call site each
    /// level of the cycle called the next one from (entry d for depth d, stored just before the call; see
    /// <see cref="FrameSite"/>), then the jmp_buf. After the long jump back, the guard records those sites as traceback
    /// frames, so a RecursionError shows every frame CPython shows.
    /// </summary>
    public const int GuardSitesBytes = (RaiseAnalysis.RecursionLimit + 1) * 8;

    public static uint GuardBytes(int jmpBufSize) => (uint)(GuardSitesBytes + jmpBufSize);

    public LLVMValueRef GuardJmpBuf(LLVMBuilderRef b, LLVMValueRef guard) => BuildInBoundsGEP2(b, I8, guard, new[] { ConstI64(GuardSitesBytes) }, "");

    /// <summary>A traceback frame as a constant: { function, file, line, source line } (what sj_traceback takes).</summary>
    private LLVMTypeRef SiteType => _siteType ??= StructTypeInContext(Ctx, new[] { Ptr, Ptr, I64, Ptr });
    private LLVMTypeRef? _siteType;
    private readonly Dictionary<(string, string, long, string), LLVMValueRef> _sites = new();

    public LLVMValueRef FrameSite(string function, string file, long line, string source)
    {
        var key = (function, file, line, source);
        if (_sites.TryGetValue(key, out var g)) return g;
        var init = ConstStructInContext(Ctx, new[] { ConstString(function), ConstString(file), ConstI64(line), ConstString(source) });
        g = AddGlobal(Module, SiteType, $".site{_sites.Count}");
        SetInitializer(g, init);
        SetGlobalConstant(g, 1);
        SetLinkage(g, LLVMLinkage.LLVMPrivateLinkage);
        SetUnnamedAddress(g, LLVMUnnamedAddr.LLVMGlobalUnnamedAddr);
        SetAlignment(g, 8);
        _sites[key] = g;
        return g;
    }

    /// <summary>After a RecursionError came back to a guard: a traceback frame for each call site recorded in it,
    /// innermost (depth <see cref="RaiseAnalysis.RecursionLimit"/>) first, down to the depth the cycle was entered at.
    /// One runtime call (sj_recursion_frames), not a loop in IR: every guarded call site has this path.</summary>
    private void RecordGuardFrames(LLVMBuilderRef b, LLVMValueRef guard, long firstDepth)
    {
        var (frames, framesType) = Runtime("sj_recursion_frames");
        _guardFrameCalls.Add(BuildCall2(b, framesType, frames,
            new[] { guard, ConstI64(RaiseAnalysis.RecursionLimit), ConstI64(firstDepth), ConstPointerNull(Ptr) }, ""));
    }

    private readonly List<(LLVMValueRef Store, LLVMValueRef Site)> _recursionSiteStores = new();
    private readonly List<LLVMValueRef> _guardFrameCalls = new();

    /// <summary>Stores the call site of a call inside a recursion cycle into the guard's entry for its depth.</summary>
    public void RecordRecursionSite(LLVMBuilderRef b, LLVMValueRef site, LLVMValueRef entry) =>
        _recursionSiteStores.Add((BuildStore(b, site, entry), site));

    /// <summary>Where every call inside the module's recursion cycles is made from one site (fib's), the stores of it
    /// are dropped (one per recursive call, a tenth of fib's time) and the guards' frames repeat that site instead.</summary>
    private void RepeatASingleRecursionSite()
    {
        if (_recursionSiteStores.Count == 0 || _recursionSiteStores.Any(s => s.Site.Handle != _recursionSiteStores[0].Site.Handle)) return;
        var site = _recursionSiteStores[0].Site;
        if (IsNull(site) != 0) return;   // library code records no frame: the null entries are what the runtime skips
        foreach (var (store, _) in _recursionSiteStores) InstructionEraseFromParent(store);
        foreach (var call in _guardFrameCalls) SetOperand(call, 3, site);
    }

    /// <summary>libc's _setjmp (returns twice) and longjmp (never returns), for the recursion guard; memcmp.</summary>
    public (LLVMValueRef Fn, LLVMTypeRef Type) LibC(string name)
    {
        if (name == "memcmp")
            return DeclareExternal("libc:memcmp", "memcmp", () => FunctionType(I32, new[] { Ptr, Ptr, I64 }), "nounwind");
        bool setjmp = name == "_setjmp";
        return DeclareExternal("libc:" + name, name, () => setjmp ? FunctionType(I32, new[] { Ptr }) : FunctionType(Void, new[] { Ptr, I32 }),
            setjmp ? "returns_twice" : "noreturn", "nounwind");
    }

    /// <summary>Declares an external function once per module (under <paramref name="key"/>) with the given attributes.</summary>
    private (LLVMValueRef Fn, LLVMTypeRef Type) DeclareExternal(string key, string name, Func<LLVMTypeRef> type, params string[] attributes)
    {
        if (_runtime.TryGetValue(key, out var r)) return r;
        var fnType = type();
        var fn = GetNamedFunction(Module, name);
        if (fn.Handle == 0) fn = AddFunction(Module, name, fnType);
        foreach (var a in attributes) AddEnumAttribute(Ctx, fn, uint.MaxValue, a);
        r = (fn, fnType);
        _runtime[key] = r;
        return r;
    }

    /// <summary>
    /// Calls a recursive specialisation from outside its cycle: a guard (see <see cref="GuardSitesBytes"/>) is set up
    /// here, and a RecursionError deep inside long-jumps back to it (frames of compiled code hold nothing to clean up),
    /// which then records the cycle's frames. Returns the call's result and an i1 that is true when the RecursionError
    /// came back.
    /// </summary>
    /// <param name="firstDepth">The depth the cycle's first frame counts as (the caller's frame position, at least 1).</param>
    public (LLVMValueRef Result, LLVMValueRef Failed) CallGuarded(LLVMBuilderRef b, LLVMValueRef guard, Specialization target, List<LLVMValueRef> args,
        long firstDepth = 1)
    {
        var fn = GetBasicBlockParent(GetInsertBlock(b));
        var (setjmp, setjmpType) = LibC("_setjmp");
        var jumped = BuildICmp(b, LLVMIntPredicate.LLVMIntNE, BuildCall2(b, setjmpType, setjmp, new[] { GuardJmpBuf(b, guard) }, ""), LLVM.ConstInt(I32, 0), "");
        var call = AppendBasicBlockInContext(Ctx, fn, "guarded");
        var join = AppendBasicBlockInContext(Ctx, fn, "guard_join");
        var frames = AppendBasicBlockInContext(Ctx, fn, "guard_jumped");
        BuildCondBr(b, jumped, frames, call);
        PositionBuilderAtEnd(b, frames);
        if (!target.RecursionUnwinds) RecordGuardFrames(b, guard, firstDepth);   // else the error returned through every frame
        var from = GetInsertBlock(b);
        BuildBr(b, join);
        PositionBuilderAtEnd(b, call);
        var r = BuildCall2(b, FunctionTypeOf(target), _functions[target], new[] { ConstI64(firstDepth), guard }.Concat(args).ToArray(), "");
        var callEnd = GetInsertBlock(b);
        BuildBr(b, join);
        PositionBuilderAtEnd(b, join);
        var resultType = FunctionTypeOf(target) is var ft ? GetReturnType(ft) : default;
        var result = BuildPhi(b, resultType, "");
        AddIncoming(result, GetPoison(resultType), from);
        AddIncoming(result, r, callEnd);
        var failed = BuildPhi(b, I1, "");
        AddIncoming(failed, ConstBool(true), from);
        AddIncoming(failed, ConstBool(false), callEnd);
        return (result, failed);
    }

    private void Declare(Specialization s)
    {
        var fn = AddFunction(Module, s.Symbol, FunctionTypeOf(s));
        SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
        AddEnumAttribute(Ctx, fn, uint.MaxValue, "nounwind");
        _functions[s] = fn;
        if (!s.Function.IsGenerator) return;
        // A generator function is four: the function (makes the frame), its resume, its drop and the resume for C
        // callers (GeneratorModel).
        var resume = AddFunction(Module, s.Symbol + ".resume", GeneratorResumeType);
        var drop = AddFunction(Module, s.Symbol + ".drop", GeneratorDropType);
        var next = AddFunction(Module, s.Symbol + ".next", GeneratorNextType);
        foreach (var f in new[] { resume, drop, next })
        {
            SetLinkage(f, LLVMLinkage.LLVMInternalLinkage);
            AddEnumAttribute(Ctx, f, uint.MaxValue, "nounwind");
        }
        _generators[s] = (resume, drop, next);
    }

    public LLVMValueRef FunctionOf(Specialization s) => _functions[s];

    private readonly Dictionary<Specialization, (LLVMValueRef Resume, LLVMValueRef Drop, LLVMValueRef Next)> _generators = new();
    /// <summary>A generator's resume function: <c>{i1 yielded, i1 failed} (ptr frame)</c>, the item left in the frame.</summary>
    public LLVMValueRef ResumeOf(Specialization s) => _generators[s].Resume;
    public LLVMValueRef DropOf(Specialization s) => _generators[s].Drop;
    /// <summary>The resume function for C callers (the host's iterator): <c>i32 (ptr frame)</c>, 1 yielded, 0 finished, -1 raised.</summary>
    public LLVMValueRef NextOf(Specialization s) => _generators[s].Next;
    public LLVMTypeRef GeneratorNextType => FunctionType(I32, new[] { Ptr });
    public LLVMTypeRef GeneratorResumeType => FunctionType(ResultType(ScalarType.Bool), new[] { Ptr });
    public LLVMTypeRef GeneratorDropType => FunctionType(Void, new[] { Ptr });

    /// <summary>The C-ABI entry point: <c>i32 NAME__entry(ptr args, ptr result)</c>; args is a packed struct of the argument types.</summary>
    public static string EntryName(Specialization s) => s.Symbol + "__entry";

    private void EmitEntryWrapper(Specialization s)
    {
        var fnType = FunctionType(I32, new[] { Ptr, Ptr });
        var fn = AddFunction(Module, EntryName(s), fnType);
        var b = CreateBuilderInContext(Ctx);
        PositionBuilderAtEnd(b, AppendBasicBlockInContext(Ctx, fn, "entry"));
        var argsStruct = StructTypeInContext(Ctx, s.ArgTypes.Select(Lower).ToArray());
        var args = new List<LLVMValueRef>();
        for (int i = 0; i < s.ArgTypes.Length; i++)
            args.Add(BuildLoad2(b, Lower(s.ArgTypes[i]), BuildStructGEP2(b, argsStruct, GetParam(fn, 0), (uint)i, ""), ""));
        LLVMValueRef r, failed = ConstBool(false);
        if (s.Recursive)
        {
            var guard = BuildAlloca(b, ArrayType2(I8, GuardBytes(JmpBufSize)), "jmpbuf");
            SetAlignment(guard, 16);
            (r, failed) = CallGuarded(b, guard, s, args);
        }
        else r = BuildCall2(b, FunctionTypeOf(s), _functions[s], args.ToArray(), "");
        if (s.CanRaise)
        {
            BuildStore(b, BuildExtractValue(b, r, 0, ""), GetParam(fn, 1));
            failed = BuildOr(b, failed, BuildExtractValue(b, r, 1, ""), "");
        }
        else BuildStore(b, r, GetParam(fn, 1));
        BuildRet(b, BuildZExt(b, failed, I32, ""));
        DisposeBuilder(b);
    }

    public LLVMValueRef ConstI64(long v) => LLVM.ConstInt(I64, v);
    public LLVMValueRef ConstF64(double v) => ConstReal(F64, v);
    public LLVMValueRef ConstBool(bool v) => LLVM.ConstInt(I1, v ? 1 : 0);

    public LLVMValueRef ConstComplex(double re, double im) => ConstStructInContext(Ctx, new[] { ConstF64(re), ConstF64(im) });

    /// <summary>A pointer to a NUL-terminated UTF-8 constant, shared between uses. Like every str it is preceded by
    /// the header of Runtime.RuntimeStrings: its length, its hash (computed here) and a reference count of -1
    /// (constants are never counted or freed, <see cref="StrModel"/>).</summary>
    public LLVMValueRef ConstString(string s)
    {
        if (_strings.TryGetValue(s, out var p)) return p;
        var bytes = System.Text.Encoding.UTF8.GetBytes(s);
        var text = LLVM.ConstStringInContext(Ctx, bytes, nullTerminate: true);
        var init = ConstStructInContext(Ctx, new[] { ConstI64(bytes.Length), ConstI64(global::SharpJit.Runtime.Hashing.HashUtf8(bytes)), ConstI64(-1), text });
        var g = AddGlobal(Module, TypeOf(init), $".str{_strings.Count}");
        SetInitializer(g, init);
        SetGlobalConstant(g, 1);
        SetLinkage(g, LLVMLinkage.LLVMPrivateLinkage);
        SetUnnamedAddress(g, LLVMUnnamedAddr.LLVMGlobalUnnamedAddr);
        SetAlignment(g, 8);
        p = LLVM.ConstInBoundsGEP2(TypeOf(init), g, new[] { LLVM.ConstInt(I32, 0), LLVM.ConstInt(I32, 3) });
        _strings[s] = p;
        return p;
    }

    /// <summary>A compile-time constant of the given type (folding the Python value into LLVM).</summary>
    public LLVMValueRef Constant(object? v, SjType t)
    {
        Diagnostics.CompileDepth.EnsureStack();
        if (v is TypedConstant tc) v = tc.Value;
        switch (t)
        {
            case ScalarType { Rank: 0 }: return ConstBool(v is bool b ? b : Convert.ToInt64(v) != 0);
            case ScalarType { Rank: 1 } si:
            {
                long bits = v switch { bool b1 => b1 ? 1 : 0, ulong u => (long)u, _ => Convert.ToInt64(v) };
                return LLVM.ConstInt(Lower(si), bits);
            }
            case ScalarType { Rank: 2 } sf: return ConstReal(Lower(sf), v switch { bool b2 => b2 ? 1 : 0, long l => l, float f => f, _ => (double)v! });
            case ScalarType { Rank: 3 } sc:
                var z = v switch { Complex c => c, bool b3 => new Complex(b3 ? 1 : 0, 0), long l => new Complex(l, 0), double d => new Complex(d, 0), _ => throw new InvalidOperationException() };
                if (sc.Bits == 64) return ConstStructInContext(Ctx, new[] { ConstReal(F32, (float)z.Real), ConstReal(F32, (float)z.Imaginary) });
                return ConstComplex(z.Real, z.Imaginary);
            case TupleType tt:
                var items = (object?[])v!;
                return ConstStructInContext(Ctx, tt.Items.Select((it, k) => Constant(items[k], it)).ToArray());
        }
        if (t == SimpleType.Str) return ConstString((string)v!);
        return GetUndef(Lower(t));
    }

    /// <summary>Storage for a module variable read by functions.</summary>
    public (LLVMValueRef Global, SjType Type) ModuleGlobal(string name)
    {
        var t = Types.GlobalTypes[name];
        if (!_globals.TryGetValue(name, out var g))
        {
            var ty = Lower(t);
            g = AddGlobal(Module, ty, "g." + name);
            SetInitializer(g, ConstNull(ty));
            SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
            _globals[name] = g;
        }
        return (g, t);
    }

    /// <summary>Declares (once) a runtime helper implemented in C# and bound as an absolute symbol.</summary>
    public (LLVMValueRef Fn, LLVMTypeRef Type) Runtime(string name)
    {
        return DeclareExternal(name, name, () => HelperType(Ctx, RuntimeSymbols.Get(name)));
    }

    /// <summary>The LLVM function type of a runtime helper, from the types of its C# method
    /// (<see cref="global::SharpJit.Runtime.RuntimeHelperAttribute"/>).</summary>
    public static LLVMTypeRef HelperType(LLVMContextRef ctx, RuntimeHelper helper)
    {
        LLVMTypeRef Lower(HelperAbi t) => t switch
        {
            HelperAbi.Void => VoidTypeInContext(ctx), HelperAbi.I8 => Int8TypeInContext(ctx), HelperAbi.I32 => Int32TypeInContext(ctx),
            HelperAbi.I64 => Int64TypeInContext(ctx), HelperAbi.F64 => DoubleTypeInContext(ctx), HelperAbi.Ptr => PointerTypeInContext(ctx, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(t)),
        };
        return FunctionType(Lower(helper.Return), helper.Params.Select(Lower).ToArray());
    }

    /// <summary>An internal helper function defined in IR once per module (under <paramref name="name"/>): <paramref name="build"/>
    /// fills its body with the builder given, positioned at its entry block.</summary>
    public (LLVMValueRef Fn, LLVMTypeRef Type) Helper(string name, LLVMTypeRef type, Action<LLVMValueRef, LLVMBuilderRef> build)
    {
        if (_runtime.TryGetValue("helper:" + name, out var r)) return r;
        var fn = AddFunction(Module, name, type);
        SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
        AddEnumAttribute(Ctx, fn, uint.MaxValue, "nounwind");
        r = (fn, type);
        _runtime["helper:" + name] = r;
        var b = CreateBuilderInContext(Ctx);
        PositionBuilderAtEnd(b, AppendBasicBlockInContext(Ctx, fn, "entry"));
        build(fn, b);
        DisposeBuilder(b);
        return r;
    }

    /// <summary>A libm function (resolved from the process): double f(double...).</summary>
    public (LLVMValueRef Fn, LLVMTypeRef Type) Libm(string name, int arity, bool intSecond = false)
    {
        return DeclareExternal("libm:" + name, name, () =>
        {
            var ps = Enumerable.Repeat(F64, arity).ToArray();
            if (intSecond) ps[1] = I32;
            return FunctionType(F64, ps);
        }, "nounwind");
    }

    private readonly List<LLVMValueRef> _vectorVariants = new();
    private LLVMValueRef _compilerUsed;

    /// <summary>The "vector-function-abi-variant" attribute of a call of libm's double function name (its float form when
    /// single) in a NumPy ufunc loop (see <see cref="VectorMath"/>), its variants declared; null where there are none.</summary>
    public string? VectorVariants(string name, bool single = false)
    {
        if (Options.Standalone) return null;
        var variants = VectorMath.Variants(name, single, Options.FastMath).ToList();
        if (variants.Count == 0) return null;
        int declared = _vectorVariants.Count;
        foreach (var (_, symbol, lanes) in variants)
        {
            if (GetNamedFunction(Module, symbol).Handle != 0) continue;
            var vector = VectorType(single ? F32 : F64, (uint)lanes);
            var fn = AddFunction(Module, symbol, FunctionType(vector, Enumerable.Repeat(vector, VectorMath.Arity(name)).ToArray()));
            AddEnumAttribute(Ctx, fn, uint.MaxValue, "nounwind");
            _vectorVariants.Add(fn);
        }
        if (_vectorVariants.Count > declared) KeepVectorVariants();
        return string.Join(",", variants.Select(v => v.Mangled));
    }

    /// <summary>Keeps a vector form of a function of this module, named as a call's vector variant, until the loop
    /// vectorizer has run (no instruction calls it before).</summary>
    public void KeepVectorVariant(LLVMValueRef fn)
    {
        _vectorVariants.Add(fn);
        KeepVectorVariants();
    }

    /// <summary>llvm.compiler.used lists the variants, which no instruction calls until the loop vectorizer runs.</summary>
    private void KeepVectorVariants()
    {
        if (_compilerUsed.Handle != 0) DeleteGlobal(_compilerUsed);
        var type = ArrayType(Ptr, (uint)_vectorVariants.Count);
        _compilerUsed = AddGlobal(Module, type, "llvm.compiler.used");
        SetLinkage(_compilerUsed, LLVMLinkage.LLVMAppendingLinkage);
        SetSection(_compilerUsed, "llvm.metadata");
        var items = _vectorVariants.ToArray();
        fixed (LLVMValueRef* p = items) SetInitializer(_compilerUsed, ConstArray(Ptr, p, (uint)items.Length));
    }

    /// <summary>A libm function of a complex double returning one ({double, double} in and out: the C ABI's
    /// double _Complex in two registers).</summary>
    public (LLVMValueRef Fn, LLVMTypeRef Type) LibmComplex(string name) =>
        DeclareExternal("libm:" + name, name, () => FunctionType(Complex, new[] { F64, F64 }), "nounwind");

    /// <summary>A libm function of <paramref name="arity"/> arguments of one real type (double or float).</summary>
    public (LLVMValueRef Fn, LLVMTypeRef Type) LibmOf(LLVMTypeRef real, string name, int arity) =>
        DeclareExternal("libm:" + name, name, () => FunctionType(real, Enumerable.Repeat(real, arity).ToArray()), "nounwind");
}

/// <param name="NumPyErrorModel">error_model="numpy": division by zero gives NumPy's results instead of raising.</param>
/// <param name="Standalone">Code for export: nothing of this process (addresses) may be baked in.</param>
/// <param name="DeferColdCode">Seldom-run code is compiled on its first use (FunctionEmitter.Deferred): for the JIT's own
/// modules, not for code exported or written to the cache, which must be whole.</param>
public sealed record CodegenOptions(bool FastMath = false, bool BoundsCheck = true, bool NumPyErrorModel = false, bool Standalone = false,
    bool DeferColdCode = false);
