using SharpJit.Codegen;
using SharpJit.Library;

namespace SharpJit.Engine;

/// <summary>
/// A C function pointer with its C signature, for the .NET API: a .NET delegate (called through its native entry
/// point, <see cref="System.Runtime.InteropServices.Marshal.GetFunctionPointerForDelegate"/>) or an unmanaged function
/// pointer. Passed as an argument, compiled code calls it through the run-time address; given to
/// <see cref="SharpJitEngine.FromSource"/> as a named host function, the address is baked into the code.
/// </summary>
public sealed class CFunctionPointer
{
    public nint Address { get; }
    public CSignature Signature { get; }
    /// <summary>The delegate behind the address, kept alive with this object.</summary>
    public Delegate? Delegate { get; }

    public CFunctionPointer(nint address, string signature) : this(address, CSignature.Parse(signature), null) { }

    private CFunctionPointer(nint address, CSignature signature, Delegate? d)
    {
        if (address == 0) throw new ArgumentException("a C function pointer cannot be null");
        Address = address; Signature = signature; Delegate = d;
        // Checked now, as a host function would be: pointers and other non-scalar types are refused with the reason.
        _ = new ExternFunction("function", signature, address, null);
    }

    /// <summary>A delegate called from compiled code with the C signature <paramref name="signature"/> (its parameter and
    /// return types must be the matching blittable .NET types: double for float64, long for int64, byte for bool …).</summary>
    public static CFunctionPointer FromDelegate(Delegate function, string signature) =>
        new(System.Runtime.InteropServices.Marshal.GetFunctionPointerForDelegate(function), CSignature.Parse(signature), function);

    /// <summary>How compiled code that reads <paramref name="name"/> sees this function (the delegate kept for the process).</summary>
    internal ExternFunction AsExtern(string name)
    {
        if (Delegate != null) ExternFunction.Keep(Delegate);
        return new ExternFunction(name, Signature, Address, null);
    }

    public override string ToString() => $"C function pointer {Signature} at 0x{Address:x}";
}
