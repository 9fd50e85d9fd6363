using SharpJit.Syntax;

using Attribute = SharpJit.Syntax.Attribute;

namespace SharpJit.Binding;

/// <summary>Direct children of AST nodes, for analyses that need to see every name.</summary>
public static class AstWalk
{
    /// <summary>root and every node below it, in source order (depth first).</summary>
    public static IEnumerable<Node> Descendants(Node root)
    {
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            yield return n;
            foreach (var c in Children(n).Reverse()) stack.Push(c);
        }
    }

    public static IEnumerable<Node> Children(Node n)
    {
        switch (n)
        {
            case Module m: foreach (var s in m.Body) yield return s; break;
            case FunctionDef f:
                foreach (var d in f.DecoratorList) yield return d;
                foreach (var a in ArgumentDefaults(f.Args)) yield return a;
                foreach (var s in f.Body) yield return s;
                break;
            case Lambda l:
                foreach (var a in ArgumentDefaults(l.Args)) yield return a;
                yield return l.Body;
                break;
            case ClassDef c: foreach (var s in c.Body) yield return s; break;
            case Return r: if (r.Value != null) yield return r.Value; break;
            case Assign a: foreach (var t in a.Targets) yield return t; yield return a.Value; break;
            case AugAssign a: yield return a.Target; yield return a.Value; break;
            case AnnAssign a: yield return a.Target; if (a.Value != null) yield return a.Value; break;
            case For f: yield return f.Target; yield return f.Iter; foreach (var s in f.Body) yield return s; foreach (var s in f.OrElse) yield return s; break;
            case While w: yield return w.Test; foreach (var s in w.Body) yield return s; foreach (var s in w.OrElse) yield return s; break;
            case If i: yield return i.Test; foreach (var s in i.Body) yield return s; foreach (var s in i.OrElse) yield return s; break;
            case Raise r: if (r.Exc != null) yield return r.Exc; if (r.Cause != null) yield return r.Cause; break;
            case Assert a: yield return a.Test; if (a.Msg != null) yield return a.Msg; break;
            case ExprStmt e: yield return e.Value; break;
            case Try t:
                foreach (var s in t.Body) yield return s;
                foreach (var h in t.Handlers) yield return h;
                foreach (var s in t.OrElse) yield return s;
                foreach (var s in t.FinalBody) yield return s;
                break;
            case ExceptHandler h:
                if (h.Type != null) yield return h.Type;
                foreach (var s in h.Body) yield return s;
                break;
            case With w: foreach (var it in w.Items) { yield return it.ContextExpr; if (it.OptionalVars != null) yield return it.OptionalVars; } foreach (var s in w.Body) yield return s; break;
            case BoolOp b: foreach (var v in b.Values) yield return v; break;
            case NamedExpr ne: yield return ne.Target; yield return ne.Value; break;
            case BinOp b: yield return b.Left; yield return b.Right; break;
            case UnaryOp u: yield return u.Operand; break;
            case IfExp i: yield return i.Test; yield return i.Body; yield return i.OrElse; break;
            case Compare c: yield return c.Left; foreach (var x in c.Comparators) yield return x; break;
            case Call c: yield return c.Func; foreach (var a in c.Args) yield return a; foreach (var k in c.Keywords) yield return k.Value; break;
            case FormattedValue f: yield return f.Value; if (f.FormatSpec != null) yield return f.FormatSpec; break;
            case JoinedStr j: foreach (var v in j.Values) yield return v; break;
            case Attribute a: yield return a.Value; break;
            case Subscript s: yield return s.Value; yield return s.Slice; break;
            case Starred s: yield return s.Value; break;
            case Yield y: if (y.Value != null) yield return y.Value; break;
            case YieldFrom yf: yield return yf.Value; break;
            case Await aw: yield return aw.Value; break;
            case Syntax.Tuple t: foreach (var e in t.Elts) yield return e; break;
            case Syntax.List l: foreach (var e in l.Elts) yield return e; break;
            case Set s: foreach (var e in s.Elts) yield return e; break;
            case Dict d: foreach (var k in d.Keys) if (k != null) yield return k; foreach (var v in d.Values) yield return v; break;
            case Slice s: if (s.Lower != null) yield return s.Lower; if (s.Upper != null) yield return s.Upper; if (s.Step != null) yield return s.Step; break;
            case ListComp lc: yield return lc.Elt; foreach (var g in lc.Generators) foreach (var x in ComprehensionParts(g)) yield return x; break;
            case SetComp sc: yield return sc.Elt; foreach (var g in sc.Generators) foreach (var x in ComprehensionParts(g)) yield return x; break;
            case GeneratorExp ge: yield return ge.Elt; foreach (var g in ge.Generators) foreach (var x in ComprehensionParts(g)) yield return x; break;
            case DictComp dc: yield return dc.Key; yield return dc.Value; foreach (var g in dc.Generators) foreach (var x in ComprehensionParts(g)) yield return x; break;
        }
    }

    private static IEnumerable<Node> ComprehensionParts(Comprehension g)
    {
        yield return g.Target; yield return g.Iter;
        foreach (var i in g.Ifs) yield return i;
    }

    public static IEnumerable<Expr> ArgumentDefaults(Arguments a)
    {
        foreach (var d in a.Defaults) yield return d;
        foreach (var d in a.KwDefaults) if (d != null) yield return d;
    }
}
