using System.Collections.Immutable;
using SharpJit.IR;
using SharpJit.Library;
using SharpJit.Typing;

namespace SharpJit.Passes;

/// <summary>
/// Fuses trees of element-wise array operations into one instruction that makes one loop and one output array, with
/// no temporaries: <c>(2 - d) * c - (1 - d) * p + a * dt**2</c> is one pass over the elements. An operation joins its
/// user's tree when its result is used only there, in the same block, and nothing between them can write to memory or
/// print (array reads such as slicing may stand between). Broadcasting is checked per operation, in order, so errors
/// are the ones NumPy gives.
/// </summary>
public static class ArrayFusion
{
    public static void Run(IrFunction f)
    {
        var uses = UseCounts(f);
        foreach (var b in f.Blocks)
        {
            var absorbed = new HashSet<Instr>();
            for (int n = b.Instrs.Count - 1; n >= 0; n--)
            {
                var root = b.Instrs[n];
                if (absorbed.Contains(root) || Elementwise(root) is not { } info) continue;
                var leaves = new List<Value>();
                var members = new HashSet<Instr>();
                var tree = Build(root, info, b, n, uses, leaves, members);
                if (members.Count == 0) continue;
                absorbed.UnionWith(members);
                var literals = leaves.Select(TypeInference.LiteralOf).ToImmutableArray();
                var sig = new Signature(leaves.Select(l => l.Type).ToImmutableArray(), literals, ImmutableArray<string>.Empty, root.Type);
                var callees = Nodes(tree).SelectMany(x => x.Callees).Distinct().ToList();
                root.Rewrite(Op.ArrayExpr, leaves.ToArray(), tree);
                root.Resolved = new ResolvedLibraryCall(Builtins.FusedElementwise(tree), sig) { Callees = callees };
            }
            b.Instrs.RemoveAll(absorbed.Contains);
        }
        FuseReductions(f);
        FuseMaskedAssignments(f);
    }

    /// <summary>
    /// A reduction of a tree's elements, of all of them or along the last axis (<c>((a - b) ** 2).sum()</c>,
    /// <c>np.sum(x * y)</c>, <c>(d ** 2).sum(-1)</c>, <c>np.mean((a - b) ** 2)</c>, <c>np.abs(a - b).max()</c>, <c>(a &gt;
    /// 0).sum()</c>), becomes one instruction that reduces them as they are computed, without the array (float sums
    /// block by block as NumPy sums the temporary: Builtins.FusedReductionEntry). Only where the temporary would be
    /// C-ordered and its elements cannot raise, outside parallel=True functions (whose trees and sums run on the
    /// thread pool).
    /// </summary>
    private static void FuseReductions(IrFunction f)
    {
        if (f.Info.Parallel) return;
        var uses = UseCounts(f);
        foreach (var b in f.Blocks)
        {
            var absorbed = new HashSet<Instr>();
            for (int n = 0; n < b.Instrs.Count; n++)
            {
                var call = b.Instrs[n];
                if (call.Op != Op.Call || call.Resolved is not ResolvedLibraryCall { Folded: null } lc || call.CallShape.KeywordNames.Any(k => k != "axis")) continue;
                // np.sum(tree[, axis]) or tree.sum([axis]): the array and the axis argument (null: none given).
                Value? array; Value? axis;
                var positional = call.Args.Length - call.CallShape.KeywordNames.Count;
                Instr? method = null;
                // The reduction's name, as the method (numpy.amax is numpy.max).
                string name = lc.Function.Name switch { "numpy.amax" => "max", "numpy.amin" => "min", var full => full[(full.IndexOf('.') + 1)..] };
                if (lc.Function.Name.StartsWith("numpy.", StringComparison.Ordinal) && positional is 2 or 3) (array, axis) = (call.Args[1], positional == 3 ? call.Args[2] : null);
                else if (lc.Function.Name.StartsWith("method.", StringComparison.Ordinal) && positional is 1 or 2 && call.Args[0] is Instr { Op: Op.Attr, Type: BoundMethodType } bound
                         && bound.Block == b && uses.GetValueOrDefault(bound) == 1)
                    (method, array, axis) = (bound, bound.Args[0], positional == 2 ? call.Args[1] : null);
                else continue;
                if (call.CallShape.KeywordNames.Count == 1) { if (axis != null) continue; axis = call.Args[^1]; }
                if (array is not Instr source || source.Block != b || uses.GetValueOrDefault(source) != 1) continue;
                (ElementwiseNode Tree, Value[] Leaves)? fused = source.Op == Op.ArrayExpr ? (source.Elementwise, source.Args)
                    : Elementwise(source) is { InPlace: false } info ? SingleNode(source, info) : null;
                // (a Fortran-ordered temporary only whole: NumPy sums its lines along the last axis in order)
                if (fused is not var (tree, leaves) || tree.InPlace || tree.Type is not { Ndim: > 0, Layout: ArrayLayout.C or ArrayLayout.F } t
                    || !Builtins.FusesReduction(name, t.Dtype)) continue;
                bool perRow;
                if (axis == null || axis.Type == SimpleType.None) perRow = false;
                else if (TypeInference.LiteralOf(axis) is long k && (k == t.Ndim - 1 || k == -1) && t.Layout == ArrayLayout.C) perRow = t.Ndim > 1;
                else continue;
                if (perRow ? call.Type is not ArrayType { Layout: ArrayLayout.C } rt || rt.Ndim != t.Ndim - 1 : call.Type is not ScalarType) continue;
                var members = new HashSet<Instr> { source };
                if (method != null) members.Add(method);
                if (!NothingWritesBetween(b, b.Instrs.IndexOf(source), n, members)) continue;
                if (Builtins.ElementwiseMayRaise(tree, leaves.Select(l => l.Type).ToArray(), leaves.Select(TypeInference.LiteralOf).ToArray())) continue;
                var sig = new Signature(leaves.Select(l => l.Type).ToImmutableArray(), leaves.Select(TypeInference.LiteralOf).ToImmutableArray(),
                    ImmutableArray<string>.Empty, call.Type);
                var reduction = new FusedReduction(tree, perRow, name);
                var callees = source.Resolved is ResolvedLibraryCall sr ? sr.Callees : new List<Specialization>();
                call.Rewrite(Op.ArrayReduce, leaves, reduction);
                call.Resolved = new ResolvedLibraryCall(Builtins.FusedReductionEntry(reduction), sig) { Callees = callees };
                absorbed.UnionWith(members);
            }
            b.Instrs.RemoveAll(absorbed.Contains);
        }
    }

    /// <summary>
    /// <c>a[m] = f(x[m], y[m], numbers)</c> and <c>a[m] += v</c> (a boolean mask m of one or more dimensions) become one
    /// loop over the mask computing f where it holds and storing into a, instead of a copy per x[m], a result array and a
    /// scatter. Every x[m] must be read only there and nothing between the reads and the assignment may write or raise;
    /// an f whose elements may raise is left alone (NumPy's path writes nothing then).
    /// </summary>
    private static void FuseMaskedAssignments(IrFunction f)
    {
        var uses = UseCounts(f);
        foreach (var b in f.Blocks)
        {
            var absorbed = new HashSet<Instr>();
            for (int n = 0; n < b.Instrs.Count; n++)
            {
                var set = b.Instrs[n];
                if (set.Op != Op.SetItem || set.Args.Length != 3 || set.Resolved is not ResolvedLibraryCall { Function.Name: "operator.setitem" }
                    || set.Args[0].Type is not ArrayType { Readonly: false } target || set.Args[1].Type is not ArrayType { Ndim: > 0 } maskType
                    || maskType.Ndim != target.Ndim   // a mask of rows (a[m] += v on 2-d a) selects rows: setitem's own path
                    || maskType.Dtype != ScalarType.Bool || set.Args[2] is not Instr value || value.Block != b || uses.GetValueOrDefault(value) != 1)
                    continue;
                var mask = set.Args[1];
                bool IsGather(Value v) => v is Instr { Op: Op.GetItem, Resolved: ResolvedLibraryCall { Function.Name: "array.getitem" } } g
                    && g.Block == b && g.Args[1] == mask && g.Args[0].Type is ArrayType;
                ElementwiseNode? tree;
                Value[] operands;
                if (IsGather(value)) { tree = null; operands = new Value[] { value }; }
                else if (value.Op == Op.ArrayExpr) { tree = value.Elementwise; operands = value.Args; }
                else if (Elementwise(value) is { } info && (!info.InPlace || value.Op == Op.InPlaceOp)) (tree, operands) = SingleNode(value, info);
                else continue;
                var members = new HashSet<Instr> { value };
                // a[m] += f(y[m], ...): the right-hand side's tree joins (x[m] is a new array, so adding element by
                // element after computing each right-hand element is what NumPy's whole right-hand side then += gives).
                if (value.Op == Op.InPlaceOp && operands[1] is Instr rhs && rhs.Block == b && uses.GetValueOrDefault(rhs) == 1
                    && (rhs.Op == Op.ArrayExpr || Elementwise(rhs) is { InPlace: false }))
                {
                    var (rhsTree, rhsOperands) = rhs.Op == Op.ArrayExpr ? (rhs.Elementwise, rhs.Args) : SingleNode(rhs, Elementwise(rhs)!.Value);
                    tree = tree! with { Operands = new object[] { 0, Shifted(rhsTree, 1) } };
                    operands = rhsOperands.Prepend(operands[0]).ToArray();
                    members.Add(rhs);
                }
                // Each operand is a number or x[m], read only by this value.
                if (!operands.All(o => o.Type is ScalarType || IsGather(o) && uses.GetValueOrDefault(o) == operands.Count(x => x == o))) continue;
                var gathers = operands.Where(IsGather).Cast<Instr>().Distinct().ToList();
                if (gathers.Count == 0) continue;
                members.UnionWith(gathers);
                int first = members.Min(m => b.Instrs.IndexOf(m));
                if (!OnlyConstantsBetween(b, first, n, members)) continue;
                var leaves = operands.Select(o => IsGather(o) ? ((Instr)o).Args[0] : o).ToArray();
                var literals = leaves.Select(TypeInference.LiteralOf).ToArray();
                if (tree != null && Builtins.ElementwiseMayRaise(tree, leaves.Select(l => l.Type).ToArray(), literals)) continue;
                var gathered = operands.Select(IsGather).ToArray();
                var spans = operands.Select(o => IsGather(o) ? o.Span : set.Span).ToArray();
                var args = new[] { set.Args[0], mask }.Concat(leaves).ToArray();
                var sig = new Signature(args.Select(a => a.Type).ToImmutableArray(), args.Select(TypeInference.LiteralOf).ToImmutableArray(),
                    ImmutableArray<string>.Empty, SimpleType.None);
                var callees = tree == null ? new List<Specialization>() : Nodes(tree).SelectMany(x => x.Callees).Distinct().ToList();
                var assignment = new MaskedAssignment(tree, gathered, spans);
                set.Rewrite(Op.MaskedAssign, args, assignment);
                set.Resolved = new ResolvedLibraryCall(Builtins.FusedMaskedAssign(assignment), sig) { Callees = callees };
                absorbed.UnionWith(members);
            }
            b.Instrs.RemoveAll(absorbed.Contains);
        }
    }

    /// <summary>An element-wise instruction as a tree of one node over its operands.</summary>
    private static (ElementwiseNode Tree, Value[] Operands) SingleNode(Instr i, (string UFunc, LibFunc Element, bool InPlace) info)
    {
        var operands = Operands(i);
        return (new ElementwiseNode(info.UFunc, info.Element, (ArrayType)i.Type, Enumerable.Range(0, operands.Length).Cast<object>().ToArray(),
            info.InPlace, i.Span, ((ResolvedLibraryCall)i.Resolved!).Callees), operands);
    }

    /// <summary>A tree whose leaves are numbered from k on.</summary>
    private static ElementwiseNode Shifted(ElementwiseNode n, int k) =>
        n with { Operands = n.Operands.Select(o => o is int leaf ? (object)(leaf + k) : Shifted((ElementwiseNode)o, k)).ToArray() };

    /// <summary>Whether every instruction strictly between two positions, other than the members, is a constant, a
    /// name read or a module's attribute (np.sqrt): nothing that can write or raise.</summary>
    private static bool OnlyConstantsBetween(Block b, int from, int to, HashSet<Instr> members)
    {
        for (int n = from + 1; n < to; n++)
        {
            var i = b.Instrs[n];
            if (!members.Contains(i) && i.Op is not (Op.Const or Op.Global) && !(i.Op == Op.Attr && i.Args[0].Type is ModuleType)) return false;
        }
        return true;
    }

    /// <summary>How many times each value is used (by instructions, phis and terminators).</summary>
    private static Dictionary<Value, int> UseCounts(IrFunction f)
    {
        var uses = new Dictionary<Value, int>();
        void Use(Value? v) { if (v != null) uses[v] = uses.GetValueOrDefault(v) + 1; }
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Phis.Concat(b.Instrs)) foreach (var a in i.Args) Use(a);
            Use(b.Term.Value);
        }
        return uses;
    }

    internal static IEnumerable<ElementwiseNode> Nodes(ElementwiseNode root)
    {
        var stack = new Stack<ElementwiseNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            yield return n;
            foreach (var child in n.Operands.OfType<ElementwiseNode>().Reverse()) stack.Push(child);
        }
    }

    /// <summary>What an instruction computes element by element (ufunc, scalar entry), or null.</summary>
    private static (string UFunc, LibFunc Element, bool InPlace)? Elementwise(Instr i)
    {
        if (i.Type is not ArrayType || i.Streamed || i.Resolved is not ResolvedLibraryCall { Folded: null } lc) return null;
        if (lc.Function.Elementwise is not { } e) return null;
        if (i.Op == Op.Call && i.CallShape.KeywordNames.Count > 0) return null;
        if (i.Op == Op.Call && i.Args[0].Type is BoundMethodType) return null;
        if (Operands(i).Any(a => a.Type == SimpleType.None)) return null;   // np.clip(a, None, hi) is np.minimum's call
        // np.clip's float and complex number (or 0-d) bounds are read once, a NaN as no bound (Arrays.Routines.cs): not per element
        if (lc.Function.Name == "numpy.clip" && Operands(i).Skip(1).Any(a => a.Type is ScalarType { Rank: >= 2 } or ArrayType { Ndim: 0, Dtype.Rank: >= 2 })) return null;
        return i.Op is Op.BinOp or Op.UnaryOp or Op.Compare or Op.Call or Op.InPlaceOp or Op.ArrayExpr ? e : null;
    }

    /// <summary>The operands of an element-wise instruction (a call's arguments follow its callee).</summary>
    private static Value[] Operands(Instr i) => i.Op == Op.Call ? i.Args[1..] : i.Args;

    private static ElementwiseNode Build(Instr i, (string UFunc, LibFunc Element, bool InPlace) info, Block b, int rootAt,
        Dictionary<Value, int> uses, List<Value> leaves, HashSet<Instr> members)
    {
        Diagnostics.CompileDepth.EnsureStack();
        var lc = (ResolvedLibraryCall)i.Resolved!;
        var operands = new List<object>();
        foreach (var a in Operands(i))
        {
            // An in-place root reads its operands whole before writing (NumPy's temporary): it fuses nothing below it.
            if (!info.InPlace && a is Instr j && j.Block == b && uses.GetValueOrDefault(j) == 1 && Elementwise(j) is { InPlace: false } child
                && j.Op != Op.ArrayExpr && NothingWritesBetween(b, b.Instrs.IndexOf(j), rootAt, members))
            {
                members.Add(j);
                operands.Add(Build(j, child, b, rootAt, uses, leaves, members));
                continue;
            }
            operands.Add(leaves.Count);
            leaves.Add(a);
        }
        return new ElementwiseNode(info.UFunc, info.Element, (ArrayType)i.Type, operands.ToArray(), info.InPlace, i.Span, lc.Callees);
    }

    /// <summary>Whether every instruction strictly between two positions only reads: element-wise operations (they
    /// allocate their own results), array views and attributes, constants, tuples.</summary>
    private static bool NothingWritesBetween(Block b, int from, int to, HashSet<Instr> members)
    {
        for (int n = from + 1; n < to; n++)
        {
            var x = b.Instrs[n];
            if (members.Contains(x) || Elementwise(x) is { InPlace: false }) continue;
            if (x.Op is Op.Const or Op.Global or Op.MakeTuple or Op.Attr or Op.GetItem or Op.Truth or Op.Not) continue;
            if (x.Op is Op.BinOp or Op.UnaryOp or Op.Compare && x.Type is ScalarType) continue;
            if (x.Op == Op.Call && x.Resolved is ResolvedLibraryCall { Function.Name: "slice" }) continue;
            return false;
        }
        return true;
    }
}
