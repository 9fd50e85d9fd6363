"""NumPy's transcendental ufuncs on arrays call glibc's libmvec (several values per call, within a few ulps of libm, as
NumPy's own SIMD loops are); ufuncs of numbers and the math module keep libm's bits; SHARPJIT_VECTOR_MATH=0 turns it off."""
import math
import os
import subprocess

import numpy as np
import pytest

from conftest import PYTHON, subprocess_env

HAS_LIBMVEC = os.path.exists("/lib/x86_64-linux-gnu/libmvec.so.1")

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


@pytest.mark.skipif(not HAS_LIBMVEC, reason="glibc's libmvec is not installed")
def test_array_loops_call_libmvec_and_numbers_keep_libm(tmp_path):
    vectorised, numbers_vectorised, close, numbers_exact = run(tmp_path)
    assert vectorised == "True"
    assert numbers_vectorised == "False"
    assert close == "True"
    assert numbers_exact == "True"


def test_switched_off(tmp_path):
    vectorised, _, close, numbers_exact = run(tmp_path, SHARPJIT_VECTOR_MATH="0", SHARPJIT_CACHE_DIR=str(tmp_path / "cache"))
    assert vectorised == "False"
    assert close == "True" and numbers_exact == "True"
