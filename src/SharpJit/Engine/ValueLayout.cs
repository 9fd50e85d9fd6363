using System.Numerics;
using SharpJit.Syntax;
using SharpJit.Codegen;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>
/// Packs .NET values into (and out of) the memory layout LLVM gives a struct of these types on x86-64:
/// the C layout, with i1 stored as one byte. Each value is stored, read and released by its type's model.
/// </summary>
public sealed unsafe class ValueLayout
{
    private readonly SjType[] _types;
    private readonly TypeModel[] _models;
    private readonly int[] _offsets;
    public int Size { get; }
    public IReadOnlyList<SjType> Types => _types;
    /// <summary>Byte offset of field i.</summary>
    public int Offset(int i) => _offsets[i];

    public ValueLayout(IEnumerable<SjType> types)
    {
        _types = types.ToArray();
        (_offsets, Size, _) = TypeModel.StructLayout(_types)
            ?? throw CannotCross(_types.First(t => TypeModel.TryOf(t)?.CLayout == null));
        _models = _types.Select(t => TypeModel.TryOf(t)!).ToArray();   // each has a C layout, so a model
    }

    /// <summary>An Optional[T] is laid out as the struct (bool present, T value).</summary>
    public static TupleType OptionalLayout(OptionalType o) => new(new[] { ScalarType.Bool, o.Inner });

    /// <summary>Where an Optional's value lies after its present flag.</summary>
    public static int OptionalValueOffset(OptionalType o) => new ValueLayout(OptionalLayout(o).Items).Offset(1);

    /// <summary>A value's size and alignment in this layout (its type model's C layout).</summary>
    public static (int Size, int Align) SizeAlign(SjType t) => TypeModel.TryOf(t)?.CLayout ?? throw CannotCross(t);

    private static NotSupportedException CannotCross(SjType t) => new($"values of type {t} cannot cross into compiled code");

    public void Write(byte* dst, object?[] values)
    {
        for (int i = 0; i < _types.Length; i++) _models[i].WriteHost(dst + _offsets[i], values[i]);
    }

    public object?[] Read(byte* src)
    {
        var r = new object?[_types.Length];
        for (int i = 0; i < _types.Length; i++) r[i] = _models[i].ReadHost(src + _offsets[i]);
        return r;
    }

    /// <summary>Drops the references held by values stored in this layout (a result the host has read).</summary>
    public void Release(byte* src)
    {
        for (int i = 0; i < _types.Length; i++) _models[i].Release(src + _offsets[i]);
    }

    /// <summary>Drops the references held by the i-th value stored in this layout.</summary>
    public void ReleaseOne(byte* src, int i) => _models[i].Release(src + _offsets[i]);

    /// <summary>The distance between items of a list of this element type (its size rounded up to its alignment, as
    /// LLVM lays out an array).</summary>
    public static int ItemStride(SjType element)
    {
        if (element == SimpleType.Unknown) return 8;
        var (size, align) = SizeAlign(element);
        return (size + align - 1) / align * align;
    }

    /// <summary>The compile-time type of a .NET argument value.</summary>
    public static SjType TypeOf(object? v) => v switch
    {
        null => SimpleType.None,
        _ when ScalarType.ByNetType(v.GetType()) is { } scalar => scalar,
        object?[] items => new TupleType(items.Select(TypeOf)),
        NDArray a => a.Type,
        CFunctionPointer f => new FunctionPointerType(f.Signature),
        _ => throw new ArgumentException($"values of .NET type {v.GetType().Name} cannot be passed to compiled code"),
    };
}
