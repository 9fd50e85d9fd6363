using System.Collections.Immutable;
using SharpJit.Binding;
using SharpJit.IR;

namespace SharpJit.Typing;

/// <summary>One function compiled for one tuple of argument types (captured values first).</summary>
public sealed class Specialization
{
    public FunctionInfo Function { get; }
    public ImmutableArray<SjType> ArgTypes { get; }
    public IrFunction Ir { get; }
    public SjType ReturnType = SimpleType.Unknown;
    /// <summary>A generator's: the unified type of the values sent into it by send() calls and by generators that
    /// delegate to it (yield from), with None (next() sends None); None when no value is sent or it never uses one.</summary>
    public SjType SentType = SimpleType.None;
    /// <summary>An error found while typing that stands only if this specialisation is still reached when typing ends
    /// (a parameter of a container type that was still growing when it was requested).</summary>
    public Diagnostics.CompileError? DeferredError;
    /// <summary>False when no path can raise (RaiseAnalysis): then it returns a plain value.</summary>
    public bool CanRaise = true;
    /// <summary>Part of a call cycle (RaiseAnalysis): takes a hidden depth argument and raises RecursionError past
    /// CPython's default limit instead of overflowing the stack.</summary>
    public bool Recursive;
    /// <summary>Owns values with references (Passes.Ownership): needs slots and an unwind block.</summary>
    public bool OwnsReferences;
    /// <summary>A RecursionError deep in this function's cycle comes back through every frame's unwind block instead
    /// of a long jump, because some function of a cycle owns references that a long jump would leak.</summary>
    public bool RecursionUnwinds;
    /// <summary>Where this function's frame sits in the call stack when that is known statically (RaiseAnalysis): 1 for
    /// the module body, 2 for a function only the module body calls, and so on; 0 when unknown. A cycle entered from
    /// here starts its depth count at this position, so the recursion limit counts the frames above it, as CPython's does.</summary>
    public int FramePosition;
    public string Symbol { get; }
    /// <summary>Typed in an earlier compilation (<see cref="TypedLibraryCache"/>): its IR is shared and read-only, so
    /// inference and the passes leave it alone.</summary>
    public bool Reused { get; init; }
    /// <summary>The key a library function's specialisation is kept under in <see cref="TypedLibraryCache"/> (argument
    /// types and literals); null for other functions.</summary>
    public string? CacheKey { get; init; }
    /// <summary>Specialisations that call this one: re-inferred when its return type grows.</summary>
    public readonly HashSet<Specialization> Callers = new();
    /// <summary>Module global variables this function reads: re-inferred when their type grows.</summary>
    public readonly HashSet<string> GlobalsRead = new();
    /// <summary>The calls of this specialisation seen while typing (the function they are in: null for the roots' requests).</summary>
    public readonly Dictionary<IR.Instr, (Specialization? Caller, ArgBinding Binding)> Sites = new();
    /// <summary>For library code: the user's call that led here, where its typing errors are reported.</summary>
    public (Value Site, ModuleInfo Module)? CallSite;

    public Specialization(FunctionInfo fn, ImmutableArray<SjType> argTypes, IrFunction ir, string symbol)
    {
        Function = fn; ArgTypes = argTypes; Ir = ir; Symbol = symbol;
    }

    public override string ToString() => $"{Function.QualName}({string.Join(", ", ArgTypes)}) -> {ReturnType}";
}

/// <summary>How a call's arguments map onto the callee's parameters: an argument index, or a default value; a
/// <c>*args</c> parameter gets the extra positional arguments (<see cref="VarArgs"/>) as a tuple.</summary>
public sealed record ArgBinding(int[] ArgIndexForParam, object?[] DefaultForParam, int VarArgParam = -1, int[]? VarArgs = null);

/// <summary>What an instruction resolved to during typing (<see cref="IR.Instr.Resolved"/>).</summary>
public abstract record Resolution;
/// <summary>A call of a compiled function.</summary>
/// Receiver: the callee's binding indexes the call's operands with the receiver first (a method read from an instance,
/// whose value is the instance; or a new instance, for __init__ when <see cref="Constructs"/> is set).
public sealed record ResolvedUserCall(Specialization Target, ArgBinding Binding) : Resolution
{
    public bool Receiver { get; init; }
    /// <summary>A call of a class: a new instance of this type is made and passed to __init__, then returned.</summary>
    public InstanceType? Constructs { get; init; }
}
/// <summary>A call of a class without __init__: a new instance with no attributes assigned.</summary>
public sealed record ResolvedNewInstance(InstanceType Type) : Resolution;
/// <summary>An instance attribute read or assigned: its position in the instance; Checked: a read checks that it was
/// assigned (AttributeError otherwise).</summary>
public sealed record ResolvedField(int Index, bool Checked) : Resolution;
/// <summary>An operator, attribute or call resolved to a registry entry, with the signature it was typed with.</summary>
public sealed record ResolvedLibraryCall(Library.LibFunc Function, Library.Signature Signature) : Resolution
{
    /// <summary>The value when the entry folds these literal arguments to a constant (isinstance, len of a tuple).</summary>
    public object? Folded { get; init; }
    /// <summary>Compiled functions (library code written in Python) the lowering calls.</summary>
    public IReadOnlyList<Specialization> Callees { get; init; } = Array.Empty<Specialization>();
}
/// <summary>A call of an exception class: makes an exception instance.</summary>
public sealed record ResolvedException(string ExceptionName) : Resolution;
/// <summary>A namedtuple made by calling its class: for each field, the argument giving it (-1: its default).</summary>
public sealed record ResolvedNamedTuple(int[] ArgForField, object?[] Defaults) : Resolution;
/// <summary>The classes an except clause names (one, or a tuple of them).</summary>
public sealed record ExceptClauseClasses(string[] Classes) : Resolution;
/// <summary>A global or attribute folded to a constant value.</summary>
public sealed record ResolvedConstant(object Value) : Resolution;
/// <summary>A tuple subscript with a constant index, already in range.</summary>
public sealed record ResolvedIndex(int Index) : Resolution;
/// <summary>What an Unwrap raises when its Optional is None (the data of Op.Unwrap; a plain message is a TypeError).</summary>
public sealed record UnwrapCheck(string Exception, string Message)
{
    public override string ToString() => $"{Exception}: {Message}";
}
/// <summary>A tuple sliced with constant bounds: the positions of the items the new tuple holds.</summary>
public sealed record ResolvedTupleSlice(int[] Items) : Resolution;
/// <summary>A parameter: its name, and its value when the specialisation is made for a literal argument.</summary>
public sealed record ResolvedParam(string Name) : Resolution
{
    public object? Literal { get; init; }
    public override string ToString() => Name;
}
