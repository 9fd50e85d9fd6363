using System.Collections.Immutable;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Typing;

namespace SharpJit.Library;

public abstract class LibMember { }

/// <summary>A module constant such as math.pi, folded into the code.</summary>
public sealed class LibConstant : LibMember
{
    public object Value { get; }
    public LibConstant(object value) { Value = value; }
}

/// <summary>A module member that exists in Python but that compiled code rejects with a specific explanation.</summary>
public sealed class LibUnsupported : LibMember
{
    public string Message { get; }
    public string? Hint { get; }
    public LibUnsupported(string message, string? hint = null) { Message = message; Hint = hint; }
}

/// <summary>
/// One typed operation of the registry: a builtin, a module function, an operator (<c>operator.add</c>), an attribute
/// (<c>attr.real</c>) or a method (<c>method.conjugate</c>, whose first argument is the receiver). Its typing rule maps
/// the argument types (with their literal values) to a result type; its lowering receives the emitter, the
/// <see cref="Signature"/> it was typed with and LLVM values, and returns an LLVM value, so it can be used wherever
/// values of those types exist, not only at a call in the source.
/// </summary>
public sealed class LibFunc : LibMember
{
    public string Name { get; }
    public Func<CallTypingContext, SjType> Type { get; }
    public Func<LoweringCall, LLVMValueRef> Lower { get; }
    /// <summary>Whether a call with this signature may raise (see Typing.RaiseAnalysis): a property of the entry.</summary>
    public Func<Signature, bool> MayRaise { get; }
    /// <summary>True when the function handles NumPy's narrow scalars itself; otherwise its signature has them
    /// converted to int64, float64 or complex128 and the lowering receives the converted values.</summary>
    public bool AcceptsNarrow { get; init; }
    /// <summary>Folds a call to a constant known at compile time (or null): a literal for typing, branch pruning and
    /// code generation.</summary>
    public Func<Signature, object?>? Fold { get; set; }
    /// <summary>For an operation that applies element-wise to arrays: its ufunc, the entry computing one element, and
    /// whether it writes into its first operand (Passes.ArrayFusion fuses these).</summary>
    public (string UFunc, LibFunc Element, bool InPlace)? Elementwise { get; set; }
    /// <summary>For the element entry of a user's ufunc (a @vectorize function): its loop for operands of these types
    /// and literal values, or the TypeError's message (NumPy's tables answer for NumPy's ufuncs).</summary>
    public Func<SjType[], object?[], (NumPyPromotion.UFuncLoop? Loop, string? Error)>? Loops { get; init; }
    /// <summary>For a method: the receiver types it is defined for.</summary>
    public Func<SjType, bool>? Receiver { get; set; }

    public static readonly Func<Signature, bool> Always = _ => true, Never = _ => false;

    public LibFunc(string name, Func<CallTypingContext, SjType> type, Func<LoweringCall, LLVMValueRef> lower, Func<Signature, bool> mayRaise)
    {
        Name = name; Type = type; Lower = lower; MayRaise = mayRaise;
    }

    public override string ToString() => Name;
}

/// <summary>The types (and literal values) a registry entry was typed with: positional arguments, then keyword
/// arguments in call order, and the result.</summary>
public sealed record Signature(ImmutableArray<SjType> Args, ImmutableArray<object?> Literals, ImmutableArray<string> KeywordNames, SjType Result)
{
    public int Positional => Args.Length - KeywordNames.Length;

    public static Signature Of(SjType result, params SjType[] args) =>
        new(args.ToImmutableArray(), Enumerable.Repeat((object?)null, args.Length).ToImmutableArray(), ImmutableArray<string>.Empty, result);

    public long? LiteralInt(int k) => AsInt(Literals[k]);

    /// <summary>A literal as an integer: an int, or a bool as 0 or 1.</summary>
    public static long? AsInt(object? literal) => literal switch { long l => l, bool b => b ? 1 : 0, _ => null };
    public double? LiteralFloat(int k) => Literals[k] switch { double d => d, long l => l, _ => null };
    public override string ToString() => $"({string.Join(", ", Args)}) -> {Result}";
}

/// <summary>One argument as a typing rule sees it: its type, its value when it is a compile-time constant (a
/// literal), and the IR value it came from (for error positions).</summary>
public sealed record TypedArg(SjType Type, object? Literal, Value Site);

/// <summary>One argument as a lowering sees it: an LLVM value of its signature type. An f-string that is only written
/// (printed, used as a message) may stream its parts instead of being built: <see cref="LoweringCall.Write"/>.</summary>
public sealed class LoweredArg
{
    private LLVMValueRef? _value;
    private readonly Func<LLVMValueRef>? _materialise;
    public SjType Type { get; }
    public object? Literal { get; }
    /// <summary>Writes str() of the argument to a text sink without materialising it (lazy f-strings).</summary>
    internal Action<LLVMValueRef>? Stream { get; init; }

    public LoweredArg(LLVMValueRef value, SjType type, object? literal = null) { _value = value; Type = type; Literal = literal; }
    public LoweredArg(Func<LLVMValueRef> materialise, SjType type, object? literal = null) { _materialise = materialise; Type = type; Literal = literal; }

    public LLVMValueRef Value => _value ??= _materialise!();
}

/// <summary>What a lowering receives: the emitter, the signature, the argument values.</summary>
public sealed class LoweringCall
{
    public FunctionEmitter E { get; }
    public Signature Sig { get; }
    public Span Span { get; }
    public LoweredArg[] Args { get; }
    public Dictionary<string, LoweredArg> Keywords { get; }

    public IReadOnlyList<Specialization> Callees { get; }

    /// <summary>The result is a view that borrows its array's reference (Instr.BorrowsBase): return it without one.</summary>
    public bool BorrowedResult { get; init; }

    public LoweringCall(FunctionEmitter e, Signature sig, Span span, LoweredArg[] args, IReadOnlyList<Specialization>? callees = null)
    {
        E = e; Sig = sig; Span = span; Callees = callees ?? Array.Empty<Specialization>();
        Args = args[..sig.Positional];
        Keywords = new Dictionary<string, LoweredArg>();
        for (int k = 0; k < sig.KeywordNames.Length; k++) Keywords[sig.KeywordNames[k]] = args[sig.Positional + k];
    }

    /// <summary>The same call with other arguments (the positional ones, then a keyword argument for each of
    /// <paramref name="keywordNames"/>), their types and literals as its signature: a wrapping entry lowering the entry
    /// it wraps.</summary>
    public LoweringCall With(LoweredArg[] args, IEnumerable<string> keywordNames, IReadOnlyList<Specialization>? callees = null) =>
        new(E, new Signature(args.Select(a => a.Type).ToImmutableArray(), args.Select(a => a.Literal).ToImmutableArray(), keywordNames.ToImmutableArray(), Sig.Result),
            Span, args, callees ?? Callees) { BorrowedResult = BorrowedResult };

    /// <summary>Calls the k-th compiled function the typing rule required, propagating its exceptions.</summary>
    public LLVMValueRef CallCompiled(int k, params LLVMValueRef[] args) => E.CallSpecialization(Callees[k], args, Span);

    public LLVMValueRef Arg(int k) => Args[k].Value;
    public SjType ArgType(int k) => Args[k].Type;
    public SjType ResultType => Sig.Result;

    /// <summary>Writes str(arg) (or repr) to a text sink: 0 is stdout, otherwise a string builder.</summary>
    public void Write(LLVMValueRef sink, LoweredArg arg, bool repr)
    {
        if (!repr && arg.Stream is { } stream) stream(sink);
        else if (!repr && arg.Literal is string s) E.CallRuntime("sj_write_str", sink, E.M.ConstString(s));
        else TypeModel.Of(arg.Type).Format(E, sink, arg.Value, repr);
    }
}

/// <summary>What a library typing rule sees of a call.</summary>
public sealed class CallTypingContext
{
    private readonly Func<Value, string, string?, CompileError> _error;
    public Value Site { get; }
    public TypedArg[] Positional { get; }
    public Dictionary<string, TypedArg> Keywords { get; } = new();
    public SjType[] Types => Positional.Select(v => v.Type).ToArray();

    private readonly Func<Binding.FunctionInfo, SjType[], object?[]?, Specialization> _require;

    public CallTypingContext(Value site, TypedArg[] positional, IReadOnlyList<(string Name, TypedArg Arg)> keywords,
        Func<Value, string, string?, CompileError> error, Func<Binding.FunctionInfo, SjType[], object?[]?, Specialization> require)
    {
        Site = site; Positional = positional; _error = error; _require = require;
        foreach (var (n, a) in keywords) Keywords[n] = a;
    }

    /// <summary>Compiles a function of the library written in Python for these argument types; the lowering calls it
    /// with <see cref="LoweringCall.CallCompiled"/> (the k-th function required is callee k).</summary>
    public Specialization Require(Binding.FunctionInfo function, params SjType[] types) => _require(function, types, null);

    /// <summary><see cref="Require"/> with literal arguments (null where none): the function is specialised on them,
    /// so its branches on them are decided while typing, as for a literal a Python caller passes.</summary>
    public Specialization Require(Binding.FunctionInfo function, SjType[] types, object?[] literals) => _require(function, types, literals);

    /// <summary>A context for re-running a typing rule that was already checked (errors are internal).</summary>
    public static CallTypingContext Detached(TypedArg[] positional) =>
        new(null!, positional, Array.Empty<(string, TypedArg)>(), (_, m, _) => throw new InvalidOperationException("internal: " + m),
            (_, _, _) => throw new InvalidOperationException("internal: a re-run typing rule required a function"));

    /// <summary>The same call site with other positional arguments (an element-wise operation typing its scalar entry).</summary>
    public CallTypingContext WithPositional(TypedArg[] positional) => new(Site, positional, Array.Empty<(string, TypedArg)>(), _error, _require);

    /// <summary>The same call site with other positional and keyword arguments (a call whose arguments an entry rebinds).</summary>
    public CallTypingContext WithArguments(TypedArg[] positional, IReadOnlyList<(string Name, TypedArg Arg)> keywords) => new(Site, positional, keywords, _error, _require);

    /// <summary>Inference's hooks for lists: the element type found for the display at this site, and telling the
    /// display a list came from the type of the items it receives (set by TypeInference).</summary>
    internal Func<Value, SjType>? ListElement { get; init; }
    internal Action<Value, SjType>? RefineList { get; init; }
    /// <summary>Inference's hook for generators: values of a type are sent into this generator (send()).</summary>
    internal Action<Specialization, SjType>? SendsTo { get; init; }

    /// <summary>The element type the items later given to the list made at this call need (Unknown when none).</summary>
    public SjType ListElementHere => ListElement?.Invoke(Site) ?? SimpleType.Unknown;

    /// <summary>A list receives items of this type: when they are not of its element type, the display it came from
    /// takes a type both fit in (or typing reports the mismatch).</summary>
    /// <returns>True when the container already holds such items (false: it is typed again once it does).</returns>
    public bool ReceivesItems(TypedArg list, SjType element)
    {
        var held = TypeInference.Held(list.Type);
        if (held == null || held == element || !TypeOps.IsKnown(element)) return true;
        if (held != SimpleType.Unknown && TypeOps.Unify(held, element) == held) return true;   // it holds them already (an int in a list of float)
        RefineList?.Invoke(list.Site, element);
        return false;
    }

    public CompileError Error(string message, string? hint = null) => _error(Site, message, hint);
    /// <summary>An error at an argument when it is written inside the call (a variable's value points to its
    /// definition elsewhere, so then the call itself is reported).</summary>
    public CompileError ErrorAt(TypedArg a, string message, string? hint = null) =>
        _error(a.Site.Span.Start >= Site.Span.Start && a.Site.Span.End <= Site.Span.End ? a.Site : Site, message, hint);
}
