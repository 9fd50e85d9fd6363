using System.Runtime.InteropServices;
using SharpJit.Runtime;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>
/// An n-dimensional array for the .NET API: a .NET array passed to compiled code without a copy (pinned for the
/// NDArray's lifetime, so compiled code's writes are seen in it), or an array compiled code made (its runtime block,
/// released by <see cref="Dispose"/> or the finalizer). Strides are in bytes.
/// </summary>
public sealed unsafe class NDArray : IDisposable
{
    public ScalarType Dtype { get; }
    public long[] Shape { get; }
    public long[] Strides { get; }
    internal byte* Data { get; private set; }
    private byte* _meminfo;
    private GCHandle _pin;

    private NDArray(ScalarType dtype, long[] shape, long[] strides, byte* data, byte* meminfo)
    {
        Dtype = dtype; Shape = shape; Strides = strides; Data = data; _meminfo = meminfo;
    }

    /// <summary>Wraps a .NET array (no copy) as an array of the given shape (C order); its length must be the shape's size.</summary>
    public static NDArray From<T>(T[] data, params long[] shape) where T : unmanaged
    {
        var dtype = DtypeOf(typeof(T));
        if (shape.Length == 0) shape = new long[] { data.Length };
        if (shape.Any(d => d < 0) || shape.Aggregate(1L, (a, d) => a * d) != data.Length)
            throw new ArgumentException($"an array of {data.Length} elements cannot have shape ({string.Join(", ", shape)})");
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        var strides = ContiguousStrides(shape, sizeof(T));
        return new NDArray(dtype, shape, strides, (byte*)pin.AddrOfPinnedObject(), null) { _pin = pin };
    }

    /// <summary>Takes over one reference to a block compiled code returned (null: a borrowed view, copied).</summary>
    internal static NDArray FromCompiled(ArrayType t, byte* meminfo, byte* data, long* shape, long* strides)
    {
        var sh = new ReadOnlySpan<long>(shape, t.Ndim).ToArray(); var st = new ReadOnlySpan<long>(strides, t.Ndim).ToArray();
        if (meminfo != null)
        {
            RuntimeArrays.Retain(meminfo);
            return new NDArray(t.Dtype, sh, st, data, meminfo);
        }
        // A view of an argument: copied into its own block, so the result does not depend on the argument's lifetime.
        long n = sh.Aggregate(1L, (a, d) => a * d);
        int item = t.ItemSize;
        var block = RuntimeArrays.Allocate(n * item);
        if (block == null) throw ErrorState.Take();
        var copy = new NDArray(t.Dtype, sh, ContiguousStrides(sh, item), RuntimeArrays.DataOf(block), block);
        long k = 0;
        foreach (var offset in Offsets(sh, st)) Buffer.MemoryCopy(data + offset, copy.Data + item * k++, item, item);
        return copy;
    }

    /// <summary>The compiled-code type of this array: its dtype, ndim, and C layout when contiguous.</summary>
    public ArrayType Type => new(Dtype, Shape.Length, Strides.SequenceEqual(ContiguousStrides(Shape, Dtype.Rank == 0 ? 1 : Dtype.Bits / 8)) ? ArrayLayout.C : ArrayLayout.A);

    /// <summary>The elements, when the array is C-contiguous (no copy).</summary>
    public Span<T> AsSpan<T>() where T : unmanaged
    {
        if (DtypeOf(typeof(T)) != Dtype) throw new InvalidOperationException($"the array holds {Dtype.Name}, not {typeof(T).Name}");
        if (Type.Layout != ArrayLayout.C) throw new InvalidOperationException("the array is not contiguous: use ToArray()");
        ObjectDisposedException.ThrowIf(Data == null, this);
        return new Span<T>(Data, checked((int)Shape.Aggregate(1L, (a, d) => a * d)));
    }

    /// <summary>The elements in C order, copied.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        if (DtypeOf(typeof(T)) != Dtype) throw new InvalidOperationException($"the array holds {Dtype.Name}, not {typeof(T).Name}");
        ObjectDisposedException.ThrowIf(Data == null, this);
        var result = new List<T>();
        foreach (var offset in Offsets(Shape, Strides)) result.Add(*(T*)(Data + offset));
        return result.ToArray();
    }

    private static IEnumerable<long> Offsets(long[] shape, long[] strides)
    {
        if (shape.Any(d => d == 0)) yield break;
        var idx = new long[shape.Length];
        while (true)
        {
            long offset = 0;
            for (int k = 0; k < shape.Length; k++) offset += idx[k] * strides[k];
            yield return offset;
            int a = shape.Length - 1;
            while (a >= 0 && ++idx[a] == shape[a]) idx[a--] = 0;
            if (a < 0) yield break;
        }
    }

    private static long[] ContiguousStrides(long[] shape, int item)
    {
        var s = new long[shape.Length];
        long acc = item;
        for (int k = shape.Length - 1; k >= 0; k--) { s[k] = acc; acc *= shape[k]; }
        return s;
    }

    private static ScalarType DtypeOf(Type t) =>
        ScalarType.ByNetType(t) ?? throw new ArgumentException($"arrays of {t.Name} cannot be passed to compiled code");

    /// <summary>Writes the array value compiled code receives: borrowed (a null meminfo), data, shape, strides.</summary>
    internal void WriteValue(byte* p)
    {
        ObjectDisposedException.ThrowIf(Data == null, this);
        *(nint*)p = 0;
        *(byte**)(p + 8) = Data;
        for (int k = 0; k < Shape.Length; k++) { ((long*)(p + 16))[k] = Shape[k]; ((long*)(p + 16))[Shape.Length + k] = Strides[k]; }
    }

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    ~NDArray() => Release();

    private void Release()
    {
        if (_meminfo != null) { RuntimeArrays.Release(_meminfo); _meminfo = null; }
        if (_pin.IsAllocated) _pin.Free();
        Data = null;
    }
}
