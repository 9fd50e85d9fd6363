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
    /// <summary>False when no path can raise (RaiseAnalysis): then it returns a plain value.</summary>
    public bool CanRaise = true;
    /// <summary>Part of a call cycle (RaiseAnalysis): takes a hidden depth argument and raises RecursionError past
    /// CPython's default limit instead of overflowing the stack.</summary>
    public bool Recursive;
    public string Symbol { get; }
    /// <summary>Specialisations that call this one: re-inferred when its return type grows.</summary>
    public readonly HashSet<Specialization> Callers = new();
    /// <summary>Module global variables this function reads: re-inferred when their type grows.</summary>
    public readonly HashSet<string> GlobalsRead = new();

    public Specialization(FunctionInfo fn, ImmutableArray<SjType> argTypes, IrFunction ir, string symbol)
    {
        Function = fn; ArgTypes = argTypes; Ir = ir; Symbol = symbol;
    }

    public override string ToString() => $"{Function.QualName}({string.Join(", ", ArgTypes)}) -> {ReturnType}";
}

/// <summary>How a call's arguments map onto the callee's parameters: an argument index, or a default value.</summary>
public sealed record ArgBinding(int[] ArgIndexForParam, object?[] DefaultForParam);

/// <summary>What a call instruction resolved to.</summary>
public sealed record ResolvedUserCall(Specialization Target, ArgBinding Binding);
public sealed record ResolvedLibraryCall(Library.LibFunc Function);
public sealed record ResolvedException(string ExceptionName);
