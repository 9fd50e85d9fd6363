using System.Reflection;
using SharpJit.Binding;
using SharpJit.Diagnostics;
using SharpJit.Syntax;

namespace SharpJit.Library;

/// <summary>A builtin or NumPy function implemented in the library written in Python: calls compile its function.
/// Its file is parsed when the function is first needed.</summary>
public sealed class LibOverload : LibMember
{
    private readonly string _module, _function;
    public FunctionInfo Function => PythonLibrary.Function(_module, _function);
    public LibOverload(string module, string function) { _module = module; _function = function; }
}

/// <summary>
/// The library written in Python: the files of Library/py, embedded in the assembly, each parsed once per process when
/// one of its functions is first needed, and compiled by sharpjit itself for the argument types of each call (through
/// the same specialisation as user functions). <c>@overload("NAME")</c> on a function registers it as the
/// implementation of NAME; <c>@overload("NAME", narrow=True)</c> lets it see NumPy's narrow scalars as they are.
/// </summary>
public static partial class PythonLibrary
{
    /// <summary>Each file's source, read at first use; its module is parsed and bound when first asked for (numpy.py
    /// alone is 60 KB: a compilation that needs none of it does not pay for parsing it).</summary>
    private static readonly Lazy<Dictionary<string, (SourceText Source, Lazy<ModuleInfo> Module)>> Files = new(ReadFiles);

    /// <summary>A module-level function of a library file (e.g. <c>("numpy", "sign")</c>).</summary>
    public static FunctionInfo Function(string module, string name) =>
        Module(module).Functions.Values.FirstOrDefault(f => f.Parent?.IsModule == true && f.Name == name)
        ?? throw new InvalidOperationException($"internal: the Python library has no function {module}.{name}");

    private static ModuleInfo Module(string name) =>
        Files.Value.TryGetValue(name, out var file) ? file.Module.Value
        : throw new InvalidOperationException($"internal: the Python library has no file {name}.py");

    /// <summary>
    /// Every <c>@overload</c> of every library file: (name it implements, file, function), found by reading the text,
    /// so that registering them parses nothing. A decorator is one line directly above its <c>def</c>.
    /// </summary>
    public static IEnumerable<(string Name, string Module, string Function)> Overloads()
    {
        foreach (var (module, file) in Files.Value)
            foreach (System.Text.RegularExpressions.Match m in OverloadDecorator().Matches(file.Source.Text))
                yield return (m.Groups["name"].Value, module, m.Groups["def"].Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^@overload\(""(?<name>[^""]+)""[^\n]*\n(?:@[^\n]*\n)*def (?<def>\w+)\(",
        System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex OverloadDecorator();

    private static Dictionary<string, (SourceText, Lazy<ModuleInfo>)> ReadFiles()
    {
        var assembly = typeof(PythonLibrary).Assembly;
        var files = new Dictionary<string, (SourceText, Lazy<ModuleInfo>)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("sharpjit.lib.")))
        {
            string name = resource["sharpjit.lib.".Length..^".py".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var source = new SourceText($"<sharpjit library>/{name}.py", new StreamReader(stream).ReadToEnd());
            files[name] = (source, new Lazy<ModuleInfo>(() => Parse(source), LazyThreadSafetyMode.ExecutionAndPublication));
        }
        return files;
    }

    private static ModuleInfo Parse(SourceText source)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var module = new ModuleInfo(source, PythonParser.Parse(source)) { IsLibrary = true };
        foreach (var fn in module.Functions.Values.Where(f => f.Node is FunctionDef && f.Parent?.IsModule == true))
            foreach (var d in ((FunctionDef)fn.Node!).DecoratorList)
                if (d is Call { Func: Name { Id: "overload" } } call)
                    fn.AcceptsNarrow = call.Keywords.Any(k => k.Arg == "narrow" && k.Value is Constant { Value: true });
        CompileTrace.Write($"parsed {source.Path} in {clock.Elapsed.TotalMilliseconds:0.0} ms");
        return module;
    }
}
