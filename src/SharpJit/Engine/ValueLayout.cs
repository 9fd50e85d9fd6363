using System.Numerics;
using System.Runtime.InteropServices;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>
/// Packs .NET values into (and out of) the memory layout LLVM gives a struct of these types on x86-64:
/// the C layout, with i1 stored as one byte.
/// </summary>
public sealed unsafe class ValueLayout
{
    private readonly SjType[] _types;
    private readonly int[] _offsets;
    public int Size { get; }
    public IReadOnlyList<SjType> Types => _types;
    /// <summary>Byte offset of field i.</summary>
    public int Offset(int i) => _offsets[i];

    public ValueLayout(IEnumerable<SjType> types)
    {
        _types = types.ToArray();
        (_offsets, Size, _) = Codegen.TypeModel.StructLayout(_types)
            ?? throw CannotCross(_types.First(t => Codegen.TypeModel.TryOf(t)?.CLayout == null));
    }

    /// <summary>An Optional[T] is laid out as the struct (bool present, T value).</summary>
    public static TupleType OptionalLayout(OptionalType o) => new(new[] { ScalarType.Bool, o.Inner });

    /// <summary>Where an Optional's value lies after its present flag.</summary>
    public static int OptionalValueOffset(OptionalType o) => new ValueLayout(OptionalLayout(o).Items).Offset(1);

    /// <summary>A value's size and alignment in this layout (its type model's C layout).</summary>
    public static (int Size, int Align) SizeAlign(SjType t) => Codegen.TypeModel.TryOf(t)?.CLayout ?? throw CannotCross(t);

    private static NotSupportedException CannotCross(SjType t) => new($"values of type {t} cannot cross into compiled code");

    public void Write(byte* dst, object?[] values)
    {
        for (int i = 0; i < _types.Length; i++) WriteOne(dst + _offsets[i], _types[i], values[i]);
    }

    /// <summary>Drops the references held by values stored in this layout (a result the host has read).</summary>
    public void Release(byte* src)
    {
        for (int i = 0; i < _types.Length; i++) ReleaseOne(src + _offsets[i], _types[i]);
    }

    /// <summary>Drops the references held by the i-th value stored in this layout.</summary>
    public void ReleaseOne(byte* src, int i) => ReleaseOne(src + _offsets[i], _types[i]);

    private static void ReleaseOne(byte* p, SjType t)
    {
        if (t == SimpleType.Str) Runtime.RuntimeStrings.Release(*(byte**)p);
        else if (t is ArrayType) Runtime.RuntimeArrays.Release(*(byte**)p);
        else if (t is TupleType tt) new ValueLayout(tt.Items).Release(p);
        else if (t is ListType lt) ReleaseList(*(byte**)p, lt);
        else if (t is DictType dt) new ValueLayout(dt.Parts.Items).Release(p);
        else if (t is SetType st) new ValueLayout(st.Parts.Items).Release(p);
        else if (t is OptionalType o && *p != 0) ReleaseOne(p + OptionalValueOffset(o), o.Inner);
        else if (t is InstanceType it) ReleaseInstance(*(byte**)p, it);
    }

    /// <summary>The layout of an instance's block (Codegen.InstanceCode.Layout): its count, its attributes, then a
    /// flag per attribute that is set once it is assigned.</summary>
    public static ValueLayout InstanceLayout(InstanceType t) =>
        new(t.Layout.Fields.Select(f => Codegen.InstanceCode.Stored(f.Type)).Prepend(ScalarType.Int64).Concat(t.Class.Fields.Select(_ => (SjType)ScalarType.UInt8)));

    /// <summary>Drops a reference to an instance made by compiled code: the last one drops its attributes and frees it.</summary>
    public static void ReleaseInstance(byte* obj, InstanceType t)
    {
        if (obj == null || *(long*)obj <= 0 || --*(long*)obj > 0) return;
        InstanceLayout(t).Release(obj);
        Runtime.RuntimeGenerators.Free(obj);
    }

    /// <summary>Values of this type hold references that <see cref="ReleaseOne(byte*, SjType)"/> drops.</summary>
    public static bool HoldsReferences(SjType t) => t switch
    {
        ArrayType or ListType or DictType or SetType or InstanceType => true,
        TupleType tt => tt.Items.Any(HoldsReferences),
        OptionalType o => HoldsReferences(o.Inner),
        _ => t == SimpleType.Str,
    };

    /// <summary>The distance between items of a list of this element type (its size rounded up to its alignment, as
    /// LLVM lays out an array).</summary>
    public static int ItemStride(SjType element)
    {
        if (element == SimpleType.Unknown) return 8;
        var (size, align) = SizeAlign(element);
        return (size + align - 1) / align * align;
    }

    /// <summary>Drops a reference to a list made by compiled code: the last one drops its items and frees it.</summary>
    public static void ReleaseList(byte* list, ListType t)
    {
        if (list == null || --*(long*)list > 0) return;
        long n = *(long*)(list + Runtime.RuntimeLists.LengthOffset);
        byte* items = *(byte**)(list + Runtime.RuntimeLists.ItemsOffset);
        int stride = ItemStride(t.Element);
        if (t.Element is TupleType tuple && HoldsReferences(tuple))
        {
            var layout = new ValueLayout(tuple.Items);
            for (long k = 0; k < n; k++) layout.Release(items + k * stride);
        }
        else if (HoldsReferences(t.Element))
            for (long k = 0; k < n; k++) ReleaseOne(items + k * stride, t.Element);
        Runtime.RuntimeLists.FreeBlock(list);
    }

    public object?[] Read(byte* src)
    {
        var r = new object?[_types.Length];
        for (int i = 0; i < _types.Length; i++) r[i] = ReadOne(src + _offsets[i], _types[i]);
        return r;
    }

    private static void WriteOne(byte* p, SjType t, object? v)
    {
        switch (t)
        {
            case ScalarType { Rank: 0 }: *p = (byte)(System.Convert.ToBoolean(v) ? 1 : 0); return;
            case ScalarType { Rank: 1 } si:
                StoreScalar(p, si, 0, 0, v switch { bool b => b ? 1 : 0, ulong u => (long)u, _ => System.Convert.ToInt64(v) });
                return;
            case ScalarType { Rank: 2 } sf: StoreScalar(p, sf, System.Convert.ToDouble(v), 0, 0); return;
            case ScalarType sc:
                var z = v is Complex c ? c : new Complex(System.Convert.ToDouble(v), 0);
                StoreScalar(p, sc, z.Real, z.Imaginary, 0);
                return;
            case TupleType tt: new ValueLayout(tt.Items).Write(p, (object?[])v!); return;
            case ArrayType: ((NDArray)v!).WriteValue(p); return;
            case FunctionPointerType: *(nint*)p = v is CFunctionPointer f ? f.Address : (nint)System.Convert.ToInt64(v); return;
        }
        if (t == SimpleType.None) return;
        throw new NotSupportedException($"values of type {t} cannot cross into compiled code");
    }

    private static object? ReadOne(byte* p, SjType t)
    {
        switch (t)
        {
            case ScalarType { Rank: 0 }: return *p != 0;
            case ScalarType { Rank: 1 } si:
                long bits = LoadScalar(p, si).Bits;
                return si.Name switch
                {
                    "int8" => (sbyte)bits, "int16" => (short)bits, "int32" => (int)bits, "uint8" => (byte)bits,
                    "uint16" => (ushort)bits, "uint32" => (uint)bits, "uint64" => (ulong)bits, _ => (object)bits,
                };
            case ScalarType { Rank: 2, Bits: 32 }: return *(float*)p;
            case ScalarType { Rank: 2 }: return *(double*)p;
            case ScalarType sc: var (re, im, _) = LoadScalar(p, sc); return new Complex(re, im);
            case TupleType tt: return new ValueLayout(tt.Items).Read(p);
            case OptionalType o: return *p == 0 ? null : ReadOne(p + OptionalValueOffset(o), o.Inner);
            case FunctionPointerType: return *(nint*)p;
            case ArrayType at: return NDArray.FromCompiled(at, *(byte**)p, *(byte**)(p + 8), (long*)(p + 16), (long*)(p + 16) + at.Ndim);
        }
        if (t == SimpleType.Str) return Marshal.PtrToStringUTF8(*(nint*)p);
        return null;
    }

    /// <summary>A stored scalar of type t as (real, imaginary, integer bits), integers sign- or zero-extended and
    /// floats truncated toward zero for the bits.</summary>
    public static (double Re, double Im, long Bits) LoadScalar(byte* p, ScalarType t)
    {
        switch (t.Rank)
        {
            case 0: return (*p, 0, *p);
            case 1:
                long bits = t.Bits switch
                {
                    8 => t.IsUnsigned ? *p : *(sbyte*)p,
                    16 => t.IsUnsigned ? *(ushort*)p : *(short*)p,
                    32 => t.IsUnsigned ? *(uint*)p : *(int*)p,
                    _ => *(long*)p,
                };
                return (t.IsUnsigned ? (double)(ulong)bits : bits, 0, bits);
            case 2:
                double v = t.Bits == 32 ? *(float*)p : *(double*)p;
                return (v, 0, (long)v);
            default:
                var (re, im) = t.Bits == 64 ? (((float*)p)[0], ((float*)p)[1]) : (((double*)p)[0], ((double*)p)[1]);
                return (re, im, (long)re);
        }
    }

    /// <summary>Stores a scalar of type t: integers from <paramref name="bits"/> (wrapped to the width), bool from
    /// any non-zero part, floats and complex numbers from the parts (rounded to single precision where t is).</summary>
    public static void StoreScalar(byte* p, ScalarType t, double re, double im, long bits)
    {
        switch (t.Rank)
        {
            case 0: *p = (byte)(re != 0 || im != 0 || bits != 0 ? 1 : 0); return;
            case 1:
                switch (t.Bits) { case 8: *p = (byte)bits; return; case 16: *(short*)p = (short)bits; return; case 32: *(int*)p = (int)bits; return; }
                *(long*)p = bits;
                return;
            case 2:
                if (t.Bits == 32) *(float*)p = (float)re;
                else *(double*)p = re;
                return;
            default:
                if (t.Bits == 64) { ((float*)p)[0] = (float)re; ((float*)p)[1] = (float)im; }
                else { ((double*)p)[0] = re; ((double*)p)[1] = im; }
                return;
        }
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
