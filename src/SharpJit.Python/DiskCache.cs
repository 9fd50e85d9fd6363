using System.IO.Hashing;
using System.Text;
using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Engine;
using SharpJit.Llvm;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// cache=True: each compiled signature is stored as a standalone shared library plus a metadata file, and a later
/// process loads it with dlopen, without LLVM. The key covers the compiler, LLVM, the host CPU, the options, the
/// argument types and the function's file; the metadata lists every value frozen into the code (globals of the
/// function and of every @jit callee it reached, with their files), re-checked against Python before use.
/// A file that fails any check is ignored and replaced; files are written to a temporary name and renamed.
/// Trust: only entries this user wrote are loaded (owner and mode checks on the directory and each file, opened
/// without following links, regular files only), each authenticated by an HMAC-SHA256 under a per-user secret
/// (<see cref="CacheSecret"/>), and the library loaded is exactly the authenticated bytes (a sealed memfd).
/// </summary>
internal static unsafe class DiskCache
{
    private const string Magic = "SJC2";

    public sealed record Key(string Text, string BasePath);

    public static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));
    private static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexString(XxHash128.Hash(data)).ToLowerInvariant();

    private static string? _machine;

    /// <summary>Compiler build, LLVM library and host CPU, read without loading LLVM.</summary>
    private static string Machine => _machine ??= string.Join("|", Bridge.CompilerIdentity, LlvmIdentity(), CpuIdentity(), "vector-math:" + SharpJit.Codegen.VectorMath.Identity, SharpJit.Library.NumPyDispatch.Identity);

    private static string LlvmIdentity()
    {
        foreach (var candidate in LlvmLibrary.Candidates.Where(Path.IsPathRooted))
        {
            var info = new FileInfo(candidate);
            if (info.Exists) return $"{candidate}:{info.Length}:{info.LastWriteTimeUtc.Ticks}";
        }
        return "llvm:unknown";
    }

    private static string CpuIdentity()
    {
        try
        {
            var lines = File.ReadLines("/proc/cpuinfo").TakeWhile(l => l.Length > 0)
                .Where(l => l.StartsWith("model name") || l.StartsWith("flags") || l.StartsWith("vendor_id"));
            return Hash(string.Join("\n", lines));
        }
        catch (IOException) { return "cpu:unknown"; }
    }

    public static Key KeyFor(Dispatcher d, byte[] typeKey, CodegenOptions options, SjType? declaredReturn)
    {
        string text = string.Join("\n", "sharpjit-cache-v1", Machine, d.Identity, Convert.ToHexString(typeKey),
            options.ToString(), declaredReturn?.Name ?? "", d.Parallel ? "parallel" : "");
        return KeyIn(d, text, "");
    }

    /// <summary>The key of this text: its files are NAME[KIND]-HASH.* in the dispatcher's cache directory.</summary>
    private static Key KeyIn(Dispatcher d, string text, string kind)
    {
        string safeName = new(d.Name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return new Key(text, Path.Combine(d.CacheDir!, $"{safeName}{kind}-{Hash(text)}"));
    }

    /// <summary>A stored signature if every check passes, else null (warnings: what the caller must tell the user).</summary>
    public static CompiledEntry? TryLoad(Dispatcher d, Key key, byte[] typeKey, SjType[] types, SjType? declaredReturn,
        List<string> warnings) =>
        Guarded(() =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (ReadEntry(d, key, warnings) is not var (r, library)) return null;
            using (r)
            {
                string entrySymbol = r.ReadString();
                var compiledReturn = TypeNames.Parse(r.ReadString());
                string llvmIr = r.ReadString(), typedIr = r.ReadString();
                var address = LoadVerified(library, entrySymbol);
                if (address == 0) return null;
                var ret = declaredReturn ?? compiledReturn;
                return new CompiledEntry
                {
                    Key = typeKey, ArgTypes = types, CompiledReturnType = compiledReturn, ReturnType = ret,
                    PrintLlvmIr = () => llvmIr, TypedIr = () => typedIr, CompileTime = started.Elapsed, FromCache = true,
                    Args = new ValueLayout(types),
                    ResultSize = Math.Max(ValueLayout.SizeAlign(compiledReturn).Size, ValueLayout.SizeAlign(ret).Size),
                    Entry = (delegate* unmanaged<byte*, byte*, int>)address,
                };
            }
        });

    /// <summary>The key of a ufunc's inner loop (@vectorize / @guvectorize with cache=True): the loop's operand types
    /// (as <paramref name="loop"/> spells them) beside what a signature's key holds.</summary>
    public static Key LoopKeyFor(Dispatcher d, string loop, CodegenOptions options)
    {
        string text = string.Join("\n", "sharpjit-cache-v1", Machine, d.Identity, "ufunc-loop:" + loop, options.ToString());
        return KeyIn(d, text, "-loop");
    }

    /// <summary>A stored ufunc loop if every check passes (the same checks as a signature's), else null.</summary>
    public static Engine.UFuncLoop? TryLoadLoop(Dispatcher d, Key key, List<string> warnings) =>
        Guarded(() =>
        {
            if (ReadEntry(d, key, warnings) is not var (r, library)) return null;
            using (r)
            {
                string entrySymbol = r.ReadString();
                var inputs = new ScalarType[r.ReadInt32()];
                for (int k = 0; k < inputs.Length; k++) inputs[k] = (ScalarType)TypeNames.Parse(r.ReadString());
                string output = r.ReadString();
                bool mayRaise = r.ReadBoolean();
                var address = LoadVerified(library, entrySymbol);
                return address == 0 ? null
                    : new Engine.UFuncLoop(address, inputs, output.Length == 0 ? null : (ScalarType)TypeNames.Parse(output), entrySymbol, mayRaise);
            }
        });

    public static void StoreLoop(Dispatcher d, Key key, Engine.UFuncLoop loop, List<string> warnings)
    {
        if (loop.SharedObject == null) return;
        WriteEntry(d, key, loop.Modules.ToHashSet(), loop.SharedObject, w =>
        {
            w.Write(loop.NativeName);
            w.Write(loop.In.Length);
            foreach (var t in loop.In) w.Write(t.Name);
            w.Write(loop.Out?.Name ?? "");
            w.Write(loop.MayRaise);
        }, warnings);
    }

    /// <summary>Null for an entry that cannot be read as written (a cache entry is only ever a miss).</summary>
    private static T? Guarded<T>(Func<T?> read) where T : class
    {
        try { return read(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException
                                       or DllNotFoundException or EntryPointNotFoundException or InvalidOperationException
                                       or BadImageFormatException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>
    /// An entry's metadata after its key and dependencies (the reader is the caller's to dispose) and its library, if
    /// the directory and both files are this user's alone, the MAC under this user's secret matches, the key is this
    /// one and every value it was compiled against is unchanged; else null.
    /// </summary>
    private static (BinaryReader Reader, byte[] Library)? ReadEntry(Dispatcher d, Key key, List<string> warnings)
    {
        if (!DirectoryIsSafe(Path.GetDirectoryName(key.BasePath)!, create: false, warnings)) return null;
        var secret = CacheSecret.Get(warnings);
        if (secret == null) return null;
        // Both files are read through descriptors that passed the owner and type checks; the bytes read are the
        // bytes authenticated and, for the library, the bytes loaded. They are read as one pair, under the cache
        // directory's shared lock (WriteEntry renames a pair under its exclusive one).
        byte[]? bytes, library;
        using (new Posix.DirectoryLock(Path.GetDirectoryName(key.BasePath)!, exclusive: false))
        {
            bytes = ReadOwnFile(key.BasePath + ".sjc", MaxMetadata);
            library = ReadOwnFile(key.BasePath + ".so", MaxLibrary);
        }
        if (bytes == null || bytes.Length < HmacSha256.Size + Magic.Length || library == null) return null;
        var body = bytes.AsSpan(0, bytes.Length - HmacSha256.Size);
        var mac = HmacSha256.Compute(secret, body, library);
        if (!SameBytes(mac, bytes.AsSpan(body.Length))) return null;
        var r = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
        bool keep = false;
        try
        {
            if (new string(r.ReadChars(Magic.Length)) != Magic || r.ReadString() != key.Text) return null;
            int deps = r.ReadInt32();
            for (int i = 0; i < deps; i++)
            {
                string path = r.ReadString(), name = r.ReadString(), expected = r.ReadString();
                if (CurrentKey(d, path, name) != expected) return null;
            }
            keep = true;
            return (r, library);
        }
        finally { if (!keep) r.Dispose(); }
    }

    /// <summary>Compares in time independent of where the bytes differ.</summary>
    private static bool SameBytes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) return false;
        int diff = 0;
        for (int i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
        return diff == 0;
    }

    private const long MaxMetadata = 64L << 20, MaxLibrary = 256L << 20;

    /// <summary>
    /// The whole content of a regular file this user owns and no one else may write, opened without following a
    /// link and without blocking (a FIFO or a device is refused, never read); null otherwise.
    /// </summary>
    private static byte[]? ReadOwnFile(string path, long max)
    {
        int fd = Posix.Open(path, Posix.O_RDONLY | Posix.O_NOFOLLOW | Posix.O_NONBLOCK);
        if (fd < 0) return null;
        try
        {
            if (Posix.Stat(fd) is not { } st || !st.IsRegular || st.Uid != Posix.Euid || st.WritableByOthers) return null;
            return Posix.ReadAll(fd, st.Size, max);
        }
        finally { Posix.Close(fd); }
    }

    /// <summary>
    /// dlopen of exactly these bytes: they go into a sealed memory file, loaded by its /proc/self/fd path, so nothing
    /// can change them between the check and the load, and a library loaded earlier from the same cache path is never
    /// handed back. The descriptor stays open for the life of the process (the library is never unloaded, and a
    /// reused descriptor number would make dlopen return the library first loaded under that name).
    /// </summary>
    private static nint LoadVerified(byte[] library, string entrySymbol)
    {
        int fd = Posix.SealedMemoryFile("sharpjit-cache-entry", library);
        if (fd < 0) return 0;
        string path = $"/proc/self/fd/{fd}";
        try
        {
            // Libraries are never unloaded, so a handle seen before means the loader matched an earlier library (its
            // descriptor closed behind our back and the number reused): refused, the signature is recompiled.
            var handle = System.Runtime.InteropServices.NativeLibrary.Load(path);
            lock (LoadedHandles) if (!LoadedHandles.Add(handle)) return 0;
            return SharedObjects.Load(path, entrySymbol);   // the same library again: fills its runtime slots
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return 0;   // the descriptor stays open: its path may now name a loaded library
        }
    }

    private static readonly HashSet<nint> LoadedHandles = new();

    private static readonly HashSet<string> Warned = new();

    /// <summary>Adds a warning the first time this process meets it.</summary>
    internal static void WarnOnce(List<string> warnings, string text)
    {
        lock (Warned) if (Warned.Add(text)) warnings.Add(text);
    }

    /// <summary>
    /// Whether a cache directory may be used: a directory this user owns that no one else may write (other users could
    /// otherwise plant or swap entries). Created 0700 (with missing parents) when storing.
    /// </summary>
    internal static bool DirectoryIsSafe(string dir, bool create, List<string> warnings)
    {
        if (create && !Directory.Exists(dir))
        {
            try { Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { return false; }
        }
        int fd = Posix.Open(dir, Posix.O_RDONLY | Posix.O_DIRECTORY);
        if (fd < 0) return false;   // absent (nothing cached yet) or unreadable: nothing to load
        try
        {
            if (Posix.Stat(fd) is not { } st) return false;
            string? problem = st.Uid != Posix.Euid ? $"it is owned by uid {st.Uid}, not by this user (uid {Posix.Euid})"
                : st.WritableByOthers ? $"other users may write to it (mode {Convert.ToString(st.Mode & 0xFFF, 8).PadLeft(4, '0')})"
                : null;
            if (problem == null) return true;
            WarnOnce(warnings, $"sharpjit: not using the cache directory {dir}: {problem}; " +
                "compiled code is neither loaded from it nor stored there");
            return false;
        }
        finally { Posix.Close(fd); }
    }

    /// <summary>The key of what `name` means now, seen from the dispatcher or module reached by following `path`.</summary>
    private static string? CurrentKey(Dispatcher root, string path, string name)
    {
        object scope = root;
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            if (Peek(scope, step)?.HostObject is not { } next) return null; else scope = next;
        return Peek(scope, name)?.HostKey;
    }

    private static GlobalInfo? Peek(object scope, string name) => scope switch
    {
        Dispatcher d => HostNames.Peek(d.Self, name),
        HostModule m => m.Peek(name),
        _ => null,
    };

    /// <summary>Writes a freshly compiled signature (best effort: a cache that cannot be written is skipped).</summary>
    public static void Store(Dispatcher d, Key key, CompiledFunction f, List<string> warnings)
    {
        if (f.SharedObject == null || f.ReturnType is GeneratorType) return;   // a generator's type names a specialisation of this compilation
        WriteEntry(d, key, f.Types.Specializations.Select(s => s.Function.Module).ToHashSet(), f.SharedObject, w =>
        {
            w.Write(f.EntrySymbol);
            w.Write(f.ReturnType.Name);
            w.Write(f.LlvmIr);
            w.Write(HostFunction.TypedIr(f));
        }, warnings);
    }

    /// <summary>Writes an entry: its metadata (magic, key, the values it was compiled against, then what
    /// <paramref name="write"/> adds) with a MAC over it and the library, and the library.</summary>
    private static void WriteEntry(Dispatcher d, Key key, HashSet<ModuleInfo> reached, byte[] library, Action<BinaryWriter> write, List<string> warnings)
    {
        try
        {
            if (!DirectoryIsSafe(Path.GetDirectoryName(key.BasePath)!, create: true, warnings)) return;
            var secret = CacheSecret.Get(warnings);
            if (secret == null) return;
            var deps = new List<(string Path, string Name, string Key)>();
            CollectDependencies(d, "", reached, new HashSet<object>(), deps);
            var ms = new MemoryStream();
            using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic.ToCharArray());
                w.Write(key.Text);
                w.Write(deps.Count);
                foreach (var (path, name, k) in deps) { w.Write(path); w.Write(name); w.Write(k); }
                write(w);
            }
            // The MAC covers the metadata and the library: an entry only this user's secret could have made.
            ms.Write(HmacSha256.Compute(secret, ms.ToArray(), library));
            // The two files are replaced as one pair, under the directory's exclusive lock: processes compiling the
            // same entry at once make different libraries (a symbol's number counts the process's compilations), and
            // one's metadata beside another's library would be refused (test_concurrent_writers_leave_a_whole_entry).
            using (new Posix.DirectoryLock(Path.GetDirectoryName(key.BasePath)!, exclusive: true))
            {
                WriteAtomically(key.BasePath + ".so", library);
                WriteAtomically(key.BasePath + ".sjc", ms.ToArray());
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* read-only or full: run uncached */ }
    }

    private static void CollectDependencies(Dispatcher d, string path, HashSet<ModuleInfo> reached, HashSet<object> seen,
        List<(string, string, string)> deps)
    {
        if (!seen.Add(d) || d.HostIfParsed is not { } host || !reached.Contains(host.Module)) return;
        List<GlobalInfo> globals;
        lock (host.Module.Globals) globals = host.Module.Globals.Values.Where(g => g.HostKey != null).ToList();
        CollectFrom(globals, path, reached, seen, deps);
    }

    /// <summary>Records each frozen value, then follows callees and host modules (their attributes were frozen too).</summary>
    private static void CollectFrom(List<GlobalInfo> globals, string path, HashSet<ModuleInfo> reached, HashSet<object> seen,
        List<(string, string, string)> deps)
    {
        foreach (var g in globals)
        {
            deps.Add((path, g.Name, g.HostKey!));
            string inner = path.Length == 0 ? g.Name : path + "." + g.Name;
            if (g.HostObject is Dispatcher callee) CollectDependencies(callee, inner, reached, seen, deps);
            else if (g.HostObject is HostModule module && seen.Add(module))
            {
                List<GlobalInfo> attributes;
                lock (module.Resolved) attributes = module.Resolved.Values.Where(a => a.HostKey != null).ToList();
                CollectFrom(attributes, inner, reached, seen, deps);
            }
        }
    }

    /// <summary>
    /// Writes a file 0600 under a fresh temporary name (created exclusively, never through a link: a planted symlink or
    /// file makes the next name be tried) and renames it over the entry (which replaces a link, FIFO or foreign file
    /// there rather than writing through it).
    /// </summary>
    internal static void WriteAtomically(string path, byte[] data)
    {
        Span<byte> random = stackalloc byte[8];
        for (int attempt = 0; attempt < 16; attempt++)
        {
            string suffix = attempt == 0 ? $"{Environment.ProcessId}" : RandomHex(random);
            string tmp = $"{path}.{suffix}.tmp";
            int fd = Posix.Open(tmp, Posix.O_WRONLY | Posix.O_CREAT | Posix.O_EXCL | Posix.O_NOFOLLOW, 0x180 /* 0600 */);
            if (fd < 0)
            {
                if (Posix.Errno == Posix.EEXIST) continue;
                throw new IOException($"cannot create {tmp}");
            }
            bool ok;
            try { ok = Posix.Chmod(fd, 0x180) && Posix.WriteAll(fd, data); }
            finally { Posix.Close(fd); }
            if (ok && Posix.Rename(tmp, path)) return;
            Posix.Unlink(tmp);
            throw new IOException($"cannot write {path}");
        }
        throw new IOException($"cannot create a temporary file for {path}");
    }

    internal static string RandomHex(Span<byte> buffer)
    {
        Posix.Random(buffer);
        return Convert.ToHexString(buffer).ToLowerInvariant();
    }
}

/// <summary>
/// The per-user secret that authenticates cache entries: 32 random bytes in $XDG_CONFIG_HOME/sharpjit/cache-key
/// (default ~/.config), created 0600 on first use in a 0700 directory, and trusted only while it is a regular file
/// of this user that no one else may read or write.
/// </summary>
internal static class CacheSecret
{
    private static byte[]? _secret;
    private static readonly object Sync = new();

    public static string? KeyPath()
    {
        string? config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config) || !Path.IsPathRooted(config))
        {
            string? home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home)) return null;
            config = Path.Combine(home, ".config");
        }
        return Path.Combine(config, "sharpjit", "cache-key");
    }

    public static byte[]? Get(List<string> warnings)
    {
        lock (Sync)
        {
            if (_secret != null) return _secret;
            string? path = KeyPath();
            string? problem = path == null ? "neither XDG_CONFIG_HOME nor HOME is set" : null;
            if (path != null)
            {
                try { (_secret, problem) = ReadOrCreate(path, warnings); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
                {
                    problem = "it cannot be created";
                }
            }
            if (_secret == null)
                DiskCache.WarnOnce(warnings, $"sharpjit: the cache is not used: no usable secret key {path ?? ""}: {problem}");
            return _secret;
        }
    }

    private static (byte[]?, string?) ReadOrCreate(string path, List<string> warnings)
    {
        string dir = Path.GetDirectoryName(path)!;
        var quiet = new List<string>();
        if (!DiskCache.DirectoryIsSafe(dir, create: true, quiet))
            return (null, quiet.Count > 0 ? $"its directory is not safe ({quiet[0]})" : "its directory cannot be created");
        for (int attempt = 0; attempt < 3; attempt++)
        {
            int fd = Posix.Open(path, Posix.O_RDONLY | Posix.O_NOFOLLOW | Posix.O_NONBLOCK);
            if (fd >= 0)
            {
                try
                {
                    if (Posix.Stat(fd) is not { } st || !st.IsRegular) return (null, "it is not a regular file");
                    if (st.Uid != Posix.Euid) return (null, $"it is owned by uid {st.Uid}");
                    if ((st.Mode & 0x3F) != 0) return (null, "other users may read or write it (it must be 0600)");
                    var key = Posix.ReadAll(fd, st.Size, 1024);
                    return key is { Length: >= 32 } ? (key, null) : (null, "it is damaged");
                }
                finally { Posix.Close(fd); }
            }
            if (Posix.Errno != Posix.ENOENT) return (null, "it cannot be opened (a link or unreadable)");
            // Created whole under a temporary name, then linked into place: a racing process either wins or reads ours.
            var secret = new byte[32];
            Posix.Random(secret);
            Span<byte> random = stackalloc byte[8];
            string tmp = path + "." + DiskCache.RandomHex(random) + ".tmp";
            int w = Posix.Open(tmp, Posix.O_WRONLY | Posix.O_CREAT | Posix.O_EXCL | Posix.O_NOFOLLOW, 0x180);
            if (w < 0) return (null, "it cannot be created");
            bool ok;
            try { ok = Posix.Chmod(w, 0x180) && Posix.WriteAll(w, secret); }
            finally { Posix.Close(w); }
            bool linked = ok && Posix.Link(tmp, path);
            Posix.Unlink(tmp);
            if (linked) return (secret, null);
            if (!ok) return (null, "it cannot be written");
        }
        return (null, "it cannot be created");
    }
}
