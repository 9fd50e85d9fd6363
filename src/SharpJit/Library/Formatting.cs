using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

namespace SharpJit.Library;

/// <summary>str(), repr() and format() of compiled values, written to a runtime text sink.</summary>
public static unsafe class Formatting
{
    public static bool CanFormat(SjType t) => EnsureStack() && t is ScalarType or ExceptionInstanceType or CaughtExceptionType or ExceptionArgsType or CaughtClassType or GeneratorType or Typing.ArrayType or DTypeType || t is OptionalType o && CanFormat(o.Inner) || t == SimpleType.Str || t == SimpleType.None
        || t == SimpleType.Range || t is TupleType tt && tt.Items.All(CanFormat) || t is ListType l && CanFormat(ListCode.ElementOf(l))
        || t is DictType d && CanFormat(ListCode.ElementOf(new ListType(d.Key))) && CanFormat(ListCode.ElementOf(new ListType(d.Value))) || t is DictViewType dv && CanFormat(dv.Dict) || t is SetType s && CanFormat(ListCode.ElementOf(new ListType(s.Key))) || t is Typing.FunctionType or BuiltinType or ExceptionClassType or ModuleType or InstanceType or ClassType;

    /// <summary>Writes the items of a view of the dict (its live entries), ", " between them.</summary>
    private static void WriteEntries(FunctionEmitter e, LLVMValueRef sink, DictViewType view, LLVMValueRef dict, Action<LLVMValueRef> write)
    {
        var first = e.Alloca(e.M.I1);
        BuildStore(e.B, e.M.ConstBool(true), first);
        ArrayCode.Loop(e, DictCode.Entries(e, dict), k =>
        {
            var live = BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, DictCode.Hash(e, dict, k), e.M.ConstI64(-1), "");
            e.When(live, () =>
            {
                e.When(BuildNot(e.B, BuildLoad2(e.B, e.M.I1, first, ""), ""), () => Text(e, sink, ", "));
                BuildStore(e.B, e.M.ConstBool(false), first);
                write(DictCode.Item(e, view, dict, k));
            });
        });
    }

    /// <summary>Writes str(v), or repr(v) when repr is set.</summary>
    private static bool EnsureStack() { Diagnostics.CompileDepth.EnsureStack(); return true; }

    /// <summary>CPython's default repr of an object: "&lt;what at 0x7f...&gt;".</summary>
    private static void ObjectAt(FunctionEmitter e, LLVMValueRef sink, string what, LLVMValueRef address)
    {
        Text(e, sink, what + " at ");
        e.CallRuntime("sj_write_address", sink, address);
        Text(e, sink, ">");
    }

    public static void WriteRaw(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, SjType t, bool repr)
    {
        Diagnostics.CompileDepth.EnsureStack();
        switch (t)
        {
            case ScalarType s:
            {
                var (suffix, args) = RuntimeScalar(e, v, s);
                e.CallRuntime("sj_write_" + suffix, [sink, .. args]);
                return;
            }
            case TupleType { Named: { } nt } ntt:
                // Point(x=1, y=2.0)
                Text(e, sink, nt.Name + "(");
                for (int k = 0; k < ntt.Items.Length; k++)
                {
                    Text(e, sink, (k > 0 ? ", " : "") + nt.Fields[k] + "=");
                    WriteRaw(e, sink, e.ExtractValue(v, k), ntt.Items[k], repr: true);
                }
                Text(e, sink, ")");
                return;
            case TupleType tt:
                Text(e, sink, "(");
                for (int k = 0; k < tt.Items.Length; k++)
                {
                    if (k > 0) Text(e, sink, ", ");
                    WriteRaw(e, sink, e.ExtractValue(v, k), tt.Items[k], repr: true);
                }
                Text(e, sink, tt.Items.Length == 1 ? ",)" : ")");
                return;
            case DictType dt:
                Text(e, sink, "{");
                WriteEntries(e, sink, new DictViewType(dt, "items"), v, item =>
                {
                    WriteRaw(e, sink, e.ExtractValue(item, 0), dt.Key, repr: true);
                    Text(e, sink, ": ");
                    WriteRaw(e, sink, e.ExtractValue(item, 1), dt.Value, repr: true);
                });
                Text(e, sink, "}");
                return;
            case SetType st:
            {
                // {1, 2} in table order, or set() when empty; frozenset({1, 2}) and frozenset().
                var empty = BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, ContainerModel.Length(e, v), e.M.ConstI64(0), "");
                e.When(empty, () => Text(e, sink, st.Frozen ? "frozenset()" : "set()"));
                e.When(BuildNot(e.B, empty, ""), () =>
                {
                    Text(e, sink, st.Frozen ? "frozenset({" : "{");
                    var first = e.Alloca(e.M.I1);
                    BuildStore(e.B, e.M.ConstBool(true), first);
                    ArrayCode.Loop(e, DictCode.Slots(e, v), k => e.When(DictCode.SlotHoldsItem(e, v, k), () =>
                    {
                        e.When(BuildNot(e.B, BuildLoad2(e.B, e.M.I1, first, ""), ""), () => Text(e, sink, ", "));
                        BuildStore(e.B, e.M.ConstBool(false), first);
                        WriteRaw(e, sink, DictCode.SetItem(e, st, v, k), st.Key, repr: true);
                    }));
                    Text(e, sink, st.Frozen ? "})" : "}");
                });
                return;
            }
            case DictViewType dv:
                Text(e, sink, $"dict_{dv.Kind}([");
                WriteEntries(e, sink, dv, e.ExtractValue(v, 0), item => WriteRaw(e, sink, item, dv.Item, repr: true));
                Text(e, sink, "])");
                return;
            case ListType lt:
            {
                // [a, b]: the length is read at each step (an item's repr runs no code that could change it).
                Text(e, sink, "[");
                ArrayCode.Loop(e, ListCode.Length(e, v), k =>
                {
                    e.When(BuildICmp(e.B, LLVMIntPredicate.LLVMIntSGT, k, e.M.ConstI64(0), ""), () => Text(e, sink, ", "));
                    WriteRaw(e, sink, ListCode.Load(e, lt, v, k), ListCode.ElementOf(lt), repr: true);
                });
                Text(e, sink, "]");
                return;
            }
            case InstanceType it when it.Layout.Formatter(repr) is { } method:
            {
                // __str__ or __repr__: its str, written and dropped.
                var text = e.CallSpecialization(method, new[] { v }, it.Class.Node.Span);
                e.CallRuntime("sj_write_str", sink, text);
                StrModel.Instance.DecRef(e, text);
                return;
            }
            case InstanceType it: ObjectAt(e, sink, $"<{it.Class.Qualified} object", v); return;
            case ClassType ct: Text(e, sink, $"<class '{ct.Class.Qualified}'>"); return;
            case Typing.FunctionType ft: Text(e, sink, $"<function {ft.Function.QualName}>"); return;
            case DTypeType dt: Text(e, sink, repr ? $"dtype('{dt.Dtype.Name}')" : dt.Dtype.Name); return;
            case BuiltinType bt when Builtins.ClassName(bt) is { } cls: Text(e, sink, $"<class '{cls}'>"); return;
            case BuiltinType bt: Text(e, sink, $"<built-in function {bt.Qualified.Split('.').Last()}>"); return;
            case CaughtClassType: e.CallRuntime("sj_write_exc_class", sink, v); return;
            case GeneratorType g: ObjectAt(e, sink, $"<generator object {g.Spec.Function.QualName}", v); return;
            case ExceptionClassType ec: Text(e, sink, $"<class '{ec.ExceptionName}'>"); return;
            case ModuleType mt: Text(e, sink, $"<module '{mt.Module}' (built-in)>"); return;
            case ExceptionInstanceType ei when repr:
                // ValueError('message'), or ValueError() without one.
                Text(e, sink, Runtime.ExceptionClasses.ShortName(ei.ExceptionName) + "(");
                e.CallRuntime("sj_write_exc_arg", sink, v, ConstInt(e.M.I32, 0), ConstInt(e.M.I32, 1));
                Text(e, sink, ")");
                return;
            case ExceptionInstanceType ei:
                e.CallRuntime("sj_write_exc_arg", sink, v, ConstInt(e.M.I32, ei.ExceptionName == "KeyError" ? 1 : 0), ConstInt(e.M.I32, 0));
                return;
            case CaughtExceptionType:
                e.CallRuntime("sj_write_exc", sink, v, e.M.ConstI64(repr ? 1 : 0));
                return;
            case ExceptionArgsType:
                e.CallRuntime("sj_write_exc_args", sink, v);
                return;
            case OptionalType o:
            {
                var present = e.ExtractValue(v, 0);
                e.When(present, () => WriteRaw(e, sink, e.ExtractValue(v, 1), o.Inner, repr));
                e.When(BuildNot(e.B, present, ""), () => Text(e, sink, "None"));
                return;
            }
            case Typing.ArrayType at:
            {
                // NumPy's printer (Runtime.NumPyArrayFormat) reads the elements through the shape and strides.
                var shape = ArrayCode.Shape(e, at, v); var strides = ArrayCode.Strides(e, at, v);
                var dims = e.Alloca(ArrayType2(e.M.I64, (ulong)Math.Max(1, 2 * at.Ndim)));
                for (int k = 0; k < 2 * at.Ndim; k++)
                    BuildStore(e.B, k < at.Ndim ? shape[k] : strides[k - at.Ndim], BuildInBoundsGEP2(e.B, e.M.I64, dims, new[] { e.M.ConstI64(k) }, ""));
                e.CallRuntime("sj_write_array", sink, e.M.ConstI64(Array.IndexOf(ScalarType.All.ToArray(), at.Dtype)), e.M.ConstI64(at.Ndim), dims,
                    ArrayCode.Data(e, v), e.M.ConstI64(repr ? 1 : 0));
                return;
            }
        }
        if (t == SimpleType.None) { Text(e, sink, "None"); return; }
        if (t == SimpleType.Str) { e.CallRuntime(repr ? "sj_write_repr_str" : "sj_write_str", sink, v); return; }
        if (t == SimpleType.Range)
        {
            Text(e, sink, "range(");
            e.CallRuntime("sj_write_i64", sink, e.ExtractValue(v, 0));
            Text(e, sink, ", ");
            e.CallRuntime("sj_write_i64", sink, e.ExtractValue(v, 1));
            e.CallRuntime("sj_write_range_step", sink, e.ExtractValue(v, 2));
            Text(e, sink, ")");
            return;
        }
        throw new InvalidOperationException($"cannot write {t}");
    }

    /// <summary>Which sj_write_* / sj_format_* helper takes a scalar, and its arguments: integers as 64 bits (uint64
    /// apart), float32 and complex64 parts widened to double (exactly) for their NumPy-style helpers.</summary>
    private static (string Suffix, LLVMValueRef[] Args) RuntimeScalar(FunctionEmitter e, LLVMValueRef v, ScalarType t)
    {
        switch (t.Rank)
        {
            case 0: return ("bool", [BuildZExt(e.B, v, e.M.I32, "")]);
            case 1: return t.IsUnsigned ? ("u64", [e.Convert(v, t, ScalarType.UInt64)]) : ("i64", [e.Convert(v, t, ScalarType.Int64)]);
            case 2: return (t.Bits == 32 ? "f32" : "f64", [e.Convert(v, t, ScalarType.Float64)]);
            default:
                var z = e.Convert(v, t, ScalarType.Complex128);
                return (t.Bits == 64 ? "c64" : "c128", [e.ExtractValue(z, 0), e.ExtractValue(z, 1)]);
        }
    }

    public static void Text(FunctionEmitter e, LLVMValueRef sink, string s) => e.CallRuntime("sj_write_str", sink, e.M.ConstString(s));

    /// <summary>format(v, spec): the format-spec mini-language, with CPython's errors. With a conversion (!s, !r, !a:
    /// <paramref name="repr"/> for the last two) the converted text is what the spec formats.</summary>
    public static void WriteFormatted(FunctionEmitter e, LLVMValueRef sink, LLVMValueRef v, SjType t, LLVMValueRef spec, bool repr, Span span,
        bool converted = false)
    {
        var M = e.M;
        if (converted && !repr && t == SimpleType.Str) { e.CallChecked("sj_format_str", span, sink, v, spec); return; }
        if (repr || converted || t is not (ScalarType or SimpleType) || t == SimpleType.None || t == SimpleType.Range)
        {
            // Non-numeric objects: render str()/repr() first; a non-empty spec is only valid for str.
            var sb = e.CallRuntime("sj_sb_new");
            WriteRaw(e, sb, v, t, repr);
            var s = e.CallRuntime("sj_sb_finish", sb);
            // The rendered text is dropped before the check: a bad spec raises with nothing left to free.
            var status = repr || converted ? e.CallRuntime("sj_format_str", sink, s, spec)
                : e.CallRuntime("sj_format_object", sink, s, spec, M.ConstString(TypeOps.PyName(t)));
            StrModel.Instance.DecRef(e, s);
            e.CheckFailed(BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, status, LLVM.ConstInt(M.I32, 0), ""), span);
            return;
        }
        if (t is ScalarType scalar)
        {
            var (suffix, args) = RuntimeScalar(e, v, scalar);
            e.CallChecked("sj_format_" + suffix, span, [sink, .. args, spec]);
            return;
        }
        e.CallChecked("sj_format_str", span, sink, v, spec);
    }
}
