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
        PythonMethodIn(SearchModule, "nonzero", 0);
        PythonMethodIn(SearchModule, "take", 1, ("indices", none), ("axis", none), ("out", none), ("mode", "raise"));
    }

    /// <summary>np.where(cond): np.nonzero(cond) (the typing and lowering of numpy.where's one-argument form).</summary>
    private static SjType WhereOneType(CallTypingContext c) =>
        c.Positional[0].Type is ArrayType t
            ? c.Require(PythonLibrary.Function(SearchModule, "nonzero"), TypeOps.Canonical(t)).ReturnType
            : throw c.Error("np.where(cond) with one argument takes an array in compiled code");

    private static LLVMValueRef LowerWhereOne(LoweringCall c) =>
        c.E.Convert(c.CallCompiled(0, c.E.Convert(c.Arg(0), c.ArgType(0), TypeOps.Canonical(c.ArgType(0)))), c.Callees[0].ReturnType, c.ResultType);
}
