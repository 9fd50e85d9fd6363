# Covers: 3-d image arrays (h, w, 3): grayscale by weights over the last axis (broadcast multiply + sum(axis=2), and @), channel slices, per-channel means
import numpy as np


def gray_sum(img, w):
    return (img * w).sum(axis=2)


def gray_matmul(img, w):
    h = img.shape[0]
    out = np.zeros((h, img.shape[1]))
    for i in range(h):
        out[i] = img[i] @ w
    return out


def channel_stats(img):
    print(img[..., 0].mean(), img[:, :, 1].max(), img[..., 2].min(), img.mean(axis=(0)).shape)


img = np.arange(24, dtype=np.float64).reshape(2, 4, 3) * 8
w = np.array((0.25, 0.5, 0.25))
a = gray_sum(img, w)
b = gray_matmul(img, w)
print(a, (a == b).all())
channel_stats(img)
print(gray_sum(np.ones((1, 2, 3), dtype=np.float32), np.array((1.0, 2.0, 3.0), dtype=np.float32)))
