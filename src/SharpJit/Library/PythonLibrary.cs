using SharpJit.Binding;
using SharpJit.Diagnostics;
using SharpJit.Syntax;

namespace SharpJit.Library;

/// <summary>A builtin or NumPy function implemented in the library written in Python: calls compile its function,
/// which is parsed when first needed.</summary>
public sealed class LibOverload : LibMember
{
    private readonly string _module, _function;
    public FunctionInfo Function => PythonLibrary.Function(_module, _function);
    public LibOverload(string module, string function) { _module = module; _function = function; }
}

/// <summary>
/// The library written in Python: the files of Library/py, embedded in the assembly, compiled by sharpjit itself for
/// the argument types of each call (through the same specialisation as user functions). <c>@overload("NAME")</c> on a
/// function registers it as the implementation of NAME; <c>@overload("NAME", narrow=True)</c> lets it see NumPy's
/// narrow scalars as they are. A file is cut into its top-level statements by reading its lines; the module-level ones
/// (imports, constants) are parsed when the file is first needed, and each function when it is first resolved, so a
/// compilation parses only the functions it reaches (numpy.py is 70 KB, np.sign one function of it).
/// </summary>
public static partial class PythonLibrary
{
    private static readonly Lazy<Dictionary<string, LibraryFile>> Files = new(ReadFiles);

    /// <summary>The library's files by name, split (parsing nothing).</summary>
    internal static IReadOnlyDictionary<string, LibraryFile> SplitFiles => Files.Value;

    /// <summary>A module-level function of a library file (e.g. <c>("numpy", "sign")</c>).</summary>
    public static FunctionInfo Function(string module, string name) =>
        Module(module).Resolve(name) is { Kind: GlobalKind.Function, Function: { } fn } ? fn
        : throw new InvalidOperationException($"internal: the Python library has no function {module}.{name}");

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

    [System.Text.RegularExpressions.GeneratedRegex(@"\Gdef (?<name>\w+)\(")]
    private static partial System.Text.RegularExpressions.Regex DefLine();

    /// <summary>One library file: its text, where each top-level function and each other top-level statement lies.</summary>
    internal sealed class LibraryFile
    {
        public required SourceText Source { get; init; }
        public readonly Dictionary<string, (int Start, int End)> Functions = new();
        public readonly List<(int Start, int End)> ModuleLevel = new();
        public required Lazy<ModuleInfo> Module { get; init; }
    }

    private static Dictionary<string, LibraryFile> ReadFiles()
    {
        var assembly = typeof(PythonLibrary).Assembly;
        var files = new Dictionary<string, LibraryFile>();
        // Development: library files read from a folder (the source tree's Library/py), so that an edit needs no rebuild.
        if (Environment.GetEnvironmentVariable("SHARPJIT_LIBRARY_DIR") is { Length: > 0 } folder && Directory.Exists(folder))
        {
            foreach (string path in Directory.GetFiles(folder, "*.py"))
            {
                string name = Path.GetFileNameWithoutExtension(path);
                files[name] = Split(new SourceText($"<sharpjit library>/{name}.py", File.ReadAllText(path)));
            }
            return files;
        }
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("sharpjit.lib.")))
        {
            string name = resource["sharpjit.lib.".Length..^".py".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            files[name] = Split(new SourceText($"<sharpjit library>/{name}.py", new StreamReader(stream).ReadToEnd()));
        }
        return files;
    }

    /// <summary>Cuts a library file into its top-level statements. A statement starts on a line that begins with
    /// neither white space, '#' nor a closing bracket; decorators belong to the definition below them. (Library files
    /// keep to that: a test parses every piece and compares it with the whole file's parse.)</summary>
    internal static LibraryFile Split(SourceText source)
    {
        LibraryFile file = null!;
        file = new LibraryFile { Source = source, Module = new(() => ParseModuleLevel(file), LazyThreadSafetyMode.ExecutionAndPublication) };
        string text = source.Text;
        int start = -1;
        string? function = null;
        bool afterDecorator = false;
        void Close(int end)
        {
            if (start < 0) return;
            if (function != null) file.Functions[function] = (start, end);
            else file.ModuleLevel.Add((start, end));
        }
        for (int line = 0; line < text.Length;)
        {
            int next = text.IndexOf('\n', line);
            next = next < 0 ? text.Length : next + 1;
            char c = text[line];
            if (!char.IsWhiteSpace(c) && c is not ('#' or ')' or ']' or '}'))
            {
                if (!afterDecorator)
                {
                    Close(line);
                    (start, function) = (line, null);
                }
                if (DefLine().Match(text, line) is { Success: true } m) function = m.Groups["name"].Value;
                afterDecorator = c == '@';
            }
            line = next;
        }
        Close(text.Length);
        return file;
    }

    /// <summary>The file's module-level statements as a module whose functions are parsed when first resolved.</summary>
    private static ModuleInfo ParseModuleLevel(LibraryFile file)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var body = new List<Stmt>();
        foreach (var (start, end) in file.ModuleLevel) body.AddRange(PythonParser.Parse(file.Source, start, end).Body);
        var module = new ModuleInfo(file.Source, new Module(body) { Source = file.Source })
        {
            IsLibrary = true,
            Definitions = name => ParseFunction(file, name),
            Defined = fn =>
            {
                foreach (var d in ((FunctionDef)fn.Node!).DecoratorList)
                    if (d is Call { Func: Name { Id: "overload" } } call)
                        fn.AcceptsNarrow = call.Keywords.Any(k => k.Arg == "narrow" && k.Value is Constant { Value: true });
            },
        };
        CompileTrace.Write($"parsed {file.Source.Path} (module level) in {clock.Elapsed.TotalMilliseconds:0.0} ms");
        return module;
    }

    private static FunctionDef? ParseFunction(LibraryFile file, string name)
    {
        if (!file.Functions.TryGetValue(name, out var at)) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var def = (FunctionDef)PythonParser.Parse(file.Source, at.Start, at.End).Body.Single();
        CompileTrace.Write($"parsed {file.Source.Path}:{name} in {clock.Elapsed.TotalMilliseconds:0.00} ms");
        return def;
    }
}
