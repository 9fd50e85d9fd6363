using System.Collections.Immutable;

namespace SharpJit.Typing;

/// <summary>A compile-time type. Types are immutable values with structural equality.</summary>
public abstract class SjType : IEquatable<SjType>
{
    public abstract string Name { get; }
    public override string ToString() => Name;
    public virtual bool Equals(SjType? other) => other is not null && other.GetType() == GetType() && other.Name == Name;
    public override bool Equals(object? obj) => obj is SjType t && Equals(t);
    public override int GetHashCode() => Name.GetHashCode();
    public static bool operator ==(SjType? a, SjType? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(SjType? a, SjType? b) => !(a == b);

    public bool IsNumeric => this is ScalarType;
}

/// <summary>Numeric scalars, ordered by promotion rank: bool &lt; int64 &lt; float64 &lt; complex128.</summary>
public sealed class ScalarType : SjType
{
    public int Rank { get; }
    private readonly string _name;
    private ScalarType(string name, int rank) { _name = name; Rank = rank; }
    public override string Name => _name;
    public static readonly ScalarType Bool = new("bool", 0);
    public static readonly ScalarType Int64 = new("int64", 1);
    public static readonly ScalarType Float64 = new("float64", 2);
    public static readonly ScalarType Complex128 = new("complex128", 3);
    /// <summary>Python's name for messages: int, float, complex, bool.</summary>
    public string PyName => Rank switch { 0 => "bool", 1 => "int", 2 => "float", _ => "complex" };
}

public sealed class SimpleType : SjType
{
    private readonly string _name;
    private SimpleType(string name) { _name = name; }
    public override string Name => _name;
    public static readonly SimpleType None = new("none");
    public static readonly SimpleType Str = new("str");
    public static readonly SimpleType Range = new("range");
    public static readonly SimpleType RangeIter = new("range_iterator");
    /// <summary>Not yet known during inference (the bottom of the lattice).</summary>
    public static readonly SimpleType Unknown = new("unknown");
    /// <summary>A variable read before any assignment on some path.</summary>
    public static readonly SimpleType Undefined = new("undefined");
}

public sealed class TupleType : SjType
{
    public ImmutableArray<SjType> Items { get; }
    public TupleType(IEnumerable<SjType> items) { Items = items.ToImmutableArray(); }
    public override string Name => Items.Length == 1 ? $"Tuple({Items[0]},)" : $"Tuple({string.Join(", ", Items)})";
    public bool IsHomogeneous => Items.Length > 0 && Items.All(t => t == Items[0]);
    public override bool Equals(SjType? other) => other is TupleType t && t.Items.SequenceEqual(Items);
    public override int GetHashCode() { var h = new HashCode(); foreach (var i in Items) h.Add(i); return h.ToHashCode(); }
}

public sealed class TupleIterType : SjType
{
    public TupleType Tuple { get; }
    public TupleIterType(TupleType t) { Tuple = t; }
    public override string Name => $"iter({Tuple})";
    public override bool Equals(SjType? other) => other is TupleIterType t && t.Tuple == Tuple;
    public override int GetHashCode() => Tuple.GetHashCode() * 31 + 7;
}

/// <summary>A user function (or closure): the value carries its captured variables.</summary>
public sealed class FunctionType : SjType
{
    public Binding.FunctionInfo Function { get; }
    public ImmutableArray<SjType> Captures { get; }
    public FunctionType(Binding.FunctionInfo fn, IEnumerable<SjType> captures) { Function = fn; Captures = captures.ToImmutableArray(); }
    public override string Name => Captures.Length == 0 ? $"function({Function.QualName})" : $"closure({Function.QualName}; {string.Join(", ", Captures)})";
    public override bool Equals(SjType? other) => other is FunctionType f && ReferenceEquals(f.Function, Function) && f.Captures.SequenceEqual(Captures);
    public override int GetHashCode() => Function.GetHashCode();
}

/// <summary>A built-in or library callable resolved at compile time (print, abs, math.sqrt …).</summary>
public sealed class BuiltinType : SjType
{
    public string Qualified { get; }
    public BuiltinType(string qualified) { Qualified = qualified; }
    public override string Name => $"builtin({Qualified})";
}

public sealed class ModuleType : SjType
{
    public string Module { get; }
    /// <summary>For a host's own module (not math/cmath/numpy): resolves its attributes. Not part of equality.</summary>
    public Binding.IHostNamespace? Host { get; init; }
    public ModuleType(string module) { Module = module; }
    public override string Name => $"module({Module})";
}

/// <summary>A built-in exception class such as ValueError (a compile-time value).</summary>
public sealed class ExceptionClassType : SjType
{
    public string ExceptionName { get; }
    public ExceptionClassType(string name) { ExceptionName = name; }
    public override string Name => $"class({ExceptionName})";
}

/// <summary>An exception instance: its class is known statically, its message is a str.</summary>
public sealed class ExceptionInstanceType : SjType
{
    public string ExceptionName { get; }
    public ExceptionInstanceType(string name) { ExceptionName = name; }
    public override string Name => $"exception({ExceptionName})";
}

/// <summary>A phi whose incoming values have types that cannot be unified; an error only if used.</summary>
public sealed class ConflictType : SjType
{
    public SjType A { get; }
    public SjType B { get; }
    public ConflictType(SjType a, SjType b) { A = a; B = b; }
    public override string Name => $"conflict({A}, {B})";
}

public static class TypeOps
{
    /// <summary>Python-facing name of a type, as CPython would print it in a TypeError.</summary>
    public static string PyName(SjType t) => t switch
    {
        ScalarType s => s.PyName,
        TupleType => "tuple",
        _ when t == SimpleType.None => "NoneType",
        _ when t == SimpleType.Str => "str",
        _ when t == SimpleType.Range => "range",
        FunctionType => "function",
        BuiltinType => "builtin_function_or_method",
        ModuleType => "module",
        ExceptionClassType => "type",
        ExceptionInstanceType e => e.ExceptionName,
        _ => t.Name,
    };

    /// <summary>The least type both values fit in, or null when there is none (int with tuple).</summary>
    public static SjType? Unify(SjType a, SjType b)
    {
        if (a == b) return a;
        if (a == SimpleType.Unknown || a == SimpleType.Undefined) return b;
        if (b == SimpleType.Unknown || b == SimpleType.Undefined) return a;
        if (a is ConflictType || b is ConflictType) return null;
        if (a is ScalarType sa && b is ScalarType sb) return sa.Rank >= sb.Rank ? sa : sb;
        if (a is TupleType ta && b is TupleType tb && ta.Items.Length == tb.Items.Length)
        {
            var items = new SjType[ta.Items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                var u = Unify(ta.Items[i], tb.Items[i]);
                if (u == null) return null;
                items[i] = u;
            }
            return new TupleType(items);
        }
        return null;
    }

    public static bool IsKnown(SjType? t) => t is not null && t != SimpleType.Unknown;
}
