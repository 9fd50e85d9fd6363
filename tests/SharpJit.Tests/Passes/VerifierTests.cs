using SharpJit.Binding;
using SharpJit.Diagnostics;
using SharpJit.IR;
using Xunit;

namespace SharpJit.Tests.Passes;

/// <summary>The IR verifier names what is broken: each test breaks one invariant of a correct function.</summary>
public class VerifierTests
{
    private const string Source = """
        def f(n):
            total = 0
            for i in range(n):
                if i % 2 == 0:
                    total += i
            return total
        """;

    private static IrFunction Fresh()
    {
        var module = new ModuleInfo(new SourceText("verify.py", Source), SharpJit.Syntax.PythonParser.Parse(new SourceText("verify.py", Source)));
        return Binder.Bind(module.Functions.Values.Single(f => f.Name == "f"));
    }

    private static string Problems(IrFunction f) => string.Join("\n", Verifier.Check(f, typed: false));

    [Fact]
    public void ACorrectFunctionPasses() => Assert.Empty(Verifier.Check(Fresh(), typed: false));

    [Fact]
    public void AnInstructionCarriesOnlyItsOpsPayload()
    {
        var f = Fresh();
        var binOp = f.Blocks.SelectMany(b => b.Instrs).First(i => i.Op == Op.BinOp);
        Assert.Equal(SharpJit.Syntax.Operator.Mod, binOp.Operator);
        Assert.Contains("BinOp instruction cannot carry String", Assert.Throws<InvalidOperationException>(() => binOp.Data = "x").Message);
        Assert.Contains("Param instruction cannot carry nothing", Assert.Throws<InvalidOperationException>(() => new Instr(Op.Param, [], null, default)).Message);
        Assert.Contains("GetItem instruction cannot carry Int32", Assert.Throws<InvalidOperationException>(() => new Instr(Op.GetItem, [], 1, default)).Message);
        // A typed view read for another op is an internal error, not a wrong value.
        Assert.Contains("BinOp instruction has no String payload", Assert.Throws<InvalidOperationException>(() => binOp.Name).Message);
        f.Params[0].Rewrite(Op.Const, [], 7L);
        Assert.Equal(7L, f.Params[0].Constant);
    }

    [Fact]
    public void MissingTerminator()
    {
        var f = Fresh();
        f.Blocks[^1].Term = new Terminator();
        Assert.Contains($"block{f.Blocks[^1].Id} has no terminator", Problems(f));
    }

    [Fact]
    public void PhiOperandsMustMatchPredecessors()
    {
        var f = Fresh();
        var phi = f.Blocks.SelectMany(b => b.Phis).First();
        phi.Args = phi.Args.Take(1).ToArray();
        Assert.Contains($"phi %{phi.Id} has 1 operands for", Problems(f));
    }

    [Fact]
    public void UseBeforeDefinition()
    {
        var f = Fresh();
        var b = f.Blocks.First(x => x.Instrs.Count >= 2 && x.Instrs.Any(i => i.Args.Any(a => a is Instr ai && ai.Block == x && ai.Op != Op.Phi)));
        var user = b.Instrs.First(i => i.Args.Any(a => a is Instr ai && ai.Block == b && ai.Op != Op.Phi));
        b.Instrs.Remove(user);
        b.Instrs.Insert(0, user);
        Assert.Contains("before its definition", Problems(f));
    }

    [Fact]
    public void DefinitionMustDominateUse()
    {
        var f = Fresh();
        // The loop body's value used by the function's return: not dominated (the loop may not run).
        var bodyValue = f.Blocks.SelectMany(b => b.Instrs).First(i => i.Op == Op.BinOp && i.Operator == SharpJit.Syntax.Operator.Mod);
        var ret = f.Blocks.First(b => b.Term.Kind == TermKind.Return);
        ret.Term.Value = bodyValue;
        Assert.Contains("does not dominate", Problems(f));
    }

    [Fact]
    public void EdgesMustBeListedOnBothEnds()
    {
        var f = Fresh();
        var target = f.Blocks.First(b => b.Preds.Count > 0);
        target.Preds.RemoveAt(0);
        Assert.Contains("predecessor", Problems(f));
    }

    [Fact]
    public void DuplicateIds()
    {
        var f = Fresh();
        var all = f.Blocks.SelectMany(b => b.Instrs).ToList();
        all[1].Id = all[0].Id;
        Assert.Contains("is used twice", Problems(f));
    }

    [Fact]
    public void VerificationFailureNamesThePass()
    {
        var f = Fresh();
        f.Blocks[^1].Term = new Terminator();
        var e = Assert.Throws<IrVerificationException>(() => Verifier.Verify(f, "my-pass", typed: false));
        Assert.Contains("after pass 'my-pass'", e.Message);
    }
}
