using SharpJit.Binding;
using SharpJit.Diagnostics;
using SharpJit.Syntax;

namespace SharpJit.IR;

/// <summary>
/// Builds the IR of a function that has no source (<see cref="FunctionInfo.Synthesized"/>): an outlined loop body, a
/// wrapper. What it makes is the binder's untyped IR — parameters, blocks in SSA form, operations by name — so type
/// inference specialises it, the passes and the verifier treat it, and codegen lowers it like code read from source.
/// </summary>
public sealed class IrBuilder
{
    private readonly IrFunction _f;
    private readonly Span _span;

    /// <summary>A builder positioned in the entry block, with one parameter per parameter of fn.</summary>
    public IrBuilder(FunctionInfo fn)
    {
        _f = new IrFunction(fn.QualName, fn);
        _span = fn.NameSpan;
        Current = NewBlock();
        for (int k = 0; k < fn.Params.Count; k++)
            _f.Params.Add(new Instr(Op.Param, [], k, _span) { Id = _f.NextId++, Block = Current, Resolved = new Typing.ResolvedParam(fn.Params[k].Name) });
    }

    /// <summary>The block instructions are appended to.</summary>
    public Block Current { get; set; }

    public IReadOnlyList<Instr> Params => _f.Params;

    public Block NewBlock()
    {
        var b = new Block { Id = _f.Blocks.Count };
        _f.Blocks.Add(b);
        return b;
    }

    public Instr Const(object value) => Emit(Op.Const, value);
    /// <summary>A module global, builtin or imported module by name (as the binder reads one).</summary>
    public Instr Global(string name) => Emit(Op.Global, name);
    public Instr BinOp(Operator op, Value a, Value b) => Emit(Op.BinOp, op, a, b);
    public Instr Compare(CmpOperator op, Value a, Value b) => Emit(Op.Compare, op, a, b);
    public Instr Truth(Value v) => Emit(Op.Truth, null, v);
    public Instr GetItem(Value container, Value index) => Emit(Op.GetItem, null, container, index);
    public Instr Tuple(params Value[] items) => Emit(Op.MakeTuple, null, items);
    /// <summary>callee(args...) with positional arguments.</summary>
    public Instr Call(Value callee, params Value[] args) => Emit(Op.Call, new CallShape(args.Length, []), [callee, .. args]);

    /// <summary>A phi at the head of b for a variable, its operands in the order of b's predecessors (add them with
    /// <see cref="AddIncoming"/> as the edges are made).</summary>
    public Instr Phi(Block b, string variable)
    {
        var phi = new Instr(Op.Phi, [], variable, _span) { Id = _f.NextId++, Block = b };
        b.Phis.Add(phi);
        return phi;
    }

    public static void AddIncoming(Instr phi, Value v) => phi.Args = [.. phi.Args, v];

    public void Jump(Block target) => Terminate(new Terminator { Kind = TermKind.Jump, Target = target, Span = _span }, target);

    public void Branch(Value condition, Block ifTrue, Block ifFalse) =>
        Terminate(new Terminator { Kind = TermKind.Branch, Value = condition, Target = ifTrue, Else = ifFalse, Span = _span }, ifTrue, ifFalse);

    public void Return(Value v) => Terminate(new Terminator { Kind = TermKind.Return, Value = v, Span = _span });

    /// <summary>The function, once every block is terminated.</summary>
    public IrFunction Finish()
    {
        foreach (var b in _f.Blocks)
            if (!b.IsTerminated) throw new InvalidOperationException($"internal: block{b.Id} of {_f.Name} has no terminator");
        return _f;
    }

    private Instr Emit(Op op, object? data, params Value[] args)
    {
        var i = new Instr(op, args, data, _span) { Id = _f.NextId++, Block = Current };
        Current.Instrs.Add(i);
        return i;
    }

    private void Terminate(Terminator t, params Block[] targets)
    {
        if (Current.IsTerminated) throw new InvalidOperationException($"internal: block{Current.Id} is already terminated");
        Current.Term = t;
        foreach (var target in targets) target.Preds.Add(Current);
    }
}
