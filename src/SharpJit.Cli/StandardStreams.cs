using System.Runtime.InteropServices;
using System.Text;
using SharpJit.Diagnostics;
using SharpJit.Runtime;
using SharpJit.Syntax;

namespace SharpJit.Cli;

/// <summary>A problem with the command line or the script file: a one-line message and CPython's exit status.</summary>
public sealed class CliError(string message, int exitStatus) : Exception(message)
{
    public int ExitStatus { get; } = exitStatus;
}

/// <summary>stdout and stderr for the CLI, written with write(2), never through .NET's Console streams.</summary>
public static class StandardStreams
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Console.Out and Console.Error become plain descriptor writers: .NET's console streams initialise the
    /// terminal on first use and leave it in keypad mode (ESC[?1h ESC=), which a program's output must not include.</summary>
    public static void Install()
    {
        Console.SetOut(new StreamWriter(Open(1), Utf8) { AutoFlush = true });
        Console.SetError(new StreamWriter(Open(2), Utf8) { AutoFlush = true });
        RuntimeOutput.Redirect(Open(1));
    }

    // A closed descriptor (`sharpjit run x.py >&-`): CPython's sys.stdout is then None and print() writes nothing.
    private static Stream Open(int fd) => Posix.IsOpen(fd) ? new FdStream(fd) : Stream.Null;

    /// <summary>Buffering as CPython's sys.stdout, the end of the program on a failed write, KeyboardInterrupt on SIGINT.</summary>
    public static void ConfigureOutputForRun()
    {
        RuntimeOutput.Buffering =
            Environment.GetEnvironmentVariable("PYTHONUNBUFFERED") is { Length: > 0 } ? OutputBuffering.Unbuffered
            : Posix.IsATty(1) == 1 ? OutputBuffering.Line
            : OutputBuffering.Block;
        RuntimeOutput.WriteFailed = OnWriteFailed;
        // CPython leaves SIGINT alone when it starts ignored (nohup, background jobs of scripts); so do we.
        if (!Posix.IsIgnored(Posix.SIGINT))
            _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; OnInterrupt(); });
    }

    private static PosixSignalRegistration? _sigint;

    /// <summary>print() failed mid-program (the reader of a pipe went away, a full disk): CPython raises the OSError at
    /// the print and the uncaught exception ends the program with status 1. Compiled code cannot be unwound from
    /// here, so the program ends now, with the exception's line (without frames).</summary>
    private static void OnWriteFailed(Exception e)
    {
        string line = e is StreamWriteException s ? s.PythonLastLine : "OSError: " + e.Message;
        TryWriteError(line + "\n");
        Environment.Exit(1);
    }

    /// <summary>Ctrl-C: output printed so far is flushed, KeyboardInterrupt reported, and the process ends by SIGINT
    /// (status 130 in the shell), as CPython does.</summary>
    private static void OnInterrupt()
    {
        bool locked = Monitor.TryEnter(RuntimeOutput.Lock, 2000);   // the program may be blocked writing to a full pipe
        try { if (locked) RuntimeOutput.Flush(); } catch { RuntimeOutput.Discard(); }
        TryWriteError("KeyboardInterrupt\n");
        Posix.Signal(Posix.SIGINT, 0 /* SIG_DFL */);
        Posix.Kill(Environment.ProcessId, Posix.SIGINT);
        Thread.Sleep(1000);
        Environment.Exit(130);
    }

    /// <summary>Writes to stderr, ignoring failure (there is nowhere left to report it).</summary>
    public static void TryWriteError(string text) => Posix.WriteAll(2, Utf8.GetBytes(text));
}

/// <summary>Reading the script as CPython does: its messages and exit statuses for missing, unreadable and
/// directory paths, and its decoding of the source.</summary>
public static class ScriptFile
{
    public static SourceText Read(string argument, bool runnable)
    {
        // CPython joins a relative path to the working directory without normalising it ('/tmp/x/./p.py').
        string path = argument is "" or "." ? Directory.GetCurrentDirectory()
            : Path.IsPathRooted(argument) ? argument : Path.Join(Directory.GetCurrentDirectory(), argument);
        if (Directory.Exists(path))
        {
            // `python3 DIR` runs DIR/__main__.py.
            string main = Path.Join(path, "__main__.py");
            if (runnable && File.Exists(main)) return Read(main, runnable);
            throw new CliError($"can't find '__main__' module in '{path}'", 1);
        }
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            int errno = ErrnoOf(path);
            throw new CliError($"can't open file '{path}': [Errno {errno}] {Posix.StrError(errno)}", 2);
        }
        return SourceDecoder.Decode(path, bytes);
    }

    /// <summary>The errno that opening path fails with (the .NET exception does not carry it).</summary>
    private static int ErrnoOf(string path)
    {
        int fd = Posix.Open(path, 0 /* O_RDONLY */, out int errno);
        if (fd >= 0) { Posix.Close(fd); return 5; /* EIO: it opened but could not be read */ }
        return errno;
    }
}
