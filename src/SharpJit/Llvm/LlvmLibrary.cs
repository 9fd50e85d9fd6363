using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SharpJit.Llvm;

/// <summary>
/// Locates and loads LLVM 19 for the <c>[LibraryImport("LLVM-19")]</c> declarations in <see cref="LLVM"/>: first
/// <c>libsharpjit-llvm.so</c> next to this module (x86-only LLVM linked by <c>scripts/build-llvm.sh</c> from Debian's
/// static libraries; loads in ~14 ms), else Debian's <c>libLLVM.so.19.1</c> (~40 ms). Loading is lazy: nothing
/// happens until the first P/Invoke (or an explicit <see cref="EnsureLoaded"/>).
/// </summary>
/// <remarks>
/// <para>The resolver is registered with <see cref="NativeLibrary.SetDllImportResolver"/> for this assembly from
/// <see cref="LLVM"/>'s static constructor, i.e. before its first P/Invoke. Only one resolver can be set per
/// assembly. If some other component of this assembly (e.g. the CPython extension entry point, which maps its own
/// import name to the main program) has already set one, registration fails; in that case that resolver MUST
/// delegate to <see cref="Resolve"/> (or <see cref="TryResolve"/>) for <see cref="Name"/> — alternatively call
/// <see cref="InstallResolver"/> with a fallback for the other names, before either is used.</para>
/// <para>NativeAOT-compatible: no reflection, no delegates marshalled to native code.</para>
/// </remarks>
public static unsafe partial class LlvmLibrary
{
    /// <summary>The library name used in every <c>LibraryImport</c> of this binding.</summary>
    public const string Name = "LLVM-19";

    /// <summary>File name of the x86-only LLVM that the build links and places next to the compiler's module.</summary>
    public const string SlimFileName = "libsharpjit-llvm.so";

    /// <summary>Environment variable naming the LLVM library to load instead (e.g. Debian's full libLLVM.so.19.1).</summary>
    public const string OverrideVariable = "SHARPJIT_LLVM_LIBRARY";

    /// <summary>
    /// Paths tried in order: <see cref="OverrideVariable"/> alone when set; else <see cref="SlimFileName"/> next to
    /// this module (the NativeAOT library or the assembly), then Debian's libLLVM through the loader path and at its
    /// well-known absolute paths.
    /// </summary>
    public static IReadOnlyList<string> Candidates => s_candidates ??= FindCandidates();

    private static IReadOnlyList<string>? s_candidates;

    private static List<string> FindCandidates()
    {
        var chosen = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(chosen)) return [chosen];
        var list = new List<string>();
        foreach (var dir in new[] { NativeModuleDirectory(), AppContext.BaseDirectory })
        {
            if (string.IsNullOrEmpty(dir)) continue;
            var slim = Path.Combine(dir, SlimFileName);
            if (File.Exists(slim) && !list.Contains(slim)) list.Add(slim);
        }
        list.AddRange([
            "libLLVM.so.19.1",
            "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1",
            "/usr/lib/llvm-19/lib/libLLVM.so.19.1",
            "/usr/lib/llvm-19/lib/libLLVM-19.so",
        ]);
        return list;
    }

    /// <summary>The directory of the shared object holding this code under NativeAOT (null when JIT-compiled).</summary>
    private static string? NativeModuleDirectory()
    {
        if (System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) return null;
        DlInfo info;
        if (dladdr((nint)(delegate* unmanaged<void>)&Anchor, &info) == 0 || info.FileName == 0) return null;
        return Path.GetDirectoryName(Marshal.PtrToStringUTF8(info.FileName));
    }

    [UnmanagedCallersOnly]
    private static void Anchor() { }

    private struct DlInfo { public nint FileName, FileBase, SymbolName, SymbolAddress; }

    [LibraryImport("libc.so.6", EntryPoint = "dladdr")]
    private static partial int dladdr(nint address, DlInfo* info);

    private static readonly object s_lock = new();
    private static volatile bool s_registered;
    private static nint s_handle;
    private static volatile bool s_loadAttempted;   // read outside the lock: s_handle is written before it
    private static string? s_loadError;
    private static DllImportResolver? s_fallback;

    /// <summary>True if our resolver was installed for this assembly (false if another resolver was already there).</summary>
    public static bool ResolverInstalled { get; private set; }

    /// <summary>Message of the last failed load, or null.</summary>
    public static string? LoadError => s_loadError;

    /// <summary>
    /// Idempotent and thread-safe: registers the import resolver (once) and loads libLLVM. Throws
    /// <see cref="DllNotFoundException"/> if the library cannot be found.
    /// </summary>
    public static void EnsureLoaded()
    {
        Register();
        if (Handle == 0)
            throw new DllNotFoundException($"cannot load LLVM 19 (tried {string.Join(", ", Candidates)}): {s_loadError}"
                + (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } ? $"; {OverrideVariable} names the library to load" : ""));
    }

    /// <summary>
    /// Maps LLVM's code and read-only data into the process's page tables, one call a segment (MADV_POPULATE_READ,
    /// Linux 5.14 and later), once the loader has mapped the library: called on another thread while LLVM loads, so
    /// that its static constructors and a first compilation find their pages mapped instead of faulting them in one
    /// at a time (each fault about 10 µs in a virtual machine). Where the load has not begun yet, waits for it first;
    /// where the kernel refuses the advice, nothing changes. Never throws. (The CPython extension binds libc's
    /// functions directly: looked up at its first call, madvise would wait for the loader's lock, which the load holds.)
    /// </summary>
    /// <returns>Whether the library was found mapped (and advised).</returns>
    public static bool MapInCode()
    {
        try
        {
            // Not mapped yet (the load has not begun): wait for it.
            return MapIn() || (Handle != 0 && MapIn());
        }
        catch (Exception) { return false; /* advice only: a process without /proc, a kernel or libc without it */ }
    }

    private static bool MapIn()
    {
        var names = Candidates.Select(Path.GetFileName).ToHashSet();
        bool found = false;
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            // start-end perms offset device inode path
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[1] is not ("r-xp" or "r--p") || !names.Contains(Path.GetFileName(fields[5].Trim()))) continue;
            var range = fields[0].Split('-');
            ulong start = Convert.ToUInt64(range[0], 16), end = Convert.ToUInt64(range[1], 16);
            _ = madvise((void*)start, (nuint)(end - start), MadvPopulateRead);
            found = true;
        }
        return found;
    }

    private const int MadvPopulateRead = 22;
    [LibraryImport("libc.so.6")] private static partial int madvise(void* address, nuint length, int advice);

    /// <summary>True if libLLVM 19 can be loaded (loads it). Never throws.</summary>
    public static bool IsAvailable
    {
        get
        {
            try { Register(); return Handle != 0; }
            catch { return false; }
        }
    }

    /// <summary>The <c>dlopen</c> handle of libLLVM, loading it on first use; 0 if it cannot be loaded.</summary>
    public static nint Handle
    {
        get
        {
            if (s_loadAttempted) return s_handle;
            lock (s_lock)
            {
                if (s_loadAttempted) return s_handle;
                foreach (var candidate in Candidates)
                {
                    try
                    {
                        s_handle = NativeLibrary.Load(candidate);
                        s_loadError = null;
                        break;
                    }
                    catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                    {
                        // .NET's text ends with dlerror()'s line, which names the missing file or symbol.
                        s_loadError = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
                    }
                }
                s_loadAttempted = true;
                return s_handle;
            }
        }
    }

    /// <summary>
    /// Installs the resolver for this assembly with an optional fallback for other library names. Call this
    /// instead of <see cref="NativeLibrary.SetDllImportResolver"/> when another part of the assembly needs its own
    /// resolver. Returns false if a resolver was already installed (by us or by someone else).
    /// </summary>
    public static bool InstallResolver(DllImportResolver? fallback = null)
    {
        lock (s_lock)
        {
            if (fallback != null) s_fallback = fallback;
            if (s_registered) return false;
            s_registered = true;
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(LlvmLibrary).Assembly, Resolve);
                ResolverInstalled = true;
                return true;
            }
            catch (InvalidOperationException)
            {
                // Someone else owns this assembly's resolver. They must delegate to Resolve() for Name;
                // as a last resort, hook the load context's failure event (not raised under NativeAOT).
                ResolverInstalled = false;
                try { AssemblyLoadContext.Default.ResolvingUnmanagedDll += OnResolvingUnmanagedDll; }
                catch (PlatformNotSupportedException) { }
                return false;
            }
        }
    }

    private static void Register()
    {
        if (s_registered) return;
        InstallResolver();
    }

    /// <summary>
    /// <see cref="DllImportResolver"/>-compatible: returns the libLLVM handle for <see cref="Name"/> (0 if it cannot be
    /// loaded), the fallback's answer for other names when one was given to <see cref="InstallResolver"/>, else 0.
    /// </summary>
    public static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (TryResolve(libraryName, out var handle)) return handle;
        var fb = s_fallback;
        return fb != null ? fb(libraryName, assembly, searchPath) : 0;
    }

    /// <summary>True (with the handle) if <paramref name="libraryName"/> is this binding's library and it loads.</summary>
    public static bool TryResolve(string libraryName, out nint handle)
    {
        handle = 0;
        if (!string.Equals(libraryName, Name, StringComparison.Ordinal)) return false;
        handle = Handle;
        return handle != 0;
    }

    private static nint OnResolvingUnmanagedDll(Assembly assembly, string libraryName)
        => TryResolve(libraryName, out var h) ? h : 0;
}
