using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SharpJit.Generators;

/// <summary>
/// The table of runtime helpers (C# methods compiled code calls through JIT symbols), written from the methods
/// themselves: every static <c>[UnmanagedCallersOnly]</c> method marked <c>[RuntimeHelper("sj_name")]</c> becomes one
/// entry of <c>SharpJit.Runtime.RuntimeSymbols.Helpers</c> (through <c>CreateHelpers</c>) holding its symbol, its LLVM signature (each parameter's
/// and the result's C# type mapped to an LLVM type) and its address, taken as a function pointer of the method's own
/// types. A type with no LLVM equivalent, a missing <c>[UnmanagedCallersOnly]</c> or a symbol used twice is a compile
/// error (SJG001–SJG004), so the signature codegen declares cannot differ from the method it calls.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RuntimeHelperGenerator : IIncrementalGenerator
{
    public const string AttributeName = "SharpJit.Runtime.RuntimeHelperAttribute";

    private static readonly DiagnosticDescriptor BadType = new("SJG001", "Runtime helper type without an LLVM type",
        "Runtime helper '{0}' ({1}): {2} type '{3}' has no LLVM type (use int, long, double, byte, nint or a pointer)",
        "SharpJit", DiagnosticSeverity.Error, true);
    private static readonly DiagnosticDescriptor NotCallable = new("SJG002", "Runtime helper not callable from compiled code",
        "Runtime helper '{0}' ({1}) must be a static, non-private, non-generic [UnmanagedCallersOnly] method without CallConvs: {2}",
        "SharpJit", DiagnosticSeverity.Error, true);
    private static readonly DiagnosticDescriptor Duplicate = new("SJG003", "Runtime helper symbol used twice",
        "Runtime helper symbol '{0}' is declared by both {1} and {2}", "SharpJit", DiagnosticSeverity.Error, true);
    private static readonly DiagnosticDescriptor BadName = new("SJG004", "Runtime helper without a symbol name",
        "Runtime helper {0} needs a symbol name: [RuntimeHelper(\"sj_name\")]", "SharpJit", DiagnosticSeverity.Error, true);

    private sealed record Helper(string Symbol, string Method, string Type, string Return, string Params,
        string PointerType, Location? Location, Diagnostic? Error);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var helpers = context.SyntaxProvider.ForAttributeWithMetadataName(AttributeName,
            static (node, _) => node is MethodDeclarationSyntax,
            static (ctx, _) => Describe((IMethodSymbol)ctx.TargetSymbol, ctx.Attributes[0], ctx.TargetNode.GetLocation()));
        context.RegisterSourceOutput(helpers.Collect(), Emit);
    }

    /// <summary>The LLVM type of a C# parameter or result type, as the name of a <c>HelperAbi</c> member.</summary>
    public static string? AbiOf(ITypeSymbol t, bool isReturn) => t switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => "Ptr",
        _ => t.SpecialType switch
        {
            SpecialType.System_Void => isReturn ? "Void" : null,
            SpecialType.System_Int32 or SpecialType.System_UInt32 => "I32",
            SpecialType.System_Int64 or SpecialType.System_UInt64 => "I64",
            SpecialType.System_Double => "F64",
            SpecialType.System_Byte or SpecialType.System_SByte => "I8",
            SpecialType.System_IntPtr or SpecialType.System_UIntPtr => "Ptr",
            _ => null,
        },
    };

    private static Helper Describe(IMethodSymbol m, AttributeData attr, Location location)
    {
        string method = m.ContainingType.ToDisplayString() + "." + m.Name;
        string? symbol = attr.ConstructorArguments.Length == 1 ? attr.ConstructorArguments[0].Value as string : null;
        Helper Fail(Diagnostic d) => new(symbol ?? "", method, "", "", "", "", location, d);
        if (string.IsNullOrEmpty(symbol)) return Fail(Diagnostic.Create(BadName, location, method));

        var uco = m.GetAttributes().FirstOrDefault(a =>
            a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute");
        string? why = !m.IsStatic ? "it is not static"
            : uco == null ? "it has no [UnmanagedCallersOnly]"
            : uco.NamedArguments.Any(a => a.Key == "CallConvs") ? "it names CallConvs"
            : m.DeclaredAccessibility == Accessibility.Private ? "it is private"
            : m.IsGenericMethod ? "it is generic"
            : m.Parameters.Any(p => p.RefKind != RefKind.None) ? "a parameter is passed by reference"
            : null;
        if (why != null) return Fail(Diagnostic.Create(NotCallable, location, symbol, method, why));

        var abis = new List<string>();
        foreach (var p in m.Parameters)
        {
            var abi = AbiOf(p.Type, isReturn: false);
            if (abi == null) return Fail(Diagnostic.Create(BadType, location, symbol, method, $"parameter '{p.Name}'", p.Type.ToDisplayString()));
            abis.Add(abi);
        }
        var ret = AbiOf(m.ReturnType, isReturn: true);
        if (ret == null) return Fail(Diagnostic.Create(BadType, location, symbol, method, "result", m.ReturnType.ToDisplayString()));

        var fmt = SymbolDisplayFormat.FullyQualifiedFormat;
        string pointerType = "delegate* unmanaged<" + string.Join(", ",
            m.Parameters.Select(p => p.Type.ToDisplayString(fmt)).Append(m.ReturnType.ToDisplayString(fmt))) + ">";
        return new(symbol!, m.Name, m.ContainingType.ToDisplayString(fmt), ret, string.Join(", ", abis.Select(a => "HelperAbi." + a)),
            pointerType, location, null);
    }

    private static void Emit(SourceProductionContext spc, ImmutableArray<Helper> helpers)
    {
        var ok = new List<Helper>();
        var seen = new Dictionary<string, Helper>();
        foreach (var h in helpers)
        {
            if (h.Error != null) { spc.ReportDiagnostic(h.Error); continue; }
            if (seen.TryGetValue(h.Symbol, out var first))
            {
                spc.ReportDiagnostic(Diagnostic.Create(Duplicate, h.Location, h.Symbol, first.Type + "." + first.Method, h.Type + "." + h.Method));
                continue;
            }
            seen[h.Symbol] = h;
            ok.Add(h);
        }
        if (helpers.Length == 0) return;
        var s = new StringBuilder();
        s.AppendLine("// <auto-generated> by SharpJit.Generators.RuntimeHelperGenerator from the [RuntimeHelper] methods </auto-generated>");
        s.AppendLine("#nullable enable");
        s.AppendLine("namespace SharpJit.Runtime;");
        s.AppendLine();
        s.AppendLine("public static unsafe partial class RuntimeSymbols");
        s.AppendLine("{");
        s.AppendLine("    /// <summary>Every [RuntimeHelper] method, ordered by symbol.</summary>");
        s.AppendLine("    private static RuntimeHelper[] CreateHelpers() => new RuntimeHelper[]");
        s.AppendLine("    {");
        foreach (var h in ok.OrderBy(h => h.Symbol, StringComparer.Ordinal))
            s.AppendLine($"        new(\"{h.Symbol}\", HelperAbi.{h.Return}, new HelperAbi[] {{ {h.Params} }}, " +
                         $"(nint)({h.PointerType})&{h.Type}.{h.Method}, typeof({h.Type}), \"{h.Method}\"),");
        s.AppendLine("    };");
        s.AppendLine("}");
        spc.AddSource("RuntimeHelpers.g.cs", s.ToString());
    }
}
