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
/// narrow scalars as they are; <c>@unchecked</c> compiles a routine whose indices are in range by construction without
/// bounds checks. A file is cut into its top-level statements by reading its lines; the module-level ones
/// (imports, constants) are parsed when the file is first needed, and each function when it is first resolved, so a
/// compilation parses only the functions it reaches (numpy.py is 70 KB, np.sign one function of it).
/// </summary>
public static partial class PythonLibrary
{
    /// <summary>Each library file's UTF-8 text, and the file decoded and split when a compilation first needs it.</summary>
    private static readonly Lazy<Dictionary<string, (LibraryText Text, Lazy<LibraryFile> File)>> Files = new(ReadFiles);

    /// <summary>The library's files by name, split (parsing nothing).</summary>
    internal static IReadOnlyDictionary<string, LibraryFile> SplitFiles => Files.Value.ToDictionary(kv => kv.Key, kv => kv.Value.File.Value);

    /// <summary>A module-level function of a library file (e.g. <c>("numpy", "sign")</c>).</summary>
    public static FunctionInfo Function(string module, string name) =>
        Module(module).Resolve(name) is { Kind: GlobalKind.Function, Function: { } fn } ? fn
        : throw new InvalidOperationException($"internal: the Python library has no function {module}.{name}");

    private static ModuleInfo Module(string name) =>
        Files.Value.TryGetValue(name, out var file) ? file.File.Value.Module.Value
        : throw new InvalidOperationException($"internal: the Python library has no file {name}.py");

    /// <summary>
    /// Every <c>@overload</c> of every library file: (name it implements, file, function), found by reading the UTF-8
    /// text, so that registering them neither decodes nor parses anything. A decorator is one line directly above its
    /// <c>def</c> (other decorators may come between).
    /// </summary>
    public static IEnumerable<(string Name, string Module, string Function)> Overloads()
    {
        var found = new List<(string, string, string)>();
        foreach (var (module, (text, _)) in Files.Value)
            foreach (var (name, function) in OverloadsIn(text.Bytes)) found.Add((name, module, function));
        return found;
    }

    private static int NextLine(ReadOnlySpan<byte> text, int at)
    {
        int end = text[at..].IndexOf((byte)'\n');
        return end < 0 ? text.Length : at + end + 1;
    }

    /// <summary>The (name, function) of each <c>@overload("name"...)</c> line that a <c>def function(</c> line follows.</summary>
    internal static List<(string Name, string Function)> OverloadsIn(ReadOnlySpan<byte> text)
    {
        var found = new List<(string, string)>();
        ReadOnlySpan<byte> decorator = "@overload(\""u8, def = "def "u8;
        for (int line = 0; line < text.Length; line = NextLine(text, line))
        {
            if (!text[line..].StartsWith(decorator)) continue;
            int next = NextLine(text, line);
            if (next == text.Length && text[^1] != (byte)'\n') continue;   // a decorator on the last line decorates nothing
            var quoted = text[(line + decorator.Length)..next];
            int close = quoted.IndexOf((byte)'"');
            if (close <= 0) continue;
            int after = next;   // more decorators may come before the def
            while (after < text.Length && text[after] == (byte)'@') after = NextLine(text, after);
            if (!text[after..].StartsWith(def)) continue;
            var nameAt = text[(after + def.Length)..];
            int length = 0;
            while (length < nameAt.Length && (char.IsAsciiLetterOrDigit((char)nameAt[length]) || nameAt[length] == (byte)'_')) length++;
            if (length > 0 && length < nameAt.Length && nameAt[length] == (byte)'(')
                found.Add((System.Text.Encoding.UTF8.GetString(quoted[..close]), System.Text.Encoding.ASCII.GetString(nameAt[..length])));
        }
        return found;
    }

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

    /// <summary>A library file's UTF-8 text: where it lies in the loaded image (an embedded resource), or read from a
    /// folder (SHARPJIT_LIBRARY_DIR).</summary>
    internal sealed unsafe class LibraryText(byte* data, int length, byte[]? owned)
    {
        public ReadOnlySpan<byte> Bytes => owned ?? new ReadOnlySpan<byte>(data, length);
        public string Decode() => System.Text.Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>
    /// The library's files, each decoded and split only when a compilation first needs it. Decoding every file up
    /// front (340 KB of text, through StreamReader.ReadToEnd's StringBuilder) made about 2.8 MB of fresh memory on a
    /// process's first compilation: 5 ms of page faults in the virtual machine measured here, on every first call.
    /// </summary>
    private static unsafe Dictionary<string, (LibraryText, Lazy<LibraryFile>)> ReadFiles()
    {
        var texts = new Dictionary<string, LibraryText>();
        // Development: library files read from a folder (the source tree's Library/py), so that an edit needs no rebuild.
        if (Environment.GetEnvironmentVariable("SHARPJIT_LIBRARY_DIR") is { Length: > 0 } folder && Directory.Exists(folder))
        {
            foreach (string path in Directory.GetFiles(folder, "*.py"))
                texts[Path.GetFileNameWithoutExtension(path)] = new LibraryText(null, 0, File.ReadAllBytes(path));
        }
        else
        {
            var assembly = typeof(PythonLibrary).Assembly;
            foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("sharpjit.lib.")))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                texts[resource["sharpjit.lib.".Length..^".py".Length]] = stream is UnmanagedMemoryStream memory
                    ? new LibraryText(memory.PositionPointer, checked((int)(memory.Length - memory.Position)), null)   // mapped with the image
                    : new LibraryText(null, 0, ReadAll(stream));
            }
        }
        return texts.ToDictionary(kv => kv.Key, kv => (kv.Value, new Lazy<LibraryFile>(
            () => Split(new SourceText($"<sharpjit library>/{kv.Key}.py", kv.Value.Decode())), LazyThreadSafetyMode.ExecutionAndPublication)));
    }

    private static byte[] ReadAll(Stream stream)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
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
                    else if (d is Name { Id: "unchecked" })
                        fn.Unchecked = true;
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
