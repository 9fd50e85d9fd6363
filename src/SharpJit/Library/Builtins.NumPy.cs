using SharpJit.Codegen;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// NumPy's scalar functions (ufuncs applied to Python numbers) and constants, as NumPy 1.24 computes them.
/// NumPy turns bool, int, float and complex arguments into bool_, int64, float64 and complex128 and runs the first
/// loop of the ufunc that they all cast to safely. Those four result types print like Python's bool, int, float and
/// complex, so compiled code represents them with its own scalars. Floating-point trouble gives inf/nan/0 as in
/// NumPy, which only warns. Transcendental functions use libm, as NumPy's portable loops do; NumPy's AVX-512 loops
/// (SVML) can differ from them in the last bit. tanh is NumPy's own SIMD kernel where NumPy uses it (NumPyTanh.cs).
/// </summary>
public static unsafe partial class Builtins
{
    /// <summary>The argument kinds a ufunc has loops for, as bits by rank: NumPy's ?, l, d and D.</summary>
    [Flags]
    private enum NpLoops
    {
        Bool = 1, Int = 2, Float = 4, Complex = 8,
        Real = Int | Float, Inexact = Float | Complex, Number = Int | Float | Complex, All = Bool | Number,
    }

    /// <summary>What all-bool arguments get when the ufunc has no bool loop: NumPy's next loop is int8 or float16
    /// (types compiled code lacks), or the ufunc resolves them like ints (true_divide, float_power, predicates),
    /// or NumPy raises TypeError.</summary>
    private enum NpBoolInput { Int8, Float16, AsInt, TypeError }

    private delegate LLVMValueRef NpLowering(LoweringCall c, ScalarType loop, LLVMValueRef[] args);

    private static string NpNoLoop(string ufunc) =>
        $"ufunc '{ufunc}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''";

    private const string NpBoolNegative =
        "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.";

    /// <summary>Python float values of numpy's constants (all of NumPy 1.24's scalar constants; newaxis is None, below).</summary>
    private static readonly (string Name, object Value)[] NpConstants =
    {
        ("pi", Math.PI), ("e", Math.E), ("euler_gamma", 0.5772156649015329), ("inf", double.PositiveInfinity),
        ("Inf", double.PositiveInfinity), ("Infinity", double.PositiveInfinity), ("infty", double.PositiveInfinity),
        ("PINF", double.PositiveInfinity), ("NINF", double.NegativeInfinity), ("nan", PositiveNaN), ("NaN", PositiveNaN),
        ("NAN", PositiveNaN), ("PZERO", 0.0), ("NZERO", -0.0), ("True_", true), ("False_", false),
    };

    /// <summary>Scalar types compiled code does not have.</summary>
    private static readonly string[] NpUnsupportedTypes =
    {
        "float16", "half", "longdouble", "longfloat", "float128", "complex256", "clongdouble", "clongfloat", "longcomplex",
    };

    /// <summary>NumPy's narrower scalar types and their names (the 64-bit ones are int(), float(), complex()).</summary>
    private static readonly (ScalarType Type, string[] Names)[] NpNarrowTypes =
        ScalarType.All.Where(t => !t.IsCanonical).Select(t => (t, t.NumPyAttributes.ToArray())).ToArray();

    /// <summary>The complex loops that call NumPyMath (ids for sj_np_complex1 are indexes here).</summary>
    public static readonly string[] NumPyComplexUnary = SharpJit.Runtime.NumPyMath.ComplexUnary.Select(f => f.Name).ToArray();

    /// <summary>Unary float ufuncs (names, float64 loop, whether a complex loop exists). A libm or LLVM intrinsic
    /// name stands for a call of it.</summary>
    private static readonly (string[] Names, string Real, bool Complex)[] NpFloatUnary =
    {
        (new[] { "sqrt" }, "llvm.sqrt", true), (new[] { "cbrt" }, "cbrt", false), (new[] { "exp" }, "exp", true),
        (new[] { "exp2" }, "exp2", true), (new[] { "expm1" }, "expm1", true), (new[] { "log" }, "log", true),
        (new[] { "log2" }, "log2", true), (new[] { "log10" }, "log10", true), (new[] { "log1p" }, "log1p", true),
        (new[] { "sin" }, "sin", true), (new[] { "cos" }, "cos", true), (new[] { "tan" }, "tan", true),
        (new[] { "arcsin" }, "asin", true), (new[] { "arccos" }, "acos", true), (new[] { "arctan" }, "atan", true),
        (new[] { "sinh" }, "sinh", true), (new[] { "cosh" }, "cosh", true), (new[] { "tanh" }, "tanh", true),
        (new[] { "arcsinh" }, "asinh", true), (new[] { "arccosh" }, "acosh", true), (new[] { "arctanh" }, "atanh", true),
        (new[] { "floor" }, "llvm.floor", false), (new[] { "ceil" }, "llvm.ceil", false), (new[] { "trunc", "fix" }, "llvm.trunc", false),
        (new[] { "rint" }, "llvm.roundeven", true), (new[] { "fabs" }, "llvm.fabs", false),
    };

    /// <summary>Binary float ufuncs without complex loops that are one libm call or LLVM intrinsic.</summary>
    private static readonly (string Name, string Real)[] NpFloatBinary =
    {
        ("arctan2", "atan2"), ("hypot", "hypot"), ("copysign", "llvm.copysign"), ("nextafter", "nextafter"),
    };

    public static string? ModuleHint(string module) => module == "numpy"
        ? "compiled code supports NumPy's ufuncs on scalars and arrays, array creation (np.zeros, np.arange, ...), reductions and its constants; see the README for the list"
        : null;

    private static void RegisterNumPy()
    {
        foreach (var (name, value) in NpConstants) Registry["numpy." + name] = new LibConstant(value);
        Registry["numpy.newaxis"] = new LibConstant(SharpJit.Syntax.PyNone.Instance);   // None, for indexing: a[:, np.newaxis]
        foreach (var name in NpUnsupportedTypes)
            Registry["numpy." + name] = new LibUnsupported(
                $"numpy.{name} is not supported in compiled code: it has no float16 or extended-precision types",
                "use np.float32 or np.float64 instead");
        RegisterNumPyCasts();
        RegisterNumPyUnary();
        RegisterNumPyBinary();
        RegisterNumPyRound();
    }

    // ------------------------------------------------------------ the ufunc mechanism

    /// <summary>NumPy's loop for scalar arguments of these types, or why compiled code has none (message, hint).</summary>
    private static (ScalarType? Loop, string? Problem, string? Hint) NpResolve(string ufunc, IEnumerable<SjType> args, NpLoops loops,
        NpBoolInput boolInput, string? boolProblem)
    {
        int rank = args.Max(t => ((ScalarType)t).Rank);
        if (rank == 0 && !loops.HasFlag(NpLoops.Bool))
        {
            switch (boolInput)
            {
                case NpBoolInput.Int8:
                    return (null, $"numpy.{ufunc} of bool arguments gives an int8 in NumPy, a type compiled code does not have", "convert an argument with int() first");
                case NpBoolInput.Float16:
                    return (null, $"numpy.{ufunc} of bool arguments gives a float16 in NumPy, a type compiled code does not have", "convert an argument with float() first");
                case NpBoolInput.TypeError:
                    return (null, boolProblem ?? NpNoLoop(ufunc), null);
            }
            rank = 1;
        }
        for (int r = rank; r <= 3; r++)
            if (((int)loops & (1 << r)) != 0) return (ScalarOfRank(r), null, null);
        return (null, NpNoLoop(ufunc), null);
    }

    /// <summary>NumPy's uint64 loop: integer operands that are all unsigned (or bool) with a uint64 among them compute
    /// in uint64, where division, remainder, comparison and abs differ from int64's (narrower unsigned values are
    /// non-negative int64s, which give the same bits).</summary>
    private static ScalarType NpUnsignedLoop(ScalarType loop, IEnumerable<SjType> args) =>
        loop == ScalarType.Int64 && args.All(a => a is ScalarType { Rank: 0 } or ScalarType { IsUnsigned: true })
            && args.Any(a => a == ScalarType.UInt64) ? ScalarType.UInt64 : loop;

    private static ScalarType ScalarOfRank(int rank) => rank switch
    {
        0 => ScalarType.Bool, 1 => ScalarType.Int64, 2 => ScalarType.Float64, _ => ScalarType.Complex128,
    };

    /// <summary>Registers numpy.NAME (and aliases) as a ufunc over scalars: typed by NumPy's loop resolution,
    /// lowered per loop kind with the arguments converted to the loop's type.</summary>
    /// <param name="lower">Computes one element from arguments of the loop's type; or null with <paramref name="kernel"/>,
    /// a function of Library/py/numpy.py that does it in Python.</param>
    private static void AddUFunc(string[] names, int arity, NpLoops loops, NpBoolInput boolInput, NpLowering? lower,
        Func<ScalarType, ScalarType>? output = null, Func<Signature, bool>? mayRaise = null, string? boolProblem = null, string? kernel = null)
    {
        string ufunc = names[0];
        foreach (var name in names)
        {
            LibFunc self = null!;
            self = Add("numpy." + name, c =>
            {
                Arity(c, name, arity, arity, "out");
                if (c.Keywords.ContainsKey("out")) return ElementwiseOutType(c, ufunc, self);
                if (c.Positional.Any(a => a.Type is ArrayType)) return ElementwiseResult(c, ufunc, self);
                foreach (var a in c.Positional)
                {
                    if (a.Type is TupleType) throw c.ErrorAt(a, $"numpy.{name} of a tuple makes an array, which compiled code does not support yet");
                    if (a.Type is not ScalarType) throw c.ErrorAt(a, NpNoLoop(ufunc));
                }
                var (resolved, problem, hint) = NpResolve(ufunc, c.Positional.Select(a => TypeOps.Canonical(a.Type)), loops, boolInput, boolProblem);
                if (resolved == null) throw c.Error(problem!, hint);
                var loop = NpUnsignedLoop(resolved, c.Positional.Select(a => a.Type));
                if (kernel != null) c.Require(PythonLibrary.Function("numpy", kernel), Enumerable.Repeat<SjType>(loop, arity).ToArray());
                return NpSingle(output?.Invoke(loop) ?? loop, c.Positional.Select(a => a.Type));
            }, c =>
            {
                if (c.Keywords.ContainsKey("out")) return LowerElementwiseOut(c, ufunc, self);
                if (c.Args.Any(a => a.Type is ArrayType)) return LowerElementwise(c, ufunc, self, inPlace: false);
                var loop = NpUnsignedLoop(NpResolve(ufunc, c.Args.Select(a => TypeOps.Canonical(a.Type)), loops, boolInput, boolProblem).Loop!, c.Args.Select(a => a.Type));
                var args = Enumerable.Range(0, c.Args.Length).Select(k => c.E.Convert(c.Arg(k), c.ArgType(k), loop)).ToArray();
                if (kernel != null) return c.E.Convert(c.CallCompiled(0, args), c.Callees[0].ReturnType, c.ResultType);
                return c.E.Convert(lower!(c, loop, args), output?.Invoke(loop) ?? loop, c.ResultType);
            }, acceptsNarrow: true, mayRaise: sig => mayRaise?.Invoke(sig) == true || sig.Args.Any(a => a is ArrayType));
            self.Elementwise = (ufunc, self, false);
        }
    }

    /// <summary>
    /// NumPy's float32 and complex64 loops: a float or complex result is single precision when some argument is one of
    /// NumPy's narrow scalars and all of them fit (float32, complex64, bool, int8, int16, uint8: Numba's rule). The loop itself
    /// runs in double precision and rounds once, which is exact for +, -, *, /, sqrt and within NumPy's own error
    /// elsewhere (complex64 * and / are computed in single precision: NpComplex64). Integer results stay int64, as in Numba.
    /// </summary>
    private static ScalarType NpSingle(ScalarType result, IEnumerable<SjType> args)
    {
        if (result.Rank < 2) return result;
        var scalars = args.Cast<ScalarType>().ToList();
        if (scalars.All(a => a.IsCanonical) || !scalars.All(a => a.FitsSinglePrecision)) return result;
        return result.Rank == 2 ? ScalarType.Float32 : ScalarType.Complex64;
    }

    /// <summary>np.tanh of a float64 argument (the float64 loop), or of one that fits float32 where the result is
    /// NumPy's float32 loop's: NumPy's own tanh (NumPyTanh.cs), returned as float64 (exact for a float32 result).</summary>
    private static LLVMValueRef NpTanh(LoweringCall c, LLVMValueRef x)
    {
        var e = c.E;
        if (!Equals(c.ResultType, ScalarType.Float32)) return NpTanhF64(e, x);
        return BuildFPExt(e.B, NpTanhF32(e, BuildFPTrunc(e.B, x, e.M.F32, "")), e.M.F64, "");
    }

    /// <summary>libm's function in a ufunc's loop: its float form in NumPy's float32 loop where libmvec vectorises it,
    /// else the double function (FunctionEmitter.CallUFuncLibm).</summary>
    private static LLVMValueRef UFuncLibm(LoweringCall c, string name, LLVMValueRef[] args) =>
        (Equals(c.ResultType, ScalarType.Float32) ? c.E.CallUFuncLibmSingle(name, args) : null) ?? c.E.CallUFuncLibm(name, args);

    private static LLVMValueRef F64Call(FunctionEmitter e, string fn, params LLVMValueRef[] args) =>
        fn.StartsWith("llvm.") ? e.Intrinsic(fn, new[] { e.M.F64 }, args) : e.CallLibm(fn, args);

    /// <summary>np.nextafter in float32's loop: the next float32 (in double precision it would round back to x).</summary>
    private static LLVMValueRef NextAfterF32(FunctionEmitter e, LLVMValueRef x, LLVMValueRef y)
    {
        var (fn, ty) = e.M.LibmOf(e.M.F32, "nextafterf", 2);
        var r = BuildCall2(e.B, ty, fn, new[] { BuildFPTrunc(e.B, x, e.M.F32, ""), BuildFPTrunc(e.B, y, e.M.F32, "") }, "");
        return BuildFPExt(e.B, r, e.M.F64, "");
    }

    /// <summary>NumPy's complex loops that are glibc's complex functions as they are (NumPyMath.ComplexUnary calls the
    /// same): compiled code calls them itself, not through the runtime (1,000,000 np.exp of complex128 36 ms through
    /// it, NumPy 22).</summary>
    private static readonly Dictionary<string, string> LibmComplexUnary = new()
    {
        ["sqrt"] = "csqrt", ["exp"] = "cexp", ["log"] = "clog", ["sin"] = "csin", ["cos"] = "ccos", ["tan"] = "ctan",
        ["sinh"] = "csinh", ["cosh"] = "ccosh", ["tanh"] = "ctanh", ["arcsin"] = "casin", ["arccos"] = "cacos",
        ["arctan"] = "catan", ["arcsinh"] = "casinh", ["arccosh"] = "cacosh", ["arctanh"] = "catanh",
    };

    private static LLVMValueRef NpComplex1(FunctionEmitter e, string ufunc, LLVMValueRef z)
    {
        if (LibmComplexUnary.TryGetValue(ufunc, out var libm))
        {
            var (fn, ty) = e.M.LibmComplex(libm);
            return BuildCall2(e.B, ty, fn, new[] { e.ExtractValue(z, 0), e.ExtractValue(z, 1) }, "");
        }
        var slot = e.Alloca(e.M.Complex);
        e.CallRuntime("sj_np_complex1", ConstInt(e.M.I32, Array.IndexOf(NumPyComplexUnary, ufunc)), e.ExtractValue(z, 0), e.ExtractValue(z, 1), slot);
        return BuildLoad2(e.B, e.M.Complex, slot, "");
    }

    private static LLVMValueRef FCmp(FunctionEmitter e, LLVMRealPredicate p, LLVMValueRef a, LLVMValueRef b) => BuildFCmp(e.B, p, a, b, "");
    private static LLVMValueRef ICmp(FunctionEmitter e, LLVMIntPredicate p, LLVMValueRef a, LLVMValueRef b) => BuildICmp(e.B, p, a, b, "");
    private static LLVMValueRef Select(FunctionEmitter e, LLVMValueRef cond, LLVMValueRef a, LLVMValueRef b) => BuildSelect(e.B, cond, a, b, "");
    private static (LLVMValueRef Re, LLVMValueRef Im) Parts(FunctionEmitter e, LLVMValueRef z) => (e.ExtractValue(z, 0), e.ExtractValue(z, 1));

    // ------------------------------------------------------------ casts

    private static void RegisterNumPyCasts()
    {
        // np.float64 and np.bool_ convert exactly as float() and bool() do (same errors, same results).
        foreach (var (core, type) in new[] { ("float", ScalarType.Float64), ("bool", ScalarType.Bool) })
            foreach (var name in type.NumPyAttributes)
            {
                var f = Get(core);
                Registry["numpy." + name] = new LibFunc("numpy." + name, f.Type, f.Lower, f.MayRaise) { AcceptsNarrow = f.AcceptsNarrow };
            }

        var complexCast = Get("complex");
        foreach (var name in ScalarType.Complex128.NumPyAttributes)
            Add("numpy." + name, c =>
            {
                if (c.Keywords.Count > 0 || c.Positional.Length > 1)
                    throw c.Error($"function takes at most 1 argument ({c.Positional.Length + c.Keywords.Count} given)");
                return complexCast.Type(c);
            }, complexCast.Lower, neverRaises: true);

        // The narrower types convert like NumPy's C casts: integers wrap to the width, floats truncate toward zero.
        foreach (var (type, names) in NpNarrowTypes)
            foreach (var name in names)
                Add("numpy." + name, c =>
                {
                    if (c.Keywords.Count > 0 || c.Positional.Length > 1)
                        throw c.Error($"function takes at most 1 argument ({c.Positional.Length + c.Keywords.Count} given)");
                    if (c.Positional.Length == 1 && c.Positional[0].Type is var t && (t is not ScalarType s || s.Rank == 3 && type.Rank < 3))
                        throw c.ErrorAt(c.Positional[0], $"numpy.{name}() of a {TypeOps.PyName(t)} is not supported in compiled code",
                            t is ScalarType ? "take .real or abs() of the complex number first" : null);
                    return type;
                }, c => c.Args.Length == 0 ? c.E.M.Constant(0L, type) : c.E.Convert(c.Arg(0), c.ArgType(0), type),
                neverRaises: true, acceptsNarrow: true);

        // np.int64(x) is int(x) stored in a C long: a float beyond int64 raises instead of wrapping.
        foreach (var name in ScalarType.Int64.NumPyAttributes)
            Add("numpy." + name, Get("int").Type, c =>
            {
                if (c.Args.Length == 0) return c.E.M.ConstI64(0);
                if (c.ArgType(0) is ScalarType { Rank: <= 1 }) return ToInt(c, 0);
                return FloatToInt(c.E, c.Arg(0), c.Span, "Python int too large to convert to C long");
            });
    }

    /// <summary>np.absolute of a complex number as NumPy 1.24 computes it on this machine: with AVX-512F, its vector loop
    /// (larger * sqrt(fma(r, r, 1)) with r = smaller / larger, an infinite part giving inf and else a NaN part NaN; in
    /// single precision for complex64), which differs from hypot in the last bit for about a third of values and
    /// vectorises here too; without it (or for another machine, export), npy_cabs: libm's hypot.</summary>
    private static LLVMValueRef NpComplexAbs(FunctionEmitter e, LLVMValueRef z, bool single)
    {
        var (re, im) = Parts(e, z);
        var M = e.M;
        if (M.Options.Standalone || !NumPyDispatch.Avx512F) return e.CallLibm("hypot", re, im);
        var ty = single ? M.F32 : M.F64;
        LLVMValueRef Const(double v) => ConstReal(ty, v);
        LLVMValueRef Call(string fn, params LLVMValueRef[] args) => e.Intrinsic(fn, new[] { ty }, args);
        if (single) { re = BuildFPTrunc(e.B, re, ty, ""); im = BuildFPTrunc(e.B, im, ty, ""); }
        re = Call("llvm.fabs", re);
        im = Call("llvm.fabs", im);
        var inf = Const(double.PositiveInfinity);
        var anyInf = BuildOr(e.B, FCmp(e, LLVMRealPredicate.LLVMRealOEQ, re, inf), FCmp(e, LLVMRealPredicate.LLVMRealOEQ, im, inf), "");
        var anyNan = FCmp(e, LLVMRealPredicate.LLVMRealUNO, re, im);
        var larger = Call("llvm.maxnum", re, im);
        var smaller = Call("llvm.minnum", re, im);
        var ratio = Select(e, FCmp(e, LLVMRealPredicate.LLVMRealOEQ, larger, Const(0)), Const(0), BuildFDiv(e.B, smaller, larger, ""));
        var h = BuildFMul(e.B, Call("llvm.sqrt", Call("llvm.fma", ratio, ratio, Const(1))), larger, "");
        var r = Select(e, anyInf, inf, Select(e, anyNan, Const(PositiveNaN), h));
        return single ? BuildFPExt(e.B, r, M.F64, "") : r;
    }

    // ------------------------------------------------------------ unary ufuncs

    private static void RegisterNumPyUnary()
    {
        foreach (var (names, real, hasComplex) in NpFloatUnary)
        {
            string ufunc = names[0];
            AddUFunc(names, 1, hasComplex ? NpLoops.Inexact : NpLoops.Float, NpBoolInput.Float16,
                (c, loop, a) => loop.Rank == 3 ? NpComplex1(c.E, ufunc, a[0]) : ufunc == "tanh" ? NpTanh(c, a[0])
                    : real.StartsWith("llvm.") ? F64Call(c.E, real, a[0]) : UFuncLibm(c, real, a));
        }
        // x * factor; NumPy's float32 loop multiplies in single precision by the factor computed in float
        // (npy_deg2radf: NPY_PIf / 180.0f).
        foreach (var (names, factor, factorF) in new[]
        {
            (new[] { "degrees", "rad2deg" }, 180.0 / Math.PI, 180.0f / MathF.PI), (new[] { "radians", "deg2rad" }, Math.PI / 180.0, MathF.PI / 180.0f),
        })
            AddUFunc(names, 1, NpLoops.Float, NpBoolInput.Float16, (c, loop, a) =>
            {
                var B = c.E.B; var M = c.E.M;
                if (!Equals(c.ResultType, ScalarType.Float32)) return BuildFMul(B, a[0], M.ConstF64(factor), "");
                var single = BuildFMul(B, BuildFPTrunc(B, a[0], M.F32, ""), ConstReal(M.F32, factorF), "");
                return BuildFPExt(B, single, M.F64, "");
            });

        // spacing(x): the distance to the next float away from zero (+5e-324 at either zero, NaN at infinities).
        AddUFunc(new[] { "spacing" }, 1, NpLoops.Float, NpBoolInput.Float16, (c, loop, a) =>
        {
            var e = c.E; var M = e.M; var x = a[0];
            var away = F64Call(e, "llvm.copysign", M.ConstF64(double.PositiveInfinity), x);
            var step = BuildFSub(e.B, F64Call(e, "nextafter", x, away), x, "");
            var atZero = Select(e, FCmp(e, LLVMRealPredicate.LLVMRealOEQ, x, M.ConstF64(0)), M.ConstF64(double.Epsilon), step);
            return Select(e, IsInf(e, x), M.ConstF64(PositiveNaN), atZero);
        });

        foreach (var (name, kind) in new[] { ("isnan", 0), ("isinf", 1), ("isfinite", 2) })
            AddUFunc(new[] { name }, 1, NpLoops.Inexact, NpBoolInput.AsInt, (c, loop, a) =>
            {
                var e = c.E;
                Func<FunctionEmitter, LLVMValueRef, LLVMValueRef> test = kind switch { 0 => IsNan, 1 => IsInf, _ => IsFinite };
                if (loop.Rank == 2) return test(e, a[0]);
                var (re, im) = Parts(e, a[0]);
                return kind == 2 ? BuildAnd(e.B, test(e, re), test(e, im), "") : BuildOr(e.B, test(e, re), test(e, im), "");
            }, output: _ => ScalarType.Bool);
        AddUFunc(new[] { "signbit" }, 1, NpLoops.Float, NpBoolInput.AsInt, (c, loop, a) =>
        {
            var e = c.E;
            return ICmp(e, LLVMIntPredicate.LLVMIntSLT, BuildBitCast(e.B, a[0], e.M.I64, ""), e.M.ConstI64(0));
        }, output: _ => ScalarType.Bool);

        AddUFunc(new[] { "absolute", "abs" }, 1, NpLoops.All, NpBoolInput.AsInt, (c, loop, a) =>
        {
            var e = c.E; var x = a[0];
            return loop.Rank switch
            {
                0 => x,
                1 when loop.IsUnsigned => x,
                1 => Select(e, ICmp(e, LLVMIntPredicate.LLVMIntSLT, x, e.M.ConstI64(0)), BuildSub(e.B, e.M.ConstI64(0), x, ""), x), // wraps at INT64_MIN
                2 => F64Call(e, "llvm.fabs", x),
                _ => NpComplexAbs(e, x, Equals(c.ResultType, ScalarType.Float32)),
            };
        }, output: loop => loop.Rank == 3 ? ScalarType.Float64 : loop);

        AddUFunc(new[] { "negative" }, 1, NpLoops.Number, NpBoolInput.TypeError,
            (c, loop, a) => Arith.LowerUnary(c.E, UnaryOperator.USub, a[0], loop, loop), boolProblem: NpBoolNegative);
        AddUFunc(new[] { "positive" }, 1, NpLoops.Number, NpBoolInput.TypeError, (c, loop, a) => a[0],
            boolProblem: "ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None");
        AddUFunc(new[] { "conjugate", "conj" }, 1, NpLoops.Number, NpBoolInput.Int8, (c, loop, a) =>
        {
            if (loop.Rank < 3) return a[0];
            var (re, im) = Parts(c.E, a[0]);
            return c.E.MakeComplex(re, BuildFNeg(c.E.B, im, ""));
        });

        AddUFunc(new[] { "square" }, 1, NpLoops.Number, NpBoolInput.Int8,
            (c, loop, a) => Arith.LowerBinOp(c.E, c.Span, Operator.Mult, a[0], loop, a[0], loop, loop));

        AddUFunc(new[] { "reciprocal" }, 1, NpLoops.Number, NpBoolInput.Int8, (c, loop, a) =>
        {
            var e = c.E; var B = e.B; var M = e.M; var x = a[0];
            switch (loop.Rank)
            {
                case 1:
                {
                    // NumPy computes 1.0 / x and casts back: 1 and -1 survive, other values truncate to 0, and 1/0
                    // (infinity) casts to INT64_MIN on x86-64.
                    var isUnit = BuildOr(B, ICmp(e, LLVMIntPredicate.LLVMIntEQ, x, M.ConstI64(1)), ICmp(e, LLVMIntPredicate.LLVMIntEQ, x, M.ConstI64(-1)), "");
                    var unit = Select(e, isUnit, x, M.ConstI64(0));
                    return Select(e, ICmp(e, LLVMIntPredicate.LLVMIntEQ, x, M.ConstI64(0)), M.ConstI64(long.MinValue), unit);
                }
                case 2: return BuildFDiv(B, M.ConstF64(1), x, "");
                default:
                {
                    // complex64 in single precision, each step rounded as in NumPy's loop; the parts come and go as doubles.
                    bool single = Equals(c.ResultType, ScalarType.Complex64);
                    var ft = single ? M.F32 : M.F64;
                    var (re, im) = Parts(e, x);
                    if (single) (re, im) = (BuildFPTrunc(B, re, ft, ""), BuildFPTrunc(B, im, ft, ""));
                    var fabs = (LLVMValueRef v) => e.Intrinsic("llvm.fabs", new[] { ft }, v);
                    var reSmaller = FCmp(e, LLVMRealPredicate.LLVMRealOLE, fabs(im), fabs(re));
                    // |im| <= |re|: r = im/re, d = re + im*r, 1/z = (1/d, -r/d); else r = re/im, d = re*r + im, 1/z = (r/d, -1/d).
                    var r1 = BuildFDiv(B, im, re, ""); var d1 = BuildFAdd(B, re, BuildFMul(B, im, r1, ""), "");
                    var r2 = BuildFDiv(B, re, im, ""); var d2 = BuildFAdd(B, BuildFMul(B, re, r2, ""), im, "");
                    var rre = Select(e, reSmaller, BuildFDiv(B, ConstReal(ft, 1), d1, ""), BuildFDiv(B, r2, d2, ""));
                    var rim = Select(e, reSmaller, BuildFDiv(B, BuildFNeg(B, r1, ""), d1, ""), BuildFDiv(B, ConstReal(ft, -1), d2, ""));
                    if (single) (rre, rim) = (BuildFPExt(B, rre, M.F64, ""), BuildFPExt(B, rim, M.F64, ""));
                    return e.MakeComplex(rre, rim);
                }
            }
        });

        AddUFunc(new[] { "sign" }, 1, NpLoops.Number, NpBoolInput.TypeError, null, kernel: "sign",
            boolProblem: "ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None");
    }

    // ------------------------------------------------------------ binary ufuncs

    private static void RegisterNumPyBinary()
    {
        foreach (var (name, real) in NpFloatBinary)
            AddUFunc(new[] { name }, 2, NpLoops.Float, NpBoolInput.Float16, (c, loop, a) =>
                name == "nextafter" && Equals(c.ResultType, ScalarType.Float32) ? NextAfterF32(c.E, a[0], a[1])
                    : name == "arctan2" ? UFuncLibm(c, real, a) : F64Call(c.E, real, a[0], a[1]));

        foreach (var name in new[] { "logaddexp", "logaddexp2" })
            AddUFunc(new[] { name }, 2, NpLoops.Float, NpBoolInput.Float16, null, kernel: name);

        AddUFunc(new[] { "heaviside" }, 2, NpLoops.Float, NpBoolInput.Float16, (c, loop, a) =>
        {
            var e = c.E; var M = e.M; var (x, h0) = (a[0], a[1]);
            var step = Select(e, FCmp(e, LLVMRealPredicate.LLVMRealOLT, x, M.ConstF64(0)), M.ConstF64(0), M.ConstF64(1));
            var atZero = Select(e, FCmp(e, LLVMRealPredicate.LLVMRealOEQ, x, M.ConstF64(0)), h0, step);
            return Select(e, IsNan(e, x), M.ConstF64(PositiveNaN), atZero);
        });

        foreach (var (name, op, isOr) in new[] { ("add", Operator.Add, true), ("multiply", Operator.Mult, false) })
            AddUFunc(new[] { name }, 2, NpLoops.All, NpBoolInput.AsInt, (c, loop, a) => loop.Rank switch
            {
                // NumPy's bool loops: add is logical or, multiply logical and. Otherwise Python's operators compute
                // the same (int64 wraps, complex products use the schoolbook formula).
                0 => isOr ? BuildOr(c.E.B, a[0], a[1], "") : BuildAnd(c.E.B, a[0], a[1], ""),
                3 when !isOr && Equals(c.ResultType, ScalarType.Complex64) => NpComplex64(c.E, a[0], a[1], NpComplexMul),
                _ => Arith.LowerBinOp(c.E, c.Span, op, a[0], loop, a[1], loop, loop),
            });
        AddUFunc(new[] { "subtract" }, 2, NpLoops.Number, NpBoolInput.TypeError, (c, loop, a) => Arith.LowerBinOp(c.E, c.Span, Operator.Sub, a[0], loop, a[1], loop, loop),
            boolProblem: "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");

        AddUFunc(new[] { "true_divide", "divide" }, 2, NpLoops.Inexact, NpBoolInput.AsInt, (c, loop, a) =>
            loop.Rank == 2 ? BuildFDiv(c.E.B, a[0], a[1], "")
            : Equals(c.ResultType, ScalarType.Complex64) ? NpComplex64(c.E, a[0], a[1], NpComplexDiv) : NpComplexDiv(c.E, a[0], a[1]));

        AddUFunc(new[] { "floor_divide" }, 2, NpLoops.Real, NpBoolInput.Int8, (c, loop, a) =>
        {
            var e = c.E;
            var (x, y) = (a[0], a[1]);
            if (loop.Rank == 1) return NpIntDivision(e, Operator.FloorDiv, x, y, loop.IsUnsigned);
            // x // 0.0 is x / 0.0 (inf, -inf or nan); otherwise Python's floor division, which NumPy's matches.
            var isZero = FCmp(e, LLVMRealPredicate.LLVMRealOEQ, y, e.M.ConstF64(0));
            return Select(e, isZero, BuildFDiv(e.B, x, y, ""), e.CallRuntime("sj_float_floordiv", x, y));
        });
        AddUFunc(new[] { "remainder", "mod" }, 2, NpLoops.Real, NpBoolInput.Int8, (c, loop, a) =>
            loop.Rank == 1 ? NpIntDivision(c.E, Operator.Mod, a[0], a[1], loop.IsUnsigned) : Arith.FloatMod(c.E, a[0], a[1]));
        AddUFunc(new[] { "fmod" }, 2, NpLoops.Real, NpBoolInput.Int8, (c, loop, a) =>
        {
            var e = c.E;
            if (loop.Rank == 2) return BuildFRem(e.B, a[0], a[1], "");
            // C's %, with 0 for a zero divisor; x % -1 is 0 (and INT64_MIN % -1 must not trap).
            var M = e.M; var y = a[1];
            if (loop.IsUnsigned) return NpIntDivision(e, Operator.Mod, a[0], y, unsigned: true);
            var trivial = BuildOr(e.B, ICmp(e, LLVMIntPredicate.LLVMIntEQ, y, M.ConstI64(0)), ICmp(e, LLVMIntPredicate.LLVMIntEQ, y, M.ConstI64(-1)), "");
            return BuildSRem(e.B, a[0], Select(e, trivial, M.ConstI64(1), y), "");
        });

        AddUFunc(new[] { "power" }, 2, NpLoops.Number, NpBoolInput.Int8, (c, loop, a) => NpPower(c, loop, a[0], a[1]),
            // only integers to a negative integer power raise (ValueError)
            mayRaise: sig => sig.Args.All(a => a is ScalarType { Rank: <= 1 }) && sig.LiteralInt(1) is null or < 0);
        AddUFunc(new[] { "float_power" }, 2, NpLoops.Inexact, NpBoolInput.AsInt, (c, loop, a) => NpPower(c, loop, a[0], a[1]));

        foreach (var (name, max, ignoreNan) in new[] { ("maximum", true, false), ("minimum", false, false), ("fmax", true, true), ("fmin", false, true) })
            AddUFunc(new[] { name }, 2, NpLoops.All, NpBoolInput.AsInt, (c, loop, a) => NpMinMax(c.E, loop, a[0], a[1], max, ignoreNan));

        foreach (var (name, helper) in new[] { ("gcd", "sj_np_gcd"), ("lcm", "sj_np_lcm") })
            AddUFunc(new[] { name }, 2, NpLoops.Int, NpBoolInput.TypeError, (c, loop, a) => c.E.CallRuntime(loop.IsUnsigned ? helper + "_u64" : helper, a[0], a[1]));

        // Bitwise ufuncs: bool and integer loops (on bools they are the logical operations).
        foreach (var (name, build) in new (string, Func<LLVMBuilderRef, LLVMValueRef, LLVMValueRef, LLVMValueRef>)[]
        {
            ("bitwise_and", (B, x, y) => BuildAnd(B, x, y, "")), ("bitwise_or", (B, x, y) => BuildOr(B, x, y, "")),
            ("bitwise_xor", (B, x, y) => BuildXor(B, x, y, "")),
        })
            AddUFunc(new[] { name }, 2, NpLoops.Bool | NpLoops.Int, NpBoolInput.TypeError, (c, loop, a) => build(c.E.B, a[0], a[1]));
        AddUFunc(new[] { "invert", "bitwise_not" }, 1, NpLoops.Bool | NpLoops.Int, NpBoolInput.TypeError, (c, loop, a) => BuildNot(c.E.B, a[0], ""));
        foreach (var left in new[] { true, false })
            AddUFunc(new[] { left ? "left_shift" : "right_shift" }, 2, NpLoops.Int, NpBoolInput.Int8, (c, loop, a) => NpShift(c.E, loop, a[0], a[1], left));

        // Logical ufuncs: the truth of each argument in its loop's type (NaN is true, as in C), a bool result.
        foreach (var (name, build) in new (string, Func<LLVMBuilderRef, LLVMValueRef, LLVMValueRef, LLVMValueRef>)[]
        {
            ("logical_and", (B, x, y) => BuildAnd(B, x, y, "")), ("logical_or", (B, x, y) => BuildOr(B, x, y, "")),
            ("logical_xor", (B, x, y) => BuildXor(B, x, y, "")),
        })
            AddUFunc(new[] { name }, 2, NpLoops.All, NpBoolInput.AsInt, (c, loop, a) => build(c.E.B, c.E.Truth(a[0], loop), c.E.Truth(a[1], loop)),
                output: _ => ScalarType.Bool);
        AddUFunc(new[] { "logical_not" }, 1, NpLoops.All, NpBoolInput.AsInt, (c, loop, a) => BuildNot(c.E.B, c.E.Truth(a[0], loop), ""),
            output: _ => ScalarType.Bool);
    }

    /// <summary>NumPy's shifts (npy_lshift, npy_rshift): a count outside 0..63, negative included, shifts every bit
    /// out (0, or -1 for a negative signed value shifted right) where Python raises or grows the integer.</summary>
    private static LLVMValueRef NpShift(FunctionEmitter e, ScalarType loop, LLVMValueRef x, LLVMValueRef count, bool left)
    {
        var B = e.B; var M = e.M;
        var inRange = ICmp(e, LLVMIntPredicate.LLVMIntULT, count, M.ConstI64(64));
        if (left) return Select(e, inRange, BuildShl(B, x, count, ""), M.ConstI64(0));
        if (loop.IsUnsigned) return Select(e, inRange, BuildLShr(B, x, count, ""), M.ConstI64(0));
        return Select(e, inRange, BuildAShr(B, x, count, ""), BuildAShr(B, x, M.ConstI64(63), ""));
    }

    /// <summary>NumPy's int64 floor_divide and remainder: Python's signs, 0 for a zero divisor, INT64_MIN // -1 wraps.</summary>
    private static LLVMValueRef NpIntDivision(FunctionEmitter e, Operator op, LLVMValueRef x, LLVMValueRef y, bool unsigned = false)
    {
        var zero = e.M.ConstI64(0);
        var byZero = ICmp(e, LLVMIntPredicate.LLVMIntEQ, y, zero);
        var divisor = Select(e, byZero, e.M.ConstI64(1), y);
        var r = unsigned ? (op == Operator.Mod ? BuildURem(e.B, x, divisor, "") : BuildUDiv(e.B, x, divisor, ""))
            : Arith.IntFloorDivMod(e, op, x, divisor);
        return Select(e, byZero, zero, r);
    }

    /// <summary>Whether llvm.pow with this exponent becomes exact plain arithmetic (LLVM's pow folds: x ** 0, 1, 2, -1,
    /// 0.5 as sqrt).</summary>
    private static bool FoldedExponent(LoweringCall c) =>
        c.Args.Length > 1 && c.Args[1].Literal switch { long n => n is 0 or 1 or 2 or -1, double v => v is 0.0 or 1.0 or 2.0 or -1.0 or 0.5, _ => false };

    private static LLVMValueRef NpPower(LoweringCall c, ScalarType loop, LLVMValueRef x, LLVMValueRef y)
    {
        var e = c.E;
        switch (loop.Rank)
        {
            case 1:
                if (!loop.IsUnsigned)
                    e.RaiseIf(ICmp(e, LLVMIntPredicate.LLVMIntSLT, y, e.M.ConstI64(0)), "ValueError", "Integers to negative integer powers are not allowed.", c.Span);
                return e.CallRuntime(loop.IsUnsigned ? "sj_ipow_u64" : "sj_ipow", x, y);
            // In an array's loop, libm's pow with libmvec's vector variants (NumPy's power loop is SIMD code too),
            // except for the exponents LLVM folds exactly (x ** 2 is x * x: through libmvec it was 30x slower).
            case 2: return e.InArrayLoop && !FoldedExponent(c) ? UFuncLibm(c, "pow", new[] { x, y }) : e.Pow(e.M.F64, x, y);
            default:
            {
                var (xr, xi) = Parts(e, x); var (yr, yi) = Parts(e, y);
                var slot = e.Alloca(e.M.Complex);
                e.CallRuntime(Equals(c.ResultType, ScalarType.Complex64) ? "sj_np_cpowf" : "sj_np_cpow", xr, xi, yr, yi, slot);
                return BuildLoad2(e.B, e.M.Complex, slot, "");
            }
        }
    }

    /// <summary>maximum/minimum propagate NaN, fmax/fmin ignore it; equal floats (0.0 and -0.0) give the second
    /// argument as NumPy's loops do; complex numbers compare lexicographically.</summary>
    private static LLVMValueRef NpMinMax(FunctionEmitter e, ScalarType loop, LLVMValueRef x, LLVMValueRef y, bool max, bool ignoreNan)
    {
        var B = e.B;
        switch (loop.Rank)
        {
            case 0: return max ? BuildOr(B, x, y, "") : BuildAnd(B, x, y, "");
            case 1:
                var order = (max, loop.IsUnsigned) switch
                {
                    (true, false) => LLVMIntPredicate.LLVMIntSGT, (false, false) => LLVMIntPredicate.LLVMIntSLT,
                    (true, true) => LLVMIntPredicate.LLVMIntUGT, (false, true) => LLVMIntPredicate.LLVMIntULT,
                };
                return Select(e, ICmp(e, order, x, y), x, y);
            case 2:
            {
                var pick = Select(e, FCmp(e, max ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT, x, y), x, y);
                return ignoreNan ? Select(e, IsNan(e, y), x, pick) : Select(e, IsNan(e, x), x, pick);
            }
            default:
            {
                var (xr, xi) = Parts(e, x); var (yr, yi) = Parts(e, y);
                var nanSide = ignoreNan ? BuildOr(B, IsNan(e, yr), IsNan(e, yi), "") : BuildOr(B, IsNan(e, xr), IsNan(e, xi), "");
                var keepFirst = BuildOr(B, nanSide, NpComplexCompare(e, x, y, greater: max, orEqual: true), "");
                return Select(e, keepFirst, x, y);
            }
        }
    }

    /// <summary>NumPy's complex order: by real part unless an imaginary part is NaN, then by imaginary part.</summary>
    private static LLVMValueRef NpComplexCompare(FunctionEmitter e, LLVMValueRef x, LLVMValueRef y, bool greater, bool orEqual)
    {
        var B = e.B;
        var (xr, xi) = Parts(e, x); var (yr, yi) = Parts(e, y);
        var strict = greater ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT;
        var imagPred = orEqual ? (greater ? LLVMRealPredicate.LLVMRealOGE : LLVMRealPredicate.LLVMRealOLE) : strict;
        var byReal = BuildAnd(B, FCmp(e, strict, xr, yr), BuildNot(B, BuildOr(B, IsNan(e, xi), IsNan(e, yi), ""), ""), "");
        var byImag = BuildAnd(B, FCmp(e, LLVMRealPredicate.LLVMRealOEQ, xr, yr), FCmp(e, imagPred, xi, yi), "");
        return BuildOr(B, byReal, byImag, "");
    }

    private static LLVMValueRef NpComplexEqual(FunctionEmitter e, LLVMValueRef x, LLVMValueRef y)
    {
        var (xr, xi) = Parts(e, x); var (yr, yi) = Parts(e, y);
        return BuildAnd(e.B, FCmp(e, LLVMRealPredicate.LLVMRealOEQ, xr, yr), FCmp(e, LLVMRealPredicate.LLVMRealOEQ, xi, yi), "");
    }

    /// <summary>NumPy's complex64 loop of a compound operation (* and /): computed in single precision, each step
    /// rounded to float32 (in double it would round once, and overflow differently); the parts come and go as
    /// complex128.</summary>
    internal static LLVMValueRef NpComplex64(FunctionEmitter e, LLVMValueRef x, LLVMValueRef y,
        Func<FunctionEmitter, (LLVMValueRef, LLVMValueRef), (LLVMValueRef, LLVMValueRef), LLVMTypeRef, (LLVMValueRef, LLVMValueRef)> op)
    {
        var B = e.B; var M = e.M;
        (LLVMValueRef, LLVMValueRef) Narrow(LLVMValueRef z) => (BuildFPTrunc(B, e.ExtractValue(z, 0), M.F32, ""), BuildFPTrunc(B, e.ExtractValue(z, 1), M.F32, ""));
        var (re, im) = op(e, Narrow(x), Narrow(y), M.F32);
        return e.MakeComplex(BuildFPExt(B, re, M.F64, ""), BuildFPExt(B, im, M.F64, ""));
    }

    /// <summary>NumPy's complex product: the schoolbook formula.</summary>
    internal static (LLVMValueRef, LLVMValueRef) NpComplexMul(FunctionEmitter e, (LLVMValueRef, LLVMValueRef) x, (LLVMValueRef, LLVMValueRef) y, LLVMTypeRef part)
    {
        var B = e.B;
        var ((ar, ai), (br, bi)) = (x, y);
        return (BuildFSub(B, BuildFMul(B, ar, br, ""), BuildFMul(B, ai, bi, ""), ""), BuildFAdd(B, BuildFMul(B, ar, bi, ""), BuildFMul(B, ai, br, ""), ""));
    }

    private static LLVMValueRef NpComplexDiv(FunctionEmitter e, LLVMValueRef x, LLVMValueRef y)
    {
        var (re, im) = NpComplexDiv(e, Parts(e, x), Parts(e, y), e.M.F64);
        return e.MakeComplex(re, im);
    }

    /// <summary>NumPy's complex division: Smith's method with a reciprocal scale (Python divides instead, so results
    /// can differ in the last bit); a zero divisor gives the parts divided by zero.</summary>
    internal static (LLVMValueRef, LLVMValueRef) NpComplexDiv(FunctionEmitter e, (LLVMValueRef, LLVMValueRef) x, (LLVMValueRef, LLVMValueRef) y, LLVMTypeRef part)
    {
        var B = e.B; var M = e.M;
        var ((ar, ai), (br, bi)) = (x, y);
        var absBr = e.Intrinsic("llvm.fabs", new[] { part }, br); var absBi = e.Intrinsic("llvm.fabs", new[] { part }, bi);
        LLVMValueRef Mul(LLVMValueRef p, LLVMValueRef q) => BuildFMul(B, p, q, "");
        LLVMValueRef Add(LLVMValueRef p, LLVMValueRef q) => BuildFAdd(B, p, q, "");
        LLVMValueRef Sub(LLVMValueRef p, LLVMValueRef q) => BuildFSub(B, p, q, "");
        LLVMValueRef Div(LLVMValueRef p, LLVMValueRef q) => BuildFDiv(B, p, q, "");
        var one = ConstReal(part, 1); var zeroF = ConstReal(part, 0);
        // |br| >= |bi|: rat = bi/br, scl = 1/(br + bi*rat)
        var rat1 = Div(bi, br); var scl1 = Div(one, Add(br, Mul(bi, rat1)));
        var re1 = Mul(Add(ar, Mul(ai, rat1)), scl1); var im1 = Mul(Sub(ai, Mul(ar, rat1)), scl1);
        // otherwise: rat = br/bi, scl = 1/(bi + br*rat)
        var rat2 = Div(br, bi); var scl2 = Div(one, Add(bi, Mul(br, rat2)));
        var re2 = Mul(Add(Mul(ar, rat2), ai), scl2); var im2 = Mul(Sub(Mul(ai, rat2), ar), scl2);
        var realDominates = FCmp(e, LLVMRealPredicate.LLVMRealOGE, absBr, absBi);
        var zero = BuildAnd(B, FCmp(e, LLVMRealPredicate.LLVMRealOEQ, absBr, zeroF), FCmp(e, LLVMRealPredicate.LLVMRealOEQ, absBi, zeroF), "");
        var re = Select(e, realDominates, Select(e, zero, Div(ar, absBr), re1), re2);
        var im = Select(e, realDominates, Select(e, zero, Div(ai, absBi), im1), im2);
        return (re, im);
    }

    // ------------------------------------------------------------ round

    /// <summary>np.round / np.around (x, decimals=0): NumPy multiplies by 10**decimals, rounds half to even and divides
    /// back (ints stay ints, complex numbers round each part).</summary>
    private static void RegisterNumPyRound()
    {
        foreach (var name in new[] { "round", "around", "round_" })
            Add("numpy." + name, c =>
            {
                Arity(c, name, 1, 2, "decimals");
                if (c.Positional[0].Type is not ScalarType t) throw c.ErrorAt(c.Positional[0], $"numpy.{name} of a {TypeOps.PyName(c.Positional[0].Type)} is not supported in compiled code");
                if (NpDecimals(c.Positional.Length > 1 ? c.Positional[1] : c.Keywords.GetValueOrDefault("decimals")) is { Type: var dt } && dt is not ScalarType { Rank: <= 1 })
                    throw c.Error($"'{TypeOps.PyName(dt)}' object cannot be interpreted as an integer");
                if (t.Rank == 0) throw c.Error($"numpy.{name} of a bool gives a float16 in NumPy, a type compiled code does not have", "convert the argument with float() first");
                return t;
            }, c =>
            {
                var e = c.E; var t = (ScalarType)c.ArgType(0); var x = c.Arg(0);
                var d = NpDecimals(c.Args.Length > 1 ? c.Args[1] : c.Keywords.GetValueOrDefault("decimals"));
                if (d == null)
                    return t.Rank switch
                    {
                        1 => x,
                        2 => F64Call(e, "llvm.roundeven", x),
                        _ => e.MakeComplex(F64Call(e, "llvm.roundeven", e.ExtractValue(x, 0)), F64Call(e, "llvm.roundeven", e.ExtractValue(x, 1))),
                    };
                var digits = e.Convert(d.Value, d.Type, ScalarType.Int64);
                return t.Rank switch
                {
                    1 => e.CallRuntime("sj_np_round_int", x, digits),
                    2 => e.CallRuntime("sj_np_round", x, digits),
                    _ => e.MakeComplex(e.CallRuntime("sj_np_round", e.ExtractValue(x, 0), digits), e.CallRuntime("sj_np_round", e.ExtractValue(x, 1), digits)),
                };
            }, neverRaises: true);
    }

    /// <summary>The decimals argument, unless absent or None.</summary>
    private static TypedArg? NpDecimals(TypedArg? v) => v == null || v.Type == SimpleType.None ? null : v;
    private static LoweredArg? NpDecimals(LoweredArg? v) => v == null || v.Type == SimpleType.None ? null : v;
}
