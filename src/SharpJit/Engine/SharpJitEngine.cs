using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Runtime;
using SharpJit.Typing;

namespace SharpJit.Engine;

/// <summary>The .NET entry point: compile Python source, get callables for its functions, or run it as a script.</summary>
public sealed class SharpJitEngine
{
    public ModuleInfo Module { get; }
    public CodegenOptions Options { get; }
    private readonly Dictionary<string, CompiledFunction> _cache = new();

    private SharpJitEngine(ModuleInfo module, CodegenOptions options) { Module = module; Options = options; }

    /// <summary>Parses and analyses source text (throws CompileError with file, line and column on bad input).</summary>
    /// <param name="hostFunctions">Names the source reads but does not define, bound to C functions or .NET
    /// delegates (<see cref="CFunctionPointer"/>): compiled code calls them with the address baked in.</param>
    public static SharpJitEngine FromSource(string source, string path = "<string>", CodegenOptions? options = null,
        IReadOnlyDictionary<string, CFunctionPointer>? hostFunctions = null) =>
        new(Pipeline.Analyze(new SourceText(path, source), HostLookup(hostFunctions)), options ?? new CodegenOptions());

    public static SharpJitEngine FromFile(string path, CodegenOptions? options = null, IReadOnlyDictionary<string, CFunctionPointer>? hostFunctions = null) =>
        new(Pipeline.Analyze(SourceText.FromFile(path), HostLookup(hostFunctions)), options ?? new CodegenOptions());

    private static Func<string, GlobalInfo?>? HostLookup(IReadOnlyDictionary<string, CFunctionPointer>? functions) =>
        functions == null ? null : name =>
        {
            if (!functions.TryGetValue(name, out var f)) return null;
            var extern_ = f.AsExtern(name);
            return new GlobalInfo(name) { Kind = GlobalKind.ExternFunction, Extern = extern_, HostKey = "extern:" + extern_.Key };
        };

    /// <summary>Compiles a module-level function for the given argument types (cached per signature).</summary>
    public CompiledFunction Compile(string functionName, params SjType[] argTypes)
    {
        var fn = Module.Globals.TryGetValue(functionName, out var g) && g.Kind == GlobalKind.Function ? g.Function! :
            throw new ArgumentException($"no module-level function named '{functionName}'");
        string key = functionName + "(" + string.Join(",", argTypes.Select(t => t.Name)) + ")";
        lock (_cache)
        {
            if (!_cache.TryGetValue(key, out var cf)) _cache[key] = cf = JitHost.Compile(Module, fn, argTypes, Options);
            return cf;
        }
    }

    /// <summary>Compiles for the types of the given values and calls.</summary>
    public object? Call(string functionName, params object?[] args) =>
        Compile(functionName, args.Select(ValueLayout.TypeOf).ToArray()).Invoke(args);

    /// <summary>Compiles and runs the module's top-level code; compiled print() goes to RuntimeOutput.</summary>
    public void Run()
    {
        var main = JitHost.Compile(Module, Module.Main, Array.Empty<SjType>(), Options);
        try { main.InvokeNoArgs(); }
        finally { RuntimeOutput.Flush(); }
    }
}
