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
            case ScalarType sc: return (sc.Bits / 8, sc.PartBits / 8);
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
            case ScalarType { Rank: 1 } si:
                ulong bits = v switch { bool b => b ? 1UL : 0, ulong u => u, _ => (ulong)System.Convert.ToInt64(v) };
                switch (si.Bits) { case 8: *p = (byte)bits; return; case 16: *(ushort*)p = (ushort)bits; return; case 32: *(uint*)p = (uint)bits; return; }
                *(ulong*)p = bits; return;
            case ScalarType { Rank: 2, Bits: 32 }: *(float*)p = (float)System.Convert.ToDouble(v); return;
            case ScalarType { Rank: 2 }: *(double*)p = System.Convert.ToDouble(v); return;
            case ScalarType sc:
                var z = v is Complex c ? c : new Complex(System.Convert.ToDouble(v), 0);
                if (sc.Bits == 64) { ((float*)p)[0] = (float)z.Real; ((float*)p)[1] = (float)z.Imaginary; return; }
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
            case ScalarType { Rank: 1 } si: return si.Name switch
            {
                "int8" => (sbyte)*p, "int16" => *(short*)p, "int32" => *(int*)p, "uint8" => *p, "uint16" => *(ushort*)p,
                "uint32" => *(uint*)p, "uint64" => *(ulong*)p, _ => (object)*(long*)p,
            };
            case ScalarType { Rank: 2, Bits: 32 }: return *(float*)p;
            case ScalarType { Rank: 2 }: return *(double*)p;
            case ScalarType { Bits: 64 }: return new Complex(((float*)p)[0], ((float*)p)[1]);
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
        long => ScalarType.Int64,
        int => ScalarType.Int32, short => ScalarType.Int16, sbyte => ScalarType.Int8,
        byte => ScalarType.UInt8, ushort => ScalarType.UInt16, uint => ScalarType.UInt32, ulong => ScalarType.UInt64,
        double => ScalarType.Float64, float => ScalarType.Float32,
        Complex => ScalarType.Complex128,
        null => SimpleType.None,
        object?[] items => new TupleType(items.Select(TypeOf)),
        _ => throw new ArgumentException($"values of .NET type {v.GetType().Name} cannot be passed to compiled code"),
    };
}
