using System.Runtime.InteropServices;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// A C function compiled code calls with its address baked into the call (no table, no lookup, no argument packing):
/// one declared with <c>sharpjit.extern(library, symbol, signature)</c>, or a ctypes function pointer or
/// <c>CFUNCTYPE</c> callback from a function's globals. Symbol: its name in its library, so that exported code can
/// declare it and link against the library instead (a ctypes callback has none: its address exists only in this
/// process).
/// </summary>
public sealed class ExternFunction
{
    public string Name { get; }
    public CSignature Signature { get; }
    public long Address { get; }
    public string? Symbol { get; }
    /// <summary>Its registry entry: calls type and lower through the same path as every library function.</summary>
    public LibFunc Entry { get; }

    /// <summary>For a function of a bitcode file: the file, linked into the caller's module (no address).</summary>
    public BitcodeLibrary? Bitcode { get; }

    public ExternFunction(string name, CSignature signature, long address, string? symbol, BitcodeLibrary? bitcode = null)
    {
        Name = name; Signature = signature; Address = address; Symbol = symbol; Bitcode = bitcode;
        Entry = new LibFunc(name, TypeCall, LowerCall, LibFunc.Never);
    }

    /// <summary>Text naming the function and its address (or its file's content): a specialisation that bakes it in is keyed on it.</summary>
    public string Key => Bitcode != null ? $"{Name}:{Signature}@bitcode:{Bitcode.Key}{Bitcode.StateKey}" : $"{Name}:{Signature}@{Address:x}";

    public override string ToString() => $"{Name}: {Signature}";

    /// <summary>symbol from library (a path or a soname such as "libm.so.6"), resolved now, as the process loads it.</summary>
    public static ExternFunction FromLibrary(string library, string symbol, string signature)
    {
        var sig = CSignature.Parse(signature);
        if (sig.Return is Typing.PointerType)
            throw new ArgumentException($"invalid extern signature '{signature}': pointer results are not supported for extern functions yet (pointer parameters are)");
        if (!NativeLibrary.TryLoad(library, out var handle))
            throw new ArgumentException($"cannot load the library '{library}' (give a path or a soname the dynamic loader finds, e.g. 'libm.so.6')");
        if (!NativeLibrary.TryGetExport(handle, symbol, out var address))
            throw new ArgumentException($"the library '{library}' has no symbol '{symbol}'");
        return new ExternFunction(symbol, sig, address, symbol);
    }

    private SjType TypeCall(CallTypingContext c)
    {
        if (c.Keywords.Count > 0) throw c.Error($"{Name}() takes no keyword arguments (it is the C function {this})");
        if (c.Positional.Length != Signature.Args.Length)
            throw c.Error($"{Name}() takes {Signature.Args.Length} argument{(Signature.Args.Length == 1 ? "" : "s")} ({c.Positional.Length} given): it is the C function {this}");
        for (int k = 0; k < c.Positional.Length; k++)
            if (Signature.Args[k] is PointerType pointer)
            {
                if (CPointerArguments.Problem(pointer, c.Positional[k].Type) is { } why)
                    throw c.ErrorAt(c.Positional[k], $"argument {k + 1} of {Name}() must be {why}: it is the C function {this}");
            }
            else if (c.Positional[k].Type is not ScalarType { Rank: < 3 })
                throw c.ErrorAt(c.Positional[k], $"argument {k + 1} of {Name}() must be a real number for its C type {CAbiWrapper.TypeName(Signature.Args[k])}, not {TypeOps.PyName(c.Positional[k].Type)}");
        return Signature.Return;
    }

    private LLVMValueRef LowerCall(LoweringCall c)
    {
        var e = c.E; var M = e.M;
        var (callee, fnType) = Bitcode?.Declare(M, Name)
            ?? (default, FunctionType(CAbiWrapper.AbiType(M, Signature.Return), Signature.Args.Select(a => CAbiWrapper.AbiType(M, a)).ToArray()));
        var paramTypes = GetParamTypes(fnType);
        var args = new LLVMValueRef[Signature.Args.Length];
        for (int k = 0; k < args.Length; k++)
        {
            if (Signature.Args[k] is PointerType) { args[k] = CPointerArguments.Lower(e, c.Arg(k), c.ArgType(k)); continue; }
            var v = e.Convert(c.Arg(k), c.ArgType(k), Signature.Args[k]);
            // C's bool is a byte in memory (clang's own functions take it as i1).
            args[k] = Signature.Args[k] is ScalarType { Rank: 0 } && paramTypes[k] != M.I1 ? BuildZExt(e.B, v, M.I8, "") : v;
        }
        if (Bitcode == null) callee = M.Options.Standalone ? DeclaredBySymbol(c, fnType) : ConstIntToPtr(M.ConstI64(Address), M.Ptr);
        var result = BuildCall2(e.B, fnType, callee, args, "");
        if (Signature.Return == SimpleType.None) return M.Constant(null, SimpleType.None);
        return Signature.Return is ScalarType { Rank: 0 } && GetReturnType(fnType) != M.I1 ? BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, result, ConstInt(M.I8, 0), "") : result;
    }

    /// <summary>Exported code declares the function by name and links against its library.</summary>
    private LLVMValueRef DeclaredBySymbol(LoweringCall c, LLVMTypeRef fnType)
    {
        if (Symbol == null)
            throw new CompileError(ErrorKind.UnsupportedError, $"{Name} is a ctypes function pointer: its address exists only in this process, so exported code cannot call it",
                c.E.Source, c.Span, "declare it with sharpjit.extern(library, symbol, signature) to call it from exported code");
        var callee = GetNamedFunction(c.E.M.Module, Symbol);
        return callee.Handle != 0 ? callee : AddFunction(c.E.M.Module, Symbol, fnType);
    }
}
