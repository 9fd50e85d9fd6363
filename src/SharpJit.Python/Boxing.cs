using System.Collections.Concurrent;
using SharpJit.Engine;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// Python objects to and from the packed C layout of compiled entry points, and the per-call type key the
/// dispatcher matches signatures on (no allocation on the fast path).
/// </summary>
internal static unsafe class Boxing
{
    // Type key bytes: one per scalar, tuples as Tuple, count, items.
    public const byte Bool = 1, Int = 2, Float = 3, Complex = 4, NoneCode = 5, Tuple = 6;
    public const int MaxKey = 256;

    /// <summary>Types other than the built-in ones (NumPy scalars) that were classified once by the Python side.</summary>
    private static readonly ConcurrentDictionary<nint, byte> KnownTypes = new();

    /// <summary>Appends o's type key; false when o's type is not yet known (the slow path asks Python).</summary>
    public static bool AppendKey(nint o, byte* key, ref int n)
    {
        if (n >= MaxKey - 2) return false;
        nint t = Py.TypeOf(o);
        if (t == Py.FloatType) { key[n++] = Float; return true; }
        if (t == Py.LongType) { key[n++] = Int; return true; }
        if (t == Py.BoolType) { key[n++] = Bool; return true; }
        if (t == Py.ComplexType) { key[n++] = Complex; return true; }
        if (o == Py.None) { key[n++] = NoneCode; return true; }
        if (t == Py.TupleType)
        {
            nint len = Py.Fast.PyTuple_Size(o);
            if (len > 255) return false;
            key[n++] = Tuple; key[n++] = (byte)len;
            for (nint i = 0; i < len; i++)
                if (!AppendKey(Py.Fast.PyTuple_GetItem(o, i), key, ref n)) return false;
            return true;
        }
        if (KnownTypes.TryGetValue(t, out var code)) { key[n++] = code; return true; }
        return false;
    }

    /// <summary>The innermost value whose type blocks <see cref="AppendKey"/> (o itself for a scalar).</summary>
    public static nint FirstUnknown(nint o)
    {
        if (Py.TypeOf(o) != Py.TupleType) return o;
        nint len = Py.PyTuple_Size(o);
        byte* scratch = stackalloc byte[MaxKey];
        for (nint i = 0; i < len; i++)
        {
            int n = 0;
            nint item = Py.PyTuple_GetItem(o, i);
            if (!AppendKey(item, scratch, ref n)) return FirstUnknown(item);
        }
        return o;
    }

    public static void Learn(nint type, byte code) => KnownTypes[type] = code;

    public static byte CodeOf(string typeName) => typeName switch
    {
        "bool" => Bool, "int64" => Int, "float64" => Float, "complex128" => Complex, "none" => NoneCode,
        _ => throw new ArgumentException($"unknown scalar type {typeName}"),
    };

    /// <summary>The compiler's type for a key (from position pos, advanced past it).</summary>
    public static SjType TypeOfKey(ReadOnlySpan<byte> key, ref int pos)
    {
        byte c = key[pos++];
        switch (c)
        {
            case Bool: return ScalarType.Bool;
            case Int: return ScalarType.Int64;
            case Float: return ScalarType.Float64;
            case Complex: return ScalarType.Complex128;
            case NoneCode: return SimpleType.None;
            case Tuple:
                int len = key[pos++];
                var items = new SjType[len];
                for (int i = 0; i < len; i++) items[i] = TypeOfKey(key, ref pos);
                return new TupleType(items);
        }
        throw new ArgumentException($"bad type key byte {c}");
    }

    public static byte CodeOf(ScalarType s) => s.Rank switch { 0 => Bool, 1 => Int, 2 => Float, _ => Complex };

    public static void AppendKeyOf(SjType t, List<byte> key)
    {
        switch (t)
        {
            case ScalarType s: key.Add(CodeOf(s)); return;
            case TupleType tt:
                key.Add(Tuple); key.Add((byte)tt.Items.Length);
                foreach (var i in tt.Items) AppendKeyOf(i, key);
                return;
        }
        if (t == SimpleType.None) { key.Add(NoneCode); return; }
        throw new ArgumentException($"values of type {t.Name} cannot be passed from Python");
    }

    private static readonly ConcurrentDictionary<TupleType, ValueLayout> TupleLayouts = new();
    public static ValueLayout LayoutOf(TupleType t) => TupleLayouts.GetOrAdd(t, tt => new ValueLayout(tt.Items));

    /// <summary>Writes o as a value of type t at p; false with a Python exception set when o does not convert.</summary>
    public static bool Write(nint o, SjType t, byte* p)
    {
        switch (t)
        {
            case ScalarType { Rank: 0 }:
            {
                if (Py.TypeOf(o) == Py.BoolType) { *p = (byte)(Py.Fast.PyLong_AsLongLong(o) != 0 ? 1 : 0); return true; }
                int b = Py.PyObject_IsTrue(o);
                if (b < 0) return false;
                *p = (byte)b;
                return true;
            }
            case ScalarType { Rank: 1 }:
            {
                long v;
                if (Py.TypeOf(o) == Py.LongType) v = Py.Fast.PyLong_AsLongLong(o);
                else
                {
                    nint index = Py.PyNumber_Index(o);
                    if (index == 0) return false;
                    v = Py.PyLong_AsLongLong(index);
                    Py.Py_DecRef(index);
                }
                if (v == -1 && Py.Fast.PyErr_Occurred() != 0) return false;
                *(long*)p = v;
                return true;
            }
            case ScalarType { Rank: 2 }:
            {
                double v = Py.TypeOf(o) == Py.FloatType ? Py.Fast.PyFloat_AsDouble(o) : Py.PyFloat_AsDouble(o);
                if (v == -1.0 && Py.Fast.PyErr_Occurred() != 0) return false;
                *(double*)p = v;
                return true;
            }
            case ScalarType:
            {
                double re = Py.PyComplex_RealAsDouble(o);
                if (re == -1.0 && Py.PyErr_Occurred() != 0) return false;
                double im = Py.PyComplex_ImagAsDouble(o);
                if (im == -1.0 && Py.PyErr_Occurred() != 0) return false;
                ((double*)p)[0] = re; ((double*)p)[1] = im;
                return true;
            }
            case TupleType tt:
            {
                var layout = LayoutOf(tt);
                for (int i = 0; i < tt.Items.Length; i++)
                    if (!Write(Py.Fast.PyTuple_GetItem(o, i), tt.Items[i], p + layout.Offset(i))) return false;
                return true;
            }
        }
        return true; // None: nothing to store
    }

    /// <summary>A new reference to the Python object for the value of type t at p (0 with an exception set on failure).</summary>
    public static nint Read(byte* p, SjType t)
    {
        switch (t)
        {
            case ScalarType { Rank: 0 }: return Py.Fast.PyBool_FromLong(*p);
            case ScalarType { Rank: 1 }: return Py.Fast.PyLong_FromLongLong(*(long*)p);
            case ScalarType { Rank: 2 }: return Py.Fast.PyFloat_FromDouble(*(double*)p);
            case ScalarType: return Py.Fast.PyComplex_FromDoubles(((double*)p)[0], ((double*)p)[1]);
            case TupleType tt:
            {
                var layout = LayoutOf(tt);
                nint tuple = Py.PyTuple_New(tt.Items.Length);
                if (tuple == 0) return 0;
                for (int i = 0; i < tt.Items.Length; i++)
                {
                    nint item = Read(p + layout.Offset(i), tt.Items[i]);
                    if (item == 0) { Py.Py_DecRef(tuple); return 0; }
                    Py.PyTuple_SetItem(tuple, i, item);
                }
                return tuple;
            }
        }
        if (t == SimpleType.Str)
        {
            byte* s = *(byte**)p;
            int n = 0;
            while (s != null && s[n] != 0) n++;
            return Py.PyUnicode_FromStringAndSize(s, n);
        }
        return Py.NewRef(Py.None);
    }

    /// <summary>Converts a scalar result to a declared return type (explicit signatures): int to float and so on.</summary>
    public static void Convert(byte* p, SjType from, SjType to)
    {
        if (from == to || from is not ScalarType f || to is not ScalarType t) return;
        double re = f.Rank switch { 0 => *p, 1 => *(long*)p, 2 => *(double*)p, _ => ((double*)p)[0] };
        double im = f.Rank == 3 ? ((double*)p)[1] : 0;
        long asInt = f.Rank switch { 0 => *p, 1 => *(long*)p, _ => (long)re };
        switch (t.Rank)
        {
            case 0: *p = (byte)(re != 0 || im != 0 ? 1 : 0); break;
            case 1: *(long*)p = asInt; break;
            case 2: *(double*)p = re; break;
            default: ((double*)p)[0] = re; ((double*)p)[1] = im; break;
        }
    }
}
