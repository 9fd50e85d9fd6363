# Covers: every in-place operator (+= -= *= /= //= %= **= &= |= ^= <<= >>=) on arrays with arrays/scalars, same_kind casts (int8 += int64 array, wrapping), views
import numpy as np


def ints(a):
    a += 3
    a -= (np.arange(a.shape[0]) // 2).astype(a.dtype)
    a *= np.arange(a.shape[0]).astype(a.dtype) + 1
    a *= 2
    a //= 3
    a %= 5
    a **= 2
    a &= 6
    a |= 1
    a ^= 3
    a <<= 2
    a >>= 1
    return a


def floats(x):
    x += 0.5
    x *= np.arange(x.shape[0])
    x /= 4
    x -= 1
    x //= 0.5
    x %= 3
    x **= 0.5
    return x


def narrow(a):
    a += np.arange(a.shape[0])
    a *= 100
    return a


def on_views(m):
    m[0] += 10
    m[:, 1] *= -1
    m[1:, ::2] -= m[:1, ::2]
    return m


print(ints(np.arange(6)), ints(np.arange(6, dtype=np.uint8)), ints(np.arange(6, dtype=np.int16)))
print(floats(np.arange(4.0)), floats(np.arange(4, dtype=np.float32)))
print(narrow(np.arange(4, dtype=np.int8)), narrow(np.arange(4, dtype=np.int16) * 300))
print(on_views(np.arange(9).reshape(3, 3)), on_views(np.ones((2, 4))))
