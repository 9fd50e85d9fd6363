using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// The few libc calls the hosts need for standard streams. .NET's Console streams are avoided on purpose: their first
/// write initialises the terminal (it sends the keypad-mode escape ESC[?1h ESC= when stdin is a terminal).
/// </summary>
public static partial class Posix
{
    private const string Libc = "libc.so.6";
    public const int EINTR = 4, EAGAIN = 11, EPIPE = 32, SIGINT = 2;

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteRaw(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport(Libc, EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int cmd);

    [LibraryImport(Libc, EntryPoint = "strerror")]
    private static partial nint StrErrorRaw(int errnum);

    [LibraryImport(Libc, EntryPoint = "kill")]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Libc, EntryPoint = "signal")]
    public static partial nint Signal(int signal, nint handler);

    [LibraryImport(Libc, EntryPoint = "sigaction")]
    private static unsafe partial int SigAction(int signal, void* act, void* oldact);

    [LibraryImport(Libc, EntryPoint = "poll")]
    private static unsafe partial int Poll(void* fds, nuint n, int timeout);

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenRaw(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "close")]
    public static partial int Close(int fd);

    /// <summary>open(2): the descriptor, or -1 with errno.</summary>
    public static int Open(string path, int flags, out int errno)
    {
        int fd = OpenRaw(path, flags);
        errno = fd < 0 ? Marshal.GetLastSystemError() : 0;
        return fd;
    }

    /// <summary>True when fd is an open descriptor.</summary>
    public static bool IsOpen(int fd) => Fcntl(fd, 1 /* F_GETFD */) != -1;

    /// <summary>The C library's text for an errno value ("Broken pipe").</summary>
    public static string StrError(int errno) => Marshal.PtrToStringUTF8(StrErrorRaw(errno)) ?? $"Unknown error {errno}";

    /// <summary>True when the signal's disposition is SIG_IGN (inherited: `nohup`, background jobs of a script).</summary>
    public static unsafe bool IsIgnored(int signal)
    {
        byte* old = stackalloc byte[256];   // struct sigaction; sa_handler comes first on Linux
        return SigAction(signal, null, old) == 0 && *(nint*)old == 1;
    }

    /// <summary>Writes all of data to fd, retrying interrupted and partial writes; 0 or the errno of the failure.</summary>
    public static unsafe int WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = WriteRaw(fd, p + done, (nuint)(data.Length - done));
                if (n >= 0) { done += (int)n; continue; }
                int errno = Marshal.GetLastSystemError();
                if (errno == EINTR) continue;
                if (errno == EAGAIN) { WaitWritable(fd); continue; }   // a non-blocking descriptor inherited from the caller
                return errno;
            }
            return 0;
        }
    }

    private static unsafe void WaitWritable(int fd)
    {
        long pfd = (uint)fd | (4L /* POLLOUT */ << 32);   // struct pollfd { int fd; short events; short revents; }
        Poll(&pfd, 1, 1000);
    }
}

/// <summary>A write failure on a standard stream, with its errno (EPIPE when the reader went away).</summary>
public sealed class StreamWriteException : IOException
{
    public int Errno { get; }
    public StreamWriteException(int errno) : base($"[Errno {errno}] {Posix.StrError(errno)}") { Errno = errno; }

    /// <summary>The Python exception CPython raises for this errno, as its traceback's last line.</summary>
    public string PythonLastLine => $"{PythonType(Errno)}: [Errno {Errno}] {Posix.StrError(Errno)}";

    public static string PythonType(int errno) => errno switch
    {
        Posix.EPIPE => "BrokenPipeError",
        104 /* ECONNRESET */ => "ConnectionResetError",
        Posix.EAGAIN => "BlockingIOError",
        _ => "OSError",
    };
}

/// <summary>An unbuffered stream over a file descriptor (stdout or stderr), written with write(2).</summary>
public sealed class FdStream : WriteOnlyStream
{
    public int Fd { get; }
    public FdStream(int fd) { Fd = fd; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int errno = Posix.WriteAll(Fd, buffer);
        if (errno != 0) throw new StreamWriteException(errno);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Flush() { }
}

/// <summary>A stream that can only be written (a file descriptor, Python's sys.stdout).</summary>
public abstract class WriteOnlyStream : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
