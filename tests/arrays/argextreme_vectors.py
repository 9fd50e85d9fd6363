# Covers: argmax/argmin of contiguous lines of 4- and 8-byte numbers in one pass of vectors (blocks of 16 float64 or
# int64, 32 float32 or int32): lengths around a block, equal extremes in different lanes and blocks (the first wins),
# the extreme in the scalar tail, a NaN in a block or in the tail, -0.0 against 0.0, lines that hold only the
# identity (-inf, the smallest int, 0 for unsigned), unsigned values above 2**63, rows (axis=1) and F-ordered columns.
import numpy as np


def both(a):
    return np.argmax(a), np.argmin(a)


def rows(m):
    return m.argmax(axis=1), m.argmin(axis=1)


def columns(m):
    return m.argmax(axis=0), m.argmin(axis=0)


for n in [1, 15, 16, 17, 31, 32, 33, 47, 64, 65, 100]:
    wave = np.cos(np.arange(n) * 1.7)
    print(n, both(wave), both(wave.astype(np.float32)), both((wave * 50).astype(np.int64)),
          both((wave * 50).astype(np.int32)), both((wave * 50 + 60).astype(np.uint32)))
ties = np.zeros(80)
for at in [3, 9, 20, 70]:
    ties[at] = 2.0
print(both(ties), both(-ties), both(ties.astype(np.int32)), both(-ties.astype(np.float32)))
tail = np.zeros(40)
tail[37] = 1.0
print(both(tail), both(-tail), both(tail.astype(np.float32)))
for at in [5, 36, 39]:
    withnan = np.linspace(0.0, 1.0, 40)
    withnan[at] = np.nan
    withnan[38] = np.nan
    print(at, both(withnan), both(withnan.astype(np.float32)))
signed_zeros = np.zeros(50)
signed_zeros[2::3] = -0.0
print(both(signed_zeros), both(-signed_zeros))
print(both(np.full(40, -np.inf)), both(np.full(40, np.inf)), both(np.full(40, np.inf, dtype=np.float32)))
print(both(np.full(40, np.iinfo(np.int64).min)), both(np.full(40, np.iinfo(np.int32).max, dtype=np.int32)))
print(both(np.zeros(40, dtype=np.uint64)), both(np.full(40, 2**64 - 1, dtype=np.uint64)))
big = np.arange(40, dtype=np.uint64) + np.uint64(2**63)
big[17] = 5
print(both(big), both(big[::-1].copy()))
m = np.sin(np.arange(36 * 7.0).reshape(7, 36) * 0.9)
print(rows((m * 9).astype(np.int64)))
m[3, 30] = np.nan
m[4, 2] = np.nan
print(rows(m), rows(m.astype(np.float32)))
f = np.asfortranarray(np.cos(np.arange(40 * 3.0).reshape(40, 3)))
print(columns(f), both(f))
