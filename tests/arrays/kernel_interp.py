# Covers: linear interpolation by hand (np.interp semantics: clamped ends), bilinear interpolation on a 2-d grid, resampling with linspace
import numpy as np


def interp(xq, xp, fp):
    out = np.empty(xq.shape[0])
    for i in range(xq.shape[0]):
        x = xq[i]
        if x <= xp[0]:
            out[i] = fp[0]
        elif x >= xp[-1]:
            out[i] = fp[-1]
        else:
            j = 0
            while xp[j + 1] < x:
                j += 1
            t = (x - xp[j]) / (xp[j + 1] - xp[j])
            out[i] = fp[j] + t * (fp[j + 1] - fp[j])
    return out


def bilinear(g, y, x):
    i = int(y)
    j = int(x)
    dy = y - i
    dx = x - j
    return (g[i, j] * (1 - dy) * (1 - dx) + g[i + 1, j] * dy * (1 - dx)
            + g[i, j + 1] * (1 - dy) * dx + g[i + 1, j + 1] * dy * dx)


xp = np.array((0.0, 1.0, 2.0, 4.0))
fp = np.array((0.0, 10.0, 0.0, 8.0))
print(interp(np.array((-1.0, 0.5, 1.0, 1.5, 3.0, 5.0)), xp, fp))
print(interp(np.linspace(0.0, 4.0, 9), xp, fp))
g = np.arange(16.0).reshape(4, 4)
print(bilinear(g, 0.5, 0.5), bilinear(g, 1.25, 2.75), bilinear(g, 2.0, 0.0))
