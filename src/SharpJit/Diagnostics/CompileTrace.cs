namespace SharpJit.Diagnostics;

/// <summary>SHARPJIT_TRACE_COMPILE=1: each compilation's phases, and one-time work such as parsing a library file,
/// printed to stderr (what a first call spends its time on).</summary>
public static class CompileTrace
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("SHARPJIT_TRACE_COMPILE") is "1";

    /// <summary>SHARPJIT_DUMP_IR=FOLDER: each compilation's LLVM IR as emitted, before optimisation, written to
    /// FOLDER/NAME.N.ll (to replay the optimiser on it with opt-19); a part compiled on first use (DeferredCode) when it
    /// is compiled, under its own function's name.</summary>
    private static readonly string? EmittedIrFolder = Environment.GetEnvironmentVariable("SHARPJIT_DUMP_IR") is { Length: > 0 } f ? f : null;
    private static int _dumped, _dumpFailed;

    /// <summary>Writes a compilation's emitted IR where SHARPJIT_DUMP_IR says (nothing when it is unset). A folder that
    /// cannot be written to is said once on stderr; the compilation goes on.</summary>
    public static void DumpEmittedIr(string name, Func<string> text)
    {
        if (EmittedIrFolder == null || Volatile.Read(ref _dumpFailed) != 0) return;
        string path = Path.Combine(EmittedIrFolder, $"{name}.{Interlocked.Increment(ref _dumped)}.ll");
        try { File.WriteAllText(path, text()); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _dumpFailed, 1) != 0) return;
            string why = e switch
            {
                DirectoryNotFoundException => "the folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => "it could not be written",
            };
            Console.Error.WriteLine($"sharpjit: SHARPJIT_DUMP_IR: cannot write {path} ({why}); no IR is dumped in this process");
        }
    }

    public static void Write(string line)
    {
        if (Enabled) Console.Error.WriteLine("sharpjit: " + line);
    }
}
