using System.Globalization;
using System.Numerics;

namespace SharpJit.Typing;

/// <summary>
/// NumPy 1.24's answers to the type questions of array expressions: <c>np.result_type</c> with its value-based casting
/// of scalars, the inner loop a ufunc runs (<see cref="ResolveLoop"/>), <c>np.can_cast(a, b, 'safe')</c> and
/// <c>np.promote_types</c>. The loop lists, casting and promotion tables are NumPy's own, written into
/// NumPyPromotion.Loops.cs by gen_ufunc_loops.py; this file reimplements the C logic that uses them
/// (numpy/core/src/multiarray/convert_datatype.c, umath/ufunc_type_resolution.c, umath/dispatching.c and
/// ufunc_object.c of NumPy 1.24). tests/SharpJit.Tests/Typing/NumPyPromotionTests.cs compares it with NumPy.
/// <para>
/// Value-based casting: a scalar operand (a Python bool/int/float/complex, a NumPy scalar, a 0-d array) that meets at
/// least one array takes part through the smallest type that holds its value (<c>np.min_scalar_type</c>: 1000 is
/// uint16, -1 is int8, 2.5 is float16, 1e300 is float64, 1j is complex64), but only when no scalar is of a higher
/// kind than every array, the kinds being bool &lt; integer &lt; float and complex (one kind). So int8 array + 1 is
/// int8, int8 array + 1000 is int16, uint8 array + -1 is int16, float32 array + 2.5 is float32, float32 array + 1e300
/// is float64, float32 array + 1j is complex64, while int8 array + 2.5 is float64 (a float scalar outranks an integer
/// array, so the scalar's own type, float64, counts). Without arrays, scalars promote by their types alone.
/// </para>
/// <para>
/// Scalars whose value is unknown at compile time (<see cref="Operand.Literal"/> null) are treated as the value 0 of
/// their type (False, 0, 0.0, 0j): the smallest value of its kind, so the scalar never widens an array of its kind
/// or a higher one: float32 array * x stays float32 for a float x, int8 array + n stays int8 and uint8 array + n
/// stays uint8 for an int n, float32 array + z is complex64 for a complex z. This is what Numba does in spirit and what
/// users expect; NumPy at run time agrees whenever the value fits the array's type (an int n in 0..127 for int8).
/// </para>
/// </summary>
public static partial class NumPyPromotion
{
    /// <summary>
    /// A scalar operand. <paramref name="Type"/> is its type: Int64, Float64, Complex128 or Bool for Python's int,
    /// float, complex and bool, or a NumPy scalar's own type (Float32 for np.float32(1.0)). <paramref name="Literal"/>
    /// is its value when known at compile time (long, int, ulong, BigInteger, double, float, bool or Complex), or null
    /// when known only at run time (then it counts as the value 0 of its type; see <see cref="NumPyPromotion"/>).
    /// A Python int (Int64) from 2**63 to 2**64-1 is a uint64 scalar, as in NumPy; a larger one makes an object array,
    /// which compiled code lacks (the functions answer null). Literals of NumPy's narrow integer types wrap to the
    /// type's width as a C cast does.
    /// </summary>
    public sealed record Operand(ScalarType Type, object? Literal)
    {
        public static Operand Unknown(ScalarType type) => new(type, null);
        public static Operand PyInt(long value) => new(ScalarType.Int64, value);
        public static Operand PyFloat(double value) => new(ScalarType.Float64, value);
        public static Operand PyComplex(Complex value) => new(ScalarType.Complex128, value);
        public static Operand PyBool(bool value) => new(ScalarType.Bool, value);
    }

    /// <summary>A ufunc's inner loop: the types its inputs are cast to and the types of its outputs.</summary>
    public sealed record UFuncLoop(ScalarType[] In, ScalarType[] Out)
    {
        public bool Equals(UFuncLoop? other) => other is not null && In.SequenceEqual(other.In) && Out.SequenceEqual(other.Out);
        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (var t in In) h.Add(t);
            foreach (var t in Out) h.Add(t);
            return h.ToHashCode();
        }
        public override string ToString() => string.Join(",", In.Select(t => t.Name)) + "->" + string.Join(",", Out.Select(t => t.Name));
    }

    /// <summary>
    /// <c>np.result_type(*arrays, *scalars)</c>: the arrays (at least one dimension) have the given dtypes, the scalars
    /// take part by value where NumPy's value-based casting applies. Null when NumPy's answer is a type compiled code
    /// lacks (float16, longdouble, object) or when NumPy raises (no operands at all).
    /// </summary>
    public static ScalarType? ResultType(IReadOnlyList<ScalarType> arrayDtypes, IReadOnlyList<Operand> scalars)
    {
        var ops = new List<Op>(arrayDtypes.Count + scalars.Count);
        foreach (var a in arrayDtypes) ops.Add(Op.Array(CodeOf(a)));
        foreach (var s in scalars)
        {
            if (ScalarOp(s) is not { } op) return null;
            ops.Add(op);
        }
        return ops.Count == 0 ? null : TypeOf(LegacyResultType(ops));
    }

    /// <summary>
    /// The inner loop NumPy 1.24 runs for <c>ufunc(*inputs)</c> (default casting 'same_kind', no <c>out</c>, no
    /// <c>dtype</c>/<c>signature</c>): <paramref name="isArray"/>[i] tells whether input i is an array (at least one
    /// dimension; its <see cref="Operand.Literal"/> is ignored) or a scalar (a 0-d value, taking part by value as
    /// NumPy's value-based casting says). The ufunc is named as in NumPy ("add", "true_divide" or "divide", "mod" or
    /// "remainder", ...; see <see cref="UFuncNames"/>). Null when NumPy raises (no loop fits the inputs; see
    /// <see cref="NoLoopMessage(string, IReadOnlyList{Operand}, IReadOnlyList{bool})"/>) or when the loop NumPy picks
    /// uses a type compiled code lacks (float16: np.sqrt of an int8 array; longdouble; object; datetime).
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a supported ufunc, or the number of inputs is wrong.</exception>
    public static UFuncLoop? ResolveLoop(string ufunc, IReadOnlyList<Operand> inputs, IReadOnlyList<bool> isArray)
    {
        var u = Lookup(ufunc);
        if (Ops(u, inputs, isArray) is not { } ops) return null;
        var r = Resolve(u, ops);
        if (r.Loop is not { } loop) return null;
        var types = new ScalarType[loop.Length];
        for (int i = 0; i < loop.Length; i++)
            if (TypeOf(loop[i]) is { } t) types[i] = t;
            else return null;
        return new UFuncLoop(types[..u.Nin], types[u.Nin..]);
    }

    /// <summary>
    /// The loop NumPy picks for a ufunc made of these loops (a @vectorize function's declared signatures, as Numba makes
    /// its ufunc): the first whose inputs every operand casts to safely, with NumPy's value-based rule for numbers beside
    /// arrays. Null with NumPy's TypeError message when none fits.
    /// </summary>
    public static (UFuncLoop? Loop, string? Error) ResolveDeclaredLoop(string name, IReadOnlyList<UFuncLoop> loops, IReadOnlyList<Operand> inputs,
        IReadOnlyList<bool> isArray)
    {
        int nin = inputs.Count;
        var u = new UFuncInfo(name, nin, 1, Resolver.Default,
            string.Join(" ", loops.Select(l => new string(l.In.Select(CodeOf).ToArray()) + "->" + CodeOf(l.Out[0]))));
        if (Ops(u, inputs, isArray) is not { } ops) return (null, NoSafeLoopMessage(name));
        var r = Resolve(u, ops);
        if (r.Loop is not { } loop) return (null, r.Error);
        return (loops.First(l => l.In.Select(CodeOf).Concat(l.Out.Select(CodeOf)).SequenceEqual(loop)), null);
    }

    /// <summary>The message of the TypeError NumPy raises when its linear search of a ufunc's loops finds none that
    /// every input casts to safely (<c>np.bitwise_and(1.0, 2.0)</c>). Ufuncs with their own resolvers raise other
    /// messages in some cases; the overload taking the inputs gives the exact one.</summary>
    public static string NoLoopMessage(string ufunc) => NoSafeLoopMessage(Lookup(ufunc).Name);

    private static string NoSafeLoopMessage(string name) =>
        $"ufunc '{name}' not supported for the input types, and the inputs could not be safely coerced to "
        + "any supported types according to the casting rule ''safe''";

    /// <summary>The exact message of the TypeError NumPy raises for <c>ufunc(*inputs)</c>, or null when it finds a
    /// loop (whether or not compiled code has its types).</summary>
    public static string? NoLoopMessage(string ufunc, IReadOnlyList<Operand> inputs, IReadOnlyList<bool> isArray)
    {
        var u = Lookup(ufunc);
        return Ops(u, inputs, isArray) is { } ops ? Resolve(u, ops).Error : null;
    }

    /// <summary><c>np.can_cast(from, to, 'safe')</c>.</summary>
    public static bool CanCastSafely(ScalarType from, ScalarType to) => CanCast(CodeOf(from), CodeOf(to), Casting.Safe);

    /// <summary><c>np.promote_types(a, b)</c>.</summary>
    public static ScalarType PromoteTypes(ScalarType a, ScalarType b) => TypeOf(Promote(CodeOf(a), CodeOf(b)))!;

    /// <summary>The names <see cref="ResolveLoop"/> knows: NumPy's elementwise numeric ufuncs and their aliases.</summary>
    public static IEnumerable<string> UFuncNames => UFuncTable.Keys.Concat(UFuncAliases.Keys).Order(StringComparer.Ordinal);

    public static bool IsUFunc(string name) => UFuncTable.ContainsKey(name) || UFuncAliases.ContainsKey(name);

    /// <summary>The numbers of inputs and outputs of a ufunc.</summary>
    public static (int Nin, int Nout) Arity(string ufunc)
    {
        var u = Lookup(ufunc);
        return (u.Nin, u.Nout);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Types as NumPy's typecodes. Int64 is 'l' (NPY_LONG, what Python ints and np.int64 become on LP64 Linux), UInt64
    // is 'L'; 'q'/'Q' (NPY_LONGLONG) are distinct types of the same size, which map back to Int64/UInt64. They matter
    // because NumPy picks between them: a Python int from 2**63 is a 'Q' array, the smallest type of a large positive
    // int64 is 'Q', and the dispatcher matches loops by exact type ('qq->q' is not 'll->l').

    private enum Casting { No, Safe, SameKind }

    /// <summary>Which C type resolver a ufunc has, for operands that are not datetimes (see gen_ufunc_loops.py).</summary>
    private enum Resolver { Default, Uniform, Subtraction, Negative, Absolute, TrueDivision, Comparison, Logical }

    private sealed class UFuncInfo
    {
        public readonly string Name;
        public readonly int Nin, Nout;
        public readonly Resolver Resolver;
        /// <summary>The loops in order, each as nin + nout typecodes ("bb->b" is "bbb").</summary>
        public readonly string[] Loops;
        public UFuncInfo(string name, int nin, int nout, Resolver resolver, string loops)
        {
            Name = name; Nin = nin; Nout = nout; Resolver = resolver;
            Loops = loops.Split(' ').Select(l => l.Replace("->", "")).ToArray();
        }
    }

    /// <summary>An operand: its typecode, whether it is an array (else a scalar, a 0-d array to NumPy) and a scalar's
    /// value (long for signed integers, ulong for unsigned, double, Complex or bool).</summary>
    private readonly record struct Op(char Code, bool IsArray, object? Value)
    {
        public static Op Array(char code) => new(code, true, null);
    }

    private static UFuncInfo Lookup(string ufunc) =>
        UFuncTable.TryGetValue(UFuncAliases.GetValueOrDefault(ufunc, ufunc), out var u) ? u
            : throw new ArgumentException($"'{ufunc}' is not a NumPy ufunc that NumPyPromotion knows", nameof(ufunc));

    private static Op[]? Ops(UFuncInfo u, IReadOnlyList<Operand> inputs, IReadOnlyList<bool> isArray)
    {
        if (inputs.Count != u.Nin || isArray.Count != u.Nin)
            throw new ArgumentException($"ufunc '{u.Name}' takes {u.Nin} input(s), given {inputs.Count} ({isArray.Count} flags)");
        var ops = new Op[u.Nin];
        for (int i = 0; i < ops.Length; i++)
        {
            if (isArray[i]) ops[i] = Op.Array(CodeOf(inputs[i].Type));
            else if (ScalarOp(inputs[i]) is { } op) ops[i] = op;
            else return null;
        }
        return ops;
    }

    private static char CodeOf(ScalarType t) => t.TypeChars[0];

    /// <summary>The ScalarType of a typecode, or null for the ones compiled code lacks (half, longdouble, object …).</summary>
    private static ScalarType? TypeOf(char code) => ScalarType.ByTypeChar(code);

    /// <summary>The scalar operand with its value in its type's domain, or null for an int that makes an object array.</summary>
    private static Op? ScalarOp(Operand s)
    {
        char code = CodeOf(s.Type);
        object? v = s.Literal;
        switch (s.Type.Kind)
        {
            case ScalarKind.Bool:
                return new Op(code, false, v switch
                {
                    null => false, bool b => b, Complex c => c != Complex.Zero,
                    _ => ToBigInteger(v, s) is { } n ? !n.IsZero : Convert.ToDouble(v, CultureInfo.InvariantCulture) != 0,
                });
            case ScalarKind.Int or ScalarKind.UInt:
            {
                var n = v == null ? BigInteger.Zero : ToBigInteger(v, s) ?? new BigInteger(Math.Truncate(Convert.ToDouble(v, CultureInfo.InvariantCulture)));
                if (s.Type == ScalarType.Int64 && (n > long.MaxValue || n < long.MinValue))
                {
                    // A Python int: NumPy makes a uint64 (ulonglong) array up to 2**64-1, an object array beyond.
                    if (n.Sign < 0 || n > ulong.MaxValue) return null;
                    return new Op('Q', false, (ulong)n);
                }
                var wrapped = (ulong)(n & ulong.MaxValue);
                int bits = s.Type.Bits;
                ulong masked = bits == 64 ? wrapped : wrapped & ((1UL << bits) - 1);
                if (s.Type.IsUnsigned) return new Op(code, false, masked);
                long signedValue = bits == 64 ? (long)masked : (long)(masked << (64 - bits)) >> (64 - bits);
                return new Op(code, false, signedValue);
            }
            case ScalarKind.Float:
            {
                double d = v switch
                {
                    null => 0.0, double x => x, float x => x, bool b => b ? 1 : 0, Complex c => c.Real,
                    _ => ToBigInteger(v, s) is { } n ? (double)n : Convert.ToDouble(v, CultureInfo.InvariantCulture),
                };
                return new Op(code, false, code == 'f' ? (double)(float)d : d);
            }
            default:
            {
                Complex c = v switch
                {
                    null => Complex.Zero, Complex x => x, double x => x, float x => x, bool b => b ? 1 : 0,
                    _ => ToBigInteger(v, s) is { } n ? (double)n : Convert.ToDouble(v, CultureInfo.InvariantCulture),
                };
                return new Op(code, false, code == 'F' ? new Complex((float)c.Real, (float)c.Imaginary) : c);
            }
        }
    }

    private static BigInteger? ToBigInteger(object v, Operand s) => v switch
    {
        long x => x, int x => x, ulong x => x, uint x => x, short x => x, ushort x => x, sbyte x => x, byte x => x,
        BigInteger x => x, bool b => b ? 1 : 0,
        double or float or decimal => null,
        _ => throw new ArgumentException($"unsupported literal {v} ({v.GetType().Name}) for a {s.Type} scalar"),
    };

    private static int Index(char code) => Codes.IndexOf(code) is var i and >= 0 ? i : throw new InvalidOperationException($"typecode {code}");

    private static bool CanCast(char from, char to, Casting casting) => casting switch
    {
        Casting.No => NoCasts[Index(from)].Contains(to),
        Casting.Safe => SafeCasts[Index(from)].Contains(to),
        _ => SameKindCasts[Index(from)].Contains(to),
    };

    /// <summary><c>np.promote_types</c> of two typecodes, or '-' where it raises.</summary>
    private static char Promote(char a, char b) => PromoteTable[Index(a)][Index(b)];

    private static bool IsUnsigned(char c) => c is 'B' or 'H' or 'I' or 'L' or 'Q';
    private static bool IsIntegerOrBool(char c) => c is '?' or 'b' or 'B' or 'h' or 'H' or 'i' or 'I' or 'l' or 'L' or 'q' or 'Q';
    private static bool IsComplex(char c) => c is 'F' or 'D' or 'G';

    /// <summary>dtype_kind_to_simplified_ordering: bool 0, integers 1, floats and complex 2, anything else 3.</summary>
    private static int KindOrder(char c) => c == '?' ? 0 : IsIntegerOrBool(c) ? 1 : c is 'e' or 'f' or 'd' or 'g' || IsComplex(c) ? 2 : 3;

    /// <summary>type_num_unsigned_to_signed.</summary>
    private static char ToSigned(char c) => c switch { 'B' => 'b', 'H' => 'h', 'I' => 'i', 'L' => 'l', 'Q' => 'q', _ => c };

    // ---------------------------------------------------------------------------------------------------------------
    // np.result_type (convert_datatype.c).

    /// <summary>
    /// min_scalar_type_num: the smallest type holding a scalar's value, and whether it is an unsigned type whose value
    /// also fits the signed type of the same size ("small unsigned", promoted as that signed type with signed types).
    /// Floats never become integers; complex numbers stay complex.
    /// </summary>
    private static (char Code, bool SmallUnsigned) MinScalarType(Op op)
    {
        switch (op.Code)
        {
            case 'b' or 'h' or 'i' or 'l' or 'q':
            {
                long v = (long)op.Value!;
                // Non-negative values take the unsigned chain; int64 ends in ulonglong (Q), as NumPy's build has it.
                if (v >= 0) return MinUnsigned((ulong)v, op.Code switch { 'b' => 'B', 'h' => 'H', 'i' => 'I', _ => 'Q' });
                if (v >= sbyte.MinValue) return ('b', false);
                if (v >= short.MinValue) return ('h', false);
                if (v >= int.MinValue) return ('i', false);
                return (op.Code, false);
            }
            case 'B' or 'H' or 'I' or 'L' or 'Q':
                return MinUnsigned((ulong)op.Value!, op.Code);
            case 'f':
            {
                float x = (float)(double)op.Value!;
                return ((x > -65000f && x < 65000f) || !float.IsFinite(x) ? 'e' : 'f', false);
            }
            case 'd':
            {
                double x = (double)op.Value!;
                if ((x > -65000 && x < 65000) || !double.IsFinite(x)) return ('e', false);
                return (x > -3.4e38 && x < 3.4e38 ? 'f' : 'd', false);
            }
            case 'D':
            {
                // The demotion of complex to float is disabled in NumPy; only the precision may shrink.
                var c = (Complex)op.Value!;
                bool single = c.Real > -3.4e38 && c.Real < 3.4e38 && c.Imaginary > -3.4e38 && c.Imaginary < 3.4e38;
                return (single ? 'F' : 'D', false);
            }
            default:
                return (op.Code, false);
        }
    }

    /// <summary>The unsigned chain of min_scalar_type_num: uint8, uint16, uint32, then the value's own type.</summary>
    private static (char, bool) MinUnsigned(ulong u, char own)
    {
        if (u <= byte.MaxValue) return ('B', u <= (ulong)sbyte.MaxValue);
        if (u <= ushort.MaxValue) return ('H', u <= (ulong)short.MaxValue);
        if (u <= uint.MaxValue) return ('I', u <= int.MaxValue);
        return (own, u <= long.MaxValue);
    }

    /// <summary>should_use_min_scalar: some operand is an array, and no scalar's kind is above every array's.</summary>
    private static bool ShouldUseMinScalar(IReadOnlyList<Op> ops)
    {
        int maxScalar = -1, maxArray = -1;
        bool allScalars = true;
        foreach (var op in ops)
        {
            if (op.IsArray) { maxArray = Math.Max(maxArray, KindOrder(op.Code)); allScalars = false; }
            else maxScalar = Math.Max(maxScalar, KindOrder(op.Code));
        }
        return !allScalars && maxArray >= maxScalar;
    }

    /// <summary>promote_types of PyArray_LegacyResultType: a small unsigned scalar type meets a signed type as the
    /// signed type of its size.</summary>
    private static char PromoteSmall(char t1, char t2, bool small1, bool small2)
    {
        if (small1)
        {
            if (!(t2 == '?' || IsUnsigned(t2)) && Promote(ToSigned(t1), t2) is var r and not '-') return r;
            return Promote(t1, t2);
        }
        if (small2)
        {
            if (!(t1 == '?' || IsUnsigned(t1)) && Promote(t1, ToSigned(t2)) is var r and not '-') return r;
            return Promote(t1, t2);
        }
        return Promote(t1, t2);
    }

    private static char PromoteSequence(IReadOnlyList<Op> ops) => PromoteDTypeSequence(ops.Select(o => o.Code).ToArray());

    /// <summary>
    /// PyArray_PromoteDTypeSequence (common_dtype.c), how NumPy promotes several types at once: not a left fold but
    /// the promotion of each type with the "most knowledgeable" one (the highest type number), reduced. So int8,
    /// uint16, float32 is float32 although int8 with uint16 is int32 and int32 with float32 is float64.
    /// </summary>
    private static char PromoteDTypeSequence(char[] codes)
    {
        if (codes.Length == 1) return codes[0];
        var dtypes = codes.Select(c => (char?)c).ToArray();
        char? first = ReduceToMostKnowledgeable(dtypes, dtypes.Length);
        if (first == '-') return '-';
        char main = dtypes[0]!.Value;
        char? result = first;
        char? prev = null;
        for (int i = first == null ? 1 : 2; i < dtypes.Length; i++)
        {
            if (dtypes[i] is not { } d || d == prev) continue;
            if (CommonDType(main, d) is not { } promotion || promotion == '-') return '-';
            if (result == null) { result = promotion; continue; }
            result = result == promotion ? promotion : Promote(result.Value, promotion);
            if (result == '-') return '-';
            prev = d;
        }
        return result ?? '-';
    }

    /// <summary>default_builtin_common_dtype: the promotion table, or null (NotImplemented) for a higher type number,
    /// which is left to the other type.</summary>
    private static char? CommonDType(char cls, char other) =>
        Index(other) > Index(cls) ? null : Promote(cls, other) is var r and not '-' ? r : null;

    /// <summary>reduce_dtypes_to_most_knowledgeable: moves the highest type to the front, pairing the ends of the list
    /// and halving it; clears types the winner of a pair absorbs. The last pair's promotion, null for NotImplemented.</summary>
    private static char? ReduceToMostKnowledgeable(char?[] dtypes, int length)
    {
        while (true)
        {
            int half = length / 2;
            char? res = null;
            for (int low = 0; low < half; low++)
            {
                int high = length - 1 - low;
                res = dtypes[high] == dtypes[low] ? dtypes[low] : CommonDType(dtypes[low]!.Value, dtypes[high]!.Value);
                if (res == null) (dtypes[low], dtypes[high]) = (dtypes[high], dtypes[low]);
                else if (res == dtypes[low]) dtypes[high] = null;
            }
            if (length == 2) return res;
            length = half + length % 2;
        }
    }

    /// <summary>
    /// PyArray_ResultType as NumPy 1.24 computes it by default (legacy promotion): when scalars meet arrays and
    /// should_use_min_scalar holds, scalars count by their min_scalar_type; otherwise all operands by their types.
    /// NumPy computes the answer without values too and keeps that one when the two are equivalent types (int64 as
    /// long or as longlong). For np.result_type itself NumPy gives Python scalars abstract types on that path, which
    /// can only change which of two equivalent typecodes comes out (the same ScalarType); this follows what ufuncs do,
    /// whose operands carry no such marks. '-' when NumPy raises.
    /// </summary>
    private static char LegacyResultType(IReadOnlyList<Op> ops)
    {
        if (ops.Count == 1) return ops[0].Code;
        char plain = PromoteSequence(ops);
        if (!ShouldUseMinScalar(ops)) return plain;
        char ret = '\0';
        bool retSmall = false;
        foreach (var op in ops)
        {
            var (tmp, tmpSmall) = op.IsArray ? (op.Code, false) : MinScalarType(op);
            if (ret == '\0') { ret = tmp; retSmall = tmpSmall; continue; }
            ret = PromoteSmall(tmp, ret, tmpSmall, retSmall);
            if (ret == '-') return ret;
            retSmall = tmpSmall && retSmall;
        }
        return plain != '-' && NoCasts[Index(plain)].Contains(ret) ? plain : ret; // PyArray_EquivTypes
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ufunc loops (ufunc_object.c, dispatching.c, ufunc_type_resolution.c).

    /// <summary>The outcome of resolving a ufunc call: the loop's typecodes (inputs then outputs) or the message of
    /// the TypeError NumPy raises; ForceCastInputs for the ??->? loop of logical_and/or/xor, which casts any input.</summary>
    private sealed record Resolution(string? Loop, string? Error, bool ForceCastInputs = false);

    /// <summary>
    /// What a ufunc call with default arguments resolves to. convert_ufunc_arguments asks for value-based ("legacy")
    /// promotion when there are two or more inputs, some but not all of them scalars, and should_use_min_scalar holds:
    /// then the ufunc's legacy type resolver runs first, by value, and its answer (all operands' types) is what the
    /// dispatcher looks up. Otherwise the dispatcher looks up the inputs' types (promote_and_get_ufuncimpl).
    /// The chosen loop's inputs must then take the operands under the 'same_kind' rule (validate_casting).
    /// </summary>
    private static Resolution Resolve(UFuncInfo u, Op[] ops)
    {
        int nargs = u.Nin + u.Nout;
        var opTypes = new char[nargs];
        for (int i = 0; i < u.Nin; i++) opTypes[i] = ops[i].Code;
        bool anyScalar = ops.Any(o => !o.IsArray), allScalar = ops.All(o => !o.IsArray);
        if (u.Nin > 1 && anyScalar && !allScalar && ShouldUseMinScalar(ops))
        {
            var legacy = LegacyResolve(u, ops, valueBased: true);
            if (legacy.Error != null) return legacy;
            opTypes = legacy.Loop!.ToCharArray();
        }
        var found = Dispatch(u, ops, opTypes, allowLegacy: true);
        if (found.Error != null) return found;
        if (found.Loop is not { } loop) return new Resolution(null, NoLoopFoundMessage(u, opTypes));
        if (!found.ForceCastInputs)
            for (int i = 0; i < u.Nin; i++)
                if (!CanCastOperand(ops[i], loop[i], Casting.SameKind, valueBased: true))
                    return new Resolution(null, $"Cannot cast ufunc '{u.Name}' input {i} from {DTypeRepr[Index(ops[i].Code)]} "
                        + $"to {DTypeRepr[Index(loop[i])]} with casting rule 'same_kind'");
        return found;
    }

    /// <summary>
    /// promote_and_get_info_and_ufuncimpl: the registered loop whose types equal the known operand types ('\0' for an
    /// unknown output); else logical_and/or/xor's promoter, which asks for ??->?; else (once) the legacy type resolver
    /// on the operands' types, whose answer is looked up in turn. Loop null and Error null: no loop.
    /// </summary>
    private static Resolution Dispatch(UFuncInfo u, Op[] ops, char[] opTypes, bool allowLegacy)
    {
        foreach (var loop in u.Loops)
        {
            bool match = true;
            for (int i = 0; i < loop.Length && match; i++) match = opTypes[i] == '\0' || opTypes[i] == loop[i];
            if (match) return new Resolution(loop, null, u.Resolver == Resolver.Logical && loop == "???");
        }
        if (u.Resolver == Resolver.Logical && new string(opTypes) != "???")
        {
            var promoted = Dispatch(u, ops, "???".ToCharArray(), allowLegacy: false);
            if (promoted.Loop != null || promoted.Error != null) return promoted;
        }
        if (!allowLegacy) return new Resolution(null, null);
        var legacy = LegacyResolve(u, ops, valueBased: false);
        if (legacy.Error != null) return legacy;
        return Dispatch(u, ops, legacy.Loop!.ToCharArray(), allowLegacy: false);
    }

    /// <summary>The ufunc's legacy type resolver: all operands' typecodes (a loop's, or for the uniform and comparison
    /// resolvers whatever np.result_type says), or its TypeError. By value only on the value-based path.</summary>
    private static Resolution LegacyResolve(UFuncInfo u, Op[] ops, bool valueBased)
    {
        switch (u.Resolver)
        {
            case Resolver.Default:
                return LinearSearch(u, ops, valueBased);
            case Resolver.Absolute:
                return IsComplex(ops[0].Code) ? LinearSearch(u, ops, valueBased) : Uniform(u, ops, valueBased);
            case Resolver.Uniform:
                return Uniform(u, ops, valueBased);
            case Resolver.Subtraction:
            {
                var r = Uniform(u, ops, valueBased);
                return r.Loop?[0] == '?'
                    ? new Resolution(null, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                        + "the `^` operator, or the logical_xor function instead.")
                    : r;
            }
            case Resolver.Negative:
            {
                var r = Uniform(u, ops, valueBased);
                return r.Loop?[0] == '?'
                    ? new Resolution(null, "The numpy boolean negative, the `-` operator, is not supported, use the `~` "
                        + "operator or the logical_not function instead.")
                    : r;
            }
            case Resolver.TrueDivision:
                // Integer (and bool) division is the float64 loop, whatever the widths and values.
                return ops.All(o => IsIntegerOrBool(o.Code)) ? new Resolution("ddd", null) : LinearSearch(u, ops, valueBased);
            default:
            {
                // Comparison and Logical: the inputs' result type, a bool output.
                char t = ResultTypeOf(ops, valueBased);
                return t == '-' ? NoCommonType(ops) : new Resolution(new string(t, u.Nin) + "?", null);
            }
        }
    }

    /// <summary>PyUFunc_SimpleUniformOperationTypeResolver: every operand has the inputs' result type (a single
    /// input keeps its type).</summary>
    private static Resolution Uniform(UFuncInfo u, Op[] ops, bool valueBased)
    {
        char t = u.Nin == 1 ? ops[0].Code : ResultTypeOf(ops, valueBased);
        return t == '-' ? NoCommonType(ops) : new Resolution(new string(t, u.Nin + u.Nout), null);
    }

    /// <summary>Numeric types always promote; kept so that a gap in the tables cannot index out of them.</summary>
    private static Resolution NoCommonType(Op[] ops) =>
        new(null, "no common DType exists for " + string.Join(", ", ops.Select(o => DTypeClassRepr[Index(o.Code)])));

    private static char ResultTypeOf(Op[] ops, bool valueBased) => valueBased ? LegacyResultType(ops) : PromoteSequence(ops);

    /// <summary>
    /// linear_search_type_resolver: the first loop whose inputs every operand casts to under 'safe' casting, skipping
    /// object loops. On the value-based path a scalar also casts where its min_scalar_type does (can_cast_scalar_to).
    /// </summary>
    private static Resolution LinearSearch(UFuncInfo u, Op[] ops, bool valueBased)
    {
        foreach (var loop in u.Loops)
        {
            bool match = true;
            for (int i = 0; i < u.Nin && match; i++)
                match = !(loop[i] == 'O' && u.Loops.Length > 1) && CanCastOperand(ops[i], loop[i], Casting.Safe, valueBased);
            if (match) return new Resolution(loop, null);
        }
        return new Resolution(null, NoSafeLoopMessage(u.Name));
    }

    /// <summary>PyArray_CanCastArrayTo: by type for arrays, by value for scalars (0-d arrays) when
    /// <paramref name="valueBased"/> (can_cast_scalar_to).</summary>
    private static bool CanCastOperand(Op op, char to, Casting casting, bool valueBased)
    {
        if (op.Code == to || CanCast(op.Code, to, casting)) return true;
        if (op.IsArray || !valueBased || op.Code == '?') return false; // value-based casting is for numbers only
        var (min, small) = MinScalarType(op);
        if (small && !IsUnsigned(to)) min = ToSigned(min);
        return CanCast(min, to, casting);
    }

    /// <summary>The _UFuncNoLoopError message: the operand DTypes the dispatcher looked up, None for unknown outputs.</summary>
    private static string NoLoopFoundMessage(UFuncInfo u, char[] opTypes)
    {
        string Tuple(IEnumerable<char> codes)
        {
            var items = codes.Select(c => c == '\0' ? "None" : DTypeClassRepr[Index(c)]).ToList();
            return items.Count == 1 ? items[0] : "(" + string.Join(", ", items) + ")";
        }
        return $"ufunc '{u.Name}' did not contain a loop with signature matching types {Tuple(opTypes.Take(u.Nin))} -> "
            + Tuple(opTypes.Skip(u.Nin));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // For the tests: the typecode-level answers.

    /// <summary>The loop's typecodes (inputs then outputs) or the TypeError message, and the operands' typecodes.</summary>
    internal static (string? Loop, string? Error, bool ForceCastInputs) ResolveCodes(string ufunc, IReadOnlyList<Operand> inputs, IReadOnlyList<bool> isArray)
    {
        var u = Lookup(ufunc);
        if (Ops(u, inputs, isArray) is not { } ops) return (null, null, false);
        var r = Resolve(u, ops);
        return (r.Loop, r.Error, r.ForceCastInputs);
    }

    /// <summary>Whether an operand passes ufunc input validation into a loop type under casting 'no' (value-based for
    /// scalars), and its own typecode: what the tests compare with NumPy's _UFuncInputCastingError.</summary>
    internal static (bool Ok, char Code) CastsWithoutConversion(Operand input, bool isArray, char to)
    {
        var op = isArray ? Op.Array(CodeOf(input.Type)) : ScalarOp(input)!.Value;
        return (CanCastOperand(op, to, Casting.No, valueBased: true), op.Code);
    }

    internal static ScalarType? TypeOfCode(char code) => TypeOf(code);

    internal static char CodeOfType(ScalarType t) => CodeOf(t);
}
