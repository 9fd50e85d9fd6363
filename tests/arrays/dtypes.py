# Covers: NumPy 1.24 result dtypes: array-array promotion, value-based Python scalars, float32 staying float32
import numpy as np


def show(x):
    print(x.dtype, x)


def promotions():
    i8 = np.arange(4, dtype=np.int8)
    i32 = np.arange(4, dtype=np.int32)
    u8 = np.arange(4, dtype=np.uint8)
    f32 = np.arange(4, dtype=np.float32)
    f64 = np.arange(4, dtype=np.float64)
    show(i8 + i8)
    show(i8 + u8)
    show(i8 + 1)
    show(i32 * 2)
    show(i32 + f32)
    show(f32 * 2.0)
    show(f32 + f64)
    show(f32 / 3)
    show(i32 / 2)
    show(u8 + i32)
    show(f32 * 0.1)
    show(i8 * 2.5)
    show(np.sqrt(f32))
    show(np.sqrt(i32))
    show(np.sqrt(np.arange(4, dtype=np.int16)))
    show(i8 > 1)
    show(f32.astype(np.int16))
    show(i32.astype(np.float32) / 7)


promotions()
