using System.Numerics;
using SharpJit.Syntax;
using Attribute = SharpJit.Syntax.Attribute;

namespace SharpJit.Binding;

/// <summary>Evaluates literal expressions at compile time: numbers, strings, None, tuples and negations of them.</summary>
public static class ConstEval
{
    /// <summary>The value (long, double, bool, Complex, string, PyNone, object?[] for tuples) or null if not constant.</summary>
    public static object? TryEval(Expr e, ModuleInfo module)
    {
        Diagnostics.CompileDepth.EnsureStack();
        switch (e)
        {
            case Constant c when c.Value is long or double or bool or Complex or string or PyNone or PyEllipsis: return c.Value;
            case UnaryOp { Op: UnaryOperator.USub } u when Binder.IsInt64MinLiteral(u): return long.MinValue;
            case UnaryOp { Op: UnaryOperator.USub } u:
                return TryEval(u.Operand, module) switch
                {
                    long l => unchecked(-l), double d => -d, Complex z => -z, bool b => b ? -1L : 0L, _ => null,
                };
            case UnaryOp { Op: UnaryOperator.UAdd } u:
                return TryEval(u.Operand, module) switch { long or double or Complex => TryEval(u.Operand, module), bool b => b ? 1L : 0L, _ => null };
            case Syntax.Tuple t:
                var items = new object?[t.Elts.Count];
                for (int i = 0; i < items.Length; i++) { items[i] = TryEval(t.Elts[i], module); if (items[i] == null) return null; }
                return items;
            case Name n when module.Resolve(n.Id) is { Kind: GlobalKind.Constant } g: return g.ConstantValue;
            case Attribute { Value: Name mod } at when module.Resolve(mod.Id) is { Kind: GlobalKind.Module } mg:
                return Library.Builtins.LookupModuleMember(mg.ModuleName!, at.Attr) is Library.LibConstant lc ? lc.Value : null;
            case BinOp b:
            {
                var l = TryEval(b.Left, module);
                var r = l == null ? null : TryEval(b.Right, module);
                return r == null ? null : Fold(b.Op, l!, r);
            }
            case Name { Id: "True" }: return true;
            case Name { Id: "False" }: return false;
            case Name { Id: "None" }: return PyNone.Instance;
        }
        return null;
    }

    /// <summary>Folds arithmetic on int and float constants where the result is exactly what CPython computes
    /// (ints that stay within int64, IEEE float operations); anything else stays a run-time value.</summary>
    private static object? Fold(Operator op, object l, object r)
    {
        if (l is bool lb) l = lb ? 1L : 0L;
        if (r is bool rb) r = rb ? 1L : 0L;
        if (l is long a && r is long b)
        {
            try
            {
                return op switch
                {
                    Operator.Add => checked(a + b),
                    Operator.Sub => checked(a - b),
                    Operator.Mult => checked(a * b),
                    Operator.FloorDiv when b != 0 && !(a == long.MinValue && b == -1) => (long)Math.Floor((decimal)a / b),
                    Operator.Mod when b != 0 && !(a == long.MinValue && b == -1) => ((a % b) + b) % b,
                    Operator.Pow when b >= 0 && b < 64 => (long)checked((long)System.Numerics.BigInteger.Pow(a, (int)b)),
                    Operator.LShift when b >= 0 && b < 63 && Math.Abs(a) < (1L << (62 - (int)b)) => a << (int)b,
                    Operator.RShift when b >= 0 => a >> (int)Math.Min(b, 63),
                    Operator.BitAnd => a & b, Operator.BitOr => a | b, Operator.BitXor => a ^ b,
                    _ => null,
                };
            }
            catch (OverflowException) { return null; }
        }
        if (l is long or double && r is long or double)
        {
            double x = Convert.ToDouble(l), y = Convert.ToDouble(r);
            // An int operand beyond 2**53 would be converted inexactly here; leave that to run time.
            if (l is long li && Math.Abs(li) > 1L << 53 || r is long ri && Math.Abs(ri) > 1L << 53) return null;
            return op switch
            {
                Operator.Add => x + y,
                Operator.Sub => x - y,
                Operator.Mult => x * y,
                Operator.Div when y != 0 => x / y,
                _ => null,
            };
        }
        return null;
    }
}
