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
/// </summary>
internal static unsafe class DiskCache
{
    private const string Magic = "SJC1";

    public sealed record Key(string Text, string BasePath);

    public static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));
    private static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexString(XxHash128.Hash(data)).ToLowerInvariant();
    private const int CheckSize = 16;   // XxHash128 of the metadata, at its end

    private static string? _machine;

    /// <summary>Compiler build, LLVM library and host CPU, read without loading LLVM.</summary>
    private static string Machine => _machine ??= string.Join("|", Bridge.CompilerIdentity, LlvmIdentity(), CpuIdentity());

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
            options.ToString(), declaredReturn?.Name ?? "");
        string safeName = new(d.Name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return new Key(text, Path.Combine(d.CacheDir!, $"{safeName}-{Hash(text)}"));
    }

    /// <summary>A stored signature if every check passes, else null.</summary>
    public static CompiledEntry? TryLoad(Dispatcher d, Key key, byte[] typeKey, SjType[] types, SjType? declaredReturn)
    {
        try
        {
            string meta = key.BasePath + ".sjc", so = key.BasePath + ".so";
            if (!File.Exists(meta) || !File.Exists(so)) return null;
            var started = System.Diagnostics.Stopwatch.StartNew();
            var bytes = File.ReadAllBytes(meta);
            if (bytes.Length < CheckSize + Magic.Length) return null;
            var body = bytes.AsSpan(0, bytes.Length - CheckSize);
            if (!XxHash128.Hash(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - CheckSize))) return null;
            using var r = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
            if (new string(r.ReadChars(Magic.Length)) != Magic || r.ReadString() != key.Text) return null;
            int deps = r.ReadInt32();
            for (int i = 0; i < deps; i++)
            {
                string path = r.ReadString(), name = r.ReadString(), expected = r.ReadString();
                if (CurrentKey(d, path, name) != expected) return null;
            }
            string entrySymbol = r.ReadString();
            var compiledReturn = TypeNames.Parse(r.ReadString());
            string llvmIr = r.ReadString(), typedIr = r.ReadString(), soHash = r.ReadString();
            var library = File.ReadAllBytes(so);
            if (Hash(library) != soHash) return null;
            var address = SharedObjects.Load(so, entrySymbol);
            var ret = declaredReturn ?? compiledReturn;
            return new CompiledEntry
            {
                Key = typeKey, ArgTypes = types, CompiledReturnType = compiledReturn, ReturnType = ret,
                LlvmIr = llvmIr, TypedIr = () => typedIr, CompileTime = started.Elapsed, FromCache = true,
                Args = new ValueLayout(types),
                ResultSize = Math.Max(ValueLayout.SizeAlign(compiledReturn).Size, ValueLayout.SizeAlign(ret).Size),
                Entry = (delegate* unmanaged<byte*, byte*, int>)address,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException
                                       or DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            return null;
        }
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
    public static void Store(Dispatcher d, Key key, CompiledFunction f)
    {
        if (f.SharedObject == null) return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(key.BasePath)!);
            var reached = f.Types.Specializations.Select(s => s.Function.Module).ToHashSet();
            var deps = new List<(string Path, string Name, string Key)>();
            CollectDependencies(d, "", reached, new HashSet<object>(), deps);
            var ms = new MemoryStream();
            using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic.ToCharArray());
                w.Write(key.Text);
                w.Write(deps.Count);
                foreach (var (path, name, k) in deps) { w.Write(path); w.Write(name); w.Write(k); }
                w.Write(f.EntrySymbol);
                w.Write(f.ReturnType.Name);
                w.Write(f.LlvmIr);
                w.Write(HostFunction.TypedIr(f));
                w.Write(Hash(f.SharedObject));
            }
            ms.Write(XxHash128.Hash(ms.ToArray()));
            WriteAtomically(key.BasePath + ".so", f.SharedObject);
            WriteAtomically(key.BasePath + ".sjc", ms.ToArray());
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

    private static void WriteAtomically(string path, byte[] data)
    {
        string tmp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllBytes(tmp, data);
        File.Move(tmp, path, overwrite: true);
    }
}
