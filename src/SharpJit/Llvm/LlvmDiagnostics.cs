using System;
using System.Collections.Generic;

namespace SharpJit.Llvm;

/// <summary>
/// Captures an LLVM context's diagnostics instead of letting LLVM print them — and, for errors, call
/// <c>exit(1)</c>, which is what an <c>LLVMContext</c> without a diagnostic handler does (e.g. on invalid bitcode given
/// to <c>LLVMParseBitcodeInContext2</c>, or a failed <c>LLVMLinkModules2</c>).
/// </summary>
/// <remarks>
/// Diagnostics are delivered synchronously on the thread that triggered them and are collected per thread;
/// <see cref="Take"/> returns and clears the calling thread's list. <see cref="JitSession"/> installs the handler on its
/// context; <see cref="ModuleText"/>'s parse/link/emit helpers install it on the context they use.
/// </remarks>
public static unsafe class LlvmDiagnostics
{
    [ThreadStatic] private static List<string>? t_messages;

    private static nint HandlerAddress => (nint)(delegate* unmanaged<nint, void*, void>)&Handle;

    /// <summary>Installs the capturing handler on <paramref name="context"/> (idempotent).</summary>
    public static void Install(LLVMContextRef context)
    {
        if (context.IsNull) throw new ArgumentException("Null context.", nameof(context));
        if (LLVM.ContextGetDiagnosticHandler(context) == HandlerAddress) return;
        LLVM.ContextSetDiagnosticHandler(context, HandlerAddress, null);
    }

    /// <summary>Installs the handler on the context that owns <paramref name="module"/>.</summary>
    public static void Install(LLVMModuleRef module) => Install(LLVM.GetModuleContext(module));

    /// <summary>Returns and clears the error and warning diagnostics captured on this thread.</summary>
    public static IReadOnlyList<string> Take()
    {
        var list = t_messages;
        if (list is null || list.Count == 0) return Array.Empty<string>();
        var copy = list.ToArray();
        list.Clear();
        return copy;
    }

    /// <summary>Clears this thread's captured diagnostics.</summary>
    public static void Clear() => t_messages?.Clear();

    /// <summary>Appends this thread's captured diagnostics (clearing them) to <paramref name="message"/>.</summary>
    public static string AppendTo(string message)
    {
        var list = Take();
        return list.Count == 0 ? message : message + ": " + string.Join("; ", list);
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void Handle(nint info, void* context)
    {
        try
        {
            var di = new LLVMDiagnosticInfoRef(info);
            var severity = LLVM.GetDiagInfoSeverity(di);
            if (severity is not (LLVMDiagnosticSeverity.LLVMDSError or LLVMDiagnosticSeverity.LLVMDSWarning)) return;
            string text = LLVM.TakeMessage(LLVM.GetDiagInfoDescription(di)) ?? "";
            (t_messages ??= new List<string>()).Add(severity == LLVMDiagnosticSeverity.LLVMDSError ? "error: " + text : "warning: " + text);
        }
        catch
        {
            // never unwind into LLVM
        }
    }
}
