namespace SharpJit.Typing;

/// <summary>
/// A C pointer to scalars, <c>CPointer(float64)</c>: the argument type of C callbacks (cfunc) that receive pointers,
/// such as qsort's comparator. Compiled code reads it with <c>p[i]</c> (no bounds check: C's rules). It is passed to
/// compiled code only through C signatures, never from Python values.
/// </summary>
public sealed class PointerType : SjType
{
    public ScalarType Target { get; }
    public PointerType(ScalarType target) { Target = target; }
    public override string Name => $"CPointer({Target.Name})";
}
