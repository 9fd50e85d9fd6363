# Covers: np.histogram of float32 data: float32 edges (NumPy's np.result_type(first_edge, last_edge, a)), the data
# compared with the range's bounds rounded to float32; int and float64 data keep float64 edges.
import numpy as np


def hist(a, bins):
    return np.histogram(a, bins=bins)


def hist_range(a, bins, lo, hi):
    return np.histogram(a, bins=bins, range=(lo, hi))


print(hist(np.arange(5, dtype=np.float32) / 10, 4))
print(hist_range(np.arange(5, dtype=np.float32) / 10, 3, 0.1, 0.7))
print(hist_range(np.array([0.7, 0.8, 1.0], dtype=np.float32), 3, 0.7, 1.0))
print(hist(np.array([2.5, 2.5], dtype=np.float32), 2))
print(hist(np.zeros(0, dtype=np.float32), 2))
print(hist_range(np.array([0.1, 0.3, 1e-8], dtype=np.float32), 7, 0, 1))
print(hist(np.arange(5), 2), hist(np.arange(5.0), 2))

# Narrow ranges far from zero: NumPy computes the bin (x - lo) * norm in float32 for float32 data, where it may land
# more than one bin away; its one-step correction against the edges then leaves the value there, and so must we.
for bins, lo, hi in ((27, 1030.1494611649564, 1030.149461189351), (49, 661301872675.3984, 661301873402.8049),
                     (75, 73490917.62365492, 73490926.1247486)):
    e = np.linspace(lo, hi, bins + 1).astype(np.float32)
    x = np.concatenate((e, np.nextafter(e, np.float32(np.inf)), np.nextafter(e, np.float32(-np.inf)),
                        np.linspace(lo, hi, 500).astype(np.float32)))
    print(bins, hist_range(x, bins, lo, hi)[0])
