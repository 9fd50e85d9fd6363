using SharpJit.Binding;

namespace SharpJit.Typing;

/// <summary>A compiled class as a value (calling it makes an instance; <c>Point.LIMIT</c>, <c>Point.method</c>).</summary>
public sealed class ClassType : SjType
{
    public ClassInfo Class { get; }
    public ClassType(ClassInfo cls) { Class = cls; }
    public override string Name => $"class({Class.Qualified})";
    public override bool Equals(SjType? other) => other is ClassType c && ReferenceEquals(c.Class, Class);
    public override int GetHashCode() => Class.GetHashCode();
}

/// <summary>
/// An instance of a compiled class: a pointer to a counted block holding its attributes (Codegen.InstanceModel).
/// One type per class in a compilation: each attribute's type is the unification of everything assigned to it
/// anywhere (<see cref="InstanceLayout"/>), as a Python attribute holds whatever its methods store.
/// </summary>
public sealed class InstanceType : SjType
{
    public ClassInfo Class { get; }
    public InstanceLayout Layout { get; }
    public InstanceType(ClassInfo cls, InstanceLayout layout) { Class = cls; Layout = layout; }
    public override string Name => $"instance({Class.Qualified})";
    public override bool Equals(SjType? other) => other is InstanceType i && ReferenceEquals(i.Class, Class);
    public override int GetHashCode() => Class.GetHashCode();
}

/// <summary>The attribute types of one class in one compilation, growing while typing runs; the specialisations
/// that read an attribute are typed again when its type grows.</summary>
public sealed class InstanceLayout
{
    public ClassInfo Class { get; }
    private readonly Dictionary<string, SjType> _types = new();
    public readonly Dictionary<string, HashSet<Specialization>> Readers = new();
    public InstanceLayout(ClassInfo cls) { Class = cls; }

    public SjType TypeOf(string field) => _types.GetValueOrDefault(field, SimpleType.Unknown);
    public void Set(string field, SjType t) => _types[field] = t;

    /// <summary>The attributes in storage order, each with its type.</summary>
    public IEnumerable<(string Name, SjType Type)> Fields => Class.Fields.Select(f => (f, TypeOf(f)));

    /// <summary>The class's __str__ and __repr__ for this instance type (requested when the type is made, so printing
    /// can call them wherever an instance is written).</summary>
    public readonly Dictionary<string, Specialization> FormatMethods = new();

    /// <summary>What str() (or repr()) of an instance calls: __str__, else __repr__; null for CPython's default.</summary>
    public Specialization? Formatter(bool repr) =>
        !repr && FormatMethods.TryGetValue("__str__", out var str) ? str : FormatMethods.GetValueOrDefault("__repr__");

    /// <summary>Whether reading the attribute needs a check that it was assigned (its flag in the instance).</summary>
    public bool Checked(string field) => !Class.AlwaysSet.Contains(field);
}

/// <summary>A method read from an instance (<c>p.norm</c>): the value is the instance; calling it calls the method
/// with the instance as its first argument.</summary>
public sealed class UserMethodType : SjType
{
    public InstanceType Instance { get; }
    public FunctionInfo Method { get; }
    public UserMethodType(InstanceType instance, FunctionInfo method) { Instance = instance; Method = method; }
    public override string Name => $"method({Instance.Class.Qualified}.{Method.Name})";
    public override bool Equals(SjType? other) => other is UserMethodType m && m.Instance == Instance && ReferenceEquals(m.Method, Method);
    public override int GetHashCode() => HashCode.Combine(Instance, Method);
}
