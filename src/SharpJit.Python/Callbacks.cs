using System.Runtime.InteropServices;
using SharpJit.Library;
using SharpJit.Runtime;

namespace SharpJit.Python;

/// <summary>
/// The host side of Python callables compiled code calls (<c>@sharpjit.callback</c>): the interpreter's C-API addresses
/// the emitted wrappers bake in (<see cref="PythonApi"/>), and what a wrapper calls when the callable raised.
/// </summary>
internal static unsafe class Callbacks
{
    /// <summary>Resolves the C-API in the running interpreter (its executable exports it); without it, callbacks
    /// are refused at compile time.</summary>
    public static void Install()
    {
        nint main = NativeLibrary.GetMainProgramHandle();
        var addresses = new Dictionary<string, long>();
        foreach (var name in PythonApi.Names)
        {
            if (!NativeLibrary.TryGetExport(main, name, out var address)) return;
            addresses[name] = address;
        }
        addresses[PythonApi.TakeError] = (nint)(delegate* unmanaged<byte*, void>)&TakeError;
        PythonApi.Current = new PythonApi(addresses);
    }

    /// <summary>Called by a wrapper, with the GIL held, when its callable raised or its result did not convert: the
    /// Python exception becomes compiled code's pending one (its class and message for except clauses), and the object
    /// itself is kept so that the exception reaching Python is that object, its traceback extended by the compiled frames.</summary>
    [UnmanagedCallersOnly]
    private static void TakeError(byte* callee) => TakePythonError($"the Python callback {RuntimeStrings.Read(callee)}");

    /// <summary>The pending Python exception (GIL held) as compiled code's pending exception, the object kept.</summary>
    public static void TakePythonError(string what)
    {
        Py.PyErr_Fetch(out var type, out var value, out var traceback);
        if (type == 0)
        {
            ErrorState.Set("SystemError", $"{what} failed without setting an exception");
            return;
        }
        Py.PyErr_NormalizeException(ref type, ref value, ref traceback);
        if (traceback != 0) { Py.PyException_SetTraceback(value, traceback); Py.Py_DecRef(traceback); }
        Py.Py_DecRef(type);
        var (mro, message) = Bridge.HostExceptionInfo(value);
        if (mro[0].Contains('.')) ExceptionClasses.Register(mro[0], mro);   // a class defined in Python: how except clauses match it
        ErrorState.SetHost(mro[0], message, new HostException(value, ReleaseObject));
    }

    private static void ReleaseObject(nint o)
    {
        int gil = Py.PyGILState_Ensure();
        Py.Py_DecRef(o);
        Py.PyGILState_Release(gil);
    }
}
