namespace SharpJit.Library;

/// <summary>A submodule of a module compiled code knows, such as numpy.linalg: reading <c>np.linalg</c> gives a module
/// value whose attributes are the registry's <c>numpy.linalg.NAME</c> entries (its functions are written in Python,
/// <c>@overload("numpy.linalg.norm")</c> in Library/py/numpy.py).</summary>
public sealed class LibSubmodule : LibMember
{
    public string Module { get; }
    public LibSubmodule(string module) { Module = module; }
}

public static partial class Builtins
{
    private static void RegisterArraysExtra()
    {
        Registry["numpy.linalg"] = new LibSubmodule("numpy.linalg");
    }
}
