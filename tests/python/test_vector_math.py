"""On a CPU with AVX-512 NumPy's transcendental ufuncs on arrays call glibc's libmvec (several values per call, within a
few ulps of libm, as NumPy's own SIMD loops there are); without AVX-512 they call libm, as NumPy's loops do there; ufuncs
of numbers and the math module keep libm's bits; SHARPJIT_VECTOR_MATH=0 turns it off."""
import math
import os
import subprocess

import numpy as np
import pytest

from conftest import PYTHON, subprocess_env as _subprocess_env


def subprocess_env(**extra):
    # NumPy as it runs on this CPU: these tests compare libmvec's results with NumPy's own SIMD loops (conftest.py
    # turns NumPy's AVX-512 loops off in other children).
    env = _subprocess_env(**extra)
    if "NPY_DISABLE_CPU_FEATURES" not in extra:
        env.pop("NPY_DISABLE_CPU_FEATURES", None)
    return env

def _cpu_flags():
    with open("/proc/cpuinfo") as f:
        return next((line.split(":", 1)[1].split() for line in f if line.startswith("flags")), [])


# libmvec is called where NumPy 1.24 runs SIMD code of its kind: on CPUs with AVX-512 (Codegen/VectorMath.cs).
HAS_AVX512 = "avx512f" in _cpu_flags()
LIBMVEC_INSTALLED = os.path.exists("/lib/x86_64-linux-gnu/libmvec.so.1")
HAS_LIBMVEC = LIBMVEC_INSTALLED and HAS_AVX512

PROBE = '''
import math, sys
import numpy as np
import sharpjit

@sharpjit.jit
def arrays(a):
    return np.sin(a) + np.exp(-a) + np.log1p(a)

@sharpjit.jit
def numbers(x, y):
    return np.sin(x) + np.sin(y), math.exp(x) + math.exp(y)

a = np.linspace(0.01, 30.0, 10001)
r = arrays(a)
s = numbers(0.5, 1.5)
asm_arrays = " ".join(arrays.inspect_asm().values())
asm_numbers = " ".join(numbers.inspect_asm().values())
ref = np.array([math.sin(v) + math.exp(-v) + math.log1p(v) for v in a])
ulps = np.abs(r - ref) / np.spacing(np.abs(ref))
print("_ZGV" in asm_arrays, "_ZGV" in asm_numbers, float(ulps.max()) <= 8,
      s == (math.sin(0.5) + math.sin(1.5), math.exp(0.5) + math.exp(1.5)))
'''


def run(tmp_path, **env):
    path = tmp_path / "vector_math_probe.py"
    path.write_text(PROBE)
    r = subprocess.run([PYTHON, str(path)], capture_output=True, text=True, env=subprocess_env(**env), timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


@pytest.mark.skipif(not HAS_LIBMVEC, reason="glibc's libmvec is not installed, or the CPU has no AVX-512")
def test_array_loops_call_libmvec_and_numbers_keep_libm(tmp_path):
    vectorised, numbers_vectorised, close, numbers_exact = run(tmp_path)
    assert vectorised == "True"
    assert numbers_vectorised == "False"
    assert close == "True"
    assert numbers_exact == "True"


@pytest.mark.skipif(HAS_AVX512, reason="with AVX-512 NumPy's loops are SIMD code, not libm")
def test_without_avx512_array_loops_give_numpys_libm_bits(tmp_path):
    # NumPy 1.24 runs its float64 sin, exp, log1p ... through libm where the CPU has no AVX-512: so do compiled loops.
    path = tmp_path / "libm_bits_probe.py"
    path.write_text('''
import numpy as np
import sharpjit

@sharpjit.jit
def f(a):
    return np.sin(a), np.cos(a), np.exp(a), np.log1p(a), np.arctan(a), np.cbrt(a)

a = np.abs(np.sin(np.arange(2000) * 1.7)) * 100
print(all(np.array_equal(g, w) for g, w in zip(f(a), (np.sin(a), np.cos(a), np.exp(a), np.log1p(a), np.arctan(a), np.cbrt(a)))))
print("_ZGV" in " ".join(f.inspect_asm().values()))
''')
    r = subprocess.run([PYTHON, str(path)], capture_output=True, text=True, env=subprocess_env(), timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["True", "False"]


@pytest.mark.skipif(not LIBMVEC_INSTALLED, reason="glibc's libmvec is not installed")
def test_fastmath_calls_libmvec_on_any_cpu(tmp_path):
    # fastmath=True trades NumPy's last bits for speed: libmvec's forms on any CPU it has them for.
    path = tmp_path / "fastmath_probe.py"
    path.write_text('''
import numpy as np
import sharpjit

@sharpjit.jit(fastmath=True)
def f(a):
    return np.sin(a) + np.exp(-a)

a = np.linspace(0.01, 30.0, 10001)
r = f(a)
ref = np.sin(a) + np.exp(-a)
print("_ZGV" in " ".join(f.inspect_asm().values()), bool(np.allclose(r, ref, rtol=1e-14, atol=1e-15)))
''')
    r = subprocess.run([PYTHON, str(path)], capture_output=True, text=True, env=subprocess_env(), timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["True", "True"]


def test_switched_off(tmp_path):
    vectorised, _, close, numbers_exact = run(tmp_path, SHARPJIT_VECTOR_MATH="0", SHARPJIT_CACHE_DIR=str(tmp_path / "cache"))
    assert vectorised == "False"
    assert close == "True" and numbers_exact == "True"


PROBE2 = '''
import math
import numpy as np
import sharpjit

@sharpjit.jit
def two(a, b):
    return np.arctan2(a, b), np.power(a, b), np.arctan2(a.astype(np.float32), b.astype(np.float32))

rng = np.random.default_rng(1)
a = rng.uniform(-5, 5, 4001)
b = rng.uniform(-3, 3, 4001)
specials = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 2.0, -2.5, 1e-310, 1e308]
sa = np.array([x for x in specials for _ in specials])
sb = np.array([y for _ in specials for y in specials])
at, pw, at32 = two(a, b)
asm = " ".join(two.inspect_asm().values())
ref_at = np.array([math.atan2(x, y) for x, y in zip(a, b)])
ref_pw = np.array([x ** y if x > 0 or float(y).is_integer() else math.nan for x, y in zip(a, b)])
ok = np.isfinite(ref_pw)
ulps_at = np.abs(at - ref_at) / np.spacing(np.abs(ref_at))
ulps_pw = np.abs(pw[ok] - ref_pw[ok]) / np.spacing(np.abs(ref_pw[ok]))
with np.errstate(all="ignore"):
    s_at, s_pw, _ = two(sa, sb)
    same = np.array_equal(s_at, np.arctan2(sa, sb), equal_nan=True) and np.array_equal(s_pw, np.power(sa, sb), equal_nan=True)
    signs = np.array_equal(np.signbit(s_at), np.signbit(np.arctan2(sa, sb)))
print("vv_atan2" in asm, "vv_pow" in asm, float(ulps_at.max()) <= 8, float(ulps_pw.max()) <= 8, bool(np.isnan(pw[~ok]).all()),
      same and signs, at32.dtype == np.float32)
'''


@pytest.mark.skipif(not HAS_LIBMVEC, reason="glibc's libmvec is not installed, or the CPU has no AVX-512")
def test_arctan2_and_power_call_libmvec_with_ieee_special_values(tmp_path):
    # np.arctan2 and np.power (a non-constant exponent too) of arrays call libmvec's two-argument variants (arctan2 of
    # 1,000,000 float64 was 9x NumPy's time one libm call at a time); special values (zeros of either sign,
    # infinities, NaN, subnormals, negative bases) give NumPy's results.
    path = tmp_path / "vector_math_two.py"
    path.write_text(PROBE2)
    r = subprocess.run([PYTHON, str(path)], capture_output=True, text=True, env=subprocess_env(), timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["True"] * 7, r.stdout


SIN_COS = '''
import math
import sharpjit


@sharpjit.jit
def sin_cos_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += math.sin(a[i]) * math.cos(a[i])
    return s
'''


def test_math_sin_and_cos_of_one_element_become_one_sincos_call(make_module):
    # libm's calls in the math module read no memory (errno is never read) and sin/cos check their argument before
    # the call: LLVM loads a[i] once, sin and cos land in one block, and Llvm/SinCosPairs.cs makes them one sincos
    # call (glibc's gives sin's and cos's bits).
    m = make_module(SIN_COS)
    a = np.concatenate([np.linspace(-30.0, 30.0, 1001), [1e22, -3e300, 5e-324]])
    assert m.sin_cos_sum(a) == m.sin_cos_sum.py_func(a)   # libm's bits, in the same order
    blocks = m.sin_cos_sum.inspect_llvm(m.sin_cos_sum.signatures[0]).split("\n\n")
    with_sin = [b for b in blocks if "@sincos(" in b and "call" in b]   # the loop's body (and its unrolled remainder)
    assert with_sin and all("load double, ptr %" in b for b in with_sin)
    asm = m.sin_cos_sum.inspect_asm(m.sin_cos_sum.signatures[0])
    assert "sincos@PLT" in asm and "\tsin@PLT" not in asm and "\tcos@PLT" not in asm
    with pytest.raises(ValueError, match="math domain error"):
        m.sin_cos_sum(np.array([1.0, math.inf]))


def _widest_libmvec_form():
    flags = open("/proc/cpuinfo").read().split()
    return "_ZGVeN8" if "avx512f" in flags else "_ZGVdN4" if "avx2" in flags else "_ZGVbN2"


@pytest.mark.skipif(not HAS_LIBMVEC, reason="glibc's libmvec is not installed, or the CPU has no AVX-512")
def test_loops_calling_libmvec_take_its_widest_form(make_module):
    # LLVM's cost model rated the vector calls no better than the scalar ones: this loop stayed scalar (libm per element,
    # 9x the time), and with a multiplication more it took the 2-lane forms.
    m = make_module('''
import numpy as np
import sharpjit

@sharpjit.jit
def mixed(a, b):
    return np.sin(a) * np.exp(b) + np.arctan2(a, b)
''')
    rng = np.random.default_rng(5)
    a, b = rng.random(1000), rng.random(1000)
    np.testing.assert_allclose(m.mixed(a, b), m.mixed.py_func(a, b), rtol=1e-14)
    ir = "".join(m.mixed.inspect_llvm().values())
    widest = _widest_libmvec_form()
    for call in ("v_sin", "v_exp", "vv_atan2"):
        calls = [line for line in ir.splitlines() if "call" in line and "@_ZGV" in line and call + "(" in line]
        assert calls and all(widest in line for line in calls), calls
