"""np.tanh in compiled code equals NumPy 1.24's bit for bit (fuzz-4).

NumPy computes float64 and float32 tanh with its own SIMD kernel (loops_hyperbolic.dispatch.c.src) on CPUs with
AVX2 and FMA3 (or AVX512_SKX), not with libm's tanh, which differs by an ulp or two for about a third of arguments;
sharpjit ports that kernel (src/SharpJit/Library/NumPyTanh.cs). NumPy uses the same loop for a Python float, a
NumPy scalar and an array element, so the scalar path and the array path must both match.
"""
import math

import numpy as np
import pytest

import sharpjit

FEATURES = np.core._multiarray_umath.__cpu_features__
SIMD = (FEATURES.get("AVX2") and FEATURES.get("FMA3")) or FEATURES.get("AVX512_SKX")
N = 100_000

pytestmark = pytest.mark.skipif(
    not SIMD or not np.__version__.startswith("1.24."),
    reason="NumPy 1.24's SIMD tanh needs AVX2+FMA3 or AVX512_SKX (elsewhere both use libm's tanh)")


@sharpjit.jit
def tanh_array(a):
    return np.tanh(a)


@sharpjit.jit
def tanh_scalars(a, out):
    for i in range(a.shape[0]):
        out[i] = np.tanh(a[i])
    return out


@sharpjit.jit
def tanh_float(x):
    return np.tanh(x)


def special(dtype):
    info = np.finfo(dtype)
    values = [0.0, -0.0, math.inf, -math.inf, math.nan, -math.nan, info.tiny, -info.tiny, info.tiny / 4, -info.tiny / 4,
              info.max, -info.max, info.max / 2, info.eps, 1.0, -1.0, 0.5, 19.0, 20.0, 22.0, 22.5, 40.0, 1e-300, 1e300]
    # the subinterval boundaries of both kernels, and their neighbours
    edges = [2.0 ** (k / 8) for k in range(-80, 80)] + [0.125 * (1 + j / 8) * 2.0 ** k for k in range(-3, 6) for j in range(8)]
    values += edges + [-v for v in edges]
    values = np.array([v for v in values if not math.isfinite(v) or abs(v) <= info.max], dtype=dtype)
    with np.errstate(over="ignore"):
        values = np.concatenate([values, np.nextafter(values, np.inf), np.nextafter(values, -np.inf)])
    # NaNs with a payload and either sign
    width = {8: np.uint64, 4: np.uint32}[values.itemsize]
    top = 0xFFF8 << 48 if values.itemsize == 8 else 0xFFC0 << 16
    nans = np.array([top | 0x123, (top | 0x123) & ~(1 << (values.itemsize * 8 - 1)), top, top - 1], dtype=width).view(dtype)
    return np.concatenate([values, nans])


def arguments(dtype, seed):
    rng = np.random.default_rng(seed)
    parts = [rng.uniform(-20, 20, N), rng.uniform(-1, 1, N // 10),
             np.exp(rng.uniform(-745, 709, N // 10)) * rng.choice([-1.0, 1.0], N // 10)]
    with np.errstate(over="ignore"):
        return np.concatenate([special(dtype)] + [p.astype(dtype) for p in parts])


def assert_bits_equal(args, got, want):
    assert got.dtype == want.dtype
    width = {8: np.uint64, 4: np.uint32}[want.dtype.itemsize]
    gb, wb = got.view(width), want.view(width)
    # NaNs too: NumPy's kernel gives its positive quiet NaN for any NaN (libm's tanh keeps sign and payload)
    bad = np.flatnonzero(gb != wb)
    assert bad.size == 0, f"{bad.size} of {want.size} differ, e.g. " + ", ".join(
        f"tanh({x!r}) = {g!r}, NumPy {w!r}" for x, g, w in zip(args[bad[:5]], got[bad[:5]], want[bad[:5]]))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_tanh_array_matches_numpy(dtype):
    a = arguments(dtype, 1)
    assert_bits_equal(a, tanh_array(a), np.tanh(a))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_tanh_scalars_match_numpy(dtype):
    a = arguments(dtype, 2)
    assert_bits_equal(a, tanh_scalars(a, np.empty_like(a)), np.tanh(a))


def test_tanh_python_float():
    # the fuzz-4 reproducer's values: libm's tanh gives 0.99627207622075 and 0.7615941559137676
    assert tanh_float(3.141592653589793) == 0.9962720762207499
    assert tanh_float(0.9999999999) == 0.7615941559137674
    xs = arguments(np.float64, 3)[:3000]
    got = np.array([tanh_float(float(x)) for x in xs])
    assert_bits_equal(xs, got, np.tanh(xs))


def test_compiled_with_numpys_kernel():
    tanh_float(0.5)
    tanh_array(np.zeros(3, dtype=np.float32))
    ir = "\n".join(tanh_float.inspect_llvm().values()) + "\n".join(tanh_array.inspect_llvm().values())
    assert "sj.np_tanh_lut64" in ir and "sj.np_tanh_lut32" in ir
    assert "@tanh(" not in ir   # no call of libm's


@pytest.mark.skipif(not FEATURES.get("AVX512F"), reason="the vector form of the kernel is for AVX-512")
@pytest.mark.parametrize("dtype, lanes", [(np.float64, 8), (np.float32, 16)])
def test_array_loops_call_the_vector_kernel(dtype, lanes):
    # An array's loop calls the kernel's vector form, lanes at a time (each table row read by vpermi2var, as NumPy's
    # AVX-512 loop reads it); test_tanh_array_matches_numpy checks its bits.
    @sharpjit.jit
    def tanh_of(a):
        return np.tanh(a)

    a = arguments(dtype, 4)
    assert_bits_equal(a, tanh_of(a), np.tanh(a))
    ir = tanh_of.inspect_llvm(tanh_of.signatures[0])
    name = "sj.np_tanh_f64" if dtype == np.float64 else "sj.np_tanh_f32"
    assert f"@{name}.v{lanes}(" in ir
    # the vector form is inlined into the loop after vectorisation (always-inline at the end of the pipeline)
    entry = ir[ir.index("_entry("):]
    entry = entry[:entry.index("\n}\n")]
    assert "@llvm.x86.avx512.vpermi2var" in entry and f"@{name}.v{lanes}(" not in entry
