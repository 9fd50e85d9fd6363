using System.Runtime.InteropServices;
using SharpJit.Llvm;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Engine;

/// <summary>
/// LLVM bitcode (or IR text) JIT-compiled into this process as it is, for CPython extension modules compiled to
/// bitcode (<c>sharpjit.install_bitcode_importer()</c>). Its undefined symbols resolve against the process (the
/// interpreter's C-API, libc) and the shared libraries already loaded; every definition but the init function becomes
/// internal, so two modules never clash.
/// </summary>
public static unsafe partial class BitcodeModules
{
    /// <summary>Why a bitcode file cannot be loaded (the message an ImportError carries).</summary>
    public sealed class LoadException(string message) : Exception(message);

    private static readonly Dictionary<string, nint> Loaded = new();

    /// <summary>JIT-compiles the file and returns the address of <paramref name="initName"/> (once per file).</summary>
    public static nint Load(string path, string initName)
    {
        path = Path.GetFullPath(path);
        var jit = JitHost.Jit;
        lock (jit.SyncRoot)
        {
            if (Loaded.TryGetValue(path + "\0" + initName, out var known)) return known;
            string file = Path.GetFileName(path);
            LLVMModuleRef m;
            try
            {
                m = path.EndsWith(".ll", StringComparison.Ordinal)
                    ? ModuleText.ParseIR(jit.ContextRef, File.ReadAllText(path), file)
                    : ModuleText.ParseBitcode(jit.ContextRef, File.ReadAllBytes(path), file);
            }
            catch (LlvmException e) { throw new LoadException($"{file} is not valid LLVM {(path.EndsWith(".ll") ? "IR" : "bitcode")}: {e.Message}"); }
            catch (IOException e) { throw new LoadException($"cannot read {path}: {e.Message}"); }
            try
            {
                string triple = LLVM.ToManaged(GetTarget(m)) ?? "";
                string arch = triple.Split('-')[0], host = jit.TargetTriple.Split('-')[0];
                if (arch.Length > 0 && arch != host) throw new LoadException($"{file} was compiled for {triple}, not for this machine ({jit.TargetTriple})");
                var init = GetNamedFunction(m, initName);
                if (init.Handle == 0 || IsDeclaration(init) != 0)
                {
                    var inits = new List<string>();
                    for (var f = GetFirstFunction(m); f.Handle != 0; f = GetNextFunction(f))
                        if (IsDeclaration(f) == 0 && GetValueNameString(f).StartsWith("PyInit_")) inits.Add(GetValueNameString(f));
                    throw new LoadException($"{file} defines no {initName}()" + (inits.Count > 0 ? $" (it defines {string.Join(", ", inits)})" : ""));
                }
                var missing = new List<string>();
                var found = new List<(string, nint)>();
                foreach (var (name, isFunction) in Undefined(m))
                {
                    if (name.StartsWith("llvm.")) continue;
                    var address = Resolve(name);
                    if (address == 0) missing.Add(name);
                    else found.Add((name, address));
                }
                if (missing.Count > 0)
                    throw new LoadException($"{file} needs {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")}, which neither the interpreter nor any loaded shared library defines (load the library first, e.g. with ctypes.CDLL)");
                // Symbols of libraries loaded without RTLD_GLOBAL: bound by address.
                jit.DefineAbsoluteSymbols(found.Where(f => DlSym(0, f.Item1) == 0));
                for (var f = GetFirstFunction(m); f.Handle != 0; f = GetNextFunction(f))
                    if (IsDeclaration(f) == 0 && GetValueNameString(f) != initName) SetLinkage(f, LLVMLinkage.LLVMInternalLinkage);
                for (var g = GetFirstGlobal(m); g.Handle != 0; g = GetNextGlobal(g))
                    if (IsDeclaration(g) == 0) SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
                ModuleText.VerifyOrThrow(m);
            }
            catch (Exception) { DisposeModule(m); throw; }
            try
            {
                jit.AddModule(m);
                var address = jit.Lookup(initName);
                Loaded[path + "\0" + initName] = address;
                return address;
            }
            catch (LlvmException e) { throw new LoadException($"{file} could not be compiled: {e.Message}"); }
        }
    }

    private static IEnumerable<(string Name, bool Function)> Undefined(LLVMModuleRef m)
    {
        for (var f = GetFirstFunction(m); f.Handle != 0; f = GetNextFunction(f))
            if (IsDeclaration(f) != 0 && GetFirstUse(f).Handle != 0 && GetIntrinsicID(f) == 0) yield return (GetValueNameString(f), true);
        for (var g = GetFirstGlobal(m); g.Handle != 0; g = GetNextGlobal(g))
            if (IsDeclaration(g) != 0 && GetFirstUse(g).Handle != 0) yield return (GetValueNameString(g), false);
    }

    /// <summary>A symbol's address: the process's global scope, then each shared library mapped into the process.</summary>
    private static nint Resolve(string name)
    {
        var a = DlSym(0, name);
        if (a != 0) return a;
        foreach (var lib in LoadedLibraries())
        {
            var h = dlopen(lib, RTLD_LAZY | RTLD_NOLOAD);
            if (h == 0) continue;
            a = DlSym(h, name);
            dlclose(h);
            if (a != 0) return a;
        }
        return 0;
    }

    private static nint DlSym(nint handle, string name) => dlsym(handle == 0 ? RTLD_DEFAULT : handle, name);

    private static IEnumerable<string> LoadedLibraries()
    {
        var seen = new HashSet<string>();
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            int slash = line.IndexOf('/');
            if (slash < 0) continue;
            var p = line[slash..].Trim();
            if ((p.EndsWith(".so") || p.Contains(".so.")) && seen.Add(p)) yield return p;
        }
    }

    private const int RTLD_LAZY = 1, RTLD_NOLOAD = 4;
    private static readonly nint RTLD_DEFAULT = 0;

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)] private static partial nint dlopen(string file, int mode);
    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)] private static partial nint dlsym(nint handle, string name);
    [LibraryImport("libc.so.6")] private static partial int dlclose(nint handle);
}
