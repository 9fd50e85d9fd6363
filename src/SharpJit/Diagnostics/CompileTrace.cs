namespace SharpJit.Diagnostics;

/// <summary>SHARPJIT_TRACE_COMPILE=1: each compilation's phases, and one-time work such as parsing a library file,
/// printed to stderr (what a first call spends its time on).</summary>
public static class CompileTrace
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("SHARPJIT_TRACE_COMPILE") is "1";

    /// <summary>SHARPJIT_DUMP_IR=FOLDER: each compilation's LLVM IR as emitted, before optimisation, written to
    /// FOLDER/NAME.N.ll (to replay the optimiser on it with opt-19).</summary>
    public static readonly string? EmittedIrFolder = Environment.GetEnvironmentVariable("SHARPJIT_DUMP_IR") is { Length: > 0 } f ? f : null;

    public static void Write(string line)
    {
        if (Enabled) Console.Error.WriteLine("sharpjit: " + line);
    }
}
