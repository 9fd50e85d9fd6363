# Covers: array-array result dtypes across every pair family: signed/unsigned mixes, int+float32, uint64+int64, complex64+float64
import numpy as np


def show(x):
    print(x.dtype, x)


def pairs():
    i8 = np.arange(1, 4, dtype=np.int8)
    i16 = np.arange(1, 4, dtype=np.int16)
    i32 = np.arange(1, 4, dtype=np.int32)
    i64 = np.arange(1, 4, dtype=np.int64)
    u8 = np.arange(1, 4, dtype=np.uint8)
    u16 = np.arange(1, 4, dtype=np.uint16)
    u32 = np.arange(1, 4, dtype=np.uint32)
    u64 = np.arange(1, 4, dtype=np.uint64)
    f32 = np.arange(1, 4, dtype=np.float32)
    f64 = np.arange(1, 4, dtype=np.float64)
    c64 = np.arange(1, 4, dtype=np.complex64)
    b = np.arange(3) > 0
    show(i8 + u8)
    show(i16 + u16)
    show(i32 + u32)
    show(i64 + u64)
    show(u8 + u16)
    show(u32 + i8)
    show(i16 + f32)
    show(i32 + f32)
    show(u16 * f32)
    show(i64 * f32)
    show(c64 + f64)
    show(c64 * f32)
    show(c64 + i32)
    show(b + i8)
    show(b + u8)
    show(b * f32)
    show(u64 - i8)
    show(i8 / i8)
    show(u8 / f32)
    show(i16 // u8)


pairs()
