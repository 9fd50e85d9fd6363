using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using SharpJit.Syntax;

namespace SharpJit.Diagnostics;

/// <summary>
/// Deeply nested source ends in CPython's <c>RecursionError: maximum recursion depth exceeded during compilation</c>,
/// never in a stack overflow. Two rules: statements and expressions nested deeper than CPython's compiler allows are
/// rejected once, right after parsing (<see cref="CheckNesting"/>, iterative); and every recursive walk of the compiler
/// (over syntax trees, expression trees, types) calls <see cref="EnsureStack"/> at each level, so a thread whose stack
/// runs out first reports the same error. <see cref="CompilerStack"/> gives compilations a stack that holds anything
/// within the limit, whatever the caller's.
/// </summary>
public static class CompileDepth
{
    /// <summary>CPython 3.11's compiler limit: 3 × the default recursion limit (1000) of nested statements and
    /// expressions (and patterns), counted from the module (a function body's statements are one level below its def).</summary>
    public const int MaxNesting = 3000;

    public const string Message = "maximum recursion depth exceeded during compilation";

    public static CompileError Error(SourceText? source, Span span) => new(ErrorKind.RecursionError, Message, source, span);

    /// <summary>One level of a recursive walk: RecursionError when this thread's stack is nearly used up (the rest is
    /// left for unwinding and for what the level calls).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw Error(null, Span.None);
    }

    /// <summary>Rejects statements and expressions nested deeper than <see cref="MaxNesting"/>, at the first node (in
    /// source order) past the limit. Iterative: any depth is safe here.</summary>
    public static void CheckNesting(SourceText? source, Node root)
    {
        var stack = new Stack<(Node Node, int Depth)>();
        stack.Push((root, 0));
        var children = new List<Node>();
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (node is Stmt or Expr or Pattern)
            {
                depth++;
                if (depth > MaxNesting)
                    throw Error(source, new Span(node.Span.Start, Math.Min(node.Span.End, node.Span.Start + 1)));
            }
            children.Clear();
            foreach (var c in node.Children()) if (c != null) children.Add(c);
            for (int i = children.Count - 1; i >= 0; i--) stack.Push((children[i], depth));
        }
    }
}

/// <summary>
/// Runs compilations where the stack is deep enough for any source within <see cref="CompileDepth.MaxNesting"/>: on the
/// calling thread when it has <see cref="Required"/> bytes of stack left (the main thread and threads with the default
/// 8 MB stack: nothing changes), else on a thread of its own with a <see cref="Size"/> stack, the caller waiting. A
/// thread made with <c>threading.stack_size(1 &lt;&lt; 20)</c> thus compiles what the main thread compiles, and LLVM,
/// which has no guard of its own, never runs short either.
/// </summary>
public static unsafe partial class CompilerStack
{
    /// <summary>Stack a compilation may need at the nesting limit, with a margin: measured, the whole compilation of
    /// the deepest shapes CPython accepts needs 3 MB (a 2,998-term sum) to 4.7 MB (2,997 elifs).</summary>
    public const long Required = 6L << 20;

    /// <summary>The compiler thread's stack: four times the main thread's, and small enough for glibc to keep it for the
    /// next thread (its cache holds 40 MB of stacks), so moving costs about a thread start (0.1-0.3 ms).</summary>
    public const int Size = 32 << 20;

    [ThreadStatic] private static bool t_compilerThread;
    [ThreadStatic] private static nuint t_stackLow;   // lowest usable address of this thread's stack; 0: not read yet
    [ThreadStatic] private static bool t_unknown;      // the bounds cannot be read: always move

    /// <summary>f(), on a thread with enough stack. Exceptions come back as thrown.</summary>
    public static T Run<T>(Func<T> f)
    {
        if (t_compilerThread || StackLeft() >= Required) return f();
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            t_compilerThread = true;
            try { result = f(); }
            catch (Exception e) { error = ExceptionDispatchInfo.Capture(e); }
        }, Size) { IsBackground = true, Name = "sharpjit compiler" };
        try { thread.Start(); }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            return f();   // no memory for a large stack: here, where the walks' guards report RecursionError if it runs out
        }
        thread.Join();
        error?.Throw();
        return result;
    }

    public static void Run(Action f) => Run(() => { f(); return 0; });

    /// <summary>Bytes of stack left below the caller (0 when unknown).</summary>
    public static long StackLeft()
    {
        if (t_unknown) return 0;
        if (t_stackLow == 0 && !ReadStackBounds()) { t_unknown = true; return 0; }
        byte here;
        return (long)((nuint)(&here) - t_stackLow);
    }

    /// <summary>This thread's stack bounds (once per thread): for the main thread, RLIMIT_STACK below where the process
    /// started (glibc's pthread_getattr_np would read /proc/self/maps for it, about a millisecond in a process with
    /// NumPy loaded); for any other thread, what glibc recorded when it made it.</summary>
    private static bool ReadStackBounds()
    {
        try
        {
            const int RLIMIT_STACK = 3;
            if (gettid() == Environment.ProcessId)
            {
                var stackEnd = (nuint*)dlsym(0, "__libc_stack_end");
                Rlimit limit;
                if (stackEnd == null || *stackEnd == 0 || getrlimit(RLIMIT_STACK, &limit) != 0) return false;
                ulong size = Math.Min(limit.Current, 1UL << 40);   // "unlimited": as good as
                if (size >= *stackEnd) return false;
                t_stackLow = *stackEnd - (nuint)size + Margin;
                return true;
            }
            byte* attr = stackalloc byte[256];   // pthread_attr_t: 56 bytes on x86-64, 64 on AArch64
            if (pthread_getattr_np(pthread_self(), attr) != 0) return false;
            nint addr; nuint bytes;
            int rc = pthread_attr_getstack(attr, &addr, &bytes);
            pthread_attr_destroy(attr);
            if (rc != 0 || addr == 0 || bytes == 0) return false;
            t_stackLow = (nuint)addr + Margin;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Kept clear at the bottom of a stack: guard pages, and the main thread's estimate.</summary>
    private const int Margin = 64 * 1024;

    private struct Rlimit { public ulong Current, Maximum; }

    [LibraryImport("libc.so.6")] private static partial int gettid();
    [LibraryImport("libc.so.6")] private static partial int getrlimit(int resource, Rlimit* limit);
    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)] private static partial nint dlsym(nint handle, string name);
    [LibraryImport("libc.so.6")] private static partial nuint pthread_self();
    [LibraryImport("libc.so.6")] private static partial int pthread_getattr_np(nuint thread, byte* attr);
    [LibraryImport("libc.so.6")] private static partial int pthread_attr_getstack(byte* attr, nint* addr, nuint* size);
    [LibraryImport("libc.so.6")] private static partial int pthread_attr_destroy(byte* attr);
}
