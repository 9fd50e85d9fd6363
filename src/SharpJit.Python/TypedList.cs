using System.Runtime.InteropServices;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// <c>sharpjit.typed.List</c>: a Python object that owns a list of compiled code (a runtime list block, Codegen.ListModel)
/// and shares it: passed to a @jit function it is that list, with nothing converted or written back, and a compiled
/// function that returns it (or a list holding it) gives back the same object. Its item type comes from
/// <c>item_type=</c> or its first item (numbers, str, tuples of them). The object holds one reference to the block;
/// compiled code that keeps the list holds its own, so the block is freed when the last of them goes.
/// </summary>
internal static unsafe class TypedList
{
    public static nint Type;
    // PyObject header, then: the runtime list block, a GC handle to its Info (0 until the item type is known).
    private const int Block = 16, InfoHandle = 24, Size = 32;
    private const int Py_tp_alloc = 47, Py_tp_repr = 66, Py_tp_richcompare = 67, Py_sq_length = 45, Py_sq_item = 44, Py_sq_ass_item = 39;

    private sealed class Info(ListType type)
    {
        public readonly ListType Type = type;
        public readonly int Stride = ValueLayout.ItemStride(type.Element);
        public readonly byte[] Key = KeyOf(type);
        private static byte[] KeyOf(ListType t) { var key = new List<byte>(); Boxing.AppendKeyOf(t, key); return key.ToArray(); }
    }

    /// <summary>The Python object of each live typed list, by its block: a compiled list that is one comes back as it.</summary>
    private static readonly Dictionary<nint, nint> Owners = new();

    public static void Create()
    {
        var methods = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)(sizeof(PyMethodDef) * 4));
        methods[0] = new PyMethodDef { Name = DispatcherType.Utf8("append"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&Append, Flags = Py.METH_O };
        methods[1] = new PyMethodDef { Name = DispatcherType.Utf8("extend"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&Extend, Flags = Py.METH_O };
        methods[2] = new PyMethodDef { Name = DispatcherType.Utf8("pop"), Method = (nint)(delegate* unmanaged<nint, nint, nint>)&Pop, Flags = Py.METH_NOARGS };
        Type = DispatcherType.MakeType("sharpjit.typed.List", Size,
            (Py.Py_tp_new, (nint)(delegate* unmanaged<nint, nint, nint, nint>)&New),
            (Py.Py_tp_dealloc, (nint)(delegate* unmanaged<nint, void>)&Dealloc),
            (Py.Py_tp_methods, (nint)methods),
            (Py.Py_tp_doc, (nint)DispatcherType.Utf8("List(iterable=(), item_type=None): a list compiled code shares with Python (no conversion at the call)")),
            (Py_tp_repr, (nint)(delegate* unmanaged<nint, nint>)&Repr),
            (Py_tp_richcompare, (nint)(delegate* unmanaged<nint, nint, int, nint>)&RichCompare),
            (Py_sq_length, (nint)(delegate* unmanaged<nint, nint>)&Length),
            (Py_sq_item, (nint)(delegate* unmanaged<nint, nint, nint>)&Item),
            (Py_sq_ass_item, (nint)(delegate* unmanaged<nint, nint, nint, int>)&AssignItem));
    }

    private static byte* BlockOf(nint o) => *(byte**)(o + Block);
    private static Info? InfoOf(nint o) => *(nint*)(o + InfoHandle) is var h && h != 0 ? (Info)GCHandle.FromIntPtr(h).Target! : null;
    private static long Count(byte* block) => *(long*)(block + SharpJit.Runtime.RuntimeLists.LengthOffset);
    private static byte* Items(byte* block) => *(byte**)(block + SharpJit.Runtime.RuntimeLists.ItemsOffset);

    /// <summary>The type key of a typed list (as a Python list of its item type has); false while it has no item type.</summary>
    public static bool AppendKey(nint o, byte* key, ref int n)
    {
        var info = InfoOf(o);
        if (info == null || n + info.Key.Length > Boxing.MaxKey - 2) return false;
        foreach (var b in info.Key) key[n++] = b;
        return true;
    }

    /// <summary>Stores the typed list's block as a compiled list of type t: a new reference when a container holds it.</summary>
    public static bool Share(nint o, ListType t, byte* p, bool asItem)
    {
        if (InfoOf(o) is not { } info || info.Type != t)
        {
            Py.PyErr_SetString(Py.TypeError, $"expected a list of {TypeOps.PyName(t.Element)}");
            return false;
        }
        byte* block = BlockOf(o);
        if (asItem) ++*(long*)block;
        *(byte**)p = block;
        return true;
    }

    /// <summary>A new reference to the typed list whose block this is, or 0 when it is none.</summary>
    public static nint OwnerOf(byte* block) => Owners.Count > 0 && Owners.TryGetValue((nint)block, out var o) ? Py.NewRef(o) : 0;

    [UnmanagedCallersOnly]
    private static nint New(nint type, nint args, nint kwargs)
    {
        nint given = Py.PyTuple_Size(args), itemType = kwargs != 0 ? Py.PyDict_GetItemString(kwargs, "item_type") : 0;
        if (given > 1 || kwargs != 0 && Py.PyDict_Size(kwargs) > (itemType != 0 ? 1 : 0))
        {
            Py.PyErr_SetString(Py.TypeError, "List() takes an iterable and item_type= only");
            return 0;
        }
        var alloc = (delegate* unmanaged<nint, nint, nint>)Py.PyType_GetSlot(type, Py_tp_alloc);
        nint o = alloc(type, 0);
        if (o == 0) return 0;
        byte* block = SharpJit.Runtime.RuntimeLists.Allocate(0, 8);
        *(byte**)(o + Block) = block;
        *(nint*)(o + InfoHandle) = 0;
        Owners[(nint)block] = o;
        if (itemType != 0 && itemType != Py.None && !SetItemType(o, itemType) || given == 1 && !ExtendFrom(o, Py.PyTuple_GetItem(args, 0)))
        {
            Py.Py_DecRef(o);
            return 0;
        }
        return o;
    }

    /// <summary>item_type=: float, int, bool, complex, str, or a type name ("float64").</summary>
    private static bool SetItemType(nint o, nint itemType)
    {
        SjType? element = itemType == Py.FloatType ? ScalarType.Float64 : itemType == Py.LongType ? ScalarType.Int64
            : itemType == Py.BoolType ? ScalarType.Bool : itemType == Py.ComplexType ? ScalarType.Complex128
            : itemType == Py.UnicodeType ? SimpleType.Str
            : Py.TypeOf(itemType) == Py.UnicodeType && Py.AsString(itemType) is { } name ? (name == "str" ? SimpleType.Str : ScalarType.ByName(name)) : null;
        if (element == null)
        {
            Py.PyErr_SetString(Py.TypeError, "item_type must be float, int, bool, complex, str or a NumPy scalar type's name");
            return false;
        }
        *(nint*)(o + InfoHandle) = GCHandle.ToIntPtr(GCHandle.Alloc(new Info(new ListType(element))));
        return true;
    }

    private static bool ExtendFrom(nint o, nint iterable)
    {
        if (Py.TypeOf(iterable) == Py.ListType && Py.PyList_Size(iterable) is var n and > 0)
        {
            // A list: its first item decides the item type if none is known yet, then the others convert in bulk.
            nint from = InfoOf(o) == null ? 1 : 0;
            if (from == 1 && !AppendOne(o, Py.PyList_GetItem(iterable, 0))) return false;
            var info = InfoOf(o)!;
            byte* block = BlockOf(o);
            long count = Count(block);
            if (!Reserve(block, count + n - from, info)) return false;
            bool copied = Boxing.CopyListItems(iterable, from, n, info.Type.Element, Items(block) + count * info.Stride, out var written);
            *(long*)(block + SharpJit.Runtime.RuntimeLists.LengthOffset) = count + written;
            return copied;
        }
        nint iterator = Py.PyObject_GetIter(iterable);
        if (iterator == 0) return false;
        bool ok = true;
        for (nint item; ok && (item = Py.PyIter_Next(iterator)) != 0; Py.Py_DecRef(item)) ok = AppendOne(o, item);
        Py.Py_DecRef(iterator);
        return ok && Py.PyErr_Occurred() == 0;
    }

    /// <summary>Appends one item, converted to the item type (which the first item decides).</summary>
    private static bool AppendOne(nint o, nint item)
    {
        var info = InfoOf(o);
        if (info == null)
        {
            byte* key = stackalloc byte[Boxing.MaxKey];
            int n = 0, pos = 0;
            SjType? element = Boxing.AppendKey(item, key, ref n) ? Boxing.TypeOfKey(new ReadOnlySpan<byte>(key, n), ref pos) : null;
            if (element == null || !CanHold(element))
            {
                Py.PyErr_SetString(Py.TypeError, $"a typed List holds numbers, str and tuples of them, not {(element != null ? TypeOps.PyName(element) : "this value")}");
                return false;
            }
            info = new Info(new ListType(element));
            *(nint*)(o + InfoHandle) = GCHandle.ToIntPtr(GCHandle.Alloc(info));
        }
        byte* block = BlockOf(o);
        long count = Count(block);
        if (!Reserve(block, count + 1, info)) return false;
        if (!Boxing.WriteOwned(item, info.Type.Element, Items(block) + count * info.Stride)) return false;
        *(long*)(block + SharpJit.Runtime.RuntimeLists.LengthOffset) = count + 1;
        return true;
    }

    private static bool Reserve(byte* block, long needed, Info info)
    {
        if (SharpJit.Runtime.RuntimeLists.Reserve(block, needed, info.Stride) == 0) return true;
        SharpJit.Runtime.ErrorState.Clear();
        Py.PyErr_SetString(Py.MemoryError, "out of memory growing a typed List");
        return false;
    }

    private static bool CanHold(SjType t) => t is ScalarType || t == SimpleType.Str || t is TupleType tt && tt.Items.All(CanHold);

    [UnmanagedCallersOnly]
    private static nint Append(nint self, nint item) => AppendOne(self, item) ? Py.NewRef(Py.None) : 0;

    [UnmanagedCallersOnly]
    private static nint Extend(nint self, nint items) => ExtendFrom(self, items) ? Py.NewRef(Py.None) : 0;

    [UnmanagedCallersOnly]
    private static nint Pop(nint self, nint _)
    {
        byte* block = BlockOf(self);
        long count = Count(block);
        if (count == 0 || InfoOf(self) is not { } info)
        {
            Py.PyErr_SetString(Py.IndexError, "pop from empty list");
            return 0;
        }
        nint r = Boxing.Read(Items(block) + (count - 1) * info.Stride, info.Type.Element);   // takes the item's references
        *(long*)(block + SharpJit.Runtime.RuntimeLists.LengthOffset) = count - 1;
        return r;
    }

    [UnmanagedCallersOnly]
    private static nint Length(nint self) => (nint)Count(BlockOf(self));

    /// <summary>The slot of item i (already made non-negative by CPython), or null with IndexError set.</summary>
    private static byte* Slot(nint self, nint i, string message, out Info info)
    {
        info = InfoOf(self)!;
        byte* block = BlockOf(self);
        if (i < 0 || i >= Count(block))
        {
            Py.PyErr_SetString(Py.IndexError, message);
            return null;
        }
        return Items(block) + i * info.Stride;
    }

    [UnmanagedCallersOnly]
    private static nint Item(nint self, nint i)
    {
        byte* p = Slot(self, i, "list index out of range", out var info);
        return p == null ? 0 : Boxing.Read(p, info.Type.Element, borrowed: true);
    }

    [UnmanagedCallersOnly]
    private static int AssignItem(nint self, nint i, nint value)
    {
        byte* p = Slot(self, i, "list assignment index out of range", out var info);
        if (p == null) return -1;
        int stride = info.Stride;
        var element = new TupleType(new[] { info.Type.Element });   // a layout of one item, to drop what a slot holds
        if (value == 0)
        {
            byte* block = BlockOf(self);
            long count = Count(block);
            Boxing.LayoutOf(element).Release(p);
            Buffer.MemoryCopy(p + stride, p, (count - i - 1) * stride, (count - i - 1) * stride);
            *(long*)(block + SharpJit.Runtime.RuntimeLists.LengthOffset) = count - 1;
            return 0;
        }
        byte* fresh = stackalloc byte[stride];
        if (!Boxing.WriteOwned(value, info.Type.Element, fresh)) return -1;
        Boxing.LayoutOf(element).Release(p);
        Buffer.MemoryCopy(fresh, p, stride, stride);
        return 0;
    }

    /// <summary>A new Python list of the items (a copy).</summary>
    private static nint AsList(nint o)
    {
        var info = InfoOf(o);
        return info == null ? Py.PyList_New(0) : Boxing.ReadList(BlockOf(o), info.Type);
    }

    [UnmanagedCallersOnly]
    private static nint Repr(nint self)
    {
        nint items = AsList(self);
        if (items == 0) return 0;
        nint text = Py.PyObject_Repr(items);
        Py.Py_DecRef(items);
        if (text == 0) return 0;
        string inner = Py.AsString(text) ?? "";
        Py.Py_DecRef(text);
        return Py.Str($"List({inner})");
    }

    /// <summary>==, != and ordering as between lists (with a list or another typed List).</summary>
    [UnmanagedCallersOnly]
    private static nint RichCompare(nint self, nint other, int op)
    {
        nint otherList = Py.TypeOf(other) == Type ? AsList(other) : Py.TypeOf(other) == Py.ListType ? Py.NewRef(other) : 0;
        if (otherList == 0) return Py.PyErr_Occurred() != 0 ? 0 : Py.NewRef(Py.NotImplemented);
        nint mine = AsList(self);
        nint r = mine == 0 ? 0 : Py.PyObject_RichCompare(mine, otherList, op);
        if (mine != 0) Py.Py_DecRef(mine);
        Py.Py_DecRef(otherList);
        return r;
    }

    [UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        nint type = Py.TypeOf(self);
        byte* block = BlockOf(self);
        Owners.Remove((nint)block);
        var info = InfoOf(self);
        if (info != null) ListModel.ReleaseBlock(block, info.Type);
        else if (--*(long*)block == 0) SharpJit.Runtime.RuntimeLists.FreeBlock(block);   // never had an item
        nint h = *(nint*)(self + InfoHandle);
        if (h != 0) GCHandle.FromIntPtr(h).Free();
        var free = (delegate* unmanaged<nint, void>)Py.PyType_GetSlot(type, Py.Py_tp_free);
        free(self);
        Py.Py_DecRef(type);
    }
}
