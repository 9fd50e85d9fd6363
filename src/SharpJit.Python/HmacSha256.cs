using System.Buffers.Binary;
using System.Numerics;

namespace SharpJit.Python;

/// <summary>
/// HMAC-SHA256 (RFC 2104, FIPS 180-4) in managed code, for authenticating cache entries. .NET's own implementation
/// would load OpenSSL, which costs milliseconds on a cache hit; this is checked against Python's hmac module
/// (tests/python/test_cache_trust.py).
/// </summary>
internal static class HmacSha256
{
    public const int Size = 32;

    /// <summary>HMAC-SHA256(key, a || b).</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Span<byte> k = stackalloc byte[64];
        k.Clear();
        if (key.Length > 64) { var s = new Sha256(); s.Update(key); s.Final().CopyTo(k); }
        else key.CopyTo(k);
        Span<byte> pad = stackalloc byte[64];
        for (int i = 0; i < 64; i++) pad[i] = (byte)(k[i] ^ 0x36);
        var inner = new Sha256();
        inner.Update(pad); inner.Update(a); inner.Update(b);
        var innerHash = inner.Final();
        for (int i = 0; i < 64; i++) pad[i] = (byte)(k[i] ^ 0x5c);
        var outer = new Sha256();
        outer.Update(pad); outer.Update(innerHash);
        return outer.Final();
    }

    private sealed class Sha256
    {
        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _h = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
        private readonly byte[] _block = new byte[64];
        private readonly uint[] _w = new uint[64];
        private int _filled;
        private long _length;

        public void Update(ReadOnlySpan<byte> data)
        {
            _length += data.Length;
            if (_filled > 0)
            {
                int take = Math.Min(64 - _filled, data.Length);
                data[..take].CopyTo(_block.AsSpan(_filled));
                _filled += take; data = data[take..];
                if (_filled < 64) return;
                Compress(_block); _filled = 0;
            }
            while (data.Length >= 64) { Compress(data[..64]); data = data[64..]; }
            data.CopyTo(_block);
            _filled = data.Length;
        }

        public byte[] Final()
        {
            long bits = _length * 8;
            Span<byte> tail = stackalloc byte[72];
            tail.Clear();
            tail[0] = 0x80;
            int padLength = (_filled < 56 ? 56 - _filled : 120 - _filled);
            BinaryPrimitives.WriteInt64BigEndian(tail[padLength..], bits);
            long length = _length;
            Update(tail[..(padLength + 8)]);
            _length = length;
            var digest = new byte[Size];
            for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), _h[i]);
            return digest;
        }

        private void Compress(ReadOnlySpan<byte> block)
        {
            var w = _w;
            for (int i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
            for (int i = 16; i < 64; i++)
            {
                uint s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
                uint s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }
            uint a = _h[0], b = _h[1], c = _h[2], d = _h[3], e = _h[4], f = _h[5], g = _h[6], h = _h[7];
            for (int i = 0; i < 64; i++)
            {
                uint S1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
                uint ch = (e & f) ^ (~e & g);
                uint t1 = h + S1 + ch + K[i] + w[i];
                uint S0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
                uint maj = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = S0 + maj;
                h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
            }
            _h[0] += a; _h[1] += b; _h[2] += c; _h[3] += d; _h[4] += e; _h[5] += f; _h[6] += g; _h[7] += h;
        }
    }
}
