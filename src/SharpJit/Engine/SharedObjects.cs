using System.Diagnostics;
using System.Runtime.InteropServices;
using SharpJit.Llvm;
using SharpJit.Runtime;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Engine;

/// <summary>
/// Compiled code as a standalone shared library, for the on-disk cache: loading it later needs no LLVM at all.
/// Runtime helpers are reached through exported pointer slots (<c>NAME.addr</c>) that the loader fills, because the
/// helpers' addresses belong to the loading process.
/// </summary>
public static unsafe class SharedObjects
{
    private const string SlotSuffix = ".addr";

    /// <summary>Links optimised IR (a clone is made; the module is untouched) into the bytes of an ELF shared library.</summary>
    public static byte[] Build(LLVMModuleRef optimised, LLVMTargetMachineRef tm)
    {
        var clone = CloneModule(optimised);
        try
        {
            RouteRuntimeCallsThroughSlots(clone);
            var obj = ModuleText.EmitObject(clone, tm, cloneFirst: false);
            return Link(obj);
        }
        finally { DisposeModule(clone); }
    }

    /// <summary>Each runtime helper declaration becomes an internal function that tail-calls through an exported slot.</summary>
    private static void RouteRuntimeCallsThroughSlots(LLVMModuleRef m)
    {
        var ctx = GetModuleContext(m);
        var ptr = PointerTypeInContext(ctx, 0);
        var builder = CreateBuilderInContext(ctx);
        try
        {
            var runtimeNames = RuntimeSymbols.All.Select(s => s.Name).ToHashSet();
            for (var f = GetFirstFunction(m); f.Handle != IntPtr.Zero; f = GetNextFunction(f))
            {
                string name = GetValueNameString(f);
                if (IsDeclaration(f) == 0 || !runtimeNames.Contains(name)) continue;
                var slot = AddGlobal(m, ptr, name + SlotSuffix);
                SetInitializer(slot, ConstNull(ptr));
                var fnType = GlobalGetValueType(f);
                SetLinkage(f, LLVMLinkage.LLVMInternalLinkage);
                PositionBuilderAtEnd(builder, AppendBasicBlockInContext(ctx, f, "entry"));
                var target = BuildLoad2(builder, ptr, slot, "target");
                var args = Enumerable.Range(0, (int)CountParams(f)).Select(i => GetParam(f, (uint)i)).ToArray();
                var call = BuildCall2(builder, fnType, target, args, "");
                SetTailCall(call, 1);
                if (GetTypeKind(GetReturnType(fnType)) == LLVMTypeKind.LLVMVoidTypeKind) BuildRetVoid(builder);
                else BuildRet(builder, call);
            }
        }
        finally { DisposeBuilder(builder); }
    }

    private static string GetValueNameString(LLVMValueRef v)
    {
        nuint len;
        return ToManaged(GetValueName2(v, &len), len);
    }

    private static readonly string[] Linkers = { "ld.lld-19", "/usr/lib/llvm-19/bin/ld.lld", "ld.lld" };

    private static byte[] Link(byte[] obj)
    {
        var dir = Directory.CreateTempSubdirectory("sharpjit-link-");
        try
        {
            string o = Path.Combine(dir.FullName, "code.o"), so = Path.Combine(dir.FullName, "code.so");
            File.WriteAllBytes(o, obj);
            foreach (var linker in Linkers)
            {
                try
                {
                    var psi = new ProcessStartInfo(linker) { RedirectStandardError = true, RedirectStandardOutput = true };
                    foreach (var a in new[] { "-shared", "--hash-style=gnu", "-o", so, o }) psi.ArgumentList.Add(a);
                    using var p = Process.Start(psi)!;
                    string err = p.StandardError.ReadToEnd();
                    p.WaitForExit();
                    if (p.ExitCode != 0) throw new InvalidOperationException($"{linker} failed: {err}");
                    return File.ReadAllBytes(so);
                }
                catch (System.ComponentModel.Win32Exception) { /* not installed under this name: try the next */ }
            }
            throw new InvalidOperationException("no LLVM linker (ld.lld-19) found: install lld-19 to use the cache");
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>Loads a library made by <see cref="Build"/>, fills its runtime slots, and returns the entry's address.</summary>
    public static nint Load(string path, string entrySymbol)
    {
        var handle = NativeLibrary.Load(path);
        foreach (var (name, address) in RuntimeSymbols.All)
            if (NativeLibrary.TryGetExport(handle, name + SlotSuffix, out var slot)) *(nint*)slot = address;
        return NativeLibrary.GetExport(handle, entrySymbol);
    }
}
