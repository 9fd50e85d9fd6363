# Covers: np.finfo / np.iinfo of every float and integer type (and of complex types, a.dtype, a number and a name):
# their attributes (values and types), str and repr, use in expressions, and the errors for the wrong kind of type
import numpy as np


def show_float(info):
    if True:
        print(info.bits, info.eps, info.epsneg, info.iexp, info.machep, info.max, info.maxexp, info.min, info.minexp)
        print(info.negep, info.nexp, info.nmant, info.precision, info.resolution, info.tiny, info.smallest_normal)
        print(info.smallest_subnormal, info.dtype, type(info.bits).__name__)
        print(repr(info))
        print(info)


def floats():
    show_float(np.finfo(np.float64))
    show_float(np.finfo(np.float32))
    print(type(np.finfo(np.float32).eps).__name__, np.finfo(np.complex64).dtype, np.finfo(np.complex128).eps, np.finfo(1.0).max, np.finfo("float32").tiny)


def show_int(info):
    print(info.bits, info.min, info.max, info.dtype, info.kind)
    print(repr(info))
    print(info)


def ints():
    show_int(np.iinfo(np.int8))
    show_int(np.iinfo(np.int16))
    show_int(np.iinfo(np.int32))
    show_int(np.iinfo(np.int64))
    show_int(np.iinfo(np.uint8))
    show_int(np.iinfo(np.uint16))
    show_int(np.iinfo(np.uint32))
    show_int(np.iinfo(np.uint64))
    print(np.iinfo(3).max, np.iinfo(np.zeros(2, np.int16).dtype).min)


def in_code(a, x):
    tol = np.finfo(a.dtype).eps * 4
    small = a[np.abs(a) < tol]
    big = np.iinfo(np.int32).max
    scaled = x * np.finfo(np.float32).resolution
    if np.iinfo(np.int16).bits == 16:
        print("bits folded")
    return small, big + 1, scaled, np.clip(a, np.finfo(np.float64).min, np.iinfo(np.int8).max)


def errors(k):
    try:
        if k == 0:
            np.finfo(np.int64)
        else:
            np.iinfo(np.float64)
    except ValueError as e:
        print("ValueError", e)


floats()
ints()
print(in_code(np.array([1e-17, 0.5, -1e-20, 300.0]), 3.0))
print(in_code(np.array([1e-9, 0.5], np.float32), 2.0))
errors(0)
errors(1)


def errors_more(k):
    try:
        if k == 0:
            np.iinfo(np.bool_)
        else:
            np.iinfo(np.complex64)
    except ValueError as e:
        print("ValueError", e)


errors_more(0)
errors_more(1)
