# Covers: np.fft.rfft2, irfft2, rfftn, irfftn (s= cutting and padding, axes=) and hfft/ihfft (n=, norm=), NumPy 1.24's
# order of axes and norms; values agree with pocketfft to rounding, printed to 6 decimals.
import numpy as np


def r6(v):
    return np.round(v, 6) + 0.0


def main():
    m = np.arange(24.0).reshape(4, 6) ** 1.3
    c = np.arange(60.0).reshape(3, 4, 5) ** 0.5
    print(r6(np.fft.rfft2(m)))
    print(r6(np.fft.irfft2(np.fft.rfft2(m))))
    print(r6(np.fft.irfft2(np.fft.rfft2(m), s=(4, 5))))
    print(r6(np.fft.rfftn(c)[1]), r6(np.fft.rfftn(c, axes=(0, 1))[2, 1]), r6(np.fft.rfftn(c, s=(2, 3, 6))[1]))
    print(r6(np.fft.irfftn(np.fft.rfftn(c))[2]), np.fft.irfftn(np.fft.rfftn(c)).shape)
    x = np.arange(10.0) ** 1.5
    h = np.fft.ihfft(x)
    print(r6(h), r6(np.fft.hfft(h)), r6(np.fft.hfft(h, 10)), r6(np.fft.hfft(h, norm="ortho")), r6(np.fft.ihfft(x, norm="forward")))


main()
