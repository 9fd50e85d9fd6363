# Covers: the bitwise ufuncs by name (bitwise_and/or/xor, invert/bitwise_not, left_shift/right_shift with NumPy's
# out-of-range and negative counts, also through << and >> on arrays), the logical ufuncs (logical_and/or/xor/not on
# bool, int, float with NaN and complex), their reduce/accumulate, out=, np.real/np.imag/iscomplexobj/isrealobj/
# iscomplex/isreal, np.angle (deg=) and np.divmod on arrays and numbers
import numpy as np


def bitwise():
    a = np.array([12, -7, 0, 255, 1 << 40])
    b = np.array([10, 3, -1, 15, 7])
    print(np.bitwise_and(a, b), np.bitwise_or(a, b), np.bitwise_xor(a, b))
    print(np.bitwise_and(a, 6), np.bitwise_or(3, b), np.bitwise_xor(a, -1))
    print(np.invert(a), np.bitwise_not(b), ~a)
    t = np.array([True, False, True, False])
    u = np.array([True, True, False, False])
    print(np.bitwise_and(t, u), np.bitwise_or(t, u), np.bitwise_xor(t, u), np.invert(t), np.bitwise_not(u))
    print(np.bitwise_and(t, 3), np.bitwise_or(t, True))
    n8 = np.array([-128, -1, 0, 127], np.int8)
    u8 = np.array([0, 1, 128, 255], np.uint8)
    r = np.bitwise_and(n8, u8)
    print(r.dtype, r, np.invert(u8).dtype, np.invert(u8), np.invert(n8))
    r = np.bitwise_xor(u8, np.uint8(170))
    print(r.dtype, r)
    print(np.bitwise_and(12, 10), np.bitwise_or(True, False), np.bitwise_xor(5, 3), np.invert(5), np.invert(True), np.invert(False))
    out = np.zeros(5, np.int64)
    np.bitwise_or(a, b, out=out)
    print(out)
    print(np.bitwise_or.reduce(b), np.bitwise_and.reduce(a), np.bitwise_xor.reduce(np.arange(10)))
    print(np.bitwise_xor.accumulate(np.arange(1, 7)), np.bitwise_and.accumulate(np.array([7, 6, 12])))


def shifts():
    a = np.array([1, -8, 5, -1, 3])
    s = np.array([-1, 64, 2, 65, 63])
    print(np.left_shift(a, s), np.right_shift(a, s))
    print(a << s, a >> s)
    print(np.left_shift(a, 3), np.right_shift(a, 1), np.left_shift(1, np.arange(0, 70, 10)))
    print(np.left_shift(5, -2), np.right_shift(-5, 100), np.right_shift(5, 100), np.left_shift(3, 4))
    n8 = np.array([1, -128, 64, -3], np.int8)
    print(np.left_shift(n8, np.int8(1)), np.right_shift(n8, np.int8(9)), (n8 << np.int8(7)).dtype)
    u64 = np.array([2**63, 1, 2**64 - 1], np.uint64)
    print(np.right_shift(u64, np.uint64(1)), np.left_shift(u64, np.uint64(63)), np.right_shift(u64, np.uint64(64)))
    b = np.array([1, 2, 3])
    b <<= np.array([1, -1, 64])
    print(b)
    b = np.array([-16, 16])
    b >>= 70
    print(b)


def logical():
    x = np.array([0.0, -0.0, 1.5, np.nan, -2.0])
    y = np.array([1.0, 0.0, 0.0, 0.0, np.inf])
    print(np.logical_and(x, y), np.logical_or(x, y), np.logical_xor(x, y), np.logical_not(x))
    i = np.array([0, 3, -1, 0])
    print(np.logical_and(i, 1), np.logical_or(i, 0), np.logical_xor(i, i > 0), np.logical_not(i))
    z = np.array([0j, 1j, 1 + 0j, complex(0, np.nan)])
    print(np.logical_not(z), np.logical_and(z, True), np.logical_or(z, 0.0))
    t = np.array([True, False, True])
    print(np.logical_and(t, ~t), np.logical_or(t, False), np.logical_not(t))
    print(np.logical_and(2, 0.5), np.logical_or(0, 0.0), np.logical_xor(1j, 0), np.logical_not(np.nan), np.logical_not(0))
    print(np.logical_or.reduce(np.arange(3) > 5), np.logical_and.reduce(t), np.logical_or.accumulate(np.array([False, True, False])))
    out = np.ones(5, np.bool_)
    np.logical_and(x, y, out=out)
    print(out)
    f32 = np.array([0.0, 2.5], np.float32)
    print(np.logical_not(f32).dtype, np.logical_xor(f32, np.array([1, 1], np.uint8)))


def complex_parts():
    z = np.array([1 + 2j, -3j, -2 + 0j, 0j])
    x = np.array([1.5, -2.0, 0.0])
    i = np.array([3, -4])
    print(np.real(z), np.imag(z), np.real(x), np.imag(x), np.real(i), np.imag(i).dtype)
    print(np.real(2.5), np.imag(2.5), np.real(1 - 2j), np.imag(1 - 2j), np.real(7), np.imag(7))
    print(np.real([1.0, 2.0]), np.imag((1j, 2j)))
    print(np.iscomplexobj(z), np.iscomplexobj(x), np.iscomplexobj(1j), np.iscomplexobj(1.0), np.isrealobj(z), np.isrealobj(i), np.isrealobj(2))
    print(np.iscomplex(z), np.iscomplex(x), np.isreal(z), np.isreal(x), np.iscomplex(1 + 0j), np.iscomplex(2j), np.isreal(3.0))
    z64 = z.astype(np.complex64)
    print(np.real(z64).dtype, np.iscomplexobj(z64), np.iscomplex(z64))


def angles():
    z = np.array([1 + 1j, -1j, -2 + 0j, complex(-1, -0.0), 0j])
    print(np.angle(z), np.angle(z, deg=True), np.angle(z, True))
    print(np.angle(np.array([1.0, -1.0, -0.0, 0.0])), np.angle(np.array([3, -3])), np.angle(np.array([-2.0], np.float32)).dtype)
    print(np.angle(z.astype(np.complex64)).dtype, np.angle(1j), np.angle(-1.0), np.angle(-1.0, deg=True), np.angle(5))
    deg = len(z) > 3
    print(np.angle(z, deg))


def divmods():
    a = np.array([7, -7, 7, -7, 0, 5])
    b = np.array([2, 2, -2, -2, 3, 4])
    q, r = np.divmod(a, b)
    print(q, r)
    print(np.divmod(a, 3), np.divmod(20, b))
    x = np.array([7.5, -7.5, 1.0, -0.0, 1e300])
    print(np.divmod(x, 2.0), np.divmod(x, np.array([-2.0, 2.0, 0.5, 3.0, 2.0])))
    print(np.divmod(7, 2), np.divmod(-7, 2), np.divmod(7.5, -2.0), np.divmod(np.array([9], np.uint8), np.array([4], np.uint8))[0].dtype)


bitwise()
shifts()
logical()
complex_parts()
angles()
divmods()
