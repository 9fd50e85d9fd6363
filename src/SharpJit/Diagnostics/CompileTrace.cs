namespace SharpJit.Diagnostics;

/// <summary>SHARPJIT_TRACE_COMPILE=1: each compilation's phases, and one-time work such as parsing a library file,
/// printed to stderr (what a first call spends its time on).</summary>
public static class CompileTrace
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("SHARPJIT_TRACE_COMPILE") is "1";

    public static void Write(string line)
    {
        if (Enabled) Console.Error.WriteLine("sharpjit: " + line);
    }
}
