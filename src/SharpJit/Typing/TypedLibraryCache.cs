using System.Collections.Concurrent;
using SharpJit.Binding;
using SharpJit.IR;

namespace SharpJit.Typing;

/// <summary>
/// Functions of the library written in Python, typed and through the passes once per process for each key (argument
/// types and literals), then shared by every later compilation that requests them: such a compilation neither binds
/// nor types nor passes them again, it emits the kept IR. A kept specialisation is read-only from then on (the
/// emitter only reads IR), so compilations on several threads may share it.
///
/// Only what its key decides is kept: a function whose every value has a type that carries all its state (numbers,
/// tuples, arrays, str …, no lists, instances or generators, whose types grow with the whole program), that calls no
/// compiled function (a callee's specialisation belongs to one compilation), and that returns.
/// SHARPJIT_NO_LIBRARY_CACHE=1 turns it off.
/// </summary>
public static class TypedLibraryCache
{
    private sealed record Entry(IrFunction Ir, SjType ReturnType, bool OwnsReferences);

    private static readonly ConcurrentDictionary<(FunctionInfo, string), Entry> Entries = new();

    public static readonly bool Enabled = Environment.GetEnvironmentVariable("SHARPJIT_NO_LIBRARY_CACHE") != "1";

    /// <summary>How many specialisations are kept (for tests).</summary>
    public static int Count => Entries.Count;

    /// <summary>A specialisation of fn made from the kept one for this key, already typed and passed; null when none is kept.</summary>
    internal static Specialization? Reuse(FunctionInfo fn, string key, System.Collections.Immutable.ImmutableArray<SjType> argTypes, Func<string> symbol)
    {
        if (!Enabled || !Entries.TryGetValue((fn, key), out var e)) return null;
        return new Specialization(fn, argTypes, e.Ir, symbol())
        {
            ReturnType = e.ReturnType, OwnsReferences = e.OwnsReferences, Reused = true, CacheKey = key,
        };
    }

    /// <summary>Keeps the library specialisations of a finished inference (after the passes) that qualify.</summary>
    public static void Keep(TypeInference ti)
    {
        if (!Enabled) return;
        foreach (var s in ti.Specializations)
            if (!s.Reused && s.CacheKey is { } key && Qualifies(s))
                Entries.TryAdd((s.Function, key), new Entry(s.Ir, s.ReturnType, s.OwnsReferences));
    }

    private static bool Qualifies(Specialization s)
    {
        if (!s.Function.Module.IsLibrary || s.Function.IsGenerator || s.DeferredError != null) return false;
        if (!s.ArgTypes.All(ContextFree) || !ContextFree(s.ReturnType)) return false;
        // A function that never returns had its return type changed to None at the end of typing: its callers must
        // see NoReturn, which is not kept.
        if (!s.Ir.Blocks.Any(b => b.Term.Kind == TermKind.Return)) return false;
        foreach (var b in s.Ir.Blocks)
            foreach (var i in b.Phis.Concat(b.Instrs))
                if (!ContextFree(i.Type) || i.Resolved is ResolvedUserCall or ResolvedNewInstance or ResolvedField
                    || i.Resolved is ResolvedLibraryCall { Callees.Count: > 0 })
                    return false;
        return true;
    }

    /// <summary>Types whose values are all their state, the same in every compilation.</summary>
    private static bool ContextFree(SjType t) => t switch
    {
        ScalarType or SimpleType or ArrayType or SliceType or NumberSliceType or DTypeType or MachineLimitsType or BuiltinType or ModuleType
            or ExceptionClassType or ExceptionInstanceType or ArrayIterType or FlatIterType => true,
        TupleType { Named: null } tuple => tuple.Items.All(ContextFree),
        TupleIterType it => ContextFree(it.Tuple),
        BoundMethodType m => ContextFree(m.Receiver),
        OptionalType o => ContextFree(o.Inner),
        _ => false,
    };
}
