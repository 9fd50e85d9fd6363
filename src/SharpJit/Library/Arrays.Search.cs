using SharpJit.Llvm;
using SharpJit.Typing;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// NumPy's searching and indexing routines written in Python (Library/py/npsearch.py): the ndarray methods among them
/// (<c>a.nonzero()</c>, <c>a.take(...)</c>) and np.where with one argument (np.nonzero). The module functions
/// register from their <c>@overload</c> decorators.
/// </summary>
public static unsafe partial class Builtins
{
    private const string SearchModule = "npsearch";

    private static void RegisterSearchForms()
    {
        var none = Syntax.PyNone.Instance;
        SearchMethod("nonzero", 0);
        SearchMethod("take", 1, ("indices", none), ("axis", none), ("out", none), ("mode", "raise"));
    }

    /// <summary>np.where(cond): np.nonzero(cond) (the typing and lowering of numpy.where's one-argument form).</summary>
    private static SjType WhereOneType(CallTypingContext c) =>
        c.Positional[0].Type is ArrayType t
            ? c.Require(PythonLibrary.Function(SearchModule, "nonzero"), TypeOps.Canonical(t)).ReturnType
            : throw c.Error("np.where(cond) with one argument takes an array in compiled code");

    private static LLVMValueRef LowerWhereOne(LoweringCall c) =>
        c.E.Convert(c.CallCompiled(0, c.E.Convert(c.Arg(0), c.ArgType(0), TypeOps.Canonical(c.ArgType(0)))), c.Callees[0].ReturnType, c.ResultType);

    /// <summary>An array method written in Python (<c>_method_NAME</c> in npsearch.py), as <c>PythonMethod</c> binds
    /// numpy.py's: the array, then each parameter by position, by name or its default.</summary>
    private static void SearchMethod(string name, int required, params (string Name, object Default)[] parameters)
    {
        Method(name, (c, t) =>
        {
            int given = c.Positional.Length - 1;
            foreach (var k in c.Keywords.Keys)
            {
                int at = Array.FindIndex(parameters, p => p.Name == k);
                if (at < 0) throw c.Error($"{name}() got an unexpected keyword argument '{k}'");
                if (at < given) throw c.Error($"argument for {name}() given by name ('{k}') and position (position {at})");
            }
            if (given > parameters.Length)
                throw c.Error($"{name}() takes at most {parameters.Length} argument{(parameters.Length == 1 ? "" : "s")} ({given} given)");
            var bound = parameters.Select((p, k) => k < given ? c.Positional[k + 1].Type : c.Keywords.TryGetValue(p.Name, out var a) ? a.Type : null).ToArray();
            for (int k = 0; k < required; k++)
                if (bound[k] == null) throw c.Error($"{name}() missing required argument '{parameters[k].Name}' (pos {k + 1})");
            var types = bound.Select((b, k) => b == null ? TypeInference.ConstType(parameters[k].Default) : TypeOps.Canonical(b));
            return c.Require(PythonLibrary.Function(SearchModule, "_method_" + name), types.Prepend(TypeOps.Canonical(c.Positional[0].Type)).ToArray()).ReturnType;
        }, (c, t) =>
        {
            var e = c.E;
            int given = c.Args.Length - 1;
            var bound = parameters.Select((p, k) => k < given ? (LoweredArg?)c.Args[k + 1] : c.Keywords.TryGetValue(p.Name, out var a) ? a : null).ToArray();
            var args = bound.Select((b, k) => b is { } a ? e.Convert(a.Value, a.Type, TypeOps.Canonical(a.Type))
                : e.M.Constant(parameters[k].Default, TypeInference.ConstType(parameters[k].Default)));
            var receiver = e.Convert(c.Arg(0), c.ArgType(0), TypeOps.Canonical(c.ArgType(0)));
            return e.Convert(c.CallCompiled(0, args.Prepend(receiver).ToArray()), c.Callees[0].ReturnType, c.ResultType);
        });
    }
}
