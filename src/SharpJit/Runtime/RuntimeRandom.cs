using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SharpJit.Runtime;

/// <summary>
/// The state of the random number generators of compiled code, one pair per thread (as Numba's): <c>np.random</c>'s
/// (which = 0) follows NumPy's legacy RandomState and <c>random</c>'s (which = 1) CPython's random module, both a
/// Mersenne Twister (MT19937), so that after the same seed compiled code draws the numbers NumPy or CPython would.
/// They are not the host's generators: seeding NumPy's or CPython's from Python does not seed these. Unseeded, each
/// starts from the operating system's entropy. Compiled code draws inline (Library/Random.cs, Library/py/nprandom.py
/// and pyrandom.py); here are the state's memory and seeding.
/// </summary>
public static unsafe class RuntimeRandom
{
    private const int N = 624;

    /// <summary>Byte offsets in a generator's state block: the 624 words, then the next word's index (an int64; 624
    /// or more: refill first), whether a gaussian is kept (int64) and its value (float64).</summary>
    public const int PositionOffset = N * 4, HasGaussOffset = PositionOffset + 8, GaussOffset = HasGaussOffset + 8, Size = GaussOffset + 8;

    [ThreadStatic] private static nint t_numpy, t_python;

    /// <summary>This thread's state block of generator which (allocated and seeded from entropy on first use; it lives
    /// as long as the process). Compiled code calls it as a function of which alone (LLVM may hoist it).</summary>
    [RuntimeHelper("sj_random_state"), UnmanagedCallersOnly]
    public static byte* State(long which) => StateOf(which);

    private static byte* StateOf(long which)
    {
        ref nint slot = ref which == 0 ? ref t_numpy : ref t_python;
        if (slot == 0)
        {
            var block = (byte*)NativeMemory.AlignedAlloc(Size, 64);
            Span<uint> key = stackalloc uint[N];
            RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(key));
            SeedByArray(block, key);
            slot = (nint)block;
        }
        return (byte*)slot;
    }

    private static uint* Words(byte* state) => (uint*)state;

    /// <summary>init_genrand: NumPy's mt19937_seed.</summary>
    private static void Seed(byte* state, uint s)
    {
        var mt = Words(state);
        mt[0] = s;
        for (int i = 1; i < N; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint)i;
        *(long*)(state + PositionOffset) = N;
        *(long*)(state + HasGaussOffset) = 0;
        *(double*)(state + GaussOffset) = 0;
    }

    /// <summary>init_by_array, as CPython's random.seed(int) and NumPy's seeding by an array use it.</summary>
    private static void SeedByArray(byte* state, ReadOnlySpan<uint> key)
    {
        Seed(state, 19650218u);
        var mt = Words(state);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
        }
        mt[0] = 0x80000000u;
    }

    /// <summary>which 0 (np.random.seed, 0 &lt;= seed &lt; 2**32: init_genrand) or 1 (random.seed(int): init_by_array of
    /// |seed|'s 32-bit words, least significant first, as CPython). Drops a kept gaussian.</summary>
    [RuntimeHelper("sj_random_seed"), UnmanagedCallersOnly]
    public static void SeedHelper(long which, long seed)
    {
        var state = StateOf(which);
        if (which == 0) { Seed(state, (uint)seed); return; }
        ulong n = seed < 0 ? (ulong)(-(seed + 1)) + 1 : (ulong)seed;
        Span<uint> key = stackalloc uint[2] { (uint)n, (uint)(n >> 32) };
        SeedByArray(state, key[..((n >> 32) != 0 ? 2 : 1)]);
    }
}
