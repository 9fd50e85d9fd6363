namespace SharpJit.Runtime;

/// <summary>
/// Marks a C# method as a runtime helper that compiled code calls under <paramref name="symbol"/>. The method must be
/// static and <c>[UnmanagedCallersOnly]</c>; its parameter and result types give its LLVM signature (int and uint: i32,
/// long and ulong: i64, double, byte: i8, nint and pointers: ptr, void). SharpJit.Generators writes
/// <see cref="RuntimeSymbols.Helpers"/> from these methods at compile time, so nothing else declares a helper.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RuntimeHelperAttribute(string symbol) : Attribute
{
    public string Symbol { get; } = symbol;
}

/// <summary>The LLVM types a runtime helper's parameters and result may have.</summary>
public enum HelperAbi { Void, I8, I32, I64, F64, Ptr }

/// <summary>One runtime helper: its symbol, LLVM signature and address, and the C# method they were derived from.</summary>
public sealed record RuntimeHelper(string Symbol, HelperAbi Return, HelperAbi[] Params, nint Address, Type DeclaringType, string Method);

/// <summary>
/// The runtime helpers compiled code may call, bound as absolute JIT symbols. The table itself
/// (<c>CreateHelpers</c>) is generated from the <see cref="RuntimeHelperAttribute"/> methods.
/// </summary>
public static partial class RuntimeSymbols
{
    /// <summary>Every helper, ordered by symbol (CreateHelpers is generated).</summary>
    public static readonly RuntimeHelper[] Helpers = CreateHelpers();

    private static readonly Dictionary<string, RuntimeHelper> BySymbol = Helpers.ToDictionary(h => h.Symbol);

    /// <summary>The helper bound under <paramref name="name"/>.</summary>
    public static RuntimeHelper Get(string name) =>
        BySymbol.TryGetValue(name, out var h) ? h : throw new KeyNotFoundException($"no runtime helper '{name}'");

    public static IEnumerable<(string Name, nint Address)> All => Helpers.Select(h => (h.Symbol, h.Address));
}
