using System.Runtime.InteropServices;
using System.Text;

namespace SharpJit.Runtime;

/// <summary>One frame of a traceback recorded while an exception propagates out of compiled code.</summary>
public sealed record TracebackFrame(string Function, string File, long Line, string SourceLine);

/// <summary>An exception raised inside compiled code, as the host sees it.</summary>
public sealed class PythonException : Exception
{
    public string TypeName { get; }
    public string? PyMessage { get; }
    /// <summary>Innermost frame last, as Python prints them.</summary>
    public IReadOnlyList<TracebackFrame> Frames { get; }
    /// <summary>raise … from cause (Cause), or the exception being handled where this one was raised (Context,
    /// shown unless a cause was given).</summary>
    public PythonException? Cause { get; init; }
    public PythonException? Context { get; init; }
    public bool SuppressContext { get; init; }

    public PythonException(string typeName, string? message, IReadOnlyList<TracebackFrame> frames)
        : base(message == null ? typeName : $"{typeName}: {message}")
    {
        TypeName = typeName; PyMessage = message; Frames = frames;
    }

    /// <summary>The last line of a CPython traceback: "ValueError: message", or just the type without a message.</summary>
    public string LastLine => ExceptionArgument.Str(TypeName, PyMessage) is { Length: > 0 } text ? $"{DisplayType}: {text}" : DisplayType;

    /// <summary>As CPython's traceback names the class: module.Name, without the module for __main__ and builtins.</summary>
    private string DisplayType => TypeName.StartsWith("__main__.", StringComparison.Ordinal) ? TypeName["__main__.".Length..] : TypeName;

    /// <summary>As CPython prints it: the chain of causes and contexts first, each with its own traceback.</summary>
    public string FormatTraceback()
    {
        var sb = new StringBuilder();
        if (Cause != null)
            sb.Append(Cause.FormatTraceback()).Append("\nThe above exception was the direct cause of the following exception:\n\n");
        else if (Context != null && !SuppressContext)
            sb.Append(Context.FormatTraceback()).Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        // An exception never raised (a cause made by ValueError("…")) has no traceback: just its last line.
        if (Frames.Count > 0) sb.Append("Traceback (most recent call last):\n");
        // Like CPython: a frame repeated more than 3 times in a row is summarised.
        TracebackFrame? last = null;
        int repeats = 0;
        void Summarise()
        {
            if (repeats > 3) sb.Append($"  [Previous line repeated {repeats - 3} more time{(repeats - 3 == 1 ? "" : "s")}]\n");
        }
        foreach (var f in Frames)
        {
            if (last is { } l && l.File == f.File && l.Line == f.Line && l.Function == f.Function) { if (++repeats > 3) continue; }
            else { Summarise(); repeats = 1; }
            last = f;
            sb.Append($"  File \"{f.File}\", line {f.Line}, in {f.Function}\n");
            if (f.SourceLine.Length > 0) sb.Append("    ").Append(f.SourceLine).Append('\n');
        }
        Summarise();
        sb.Append(LastLine).Append('\n');
        return sb.ToString();
    }
}

/// <summary>One traceback frame as compiled code records it: pointers to its constant UTF-8 strings.</summary>
public readonly unsafe struct RawFrame(byte* function, byte* file, long line, byte* source)
{
    public readonly byte* Function = function, File = file, Source = source;
    public readonly long Line = line;
    public TracebackFrame ToFrame() =>
        new(RuntimeStrings.Read(Function), RuntimeStrings.Read(File), Line, RuntimeStrings.Read(Source));
}

/// <summary>
/// Per-thread exception state set by compiled code and taken by the host after a failed call. Raising is cheap:
/// compiled code's strings (type, frames) stay pointers to its constants until a host reads them, and the frames go
/// into a reused array. A message built at run time (an f-string) is freed when the host takes the exception.
/// </summary>
/// <summary>An exception object of the host kept with a pending exception (a Python exception a callback raised), so
/// that the host raises that very object with its own traceback; released when the exception is taken, caught or
/// replaced (the host's release takes what it needs, the GIL for Python).</summary>
public sealed record HostException(nint Handle, Action<nint> Release);

public static unsafe class ErrorState
{
    /// <summary>The pending exception of one thread (reused: hosts read it, then call <see cref="Clear"/>).</summary>
    public sealed class Pending
    {
        public string? TypeName;          // set by runtime helpers; else TypePtr
        public byte* TypePtr;
        public string? Message;           // set by runtime helpers; else MessagePtr (null pointer: no message)
        public byte* MessagePtr;
        public bool HasMessage, OwnsMessage, IsSet;
        public RawFrame[] Frames = new RawFrame[16];
        public int FrameCount;            // innermost first
        public PythonException? Cause, Context;
        public bool SuppressContext;
        public Caught? Origin;            // the caught exception this one was raised again from
        public HostException? Host;       // the host's own exception object (a Python callback's), when it has one

        public string Type => TypeName ?? RuntimeStrings.Read(TypePtr);
        public string? MessageText => !HasMessage ? null : Message ?? RuntimeStrings.Read(MessagePtr);
    }

    [ThreadStatic] private static Pending? _pending;
    private static Pending State => _pending ??= new Pending();

    public static void Set(string type, string? message)
    {
        var p = State;
        Release(p);
        p.TypeName = type; p.Message = message; p.HasMessage = message != null; p.IsSet = true;
    }

    /// <summary>An exception the host raised into compiled code (a Python callback's): its class name and message for
    /// except clauses, and the host's object, which the host raises again if the exception reaches it.</summary>
    public static void SetHost(string type, string? message, HostException host)
    {
        Set(type, message);
        State.Host = host;
    }

    /// <summary>sj_raise: the type and message as compiled code passes them (the message may be a string it built).</summary>
    public static void Set(byte* type, byte* message)
    {
        var p = State;
        Release(p);
        p.TypePtr = type; p.MessagePtr = message; p.HasMessage = message != null; p.IsSet = true;
        TakeStagedCause(p);
        // The message is kept as a pointer until a host reads it: one reference of its own (compiled code releases
        // its references as it unwinds), dropped when the exception is taken. Constants are not counted.
        if (message != null) { RuntimeStrings.Retain(message); p.OwnsMessage = true; }
    }

    public static void AddFrame(byte* function, byte* file, long line, byte* source)
    {
        var p = State;
        if (p.FrameCount == p.Frames.Length) Array.Resize(ref p.Frames, p.Frames.Length * 2);
        p.Frames[p.FrameCount++] = new RawFrame(function, file, line, source);
    }

    /// <summary>An exception an except clause caught: what was pending, moved out of the thread's state.</summary>
    public sealed class Caught
    {
        public string? TypeName, Message;
        public byte* TypePtr, MessagePtr;
        public bool HasMessage, OwnsMessage;
        public RawFrame[] Frames = Array.Empty<RawFrame>();   // innermost first
        public PythonException? Cause, Context;
        public bool SuppressContext;
        private PythonException? _snapshot;

        /// <summary>As the host would see it (made once: its strings outlive the object's references).</summary>
        public PythonException Snapshot() => _snapshot ??= new PythonException(Type, MessageText, Frames.Reverse().Select(f => f.ToFrame()).ToArray())
            { Cause = Cause, Context = Context, SuppressContext = SuppressContext };

        public string Type => TypeName ?? RuntimeStrings.Read(TypePtr);
        public string? MessageText => !HasMessage ? null : Message ?? RuntimeStrings.Read(MessagePtr);
    }

    /// <summary>Takes the pending exception (its message reference moves with it) and clears the state.</summary>
    public static Caught Catch()
    {
        var p = State;
        var c = new Caught
        {
            TypeName = p.IsSet ? p.TypeName : "SystemError", TypePtr = p.TypePtr,
            Message = p.IsSet ? p.Message : "compiled code failed without setting an exception", MessagePtr = p.MessagePtr,
            HasMessage = p.HasMessage || !p.IsSet, OwnsMessage = p.OwnsMessage, Frames = p.Frames[..p.FrameCount],
            Cause = p.Cause, Context = p.Context, SuppressContext = p.SuppressContext,
        };
        p.OwnsMessage = false;
        Release(p);
        return c;
    }

    /// <summary>Makes a caught exception pending again, with its traceback (the caught object keeps its own reference
    /// to the message).</summary>
    public static void Restore(Caught c)
    {
        var p = State;
        Release(p);
        p.TypeName = c.TypeName; p.TypePtr = c.TypePtr; p.Message = c.Message; p.MessagePtr = c.MessagePtr;
        p.HasMessage = c.HasMessage; p.IsSet = true;
        p.Cause = c.Cause; p.Context = c.Context; p.SuppressContext = c.SuppressContext; p.Origin = c;
        TakeStagedCause(p);
        if (c.OwnsMessage) { RuntimeStrings.Retain(c.MessagePtr); p.OwnsMessage = true; }
        if (p.Frames.Length < c.Frames.Length) p.Frames = new RawFrame[c.Frames.Length];
        c.Frames.CopyTo(p.Frames, 0);
        p.FrameCount = c.Frames.Length;
    }

    [ThreadStatic] private static bool _causeStaged;
    [ThreadStatic] private static PythonException? _stagedCause;

    /// <summary>raise X from Y: Y, given just before X is raised (null: from None).</summary>
    public static void StageCause(PythonException? cause) { _causeStaged = true; _stagedCause = cause; }

    private static void TakeStagedCause(Pending p)
    {
        if (!_causeStaged) return;
        p.Cause = _stagedCause; p.SuppressContext = true;
        _causeStaged = false; _stagedCause = null;
    }

    /// <summary>The pending exception was raised while <paramref name="handled"/> was being handled: its context,
    /// unless it has one already (raised deeper) or is that exception raised again.</summary>
    public static void SetContext(Caught handled)
    {
        var p = State;
        if (!p.IsSet || p.Context != null || p.Origin == handled) return;
        p.Context = handled.Snapshot();
    }

    public static void ReleaseCaught(Caught c)
    {
        if (c.OwnsMessage) RuntimeStrings.Release(c.MessagePtr);
        c.OwnsMessage = false;
    }

    /// <summary>The pending exception, for a host that converts it itself; call <see cref="Clear"/> after.</summary>
    public static Pending Peek() => State;

    /// <summary>Forgets the pending exception (freeing a message compiled code built for it).</summary>
    public static void Clear() => Release(State);

    private static void Release(Pending p)
    {
        if (p.OwnsMessage) RuntimeStrings.Release(p.MessagePtr);
        p.TypeName = null; p.TypePtr = null; p.Message = null; p.MessagePtr = null;
        p.HasMessage = p.OwnsMessage = p.IsSet = false;
        p.FrameCount = 0;
        p.Cause = p.Context = null; p.SuppressContext = false; p.Origin = null;
        if (p.Host is { } host) { p.Host = null; host.Release(host.Handle); }
        if (p.Frames.Length > 1024) p.Frames = new RawFrame[16];   // after a deep recursion
    }

    /// <summary>The pending exception (and clears it); a generic one if compiled code failed without setting one.</summary>
    public static PythonException Take()
    {
        var p = State;
        PythonException e;
        if (!p.IsSet) e = new PythonException("SystemError", "compiled code failed without setting an exception", Array.Empty<TracebackFrame>());
        else
        {
            var frames = new TracebackFrame[p.FrameCount];
            for (int i = 0; i < frames.Length; i++) frames[i] = p.Frames[p.FrameCount - 1 - i].ToFrame();   // outermost first
            e = new PythonException(p.Type, p.MessageText, frames) { Cause = p.Cause, Context = p.Context, SuppressContext = p.SuppressContext };
        }
        Release(p);
        return e;
    }
}

/// <summary>How compiled print() output is buffered (CPython's sys.stdout: line-buffered on a terminal, else blocks).</summary>
public enum OutputBuffering { Block, Line, Unbuffered }

/// <summary>
/// Where compiled print() output goes: a buffered stream (stdout by default), replaceable by hosts and tests.
/// Output is flushed by the buffering mode, by print(..., flush=True) (<see cref="FlushRequested"/>) and by hosts.
/// Writing never throws into compiled code: a failed write is handed to <see cref="WriteFailed"/> (the CLI ends the
/// program as CPython does) and the output is dropped.
/// </summary>
public static class RuntimeOutput
{
    /// <summary>CPython's buffer size (io.DEFAULT_BUFFER_SIZE) for block buffering.</summary>
    public const int BlockSize = 8192;
    private static readonly object Sync = new();
    private static Stream _target = new FdStream(1);
    private static readonly MemoryStream Buffer = new();

    public static OutputBuffering Buffering { get; set; } = OutputBuffering.Block;

    /// <summary>Called (with the output lock held) when a write from compiled code fails; null drops the output.</summary>
    public static Action<Exception>? WriteFailed { get; set; }

    /// <summary>The lock that serialises output: hosts that end the process take it so nothing is written after.</summary>
    public static object Lock => Sync;

    public static void Write(ReadOnlySpan<byte> utf8)
    {
        lock (Sync)
        {
            Buffer.Write(utf8);
            switch (Buffering)
            {
                case OutputBuffering.Unbuffered: FlushFromCompiledCode(); break;
                case OutputBuffering.Line when utf8.IndexOfAny((byte)'\n', (byte)'\r') >= 0: FlushFromCompiledCode(); break;
                default: if (Buffer.Length >= BlockSize) FlushFromCompiledCode(); break;
            }
        }
    }

    public static void Write(string s)
    {
        Span<byte> small = stackalloc byte[256];
        int n = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (n <= small.Length) { int w = Encoding.UTF8.GetBytes(s, small); Write(small[..w]); }
        else Write(Encoding.UTF8.GetBytes(s));
    }

    /// <summary>Hands pending output to the target. A failed write drops the output and is kept for the host
    /// (<see cref="TakeWriteError"/>): CPython too reports a failed flush of stdout only when the program ends.</summary>
    public static void Flush()
    {
        lock (Sync)
        {
            try { FlushLocked(false); }
            catch (Exception ex) { _writeError ??= ex; }
        }
    }

    private static Exception? _writeError;

    /// <summary>The first failure of <see cref="Flush"/> since the last call, if any (and forgets it).</summary>
    public static Exception? TakeWriteError()
    {
        lock (Sync) { var e = _writeError; _writeError = null; return e; }
    }

    /// <summary>print(..., flush=True): pending output goes out now, through the target's own buffer too.</summary>
    public static void FlushRequested() { lock (Sync) FlushFromCompiledCode(hard: true); }

    /// <summary>Drops pending output (after a failed write, or when the process ends without flushing).</summary>
    public static void Discard() { lock (Sync) Buffer.SetLength(0); }

    /// <summary>True when compiled code printed something not yet flushed (a cheap check after each call).</summary>
    public static bool Pending => Buffer.Length != 0;

    private static void FlushFromCompiledCode(bool hard = false)
    {
        try { FlushLocked(hard); }
        catch (Exception ex)
        {
            Buffer.SetLength(0);
            WriteFailed?.Invoke(ex);
        }
    }

    private static void FlushLocked(bool hard)
    {
        if (Buffer.Length != 0)
        {
            try { _target.Write(Buffer.GetBuffer(), 0, (int)Buffer.Length); }
            finally { Buffer.SetLength(0); }
        }
        if (hard) _target.Flush();
    }

    /// <summary>Sends output to another stream (flushing what is pending first); returns the previous target.</summary>
    public static Stream Redirect(Stream target)
    {
        lock (Sync) { FlushLocked(false); var old = _target; _target = target; return old; }
    }
}

/// <summary>
/// Strings made at run time (f-strings, str()): NUL-terminated UTF-8 in unmanaged memory behind a 24-byte header
/// <c>{ i64 byte length, i64 hash, i64 count }</c>. Compiled code adjusts the count (Codegen.StrModel; the last
/// reference frees the string) and reads the length and the hash, which is computed on first use and kept (-1: not
/// yet), as CPython caches a str's hash. Constants carry a negative count, are never freed and come with their hash.
/// Small strings come from per-thread free lists (<see cref="SmallBlocks"/>): making and dropping many short strings
/// (split, dict keys) reuses blocks instead of calling malloc and free each time.
/// </summary>
public static unsafe class RuntimeStrings
{
    public const int Header = 24;
    /// <summary>Offsets from the string pointer of the header's fields.</summary>
    public const int LengthOffset = -24, HashOffset = -16, CountOffset = -8;
    /// <summary>The hash field of a string whose hash has not been computed yet.</summary>
    public const long NoHash = -1;

    /// <summary>A new string with one reference (the caller's).</summary>
    public static byte* Allocate(string s)
    {
        int n = Encoding.UTF8.GetByteCount(s);
        var p = AllocateBytes(n);
        fixed (char* c = s) Encoding.UTF8.GetBytes(c, s.Length, p, n);
        return p;
    }

    /// <summary>A new string with one reference, from UTF-8 bytes (no NUL among them).</summary>
    public static byte* AllocateUtf8(ReadOnlySpan<byte> utf8, SmallBlocks.FreeLists? lists = null)
    {
        var p = AllocateBytes(utf8.Length, lists);
        utf8.CopyTo(new Span<byte>(p, utf8.Length));
        return p;
    }

    /// <summary>A new string of n bytes with one reference, NUL-terminated, its bytes for the caller to write.</summary>
    /// <param name="lists">The thread's free lists, for callers making many strings (<see cref="SmallBlocks.Local"/>).</param>
    public static byte* AllocateBytes(long n, SmallBlocks.FreeLists? lists = null)
    {
        var block = (long*)SmallBlocks.Allocate(Header + n + 1, lists ?? SmallBlocks.Local);
        block[0] = n;
        block[1] = NoHash;
        block[2] = 1;
        var p = (byte*)block + Header;
        p[n] = 0;
        RuntimeStats.Allocated();
        return p;
    }

    /// <summary>A string that is never freed (a count of -1), for values the runtime keeps for good.</summary>
    public static byte* AllocateImmortal(string s)
    {
        var p = Allocate(s);
        *(long*)(p + CountOffset) = -1;
        RuntimeStats.Freed();
        return p;
    }

    /// <summary>Frees a string whose count reached zero (called by compiled code).</summary>
    public static void Free(byte* p)
    {
        SmallBlocks.Free(p - Header, Header + ByteLength(p) + 1);
        RuntimeStats.Freed();
    }

    /// <summary>Adds one reference (for the runtime keeping a string compiled code passed it); constants are not counted.</summary>
    public static void Retain(byte* p)
    {
        if (p == null) return;
        long* count = (long*)(p + CountOffset);
        if (*count > 0) ++*count;
    }

    /// <summary>Drops one reference (for hosts that received an owned string as a result).</summary>
    public static void Release(byte* p)
    {
        if (p == null) return;
        long* count = (long*)(p + CountOffset);
        if (*count <= 0) return;
        if (--*count == 0) Free(p);
    }

    /// <summary>The length in bytes of a str (from its header; 0 for the null pointer).</summary>
    public static long ByteLength(byte* p) => p == null ? 0 : *(long*)(p + LengthOffset);

    /// <summary>A str's UTF-8 bytes, by the length in its header.</summary>
    public static ReadOnlySpan<byte> StrSpan(byte* p) => p == null ? ReadOnlySpan<byte>.Empty : new ReadOnlySpan<byte>(p, (int)*(long*)(p + LengthOffset));

    public static string Read(byte* p) => p == null ? "" : Marshal.PtrToStringUTF8((nint)p) ?? "";

    /// <summary>The bytes of a NUL-terminated string (any, with a header or not).</summary>
    public static ReadOnlySpan<byte> Span(byte* p) => p == null ? ReadOnlySpan<byte>.Empty : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(p);
}

/// <summary>
/// Blocks for small strings: per size class (multiples of 16 bytes up to <see cref="MaxSmall"/>), a per-thread list of
/// freed blocks that the next allocation of that class takes back, up to <see cref="MaxCachedBytes"/> per thread (the
/// rest go back to malloc). malloc and free are called without the runtime's GC transition. A block freed on another
/// thread than the one that made it joins that thread's list.
/// </summary>
public static unsafe partial class SmallBlocks
{
    private const int Granule = 16, MaxSmall = 512, Classes = MaxSmall / Granule + 1;
    private const long MaxCachedBytes = 128L << 20;

    [ThreadStatic] private static FreeLists? _lists;

    public sealed class FreeLists
    {
        internal readonly nint[] Heads = new nint[Classes];
        internal long CachedBytes;
    }

    [LibraryImport("libc.so.6", EntryPoint = "malloc"), SuppressGCTransition]
    internal static partial void* Malloc(nuint size);
    [LibraryImport("libc.so.6", EntryPoint = "free"), SuppressGCTransition]
    internal static partial void LibcFree(void* p);

    private static int ClassOf(long size) => (int)((size + Granule - 1) / Granule);

    /// <summary>This thread's free lists.</summary>
    public static FreeLists Local => _lists ??= new FreeLists();

    public static void* Allocate(long size, FreeLists lists)
    {
        if (size > MaxSmall)
        {
            var big = Malloc((nuint)size);
            if (big == null) throw new OutOfMemoryException();
            return big;
        }
        int k = ClassOf(size);
        nint head = lists.Heads[k];
        if (head != 0)
        {
            lists.Heads[k] = *(nint*)head;
            lists.CachedBytes -= k * Granule;
            return (void*)head;
        }
        var block = Malloc((nuint)(k * Granule));
        if (block == null) throw new OutOfMemoryException();
        return block;
    }

    /// <summary>Frees a block of the size it was allocated with.</summary>
    public static void Free(void* block, long size)
    {
        if (size > MaxSmall) { LibcFree(block); return; }
        int k = ClassOf(size);
        var lists = Local;
        if (lists.CachedBytes + k * Granule > MaxCachedBytes) { LibcFree(block); return; }
        *(nint*)block = lists.Heads[k];
        lists.Heads[k] = (nint)block;
        lists.CachedBytes += k * Granule;
    }
}

/// <summary>Counts of what compiled code allocates: tests read <see cref="LiveAllocations"/>, which returns to its
/// earlier value once everything made has been freed (also when an exception unwound through compiled frames).</summary>
public static class RuntimeStats
{
    private static long _live;
    public static long LiveAllocations => Interlocked.Read(ref _live);
    internal static void Allocated() => Interlocked.Increment(ref _live);
    internal static void Freed() => Interlocked.Decrement(ref _live);
}
