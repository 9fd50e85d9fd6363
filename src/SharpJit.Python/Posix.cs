using System.Runtime.InteropServices;

namespace SharpJit.Python;

/// <summary>
/// The few system calls the disk cache needs for its trust checks, from glibc (bound directly at link time, like the
/// CPython imports): opening without following links, fstat-like owner and mode checks (statx: one layout on every
/// architecture), exclusive creation, sealed memory files. Constants are Linux x86-64's (the extension is built for
/// linux-x64 only).
/// </summary>
internal static unsafe partial class Posix
{
    private const string Libc = "libc";

    public const int O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0x40, O_EXCL = 0x80, O_NONBLOCK = 0x800,
        O_DIRECTORY = 0x10000, O_NOFOLLOW = 0x20000, O_CLOEXEC = 0x80000;
    public const int EINTR = 4, EEXIST = 17, ENOENT = 2;
    public const int S_IFMT = 0xF000, S_IFREG = 0x8000, S_IFDIR = 0x4000;
    private const int AT_EMPTY_PATH = 0x1000, STATX_BASIC_STATS = 0x7ff;
    private const uint MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2;
    private const int F_ADD_SEALS = 1033, F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenRaw(string path, int flags, uint mode);
    [LibraryImport(Libc, SetLastError = true)] private static partial int close(int fd);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint read(int fd, byte* buf, nint count);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint write(int fd, byte* buf, nint count);
    [LibraryImport(Libc, SetLastError = true)] private static partial int fchmod(int fd, uint mode);
    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, byte* buf);
    [LibraryImport(Libc, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameRaw(string from, string to);
    [LibraryImport(Libc, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkRaw(string from, string to);
    [LibraryImport(Libc, EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkRaw(string path);
    [LibraryImport(Libc, EntryPoint = "geteuid")] private static partial uint GetEuid();
    [LibraryImport(Libc, EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MemfdCreate(string name, uint flags);
    [LibraryImport(Libc, SetLastError = true)] private static partial int fcntl(int fd, int cmd, int arg);
    [LibraryImport(Libc, SetLastError = true)] private static partial nint getrandom(byte* buf, nint count, uint flags);
    [LibraryImport(Libc, SetLastError = true)] private static partial int flock(int fd, int operation);
    private const int LOCK_SH = 1, LOCK_EX = 2;

    public static int Errno => Marshal.GetLastPInvokeError();
    public static uint Euid => GetEuid();

    /// <summary>What fstat says about an open file.</summary>
    public readonly record struct FileStatus(uint Uid, int Mode, long Size)
    {
        public bool IsRegular => (Mode & S_IFMT) == S_IFREG;
        public bool IsDirectory => (Mode & S_IFMT) == S_IFDIR;
        /// <summary>Group or others may write it.</summary>
        public bool WritableByOthers => (Mode & 0x12) != 0;   // 0o022
    }

    public static int Open(string path, int flags, uint mode = 0)
    {
        int fd;
        do fd = OpenRaw(path, flags | O_CLOEXEC, mode); while (fd < 0 && Errno == EINTR);
        return fd;
    }

    public static void Close(int fd) { if (fd >= 0) close(fd); }

    /// <summary>An advisory lock on a directory (flock on a descriptor of it), shared or exclusive, held until
    /// disposed. Where the directory cannot be opened or the file system has no flock, nothing is held.</summary>
    public sealed class DirectoryLock : IDisposable
    {
        private int _fd;
        public DirectoryLock(string dir, bool exclusive)
        {
            _fd = Open(dir, O_RDONLY | O_DIRECTORY);
            if (_fd < 0) return;
            int r;
            do r = flock(_fd, exclusive ? LOCK_EX : LOCK_SH); while (r != 0 && Errno == EINTR);
        }
        public void Dispose() { Close(_fd); _fd = -1; }   // closing the last descriptor releases the lock
    }

    public static FileStatus? Stat(int fd)
    {
        byte* buf = stackalloc byte[256];
        if (statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, buf) != 0) return null;
        return new FileStatus(*(uint*)(buf + 20), *(ushort*)(buf + 28), *(long*)(buf + 40));
    }

    /// <summary>Reads up to max bytes to the end of the file; null on an error or when the file holds more.</summary>
    public static byte[]? ReadAll(int fd, long expected, long max)
    {
        if (expected < 0 || expected > max) return null;
        var data = new byte[expected + 1];   // one more: a file that grew since fstat is refused
        long n = 0;
        fixed (byte* p = data)
            while (n < data.Length)
            {
                nint got = read(fd, p + n, (nint)(data.Length - n));
                if (got < 0) { if (Errno == EINTR) continue; return null; }
                if (got == 0) break;
                n += got;
            }
        return n == expected ? data.AsSpan(0, (int)n).ToArray() : null;
    }

    public static bool WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
            for (long n = 0; n < data.Length;)
            {
                nint put = write(fd, p + n, (nint)(data.Length - n));
                if (put < 0) { if (Errno == EINTR) continue; return false; }
                n += put;
            }
        return true;
    }

    public static bool Chmod(int fd, uint mode) => fchmod(fd, mode) == 0;
    public static bool Rename(string from, string to) => RenameRaw(from, to) == 0;
    public static bool Link(string from, string to) => LinkRaw(from, to) == 0;
    public static void Unlink(string path) => UnlinkRaw(path);

    public static void Random(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
            for (int n = 0; n < buffer.Length;)
            {
                nint got = getrandom(p + n, buffer.Length - n, 0);
                if (got < 0) { if (Errno == EINTR) continue; throw new IOException("getrandom failed"); }
                n += (int)got;
            }
    }

    /// <summary>
    /// An anonymous in-memory file holding exactly these bytes, sealed against any change (write, grow, shrink,
    /// further seals); -1 if the kernel cannot make one.
    /// </summary>
    public static int SealedMemoryFile(string name, ReadOnlySpan<byte> data)
    {
        int fd = MemfdCreate(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
        if (fd < 0) return -1;
        if (!WriteAll(fd, data) || fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0)
        {
            close(fd);
            return -1;
        }
        return fd;
    }
}
