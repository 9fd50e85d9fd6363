using SharpJit.Diagnostics;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.IR;

/// <summary>Instruction kinds of the control-flow IR. Every instruction defines one SSA value.</summary>
public enum Op
{
    Const,        // Data = constant (long, double, bool, Complex, string, PyNone)
    Param,        // Data = parameter index
    Phi,          // Args = incoming values, in the order of Block.Preds; Data = variable name
    Undef,        // Data = variable name: read before assignment on some path
    Global,       // Data = name: module-level name, builtin, or imported module
    StoreGlobal,  // Args[0] = value; Data = name (module code writing a global read by functions)
    Attr,         // Args[0] = object; Data = attribute name
    SetAttr,      // Args[0] = object, Args[1] = value; Data = attribute name: object.name = value (result None)
    BinOp,        // Args[0], Args[1]; Data = Syntax.Operator
    UnaryOp,      // Args[0]; Data = Syntax.UnaryOperator (Not is lowered to Truth + Not)
    Not,          // Args[0] = bool
    Compare,      // Args[0], Args[1]; Data = Syntax.CmpOperator
    Truth,        // Args[0]: Python truthiness, result bool
    Call,         // Args[0] = callee, then positional args, then keyword values; Data = CallShape
    MakeTuple,    // Args = items
    GetItem,      // Args[0] = container, Args[1] = index
    SetItem,      // Args[0] = container, Args[1] = index, Args[2] = value: container[index] = value (result None)
    InPlaceOp,    // Args[0], Args[1]; Data = Syntax.Operator: x op= y (arrays are updated in place, other values rebound)
    ArrayExpr,    // Args = leaves; Data = Library.ElementwiseNode: a fused tree of element-wise array operations (Passes.ArrayFusion)
    ArrayReduce,  // Args = leaves; Data = Library.FusedReduction: a sum of a fused tree's elements, without its array (Passes.ArrayFusion)
    MaskedAssign, // Args[0] = target array, Args[1] = boolean mask, then leaves; Data = Library.MaskedAssignment: target[mask] = a tree of the leaves, some read through the mask (Passes.ArrayFusion; result None)
    GetIter,      // Args[0] = iterable
    IterValid,    // Args[0] = iterator: bool
    IterValue,    // Args[0] = iterator: current item
    IterNext,     // Args[0] = iterator: the advanced iterator
    FormatValue,  // Args[0] = value, Args[1] = spec (str) when present; Data = FormatShape
    JoinStr,      // Args = str parts
    MakeClosure,  // Args = captured values; Data = FunctionInfo
    CheckBound,   // Args[0] = bool: the variable is bound here, Args[1] = its value (for typing only); Data = BoundName: UnboundLocalError (NameError at module level or for a closure's free variable) when false
    IncRef,       // Args[0] = value whose type holds references: take one more (inserted by Passes.Ownership)
    DecRef,       // Args[0] = value whose type holds references: drop the frame's reference (inserted by Passes.Ownership)
    ExcMatch,     // Args[0] = exception class or tuple of classes: does the pending exception match it (an except clause's test)
    ExcCatch,     // Data = bool: keep it. Takes the pending exception (clearing it): the caught exception's value if kept, else None
    Narrow,       // Args[0] = a variable a branch showed is not None: its value (an Optional's value, anything else itself); Data = the variable's name
    Unwrap,       // Args[0] = an Optional used where its value is needed; Data = CPython's TypeError message when it is None
    ExcCause,     // Args[0] = exception or None: the cause the raise that ends this block gives its exception (raise X from Y)
    Yield,        // Args[0] = value: a generator suspends, giving it; last in its block, whose jump is where it resumes (result None)
    Resumed,      // first in the block a yield resumes in: the value sent in (send(v); None for next()); raises what throw()/close() throw in
    Delegate,     // Args[0] = the iterator of a yield from, first in the block its yield resumes in: passes on what was sent or thrown in and advances it (true: it yielded again)
    DelegateResult, // Args[0] = the iterator of a finished yield from: its value (a generator's return value, else None)
}

/// <summary>How a call's arguments are laid out. Spread: Args[1] is a tuple of all positional arguments (a call with
/// <c>*t</c>), expanded into them once its type is known (TypeInference.ExpandSpread).</summary>
public sealed record CallShape(int Positional, IReadOnlyList<string> KeywordNames, bool Spread = false);
public sealed record FormatShape(int Conversion, bool HasSpec);
/// <summary>The variable a CheckBound guards; Free: read through a closure (CPython's free-variable NameError).</summary>
public sealed record BoundName(string Name, bool Free)
{
    /// <summary>A check of a closure's capture against the flag its maker passed (not a placeholder of the binder).</summary>
    public bool Explicit { get; init; }
    public override string ToString() => Free ? "free " + Name : Name;
}

public abstract class Value
{
    public int Id;
    public SjType Type = SimpleType.Unknown;
    public Span Span;
}

public sealed class Instr : Value
{
    public Op Op { get; private set; }
    public Value[] Args;
    private object? _data;
    /// <summary>What the op carries besides its operands (see <see cref="OpPayload"/>), checked against the op whenever it
    /// is set: no instruction carries another op's kind of data. Read it through the typed views below.</summary>
    public object? Data { get => _data; set => _data = OpPayload.Checked(Op, value); }
    public Block Block;
    /// <summary>Filled by type inference: what a call, operator, folded global or constant subscript resolved to.</summary>
    public Resolution? Resolved;
    /// <summary>An f-string (or part) that is only written (printed, used as a message, joined into another): it is
    /// streamed to its sink and never built as a value, so it owns nothing (Passes.StreamedStrings).</summary>
    public bool Streamed;
    /// <summary>A bound method (<c>xs.append</c>) used only as the callee of calls: its value is its receiver's, so it
    /// borrows the receiver's reference instead of taking one (Passes.Ownership).</summary>
    public bool BorrowsReceiver;
    /// <summary>A parameter the function only reads (never returns, raises or yields): the caller's reference keeps it
    /// alive for the whole call, so the callee takes none of its own (Passes.Ownership).</summary>
    public bool BorrowedParam;
    /// <summary>A view of an array (<c>a[i]</c>, <c>a[1:-1]</c>) that is only read and passed on: the array it views is
    /// kept alive until its last use instead, so it takes no reference (Passes.Ownership, Library array.getitem).</summary>
    public bool BorrowsBase;
    /// <summary>Held by a variable of the program (not only a temporary): CPython keeps such a value until the variable
    /// is rebound or goes away, which matters where dropping it runs code (a generator closed in its finally).</summary>
    public bool Named;

    public Instr(Op op, Value[] args, object? data, Span span) { Op = op; Args = args; Data = data; Span = span; }

    /// <summary>Turns this instruction into another op in place (a pass fusing a tree into its root); its uses stay.</summary>
    public void Rewrite(Op op, Value[] args, object? data)
    {
        Op = op;
        Args = args;
        Data = data;
    }

    // Typed views of the payload, each valid for its ops only.
    /// <summary>Const: the constant (long, double, bool, Complex, string, PyNone or a typed constant).</summary>
    public object? Constant => Payload<object?>(Op.Const);
    /// <summary>Param: the parameter's index (captured values first).</summary>
    public int ParamIndex => Payload<int>(Op.Param);
    /// <summary>Phi, Undef and Narrow: the variable's name; Global and StoreGlobal: the global's; Attr and SetAttr: the attribute's.</summary>
    public string Name => Payload<string>(Op.Phi, Op.Undef, Op.Narrow, Op.Global, Op.StoreGlobal, Op.Attr, Op.SetAttr);
    /// <summary>BinOp and InPlaceOp: the operator.</summary>
    public Operator Operator => Payload<Operator>(Op.BinOp, Op.InPlaceOp);
    public UnaryOperator UnaryOperator => Payload<UnaryOperator>(Op.UnaryOp);
    public CmpOperator CmpOperator => Payload<CmpOperator>(Op.Compare);
    public CallShape CallShape => Payload<CallShape>(Op.Call);
    public FormatShape FormatShape => Payload<FormatShape>(Op.FormatValue);
    /// <summary>MakeClosure: the function it makes.</summary>
    public Binding.FunctionInfo Closure => Payload<Binding.FunctionInfo>(Op.MakeClosure);
    public BoundName BoundName => Payload<BoundName>(Op.CheckBound);
    /// <summary>ExcCatch: whether the caught exception is kept as the value.</summary>
    public bool KeepsException => Payload<bool>(Op.ExcCatch);
    public UnwrapCheck UnwrapCheck => Payload<UnwrapCheck>(Op.Unwrap);
    public Library.ElementwiseNode Elementwise => Payload<Library.ElementwiseNode>(Op.ArrayExpr);
    public Library.MaskedAssignment MaskedAssignment => Payload<Library.MaskedAssignment>(Op.MaskedAssign);
    public Library.FusedReduction FusedReduction => Payload<Library.FusedReduction>(Op.ArrayReduce);

    private T Payload<T>(params Op[] ops) =>
        Array.IndexOf(ops, Op) >= 0 ? (T)_data! : throw new InvalidOperationException($"internal: a {Op} instruction has no {typeof(T).Name} payload");
}

/// <summary>The payload each op carries in <see cref="Instr.Data"/> (nothing for ops not listed).</summary>
public static class OpPayload
{
    public static object? Checked(Op op, object? data)
    {
        bool fits = op switch
        {
            Op.Const => true,
            Op.Param => data is int,
            Op.Phi or Op.Undef or Op.Global or Op.StoreGlobal or Op.Attr or Op.SetAttr or Op.Narrow => data is string,
            Op.BinOp or Op.InPlaceOp => data is Operator,
            Op.UnaryOp => data is UnaryOperator,
            Op.Compare => data is CmpOperator,
            Op.Call => data is CallShape,
            Op.FormatValue => data is FormatShape,
            Op.MakeClosure => data is Binding.FunctionInfo,
            Op.CheckBound => data is BoundName,
            Op.ExcCatch => data is bool,
            Op.Unwrap => data is UnwrapCheck,
            Op.ArrayExpr => data is Library.ElementwiseNode,
            Op.MaskedAssign => data is Library.MaskedAssignment,
            Op.ArrayReduce => data is Library.FusedReduction,
            _ => data is null,
        };
        return fits ? data : throw new InvalidOperationException($"internal: a {op} instruction cannot carry {(data == null ? "nothing" : data.GetType().Name)}");
    }
}

/// <summary>Unreachable ends a block after a call that never returns normally (its callee always raises or
/// recurses without end: its result has type NoReturn).
/// Reraise propagates the pending exception (an except clause that did not match) or, with a Value, raises a caught
/// exception again with its own traceback (a bare <c>raise</c>).</summary>
public enum TermKind { None, Jump, Branch, Return, Raise, Unreachable, Reraise }

public sealed class Terminator
{
    public TermKind Kind;
    public Value? Value;          // Branch condition, Return value, Raise exception
    public Block? Target, Else;
    public Span Span;
}

public sealed class Block
{
    public int Id;
    public readonly List<Instr> Phis = new();
    public readonly List<Instr> Instrs = new();
    public readonly List<Block> Preds = new();
    public Terminator Term = new();
    public bool IsTerminated => Term.Kind != TermKind.None;
    /// <summary>Inside a try: where an exception raised anywhere in this block goes (its landing block, which lists
    /// this block among its predecessors). The binder keeps every variable write of a protected block before its
    /// first instruction, so the landing's phis take each variable's value at the end of this block.</summary>
    public Block? Handler;
    /// <summary>A landing block: the owned values it needs (set by Passes.Ownership); the frame drops every other
    /// value it owns when an exception lands here.</summary>
    public HashSet<Value>? KeptAtLanding;
    /// <summary>Inside an except clause (or a finally body run for an exception): the exception being handled, which
    /// becomes the context of an exception raised here ("During handling of the above exception…").</summary>
    public Value? Handling;
    public bool IsLanding => Preds.Count > 0 && Preds.All(p => p.Handler == this);

    /// <summary>Successors by the terminator, then the exceptional edge to the handler.</summary>
    public IEnumerable<Block> Succs
    {
        get
        {
            foreach (var s in NormalSuccs) yield return s;
            if (Handler != null) yield return Handler;
        }
    }

    /// <summary>Successors by the terminator (without the edge to the handler).</summary>
    public IEnumerable<Block> NormalSuccs
    {
        get
        {
            if (Term.Kind == TermKind.Jump) yield return Term.Target!;
            else if (Term.Kind == TermKind.Branch) { yield return Term.Target!; yield return Term.Else!; }
        }
    }
}

public sealed class IrFunction
{
    public string Name;
    public Binding.FunctionInfo Info;
    public readonly List<Block> Blocks = new();
    public readonly List<Instr> Params = new();
    public Block Entry => Blocks[0];
    /// <summary>The next unused value id (passes that insert instructions take ids from here).</summary>
    public int NextId;
    public IrFunction(string name, Binding.FunctionInfo info) { Name = name; Info = info; }

    /// <summary>Blocks reachable from entry, in reverse post-order (definitions before uses except through phis).</summary>
    public List<Block> ReversePostOrder()
    {
        var seen = new HashSet<Block>();
        var order = new List<Block>();
        var stack = new Stack<(Block, IEnumerator<Block>)>();
        seen.Add(Entry);
        stack.Push((Entry, Entry.Succs.GetEnumerator()));
        while (stack.Count > 0)
        {
            var (b, it) = stack.Peek();
            if (it.MoveNext())
            {
                var s = it.Current;
                if (seen.Add(s)) stack.Push((s, s.Succs.GetEnumerator()));
            }
            else { stack.Pop(); order.Add(b); }
        }
        order.Reverse();
        return order;
    }
}
