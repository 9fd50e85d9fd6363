using SharpJit.Diagnostics;

namespace SharpJit.Syntax;

/// <summary>Base of every syntax tree node; mirrors CPython 3.12's <c>ast.AST</c>.</summary>
public abstract class Node
{
    /// <summary>The node's source text: start of its first token to the end of its last (CPython's positions).</summary>
    public Span Span { get; set; }

    /// <summary>The class name Python's <c>ast</c> module uses for this node (e.g. "Expr" for <see cref="ExprStmt"/>).</summary>
    public abstract string PyTypeName { get; }

    /// <summary>Whether CPython gives this node kind position attributes (lineno, col_offset, ...).</summary>
    public abstract bool HasPositions { get; }

    /// <summary>The direct child nodes, in field order (null optional children are skipped).</summary>
    public abstract IEnumerable<Node> Children();

    internal abstract void GetFields(List<AstField> fields);

    /// <summary>A deep copy: new nodes with the same fields and spans (parsed trees are shared; a rewrite works on one).</summary>
    public abstract Node Copy();

    public override string ToString() => AstPrinter.Dump(this);
}

/// <summary>A statement.</summary>
public abstract class Stmt : Node { }

/// <summary>An expression.</summary>
public abstract class Expr : Node { }

/// <summary>A pattern of a <c>case</c> clause in a <c>match</c> statement.</summary>
public abstract class Pattern : Node { }

/// <summary>A PEP 695 type parameter (<c>def f[T]()</c>, <c>class C[*Ts]</c>, <c>type X[**P] = ...</c>).</summary>
public abstract class TypeParam : Node { }

/// <summary>One named field of a node, as the printer sees it.</summary>
internal readonly record struct AstField(string Name, object? Value, bool Optional);

public sealed partial class Module
{
    /// <summary>The source the module was parsed from (set by <see cref="PythonParser.Parse"/>).</summary>
    public SourceText? Source { get; set; }
}

public enum ExprContext { Load, Store, Del }
public enum BoolOperator { And, Or }
public enum Operator { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv }
public enum UnaryOperator { Invert, Not, UAdd, USub }
public enum CmpOperator { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn }

public static class CmpOperators
{
    /// <summary>The operator with its operands exchanged (a &lt; b is b &gt; a); others unchanged.</summary>
    public static CmpOperator Swapped(this CmpOperator op) => op switch
    {
        CmpOperator.Lt => CmpOperator.Gt, CmpOperator.Gt => CmpOperator.Lt, CmpOperator.LtE => CmpOperator.GtE, CmpOperator.GtE => CmpOperator.LtE, _ => op,
    };

    /// <summary>The operator that holds exactly when this one does not (of the six orderings), else null.</summary>
    public static CmpOperator? Negated(this CmpOperator op) => op switch
    {
        CmpOperator.Lt => CmpOperator.GtE, CmpOperator.GtE => CmpOperator.Lt,
        CmpOperator.Gt => CmpOperator.LtE, CmpOperator.LtE => CmpOperator.Gt,
        CmpOperator.Eq => CmpOperator.NotEq, CmpOperator.NotEq => CmpOperator.Eq,
        _ => null,
    };
}

/// <summary>The value of the constant <c>None</c>.</summary>
public sealed class PyNone
{
    public static readonly PyNone Instance = new();
    private PyNone() { }
    public override string ToString() => "None";
}

/// <summary>The value of the constant <c>...</c>.</summary>
public sealed class PyEllipsis
{
    public static readonly PyEllipsis Instance = new();
    private PyEllipsis() { }
    public override string ToString() => "Ellipsis";
}

public static class OperatorExtensions
{
    /// <summary>Python's source spelling of the operator ("+", "//", "@", ...).</summary>
    public static string Symbol(this Operator op) => op switch
    {
        Operator.Add => "+", Operator.Sub => "-", Operator.Mult => "*", Operator.MatMult => "@",
        Operator.Div => "/", Operator.Mod => "%", Operator.Pow => "**", Operator.LShift => "<<",
        Operator.RShift => ">>", Operator.BitOr => "|", Operator.BitXor => "^", Operator.BitAnd => "&",
        Operator.FloorDiv => "//", _ => "?",
    };

    public static string Symbol(this UnaryOperator op) => op switch
    {
        UnaryOperator.Invert => "~", UnaryOperator.Not => "not", UnaryOperator.UAdd => "+", UnaryOperator.USub => "-", _ => "?",
    };

    public static string Symbol(this CmpOperator op) => op switch
    {
        CmpOperator.Eq => "==", CmpOperator.NotEq => "!=", CmpOperator.Lt => "<", CmpOperator.LtE => "<=",
        CmpOperator.Gt => ">", CmpOperator.GtE => ">=", CmpOperator.Is => "is", CmpOperator.IsNot => "is not",
        CmpOperator.In => "in", CmpOperator.NotIn => "not in", _ => "?",
    };

    public static string Symbol(this BoolOperator op) => op == BoolOperator.And ? "and" : "or";
}
