using System.Text;

namespace SharpJit.IR;

/// <summary>Text form of the IR, for `sharpjit dump --stage=ir|typed`.</summary>
public static class IrPrinter
{
    public static string Print(IrFunction f, bool withTypes)
    {
        var sb = new StringBuilder();
        sb.Append("function ").Append(f.Name).Append('(')
          .Append(string.Join(", ", f.Params.Select(p => $"%{p.Id} {p.Resolved}" + (withTypes ? $": {p.Type}" : ""))))
          .Append(')').Append('\n');
        foreach (var b in f.Blocks)
        {
            sb.Append($"  block{b.Id}:");
            if (b.Preds.Count > 0) sb.Append("  ; preds ").Append(string.Join(", ", b.Preds.Select(p => "block" + p.Id)));
            if (b.Handler != null) sb.Append("  ; except block").Append(b.Handler.Id);
            sb.Append('\n');
            foreach (var i in b.Phis.Concat(b.Instrs)) sb.Append("    ").Append(Instr(i, withTypes)).Append('\n');
            sb.Append("    ").Append(Term(b.Term)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Ref(Value v) => v is Instr { Op: Op.Undef } u ? $"undef({u.Name})" : $"%{v.Id}";

    private static string Instr(Instr i, bool withTypes)
    {
        string data = i.Op switch
        {
            Op.Const => ConstRepr(i.Constant),
            Op.MakeClosure => i.Closure.QualName,
            Op.ArrayExpr => i.Elementwise.ToString(),
            Op.MaskedAssign => i.MaskedAssignment.ToString(),
            Op.ArrayReduce => i.FusedReduction.ToString(),
            Op.Call => i.CallShape.KeywordNames.Count > 0 ? "kw=" + string.Join(",", i.CallShape.KeywordNames) : "",
            Op.FormatValue => i.FormatShape.Conversion > 0 ? "!" + (char)i.FormatShape.Conversion : "",
            _ => i.Data?.ToString() ?? "",
        };
        var parts = new List<string>();
        if (data.Length > 0) parts.Add(data);
        parts.AddRange(i.Args.Select(Ref));
        string type = (withTypes ? " : " + i.Type : "") + (i.Streamed ? "  ; streamed" : "");
        return $"%{i.Id} = {i.Op.ToString().ToLowerInvariant()} {string.Join(", ", parts)}{type}";
    }

    public static string ConstRepr(object? v) => v switch
    {
        string s => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'").Replace("\n", "\\n") + "'",
        double d => Runtime.PyFormat.ReprFloat(d),
        bool b => b ? "True" : "False",
        System.Numerics.Complex z => Runtime.PyFormat.ReprComplex(z.Real, z.Imaginary),
        object?[] t => "(" + string.Join(", ", t.Select(ConstRepr)) + (t.Length == 1 ? ",)" : ")"),
        Syntax.PyNone => "None",
        _ => v?.ToString() ?? "None",
    };

    private static string Term(Terminator t) => t.Kind switch
    {
        TermKind.Jump => $"jump block{t.Target!.Id}",
        TermKind.Branch => $"branch {Ref(t.Value!)}, block{t.Target!.Id}, block{t.Else!.Id}",
        TermKind.Return => $"return {Ref(t.Value!)}",
        TermKind.Raise => $"raise {Ref(t.Value!)}",
        TermKind.Unreachable => "unreachable",
        TermKind.Reraise => t.Value != null ? $"reraise {Ref(t.Value)}" : "reraise",
        _ => "<unterminated>",
    };
}
