using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// np.linalg's LAPACK routines, called through their address in the LAPACK NumPy uses, so that results are NumPy's
/// to the bit: the library this process has mapped that exports the Fortran symbols (NumPy's <c>liblapack.so.3</c>,
/// or OpenBLAS, MKL, FlexiBLAS), else <c>liblapack.so.3</c> (then <c>libopenblas.so.0</c>) loaded here;
/// SHARPJIT_LAPACK names another library (a path), or <c>none</c>. Found on first use.
/// <para>As NumPy 1.24's umath_linalg calls them: double precision only (<c>d</c> and <c>z</c> routines: NumPy's
/// Python computes float32 and complex64 in double precision), matrices in Fortran order with leading dimension
/// max(rows, 1), workspace sizes from a query (lwork = -1) first. The library's Python (Library/py/numpy.py) copies
/// the matrices in and out and raises NumPy's errors from the info code returned; <see cref="NoLapack"/> when there
/// is no LAPACK (or the routine is missing from it).</para>
/// </summary>
public static unsafe class RuntimeLapack
{
    /// <summary>Routines, as compiled code passes them.</summary>
    public const long Gesdd = 0, Syevd = 1, Potrf = 2, Geqrf = 3, Orgqr = 4, Geev = 5, Gelsd = 6;

    /// <summary>Returned when no LAPACK library (or routine) was found.</summary>
    public const long NoLapack = -1000;

    private static readonly string[][] Symbols =
    {
        new[] { "dgesdd_", "zgesdd_" }, new[] { "dsyevd_", "zheevd_" }, new[] { "dpotrf_", "zpotrf_" },
        new[] { "dgeqrf_", "zgeqrf_" }, new[] { "dorgqr_", "zungqr_" }, new[] { "dgeev_", "zgeev_" },
        new[] { "dgelsd_", "zgelsd_" },
    };

    private sealed class Library
    {
        public required nint Handle { get; init; }
        public required string Path { get; init; }
        public readonly Dictionary<string, nint> Found = new();

        public nint Get(string symbol)
        {
            lock (Found)
            {
                if (!Found.TryGetValue(symbol, out var f))
                    Found[symbol] = f = NativeLibrary.TryGetExport(Handle, symbol, out var p) ? p : 0;
                return f;
            }
        }
    }

    private static readonly Lazy<Library?> Loaded = new(Find);

    /// <summary>The LAPACK library in use (a path), or null when none was found.</summary>
    public static string? LibraryPath => Loaded.Value?.Path;

    private static Library? Find()
    {
        var chosen = Environment.GetEnvironmentVariable("SHARPJIT_LAPACK");
        if (chosen == "none") return null;
        var candidates = string.IsNullOrEmpty(chosen) ? MappedLibraries().Concat(new[] { "liblapack.so.3", "libopenblas.so.0" }) : new[] { chosen };
        foreach (var path in candidates)
        {
            if (!NativeLibrary.TryLoad(path, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "dgesdd_", out _)) return new Library { Handle = handle, Path = path };
        }
        return null;
    }

    /// <summary>Libraries already mapped into this process that may hold LAPACK, NumPy's liblapack first (the one its
    /// umath_linalg's symbols resolve to), then BLAS libraries that carry LAPACK too (OpenBLAS, MKL).</summary>
    private static IEnumerable<string> MappedLibraries()
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
                if ((name.StartsWith("liblapack") || name.StartsWith("libopenblas") || name.StartsWith("libmkl_rt") || name.StartsWith("libflexiblas")
                     || name.StartsWith("libblas.so")) && !found.Contains(path)) found.Add(path);
            }
        }
        catch (IOException) { }
        return found.OrderBy(p => System.IO.Path.GetFileName(p).StartsWith("liblapack") ? 0 : 1);
    }

    private static int Max1(long v) => (int)Math.Max(v, 1);

    /// <summary>
    /// Calls one LAPACK routine (op) in double precision (complex: the z routine) on Fortran-ordered arrays compiled
    /// code owns, allocating the workspace LAPACK asks for. Returns LAPACK's info, or <see cref="NoLapack"/>.
    /// <list type="bullet">
    /// <item>Gesdd: jobz = flag ('A', 'S', 'N'); a m×n (overwritten), b the min(m, n) singular values, c u (m×m or
    /// m×min), d vt (n×n or min×n).</item>
    /// <item>Syevd (zheevd for complex): flag = jobz | uplo &lt;&lt; 8; a n×n (eigenvectors when jobz is 'V'), b the n
    /// eigenvalues.</item>
    /// <item>Potrf: uplo = flag; a n×n, factored in place.</item>
    /// <item>Geqrf: a m×n (overwritten by R and the reflectors), b the min(m, n) scalar factors tau.</item>
    /// <item>Orgqr (zungqr for complex): a q, m×n with leading dimension m, holding the reflectors; flag the number
    /// of reflectors k; b tau.</item>
    /// <item>Geev (zgeev for complex): jobvr = flag ('V' or 'N'; jobvl 'N'); a n×n (overwritten); b the eigenvalues
    /// (real: the n real parts, then the n imaginary parts; complex: n values), c the right eigenvectors (n×n).</item>
    /// <item>Gelsd (zgelsd for complex): nrhs = flag; a m×n (overwritten), b max(m, n)×nrhs (the right-hand sides
    /// in, the solutions out), c the min(m, n) singular values, d two doubles: rcond in d[0], the rank out in
    /// d[1].</item>
    /// </list>
    /// Sizes must fit LAPACK's 32-bit ints (the caller checks).
    /// </summary>
    [RuntimeHelper("sj_lapack"), UnmanagedCallersOnly]
    public static long Call(long op, long complex, long m, long n, long flag, void* a, void* b, void* c, void* d)
    {
        if (Loaded.Value is not { } lib || op < 0 || op >= Symbols.Length) return NoLapack;
        var f = lib.Get(Symbols[op][complex != 0 ? 1 : 0]);
        if (f == 0) return NoLapack;
        bool z = complex != 0;
        int M = (int)m, N = (int)n, info = 0;
        int item = z ? 16 : 8;
        switch (op)
        {
            case Gesdd:
            {
                byte jobz = (byte)flag;
                int mn = Math.Min(M, N);
                int lda = Max1(M), ldu = Max1(M), ldvt = Max1(jobz == 'A' ? N : jobz == 'S' ? mn : 0);
                var iwork = (int*)NativeMemory.Alloc((nuint)Math.Max(8L * mn, 1), sizeof(int));
                // zgesdd's real workspace: what LAPACK 3.11 documents (NumPy allocates twice 5mn² + 5mn, or 7mn).
                long mx = Math.Max(M, N);
                long lrwork = jobz == 'N' ? 7L * mn : Math.Max(5L * mn * mn + 5L * mn, 2L * mx * mn + 2L * mn * mn + mn);
                var rwork = z ? (double*)NativeMemory.Alloc((nuint)Math.Max(lrwork, 1), sizeof(double)) : null;
                var query = stackalloc double[2];
                int lwork = -1;
                if (z)
                    ((delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, double*, int*, int*, nint, void>)f)(
                        &jobz, &M, &N, a, &lda, b, c, &ldu, d, &ldvt, query, &lwork, rwork, iwork, &info, 1);
                else
                    ((delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, int*, int*, nint, void>)f)(
                        &jobz, &M, &N, a, &lda, b, c, &ldu, d, &ldvt, query, &lwork, iwork, &info, 1);
                if (info == 0)
                {
                    lwork = (int)query[0];
                    if (lwork == 0) lwork = 1;
                    var work = NativeMemory.Alloc((nuint)lwork, (nuint)item);
                    if (z)
                        ((delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, double*, int*, int*, nint, void>)f)(
                            &jobz, &M, &N, a, &lda, b, c, &ldu, d, &ldvt, work, &lwork, rwork, iwork, &info, 1);
                    else
                        ((delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, int*, int*, nint, void>)f)(
                            &jobz, &M, &N, a, &lda, b, c, &ldu, d, &ldvt, work, &lwork, iwork, &info, 1);
                    NativeMemory.Free(work);
                }
                NativeMemory.Free(iwork);
                if (rwork != null) NativeMemory.Free(rwork);
                return info;
            }
            case Syevd:
            {
                byte jobz = (byte)(flag & 0xff), uplo = (byte)(flag >> 8);
                int lda = Max1(M);
                var query = stackalloc double[2];
                var rquery = stackalloc double[1];
                int iquery = 0, lwork = -1, lrwork = -1, liwork = -1;
                Evd(f, z, &jobz, &uplo, &M, a, &lda, b, query, &lwork, rquery, &lrwork, &iquery, &liwork, &info);
                if (info != 0) return info;
                lwork = (int)query[0]; lrwork = (int)rquery[0]; liwork = iquery;
                var work2 = NativeMemory.Alloc((nuint)Math.Max(lwork, 1), (nuint)item);
                var rwork2 = z ? (double*)NativeMemory.Alloc((nuint)Math.Max(lrwork, 1), sizeof(double)) : null;
                var iwork2 = (int*)NativeMemory.Alloc((nuint)Math.Max(liwork, 1), sizeof(int));
                Evd(f, z, &jobz, &uplo, &M, a, &lda, b, work2, &lwork, rwork2, &lrwork, iwork2, &liwork, &info);
                NativeMemory.Free(work2); NativeMemory.Free(iwork2);
                if (rwork2 != null) NativeMemory.Free(rwork2);
                return info;
            }
            case Potrf:
            {
                byte uplo = (byte)flag;
                int lda = Max1(M);
                ((delegate* unmanaged<byte*, int*, void*, int*, int*, nint, void>)f)(&uplo, &M, a, &lda, &info, 1);
                return info;
            }
            case Geqrf:
            {
                int lda = Max1(M);
                var query = stackalloc double[2];
                int lwork = -1;
                var g = (delegate* unmanaged<int*, int*, void*, int*, void*, void*, int*, int*, void>)f;
                g(&M, &N, a, &lda, b, query, &lwork, &info);
                if (info != 0) return info;
                lwork = Math.Max(Math.Max(1, N), (int)query[0]);   // NumPy's
                var work = NativeMemory.Alloc((nuint)lwork, (nuint)item);
                g(&M, &N, a, &lda, b, work, &lwork, &info);
                NativeMemory.Free(work);
                return info;
            }
            case Orgqr:
            {
                int lda = Max1(M), k = (int)flag;
                var query = stackalloc double[2];
                int lwork = -1;
                var g = (delegate* unmanaged<int*, int*, int*, void*, int*, void*, void*, int*, int*, void>)f;
                g(&M, &N, &k, a, &lda, b, query, &lwork, &info);
                if (info != 0) return info;
                lwork = Math.Max(Math.Max(1, N), (int)query[0]);   // NumPy's
                var work = NativeMemory.Alloc((nuint)lwork, (nuint)item);
                g(&M, &N, &k, a, &lda, b, work, &lwork, &info);
                NativeMemory.Free(work);
                return info;
            }
            case Geev:
                return CallGeev(f, z, (byte)flag, N, a, b, c);
            case Gelsd:
                return CallGelsd(f, z, M, N, (int)flag, a, b, c, (double*)d);
        }
        return NoLapack;
    }

    private static long CallGeev(nint f, bool z, byte jobvr, int n, void* a, void* w, void* vr)
    {
        byte jobvl = (byte)'N';
        int ld = Max1(n), info = 0, lwork = -1;
        var query = stackalloc double[2];
        var unusedVl = stackalloc double[2];
        // zgeev's real workspace, 2n as NumPy allocates; dgeev takes the real and imaginary parts in w's halves.
        var rwork = z ? (double*)NativeMemory.Alloc((nuint)Math.Max(2L * n, 1), sizeof(double)) : null;
        GeevCall(f, z, &jobvl, &jobvr, &n, a, &ld, w, unusedVl, vr, query, &lwork, rwork, &info);
        if (info == 0)
        {
            lwork = (int)query[0];
            if (z && lwork == 0) lwork = 1;   // NumPy's (LAPACK 3.0.0's query could say 0)
            var work = NativeMemory.Alloc((nuint)Math.Max(lwork, 1), (nuint)(z ? 16 : 8));
            GeevCall(f, z, &jobvl, &jobvr, &n, a, &ld, w, unusedVl, vr, work, &lwork, rwork, &info);
            NativeMemory.Free(work);
        }
        if (rwork != null) NativeMemory.Free(rwork);
        return info;
    }

    private static void GeevCall(nint f, bool z, byte* jobvl, byte* jobvr, int* n, void* a, int* ld, void* w, void* vl, void* vr,
        void* work, int* lwork, double* rwork, int* info)
    {
        if (z)
            ((delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, double*, int*, nint, nint, void>)f)(
                jobvl, jobvr, n, a, ld, w, vl, ld, vr, ld, work, lwork, rwork, info, 1, 1);
        else
            ((delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, void*, int*, void*, int*, void*, int*, int*, nint, nint, void>)f)(
                jobvl, jobvr, n, a, ld, w, (double*)w + *n, vl, ld, vr, ld, work, lwork, info, 1, 1);
    }

    private static long CallGelsd(nint f, bool z, int m, int n, int nrhs, void* a, void* b, void* s, double* rcondRank)
    {
        int lda = Max1(m), ldb = Math.Max(1, Math.Max(m, n)), rank = 0, info = 0, lwork = -1, iquery = 0;
        var query = stackalloc double[2];
        double rquery = 0;
        GelsdCall(f, z, &m, &n, &nrhs, a, &lda, b, &ldb, s, rcondRank, &rank, query, &lwork, &rquery, &iquery, &info);
        if (info != 0) return info;
        lwork = (int)query[0];
        var work = NativeMemory.Alloc((nuint)Math.Max(lwork, 1), (nuint)(z ? 16 : 8));
        var rwork = z ? (double*)NativeMemory.Alloc((nuint)Math.Max((long)rquery, 1), sizeof(double)) : null;
        var iwork = (int*)NativeMemory.Alloc((nuint)Math.Max(iquery, 1), sizeof(int));
        GelsdCall(f, z, &m, &n, &nrhs, a, &lda, b, &ldb, s, rcondRank, &rank, work, &lwork, rwork, iwork, &info);
        NativeMemory.Free(work); NativeMemory.Free(iwork);
        if (rwork != null) NativeMemory.Free(rwork);
        rcondRank[1] = rank;
        return info;
    }

    private static void GelsdCall(nint f, bool z, int* m, int* n, int* nrhs, void* a, int* lda, void* b, int* ldb, void* s, double* rcond,
        int* rank, void* work, int* lwork, double* rwork, int* iwork, int* info)
    {
        if (z)
            ((delegate* unmanaged<int*, int*, int*, void*, int*, void*, int*, void*, double*, int*, void*, int*, double*, int*, int*, void>)f)(
                m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, rwork, iwork, info);
        else
            ((delegate* unmanaged<int*, int*, int*, void*, int*, void*, int*, void*, double*, int*, void*, int*, int*, int*, void>)f)(
                m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, iwork, info);
    }

    private static void Evd(nint f, bool z, byte* jobz, byte* uplo, int* n, void* a, int* lda, void* w, void* work, int* lwork,
        double* rwork, int* lrwork, int* iwork, int* liwork, int* info)
    {
        if (z)
            ((delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, int*, double*, int*, int*, int*, int*, nint, nint, void>)f)(
                jobz, uplo, n, a, lda, w, work, lwork, rwork, lrwork, iwork, liwork, info, 1, 1);
        else
            ((delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, int*, int*, int*, int*, nint, nint, void>)f)(
                jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, 1, 1);
    }
}
