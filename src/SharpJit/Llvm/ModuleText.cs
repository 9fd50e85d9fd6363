using System;
using System.IO;

namespace SharpJit.Llvm;

/// <summary>
/// Module printing, verification, machine-code emission (assembly text / object bytes), bitcode and IR
/// reading/writing. None of these are thread-safe with respect to the module's context.
/// </summary>
public static unsafe class ModuleText
{
    /// <summary>Instructions in the module's function bodies (what LLVM's passes and code generator work on).</summary>
    public static int CountInstructions(LLVMModuleRef module)
    {
        int n = 0;
        for (var f = LLVM.GetFirstFunction(module); f.Handle != 0; f = LLVM.GetNextFunction(f))
            for (var b = LLVM.GetFirstBasicBlock(f); b.Handle != 0; b = LLVM.GetNextBasicBlock(b))
                for (var i = LLVM.GetFirstInstruction(b); i.Handle != 0; i = LLVM.GetNextInstruction(i)) n++;
        return n;
    }

    /// <summary>The module as textual LLVM IR.</summary>
    public static string Print(LLVMModuleRef module) => LLVM.TakeMessage(LLVM.PrintModuleToString(module)) ?? "";

    /// <summary>Runs the verifier without aborting. Returns null if valid, else the verifier's message.</summary>
    public static string? Verify(LLVMModuleRef module)
    {
        sbyte* msg = null;
        int failed = LLVM.VerifyModule(module, LLVMVerifierFailureAction.LLVMReturnStatusAction, &msg);
        string? text = LLVM.TakeMessage(msg); // allocated even on success
        return failed != 0 ? (string.IsNullOrWhiteSpace(text) ? "module is broken" : text) : null;
    }

    /// <summary>Throws <see cref="LlvmVerificationException"/> (with the printed module) if the module is invalid.</summary>
    public static void VerifyOrThrow(LLVMModuleRef module)
    {
        string? error = Verify(module);
        if (error is not null) throw new LlvmVerificationException(error, Print(module));
    }

    /// <summary>
    /// Emits assembly text (AT&amp;T syntax) for <paramref name="module"/> through <paramref name="tm"/>. LLVM's codegen
    /// pipeline rewrites the IR it runs on, so by default this works on a clone and leaves the module untouched.
    /// </summary>
    public static string EmitAssembly(LLVMModuleRef module, LLVMTargetMachineRef tm, bool cloneFirst = true)
    {
        byte[] bytes = Emit(module, tm, LLVMCodeGenFileType.LLVMAssemblyFile, cloneFirst);
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Emits an ELF relocatable object for <paramref name="module"/> (on a clone by default).</summary>
    public static byte[] EmitObject(LLVMModuleRef module, LLVMTargetMachineRef tm, bool cloneFirst = true)
        => Emit(module, tm, LLVMCodeGenFileType.LLVMObjectFile, cloneFirst);

    /// <summary>Writes an object (or assembly) file.</summary>
    public static void EmitToFile(LLVMModuleRef module, LLVMTargetMachineRef tm, string path,
        LLVMCodeGenFileType kind = LLVMCodeGenFileType.LLVMObjectFile, bool cloneFirst = true)
    {
        File.WriteAllBytes(path, Emit(module, tm, kind, cloneFirst));
    }

    private static byte[] Emit(LLVMModuleRef module, LLVMTargetMachineRef tm, LLVMCodeGenFileType kind, bool cloneFirst)
    {
        LLVMModuleRef target = cloneFirst ? LLVM.CloneModule(module) : module;
        try
        {
            return TakeBuffer(EmitBuffer(target, tm, kind));
        }
        finally
        {
            if (cloneFirst) LLVM.DisposeModule(target);
        }
    }

    /// <summary>An object file of the module in an LLVM memory buffer the caller owns. Code generation changes the
    /// module (CodeGenPrepare): it is for disposal afterwards.</summary>
    public static LLVMMemoryBufferRef EmitObjectBuffer(LLVMModuleRef module, LLVMTargetMachineRef tm) =>
        EmitBuffer(module, tm, LLVMCodeGenFileType.LLVMObjectFile);

    private static LLVMMemoryBufferRef EmitBuffer(LLVMModuleRef module, LLVMTargetMachineRef tm, LLVMCodeGenFileType kind)
    {
        LlvmDiagnostics.Install(module);
        LlvmDiagnostics.Clear();
        sbyte* error = null;
        LLVMMemoryBufferRef buffer;
        int failed = LLVM.TargetMachineEmitToMemoryBuffer(tm, module, kind, &error, &buffer);
        LlvmErrors.ThrowIfFailed(failed, error, LlvmDiagnostics.AppendTo("LLVM code emission failed"));
        return buffer;
    }

    /// <summary>Copies a memory buffer into a managed array and disposes the buffer.</summary>
    public static byte[] TakeBuffer(LLVMMemoryBufferRef buffer)
    {
        if (buffer.IsNull) return Array.Empty<byte>();
        try
        {
            nuint size = LLVM.GetBufferSize(buffer);
            var result = new byte[checked((int)size)];
            new ReadOnlySpan<byte>(LLVM.GetBufferStart(buffer), result.Length).CopyTo(result);
            return result;
        }
        finally
        {
            LLVM.DisposeMemoryBuffer(buffer);
        }
    }

    /// <summary>Bitcode as IR text, parsed in a context of its own (any thread may print).</summary>
    public static string PrintBitcode(byte[] bitcode)
    {
        var context = LLVM.ContextCreate();
        try
        {
            var module = ParseBitcode(context, bitcode);
            try { return Print(module); }
            finally { LLVM.DisposeModule(module); }
        }
        finally { LLVM.ContextDispose(context); }
    }

    /// <summary>The module as LLVM bitcode.</summary>
    public static byte[] GetBitcode(LLVMModuleRef module) => TakeBuffer(LLVM.WriteBitcodeToMemoryBuffer(module));

    /// <summary>Writes the module as bitcode to a file.</summary>
    public static void WriteBitcode(LLVMModuleRef module, string path)
    {
        if (LLVM.WriteBitcodeToFile(module, path) != 0)
            throw new LlvmException($"Could not write bitcode to '{path}'.");
    }

    /// <summary>Parses bitcode into <paramref name="context"/>. The caller owns the returned module.</summary>
    public static LLVMModuleRef ParseBitcode(LLVMContextRef context, ReadOnlySpan<byte> bitcode, string name = "bitcode")
    {
        LlvmDiagnostics.Install(context); // without a handler, invalid bitcode makes LLVM call exit(1)
        LlvmDiagnostics.Clear();
        LLVMMemoryBufferRef buffer;
        fixed (byte* p = bitcode)
            buffer = LLVM.CreateMemoryBufferWithMemoryRangeCopy((sbyte*)p, (nuint)bitcode.Length, name);
        try
        {
            LLVMModuleRef module;
            if (LLVM.ParseBitcodeInContext2(context, buffer, &module) != 0) // does not take the buffer
                throw new LlvmException(LlvmDiagnostics.AppendTo($"Invalid LLVM bitcode ({name})"));
            return module;
        }
        finally
        {
            LLVM.DisposeMemoryBuffer(buffer);
        }
    }

    /// <summary>Parses a bitcode file into <paramref name="context"/>. The caller owns the returned module.</summary>
    public static LLVMModuleRef ParseBitcodeFile(LLVMContextRef context, string path)
    {
        LlvmDiagnostics.Install(context); // without a handler, invalid bitcode makes LLVM call exit(1)
        LlvmDiagnostics.Clear();
        LLVMMemoryBufferRef buffer;
        sbyte* error = null;
        int failed = LLVM.CreateMemoryBufferWithContentsOfFile(path, &buffer, &error);
        LlvmErrors.ThrowIfFailed(failed, error, $"Cannot read '{path}'");
        try
        {
            LLVMModuleRef module;
            if (LLVM.ParseBitcodeInContext2(context, buffer, &module) != 0)
                throw new LlvmException(LlvmDiagnostics.AppendTo($"Invalid LLVM bitcode in '{path}'"));
            return module;
        }
        finally
        {
            LLVM.DisposeMemoryBuffer(buffer);
        }
    }

    /// <summary>Parses textual IR into <paramref name="context"/>. The caller owns the returned module.</summary>
    public static LLVMModuleRef ParseIR(LLVMContextRef context, string irText, string name = "ir")
    {
        LlvmDiagnostics.Install(context);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(irText);
        LLVMMemoryBufferRef buffer;
        fixed (byte* p = bytes)
            buffer = LLVM.CreateMemoryBufferWithMemoryRangeCopy((sbyte*)p, (nuint)bytes.Length, name);
        LLVMModuleRef module;
        sbyte* error = null;
        int failed = LLVM.ParseIRInContext(context, buffer, &module, &error); // takes the buffer, even on failure
        LlvmErrors.ThrowIfFailed(failed, error, $"Invalid LLVM IR ({name})");
        return module;
    }

    /// <summary>Links <paramref name="source"/> into <paramref name="destination"/>; the source is consumed.</summary>
    public static void Link(LLVMModuleRef destination, LLVMModuleRef source)
    {
        LlvmDiagnostics.Install(destination); // without a handler, a link error makes LLVM call exit(1)
        LlvmDiagnostics.Clear();
        if (LLVM.LinkModules2(destination, source) != 0)
            throw new LlvmException(LlvmDiagnostics.AppendTo("LLVM module linking failed"));
    }
}
