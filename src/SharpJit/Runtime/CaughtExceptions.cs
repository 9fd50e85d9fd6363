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
    [RuntimeHelper("sj_exc_catch"), UnmanagedCallersOnly]
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
    [RuntimeHelper("sj_exc_clear"), UnmanagedCallersOnly]
    public static void Clear() => ErrorState.Clear();

    /// <summary>sj_exc_matches: does the pending exception's class derive from the named class?</summary>
    [RuntimeHelper("sj_exc_matches"), UnmanagedCallersOnly]
    public static int Matches(byte* cls) => ExceptionClasses.IsSubclass(ErrorState.Peek().Type, RuntimeStrings.Read(cls)) ? 1 : 0;

    /// <summary>sj_exc_restore: makes a caught exception pending again, with the traceback it had.</summary>
    [RuntimeHelper("sj_exc_restore"), UnmanagedCallersOnly]
    public static void Restore(byte* p) => ErrorState.Restore(Of(p));

    /// <summary>sj_exc_free: the last reference went.</summary>
    [RuntimeHelper("sj_exc_free"), UnmanagedCallersOnly]
    public static void Free(byte* p)
    {
        var handle = GCHandle.FromIntPtr(*(nint*)p);
        ErrorState.ReleaseCaught((ErrorState.Caught)handle.Target!);
        handle.Free();
        NativeMemory.Free(p - Header);
        RuntimeStats.Freed();
    }

    /// <summary>sj_write_exc: str(e) (the message; for KeyError its repr) or repr(e) (<c>ValueError('message')</c>).</summary>
    [RuntimeHelper("sj_write_exc"), UnmanagedCallersOnly]
    public static void Write(long sink, byte* p, long repr)
    {
        var c = Of(p);
        string? message = c.MessageText;
        string text = repr != 0 ? $"{ExceptionClasses.ShortName(c.Type)}({ExceptionArgument.Repr(message)})" : ExceptionArgument.Str(c.Type, message);
        RuntimeExports.WriteText(sink, text);
    }

    /// <summary>sj_write_exc_arg: str() (or the repr) of the argument of an exception made in compiled code.</summary>
    [RuntimeHelper("sj_write_exc_arg"), UnmanagedCallersOnly]
    public static void WriteArgument(long sink, byte* message, int keyError, int repr)
    {
        if (message == null) return;
        string m = RuntimeStrings.Read(message);
        RuntimeExports.WriteText(sink, repr != 0 ? ExceptionArgument.Repr(m) : ExceptionArgument.Str(keyError != 0 ? "KeyError" : "", m));
    }

    /// <summary>sj_exc_args_start, sj_exc_args_end: around one argument compiled code writes into the message of an
    /// exception made with several (ExceptionArgument): where it starts, then its length put in front of it.</summary>
    [RuntimeHelper("sj_exc_args_start"), UnmanagedCallersOnly]
    public static long ArgStart(long sink) => RuntimeExports.Builder(sink).Length;

    [RuntimeHelper("sj_exc_args_end"), UnmanagedCallersOnly]
    public static void ArgEnd(long sink, long start)
    {
        var sb = RuntimeExports.Builder(sink);
        sb.Insert((int)start, (sb.Length - (int)start).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":");
    }

    /// <summary>sj_exc_args: e.args of a caught exception, as an exception made in compiled code keeps them (a new
    /// str, or null without arguments).</summary>
    [RuntimeHelper("sj_exc_args"), UnmanagedCallersOnly]
    public static byte* Args(byte* p) => Of(p).MessageText is { } m ? RuntimeStrings.Allocate(m) : null;

    /// <summary>sj_write_exc_args: repr(e.args).</summary>
    [RuntimeHelper("sj_write_exc_args"), UnmanagedCallersOnly]
    public static void WriteArgs(long sink, byte* message) =>
        RuntimeExports.WriteText(sink, ExceptionArgument.ArgsRepr(message == null ? null : RuntimeStrings.Read(message)));

    /// <summary>sj_exc_args_len: len(e.args).</summary>
    [RuntimeHelper("sj_exc_args_len"), UnmanagedCallersOnly]
    public static long ArgsLength(byte* message) => message == null ? 0 : ExceptionArgument.Items(RuntimeStrings.Read(message)).Count;

    /// <summary>sj_exc_args_item: e.args[k] (k already in range) into *result: a new str. A non-str argument raises
    /// TypeError: compiled code reads an exception's arguments as str.</summary>
    [RuntimeHelper("sj_exc_args_item"), UnmanagedCallersOnly]
    public static int ArgsItem(byte* message, long k, byte** result)
    {
        var items = ExceptionArgument.Items(RuntimeStrings.Read(message));
        string item = items[(int)k];
        if (ExceptionArgument.IsLiteral(item))
        {
            ErrorState.Set("TypeError", $"e.args[{k}] is {item[1..]}, not a str: compiled code reads only str arguments of a caught exception by index (print e.args, or use str(e))");
            return 1;
        }
        *result = RuntimeStrings.Allocate(item);
        return 0;
    }

    /// <summary>sj_write_exc_class: print(type(e)) of a caught exception (<c>&lt;class '__main__.MyError'&gt;</c>).</summary>
    [RuntimeHelper("sj_write_exc_class"), UnmanagedCallersOnly]
    public static void WriteClass(long sink, byte* p) => RuntimeExports.WriteText(sink, $"<class '{Of(p).Type}'>");

    /// <summary>sj_exc_class_name: type(e).__name__ (a new str).</summary>
    [RuntimeHelper("sj_exc_class_name"), UnmanagedCallersOnly]
    public static byte* ClassName(byte* p) => RuntimeStrings.Allocate(ExceptionClasses.ShortName(Of(p).Type));

    /// <summary>sj_exc_class_is: type(e) is cls, exactly (not a subclass).</summary>
    [RuntimeHelper("sj_exc_class_is"), UnmanagedCallersOnly]
    public static int ClassIs(byte* p, byte* cls) => Of(p).Type == RuntimeStrings.Read(cls) ? 1 : 0;

    /// <summary>sj_exc_same_class: type(e1) is type(e2).</summary>
    [RuntimeHelper("sj_exc_same_class"), UnmanagedCallersOnly]
    public static int SameClass(byte* p, byte* q) => Of(p).Type == Of(q).Type ? 1 : 0;

    /// <summary>sj_exc_isinstance: isinstance(e, cls) of a caught exception.</summary>
    [RuntimeHelper("sj_exc_isinstance"), UnmanagedCallersOnly]
    public static int IsInstance(byte* p, byte* cls) => ExceptionClasses.IsSubclass(Of(p).Type, RuntimeStrings.Read(cls)) ? 1 : 0;

    /// <summary>sj_exc_context: an exception raised while this one was handled.</summary>
    [RuntimeHelper("sj_exc_context"), UnmanagedCallersOnly]
    public static void Context(byte* p) => ErrorState.SetContext(Of(p));

    /// <summary>sj_exc_cause_caught, sj_exc_cause_new, sj_exc_cause_none: the cause of the raise that follows.</summary>
    [RuntimeHelper("sj_exc_cause_caught"), UnmanagedCallersOnly]
    public static void CauseCaught(byte* p) => ErrorState.StageCause(Of(p).Snapshot());

    [RuntimeHelper("sj_exc_cause_new"), UnmanagedCallersOnly]
    public static void CauseNew(byte* type, byte* message) =>
        ErrorState.StageCause(new PythonException(RuntimeStrings.Read(type), message == null ? null : RuntimeStrings.Read(message), Array.Empty<TracebackFrame>()));

    [RuntimeHelper("sj_exc_cause_none"), UnmanagedCallersOnly]
    public static void CauseNone() => ErrorState.StageCause(null);

    private static ErrorState.Caught Of(byte* p) => (ErrorState.Caught)GCHandle.FromIntPtr(*(nint*)p).Target!;
}

/// <summary>
/// An exception's arguments are kept as one message text. One str argument is the text itself; one argument of
/// another type (an int key of a KeyError, a tuple) is its repr behind <see cref="Literal"/>; several arguments are
/// <see cref="Several"/> followed by each one so encoded, with its length in front (<c>5:hello</c>). So str(e),
/// repr(e), e.args, the traceback's last line and the object CPython receives (Python.Bridge, by literal_eval) are
/// CPython's. No arguments: no message (null).
/// </summary>
public static class ExceptionArgument
{
    public const char Literal = '\u0001', Several = '\u0002';

    public static bool IsLiteral(string message) => message.Length > 0 && message[0] == Literal;
    public static bool IsSeveral(string? message) => message is { Length: > 0 } && message[0] == Several;

    /// <summary>Each argument's own encoding (a str's text, or Literal and a repr).</summary>
    public static List<string> Items(string? message)
    {
        var items = new List<string>();
        if (message is null) return items;
        if (!IsSeveral(message)) { items.Add(message); return items; }
        for (int k = 1; k < message.Length;)
        {
            int colon = message.IndexOf(':', k);
            int length = int.Parse(message.AsSpan(k, colon - k), System.Globalization.CultureInfo.InvariantCulture);
            items.Add(message.Substring(colon + 1, length));
            k = colon + 1 + length;
        }
        return items;
    }

    /// <summary>Several arguments' encoding from theirs.</summary>
    public static string Join(IEnumerable<string> items)
    {
        var sb = new System.Text.StringBuilder().Append(Several);
        foreach (var item in items) sb.Append(item.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(item);
        return sb.ToString();
    }

    /// <summary>One argument's repr.</summary>
    public static string ItemRepr(string item) => IsLiteral(item) ? item[1..] : PyStr.Repr(item);

    /// <summary>repr(e.args).</summary>
    public static string ArgsRepr(string? message)
    {
        var items = Items(message);
        return items.Count == 1 ? $"({ItemRepr(items[0])},)" : "(" + string.Join(", ", items.Select(ItemRepr)) + ")";
    }

    /// <summary>str(e): no arguments '', one its str (a KeyError's is the repr of its key), several the tuple's.</summary>
    public static string Str(string type, string? message) =>
        message is null ? "" : IsSeveral(message) ? ArgsRepr(message) : IsLiteral(message) ? message[1..] : type == "KeyError" ? PyStr.Repr(message) : message;

    /// <summary>The arguments as repr(e) shows them between its parentheses.</summary>
    public static string Repr(string? message) => string.Join(", ", Items(message).Select(ItemRepr));
}
