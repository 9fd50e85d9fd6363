using System.Collections.Immutable;

namespace SharpJit.Typing;

/// <summary>A compile-time type. Types are immutable values with structural equality.</summary>
public abstract class SjType : IEquatable<SjType>
{
    public abstract string Name { get; }
    public override string ToString() => Name;
    public virtual bool Equals(SjType? other) => other is not null && other.GetType() == GetType() && other.Name == Name;
    public override bool Equals(object? obj) => obj is SjType t && Equals(t);
    public override int GetHashCode() => Name.GetHashCode();
    public static bool operator ==(SjType? a, SjType? b) => ReferenceEquals(a, b) || a is not null && a.Equals(b);
    public static bool operator !=(SjType? a, SjType? b) => !(a == b);

    public bool IsNumeric => this is ScalarType;

    /// <summary>Codegen.TypeModel.Cached's slot: this type's model, made once (a cache: types stay immutable values).</summary>
    internal object? Model;
}

/// <summary>The kind of a numeric scalar; signed and unsigned integers share a rank.</summary>
public enum ScalarKind { Bool, Int, UInt, Float, Complex }

/// <summary>
/// Numeric scalars. Rank orders the kinds (bool &lt; integer &lt; float &lt; complex); Bits is the storage width.
/// Python's bool, int, float and complex are bool, int64, float64 and complex128 (the canonical types); NumPy's
/// narrower scalars (int8..int32, uint8..uint64, float32, complex64) keep their width in storage, and operators
/// promote them as Numba does (see <see cref="TypeOps.Promote"/>).
/// </summary>
public sealed class ScalarType : SjType
{
    public int Rank { get; }
    public ScalarKind Kind { get; }
    /// <summary>Storage width in bits (bool: 1; complex: both parts).</summary>
    public int Bits { get; }
    private readonly string _name;
    /// <summary>NumPy's one-letter type codes, the first its own (int64: "lq", C long then long long).</summary>
    public string TypeChars { get; }
    /// <summary>NumPy's type numbers for this type on Linux x86-64 (int64 is both NPY_LONG and NPY_LONGLONG).</summary>
    public IReadOnlyList<int> TypeNums { get; }
    /// <summary>NumPy's other names of this type, attributes of the numpy module (np.double, np.intc ...).</summary>
    public IReadOnlyList<string> NumPyAliases { get; }
    /// <summary>The .NET type of its values at the .NET API (null: none, complex64).</summary>
    public Type? NetType { get; }
    private ScalarType(string name, ScalarKind kind, int bits, string typeChars, int[] typeNums, string[] numpyAliases, Type? netType)
    {
        _name = name; Kind = kind; Bits = bits; TypeChars = typeChars; TypeNums = typeNums; NumPyAliases = numpyAliases; NetType = netType;
        Rank = kind switch { ScalarKind.Bool => 0, ScalarKind.Int or ScalarKind.UInt => 1, ScalarKind.Float => 2, _ => 3 };
    }
    public override string Name => _name;
    // The dtype list: every fact about a dtype that code elsewhere needs is here (names, codes, type numbers).
    public static readonly ScalarType Bool = new("bool", ScalarKind.Bool, 1, "?", [0], ["bool_"], typeof(bool));
    public static readonly ScalarType Int64 = new("int64", ScalarKind.Int, 64, "lq", [7, 9], ["int_", "intp", "longlong"], typeof(long));
    public static readonly ScalarType Float64 = new("float64", ScalarKind.Float, 64, "d", [12], ["float_", "double"], typeof(double));
    public static readonly ScalarType Complex128 = new("complex128", ScalarKind.Complex, 128, "D", [15], ["complex_", "cdouble"], typeof(System.Numerics.Complex));
    public static readonly ScalarType Int8 = new("int8", ScalarKind.Int, 8, "b", [1], ["byte"], typeof(sbyte));
    public static readonly ScalarType Int16 = new("int16", ScalarKind.Int, 16, "h", [3], ["short"], typeof(short));
    public static readonly ScalarType Int32 = new("int32", ScalarKind.Int, 32, "i", [5], ["intc"], typeof(int));
    public static readonly ScalarType UInt8 = new("uint8", ScalarKind.UInt, 8, "B", [2], ["ubyte"], typeof(byte));
    public static readonly ScalarType UInt16 = new("uint16", ScalarKind.UInt, 16, "H", [4], ["ushort"], typeof(ushort));
    public static readonly ScalarType UInt32 = new("uint32", ScalarKind.UInt, 32, "I", [6], ["uintc"], typeof(uint));
    public static readonly ScalarType UInt64 = new("uint64", ScalarKind.UInt, 64, "LQ", [8, 10], ["uint", "uintp", "ulonglong"], typeof(ulong));
    public static readonly ScalarType Float32 = new("float32", ScalarKind.Float, 32, "f", [11], ["single"], typeof(float));
    public static readonly ScalarType Complex64 = new("complex64", ScalarKind.Complex, 64, "F", [14], ["csingle", "singlecomplex"], null);

    /// <summary>Every scalar type, canonical ones first (the narrow ones' order is the boundary's type-key order).</summary>
    public static readonly IReadOnlyList<ScalarType> All =
        [Bool, Int64, Float64, Complex128, Int8, Int16, Int32, UInt8, UInt16, UInt32, UInt64, Float32, Complex64];

    /// <summary>The numpy module's attributes that are this type (np.float64, np.double ...; np.bool is gone in 1.24).</summary>
    public IEnumerable<string> NumPyAttributes => this == Bool ? NumPyAliases : NumPyAliases.Prepend(Name);

    /// <summary>The array-interface code: kind letter and size in bytes ("f8", "b1", "c16").</summary>
    public string ProtocolCode => $"{Kind switch { ScalarKind.Bool => 'b', ScalarKind.Int => 'i', ScalarKind.UInt => 'u', ScalarKind.Float => 'f', _ => 'c' }}{Math.Max(Bits / 8, 1)}";

    /// <summary>The struct-module (PEP 3118 buffer) format: the type code, complex as "Z" and its part's code.</summary>
    public string BufferFormat => Kind == ScalarKind.Complex ? "Z" + (Bits == 64 ? Float32 : Float64).TypeChars[0] : TypeChars[..1];

    /// <summary>The type of a NumPy type code, or null for the ones compiled code lacks (half, longdouble, object …).</summary>
    public static ScalarType? ByTypeChar(char code) => All.FirstOrDefault(t => t.TypeChars.Contains(code));

    /// <summary>The type of .NET values of type t (long: int64), or null.</summary>
    public static ScalarType? ByNetType(Type t) => All.FirstOrDefault(s => s.NetType == t);

    /// <summary>The type of a NumPy type number, or null for the ones compiled code lacks.</summary>
    public static ScalarType? ByTypeNum(int num) => All.FirstOrDefault(t => t.TypeNums.Contains(num));

    /// <summary>The type a dtype string or name denotes as <c>np.dtype(name)</c> does ("float32", "f4", "f", "single",
    /// "float"), or null.</summary>
    public static ScalarType? ByDtypeName(string name) =>
        All.FirstOrDefault(t => t.Name == name || t.NumPyAliases.Contains(name) || t.ProtocolCode == name || name.Length == 1 && t.TypeChars.Contains(name[0])
            || t.IsCanonical && name == (t.Rank switch { 0 => "bool", 1 => "int", 2 => "float", _ => "complex" }));

    public static ScalarType? ByName(string name) => All.FirstOrDefault(t => t.Name == name);

    public bool IsCanonical => this == Bool || this == Int64 || this == Float64 || this == Complex128;
    public bool IsUnsigned => Kind == ScalarKind.UInt;
    /// <summary>The Python type a value of this type converts to for library functions that take only those.</summary>
    public ScalarType Canonical => Rank switch { 0 => Bool, 1 => Int64, 2 => Float64, _ => Complex128 };
    /// <summary>The width of one real component (complex64: 32).</summary>
    public int PartBits => Kind == ScalarKind.Complex ? Bits / 2 : Bits;
    /// <summary>Bytes per element in memory (bool: 1).</summary>
    public int ItemSize => Rank == 0 ? 1 : Bits / 8;
    /// <summary>Combines with float32 or complex64 without leaving single precision (Numba's rule): bool, int8,
    /// int16, uint8 and the single-precision types themselves.</summary>
    public bool FitsSinglePrecision => Rank == 0 || Rank == 1 && Bits <= (IsUnsigned ? 8 : 16) || Rank >= 2 && PartBits == 32;

    /// <summary>The name for messages: Python's int, float, complex, bool, or NumPy's for narrower types.</summary>
    public string PyName => IsCanonical ? Rank switch { 0 => "bool", 1 => "int", 2 => "float", _ => "complex" } : "numpy." + Name;
}

/// <summary>A frozen constant of one of NumPy's narrow types (np.float32(0.5) as a global): the value as a long,
/// double or Complex, and the type it has in compiled code.</summary>
public sealed record TypedConstant(ScalarType Type, object Value);

public sealed class SimpleType : SjType
{
    private readonly string _name;
    private SimpleType(string name) { _name = name; }
    public override string Name => _name;
    public static readonly SimpleType None = new("none");
    public static readonly SimpleType Str = new("str");
    public static readonly SimpleType Range = new("range");
    public static readonly SimpleType RangeIter = new("range_iterator");
    /// <summary>An iterator over a str's characters: (str, byte offset, byte length).</summary>
    public static readonly SimpleType StrIter = new("str_iterator");
    /// <summary>The ellipsis <c>...</c> (in array indices).</summary>
    public static readonly SimpleType Ellipsis = new("ellipsis");
    /// <summary>Not yet known during inference (the bottom of the lattice).</summary>
    public static readonly SimpleType Unknown = new("unknown");
    /// <summary>A variable read before any assignment on some path.</summary>
    public static readonly SimpleType Undefined = new("undefined");
    /// <summary>The result of a call that never returns normally: the callee always raises, or recurses without a
    /// base case (CPython raises RecursionError at run time). Uses of it are dead; inference treats it as not yet
    /// known, and <see cref="IR.IrEdit.TruncateAfterNoReturn"/> ends its block there.</summary>
    public static readonly SimpleType NoReturn = new("NoReturn");
}

/// <summary>A namedtuple class (<c>collections.namedtuple</c> or a <c>typing.NamedTuple</c> class): its name, where it
/// is defined (module.qualname, to find the class when a value returns to Python) and its fields.</summary>
public sealed record NamedTupleInfo(string Name, string Qualified, string[] Fields)
{
    /// <summary>A value that compiled code offers for its attributes only (a.flags): not printed, not given to Python.</summary>
    public bool AttributesOnly { get; init; }

    public bool Equals(NamedTupleInfo? o) => o is not null && o.Qualified == Qualified && o.Fields.SequenceEqual(Fields);
    public override int GetHashCode() => Qualified.GetHashCode();
}

/// <summary>The class of a namedtuple (calling it makes one); Defaults: constants for the last fields.</summary>
public sealed class NamedTupleClassType : SjType
{
    public NamedTupleInfo Info { get; }
    public object?[] Defaults { get; }
    public NamedTupleClassType(NamedTupleInfo info, object?[] defaults) { Info = info; Defaults = defaults; }
    public override string Name => $"class({Info.Qualified})";
}

public sealed class TupleType : SjType
{
    public ImmutableArray<SjType> Items { get; }
    /// <summary>A namedtuple's class (its items are reached by field name too), else null.</summary>
    public NamedTupleInfo? Named { get; }
    public TupleType(IEnumerable<SjType> items, NamedTupleInfo? named = null) { Items = items.ToImmutableArray(); Named = named; }
    public override string Name => Named != null ? $"{Named.Name}({string.Join(", ", Named.Fields.Zip(Items, (f, t) => $"{f}={t}"))})"
        : Items.Length == 1 ? $"Tuple({Items[0]},)" : $"Tuple({string.Join(", ", Items)})";
    public bool IsHomogeneous => Items.Length > 0 && Items.All(t => t == Items[0]);
    /// <summary>The type every item fits in (int and float items unify to float), or null when there is none: what
    /// iterating or indexing at run time yields.</summary>
    public SjType? ItemType => Items.Length == 0 ? null : Items.Aggregate((SjType?)SimpleType.Unknown, (acc, x) => acc == null ? null : TypeOps.Unify(acc, x));
    public override bool Equals(SjType? other) => other is TupleType t && t.Items.SequenceEqual(Items) && Equals(t.Named, Named);
    public override int GetHashCode() { var h = new HashCode(); foreach (var i in Items) h.Add(i); return h.ToHashCode(); }
}

/// <summary>A list of one element type (Codegen.ListModel). An empty display <c>[]</c> starts as a list of Unknown
/// until an append, an item assignment or a join with a typed list tells its element type
/// (TypeInference.RefineEmptyList).</summary>
public sealed class ListType : SjType
{
    public SjType Element { get; }
    public ListType(SjType element) { Element = element; }
    public override string Name => $"List({Element})";
    public override bool Equals(SjType? other) => other is ListType l && l.Element == Element;
    public override int GetHashCode() => Element.GetHashCode() * 31 + 37;
}

/// <summary>An iterator over a list: (list, position). The length is read at each step, so a loop sees appends.</summary>
public sealed class ListIterType : SjType
{
    public ListType List { get; }
    public ListIterType(ListType list) { List = list; }
    public override string Name => $"iter({List})";
    public override bool Equals(SjType? other) => other is ListIterType t && t.List == List;
    public override int GetHashCode() => List.GetHashCode() * 31 + 41;
}

/// <summary>A dict of one key type and one value type: five lists shared by every reference to it (its indices, hashes,
/// keys, values and live count; Library/py/dicts.py). An empty display starts with Unknown types, learned from what it
/// receives as lists learn theirs.</summary>
public sealed class DictType : SjType
{
    public SjType Key { get; }
    public SjType Value { get; }
    public DictType(SjType key, SjType value) { Key = key; Value = value; }
    public override string Name => $"Dict({Key}, {Value})";
    public override bool Equals(SjType? other) => other is DictType d && d.Key == Key && d.Value == Value;
    public override int GetHashCode() => Key.GetHashCode() * 31 + Value.GetHashCode() * 7 + 43;

    /// <summary>What the dict holds as one type (for typing what it receives): (key, value).</summary>
    public TupleType Items => new(new[] { Key, Value });

    /// <summary>The five lists of its model, in order: live count, indices, hashes, keys, values.</summary>
    public TupleType Parts => new(new SjType[] { new ListType(ScalarType.Int64), new ListType(ScalarType.Int64), new ListType(ScalarType.Int64),
        new ListType(Key), new ListType(Value) });
}

/// <summary>A set of one item type: three lists shared by every reference to it, laid out as CPython's set table
/// (Library/py/sets.py), so it iterates in CPython's order.</summary>
public sealed class SetType : SjType
{
    public SjType Key { get; }
    /// <summary>A frozenset: the same table, which nothing changes after it is made; hashable.</summary>
    public bool Frozen { get; }
    public SetType(SjType key, bool frozen = false) { Key = key; Frozen = frozen; }
    public override string Name => Frozen ? $"FrozenSet({Key})" : $"Set({Key})";
    public override bool Equals(SjType? other) => other is SetType s && s.Key == Key && s.Frozen == Frozen;
    public override int GetHashCode() => Key.GetHashCode() * 31 + (Frozen ? 54 : 53);

    /// <summary>The three lists of its model: (used, fill, mask, finger), slot hashes (long.MinValue: unused, -1: a
    /// deleted item), keys.</summary>
    public TupleType Parts => new(new SjType[] { new ListType(ScalarType.Int64), new ListType(ScalarType.Int64), new ListType(Key) });
}

/// <summary>An iterator over a set: (set, slot), skipping slots that hold no item.</summary>
public sealed class SetIterType : SjType
{
    public SetType Set { get; }
    public SetIterType(SetType set) { Set = set; }
    public override string Name => $"iter({Set})";
    public override bool Equals(SjType? other) => other is SetIterType t && t.Set == Set;
    public override int GetHashCode() => Set.GetHashCode() * 31 + 59;
}

/// <summary>d.keys(), d.values() or d.items(): a view of the dict (it sees later changes).</summary>
public sealed class DictViewType : SjType
{
    public DictType Dict { get; }
    public string Kind { get; }
    public DictViewType(DictType dict, string kind) { Dict = dict; Kind = kind; }
    public override string Name => $"dict_{Kind}({Dict})";
    public override bool Equals(SjType? other) => other is DictViewType v && v.Dict == Dict && v.Kind == Kind;
    public override int GetHashCode() => Dict.GetHashCode() * 31 + Kind.GetHashCode();
    public SjType Item => Kind switch { "keys" => Dict.Key, "values" => Dict.Value, _ => Dict.Items };
}

/// <summary>An iterator over a dict's keys, values or items: (dict, entry number), skipping deleted entries.</summary>
public sealed class DictIterType : SjType
{
    public DictViewType View { get; }
    public DictIterType(DictViewType view) { View = view; }
    public override string Name => $"iter({View})";
    public override bool Equals(SjType? other) => other is DictIterType t && t.View == View;
    public override int GetHashCode() => View.GetHashCode() * 31 + 47;
}

/// <summary>Where an array's elements lie: C (row-major contiguous), F (column-major contiguous) or A (any strides).</summary>
public enum ArrayLayout { C, F, A }

/// <summary>A NumPy ndarray: its element type, number of dimensions, layout and whether it may be written. The value is
/// (meminfo, data, shape[ndim], strides[ndim]); see Codegen.ArrayModel.</summary>
public sealed class ArrayType : SjType
{
    public ScalarType Dtype { get; }
    public int Ndim { get; }
    public ArrayLayout Layout { get; }
    public bool Readonly { get; }
    public ArrayType(ScalarType dtype, int ndim, ArrayLayout layout = ArrayLayout.C, bool readOnly = false)
    {
        Dtype = dtype; Ndim = ndim; Readonly = readOnly;
        // One-dimensional (and 0-d) contiguous arrays are both C and F: call them C.
        Layout = ndim <= 1 && layout == ArrayLayout.F ? ArrayLayout.C : layout;
    }
    public override string Name => $"array({Dtype.Name}, {Ndim}d, {Layout}{(Readonly ? ", readonly" : "")})";
    public ArrayType With(ScalarType? dtype = null, int? ndim = null, ArrayLayout? layout = null, bool? readOnly = null) =>
        new(dtype ?? Dtype, ndim ?? Ndim, layout ?? Layout, readOnly ?? Readonly);
    /// <summary>The itemsize in bytes (bool: 1).</summary>
    public int ItemSize => Dtype.ItemSize;
}

/// <summary>A slice object <c>start:stop:step</c>; which parts are None is part of the type, and a step of 1 (None or the
/// literal 1) keeps a contiguous axis contiguous.</summary>
public sealed class SliceType : SjType
{
    public bool HasStart { get; }
    public bool HasStop { get; }
    public bool HasStep { get; }
    public bool UnitStep { get; }
    public SliceType(bool hasStart, bool hasStop, bool hasStep, bool unitStep) { HasStart = hasStart; HasStop = hasStop; HasStep = hasStep; UnitStep = unitStep; }
    public override string Name => $"slice({(HasStart ? "int" : "none")}, {(HasStop ? "int" : "none")}, {(UnitStep ? "1" : HasStep ? "int" : "none")})";
    /// <summary>The full slice <c>:</c>.</summary>
    public bool IsFull => !HasStart && !HasStop && UnitStep;
}

/// <summary>A slice with a float or complex part (<c>np.mgrid[0:1:5j]</c>): its parts' types (null for None), held as
/// their canonical types. Only np.mgrid and np.ogrid take it; as any other index it is CPython's TypeError.</summary>
public sealed class NumberSliceType : SjType
{
    public ImmutableArray<ScalarType?> Parts { get; }
    public NumberSliceType(IEnumerable<ScalarType?> parts) => Parts = parts.ToImmutableArray();
    public override string Name => $"slice({string.Join(", ", Parts.Select(p => p?.Name ?? "none"))})";
}

/// <summary>An array's dtype (<c>a.dtype</c>), known at compile time: usable where a dtype argument is taken.</summary>
public sealed class DTypeType : SjType
{
    public ScalarType Dtype { get; }
    public DTypeType(ScalarType dtype) { Dtype = dtype; }
    public override string Name => $"dtype({Dtype.Name})";
}

/// <summary>enumerate(x): the iterable and the first count.</summary>
public sealed class EnumerateType : SjType
{
    public SjType Iterable { get; }
    public EnumerateType(SjType iterable) { Iterable = iterable; }
    public override string Name => $"enumerate({Iterable})";
    public override bool Equals(SjType? other) => other is EnumerateType e && e.Iterable == Iterable;
    public override int GetHashCode() => Iterable.GetHashCode() * 31 + 13;
}

/// <summary>zip(a, b, ...): the iterables.</summary>
public sealed class ZipType : SjType
{
    public ImmutableArray<SjType> Iterables { get; }
    public ZipType(IEnumerable<SjType> iterables) { Iterables = iterables.ToImmutableArray(); }
    public override string Name => $"zip({string.Join(", ", Iterables)})";
    public override bool Equals(SjType? other) => other is ZipType z && z.Iterables.SequenceEqual(Iterables);
    public override int GetHashCode() => Iterables.Aggregate(17, (h, t) => h * 31 + t.GetHashCode());
}

/// <summary>reversed(x) of a range, a tuple, a str or an array: holds x.</summary>
public sealed class ReversedType : SjType
{
    public SjType Iterable { get; }
    public ReversedType(SjType iterable) { Iterable = iterable; }
    public override string Name => $"reversed({Iterable})";
    public override bool Equals(SjType? other) => other is ReversedType r && r.Iterable == Iterable;
    public override int GetHashCode() => Iterable.GetHashCode() * 31 + 23;
}

/// <summary>An iterator of reversed(x): a range's (start, items left, step); a tuple's or an array's (x, items left);
/// a str's (x, byte offset of the end of the part not yet read).</summary>
public sealed class ReversedIterType : SjType
{
    public SjType Iterable { get; }
    public ReversedIterType(SjType iterable) { Iterable = iterable; }
    public override string Name => $"reversed_iter({Iterable})";
    public override bool Equals(SjType? other) => other is ReversedIterType r && r.Iterable == Iterable;
    public override int GetHashCode() => Iterable.GetHashCode() * 31 + 29;
}

/// <summary>An iterator of enumerate(): the inner iterator and the count.</summary>
public sealed class EnumerateIterType : SjType
{
    public SjType Inner { get; }
    public EnumerateIterType(SjType inner) { Inner = inner; }
    public override string Name => $"enumerate_iter({Inner})";
    public override bool Equals(SjType? other) => other is EnumerateIterType e && e.Inner == Inner;
    public override int GetHashCode() => Inner.GetHashCode() * 31 + 17;
}

/// <summary>An iterator of zip(): one inner iterator per iterable; it ends with the shortest.</summary>
public sealed class ZipIterType : SjType
{
    public ImmutableArray<SjType> Inners { get; }
    public ZipIterType(IEnumerable<SjType> inners) { Inners = inners.ToImmutableArray(); }
    public override string Name => $"zip_iter({string.Join(", ", Inners)})";
    public override bool Equals(SjType? other) => other is ZipIterType z && z.Inners.SequenceEqual(Inners);
    public override int GetHashCode() => Inners.Aggregate(19, (h, t) => h * 31 + t.GetHashCode());
}

/// <summary>A generator made by calling a generator function: a pointer to its counted frame (Codegen.GeneratorModel),
/// which holds the resume state and the variables live across its yields. It is its own iterator. Item is the unified
/// type of what it yields (Unknown until its body is typed); Result the type of its return value (StopIteration.value,
/// the value of <c>yield from</c> it); Sent the type of the values sent into it (None when none are, else Optional[T],
/// since next() sends None).</summary>
public sealed class GeneratorType : SjType
{
    public Specialization Spec { get; }
    public SjType Item { get; }
    public SjType Result { get; }
    public SjType Sent { get; }
    public GeneratorType(Specialization spec, SjType item, SjType result, SjType sent) { Spec = spec; Item = item; Result = result; Sent = sent; }
    public override string Name => $"generator({Spec.Symbol}, {Item}, {Result}, {Sent})";   // one per specialisation (Name is the key of specialisations)
    public override bool Equals(SjType? other) => other is GeneratorType g && ReferenceEquals(g.Spec, Spec) && g.Item == Item && g.Result == Result && g.Sent == Sent;
    public override int GetHashCode() => (Spec.GetHashCode() * 31 + Item.GetHashCode()) * 31 + Result.GetHashCode();

    /// <summary>Whether advancing this iterator resumes a generator (which may raise).</summary>
    public static bool Resumes(SjType iterator) => iterator switch
    {
        GeneratorType => true,
        EnumerateIterType e => Resumes(e.Inner),
        ZipIterType z => z.Inners.Any(Resumes),
        _ => false,
    };
}

/// <summary>An iterator over the first axis of an array: (array, position).</summary>
public sealed class ArrayIterType : SjType
{
    public ArrayType Array { get; }
    /// <summary>Over every element in C order (a flatiter's iterator), not over the first axis.</summary>
    public bool Flat { get; }
    public ArrayIterType(ArrayType a, bool flat = false) { Array = a; Flat = flat; }
    public override string Name => Flat ? $"iter(flatiter({Array}))" : $"iter({Array})";
    public override bool Equals(SjType? other) => other is ArrayIterType t && t.Array == Array && t.Flat == Flat;
    public override int GetHashCode() => Array.GetHashCode() * 31 + (Flat ? 13 : 11);
}

/// <summary>a.flat of an array that is not C-contiguous: NumPy's flatiter, which reads and writes the array's elements
/// in C order by a flat index (a C-contiguous array's a.flat is a plain 1-d view). Its value holds the array.</summary>
public sealed class FlatIterType : SjType
{
    public ArrayType Array { get; }
    public FlatIterType(ArrayType a) { Array = a; }
    public override string Name => $"flatiter({Array})";
    public override bool Equals(SjType? other) => other is FlatIterType t && t.Array == Array;
    public override int GetHashCode() => Array.GetHashCode() * 31 + 17;
}

public sealed class TupleIterType : SjType
{
    public TupleType Tuple { get; }
    public TupleIterType(TupleType t) { Tuple = t; }
    public override string Name => $"iter({Tuple})";
    public override bool Equals(SjType? other) => other is TupleIterType t && t.Tuple == Tuple;
    public override int GetHashCode() => Tuple.GetHashCode() * 31 + 7;
}

/// <summary>A user function (or closure): the value carries its captured variables.</summary>
public sealed class FunctionType : SjType
{
    public Binding.FunctionInfo Function { get; }
    public ImmutableArray<SjType> Captures { get; }
    public FunctionType(Binding.FunctionInfo fn, IEnumerable<SjType> captures) { Function = fn; Captures = captures.ToImmutableArray(); }
    public override string Name => Captures.Length == 0 ? $"function({Function.QualName})" : $"closure({Function.QualName}; {string.Join(", ", Captures)})";
    public override bool Equals(SjType? other) => other is FunctionType f && ReferenceEquals(f.Function, Function) && f.Captures.SequenceEqual(Captures);
    public override int GetHashCode() => Function.GetHashCode();
}

/// <summary>A C function called at an address known at compile time (Library/ExternFunctions.cs).</summary>
public sealed class ExternFunctionType : SjType
{
    public Library.ExternFunction Function { get; }
    public ExternFunctionType(Library.ExternFunction fn) { Function = fn; }
    public override string Name => $"extern({Function})";
    public override bool Equals(SjType? other) => other is ExternFunctionType e && e.Function.Key == Function.Key;
    public override int GetHashCode() => Function.Key.GetHashCode();
}

/// <summary>A C function pointer known only at run time (a ctypes or cffi function passed as an argument), called
/// with its C signature (Library/ExternFunctions.cs, FunctionPointers).</summary>
public sealed class FunctionPointerType : SjType
{
    public Codegen.CSignature Signature { get; }
    public FunctionPointerType(Codegen.CSignature signature) { Signature = signature; }
    public override string Name => $"cfuncptr({Signature})";
    public override bool Equals(SjType? other) => other is FunctionPointerType f && f.Signature.ToString() == Signature.ToString();
    public override int GetHashCode() => Signature.ToString().GetHashCode();
}

/// <summary>A callable of the host with its own registry entry (an objmode block, run as Python).</summary>
public sealed class HostCallableType : SjType
{
    public Library.LibFunc Entry { get; }
    public HostCallableType(Library.LibFunc entry) { Entry = entry; }
    public override string Name => $"host({Entry.Name})";
    public override bool Equals(SjType? other) => other is HostCallableType h && ReferenceEquals(h.Entry, Entry);
    public override int GetHashCode() => Entry.GetHashCode();
}

/// <summary>A built-in or library callable resolved at compile time (print, abs, math.sqrt …).</summary>
public sealed class BuiltinType : SjType
{
    public string Qualified { get; }
    public BuiltinType(string qualified) { Qualified = qualified; }
    public override string Name => $"builtin({Qualified})";
}

/// <summary>A method read from a value (<c>z.conjugate</c>): the value carries the receiver, the call goes to the
/// registry's <c>method.NAME</c> entry with the receiver as its first argument.</summary>
public sealed class BoundMethodType : SjType
{
    public SjType Receiver { get; }
    public string Method { get; }
    public BoundMethodType(SjType receiver, string method) { Receiver = receiver; Method = method; }
    public override string Name => $"bound_method({Receiver}.{Method})";
    public override bool Equals(SjType? other) => other is BoundMethodType b && b.Receiver == Receiver && b.Method == Method;
    public override int GetHashCode() => HashCode.Combine(Receiver, Method);
}

public sealed class ModuleType : SjType
{
    public string Module { get; }
    /// <summary>For a host's own module (not math/cmath/numpy): resolves its attributes. Not part of equality.</summary>
    public Binding.IHostNamespace? Host { get; init; }
    public ModuleType(string module) { Module = module; }
    public override string Name => $"module({Module})";
}

/// <summary>A built-in exception class such as ValueError (a compile-time value).</summary>
public sealed class ExceptionClassType : SjType
{
    public string ExceptionName { get; }
    public ExceptionClassType(string name) { ExceptionName = name; }
    public override string Name => $"class({ExceptionName})";
}

/// <summary>An exception instance: its class is known statically, its message is a str.</summary>
public sealed class ExceptionInstanceType : SjType
{
    public string ExceptionName { get; }
    public ExceptionInstanceType(string name) { ExceptionName = name; }
    public override string Name => $"exception({ExceptionName})";
}

/// <summary>type(e) of a caught exception: its class, known only at run time. The value is the caught exception
/// itself (counted as it is), whose class name the runtime reads.</summary>
public sealed class CaughtClassType : SjType
{
    public static readonly CaughtClassType Instance = new();
    private CaughtClassType() { }
    public override string Name => "caught_class";
}

/// <summary>e.args of an exception: a tuple whose items' types are known only at run time (the value is the
/// exception's message, Runtime.ExceptionArgument). It prints, has a len, and its str items can be read by index.</summary>
public sealed class ExceptionArgsType : SjType
{
    public static readonly ExceptionArgsType Instance = new();
    private ExceptionArgsType() { }
    public override string Name => "exception_args";
}

/// <summary>An exception caught by an except clause (<c>except ValueError as e</c>): its class is known only at run
/// time (ValueError or a subclass); the value is a counted runtime object holding class, message and traceback.</summary>
public sealed class CaughtExceptionType : SjType
{
    /// <summary>The class the clause named (for a tuple of classes, BaseException).</summary>
    public string ClauseClass { get; }
    public CaughtExceptionType(string clauseClass) { ClauseClass = clauseClass; }
    public override string Name => $"caught({ClauseClass})";
}

/// <summary>A value that is None on some paths and a T on others (Optional[T]): a flag and the value. `is None`
/// tests the flag; a branch on it narrows the variable to T; any other use unwraps it, raising CPython's TypeError
/// when it is None.</summary>
public sealed class OptionalType : SjType
{
    public SjType Inner { get; }
    public OptionalType(SjType inner) { Inner = inner; }
    public override string Name => $"Optional[{Inner}]";

    /// <summary>Types that can be optional: numbers, tuples, str, arrays, containers and instances.</summary>
    public static bool CanHold(SjType t) => t is ScalarType or TupleType or ArrayType or ListType or DictType or SetType or InstanceType || t == SimpleType.Str;
}

/// <summary>A phi whose incoming values have types that cannot be unified; an error only if used.</summary>
public sealed class ConflictType : SjType
{
    public SjType A { get; }
    public SjType B { get; }
    public ConflictType(SjType a, SjType b) { A = a; B = b; }
    public override string Name => $"conflict({A}, {B})";
}

public static class TypeOps
{
    /// <summary>Python-facing name of a type, as CPython would print it in a TypeError.</summary>
    public static string PyName(SjType t) => t switch
    {
        ScalarType s => s.PyName,
        TupleType { Named: { } nt } => nt.Name,
        TupleType => "tuple",
        ArrayType => "numpy.ndarray",
        FlatIterType => "numpy.flatiter",
        ListType => "list",
        ListIterType => "list_iterator",
        GeneratorType => "generator",
        DictType => "dict",
        SetType s => s.Frozen ? "frozenset" : "set",
        SetIterType => "set_iterator",
        DictViewType v => "dict_" + v.Kind,
        DictIterType => "dict_keyiterator",
        EnumerateType => "enumerate",
        ZipType => "zip",
        SliceType or NumberSliceType => "slice",
        _ when t == SimpleType.None => "NoneType",
        _ when t == SimpleType.Str => "str",
        _ when t == SimpleType.Range => "range",
        FunctionType => "function",
        ExternFunctionType or FunctionPointerType => "CFunctionType",
        HostCallableType => "function",
        BuiltinType or BoundMethodType => "builtin_function_or_method",
        ModuleType => "module",
        ExceptionClassType or CaughtClassType => "type",
        ExceptionInstanceType e => e.ExceptionName,
        InstanceType it => it.Class.Name,
        ClassType => "type",
        UserMethodType => "method",
        ExceptionArgsType => "tuple",
        CaughtExceptionType c => c.ClauseClass,
        OptionalType o => $"Optional[{PyName(o.Inner)}]",
        _ => t.Name,
    };

    /// <summary>Python-facing names of two types that a message sets against each other: where the Python names are
    /// the same (two arrays, two tuples, two lists), what tells them apart ("numpy.ndarray (2-d float64)",
    /// "tuple (int, float)", "list[int]").</summary>
    public static (string A, string B) PyNames(SjType a, SjType b) =>
        PyName(a) != PyName(b) ? (PyName(a), PyName(b)) : (Detailed(a), Detailed(b));

    private static string Detailed(SjType t) => t switch
    {
        ArrayType at => $"numpy.ndarray ({at.Ndim}-d {at.Dtype.Name}{(at.Layout == ArrayLayout.C || at.Ndim <= 1 ? "" : at.Layout == ArrayLayout.F ? ", Fortran order" : ", strided")}{(at.Readonly ? ", read-only" : "")})",
        TupleType { Named: null } tt => $"tuple ({string.Join(", ", tt.Items.Select(PyName))}{(tt.Items.Length == 1 ? "," : "")})",
        ListType lt => $"list[{PyName(lt.Element)}]",
        SetType st => $"{PyName(st)}[{PyName(st.Key)}]",
        DictType dt => $"dict[{PyName(dt.Key)}, {PyName(dt.Value)}]",
        OptionalType o => $"Optional[{Detailed(o.Inner)}]",
        _ => PyName(t),
    };

    /// <summary>"an int", "a str": the Python name with its article, for messages.</summary>
    public static string WithArticle(SjType t) => ("aeiou".Contains(PyName(t)[0]) ? "an " : "a ") + PyName(t);

    /// <summary>The least type both values fit in, or null when there is none (int with tuple).</summary>
    public static SjType? Unify(SjType a, SjType b)
    {
        if (a == b) return a;
        Diagnostics.CompileDepth.EnsureStack();
        // Not yet known < never returns < any value.
        if (a == SimpleType.Unknown || a == SimpleType.Undefined) return b;
        if (b == SimpleType.Unknown || b == SimpleType.Undefined) return a;
        if (a == SimpleType.NoReturn) return b;
        if (b == SimpleType.NoReturn) return a;
        if (a is ConflictType || b is ConflictType) return null;
        // None with a T, or with an Optional[T]: Optional[T]; optionals unify by their values.
        if (a == SimpleType.None && (b is OptionalType || OptionalType.CanHold(b))) return b is OptionalType ? b : new OptionalType(b);
        if (b == SimpleType.None && (a is OptionalType || OptionalType.CanHold(a))) return a is OptionalType ? a : new OptionalType(a);
        if (a is OptionalType || b is OptionalType)
        {
            var inner = Unify(a is OptionalType oa ? oa.Inner : a, b is OptionalType ob ? ob.Inner : b);
            return inner != null && OptionalType.CanHold(inner) ? new OptionalType(inner) : null;
        }
        if (a is ScalarType sa && b is ScalarType sb) return Promote(sa, sb, keepBool: true);
        // A list's items keep their representation: only an empty list of unknown items joins a typed one.
        if (a is ListType la && b is ListType lb)
            return la.Element == SimpleType.Unknown ? b : lb.Element == SimpleType.Unknown ? a : null;
        if (a is SetType sa2 && b is SetType sb2)
            return sa2.Key == SimpleType.Unknown ? b : sb2.Key == SimpleType.Unknown ? a : null;
        if (a is DictType da && b is DictType db)
            return da.Key == SimpleType.Unknown && da.Value == SimpleType.Unknown ? b : db.Key == SimpleType.Unknown && db.Value == SimpleType.Unknown ? a : null;
        // One generator function's generators, typed in different rounds (its sent or return type grew since): the
        // latest type, which typing keeps on its specialisation.
        if (a is GeneratorType ga && b is GeneratorType gb && ReferenceEquals(ga.Spec, gb.Spec))
            return ga.Spec.ReturnType is GeneratorType latest ? latest : b;
        if (a is BoundMethodType ma && b is BoundMethodType mb && ma.Method == mb.Method && Unify(ma.Receiver, mb.Receiver) is { } r)
            return new BoundMethodType(r, ma.Method);
        if (a is ArrayType aa && b is ArrayType ab && aa.Dtype == ab.Dtype && aa.Ndim == ab.Ndim)
            return new ArrayType(aa.Dtype, aa.Ndim, aa.Layout == ab.Layout ? aa.Layout : ArrayLayout.A, aa.Readonly || ab.Readonly);
        if (a is TupleType ta && b is TupleType tb && ta.Items.Length == tb.Items.Length)
        {
            var items = new SjType[ta.Items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                var u = Unify(ta.Items[i], tb.Items[i]);
                if (u == null) return null;
                items[i] = u;
            }
            return new TupleType(items, Equals(ta.Named, tb.Named) ? ta.Named : null);
        }
        return null;
    }

    /// <summary>
    /// The type two scalars are combined in, as Numba types NumPy scalars: integers widen to int64, or to uint64 when
    /// both are unsigned; float32 and complex64 survive only with each other, bool, int8, int16 and uint8; anything
    /// else is float64 or complex128 (checked against Numba by tests/python/test_numpy_narrow.py). Bools combine to int64 unless
    /// <paramref name="keepBool"/> (a value that is a bool on every path stays a bool).
    /// </summary>
    public static ScalarType Promote(ScalarType a, ScalarType b, bool keepBool = false)
    {
        // Equal types stay, except that operators widen bools and narrow integers.
        if (a == b && (keepBool || a.Rank >= 2 || a.Rank == 1 && a.Bits == 64)) return a;
        int rank = Math.Max(a.Rank, b.Rank);
        switch (rank)
        {
            case 0: return keepBool ? ScalarType.Bool : ScalarType.Int64;
            case 1: return a.IsUnsigned && b.IsUnsigned ? ScalarType.UInt64 : ScalarType.Int64;
        }
        bool single = a.FitsSinglePrecision && b.FitsSinglePrecision;
        return rank == 2 ? (single ? ScalarType.Float32 : ScalarType.Float64) : (single ? ScalarType.Complex64 : ScalarType.Complex128);
    }

    /// <summary>The type with every narrow scalar (also inside tuples) replaced by its canonical type.</summary>
    public static SjType Canonical(SjType t)
    {
        Diagnostics.CompileDepth.EnsureStack();
        return CanonicalOf(t);
    }

    private static SjType CanonicalOf(SjType t) => t switch
    {
        ScalarType s => s.Canonical,
        TupleType tt when tt.Items.Any(i => Canonical(i) != i) => new TupleType(tt.Items.Select(Canonical)),
        _ => t,
    };

    /// <summary>The classes an except clause or isinstance names: one class, or a tuple of them.</summary>
    public static IReadOnlyList<SjType> ClassesIn(SjType classInfo) => classInfo is TupleType tt ? tt.Items : new[] { classInfo };

    public static bool IsKnown(SjType? t) => t is not null && t != SimpleType.Unknown && t != SimpleType.NoReturn;

    /// <summary>A tuple with an item not typed yet (an item of a dict typed while its display's types settle): what
    /// takes it is typed once the item is. (A list of unknown items is typed by its uses, so it does not count.)</summary>
    public static bool HasPendingItems(SjType t) => t is TupleType tt && tt.Items.Any(x => x == SimpleType.Unknown || HasPendingItems(x));
}

/// <summary>np.finfo(dtype) or np.iinfo(dtype): a type's machine limits, all known at compile time.</summary>
public sealed class MachineLimitsType : SjType
{
    public ScalarType Dtype { get; }
    public bool IsFloat => Dtype.Rank == 2;
    /// <summary>NumPy's ValueError for a type of the wrong kind (np.finfo(np.int64)), raised when the call runs; the
    /// value is then typed as float64's or int64's limits.</summary>
    public string? Error { get; }
    public MachineLimitsType(ScalarType dtype, string? error = null) { Dtype = dtype; Error = error; }
    public override string Name => $"{(IsFloat ? "finfo" : "iinfo")}({Dtype.Name}{(Error != null ? ", invalid" : "")})";

    public static readonly string[] FloatAttributes =
        ["bits", "eps", "epsneg", "iexp", "machep", "max", "maxexp", "min", "minexp", "negep", "nexp", "nmant", "precision",
         "resolution", "tiny", "smallest_normal", "smallest_subnormal", "dtype"];
    public static readonly string[] IntAttributes = ["bits", "min", "max", "dtype", "kind"];

    /// <summary>An attribute's type (NumPy's: the float type's scalars for float limits, Python ints otherwise), or null.</summary>
    public SjType? AttributeType(string name)
    {
        if (name == "dtype") return new DTypeType(Dtype);
        if (IsFloat)
            return Array.IndexOf(FloatAttributes, name) < 0 ? null
                : name is "eps" or "epsneg" or "max" or "min" or "resolution" or "tiny" or "smallest_normal" or "smallest_subnormal" ? Dtype : ScalarType.Int64;
        if (name == "kind") return SimpleType.Str;
        return Array.IndexOf(IntAttributes, name) < 0 ? null : name == "max" && Dtype == ScalarType.UInt64 ? ScalarType.UInt64 : ScalarType.Int64;
    }

    /// <summary>An attribute's value (double, float, long, ulong or string).</summary>
    public object Attribute(string name)
    {
        int bits = Dtype.Bits;
        if (!IsFloat)
            return name switch
            {
                "bits" => (long)bits,
                "kind" => Dtype.IsUnsigned ? "u" : "i",
                "min" => Dtype.IsUnsigned ? 0L : bits == 64 ? long.MinValue : -(1L << (bits - 1)),
                _ => Dtype.IsUnsigned ? (bits == 64 ? ulong.MaxValue : (object)((1L << bits) - 1)) : bits == 64 ? long.MaxValue : (1L << (bits - 1)) - 1,
            };
        bool single = bits == 32;
        object Real(double d64, float d32) => single ? d32 : d64;
        return name switch
        {
            "bits" => (long)bits,
            "eps" => Real(Math.ScaleB(1, -52), MathF.ScaleB(1, -23)),
            "epsneg" => Real(Math.ScaleB(1, -53), MathF.ScaleB(1, -24)),
            "iexp" or "nexp" => single ? 8L : 11L,
            "machep" => single ? -23L : -52L,
            "negep" => single ? -24L : -53L,
            "max" => Real(double.MaxValue, float.MaxValue),
            "min" => Real(double.MinValue, float.MinValue),
            "maxexp" => single ? 128L : 1024L,
            "minexp" => single ? -126L : -1022L,
            "nmant" => single ? 23L : 52L,
            "precision" => single ? 6L : 15L,
            "resolution" => Real(1e-15, 1e-6f),
            "tiny" or "smallest_normal" => Real(Math.ScaleB(1, -1022), MathF.ScaleB(1, -126)),
            "smallest_subnormal" => Real(double.Epsilon, float.Epsilon),
            _ => throw new ArgumentException(name),
        };
    }

    /// <summary>NumPy's str (false) or repr (true) of the object.</summary>
    public string Text(bool repr)
    {
        string rule = "---------------------------------------------------------------";
        if (!IsFloat)
        {
            string min = Attribute("min").ToString()!, max = Attribute("max").ToString()!;
            return repr ? $"iinfo(min={min}, max={max}, dtype={Dtype.Name})" : $"Machine parameters for {Dtype.Name}\n{rule}\nmin = {min}\nmax = {max}\n{rule}\n";
        }
        if (Dtype.Bits == 32)
            return repr ? "finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)"
                : $"Machine parameters for float32\n{rule}\nprecision =   6   resolution = 1.0000000e-06\nmachep =    -23   eps =        1.1920929e-07\nnegep =     -24   epsneg =     5.9604645e-08\nminexp =   -126   tiny =       1.1754944e-38\nmaxexp =    128   max =        3.4028235e+38\nnexp =        8   min =        -max\nsmallest_normal = 1.1754944e-38   smallest_subnormal = 1.4012985e-45\n{rule}\n";
        return repr ? "finfo(resolution=1e-15, min=-1.7976931348623157e+308, max=1.7976931348623157e+308, dtype=float64)"
            : $"Machine parameters for float64\n{rule}\nprecision =  15   resolution = 1.0000000000000001e-15\nmachep =    -52   eps =        2.2204460492503131e-16\nnegep =     -53   epsneg =     1.1102230246251565e-16\nminexp =  -1022   tiny =       2.2250738585072014e-308\nmaxexp =   1024   max =        1.7976931348623157e+308\nnexp =       11   min =        -max\nsmallest_normal = 2.2250738585072014e-308   smallest_subnormal = 4.9406564584124654e-324\n{rule}\n";
    }
}
