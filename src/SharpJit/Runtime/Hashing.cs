using System.Runtime.InteropServices;

namespace SharpJit.Runtime;

/// <summary>
/// hash() of floats and strings for compiled code (ints, bools, complex numbers and tuples are hashed in generated
/// code, Library/Dicts.cs). Floats hash as CPython's _Py_HashDouble, so hash(2.0) == hash(2) and dicts treat them
/// as one key; strings use FNV-1a over their UTF-8 (CPython's string hashes are randomised per process anyway).
/// </summary>
public static unsafe class Hashing
{
    public const long Modulus = (1L << 61) - 1;   // CPython's _PyHASH_MODULUS

    /// <summary>sj_frozenset_hash: CPython 3.11's frozenset_hash from a set table's slot hashes (long.MinValue
    /// unused, -1 deleted): the items' shuffled hashes xor-ed (so the order does not matter), the count, a final mix.</summary>
    [RuntimeHelper("sj_frozenset_hash"), UnmanagedCallersOnly]
    public static long FrozenSetHash(long* slots, long n)
    {
        static ulong Shuffle(ulong h) => ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
        ulong hash = 0, used = 0;
        for (long k = 0; k < n; k++)
        {
            if (slots[k] == long.MinValue || slots[k] == -1) continue;
            hash ^= Shuffle((ulong)slots[k]);
            used++;
        }
        hash ^= (used + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        return hash == ulong.MaxValue ? 590923713L : (long)hash;
    }
    public const int Bits = 61;

    /// <summary>CPython's _Py_HashDouble; a NaN hashes to 0 (CPython hashes it by object identity).</summary>
    public static long HashDouble(double v)
    {
        if (!double.IsFinite(v)) return double.IsInfinity(v) ? (v > 0 ? 314159 : -314159) : 0;
        double m = Math.Abs(v);
        int e = 0;
        // frexp: m = mantissa * 2**e with 0.5 <= mantissa < 1.
        if (m != 0)
        {
            e = Math.ILogB(m) + 1;
            m = Math.ScaleB(m, -e);
        }
        int sign = v < 0 ? -1 : 1;
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & Modulus) | x >> (Bits - 28);
            m *= 268435456.0;   // 2**28
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= Modulus) x -= Modulus;
        }
        e = e >= 0 ? e % Bits : Bits - 1 - ((-1 - e) % Bits);
        x = ((x << e) & Modulus) | x >> (Bits - e);
        long h = (long)x * sign;
        return h == -1 ? -2 : h;
    }

    [RuntimeHelper("sj_hash_f64"), UnmanagedCallersOnly] public static long HashDoubleExport(double v) => HashDouble(v);

    [RuntimeHelper("sj_str_hash"), UnmanagedCallersOnly] public static long HashStrExport(byte* s) => HashStr(s);

    /// <summary>hash() of an int as compiled code computes it (Library/Dicts.cs HashOf): x mod (2**61 - 1) with the
    /// sign kept, -1 becoming -2.</summary>
    public static long HashInt(long x)
    {
        long h = x % Modulus;
        return h == -1 ? -2 : h;
    }

    /// <summary>CPython 3.11's tuplehash over its items' hashes.</summary>
    public static long HashTuple(ReadOnlySpan<long> lanes)
    {
        unchecked
        {
            ulong acc = 2870177450012600261UL;
            foreach (long lane in lanes)
            {
                acc += (ulong)lane * 14029467366897019727UL;
                acc = acc << 31 | acc >> 33;
                acc *= 11400714785074694791UL;
            }
            acc += (ulong)lanes.Length ^ (2870177450012600261UL ^ 3527539UL);
            return acc == ulong.MaxValue ? 1546275796 : (long)acc;
        }
    }

    /// <summary>A str's hash: FNV-1a over its UTF-8, computed once and kept in the string's header (constants come
    /// with theirs).</summary>
    public static long HashStr(byte* s)
    {
        if (s == null) return HashUtf8(ReadOnlySpan<byte>.Empty);
        long* cached = (long*)(s + RuntimeStrings.HashOffset);
        if (*cached != RuntimeStrings.NoHash) return *cached;
        return *cached = HashUtf8(RuntimeStrings.StrSpan(s));
    }

    /// <summary>FNV-1a over UTF-8 bytes, never -1 (which marks a hash not computed yet, and which CPython's hashes avoid).</summary>
    public static long HashUtf8(ReadOnlySpan<byte> utf8)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in utf8) h = (h ^ b) * 1099511628211UL;
        long r = (long)h;
        return r == -1 ? -2 : r;
    }
}
