# Covers: k-means iterations: distances by broadcasting, argmin labels, per-cluster means with scatter-adds of rows, convergence check; exact dyadic data
import numpy as np


def assign(x, centres):
    d = ((x[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    return d.argmin(axis=1)


def update(x, labels, k):
    # Row selection by a 1-d mask (x[labels == j]) is not compiled yet: members are summed with a loop.
    c = np.zeros((k, x.shape[1]))
    counts = np.zeros(k, dtype=np.int64)
    for i in range(x.shape[0]):
        c[labels[i]] += x[i]
        counts[labels[i]] += 1
    for j in range(k):
        if counts[j] > 0:
            c[j] /= counts[j]
    return c


def kmeans(x, centres, iters):
    for it in range(iters):
        labels = assign(x, centres)
        new = update(x, labels, centres.shape[0])
        print(it, labels, new)
        if (new == centres).all():
            break
        centres = new
    return centres


x = np.array(((0.0, 0.0), (0.5, 0.0), (0.0, 0.5), (4.0, 4.0), (4.5, 4.0), (4.0, 4.5), (8.0, 0.0)))
print(kmeans(x, np.array(((0.0, 0.0), (8.0, 0.0))), 5))
