using System.Numerics;
using SharpJit.Syntax;

namespace SharpJit.Binding;

/// <summary>Evaluates literal expressions at compile time: numbers, strings, None, tuples and negations of them.</summary>
public static class ConstEval
{
    /// <summary>The value (long, double, bool, Complex, string, PyNone, object?[] for tuples) or null if not constant.</summary>
    public static object? TryEval(Expr e, ModuleInfo module)
    {
        switch (e)
        {
            case Constant c when c.Value is long or double or bool or Complex or string or PyNone: return c.Value;
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
            case Name n when module.Globals.TryGetValue(n.Id, out var g) && g.Kind == GlobalKind.Constant: return g.ConstantValue;
            case Name { Id: "True" }: return true;
            case Name { Id: "False" }: return false;
            case Name { Id: "None" }: return PyNone.Instance;
        }
        return null;
    }
}
