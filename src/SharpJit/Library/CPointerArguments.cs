using SharpJit.Codegen;
using SharpJit.Llvm;
using SharpJit.Typing;

namespace SharpJit.Library;

/// <summary>A C function's pointer parameter (<c>CPointer(float64)</c>, declared for a bitcode function) takes a
/// contiguous, writable NumPy array of that element type (its data pointer is passed: the C may read and write it) or
/// a pointer compiled code already holds (a cfunc's argument).</summary>
internal static class CPointerArguments
{
    /// <summary>Why <paramref name="given"/> cannot be passed, or null.</summary>
    public static string? Problem(PointerType parameter, SjType given) => given switch
    {
        PointerType p when p.Target == parameter.Target => null,
        ArrayType a when a.Dtype != parameter.Target => $"a {parameter.Target.Name} array, not an array of {a.Dtype.Name}",
        ArrayType { Layout: ArrayLayout.A } => "a contiguous array (this one may be a strided view: np.ascontiguousarray copies it into one)",
        ArrayType { Readonly: true } => "a writable array (the C may write through the pointer)",
        ArrayType => null,
        _ => $"a contiguous {parameter.Target.Name} array, not {TypeOps.PyName(given)}",
    };

    public static LLVMValueRef Lower(FunctionEmitter e, LLVMValueRef value, SjType given) =>
        given is ArrayType ? ArrayCode.Data(e, value) : value;
}
