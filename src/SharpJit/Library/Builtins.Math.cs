using System.Numerics;
using SharpJit.Codegen;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>The math and cmath modules: libm and LLVM intrinsics where they match CPython, C# helpers elsewhere.</summary>
public static unsafe partial class Builtins
{
    /// <summary>One-argument float functions checked like CPython's math_1: NaN from non-NaN is a domain error,
    /// infinity from a finite input is a range error (OverflowError) when the function can overflow.</summary>
    private static readonly (string Name, string Libm, bool CanOverflow)[] Math1 =
    {
        ("acos", "acos", false), ("acosh", "acosh", false), ("asin", "asin", false), ("asinh", "asinh", false),
        ("atan", "atan", false), ("atanh", "atanh", false), ("cbrt", "cbrt", false), ("cos", "cos", false),
        ("cosh", "cosh", true), ("erf", "erf", false), ("erfc", "erfc", false), ("exp", "exp", true), ("exp2", "exp2", true),
        ("expm1", "expm1", true), ("fabs", "fabs", false), ("log1p", "log1p", false), ("log2", "log2", false),
        ("log10", "log10", false), ("sin", "sin", false), ("sinh", "sinh", true), ("sqrt", "sqrt", false),
        ("tan", "tan", false), ("tanh", "tanh", false),
    };

    /// <summary>Math1 functions defined (and finite) for every finite input: CPython's checks can never fire.</summary>
    private static readonly HashSet<string> TotalMath1 = new() { "fabs", "atan", "erf", "erfc", "tanh", "asinh", "cbrt" };

    /// <summary>Math1 functions whose only failure is an infinite argument (a NaN result from a non-NaN one).</summary>
    private static readonly HashSet<string> PeriodicMath1 = new() { "sin", "cos" };

    /// <summary>Two-argument float functions checked like CPython's math_2.</summary>
    private static readonly (string Name, string Libm)[] Math2 =
    {
        ("atan2", "atan2"), ("copysign", "copysign"), ("fmod", "fmod"), ("remainder", "remainder"), ("nextafter", "nextafter"),
    };

    /// <summary>Functions implemented in C# with CPython's exact error behaviour: the names of Runtime.MathBridge's
    /// tables, whose index is the id the helper receives.</summary>
    public static readonly string[] BridgedUnary = SharpJit.Runtime.MathBridge.Unary.Select(f => f.Name).ToArray();
    public static readonly string[] BridgedInt1 = SharpJit.Runtime.MathBridge.IntUnary.Select(f => f.Name).ToArray();
    public static readonly string[] BridgedInt2 = SharpJit.Runtime.MathBridge.IntBinary.Select(f => f.Name).ToArray();
    public static readonly string[] CMathUnary = SharpJit.Runtime.MathBridge.CMathUnary.Select(f => f.Name).ToArray();

    private static readonly Dictionary<string, string> Intrinsics = new() { ["sqrt"] = "llvm.sqrt", ["fabs"] = "llvm.fabs" };

    private static void RegisterMath()
    {
        Registry["math.pi"] = new LibConstant(Math.PI);
        Registry["math.e"] = new LibConstant(Math.E);
        Registry["math.tau"] = new LibConstant(Math.Tau);
        Registry["math.inf"] = new LibConstant(double.PositiveInfinity);
        Registry["math.nan"] = new LibConstant(PositiveNaN);

        foreach (var (name, libm, canOverflow) in Math1)
            Add("math." + name, c => { Arity(c, name, 1, 1); RealArg(c, name, 0); return ScalarType.Float64; }, c =>
            {
                var e = c.E; var x = ToFloat(c, 0);
                // sin and cos fail only for an infinite x: checked before the call, so that sin(x) and cos(x) of one x
                // share a block once LLVM drops the second check, and become one sincos call.
                if (PeriodicMath1.Contains(name) && !e.NumPyErrorModel)
                    e.CheckValue(BuildFCmp(e.B, LLVMRealPredicate.LLVMRealOEQ, e.Intrinsic("llvm.fabs", new[] { e.M.F64 }, x), e.M.ConstF64(double.PositiveInfinity), ""),
                        "ValueError", "math domain error", c.Span);
                var r = Intrinsics.TryGetValue(name, out var intr) ? e.Intrinsic(intr, new[] { e.M.F64 }, x) : e.CallPureLibm(libm, x);
                // These are total on the reals (no NaN from a non-NaN, no overflow): nothing to check, and
                // RaiseAnalysis counts on that.
                if (!TotalMath1.Contains(name) && !PeriodicMath1.Contains(name) && !RuledOut(name, x)) CheckMath1(e, x, r, canOverflow, c.Span);
                return r;
            }, neverRaises: TotalMath1.Contains(name));

        foreach (var (name, libm) in Math2)
            Add("math." + name, c => { Arity(c, name, 2, 2); RealArg(c, name, 0); RealArg(c, name, 1); return ScalarType.Float64; }, c =>
            {
                var e = c.E; var x = ToFloat(c, 0); var y = ToFloat(c, 1);
                var r = e.CallLibm(libm, x, y);
                if (name is not ("copysign" or "nextafter" or "atan2")) CheckMath2(e, x, y, r, c.Span);
                return r;
            }, neverRaises: name is "copysign" or "nextafter" or "atan2");

        Add("math.pow", c => { Arity(c, "pow", 2, 2); RealArg(c, "pow", 0); RealArg(c, "pow", 1); return ScalarType.Float64; }, c =>
        {
            var e = c.E; var B = e.B; var x = ToFloat(c, 0); var y = ToFloat(c, 1);
            var r = e.Pow(e.M.F64, x, y);
            if (e.NumPyErrorModel) return r;
            RaiseMathError(e, r, () =>
            {
                var inputsNotNan = BuildAnd(B, BuildNot(B, IsNan(e, x), ""), BuildNot(B, IsNan(e, y), ""), "");
                var nanResult = BuildAnd(B, IsNan(e, r), inputsNotNan, "");
                var infResult = BuildAnd(B, IsInf(e, r), BuildAnd(B, IsFinite(e, x), IsFinite(e, y), ""), "");
                // An infinite power of a finite zero base is 0.0 ** negative: a domain error, not a range error.
                var zeroBase = BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, x, e.M.ConstF64(0), "");
                return (BuildOr(B, nanResult, BuildAnd(B, infResult, zeroBase, ""), ""), infResult);
            }, c.Span);
            return r;
        });

        Add("math.log", c =>
        {
            Arity(c, "log", 1, 2);
            RealArg(c, "log", 0); if (c.Positional.Length > 1) RealArg(c, "log", 1);
            return ScalarType.Float64;
        }, c =>
        {
            var e = c.E;
            var lx = CheckedLog(e, ToFloat(c, 0), c.Span);
            if (c.Args.Length == 1) return lx;
            var lb = CheckedLog(e, ToFloat(c, 1), c.Span);
            e.CheckValue(BuildFCmp(e.B, LLVMRealPredicate.LLVMRealOEQ, lb, e.M.ConstF64(0), ""), "ZeroDivisionError", "float division by zero", c.Span);
            return BuildFDiv(e.B, lx, lb, "");
        });

        foreach (var (name, intr) in new[] { ("floor", "llvm.floor"), ("ceil", "llvm.ceil"), ("trunc", "llvm.trunc") })
            Add("math." + name, c => { Arity(c, name, 1, 1); RealArg(c, name, 0); return ScalarType.Int64; }, c =>
            {
                if (c.ArgType(0) is ScalarType { Rank: <= 1 }) return ToInt(c, 0);
                return FloatToInt(c.E, c.E.Intrinsic(intr, new[] { c.E.M.F64 }, c.Arg(0)), c.Span);
            });

        foreach (var (name, pred) in new[] { ("isnan", 0), ("isinf", 1), ("isfinite", 2) })
            Add("math." + name, c => { Arity(c, name, 1, 1); RealArg(c, name, 0); return ScalarType.Bool; }, c =>
            {
                var x = ToFloat(c, 0);
                return pred switch { 0 => IsNan(c.E, x), 1 => IsInf(c.E, x), _ => IsFinite(c.E, x) };
            }, neverRaises: true);

        Add("math.degrees", c => { Arity(c, "degrees", 1, 1); RealArg(c, "degrees", 0); return ScalarType.Float64; },
            c => BuildFMul(c.E.B, ToFloat(c, 0), c.E.M.ConstF64(180.0 / Math.PI), ""), neverRaises: true);
        Add("math.radians", c => { Arity(c, "radians", 1, 1); RealArg(c, "radians", 0); return ScalarType.Float64; },
            c => BuildFMul(c.E.B, ToFloat(c, 0), c.E.M.ConstF64(Math.PI / 180.0), ""), neverRaises: true);

        Add("math.hypot", c =>
        {
            for (int k = 0; k < c.Positional.Length; k++) RealArg(c, "hypot", k);
            if (c.Keywords.Count > 0) throw c.Error("hypot() takes no keyword arguments");
            return ScalarType.Float64;
        }, c =>
        {
            var e = c.E;
            if (c.Args.Length == 0) return e.M.ConstF64(0);
            if (c.Args.Length == 1) return e.Intrinsic("llvm.fabs", new[] { e.M.F64 }, ToFloat(c, 0));
            // CPython 3.10+ computes every hypot, two arguments included, with its own vector_norm (which differs from
            // libm's hypot in the last bit for about 0.6% of pairs: fuzz-5); it overflows to inf without raising.
            return BridgeArray(e, "hypot", Enumerable.Range(0, c.Args.Length).Select(k => ToFloat(c, k)).ToArray(), c.Span);
        });

        Add("math.dist", c =>
        {
            Arity(c, "dist", 2, 2);
            TupleItemsType(c, "dist", 0); TupleItemsType(c, "dist", 1);
            if (((TupleType)c.Positional[0].Type).Items.Length != ((TupleType)c.Positional[1].Type).Items.Length)
                throw c.Error("both points must have the same number of dimensions");
            return ScalarType.Float64;
        }, c =>
        {
            var e = c.E;
            var p = TupleItems(c, 0, ScalarType.Float64); var q = TupleItems(c, 1, ScalarType.Float64);
            var diffs = p.Zip(q).Select(pq => e.Intrinsic("llvm.fabs", new[] { e.M.F64 }, BuildFSub(e.B, pq.First, pq.Second, ""))).ToArray();
            return BridgeArray(e, "hypot", diffs, c.Span);
        });

        Add("math.fsum", c => { Arity(c, "fsum", 1, 1); TupleItemsType(c, "fsum", 0); return ScalarType.Float64; },
            c => BridgeArray(c.E, "fsum", TupleItems(c, 0, ScalarType.Float64), c.Span));

        Add("math.prod", c =>
        {
            Arity(c, "prod", 1, 1, "start");
            var t = TupleItemsType(c, "prod", 0);
            var start = c.Keywords.TryGetValue("start", out var s) ? s.Type : ScalarType.Int64;
            var r = TypeOps.Unify(t, start)!;
            return r is ScalarType { Rank: 0 } ? ScalarType.Int64 : r;
        }, c =>
        {
            var e = c.E; var rt = c.ResultType;
            var acc = c.Keywords.TryGetValue("start", out var s) ? e.Convert(s.Value, s.Type, rt) : e.Convert(e.M.ConstI64(1), ScalarType.Int64, rt);
            foreach (var item in TupleItems(c, 0, rt)) acc = Arith.LowerBinOp(e, c.Span, SharpJit.Syntax.Operator.Mult, acc, rt, item, rt, rt);
            return acc;
        }, neverRaises: true);

        Add("math.isclose", c =>
        {
            Arity(c, "isclose", 2, 2, "rel_tol", "abs_tol");
            RealArg(c, "isclose", 0); RealArg(c, "isclose", 1);
            foreach (var v in c.Keywords.Values) if (v.Type is not ScalarType { Rank: < 3 }) throw c.ErrorAt(v, "tolerances must be real numbers");
            return ScalarType.Bool;
        }, c =>
        {
            var e = c.E;
            LLVMValueRef Kw(string k, double d) => c.Keywords.TryGetValue(k, out var v) ? e.Convert(v.Value, v.Type, ScalarType.Float64) : e.M.ConstF64(d);
            var slot = e.Alloca(e.M.I64);
            e.CallChecked("sj_math_isclose", c.Span, ToFloat(c, 0), ToFloat(c, 1), Kw("rel_tol", 1e-9), Kw("abs_tol", 0.0), slot);
            return BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, BuildLoad2(e.B, e.M.I64, slot, ""), e.M.ConstI64(0), "");
        });

        Add("math.ldexp", c =>
        {
            Arity(c, "ldexp", 2, 2); RealArg(c, "ldexp", 0);
            if (c.Positional[1].Type is not ScalarType { Rank: <= 1 }) throw c.ErrorAt(c.Positional[1], "Expected an int as second argument to ldexp.");
            return ScalarType.Float64;
        }, c =>
        {
            var e = c.E; var slot = e.Alloca(e.M.F64);
            e.CallChecked("sj_math_ldexp", c.Span, ToFloat(c, 0), ToInt(c, 1), slot);
            return BuildLoad2(e.B, e.M.F64, slot, "");
        });

        Add("math.frexp", c => { Arity(c, "frexp", 1, 1); RealArg(c, "frexp", 0); return new TupleType(new SjType[] { ScalarType.Float64, ScalarType.Int64 }); }, c =>
        {
            var e = c.E; var m = e.Alloca(e.M.F64); var ex = e.Alloca(e.M.I64);
            e.CallRuntime("sj_math_frexp", ToFloat(c, 0), m, ex);
            return e.MakeStruct(e.M.Lower(c.ResultType), BuildLoad2(e.B, e.M.F64, m, ""), BuildLoad2(e.B, e.M.I64, ex, ""));
        }, neverRaises: true);

        Add("math.modf", c => { Arity(c, "modf", 1, 1); RealArg(c, "modf", 0); return new TupleType(new SjType[] { ScalarType.Float64, ScalarType.Float64 }); }, c =>
        {
            var e = c.E; var f = e.Alloca(e.M.F64); var i = e.Alloca(e.M.F64);
            e.CallRuntime("sj_math_modf", ToFloat(c, 0), f, i);
            return e.MakeStruct(e.M.Lower(c.ResultType), BuildLoad2(e.B, e.M.F64, f, ""), BuildLoad2(e.B, e.M.F64, i, ""));
        }, neverRaises: true);

        for (int id = 0; id < BridgedUnary.Length; id++)
        {
            string name = BridgedUnary[id]; int fid = id;
            Add("math." + name, c => { Arity(c, name, 1, 1); RealArg(c, name, 0); return ScalarType.Float64; }, c =>
            {
                var e = c.E; var slot = e.Alloca(e.M.F64);
                e.CallChecked("sj_math1", c.Span, LLVM.ConstInt(e.M.I32, fid), ToFloat(c, 0), slot);
                return BuildLoad2(e.B, e.M.F64, slot, "");
            });
        }
        for (int id = 0; id < BridgedInt1.Length; id++)
        {
            string name = BridgedInt1[id]; int fid = id;
            Add("math." + name, c => { Arity(c, name, 1, 1); IntArg(c, name, 0); return ScalarType.Int64; }, c =>
            {
                var e = c.E; var slot = e.Alloca(e.M.I64);
                e.CallChecked("sj_math_int1", c.Span, LLVM.ConstInt(e.M.I32, fid), ToInt(c, 0), slot);
                return BuildLoad2(e.B, e.M.I64, slot, "");
            });
        }
        for (int id = 0; id < BridgedInt2.Length; id++)
        {
            string name = BridgedInt2[id]; int fid = id;
            bool variadic = name is "gcd" or "lcm";
            Add("math." + name, c =>
            {
                if (variadic) { if (c.Keywords.Count > 0) throw c.Error($"{name}() takes no keyword arguments"); }
                else Arity(c, name, name == "perm" ? 1 : 2, 2);
                for (int k = 0; k < c.Positional.Length; k++) IntArg(c, name, k);
                return ScalarType.Int64;
            }, c =>
            {
                var e = c.E;
                if (variadic && c.Args.Length == 0) return e.M.ConstI64(name == "gcd" ? 0 : 1);
                if (name == "perm" && c.Args.Length == 1)
                {
                    var s1 = e.Alloca(e.M.I64);
                    e.CallChecked("sj_math_int1", c.Span, LLVM.ConstInt(e.M.I32, Array.IndexOf(BridgedInt1, "factorial")), ToInt(c, 0), s1);
                    return BuildLoad2(e.B, e.M.I64, s1, "");
                }
                var acc = ToInt(c, 0);
                if (variadic && c.Args.Length == 1) return e.CallRuntime("sj_iabs", acc);
                var slot = e.Alloca(e.M.I64);
                for (int k = 1; k < c.Args.Length; k++)
                {
                    e.CallChecked("sj_math_int2", c.Span, LLVM.ConstInt(e.M.I32, fid), acc, ToInt(c, k), slot);
                    acc = BuildLoad2(e.B, e.M.I64, slot, "");
                }
                return acc;
            });
        }
    }

    /// <summary>The argument's form rules out an error (<see cref="FloatFacts"/>): the square root of a value never
    /// below zero, exp of one never above zero (at most 1; NaN only from NaN).</summary>
    private static bool RuledOut(string name, LLVMValueRef x) =>
        (name == "sqrt" && FloatFacts.NonNegative(x)) || (name == "exp" && FloatFacts.NonPositive(x));

    private static LLVMValueRef CheckedLog(FunctionEmitter e, LLVMValueRef x, Diagnostics.Span span)
    {
        if (!e.NumPyErrorModel && !FloatFacts.Positive(x))
            e.CheckValue(BuildFCmp(e.B, LLVMRealPredicate.LLVMRealOLE, x, e.M.ConstF64(0), ""), "ValueError", "math domain error", span);
        return e.CallLibm("log", x);
    }

    /// <summary>CPython's checks on a math result: a NaN from non-NaN arguments is a domain error, an infinity from
    /// finite ones a range error (a domain error for functions that cannot overflow). The common finite result costs one
    /// comparison (<see cref="FunctionEmitter.CheckValue(LLVMValueRef, Func{LLVMValueRef}, Action, Diagnostics.Span)"/>);
    /// under NumPy's error model there are none (Numba's math functions give IEEE results: math.sqrt(-1.0) is nan).</summary>
    private static void CheckMath1(FunctionEmitter e, LLVMValueRef x, LLVMValueRef r, bool canOverflow, Diagnostics.Span span)
    {
        if (e.NumPyErrorModel) return;
        var B = e.B;
        RaiseMathError(e, r, () =>
        {
            var domain = BuildAnd(B, IsNan(e, r), BuildNot(B, IsNan(e, x), ""), "");
            var overflow = BuildAnd(B, IsInf(e, r), IsFinite(e, x), "");
            if (!canOverflow) (domain, overflow) = (BuildOr(B, domain, overflow, ""), e.M.ConstBool(false));
            return (domain, overflow);
        }, span);
    }

    private static void CheckMath2(FunctionEmitter e, LLVMValueRef x, LLVMValueRef y, LLVMValueRef r, Diagnostics.Span span)
    {
        if (e.NumPyErrorModel) return;
        var B = e.B;
        RaiseMathError(e, r, () =>
        {
            var inputsNotNan = BuildAnd(B, BuildNot(B, IsNan(e, x), ""), BuildNot(B, IsNan(e, y), ""), "");
            return (BuildAnd(B, IsNan(e, r), inputsNotNan, ""), BuildAnd(B, IsInf(e, r), BuildAnd(B, IsFinite(e, x), IsFinite(e, y), ""), ""));
        }, span);
    }

    /// <summary>Where the result r is not finite: ValueError("math domain error") when domain is true, else
    /// OverflowError("math range error") when overflow is (both computed by errors(), off the common path).</summary>
    private static void RaiseMathError(FunctionEmitter e, LLVMValueRef r, Func<(LLVMValueRef Domain, LLVMValueRef Overflow)> errors, Diagnostics.Span span)
    {
        var B = e.B;
        LLVMValueRef domain = default;
        var notFinite = BuildFCmp(B, LLVMRealPredicate.LLVMRealUGE, e.Intrinsic("llvm.fabs", new[] { e.M.F64 }, r), e.M.ConstF64(double.PositiveInfinity), "");
        e.CheckValue(notFinite, () =>
        {
            var (d, overflow) = errors();
            domain = d;
            return BuildOr(B, d, overflow, "");
        }, () => e.CallRuntime("sj_raise",
            BuildSelect(B, domain, e.M.ConstString("ValueError"), e.M.ConstString("OverflowError"), ""),
            BuildSelect(B, domain, e.M.ConstString("math domain error"), e.M.ConstString("math range error"), "")), span);
    }

    /// <summary>Calls a C# helper over an array of doubles: i32 sj_math_array(i32 which, ptr items, i64 n, ptr out).</summary>
    private static LLVMValueRef BridgeArray(FunctionEmitter e, string which, LLVMValueRef[] items, Diagnostics.Span span)
    {
        var arrTy = ArrayType2(e.M.F64, (ulong)Math.Max(items.Length, 1));
        var arr = e.Alloca(arrTy);
        for (int k = 0; k < items.Length; k++)
            BuildStore(e.B, items[k], BuildInBoundsGEP2(e.B, arrTy, arr, new[] { e.M.ConstI64(0), e.M.ConstI64(k) }, ""));
        var slot = e.Alloca(e.M.F64);
        e.CallChecked("sj_math_array", span, LLVM.ConstInt(e.M.I32, which == "fsum" ? 0 : 1), arr, e.M.ConstI64(items.Length), slot);
        return BuildLoad2(e.B, e.M.F64, slot, "");
    }

    // ------------------------------------------------------------ cmath

    private static void RegisterCMath()
    {
        Registry["cmath.pi"] = new LibConstant(Math.PI);
        Registry["cmath.e"] = new LibConstant(Math.E);
        Registry["cmath.tau"] = new LibConstant(Math.Tau);
        Registry["cmath.inf"] = new LibConstant(double.PositiveInfinity);
        Registry["cmath.nan"] = new LibConstant(PositiveNaN);
        Registry["cmath.infj"] = new LibConstant(new Complex(0, double.PositiveInfinity));
        Registry["cmath.nanj"] = new LibConstant(new Complex(0, PositiveNaN));

        for (int id = 0; id < CMathUnary.Length; id++)
        {
            string name = CMathUnary[id]; int fid = id;
            Add("cmath." + name, c =>
            {
                if (c.Keywords.Count > 0) throw c.Error($"cmath.{name}() takes no keyword arguments");
                Arity(c, name, 1, name == "log" ? 2 : 1);
                NumberArg(c, name, 0);
                if (c.Positional.Length > 1) NumberArg(c, name, 1);
                return ScalarType.Complex128;
            }, c =>
            {
                var e = c.E;
                var baseArg = c.Args.Length > 1 ? c.Args[1] : null;
                if (baseArg == null) return CMath1(e, fid, ToComplex(c, 0), c.Span);
                // CPython checks errno once, after log(z), log(base) and the quotient: log(0j, 7) is (-inf+nanj).
                var z = ToComplex(c, 0);
                var b = e.Convert(baseArg.Value, baseArg.Type, ScalarType.Complex128);
                var slot = e.Alloca(e.M.Complex);
                e.CallChecked("sj_cmath_log_base", c.Span, e.ExtractValue(z, 0), e.ExtractValue(z, 1), e.ExtractValue(b, 0), e.ExtractValue(b, 1), slot);
                return BuildLoad2(e.B, e.M.Complex, slot, "");
            });
        }
        Add("cmath.phase", c => { Arity(c, "phase", 1, 1); NumberArg(c, "phase", 0); return ScalarType.Float64; }, c =>
        {
            var z = ToComplex(c, 0);
            return c.E.CallLibm("atan2", c.E.ExtractValue(z, 1), c.E.ExtractValue(z, 0));
        }, neverRaises: true);
        Add("cmath.polar", c => { Arity(c, "polar", 1, 1); NumberArg(c, "polar", 0); return new TupleType(new SjType[] { ScalarType.Float64, ScalarType.Float64 }); }, c =>
        {
            var e = c.E; var z = ToComplex(c, 0);
            var r = e.CallLibm("hypot", e.ExtractValue(z, 0), e.ExtractValue(z, 1));
            var finiteIn = BuildAnd(e.B, IsFinite(e, e.ExtractValue(z, 0)), IsFinite(e, e.ExtractValue(z, 1)), "");
            e.RaiseIf(BuildAnd(e.B, finiteIn, IsInf(e, r), ""), "OverflowError", "math range error", c.Span);
            var phi = e.CallLibm("atan2", e.ExtractValue(z, 1), e.ExtractValue(z, 0));
            return e.MakeStruct(e.M.Lower(c.ResultType), r, phi);
        });
        Add("cmath.rect", c => { Arity(c, "rect", 2, 2); RealArg(c, "rect", 0); RealArg(c, "rect", 1); return ScalarType.Complex128; }, c =>
        {
            var e = c.E; var slot = e.Alloca(e.M.Complex);
            e.CallChecked("sj_cmath_rect", c.Span, ToFloat(c, 0), ToFloat(c, 1), slot);
            return BuildLoad2(e.B, e.M.Complex, slot, "");
        });
        foreach (var (name, kind) in new[] { ("isnan", 0), ("isinf", 1), ("isfinite", 2) })
            Add("cmath." + name, c => { Arity(c, name, 1, 1); NumberArg(c, name, 0); return ScalarType.Bool; }, c =>
            {
                var e = c.E; var z = ToComplex(c, 0);
                var re = e.ExtractValue(z, 0); var im = e.ExtractValue(z, 1);
                return kind switch
                {
                    0 => BuildOr(e.B, IsNan(e, re), IsNan(e, im), ""),
                    1 => BuildOr(e.B, IsInf(e, re), IsInf(e, im), ""),
                    _ => BuildAnd(e.B, IsFinite(e, re), IsFinite(e, im), ""),
                };
            }, neverRaises: true);
        Add("cmath.isclose", c =>
        {
            Arity(c, "isclose", 2, 2, "rel_tol", "abs_tol");
            NumberArg(c, "isclose", 0); NumberArg(c, "isclose", 1);
            return ScalarType.Bool;
        }, c =>
        {
            var e = c.E;
            LLVMValueRef Kw(string k, double d) => c.Keywords.TryGetValue(k, out var v) ? e.Convert(v.Value, v.Type, ScalarType.Float64) : e.M.ConstF64(d);
            var a = ToComplex(c, 0); var b = ToComplex(c, 1);
            var slot = e.Alloca(e.M.I64);
            e.CallChecked("sj_cmath_isclose", c.Span, e.ExtractValue(a, 0), e.ExtractValue(a, 1), e.ExtractValue(b, 0), e.ExtractValue(b, 1), Kw("rel_tol", 1e-9), Kw("abs_tol", 0.0), slot);
            return BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, BuildLoad2(e.B, e.M.I64, slot, ""), e.M.ConstI64(0), "");
        });
    }

    private static LLVMValueRef CMath1(FunctionEmitter e, int fid, LLVMValueRef z, Diagnostics.Span span)
    {
        var slot = e.Alloca(e.M.Complex);
        e.CallChecked("sj_cmath1", span, LLVM.ConstInt(e.M.I32, fid), e.ExtractValue(z, 0), e.ExtractValue(z, 1), slot);
        return BuildLoad2(e.B, e.M.Complex, slot, "");
    }
}
