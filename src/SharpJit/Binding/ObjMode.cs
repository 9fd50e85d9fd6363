using SharpJit.Diagnostics;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Binding;

/// <summary>
/// A <c>with sharpjit.objmode(y="float64", ...):</c> block, as Numba's objmode: its body runs as Python with the
/// variables it reads passed in (<see cref="Inputs"/>), and the declared variables come back typed (<see cref="Outputs"/>).
/// Lines: the body's first and last source lines (1-based).
/// </summary>
public sealed record ObjModeBlock(string[] Inputs, string[] Outputs, SjType[] OutputTypes, int FirstLine, int LastLine, Span Span);

/// <summary>The host that runs objmode blocks (the CPython extension).</summary>
public interface IObjModeHost
{
    /// <summary>Makes the Python function that runs the block (in the compiled function's globals); its id.</summary>
    long Define(SourceText file, ObjModeBlock block);

    /// <summary>Why values of type t cannot go into Python (or, for an output, come back), or null when they can.</summary>
    string? CannotPass(SjType t, bool output);

    /// <summary>Registers a call of a block with its argument types: the id compiled code passes to <see cref="CallAddress"/>.</summary>
    long PrepareCall(long block, SjType[] inputs, SjType[] outputs);

    /// <summary><c>int32 call(int64 id, ptr packed inputs, ptr packed outputs)</c>: non-zero with the exception pending.</summary>
    long CallAddress { get; }

    /// <summary>Identifies this process's blocks in cache keys (they cannot be reused by another process).</summary>
    string ProcessKey { get; }
}

public static class ObjMode
{
    /// <summary>objmode(...) or sharpjit.objmode(...) as the one context manager of a with statement.</summary>
    public static Call? Declaration(With w) =>
        w.Items is [{ OptionalVars: null, ContextExpr: Call { Func: Name { Id: "objmode" } or Syntax.Attribute { Attr: "objmode" } } call }] ? call : null;

    /// <summary>The block's declared outputs (keyword name = "type"), checked.</summary>
    public static (string[] Names, SjType[] Types) Outputs(ModuleInfo module, Call call)
    {
        if (call.Args.Count > 0)
            throw module.Error(ErrorKind.TypingError, "objmode() takes only keyword arguments: the variables the block makes, with their types", call.Args[0].Span,
                "write with sharpjit.objmode(y=\"float64\"):");
        var names = new List<string>(); var types = new List<SjType>();
        foreach (var k in call.Keywords)
        {
            if (k.Arg == null || k.Value is not Constant { Value: string text })
                throw module.Error(ErrorKind.TypingError, "objmode() declares each variable with its type as a string", k.Value.Span, "write y=\"float64\"");
            try { types.Add(TypeNames.Parse(text)); }
            catch (Exception) { throw module.Error(ErrorKind.TypingError, $"objmode(): unknown type '{text}' for '{k.Arg}'", k.Value.Span, "use a type name such as \"float64\", \"int64\", \"bool\" or \"str\""); }
            names.Add(k.Arg);
        }
        return (names.ToArray(), types.ToArray());
    }

    /// <summary>The function's variables the body reads before it assigns them (passed in as arguments), in order of
    /// first appearance. An assignment's targets count as written where the statement ends (its value is read first).</summary>
    public static string[] Inputs(FunctionInfo fn, With w)
    {
        var nodes = w.Body.SelectMany(AstWalk.Descendants).ToList();
        var augmented = nodes.OfType<AugAssign>().Select(a => a.Target).ToHashSet();   // read, then written
        var written = new Dictionary<string, int>();
        void Wrote(string name, int at) { if (!written.TryGetValue(name, out var was) || at < was) written[name] = at; }
        foreach (var node in nodes)
        {
            var (targets, at) = node switch
            {
                Assign a => (a.Targets, a.Span.End),
                AnnAssign an when an.Value != null => (new List<Expr> { an.Target }, an.Span.End),
                _ => (null, 0),
            };
            if (targets != null)
                foreach (var n in targets.SelectMany(AstWalk.Descendants).OfType<Name>()) Wrote(n.Id, at);
            else if (node is Name { Ctx: ExprContext.Store } stored && !augmented.Contains(stored)) Wrote(stored.Id, stored.Span.Start);
        }
        return nodes.OfType<Name>()
            .Where(n => (n.Ctx == ExprContext.Load || augmented.Contains(n))
                && (fn.Locals.Contains(n.Id) || fn.Params.Any(p => p.Name == n.Id))
                && (!written.TryGetValue(n.Id, out var at) || n.Span.Start < at))
            .Select(n => n.Id).Distinct().ToArray();
    }
}
