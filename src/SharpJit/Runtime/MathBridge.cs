namespace SharpJit.Runtime;

/// <summary>Dispatch from the numeric ids codegen bakes in (Library.Builtins tables) to PyMath/PyCMath.</summary>
public static class MathBridge
{
    public static double Unary(int id, double x) => Library.Builtins.BridgedUnary[id] switch
    {
        "gamma" => PyMath.Gamma(x),
        "lgamma" => PyMath.Lgamma(x),
        "ulp" => PyMath.Ulp(x),
        var n => throw new PyMathException("SystemError", $"no math bridge for {n}"),
    };

    public static long Int1(int id, long x) => Library.Builtins.BridgedInt1[id] switch
    {
        "factorial" => PyMath.Factorial(x),
        "isqrt" => PyMath.Isqrt(x),
        var n => throw new PyMathException("SystemError", $"no math bridge for {n}"),
    };

    public static long Int2(int id, long x, long y) => Library.Builtins.BridgedInt2[id] switch
    {
        "comb" => PyMath.Comb(x, y),
        "perm" => PyMath.Perm(x, y),
        "gcd" => PyMath.Gcd(x, y),
        "lcm" => PyMath.Lcm(x, y),
        var n => throw new PyMathException("SystemError", $"no math bridge for {n}"),
    };

    public static (double, double) CUnary(int id, double re, double im)
    {
        var z = (re, im);
        return Library.Builtins.CMathUnary[id] switch
        {
            "sqrt" => PyCMath.Sqrt(z), "exp" => PyCMath.Exp(z), "log" => PyCMath.Log(z), "log10" => PyCMath.Log10(z),
            "sin" => PyCMath.Sin(z), "cos" => PyCMath.Cos(z), "tan" => PyCMath.Tan(z),
            "asin" => PyCMath.Asin(z), "acos" => PyCMath.Acos(z), "atan" => PyCMath.Atan(z),
            "sinh" => PyCMath.Sinh(z), "cosh" => PyCMath.Cosh(z), "tanh" => PyCMath.Tanh(z),
            "asinh" => PyCMath.Asinh(z), "acosh" => PyCMath.Acosh(z), "atanh" => PyCMath.Atanh(z),
            var n => throw new PyMathException("SystemError", $"no cmath bridge for {n}"),
        };
    }
}
