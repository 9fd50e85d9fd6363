using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// Python's exception classes as compiled code matches them in except clauses: each built-in class's base, and the
/// classes a compiled module defines (<c>class MyError(ValueError): pass</c>), registered when the module compiles.
/// Classes are known by name.
/// </summary>
public static class ExceptionClasses
{
    private static readonly Dictionary<string, string> Bases = new()
    {
        ["Exception"] = "BaseException", ["SystemExit"] = "BaseException", ["KeyboardInterrupt"] = "BaseException",
        ["GeneratorExit"] = "BaseException",
        ["ArithmeticError"] = "Exception", ["AssertionError"] = "Exception", ["AttributeError"] = "Exception",
        ["BufferError"] = "Exception", ["EOFError"] = "Exception", ["ImportError"] = "Exception", ["LookupError"] = "Exception",
        ["MemoryError"] = "Exception", ["NameError"] = "Exception", ["OSError"] = "Exception", ["ReferenceError"] = "Exception",
        ["RuntimeError"] = "Exception", ["StopIteration"] = "Exception", ["SyntaxError"] = "Exception",
        ["SystemError"] = "Exception", ["TypeError"] = "Exception", ["ValueError"] = "Exception", ["Warning"] = "Exception",
        ["FloatingPointError"] = "ArithmeticError", ["OverflowError"] = "ArithmeticError", ["ZeroDivisionError"] = "ArithmeticError",
        ["IndexError"] = "LookupError", ["KeyError"] = "LookupError",
        ["UnboundLocalError"] = "NameError",
        ["NotImplementedError"] = "RuntimeError", ["RecursionError"] = "RuntimeError",
        ["UnicodeError"] = "ValueError", ["ModuleNotFoundError"] = "ImportError",
    };
    /// <summary>Classes defined in Python (by a compiled script or a module a @jit function reads): their method
    /// resolution order, by qualified name (<c>__main__.MyError</c>), built-in classes included.</summary>
    private static readonly Dictionary<string, string[]> UserMro = new();
    private static readonly object Sync = new();

    public static bool IsBuiltin(string name) => Bases.ContainsKey(name) || name == "BaseException";

    /// <summary>A class defined in Python, with its method resolution order (itself first).</summary>
    public static void Register(string name, string[] mro)
    {
        lock (Sync) UserMro[name] = mro;
    }

    /// <summary>The method resolution order of a class: a registered one's, else the built-in chain (a name no one
    /// registered derives from Exception).</summary>
    public static string[] Mro(string cls)
    {
        lock (Sync)
        {
            if (UserMro.TryGetValue(cls, out var mro)) return mro;
            var chain = new List<string>();
            for (string? c = cls; c != null; c = Bases.TryGetValue(c, out var b) ? b : c == "BaseException" ? null : "Exception")
                chain.Add(c);
            return chain.ToArray();
        }
    }

    /// <summary>Is <paramref name="cls"/> the class <paramref name="ancestor"/> or derived from it?</summary>
    public static bool IsSubclass(string cls, string ancestor) => Array.IndexOf(Mro(cls), ancestor) >= 0;

    /// <summary>The class's own name, as repr() shows it (<c>MyError('…')</c> for <c>__main__.MyError</c>).</summary>
    public static string ShortName(string cls) => cls[(cls.LastIndexOf('.') + 1)..];
}

/// <summary>
/// Caught exceptions (<c>except E as e</c>, and the exception a <c>finally</c> block holds while it runs): the pending
/// exception moved out of the thread's state into a counted object, which compiled code can print, raise again with
/// its traceback, or drop. Layout: an 8-byte count (as a str's, so compiled code counts both alike), then a handle to
/// the exception.
/// </summary>
public static unsafe class CaughtExceptions
{
    private const int Header = 8;

    /// <summary>sj_exc_catch: takes the pending exception (clearing it) into a new object with one reference.</summary>
    [UnmanagedCallersOnly]
    public static byte* Catch()
    {
        var caught = ErrorState.Catch();
        var block = (byte*)NativeMemory.Alloc(Header + (nuint)sizeof(nint));
        *(long*)block = 1;
        *(nint*)(block + Header) = GCHandle.ToIntPtr(GCHandle.Alloc(caught));
        RuntimeStats.Allocated();
        return block + Header;
    }

    /// <summary>sj_exc_clear: an except clause without a name: the exception is handled and forgotten.</summary>
    [UnmanagedCallersOnly]
    public static void Clear() => ErrorState.Clear();

    /// <summary>sj_exc_matches: does the pending exception's class derive from the named class?</summary>
    [UnmanagedCallersOnly]
    public static int Matches(byte* cls) => ExceptionClasses.IsSubclass(ErrorState.Peek().Type, RuntimeStrings.Read(cls)) ? 1 : 0;

    /// <summary>sj_exc_restore: makes a caught exception pending again, with the traceback it had.</summary>
    [UnmanagedCallersOnly]
    public static void Restore(byte* p) => ErrorState.Restore(Of(p));

    /// <summary>sj_exc_free: the last reference went.</summary>
    [UnmanagedCallersOnly]
    public static void Free(byte* p)
    {
        var handle = GCHandle.FromIntPtr(*(nint*)p);
        ErrorState.ReleaseCaught((ErrorState.Caught)handle.Target!);
        handle.Free();
        NativeMemory.Free(p - Header);
        RuntimeStats.Freed();
    }

    /// <summary>sj_write_exc: str(e) (the message; for KeyError its repr) or repr(e) (<c>ValueError('message')</c>).</summary>
    [UnmanagedCallersOnly]
    public static void Write(long sink, byte* p, long repr)
    {
        var c = Of(p);
        string? message = c.MessageText;
        string text = repr != 0 ? $"{ExceptionClasses.ShortName(c.Type)}({(message is null ? "" : ExceptionArgument.Repr(message))})"
            : message is null ? "" : ExceptionArgument.Str(c.Type, message);
        RuntimeExports.WriteText(sink, text);
    }

    /// <summary>sj_write_exc_arg: str() (or the repr) of the argument of an exception made in compiled code.</summary>
    [UnmanagedCallersOnly]
    public static void WriteArgument(long sink, byte* message, int keyError, int repr)
    {
        if (message == null) return;
        string m = RuntimeStrings.Read(message);
        RuntimeExports.WriteText(sink, repr != 0 ? ExceptionArgument.Repr(m) : ExceptionArgument.Str(keyError != 0 ? "KeyError" : "", m));
    }

    /// <summary>sj_exc_isinstance: isinstance(e, cls) of a caught exception.</summary>
    [UnmanagedCallersOnly]
    public static int IsInstance(byte* p, byte* cls) => ExceptionClasses.IsSubclass(Of(p).Type, RuntimeStrings.Read(cls)) ? 1 : 0;

    /// <summary>sj_exc_context: an exception raised while this one was handled.</summary>
    [UnmanagedCallersOnly]
    public static void Context(byte* p) => ErrorState.SetContext(Of(p));

    /// <summary>sj_exc_cause_caught, sj_exc_cause_new, sj_exc_cause_none: the cause of the raise that follows.</summary>
    [UnmanagedCallersOnly]
    public static void CauseCaught(byte* p) => ErrorState.StageCause(Of(p).Snapshot());

    [UnmanagedCallersOnly]
    public static void CauseNew(byte* type, byte* message) =>
        ErrorState.StageCause(new PythonException(RuntimeStrings.Read(type), message == null ? null : RuntimeStrings.Read(message), Array.Empty<TracebackFrame>()));

    [UnmanagedCallersOnly]
    public static void CauseNone() => ErrorState.StageCause(null);

    private static ErrorState.Caught Of(byte* p) => (ErrorState.Caught)GCHandle.FromIntPtr(*(nint*)p).Target!;
}

/// <summary>
/// An exception's one argument is kept as its message text. A str argument is the text itself; any other (an int key
/// of a KeyError, a tuple) is its repr behind <see cref="Literal"/>, so str(e), repr(e), the traceback's last line
/// and the object CPython receives (Python.Bridge, by literal_eval) are CPython's.
/// </summary>
public static class ExceptionArgument
{
    public const char Literal = '\u0001';

    public static bool IsLiteral(string message) => message.Length > 0 && message[0] == Literal;

    /// <summary>str(e): the argument's str (a KeyError's is the repr of its key).</summary>
    public static string Str(string type, string message) =>
        IsLiteral(message) ? message[1..] : type == "KeyError" ? PyStr.Repr(message) : message;

    /// <summary>The argument as repr(e) shows it.</summary>
    public static string Repr(string message) => IsLiteral(message) ? message[1..] : PyStr.Repr(message);
}
