using System;
using System.Runtime.InteropServices;

namespace SharpJit.Llvm;

/// <summary>
/// Raw LLVM-C 19 API. The generated part (<c>Native/*.g.cs</c>) declares every function exported by
/// <c>libLLVM.so.19.1</c> from the headers listed in <c>Native/Generator/all.c</c>, named like the C function
/// without its <c>LLVM</c> prefix (<c>LLVMBuildAdd</c> → <see cref="BuildAdd"/>,
/// <c>LLVMOrcCreateLLJIT</c> → <see cref="OrcCreateLLJIT"/>).
/// </summary>
/// <remarks>
/// Mapping rules: <c>LLVMBool</c> → <c>int</c> (for the verifier, parsers, <c>GetTargetFromTriple</c> and
/// <c>EmitTo*</c>, 1 means failure); <c>unsigned</c> → <c>uint</c>; <c>size_t</c> → <c>nuint</c>;
/// <c>const char*</c> input → <c>string?</c> (UTF-8, NUL-terminated), or <c>sbyte*</c> plus length where the C
/// function takes a length (a <c>string</c> overload is generated for those); returned <c>char*</c> →
/// <c>sbyte*</c> (use <see cref="ToManaged"/> or <see cref="TakeMessage"/>); <c>T*</c> arrays and out-parameters →
/// pointers; C callbacks → <c>nint</c> (pass an <c>[UnmanagedCallersOnly]</c> function pointer).
/// This file adds span/string conveniences for the calls codegen uses most.
/// </remarks>
public static unsafe partial class LLVM
{
    static LLVM()
    {
        // Runs before the first P/Invoke of this class: registers the "LLVM-19" resolver. Loading itself happens
        // on the first call (a missing library then surfaces as DllNotFoundException from that call, without
        // poisoning this type); call LlvmLibrary.EnsureLoaded() to load eagerly with a clear error.
        LlvmLibrary.InstallResolver();
    }

    /// <summary>Converts a C string owned by LLVM (not freed) to a .NET string; null for a null pointer.</summary>
    public static string? ToManaged(sbyte* s) => s == null ? null : Marshal.PtrToStringUTF8((nint)s);

    /// <summary>Converts a C string of known length (not NUL-terminated) to a .NET string.</summary>
    public static string ToManaged(sbyte* s, nuint length)
        => s == null ? string.Empty : System.Text.Encoding.UTF8.GetString((byte*)s, checked((int)length));

    /// <summary>Converts a string LLVM allocated for the caller and frees it with <c>LLVMDisposeMessage</c>.</summary>
    public static string? TakeMessage(sbyte* s)
    {
        if (s == null) return null;
        try { return Marshal.PtrToStringUTF8((nint)s); }
        finally { DisposeMessage(s); }
    }

    // ---------------------------------------------------------------- types

    public static LLVMTypeRef FunctionType(LLVMTypeRef returnType, ReadOnlySpan<LLVMTypeRef> paramTypes, bool isVarArg = false)
    {
        fixed (LLVMTypeRef* p = paramTypes)
            return FunctionType(returnType, p, (uint)paramTypes.Length, isVarArg ? 1 : 0);
    }

    public static LLVMTypeRef StructTypeInContext(LLVMContextRef c, ReadOnlySpan<LLVMTypeRef> elementTypes, bool packed = false)
    {
        fixed (LLVMTypeRef* p = elementTypes)
            return StructTypeInContext(c, p, (uint)elementTypes.Length, packed ? 1 : 0);
    }

    public static void StructSetBody(LLVMTypeRef structType, ReadOnlySpan<LLVMTypeRef> elementTypes, bool packed = false)
    {
        fixed (LLVMTypeRef* p = elementTypes)
            StructSetBody(structType, p, (uint)elementTypes.Length, packed ? 1 : 0);
    }

    /// <summary>Parameter types of a function type.</summary>
    public static LLVMTypeRef[] GetParamTypes(LLVMTypeRef functionType)
    {
        var result = new LLVMTypeRef[CountParamTypes(functionType)];
        fixed (LLVMTypeRef* p = result)
            GetParamTypes(functionType, p);
        return result;
    }

    // ---------------------------------------------------------------- constants

    /// <summary><c>LLVMConstInt</c> with sign extension of a signed 64-bit value.</summary>
    public static LLVMValueRef ConstInt(LLVMTypeRef intType, long value)
        => ConstInt(intType, unchecked((ulong)value), 1);

    public static LLVMValueRef ConstStructInContext(LLVMContextRef c, ReadOnlySpan<LLVMValueRef> values, bool packed = false)
    {
        fixed (LLVMValueRef* p = values)
            return ConstStructInContext(c, p, (uint)values.Length, packed ? 1 : 0);
    }

    public static LLVMValueRef ConstNamedStruct(LLVMTypeRef structType, ReadOnlySpan<LLVMValueRef> values)
    {
        fixed (LLVMValueRef* p = values)
            return ConstNamedStruct(structType, p, (uint)values.Length);
    }

    public static LLVMValueRef ConstArray2(LLVMTypeRef elementType, ReadOnlySpan<LLVMValueRef> values)
    {
        fixed (LLVMValueRef* p = values)
            return ConstArray2(elementType, p, (ulong)values.Length);
    }

    public static LLVMValueRef ConstVector(ReadOnlySpan<LLVMValueRef> values)
    {
        fixed (LLVMValueRef* p = values)
            return ConstVector(p, (uint)values.Length);
    }

    /// <summary>A constant byte string (<c>[n x i8]</c>); NUL-terminated unless <paramref name="nullTerminate"/> is false.</summary>
    public static LLVMValueRef ConstStringInContext(LLVMContextRef c, ReadOnlySpan<byte> bytes, bool nullTerminate = true)
    {
        fixed (byte* p = bytes)
            return ConstStringInContext2(c, (sbyte*)p, (nuint)bytes.Length, nullTerminate ? 0 : 1);
    }

    // ---------------------------------------------------------------- values / functions

    /// <summary>The value's name (<c>LLVMGetValueName2</c>); empty if unnamed.</summary>
    public static string GetValueNameString(LLVMValueRef value)
    {
        nuint len;
        sbyte* s = GetValueName2(value, &len);
        return ToManaged(s, len);
    }

    /// <summary>The name of the function a call calls; null for an indirect call. <paramref name="declarationOnly"/>:
    /// null also when the function has a body (the compiler's own functions, not a library's).</summary>
    public static string? CalledFunctionName(LLVMValueRef call, bool declarationOnly = false)
    {
        var callee = GetCalledValue(call);
        if (IsAFunction(callee).Handle == 0 || (declarationOnly && IsDeclaration(callee) == 0)) return null;
        return GetValueNameString(callee);
    }

    public static LLVMValueRef[] GetParams(LLVMValueRef function)
    {
        var result = new LLVMValueRef[CountParams(function)];
        fixed (LLVMValueRef* p = result)
            GetParams(function, p);
        return result;
    }

    /// <summary><c>LLVMPrintValueToString</c>, freed.</summary>
    public static string PrintValueToManagedString(LLVMValueRef value) => TakeMessage(PrintValueToString(value)) ?? "";

    /// <summary><c>LLVMPrintTypeToString</c>, freed.</summary>
    public static string PrintTypeToManagedString(LLVMTypeRef type) => TakeMessage(PrintTypeToString(type)) ?? "";

    /// <summary>Adds an enum attribute by name (e.g. "noinline", "nounwind", "noalias") at an index
    /// (<see cref="AttributeFunctionIndex"/>, <see cref="AttributeReturnIndex"/>, or 1 + parameter number).</summary>
    public static void AddEnumAttribute(LLVMContextRef c, LLVMValueRef function, uint index, string kindName, ulong value = 0)
    {
        uint kind = GetEnumAttributeKindForName(kindName);
        if (kind == 0) throw new ArgumentException($"Unknown LLVM attribute '{kindName}'.", nameof(kindName));
        AddAttributeAtIndex(function, index, CreateEnumAttribute(c, kind, value));
    }

    /// <summary>Adds a string attribute (e.g. "target-cpu") at an index.</summary>
    public static void AddStringAttribute(LLVMContextRef c, LLVMValueRef function, uint index, string key, string value)
        => AddAttributeAtIndex(function, index, CreateStringAttribute(c, key, value));

    // ---------------------------------------------------------------- intrinsics

    /// <summary>Declares (or finds) an intrinsic such as "llvm.sqrt" specialised for the given overload types.</summary>
    public static LLVMValueRef GetIntrinsicDeclaration(LLVMModuleRef module, string name, ReadOnlySpan<LLVMTypeRef> overloadTypes)
    {
        uint id = LookupIntrinsicID(name);
        if (id == 0) throw new ArgumentException($"Unknown LLVM intrinsic '{name}'.", nameof(name));
        fixed (LLVMTypeRef* p = overloadTypes)
            return GetIntrinsicDeclaration(module, id, p, (nuint)overloadTypes.Length);
    }

    /// <summary>The function type of an intrinsic specialised for the given overload types.</summary>
    public static LLVMTypeRef IntrinsicGetType(LLVMContextRef c, string name, ReadOnlySpan<LLVMTypeRef> overloadTypes)
    {
        uint id = LookupIntrinsicID(name);
        if (id == 0) throw new ArgumentException($"Unknown LLVM intrinsic '{name}'.", nameof(name));
        fixed (LLVMTypeRef* p = overloadTypes)
            return IntrinsicGetType(c, id, p, (nuint)overloadTypes.Length);
    }

    // ---------------------------------------------------------------- instructions

    public static LLVMValueRef BuildCall2(LLVMBuilderRef b, LLVMTypeRef functionType, LLVMValueRef function, ReadOnlySpan<LLVMValueRef> args, string? name = "")
    {
        fixed (LLVMValueRef* p = args)
            return BuildCall2(b, functionType, function, p, (uint)args.Length, name ?? "");
    }

    public static LLVMValueRef BuildGEP2(LLVMBuilderRef b, LLVMTypeRef elementType, LLVMValueRef pointer, ReadOnlySpan<LLVMValueRef> indices, string? name = "")
    {
        fixed (LLVMValueRef* p = indices)
            return BuildGEP2(b, elementType, pointer, p, (uint)indices.Length, name ?? "");
    }

    public static LLVMValueRef BuildInBoundsGEP2(LLVMBuilderRef b, LLVMTypeRef elementType, LLVMValueRef pointer, ReadOnlySpan<LLVMValueRef> indices, string? name = "")
    {
        fixed (LLVMValueRef* p = indices)
            return BuildInBoundsGEP2(b, elementType, pointer, p, (uint)indices.Length, name ?? "");
    }

    public static LLVMValueRef ConstInBoundsGEP2(LLVMTypeRef elementType, LLVMValueRef pointer, ReadOnlySpan<LLVMValueRef> indices)
    {
        fixed (LLVMValueRef* p = indices)
            return ConstInBoundsGEP2(elementType, pointer, p, (uint)indices.Length);
    }

    public static void AddIncoming(LLVMValueRef phi, ReadOnlySpan<LLVMValueRef> values, ReadOnlySpan<LLVMBasicBlockRef> blocks)
    {
        if (values.Length != blocks.Length) throw new ArgumentException("values and blocks differ in length");
        fixed (LLVMValueRef* pv = values)
        fixed (LLVMBasicBlockRef* pb = blocks)
            AddIncoming(phi, pv, pb, (uint)values.Length);
    }

    public static void AddIncoming(LLVMValueRef phi, LLVMValueRef value, LLVMBasicBlockRef block)
        => AddIncoming(phi, &value, &block, 1);

    // ---------------------------------------------------------------- metadata (for !llvm.loop etc.)

    public static LLVMMetadataRef MDNodeInContext2(LLVMContextRef c, ReadOnlySpan<LLVMMetadataRef> mds)
    {
        fixed (LLVMMetadataRef* p = mds)
            return MDNodeInContext2(c, p, (nuint)mds.Length);
    }

    /// <summary>The metadata kind id for a name such as "llvm.loop".</summary>
    public static uint GetMDKindID(LLVMContextRef c, string name) => GetMDKindIDInContext(c, name);
}
