using System.Collections.Concurrent;
using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// Instances of compiled classes passed as arguments. The type key holds the class and the type of each attribute the
/// object has (so the compiled code is specialised for them, as for a class's assignments); the object is converted
/// into a compiled instance for the call and, after it, its attributes are written back into the object's
/// <c>__dict__</c> (as lists and dicts are reflected), and a result that is the instance passed in is the object
/// itself. An object met twice in one call (two arguments, a link to itself) is one compiled instance.
/// </summary>
internal static unsafe class InstanceArgs
{
    /// <summary>An instance with its attribute types; <see cref="SeenCode"/>: an instance of a class whose attribute
    /// types an enclosing one already gave (a linked list's next).</summary>
    public const byte KeyCode = 24, SeenCode = 25;
    /// <summary>An attribute the object does not have.</summary>
    private const byte Absent = 26;

    private sealed record Known(nint Type, ClassInfo Class);
    private static readonly ConcurrentDictionary<nint, byte> Ids = new();
    private static readonly List<Known> Classes = new();

    public static bool IsClass(nint type) => Ids.ContainsKey(type);

    /// <summary>Learns a class (its type object kept for good); false with TypeError set.</summary>
    public static bool Learn(nint type, ClassInfo cls)
    {
        lock (Classes)
        {
            if (Ids.ContainsKey(type)) return true;
            if (Classes.Count == 255)
            {
                Py.PyErr_SetString(Py.TypeError, "too many classes of instances passed to compiled code (at most 255)");
                return false;
            }
            Py.Py_IncRef(type);
            Classes.Add(new Known(type, cls));
            Ids[type] = (byte)(Classes.Count - 1);
        }
        return true;
    }

    // ------------------------------------------------------------ type keys

    /// <summary>The classes whose attributes the key being built is describing (a path, so a self-referencing
    /// structure ends).</summary>
    [ThreadStatic] private static List<byte>? _path;

    public static bool AppendKey(nint o, byte* key, ref int n)
    {
        if (n >= Boxing.MaxKey - 3 || !Ids.TryGetValue(Py.TypeOf(o), out var id)) return false;
        var path = _path ??= new();
        if (path.Contains(id)) { key[n++] = SeenCode; key[n++] = id; return true; }
        ClassInfo cls;
        lock (Classes) cls = Classes[id].Class;
        nint dict = Py.PyObject_GetAttrString(o, "__dict__");
        if (dict == 0) { Py.PyErr_Clear(); return false; }
        key[n++] = KeyCode; key[n++] = id;
        path.Add(id);
        try
        {
            foreach (var field in cls.Fields)
            {
                nint value = Py.PyDict_GetItemString(dict, field);   // borrowed
                if (value == 0) { if (n >= Boxing.MaxKey - 1) return false; key[n++] = Absent; continue; }
                if (!Boxing.AppendKey(value, key, ref n)) return false;
            }
            return true;
        }
        finally
        {
            path.RemoveAt(path.Count - 1);
            Py.Py_DecRef(dict);
        }
    }

    /// <summary>The first attribute value of o whose type key cannot be made, or 0 (borrowed: o's __dict__ holds it),
    /// so the error names what compiled code cannot take.</summary>
    public static nint FirstUnknownAttribute(nint o, byte* scratch)
    {
        if (!Ids.TryGetValue(Py.TypeOf(o), out var id)) return 0;
        ClassInfo cls;
        lock (Classes) cls = Classes[id].Class;
        nint dict = Py.PyObject_GetAttrString(o, "__dict__");
        if (dict == 0) { Py.PyErr_Clear(); return 0; }
        try
        {
            foreach (var field in cls.Fields)
            {
                nint value = Py.PyDict_GetItemString(dict, field);
                int n = 0;
                if (value != 0 && !Boxing.AppendKey(value, scratch, ref n)) return value;
            }
            return 0;
        }
        finally { Py.Py_DecRef(dict); }
    }

    /// <summary>The instance types made while one argument list is decoded: one per class, as a compilation has.</summary>
    [ThreadStatic] private static Dictionary<ClassInfo, InstanceType>? _decoded;

    /// <summary>Starts decoding the types of one argument list.</summary>
    public static void BeginDecode() => _decoded?.Clear();

    private static InstanceType Decoded(byte id)
    {
        ClassInfo cls;
        lock (Classes) cls = Classes[id].Class;
        var decoded = _decoded ??= new();
        if (!decoded.TryGetValue(cls, out var t)) decoded[cls] = t = new InstanceType(cls, new InstanceLayout(cls));
        return t;
    }

    /// <summary>The instance type for a key: each attribute's type is the object's value's (an instance attribute may
    /// also be None, as a link at the end of a list is); attributes declared by the class keep their declared type.</summary>
    public static SjType TypeOfKey(byte code, ReadOnlySpan<byte> key, ref int pos)
    {
        var t = Decoded(key[pos++]);
        if (code == SeenCode) return t;
        foreach (var field in t.Class.Fields)
        {
            if (key[pos] == Absent) { pos++; continue; }
            var value = Boxing.TypeOfKey(key, ref pos);
            if (value is InstanceType) value = new OptionalType(value);
            if (t.Class.Declared.ContainsKey(field)) continue;
            var old = t.Layout.TypeOf(field);
            t.Layout.Set(field, TypeOps.IsKnown(old) ? TypeOps.Unify(old, value) ?? throw new ArgumentException(
                $"attribute '{field}' of the '{t.Class.Name}' objects passed in is {TypeOps.WithArticle(old)} in one and {TypeOps.WithArticle(value)} in another") : value);
        }
        return t;
    }

    // ------------------------------------------------------------ values

    /// <summary>Each object converted for the calls in progress on this thread, with its compiled instance (holding the
    /// call's reference) and type; written back after the call.</summary>
    [ThreadStatic] private static List<(nint Py, nint Block, InstanceType Type)>? _converted;
    /// <summary>The compiled instance of each object in <see cref="_converted"/> (a list of many instances is
    /// converted in linear time).</summary>
    [ThreadStatic] private static Dictionary<nint, nint>? _blockOf;
    /// <summary>While writing back and reading the result: each compiled instance passed in and its object.</summary>
    [ThreadStatic] private static Dictionary<nint, nint>? _passedIn;

    public static int Mark => _converted?.Count ?? 0;

    /// <summary>Converts o into a compiled instance at p; false with an exception set. An item of a container gets its
    /// own reference (asItem), besides the call's.</summary>
    public static bool Write(nint o, InstanceType t, byte* p, bool asItem, Func<nint, SjType, nint, bool> writeItem)
    {
        lock (Classes)
            if (!Ids.TryGetValue(Py.TypeOf(o), out var id) || !ReferenceEquals(Classes[id].Class, t.Class))
            {
                nint name = Py.PyObject_GetAttrString(Py.TypeOf(o), "__name__");
                Py.PyErr_SetString(Py.TypeError, $"compiled code expected a {t.Class.Name} instance (the type the first one passed in gave), not {(name == 0 ? "another type" : Py.AsString(name))}");
                if (name != 0) Py.Py_DecRef(name); else Py.PyErr_Clear();
                return false;
            }
        if (_blockOf != null && _blockOf.TryGetValue(o, out var seen))
        {
            if (asItem) ++*(long*)seen;
            *(byte**)p = (byte*)seen;
            return true;
        }
        var layout = InstanceModel.BlockLayout(t);
        byte* block = SharpJit.Runtime.RuntimeGenerators.Allocate(layout.Size);   // zeroed, one reference: the call's
        if (block == null) { Py.PyErr_SetString(Py.MemoryError, "out of memory converting an instance"); return false; }
        (_converted ??= new()).Add((o, (nint)block, t));   // before its attributes: a link back to it finds it
        (_blockOf ??= new())[o] = (nint)block;
        if (asItem) ++*(long*)block;
        *(byte**)p = block;
        nint dict = Py.PyObject_GetAttrString(o, "__dict__");
        if (dict == 0) return false;
        try
        {
            int count = t.Class.Fields.Count;
            for (int k = 0; k < count; k++)
            {
                nint value = Py.PyDict_GetItemString(dict, t.Class.Fields[k]);
                if (value == 0) continue;
                if (!writeItem(value, Codegen.InstanceCode.Stored(t.Layout.TypeOf(t.Class.Fields[k])), (nint)(block + layout.Offset(1 + k))))
                    return false;
                block[layout.Offset(1 + count + k)] = 1;
            }
            return true;
        }
        finally { Py.Py_DecRef(dict); }
    }

    /// <summary>Writes each instance converted since <paramref name="mark"/> back into its object's __dict__ (an
    /// attribute holding an instance passed in gets that object back), then drops the call's references.</summary>
    public static bool Reflect(int mark, Func<nint, SjType, nint> readBorrowed)
    {
        var converted = _converted;
        if (converted == null || converted.Count <= mark) return true;
        var passedIn = _passedIn ??= new();
        for (int k = mark; k < converted.Count; k++) passedIn[converted[k].Block] = converted[k].Py;
        bool ok = true;
        for (int k = mark; k < converted.Count && ok; k++)
        {
            var (o, block, t) = converted[k];
            var layout = InstanceModel.BlockLayout(t);
            int count = t.Class.Fields.Count;
            nint dict = Py.PyObject_GetAttrString(o, "__dict__");
            if (dict == 0) { ok = false; break; }
            for (int f = 0; f < count && ok; f++)
            {
                if (((byte*)block)[layout.Offset(1 + count + f)] == 0) continue;
                nint value = readBorrowed(block + layout.Offset(1 + f), layout.Types[1 + f]);
                nint name = Py.Str(t.Class.Fields[f]);
                ok = value != 0 && Py.PyDict_SetItem(dict, name, value) == 0;
                Py.Py_DecRef(name);
                if (value != 0) Py.Py_DecRef(value);
            }
            Py.Py_DecRef(dict);
        }
        Discard(mark);
        return ok;
    }

    /// <summary>Drops the call's references to the instances converted since mark (without writing them back when
    /// converting the arguments failed).</summary>
    public static void Discard(int mark)
    {
        if (_converted is not { } converted || converted.Count <= mark) return;
        for (int k = mark; k < converted.Count; k++)
        {
            _blockOf!.Remove(converted[k].Py);
            InstanceModel.ReleaseBlock((byte*)converted[k].Block, converted[k].Type);
        }
        converted.RemoveRange(mark, converted.Count - mark);
    }

    /// <summary>The object a compiled instance passed in came from (borrowed), or 0.</summary>
    public static nint PassedIn(byte* block) => _passedIn != null && _passedIn.TryGetValue((nint)block, out var o) ? o : 0;

    /// <summary>The call's result is read: instances passed in are no longer known by address.</summary>
    public static void CallFinished() => _passedIn?.Clear();
}
