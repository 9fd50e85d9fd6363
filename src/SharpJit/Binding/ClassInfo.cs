using SharpJit.Syntax;

namespace SharpJit.Binding;

/// <summary>
/// A plain class defined at module level (<c>class Point:</c> with methods, or the same under <c>@sharpjit.jitclass</c>):
/// its methods, its constant class attributes, and the instance attributes its methods assign through their first
/// parameter (<c>self.x = ...</c>), in the order they first appear. Each attribute has one type, inferred from every
/// assignment to it (Typing.InstanceType).
/// </summary>
public sealed class ClassInfo
{
    public string Name { get; }
    /// <summary>module.qualname: where CPython finds the class when an instance goes back to it.</summary>
    public string Qualified { get; set; }
    public ClassDef Node { get; }
    public ModuleInfo Module { get; }
    public Dictionary<string, FunctionInfo> Methods { get; } = new();
    /// <summary>Methods decorated with <c>@staticmethod</c>: called without a receiver.</summary>
    public HashSet<string> StaticMethods { get; } = new();
    /// <summary>Methods decorated with <c>@property</c> (in <see cref="Methods"/>): reading the attribute calls them.</summary>
    public HashSet<string> Properties { get; } = new();
    /// <summary>Property setters (<c>@NAME.setter</c>), by property name: assigning the attribute calls them.</summary>
    public Dictionary<string, FunctionInfo> Setters { get; } = new();
    /// <summary>Class attributes assigned a constant in the class body (<c>LIMIT = 10</c>).</summary>
    public Dictionary<string, object> Constants { get; } = new();
    /// <summary>Instance attributes in the order their first assignment appears (__init__ first).</summary>
    public List<string> Fields { get; } = new();
    /// <summary>Attribute types the class declares: annotations in its body (<c>x: float</c>) or Numba's jitclass spec
    /// (<c>@jitclass([("x", float64)])</c>) naming a number type, str or a tuple. Assignments convert to them (an int
    /// to a float attribute) and anything else is a typing error; other attributes' types are inferred.</summary>
    public Dictionary<string, Typing.SjType> Declared { get; } = new();
    /// <summary>Attributes __init__ always assigns before anything can read them: read without a check. Reading any
    /// other attribute checks that it was assigned (CPython's AttributeError otherwise).</summary>
    public HashSet<string> AlwaysSet { get; } = new();

    /// <summary>The class it derives from (single inheritance among compiled classes), or null. Its methods, constants
    /// and attributes are copied into this class's tables (this class's own override them), so lookups need no walk.</summary>
    public ClassInfo? Base { get; init; }

    /// <summary>This class or one it derives from is <paramref name="other"/> (isinstance).</summary>
    public bool DerivesFrom(ClassInfo other)
    {
        for (var c = this; c != null; c = c.Base)
            if (ReferenceEquals(c, other)) return true;
        return false;
    }

    public ClassInfo(string name, string qualified, ClassDef node, ModuleInfo module)
    {
        Name = name; Qualified = qualified; Node = node; Module = module;
    }

    public override string ToString() => Qualified;
}
