using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Runtime;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Engine;

/// <summary>
/// Functions compiled when they first run (Codegen's <c>FunctionEmitter.Deferred</c>): before the JIT optimises a
/// module, <see cref="SplitOff"/> keeps the module's bitcode and deletes those functions from it; their call sites
/// then call <c>sj_deferred_resolve</c> on first use, which compiles the one function from that bitcode and stores its
/// address in the call site's slot.
/// </summary>
public static unsafe class DeferredCode
{
    private sealed record Entry(byte[] Bitcode, string Name);

    private static readonly ConcurrentDictionary<long, Entry> Entries = new();
    private static readonly object Gate = new();

    /// <summary>Keeps <paramref name="module"/>'s bitcode for the deferred functions, then deletes them from it.</summary>
    internal static void SplitOff(LLVMModuleRef module, IReadOnlyList<(long Id, string Name)> deferred)
    {
        foreach (var (_, name) in deferred) CheckSelfContained(GetNamedFunction(module, name), name);
        var bitcode = ModuleText.GetBitcode(module);
        foreach (var (id, name) in deferred)
        {
            var fn = GetNamedFunction(module, name);
            if (GetFirstUse(fn).Handle != 0) throw new InvalidOperationException($"deferred function {name} is called directly");
            DeleteFunction(fn);
            Entries[id] = new Entry(bitcode, name);
        }
    }

    /// <summary>A deferred function is compiled in a module of its own: it must not use the module's variables (each
    /// module would have its own copy); constants (strings, tables) it may.</summary>
    private static void CheckSelfContained(LLVMValueRef fn, string name)
    {
        for (var b = GetFirstBasicBlock(fn); b.Handle != 0; b = GetNextBasicBlock(b))
            for (var i = GetFirstInstruction(b); i.Handle != 0; i = GetNextInstruction(i))
                for (int k = 0, n = GetNumOperands(i); k < n; k++)
                {
                    var g = IsAGlobalVariable(GetOperand(i, (uint)k));
                    if (g.Handle != 0 && IsGlobalConstant(g) == 0)
                        throw new InvalidOperationException($"deferred function {name} uses the module variable {GetValueNameString(g)}");
                }
    }

    /// <summary>sj_deferred_resolve: the address of deferred function <paramref name="id"/>, compiled now unless its
    /// slot already has it, and stored in the slot. Where it cannot be compiled, a function that reports the pending
    /// SystemError (the call site raises it).</summary>
    [RuntimeHelper("sj_deferred_resolve"), UnmanagedCallersOnly]
    public static nint Resolve(long id, nint slot)
    {
        try
        {
            lock (Gate)
            {
                nint known = Volatile.Read(ref *(nint*)slot);
                if (known != 0) return known;
                nint address = Compile(id);
                Volatile.Write(ref *(nint*)slot, address);
                return address;
            }
        }
        catch (Exception ex)
        {
            CompileTrace.Write($"deferred function {id} failed to compile: {ex.GetType().Name}: {ex.Message}");
            ErrorState.Set("SystemError", "sharpjit: internal error while compiling a part of this function on its first use; please report it with the code that triggered it");
            return (nint)(delegate* unmanaged<nint, int>)&Failed;
        }
    }

    [UnmanagedCallersOnly]
    private static int Failed(nint context) => 1;

    private static nint Compile(long id)
    {
        if (!Entries.TryGetValue(id, out var entry)) throw new InvalidOperationException($"no deferred function {id}");
        var clock = Stopwatch.StartNew();
        var jit = JitHost.Jit;
        lock (jit.SyncRoot)
        {
            var module = ModuleText.ParseBitcode(jit.ContextRef, entry.Bitcode, entry.Name);
            KeepOnly(module, entry.Name);
            CompileTrace.DumpEmittedIr(entry.Name, () => ModuleText.Print(module));
            double parsed = clock.Elapsed.TotalMilliseconds;
            Optimizer.Run(module, jit.TargetMachine);
            double optimised = clock.Elapsed.TotalMilliseconds;
            jit.AddModule(module);
            nint address = jit.Lookup(entry.Name);
            CompileTrace.Write($"compiled deferred {entry.Name}: parse {parsed:0.0} ms, optimise {optimised - parsed:0.0} ms, " +
                $"machine code {clock.Elapsed.TotalMilliseconds - optimised:0.0} ms");
            return address;
        }
    }

    /// <summary>Makes <paramref name="name"/> the module's one external definition and deletes the functions nothing
    /// uses any more (the entry wrapper, the function the code was taken from, the other deferred functions).</summary>
    private static void KeepOnly(LLVMModuleRef module, string name)
    {
        for (var g = GetFirstGlobal(module); g.Handle != 0; g = GetNextGlobal(g))
            if (IsDeclaration(g) == 0) SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
        for (var fn = GetFirstFunction(module); fn.Handle != 0; fn = GetNextFunction(fn))
            if (IsDeclaration(fn) == 0)
                SetLinkage(fn, GetValueNameString(fn) == name ? LLVMLinkage.LLVMExternalLinkage : LLVMLinkage.LLVMInternalLinkage);
        for (bool deleted = true; deleted;)
        {
            deleted = false;
            for (var fn = GetFirstFunction(module); fn.Handle != 0;)
            {
                var next = GetNextFunction(fn);
                if (IsDeclaration(fn) == 0 && GetLinkage(fn) == LLVMLinkage.LLVMInternalLinkage && GetFirstUse(fn).Handle == 0)
                {
                    DeleteFunction(fn);
                    deleted = true;
                }
                fn = next;
            }
        }
    }
}
