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
        _offsets = new int[_types.Length];
        int off = 0, align = 1;
        for (int i = 0; i < _types.Length; i++)
        {
            var (s, a) = SizeAlign(_types[i]);
            off = Align(off, a);
            _offsets[i] = off;
            off += s;
            align = Math.Max(align, a);
        }
        Size = Align(off, align);
    }

    private static int Align(int v, int a) => (v + a - 1) / a * a;

    public static (int Size, int Align) SizeAlign(SjType t)
    {
        switch (t)
        {
            case ScalarType { Rank: 0 }: return (1, 1);
            case ScalarType { Rank: 1 or 2 }: return (8, 8);
            case ScalarType: return (16, 8);
            case TupleType tt: { var l = new ValueLayout(tt.Items); return (l.Size, tt.Items.Length == 0 ? 1 : tt.Items.Max(x => SizeAlign(x).Align)); }
        }
        if (t == SimpleType.Str) return (8, 8);
        if (t == SimpleType.None) return (0, 1);
        throw new NotSupportedException($"values of type {t} cannot cross into compiled code");
    }

    public void Write(byte* dst, object?[] values)
    {
        for (int i = 0; i < _types.Length; i++) WriteOne(dst + _offsets[i], _types[i], values[i]);
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
            case ScalarType { Rank: 1 }: *(long*)p = v is bool b ? (b ? 1 : 0) : System.Convert.ToInt64(v); return;
            case ScalarType { Rank: 2 }: *(double*)p = System.Convert.ToDouble(v); return;
            case ScalarType:
                var z = v is Complex c ? c : new Complex(System.Convert.ToDouble(v), 0);
                ((double*)p)[0] = z.Real; ((double*)p)[1] = z.Imaginary; return;
            case TupleType tt: new ValueLayout(tt.Items).Write(p, (object?[])v!); return;
        }
        if (t == SimpleType.None) return;
        throw new NotSupportedException($"values of type {t} cannot cross into compiled code");
    }

    private static object? ReadOne(byte* p, SjType t)
    {
        switch (t)
        {
            case ScalarType { Rank: 0 }: return *p != 0;
            case ScalarType { Rank: 1 }: return *(long*)p;
            case ScalarType { Rank: 2 }: return *(double*)p;
            case ScalarType: return new Complex(((double*)p)[0], ((double*)p)[1]);
            case TupleType tt: return new ValueLayout(tt.Items).Read(p);
        }
        if (t == SimpleType.Str) return Marshal.PtrToStringUTF8(*(nint*)p);
        return null;
    }

    /// <summary>The compile-time type of a .NET argument value.</summary>
    public static SjType TypeOf(object? v) => v switch
    {
        bool => ScalarType.Bool,
        long or int or short or sbyte or byte or ushort or uint => ScalarType.Int64,
        double or float => ScalarType.Float64,
        Complex => ScalarType.Complex128,
        null => SimpleType.None,
        object?[] items => new TupleType(items.Select(TypeOf)),
        _ => throw new ArgumentException($"values of .NET type {v.GetType().Name} cannot be passed to compiled code"),
    };
}
