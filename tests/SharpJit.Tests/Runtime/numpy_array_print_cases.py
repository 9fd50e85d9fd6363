"""Cases for NumPyArrayFormatTests: arrays built deterministically, printed by NumPy 1.x itself.

Prints one JSON object per line: name, dtype, shape, strides (bytes), offset (of element 0 in data), data (the raw
bytes the view spans, in hex, read from the array's own memory) and NumPy's str() and repr() of the array.
Run with /usr/bin/python3 (Debian's Python 3.11 with NumPy 1.24).
"""
import ctypes
import json
import sys

import numpy as np

np.seterr(all='ignore')  # float32 casts of out-of-range values overflow to inf on purpose

DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
          'float32', 'float64', 'complex64', 'complex128']
INTS = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']
FLOATS = ['float32', 'float64']
COMPLEXES = ['complex64', 'complex128']
nan, inf = float('nan'), float('inf')

cases = []


def add(name, a):
    cases.append((name, a))


def values(dt, n, seed, kind=0):
    """n deterministic values of dtype dt; kind picks a flavour (0: small, 1: full range / wide spread)."""
    rng = np.random.default_rng(seed)
    dt = np.dtype(dt)
    if dt.kind == 'b':
        return rng.integers(0, 2, size=n).astype(bool)
    if dt.kind in 'iu':
        info = np.iinfo(dt)
        if kind == 0:
            lo = 0 if dt.kind == 'u' else -50
            return rng.integers(lo, 100, size=n).astype(dt)
        return rng.integers(info.min, info.max, size=n, dtype=dt, endpoint=True)
    if dt.kind == 'f':
        if kind == 0:
            return (rng.integers(-40, 40, size=n) / 8).astype(dt)
        return (rng.standard_normal(n) * 10.0 ** rng.integers(-3, 4, size=n)).astype(dt)
    re = values('float64', n, seed, kind)
    im = values('float64', n, seed + 1000, kind)
    return (re + 1j * im).astype(dt)


# ---- every dtype in every shape --------------------------------------------------------------------------------
SHAPES = [(), (0,), (1,), (5,), (3, 4), (2, 3, 4), (2, 2, 2, 2), (0, 3), (2, 0), (3, 0, 2), (1, 1, 1), (4, 1)]
for di, dt in enumerate(DTYPES):
    for si, shape in enumerate(SHAPES):
        n = int(np.prod(shape))
        for kind in (0, 1):
            if kind == 1 and (n == 0 or dt == 'bool'):
                continue
            add(f'{dt} {shape} k{kind}', values(dt, n, 100 * di + si, kind).reshape(shape))

# ---- 0-d arrays of special values ------------------------------------------------------------------------------
for dt in FLOATS:
    for v in [0.0, -0.0, 1.0, 1.5, -2.5, 1 / 3, 0.1, 1e-5, 1e-4, 1e8, 1e16, 1e22, 123456789.123, nan, inf, -inf,
              1e300, 3.4028235e38, 1e-45, 16777217.0]:
        add(f'{dt} 0-d {v!r}', np.array(v, dtype=dt))
for dt in COMPLEXES:
    for v in [0j, 1 + 2j, -1.5 - 0.5j, complex(-0.0, 1), complex(0.0, -0.0), complex(1e16, 1), complex(nan, 1),
              complex(1, inf), complex(-inf, nan), 1 / 3 + 2j / 3, 1e-5j, complex(1e20, -1e-20)]:
        add(f'{dt} 0-d {v!r}', np.array(v, dtype=dt))
for dt in INTS:
    info = np.iinfo(dt)
    for v in [0, 1, info.min, info.max]:
        add(f'{dt} 0-d {v}', np.array(v, dtype=dt))
add('bool 0-d True', np.array(True))
add('bool 0-d False', np.array(False))

# ---- floating point rules --------------------------------------------------------------------------------------
FLOAT_LISTS = [
    [0.1, 0.2, 0.3], [1.0, 2.0, 3.0], [1 / 3, 2 / 3], [1.5, 2.25, -3.125], [1e-5, 1.0], [1e8, 1.0],
    [99999999.0, 1.0], [99999999.5, 1.0], [1e16], [1e-4, 1.0], [0.0001, 0.1], [1.0, 1000.0], [1.0, 1001.0],
    [1.0, 1000.5], [0.001, 1.0], [0.00099, 1.0], [nan], [inf], [-inf], [nan, inf, -inf], [nan, 1.5], [-inf, 1.5],
    [inf, 1e-10], [-0.0], [-0.0, 0.0], [0.0], [0.0, 0.0], [0.0, -1.0], [1e300, 1e-300], [5e-324],
    [1.7976931348623157e308], [12345678.123456789], [123456789.0], [0.123456789123], [1.001953125, 1.0],
    [2.5, 3.5], [9.9999999999, 1.5e-5], [0.0, 1e-5], [1e100, 1.0], [-1e-100, 1.0], [1e-5, -1e5], [-1.5, nan],
    [nan, -inf, 1e10], [1.23456789e-5, 1.1], [0.5, 1e10], [1.0, nan], [-nan, 1.0], [0.1 + 0.2, 0.3],
    [1e-4, 1e-4 * 1.5], [9.999999999e-5, 1.0], [3.14159265358979, 2.718281828459045, -1.4142135623730951],
    [1e15, 1.0], [1e7, 0.5], [1e7, 0.05], [1234.5678, 0.0001], [0.99999999999, 1.0], [0.999999995, 0.5],
    [100.0, 200.0, 300.5], [-0.0, nan, inf], [nan, nan], [inf, inf, -inf], [1e-300, 0.0, -1e-300],
    [7.0e-5, 7.5e-5, 1.0e-4], [0.00012345, 0.5], [5.0, 5e-324], [1e22, 1e21], [1e-8], [1.0e-9, 2.0e-9],
    [123456.7, 1.0], [65504.0, 0.5], [4e-5, 0.0, nan], [1 / 7] * 3, [2.0 ** 53, 1.0], [2.0 ** 53 + 2, -1.0],
]
for i, lst in enumerate(FLOAT_LISTS):
    for dt in FLOATS:
        add(f'{dt} list{i} {lst!r}', np.array(lst, dtype=dt))

FLOAT32_LISTS = [
    [0.1], [16777217.0], [16777216.0, 1.0], [3.4028235e38], [1e-45], [0.1, 0.2, 0.3], [1e-4, 1.0], [1 / 3],
    [1e-4], [np.float32(1e-4) * 1.0000001, 1.0], [1e8, 1.0], [99999992.0, 1.0], [1.17549435e-38, 1.0],
    [0.3, 1000.0], [np.float32(0.3) * 1000, 0.3], [2.0 ** 24 + 2, 0.5],
]
for i, lst in enumerate(FLOAT32_LISTS):
    add(f'float32 f32list{i} {lst!r}', np.array(lst, dtype=np.float32))

COMPLEX_LISTS = [
    [1 + 2j, 3 - 4j], [1.5 + 0j, -2.25j], [complex(nan, 1), complex(1, nan)], [complex(inf, 0), complex(1, -inf)],
    [complex(-inf, nan)], [1e-5 + 1j], [1e10 + 1e-10j], [0j], [complex(-0.0, -0.0)], [complex(nan, nan), 1j],
    [1 / 3 + 1j / 7, -2.5 + 100j], [complex(1, 1e-5), complex(1000, 1)], [complex(inf, inf), complex(-1, -1)],
    [1e20 + 1j, 1 + 1e20j], [0.1 + 0.2j, 0.3 - 0.4j, -0.5 + 0.6j], [complex(1, -0.0), complex(-1, 0.0)],
]
for i, lst in enumerate(COMPLEX_LISTS):
    for dt in COMPLEXES:
        add(f'{dt} clist{i} {lst!r}', np.array(lst, dtype=dt))

# random bit patterns (subnormals, nan payloads, infinities) and long fractions cut at 8 digits
for i in range(12):
    rng = np.random.default_rng(7000 + i)
    bits64 = rng.integers(0, 2 ** 64, size=6, dtype=np.uint64, endpoint=False)
    bits32 = rng.integers(0, 2 ** 32, size=6, dtype=np.uint64).astype(np.uint32)
    add(f'float64 bit patterns {i}', bits64.view(np.float64))
    add(f'float32 bit patterns {i}', bits32.view(np.float32))
    add(f'complex128 bit patterns {i}', np.concatenate([bits64, bits64[::-1]]).view(np.complex128))
for k in range(-4, 8):
    rng = np.random.default_rng(7100 + k)
    for dt in FLOATS:
        add(f'{dt} positional 10**{k}', (rng.uniform(1, 900, size=6) * 10.0 ** k).astype(dt))
        add(f'{dt} negative positional 10**{k}', (rng.uniform(-900, -1, size=4) * 10.0 ** k).astype(dt))
    for dt in COMPLEXES:
        add(f'{dt} positional 10**{k}', (rng.uniform(1, 900, size=4) * 10.0 ** k
                                         + 1j * rng.uniform(-9, 9, size=4) * 10.0 ** (k // 2)).astype(dt))

# ---- integer and bool extremes ---------------------------------------------------------------------------------
for dt in INTS:
    info = np.iinfo(dt)
    add(f'{dt} extremes', np.array([info.min, 0, info.max], dtype=dt))
    add(f'{dt} min only', np.array([info.min, info.min], dtype=dt))
    add(f'{dt} max 2-d', np.array([[info.max, 1], [2, 3]], dtype=dt))
add('int64 mixed widths', np.array([-1, 10, -100, 1000, 5], dtype=np.int64))
add('uint64 huge', np.array([2 ** 64 - 1, 2 ** 63, 1], dtype=np.uint64))
add('bool all true', np.ones(4, dtype=bool))
add('bool all false 2-d', np.zeros((2, 3), dtype=bool))
add('bool mixed 3-d', (np.arange(12) % 5 == 0).reshape(2, 3, 2))

# ---- wrapping of long rows -------------------------------------------------------------------------------------
for dt in DTYPES:
    add(f'{dt} long row', values(dt, 120, 7, 1))
    add(f'{dt} long rows 2-d', values(dt, 3 * 40, 8, 0).reshape(3, 40))
    add(f'{dt} long rows 3-d', values(dt, 2 * 2 * 30, 9, 1).reshape(2, 2, 30))
add('float64 arange 100 * 1.1', np.arange(100) * 1.1)
add('float64 wrap with nan', np.where(np.arange(60) % 7 == 0, nan, np.arange(60) / 3))
add('int64 arange 200', np.arange(200))
add('float64 sci long row', np.arange(1, 50) * 1.5e-7)

# repr lengths where ', dtype=...)' does or does not fit on the last line
for dt in ['int8', 'uint16', 'int32', 'float32', 'complex64', 'uint64', 'float64', 'bool']:
    for n in range(10, 36):
        add(f'{dt} arange {n}', (np.arange(n) % 100).astype(dt))
for n in range(1, 30):
    add(f'uint64 big {n}', np.full(n, 2 ** 64 - 1 - n, dtype=np.uint64))
    add(f'float32 third {n}', (np.arange(1, n + 1) / 3).astype(np.float32))

# ---- summarisation (size > 1000) -------------------------------------------------------------------------------
SUMMARY_SHAPES = [(1000,), (1001,), (10, 100), (7, 143), (1, 1001), (1001, 1), (30, 40), (10, 10, 11), (2, 3, 200),
                  (3, 4, 5, 20), (8, 8, 8, 8), (7, 7, 7, 7), (6, 6, 6, 5), (6, 6, 6, 6), (4, 500), (2, 2, 2, 126)]
for di, dt in enumerate(DTYPES):
    for si, shape in enumerate(SUMMARY_SHAPES):
        if dt not in ('int64', 'float64') and si % 3 != di % 3:
            continue
        n = int(np.prod(shape))
        add(f'{dt} summary {shape}', values(dt, n, 5000 + si, si % 2).reshape(shape))
add('float64 summary sci corners', np.concatenate([[1e-7], np.ones(1000), [1e9]]))
add('float64 summary hidden outlier', np.concatenate([np.ones(500), [1e20], np.ones(500)]))
add('float64 summary nan corner', np.concatenate([[nan], np.arange(1000.0)]))

# ---- non-contiguous views (strides: steps, negative, zero, transposed, offset) ------------------------------------
for di, dt in enumerate(DTYPES):
    base = values(dt, 24, 9000 + di, 1 if dt != 'bool' else 0).reshape(4, 6)
    add(f'{dt} view [::2]', base[::2])
    add(f'{dt} view .T', base.T)
    add(f'{dt} view [::-1]', base[::-1])
    add(f'{dt} view [:, ::-1]', base[:, ::-1])
    add(f'{dt} view [::-2, 1::3]', base[::-2, 1::3])
    add(f'{dt} view [1:, 2:]', base[1:, 2:])
    add(f'{dt} view row [2, ::-1]', base[2, ::-1])
    add(f'{dt} view 0-d [1, 2]', base[1, 2:3].reshape(()))
    b3 = values(dt, 60, 9100 + di, 0).reshape(3, 4, 5)
    add(f'{dt} view 3-d transpose', b3.transpose(2, 0, 1))
    add(f'{dt} view 3-d [::-1, ::2, ::-2]', b3[::-1, ::2, ::-2])
    add(f'{dt} view broadcast', np.broadcast_to(values(dt, 3, 9200 + di, 1), (4, 3)))
    add(f'{dt} view empty [:, 2:2]', base[:, 2:2])
    big = values(dt, 2400, 9300 + di, 1).reshape(40, 60)
    add(f'{dt} view summary [::-1, ::-1]', big[::-1, ::-1])
    add(f'{dt} view summary .T', big.T)


def raw(a):
    """(offset of element 0, bytes spanned by the view) read from the array's memory."""
    if a.size == 0:
        return 0, b''
    lo = sum(min(0, (n - 1) * s) for n, s in zip(a.shape, a.strides))
    hi = sum(max(0, (n - 1) * s) for n, s in zip(a.shape, a.strides)) + a.itemsize
    ptr = a.__array_interface__['data'][0]
    return -lo, ctypes.string_at(ptr + lo, hi - lo)


out = sys.stdout
for name, a in cases:
    offset, data = raw(a)
    out.write(json.dumps({
        'name': name, 'dtype': a.dtype.name, 'shape': list(a.shape), 'strides': list(a.strides),
        'offset': offset, 'data': data.hex(), 'str': str(a), 'repr': repr(a),
    }) + '\n')
