# Covers: sin/cos/tan/arcsin/arccos/arctan/arctan2/hypot/deg2rad/rad2deg/degrees/radians on arrays, out-of-domain values, inf, nan
import numpy as np


def trig(x):
    print(np.sin(x), np.cos(x), np.tan(x))
    print(np.arcsin(x), np.arccos(x), np.arctan(x))


def close32(x):
    # float32 loops: NumPy's SIMD kernels may be 1 ulp off the correctly rounded result that compiled code gives.
    y = x.astype(np.float32)
    for r, e in ((np.sin(y), np.sin(x)), (np.cos(y), np.cos(x)), (np.tan(y), np.tan(x)), (np.arctan(y), np.arctan(x))):
        same = (np.abs(r - e) <= 1e-6 * np.abs(e) + 1e-7) | (np.isnan(r) & np.isnan(e))
        print(r.dtype, same)


def pairs(y, x):
    print(np.arctan2(y, x), np.hypot(y, x))


t = np.array((0.0, 0.5, -0.5, 1.0, -1.0, 2.0, np.inf, np.nan))
trig(t)
close32(t)
print(np.sin(np.arange(4)), np.cos(np.arange(3, dtype=np.int32)), np.arctan(np.arange(3, dtype=np.uint32)).dtype)
z = np.array((0.0, -0.0, 1.0, -1.0, np.inf, -np.inf))
pairs(z, np.zeros(6))
pairs(z, -np.ones(6))
pairs(np.ones(6), z)
# float32 arctan2: NumPy's AVX-512 kernel (SVML) may be an ulp off the correctly rounded value: compared, not printed.
y32, x32 = np.array((0.0, 3.0, -4.0), dtype=np.float32), np.array((1.0, 4.0, 3.0), dtype=np.float32)
a32 = np.arctan2(y32, x32)
print(a32.dtype, np.abs(a32 - np.arctan2(y32.astype(np.float64), x32.astype(np.float64))) <= 1e-7, np.hypot(y32, x32))
pairs(np.arange(4).reshape(2, 2), np.arange(2))
a = np.array((0.0, 90.0, 180.0, 360.0, -45.0))
print(np.deg2rad(a), np.radians(a), np.rad2deg(np.deg2rad(a)), np.degrees(np.array((np.pi, -np.pi / 2))))
