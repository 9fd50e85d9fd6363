using SharpJit.Typing;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// The ndarray methods of Library/py/npsets.py (NumPy's set routines and indexing helpers): <c>a.compress(...)</c>
/// and <c>a.itemset(*args)</c>, whose arguments reach the library as one tuple. The module functions register from
/// their <c>@overload</c> decorators.
/// </summary>
public static unsafe partial class Builtins
{
    private const string SetsModule = "npsets";

    private static void RegisterSetForms()
    {
        var none = Syntax.PyNone.Instance;
        PythonMethodIn(SetsModule, "compress", 1, ("condition", none), ("axis", none), ("out", none));
        Method("itemset", (c, t) =>
        {
            if (c.Keywords.Count > 0) throw c.Error("itemset() takes no keyword arguments");
            var items = new TupleType(c.Positional.Skip(1).Select(a => TypeOps.Canonical(a.Type)));
            return c.Require(PythonLibrary.Function(SetsModule, "_method_itemset"), TypeOps.Canonical(t), items).ReturnType;
        }, (c, t) =>
        {
            var e = c.E;
            var parameters = c.Callees[0].ArgTypes;
            var tuple = (TupleType)parameters[1];
            var items = Enumerable.Range(1, c.Args.Length - 1).Select(k => e.Convert(c.Arg(k), c.ArgType(k), tuple.Items[k - 1])).ToArray();
            var receiver = e.Convert(c.Arg(0), t, parameters[0]);
            return e.Convert(c.CallCompiled(0, receiver, e.MakeStruct(e.M.Lower(tuple), items)), c.Callees[0].ReturnType, c.ResultType);
        });
    }
}
