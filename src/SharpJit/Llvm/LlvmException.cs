using System;

namespace SharpJit.Llvm;

/// <summary>An error reported by LLVM (verifier, parser, target lookup, ORC, pass pipeline, code emission).</summary>
public class LlvmException : Exception
{
    public LlvmException(string message) : base(message) { }
    public LlvmException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The LLVM verifier rejected a module. <see cref="ModuleIR"/> holds the module's textual IR.</summary>
public sealed class LlvmVerificationException : LlvmException
{
    public LlvmVerificationException(string verifierMessage, string? moduleIR)
        : base("LLVM module verification failed:\n" + verifierMessage.TrimEnd())
    {
        VerifierMessage = verifierMessage;
        ModuleIR = moduleIR;
    }

    /// <summary>The verifier's own text.</summary>
    public string VerifierMessage { get; }

    /// <summary>The rejected module printed as IR (captured before it was disposed), or null.</summary>
    public string? ModuleIR { get; }
}

/// <summary>Conversions of LLVM's two error conventions into .NET strings and exceptions.</summary>
public static unsafe class LlvmErrors
{
    /// <summary>
    /// Consumes an <see cref="LLVMErrorRef"/> and returns its message, or null for success (a null ref).
    /// The error must not be used afterwards.
    /// </summary>
    public static string? TakeErrorMessage(LLVMErrorRef error)
    {
        if (error.IsNull) return null;
        sbyte* msg = LLVM.GetErrorMessage(error); // consumes the error
        try { return LLVM.ToManaged(msg) ?? "unknown LLVM error"; }
        finally { LLVM.DisposeErrorMessage(msg); }
    }

    /// <summary>Consumes a failed <see cref="LLVMErrorRef"/> into an <see cref="LlvmException"/> (null for success).</summary>
    public static LlvmException? ToException(LLVMErrorRef error, string? context = null)
    {
        string? msg = TakeErrorMessage(error);
        if (msg is null) return null;
        return new LlvmException(context is null ? msg : context + ": " + msg);
    }

    /// <summary>Throws an <see cref="LlvmException"/> (consuming the error) unless it is the null success value.</summary>
    public static void ThrowIfError(LLVMErrorRef error, string? context = null)
    {
        var ex = ToException(error, context);
        if (ex is not null) throw ex;
    }

    /// <summary>Consumes an error without reading it (no-op for success).</summary>
    public static void Consume(LLVMErrorRef error)
    {
        if (!error.IsNull) LLVM.ConsumeError(error);
    }

    /// <summary>
    /// Reads and frees (<c>LLVMDisposeMessage</c>) an <c>out char*</c> message from an LLVMBool-style API.
    /// Returns null if the pointer is null.
    /// </summary>
    public static string? TakeMessage(sbyte* message) => LLVM.TakeMessage(message);

    /// <summary>
    /// For LLVMBool-style APIs (1 = failure): frees <paramref name="message"/> and throws on failure.
    /// </summary>
    public static void ThrowIfFailed(int llvmBool, sbyte* message, string context)
    {
        string? text = LLVM.TakeMessage(message);
        if (llvmBool != 0)
            throw new LlvmException(string.IsNullOrEmpty(text) ? context : context + ": " + text);
    }
}
