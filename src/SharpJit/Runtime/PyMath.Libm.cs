using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// The libm functions System.Math lacks (erf, erfc, expm1, log1p) and hypot, called in glibc itself, which is what
/// CPython calls: results agree by construction. (Managed ports of glibc's code differed from the glibc of the day
/// by an ulp: fuzz-14, log1p inside cmath.atanh.)
/// </summary>
public static partial class PyMath
{
    private const string GlibcMath = "libm.so.6";

    [LibraryImport(GlibcMath, EntryPoint = "erf"), SuppressGCTransition] private static partial double GlibcErf(double x);
    [LibraryImport(GlibcMath, EntryPoint = "erfc"), SuppressGCTransition] private static partial double GlibcErfc(double x);
    [LibraryImport(GlibcMath, EntryPoint = "expm1"), SuppressGCTransition] private static partial double GlibcExpm1(double x);
    [LibraryImport(GlibcMath, EntryPoint = "log1p"), SuppressGCTransition] private static partial double GlibcLog1p(double x);
    [LibraryImport(GlibcMath, EntryPoint = "hypot"), SuppressGCTransition] private static partial double GlibcHypot(double x, double y);

    internal static double LibmErf(double x) => GlibcErf(x);
    internal static double LibmErfc(double x) => GlibcErfc(x);
    internal static double LibmExpm1(double x) => GlibcExpm1(x);
    internal static double LibmLog1p(double x) => GlibcLog1p(x);
    public static double LibmHypot(double x, double y) => GlibcHypot(x, y);
}
