# Covers: a.flat of 2-d, 3-d and 1-d (strided too) arrays: iteration, a.flat[i] read and write (negative, augmented), len, a mask, enumerate
import numpy as np


def flat(m, v):
    total = 0
    for x in m.flat:
        total += x
    print(total, m.flat[4], m.flat[-1], len(m.flat), v.flat[1], [x for x in v[::2].flat])
    m.flat[0] = 100
    m.flat[-2] += 7
    v.flat[1] = 0.5
    print(m, v, m.flat[m.flat > 5], np.arange(24).reshape(2, 3, 4).flat[23])
    for k, x in enumerate(m.copy().flat):
        m.flat[k] = x * 2
    print(m, m.flat[1:4])


flat(np.arange(12).reshape(3, 4), np.linspace(0.0, 1.0, 5))
