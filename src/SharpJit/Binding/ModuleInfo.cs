using SharpJit.Diagnostics;
using SharpJit.Syntax;

namespace SharpJit.Binding;

public enum GlobalKind { Function, Module, ModuleMember, Constant, Variable }

/// <summary>What a module-level name is bound to.</summary>
public sealed class GlobalInfo
{
    public string Name { get; }
    public GlobalKind Kind;
    public FunctionInfo? Function;
    public string? ModuleName;        // for Module and ModuleMember
    public string? MemberName;        // for ModuleMember
    public object? ConstantValue;     // for Constant
    public int Assignments;
    public Span Span;
    public GlobalInfo(string name) { Name = name; }
}

/// <summary>The result of analysing one source file: its functions, scopes and module-level names.</summary>
public sealed class ModuleInfo
{
    public SourceText Source { get; }
    public Module Ast { get; }
    public FunctionInfo Main { get; }
    public Dictionary<string, GlobalInfo> Globals { get; } = new();
    public Dictionary<Node, FunctionInfo> Functions { get; } = new();

    public static readonly HashSet<string> KnownModules = new() { "math", "cmath", "numpy" };

    public ModuleInfo(SourceText source, Module ast)
    {
        Source = source;
        Ast = ast;
        Main = new FunctionInfo("<module>", "<module>", this, null, ast);
        Functions[ast] = Main;
        new ScopeAnalyzer(this).Run();
    }

    public FunctionInfo? FindFunction(string qualName) => Functions.Values.FirstOrDefault(f => f.QualName == qualName || (f.Parent?.IsModule == true && f.Name == qualName));

    public CompileError Error(ErrorKind kind, string message, Span span, string? hint = null) => new(kind, message, Source, span, hint);
}
