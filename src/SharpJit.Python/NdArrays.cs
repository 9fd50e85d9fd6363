using System.Runtime.InteropServices;
using SharpJit.Runtime;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// NumPy arrays across the boundary, without copies. In: the ndarray's fields are read directly (NumPy's ABI:
/// data, nd, dimensions, strides, descr, flags) and passed as an array value with a null meminfo (borrowed for the
/// call); the key records dtype, ndim, layout and writability. Out: an array made by compiled code becomes a
/// numpy.ndarray over an <c>_sharpjit.ArrayOwner</c> (a buffer exporter holding the runtime allocation's reference); a
/// borrowed array that is returned is a view of the argument it belongs to.
/// </summary>
internal static unsafe class NdArrays
{
    /// <summary>numpy.ndarray, once an argument was one (learned from the Python side).</summary>
    public static nint NdArrayType;
    private static nint _asarray;
    public const byte KeyCode = 16;

    // PyArrayObject (numpy/ndarraytypes.h, 64-bit): data, nd, dimensions, strides, base, descr, flags.
    private const int DataOffset = 16, NdOffset = 24, DimsOffset = 32, StridesOffset = 40, DescrOffset = 56, FlagsOffset = 64;
    // PyArray_Descr: byteorder (char) and type_num (int).
    private const int ByteOrderOffset = 26, TypeNumOffset = 28;
    private const int CContiguous = 0x1, FContiguous = 0x2, Aligned = 0x100, Writeable = 0x400;

    public static bool IsArray(nint type) => type == NdArrayType && type != 0 || NdArrayType != 0 && Py.PyType_IsSubtype(type, NdArrayType) != 0;

    // NumPy's type numbers (below 32 for the types compiled code takes) and the key code of each, 0 for the others:
    // a table, since every call with an array argument looks one up.
    private static readonly ScalarType?[] DtypeByTypeNum = Enumerable.Range(0, 32).Select(ScalarType.ByTypeNum).ToArray();
    private static readonly byte[] CodeByTypeNum = DtypeByTypeNum.Select(d => d == null ? (byte)0 : Boxing.CodeOf(d)).ToArray();

    /// <summary>The array's NumPy type number, or -1 when compiled code cannot take it (byte order, dtype, alignment).</summary>
    private static int TypeNumOf(nint o)
    {
        nint descr = *(nint*)(o + DescrOffset);
        int typeNum = *(int*)(descr + TypeNumOffset);
        byte order = *(byte*)(descr + ByteOrderOffset);
        if (order == (byte)'>' || (*(int*)(o + FlagsOffset) & Aligned) == 0 || (uint)typeNum >= 32 || CodeByTypeNum[typeNum] == 0) return -1;
        return typeNum;
    }

    /// <summary>The array's dtype, or null when compiled code cannot take it.</summary>
    private static ScalarType? DtypeOf(nint o) => TypeNumOf(o) is var num and >= 0 ? DtypeByTypeNum[num] : null;

    /// <summary>Appends an array's key: code, dtype code, ndim, layout and readonly bits. False for arrays compiled
    /// code does not take (the slow path explains why).</summary>
    public static bool AppendKey(nint o, byte* key, ref int n)
    {
        int typeNum = TypeNumOf(o);
        int nd = *(int*)(o + NdOffset);
        if (typeNum < 0 || nd > 32 || n >= Boxing.MaxKey - 4) return false;
        int flags = *(int*)(o + FlagsOffset);
        int layout = (flags & CContiguous) != 0 ? (int)ArrayLayout.C : (flags & FContiguous) != 0 ? (int)ArrayLayout.F : (int)ArrayLayout.A;
        key[n++] = KeyCode; key[n++] = CodeByTypeNum[typeNum]; key[n++] = (byte)nd;
        key[n++] = (byte)(layout | ((flags & Writeable) == 0 ? 4 : 0));
        return true;
    }

    public static ArrayType TypeOfKey(ReadOnlySpan<byte> key, ref int pos)
    {
        var dtype = (ScalarType)Boxing.TypeOfKey(key, ref pos);
        int nd = key[pos++]; int bits = key[pos++];
        return new ArrayType(dtype, nd, (ArrayLayout)(bits & 3), (bits & 4) != 0);
    }

    public static void AppendKeyOf(ArrayType t, List<byte> key)
    {
        key.Add(KeyCode); key.Add(Boxing.CodeOf(t.Dtype)); key.Add((byte)t.Ndim);
        key.Add((byte)((int)t.Layout | (t.Readonly ? 4 : 0)));
    }

    /// <summary>Writes the array value {null meminfo, data, shape, strides} for an ndarray argument.</summary>
    public static void Write(nint o, int ndim, byte* p)
    {
        *(nint*)p = 0;
        *(nint*)(p + 8) = *(nint*)(o + DataOffset);
        long* dims = *(long**)(o + DimsOffset); long* strides = *(long**)(o + StridesOffset);
        for (int k = 0; k < ndim; k++) { ((long*)(p + 16))[k] = dims[k]; ((long*)(p + 16))[ndim + k] = strides[k]; }
    }

    /// <summary>The arguments of the call whose result is being read (a returned borrowed array is a view of one).</summary>
    [ThreadStatic] public static nint* CallArgs;
    [ThreadStatic] public static int CallArgCount;

    /// <summary>A new reference to a numpy.ndarray for the array value at p (its reference, if any, moves to the
    /// ndarray), or 0 with an exception set.</summary>
    public static nint Read(byte* p, ArrayType t)
    {
        byte* meminfo = *(byte**)p;
        byte* data = *(byte**)(p + 8);
        nint pyBase = 0;
        if (meminfo == null)
        {
            pyBase = OwnerArgument(data, false);
            // An empty view may start at the end of its argument (a[len(a):]) or anywhere past it (m[3:, 1:]), or be
            // one of an empty argument: its base is the argument it starts just after, else none (it reads nothing).
            bool empty = IsEmpty((long*)(p + 16), t.Ndim);
            if (pyBase == 0 && empty) pyBase = OwnerArgument(data, true);
            if (pyBase == 0 && !empty) { Py.PyErr_SetString(Py.RuntimeError, "internal: a returned array belongs to no argument"); return 0; }
            if (pyBase != 0) Py.Py_IncRef(pyBase);
        }
        long* shape = (long*)(p + 16); long* strides = shape + t.Ndim;
        if (pyBase != 0 && SameArray(pyBase, data, t, shape, strides)) return pyBase;   // the argument itself (its new reference)
        nint owner = ArrayOwnerType.New(meminfo, pyBase, data, t, shape, strides);
        if (owner == 0) { RuntimeArrays.Release(meminfo); if (pyBase != 0) Py.Py_DecRef(pyBase); return 0; }
        if (Api() is var api && api != null)
        {
            // NumPy's C API: an ndarray over the data whose base is the owner (PyArray_New, PyArray_SetBaseObject).
            var arrayNew = (delegate* unmanaged<nint, int, long*, int, long*, byte*, int, int, nint, nint>)api[93];
            var setBase = (delegate* unmanaged<nint, nint, int>)api[282];
            nint arr = arrayNew(api[2], t.Ndim, shape, TypeNum(t.Dtype), strides, data, 0, t.Readonly ? Aligned : Aligned | Writeable, 0);
            if (arr == 0) { Py.Py_DecRef(owner); return 0; }
            if (setBase(arr, owner) != 0) { Py.Py_DecRef(arr); return 0; }   // the owner's reference went to the array
            return arr;
        }
        if (_asarray == 0)
        {
            nint np = Py.PyImport_ImportModule("numpy");
            if (np == 0) { Py.Py_DecRef(owner); return 0; }
            _asarray = Py.PyObject_GetAttrString(np, "asarray");   // kept for the process
            Py.Py_DecRef(np);
            if (_asarray == 0) { Py.Py_DecRef(owner); return 0; }
        }
        nint args = Py.Tuple(owner);
        nint r = Py.PyObject_CallObject(_asarray, args);
        Py.Py_DecRef(args);
        return r;
    }

    private static nint* _api;
    private static bool _apiLoaded;

    /// <summary>NumPy's C API table (numpy.core.multiarray._ARRAY_API), or null when it cannot be had.</summary>
    private static nint* Api()
    {
        if (_apiLoaded) return _api;
        _apiLoaded = true;
        nint module = Py.PyImport_ImportModule("numpy.core.multiarray");
        if (module == 0) { Py.PyErr_Clear(); return null; }
        nint capsule = Py.PyObject_GetAttrString(module, "_ARRAY_API");
        Py.Py_DecRef(module);
        if (capsule == 0) { Py.PyErr_Clear(); return null; }
        _api = (nint*)Py.PyCapsule_GetPointer(capsule, null);   // the capsule is kept (the table lives in it)
        if (_api == null) Py.PyErr_Clear();
        return _api;
    }

    /// <summary>NumPy's type number for a dtype (Linux x86-64: int64 is NPY_LONG).</summary>
    private static int TypeNum(ScalarType t) => t.TypeNums[0];

    /// <summary>Whether an ndarray argument is exactly the array value (same memory, dtype, shape and strides).</summary>
    private static bool SameArray(nint o, byte* data, ArrayType t, long* shape, long* strides)
    {
        if (*(byte**)(o + DataOffset) != data || *(int*)(o + NdOffset) != t.Ndim || DtypeOf(o) != t.Dtype) return false;
        if (t.Readonly != ((*(int*)(o + FlagsOffset) & Writeable) == 0)) return false;
        long* dims = *(long**)(o + DimsOffset); long* st = *(long**)(o + StridesOffset);
        for (int k = 0; k < t.Ndim; k++) if (dims[k] != shape[k] || st[k] != strides[k]) return false;
        return true;
    }

    /// <summary>The argument (an ndarray, or one inside a tuple) whose memory holds data.</summary>
    private static nint OwnerArgument(byte* data, bool empty)
    {
        for (int i = 0; i < CallArgCount; i++)
        {
            nint found = Find(CallArgs[i], data, 0, empty);
            if (found != 0) return found;
        }
        if (ItemArrays is { } items)
            for (int i = items.Count - 1; i >= 0; i--)
            {
                nint found = Find(items[i], data, 0, empty);
                if (found != 0) return found;
            }
        return 0;
    }

    private static bool IsEmpty(long* shape, int ndim)
    {
        for (int k = 0; k < ndim; k++) if (shape[k] == 0) return true;
        return false;
    }

    /// <summary>Arrays passed in as items of containers (lists) in the calls in progress on this thread, each held (a
    /// new reference) until the call's result is read: a list written back or returned gives them back as themselves.</summary>
    [ThreadStatic] public static List<nint>? ItemArrays;

    /// <summary>The array (o, or one in the tuple o) whose elements data points into; with <paramref name="empty"/>
    /// (for an empty result, whose data pointer is never read), also one just past its end or an empty one's start.</summary>
    private static nint Find(nint o, byte* data, int depth, bool empty)
    {
        nint t = Py.TypeOf(o);
        if (t == Py.TupleType && depth < 64)
        {
            nint len = Py.PyTuple_Size(o);
            for (nint i = 0; i < len; i++) { nint f = Find(Py.PyTuple_GetItem(o, i), data, depth + 1, empty); if (f != 0) return f; }
            return 0;
        }
        if (!IsArray(t)) return 0;
        byte* start = *(byte**)(o + DataOffset);
        int nd = *(int*)(o + NdOffset);
        long* dims = *(long**)(o + DimsOffset); long* strides = *(long**)(o + StridesOffset);
        long lo = 0, hi = 0;
        for (int k = 0; k < nd; k++)
        {
            if (dims[k] == 0)
            {
                if (!empty) return 0;
                continue;
            }
            long span = (dims[k] - 1) * strides[k];
            if (span < 0) lo += span; else hi += span;
        }
        nint descr = *(nint*)(o + DescrOffset);
        long itemsize = *(int*)(descr + 32);
        return data >= start + lo && (data < start + hi + itemsize || empty && data == start + hi + itemsize) ? o : 0;
    }
}

/// <summary>
/// <c>_sharpjit.ArrayOwner</c>: exports an array made (or borrowed) by compiled code through the buffer protocol, so
/// that numpy.asarray wraps it without a copy. It holds the runtime allocation's reference (or the Python object the
/// memory belongs to) until NumPy drops the view.
/// </summary>
internal static unsafe class ArrayOwnerType
{
    public static nint Type;
    // PyObject header, then: meminfo, pyBase, data, ndim, shape/strides block, format, itemsize, readonly, and room for
    // the shape and strides of up to InlineDims dimensions (more get their own block).
    private const int Meminfo = 16, PyBase = 24, Data = 32, Ndim = 40, Dims = 48, Format = 56, ItemSize = 64, Readonly = 72,
        InlineDimsAt = 80, InlineDims = 4, Size = InlineDimsAt + 16 * InlineDims;
    private const int Py_bf_getbuffer = 1, Py_bf_releasebuffer = 2;
    private static delegate* unmanaged<nint, nint, nint> _alloc;
    private static delegate* unmanaged<nint, void> _free;

    public static void Create()
    {
        Type = DispatcherType.MakeType("_sharpjit.ArrayOwner", Size,
            (Py.Py_tp_dealloc, (nint)(delegate* unmanaged<nint, void>)&Dealloc),
            (Py_bf_getbuffer, (nint)(delegate* unmanaged<nint, nint, int, int>)&GetBuffer),
            (Py_bf_releasebuffer, (nint)(delegate* unmanaged<nint, nint, void>)&ReleaseBuffer));
        _alloc = (delegate* unmanaged<nint, nint, nint>)Py.PyType_GetSlot(Type, 47 /* Py_tp_alloc */);
        _free = (delegate* unmanaged<nint, void>)Py.PyType_GetSlot(Type, Py.Py_tp_free);
    }

    /// <summary>Struct-module formats by NumPy type number (made once each, kept for the process).</summary>
    private static readonly nint[] Formats = new nint[32];

    private static nint FormatOf(ScalarType t)
    {
        ref nint f = ref Formats[t.TypeNums[0]];
        if (f == 0)
        {
            nint made = (nint)DispatcherType.Utf8(t.BufferFormat);
            if (Interlocked.CompareExchange(ref f, made, 0) != 0) NativeMemory.Free((void*)made);
        }
        return f;
    }

    /// <summary>A new owner (its reference counts: meminfo's and pyBase's move in), or 0 with an exception set.</summary>
    public static nint New(byte* meminfo, nint pyBase, byte* data, ArrayType t, long* shape, long* strides)
    {
        nint o = _alloc(Type, 0);
        if (o == 0) return 0;
        var dims = t.Ndim <= InlineDims ? (long*)(o + InlineDimsAt) : (long*)NativeMemory.Alloc((nuint)(16 * t.Ndim));
        for (int k = 0; k < t.Ndim; k++) { dims[k] = shape[k]; dims[t.Ndim + k] = strides[k]; }
        *(byte**)(o + Meminfo) = meminfo; *(nint*)(o + PyBase) = pyBase; *(byte**)(o + Data) = data;
        *(long*)(o + Ndim) = t.Ndim; *(long**)(o + Dims) = dims; *(nint*)(o + Format) = FormatOf(t.Dtype);
        *(long*)(o + ItemSize) = t.ItemSize; *(long*)(o + Readonly) = t.Readonly ? 1 : 0;
        return o;
    }

    [UnmanagedCallersOnly]
    private static int GetBuffer(nint self, nint view, int flags)
    {
        long ndim = *(long*)(self + Ndim); long* dims = *(long**)(self + Dims);
        if ((flags & 1 /* PyBUF_WRITABLE */) != 0 && *(long*)(self + Readonly) != 0)
        {
            Py.PyErr_SetString(Py.TypeError, "the array is read-only");
            return -1;
        }
        long itemsize = *(long*)(self + ItemSize), len = itemsize;
        for (int k = 0; k < ndim; k++) len *= dims[k];
        // Py_buffer: buf, obj, len, itemsize, readonly, ndim, format, shape, strides, suboffsets, internal.
        *(nint*)view = *(nint*)(self + Data);
        *(nint*)(view + 8) = Py.NewRef(self);
        *(long*)(view + 16) = len;
        *(long*)(view + 24) = itemsize;
        *(int*)(view + 32) = (int)*(long*)(self + Readonly);
        *(int*)(view + 36) = (int)ndim;
        *(nint*)(view + 40) = *(nint*)(self + Format);
        *(long**)(view + 48) = dims;
        *(long**)(view + 56) = dims + ndim;
        *(nint*)(view + 64) = 0;
        *(nint*)(view + 72) = 0;
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void ReleaseBuffer(nint self, nint view) { }

    [UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        nint type = Py.TypeOf(self);
        RuntimeArrays.Release(*(byte**)(self + Meminfo));
        nint pyBase = *(nint*)(self + PyBase);
        if (pyBase != 0) Py.Py_DecRef(pyBase);
        if (*(long*)(self + Ndim) > InlineDims) NativeMemory.Free(*(void**)(self + Dims));
        _free(self);
        Py.Py_DecRef(type);
    }
}
