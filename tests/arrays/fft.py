# Covers: np.fft.fft, ifft, rfft, irfft, fft2, ifft2, fftn, ifftn of lengths with factors 4, 2, 3, 5, 7, large primes
# (Bluestein) and 1; n= (zero-padded and cut), axis= (also negative, of 2-d and 3-d arrays), axes=/s= of the n-d
# transforms, norm= ('backward', 'ortho', 'forward'), int, float32 and complex input; fftfreq, rfftfreq, fftshift and
# ifftshift; NumPy's errors for n < 1 and a bad norm. Transforms agree with NumPy's pocketfft to rounding, so values
# are printed to 6 decimals, and each transform is also checked against a direct O(n^2) DFT.
import math

import numpy as np


def direct(x, sign):
    n = x.shape[0]
    out = np.zeros(n, np.complex128)
    for k in range(n):
        acc = 0j
        for j in range(n):
            angle = sign * 2.0 * math.pi * ((j * k) % n) / n
            acc += x[j] * complex(math.cos(angle), math.sin(angle))
        out[k] = acc
    return out


def r6(v):
    # Rounded to 6 decimals, a negative zero made positive (it comes from rounding, in either engine).
    return np.round(v, 6) + 0.0


def check(x):
    f = np.fft.fft(x)
    ok = x.shape[0] > 300 or np.allclose(f, direct(x.astype(np.complex128), -1), rtol=1e-10, atol=1e-9)
    back = np.allclose(np.fft.ifft(f), x, rtol=1e-10, atol=1e-12)
    return ok and back


def main():
    for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 25, 30, 49, 64, 67, 97, 100, 121, 127, 128, 210, 257, 1000):
        x = np.sin(np.arange(n) * 0.37) * 3 + np.cos(np.arange(n) * 1.3) + 0.5
        z = x + 1j * np.cos(np.arange(n) * 0.71)
        print(n, check(x), check(z), r6(np.fft.fft(x)[:3]), r6(np.fft.rfft(x)[-2:]))
    x = np.arange(10.0) ** 1.5
    print(r6(np.fft.fft(x)))
    print(r6(np.fft.ifft(x)))
    print(r6(np.fft.fft(x, n=16)))
    print(r6(np.fft.fft(x, 6)))
    print(r6(np.fft.rfft(x)), r6(np.fft.rfft(x, n=7)))
    print(r6(np.fft.irfft(np.fft.rfft(x))), r6(np.fft.irfft(np.fft.rfft(x), n=9)), r6(np.fft.irfft(np.fft.rfft(x[:9]))))
    for norm in ('backward', 'ortho', 'forward'):
        print(norm, r6(np.fft.fft(x, norm=norm)[:3]), r6(np.fft.ifft(x, norm=norm)[:3]), r6(np.fft.irfft(np.fft.rfft(x, norm=norm), norm=norm)[:3]))
    m = np.arange(24.0).reshape(4, 6) ** 1.3
    print(r6(np.fft.fft(m)))
    print(r6(np.fft.fft(m, axis=0)))
    print(r6(np.fft.rfft(m, axis=-2)))
    print(r6(np.fft.fft2(m)))
    print(r6(np.fft.ifft2(np.fft.fft2(m)).real))
    print(r6(np.fft.fft2(m, s=(3, 8))).shape, r6(np.fft.fft2(m, s=(3, 8))[1]))
    c = np.arange(60.0).reshape(3, 4, 5) ** 0.5
    print(r6(np.fft.fftn(c)[1]))
    print(r6(np.fft.fftn(c, axes=(0, 2))[2, 1]), r6(np.fft.ifftn(np.fft.fftn(c)).real[2, 3]))
    print(r6(np.fft.fft(c, axis=1)[:, 2, :]))
    print(r6(np.fft.fft(np.arange(8))), r6(np.fft.fft(np.arange(8, dtype=np.float32))).dtype)
    print(np.fft.fftfreq(8), np.fft.fftfreq(7, 0.5), np.fft.rfftfreq(8), np.fft.rfftfreq(9, d=0.1))
    print(np.fft.fftshift(np.arange(7)), np.fft.ifftshift(np.arange(7)), np.fft.fftshift(m), np.fft.fftshift(m, axes=1), np.fft.ifftshift(m, axes=(0,)))
    try:
        np.fft.fft(x, n=0)
    except ValueError as e:
        print("ValueError", e)
    try:
        np.fft.fft(x, norm="none")
    except ValueError as e:
        print("ValueError", e)


main()
