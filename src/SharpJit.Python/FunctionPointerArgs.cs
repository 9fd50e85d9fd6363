using System.Collections.Concurrent;
using SharpJit.Codegen;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// C function pointers passed as arguments (ctypes functions and CFUNCTYPE callbacks, cffi function pointers): typed
/// by their C signature, which joins the type key, and passed as their address. Python describes each one
/// (<c>_bridge.function_pointer</c>: its signature from its ctypes/cffi types, and its address), about a microsecond
/// per argument.
/// </summary>
internal static unsafe class FunctionPointerArgs
{
    public const byte KeyCode = 21;

    /// <summary>Python types whose values may be C function pointers (learned from the slow path, kept for good).</summary>
    private static readonly ConcurrentDictionary<nint, bool> Types = new();
    private static readonly List<CSignature> Signatures = new();

    public static bool IsCandidate(nint type) => Types.ContainsKey(type);

    public static void Learn(nint type)
    {
        Py.Py_IncRef(type);
        Types[type] = true;
    }

    /// <summary>Appends the key of a function pointer; false when o is not one compiled code can call (the slow
    /// path then explains why).</summary>
    public static bool AppendKey(nint o, byte* key, ref int n)
    {
        if (n >= Boxing.MaxKey - 2) return false;
        var (signature, _) = Describe(o);
        if (signature == null || IdOf(signature) is not { } id) return false;
        key[n++] = KeyCode; key[n++] = id;
        return true;
    }

    public static SjType TypeOfKey(ReadOnlySpan<byte> key, ref int pos)
    {
        lock (Signatures) return new FunctionPointerType(Signatures[key[pos++]]);
    }

    public static void AppendKeyOf(FunctionPointerType t, List<byte> key)
    {
        key.Add(KeyCode);
        key.Add(IdOf(t.Signature.ToString()) ?? throw new ArgumentException("too many C function pointer signatures (at most 255)"));
    }

    /// <summary>Writes the address of the function pointer o; false with a Python exception set.</summary>
    public static bool Write(nint o, byte* p)
    {
        var (signature, address) = Describe(o);
        if (signature == null)
        {
            Py.PyErr_SetString(Py.TypeError, "expected a C function pointer (a ctypes or cffi function)");
            return false;
        }
        *(long*)p = address;
        return true;
    }

    private static byte? IdOf(string signature)
    {
        lock (Signatures)
        {
            int id = Signatures.FindIndex(s => s.ToString() == signature);
            if (id >= 0) return (byte)id;
            if (Signatures.Count == 255) return null;
            Signatures.Add(CSignature.Parse(signature));
            return (byte)(Signatures.Count - 1);
        }
    }

    /// <summary>(signature, address) of a C function pointer; (null, 0) when o is not one compiled code can call.</summary>
    private static (string? Signature, long Address) Describe(nint o)
    {
        nint r = Bridge.FunctionPointer(o);
        if (r == 0) { Py.PyErr_Clear(); return (null, 0); }
        try
        {
            if (r == Py.None) return (null, 0);
            return (Py.AsString(Py.PyTuple_GetItem(r, 0)), Py.PyLong_AsLongLong(Py.PyTuple_GetItem(r, 1)));
        }
        finally { Py.Py_DecRef(r); }
    }
}
