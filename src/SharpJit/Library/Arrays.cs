using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Llvm;
using SharpJit.Syntax;
using SharpJit.Typing;
using static SharpJit.Llvm.LLVM;

using ArrayType = SharpJit.Typing.ArrayType;

namespace SharpJit.Library;

/// <summary>
/// NumPy arrays in compiled code: the ndarray's attributes, indexing (integers, slices, None) with views that share
/// memory, item and slice assignment with broadcasting, iteration over the first axis, and creation (empty, zeros,
/// ones, full, arange, linspace, the _like forms, copy). Element-wise operators and ufuncs are in Arrays.Elementwise.cs,
/// reductions in Arrays.Reductions.cs.
/// </summary>
public static unsafe partial class Builtins
{
    private static bool IsArray(SjType t) => t is ArrayType;

    private static void RegisterArrays()
    {
        RegisterSlice();
        RegisterArrayAttributes();
        RegisterPointerArrays();
        RegisterArrayIndexing();
        foreach (var name in new[] { "array.getitem", "operator.setitem" }) { UnwrapOneTupleIndex(name); IndexInDisguise(name); }
        RegisterArrayCreation();
        RegisterArrayMethods();
        RegisterElementwise();
        RegisterReductions();
        RegisterRoutines();
        RegisterUFuncMethods();
        RegisterEinsum();
        RegisterArraysExtra();
        RegisterSearchForms();
        RegisterSetForms();
        RegisterArrayShapes();
        // bool(a), `if a:`, `not a`: an array's truth (library function; raises ValueError for more than one element).
        Add("array.truth", c => c.Require(PythonLibrary.Function("numpy", "_array_truth"), TypeOps.Canonical(c.Positional[0].Type)).ReturnType,
            c => c.CallCompiled(0, c.E.Convert(c.Arg(0), c.ArgType(0), TypeOps.Canonical(c.ArgType(0)))));
        // x in a, x not in a (a an array: Operators.cs): NumPy's (a == x).any(), broadcasting x against a.
        foreach (var (op, negated) in new[] { ("in_", false), ("not_in", true) })
            Add("array." + op, c =>
            {
                c.Require(PythonLibrary.Function("numpy", "_array_contains"), TypeOps.Canonical(c.Positional[1].Type), TypeOps.Canonical(c.Positional[0].Type));
                return ScalarType.Bool;
            }, c =>
            {
                var e = c.E;
                var found = e.Convert(c.CallCompiled(0, e.Convert(c.Arg(1), c.ArgType(1), TypeOps.Canonical(c.ArgType(1))), e.Convert(c.Arg(0), c.ArgType(0), TypeOps.Canonical(c.ArgType(0)))),
                    c.Callees[0].ReturnType, ScalarType.Bool);
                return negated ? BuildNot(e.B, found, "") : found;
            }, acceptsNarrow: true);
        foreach (var name in new[] { "sum", "prod", "max", "min", "amax", "amin", "mean", "std", "var", "argmax", "argmin", "any", "all", "count_nonzero", "clip" })
            ArrayLikeArguments("numpy." + name, 0);
        ArrayLikeArguments("numpy.where", 0, 1, 2);
        ArrayLikeArguments("numpy.dot", 0, 1);
        ArrayLikeArguments("numpy.matmul", 0, 1);
    }

    // ------------------------------------------------------------ slice objects

    private static void RegisterSlice()
    {
        Add("slice", c =>
        {
            Arity(c, "slice", 1, 3);
            var parts = c.Positional.Length == 1 ? new[] { null, c.Positional[0], null } : c.Positional.Concat(new TypedArg?[3 - c.Positional.Length]).ToArray();
            // A float or complex part makes a slice only np.mgrid / np.ogrid take (an index elsewhere is a TypeError).
            if (parts.Any(p => p?.Type is ScalarType { Rank: >= 2 }) && parts.All(p => p == null || p.Type == SimpleType.None || p.Type is ScalarType))
                return new NumberSliceType(parts.Select(p => p?.Type is ScalarType st ? st.Canonical : null));
            foreach (var p in parts)
                if (p != null && p.Type != SimpleType.None && p.Type is not ScalarType { Rank: <= 1 })
                    throw c.ErrorAt(p, "slice indices must be integers or None or have an __index__ method");
            bool Has(TypedArg? p) => p != null && p.Type != SimpleType.None;
            bool unit = !Has(parts[2]) || Signature.AsInt(parts[2]!.Literal) == 1;
            return new SliceType(Has(parts[0]), Has(parts[1]), Has(parts[2]), unit);
        }, c =>
        {
            var e = c.E;
            var parts = c.Args.Length == 1 ? new[] { -1, 0, -1 } : new[] { 0, 1, c.Args.Length == 3 ? 2 : -1 };
            if (c.ResultType is NumberSliceType ns)
                return e.MakeStruct(e.M.Lower(ns), parts.Select((k, j) => ns.Parts[j] is { } pt ? e.Convert(c.Arg(k), c.ArgType(k), pt) : e.M.ConstI64(0)).ToArray());
            var values = parts.Select(k => k >= 0 && c.ArgType(k) is ScalarType ? ToInt(c, k) : e.M.ConstI64(0)).ToArray();
            return e.MakeStruct(e.M.Lower(c.ResultType), values);
        }, neverRaises: true);
    }

    // ------------------------------------------------------------ attributes

    private static void RegisterArrayAttributes()
    {
        LibFunc Attr(string name, Func<ArrayType, SjType> type, Func<LoweringCall, ArrayType, LLVMValueRef> lower)
        {
            var f = Add("attr." + name, c => type((ArrayType)c.Positional[0].Type), c => lower(c, (ArrayType)c.ArgType(0)), neverRaises: true, acceptsNarrow: true);
            f.Receiver = IsArray;
            return f;
        }
        Attr("shape", t => new TupleType(Enumerable.Repeat<SjType>(ScalarType.Int64, t.Ndim)),
            (c, t) => c.E.MakeStruct(c.E.M.Lower(c.ResultType), ArrayCode.Shape(c.E, t, c.Arg(0))));
        Attr("strides", t => new TupleType(Enumerable.Repeat<SjType>(ScalarType.Int64, t.Ndim)),
            (c, t) => c.E.MakeStruct(c.E.M.Lower(c.ResultType), ArrayCode.StoredStrides(c.E, t, c.Arg(0))));
        Attr("ndim", _ => ScalarType.Int64, (c, t) => c.E.M.ConstI64(t.Ndim)).Fold = sig => (long)((ArrayType)sig.Args[0]).Ndim;
        Attr("itemsize", _ => ScalarType.Int64, (c, t) => c.E.M.ConstI64(t.ItemSize)).Fold = sig => (long)((ArrayType)sig.Args[0]).ItemSize;
        Attr("size", _ => ScalarType.Int64, (c, t) => ArrayCode.Size(c.E, ArrayCode.Shape(c.E, t, c.Arg(0))));
        Attr("nbytes", _ => ScalarType.Int64, (c, t) => BuildNSWMul(c.E.B, ArrayCode.Size(c.E, ArrayCode.Shape(c.E, t, c.Arg(0))), c.E.M.ConstI64(t.ItemSize), ""));
        Attr("dtype", t => new DTypeType(t.Dtype), (c, t) => GetUndef(c.E.M.Empty));
        // a.dtype == np.float32: decided at compile time (dtypes are part of the type).
        foreach (var (name, equal) in new[] { ("eq", true), ("ne", false) })
            Add("dtype." + name, c =>
            {
                foreach (var a in c.Positional)
                    if (DtypeOf(a) == null) throw c.ErrorAt(a, $"cannot compare a dtype with a {TypeOps.PyName(a.Type)} in compiled code");
                return ScalarType.Bool;
            }, c => c.E.M.ConstBool(false), neverRaises: true, acceptsNarrow: true)
                .Fold = sig => (DtypeOfType(sig.Args[0], sig.Literals[0]) == DtypeOfType(sig.Args[1], sig.Literals[1])) == equal;
        // .real and .imag of arrays are views (a real array's .imag is a new read-only array of zeros); the scalar
        // forms stay the scalar entries'.
        foreach (var part in new[] { "real", "imag" })
        {
            var scalar = Get("attr." + part);
            Add("attr." + part, c => c.Positional[0].Type is ArrayType t ? PartType(t, part) : scalar.Type(c),
                c => c.ArgType(0) is ArrayType t ? LowerPart(c, t, part) : scalar.Lower(c), mayRaise: sig => sig.Args[0] is ArrayType && part == "imag")
                .Receiver = t => t is ArrayType || scalar.Receiver!(t);
        }
        Attr("T", Transposed, (c, t) => c.E.NewRef(Transpose(c.E, t, c.Arg(0)), c.ResultType));
        // a.flat: the elements in C order (iteration, a.flat[i], a.flat[i] = v, len). Of 1-d and C-contiguous arrays
        // a 1-d view (NumPy's flatiter is not an array, so slicing it gives a view here where NumPy copies); of other
        // layouts a flatiter, which unravels a flat index over the shape.
        Add("attr.flat", c =>
        {
            var t = (ArrayType)c.Positional[0].Type;
            if (t.Ndim == 1) return t;
            if (t.Layout != ArrayLayout.C) return new FlatIterType(t);
            return new ArrayType(t.Dtype, 1, ArrayLayout.C, t.Readonly);
        }, c =>
        {
            var e = c.E; var t = (ArrayType)c.ArgType(0);
            if (t.Ndim == 1) return e.NewRef(c.Arg(0), t);
            if (c.ResultType is FlatIterType) return e.MakeStruct(e.M.Lower(c.ResultType), e.NewRef(c.Arg(0), t));
            var size = ArrayCode.Size(e, ArrayCode.Shape(e, t, c.Arg(0)));
            var view = ArrayCode.Make(e, (ArrayType)c.ResultType, ArrayCode.Meminfo(e, c.Arg(0)), ArrayCode.Data(e, c.Arg(0)), new[] { size }, new[] { e.M.ConstI64(t.ItemSize) });
            return e.NewRef(view, c.ResultType);
        }, neverRaises: true, acceptsNarrow: true).Receiver = IsArray;
        AddFlatIterItems();
        // a.flags: NumPy's flags as a namedtuple of bools, for their attributes (a.flags.c_contiguous, ...: see
        // npshape.py's _flags). owndata and num are not known for arrays passed in, and not offered.
        var flagsInfo = new NamedTupleInfo("flagsobj", "numpy.core.multiarray.flagsobj", new[]
        {
            "c_contiguous", "f_contiguous", "contiguous", "fortran", "forc", "fnc", "writeable", "aligned", "writebackifcopy",
            "behaved", "carray", "farray",
        }) { AttributesOnly = true };
        Add("attr.flags", c =>
        {
            var flags = c.Require(PythonLibrary.Function("npshape", "_flags"), TypeOps.Canonical(c.Positional[0].Type), ScalarType.Bool).ReturnType;
            return flags is TupleType t ? new TupleType(t.Items, flagsInfo) : flags;   // (not yet inferred: Unknown)
        }, c =>
        {
            var e = c.E; var t = (ArrayType)c.ArgType(0);
            return c.CallCompiled(0, e.Convert(c.Arg(0), t, TypeOps.Canonical(t)), e.M.ConstBool(!t.Readonly));
        }, acceptsNarrow: true).Receiver = IsArray;
        // a.ctypes, for a.ctypes.data: the address of the first element, an int (to hand to C through an extern
        // function's pointer argument); NumPy's _ctypes object itself stays in compiled code.
        var ctypesInfo = new NamedTupleInfo("_ctypes", "numpy.core._internal._ctypes", new[] { "data" }) { AttributesOnly = true };
        Attr("ctypes", _ => new TupleType(new SjType[] { ScalarType.Int64 }, ctypesInfo),
            (c, t) => c.E.MakeStruct(c.E.M.Lower(c.ResultType), BuildPtrToInt(c.E.B, ArrayCode.Data(c.E, c.Arg(0)), c.E.M.I64, "")));
    }

    /// <summary>flatiter[i] and flatiter[i] = v: an integer index in C order (negative from the end), checked against
    /// the size with NumPy's message.</summary>
    private static void AddFlatIterItems()
    {
        static ArrayType ArrayOf(SjType t) => ((FlatIterType)t).Array;
        static void CheckIndex(CallTypingContext c)
        {
            if (c.Positional[1].Type is not ScalarType { Rank: <= 1 })
                throw c.ErrorAt(c.Positional[1], "a flatiter takes an integer index in compiled code", "index a.ravel() (or a copy) with slices, masks or arrays");
        }
        static LLVMValueRef Element(LoweringCall c)
        {
            var e = c.E; var t = ArrayOf(c.ArgType(0)); var array = e.ExtractValue(c.Arg(0), 0);
            var size = ArrayCode.Size(e, ArrayCode.Shape(e, t, array));
            var k = ArrayCode.WrapIndex(e, e.Convert(c.Arg(1), c.ArgType(1), ScalarType.Int64), size, 0, c.Span);
            return ArrayCode.FlatElementPointer(e, t, array, k);
        }
        Add("flatiter.getitem", c => { CheckIndex(c); return ArrayOf(c.Positional[0].Type).Dtype; },
            c => ArrayCode.Load(c.E, ArrayOf(c.ArgType(0)).Dtype, Element(c)));
        Add("flatiter.setitem", c =>
        {
            CheckIndex(c);
            CheckAssignable(c, c.Positional[2], ArrayOf(c.Positional[0].Type).Dtype);
            if (c.Positional[2].Type is ArrayType)
                throw c.ErrorAt(c.Positional[2], "setting an array element with a sequence.", "assign a scalar to an element");
            return SimpleType.None;
        }, c =>
        {
            var e = c.E; var t = ArrayOf(c.ArgType(0));
            if (t.Readonly) { e.RaiseIf(e.M.ConstBool(true), "ValueError", "assignment destination is read-only", c.Span); return GetUndef(e.M.Empty); }
            ArrayCode.Store(e, t.Dtype, Element(c), StoredValue(e, c.Arg(2), (ScalarType)c.ArgType(2), t.Dtype, c.Span));
            return GetUndef(e.M.Empty);
        });
    }

    /// <summary>The axes of a.transpose(axes) or a.transpose(i, j, ...) as one tuple of integers.</summary>
    private static SjType TransposeAxesType(CallTypingContext c)
    {
        if (c.Positional.Length == 2 && c.Positional[1].Type is TupleType tt)
            return tt.Items.All(x => x is ScalarType { Rank: <= 1 }) ? TypeOps.Canonical(tt) : throw c.ErrorAt(c.Positional[1], "transpose() axes must be integers");
        for (int k = 1; k < c.Positional.Length; k++)
            if (c.Positional[k].Type is not ScalarType { Rank: <= 1 }) throw c.ErrorAt(c.Positional[k], "transpose() axes must be integers");
        return TransposeAxesType(c.Positional.Length - 1);
    }

    private static TupleType TransposeAxesType(int n) => new(Enumerable.Repeat<SjType>(ScalarType.Int64, n));

    private static ArrayType PartType(ArrayType t, string part) => t.Dtype.Rank == 3
        ? new ArrayType(t.Dtype.Bits == 64 ? ScalarType.Float32 : ScalarType.Float64, t.Ndim, ArrayLayout.A, t.Readonly)
        : part == "real" ? t : new ArrayType(t.Dtype, t.Ndim, ArrayLayout.C, readOnly: true);

    private static LLVMValueRef LowerPart(LoweringCall c, ArrayType t, string part)
    {
        var e = c.E; var a = c.Arg(0);
        var rt = (ArrayType)c.ResultType;
        if (t.Dtype.Rank == 3)
        {
            // A view of every other float: the same strides, the imaginary part one float further.
            var data = part == "real" ? ArrayCode.Data(e, a) : BuildGEP2(e.B, e.M.I8, ArrayCode.Data(e, a), new[] { e.M.ConstI64(t.Dtype.PartBits / 8) }, "");
            return e.NewRef(ArrayCode.Make(e, rt, ArrayCode.Meminfo(e, a), data, ArrayCode.Shape(e, t, a), ArrayCode.Strides(e, t, a)), rt);
        }
        if (part == "real") return e.NewRef(a, t);
        var zeros = ArrayCode.Allocate(e, rt, ArrayCode.Shape(e, t, a), c.Span);
        Fill(e, rt, zeros, e.M.Constant(0L, rt.Dtype));
        return zeros;
    }

    private static ArrayType Transposed(ArrayType t) =>
        t.With(layout: t.Layout switch { ArrayLayout.C when t.Ndim > 1 => ArrayLayout.F, ArrayLayout.F => ArrayLayout.C, var l => l });

    private static LLVMValueRef Transpose(FunctionEmitter e, ArrayType t, LLVMValueRef a)
    {
        var shape = ArrayCode.Shape(e, t, a); var strides = ArrayCode.StoredStrides(e, t, a);   // NumPy's, reversed (an F layout computes its own to address)
        Array.Reverse(shape); Array.Reverse(strides);
        return ArrayCode.Make(e, Transposed(t), ArrayCode.Meminfo(e, a), ArrayCode.Data(e, a), shape, strides);
    }

    // ------------------------------------------------------------ indexing

    /// <summary>One component of an index: an integer, a slice, None (a new axis of length 1), the ellipsis or a
    /// bool (NumPy's 0-d boolean mask: a new axis of length 1 for True, 0 for False, and the result a copy).</summary>
    private enum IndexKind { Int, Slice, NewAxis, Ellipsis, Bool }

    private static IndexKind[]? IndexKinds(SjType index)
    {
        IndexKind? One(SjType t) => t switch
        {
            ScalarType { Rank: 0 } => IndexKind.Bool,
            ScalarType { Rank: 1 } => IndexKind.Int,
            SliceType => IndexKind.Slice,
            _ when t == SimpleType.None => IndexKind.NewAxis,
            _ when t == SimpleType.Ellipsis => IndexKind.Ellipsis,
            _ => null,
        };
        var items = index is TupleType tt ? tt.Items.ToArray() : new[] { index };
        var kinds = items.Select(One).ToArray();
        return kinds.Any(k => k == null) ? null : kinds.Select(k => k!.Value).ToArray();
    }

    /// <summary>The type of a[index]: an element when every axis gets an integer, else a view.</summary>
    private static SjType IndexedType(CallTypingContext c, ArrayType t, TypedArg indexArg)
    {
        var index = indexArg.Type;
        var kinds = IndexKinds(index) ?? throw c.ErrorAt(indexArg,
            $"only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices, not {TypeOps.PyName(index)}",
            "index with integers, slices, None, ..., a boolean mask of the array's shape or a 1-d integer array");
        if (kinds.Count(k => k == IndexKind.Ellipsis) > 1) throw c.ErrorAt(indexArg, "an index can only have a single ellipsis ('...')");
        int consumed = kinds.Count(k => k is IndexKind.Int or IndexKind.Slice);
        if (consumed > t.Ndim)
            throw c.ErrorAt(indexArg, $"too many indices for array: array is {t.Ndim}-dimensional, but {consumed} were indexed");
        if (kinds.Contains(IndexKind.Bool) && (kinds.Count(k => k == IndexKind.Bool) > 1 || kinds.Contains(IndexKind.Int)))
            throw c.ErrorAt(indexArg, "an index with a bool and an integer or another bool is not supported in compiled code",
                "index with the bool alone, or with slices, None and ...");
        return IndexedTypeOf(t, index);
    }

    /// <summary>The index with the ellipsis (or the missing trailing axes) written out as full slices.</summary>
    private static IndexKind[] ExpandIndex(IndexKind[] kinds, int ndim)
    {
        int consumed = kinds.Count(k => k is IndexKind.Int or IndexKind.Slice);
        var list = new List<IndexKind>();
        bool expanded = false;
        foreach (var k in kinds)
        {
            if (k == IndexKind.Ellipsis) { list.AddRange(Enumerable.Repeat(IndexKind.Slice, ndim - consumed)); expanded = true; }
            else list.Add(k);
        }
        if (!expanded) list.AddRange(Enumerable.Repeat(IndexKind.Slice, ndim - consumed));
        return list.ToArray();
    }

    /// <summary>Whether a view stays contiguous: in C order, leading integers, then at most one slice with step 1,
    /// then full slices (and the mirror image for F). A new axis makes the view strided.</summary>
    private static ArrayLayout ViewLayout(ArrayType t, SjType index)
    {
        var items = index is TupleType tt ? tt.Items.ToArray() : new[] { index };
        if (t.Layout == ArrayLayout.A || items.Any(x => x == SimpleType.None || x is ScalarType { Rank: 0 })) return ArrayLayout.A;
        int consumed = items.Count(x => x is ScalarType or SliceType);
        var axes = new List<(bool IsInt, SliceType? Slice)>();   // Slice null: the whole axis
        foreach (var x in items)
        {
            if (x == SimpleType.Ellipsis) axes.AddRange(Enumerable.Repeat((false, (SliceType?)null), t.Ndim - consumed));
            else axes.Add((x is ScalarType, x as SliceType));
        }
        while (axes.Count < t.Ndim) axes.Add((false, null));
        if (t.Layout == ArrayLayout.F) axes.Reverse();
        int k = 0;
        while (k < axes.Count && axes[k].IsInt) k++;
        if (k < axes.Count && axes[k].Slice is { UnitStep: false }) return ArrayLayout.A;
        for (k++; k < axes.Count; k++)
            if (axes[k].IsInt || axes[k].Slice is { IsFull: false }) return ArrayLayout.A;
        return t.Layout;
    }

    /// <summary>A view (or element pointer) for a[index]: data pointer, shape and strides after the index.</summary>
    private static (LLVMValueRef Data, List<LLVMValueRef> Shape, List<LLVMValueRef> Strides) ApplyIndex(FunctionEmitter e, ArrayType t,
        LLVMValueRef a, SjType indexType, LLVMValueRef index, Span span)
    {
        var B = e.B; var M = e.M;
        var kinds = IndexKinds(indexType)!;
        var items = indexType is TupleType tt ? tt.Items.ToArray() : new[] { indexType };
        var values = indexType is TupleType ? Enumerable.Range(0, items.Length).Select(k => e.ExtractValue(index, k)).ToArray() : new[] { index };
        var shape = ArrayCode.Shape(e, t, a); var strides = ArrayCode.Strides(e, t, a);
        var data = ArrayCode.Data(e, a);
        var offset = M.ConstI64(0);
        var outShape = new List<LLVMValueRef>(); var outStrides = new List<LLVMValueRef>();
        int consumed = kinds.Count(k => k is IndexKind.Int or IndexKind.Slice);
        int axis = 0;
        for (int n = 0; n < kinds.Length; n++)
        {
            switch (kinds[n])
            {
                case IndexKind.Int:
                {
                    var i = ArrayCode.WrapIndex(e, e.Convert(values[n], items[n], ScalarType.Int64), shape[axis], axis, span);
                    offset = BuildNSWAdd(B, offset, BuildNSWMul(B, i, strides[axis], ""), "");
                    axis++;
                    break;
                }
                case IndexKind.Slice:
                {
                    var (start, length, step) = SliceIndices(e, (SliceType)items[n], values[n], shape[axis], span);
                    offset = BuildAdd(B, offset, BuildMul(B, start, strides[axis], ""), "");
                    outShape.Add(length);
                    outStrides.Add(FunctionEmitter.ConstantIntOf(step) == 1 ? strides[axis] : BuildMul(B, strides[axis], step, ""));
                    axis++;
                    break;
                }
                case IndexKind.NewAxis:
                    outShape.Add(M.ConstI64(1)); outStrides.Add(M.ConstI64(0));
                    break;
                case IndexKind.Bool:
                    outShape.Add(e.Convert(values[n], items[n], ScalarType.Int64)); outStrides.Add(M.ConstI64(0));
                    break;
                case IndexKind.Ellipsis:
                    for (int k = 0; k < t.Ndim - consumed; k++, axis++) { outShape.Add(shape[axis]); outStrides.Add(strides[axis]); }
                    break;
            }
        }
        for (; axis < t.Ndim; axis++) { outShape.Add(shape[axis]); outStrides.Add(strides[axis]); }
        return (BuildGEP2(B, M.I8, data, new[] { offset }, ""), outShape, outStrides);
    }

    /// <summary>CPython's PySlice_AdjustIndices: (start, length, step) of a slice over an axis of this size. Bounds and
    /// steps that are compile-time constants (u[1:-1], u[:-2], u[::2]) get only the arithmetic their sign needs, and
    /// clamps are smin/smax, so stencils of many slices leave LLVM little to simplify.</summary>
    internal static (LLVMValueRef Start, LLVMValueRef Length, LLVMValueRef Step) SliceIndices(FunctionEmitter e, SliceType st, LLVMValueRef slice, LLVMValueRef size, Span span)
    {
        var B = e.B; var M = e.M;
        LLVMValueRef Sel(LLVMValueRef c, LLVMValueRef x, LLVMValueRef y) => BuildSelect(B, c, x, y, "");
        LLVMValueRef Lt(LLVMValueRef x, LLVMValueRef y) => BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, x, y, "");
        LLVMValueRef Max(LLVMValueRef x, LLVMValueRef y) => e.Intrinsic("llvm.smax", new[] { M.I64 }, x, y);
        LLVMValueRef Min(LLVMValueRef x, LLVMValueRef y) => e.Intrinsic("llvm.smin", new[] { M.I64 }, x, y);
        var zero = M.ConstI64(0); var one = M.ConstI64(1); var minusOne = M.ConstI64(-1);
        var step = st.UnitStep ? one : e.ExtractValue(slice, 2);
        long? constStep = FunctionEmitter.ConstantIntOf(step);
        if (st.HasStep && !st.UnitStep && constStep is null or 0)
            e.RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, step, zero, ""), "ValueError", "slice step cannot be zero", span);
        bool? known = constStep is { } cs ? cs < 0 : null;   // the step's sign when it is a constant
        var negStep = known is { } kn ? M.ConstBool(kn) : Lt(step, zero);
        // A negative bound counts from the end and clamps to the first index (-1 going down); a non-negative one
        // clamps to the length (size - 1 going down).
        var low = known switch { false => zero, true => minusOne, null => Sel(negStep, minusOne, zero) };
        var sizeLess1 = known == false ? size : BuildSub(B, size, one, "");
        var high = known switch { false => size, true => sizeLess1, null => Sel(negStep, sizeLess1, size) };
        LLVMValueRef Adjust(LLVMValueRef x)
        {
            LLVMValueRef FromEnd() => Max(BuildAdd(B, x, size, ""), low);
            LLVMValueRef FromStart() => Min(x, high);
            if (FunctionEmitter.ConstantIntOf(x) is { } c) return c < 0 ? FromEnd() : FromStart();
            return Sel(Lt(x, zero), FromEnd(), FromStart());
        }
        var start = st.HasStart ? Adjust(e.ExtractValue(slice, 0)) : known switch { false => zero, true => sizeLess1, null => Sel(negStep, sizeLess1, zero) };
        var stop = st.HasStop ? Adjust(e.ExtractValue(slice, 1)) : known switch { false => size, true => minusOne, null => Sel(negStep, minusOne, size) };
        // length = step > 0 ? (start < stop ? (stop - start - 1) / step + 1 : 0) : (stop < start ? (start - stop - 1) / -step + 1 : 0)
        LLVMValueRef Count(LLVMValueRef lo, LLVMValueRef hi, LLVMValueRef by) =>
            Sel(Lt(lo, hi), BuildAdd(B, BuildSDiv(B, BuildSub(B, BuildSub(B, hi, lo, ""), one, ""), by, ""), one, ""), zero);
        // Going up from 0, the stop (clamped to 0..size) is the length.
        var length = constStep == 1 && FunctionEmitter.ConstantIntOf(start) == 0 ? stop
            : constStep == 1 ? Max(BuildSub(B, stop, start, ""), zero)
            : known switch
            {
                false => Count(start, stop, step),
                true => Count(stop, start, BuildNeg(B, step, "")),
                null => Sel(negStep, Count(stop, start, BuildNeg(B, step, "")), Count(start, stop, step)),
            };
        return (start, length, step);
    }

    /// <summary>a[(x,)] is a[x] for an index array x (np.nonzero(a) and np.where(c) of a 1-d array give such 1-tuples):
    /// the entry sees the item.</summary>
    private static void UnwrapOneTupleIndex(string name)
    {
        var inner = Get(name);
        static SjType? Item(SjType t) => t is TupleType { Items.Length: 1 } one && one.Items[0] is ArrayType ? one.Items[0] : null;
        Add(name, c => Item(c.Positional[1].Type) is { } item
                ? inner.Type(c.WithPositional(c.Positional.Select((a, k) => k == 1 ? new TypedArg(item, null, a.Site) : a).ToArray()))
                : inner.Type(c),
            c =>
            {
                if (Item(c.ArgType(1)) is not { } item) return inner.Lower(c);
                var args = c.Args.Select((a, k) => k == 1 ? new LoweredArg(c.E.ExtractValue(a.Value, 0), item) : a).ToArray();
                var sig = Signature.Of(c.ResultType, args.Select(a => a.Type).ToArray());
                return inner.Lower(new LoweringCall(c.E, sig, c.Span, args, c.Callees));
            }, acceptsNarrow: inner.AcceptsNarrow, mayRaise: inner.MayRaise);
    }

    /// <summary>
    /// Index forms that are others in disguise. A list of integers or bools (a[[0, 2]], a[[0, 2], :],
    /// a[:, [True, False, True]] = v) is the array NumPy makes of it (int64 positions, or a boolean mask), made by
    /// numpy._array_of and dropped after the call. A 1-d boolean mask of a multi-dimensional array's rows (a[m],
    /// a[[True, False, True]]) is a[m, ...].
    /// </summary>
    private static void IndexInDisguise(string name)
    {
        var inner = Get(name);
        static bool IsIndexList(SjType t) => t is ListType { Element: ScalarType { Rank: <= 1 } };
        static SjType AsArray(SjType t) => IsIndexList(t) ? new ArrayType(((ListType)t).Element is ScalarType { Rank: 0 } ? ScalarType.Bool : ScalarType.Int64, 1) : t;
        static bool IsRowMask(ArrayType t, SjType index) => t.Ndim > 1 && index is ArrayType { Ndim: 1, Dtype.Rank: 0 };
        static SjType? Rewritten(ArrayType t, SjType index)
        {
            var arrays = IsIndexList(index) ? AsArray(index) : index is TupleType tt && tt.Items.Any(IsIndexList) ? new TupleType(tt.Items.Select(AsArray)) : index;
            return IsRowMask(t, arrays) ? new TupleType(new[] { arrays, SimpleType.Ellipsis }) : ReferenceEquals(arrays, index) ? null : arrays;
        }
        static int[] Lists(SjType index) => index is TupleType tt ? Enumerable.Range(0, tt.Items.Length).Where(j => IsIndexList(tt.Items[j])).ToArray()
            : IsIndexList(index) ? new[] { -1 } : Array.Empty<int>();
        var convert = () => PythonLibrary.Function("numpy", "_array_of");
        Wrap(inner, c =>
        {
            if (c.Positional.Length < 2 || c.Positional[0].Type is not ArrayType t || Rewritten(t, c.Positional[1].Type) is not { } index) return inner.Type(c);
            var result = inner.Type(c.WithPositional(c.Positional.Select((a, k) => k == 1 ? new TypedArg(index, null, a.Site) : a).ToArray()));
            var given = c.Positional[1].Type;
            foreach (var j in Lists(given)) c.Require(convert(), j < 0 ? given : ((TupleType)given).Items[j]);
            return result;
        }, c =>
        {
            if (c.Args.Length < 2 || c.ArgType(0) is not ArrayType t || Rewritten(t, c.ArgType(1)) is not { } index) return inner.Lower(c);
            var e = c.E;
            var given = c.ArgType(1);
            var lists = Lists(given);
            var made = new MadeArrays(c, lists.Length);
            LLVMValueRef value = lists.Length == 1 && lists[0] < 0 ? made.Make(c.Arg(1), AsArray(given))
                : given is TupleType gt && lists.Length > 0
                    ? e.MakeStruct(e.M.Lower(new TupleType(gt.Items.Select(AsArray))), gt.Items.Select((item, j) => lists.Contains(j) ? made.Make(e.ExtractValue(c.Arg(1), j), AsArray(item)) : e.ExtractValue(c.Arg(1), j)).ToArray())
                    : c.Arg(1);
            if (index is TupleType { Items.Length: 2 } rows && rows.Items[1] == SimpleType.Ellipsis && !(given is TupleType))
                value = e.MakeStruct(e.M.Lower(index), new[] { value, GetUndef(e.M.Lower(SimpleType.Ellipsis)) });
            var args = c.Args.Select((a, k) => k == 1 ? new LoweredArg(value, index) : a).ToArray();
            var sig = Signature.Of(c.ResultType, args.Select(a => a.Type).ToArray());
            return made.Around(callees => inner.Lower(new LoweringCall(e, sig, c.Span, args, callees) { BorrowedResult = c.BorrowedResult }));
        }, mayRaise: sig => true);
    }

    /// <summary>
    /// Arrays a wrapping entry makes of some of its arguments (a list in an index, a tuple where NumPy takes an array)
    /// by calling the library functions its typing rule required after the wrapped entry's (whose callees so keep
    /// their indices). Each is held while the wrapped lowering runs (an exception drops it), then dropped.
    /// </summary>
    private sealed class MadeArrays(LoweringCall c, int count)
    {
        private readonly int _first = c.Callees.Count - count;
        private readonly List<(LLVMValueRef Value, SjType Type)> _made = new();

        public LLVMValueRef Make(LLVMValueRef from, SjType arrayType)
        {
            int k = _first + _made.Count;
            var array = c.E.Convert(c.CallCompiled(k, from), c.Callees[k].ReturnType, arrayType);
            c.E.HoldTemporary(array, arrayType);
            _made.Add((array, arrayType));
            return array;
        }

        public LLVMValueRef Around(Func<IReadOnlyList<Specialization>, LLVMValueRef> lowerWrapped)
        {
            var result = lowerWrapped(c.Callees.Take(_first).ToList());
            foreach (var (array, type) in _made) { c.E.ReleaseTemporary(array); TypeModel.Of(type).DecRef(c.E, array); }
            return result;
        }
    }

    /// <summary>Array-likes where NumPy takes arrays (np.prod(a.shape), np.mean([x, y, z]), np.dot(v, [1.0, 2.0])):
    /// a tuple or list of numbers at one of <paramref name="positions"/> is np.asarray of it.</summary>
    private static void ArrayLikeArguments(string entry, params int[] positions)
    {
        var inner = Get(entry);
        static bool IsArrayLike(SjType t) => t is TupleType { Items.Length: > 0 } tt && tt.Items.All(x => x is ScalarType) || t is ListType { Element: ScalarType };
        int[] Converted(IReadOnlyList<SjType> positional) => positions.Where(k => k < positional.Count && IsArrayLike(positional[k])).ToArray();
        var convert = () => PythonLibrary.Function("numpy", "_array_of");
        Wrap(inner, c =>
        {
            var at = Converted(c.Types);
            if (at.Length == 0) return inner.Type(c);
            var result = inner.Type(c.WithArguments(c.Positional.Select((a, k) => Array.IndexOf(at, k) >= 0 ? new TypedArg(ArrayFor(a.Type), null, a.Site) : a).ToArray(),
                c.Keywords.Select(kv => (kv.Key, kv.Value)).ToList()));
            foreach (var k in at) c.Require(convert(), TypeOps.Canonical(c.Positional[k].Type));   // after the wrapped rule's callees (MadeArrays)
            return result;
        }, c =>
        {
            var at = Converted(c.Args.Select(a => a.Type).ToArray());
            if (at.Length == 0) return inner.Lower(c);
            var made = new MadeArrays(c, at.Length);
            var args = c.Args.Select((a, k) => Array.IndexOf(at, k) < 0 ? a
                : new LoweredArg(made.Make(c.E.Convert(a.Value, a.Type, TypeOps.Canonical(a.Type)), ArrayFor(a.Type)), ArrayFor(a.Type))).ToArray();
            var all = args.Concat(c.Sig.KeywordNames.Select(k => c.Keywords[k])).ToArray();
            return made.Around(callees => inner.Lower(c.With(all, c.Sig.KeywordNames, callees)));
        });
    }

    /// <summary>The array np.asarray makes of a tuple or list of numbers: 1-d, of NumPy's dtype for them.</summary>
    private static ArrayType ArrayFor(SjType arrayLike)
    {
        var items = arrayLike is TupleType tt ? tt.Items.ToArray() : new[] { ((ListType)arrayLike).Element };
        var dtype = items.Select(x => ((ScalarType)x).Canonical).Aggregate((x, y) => x.Rank >= y.Rank ? x : y);
        return new ArrayType(dtype, 1);
    }

    private static void RegisterArrayIndexing()
    {
        Add("array.getitem", c => IsArrayIndex(c.Positional[1].Type) ? ArrayIndexedType(c, (ArrayType)c.Positional[0].Type, c.Positional[1])
            : IsPairIndex((ArrayType)c.Positional[0].Type, c.Positional[1].Type) ? PairIndexedType(c, (ArrayType)c.Positional[0].Type, c.Positional[1])
            : AxisArrayIndex(c.Positional[1].Type) is var k and >= 0 ? AxisArrayIndexedType(c, (ArrayType)c.Positional[0].Type, c.Positional[1], k)
            : GroupIndex((ArrayType)c.Positional[0].Type, c.Positional[1].Type) is { } g ? GroupIndexedType(c, (ArrayType)c.Positional[0].Type, c.Positional[1], g)
            : BoolIndexed(IndexedType(c, (ArrayType)c.Positional[0].Type, c.Positional[1]), c.Positional[1].Type), c =>
        {
            if (IsArrayIndex(c.ArgType(1))) return LowerArrayGet(c);
            if (IsPairIndex((ArrayType)c.ArgType(0), c.ArgType(1))) return LowerPairGet(c);
            if (AxisArrayIndex(c.ArgType(1)) is var axis and >= 0) return LowerAxisArrayGet(c, axis);
            if (GroupIndex((ArrayType)c.ArgType(0), c.ArgType(1)) is { } group) return LowerGroupGet(c, group);
            var e = c.E; var t = (ArrayType)c.ArgType(0);
            var (data, shape, strides) = ApplyIndex(e, t, c.Arg(0), c.ArgType(1), c.Arg(1), c.Span);
            if (c.ResultType is ScalarType dtype) return ArrayCode.Load(e, dtype, data);
            if (IndexKinds(c.ArgType(1))!.Contains(IndexKind.Bool))
            {
                // a 0-d boolean mask is advanced indexing: a copy of the view with its new axis
                var viewType = (ArrayType)IndexedTypeOf(t, c.ArgType(1));
                return CopyArray(e, viewType, ArrayCode.Make(e, viewType, ArrayCode.Meminfo(e, c.Arg(0)), data, shape.ToArray(), strides.ToArray()), (ArrayType)c.ResultType, c.Span);
            }
            var view = ArrayCode.Make(e, (ArrayType)c.ResultType, ArrayCode.Meminfo(e, c.Arg(0)), data, shape.ToArray(), strides.ToArray());
            return c.BorrowedResult ? view : e.NewRef(view, c.ResultType);   // a borrowed view: the array stays alive
        }, acceptsNarrow: true);

        Add("operator.setitem", c =>
        {
            var t = (ArrayType)c.Positional[0].Type;
            var value = c.Positional[2];
            // a[0] = 1.0, 2.0 and a[:2] = [x, y]: the sequence is stored as the array NumPy makes of it.
            if (value.Type is TupleType or ListType)
                return c.Require(PythonLibrary.Function("numpy", "_setitem_sequence"), t, TypeOps.Canonical(c.Positional[1].Type), TypeOps.Canonical(value.Type)).ReturnType;
            if (IsPairIndex(t, c.Positional[1].Type))
            {
                CheckAssignable(c, value, t.Dtype);
                if (!t.Readonly) PairSetType(c, t, c.Positional[1], value);
                return SimpleType.None;
            }
            if (ApartGroupIndex(t, c.Positional[1].Type) is { } apart)
            {
                CheckAssignable(c, value, t.Dtype);
                if (!t.Readonly) GroupSetType(c, t, c.Positional[1], apart, value);
                return SimpleType.None;
            }
            if (AxisArrayIndex(c.Positional[1].Type) is var axis and >= 0)
            {
                CheckAssignable(c, value, t.Dtype);
                if (!t.Readonly) AxisArraySetType(c, t, c.Positional[1], axis, value);
                return SimpleType.None;
            }
            if (GroupIndex(t, c.Positional[1].Type) is { } group)
            {
                CheckAssignable(c, value, t.Dtype);
                if (!t.Readonly) GroupSetType(c, t, c.Positional[1], group, value);
                return SimpleType.None;
            }
            var target = IsArrayIndex(c.Positional[1].Type) ? ArrayIndexedType(c, t, c.Positional[1]) : IndexedType(c, t, c.Positional[1]);
            CheckAssignable(c, value, t.Dtype);
            if (target is ScalarType && value.Type is ArrayType)
                throw c.ErrorAt(value, "setting an array element with a sequence.", "assign a scalar to an element, or index a slice to assign an array");
            return SimpleType.None;
        }, c =>
        {
            var e = c.E; var t = (ArrayType)c.ArgType(0);
            if (c.ArgType(2) is TupleType or ListType)
                return c.CallCompiled(0, c.Arg(0), e.Convert(c.Arg(1), c.ArgType(1), TypeOps.Canonical(c.ArgType(1))), e.Convert(c.Arg(2), c.ArgType(2), TypeOps.Canonical(c.ArgType(2))));
            if (t.Readonly) { e.RaiseIf(e.M.ConstBool(true), "ValueError", "assignment destination is read-only", c.Span); return GetUndef(e.M.Empty); }
            if (IsArrayIndex(c.ArgType(1))) { LowerArraySet(c); return GetUndef(e.M.Empty); }
            if (IsPairIndex(t, c.ArgType(1))) { LowerPairSet(c); return GetUndef(e.M.Empty); }
            if (ApartGroupIndex(t, c.ArgType(1)) is { } apart) { LowerGroupSet(c, apart); return GetUndef(e.M.Empty); }
            if (AxisArrayIndex(c.ArgType(1)) is var axis and >= 0) { LowerAxisArraySet(c, axis); return GetUndef(e.M.Empty); }
            if (GroupIndex(t, c.ArgType(1)) is { } group) { LowerGroupSet(c, group); return GetUndef(e.M.Empty); }
            var (data, shape, strides) = ApplyIndex(e, t, c.Arg(0), c.ArgType(1), c.Arg(1), c.Span);
            var targetType = IndexedTypeOf(t, c.ArgType(1));
            if (targetType is ScalarType dtype)
                ArrayCode.Store(e, dtype, data, StoredValue(e, c.Arg(2), (ScalarType)c.ArgType(2), dtype, c.Span));
            else
                AssignInto(e, t.Dtype, data, shape.ToArray(), strides.ToArray(), c.Args[2], c.Span, advanced: IndexKinds(c.ArgType(1))!.Contains(IndexKind.Bool));
            return GetUndef(e.M.Empty);
        }, acceptsNarrow: true);
    }

    /// <summary>a[flag] (a bool in the index) is a copy, C-contiguous.</summary>
    private static SjType BoolIndexed(SjType t, SjType index) =>
        t is ArrayType at && IndexKinds(index)!.Contains(IndexKind.Bool) ? new ArrayType(at.Dtype, at.Ndim, ArrayLayout.C) : t;

    /// <summary>The type of a[index] for an index already checked (<see cref="IndexedType"/> checks and reports).</summary>
    /// <summary>Whether a[index] is a view of a (basic indexing with an array result): its lowering then makes the view
    /// alone, which Passes.Ownership may let borrow a's reference.</summary>
    public static bool IndexMakesView(ArrayType t, SjType index) =>
        IndexKinds(index) is { } kinds && !kinds.Contains(IndexKind.Bool) && IndexedTypeOf(t, index) is ArrayType;

    private static SjType IndexedTypeOf(ArrayType t, SjType index)
    {
        var kinds = IndexKinds(index)!;
        var full = ExpandIndex(kinds, t.Ndim);
        int consumed = kinds.Count(k => k is IndexKind.Int or IndexKind.Slice);
        int ndim = full.Count(k => k is IndexKind.Slice or IndexKind.NewAxis or IndexKind.Bool);
        if (ndim == 0 && !full.Contains(IndexKind.NewAxis) && consumed == t.Ndim && !kinds.Contains(IndexKind.Ellipsis)) return t.Dtype;
        return new ArrayType(t.Dtype, ndim, ViewLayout(t, index), t.Readonly);
    }

    /// <summary>A value stored into an array of this dtype: a number (cast as NumPy casts, except complex into a real
    /// array, which NumPy rejects) or an array of numbers.</summary>
    private static void CheckAssignable(CallTypingContext c, TypedArg value, ScalarType dtype)
    {
        var vt = value.Type is ArrayType va ? va.Dtype : value.Type;
        if (vt is not ScalarType s) throw c.ErrorAt(value, $"cannot store a {TypeOps.PyName(value.Type)} in an array of {dtype.Name}");
        if (s.Rank == 3 && dtype.Rank < 3 && value.Type is ScalarType)
            throw c.ErrorAt(value, $"can't convert complex to {(dtype.Rank == 2 ? "float" : "int")}", "take .real or abs() of the value first");
        // NumPy stores a complex array's real parts with a ComplexWarning; compiled code has no warnings, so it asks.
        if (s.Rank == 3 && dtype.Rank < 3)
            throw c.ErrorAt(value, $"storing complex numbers in an array of {dtype.Name} would discard their imaginary parts (NumPy's ComplexWarning)",
                "assign the .real part (or np.abs(...)) explicitly");
    }

    /// <summary>
    /// A number stored into an element of an array of dtype (a[i] = x, a[:] = x, a.fill(x)). A float into an integer
    /// dtype goes as NumPy's setitem takes a Python float: int(x) first (NaN: ValueError, infinities and beyond C's
    /// long: OverflowError, with CPython's messages), then C's cast to the width (300.0 into int8 is 44); a plain
    /// conversion of NaN gave garbage. Other numbers convert as casts do.
    /// </summary>
    private static LLVMValueRef StoredValue(FunctionEmitter e, LLVMValueRef v, ScalarType from, ScalarType to, Span span)
    {
        if (from.Rank != 2 || to.Rank != 1) return e.Convert(v, from, to);
        var B = e.B; var M = e.M;
        var x = from.Bits == 32 ? BuildFPExt(B, v, M.F64, "") : v;
        const string tooLarge = "Python int too large to convert to C long";
        if (to != ScalarType.UInt64 && to != ScalarType.UInt32) return e.Convert(FloatToInt(e, x, span, tooLarge), ScalarType.Int64, to);
        // uint32 and uint64 take int(x) in [-2**63, 2**64): C's unsigned long, or a C long for negative values
        var inRange = BuildAnd(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOGE, x, M.ConstF64(-9223372036854775808.0), ""),
            BuildFCmp(B, LLVMRealPredicate.LLVMRealOLT, x, M.ConstF64(18446744073709551616.0), ""), "");   // false for NaN
        e.FailIf(BuildNot(B, inRange, ""), () => RaiseFloatNotConvertible(e, x, tooLarge), span);
        return e.Convert(e.Convert(x, ScalarType.Float64, ScalarType.UInt64), ScalarType.UInt64, to);
    }

    /// <summary>Writes a scalar or a broadcast array into the elements (data, shape, strides) of a view.</summary>
    private static void AssignInto(FunctionEmitter e, ScalarType dtype, LLVMValueRef data, LLVMValueRef[] shape, LLVMValueRef[] strides, LoweredArg value, Span span,
        bool advanced = false)
    {
        if (value.Type is ScalarType st)
        {
            var v = StoredValue(e, value.Value, st, dtype, span);
            ArrayCode.LoopNest(e, shape, idx => ArrayCode.Store(e, dtype, ArrayCode.ElementPointer(e, data, strides, idx), v));
            return;
        }
        var at = (ArrayType)value.Type;
        var src = value.Value;
        var srcShape = ArrayCode.Shape(e, at, src); var srcStrides = ArrayCode.Strides(e, at, src);
        if (at.Ndim > shape.Length) { AssignShapeError(e, srcShape, shape, span, always: true, advanced: advanced); return; }
        // Right-aligned broadcasting of the source onto the target: each source axis is the target's or 1.
        var bStrides = new LLVMValueRef[shape.Length];
        var bad = e.M.ConstBool(false);
        int lead = shape.Length - at.Ndim;
        for (int k = 0; k < shape.Length; k++)
        {
            if (k < lead) { bStrides[k] = e.M.ConstI64(0); continue; }
            var d = srcShape[k - lead];
            var isOne = BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, d, e.M.ConstI64(1), "");
            bad = BuildOr(e.B, bad, BuildAnd(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, d, shape[k], ""), BuildNot(e.B, isOne, ""), ""), "");
            bStrides[k] = BuildSelect(e.B, isOne, e.M.ConstI64(0), srcStrides[k - lead], "");
        }
        AssignShapeError(e, srcShape, shape, span, bad, advanced: advanced);
        // The source may overlap the target (a[1:] = a[:-1]): then it is copied first, as NumPy does.
        var overlap = Overlaps(e, ArrayCode.Data(e, src), srcShape, srcStrides, ArrayCode.ItemSize(at.Dtype), data, shape, strides, ArrayCode.ItemSize(dtype));
        var copyType = new ArrayType(at.Dtype, at.Ndim);
        var source = e.IfElse(overlap, e.M.Lower(copyType), () => Unheld(e, CopyArray(e, at, src, copyType, span)), () => src);
        var srcData = ArrayCode.Data(e, source);
        srcStrides = ArrayCode.Strides(e, at.With(layout: ArrayLayout.A), source);
        for (int k = lead; k < shape.Length; k++)
            bStrides[k] = BuildSelect(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, srcShape[k - lead], e.M.ConstI64(1), ""), e.M.ConstI64(0), srcStrides[k - lead], "");
        void Loop() => CopyElements(e, at.Dtype, srcData, bStrides, dtype, data, strides, shape, x => e.Convert(x, at.Dtype, dtype), 1, 0);
        if (at.Dtype != dtype) Loop();
        else
        {
            // Both C-contiguous (what concatenate, stack and slices of rows copy): memmove, which copies faster than
            // a vectorised loop (NumPy copies so too). The source no longer overlaps: that was copied above.
            var cStrides = ArrayCode.ContiguousStrides(e, dtype, shape, ArrayLayout.C);
            var whole = e.M.ConstBool(true);
            for (int k = 0; k < shape.Length; k++)
            {
                var single = BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, shape[k], e.M.ConstI64(1), "");
                var both = BuildAnd(e.B, BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, strides[k], cStrides[k], ""), BuildICmp(e.B, LLVMIntPredicate.LLVMIntEQ, bStrides[k], cStrides[k], ""), "");
                whole = BuildAnd(e.B, whole, BuildOr(e.B, single, both, ""), "");
            }
            var bytes = BuildMul(e.B, ArrayCode.Size(e, shape), e.M.ConstI64(ArrayCode.ItemSize(dtype)), "");
            e.When(whole, () => ArrayCode.CopyBytes(e, data, srcData, bytes));
            e.When(BuildNot(e.B, whole, ""), Loop);
        }
        // Drop the copy (a null meminfo when there was none).
        var copied = e.InsertValue(source, BuildSelect(e.B, overlap, ArrayCode.Meminfo(e, source), ConstPointerNull(e.M.Ptr), ""), 0);
        TypeModel.Of(copyType).DecRef(e, copied);
    }

    /// <summary>A new array made on one arm of a branch: not held as a temporary there (it would not dominate the
    /// error exits after the join); the caller holds what the join gives, when it needs to.</summary>
    private static LLVMValueRef Unheld(FunctionEmitter e, LLVMValueRef array)
    {
        e.ReleaseTemporary(array);
        return array;
    }

    /// <summary>Whether the memory two strided views span intersects.</summary>
    private static LLVMValueRef Overlaps(FunctionEmitter e, LLVMValueRef aData, LLVMValueRef[] aShape, LLVMValueRef[] aStrides, int aItem,
        LLVMValueRef bData, LLVMValueRef[] bShape, LLVMValueRef[] bStrides, int bItem)
    {
        var B = e.B; var M = e.M;
        (LLVMValueRef Lo, LLVMValueRef Hi) Extent(LLVMValueRef data, LLVMValueRef[] shape, LLVMValueRef[] strides, int item)
        {
            LLVMValueRef lo = M.ConstI64(0), hi = M.ConstI64(item), empty = M.ConstBool(false);
            for (int k = 0; k < shape.Length; k++)
            {
                var span = BuildMul(B, BuildSub(B, shape[k], M.ConstI64(1), ""), strides[k], "");
                var neg = BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, span, M.ConstI64(0), "");
                lo = BuildAdd(B, lo, BuildSelect(B, neg, span, M.ConstI64(0), ""), "");
                hi = BuildAdd(B, hi, BuildSelect(B, neg, M.ConstI64(0), span, ""), "");
                empty = BuildOr(B, empty, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, shape[k], M.ConstI64(0), ""), "");
            }
            var p = BuildPtrToInt(B, data, M.I64, "");
            var l = BuildAdd(B, p, lo, "");
            return (l, BuildSelect(B, empty, l, BuildAdd(B, p, hi, ""), ""));
        }
        var (al, ah) = Extent(aData, aShape, aStrides, aItem);
        var (bl, bh) = Extent(bData, bShape, bStrides, bItem);
        return BuildAnd(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, al, bh, ""), BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, bl, ah, ""), "");
    }

    private static void AssignShapeError(FunctionEmitter e, LLVMValueRef[] from, LLVMValueRef[] to, Span span, LLVMValueRef? cond = null, bool always = false,
        bool advanced = false)
    {
        var M = e.M;
        e.FailIf(always ? M.ConstBool(true) : cond!.Value,
            () => e.CallRuntime(advanced ? "sj_index_shape_error" : "sj_assign_shape_error", StoreShape(e, from), M.ConstI64(from.Length), StoreShape(e, to), M.ConstI64(to.Length)), span);
    }

    /// <summary>A shape written to a stack array (for runtime helpers that print it).</summary>
    private static LLVMValueRef StoreShape(FunctionEmitter e, IReadOnlyList<LLVMValueRef> shape)
    {
        var arr = e.Alloca(ArrayType2(e.M.I64, (ulong)Math.Max(1, shape.Count)));
        for (int k = 0; k < shape.Count; k++)
            BuildStore(e.B, shape[k], BuildInBoundsGEP2(e.B, ArrayType2(e.M.I64, (ulong)Math.Max(1, shape.Count)), arr, new[] { e.M.ConstI64(0), e.M.ConstI64(k) }, ""));
        return arr;
    }

    // ------------------------------------------------------------ dtype arguments

    /// <summary>The element type a dtype argument names: np.float32, float, int, bool, complex, a.dtype, or a string
    /// ('float32', 'f8', 'i4', ...).</summary>
    private static ScalarType? DtypeOf(TypedArg a) => DtypeOfType(a.Type, a.Literal);

    private static ScalarType? DtypeOfType(SjType t, object? literal) => t switch
    {
        DTypeType d => d.Dtype,
        BuiltinType b => DtypeByName(b.Qualified.StartsWith("numpy.") ? b.Qualified[6..] : b.Qualified),
        _ when literal is string s => DtypeByName(s),
        _ => null,
    };

    private static ScalarType? DtypeByName(string name) => ScalarType.ByDtypeName(name);

    /// <summary>The dtype= argument (or the positional one at <paramref name="position"/>), else the fallback.</summary>
    private static ScalarType DtypeArg(CallTypingContext c, string fn, ScalarType fallback, int position = -1)
    {
        var d = position >= 0 && c.Positional.Length > position ? c.Positional[position] : c.Keywords.GetValueOrDefault("dtype");
        if (d == null || d.Type == SimpleType.None) return fallback;
        return DtypeOf(d) ?? throw c.ErrorAt(d, $"{fn}(): data type {(d.Literal is string s ? $"'{s}'" : TypeOps.PyName(d.Type))} not understood" +
            (d.Literal is string n && n is "float16" or "f2" or "e" or "longdouble" or "g" ? " in compiled code" : ""),
            "use np.float64, np.float32, np.int64, np.int32, np.int8, np.uint8, np.bool_, np.complex128 ...");
    }

    // ------------------------------------------------------------ creation

    /// <summary>A shape argument: an int (1-d) or a tuple of ints.</summary>
    private static int ShapeNdim(CallTypingContext c, TypedArg shape, string fn)
    {
        if (shape.Type is ScalarType { Rank: <= 1 }) return 1;
        if (shape.Type is TupleType tt && tt.Items.All(i => i is ScalarType { Rank: <= 1 })) return tt.Items.Length;
        throw c.ErrorAt(shape, $"'{TypeOps.PyName(shape.Type)}' object cannot be interpreted as an integer", $"{fn}() takes a shape: an int or a tuple of ints");
    }

    /// <summary>
    /// Numba's carray(ptr, shape, dtype=None) and farray: an array over the memory a C pointer (a CPointer argument)
    /// points at, C- or Fortran-ordered, owning nothing (valid while the memory is: a cfunc's arguments during the
    /// call). dtype, where given, must be the pointer's (Numba's "mismatching dtype" error).
    /// </summary>
    private static void RegisterPointerArrays()
    {
        foreach (var (name, layout) in new[] { ("carray", ArrayLayout.C), ("farray", ArrayLayout.F) })
            Add("sharpjit." + name, c =>
            {
                Arity(c, name, 2, 3, "dtype");
                if (c.Positional[0].Type is not PointerType p)
                    throw c.ErrorAt(c.Positional[0], $"{name}() takes a C pointer, not {TypeOps.PyName(c.Positional[0].Type)}",
                        "pass a CPointer argument of a cfunc or extern signature (arrays are arrays already)");
                int ndim = ShapeNdim(c, c.Positional[1], name);
                var d = c.Positional.Length > 2 ? c.Positional[2] : c.Keywords.GetValueOrDefault("dtype");
                if (d != null && d.Type != SimpleType.None && DtypeOf(d) is var dtype && dtype != p.Target)
                    throw c.ErrorAt(d, $"mismatching dtype '{dtype?.Name ?? TypeOps.PyName(d.Type)}' for pointer {p.Name}");
                return new ArrayType(p.Target, ndim, layout);
            }, c =>
            {
                var e = c.E; var t = (ArrayType)c.ResultType;
                var shape = ShapeValues(c, c.Args[1]);
                foreach (var n in shape)
                    e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntSLT, n, e.M.ConstI64(0), ""), "ValueError", "negative dimensions are not allowed", c.Span);
                return ArrayCode.Make(e, t, ConstNull(e.M.Ptr), c.Arg(0), shape, ArrayCode.ContiguousStrides(e, t.Dtype, shape, t.Layout));
            });
    }

    private static LLVMValueRef[] ShapeValues(LoweringCall c, LoweredArg shape)
    {
        if (shape.Type is ScalarType st) return new[] { c.E.Convert(shape.Value, st, ScalarType.Int64) };
        var tt = (TupleType)shape.Type;
        return tt.Items.Select((it, k) => c.E.Convert(c.E.ExtractValue(shape.Value, k), it, ScalarType.Int64)).ToArray();
    }

    /// <summary>Fills every element of a new C-contiguous array with one value.</summary>
    private static void Fill(FunctionEmitter e, ArrayType t, LLVMValueRef a, LLVMValueRef v)
    {
        var n = ArrayCode.Size(e, ArrayCode.Shape(e, t, a));
        var data = ArrayCode.Data(e, a);
        ArrayCode.Loop(e, n, i => ArrayCode.Store(e, t.Dtype, BuildInBoundsGEP2(e.B, e.M.Lower(t.Dtype.Rank == 0 ? ScalarType.UInt8 : t.Dtype), data, new[] { i }, ""), v));
    }

    /// <summary>order= of array creation: 'C' (the default) or 'F', known at compile time (NumPy's ValueErrors for the
    /// orders creation does not take).</summary>
    private static ArrayLayout CreationOrder(CallTypingContext c, string fn) => Order(c, fn, like: null, ndim: 0);

    /// <summary>order= of array creation, or of a _like function from <paramref name="like"/> (its default 'K', and
    /// 'A', keep the prototype's Fortran order; NumPy makes C order where shape= changes the number of dimensions).</summary>
    private static ArrayLayout Order(CallTypingContext c, string fn, ArrayType? like, int ndim)
    {
        var keep = like is { Layout: ArrayLayout.F } && like.Ndim == ndim ? ArrayLayout.F : ArrayLayout.C;
        if (!c.Keywords.TryGetValue("order", out var order) || order.Type == SimpleType.None) return like == null ? ArrayLayout.C : keep;
        switch (order.Literal)
        {
            case "C" or "c": return ArrayLayout.C;
            case "F" or "f": return ArrayLayout.F;
            case "A" or "a" or "K" or "k" when like != null: return keep;
            case "A" or "a" or "K" or "k": throw c.ErrorAt(order, "only 'C' or 'F' order is permitted");
            case string other: throw c.ErrorAt(order, $"order must be one of 'C', 'F', 'A', or 'K' (got '{other}')");
            default: throw c.ErrorAt(order, $"numpy.{fn}(): order must be a constant string in compiled code");
        }
    }

    private static void RegisterArrayCreation()
    {
        foreach (var (name, fill) in new (string, object?)[] { ("empty", null), ("zeros", 0L), ("ones", 1L) })
        {
            Add("numpy." + name, c =>
            {
                Arity(c, name, 1, 2, "dtype", "order");
                return new ArrayType(DtypeArg(c, name, ScalarType.Float64, 1), ShapeNdim(c, c.Positional[0], name), CreationOrder(c, name));
            }, c =>
            {
                var t = (ArrayType)c.ResultType;
                var a = ArrayCode.Allocate(c.E, t, ShapeValues(c, c.Args[0]), c.Span);
                if (fill != null) Fill(c.E, t, a, c.E.M.Constant(fill, t.Dtype));
                return a;
            }, acceptsNarrow: true);
            Add("numpy." + name + "_like", c =>
            {
                Arity(c, name + "_like", 1, 2, "dtype", "order", "shape");
                var proto = c.Positional[0].Type as ArrayType ?? throw c.ErrorAt(c.Positional[0], $"{name}_like() needs an array in compiled code");
                int ndim = c.Keywords.TryGetValue("shape", out var s) ? ShapeNdim(c, s, name + "_like") : proto.Ndim;
                return new ArrayType(DtypeArg(c, name + "_like", proto.Dtype, 1), ndim, Order(c, name + "_like", proto, ndim));
            }, c =>
            {
                var t = (ArrayType)c.ResultType;
                var shape = c.Keywords.TryGetValue("shape", out var s) ? ShapeValues(c, s) : ArrayCode.Shape(c.E, (ArrayType)c.ArgType(0), c.Arg(0));
                var a = ArrayCode.Allocate(c.E, t, shape, c.Span);
                if (fill != null) Fill(c.E, t, a, c.E.M.Constant(fill, t.Dtype));
                return a;
            }, acceptsNarrow: true);
        }

        Add("numpy.full", c =>
        {
            Arity(c, "full", 2, 3, "dtype", "order");
            var fillType = c.Positional[1].Type as ScalarType ?? throw c.ErrorAt(c.Positional[1], "full() takes a number as its fill value in compiled code");
            return new ArrayType(DtypeArg(c, "full", fillType.Canonical, 2), ShapeNdim(c, c.Positional[0], "full"), CreationOrder(c, "full"));
        }, c =>
        {
            var t = (ArrayType)c.ResultType;
            var a = ArrayCode.Allocate(c.E, t, ShapeValues(c, c.Args[0]), c.Span);
            Fill(c.E, t, a, c.E.Convert(c.Arg(1), c.ArgType(1), t.Dtype));
            return a;
        }, acceptsNarrow: true);
        Add("numpy.full_like", c =>
        {
            Arity(c, "full_like", 2, 2, "dtype", "order");
            var proto = c.Positional[0].Type as ArrayType ?? throw c.ErrorAt(c.Positional[0], "full_like() needs an array in compiled code");
            if (c.Positional[1].Type is not ScalarType) throw c.ErrorAt(c.Positional[1], "full_like() takes a number as its fill value in compiled code");
            return new ArrayType(DtypeArg(c, "full_like", proto.Dtype), proto.Ndim, Order(c, "full_like", proto, proto.Ndim));
        }, c =>
        {
            var t = (ArrayType)c.ResultType;
            var a = ArrayCode.Allocate(c.E, t, ArrayCode.Shape(c.E, (ArrayType)c.ArgType(0), c.Arg(0)), c.Span);
            Fill(c.E, t, a, c.E.Convert(c.Arg(1), c.ArgType(1), t.Dtype));
            return a;
        }, acceptsNarrow: true);

        // arange([start,] stop[, step], dtype=None): NumPy's length ceil((stop - start) / step), computed in the
        // arguments' type; the values are start + i * step.
        Add("numpy.arange", c =>
        {
            Arity(c, "arange", 1, 3, "dtype");
            foreach (var a in c.Positional)
                if (a.Type is not ScalarType { Rank: <= 2 }) throw c.ErrorAt(a, "arange() takes real numbers");
            var natural = c.Positional.Select(a => ((ScalarType)a.Type).Rank == 2 ? ScalarType.Float64 : ScalarType.Int64).Aggregate((x, y) => x.Rank >= y.Rank ? x : y);
            return new ArrayType(DtypeArg(c, "arange", natural), 1);
        }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            var t = (ArrayType)c.ResultType;
            bool isFloat = c.Args.Any(a => ((ScalarType)a.Type).Rank == 2);
            var work = isFloat ? ScalarType.Float64 : ScalarType.Int64;
            LLVMValueRef start = M.Constant(0L, work), step = M.Constant(1L, work), stop;
            if (c.Args.Length == 1) stop = e.Convert(c.Arg(0), c.ArgType(0), work);
            else
            {
                start = e.Convert(c.Arg(0), c.ArgType(0), work); stop = e.Convert(c.Arg(1), c.ArgType(1), work);
                if (c.Args.Length == 3) step = e.Convert(c.Arg(2), c.ArgType(2), work);
            }
            LLVMValueRef length;
            if (isFloat)
            {
                e.RaiseIf(BuildFCmp(B, LLVMRealPredicate.LLVMRealOEQ, step, M.ConstF64(0), ""), "ZeroDivisionError", "float division by zero", c.Span);
                var q = e.Intrinsic("llvm.ceil", new[] { M.F64 }, BuildFDiv(B, BuildFSub(B, stop, start, ""), step, ""));
                length = BuildFPToSI(B, BuildSelect(B, BuildFCmp(B, LLVMRealPredicate.LLVMRealOGT, q, M.ConstF64(0), ""), q, M.ConstF64(0), ""), M.I64, "");
            }
            else
            {
                e.RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, step, M.ConstI64(0), ""), "ZeroDivisionError", "division by zero", c.Span);
                // ceil((stop - start) / step) for integers: floor division of the negation, negated.
                var diff = BuildSub(B, stop, start, "");
                var q = BuildSDiv(B, diff, step, "");
                var exact = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, BuildMul(B, q, step, ""), diff, "");
                var sameSign = BuildICmp(B, LLVMIntPredicate.LLVMIntSGE, BuildXor(B, diff, step, ""), M.ConstI64(0), "");
                var ceil = BuildSelect(B, BuildAnd(B, BuildNot(B, exact, ""), sameSign, ""), BuildAdd(B, q, M.ConstI64(1), ""), q, "");
                length = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, ceil, M.ConstI64(0), ""), ceil, M.ConstI64(0), "");
            }
            // NumPy stores start and start + step cast to the dtype, then fills the rest in the dtype (its fill
            // function): first + i * (second - first), integers wrapping, a complex dtype in its real part.
            var cast = t.Dtype == ScalarType.Complex64 ? ScalarType.Float32 : t.Dtype == ScalarType.Complex128 ? ScalarType.Float64 : t.Dtype;
            var fill = cast.Rank == 1 ? ScalarType.Int64 : cast;
            if (fill.Rank == 0)
                e.RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, length, M.ConstI64(2), ""), "TypeError",
                    "arange() is only supported for booleans when the result has at most length 2.", c.Span);
            var next = isFloat ? BuildFAdd(B, start, step, "") : BuildAdd(B, start, step, "");
            var first = e.Convert(e.Convert(start, work, cast), cast, fill);
            var second = e.Convert(e.Convert(next, work, cast), cast, fill);
            var delta = fill.Rank switch { 0 => second, 1 => BuildSub(B, second, first, ""), _ => BuildFSub(B, second, first, "") };
            var a = ArrayCode.Allocate(e, t, new[] { length }, c.Span);
            var data = ArrayCode.Data(e, a);
            ArrayCode.Loop(e, length, i =>
            {
                var v = fill.Rank switch
                {
                    0 => second,
                    1 => BuildAdd(B, first, BuildMul(B, i, delta, ""), ""),
                    _ => BuildFAdd(B, first, BuildFMul(B, BuildSIToFP(B, i, M.Lower(fill), ""), delta, ""), ""),
                };
                v = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, i, M.ConstI64(1), ""), second, v, "");
                v = BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, i, M.ConstI64(0), ""), first, v, "");
                ArrayCode.Store(e, t.Dtype, ElementAt(e, t.Dtype, data, i), e.Convert(v, fill, t.Dtype));
            });
            return a;
        }, acceptsNarrow: true);

        // linspace(start, stop, num=50, endpoint=True): NumPy's formula, start + i * step with step = (stop - start) / div,
        // and the last value exactly stop when endpoint.
        Add("numpy.linspace", c =>
        {
            Arity(c, "linspace", 2, 3, "num", "endpoint", "dtype");
            foreach (var a in c.Positional.Take(2))
                if (a.Type is not ScalarType { Rank: <= 2 }) throw c.ErrorAt(a, "linspace() takes real numbers in compiled code");
            return new ArrayType(DtypeArg(c, "linspace", ScalarType.Float64), 1);
        }, c =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            var t = (ArrayType)c.ResultType;
            var start = ToFloat(c, 0); var stop = ToFloat(c, 1);
            var num = c.Args.Length == 3 ? ToInt(c, 2) : c.Keywords.TryGetValue("num", out var kn) ? e.Convert(kn.Value, kn.Type, ScalarType.Int64) : M.ConstI64(50);
            var endpoint = c.Keywords.TryGetValue("endpoint", out var ke) ? e.Convert(ke.Value, ke.Type, ScalarType.Bool) : M.ConstBool(true);
            e.FailIf(BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, num, M.ConstI64(0), ""), () => e.CallRuntime("sj_linspace_error", num), c.Span);
            var div = BuildSelect(B, endpoint, BuildSub(B, num, M.ConstI64(1), ""), num, "");
            var delta = BuildFSub(B, stop, start, "");
            var step = BuildFDiv(B, delta, BuildSIToFP(B, div, M.F64, ""), "");
            var a = ArrayCode.Allocate(e, t, new[] { num }, c.Span);
            var data = ArrayCode.Data(e, a);
            var divPositive = BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, div, M.ConstI64(0), "");
            ArrayCode.Loop(e, num, i =>
            {
                var fi = BuildSIToFP(B, i, M.F64, "");
                // div == 0: NumPy multiplies by delta instead (step would be nan).
                var v = BuildFAdd(B, start, BuildSelect(B, divPositive, BuildFMul(B, fi, step, ""), BuildFMul(B, fi, delta, ""), ""), "");
                var last = BuildAnd(B, endpoint, BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, i, BuildSub(B, num, M.ConstI64(1), ""), ""), "");
                var lastAndMany = BuildAnd(B, last, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, num, M.ConstI64(1), ""), "");
                v = BuildSelect(B, lastAndMany, stop, v, "");
                ArrayCode.Store(e, t.Dtype, ElementAt(e, t.Dtype, data, i), e.Convert(v, ScalarType.Float64, t.Dtype));
            });
            return a;
        }, acceptsNarrow: true);

        // eye(N, M=None, k=0, dtype=float, order='C') and identity(n, dtype=float): ones on the k-th diagonal.
        foreach (var name in new[] { "eye", "identity" })
        {
            Add("numpy." + name, c =>
            {
                Arity(c, name, 1, name == "eye" ? 3 : 1, "dtype", "order");
                for (int k = 0; k < c.Positional.Length; k++)
                    if (!(k == 1 && c.Positional[k].Type == SimpleType.None)) IntArg(c, name, k);
                return new ArrayType(DtypeArg(c, name, ScalarType.Float64), 2, CreationOrder(c, name));
            }, c =>
            {
                var e = c.E; var B = e.B; var t = (ArrayType)c.ResultType;
                var n = ToInt(c, 0);
                var m = c.Args.Length >= 2 && c.ArgType(1) != SimpleType.None ? ToInt(c, 1) : n;
                var k = c.Args.Length == 3 ? ToInt(c, 2) : e.M.ConstI64(0);
                var a = ArrayCode.Allocate(e, t, new[] { n, m }, c.Span);
                Fill(e, t, a, e.M.Constant(0L, t.Dtype));
                var data = ArrayCode.Data(e, a);
                LLVMValueRef Max(LLVMValueRef x, LLVMValueRef y) => BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, x, y, ""), x, y, "");
                LLVMValueRef Min(LLVMValueRef x, LLVMValueRef y) => BuildSelect(B, BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, x, y, ""), x, y, "");
                var zero = e.M.ConstI64(0);
                var row0 = Max(BuildNeg(B, k, ""), zero); var col0 = Max(k, zero);
                var count = Max(Min(BuildSub(B, n, row0, ""), BuildSub(B, m, col0, "")), zero);
                // element (row0 + i, col0 + i) of a C (or F) ordered n x m array
                var (rowStep, colStep) = t.Layout == ArrayLayout.F ? (e.M.ConstI64(1), n) : (m, e.M.ConstI64(1));
                ArrayCode.Loop(e, count, i =>
                {
                    var at = BuildAdd(B, BuildMul(B, BuildAdd(B, row0, i, ""), rowStep, ""), BuildMul(B, BuildAdd(B, col0, i, ""), colStep, ""), "");
                    ArrayCode.Store(e, t.Dtype, ElementAt(e, t.Dtype, data, at), e.M.Constant(1L, t.Dtype));
                });
                return a;
            }, acceptsNarrow: true);
        }
        PositionalByName("numpy.eye", "N", "M=None", "k");
        PositionalByName("numpy.identity", "n");
        foreach (var name in new[] { "empty", "zeros", "ones" }) PositionalByName("numpy." + name, "shape", "dtype");
        PositionalByName("numpy.full", "shape", "fill_value", "dtype");
        PositionalByName("numpy.full_like", "a", "fill_value");
        ArangeByName();

        Add("numpy.copy", c =>
        {
            Arity(c, "copy", 1, 2, "order");
            var t = c.Positional[0].Type as ArrayType ?? throw c.ErrorAt(c.Positional[0], "copy() needs an array in compiled code");
            return new ArrayType(t.Dtype, t.Ndim, ElementOrder(c, "copy", t, KeepOrder(new[] { t }, t.Ndim), copying: true));
        }, c => CopyArray(c.E, (ArrayType)c.ArgType(0), c.Arg(0), (ArrayType)c.ResultType, c.Span), acceptsNarrow: true);
    }

    /// <summary>The address of element i of contiguous data.</summary>
    private static LLVMValueRef ElementAt(FunctionEmitter e, ScalarType dtype, LLVMValueRef data, LLVMValueRef i) =>
        BuildInBoundsGEP2(e.B, e.M.Lower(dtype.Rank == 0 ? ScalarType.UInt8 : dtype), data, new[] { i }, "");

    /// <summary>An element cast as NumPy's astype casts it (unsafe casting): a complex number to a real or integer
    /// type keeps its real part (NumPy warns: ComplexWarning), to bool it is true when either part is non-zero.</summary>
    private static LLVMValueRef CastElement(FunctionEmitter e, LLVMValueRef v, ScalarType from, ScalarType to)
    {
        if (from.Rank != 3 || to.Rank == 3) return e.Convert(v, from, to);
        var part = from == ScalarType.Complex64 ? ScalarType.Float32 : ScalarType.Float64;
        if (to == ScalarType.Bool) return e.Convert(v, from, to);
        return e.Convert(e.ExtractValue(v, 0), part, to);
    }

    /// <summary>A new contiguous array with the elements of a (cast to the result's dtype as astype casts), in
    /// Fortran order for a result of that layout (NumPy's K order: KeepOrder), else in C order.</summary>
    private static LLVMValueRef CopyArray(FunctionEmitter e, ArrayType from, LLVMValueRef a, ArrayType to, Span span)
    {
        var shape = ArrayCode.Shape(e, from, a);
        var r = ArrayCode.Allocate(e, to, shape, span);
        var src = ArrayCode.Data(e, a); var strides = ArrayCode.Strides(e, from, a);
        var dst = ArrayCode.Data(e, r);
        bool wasInArrayLoop = e.InArrayLoop;
        e.InArrayLoop = true;   // casts take their vectorisable forms
        try { Copy(); }
        finally { e.InArrayLoop = wasInArrayLoop; }
        return r;

        void Copy()
        {
            var order = to.Layout == ArrayLayout.F ? ArrayLayout.F : ArrayLayout.C;
            bool sameOrder = from.Layout == order;
            if (sameOrder && from.Dtype == to.Dtype)
                ArrayCode.CopyBytes(e, dst, src, BuildMul(e.B, ArrayCode.Size(e, shape), e.M.ConstI64(ArrayCode.ItemSize(to.Dtype)), ""));
            else if (sameOrder)
                ArrayCode.Loop(e, ArrayCode.Size(e, shape), i =>
                    ArrayCode.Store(e, to.Dtype, ElementAt(e, to.Dtype, dst, i), CastElement(e, ArrayCode.Load(e, from.Dtype, ElementAt(e, from.Dtype, src, i)), from.Dtype, to.Dtype)));
            else
            {
                // Walked in the result's order (a Fortran-ordered one with its axes reversed), so its rows are contiguous.
                LLVMValueRef[] InOrder(LLVMValueRef[] axes) => ArrayCode.InMemoryOrder(order, axes);
                CopyElements(e, from.Dtype, src, InOrder(strides), to.Dtype, dst, InOrder(ArrayCode.ContiguousStrides(e, to.Dtype, shape, order)), InOrder(shape),
                    x => CastElement(e, x, from.Dtype, to.Dtype), 1, -1);
            }
        }
    }

    private static readonly object ArangeZero = new();

    /// <summary>np.arange(start=, stop=, step=) as NumPy binds them: the numbers given by position are start, stop and
    /// step; with no stop, a start given by position is the stop (arange(n)) and one given by name NumPy's TypeError; a
    /// stop given alone counts from 0. The entry then sees its positional form: stop; start, stop; or start, stop, step.
    /// </summary>
    private static void ArangeByName()
    {
        var inner = Get("numpy.arange");
        string[] names = { "start", "stop", "step" };
        // Where each operand of the positional form comes from: a position, a keyword's name or ArangeZero; null
        // when nothing is named.
        object[]? Operands(int positional, ICollection<string> keywords, Func<string, Exception> error)
        {
            if (!names.Any(keywords.Contains)) return null;
            var bound = new object?[3];
            for (int k = 0; k < 3; k++)
            {
                if (k < positional && keywords.Contains(names[k]))
                    throw error($"argument for arange() given by name ('{names[k]}') and position (position {k})");
                bound[k] = k < positional ? k : keywords.Contains(names[k]) ? names[k] : null;
            }
            if (bound[1] == null)
            {
                if (positional == 0) throw error("arange() requires stop to be specified.");
                (bound[0], bound[1]) = (null, bound[0]);
            }
            if (bound[0] == null && bound[2] == null) return new[] { bound[1]! };
            return new[] { bound[0] ?? ArangeZero, bound[1], bound[2] }.OfType<object>().ToArray();
        }
        Wrap(inner, c =>
        {
            var operands = Operands(c.Positional.Length, c.Keywords.Keys, m => c.Error(m));
            if (operands == null) return inner.Type(c);
            TypedArg Operand(object o) => o switch
            {
                int k => c.Positional[k],
                string name => c.Keywords[name],
                _ => new TypedArg(ScalarType.Int64, 0L, c.Site),
            };
            return inner.Type(c.WithArguments(operands.Select(Operand).ToArray(),
                c.Keywords.Where(kv => !names.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value)).ToList()));
        }, c =>
        {
            var keywordNames = c.Sig.KeywordNames.ToArray();
            var operands = Operands(c.Args.Length, keywordNames, m => new InvalidOperationException(m));
            if (operands == null) return inner.Lower(c);
            LoweredArg Operand(object o) => o switch
            {
                int k => c.Args[k],
                string name => c.Keywords[name],
                _ => new LoweredArg(c.E.M.ConstI64(0), ScalarType.Int64, 0L),
            };
            var rest = keywordNames.Where(k => !names.Contains(k)).ToArray();
            return inner.Lower(c.With(operands.Select(Operand).Concat(rest.Select(k => c.Keywords[k])).ToArray(), rest));
        });
    }

    /// <summary>
    /// Copies (casting) the elements of a strided source into a target view of the same shape whose memory it does not
    /// overlap (a new array; an assignment's source, copied first where it overlapped). Where the target's rows are
    /// contiguous, the innermost loop has versions for a source row that runs forwards, backwards (a[::-1],
    /// np.flip(m)) or repeats one element (a broadcast x[:, None]), whose constant strides LLVM vectorises: with the
    /// run-time strides alone they stayed scalar (np.flip(m).copy() 1.8x NumPy's time, X[:, :] = x[None, :] 2.8x).
    /// </summary>
    /// <param name="convert">An element of the source's dtype as the target's (astype's cast, or an assignment's).</param>
    /// <param name="directions">The source row steps that get a version (1 forwards, -1 backwards, 0 one repeated
    /// element): each is a loop nest more to compile (the backward one added 5% to grayscott's compile time as an
    /// assignment's), so copies take 1 and -1 (flipped views), assignments 1 and 0 (broadcast rows).</param>
    private static void CopyElements(FunctionEmitter e, ScalarType from, LLVMValueRef src, LLVMValueRef[] srcStrides, ScalarType to,
        LLVMValueRef dst, LLVMValueRef[] dstStrides, LLVMValueRef[] shape, Func<LLVMValueRef, LLVMValueRef> convert, params long[] directions)
    {
        var B = e.B; var M = e.M;
        var apart = new AliasScope(M);   // loads need no overlap checks against the stores
        void Move(LLVMValueRef from_, LLVMValueRef to_) => ArrayCode.Store(e, to, to_, convert(ArrayCode.Load(e, from, from_, apart)), apart);
        void Nest() => ArrayCode.LoopNest(e, shape, idx => Move(ArrayCode.ElementPointer(e, src, srcStrides, idx), ArrayCode.ElementPointer(e, dst, dstStrides, idx)));
        int inner = shape.Length - 1;
        if (inner < 1) { Nest(); return; }
        var done = e.NewBlock("copy_done");
        var rowsContiguous = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, dstStrides[inner], M.ConstI64(ArrayCode.ItemSize(to)), "");
        foreach (var direction in directions)
        {
            var version = e.NewBlock("copy_row"); var next = e.NewBlock("copy_next");
            var step = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, srcStrides[inner], M.ConstI64(direction * ArrayCode.ItemSize(from)), "");
            BuildCondBr(B, BuildAnd(B, rowsContiguous, step, ""), version, next);
            PositionBuilderAtEnd(B, version);
            ArrayCode.LoopNest(e, shape.Take(inner).ToArray(), idx =>
            {
                var row = ArrayCode.ElementPointer(e, src, srcStrides, idx);
                var outRow = ArrayCode.ElementPointer(e, dst, dstStrides, idx);
                ArrayCode.Loop(e, shape[inner], i => Move(direction == 0 ? row : ElementAt(e, from, row, direction == 1 ? i : BuildNeg(B, i, "")),
                    ElementAt(e, to, outRow, i)));
            });
            BuildBr(B, done);
            PositionBuilderAtEnd(B, next);
        }
        Nest();
        BuildBr(B, done);
        PositionBuilderAtEnd(B, done);
    }

    // ------------------------------------------------------------ methods

    private static LibFunc Method(string name, Func<CallTypingContext, ArrayType, SjType> type, Func<LoweringCall, ArrayType, LLVMValueRef> lower, bool mayRaise = true)
    {
        // An array method and a scalar method may share a name (conjugate): the array one is registered under
        // "method.NAME" only when no scalar one exists.
        var f = Add("method." + name, c => type(c, (ArrayType)c.Positional[0].Type), c => lower(c, (ArrayType)c.ArgType(0)), neverRaises: !mayRaise, acceptsNarrow: true);
        f.Receiver = IsArray;
        return f;
    }

    /// <summary>An array method written in Python (<c>_method_NAME</c> in Library/py/numpy.py), receiving the array
    /// and then each of <paramref name="parameters"/>, given by position or by name, or its default (the first
    /// <paramref name="required"/> have none); bad calls are NumPy's TypeErrors, at compile time.</summary>
    private static void PythonMethod(string name, int required = 0, params (string Name, object Default)[] parameters) =>
        PythonMethodIn("numpy", name, required, parameters);

    /// <summary><see cref="PythonMethod"/> with <c>_method_NAME</c> in another library file.</summary>
    private static void PythonMethodIn(string module, string name, int required = 0, params (string Name, object Default)[] parameters)
    {
        // The value of each parameter: a positional argument, a keyword argument, or the default (null).
        T?[] Bind<T>(int positional, Func<int, T> atPosition, Func<string, T?> byName) where T : class =>
            parameters.Select((p, k) => k < positional ? atPosition(k + 1) : byName(p.Name)).ToArray();
        Method(name, (c, t) =>
        {
            int given = c.Positional.Length - 1;
            foreach (var k in c.Keywords.Keys)
            {
                int at = Array.FindIndex(parameters, p => p.Name == k);
                if (at < 0) throw c.Error($"{name}() got an unexpected keyword argument '{k}'");
                if (at < given) throw c.Error($"argument for {name}() given by name ('{k}') and position (position {at})");
            }
            if (given > parameters.Length)
                throw c.Error($"{name}() takes at most {parameters.Length} argument{(parameters.Length == 1 ? "" : "s")} ({given} given)");
            var bound = Bind(given, k => c.Positional[k].Type, n => c.Keywords.TryGetValue(n, out var a) ? a.Type : null);
            for (int k = 0; k < required; k++)
                if (bound[k] == null) throw c.Error($"{name}() missing required argument '{parameters[k].Name}' (pos {k + 1})");
            var types = bound.Select((b, k) => b == null ? TypeInference.ConstType(parameters[k].Default) : TypeOps.Canonical(b));
            return c.Require(PythonLibrary.Function(module, "_method_" + name), types.Prepend(TypeOps.Canonical(c.Positional[0].Type)).ToArray()).ReturnType;
        }, (c, t) =>
        {
            var e = c.E;
            int given = c.Args.Length - 1;
            LoweredArg? ByName(string n) => c.Keywords.TryGetValue(n, out var a) ? a : null;
            var bound = parameters.Select((p, k) => k < given ? (LoweredArg?)c.Args[k + 1] : ByName(p.Name)).ToArray();
            var args = bound.Select((b, k) => b is { } a ? e.Convert(a.Value, a.Type, TypeOps.Canonical(a.Type))
                : e.M.Constant(parameters[k].Default, TypeInference.ConstType(parameters[k].Default)));
            var receiver = e.Convert(c.Arg(0), c.ArgType(0), TypeOps.Canonical(c.ArgType(0)));
            return e.Convert(c.CallCompiled(0, args.Prepend(receiver).ToArray()), c.Callees[0].ReturnType, c.ResultType);
        });
    }

    /// <summary>The order= of a call that lays out an existing array's elements (reshape, ravel, flatten, copy, np.array,
    /// np.asarray), given positionally (at <paramref name="position"/>; -1: keyword only) or as the keyword; checked as
    /// NumPy checks it ('F': the first index changing fastest). 'A' and 'K' keep the order of
    /// <paramref name="t"/> where its type knows it; for an array whose order only the run time knows, they are an
    /// error where the order decides the values (reshape, ravel, flatten) and C order for a copy (the same values,
    /// only the strides differ from NumPy's). None and no order give <paramref name="byDefault"/>.</summary>
    private static ArrayLayout ElementOrder(CallTypingContext c, string fn, ArrayType t, ArrayLayout byDefault, bool copying = false, int position = 1)
    {
        var order = position >= 0 && c.Positional.Length > position ? c.Positional[position] : c.Keywords.GetValueOrDefault("order");
        if (order == null || order.Type == SimpleType.None) return byDefault;
        switch (order.Literal)
        {
            case "K" or "k" when fn == "reshape": throw c.ErrorAt(order, "order 'K' is not permitted for reshaping");
            case "A" or "a" or "K" or "k" when t.Layout == ArrayLayout.A && t.Ndim > 1 && !copying:
                throw c.ErrorAt(order, $"{fn}(order='{order.Literal}') of an array whose order is known only at run time is not supported in compiled code",
                    "say order='C' or order='F'");
            case "C" or "c" or "F" or "f" or "A" or "a" or "K" or "k": return LaidOutOrder(order.Literal as string, t, byDefault);
            case string other: throw c.ErrorAt(order, $"order must be one of 'C', 'F', 'A', or 'K' (got '{other}')");
            default: throw c.ErrorAt(order, $"{fn}(): order must be a constant string in compiled code");
        }
    }

    /// <summary>The layout an order checked by ElementOrder asks for (the emitting side's view of the same literal;
    /// the LoweringCall form reads it where ElementOrder's default position 1 does).</summary>
    private static ArrayLayout LaidOutOrder(string? order, ArrayType t, ArrayLayout byDefault) => order?.ToUpperInvariant() switch
    {
        null => byDefault,
        "C" => ArrayLayout.C,
        "F" => ArrayLayout.F,
        _ => t.Layout == ArrayLayout.F ? ArrayLayout.F : ArrayLayout.C,
    };

    private static ArrayLayout LaidOutOrder(LoweringCall c, ArrayType t, ArrayLayout byDefault) =>
        LaidOutOrder((c.Args.Length > 1 ? c.Args[1] : c.Keywords.GetValueOrDefault("order"))?.Literal as string, t, byDefault);

    private static void RegisterArrayMethods()
    {
        var none = Syntax.PyNone.Instance;
        foreach (var name in new[] { "sort", "argsort" }) PythonMethod(name, 0, ("axis", -1L), ("kind", none), ("order", none));
        PythonMethod("repeat", 1, ("repeats", none), ("axis", none));
        PythonMethod("ptp", 0, ("axis", none));
        PythonMethod("searchsorted", 1, ("v", none), ("side", "left"), ("sorter", none));
        foreach (var name in new[] { "partition", "argpartition" }) PythonMethod(name, 1, ("kth", none), ("axis", -1L), ("kind", "introselect"), ("order", none));
        Method("copy", (c, t) => { Arity(c, "copy", 1, 2, "order"); return new ArrayType(t.Dtype, t.Ndim, ElementOrder(c, "copy", t, ArrayLayout.C, copying: true)); },
            (c, t) => CopyArray(c.E, t, c.Arg(0), (ArrayType)c.ResultType, c.Span));
        Method("astype", (c, t) =>
        {
            Arity(c, "astype", 2, 2);
            return new ArrayType(DtypeOf(c.Positional[1]) ?? throw c.ErrorAt(c.Positional[1], "astype() takes a dtype such as np.float32"), t.Ndim, KeepOrder(new[] { t }, t.Ndim));
        }, (c, t) => CopyArray(c.E, t, c.Arg(0), (ArrayType)c.ResultType, c.Span));
        Method("fill", (c, t) =>
        {
            Arity(c, "fill", 2, 2);
            CheckAssignable(c, c.Positional[1], t.Dtype);
            if (c.Positional[1].Type is not ScalarType) throw c.ErrorAt(c.Positional[1], "fill() takes a number");
            return SimpleType.None;
        }, (c, t) =>
        {
            var e = c.E;
            if (t.Readonly) e.RaiseIf(e.M.ConstBool(true), "ValueError", "assignment destination is read-only", c.Span);
            else
            {
                var v = StoredValue(e, c.Arg(1), (ScalarType)c.ArgType(1), t.Dtype, c.Span);
                var data = ArrayCode.Data(e, c.Arg(0)); var strides = ArrayCode.Strides(e, t, c.Arg(0));
                ArrayCode.LoopNest(e, ArrayCode.Shape(e, t, c.Arg(0)), idx => ArrayCode.Store(e, t.Dtype, ArrayCode.ElementPointer(e, data, strides, idx), v));
            }
            return GetUndef(e.M.Empty);
        });
        // a.transpose() and a.transpose(None) reverse the axes here; a.transpose(axes) and a.transpose(i, j, ...)
        // permute them in the library (numpy.py's _transpose_axes, with NumPy's errors).
        Method("transpose", (c, t) =>
        {
            if (c.Keywords.Count > 0) throw c.Error($"transpose() takes no keyword arguments");
            if (c.Positional.Length == 1 || c.Positional.Length == 2 && c.Positional[1].Type == SimpleType.None) return Transposed(t);
            var axes = TransposeAxesType(c);
            return c.Require(PythonLibrary.Function("numpy", "_transpose_axes"), new[] { TypeOps.Canonical(t), axes }).ReturnType;
        }, (c, t) =>
        {
            var e = c.E;
            if (c.Callees.Count == 0) return e.NewRef(Transpose(e, t, c.Arg(0)), c.ResultType);
            var axes = c.Args.Length == 2 && c.ArgType(1) is TupleType at ? e.Convert(c.Arg(1), at, TypeOps.Canonical(at))
                : e.MakeStruct(e.M.Lower(TransposeAxesType(c.Args.Length - 1)), c.Args.Skip(1).Select(a => e.Convert(a.Value, a.Type, ScalarType.Int64)).ToArray());
            var receiver = e.Convert(c.Arg(0), t, TypeOps.Canonical(t));
            return e.Convert(c.CallCompiled(0, receiver, axes), c.Callees[0].ReturnType, c.ResultType);
        });
        foreach (var name in new[] { "ravel", "flatten" })
            Method(name, (c, t) => { Arity(c, name, 1, 2, "order"); ElementOrder(c, name, t, ArrayLayout.C); return new ArrayType(t.Dtype, 1); }, (c, t) =>
            {
                // ravel of an array contiguous in the order asked is a view; otherwise (and always for flatten) a copy
                // in that order (Fortran's: the C order of the transpose).
                var e = c.E; var a = c.Arg(0);
                if (LaidOutOrder(c, t, ArrayLayout.C) == ArrayLayout.F) { a = Transpose(e, t, a); t = Transposed(t); }
                if (name == "ravel" && t.Layout == ArrayLayout.C)
                {
                    var size = ArrayCode.Size(e, ArrayCode.Shape(e, t, a));
                    var view = ArrayCode.Make(e, (ArrayType)c.ResultType, ArrayCode.Meminfo(e, a), ArrayCode.Data(e, a), new[] { size }, new[] { e.M.ConstI64(t.ItemSize) });
                    return e.NewRef(view, c.ResultType);
                }
                var copy = CopyArray(e, t, a, new ArrayType(t.Dtype, t.Ndim), c.Span);
                var n = ArrayCode.Size(e, ArrayCode.Shape(e, new ArrayType(t.Dtype, t.Ndim), copy));
                return ArrayCode.Make(e, (ArrayType)c.ResultType, ArrayCode.Meminfo(e, copy), ArrayCode.Data(e, copy), new[] { n }, new[] { e.M.ConstI64(t.ItemSize) });
            });
        Method("reshape", (c, t) =>
        {
            if (c.Positional.Length < 2) throw c.Error("reshape() takes a shape");
            int ndim = c.Positional.Length == 2 ? ShapeNdim(c, c.Positional[1], "reshape") : c.Positional.Length - 1;
            for (int k = 1; k < c.Positional.Length && c.Positional.Length > 2; k++) IntArg(c, "reshape", k);
            foreach (var k in c.Keywords.Keys)
                if (k != "order") throw c.Error($"reshape() got an unexpected keyword argument '{k}'");
            if (ElementOrder(c, "reshape", t, ArrayLayout.C, position: -1) == ArrayLayout.F)
                return c.Require(PythonLibrary.Function("npshape", "_reshape_fortran"), TypeOps.Canonical(t), TransposeAxesType(ndim)).ReturnType;
            // Other layouts: npshape.py's _reshape (a view where NumPy makes one, else a copy).
            if (t.Layout != ArrayLayout.C)
                return c.Require(PythonLibrary.Function("npshape", "_reshape"), TypeOps.Canonical(t), TransposeAxesType(ndim)).ReturnType;
            return new ArrayType(t.Dtype, ndim, ArrayLayout.C, t.Readonly);
        }, (c, t) =>
        {
            var e = c.E; var B = e.B; var M = e.M;
            if (c.Callees.Count > 0)
            {
                var requested = c.Args.Length == 2 ? ShapeValues(c, c.Args[1]) : Enumerable.Range(1, c.Args.Length - 1).Select(k => ToInt(c, k)).ToArray();
                var tuple = e.MakeStruct(M.Lower(TransposeAxesType(requested.Length)), requested);
                return e.Convert(c.CallCompiled(0, e.Convert(c.Arg(0), t, TypeOps.Canonical(t)), tuple), c.Callees[0].ReturnType, c.ResultType);
            }
            var shape = c.Args.Length == 2 ? ShapeValues(c, c.Args[1]) : Enumerable.Range(1, c.Args.Length - 1).Select(k => ToInt(c, k)).ToArray();
            var size = ArrayCode.Size(e, ArrayCode.Shape(e, t, c.Arg(0)));
            // NumPy's _fix_unknown_dimension: any negative dimension is the unknown one (at most one), the size divided
            // by the product of the others, which must divide it and not be 0.
            var isUnknown = shape.Select(d => BuildICmp(B, LLVMIntPredicate.LLVMIntSLT, d, M.ConstI64(0), "")).ToArray();
            var unknowns = isUnknown.Aggregate(M.ConstI64(0), (acc, u) => BuildAdd(B, acc, BuildZExt(B, u, M.I64, ""), ""));
            e.RaiseIf(BuildICmp(B, LLVMIntPredicate.LLVMIntSGT, unknowns, M.ConstI64(1), ""), "ValueError", "can only specify one unknown dimension", c.Span);
            var known = shape.Select((d, k) => BuildSelect(B, isUnknown[k], M.ConstI64(1), d, "")).Aggregate(M.ConstI64(1), (acc, d) => BuildMul(B, acc, d, ""));
            var hasUnknown = BuildICmp(B, LLVMIntPredicate.LLVMIntNE, unknowns, M.ConstI64(0), "");
            var knownZero = BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, known, M.ConstI64(0), "");
            var safeKnown = BuildSelect(B, knownZero, M.ConstI64(1), known, "");
            var inferred = BuildSDiv(B, size, safeKnown, "");
            var badUnknown = BuildOr(B, knownZero, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, BuildSRem(B, size, safeKnown, ""), M.ConstI64(0), ""), "");
            shape = shape.Select((d, k) => BuildSelect(B, isUnknown[k], inferred, d, "")).ToArray();
            var bad = BuildSelect(B, hasUnknown, badUnknown, BuildICmp(B, LLVMIntPredicate.LLVMIntNE, known, size, ""), "");
            e.FailIf(bad, () =>
            {
                var requested = c.Args.Length == 2 ? ShapeValues(c, c.Args[1]) : Enumerable.Range(1, c.Args.Length - 1).Select(k => ToInt(c, k)).ToArray();
                e.CallRuntime("sj_reshape_error", size, StoreShape(e, requested), M.ConstI64(requested.Length));
            }, c.Span);
            var rt = (ArrayType)c.ResultType;
            var view = ArrayCode.Make(e, rt, ArrayCode.Meminfo(e, c.Arg(0)), ArrayCode.Data(e, c.Arg(0)), shape, ArrayCode.ContiguousStrides(e, t.Dtype, shape, ArrayLayout.C));
            return e.NewRef(view, rt);
        });
        // item(): the element as a Python number (bool, int, float or complex), as NumPy's item() gives it.
        Method("item", (c, t) =>
        {
            Arity(c, "item", 1, 1);
            return t.Dtype.Canonical;
        }, (c, t) =>
        {
            var e = c.E;
            var size = ArrayCode.Size(e, ArrayCode.Shape(e, t, c.Arg(0)));
            e.RaiseIf(BuildICmp(e.B, LLVMIntPredicate.LLVMIntNE, size, e.M.ConstI64(1), ""), "ValueError", "can only convert an array of size 1 to a Python scalar", c.Span);
            return e.Convert(ArrayCode.Load(e, t.Dtype, ArrayCode.Data(e, c.Arg(0))), t.Dtype, t.Dtype.Canonical);
        });
    }
}
