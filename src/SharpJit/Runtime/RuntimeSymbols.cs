namespace SharpJit.Runtime;

/// <summary>
/// The table of runtime helpers compiled code may call: symbol name, C signature, address.
/// Signature letters: v void, i i32, l i64, d double, p pointer; "r:abc" is r(a, b, c).
/// </summary>
public static unsafe class RuntimeSymbols
{
    private static readonly Dictionary<string, (string Sig, nint Address)> Table = new()
    {
        ["sj_raise"] = ("v:pp", (nint)(delegate* unmanaged<byte*, byte*, void>)&RuntimeExports.Raise),
        ["sj_traceback"] = ("v:pplp", (nint)(delegate* unmanaged<byte*, byte*, long, byte*, void>)&RuntimeExports.Traceback),
        ["sj_exc_matches"] = ("i:p", (nint)(delegate* unmanaged<byte*, int>)&CaughtExceptions.Matches),
        ["sj_exc_catch"] = ("p:", (nint)(delegate* unmanaged<byte*>)&CaughtExceptions.Catch),
        ["sj_exc_clear"] = ("v:", (nint)(delegate* unmanaged<void>)&CaughtExceptions.Clear),
        ["sj_exc_restore"] = ("v:p", (nint)(delegate* unmanaged<byte*, void>)&CaughtExceptions.Restore),
        ["sj_exc_free"] = ("v:p", (nint)(delegate* unmanaged<byte*, void>)&CaughtExceptions.Free),
        ["sj_exc_isinstance"] = ("i:pp", (nint)(delegate* unmanaged<byte*, byte*, int>)&CaughtExceptions.IsInstance),
        ["sj_exc_context"] = ("v:p", (nint)(delegate* unmanaged<byte*, void>)&CaughtExceptions.Context),
        ["sj_exc_cause_caught"] = ("v:p", (nint)(delegate* unmanaged<byte*, void>)&CaughtExceptions.CauseCaught),
        ["sj_exc_cause_new"] = ("v:pp", (nint)(delegate* unmanaged<byte*, byte*, void>)&CaughtExceptions.CauseNew),
        ["sj_exc_cause_none"] = ("v:", (nint)(delegate* unmanaged<void>)&CaughtExceptions.CauseNone),
        ["sj_write_exc"] = ("v:lpl", (nint)(delegate* unmanaged<long, byte*, long, void>)&CaughtExceptions.Write),
        ["sj_write_str"] = ("v:lp", (nint)(delegate* unmanaged<long, byte*, void>)&RuntimeExports.WriteStr),
        ["sj_write_repr_str"] = ("v:lp", (nint)(delegate* unmanaged<long, byte*, void>)&RuntimeExports.WriteReprStr),
        ["sj_write_i64"] = ("v:ll", (nint)(delegate* unmanaged<long, long, void>)&RuntimeExports.WriteI64),
        ["sj_write_f64"] = ("v:ld", (nint)(delegate* unmanaged<long, double, void>)&RuntimeExports.WriteF64),
        ["sj_write_c128"] = ("v:ldd", (nint)(delegate* unmanaged<long, double, double, void>)&RuntimeExports.WriteC128),
        ["sj_write_f32"] = ("v:ld", (nint)(delegate* unmanaged<long, double, void>)&RuntimeExports.WriteF32),
        ["sj_write_c64"] = ("v:ldd", (nint)(delegate* unmanaged<long, double, double, void>)&RuntimeExports.WriteC64),
        ["sj_write_u64"] = ("v:ll", (nint)(delegate* unmanaged<long, long, void>)&RuntimeExports.WriteU64),
        ["sj_write_bool"] = ("v:li", (nint)(delegate* unmanaged<long, int, void>)&RuntimeExports.WriteBool),
        ["sj_write_range_step"] = ("v:ll", (nint)(delegate* unmanaged<long, long, void>)&RuntimeExports.WriteRangeStep),
        ["sj_flush_if"] = ("v:i", (nint)(delegate* unmanaged<int, void>)&RuntimeExports.FlushIf),
        ["sj_sb_new"] = ("l:", (nint)(delegate* unmanaged<long>)&RuntimeExports.SbNew),
        ["sj_sb_finish"] = ("p:l", (nint)(delegate* unmanaged<long, byte*>)&RuntimeExports.SbFinish),
        ["sj_format_i64"] = ("i:llp", (nint)(delegate* unmanaged<long, long, byte*, int>)&RuntimeExports.FormatI64),
        ["sj_format_f64"] = ("i:ldp", (nint)(delegate* unmanaged<long, double, byte*, int>)&RuntimeExports.FormatF64),
        ["sj_format_c128"] = ("i:lddp", (nint)(delegate* unmanaged<long, double, double, byte*, int>)&RuntimeExports.FormatC128),
        ["sj_format_f32"] = ("i:ldp", (nint)(delegate* unmanaged<long, double, byte*, int>)&RuntimeExports.FormatF32),
        ["sj_format_c64"] = ("i:lddp", (nint)(delegate* unmanaged<long, double, double, byte*, int>)&RuntimeExports.FormatC64),
        ["sj_format_u64"] = ("i:llp", (nint)(delegate* unmanaged<long, long, byte*, int>)&RuntimeExports.FormatU64),
        ["sj_format_bool"] = ("i:lip", (nint)(delegate* unmanaged<long, int, byte*, int>)&RuntimeExports.FormatBool),
        ["sj_format_str"] = ("i:lpp", (nint)(delegate* unmanaged<long, byte*, byte*, int>)&RuntimeExports.FormatStr),
        ["sj_format_object"] = ("i:lppp", (nint)(delegate* unmanaged<long, byte*, byte*, byte*, int>)&RuntimeExports.FormatObject),
        ["sj_str_or_empty"] = ("p:p", (nint)(delegate* unmanaged<byte*, byte*>)&RuntimeExports.StrOrEmpty),
        ["sj_str_free"] = ("v:p", (nint)(delegate* unmanaged<byte*, void>)&RuntimeExports.StrFree),
        ["sj_array_alloc"] = ("p:l", (nint)(delegate* unmanaged<long, byte*>)&RuntimeArrays.AllocateExport),
        ["sj_array_free"] = ("v:p", (nint)(delegate* unmanaged<byte*, void>)&RuntimeArrays.FreeExport),
        ["sj_write_array"] = ("v:lllppl", (nint)(delegate* unmanaged<long, long, long, long*, byte*, long, void>)&RuntimeExports.WriteArray),
        ["sj_mask_error"] = ("v:lll", (nint)(delegate* unmanaged<long, long, long, void>)&RuntimeArrays.MaskError),
        ["sj_mask_assign_error"] = ("v:ll", (nint)(delegate* unmanaged<long, long, void>)&RuntimeArrays.MaskAssignError),
        ["sj_index_assign_error"] = ("v:ll", (nint)(delegate* unmanaged<long, long, void>)&RuntimeArrays.IndexAssignError),
        ["sj_dot_error"] = ("v:plpl", (nint)(delegate* unmanaged<long*, long, long*, long, void>)&RuntimeArrays.DotError),
        ["sj_matmul_error"] = ("v:ll", (nint)(delegate* unmanaged<long, long, void>)&RuntimeArrays.MatmulError),
        ["sj_index_error"] = ("v:lll", (nint)(delegate* unmanaged<long, long, long, void>)&RuntimeArrays.IndexError),
        ["sj_broadcast_error"] = ("v:ppl", (nint)(delegate* unmanaged<long*, long*, long, void>)&RuntimeArrays.BroadcastError),
        ["sj_assign_shape_error"] = ("v:plpl", (nint)(delegate* unmanaged<long*, long, long*, long, void>)&RuntimeArrays.AssignShapeError),
        ["sj_reshape_error"] = ("v:lpl", (nint)(delegate* unmanaged<long, long*, long, void>)&RuntimeArrays.ReshapeError),
        ["sj_str_concat"] = ("p:pp", (nint)(delegate* unmanaged<byte*, byte*, byte*>)&RuntimeExports.StrConcat),
        ["sj_str_cmp"] = ("i:pp", (nint)(delegate* unmanaged<byte*, byte*, int>)&RuntimeExports.StrCmp),
        ["sj_str_len"] = ("l:p", (nint)(delegate* unmanaged<byte*, long>)&RuntimeExports.StrLen),
        ["sj_range_len"] = ("i:lllp", (nint)(delegate* unmanaged<long, long, long, long*, int>)&RuntimeExports.RangeLen),
        ["sj_ipow"] = ("l:ll", (nint)(delegate* unmanaged<long, long, long>)&RuntimeExports.IPow),
        ["sj_ipowmod"] = ("i:lllp", (nint)(delegate* unmanaged<long, long, long, long*, int>)&RuntimeExports.IPowMod),
        ["sj_iabs"] = ("l:l", (nint)(delegate* unmanaged<long, long>)&RuntimeExports.IAbs),
        ["sj_round_int"] = ("l:ll", (nint)(delegate* unmanaged<long, long, long>)&RuntimeExports.RoundInt),
        ["sj_int_truediv"] = ("d:ll", (nint)(delegate* unmanaged<long, long, double>)&RuntimeExports.IntTrueDiv),
        ["sj_float_floordiv"] = ("d:dd", (nint)(delegate* unmanaged<double, double, double>)&RuntimeExports.FloatFloorDiv),
        ["sj_round_float"] = ("d:dl", (nint)(delegate* unmanaged<double, long, double>)&RuntimeExports.RoundFloat),
        ["sj_cdiv"] = ("i:ddddp", (nint)(delegate* unmanaged<double, double, double, double, double*, int>)&RuntimeExports.CDiv),
        ["sj_cpow"] = ("i:ddddp", (nint)(delegate* unmanaged<double, double, double, double, double*, int>)&RuntimeExports.CPow),
        ["sj_math1"] = ("i:idp", (nint)(delegate* unmanaged<int, double, double*, int>)&RuntimeExports.Math1),
        ["sj_math_int1"] = ("i:ilp", (nint)(delegate* unmanaged<int, long, long*, int>)&RuntimeExports.MathInt1),
        ["sj_math_int2"] = ("i:illp", (nint)(delegate* unmanaged<int, long, long, long*, int>)&RuntimeExports.MathInt2),
        ["sj_math_array"] = ("i:iplp", (nint)(delegate* unmanaged<int, double*, long, double*, int>)&RuntimeExports.MathArray),
        ["sj_math_isclose"] = ("i:ddddp", (nint)(delegate* unmanaged<double, double, double, double, long*, int>)&RuntimeExports.MathIsClose),
        ["sj_math_ldexp"] = ("i:dlp", (nint)(delegate* unmanaged<double, long, double*, int>)&RuntimeExports.MathLdexp),
        ["sj_math_frexp"] = ("v:dpp", (nint)(delegate* unmanaged<double, double*, long*, void>)&RuntimeExports.MathFrexp),
        ["sj_math_modf"] = ("v:dpp", (nint)(delegate* unmanaged<double, double*, double*, void>)&RuntimeExports.MathModf),
        ["sj_cmath1"] = ("i:iddp", (nint)(delegate* unmanaged<int, double, double, double*, int>)&RuntimeExports.CMath1),
        ["sj_cmath_log_base"] = ("i:ddddp", (nint)(delegate* unmanaged<double, double, double, double, double*, int>)&RuntimeExports.CMathLogBase),
        ["sj_cmath_rect"] = ("i:ddp", (nint)(delegate* unmanaged<double, double, double*, int>)&RuntimeExports.CMathRect),
        ["sj_cmath_isclose"] = ("i:ddddddp", (nint)(delegate* unmanaged<double, double, double, double, double, double, long*, int>)&RuntimeExports.CMathIsClose),
        ["sj_np_complex1"] = ("v:iddp", (nint)(delegate* unmanaged<int, double, double, double*, void>)&RuntimeExports.NumPyComplex1),
        ["sj_np_cpow"] = ("v:ddddp", (nint)(delegate* unmanaged<double, double, double, double, double*, void>)&RuntimeExports.NumPyComplexPower),
        ["sj_np_round"] = ("d:dl", (nint)(delegate* unmanaged<double, long, double>)&RuntimeExports.NumPyRound),
        ["sj_np_round_int"] = ("l:ll", (nint)(delegate* unmanaged<long, long, long>)&RuntimeExports.NumPyRoundInt),
        ["sj_np_gcd"] = ("l:ll", (nint)(delegate* unmanaged<long, long, long>)&RuntimeExports.NumPyGcd),
        ["sj_np_lcm"] = ("l:ll", (nint)(delegate* unmanaged<long, long, long>)&RuntimeExports.NumPyLcm),
    };

    public static (char Return, char[] Params) Signature(string name)
    {
        if (!Table.TryGetValue(name, out var e)) throw new KeyNotFoundException($"no runtime helper '{name}'");
        var parts = e.Sig.Split(':');
        return (parts[0][0], parts[1].ToCharArray());
    }

    public static IEnumerable<(string Name, nint Address)> All => Table.Select(kv => (kv.Key, kv.Value.Address));
}
