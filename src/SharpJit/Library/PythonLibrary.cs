using System.Reflection;
using SharpJit.Binding;
using SharpJit.Diagnostics;
using SharpJit.Syntax;

namespace SharpJit.Library;

/// <summary>A builtin or NumPy function implemented in the library written in Python: calls compile its function.</summary>
public sealed class LibOverload : LibMember
{
    public FunctionInfo Function { get; }
    public LibOverload(FunctionInfo function) { Function = function; }
}

/// <summary>
/// The library written in Python: the files of Library/py, embedded in the assembly, parsed once per process and
/// compiled by sharpjit itself for the argument types of each call (through the same specialisation as user
/// functions). <c>@overload("NAME")</c> on a function registers it as the implementation of NAME;
/// <c>@overload("NAME", narrow=True)</c> lets it see NumPy's narrow scalars as they are.
/// </summary>
public static class PythonLibrary
{
    private static readonly Lazy<Dictionary<string, ModuleInfo>> Modules = new(Load);

    /// <summary>A module-level function of a library file (e.g. <c>("numpy", "sign")</c>).</summary>
    public static FunctionInfo Function(string module, string name) =>
        Modules.Value[module].Functions.Values.FirstOrDefault(f => f.Parent?.IsModule == true && f.Name == name)
        ?? throw new InvalidOperationException($"internal: the Python library has no function {module}.{name}");

    /// <summary>Every <c>@overload</c> of every library file: (name it implements, function).</summary>
    public static IEnumerable<(string Name, FunctionInfo Function)> Overloads()
    {
        foreach (var module in Modules.Value.Values)
            foreach (var fn in module.Functions.Values.Where(f => f.Node is FunctionDef && f.Parent?.IsModule == true))
                foreach (var d in ((FunctionDef)fn.Node!).DecoratorList)
                    if (d is Call { Func: Name { Id: "overload" }, Args: [Constant { Value: string name }] } call)
                    {
                        fn.AcceptsNarrow = call.Keywords.Any(k => k.Arg == "narrow" && k.Value is Constant { Value: true });
                        yield return (name, fn);
                    }
    }

    private static Dictionary<string, ModuleInfo> Load()
    {
        var assembly = typeof(PythonLibrary).Assembly;
        var modules = new Dictionary<string, ModuleInfo>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("sharpjit.lib.")))
        {
            string name = resource["sharpjit.lib.".Length..^".py".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var source = new SourceText($"<sharpjit library>/{name}.py", new StreamReader(stream).ReadToEnd());
            modules[name] = new ModuleInfo(source, PythonParser.Parse(source)) { IsLibrary = true };
        }
        return modules;
    }
}
