using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>
/// A host function compiled code calls with its address baked into the call (no table, no lookup, no argument
/// packing): a C function declared with <c>sharpjit.extern(library, symbol, signature)</c>, a ctypes or cffi function
/// pointer or callback from a function's globals, a .NET delegate, or a Python callable declared with
/// <c>@sharpjit.callback(signature)</c> (called through an emitted C-API wrapper, <see cref="PythonCallbacks"/>).
/// Symbol: its name in its library, so that exported code can declare it and link against the library instead (a
/// callback has none: its address exists only in this process).
/// </summary>
public sealed class ExternFunction
{
    public string Name { get; }
    public CSignature Signature { get; }
    /// <summary>The C function's address; for a Python callback, the PyObject* of the callable.</summary>
    public long Address { get; }
    public string? Symbol { get; }
    /// <summary>True for a Python callable called through the CPython C-API.</summary>
    public bool IsPython { get; }
    /// <summary>Its registry entry: calls type and lower through the same path as every library function.</summary>
    public LibFunc Entry { get; }

    /// <summary>For a function of a bitcode file: the file, linked into the caller's module (no address).</summary>
    public BitcodeLibrary? Bitcode { get; }

    public ExternFunction(string name, CSignature signature, long address, string? symbol, bool isPython = false, BitcodeLibrary? bitcode = null)
    {
        Name = name; Signature = signature; Address = address; Symbol = symbol; IsPython = isPython; Bitcode = bitcode;
        if (signature.Return is Typing.PointerType)
            throw new ArgumentException($"invalid signature '{signature}' for {name}: a called host function cannot return a pointer (compiled code has no pointer values)");
        if (isPython && signature.Args.Any(a => a is Typing.PointerType))
            throw new ArgumentException($"invalid signature '{signature}' for {name}: pointers cannot be passed to Python");
        Entry = new LibFunc(name, c => CCalls.Type(c, Name, Signature, this.ToString(), skip: 0), LowerCall, isPython ? LibFunc.Always : LibFunc.Never);
    }

    /// <summary>Text naming the function and its address: a specialisation that bakes it in is keyed on it (a Python
    /// callback's also on the interpreter's C-API addresses its wrapper calls).</summary>
    public string Key => IsPython ? $"py:{Name}:{Signature}@{Address:x}/{PythonApi.Current?.Key}"
        : Bitcode != null ? $"{Name}:{Signature}@bitcode:{Bitcode.Key}{Bitcode.StateKey}" : $"{Name}:{Signature}@{Address:x}";

    public override string ToString() => IsPython ? $"{Name}: the Python callback {Signature}" : $"{Name}: {Signature}";

    /// <summary>symbol from library (a path or a soname such as "libm.so.6"), resolved now, as the process loads it.</summary>
    public static ExternFunction FromLibrary(string library, string symbol, string signature)
    {
        var sig = CSignature.Parse(signature);
        if (!NativeLibrary.TryLoad(library, out var handle))
            throw new ArgumentException($"cannot load the library '{library}' (give a path or a soname the dynamic loader finds, e.g. 'libm.so.6')");
        if (!NativeLibrary.TryGetExport(handle, symbol, out var address))
            throw new ArgumentException($"the library '{library}' has no symbol '{symbol}'");
        return new ExternFunction(symbol, sig, address, symbol);
    }

    /// <summary>Keeps a .NET delegate alive for the process: compiled code holds the address of its native entry point.</summary>
    public static void Keep(Delegate function)
    {
        lock (KeptDelegates) if (!KeptDelegates.Contains(function)) KeptDelegates.Add(function);
    }

    private static readonly List<Delegate> KeptDelegates = new();

    private LLVMValueRef LowerCall(LoweringCall c)
    {
        var e = c.E; var M = e.M;
        if (Bitcode != null)
        {
            var (function, type) = Bitcode.Declare(M, Name);   // the definition is linked in after emission
            return CCalls.Emit(c, Signature, function, firstArg: 0, type);
        }
        if (IsPython)
        {
            if (M.Options.Standalone)
                throw new CompileError(ErrorKind.UnsupportedError, $"{Name} is a Python callback: exported code runs with no Python", e.Source, c.Span,
                    "export only code that calls C functions (sharpjit.extern)");
            return PythonCallbacks.EmitCall(c, this);
        }
        LLVMValueRef callee;
        if (M.Options.Standalone)
        {
            // Exported code declares the function by name and links against its library.
            if (Symbol == null)
                throw new CompileError(ErrorKind.UnsupportedError, $"{Name} is a function pointer (a callback or a delegate): its address exists only in this process, so exported code cannot call it",
                    e.Source, c.Span, "declare it with sharpjit.extern(library, symbol, signature) to call it from exported code");
            callee = GetNamedFunction(M.Module, Symbol);
            if (callee.Handle == 0) callee = AddFunction(M.Module, Symbol, CCalls.FunctionTypeOf(M, Signature));
        }
        else callee = ConstIntToPtr(M.ConstI64(Address), M.Ptr);
        return CCalls.Emit(c, Signature, callee, firstArg: 0);
    }
}

/// <summary>
/// Calls through a C function pointer that is a run-time value (a ctypes or cffi function pointer passed as an
/// argument): the pointer is the call's receiver, one registry entry per C signature.
/// </summary>
public static class FunctionPointers
{
    private static readonly ConcurrentDictionary<string, LibFunc> Entries = new();

    public static LibFunc Entry(CSignature sig) => Entries.GetOrAdd(sig.ToString(), _ => new LibFunc("function pointer " + sig,
        c => CCalls.Type(c, $"the C function pointer {sig}", sig, null, skip: 1),
        c => CCalls.Emit(c, sig, c.Arg(0), firstArg: 1), LibFunc.Never));
}

/// <summary>Typing and lowering of a call with a plain C signature, shared by baked-in and run-time callees.</summary>
internal static class CCalls
{
    /// <summary>Checks a call's arguments against the signature (after <paramref name="skip"/> receiver arguments).
    /// <paramref name="what"/>: what the named function is, for messages (null when the name says it).</summary>
    public static SjType Type(CallTypingContext c, string name, CSignature sig, string? what, int skip)
    {
        int given = c.Positional.Length - skip, wanted = sig.Args.Length;
        string callee = what == null ? name : name + "()", because = what == null ? "" : $" (it is {what})";
        if (c.Keywords.Count > 0) throw c.Error($"{callee} takes no keyword arguments{because}");
        if (given != wanted)
            throw c.Error($"{callee} takes {wanted} argument{(wanted == 1 ? "" : "s")} ({given} given){because}");
        for (int k = 0; k < wanted; k++)
        {
            var given_ = c.Positional[skip + k].Type;
            if (sig.Args[k] is Typing.PointerType p)
            {
                // A pointer to T takes a C-contiguous array of T (its data), or such a pointer (a cfunc's argument).
                bool fits = given_ is ArrayType { Layout: ArrayLayout.C } a && a.Dtype == p.Target || given_ is Typing.PointerType q && q.Target == p.Target;
                if (!fits)
                    throw c.ErrorAt(c.Positional[skip + k], $"argument {k + 1} of {callee} must be a C-contiguous array of {p.Target.Name} for its C type {CAbiWrapper.TypeName(p)}, not " +
                        (given_ is ArrayType ga ? $"an array of {ga.Dtype.Name} (layout {ga.Layout})" : TypeOps.WithArticle(given_)),
                        given_ is ArrayType ? "pass np.ascontiguousarray(a, dtype=...) for a copy the C function can read" : null);
            }
            else if (given_ is not ScalarType { Rank: < 3 })
                throw c.ErrorAt(c.Positional[skip + k], $"argument {k + 1} of {callee} must be a real number for its C type {CAbiWrapper.TypeName(sig.Args[k])}, not {TypeOps.PyName(given_)}");
        }
        return sig.Return;
    }

    public static LLVMTypeRef FunctionTypeOf(ModuleEmitter M, CSignature sig) =>
        FunctionType(CAbiWrapper.AbiType(M, sig.Return), sig.Args.Select(a => CAbiWrapper.AbiType(M, a)).ToArray());

    /// <summary>The arguments from <paramref name="firstArg"/> converted to the signature's C types (bool as a byte,
    /// or as i1 where <paramref name="fnType"/>, a bitcode function's own type, takes it so).</summary>
    public static LLVMValueRef[] CArgs(LoweringCall c, CSignature sig, int firstArg, LLVMTypeRef fnType)
    {
        var paramTypes = GetParamTypes(fnType);
        var e = c.E;
        var args = new LLVMValueRef[sig.Args.Length];
        for (int k = 0; k < args.Length; k++)
        {
            if (sig.Args[k] is Typing.PointerType)
            {
                args[k] = c.ArgType(firstArg + k) is ArrayType ? ArrayCode.Data(e, c.Arg(firstArg + k)) : c.Arg(firstArg + k);   // borrowed for the call
                continue;
            }
            var v = e.Convert(c.Arg(firstArg + k), c.ArgType(firstArg + k), sig.Args[k]);
            args[k] = sig.Args[k] is ScalarType { Rank: 0 } && paramTypes[k] != e.M.I1 ? BuildZExt(e.B, v, e.M.I8, "") : v;
        }
        return args;
    }

    public static LLVMValueRef Emit(LoweringCall c, CSignature sig, LLVMValueRef callee, int firstArg, LLVMTypeRef fnType = default)
    {
        var e = c.E; var M = e.M;
        if (fnType.Handle == 0) fnType = FunctionTypeOf(M, sig);
        var result = BuildCall2(e.B, fnType, callee, CArgs(c, sig, firstArg, fnType), "");
        if (sig.Return == SimpleType.None) return M.Constant(null, SimpleType.None);
        return sig.Return is ScalarType { Rank: 0 } && GetReturnType(fnType) != M.I1 ? BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, result, ConstInt(M.I8, 0), "") : result;
    }
}
