# Covers: uint8 image arithmetic: wrapping add, saturating add via int16 and clip, brightness scaling with float then astype, thresholding, inversion
import numpy as np


def wrap_add(img, v):
    return img + v


def saturating_add(img, v):
    return np.clip(img.astype(np.int16) + v, 0, 255).astype(np.uint8)


def scale(img, f):
    return (img * f).astype(np.uint8)


def threshold(img, t):
    return np.where(img > t, 255, 0).astype(np.uint8)


img = np.arange(0, 256, 32, dtype=np.uint8).reshape(2, 4)
print(img, wrap_add(img, 100), saturating_add(img, 100), saturating_add(img, -100))
print(scale(img, 0.5), scale(img, 1.0), threshold(img, 100), 255 - img, ~img)
print(img.dtype, wrap_add(img, 100).dtype, (img * 2).dtype, (img * 2.0).dtype, (img // 3).dtype, img.mean())
