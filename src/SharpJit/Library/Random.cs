using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Runtime;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>The primitives of np.random and random (Library/py/nprandom.py, pyrandom.py) over the per-thread state of
/// the runtime's generators (Runtime/RuntimeRandom.cs): which = 0 is NumPy's legacy RandomState, 1 CPython's random.
/// Draws are inline: the state's address comes from a call LLVM may hoist out of a loop, and the refill of the 624 words
/// (once per 624 draws) is a compiled function of the module.</summary>
public static partial class Builtins
{
    private static void RegisterRandom()
    {
        Registry["numpy.random"] = new LibSubmodule("numpy.random");
        Add("_sj_random_seed", c => { Arity(c, "_sj_random_seed", 2, 2); return SimpleType.None; }, c =>
        {
            c.E.CallRuntime("sj_random_seed", ToInt(c, 0), ToInt(c, 1));
            return GetUndef(c.E.M.Empty);
        }, neverRaises: true);

        // _sj_random_next32(which): the next 32 bits of MT19937 (tempered), as a non-negative int.
        Add("_sj_random_next32", c => { Arity(c, "_sj_random_next32", 1, 1); return ScalarType.Int64; }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            var state = RandomState(c);
            var positionAt = BuildInBoundsGEP2(B, M.I8, state, new[] { M.ConstI64(RuntimeRandom.PositionOffset) }, "");
            var position = BuildLoad2(B, M.I64, positionAt, "");
            var entry = GetInsertBlock(B);
            var refill = e.NewBlock("mt_refill"); var draw = e.NewBlock("mt_draw");
            BuildCondBr(B, e.Expect(BuildICmp(B, LLVMIntPredicate.LLVMIntUGE, position, M.ConstI64(624), ""), false), refill, draw);
            PositionBuilderAtEnd(B, refill);
            var (generate, generateType) = MersenneRefill(M);
            BuildCall2(B, generateType, generate, new[] { state }, "");
            BuildBr(B, draw);
            PositionBuilderAtEnd(B, draw);
            var k = BuildPhi(B, M.I64, "");
            AddIncoming(k, new[] { position, M.ConstI64(0) }, new[] { entry, refill });
            BuildStore(B, BuildAdd(B, k, M.ConstI64(1), ""), positionAt);
            var y = BuildLoad2(B, M.I32, BuildInBoundsGEP2(B, M.I32, state, new[] { k }, ""), "");
            LLVMValueRef C(uint v) => LLVM.ConstInt(M.I32, v);
            y = BuildXor(B, y, BuildLShr(B, y, C(11), ""), "");
            y = BuildXor(B, y, BuildAnd(B, BuildShl(B, y, C(7), ""), C(0x9d2c5680u), ""), "");
            y = BuildXor(B, y, BuildAnd(B, BuildShl(B, y, C(15), ""), C(0xefc60000u), ""), "");
            y = BuildXor(B, y, BuildLShr(B, y, C(18), ""), "");
            return BuildZExt(B, y, M.I64, "");
        }, neverRaises: true);

        // _sj_random_take_gauss(which): the gaussian kept by the last draw (and no longer kept), or NaN if none.
        Add("_sj_random_take_gauss", c => { Arity(c, "_sj_random_take_gauss", 1, 1); return ScalarType.Float64; }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            var state = RandomState(c);
            var hasAt = BuildInBoundsGEP2(B, M.I8, state, new[] { M.ConstI64(RuntimeRandom.HasGaussOffset) }, "");
            var has = BuildLoad2(B, M.I64, hasAt, "");
            var kept = BuildLoad2(B, M.F64, BuildInBoundsGEP2(B, M.I8, state, new[] { M.ConstI64(RuntimeRandom.GaussOffset) }, ""), "");
            BuildStore(B, M.ConstI64(0), hasAt);
            return BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, has, M.ConstI64(0), ""), kept, M.ConstF64(double.NaN), "");
        }, neverRaises: true);

        // _sj_random_keep_gauss(which, value): keeps a gaussian for the next draw.
        Add("_sj_random_keep_gauss", c => { Arity(c, "_sj_random_keep_gauss", 2, 2); return SimpleType.None; }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            var state = RandomState(c);
            BuildStore(B, ToFloat(c, 1), BuildInBoundsGEP2(B, M.I8, state, new[] { M.ConstI64(RuntimeRandom.GaussOffset) }, ""));
            BuildStore(B, M.ConstI64(1), BuildInBoundsGEP2(B, M.I8, state, new[] { M.ConstI64(RuntimeRandom.HasGaussOffset) }, ""));
            return GetUndef(M.Empty);
        }, neverRaises: true);
    }

    /// <summary>MT19937's generation step as a function of the module: the next 624 words from the last 624, and
    /// the index back to 0 (compiled, so that a refill costs what NumPy's C does).</summary>
    private static (LLVMValueRef Fn, LLVMTypeRef Type) MersenneRefill(ModuleEmitter M) =>
        M.Helper("mt19937_refill", FunctionType(M.Void, new[] { M.Ptr }), (fn, B) =>
        {
            const int N = 624, Mid = 397;
            var state = GetParam(fn, 0);
            LLVMValueRef C(uint v) => LLVM.ConstInt(M.I32, v);
            LLVMValueRef Word(LLVMValueRef k) => BuildLoad2(B, M.I32, BuildInBoundsGEP2(B, M.I32, state, new[] { k }, ""), "");
            // mt[k] = mt[source] ^ (y >> 1) ^ (y odd ? 0x9908b0df : 0), y = top bit of mt[k], low 31 of mt[next]
            void Twist(LLVMValueRef k, LLVMValueRef next, LLVMValueRef source)
            {
                var y = BuildOr(B, BuildAnd(B, Word(k), C(0x80000000u), ""), BuildAnd(B, Word(next), C(0x7fffffffu), ""), "");
                var odd = BuildICmp(B, LLVMIntPredicate.LLVMIntNE, BuildAnd(B, y, C(1), ""), C(0), "");
                var v = BuildXor(B, BuildXor(B, Word(source), BuildLShr(B, y, C(1), ""), ""), BuildSelect(B, odd, C(0x9908b0dfu), C(0), ""), "");
                BuildStore(B, v, BuildInBoundsGEP2(B, M.I32, state, new[] { k }, ""));
            }
            void Loop(long from, long to, long sourceShift)
            {
                var head = GetInsertBlock(B);
                var body = AppendBasicBlockInContext(M.Ctx, fn, "twist");
                BuildBr(B, body);
                PositionBuilderAtEnd(B, body);
                var k = BuildPhi(B, M.I64, "");
                Twist(k, BuildAdd(B, k, M.ConstI64(1), ""), BuildAdd(B, k, M.ConstI64(sourceShift), ""));
                var next = BuildAdd(B, k, M.ConstI64(1), "");
                AddIncoming(k, new[] { M.ConstI64(from), next }, new[] { head, body });
                var done = AppendBasicBlockInContext(M.Ctx, fn, "twisted");
                BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, next, M.ConstI64(to), ""), body, done);
                PositionBuilderAtEnd(B, done);
            }
            Loop(0, N - Mid, Mid);
            Loop(N - Mid, N - 1, Mid - N);
            Twist(M.ConstI64(N - 1), M.ConstI64(0), M.ConstI64(Mid - 1));
            BuildStore(B, M.ConstI64(0), BuildInBoundsGEP2(B, M.I8, state, new[] { M.ConstI64(RuntimeRandom.PositionOffset) }, ""));
            BuildRetVoid(B);
        });

    /// <summary>This thread's state block of generator which: the call reads no memory the compiled code sees and
    /// returns the same address on the thread every time, so it is marked so (LLVM hoists it out of loops).</summary>
    private static LLVMValueRef RandomState(LoweringCall c)
    {
        var e = c.E;
        var call = e.CallRuntime("sj_random_state", ToInt(c, 0));
        foreach (var attr in new[] { "memory", "nounwind", "willreturn" })
            AddCallSiteAttribute(call, AttributeFunctionIndex, CreateEnumAttribute(e.M.Ctx, GetEnumAttributeKindForName(attr), 0));
        return call;
    }
}
