using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>str(), repr() and format() of compiled values, written to a runtime text sink: each type's model writes its
/// text (<see cref="TypeModel.Format"/>); these are the pieces they share.</summary>
public static class Formatting
{
    public static void Text(FunctionEmitter e, LLVMValueRef sink, string s) => e.CallRuntime("sj_write_str", sink, e.M.ConstString(s));

    /// <summary>CPython's default repr of an object: "&lt;what at 0x7f...&gt;".</summary>
    public static void ObjectAt(FunctionEmitter e, LLVMValueRef sink, string what, LLVMValueRef address)
    {
        Text(e, sink, what + " at ");
        e.CallRuntime("sj_write_address", sink, address);
        Text(e, sink, ">");
    }

    /// <summary>format(v, spec): the format-spec mini-language, with CPython's errors. With a conversion (!s, !r, !a:
    /// <paramref name="repr"/> for the last two) the converted text is what the spec formats.</summary>
    public static void WriteFormatted(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, SjType t, LLVMValueRef spec, bool repr, Span span,
        bool converted = false)
    {
        var model = TypeModel.Of(t);
        // Without a conversion (or str's !s, which changes nothing) the value reads the spec; else its text does.
        if (!repr && (!converted || model is StrModel)) model.FormatWithSpec(e, sink, v, spec, span);
        else FormatRendered(e, sink, model, v, repr, span, s => e.CallRuntime("sj_format_str", sink, s, spec));
    }

    /// <summary>Renders str(v) (or repr) into a new string, hands it to <paramref name="format"/> (which writes it as a
    /// spec says and returns a status), drops it, then raises when the status says the spec was bad.</summary>
    public static void FormatRendered(FunctionEmitter e, LLVMValueRef sink, TypeModel model, LLVMValueRef v, bool repr, Span span,
        Func<LLVMValueRef, LLVMValueRef> format)
    {
        var sb = e.CallRuntime("sj_sb_new");
        model.Format(e, sb, v, repr);
        var s = e.CallRuntime("sj_sb_finish", sb);
        // The rendered text is dropped before the check: a bad spec raises with nothing left to free.
        var status = format(s);
        StrModel.Instance.DecRef(e, s);
        e.CheckFailed(BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, status, LLVM.ConstInt(e.M.I32, 0), ""), span);
    }
}
