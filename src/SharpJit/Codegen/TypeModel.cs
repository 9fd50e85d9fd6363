using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;
using SharpJit.Llvm;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Codegen;

/// <summary>
/// How values of one type live in compiled code and cross out of it (Numba's data models): their LLVM type and C
/// layout, which parts hold references and how to take and drop one, their truth, their text (print, str, repr,
/// format) and how the .NET host stores and reads them. One model per kind of type; a type without a model, or a
/// model asked for what it cannot do, is an internal error naming the type at its first use, never a silent default.
/// </summary>
public abstract class TypeModel
{
    /// <summary>The type this models (errors name it).</summary>
    public SjType Type { get; }
    protected TypeModel(SjType type) { Type = type; }

    public static TypeModel Of(SjType t)
    {
        Diagnostics.CompileDepth.EnsureStack();   // walks over nested members (references, truth) come through here
        return OfType(t) ?? throw new InvalidOperationException($"internal: no data model for type {t}");
    }

    /// <summary>The model of t, or null for a type that values never have (Unknown, a conflict, NoReturn). No stack
    /// check: hosts ask it for C layouts on their own threads, which may have small stacks.</summary>
    public static TypeModel? TryOf(SjType t) => OfType(t);

    private static readonly SjType[] RangeMembers = { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 };
    /// <summary>A range iterator: current value, items left, step, and the value after the last item.</summary>
    private static readonly SjType[] RangeIterMembers = { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 };

    private static TypeModel? OfType(SjType t) => t switch
    {
        ScalarType s => ScalarModel.For(s),
        TupleType tt => new TupleModel(tt),
        TupleIterType ti => Iterator(t, ti.Tuple, ScalarType.Int64),
        ArrayType at => new ArrayModel(at),
        ListType l => new ListModel(l),
        GeneratorType g => new GeneratorModel(g),
        DictType d => new DictModel(d),
        SetType st => new SetModel(st),
        SetIterType si => Iterator(t, si.Set, ScalarType.Int64),
        DictViewType v => new DictViewModel(v),
        DictIterType di => Iterator(t, di.View.Dict, ScalarType.Int64),
        ListIterType li => Iterator(t, li.List, ScalarType.Int64),
        ArrayIterType ai => Iterator(t, ai.Array, ScalarType.Int64),
        SliceType => Iterator(t, RangeMembers),
        NumberSliceType ns => Iterator(t, ns.Parts.Select(p => (SjType?)p ?? ScalarType.Int64).ToArray()),
        DTypeType dt => new StaticModel(t, ConstTruth.None, text: repr => repr ? $"dtype('{dt.Dtype.Name}')" : dt.Dtype.Name),   // np.dtype's truth is its number of fields: not compiled
        MachineLimitsType ml => new StaticModel(t, ConstTruth.True, text: ml.Text),
        EnumerateType en => Iterator(t, en.Iterable, ScalarType.Int64),
        ZipType z => new AggregateModel(t, z.Iterables, ConstTruth.True),
        ReversedType r => Iterator(t, r.Iterable),
        FlatIterType f => Iterator(t, f.Array),
        ReversedIterType r => r.Iterable == SimpleType.Range ? Iterator(t, RangeIterMembers) : Iterator(t, r.Iterable, ScalarType.Int64),
        EnumerateIterType ei => Iterator(t, ei.Inner, ScalarType.Int64),
        ZipIterType zi => new AggregateModel(t, zi.Inners, ConstTruth.True),
        FunctionType ft => new FunctionModel(ft),
        BoundMethodType bm => OfType(bm.Receiver) is { } receiver ? new MethodModel(t, receiver) : null,   // its value is its receiver
        InstanceType it => new InstanceModel(it),
        UserMethodType um => new MethodModel(t, new InstanceModel(um.Instance)),   // its value is its instance
        ClassType ct => new StaticModel(t, ConstTruth.True, text: _ => $"<class '{ct.Class.Qualified}'>"),
        ExceptionInstanceType or ExceptionArgsType or CaughtExceptionType or CaughtClassType => new ExceptionModel(t),
        OptionalType o => new OptionalModel(o),
        FunctionPointerType fp => new FunctionPointerModel(fp),
        Typing.PointerType => new PointerModel(t),
        _ when t == SimpleType.Str => StrModel.Instance,
        _ when t == SimpleType.StrIter => Iterator(t, SimpleType.Str, ScalarType.Int64, ScalarType.Int64),
        _ when t == SimpleType.Range => new RangeModel(),
        _ when t == SimpleType.RangeIter => Iterator(t, RangeIterMembers),
        // Values known entirely at compile time: no storage.
        _ when t == SimpleType.None => NoneModel.Instance,
        _ when t == SimpleType.Ellipsis => new StaticModel(t, ConstTruth.True),
        _ when t == SimpleType.Undefined => new StaticModel(t, ConstTruth.None),
        BuiltinType bt => new StaticModel(t, ConstTruth.True, crosses: true, text: _ => Library.Builtins.ClassName(bt) is { } cls
            ? $"<class '{cls}'>" : $"<built-in function {bt.Qualified.Split('.').Last()}>"),
        ExceptionClassType ec => new StaticModel(t, ConstTruth.True, text: _ => $"<class '{ec.ExceptionName}'>"),
        ModuleType mt => new StaticModel(t, ConstTruth.True, text: _ => $"<module '{mt.Module}' (built-in)>"),
        NamedTupleClassType or ExternFunctionType or HostCallableType => new StaticModel(t, ConstTruth.True),
        _ => null,
    };

    /// <summary>An iterator, view or slice holding what it walks (and a position): a true value.</summary>
    private static AggregateModel Iterator(SjType t, params SjType[] members) => new(t, members, ConstTruth.True);

    public abstract LLVMTypeRef Lower(ModuleEmitter m);

    /// <summary>True when a value of this type holds references that must be taken and dropped.</summary>
    public virtual bool HasReferences => false;

    /// <summary>Takes one more reference to everything v holds.</summary>
    public virtual void IncRef(FunctionEmitter e, LLVMValueRef v) { }

    /// <summary>Drops one reference to everything v holds (freeing what no one else holds).</summary>
    public virtual void DecRef(FunctionEmitter e, LLVMValueRef v) { }

    /// <summary>Whether compiled code can take bool(v) of these values (typing asks; a type whose truth calls a method,
    /// __bool__/__len__ or an array's, is a registry entry instead).</summary>
    public virtual bool HasTruth => false;

    /// <summary>bool(v), as an i1, for a model that <see cref="HasTruth"/>.</summary>
    public virtual LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        throw new InvalidOperationException($"internal: values of {Type} have no truth value in compiled code");

    // ---- Text: print(), str(), repr(), format() and f-strings (Library.Formatting) ----

    /// <summary>Whether compiled code can write these values as text (typing asks before <see cref="Format"/>).</summary>
    public virtual bool CanFormat => false;

    /// <summary>Whether compiled code can write values of type t as text: false for a type without a model.</summary>
    public static bool Formattable(SjType t)
    {
        Diagnostics.CompileDepth.EnsureStack();   // nested members ask in turn
        return TryOf(t)?.CanFormat == true;
    }

    /// <summary>Writes str(v), or repr(v) when repr is set, to the runtime text sink, as CPython and NumPy write it.</summary>
    public virtual void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr) =>
        throw new InvalidOperationException($"internal: values of {Type} have no text in compiled code");

    /// <summary>format(v, spec) without a conversion: by default the str, formatted as an object (a non-empty spec is a
    /// TypeError); numbers and str read the spec themselves.</summary>
    public virtual void FormatWithSpec(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, LLVMValueRef spec, Diagnostics.Span span) =>
        Library.Formatting.FormatRendered(e, sink, this, v, repr: false, span, s =>
            e.CallRuntime("sj_format_object", sink, s, spec, e.M.ConstString(TypeOps.PyName(Type))));

    // ---- The .NET host boundary (Engine.ValueLayout, CompiledFunction.Invoke): a value stored in its C layout ----

    /// <summary>Size and alignment of a value in memory as LLVM lays it out (the x86-64 C layout, an i1 as one byte):
    /// how hosts pass it in and read it back. Null for values that cannot cross into or out of compiled code.</summary>
    public virtual (int Size, int Align)? CLayout => null;

    /// <summary>Stores the .NET value v (long, double, bool, Complex, object?[] for a tuple, NDArray ...) at p.</summary>
    public virtual unsafe void WriteHost(byte* p, object? v) => throw CannotCross("be passed in from .NET");

    /// <summary>The .NET value of the value stored at p, which keeps its references (<see cref="Release"/> drops them).</summary>
    public virtual unsafe object? ReadHost(byte* p) => throw CannotCross("be returned to .NET");

    /// <summary>Drops the references held by the value stored at p (a result the host has read). A model whose values
    /// hold references and cross must say how.</summary>
    public virtual unsafe void Release(byte* p)
    {
        if (HasReferences) throw new InvalidOperationException($"internal: values of {Type} hold references that a host cannot drop");
    }

    protected NotSupportedException CannotCross(string what) => new($"values of type {Type} cannot {what}");

    // ---- The CPython boundary (SharpJit.Python, through IPythonBoxing): Python objects to and from the C layout ----

    /// <summary>Writes the Python object o at p as a value of this type; false with a Python exception set when o does
    /// not convert.</summary>
    public virtual unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) =>
        throw new InvalidOperationException($"internal: values of {Type} cannot be passed from Python");

    /// <summary>A new reference to the Python object for the value at p (0 with an exception set); the value's
    /// references are dropped unless <paramref name="borrowed"/>.</summary>
    public virtual unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) =>
        throw new InvalidOperationException($"internal: values of {Type} cannot be returned to Python");

    /// <summary>The model of t made once per type object, for hosts that ask per value (no allocation after the
    /// first); null as <see cref="TryOf"/>.</summary>
    public static TypeModel? Cached(SjType t) => t.Model as TypeModel ?? (t.Model = OfType(t)) as TypeModel;

    /// <summary>The C layout of a struct of these members: each at the next multiple of its alignment. Null when a
    /// member cannot cross.</summary>
    public static (int[] Offsets, int Size, int Align)? StructLayout(IReadOnlyList<SjType> members)
    {
        var offsets = new int[members.Count];
        int off = 0, align = 1;
        for (int i = 0; i < members.Count; i++)
        {
            if (TryOf(members[i])?.CLayout is not var (size, a)) return null;
            off = (off + a - 1) / a * a;
            offsets[i] = off;
            off += size;
            align = Math.Max(align, a);
        }
        return (offsets, (off + align - 1) / align * align, align);
    }

    /// <summary>The (size, align) of a struct of these members, or null.</summary>
    protected static (int Size, int Align)? StructSizeAlign(IReadOnlyList<SjType> members) =>
        StructLayout(members) is var (_, size, align) ? (size, align) : null;

    protected const int PointerSize = 8;

    /// <summary>Truth known without looking at the value (a tuple's length is in its type; an iterator is an object).</summary>
    public enum ConstTruth { None, True, False }

    protected static LLVMValueRef Constant(FunctionEmitter e, ConstTruth t) => e.M.ConstBool(t == ConstTruth.True);
}

/// <summary>A bool, integer, float or complex number of one of NumPy's widths (one model per scalar type).</summary>
public sealed class ScalarModel : TypeModel
{
    private readonly ScalarType _t;
    private ScalarModel(ScalarType t) : base(t) { _t = t; }

    private static readonly ScalarModel[] Models = ScalarType.All.Select(s => new ScalarModel(s)).ToArray();

    /// <summary>The model of a scalar type, made once (host boundaries ask it per call).</summary>
    public static ScalarModel For(ScalarType s)
    {
        foreach (var m in Models) if (ReferenceEquals(m._t, s)) return m;
        return new ScalarModel(s);
    }

    public override LLVMTypeRef Lower(ModuleEmitter m) => _t.Kind switch
    {
        ScalarKind.Bool => m.I1,
        ScalarKind.Int or ScalarKind.UInt => _t.Bits switch { 8 => m.I8, 16 => m.I16, 32 => m.I32, _ => m.I64 },
        ScalarKind.Float => _t.Bits == 32 ? m.F32 : m.F64,
        _ => _t.Bits == 64 ? m.Complex64 : m.Complex,
    };

    public override (int Size, int Align)? CLayout => _t.Rank == 0 ? (1, 1) : (_t.Bits / 8, _t.PartBits / 8);

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteScalar(o, _t, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadScalar(p, _t);

    public override bool HasTruth => true;

    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v)
    {
        var B = e.B;
        switch (_t.Rank)
        {
            case 0: return v;
            case 1: return BuildICmp(B, LLVMIntPredicate.LLVMIntNE, v, ConstNull(TypeOf(v)), "");
            case 2: return BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, v, ConstNull(TypeOf(v)), "");
            default:
                var re = e.ExtractValue(v, 0);
                return BuildOr(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, re, ConstNull(TypeOf(re)), ""),
                    BuildFCmp(B, LLVMRealPredicate.LLVMRealUNE, e.ExtractValue(v, 1), ConstNull(TypeOf(re)), ""), "");
        }
    }

    public override bool CanFormat => true;

    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        var (suffix, args) = RuntimeArgs(e, v);
        e.CallRuntime("sj_write_" + suffix, [sink, .. args]);
    }

    public override void FormatWithSpec(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, LLVMValueRef spec, Diagnostics.Span span)
    {
        var (suffix, args) = RuntimeArgs(e, v);
        e.CallChecked("sj_format_" + suffix, span, [sink, .. args, spec]);
    }

    /// <summary>Which sj_write_* / sj_format_* helper takes this scalar, and its arguments: integers as 64 bits (uint64
    /// apart), float32 and complex64 parts widened to double (exactly) for their NumPy-style helpers.</summary>
    private (string Suffix, LLVMValueRef[] Args) RuntimeArgs(FunctionEmitter e, LLVMValueRef v)
    {
        switch (_t.Rank)
        {
            case 0: return ("bool", [BuildZExt(e.B, v, e.M.I32, "")]);
            case 1: return _t.IsUnsigned ? ("u64", [e.Convert(v, _t, ScalarType.UInt64)]) : ("i64", [e.Convert(v, _t, ScalarType.Int64)]);
            case 2: return (_t.Bits == 32 ? "f32" : "f64", [e.Convert(v, _t, ScalarType.Float64)]);
            default:
                var z = e.Convert(v, _t, ScalarType.Complex128);
                return (_t.Bits == 64 ? "c64" : "c128", [e.ExtractValue(z, 0), e.ExtractValue(z, 1)]);
        }
    }

    public override unsafe void WriteHost(byte* p, object? v)
    {
        switch (_t.Rank)
        {
            case 0: *p = (byte)(System.Convert.ToBoolean(v) ? 1 : 0); return;
            case 1: Store(p, _t, 0, 0, v switch { bool b => b ? 1 : 0, ulong u => (long)u, _ => System.Convert.ToInt64(v) }); return;
            case 2: Store(p, _t, System.Convert.ToDouble(v), 0, 0); return;
            default:
                var z = v is System.Numerics.Complex c ? c : new System.Numerics.Complex(System.Convert.ToDouble(v), 0);
                Store(p, _t, z.Real, z.Imaginary, 0);
                return;
        }
    }

    /// <summary>The .NET type of the scalar's width (sbyte for int8, float for float32 ...; Complex for both complex types).</summary>
    public override unsafe object? ReadHost(byte* p)
    {
        var (re, im, bits) = Load(p, _t);
        return _t.Rank switch
        {
            0 => bits != 0,
            1 => (_t.Bits, _t.IsUnsigned) switch
            {
                (8, false) => (sbyte)bits, (16, false) => (short)bits, (32, false) => (int)bits,
                (8, true) => (byte)bits, (16, true) => (ushort)bits, (32, true) => (uint)bits, (_, true) => (ulong)bits, _ => (object)bits,
            },
            2 => _t.Bits == 32 ? (object)*(float*)p : re,
            _ => new System.Numerics.Complex(re, im),
        };
    }

    /// <summary>A stored scalar of type t as (real, imaginary, integer bits), integers sign- or zero-extended and
    /// floats truncated toward zero for the bits.</summary>
    public static unsafe (double Re, double Im, long Bits) Load(byte* p, ScalarType t)
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
    public static unsafe void Store(byte* p, ScalarType t, double re, double im, long bits)
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
}

/// <summary>A C pointer (<c>CPointer(T)</c> in cfunc signatures) or C function pointer: borrowed from C, never
/// counted; the .NET host passes and gets its address.</summary>
public class PointerModel : TypeModel
{
    public PointerModel(SjType t) : base(t) { }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override (int Size, int Align)? CLayout => (PointerSize, PointerSize);
    public override unsafe void WriteHost(byte* p, object? v) =>
        *(nint*)p = v switch { Engine.CFunctionPointer f => f.Address, nint address => address, _ => (nint)System.Convert.ToInt64(v) };
    public override unsafe object? ReadHost(byte* p) => *(nint*)p;
}

/// <summary>A C function pointer: Python passes a ctypes or cffi function (or an address) and gets the address back.</summary>
public sealed class FunctionPointerModel : PointerModel
{
    public FunctionPointerModel(FunctionPointerType t) : base(t) { }
    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteFunctionPointer(o, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadFunctionPointer(p);
}

/// <summary>None: no storage, false, and null to the .NET host.</summary>
public sealed class NoneModel : TypeModel
{
    public static readonly NoneModel Instance = new();
    private NoneModel() : base(SimpleType.None) { }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Empty;
    public override (int Size, int Align)? CLayout => (0, 1);
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => e.M.ConstBool(false);
    public override bool CanFormat => true;
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr) => Library.Formatting.Text(e, sink, "None");
    public override unsafe void WriteHost(byte* p, object? v) { }
    public override unsafe object? ReadHost(byte* p) => null;
    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => true;
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.None();
}

/// <summary>Values with no run-time content (modules, builtins, classes, dtypes): their truth is constant, and so is
/// their text where they have one (str or repr).</summary>
public sealed class StaticModel : TypeModel
{
    private readonly ConstTruth _truth;
    private readonly bool _crosses;
    private readonly Func<bool, string>? _text;
    /// <param name="crosses">Whether it crosses the host boundary (as nothing): builtins do, passed as arguments.</param>
    /// <param name="text">Its str (false) or repr (true), when it has one.</param>
    public StaticModel(SjType t, ConstTruth truth, bool crosses = false, Func<bool, string>? text = null) : base(t)
    {
        _truth = truth; _crosses = crosses; _text = text;
    }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Empty;
    public override (int Size, int Align)? CLayout => _crosses ? (0, 1) : null;
    public override bool HasTruth => _truth != ConstTruth.None;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => HasTruth ? Constant(e, _truth) : base.Truth(e, v);
    public override bool CanFormat => _text != null;
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        if (_text == null) base.Format(e, sink, v, repr);
        else Library.Formatting.Text(e, sink, _text(repr));
    }

    /// <summary>A builtin passed from Python is its type: nothing to store, the same object back.</summary>
    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => _crosses || base.WritePython(py, o, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) =>
        _crosses ? py.ReadFunction(Type) : base.ReadPython(py, p, borrowed);
}

/// <summary>A struct of member values (tuples, closures' captures, iterators, ranges): holds the references its members
/// hold. Its truth is constant (an iterator, a function) or none, unless a subclass reads the members.</summary>
public class AggregateModel : TypeModel
{
    private readonly IReadOnlyList<SjType> _members;
    private readonly ConstTruth _truth;
    public AggregateModel(SjType t, IReadOnlyList<SjType> members, ConstTruth truth = ConstTruth.None) : base(t) { _members = members; _truth = truth; }

    public override bool HasTruth => _truth != ConstTruth.None;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => HasTruth ? Constant(e, _truth) : base.Truth(e, v);

    public override LLVMTypeRef Lower(ModuleEmitter m) => StructTypeInContext(m.Ctx, _members.Select(m.Lower).ToArray());
    /// <summary>No stack check (TryOf): hosts ask it, releasing results; a member without a model fails at its lowering.</summary>
    public override bool HasReferences => _members.Any(t => TryOf(t)?.HasReferences == true);

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => Each(e, v, (model, x) => model.IncRef(e, x));
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => Each(e, v, (model, x) => model.DecRef(e, x));

    private void Each(FunctionEmitter e, LLVMValueRef v, Action<TypeModel, LLVMValueRef> action)
    {
        for (int k = 0; k < _members.Count; k++)
        {
            var model = Of(_members[k]);
            if (model.HasReferences) action(model, e.ExtractValue(v, k));
        }
    }

    private Engine.ValueLayout? _layout;
    /// <summary>The members' host layout, made on first use (a model kept by a host layout serves every call).</summary>
    protected Engine.ValueLayout HostLayout => _layout ??= new Engine.ValueLayout(_members);
}

/// <summary>A tuple: true when it has items, which its type says; object?[] to the .NET host.</summary>
public sealed class TupleModel : AggregateModel
{
    private readonly TupleType _t;
    public TupleModel(TupleType t) : base(t, t.Items, t.Items.Length > 0 ? ConstTruth.True : ConstTruth.False) { _t = t; }
    public override (int Size, int Align)? CLayout => StructSizeAlign(_t.Items);

    public override unsafe void WriteHost(byte* p, object? v) => HostLayout.Write(p, (object?[])v!);
    public override unsafe object? ReadHost(byte* p) => HostLayout.Read(p);
    public override unsafe void Release(byte* p) => HostLayout.Release(p);

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteTuple(o, _t, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadTuple(p, _t, borrowed);

    public override bool CanFormat => _t.Named?.AttributesOnly != true && _t.Items.All(Formattable);

    /// <summary>(1, 'a'), (1,) and (); a named tuple as Point(x=1, y=2.0). Items are written as their repr.</summary>
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        var named = _t.Named;
        Library.Formatting.Text(e, sink, named == null ? "(" : named.Name + "(");
        for (int k = 0; k < _t.Items.Length; k++)
        {
            string before = (k > 0 ? ", " : "") + (named == null ? "" : named.Fields[k] + "=");
            if (before.Length > 0) Library.Formatting.Text(e, sink, before);
            Of(_t.Items[k]).Format(e, sink, e.ExtractValue(v, k), repr: true);
        }
        Library.Formatting.Text(e, sink, named == null && _t.Items.Length == 1 ? ",)" : ")");
    }
}

/// <summary>A function value: its captured variables; true. One without captures crosses the boundary as nothing.</summary>
public sealed class FunctionModel : AggregateModel
{
    private readonly Typing.FunctionType _t;
    public FunctionModel(Typing.FunctionType t) : base(t, t.Captures, ConstTruth.True) { _t = t; }
    public override (int Size, int Align)? CLayout => _t.Captures.Length > 0 ? null : (0, 1);
    /// <summary>A function passed from Python is its type: nothing to store, the same object back.</summary>
    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => true;
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadFunction(Type);
    public override bool CanFormat => true;
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr) =>
        Library.Formatting.Text(e, sink, $"<function {_t.Function.QualName}>");
}

/// <summary>A range (start, stop, step): true when it yields an item.</summary>
public sealed class RangeModel : AggregateModel
{
    public RangeModel() : base(SimpleType.Range, new SjType[] { ScalarType.Int64, ScalarType.Int64, ScalarType.Int64 }) { }
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        e.RangeNonEmpty(e.ExtractValue(v, 0), e.ExtractValue(v, 1), e.ExtractValue(v, 2));

    public override bool CanFormat => true;

    /// <summary>range(0, 5) or range(0, 5, 2): the step only when it is not 1.</summary>
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        Library.Formatting.Text(e, sink, "range(");
        e.CallRuntime("sj_write_i64", sink, e.ExtractValue(v, 0));
        Library.Formatting.Text(e, sink, ", ");
        e.CallRuntime("sj_write_i64", sink, e.ExtractValue(v, 1));
        e.CallRuntime("sj_write_range_step", sink, e.ExtractValue(v, 2));
        Library.Formatting.Text(e, sink, ")");
    }
}

/// <summary>A value or None, as {present, value} (zeroed when None): None is false, a value as true as it is.</summary>
public sealed class OptionalModel : AggregateModel
{
    private readonly OptionalType _t;
    public OptionalModel(OptionalType t) : base(t, new SjType[] { ScalarType.Bool, t.Inner }) { _t = t; }
    public override (int Size, int Align)? CLayout => StructSizeAlign(new SjType[] { ScalarType.Bool, _t.Inner });
    public override bool HasTruth => TryOf(_t.Inner)?.HasTruth == true;
    /// <summary>The value's truth is read only when it is there: a None list is a null pointer.</summary>
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v)
    {
        var inner = Of(_t.Inner);
        var present = e.ExtractValue(v, 0);
        return inner is ScalarModel
            ? BuildSelect(e.B, present, inner.Truth(e, e.ExtractValue(v, 1)), e.M.ConstBool(false), "")
            : e.IfElse(present, e.M.I1, () => inner.Truth(e, e.ExtractValue(v, 1)), () => e.M.ConstBool(false));
    }

    public override bool CanFormat => Formattable(_t.Inner);

    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        var present = e.ExtractValue(v, 0);
        e.When(present, () => Of(_t.Inner).Format(e, sink, e.ExtractValue(v, 1), repr));
        e.When(BuildNot(e.B, present, ""), () => Library.Formatting.Text(e, sink, "None"));
    }

    /// <summary>null for None, else the value's (the present flag, then the value where <see cref="HostLayout"/> puts it).</summary>
    public override unsafe void WriteHost(byte* p, object? v)
    {
        *p = (byte)(v == null ? 0 : 1);
        if (v != null) Value.WriteHost(p + HostLayout.Offset(1), v);
    }

    public override unsafe object? ReadHost(byte* p) => *p == 0 ? null : Value.ReadHost(p + HostLayout.Offset(1));

    public override unsafe void Release(byte* p)
    {
        if (*p != 0) Value.Release(p + HostLayout.Offset(1));
    }

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p)
    {
        bool none = py.IsNone(o);
        *p = (byte)(none ? 0 : 1);
        return none || Value.WritePython(py, o, p + HostLayout.Offset(1));
    }

    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) =>
        *p == 0 ? py.None() : Value.ReadPython(py, p + HostLayout.Offset(1), borrowed);

    private TypeModel? _value;
    private TypeModel Value => _value ??= TryOf(_t.Inner)!;   // crossing values have models (the layout checked)
}

/// <summary>A method bound to its receiver, whose value it is: stored and counted as the receiver, always true.</summary>
public sealed class MethodModel : TypeModel
{
    private readonly TypeModel _receiver;
    public MethodModel(SjType t, TypeModel receiver) : base(t) { _receiver = receiver; }
    public override LLVMTypeRef Lower(ModuleEmitter m) => _receiver.Lower(m);
    public override bool HasReferences => _receiver.HasReferences;
    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => _receiver.IncRef(e, v);
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => _receiver.DecRef(e, v);
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) => e.M.ConstBool(true);
}

/// <summary>A pointer behind an 8-byte reference count: a str, or an exception (its message, or the runtime's caught
/// exception). Run-time values start at 1 and are freed when it drops to 0; constants (and the null pointer) have a
/// negative count and are never freed. Counts are not atomic: a value belongs to the thread that made it.</summary>
public abstract class CountedTextModel : TypeModel
{
    private readonly string _free;
    protected CountedTextModel(SjType t, string free) : base(t) { _free = free; }
    public override LLVMTypeRef Lower(ModuleEmitter m) => m.Ptr;
    public override bool HasReferences => true;

    public override void IncRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, v, +1);
    public override void DecRef(FunctionEmitter e, LLVMValueRef v) => Adjust(e, v, -1);

    private void Adjust(FunctionEmitter e, LLVMValueRef p, int delta)
    {
        if (IsAGlobalValue(p).Handle != 0 || IsAConstantExpr(p).Handle != 0) return;   // constants
        CountedPointer.Adjust(e, p, -8, delta, () => e.CallRuntime(_free, p));
    }
}

/// <summary>
/// A str: a pointer to NUL-terminated UTF-8 preceded by its count (<see cref="CountedTextModel"/>); a string to the
/// .NET host.
/// </summary>
public sealed class StrModel : CountedTextModel
{
    public static readonly StrModel Instance = new();
    private StrModel() : base(SimpleType.Str, "sj_str_free") { }

    public override (int Size, int Align)? CLayout => (PointerSize, PointerSize);

    /// <summary>A str is true when not empty (its first byte is not the terminator).</summary>
    public override bool HasTruth => true;
    public override LLVMValueRef Truth(FunctionEmitter e, LLVMValueRef v) =>
        BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, BuildLoad2(e.B, e.M.I8, v, ""), ConstInt(e.M.I8, 0), "");

    public override bool CanFormat => true;
    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr) =>
        e.CallRuntime(repr ? "sj_write_repr_str" : "sj_write_str", sink, v);
    public override void FormatWithSpec(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, LLVMValueRef spec, Diagnostics.Span span) =>
        e.CallChecked("sj_format_str", span, sink, v, spec);

    public override unsafe object? ReadHost(byte* p) => System.Runtime.InteropServices.Marshal.PtrToStringUTF8(*(nint*)p);
    public override unsafe void Release(byte* p) => Runtime.RuntimeStrings.Release(*(byte**)p);

    public override unsafe bool WritePython(IPythonBoxing py, nint o, byte* p) => py.WriteStr(o, p);
    public override unsafe nint ReadPython(IPythonBoxing py, byte* p, bool borrowed) => py.ReadStr(p, borrowed);
}

/// <summary>An exception value: one made in compiled code (held as its message, null when it has none) and its args,
/// or a caught exception and its class (the runtime's object, freed by the runtime). They stay in compiled code.</summary>
public sealed class ExceptionModel : CountedTextModel
{
    public ExceptionModel(SjType t) : base(t, t is CaughtExceptionType or CaughtClassType ? "sj_exc_free" : "sj_str_free") { }

    public override bool CanFormat => true;

    public override void Format(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, bool repr)
    {
        switch (Type)
        {
            case ExceptionInstanceType ei when repr:
                // ValueError('message'), or ValueError() without one.
                Library.Formatting.Text(e, sink, Runtime.ExceptionClasses.ShortName(ei.ExceptionName) + "(");
                e.CallRuntime("sj_write_exc_arg", sink, v, ConstInt(e.M.I32, 0), ConstInt(e.M.I32, 1));
                Library.Formatting.Text(e, sink, ")");
                return;
            case ExceptionInstanceType ei:
                e.CallRuntime("sj_write_exc_arg", sink, v, ConstInt(e.M.I32, ei.ExceptionName == "KeyError" ? 1 : 0), ConstInt(e.M.I32, 0));
                return;
            case CaughtExceptionType: e.CallRuntime("sj_write_exc", sink, v, e.M.ConstI64(repr ? 1 : 0)); return;
            case ExceptionArgsType: e.CallRuntime("sj_write_exc_args", sink, v); return;
            default: e.CallRuntime("sj_write_exc_class", sink, v); return;   // CaughtClassType
        }
    }
}

/// <summary>Adjusting the count of a value that is a pointer to a counted block (a str, a list).</summary>
public static class CountedPointer
{
    /// <summary>Adds delta to the count at p + countOffset when p is not null and the count is positive (a negative
    /// count is a constant's, never freed); a count dropping to 0 runs free.</summary>
    public static void Adjust(FunctionEmitter e, LLVMValueRef p, int countOffset, int delta, Action free)
    {
        var B = e.B; var M = e.M;
        if (IsAConstantPointerNull(p).Handle != 0 || IsUndef(p) != 0 || IsPoison(p) != 0) return;
        var check = e.NewBlock("rc_check"); var counted = e.NewBlock("rc"); var done = e.NewBlock("rc_done");
        // The count is read only when the pointer is not null: branch first.
        BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, p, ConstPointerNull(M.Ptr), ""), check, done);
        PositionBuilderAtEnd(B, check);
        var head = countOffset == 0 ? p : BuildGEP2(B, M.I8, p, new[] { M.ConstI64(countOffset) }, "");
        var count = BuildLoad2(B, M.I64, head, "");
        BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, count, M.ConstI64(0), ""), counted, done);
        PositionBuilderAtEnd(B, counted);
        var updated = BuildAdd(B, count, M.ConstI64(delta), "");
        BuildStore(B, updated, head);
        if (delta < 0)
        {
            var freeBlock = e.NewBlock("rc_free");
            BuildCondBr(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, updated, M.ConstI64(0), ""), freeBlock, done);
            PositionBuilderAtEnd(B, freeBlock);
            free();
        }
        BuildBr(B, done);
        PositionBuilderAtEnd(B, done);
    }
}
