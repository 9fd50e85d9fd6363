using System.Globalization;
using System.Text;

namespace SharpJit.Syntax;

/// <summary>
/// NFKC normalisation of identifiers, as CPython applies it to every non-ASCII name (PEP 3131): ﬁ is fi, ℌ is H.
/// .NET's string.Normalize cannot be used: the build runs in invariant-globalisation mode, where it does nothing.
/// </summary>
internal static partial class UnicodeNfkc
{
    private static Dictionary<int, int[]>? _decomp;
    private static Dictionary<int, int>? _ccc;
    private static Dictionary<long, int>? _compose;
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7, LCount = 19, VCount = 21, TCount = 28;
    private const int NCount = VCount * TCount, SCount = LCount * NCount;

    public static string Normalize(string s)
    {
        bool ascii = true;
        foreach (char ch in s) if (ch >= 128) { ascii = false; break; }
        if (ascii) return s;
        Load();
        var cps = new List<int>(s.Length + 4);
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1) Decompose(char.ConvertToUtf32(s, i), cps);
        // canonical ordering: runs of non-starters sorted (stably) by combining class
        for (int i = 1; i < cps.Count; i++)
        {
            int k = Ccc(cps[i]);
            if (k == 0) continue;
            for (int j = i; j > 0 && Ccc(cps[j - 1]) > k; j--) (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
        }
        var result = new List<int>(cps.Count);
        int starter = -1;
        foreach (int c in cps)
        {
            int k = Ccc(c);
            if (starter >= 0)
            {
                bool adjacent = result.Count - 1 == starter;
                int prev = Ccc(result[^1]);
                if ((adjacent || (prev != 0 && prev < k)) && TryCompose(result[starter], c, out int composed))
                {
                    result[starter] = composed;
                    continue;
                }
            }
            if (k == 0) starter = result.Count;
            result.Add(c);
        }
        var sb = new StringBuilder(result.Count);
        foreach (int c in result) sb.Append(char.ConvertFromUtf32(c));
        return sb.ToString();
    }

    private static void Decompose(int cp, List<int> into)
    {
        if (cp >= SBase && cp < SBase + SCount)
        {
            int i = cp - SBase;
            into.Add(LBase + i / NCount);
            into.Add(VBase + i % NCount / TCount);
            if (i % TCount != 0) into.Add(TBase + i % TCount);
        }
        else if (_decomp!.TryGetValue(cp, out var d)) into.AddRange(d);
        else into.Add(cp);
    }

    private static int Ccc(int cp) => cp < 0x300 ? 0 : _ccc!.GetValueOrDefault(cp);

    private static bool TryCompose(int a, int b, out int c)
    {
        if (a >= LBase && a < LBase + LCount && b >= VBase && b < VBase + VCount)
        {
            c = SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
            return true;
        }
        if (a >= SBase && a < SBase + SCount && (a - SBase) % TCount == 0 && b > TBase && b < TBase + TCount)
        {
            c = a + (b - TBase);
            return true;
        }
        return _compose!.TryGetValue(((long)a << 21) | (uint)b, out c);
    }

    private static void Load()
    {
        if (_compose != null) return;
        var decomp = new Dictionary<int, int[]>();
        foreach (var e in DecompositionData.Split(';'))
        {
            int colon = e.IndexOf(':');
            decomp[Hex(e[..colon])] = e[(colon + 1)..].Split(' ').Select(Hex).ToArray();
        }
        var ccc = new Dictionary<int, int>();
        foreach (var e in CombiningClassData.Split(';'))
        {
            int colon = e.IndexOf(':');
            ccc[Hex(e[..colon])] = int.Parse(e[(colon + 1)..], CultureInfo.InvariantCulture);
        }
        var compose = new Dictionary<long, int>();
        foreach (var e in CompositionData.Split(';'))
        {
            int colon = e.IndexOf(':'), space = e.IndexOf(' ');
            compose[((long)Hex(e[..space]) << 21) | (uint)Hex(e[(space + 1)..colon])] = Hex(e[(colon + 1)..]);
        }
        _decomp = decomp; _ccc = ccc;
        Interlocked.CompareExchange(ref _compose, compose, null);
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
