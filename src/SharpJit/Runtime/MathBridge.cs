namespace SharpJit.Runtime;

/// <summary>
/// The math and cmath functions implemented in C# (CPython's exact error behaviour) that compiled code reaches through
/// one runtime helper per shape: <c>sj_math1</c>, <c>sj_math_int1</c>, <c>sj_math_int2</c>, <c>sj_cmath1</c> (and
/// <c>sj_np_complex1</c> for <see cref="NumPyMath.ComplexUnary"/>). Each table is the one list of its functions: the
/// registry adds <c>math.NAME</c> for every entry, codegen passes the entry's index, and the helper calls the entry's
/// function pointer, so no name is looked at when the code runs.
/// </summary>
public static unsafe class MathBridge
{
    public readonly struct Real1(string name, delegate*<double, double> fn) { public readonly string Name = name; public readonly delegate*<double, double> Fn = fn; }
    public readonly struct Int1(string name, delegate*<long, long> fn) { public readonly string Name = name; public readonly delegate*<long, long> Fn = fn; }
    public readonly struct Int2(string name, delegate*<long, long, long> fn) { public readonly string Name = name; public readonly delegate*<long, long, long> Fn = fn; }
    public readonly struct Complex1(string name, delegate*<(double, double), (double, double)> fn)
    {
        public readonly string Name = name; public readonly delegate*<(double, double), (double, double)> Fn = fn;
    }

    public static readonly Real1[] Unary = { new("gamma", &PyMath.Gamma), new("lgamma", &PyMath.Lgamma), new("ulp", &PyMath.Ulp) };
    public static readonly Int1[] IntUnary = { new("factorial", &PyMath.Factorial), new("isqrt", &PyMath.Isqrt) };
    public static readonly Int2[] IntBinary = { new("comb", &PyMath.Comb), new("perm", &PyMath.Perm), new("gcd", &PyMath.Gcd), new("lcm", &PyMath.Lcm) };
    public static readonly Complex1[] CMathUnary =
    {
        new("sqrt", &PyCMath.Sqrt), new("exp", &PyCMath.Exp), new("log", &PyCMath.Log), new("log10", &PyCMath.Log10),
        new("sin", &PyCMath.Sin), new("cos", &PyCMath.Cos), new("tan", &PyCMath.Tan),
        new("asin", &PyCMath.Asin), new("acos", &PyCMath.Acos), new("atan", &PyCMath.Atan),
        new("sinh", &PyCMath.Sinh), new("cosh", &PyCMath.Cosh), new("tanh", &PyCMath.Tanh),
        new("asinh", &PyCMath.Asinh), new("acosh", &PyCMath.Acosh), new("atanh", &PyCMath.Atanh),
    };
}
