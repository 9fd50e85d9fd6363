# Covers: 3x3 box blur on uint8 and float32 images with slices (sum of 9 shifted views), integer division, clip and astype back to uint8
import numpy as np


def blur_float(img):
    out = img.copy()
    acc = np.zeros((img.shape[0] - 2, img.shape[1] - 2), dtype=img.dtype)
    for di in range(3):
        for dj in range(3):
            acc += img[di:di + img.shape[0] - 2, dj:dj + img.shape[1] - 2]
    out[1:-1, 1:-1] = acc / 9
    return out


def blur_u8(img):
    wide = img.astype(np.int32)
    acc = np.zeros((img.shape[0] - 2, img.shape[1] - 2), dtype=np.int32)
    for di in range(3):
        for dj in range(3):
            acc += wide[di:di + img.shape[0] - 2, dj:dj + img.shape[1] - 2]
    out = img.copy()
    out[1:-1, 1:-1] = np.clip(acc // 9, 0, 255).astype(np.uint8)
    return out


img = (np.arange(36).reshape(6, 6) * 7 % 256).astype(np.uint8)
print(blur_u8(img))
print(blur_float(np.arange(25, dtype=np.float32).reshape(5, 5) * 9))
