using SharpJit.Diagnostics;
using SharpJit.Syntax;

using Attribute = SharpJit.Syntax.Attribute;

namespace SharpJit.Binding;

/// <summary><c>lib = sharpjit.load_bitcode("fast.bc", signatures={"f": "float64(float64)"})</c> at module level of a
/// script `sharpjit run` compiles: the file (relative to the script) is loaded now, and <c>lib.f</c> calls link it in.</summary>
internal static class LoadBitcodeCall
{
    public static bool Matches(Call call) =>
        call.Func is Attribute { Value: Name { Id: "sharpjit" }, Attr: "load_bitcode" } || call.Func is Name { Id: "load_bitcode" };

    public static Library.BitcodeLibrary Load(ModuleInfo module, Call call)
    {
        const string usage = "e.g. lib = sharpjit.load_bitcode(\"fast.bc\", signatures={\"f\": \"float64(float64)\"})";
        var signatures = new Dictionary<string, string>();
        Expr? declared = call.Args.Count == 2 ? call.Args[1] : call.Keywords.FirstOrDefault(k => k.Arg == "signatures")?.Value;
        bool wellFormed = call.Args.Count is 1 or 2 && call.Args[0] is Constant { Value: string }
            && call.Keywords.All(k => k.Arg == "signatures") && call.Args.Count + call.Keywords.Count <= 2;
        if (declared is Dict d)
            for (int k = 0; k < d.Keys.Count; k++)
                if (d.Keys[k] is Constant { Value: string name } && d.Values[k] is Constant { Value: string sig }) signatures[name] = sig;
                else wellFormed = false;
        else if (declared is not (null or Constant { Value: null })) wellFormed = false;
        if (!wellFormed)
            throw module.Error(ErrorKind.TypingError, "sharpjit.load_bitcode takes a path and, optionally, signatures: a dict of strings", call.Span, usage);
        string path = (string)((Constant)call.Args[0]).Value!;
        if (!Path.IsPathRooted(path)) path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(module.Source.Path)) ?? ".", path);
        try { return Library.BitcodeLibrary.Load(path, signatures); }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw module.Error(ErrorKind.TypingError, e is ArgumentException ? e.Message : $"cannot read {path}: {e.Message}", call.Span);
        }
    }
}
