using System.Runtime.InteropServices;
using SharpJit.Engine;
using SharpJit.Library;

namespace SharpJit.Python;

/// <summary>
/// _bitcode_library(path, signatures): sharpjit.load_bitcode's library (<see cref="BitcodeLibrary"/>).
/// _init_bitcode_module(path, name, spec): JIT-compiles an extension module's bitcode and runs its PyInit_NAME, with
/// single-phase (a module object) and multi-phase (a PyModuleDef) initialisation. Used by sharpjit.bitcode's importer.
/// </summary>
internal static unsafe partial class BitcodeImport
{
    [LibraryImport("python")] private static partial nint PyModule_FromDefAndSpec2(nint def, nint spec, int apiVersion);
    [LibraryImport("python")] private static partial int PyModule_ExecDef(nint module, nint def);

    /// <summary>(key, ((name, signature or "", why not or "", LLVM type), ...)) for the file and declared signatures
    /// (a tuple of (name, signature) pairs); ValueError when it is not LLVM for this machine or a signature is wrong.</summary>
    [UnmanagedCallersOnly]
    public static nint Library(nint self, nint args)
    {
        string? path = Py.PyTuple_Size(args) == 2 ? Py.AsString(Py.PyTuple_GetItem(args, 0)) : null;
        if (path == null) { if (Py.PyErr_Occurred() == 0) Py.PyErr_SetString(Py.TypeError, "_bitcode_library(path, signatures)"); return 0; }
        var signatures = new Dictionary<string, string>();
        nint pairs = Py.PyTuple_GetItem(args, 1);
        for (int k = 0; k < Py.PyTuple_Size(pairs); k++)
        {
            var pair = HostNames.Strings(Py.PyTuple_GetItem(pairs, k));
            signatures[pair[0]] = pair[1];
        }
        BitcodeLibrary? library = null;
        string? error = null;
        Exception? failure = null;
        bool ran = ForkGate.RunWithoutGil(() =>
        {
            try { library = BitcodeLibrary.Load(path, signatures); }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException) { error = e.Message; }
            catch (DllNotFoundException e) { error = "cannot load LLVM to read it: " + e.Message; }
            catch (Exception e) { failure = e; }   // raised as Python's error below: never out of this entry point
        });
        if (!ran) return 0;   // interrupted while a fork was being prepared
        if (failure != null) return DispatcherType.Internal(failure);
        if (error != null) { Py.PyErr_SetString(Py.ValueError, error); return 0; }
        var functions = library!.Functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => Py.Tuple(Py.Str(f.Name), Py.Str(f.Signature?.ToString() ?? ""), Py.Str(f.Problem ?? ""), Py.Str(f.LlvmType)));
        return Py.Tuple(Py.Str(library.Key), Py.Tuple(functions.ToArray()));
    }

    [UnmanagedCallersOnly]
    public static nint Init(nint self, nint args)
    {
        if (Py.PyTuple_Size(args) != 3) { Py.PyErr_SetString(Py.TypeError, "_init_bitcode_module(path, name, spec)"); return 0; }
        string? path = Py.AsString(Py.PyTuple_GetItem(args, 0)), name = Py.AsString(Py.PyTuple_GetItem(args, 1));
        nint spec = Py.PyTuple_GetItem(args, 2);
        if (path == null || name == null) return 0;
        var main = NativeLibrary.GetMainProgramHandle();
        nint importError = *(nint*)NativeLibrary.GetExport(main, "PyExc_ImportError");
        nint address = 0;
        string? error = null;
        bool ran = ForkGate.RunWithoutGil(() =>
        {
            try { address = BitcodeModules.Load(path, "PyInit_" + name); }
            catch (BitcodeModules.LoadException e) { error = e.Message; }
            catch (DllNotFoundException e) { error = "cannot load LLVM to compile it: " + e.Message; }
            catch (Exception e) { error = $"{Path.GetFileName(path)} could not be loaded: {e.Message}"; }
        });
        if (!ran) return 0;   // interrupted while a fork was being prepared
        if (error != null) { Py.PyErr_SetString(importError, error); return 0; }

        nint r = ((delegate* unmanaged<nint>)address)();
        if (r == 0)
        {
            if (Py.PyErr_Occurred() == 0) Py.PyErr_SetString(*(nint*)NativeLibrary.GetExport(main, "PyExc_SystemError"), $"PyInit_{name} returned NULL without setting an exception");
            return 0;
        }
        if (Py.TypeOf(r) != NativeLibrary.GetExport(main, "PyModuleDef_Type")) return r;   // single-phase: the module
        nint module = PyModule_FromDefAndSpec2(r, spec, 1013);                              // multi-phase: a PyModuleDef
        if (module == 0) return 0;
        if (PyModule_ExecDef(module, r) < 0) { Py.Py_DecRef(module); return 0; }
        return module;
    }
}
