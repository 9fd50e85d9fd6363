using System.Collections.Concurrent;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// Python objects to and from the packed C layout of compiled entry points, and the per-call type key the
/// dispatcher matches signatures on (no allocation on the fast path).
/// </summary>
internal static unsafe class Boxing
{
    // Type key bytes: one per scalar, tuples as Tuple, count, items. NumPy's narrow scalars follow (ScalarCodes).
    public const byte Bool = 1, Int = 2, Float = 3, Complex = 4, NoneCode = 5, Tuple = 6;
    /// <summary>A namedtuple: the code, its class's number (<see cref="LearnNamedTuple"/>), then as a tuple.</summary>
    public const byte NamedTupleCode = 17;
    /// <summary>A str: copied into a runtime string for the call (compiled strings are UTF-8 behind a count).</summary>
    public const byte StrCode = 18;
    /// <summary>A list: the code, then its first item's key (an empty list has no key: the slow path refuses it).</summary>
    public const byte ListCode = 19;
    /// <summary>A dict: the code, then its first key's key and its first value's (an empty dict is refused).</summary>
    public const byte DictCode = 20;
    /// <summary>A set: the code, then its first item's key (an empty set is refused). (21 is FunctionPointerArgs.KeyCode, 23 FunctionArgs.KeyCode.)</summary>
    public const byte SetCode = 22;
    /// <summary>A frozenset: as a set (converted the same way; nothing is written back, since nothing changes it).</summary>
    public const byte FrozenSetCode = 27;

    /// <summary>The key byte of each scalar type: Python's four, then NumPy's narrow types from 7.</summary>
    private static readonly Dictionary<ScalarType, byte> ScalarCodes = ScalarType.All.Where(t => !t.IsCanonical)
        .Select((t, k) => (t, (byte)(7 + k))).Concat([(ScalarType.Bool, Bool), (ScalarType.Int64, Int), (ScalarType.Float64, Float), (ScalarType.Complex128, Complex)])
        .ToDictionary(p => p.Item1, p => p.Item2);
    private static readonly Dictionary<byte, ScalarType> ScalarOfCode = ScalarCodes.ToDictionary(p => p.Value, p => p.Key);
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
        if (t == Py.UnicodeType) { key[n++] = StrCode; return true; }
        if (t == Py.TupleType)
        {
            nint len = Py.Fast.PyTuple_Size(o);
            if (len > 255) return false;
            key[n++] = Tuple; key[n++] = (byte)len;
            for (nint i = 0; i < len; i++)
                if (!AppendKey(Py.Fast.PyTuple_GetItem(o, i), key, ref n)) return false;
            return true;
        }
        if (t == TypedList.Type) return TypedList.AppendKey(o, key, ref n);
        if (t == Py.ListType)
        {
            if (Py.PyList_Size(o) == 0) return false;
            key[n++] = ListCode;
            return AppendKey(Py.PyList_GetItem(o, 0), key, ref n);
        }
        if (t == Py.DictType)
        {
            if (Py.Fast.PyDict_Size(o) == 0) return false;
            nint pos = 0, first, value;
            Py.Fast.PyDict_Next(o, &pos, &first, &value);
            key[n++] = DictCode;
            return AppendKey(first, key, ref n) && AppendKey(value, key, ref n);
        }
        if (t == Py.SetType || t == Py.FrozenSetType)
        {
            nint first = FirstItem(o);
            if (first == 0) return false;
            key[n++] = t == Py.SetType ? SetCode : FrozenSetCode;
            bool known = AppendKey(first, key, ref n);
            Py.Py_DecRef(first);
            return known;
        }
        if (t == NdArrays.NdArrayType && t != 0) return NdArrays.AppendKey(o, key, ref n);
        if (KnownTypes.TryGetValue(t, out var code)) { key[n++] = code; return true; }
        if (NamedTupleClasses.TryGetValue(t, out var classId))
        {
            nint len = Py.Fast.PyTuple_Size(o);
            if (len > 255 || n >= MaxKey - 3) return false;
            key[n++] = NamedTupleCode; key[n++] = classId; key[n++] = (byte)len;
            for (nint i = 0; i < len; i++)
                if (!AppendKey(Py.Fast.PyTuple_GetItem(o, i), key, ref n)) return false;
            return true;
        }
        if (NdArrays.IsArray(t)) return NdArrays.AppendKey(o, key, ref n);   // a subclass of ndarray
        if (InstanceArgs.IsClass(t)) return InstanceArgs.AppendKey(o, key, ref n);
        if (FunctionPointerArgs.IsCandidate(t)) return FunctionPointerArgs.AppendKey(o, key, ref n);
        return FunctionArgs.AppendKey(o, key, ref n);
    }

    /// <summary>The item of a non-empty list, set or dict whose type key stands for the container's, or 0 (borrowed: the
    /// container holds it).</summary>
    private static nint ItemThatDecides(nint o, byte* scratch)
    {
        nint t = Py.TypeOf(o);
        if (t == Py.ListType) return Py.PyList_Size(o) > 0 ? Py.PyList_GetItem(o, 0) : 0;
        if (t == Py.SetType || t == Py.FrozenSetType)
        {
            nint first = FirstItem(o);
            if (first != 0) Py.Py_DecRef(first);
            return first;
        }
        if (t != Py.DictType || Py.Fast.PyDict_Size(o) == 0) return 0;
        nint pos = 0, key, value;
        Py.Fast.PyDict_Next(o, &pos, &key, &value);
        int n = 0;
        return AppendKey(key, scratch, ref n) ? value : key;
    }

    /// <summary>A new reference to the first item a set iterates, or 0 (empty, with no exception set).</summary>
    private static nint FirstItem(nint set)
    {
        if (Py.PySet_Size(set) == 0) return 0;
        nint iterator = Py.PyObject_GetIter(set);
        if (iterator == 0) { Py.PyErr_Clear(); return 0; }
        nint first = Py.PyIter_Next(iterator);
        Py.Py_DecRef(iterator);
        return first;
    }

    /// <summary>
    /// The innermost value whose type blocks <see cref="AppendKey"/> (o itself for a scalar), or the tuple where the walk
    /// stops: one too long, or nested deeper than a type key can describe. Iterative, so no nesting depth can exhaust
    /// the stack (of any thread); the Python side turns a tuple into a TypeError.
    /// </summary>
    public static nint FirstUnknown(nint o)
    {
        byte* scratch = stackalloc byte[MaxKey];
        for (int depth = 0; depth < MaxKey; depth++)
        {
            // A container's type key is its first item's (a dict's: its first key's, then value's): the item decides.
            nint inner = ItemThatDecides(o, scratch);
            if (inner == 0) inner = InstanceArgs.FirstUnknownAttribute(o, scratch);
            if (inner != 0) { o = inner; continue; }
            if (Py.TypeOf(o) != Py.TupleType && !NamedTupleClasses.ContainsKey(Py.TypeOf(o))) break;
            nint len = Py.PyTuple_Size(o), blocking = 0;
            if (len > 255) return o;
            for (nint i = 0; i < len && blocking == 0; i++)
            {
                int n = 0;
                nint item = Py.PyTuple_GetItem(o, i);
                if (!AppendKey(item, scratch, ref n)) blocking = item;
            }
            if (blocking == 0) return o;   // every item fits alone: the whole is too big for a key
            o = blocking;
        }
        return o;
    }

    public static void Learn(nint type, byte code) => KnownTypes[type] = code;

    /// <summary>namedtuple classes seen in arguments, by type object; their number is their index.</summary>
    private static readonly ConcurrentDictionary<nint, byte> NamedTupleClasses = new();
    private static readonly List<NamedTupleInfo> NamedTupleInfos = new();

    /// <summary>A namedtuple class an argument had (its type object is kept for good); false past 255 classes.</summary>
    public static bool LearnNamedTuple(nint type, NamedTupleInfo info)
    {
        lock (NamedTupleInfos)
        {
            if (NamedTupleClasses.ContainsKey(type)) return true;
            if (NamedTupleInfos.Count >= 255) return false;
            int id = NamedTupleInfos.IndexOf(info);
            if (id < 0) { id = NamedTupleInfos.Count; NamedTupleInfos.Add(info); }
            NamedTupleClasses[type] = (byte)id;
            return true;
        }
    }

    private static byte NamedTupleId(NamedTupleInfo info)
    {
        lock (NamedTupleInfos)
        {
            int id = NamedTupleInfos.IndexOf(info);
            if (id < 0) { id = NamedTupleInfos.Count; NamedTupleInfos.Add(info); }
            return (byte)id;
        }
    }

    public static byte CodeOf(string typeName) => typeName == "none" ? NoneCode
        : ScalarType.ByName(typeName) is { } s ? ScalarCodes[s] : throw new ArgumentException($"unknown scalar type {typeName}");

    /// <summary>The compiler's type for a key (from position pos, advanced past it).</summary>
    public static SjType TypeOfKey(ReadOnlySpan<byte> key, ref int pos)
    {
        byte c = key[pos++];
        if (ScalarOfCode.TryGetValue(c, out var scalar)) return scalar;
        switch (c)
        {
            case NoneCode: return SimpleType.None;
            case StrCode: return SimpleType.Str;
            case ListCode: return new ListType(TypeOfKey(key, ref pos));
            case DictCode:
            {
                var k = TypeOfKey(key, ref pos);
                return new DictType(k, TypeOfKey(key, ref pos));
            }
            case SetCode: return new SetType(TypeOfKey(key, ref pos));
            case FrozenSetCode: return new SetType(TypeOfKey(key, ref pos), frozen: true);
            case NdArrays.KeyCode: return NdArrays.TypeOfKey(key, ref pos);
            case FunctionPointerArgs.KeyCode: return FunctionPointerArgs.TypeOfKey(key, ref pos);
            case FunctionArgs.KeyCode: return FunctionArgs.TypeOfKey(key, ref pos);
            case InstanceArgs.KeyCode or InstanceArgs.SeenCode: return InstanceArgs.TypeOfKey(c, key, ref pos);
            case Tuple:
                int len = key[pos++];
                var items = new SjType[len];
                for (int i = 0; i < len; i++) items[i] = TypeOfKey(key, ref pos);
                return new TupleType(items);
            case NamedTupleCode:
            {
                NamedTupleInfo info;
                lock (NamedTupleInfos) info = NamedTupleInfos[key[pos++]];
                var fields = new SjType[key[pos++]];
                for (int i = 0; i < fields.Length; i++) fields[i] = TypeOfKey(key, ref pos);
                return new TupleType(fields, info);
            }
        }
        throw new ArgumentException($"bad type key byte {c}");
    }

    public static byte CodeOf(ScalarType s) => ScalarCodes[s];

    public static void AppendKeyOf(SjType t, List<byte> key)
    {
        switch (t)
        {
            case ScalarType s: key.Add(CodeOf(s)); return;
            case ArrayType at: NdArrays.AppendKeyOf(at, key); return;
            case FunctionPointerType fp: FunctionPointerArgs.AppendKeyOf(fp, key); return;
            case ListType lt: key.Add(ListCode); AppendKeyOf(lt.Element, key); return;
            case DictType dt: key.Add(DictCode); AppendKeyOf(dt.Key, key); AppendKeyOf(dt.Value, key); return;
            case SetType st: key.Add(st.Frozen ? FrozenSetCode : SetCode); AppendKeyOf(st.Key, key); return;
            case TupleType { Named: { } named } nt:
                key.Add(NamedTupleCode); key.Add(NamedTupleId(named)); key.Add((byte)nt.Items.Length);
                foreach (var i in nt.Items) AppendKeyOf(i, key);
                return;
            case TupleType tt:
                key.Add(Tuple); key.Add((byte)tt.Items.Length);
                foreach (var i in tt.Items) AppendKeyOf(i, key);
                return;
        }
        if (t == SimpleType.None) { key.Add(NoneCode); return; }
        if (t == SimpleType.Str) { key.Add(StrCode); return; }
        if (FunctionArgs.AppendKeyOf(t, key)) return;
        throw new ArgumentException($"values of type {t.Name} cannot be passed from Python");
    }

    private static readonly ConcurrentDictionary<TupleType, ValueLayout> TupleLayouts = new();
    public static ValueLayout LayoutOf(TupleType t) => TupleLayouts.GetOrAdd(t, tt => new ValueLayout(tt.Items));

    /// <summary>Writes o as a value of type t at p; false with a Python exception set when o does not convert. The
    /// type's model says how, through <see cref="Objects"/>.</summary>
    public static bool Write(nint o, SjType t, byte* p) => ModelOf(t).WritePython(Objects, o, p);

    /// <summary>A new reference to the Python object for the value of type t at p (0 with an exception set on failure).
    /// The value's references are the caller's and dropped, unless <paramref name="borrowed"/> (an item of a list).</summary>
    public static nint Read(byte* p, SjType t, bool borrowed = false) => ModelOf(t).ReadPython(Objects, p, borrowed);

    /// <summary>The model of t (made once per type object: containers ask it per item).</summary>
    public static TypeModel ModelOf(SjType t) => TypeModel.Cached(t) ?? throw new InvalidOperationException($"internal: no data model for type {t}");

    /// <summary>CPython's side of the models' boxing, over the C API.</summary>
    public static readonly IPythonBoxing Objects = new PythonObjects();

    private sealed class PythonObjects : IPythonBoxing
    {
        public bool WriteScalar(nint o, ScalarType t, byte* p)
        {
            switch (t.Rank)
            {
                case 0:
                {
                    if (Py.TypeOf(o) == Py.BoolType) { *p = (byte)(Py.Fast.PyLong_AsLongLong(o) != 0 ? 1 : 0); return true; }
                    int b = Py.PyObject_IsTrue(o);
                    if (b < 0) return false;
                    *p = (byte)b;
                    return true;
                }
                case 1:
                {
                    long v;
                    if (Py.TypeOf(o) == Py.LongType && t == ScalarType.Int64) v = Py.Fast.PyLong_AsLongLong(o);
                    else
                    {
                        nint index = Py.PyNumber_Index(o);
                        if (index == 0) return false;
                        v = t == ScalarType.UInt64 ? (long)Py.PyLong_AsUnsignedLongLong(index) : Py.PyLong_AsLongLong(index);
                        Py.Py_DecRef(index);
                    }
                    if (v == -1 && Py.Fast.PyErr_Occurred() != 0) return false;
                    ScalarModel.Store(p, t, 0, 0, v);
                    return true;
                }
                case 2:
                {
                    double v = Py.TypeOf(o) == Py.FloatType ? Py.Fast.PyFloat_AsDouble(o) : Py.PyFloat_AsDouble(o);
                    if (v == -1.0 && Py.Fast.PyErr_Occurred() != 0) return false;
                    ScalarModel.Store(p, t, v, 0, 0);
                    return true;
                }
                default:
                {
                    // Objects that are not Python complex (np.complex64) go through complex(o): reading the parts
                    // directly would call their __float__, which drops the imaginary part.
                    bool convert = Py.PyType_IsSubtype(Py.TypeOf(o), Py.ComplexType) == 0;
                    if (convert)
                    {
                        nint args = Py.Tuple(Py.NewRef(o));
                        o = Py.PyObject_CallObject(Py.ComplexType, args);
                        Py.Py_DecRef(args);
                        if (o == 0) return false;
                    }
                    double re = Py.PyComplex_RealAsDouble(o);
                    double im = Py.PyComplex_ImagAsDouble(o);
                    if (convert) Py.Py_DecRef(o);
                    if ((re == -1.0 || im == -1.0) && Py.PyErr_Occurred() != 0) return false;
                    ScalarModel.Store(p, t, re, im, 0);
                    return true;
                }
            }
        }

        public nint ReadScalar(byte* p, ScalarType t) => t switch
        {
            { Rank: 0 } => Py.Fast.PyBool_FromLong(*p),
            { Rank: 1, IsCanonical: true } => Py.Fast.PyLong_FromLongLong(*(long*)p),
            { Rank: 2, IsCanonical: true } => Py.Fast.PyFloat_FromDouble(*(double*)p),
            { IsCanonical: true } => Py.Fast.PyComplex_FromDoubles(((double*)p)[0], ((double*)p)[1]),
            _ => ReadNumPy(p, t),
        };

        public bool WriteStr(nint o, byte* p) => Boxing.WriteStr(o, p);

        public nint ReadStr(byte* p, bool borrowed)
        {
            // A result's str is a reference the caller owns: dropped once copied into a Python str.
            byte* s = *(byte**)p;
            int n = 0;
            while (s != null && s[n] != 0) n++;
            nint r = Py.PyUnicode_FromStringAndSize(s, n);
            if (!borrowed) SharpJit.Runtime.RuntimeStrings.Release(s);
            return r;
        }

        public bool WriteTuple(nint o, TupleType t, byte* p)
        {
            var layout = LayoutOf(t);
            for (int i = 0; i < t.Items.Length; i++)
                if (!Write(Py.Fast.PyTuple_GetItem(o, i), t.Items[i], p + layout.Offset(i))) return false;
            return true;
        }

        public nint ReadTuple(byte* p, TupleType t, bool borrowed)
        {
            if (t.Named is { AttributesOnly: true } only)
            {
                Py.PyErr_SetString(Py.TypeError, $"compiled code cannot give its {only.Name} to Python: return the attributes it needs ({string.Join(", ", only.Fields.Take(2))}, ...)");
                return 0;
            }
            var layout = LayoutOf(t);
            nint tuple = Py.PyTuple_New(t.Items.Length);
            if (tuple == 0) return 0;
            for (int i = 0; i < t.Items.Length; i++)
            {
                nint item = Read(p + layout.Offset(i), t.Items[i], borrowed);
                if (item == 0) { Py.Py_DecRef(tuple); return 0; }
                Py.PyTuple_SetItem(tuple, i, item);
            }
            // A named tuple is made as a plain tuple, then as its class (found again by module and qualified name).
            return t.Named is { } named ? Bridge.MakeNamedTuple(named.Qualified, tuple) : tuple;
        }

        public bool WriteArray(nint o, ArrayType t, byte* p)
        {
            byte* key = stackalloc byte[8];
            int n = 0;
            var expected = new List<byte>();
            NdArrays.AppendKeyOf(t, expected);
            if (!NdArrays.IsArray(Py.TypeOf(o)) || !NdArrays.AppendKey(o, key, ref n) || !new ReadOnlySpan<byte>(key, n).SequenceEqual(expected.ToArray()))
            {
                Py.PyErr_SetString(Py.TypeError, $"expected a NumPy array of type {t.Name}");
                return false;
            }
            NdArrays.Write(o, t.Ndim, p);
            if (_writingItems) (NdArrays.ItemArrays ??= new()).Add(Py.NewRef(o));   // borrowed: kept alive for the call
            return true;
        }

        public nint ReadArray(byte* p, ArrayType t, bool borrowed)
        {
            if (borrowed) SharpJit.Runtime.RuntimeArrays.Retain(*(byte**)p);
            return NdArrays.Read(p, t);
        }

        public bool WriteList(nint o, ListType t, byte* p) => Boxing.WriteList(o, t, p);

        public nint ReadList(byte* p, ListType t, bool borrowed)
        {
            byte* list = *(byte**)p;
            if (_reflectedLists is { Count: > 0 } reflected && reflected.TryGetValue((nint)list, out var passedIn))
                return Py.NewRef(passedIn);   // written back in place already
            nint r = TypedList.OwnerOf(list);   // a typed List comes back as itself
            if (r == 0) r = Boxing.ReadList(list, t);
            if (!borrowed) ListModel.ReleaseBlock(list, t);
            return r;
        }

        public bool WriteDict(nint o, DictType t, byte* p) => Boxing.WriteDict(o, t, p);

        public nint ReadDict(byte* p, DictType t, bool borrowed)
        {
            nint r = Boxing.ReadDict(p, t);
            if (!borrowed) LayoutOf(t.Parts).Release(p);
            return r;
        }

        public bool WriteSet(nint o, SetType t, byte* p) => Boxing.WriteSet(o, t, p);

        public nint ReadSet(byte* p, SetType t, bool borrowed)
        {
            nint r = Boxing.ReadSet(p, t);
            if (!borrowed) LayoutOf(t.Parts).Release(p);
            return r;
        }

        public bool WriteInstance(nint o, InstanceType t, byte* p) =>
            InstanceArgs.Write(o, t, p, _writingItems, (value, type, at) => WriteItem(value, type, (byte*)at));

        /// <summary>An object of the class (found again by module and qualified name) with the attributes assigned.</summary>
        public nint ReadInstance(byte* p, InstanceType t, bool borrowed)
        {
            byte* obj = *(byte**)p;
            if (InstanceArgs.PassedIn(obj) is var passed and not 0)
            {
                if (!borrowed) InstanceModel.ReleaseBlock(obj, t);
                return Py.NewRef(passed);   // the object passed in, its attributes written back
            }
            var layout = InstanceModel.BlockLayout(t);
            var assigned = Enumerable.Range(0, t.Class.Fields.Count).Where(k => obj[layout.Offset(1 + t.Class.Fields.Count + k)] != 0).ToList();
            nint pairs = Py.PyTuple_New(assigned.Count);
            for (int j = 0; j < assigned.Count && pairs != 0; j++)
            {
                int k = assigned[j];
                nint value = Read(obj + layout.Offset(1 + k), layout.Types[1 + k], borrowed: true);
                if (value == 0) { Py.Py_DecRef(pairs); pairs = 0; break; }
                Py.PyTuple_SetItem(pairs, j, Py.Tuple(Py.Str(t.Class.Fields[k]), value));
            }
            if (!borrowed) InstanceModel.ReleaseBlock(obj, t);
            return pairs == 0 ? 0 : Bridge.MakeInstance(t.Class.Qualified, pairs);
        }

        public bool WriteFunctionPointer(nint o, byte* p) => FunctionPointerArgs.Write(o, p);

        /// <summary>A C function pointer comes back as its address.</summary>
        public nint ReadFunctionPointer(byte* p) => Py.PyLong_FromLongLong(*(long*)p);

        public nint ReadGenerator(byte* p, GeneratorType t) => GeneratorIterator.New(*(byte**)p, t);

        public nint ReadFunction(SjType t)
        {
            if (FunctionArgs.ObjectOf(t) is var function and not 0) return Py.NewRef(function);   // a function passed in
            Py.PyErr_SetString(Py.TypeError, $"compiled code returned a value of type {t.Name}, which it cannot give to Python");
            return 0;
        }

        public bool IsNone(nint o) => o == Py.None;

        public nint None() => Py.NewRef(Py.None);
    }

    /// <summary>Lists passed in for the call in progress on this thread: each Python list, the compiled copy the call
    /// holds one reference to, and its type. After the call a copy that compiled code changed is written back into the
    /// Python list (Numba's reflected list), then the reference is dropped.</summary>
    /// A list inside a list (or tuple, or dict value) passed in is registered too, before the list holding it.
    [ThreadStatic] private static List<(nint Py, nint List, ListType Type)>? _argLists;

    /// <summary>The Python lists converted for the call in progress and their compiled copies: a list met twice (passed
    /// as two arguments, or <c>[row] * 3</c>) is one compiled list, so compiled code sees the aliasing Python has.</summary>
    [ThreadStatic] private static Dictionary<nint, (nint List, ListType Type)>? _convertedLists;

    /// <summary>While lists are written back: each compiled list passed in and its Python list, so a list holding it
    /// gets the same Python object back (changed in place), not a copy.</summary>
    [ThreadStatic] private static Dictionary<nint, nint>? _reflectedLists;

    /// <summary>Items a list passed in may hold: numbers, str, arrays, instances, lists of them and tuples of these.</summary>
    public static bool CanPassList(SjType element) =>
        element is ScalarType or ArrayType or InstanceType || element == SimpleType.Str || element is ListType inner && CanPassList(inner.Element)
        || element is TupleType tt && tt.Items.All(CanPassList);

    private static bool WriteList(nint o, ListType t, byte* p)
    {
        if (Py.TypeOf(o) == TypedList.Type) return TypedList.Share(o, t, p, asItem: _writingItems);
        if (Py.TypeOf(o) != Py.ListType)
        {
            Py.PyErr_SetString(Py.TypeError, "expected a list");
            return false;
        }
        if (!CanPassList(t.Element))
        {
            Py.PyErr_SetString(Py.TypeError, $"a list of {TypeOps.PyName(t.Element)} cannot be passed to compiled code; pass a list of numbers, strings, lists or tuples of them, or a NumPy array");
            return false;
        }
        if (_convertedLists != null && _convertedLists.TryGetValue(o, out var seen) && seen.Type == t)
        {
            if (_writingItems) ++*(long*)seen.List;   // the container's reference (arguments are borrowed by the callee)
            *(byte**)p = (byte*)seen.List;
            return true;
        }
        nint n = Py.PyList_Size(o);
        int stride = ValueLayout.ItemStride(t.Element);
        byte* list = SharpJit.Runtime.RuntimeLists.Allocate(n, stride);
        if (list == null) { Py.PyErr_SetString(Py.TypeError, "out of memory converting a list"); return false; }
        byte* items = *(byte**)(list + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        if (!CopyListItems(o, 0, n, t.Element, items, out var written))
        {
            *(long*)(list + SharpJit.Runtime.RuntimeLists.LengthOffset) = written;   // drop only the items written
            ListModel.ReleaseBlock(list, t);
            return false;
        }
        if (_writingItems) ++*(long*)list;   // the container's reference, and the call's (dropped after writing back)
        (_argLists ??= new()).Add((o, (nint)list, t));
        (_convertedLists ??= new())[o] = ((nint)list, t);
        *(byte**)p = list;
        return true;
    }

    /// <summary>Converts the items first..n of a Python list to compiled items at dest, which own their references
    /// (strings made for them are theirs). False with an exception set; written: how many were converted.</summary>
    public static bool CopyListItems(nint o, nint first, nint n, SjType element, byte* dest, out nint written)
    {
        // Exact floats and ints, the common case, are read inline (in place where the layout is known); anything else
        // through Write (which converts).
        nint k = first;
        nint* source = Py.DirectLayouts ? Py.ListItems(o) : null;
        if (element == ScalarType.Float64)
        {
            double* to = (double*)dest - first;
            nint floatType = Py.FloatType;
            if (source != null)
                for (; k < n; k++)
                {
                    nint item = source[k];
                    if (Py.TypeOf(item) != floatType) break;
                    to[k] = Py.FloatValue(item);
                }
            else
                for (; k < n; k++)
                {
                    nint item = Py.Fast.PyList_GetItem(o, k);
                    if (Py.TypeOf(item) != floatType) break;
                    to[k] = Py.Fast.PyFloat_AsDouble(item);
                }
        }
        else if (element == ScalarType.Int64)
            for (long* to = (long*)dest - first; k < n; k++)
            {
                nint item = source != null ? source[k] : Py.Fast.PyList_GetItem(o, k);
                if (Py.TypeOf(item) != Py.LongType) break;
                long v = Py.Fast.PyLong_AsLongLong(item);
                if (v == -1 && Py.Fast.PyErr_Occurred() != 0) break;
                to[k] = v;
            }
        int stride = ValueLayout.ItemStride(element);
        for (; k < n; k++)
            if (!WriteItem(Py.PyList_GetItem(o, k), element, dest + (k - first) * stride))
            {
                written = k - first;
                return false;
            }
        written = n - first;
        return true;
    }

    /// <summary>Dicts and sets passed in for the call in progress: each Python object and the compiled value's lists
    /// (a dict's five, a set's three), which the call holds. One compiled code changed is rewritten after the call.</summary>
    [ThreadStatic] private static List<(nint Py, nint[] Parts, SjType Type)>? _argTables;

    private static bool IsKeyType(SjType t) => t is ScalarType || t == SimpleType.Str || t is TupleType tt && tt.Items.All(IsKeyType);

    private static bool WriteDict(nint o, DictType t, byte* p)
    {
        if (Py.TypeOf(o) != Py.DictType)
        {
            Py.PyErr_SetString(Py.TypeError, "expected a dict");
            return false;
        }
        if (!IsKeyType(t.Key) || !CanPassList(t.Value))
        {
            Py.PyErr_SetString(Py.TypeError, $"a dict of {TypeOps.PyName(t.Key)} to {TypeOps.PyName(t.Value)} cannot be passed to compiled code; keys of numbers, strings or tuples of them and values of numbers, strings or tuples are supported");
            return false;
        }
        long n = Py.Fast.PyDict_Size(o);
        int keyStride = ValueLayout.ItemStride(t.Key), valueStride = ValueLayout.ItemStride(t.Value);
        byte* meta = SharpJit.Runtime.RuntimeLists.Allocate(1, 8);
        byte* hashes = SharpJit.Runtime.RuntimeLists.Allocate(n, 8);
        byte* keys = SharpJit.Runtime.RuntimeLists.Allocate(n, keyStride);
        byte* values = SharpJit.Runtime.RuntimeLists.Allocate(n, valueStride);
        long size = 8;
        while (size * 2 <= n * 3) size *= 2;
        byte* indices = SharpJit.Runtime.RuntimeLists.Allocate(size, 8);
        var parts = new[] { (nint)meta, (nint)indices, (nint)hashes, (nint)keys, (nint)values };
        if (parts.Any(x => x == 0))
        {
            foreach (var x in parts) if (x != 0) SharpJit.Runtime.RuntimeLists.FreeBlock((byte*)x);
            Py.PyErr_SetString(Py.TypeError, "out of memory converting a dict");
            return false;
        }
        long* Items(byte* list) => *(long**)(list + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        Items(meta)[0] = n;
        byte* keyItems = (byte*)Items(keys), valueItems = (byte*)Items(values);
        nint pos = 0, k, v;
        long written = 0;
        bool ok = true;
        while (ok && Py.Fast.PyDict_Next(o, &pos, &k, &v) != 0)
        {
            byte* kp = keyItems + written * keyStride, vp = valueItems + written * valueStride;
            ok = WriteItem(k, t.Key, kp) && (WriteItem(v, t.Value, vp) || Undo(t.Key, kp));
            if (!ok) break;
            Items(hashes)[written] = KeyHash(kp, t.Key);
            written++;
        }
        if (!ok)
        {
            foreach (var list in new[] { hashes, keys, values }) *(long*)(list + SharpJit.Runtime.RuntimeLists.LengthOffset) = written;
            ReleaseParts(parts, t.Parts);
            return false;
        }
        // The index table as Library/py/dicts.py's _rebuild makes it.
        long* table = Items(indices);
        long mask = size - 1;
        for (long j = 0; j < size; j++) table[j] = -1;
        for (long e = 0; e < n; e++)
        {
            long h = Items(hashes)[e];
            long i = h & mask, perturb = h & long.MaxValue;
            while (table[i] != -1)
            {
                perturb >>= 5;
                i = (i * 5 + perturb + 1) & mask;
            }
            table[i] = e;
        }
        for (int j = 0; j < 5; j++) ((nint*)p)[j] = parts[j];
        (_argTables ??= new()).Add((o, parts, t));
        return true;
    }

    /// <summary>Drops a key written before its value failed to convert (false, so it reads as the failure).</summary>
    private static bool Undo(SjType keyType, byte* key)
    {
        LayoutOf(new TupleType(new[] { keyType })).Release(key);
        return false;
    }

    private static void ReleaseParts(nint[] parts, TupleType partsType)
    {
        fixed (nint* p = parts) LayoutOf(partsType).Release((byte*)p);
    }

    private const long UnusedSlot = long.MinValue;

    /// <summary>A set as Library/py/sets.py lays it out, its table sized and filled as CPython's set(s) would be (so
    /// it iterates in the order a copy of the Python set does).</summary>
    private static bool WriteSet(nint o, SetType t, byte* p)
    {
        if (Py.TypeOf(o) != (t.Frozen ? Py.FrozenSetType : Py.SetType))
        {
            Py.PyErr_SetString(Py.TypeError, t.Frozen ? "expected a frozenset" : "expected a set");
            return false;
        }
        if (!IsKeyType(t.Key))
        {
            Py.PyErr_SetString(Py.TypeError, $"a set of {TypeOps.PyName(t.Key)} cannot be passed to compiled code; sets of numbers, strings or tuples of them are supported");
            return false;
        }
        long used = Py.PySet_Size(o), size = 8, stride = ValueLayout.ItemStride(t.Key);
        while (size <= used * 2) size *= 2;
        byte* meta = SharpJit.Runtime.RuntimeLists.Allocate(4, 8);
        byte* hashes = SharpJit.Runtime.RuntimeLists.Allocate(size, 8);
        byte* keys = SharpJit.Runtime.RuntimeLists.Allocate(size, stride);
        var parts = new[] { (nint)meta, (nint)hashes, (nint)keys };
        nint iterator = Py.PyObject_GetIter(o);
        if (parts.Any(x => x == 0) || iterator == 0)
        {
            foreach (var x in parts) if (x != 0) SharpJit.Runtime.RuntimeLists.FreeBlock((byte*)x);
            if (iterator == 0) return false;
            Py.Py_DecRef(iterator);
            Py.PyErr_SetString(Py.TypeError, "out of memory converting a set");
            return false;
        }
        long* slots = *(long**)(hashes + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        byte* keyItems = *(byte**)(keys + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        for (long j = 0; j < size; j++) slots[j] = UnusedSlot;
        byte* scratch = stackalloc byte[(int)stride];
        long first = -1;
        bool ok = true;
        for (nint item; ok && (item = Py.PyIter_Next(iterator)) != 0; Py.Py_DecRef(item))
        {
            ok = WriteItem(item, t.Key, scratch);
            if (!ok) break;
            long h = KeyHash(scratch, t.Key);
            if (h == UnusedSlot) h++;   // as sets.py's _slot_hash
            long slot = CleanSlot(slots, size - 1, h);
            slots[slot] = h;
            Buffer.MemoryCopy(scratch, keyItems + slot * stride, stride, stride);
            if (first < 0) first = slot;
        }
        Py.Py_DecRef(iterator);
        ok = ok && Py.PyErr_Occurred() == 0;
        if (!ok)
        {
            for (long j = 0; j < size; j++)
                if (slots[j] != UnusedSlot) Undo(t.Key, keyItems + j * stride);
            *(long*)(keys + SharpJit.Runtime.RuntimeLists.LengthOffset) = 0;
            ReleaseParts(parts, t.Parts);
            return false;
        }
        // Unused slots hold a copy of an item (sets.py's layout), each with its own reference.
        if (first < 0) *(long*)(keys + SharpJit.Runtime.RuntimeLists.LengthOffset) = 0;
        else
            for (long j = 0; j < size; j++)
                if (slots[j] == UnusedSlot)
                {
                    Buffer.MemoryCopy(keyItems + first * stride, keyItems + j * stride, stride, stride);
                    RetainKey(keyItems + j * stride, t.Key);
                }
        long* counts = *(long**)(meta + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        counts[0] = counts[1] = used; counts[2] = size - 1; counts[3] = 0;
        for (int j = 0; j < 3; j++) ((nint*)p)[j] = parts[j];
        (_argTables ??= new()).Add((o, parts, t));
        return true;
    }

    /// <summary>The free slot for hash h in a table with no deleted items (sets.py's _insert_clean, CPython's
    /// set_insert_clean).</summary>
    private static long CleanSlot(long* slots, long mask, long h)
    {
        const int linearProbes = 9;
        long i = h & mask;
        ulong perturb = (ulong)h;
        while (true)
        {
            if (slots[i] == UnusedSlot) return i;
            if (i + linearProbes <= mask)
                for (long j = i + 1; j <= i + linearProbes; j++)
                    if (slots[j] == UnusedSlot) return j;
            perturb >>= 5;
            i = (long)((ulong)i * 5 + 1 + perturb) & mask;
        }
    }

    /// <summary>Takes one more reference to the strings a key holds (keys are numbers, str and tuples of them).</summary>
    private static void RetainKey(byte* p, SjType t)
    {
        if (t == SimpleType.Str) SharpJit.Runtime.RuntimeStrings.Retain(*(byte**)p);
        else if (t is TupleType tt)
        {
            var layout = LayoutOf(tt);
            for (int i = 0; i < tt.Items.Length; i++) RetainKey(p + layout.Offset(i), tt.Items[i]);
        }
    }

    /// <summary>hash() of a key as compiled code computes it (Library/Dicts.cs HashOf).</summary>
    private static long KeyHash(byte* p, SjType t)
    {
        switch (t)
        {
            case ScalarType { Rank: <= 1 } si: return SharpJit.Runtime.Hashing.HashInt(ScalarModel.Load(p, si).Bits);
            case ScalarType { Rank: 2 } sf: return SharpJit.Runtime.Hashing.HashDouble(ScalarModel.Load(p, sf).Re);
            case ScalarType sc:
            {
                var (re, im, _) = ScalarModel.Load(p, sc);
                long h = unchecked(SharpJit.Runtime.Hashing.HashDouble(re) + 1000003 * SharpJit.Runtime.Hashing.HashDouble(im));
                return h == -1 ? -2 : h;
            }
            case TupleType tt:
            {
                var layout = LayoutOf(tt);
                Span<long> lanes = stackalloc long[tt.Items.Length];
                for (int i = 0; i < lanes.Length; i++) lanes[i] = KeyHash(p + layout.Offset(i), tt.Items[i]);
                return SharpJit.Runtime.Hashing.HashTuple(lanes);
            }
        }
        return SharpJit.Runtime.Hashing.HashStr(*(byte**)p);
    }

    /// <summary>Writes the lists compiled code changed back into the Python lists passed in, and drops the call's
    /// references to them. False with a Python exception set when writing back failed.</summary>
    private static bool ReflectArgLists(CallMark mark)
    {
        bool ok = true;
        _convertedLists?.Clear();
        var lists = _argLists;
        int first = mark.Lists, count = (lists?.Count ?? 0) - first;
        if (count > 0)
        {
            var reflected = _reflectedLists ??= new();
            for (int k = first; k < lists!.Count; k++) reflected[lists[k].List] = lists[k].Py;
            for (int k = first; k < lists.Count; k++)   // items before the lists holding them
            {
                var (o, list, t) = lists[k];
                byte* l = (byte*)list;
                if (ok && *(long*)(l + SharpJit.Runtime.RuntimeLists.ChangedOffset) != 0 && !ReflectNumbersInPlace(o, l, t))
                {
                    nint fresh = ReadList(l, t);
                    ok = fresh != 0 && Py.PyList_SetSlice(o, 0, Py.PyList_Size(o), fresh) == 0;
                    if (fresh != 0) Py.Py_DecRef(fresh);
                }
            }
        }
        ok = ReflectArgTables(ok, mark.Tables);
        ok = InstanceArgs.Reflect(mark.Instances, (at, type) => Read((byte*)at, type, borrowed: true)) && ok;   // lists inside are still known
        _reflectedLists?.Clear();
        if (count > 0)
        {
            for (int k = first; k < lists!.Count; k++) ListModel.ReleaseBlock((byte*)lists[k].List, lists[k].Type);
            lists.RemoveRange(first, count);
        }
        return ok;
    }

    /// <summary>Writes back a list of floats or ints that kept its length item by item, replacing only the items whose
    /// value changed (the others keep their objects, and nothing is boxed for them); false for other lists.</summary>
    private static bool ReflectNumbersInPlace(nint o, byte* list, ListType t)
    {
        long n = *(long*)(list + SharpJit.Runtime.RuntimeLists.LengthOffset);
        bool floats = t.Element == ScalarType.Float64;
        if (!floats && t.Element != ScalarType.Int64 || n != Py.PyList_Size(o)) return false;
        byte* items = *(byte**)(list + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        nint* source = Py.DirectLayouts ? Py.ListItems(o) : null;   // PyList_SetItem keeps the item array where it is
        for (long k = 0; k < n; k++)
        {
            nint old = source != null ? source[k] : Py.Fast.PyList_GetItem(o, (nint)k);
            nint fresh;
            if (floats)
            {
                long v = ((long*)items)[k];   // compared as bits: -0.0 and NaNs are replaced only when they changed
                if (Py.TypeOf(old) == Py.FloatType
                    && BitConverter.DoubleToInt64Bits(source != null ? Py.FloatValue(old) : Py.Fast.PyFloat_AsDouble(old)) == v) continue;
                fresh = Py.Fast.PyFloat_FromDouble(BitConverter.Int64BitsToDouble(v));
            }
            else
            {
                long v = ((long*)items)[k];
                if (Py.TypeOf(old) == Py.LongType)
                {
                    long was = Py.Fast.PyLong_AsLongLong(old);
                    if (was == -1 && Py.Fast.PyErr_Occurred() != 0) Py.PyErr_Clear();   // an int too big for 64 bits: replaced
                    else if (was == v) continue;
                }
                fresh = Py.Fast.PyLong_FromLongLong(v);
            }
            if (fresh == 0) return false;
            Py.PyList_SetItem(o, (nint)k, fresh);   // drops the old item (a number: no Python code runs)
        }
        return true;
    }

    /// <summary>A new Python dict of the live entries of a compiled dict (which keeps its references): its lists are
    /// (live count, indices, hashes, keys, values), and a hash of -1 marks an entry deleted.</summary>
    private static nint ReadDict(byte* p, DictType t)
    {
        byte** parts = (byte**)p;
        long n = *(long*)(parts[2] + SharpJit.Runtime.RuntimeLists.LengthOffset);
        long* hashes = *(long**)(parts[2] + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        byte* keys = *(byte**)(parts[3] + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        byte* values = *(byte**)(parts[4] + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        int keyStride = ValueLayout.ItemStride(t.Key), valueStride = ValueLayout.ItemStride(t.Value);
        nint result = Py.PyDict_New();
        if (result == 0) return 0;
        for (long k = 0; k < n; k++)
        {
            if (hashes[k] == -1) continue;
            nint key = Read(keys + k * keyStride, t.Key, borrowed: true);
            nint value = key == 0 ? 0 : Read(values + k * valueStride, t.Value, borrowed: true);
            int status = value == 0 ? -1 : Py.PyDict_SetItem(result, key, value);
            if (key != 0) Py.Py_DecRef(key);
            if (value != 0) Py.Py_DecRef(value);
            if (status != 0) { Py.Py_DecRef(result); return 0; }
        }
        return result;
    }

    /// <summary>A new Python set of the items of a compiled set (which keeps its references).</summary>
    private static nint ReadSet(byte* p, SetType t)
    {
        nint result = t.Frozen ? Py.PyFrozenSet_New(0) : Py.PySet_New(0);   // a new frozenset is filled as a set is
        if (result == 0 || AddSetItems(p, t, result)) return result;
        Py.Py_DecRef(result);
        return 0;
    }

    /// <summary>Adds the items of a compiled set to a Python set: its lists are (used, fill, mask, finger), slot hashes
    /// (long.MinValue: unused, -1: deleted), keys. False with an exception set.</summary>
    private static bool AddSetItems(byte* p, SetType t, nint into)
    {
        byte** parts = (byte**)p;
        long n = *(long*)(parts[1] + SharpJit.Runtime.RuntimeLists.LengthOffset);
        long* hashes = *(long**)(parts[1] + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        byte* keys = *(byte**)(parts[2] + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        int stride = ValueLayout.ItemStride(t.Key);
        for (long k = 0; k < n; k++)
        {
            if (hashes[k] == UnusedSlot || hashes[k] == -1) continue;
            nint key = Read(keys + k * stride, t.Key, borrowed: true);
            int status = key == 0 ? -1 : Py.PySet_Add(into, key);
            if (key != 0) Py.Py_DecRef(key);
            if (status != 0) return false;
        }
        return true;
    }

    /// <summary>Rewrites the dicts and sets compiled code changed (any of their lists written) and drops the call's
    /// references to them.</summary>
    private static bool ReflectArgTables(bool ok, int first)
    {
        if (_argTables is not { } tables || tables.Count <= first) return ok;
        for (int k = first; k < tables.Count; k++)
        {
            var (o, parts, t) = tables[k];
            bool changed = parts.Any(x => *(long*)((byte*)x + SharpJit.Runtime.RuntimeLists.ChangedOffset) != 0);
            fixed (nint* p = parts)
                if (ok && changed && t is DictType dict)
                {
                    nint fresh = ReadDict((byte*)p, dict);
                    if (fresh != 0) { Py.PyDict_Clear(o); ok = Py.PyDict_Update(o, fresh) == 0; Py.Py_DecRef(fresh); }
                    else ok = false;
                }
                else if (ok && changed && t is SetType { Frozen: false } set)
                    ok = Py.PySet_Clear(o) == 0 && AddSetItems((byte*)p, set, o);
        }
        for (int k = first; k < tables.Count; k++)
            ReleaseParts(tables[k].Parts, tables[k].Type is DictType d ? d.Parts : ((SetType)tables[k].Type).Parts);
        tables.RemoveRange(first, tables.Count - first);
        return ok;
    }

    /// <summary>A new Python list of the items of a compiled list (which keeps its references).</summary>
    public static nint ReadList(byte* list, ListType t)
    {
        long n = *(long*)(list + SharpJit.Runtime.RuntimeLists.LengthOffset);
        byte* items = *(byte**)(list + SharpJit.Runtime.RuntimeLists.ItemsOffset);
        int stride = ValueLayout.ItemStride(t.Element);
        nint result = Py.PyList_New((nint)n);
        if (result == 0) return 0;
        for (long k = 0; k < n; k++)
        {
            nint item = t.Element == ScalarType.Float64 ? Py.Fast.PyFloat_FromDouble(((double*)items)[k])
                : t.Element == ScalarType.Int64 ? Py.Fast.PyLong_FromLongLong(((long*)items)[k])
                : Read(items + k * stride, t.Element, borrowed: true);
            if (item == 0) { Py.Py_DecRef(result); return 0; }
            Py.PyList_SetItem(result, (nint)k, item);
        }
        return result;
    }

    /// <summary>The runtime strings made for the arguments of the call in progress on this thread: the call holds their
    /// one reference, dropped when it returns (<see cref="ReleaseArgStrings"/>); compiled code took its own if it kept one.</summary>
    [ThreadStatic] private static List<nint>? _argStrings;

    /// <summary>Set while the items of a list or dict are written: strings inside them (in tuples too) are owned by
    /// the container, not by the call.</summary>
    [ThreadStatic] private static bool _writingItems;

    /// <summary>Writes a value compiled code takes ownership of (an objmode block's output): its strings are the
    /// value's, not the call's.</summary>
    public static bool WriteOwned(nint o, SjType t, byte* p) => WriteItem(o, t, p);

    /// <summary>Writes one item of a container the call makes (its strings are the container's).</summary>
    private static bool WriteItem(nint o, SjType t, byte* p)
    {
        bool outer = _writingItems;
        _writingItems = true;
        try { return Write(o, t, p); }
        finally { _writingItems = outer; }
    }

    private static bool WriteStr(nint o, byte* p)
    {
        if (Py.TypeOf(o) != Py.UnicodeType && Py.PyType_IsSubtype(Py.TypeOf(o), Py.UnicodeType) == 0)
        {
            Py.PyErr_SetString(Py.TypeError, "expected a str");
            return false;
        }
        byte* utf8 = Py.PyUnicode_AsUTF8AndSize(o, out var n);   // lone surrogates raise UnicodeEncodeError here
        if (utf8 == null) return false;
        if (new ReadOnlySpan<byte>(utf8, (int)n).IndexOf((byte)0) >= 0)
        {
            Py.PyErr_SetString(Py.ValueError, "compiled code cannot take a str holding a NUL character ('\\x00')");
            return false;
        }
        byte* s = SharpJit.Runtime.RuntimeStrings.AllocateUtf8(new ReadOnlySpan<byte>(utf8, (int)n));
        if (!_writingItems) (_argStrings ??= new()).Add((nint)s);
        *(byte**)p = s;
        return true;
    }

    /// <summary>A value of this type is or holds a str (an argument that <see cref="WriteStr"/> copies).</summary>
    public static bool HoldsStr(SjType t) => t == SimpleType.Str || t is ListType or DictType or SetType or InstanceType
        || t is TupleType tt && tt.Items.Any(HoldsStr) || t is OptionalType o && HoldsStr(o.Inner);

    /// <summary>How many strings, lists and dicts or sets the calls in progress on this thread hold: a call made while
    /// another runs (from an objmode block) releases only what it added.</summary>
    public readonly record struct CallMark(int Strings, int Lists, int Tables, int Arrays, int Instances);

    public static CallMark Mark() => new(_argStrings?.Count ?? 0, _argLists?.Count ?? 0, _argTables?.Count ?? 0, NdArrays.ItemArrays?.Count ?? 0, InstanceArgs.Mark);

    /// <summary>Drops the arrays items of the call's lists held (after its result is read: it may hold them).</summary>
    public static void ReleaseItemArrays(CallMark mark)
    {
        InstanceArgs.CallFinished();
        if (NdArrays.ItemArrays is not { } held || held.Count <= mark.Arrays) return;
        for (int k = held.Count - 1; k >= mark.Arrays; k--) Py.Py_DecRef(held[k]);
        held.RemoveRange(mark.Arrays, held.Count - mark.Arrays);
    }

    /// <summary>The arguments are converted: a list met again later (by a call from an objmode block) is another list.</summary>
    public static void ArgumentsConverted() => _convertedLists?.Clear();

    /// <summary>Writes back the containers the call (the one that took <paramref name="mark"/>) converted and drops its
    /// references to them and to its argument strings (after the call, or when converting failed).</summary>
    public static bool ReleaseArgStrings(CallMark mark)
    {
        bool reflected = ReflectArgLists(mark);
        if (_argStrings is not { } made || made.Count <= mark.Strings) return reflected;
        for (int k = mark.Strings; k < made.Count; k++) SharpJit.Runtime.RuntimeStrings.Release((byte*)made[k]);
        made.RemoveRange(mark.Strings, made.Count - mark.Strings);
        return reflected;
    }

    private static readonly ConcurrentDictionary<ScalarType, nint> NumPyTypes = new();

    /// <summary>A NumPy scalar of a narrow type (np.float32 ...), as CPython would return it; made by calling the type
    /// with the Python number.</summary>
    private static nint ReadNumPy(byte* p, ScalarType t)
    {
        var (re, im, bits) = ScalarModel.Load(p, t);
        nint value = t.Rank switch
        {
            1 => t.IsUnsigned ? Py.PyLong_FromUnsignedLongLong((ulong)bits) : Py.PyLong_FromLongLong(bits),
            2 => Py.PyFloat_FromDouble(re),
            _ => Py.PyComplex_FromDoubles(re, im),
        };
        if (value == 0) return 0;
        if (!NumPyTypes.TryGetValue(t, out var type))
        {
            type = Bridge.NumPyScalarType(t.Name);
            if (type == 0) { Py.Py_DecRef(value); return 0; }
            NumPyTypes[t] = type; // kept for the process
        }
        nint args = Py.Tuple(value);
        nint r = Py.PyObject_CallObject(type, args);
        Py.Py_DecRef(args);
        return r;
    }

    /// <summary>Converts a scalar result to a declared return type (explicit signatures): int to float and so on.</summary>
    public static void Convert(byte* p, SjType from, SjType to)
    {
        if (from == to || from is not ScalarType f || to is not ScalarType t) return;
        var (re, im, bits) = ScalarModel.Load(p, f);
        ScalarModel.Store(p, t, re, im, bits);
    }
}

/// <summary>
/// How one argument or result of a compiled signature converts, worked out once per signature: its key code, its offset
/// in the packed buffer and, for tuples, a plan per item. Exact built-in types convert inline (tuples item by item, with
/// no intermediate objects); anything else goes through its type's model (<see cref="TypeModel.WritePython"/>,
/// <see cref="TypeModel.ReadPython"/>).
/// </summary>
internal sealed unsafe class ValuePlan
{
    private readonly byte _code;            // Boxing's key code: a scalar, NoneCode or Tuple; 0 for the generic path
    private readonly int _offset;
    private readonly SjType _type;
    private readonly TypeModel _model;      // how the generic path converts
    private readonly ValuePlan[] _items;

    private ValuePlan(byte code, int offset, SjType type, ValuePlan[] items)
    {
        _code = code; _offset = offset; _type = type; _model = Boxing.ModelOf(type); _items = items;
    }

    public static ValuePlan For(SjType t, int offset)
    {
        switch (t)
        {
            case TupleType { Named: null } tt:
                var layout = new ValueLayout(tt.Items);
                return new ValuePlan(Boxing.Tuple, offset, t, tt.Items.Select((item, i) => For(item, offset + layout.Offset(i))).ToArray());
            case ScalarType s when s.IsCanonical || s == ScalarType.Bool:
                return new ValuePlan(Boxing.CodeOf(s), offset, t, Array.Empty<ValuePlan>());
            case ArrayType:
                return new ValuePlan(NdArrays.KeyCode, offset, t, Array.Empty<ValuePlan>());
        }
        return new ValuePlan(t == SimpleType.None ? Boxing.NoneCode : (byte)0, offset, t, Array.Empty<ValuePlan>());
    }

    /// <summary>Writes o at its offset from buffer; false with a Python exception set.</summary>
    public bool Write(nint o, byte* buffer)
    {
        byte* p = buffer + _offset;
        nint type = Py.TypeOf(o);
        switch (_code)
        {
            case Boxing.Float when type == Py.FloatType:
                *(double*)p = Py.Fast.PyFloat_AsDouble(o);
                return true;
            case Boxing.Int when type == Py.LongType:
                long v = Py.Fast.PyLong_AsLongLong(o);
                if (v == -1 && Py.Fast.PyErr_Occurred() != 0) return false;
                *(long*)p = v;
                return true;
            case Boxing.Bool when o == Py.True || o == Py.False:
                *p = (byte)(o == Py.True ? 1 : 0);
                return true;
            case Boxing.Complex when type == Py.ComplexType:
                ((double*)p)[0] = Py.Fast.PyComplex_RealAsDouble(o);
                ((double*)p)[1] = Py.Fast.PyComplex_ImagAsDouble(o);
                return true;
            case Boxing.NoneCode:
                return true;
            case NdArrays.KeyCode when NdArrays.IsArray(type):
                // The call's type key matched this signature, so the array's dtype, ndim and layout are the ones compiled for.
                NdArrays.Write(o, ((ArrayType)_type).Ndim, p);
                return true;
            case Boxing.Tuple when type == Py.TupleType && Py.Fast.PyTuple_Size(o) == _items.Length:
                for (int i = 0; i < _items.Length; i++)
                    if (!_items[i].Write(Py.Fast.PyTuple_GetItem(o, i), buffer)) return false;
                return true;
        }
        return _model.WritePython(Boxing.Objects, o, p);
    }

    /// <summary>A new reference to the Python value at its offset from buffer (0 with an exception set).</summary>
    public nint Read(byte* buffer)
    {
        byte* p = buffer + _offset;
        switch (_code)
        {
            case Boxing.Float: return Py.Fast.PyFloat_FromDouble(*(double*)p);
            case Boxing.Int: return Py.Fast.PyLong_FromLongLong(*(long*)p);
            case Boxing.Bool: return Py.Fast.PyBool_FromLong(*p);
            case Boxing.Complex: return Py.Fast.PyComplex_FromDoubles(((double*)p)[0], ((double*)p)[1]);
            case Boxing.NoneCode: Py.Fast.Py_IncRef(Py.None); return Py.None;
            case Boxing.Tuple:
                nint tuple = Py.PyTuple_New(_items.Length);   // may run the cyclic GC: a full transition
                if (tuple == 0) return 0;
                for (int i = 0; i < _items.Length; i++)
                {
                    nint item = _items[i].Read(buffer);
                    if (item == 0) { Py.Py_DecRef(tuple); return 0; }
                    Py.Fast.PyTuple_SetItem(tuple, i, item);
                }
                return tuple;
        }
        return _model.ReadPython(Boxing.Objects, p, borrowed: false);
    }
}
