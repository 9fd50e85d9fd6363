using System.Numerics;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Runtime;
using SharpJit.Typing;
using Xunit;
using Assert = Xunit.Assert;

namespace SharpJit.Tests.Codegen;

/// <summary>Each type's model says whether its values have a truth value and text (typing asks it, lowering calls it),
/// and how the .NET host stores, reads and releases them; a type without a model, or a capability asked of a model
/// without it, is an error naming the type at once, never a silent default.</summary>
public unsafe class TypeModelTests
{
    public static TheoryData<string, SjType, bool> Truths => new()
    {
        { "int", ScalarType.Int64, true },
        { "complex", ScalarType.Complex128, true },
        { "str", SimpleType.Str, true },
        { "None", SimpleType.None, true },
        { "range", SimpleType.Range, true },
        { "tuple", new TupleType(new SjType[] { ScalarType.Int64 }), true },
        { "list", new ListType(ScalarType.Float64), true },
        { "Optional[list]", new OptionalType(new ListType(ScalarType.Int64)), true },
        { "Optional[dtype]", new OptionalType(new DTypeType(ScalarType.Float64)), false },
        { "dtype", new DTypeType(ScalarType.Float64), false },
        // An array's truth runs code that may raise (one element, or ValueError): a registry entry, not the model.
        { "array", new ArrayType(ScalarType.Float64, 1), false },
    };

    [Theory, MemberData(nameof(Truths))]
    public void ModelsSayWhichValuesHaveTruth(string name, SjType type, bool hasTruth)
    {
        Assert.True(TypeModel.Of(type).HasTruth == hasTruth, name);
        Assert.Equal(hasTruth, SharpJit.Library.Arith.HasTruth(type));
    }

    [Fact]
    public void ATypeWithoutAModelThrowsAtFirstUse()
    {
        Assert.Null(TypeModel.TryOf(SimpleType.Unknown));
        var e = Assert.Throws<InvalidOperationException>(() => TypeModel.Of(SimpleType.Unknown));
        Assert.Contains("no data model", e.Message);
        Assert.False(SharpJit.Library.Arith.HasTruth(SimpleType.Unknown));
    }

    [Fact]
    public void TruthOfAModelWithoutOneThrows()
    {
        var model = TypeModel.Of(new DTypeType(ScalarType.Float64));
        var e = Assert.Throws<InvalidOperationException>(() => model.Truth(null!, default));
        Assert.Contains("no truth value", e.Message);
    }

    public static TheoryData<string, SjType, bool> Texts => new()
    {
        { "float32", ScalarType.Float32, true },
        { "str", SimpleType.Str, true },
        { "None", SimpleType.None, true },
        { "dtype", new DTypeType(ScalarType.Float64), true },
        { "list[tuple[int, str]]", new ListType(new TupleType(new SjType[] { ScalarType.Int64, SimpleType.Str })), true },
        { "dict[str, list[float]]", new DictType(SimpleType.Str, new ListType(ScalarType.Float64)), true },
        { "Optional[array]", new OptionalType(new ArrayType(ScalarType.Float64, 2)), true },
        { "module", new ModuleType("math"), true },
        { "Ellipsis", SimpleType.Ellipsis, false },
        { "list iterator", new ListIterType(new ListType(ScalarType.Int64)), false },
        { "C pointer", new FunctionPointerType(new CSignature(ScalarType.Float64, new SjType[] { ScalarType.Float64 })), false },
        { "Unknown (no model)", SimpleType.Unknown, false },
    };

    [Theory, MemberData(nameof(Texts))]
    public void ModelsSayWhichValuesHaveText(string name, SjType type, bool hasText) =>
        Assert.True(TypeModel.Formattable(type) == hasText, name);

    [Fact]
    public void TextOfAModelWithoutOneThrowsNamingTheType()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TypeModel.Of(SimpleType.Ellipsis).Format(null!, default, default, repr: false));
        Assert.Contains("internal", e.Message);
        Assert.Contains(SimpleType.Ellipsis.ToString(), e.Message);
    }

    public static TheoryData<string, SjType, object?> HostValues => new()
    {
        { "bool", ScalarType.Bool, true },
        { "int64", ScalarType.Int64, -5L },
        { "int8", ScalarType.Int8, (sbyte)-7 },
        { "int16", ScalarType.Int16, (short)-300 },
        { "int32", ScalarType.Int32, -70000 },
        { "uint8", ScalarType.UInt8, (byte)200 },
        { "uint16", ScalarType.UInt16, (ushort)60000 },
        { "uint32", ScalarType.UInt32, 4000000000u },
        { "uint64", ScalarType.UInt64, ulong.MaxValue },
        { "float64", ScalarType.Float64, 2.5 },
        { "float32", ScalarType.Float32, 1.25f },
        { "complex128", ScalarType.Complex128, new Complex(1, -2) },
        { "complex64", ScalarType.Complex64, new Complex(0.5, 4) },
        { "None", SimpleType.None, null },
        { "Optional[int] None", new OptionalType(ScalarType.Int64), null },
        { "Optional[float]", new OptionalType(ScalarType.Float64), 3.5 },
    };

    [Theory, MemberData(nameof(HostValues))]
    public void HostValuesRoundTripThroughTheirModel(string name, SjType type, object? value)
    {
        var layout = new ValueLayout(new[] { type });
        var buffer = stackalloc byte[Math.Max(layout.Size, 8)];
        layout.Write(buffer, new[] { value });
        Assert.True(Equals(value, layout.Read(buffer)[0]), name);
        layout.Release(buffer);
    }

    [Fact]
    public void PointersTuplesAndArraysRoundTripThroughTheirModel()
    {
        var pointer = TypeModel.Of(new FunctionPointerType(new CSignature(ScalarType.Float64, new SjType[] { ScalarType.Float64 })));
        nint address = 0;
        pointer.WriteHost((byte*)&address, (nint)0x1234);
        Assert.Equal((nint)0x1234, pointer.ReadHost((byte*)&address));

        var tuple = new TupleType(new SjType[] { ScalarType.Int32, new TupleType(new SjType[] { ScalarType.Float64, ScalarType.Bool }) });
        var model = TypeModel.Of(tuple);
        var buffer = stackalloc byte[24];
        model.WriteHost(buffer, new object?[] { 7, new object?[] { 1.5, true } });
        var read = (object?[])model.ReadHost(buffer)!;
        Assert.Equal(7, read[0]);
        Assert.Equal(new object?[] { 1.5, true }, (object?[])read[1]!);

        using var array = NDArray.From(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, 2, 3);
        var arrayModel = TypeModel.Of(array.Type);
        var value = stackalloc byte[16 + 16 * 2];
        arrayModel.WriteHost(value, array);
        using var back = (NDArray)arrayModel.ReadHost(value)!;   // a borrowed array comes back as a copy
        arrayModel.Release(value);
        Assert.Equal(new long[] { 2, 3 }, back.Shape);
        Assert.Equal(array.ToArray<double>(), back.ToArray<double>());
    }

    [Fact]
    public void AStrIsReadAndReleasedByItsModel()
    {
        byte* s = RuntimeStrings.Allocate("héllo");
        RuntimeStrings.Retain(s);
        var model = TypeModel.Of(SimpleType.Str);
        Assert.Equal("héllo", model.ReadHost((byte*)&s));
        model.Release((byte*)&s);
        Assert.Equal(1, *(long*)(s + RuntimeStrings.CountOffset));
        RuntimeStrings.Release(s);
    }

    [Fact]
    public void AListReleasedByItsModelDropsItsItems()
    {
        var type = new ListType(new TupleType(new SjType[] { ScalarType.Int64, SimpleType.Str }));
        byte* list = RuntimeLists.Allocate(2, 16);
        byte* s = RuntimeStrings.Allocate("kept");
        byte* items = *(byte**)(list + RuntimeLists.ItemsOffset);
        for (int k = 0; k < 2; k++) { *(long*)(items + 16 * k) = k; *(byte**)(items + 16 * k + 8) = s; RuntimeStrings.Retain(s); }
        TypeModel.Of(type).Release((byte*)&list);   // the list's only reference: its items' are dropped
        Assert.Equal(1, *(long*)(s + RuntimeStrings.CountOffset));
        RuntimeStrings.Release(s);
    }

    [Fact]
    public void AModelThatCannotCrossToDotNetThrowsNamingTheType()
    {
        var list = new ListType(ScalarType.Int64);
        var buffer = stackalloc byte[8];
        var write = Assert.Throws<NotSupportedException>(() => TypeModel.Of(list).WriteHost(buffer, new long[] { 1 }));
        Assert.Contains(list.ToString(), write.Message);
        var read = Assert.Throws<NotSupportedException>(() => TypeModel.Of(SimpleType.Str).WriteHost(buffer, "text"));
        Assert.Contains(SimpleType.Str.ToString(), read.Message);
        Assert.Throws<NotSupportedException>(() => TypeModel.Of(new DictType(ScalarType.Int64, ScalarType.Int64)).ReadHost(buffer));
    }

    [Fact]
    public void AModelHoldingReferencesWithoutAHostReleaseIsAnInternalError()
    {
        var iterator = new ListIterType(new ListType(SimpleType.Str));
        var buffer = stackalloc byte[16];
        var e = Assert.Throws<InvalidOperationException>(() => TypeModel.Of(iterator).Release(buffer));
        Assert.Contains("internal", e.Message);
        Assert.Contains(iterator.ToString(), e.Message);
    }

    [Fact]
    public void AModelWithoutPythonBoxingThrowsNamingTheType()
    {
        var pointer = new SharpJit.Typing.PointerType(ScalarType.Float64);   // a cfunc's C pointer: never a Python value
        var e = Assert.Throws<InvalidOperationException>(() => TypeModel.Of(pointer).WritePython(new RecordingBoxing(), 0, null));
        Assert.Contains("internal", e.Message);
        Assert.Contains(pointer.ToString(), e.Message);
        Assert.Throws<InvalidOperationException>(() => TypeModel.Of(new ListIterType(new ListType(ScalarType.Int64))).ReadPython(new RecordingBoxing(), null, false));
    }

    [Fact]
    public void AnOptionalBoxesThroughItsValuesModel()
    {
        var model = TypeModel.Of(new OptionalType(ScalarType.Float64));
        var py = new RecordingBoxing();
        var buffer = stackalloc byte[16];
        Assert.True(model.WritePython(py, RecordingBoxing.NoneObject, buffer));
        Assert.Equal(0, buffer[0]);
        Assert.True(model.WritePython(py, 42, buffer));
        Assert.Equal(1, buffer[0]);
        Assert.Equal(42.0, *(double*)(buffer + 8));
        Assert.Equal((nint)42, model.ReadPython(py, buffer, borrowed: false));
        Assert.Equal(new[] { "IsNone", "IsNone", "WriteScalar float64", "ReadScalar float64" }, py.Calls);
    }

    [Fact]
    public void CachedModelsAreMadeOncePerTypeObject()
    {
        var t = new TupleType(new SjType[] { ScalarType.Int64, SimpleType.Str });
        Assert.Same(TypeModel.Cached(t), TypeModel.Cached(t));
        Assert.Same(TypeModel.Cached(ScalarType.Int8), TypeModel.Of(ScalarType.Int8));
        Assert.Null(TypeModel.Cached(SimpleType.Unknown));
    }

    /// <summary>A CPython side that records what the models ask: objects are numbers, stored as float64.</summary>
    private sealed class RecordingBoxing : IPythonBoxing
    {
        public const nint NoneObject = -1;
        public readonly List<string> Calls = new();
        public bool WriteScalar(nint o, ScalarType t, byte* p) { Calls.Add("WriteScalar " + t); *(double*)p = o; return true; }
        public nint ReadScalar(byte* p, ScalarType t) { Calls.Add("ReadScalar " + t); return (nint)(*(double*)p); }
        public bool IsNone(nint o) { Calls.Add("IsNone"); return o == NoneObject; }
        public nint None() { Calls.Add("None"); return NoneObject; }
        public bool WriteStr(nint o, byte* p) => throw new NotImplementedException();
        public nint ReadStr(byte* p, bool borrowed) => throw new NotImplementedException();
        public bool WriteTuple(nint o, TupleType t, byte* p) => throw new NotImplementedException();
        public nint ReadTuple(byte* p, TupleType t, bool borrowed) => throw new NotImplementedException();
        public bool WriteArray(nint o, ArrayType t, byte* p) => throw new NotImplementedException();
        public nint ReadArray(byte* p, ArrayType t, bool borrowed) => throw new NotImplementedException();
        public bool WriteList(nint o, ListType t, byte* p) => throw new NotImplementedException();
        public nint ReadList(byte* p, ListType t, bool borrowed) => throw new NotImplementedException();
        public bool WriteDict(nint o, DictType t, byte* p) => throw new NotImplementedException();
        public nint ReadDict(byte* p, DictType t, bool borrowed) => throw new NotImplementedException();
        public bool WriteSet(nint o, SetType t, byte* p) => throw new NotImplementedException();
        public nint ReadSet(byte* p, SetType t, bool borrowed) => throw new NotImplementedException();
        public bool WriteInstance(nint o, InstanceType t, byte* p) => throw new NotImplementedException();
        public nint ReadInstance(byte* p, InstanceType t, bool borrowed) => throw new NotImplementedException();
        public bool WriteFunctionPointer(nint o, byte* p) => throw new NotImplementedException();
        public nint ReadFunctionPointer(byte* p) => throw new NotImplementedException();
        public nint ReadGenerator(byte* p, GeneratorType t) => throw new NotImplementedException();
        public nint ReadFunction(SjType t) => throw new NotImplementedException();
    }
}
