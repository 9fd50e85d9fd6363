using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// Matrix products through the BLAS NumPy uses (CBLAS <c>?gemm</c>, <c>?gemv</c>, <c>?dot</c>), called through its address: the
/// BLAS library this process has loaded (NumPy's: OpenBLAS where Debian's libopenblas0 is installed, else the
/// reference BLAS), or else the system's <c>libblas.so.3</c>; SHARPJIT_BLAS names another library (a path), or
/// <c>none</c>. Found on first use; without one the helpers return 0 and compiled code runs its own loops.
/// Dimensions and leading dimensions must fit BLAS's 32-bit ints.
/// </summary>
public static unsafe class RuntimeBlas
{
    /// <summary>Element kinds, as compiled code passes them: float32, float64, complex64, complex128.</summary>
    public const long Float32 = 0, Float64 = 1, Complex64 = 2, Complex128 = 3;

    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    private sealed class Library
    {
        public required nint[] Gemm { get; init; }   // by kind: cblas_sgemm, dgemm, cgemm, zgemm
        public required nint[] Gemv { get; init; }
        public required nint[] Dot { get; init; }     // cblas_sdot, ddot, cdotu_sub, zdotu_sub (0 where missing)
        public required string Path { get; init; }
    }

    private static readonly Lazy<Library?> Loaded = new(Find);

    /// <summary>The BLAS library in use (a path), or null when none was found.</summary>
    public static string? LibraryPath => Loaded.Value?.Path;

    private static readonly string[] Prefixes = { "s", "d", "c", "z" };

    private static Library? Find()
    {
        var chosen = Environment.GetEnvironmentVariable("SHARPJIT_BLAS");
        if (chosen == "none") return null;
        var candidates = string.IsNullOrEmpty(chosen) ? MappedBlasLibraries().Concat(new[] { "libcblas.so.3", "libblas.so.3" }) : new[] { chosen };
        foreach (var path in candidates)
        {
            if (!NativeLibrary.TryLoad(path, out var handle)) continue;
            var gemm = new nint[4]; var gemv = new nint[4];
            bool all = true;
            for (int k = 0; k < 4 && all; k++)
                all = NativeLibrary.TryGetExport(handle, $"cblas_{Prefixes[k]}gemm", out gemm[k])
                    && NativeLibrary.TryGetExport(handle, $"cblas_{Prefixes[k]}gemv", out gemv[k]);
            if (!all) continue;
            var dot = new nint[4];
            for (int k = 0; k < 4; k++)
                NativeLibrary.TryGetExport(handle, k < 2 ? $"cblas_{Prefixes[k]}dot" : $"cblas_{Prefixes[k]}dotu_sub", out dot[k]);
            return new Library { Gemm = gemm, Gemv = gemv, Dot = dot, Path = path };
        }
        return null;
    }

    /// <summary>BLAS libraries already mapped into this process (NumPy's), by the names BLAS packages use.</summary>
    private static IEnumerable<string> MappedBlasLibraries()
    {
        var found = new List<string>();
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash < 0) continue;
                var path = line[slash..];
                var name = System.IO.Path.GetFileName(path);
                if ((name.StartsWith("libopenblas") || name.StartsWith("libblas.so") || name.StartsWith("libcblas.so") || name.StartsWith("libmkl_rt"))
                    && !found.Contains(path)) found.Add(path);
            }
        }
        catch (IOException) { }
        return found;
    }

    /// <summary>Complex BLAS takes alpha and beta by address: one and zero of the element type (complex64 or
    /// complex128), in memory that lives as long as the process.</summary>
    private static readonly nint ComplexScalars = InitComplexScalars();

    private static nint InitComplexScalars()
    {
        var p = (byte*)NativeMemory.AllocZeroed(48);
        ((double*)p)[0] = 1.0;          // complex128 one at 0, zero at 16
        ((float*)(p + 32))[0] = 1f;     // complex64 one at 32, zero at 40
        return (nint)p;
    }

    private static (nint Alpha, nint Beta) ComplexOneAndZero(long kind) =>
        kind == Complex64 ? (ComplexScalars + 32, ComplexScalars + 40) : (ComplexScalars, ComplexScalars + 16);

    private static bool FitsInt(params long[] values) => values.All(v => v is >= 0 and <= int.MaxValue);

    /// <summary>
    /// C (m×n, row-major, leading dimension ldc) = op(A) op(B), op(A) m×k and op(B) k×n (row-major storage; trans:
    /// stored transposed). 1 when done, 0 when there is no BLAS (or a size does not fit): the caller computes it.
    /// </summary>
    [RuntimeHelper("sj_blas_gemm"), UnmanagedCallersOnly]
    public static long Gemm(long kind, long transA, long transB, long m, long n, long k, void* a, long lda, void* b, long ldb, void* c, long ldc)
    {
        if (Loaded.Value is not { } blas || !FitsInt(m, n, k, lda, ldb, ldc)) return 0;
        int ta = transA != 0 ? Trans : NoTrans, tb = transB != 0 ? Trans : NoTrans;
        var f = blas.Gemm[kind];
        switch (kind)
        {
            case Float32:
                ((delegate* unmanaged<int, int, int, int, int, int, float, void*, int, void*, int, float, void*, int, void>)f)(
                    RowMajor, ta, tb, (int)m, (int)n, (int)k, 1f, a, (int)lda, b, (int)ldb, 0f, c, (int)ldc);
                break;
            case Float64:
                ((delegate* unmanaged<int, int, int, int, int, int, double, void*, int, void*, int, double, void*, int, void>)f)(
                    RowMajor, ta, tb, (int)m, (int)n, (int)k, 1.0, a, (int)lda, b, (int)ldb, 0.0, c, (int)ldc);
                break;
            default:
            {
                var (alpha, beta) = ComplexOneAndZero(kind);
                ((delegate* unmanaged<int, int, int, int, int, int, void*, void*, int, void*, int, void*, void*, int, void>)f)(
                    RowMajor, ta, tb, (int)m, (int)n, (int)k, (void*)alpha, a, (int)lda, b, (int)ldb, (void*)beta, c, (int)ldc);
                break;
            }
        }
        return 1;
    }

    /// <summary>*result = x · y, n elements at strides incx and incy (positive, in elements): NumPy's dot of two
    /// vectors, which calls the same function. 1 when done, 0 when there is no BLAS (or it lacks the function).</summary>
    [RuntimeHelper("sj_blas_dot"), UnmanagedCallersOnly]
    public static long Dot(long kind, long n, void* x, long incx, void* y, long incy, void* result)
    {
        if (Loaded.Value is not { } blas || blas.Dot[kind] == 0 || !FitsInt(n, incx, incy)) return 0;
        var f = blas.Dot[kind];
        switch (kind)
        {
            case Float32:
                *(float*)result = ((delegate* unmanaged<int, void*, int, void*, int, float>)f)((int)n, x, (int)incx, y, (int)incy);
                break;
            case Float64:
                *(double*)result = ((delegate* unmanaged<int, void*, int, void*, int, double>)f)((int)n, x, (int)incx, y, (int)incy);
                break;
            default:
                ((delegate* unmanaged<int, void*, int, void*, int, void*, void>)f)((int)n, x, (int)incx, y, (int)incy, result);
                break;
        }
        return 1;
    }

    /// <summary>y (stride incy) = op(A) x (stride incx), A m×n row-major with leading dimension lda (trans: y = Aᵀx).
    /// 1 when done, 0 when there is no BLAS.</summary>
    [RuntimeHelper("sj_blas_gemv"), UnmanagedCallersOnly]
    public static long Gemv(long kind, long trans, long m, long n, void* a, long lda, void* x, long incx, void* y, long incy)
    {
        if (Loaded.Value is not { } blas || !FitsInt(m, n, lda, incx, incy)) return 0;
        int t = trans != 0 ? Trans : NoTrans;
        var f = blas.Gemv[kind];
        switch (kind)
        {
            case Float32:
                ((delegate* unmanaged<int, int, int, int, float, void*, int, void*, int, float, void*, int, void>)f)(
                    RowMajor, t, (int)m, (int)n, 1f, a, (int)lda, x, (int)incx, 0f, y, (int)incy);
                break;
            case Float64:
                ((delegate* unmanaged<int, int, int, int, double, void*, int, void*, int, double, void*, int, void>)f)(
                    RowMajor, t, (int)m, (int)n, 1.0, a, (int)lda, x, (int)incx, 0.0, y, (int)incy);
                break;
            default:
            {
                var (alpha, beta) = ComplexOneAndZero(kind);
                ((delegate* unmanaged<int, int, int, int, void*, void*, int, void*, int, void*, void*, int, void>)f)(
                    RowMajor, t, (int)m, (int)n, (void*)alpha, a, (int)lda, x, (int)incx, (void*)beta, y, (int)incy);
                break;
            }
        }
        return 1;
    }
}
