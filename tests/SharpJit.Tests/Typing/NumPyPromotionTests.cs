using System.Numerics;
using SharpJit.Tests.Programs;
using SharpJit.Tests.Runtime;
using SharpJit.Typing;
using Xunit;
using Xunit.Abstractions;
using static SharpJit.Typing.NumPyPromotion;

namespace SharpJit.Tests.Typing;

/// <summary>A [Fact] checked against NumPy 1.24 (NumPyPromotion describes that version): skipped without it.</summary>
public sealed class NumPy124FactAttribute : FactAttribute
{
    public NumPy124FactAttribute()
    {
        if (NumPyOracleFactAttribute.NumPyMissing.Value is { } missing) Skip = missing;
        else if (Version.Value is var v && !v.StartsWith("1.24.", StringComparison.Ordinal)) Skip = $"NumPy 1.24 needed, found {v}";
    }

    private static readonly Lazy<string> Version = new(() =>
        PythonOracle.Run("import numpy, sys\nsys.stdin.read()\nprint(numpy.__version__)\n", [""])[0].Trim());
}

/// <summary>
/// NumPyPromotion against NumPy itself (tests/SharpJit.Tests/Typing/numpy_promotion_oracle.py, one process): np.result_type
/// for every pair of array dtypes, every array dtype with scalars of many values and types (Python and NumPy scalars,
/// values at every boundary of min_scalar_type), arrays with two scalars, scalars alone; and for every supported ufunc
/// every combination of array dtypes and of an array with a scalar (both orders), and scalars alone: the output
/// typecodes of a real call or the exact TypeError message, and the loop's input types as far as NumPy shows them (the
/// same call with casting='no' names the first input that would be cast, and the type it would be cast to).
/// A scalar of unknown value (Literal null) must get NumPy's answer for the value 0 of its type.
/// </summary>
public class NumPyPromotionTests
{
    private readonly ITestOutputHelper _out;
    public NumPyPromotionTests(ITestOutputHelper output) => _out = output;

    private static readonly IReadOnlyList<ScalarType> Dtypes = ScalarType.All;

    private static (string Py, Operand Op) Py(string py, Operand op) => (py, op);
    private static (string, Operand) Int(string py, long v) => (py, Operand.PyInt(v));
    private static (string, Operand) Flt(string py, double v) => (py, Operand.PyFloat(v));
    private static (string, Operand) Cpx(string py, double re, double im) => (py, Operand.PyComplex(new Complex(re, im)));
    private static (string, Operand) Np(ScalarType t, string value, object literal) => ($"np.{NpName(t)}({value})", new Operand(t, literal));
    private static string NpName(ScalarType t) => t == ScalarType.Bool ? "bool_" : t.Name;

    /// <summary>Scalars of every kind, with values on both sides of every boundary of min_scalar_type.</summary>
    private static readonly (string Py, Operand Op)[] Scalars =
    [
        Int("0", 0), Int("1", 1), Int("-1", -1), Int("127", 127), Int("128", 128), Int("200", 200), Int("255", 255),
        Int("256", 256), Int("-128", -128), Int("-129", -129), Int("1000", 1000), Int("-1000", -1000), Int("32767", 32767),
        Int("32768", 32768), Int("-32769", -32769), Int("65535", 65535), Int("65536", 65536), Int("70000", 70000),
        Int("-70000", -70000), Int("2**31-1", int.MaxValue), Int("2**31", 1L << 31), Int("-2**31", int.MinValue),
        Int("-2**31-1", (long)int.MinValue - 1), Int("2**32", 1L << 32), Int("2**40", 1L << 40), Int("-2**40", -(1L << 40)),
        Int("2**63-1", long.MaxValue), Int("-2**63", long.MinValue),
        Py("2**63", new Operand(ScalarType.Int64, 1UL << 63)), Py("2**64-1", new Operand(ScalarType.Int64, ulong.MaxValue)),
        Py("2**64", new Operand(ScalarType.Int64, BigInteger.Pow(2, 64))),
        Py("True", Operand.PyBool(true)), Py("False", Operand.PyBool(false)),
        Flt("0.0", 0.0), Flt("2.5", 2.5), Flt("-2.5", -2.5), Flt("64999.0", 64999.0), Flt("65000.0", 65000.0),
        Flt("-65000.0", -65000.0), Flt("1e5", 1e5), Flt("3.3e38", 3.3e38), Flt("3.4e38", 3.4e38), Flt("-3.5e38", -3.5e38),
        Flt("1e300", 1e300), Flt("inf", double.PositiveInfinity), Flt("-inf", double.NegativeInfinity), Flt("nan", double.NaN),
        Cpx("1j", 0, 1), Cpx("(2.5+1j)", 2.5, 1), Cpx("1e300j", 0, 1e300), Cpx("complex(1e39, 0)", 1e39, 0),
        Cpx("complex(nan, 0)", double.NaN, 0), Cpx("complex(inf, 1)", double.PositiveInfinity, 1),
        Np(ScalarType.Float32, "1", 1.0), Np(ScalarType.Float32, "1e5", 1e5), Np(ScalarType.Float32, "-7e4", -7e4),
        Np(ScalarType.Float32, "inf", double.PositiveInfinity), Np(ScalarType.Float64, "2.5", 2.5),
        Np(ScalarType.Float64, "1e5", 1e5), Np(ScalarType.Float64, "1e300", 1e300),
        Np(ScalarType.Int8, "1", 1L), Np(ScalarType.Int8, "-1", -1L), Np(ScalarType.Int8, "127", 127L),
        Np(ScalarType.UInt8, "1", 1L), Np(ScalarType.UInt8, "200", 200L), Np(ScalarType.Int16, "200", 200L),
        Np(ScalarType.Int16, "-200", -200L), Np(ScalarType.Int16, "30000", 30000L), Np(ScalarType.UInt16, "200", 200L),
        Np(ScalarType.UInt16, "40000", 40000L), Np(ScalarType.Int32, "70000", 70000L), Np(ScalarType.Int32, "-5", -5L),
        Np(ScalarType.UInt32, "70000", 70000L), Np(ScalarType.UInt32, "3000000000", 3000000000L),
        Np(ScalarType.Int64, "2**40", 1L << 40), Np(ScalarType.Int64, "-5", -5L), Np(ScalarType.UInt64, "5", 5L),
        Np(ScalarType.UInt64, "2**63", 1UL << 63), Np(ScalarType.UInt64, "2**64-1", ulong.MaxValue),
        Np(ScalarType.Complex64, "1j", new Complex(0, 1)), Np(ScalarType.Complex128, "1j", new Complex(0, 1)),
        Np(ScalarType.Complex128, "1e300j", new Complex(0, 1e300)), Np(ScalarType.Bool, "True", true),
        // Unknown values: NumPy's answer for the value 0 of the type.
        .. ScalarType.All.Select(t => ($"np.{NpName(t)}(0)", Operand.Unknown(t))),
    ];

    /// <summary>Fewer scalars where they combine with each other or with every ufunc.</summary>
    private static readonly (string Py, Operand Op)[] FewScalars =
        Scalars.Where(s => s.Py is "0" or "1" or "-1" or "200" or "1000" or "-1000" or "70000" or "2**40" or "-2**40"
            or "2**63" or "2**64" or "True" or "0.0" or "2.5" or "65000.0" or "1e5" or "1e300" or "nan" or "1j" or "1e300j"
            or "np.float32(1)" or "np.float32(1e5)" or "np.float64(2.5)" or "np.int8(-1)" or "np.uint8(200)"
            or "np.int16(-200)" or "np.uint16(40000)" or "np.int32(70000)" or "np.uint32(3000000000)"
            or "np.int64(2**40)" or "np.uint64(5)" or "np.uint64(2**64-1)" or "np.complex64(1j)"
            or "np.complex128(1e300j)" or "np.bool_(True)" || s.Op.Literal == null).ToArray();

    private static readonly (string Py, Operand Op)[] VeryFewScalars =
        Scalars.Where(s => s.Py is "1" or "-1" or "1000" or "2**63" or "True" or "2.5" or "1e300" or "1j"
            or "np.float32(1)" or "np.uint8(200)" or "np.int16(-200)" or "np.uint64(5)" or "np.complex64(1j)").ToArray();

    private abstract record Case(string Request);
    private sealed record ResultTypeCase(string Request, ScalarType[] Arrays, Operand[] Scalars) : Case(Request);
    private sealed record UFuncCase(string Request, string UFunc, Operand[] Inputs, bool[] IsArray) : Case(Request);
    private sealed record PairCase(string Request, ScalarType From, ScalarType To) : Case(Request);

    private static string A(ScalarType t) => "A:" + CodeOfType(t);
    private static string S((string Py, Operand Op) s) => "S:" + s.Py;

    private static ResultTypeCase R(ScalarType[] arrays, params (string Py, Operand Op)[] scalars) =>
        new("R|" + string.Join("|", arrays.Select(A).Concat(scalars.Select(S))), arrays, scalars.Select(s => s.Op).ToArray());

    private static IEnumerable<Case> ResultTypeCases()
    {
        foreach (var a in Dtypes)
        {
            yield return R([a]);
            foreach (var b in Dtypes) yield return R([a, b]);
            foreach (var s in Scalars) yield return R([a], s);
            foreach (var s in VeryFewScalars)
                foreach (var t in VeryFewScalars) yield return R([a], s, t);
            foreach (var b in Dtypes)
                foreach (var s in VeryFewScalars) yield return R([a, b], s);
        }
        foreach (var s in FewScalars)
        {
            yield return R([], s);
            foreach (var t in FewScalars) yield return R([], s, t);
        }
    }

    /// <summary>An operand of a ufunc call: an array of a dtype or a scalar.</summary>
    private readonly record struct Arg(string Token, Operand Op, bool IsArray);

    private static Arg ArrayArg(ScalarType t) => new(A(t), new Operand(t, null), true);
    private static Arg ScalarArg((string Py, Operand Op) s) => new(S(s), s.Op, false);

    private static UFuncCase U(string ufunc, params Arg[] args) =>
        new($"U|{ufunc}|" + string.Join("|", args.Select(a => a.Token)), ufunc, args.Select(a => a.Op).ToArray(), args.Select(a => a.IsArray).ToArray());

    private static readonly string[] Aliases = ["true_divide", "mod", "abs", "conj", "bitwise_not"];

    private static IEnumerable<Case> UFuncCases()
    {
        var arrays = Dtypes.Select(ArrayArg).ToArray();
        var scalars = FewScalars.Select(ScalarArg).ToArray();
        var veryFew = VeryFewScalars.Select(ScalarArg).ToArray();
        foreach (var name in UFuncNames.Where(n => !Aliases.Contains(n)))
        {
            var (nin, _) = Arity(name);
            if (nin == 1)
            {
                foreach (var x in arrays.Concat(scalars)) yield return U(name, x);
            }
            else if (nin == 2)
            {
                foreach (var x in arrays)
                {
                    foreach (var y in arrays) yield return U(name, x, y);
                    foreach (var s in scalars) { yield return U(name, x, s); yield return U(name, s, x); }
                }
                foreach (var s in veryFew)
                    foreach (var t in veryFew) yield return U(name, s, t);
            }
            else
            {
                // clip: every triple of arrays; an array between scalars; a scalar with two arrays.
                foreach (var x in arrays)
                {
                    foreach (var y in arrays)
                        foreach (var z in arrays) yield return U(name, x, y, z);
                    foreach (var s in veryFew)
                        foreach (var t in veryFew) yield return U(name, x, s, t);
                    foreach (var y in arrays)
                        foreach (var s in veryFew) { yield return U(name, s, x, y); yield return U(name, x, s, y); }
                }
            }
        }
        foreach (var name in Aliases)
        {
            var (nin, _) = Arity(name);
            foreach (var x in arrays)
                if (nin == 1) yield return U(name, x);
                else
                    foreach (var y in arrays.Concat(veryFew)) yield return U(name, x, y);
        }
    }

    [NumPy124Fact]
    public void MatchesNumPy()
    {
        var pairs = Dtypes.SelectMany(a => Dtypes.Select(b => new PairCase($"C|{CodeOfType(a)}|{CodeOfType(b)}", a, b)));
        var cases = pairs.Concat(ResultTypeCases()).Concat(UFuncCases()).ToList();
        string script = File.ReadAllText(Corpus.PathOf("tests", "SharpJit.Tests", "Typing", "numpy_promotion_oracle.py"));
        var started = DateTime.UtcNow;
        string[] answers = PythonOracle.Run(script, cases.Select(c => c.Request).ToList());
        _out.WriteLine($"NumPy answered {cases.Count} cases in {(DateTime.UtcNow - started).TotalSeconds:F1} s");

        var failures = new List<string>();
        int valueErrors = 0, probes = 0;
        for (int k = 0; k < cases.Count; k++)
        {
            string? failure = cases[k] switch
            {
                ResultTypeCase r => CheckResultType(r, answers[k]),
                UFuncCase u => CheckUFunc(u, answers[k], ref valueErrors, ref probes),
                PairCase p => CheckPair(p, answers[k]),
                _ => null,
            };
            if (failure != null) failures.Add($"{cases[k].Request}: {failure}");
        }
        _out.WriteLine($"{cases.Count} cases, {probes} with the loop's inputs checked by casting='no', "
            + $"{valueErrors} whose output NumPy could not show (the loop raised ValueError)");
        // Only np.power of integer scalars to negative integer scalars computes and raises.
        Assert.InRange(valueErrors, 0, 40);
        if (failures.Count > 0)
        {
            File.WriteAllLines(Path.Combine(Path.GetTempPath(), "numpy_promotion_failures.txt"), failures);
            Assert.Fail($"{failures.Count} of {cases.Count} cases differ from NumPy 1.24:\n" + string.Join("\n", failures.Take(200)));
        }
    }

    /// <summary>np.can_cast(a, b, 'safe') and np.promote_types(a, b).</summary>
    private static string? CheckPair(PairCase c, string answer)
    {
        string got = (CanCastSafely(c.From, c.To) ? "1" : "0") + CodeOfType(NumPyPromotion.PromoteTypes(c.From, c.To));
        // The promotion's typecode may be either spelling of a 64-bit integer.
        return answer.Replace('q', 'l').Replace('Q', 'L') == got ? null : $"NumPy says {answer}, NumPyPromotion {got}";
    }

    private static string? CheckResultType(ResultTypeCase c, string answer)
    {
        ScalarType? got = NumPyPromotion.ResultType(c.Arrays, c.Scalars);
        if (answer.StartsWith("X:", StringComparison.Ordinal))
            return got == null ? null : $"NumPy raised ({answer}), NumPyPromotion says {got}";
        ScalarType? want = answer.Length == 1 ? TypeOfCode(answer[0]) : null;
        return got == want ? null : $"NumPy says {answer} ({want?.Name ?? "not a compiled type"}), NumPyPromotion says {got?.Name ?? "null"}";
    }

    private static string? CheckUFunc(UFuncCase c, string answer, ref int valueErrors, ref int probes)
    {
        if (answer.StartsWith("X:", StringComparison.Ordinal)) return "the oracle failed: " + answer;
        int bar = answer.LastIndexOf('|');
        string outcome = answer[..bar], probe = answer[(bar + 1)..];
        var (loop, error, forceCast) = ResolveCodes(c.UFunc, c.Inputs, c.IsArray);
        var api = ResolveLoop(c.UFunc, c.Inputs, c.IsArray);
        int nin = c.Inputs.Length;

        if (loop == null && error == null)
            // A Python int beyond uint64, which NumPy makes an object array of: object loops or their errors, which
            // compiled code does not have.
            return api == null && NoLoopMessage(c.UFunc, c.Inputs, c.IsArray) == null ? null : "an object operand gives an answer";
        if (outcome.StartsWith("E:", StringComparison.Ordinal))
        {
            string want = outcome[2..];
            if (error != want) return $"NumPy raised\n    {want}\n  NumPyPromotion: {(error != null ? "raises\n    " + error : "loop " + loop)}";
            return api == null && NoLoopMessage(c.UFunc, c.Inputs, c.IsArray) == want ? null : "the public API disagrees";
        }
        if (loop == null) return $"NumPy runs a loop with outputs {outcome}, NumPyPromotion raises\n    {error}";
        if (outcome == "V") valueErrors++;
        else if (loop[nin..] != outcome) return $"NumPy's outputs are {outcome}, NumPyPromotion's loop is {loop[..nin]}->{loop[nin..]}";

        // The public answer: the loop's types, or null when one of them is not a compiled type.
        var types = loop.Select(TypeOfCode).ToArray();
        var want2 = types.Any(t => t == null) ? null : new UFuncLoop(types[..nin]!, types[nin..]!);
        if (!Equals(api, want2)) return $"ResolveLoop gives {api}, the loop is {loop}";
        if (NoLoopMessage(c.UFunc, c.Inputs, c.IsArray) != null) return "NoLoopMessage gives a message for a call NumPy runs";

        // casting='no': the first input whose type is not the loop's (value-based for scalars) is named with the loop type.
        if (probe is "V" or "-") return null;
        probes++;
        string emulated = "ok";
        if (!forceCast)
            for (int i = 0; i < nin; i++)
                if (!CastsWithoutConversion(c.Inputs[i], c.IsArray[i], loop[i]).Ok) { emulated = $"{i}{loop[i]}"; break; }
        return emulated == probe ? null : $"with casting='no' NumPy says {probe}, the loop {loop} gives {emulated}";
    }

    [Fact]
    public void ApiContract()
    {
        Assert.Throws<ArgumentException>(() => ResolveLoop("no_such_ufunc", [Operand.PyInt(1)], [false]));
        Assert.Throws<ArgumentException>(() => ResolveLoop("add", [Operand.PyInt(1)], [false]));
        Operand[] ops = [Operand.Unknown(ScalarType.Int8), Operand.PyInt(3)];
        Assert.Equal(ResolveLoop("divide", ops, [true, false]), ResolveLoop("true_divide", ops, [true, false]));
        // Unknown scalar values never widen an array of their kind (the differential test checks these against NumPy's
        // answers for the value 0).
        Assert.Equal(ScalarType.Float32, NumPyPromotion.ResultType([ScalarType.Float32], [Operand.Unknown(ScalarType.Float64)]));
        Assert.Equal(ScalarType.Int8, NumPyPromotion.ResultType([ScalarType.Int8], [Operand.Unknown(ScalarType.Int64)]));
        Assert.Equal(ScalarType.UInt8, NumPyPromotion.ResultType([ScalarType.UInt8], [Operand.Unknown(ScalarType.Int64)]));
        Assert.Contains("true_divide", UFuncNames);
        Assert.Equal("ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to "
            + "any supported types according to the casting rule ''safe''", NoLoopMessage("bitwise_and"));
        Assert.Null(NumPyPromotion.ResultType([], []));
    }
}
