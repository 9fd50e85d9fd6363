using SharpJit.Typing;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Codegen;

/// <summary>
/// CPython's side of boxing, which each type model calls for its kind of value (<see cref="TypeModel.WritePython"/>,
/// <see cref="TypeModel.ReadPython"/>). SharpJit.Python implements it over CPython's C API; the core never calls
/// CPython. Objects are PyObject pointers, p the value in its C layout. A write returns false and a read 0 with a
/// Python exception set when the conversion fails; a read returns a new reference and drops the value's references
/// unless <c>borrowed</c> (an item its container keeps).
/// </summary>
public unsafe interface IPythonBoxing
{
    bool WriteScalar(nint o, ScalarType t, byte* p);
    nint ReadScalar(byte* p, ScalarType t);
    bool WriteStr(nint o, byte* p);
    nint ReadStr(byte* p, bool borrowed);
    bool WriteTuple(nint o, TupleType t, byte* p);
    nint ReadTuple(byte* p, TupleType t, bool borrowed);
    bool WriteArray(nint o, ArrayType t, byte* p);
    nint ReadArray(byte* p, ArrayType t, bool borrowed);
    bool WriteList(nint o, ListType t, byte* p);
    nint ReadList(byte* p, ListType t, bool borrowed);
    bool WriteDict(nint o, DictType t, byte* p);
    nint ReadDict(byte* p, DictType t, bool borrowed);
    bool WriteSet(nint o, SetType t, byte* p);
    nint ReadSet(byte* p, SetType t, bool borrowed);
    bool WriteInstance(nint o, InstanceType t, byte* p);
    nint ReadInstance(byte* p, InstanceType t, bool borrowed);
    bool WriteFunctionPointer(nint o, byte* p);
    nint ReadFunctionPointer(byte* p);
    /// <summary>A generator result: the Python iterator takes over its frame.</summary>
    nint ReadGenerator(byte* p, GeneratorType t);
    /// <summary>A function or builtin passed in, whose type is its value: the object (a new reference).</summary>
    nint ReadFunction(SjType t);
    bool IsNone(nint o);
    /// <summary>None, a new reference.</summary>
    nint None();
}
