using SharpJit.Codegen;
using SharpJit.Llvm;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// NumPy 1.24's own float64 and float32 tanh (fuzz-4). Where NumPy's SIMD loops are compiled with FMA
/// (numpy/core/src/umath/loops_hyperbolic.dispatch.c.src, dispatched on AVX2+FMA3 and on AVX512_SKX), np.tanh does
/// not call libm: it picks one of 16 (float64) or 32 (float32) subintervals of |x| from its exponent and top mantissa
/// bits, evaluates that subinterval's polynomial in y = |x| - B with fused multiply-adds (Horner) and ORs the sign of
/// x back in; a huge or infinite |x| gives +-1 and a NaN NumPy's positive quiet NaN. That differs from libm's tanh by
/// an ulp or two for about a third of arguments. The per-lane computation is ported here as IR (one internal function
/// per module), bit for bit: the same tables (NumPy's, converted by it from Intel's SVML la tanh kernels; NumPy is
/// BSD-3-Clause licensed), the same index arithmetic and the same llvm.fma chain. On a CPU where NumPy 1.24 keeps its
/// portable loop (x86-64 without AVX2 and FMA3), np.tanh stays libm's tanh.
/// </summary>
public static partial class Builtins
{
    /// <summary>Whether NumPy 1.24 runs its SIMD tanh on this CPU: AVX2 and FMA3, or AVX512_SKX (the same bits), as
    /// LLVM sees the host and NPY_DISABLE_CPU_FEATURES leaves them (NumPyDispatch; the JIT compiles for the host;
    /// exported code follows the exporting machine, and llvm.fma becomes a call of libm's fma for a target without
    /// FMA, with the same results).</summary>
    public static bool NumPySimdTanh => s_numPySimdTanh.Value;

    private static readonly Lazy<bool> s_numPySimdTanh = new(() => NumPyDispatch.Avx2Fma3 || NumPyDispatch.Avx512Skx);

    // float64: 18 rows of 16 (row 0: B, rows 1-17: c0..c16), indexed by the subinterval.
    private static readonly ulong[] TanhLutF64 =
    {
        // B
        0x0ul, 0x3fcc000000000000ul, 0x3fd4000000000000ul, 0x3fdc000000000000ul,
        0x3fe4000000000000ul, 0x3fec000000000000ul, 0x3ff4000000000000ul, 0x3ffc000000000000ul,
        0x4004000000000000ul, 0x400c000000000000ul, 0x4014000000000000ul, 0x401c000000000000ul,
        0x4024000000000000ul, 0x402c000000000000ul, 0x4034000000000000ul, 0x0ul,
        // c0
        0x0ul, 0x3fcb8fd0416a7c92ul, 0x3fd35f98a0ea650eul, 0x3fda5729ee488037ul,
        0x3fe1bf47eabb8f95ul, 0x3fe686650b8c2015ul, 0x3feb2523bb6b2deeul, 0x3fee1fbf97e33527ul,
        0x3fef9258260a71c2ul, 0x3feff112c63a9077ul, 0x3fefff419668df11ul, 0x3feffffc832750f2ul,
        0x3feffffffdc96f35ul, 0x3fefffffffffcf58ul, 0x3ff0000000000000ul, 0x3ff0000000000000ul,
        // c1
        0x3ff0000000000000ul, 0x3fee842ca3f08532ul, 0x3fed11574af58f1bul, 0x3fea945b9c24e4f9ul,
        0x3fe6284c3374f815ul, 0x3fe02500a09f8d6eul, 0x3fd1f25131e3a8c0ul, 0x3fbd22ca1c24a139ul,
        0x3f9b3afe1fba5c76ul, 0x3f6dd37d19b22b21ul, 0x3f27ccec13a9ef96ul, 0x3ecbe6c3f33250aeul,
        0x3e41b4865394f75ful, 0x3d8853f01bda5f28ul, 0x3c73953c0197ef58ul, 0x0ul,
        // c2
        0xbbf0b3ea3fdfaa19ul, 0xbfca48aaeb53bc21ul, 0xbfd19921f4329916ul, 0xbfd5e0f09bef8011ul,
        0xbfd893b59c35c882ul, 0xbfd6ba7cb7576538ul, 0xbfce7291743d7555ul, 0xbfbb6d85a01efb80ul,
        0xbf9addae58c7141aul, 0xbf6dc59376c7aa19ul, 0xbf27cc5e74677410ul, 0xbecbe6c0e8b4cc87ul,
        0xbe41b486526b0565ul, 0xbd8853f01bef63a4ul, 0xbc73955be519be31ul, 0x0ul,
        // c3
        0xbfd5555555555555ul, 0xbfd183afc292ba11ul, 0xbfcc1a4b039c9bfaul, 0xbfc16e1e6d8d0be6ul,
        0xbf92426c751e48a2ul, 0x3fb4f152b2bad124ul, 0x3fbbba40cbef72beul, 0x3fb01ba038be6a3dul,
        0x3f916df44871efc8ul, 0x3f63c6869dfc8870ul, 0x3f1fb9aef915d828ul, 0x3ec299d1e27c6e11ul,
        0x3e379b5ddcca334cul, 0x3d8037f57bc62c9aul, 0x3c6a2d4b50a2cff7ul, 0x0ul,
        // c4
        0xbce6863ee44ed636ul, 0x3fc04dcd0476c75eul, 0x3fc43d3449a80f08ul, 0x3fc5c26f3699b7e7ul,
        0x3fc1a686f6ab2533ul, 0x3faf203c316ce730ul, 0xbf89c7a02788557cul, 0xbf98157e26e0d541ul,
        0xbf807b55c1c7d278ul, 0xbf53a18d5843190ful, 0xbf0fb6bbc89b1a5bul, 0xbeb299c9c684a963ul,
        0xbe279b5dd4fb3d01ul, 0xbd7037f57ae72aa6ul, 0xbc5a2ca2bba78e86ul, 0x0ul,
        // c5
        0x3fc1111111112ab5ul, 0x3fb5c19efdfc08adul, 0x3fa74c98dc34fbacul, 0xbf790d6a8eff0a77ul,
        0xbfac3c021789a786ul, 0xbfae2196b7326859ul, 0xbf93a7a011ff8c2aul, 0x3f6e4709c7e8430eul,
        0x3f67682afa611151ul, 0x3f3ef2ee77717cbful, 0x3ef95a4482f180b7ul, 0x3e9dc2c27da3b603ul,
        0x3e12e2afd9f7433eul, 0x3d59f320348679baul, 0x3c44b61d9bbcc940ul, 0x0ul,
        // c6
        0xbda1ea19ddddb3b4ul, 0xbfb0b8df995ce4dful, 0xbfb2955cf41e8164ul, 0xbfaf9d05c309f7c6ul,
        0xbf987d27ccff4291ul, 0x3f8b2ca62572b098ul, 0x3f8f1cf6c7f5b00aul, 0x3f60379811e43dd5ul,
        0xbf4793826f78537eul, 0xbf2405695e36240ful, 0xbee0e08de39ce756ul, 0xbe83d709ba5f714eul,
        0xbdf92e3fc5ee63e0ul, 0xbd414cc030f2110eul, 0xbc2ba022e8d82a87ul, 0x0ul,
        // c7
        0xbfaba1ba1990520bul, 0xbf96e37bba52f6fcul, 0x3ecff7df18455399ul, 0x3f97362834d33a4eul,
        0x3f9e7f8380184b45ul, 0x3f869543e7c420d4ul, 0xbf7326bd4914222aul, 0xbf5fc15b0a9d98faul,
        0x3f14cffcfa69fbb6ul, 0x3f057e48e5b79d10ul, 0x3ec33b66d7d77264ul, 0x3e66ac4e578b9b10ul,
        0x3ddcc74b8d3d5c42ul, 0x3d23c589137f92b4ul, 0x3c107f8e2c8707a1ul, 0x0ul,
        // c8
        0xbe351ca7f096011ful, 0x3f9eaaf3320c3851ul, 0x3f9cf823fe761fc1ul, 0x3f9022271754ff1ful,
        0xbf731fe77c9c60aful, 0xbf84a6046865ec7dul, 0xbf4ca3f1f2b9192bul, 0x3f4c77dee0afd227ul,
        0x3f04055bce68597aul, 0xbee2bf0cb4a71647ul, 0xbea31eaafe73efd5ul, 0xbe46abb02c4368edul,
        0xbdbcc749ca8079ddul, 0xbd03c5883836b9d2ul, 0xbbf07a5416264aecul, 0x0ul,
        // c9
        0x3f9664f94e6ac14eul, 0xbf94d3343bae39ddul, 0xbf7bc748e60df843ul, 0xbf8c89372b43ba85ul,
        0xbf8129a092de747aul, 0x3f60c85b4d538746ul, 0x3f5be9392199ec18ul, 0xbf2a0c68a4489f10ul,
        0xbf00462601dc2faaul, 0x3eb7b6a219dea9f4ul, 0x3e80cbcc8d4c5c8aul, 0x3e2425bb231a5e29ul,
        0x3d9992a4beac8662ul, 0x3ce191ba5ed3fb67ul, 0x3bc892450bad44c4ul, 0x0ul,
        // c10
        0xbea8c4c1fd7852feul, 0xbfccce16b1046f13ul, 0xbf81a16f224bb7b6ul, 0xbf62cbf00406bc09ul,
        0x3f75b29bb02cf69bul, 0x3f607df0f9f90c17ul, 0xbf4b852a6e0758d5ul, 0xbf0078c63d1b8445ul,
        0x3eec12eadd55be7aul, 0xbe6fa600f593181bul, 0xbe5a3c935dce3f7dul, 0xbe001c6d95e3ae96ul,
        0xbd74755a00ea1fd3ul, 0xbcbc1c6c063bb7acul, 0xbba3be9a4460fe00ul, 0x0ul,
        // c11
        0xbf822404577aa9ddul, 0x403d8b07f7a82aa3ul, 0xbf9f44ab92fbab0aul, 0x3fb2eac604473d6aul,
        0x3f45f87d903aaac8ul, 0xbf5e104671036300ul, 0x3f19bc98ddf0f340ul, 0x3f0d4304bc9246e8ul,
        0xbed13c415f7b9d41ul, 0xbe722b8d9720cdb0ul, 0x3e322666d739bec0ul, 0x3dd76a553d7e7918ul,
        0x3d4de0fa59416a39ul, 0x3c948716cf3681b4ul, 0x3b873f9f2d2fda99ul, 0x0ul,
        // c12
        0xbefdd99a221ed573ul, 0x4070593a3735bab4ul, 0xbfccab654e44835eul, 0x3fd13ed80037dbacul,
        0xbf6045b9076cc487ul, 0x3f2085ee7e8ac170ul, 0x3f23524622610430ul, 0xbeff12a6626911b4ul,
        0x3eab9008bca408aful, 0x3e634df71865f620ul, 0xbe05bb1bcf83ca73ul, 0xbdaf2ac143fb6762ul,
        0xbd23eae52a3dbf57ul, 0xbc6b5e3e9ca0955eul, 0xbb5eca68e2c1ba2eul, 0x0ul,
        // c13
        0x3f6e3be689423841ul, 0xc0d263511f5baac1ul, 0x40169f73b15ebe5cul, 0xc025c1dd41cd6cb5ul,
        0xbf58fd89fe05e0d1ul, 0x3f73f7af01d5af7aul, 0xbf1e40bdead17e6bul, 0x3ee224cd6c4513e5ul,
        0xbe24b645e68eeaa3ul, 0xbe4abfebfb72bc83ul, 0x3dd51c38f8695ed3ul, 0x3d8313ac38c6832bul,
        0x3cf7787935626685ul, 0x3c401ffc49c6bc29ul, 0xbabf0b21acfa52abul, 0x0ul,
        // c14
        0xbf2a1306713a4f3aul, 0xc1045e509116b066ul, 0x4041fab9250984ceul, 0xc0458d090ec3de95ul,
        0xbf74949d60113d63ul, 0x3f7c9fd6200d0adeul, 0x3f02cd40e0ad0a9ful, 0xbe858ab8e019f311ul,
        0xbe792fa6323b7cf8ul, 0x3e2df04d67876402ul, 0xbd95c72be95e4d2cul, 0xbd55a89c30203106ul,
        0xbccad6b3bb9eff65ul, 0xbc12705ccd3dd884ul, 0xba8e0a4c47ae75f5ul, 0x0ul,
        // c15
        0xbf55d7e76dc56871ul, 0x41528c38809c90c7ul, 0xc076d57fb5190b02ul, 0x4085f09f888f8adaul,
        0x3fa246332a2fcba5ul, 0xbfb29d851a896fcdul, 0x3ed9065ae369b212ul, 0xbeb8e1ba4c98a030ul,
        0x3e6ffd0766ad4016ul, 0xbe0c63c29f505f5bul, 0xbd7fab216b9e0e49ul, 0x3d2826b62056aa27ul,
        0x3ca313e31762f523ul, 0x3bea37aa21895319ul, 0x3ae5c7f1fd871496ul, 0x0ul,
        // c16
        0x3f35e67ab76a26e7ul, 0x41848ee0627d8206ul, 0xc0a216d618b489ecul, 0x40a5b89107c8af4ful,
        0x3fb69d8374520edaul, 0xbfbded519f981716ul, 0xbef02d288b5b3371ul, 0x3eb290981209c1a6ul,
        0xbe567e924bf5ff6eul, 0x3de3f7f7de6b0eb6ul, 0x3d69ed18bae3ebbcul, 0xbcf7534c4f3dfa71ul,
        0xbc730b73f1eaff20ul, 0xbbba2cff8135d462ul, 0xbab5a71b5f7d9035ul, 0x0ul,
    };

    // float32: 8 rows of 32 (row 0: B, rows 1-7: c0..c6).
    private static readonly uint[] TanhLutF32 =
    {
        // B
        0x0, 0x3d700000, 0x3d900000, 0x3db00000, 0x3dd00000, 0x3df00000, 0x3e100000, 0x3e300000,
        0x3e500000, 0x3e700000, 0x3e900000, 0x3eb00000, 0x3ed00000, 0x3ef00000, 0x3f100000, 0x3f300000,
        0x3f500000, 0x3f700000, 0x3f900000, 0x3fb00000, 0x3fd00000, 0x3ff00000, 0x40100000, 0x40300000,
        0x40500000, 0x40700000, 0x40900000, 0x40b00000, 0x40d00000, 0x40f00000, 0x41100000, 0x0,
        // c0
        0x0, 0x3d6fb9c9, 0x3d8fc35f, 0x3daf9169, 0x3dcf49ab, 0x3deee849, 0x3e0f0ee8, 0x3e2e4984,
        0x3e4d2f8e, 0x3e6bb32e, 0x3e8c51cd, 0x3ea96163, 0x3ec543f1, 0x3edfd735, 0x3f028438, 0x3f18abf0,
        0x3f2bc480, 0x3f3bec1c, 0x3f4f2e5b, 0x3f613c53, 0x3f6ce37d, 0x3f743c4f, 0x3f7a5feb, 0x3f7dea85,
        0x3f7f3b3d, 0x3f7fb78c, 0x3f7fefd4, 0x3f7ffdd0, 0x3f7fffb4, 0x3f7ffff6, 0x3f7fffff, 0x3f800000,
        // c1
        0x3f800000, 0x3f7f1f84, 0x3f7ebd11, 0x3f7e1e5f, 0x3f7d609f, 0x3f7c842d, 0x3f7b00e5, 0x3f789580,
        0x3f75b8ad, 0x3f726fd9, 0x3f6cc59b, 0x3f63fb92, 0x3f59ff97, 0x3f4f11d7, 0x3f3d7573, 0x3f24f360,
        0x3f0cbfe7, 0x3eec1a69, 0x3eb0a801, 0x3e6753a2, 0x3e132f1a, 0x3db7e7d3, 0x3d320845, 0x3c84d3d4,
        0x3bc477b7, 0x3b10d3da, 0x3a01601e, 0x388c1a3b, 0x3717b0da, 0x35a43bce, 0x338306c6, 0x0,
        // c2
        0xb0343c7b, 0xbd6ee69d, 0xbd8f0da7, 0xbdae477d, 0xbdcd2a1f, 0xbdeba80d, 0xbe0c443b, 0xbe293cf3,
        0xbe44f282, 0xbe5f3651, 0xbe81c7c0, 0xbe96d7ca, 0xbea7fb8e, 0xbeb50e9e, 0xbec12efe, 0xbec4be92,
        0xbebce070, 0xbead510e, 0xbe8ef7d6, 0xbe4b8704, 0xbe083237, 0xbdaf7449, 0xbd2e1ec4, 0xbc83bf06,
        0xbbc3e0b5, 0xbb10aadc, 0xba0157db, 0xb88c18f2, 0xb717b096, 0xb5a43bae, 0xb383012c, 0x0,
        // c3
        0xbeaaaaa5, 0xbeab0612, 0xbea7f01f, 0xbea4e120, 0xbea387b7, 0xbea15962, 0xbe9d57f7, 0xbe976b5a,
        0xbe90230d, 0xbe880dff, 0xbe7479b3, 0xbe4c3d88, 0xbe212482, 0xbdeb8cba, 0xbd5e78ad, 0x3c6b5e6e,
        0x3d839143, 0x3dc21ee1, 0x3de347af, 0x3dcbec96, 0x3d99ef2d, 0x3d542ea1, 0x3cdde701, 0x3c2cca67,
        0x3b81cb27, 0x3ac073a1, 0x39ac3032, 0x383a94d9, 0x36ca081d, 0x355abd4c, 0x332b3cb6, 0x0,
        // c4
        0xb76dd6b9, 0xbe1c276d, 0x3c1dcf2f, 0x3dc1a78d, 0x3d96f985, 0x3da2b61b, 0x3dc13397, 0x3dd2f670,
        0x3df48a0a, 0x3e06c5a8, 0x3e1a3aba, 0x3e27c405, 0x3e2e78d0, 0x3e2c3e44, 0x3e1d3097, 0x3df4a8f4,
        0x3da38508, 0x3d31416a, 0x3b562657, 0xbcaeeac9, 0xbcce9419, 0xbcaaeac4, 0xbc49e7d0, 0xbba71ddd,
        0xbb003b0e, 0xba3f9a05, 0xb92c08a7, 0xb7ba9232, 0xb64a0b0f, 0xb4dac169, 0xb2ab78ac, 0x0,
        // c5
        0x3e0910e9, 0x43761143, 0x4165ecdc, 0xc190f756, 0xc08c097d, 0xc02ba813, 0xbf7f6bda, 0x3f2b1dc0,
        0x3ece105d, 0x3f426a94, 0xbadb0dc4, 0x3da43b17, 0xbd51ab88, 0xbcaea23d, 0xbd3b6d8d, 0xbd6caaad,
        0xbd795bed, 0xbd5fddda, 0xbd038f3b, 0xbc1cad63, 0x3abb4766, 0x3b95f10b, 0x3b825873, 0x3afaea66,
        0x3a49f878, 0x39996bf3, 0x388f3e6c, 0x371bb0e3, 0x35a8a5e6, 0x34369b17, 0x322487b0, 0x0,
        // c6
        0xbc0e2f66, 0x460bda12, 0x43d638ef, 0xc3e11c3e, 0xc2baa4e9, 0xc249da2d, 0xc1859b82, 0x40dd5b57,
        0x40494640, 0x40c730a8, 0xbf0f160e, 0x3e30e76f, 0xbea81387, 0xbdb26a1c, 0xbd351e57, 0xbb4c01a0,
        0x3c1d7bfb, 0x3c722cd1, 0x3c973f1c, 0x3c33a31b, 0x3b862ef4, 0x3a27b3d0, 0xba3b5907, 0xba0efc22,
        0xb97f9f0f, 0xb8c8af50, 0xb7bdddfb, 0xb64f2950, 0xb4e085b1, 0xb3731dfa, 0xb15a1f04, 0x0,
    };

    /// <summary>NumPy's tanh kernel for one float type: its table (rows of one coefficient per subinterval) and the
    /// bit masks that pick the subinterval.</summary>
    private sealed record TanhKernel(string Name, int Bits, long[] Lut, int Rows, int Subintervals, long AbsMask, long HugeBound,
        long IndexBias, long IndexMax, int IndexShift, long QNaN);

    private static readonly TanhKernel TanhF64 = new("sj.np_tanh_f64", 64, TanhLutF64.Select(u => unchecked((long)u)).ToArray(), 18, 16,
        0x7ff8000000000000L, 0x7fe0000000000000L, 0x3fc00000L, 0x780000L, 19, 0x7ff8000000000000L);
    private static readonly TanhKernel TanhF32 = new("sj.np_tanh_f32", 32, TanhLutF32.Select(u => (long)u).ToArray(), 8, 32,
        0x7fe00000L, 0x7f000000L, 0x3d400000L, 0x3e00000L, 21, 0x7fc00000L);

    /// <summary>np.tanh of a float64: NumPy's SIMD tanh where NumPy runs it on this CPU, else libm's tanh.</summary>
    private static LLVMValueRef NpTanhF64(FunctionEmitter e, LLVMValueRef x) =>
        NumPySimdTanh ? CallTanh(e, TanhF64, x) : e.CallLibm("tanh", x);

    /// <summary>np.tanh of a float32 (NumPy's float32 loop): NumPy's SIMD tanh where it runs on this CPU, else
    /// tanh in double precision rounded once (as before; NumPy's portable loop calls tanhf).</summary>
    private static LLVMValueRef NpTanhF32(FunctionEmitter e, LLVMValueRef x) =>
        NumPySimdTanh ? CallTanh(e, TanhF32, x) : BuildFPTrunc(e.B, e.CallLibm("tanh", BuildFPExt(e.B, x, e.M.F64, "")), e.M.F32, "");

    /// <summary>
    /// A call of the kernel's one-lane function. In an array's element loop on an AVX-512 CPU the call also names a
    /// vector form of the kernel (8 float64 or 16 float32 lanes, each table row read with one two-register permute,
    /// as NumPy's AVX-512 loop reads it) as its vector variant, so the loop vectoriser calls that: the same operations
    /// lane by lane, so the same bits (1,000,000 float64: 6.6 ms one lane at a time, NumPy 1.7).
    /// </summary>
    private static LLVMValueRef CallTanh(FunctionEmitter e, TanhKernel k, LLVMValueRef x)
    {
        var M = e.M;
        var (fty, ity) = k.Bits == 64 ? (M.F64, M.I64) : (M.F32, M.I32);
        var (fn, ty) = M.Helper(k.Name, FunctionType(fty, new[] { fty }), (f, b) => BuildTanh(M, f, b, fty, ity, k));
        var call = BuildCall2(e.B, ty, fn, new[] { x }, "");
        int lanes = 512 / k.Bits;
        if (!e.InArrayLoop || M.Options.Standalone || !LlvmTarget.HasHostFeature("avx512f")) return call;   // (its vector form reads its tables with vpermi2var)
        string vectorName = $"{k.Name}.v{lanes}";
        var vty = VectorType(fty, (uint)lanes);
        M.Helper(vectorName, FunctionType(vty, new[] { vty }), (f, b) =>
        {
            BuildTanhVector(M, f, b, fty, ity, k, lanes);
            AddEnumAttribute(M.Ctx, f, uint.MaxValue, "alwaysinline");
            M.KeepVectorVariant(f);
        });
        // Kept a call until the vectoriser has run (memory(none): the table it reads is constant).
        foreach (var attr in new[] { "memory", "willreturn", "noinline" })
            AddCallSiteAttribute(call, AttributeFunctionIndex, CreateEnumAttribute(M.Ctx, GetEnumAttributeKindForName(attr), 0));
        e.NameVectorVariants(call, $"_ZGV_LLVM_N{lanes}v_{k.Name}({vectorName})");
        return call;
    }

    /// <summary>The kernel on a vector of lanes (BuildTanh, lane by lane): each table row's coefficients for the lanes'
    /// subintervals by vpermi2var from the row's two halves.</summary>
    private static void BuildTanhVector(ModuleEmitter M, LLVMValueRef fn, LLVMBuilderRef b, LLVMTypeRef fty, LLVMTypeRef ity, TanhKernel k, int lanes)
    {
        var x = GetParam(fn, 0);
        var vf = VectorType(fty, (uint)lanes); var vi = VectorType(ity, (uint)lanes); var vi32 = VectorType(M.I32, (uint)lanes);
        LLVMValueRef Splat(LLVMTypeRef t, long v) => ConstVector(Enumerable.Repeat(LLVM.ConstInt(t, v), lanes).ToArray());
        LLVMValueRef SplatF(double v) => ConstVector(Enumerable.Repeat(ConstReal(fty, v), lanes).ToArray());
        LLVMValueRef Call(string name, LLVMTypeRef[] overloads, params LLVMValueRef[] args) =>
            BuildCall2(b, IntrinsicGetType(M.Ctx, name, overloads), GetIntrinsicDeclaration(M.Module, name, overloads), args, "");

        var xb = BuildBitCast(b, x, vi, "");
        var denorm = BuildAnd(b, xb, Splat(ity, k.AbsMask), "");
        var inRange = BuildICmp(b, LLVMIntPredicate.LLVMIntSLE, denorm, Splat(ity, k.HugeBound), "");
        var hi = k.Bits == 64 ? BuildTrunc(b, BuildLShr(b, denorm, Splat(M.I64, 32), ""), vi32, "") : denorm;
        var d = BuildSub(b, hi, Splat(M.I32, k.IndexBias), "");
        d = Call("llvm.smax", new[] { vi32 }, d, Splat(M.I32, 0));
        d = Call("llvm.smin", new[] { vi32 }, d, Splat(M.I32, k.IndexMax));
        var idx = BuildLShr(b, d, Splat(M.I32, k.IndexShift), "");
        if (k.Bits == 64) idx = BuildZExt(b, idx, vi, "");

        string permute = k.Bits == 64 ? "llvm.x86.avx512.vpermi2var.pd.512" : "llvm.x86.avx512.vpermi2var.ps.512";
        LLVMValueRef Half(int row, int from) => ConstVector(Enumerable.Range(from, lanes)
            .Select(i => ConstBitCast(LLVM.ConstInt(ity, k.Lut[row * k.Subintervals + i]), fty)).ToArray());
        LLVMValueRef Coef(int row) => Call(permute, Array.Empty<LLVMTypeRef>(), Half(row, 0), idx, Half(row, lanes));

        var signMask = k.Bits == 64 ? unchecked((long)0x8000000000000000UL) : 0x80000000L;
        var sign = BuildAnd(b, xb, Splat(ity, signMask), "");
        var y = BuildFSub(b, Call("llvm.fabs", new[] { vf }, x), Coef(0), "");
        var r = Call("llvm.fma", new[] { vf }, Coef(k.Rows - 1), y, Coef(k.Rows - 2));
        for (int row = k.Rows - 3; row >= 1; row--) r = Call("llvm.fma", new[] { vf }, r, y, Coef(row));
        r = BuildBitCast(b, BuildOr(b, BuildBitCast(b, r, vi, ""), sign, ""), vf, "");
        var one = Call("llvm.copysign", new[] { vf }, SplatF(1.0), x);
        var isNan = BuildFCmp(b, LLVMRealPredicate.LLVMRealUNO, x, x, "");
        var outside = BuildSelect(b, isNan, BuildBitCast(b, Splat(ity, k.QNaN), vf, ""), one, "");
        BuildRet(b, BuildSelect(b, inRange, r, outside, ""));
    }

    /// <summary>
    /// The body of one lane of simd_tanh_f64/f32. denorm = bits(x) &amp; absMask (exponent and top mantissa bits);
    /// denorm &gt; hugeBound (signed) is a huge |x|, an infinity or a NaN; otherwise the subinterval is
    /// clamp(high32(denorm) - indexBias, 0, indexMax) &gt;&gt; indexShift; then y = |x| - B and
    /// r = fma(...fma(fma(c_last, y, c_last-1), y, ...)..., y, c0), with x's sign bit ORed in.
    /// </summary>
    private static void BuildTanh(ModuleEmitter M, LLVMValueRef fn, LLVMBuilderRef b, LLVMTypeRef fty, LLVMTypeRef ity, TanhKernel k)
    {
        var (bits, lut, rows, lanes, absMask, hugeBound, indexBias, indexMax, indexShift, qnan) =
            (k.Bits, k.Lut, k.Rows, k.Subintervals, k.AbsMask, k.HugeBound, k.IndexBias, k.IndexMax, k.IndexShift, k.QNaN);
        var x = GetParam(fn, 0);
        var table = AddGlobal(M.Module, ArrayType2(ity, (uint)lut.Length), bits == 64 ? "sj.np_tanh_lut64" : "sj.np_tanh_lut32");
        SetInitializer(table, ConstArray2(ity, lut.Select(v => LLVM.ConstInt(ity, v)).ToArray()));
        SetGlobalConstant(table, 1);
        SetLinkage(table, LLVMLinkage.LLVMInternalLinkage);

        var xb = BuildBitCast(b, x, ity, "");
        var denorm = BuildAnd(b, xb, LLVM.ConstInt(ity, absMask), "");
        var inRange = BuildICmp(b, LLVMIntPredicate.LLVMIntSLE, denorm, LLVM.ConstInt(ity, hugeBound), "");
        var main = AppendBasicBlockInContext(M.Ctx, fn, "main");
        var huge = AppendBasicBlockInContext(M.Ctx, fn, "callout");
        BuildCondBr(b, inRange, main, huge);

        // |x| huge or infinite: 1.0 with x's sign; NaN (any sign or payload): NumPy's NPY_NAN, the positive quiet NaN.
        PositionBuilderAtEnd(b, huge);
        var one = BuildCall2(b, IntrinsicGetType(M.Ctx, "llvm.copysign", new[] { fty }), GetIntrinsicDeclaration(M.Module, "llvm.copysign", new[] { fty }),
            new[] { ConstReal(fty, 1.0), x }, "");
        var isNan = BuildFCmp(b, LLVMRealPredicate.LLVMRealUNO, x, x, "");
        BuildRet(b, BuildSelect(b, isNan, BuildBitCast(b, LLVM.ConstInt(ity, qnan), fty, ""), one, ""));

        PositionBuilderAtEnd(b, main);
        // NumPy clamps the high 32 bits as int32 (the low 32 bits of the float64 difference are zero).
        var hi = bits == 64 ? BuildTrunc(b, BuildLShr(b, denorm, LLVM.ConstInt(M.I64, 32), ""), M.I32, "") : denorm;
        var d = BuildSub(b, hi, LLVM.ConstInt(M.I32, indexBias), "");
        d = BuildCall2(b, IntrinsicGetType(M.Ctx, "llvm.smax", new[] { M.I32 }), GetIntrinsicDeclaration(M.Module, "llvm.smax", new[] { M.I32 }),
            new[] { d, LLVM.ConstInt(M.I32, 0) }, "");
        d = BuildCall2(b, IntrinsicGetType(M.Ctx, "llvm.smin", new[] { M.I32 }), GetIntrinsicDeclaration(M.Module, "llvm.smin", new[] { M.I32 }),
            new[] { d, LLVM.ConstInt(M.I32, indexMax) }, "");
        var idx = BuildZExt(b, BuildLShr(b, d, LLVM.ConstInt(M.I32, indexShift), ""), M.I64, "");

        LLVMValueRef Coef(int row)
        {
            var at = BuildAdd(b, idx, LLVM.ConstInt(M.I64, row * lanes), "");
            var p = BuildInBoundsGEP2(b, ity, table, new[] { at }, "");
            return BuildBitCast(b, BuildLoad2(b, ity, p, ""), fty, "");
        }

        var fmaTy = IntrinsicGetType(M.Ctx, "llvm.fma", new[] { fty });
        var fma = GetIntrinsicDeclaration(M.Module, "llvm.fma", new[] { fty });
        var fabsTy = IntrinsicGetType(M.Ctx, "llvm.fabs", new[] { fty });
        var fabs = GetIntrinsicDeclaration(M.Module, "llvm.fabs", new[] { fty });
        var signMask = bits == 64 ? unchecked((long)0x8000000000000000UL) : 0x80000000L;
        var sign = BuildAnd(b, xb, LLVM.ConstInt(ity, signMask), "");
        var y = BuildFSub(b, BuildCall2(b, fabsTy, fabs, new[] { x }, ""), Coef(0), "");
        var r = BuildCall2(b, fmaTy, fma, new[] { Coef(rows - 1), y, Coef(rows - 2) }, "");
        for (int row = rows - 3; row >= 1; row--) r = BuildCall2(b, fmaTy, fma, new[] { r, y, Coef(row) }, "");
        r = BuildBitCast(b, BuildOr(b, BuildBitCast(b, r, ity, ""), sign, ""), fty, "");
        BuildRet(b, r);
    }
}
