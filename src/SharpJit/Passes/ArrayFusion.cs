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
        var uses = new Dictionary<Value, int>();
        void Use(Value? v) { if (v != null) uses[v] = uses.GetValueOrDefault(v) + 1; }
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Phis.Concat(b.Instrs)) foreach (var a in i.Args) Use(a);
            Use(b.Term.Value);
        }
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
    }

    private static IEnumerable<ElementwiseNode> Nodes(ElementwiseNode root)
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
