# Covers: reductions over a tuple of axes (sum, prod, min, max, amin, amax, mean, any, all, var, std with ddof; functions
# and methods; keepdims), trailing, leading and apart axes of 3-d and 4-d arrays, negative axes, all axes (a number),
# an image's per-channel mean, axes only the run time knows; NumPy's errors for a repeated or out-of-bounds axis. Float sums over trailing or leading axes of C arrays add in NumPy's order (NumPy's 8 printed digits);
# apart axes are printed rounded to 9 digits, as their order may differ from NumPy's iterator.
import numpy as np


def main():
    a = np.arange(24.0).reshape(2, 3, 4) / 7
    print(a.sum(axis=(1, 2)), np.sum(a, axis=(0, 1)), a.sum(axis=(-1, -2)))
    print(np.round(a.sum(axis=(0, 2)), 9), a.sum(axis=(0, 1, 2)))
    print(a.max(axis=(0, 1)), np.amin(a, axis=(1, 2)), a.min(axis=(2, 0)))
    print(a.mean(axis=(1, 2)), np.mean(a, axis=(0, 1), keepdims=True).shape)
    print(np.round(a.var(axis=(1, 2), ddof=1), 9), np.round(np.std(a, axis=(0, 1)), 9))
    print((a > 1).any(axis=(0, 2)), np.all(a > 0.1, axis=(1, 2)), np.prod(a + 1, axis=(1, 2)))
    print(a.sum(axis=(1, 2), keepdims=True))
    i = np.arange(24).reshape(2, 3, 4)
    print(i.sum(axis=(0, 2)), i.prod(axis=(1,)), i.max(axis=(0, 1, 2)), i.mean(axis=(0, 2)))
    img = (np.arange(5 * 6 * 3) % 17).reshape(5, 6, 3).astype(np.uint8)
    print(img.mean(axis=(0, 1)), img.max(axis=(0, 1)), img.sum(axis=(0, 1)).dtype)
    w = np.arange(120.0).reshape(2, 3, 4, 5)
    print(w.sum(axis=(1, 3)), w.min(axis=(0, 3), keepdims=True).shape)
    for k in range(3):
        print(i.sum(axis=(k, 2 - k)) if k != 1 else i.sum(axis=(0, k)))
    for bad in ((0, 0), (0, 3), (-1, 2)):
        try:
            print(i.sum(axis=bad))
        except ValueError as e:
            print(type(e).__name__, e)


main()
