# Covers: reductions with axis=0/1/2/-1 and keepdims=True/False on 2-d and 3-d arrays, np.* forms, broadcasting of kept dims
import numpy as np


def all_axes(c):
    # The axis must be a compile-time constant in compiled code, so each is spelled out.
    print(c.sum(axis=0).shape, c.sum(axis=0), c.max(axis=0, keepdims=True).shape)
    print(c.sum(axis=1).shape, c.sum(axis=1), c.max(axis=1, keepdims=True).shape)
    print(c.sum(axis=2).shape, c.sum(axis=2), c.max(axis=2, keepdims=True).shape)
    print(c.sum(axis=-1).shape, c.sum(axis=-1), c.max(axis=-1, keepdims=True).shape)
    print(c.sum(axis=-2).shape, c.sum(axis=-2), c.max(axis=-3, keepdims=True).shape)


def kept(m):
    s = m.sum(axis=0, keepdims=True)
    t = np.sum(m, axis=1, keepdims=True)
    print(s, t, m - s, m * t, m.min(axis=1, keepdims=True), np.max(m, axis=0, keepdims=True))
    print(m.mean(axis=1, keepdims=True), m.any(axis=0, keepdims=True), m.all(axis=1, keepdims=True), m.prod(axis=0, keepdims=True))
    print(m.sum(keepdims=True), m.sum(keepdims=True).shape, np.amin(m, keepdims=True))


def normalise(m):
    lo = m.min(axis=0, keepdims=True)
    hi = m.max(axis=0, keepdims=True)
    return (m - lo) / (hi - lo)


all_axes(np.arange(24).reshape(2, 3, 4))
kept(np.arange(12).reshape(3, 4))
kept(np.arange(6, dtype=np.int16).reshape(2, 3) - 2)
print(normalise(np.array(((1.0, 10.0), (3.0, 20.0), (5.0, 40.0)))))
c = np.arange(24.0).reshape(2, 3, 4)
print(c.argmax(axis=0), c.argmin(axis=2), c.argmax(axis=-1), c.mean(axis=1), np.amax(c, axis=1))
