using System.Diagnostics;
using System.Text.Json;

namespace SharpJit.Tests.Syntax;

/// <summary>
/// Runs the system CPython (/usr/bin/python3) to get reference dumps of syntax trees in the canonical form
/// that <c>AstPrinter.DumpCanonical(..., omitFStringPartPositions: true)</c> produces.
/// </summary>
internal static class CPythonReference
{
    public const string PythonPath = "/usr/bin/python3";
    public const string StdlibDir = "/usr/lib/python3.11";

    // ast.dump(tree, include_attributes=True) as in CPython 3.11/3.12 (re-implemented so that 3.13's new
    // defaults do not change it); FunctionDef/ClassDef get type_params=[] on versions before 3.12; positions
    // of an f-string's parts are dropped because they differ between CPython versions.
    private const string Script = """
import ast, sys, json

POS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')

def is_optional(cls, name):
    ft = getattr(cls, '_field_types', None)
    if ft is not None and name in ft:
        args = getattr(ft[name], '__args__', None)
        return args is not None and type(None) in args and not isinstance(ft[name], type(list[int]))
    return getattr(cls, name, ...) is None

def dump(node):
    if isinstance(node, ast.AST):
        cls = type(node)
        args = []
        fields = list(cls._fields)
        if cls in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef) and 'type_params' not in fields:
            fields.append('type_params')
        for name in fields:
            if name == 'type_params' and not hasattr(node, name):
                value = []
            else:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    continue
            if name == 'type_comment':
                continue
            if value is None and is_optional(cls, name):
                continue
            args.append('%s=%s' % (name, dump(value)))
        for name in cls._attributes:
            if name not in POS:
                continue
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None:
                continue
            args.append('%s=%s' % (name, dump(value)))
        return '%s(%s)' % (cls.__name__, ', '.join(args))
    if isinstance(node, list):
        return '[%s]' % ', '.join(dump(x) for x in node)
    return repr(node)

def canon(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for v in node.values:
                if isinstance(v, (ast.Constant, ast.FormattedValue)):
                    for a in POS:
                        if hasattr(v, a): delattr(v, a)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            for a in POS:
                if hasattr(node.format_spec, a): delattr(node.format_spec, a)
    return dump(tree)

def run(item, kind):
    try:
        if kind == 'files':
            with open(item, 'rb') as f:
                src = f.read()
        else:
            src = item
        return canon(ast.parse(src))
    except SyntaxError as e:
        return 'SyntaxError: %s (%s:%s)' % (e.msg, e.lineno, e.offset)

import warnings
warnings.simplefilter('ignore')
req = json.load(sys.stdin)
json.dump([run(x, req['kind']) for x in req['items']], sys.stdout)
""";

    public static bool Available => File.Exists(PythonPath);

    /// <summary>Canonical dumps of source snippets (or "SyntaxError: ..." for invalid ones).</summary>
    public static List<string> DumpSnippets(IReadOnlyList<string> sources) => Run("snippets", sources);

    /// <summary>Canonical dumps of files.</summary>
    public static List<string> DumpFiles(IReadOnlyList<string> paths) => Run("files", paths);

    private static List<string> Run(string kind, IReadOnlyList<string> items)
    {
        string scriptPath = Path.Combine(Path.GetTempPath(), $"sharpjit-astref-{Environment.ProcessId}-{Guid.NewGuid():N}.py");
        File.WriteAllText(scriptPath, Script);
        try
        {
            var psi = new ProcessStartInfo(PythonPath, scriptPath)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.Environment["PYTHONIOENCODING"] = "utf-8";
            using var proc = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + PythonPath);
            var stderrTask = proc.StandardError.ReadToEndAsync();
            var stdoutTask = proc.StandardOutput.ReadToEndAsync();
            proc.StandardInput.Write(JsonSerializer.Serialize(new { kind, items }));
            proc.StandardInput.Close();
            proc.WaitForExit();
            string stdout = stdoutTask.Result;
            if (proc.ExitCode != 0)
                throw new InvalidOperationException($"{PythonPath} failed ({proc.ExitCode}): {stderrTask.Result}");
            return JsonSerializer.Deserialize<List<string>>(stdout) ?? new List<string>();
        }
        finally
        {
            try { File.Delete(scriptPath); } catch (IOException) { }
        }
    }

    /// <summary>Where two dumps first differ, with some context, for assertion messages.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        int i = 0, n = Math.Min(expected.Length, actual.Length);
        while (i < n && expected[i] == actual[i]) i++;
        int from = Math.Max(0, i - 120);
        string Cut(string s) => s.Substring(from, Math.Min(s.Length - from, 240));
        return $"first difference at char {i}:\n  CPython: ...{Cut(expected)}...\n  ours:    ...{Cut(actual)}...";
    }
}
