"""sharpjit.prange: Numba's kernels that use prange compile unchanged, through @jit and `sharpjit run`, and the loop
runs as range does (in order, on one thread for now)."""
import subprocess

from conftest import PYTHON, REPO, subprocess_env

PROGRAM = '''
import numpy as np
from sharpjit import prange
import sharpjit


@sharpjit.jit(parallel=True)
def total(a):
    s = 0.0
    for i in prange(len(a)):
        s += a[i] * i
    for i in sharpjit.prange(2, 9, 3):
        s += i
    return s


@sharpjit.jit
def order(n):
    seen = []
    for i in prange(n):
        seen.append(i * i)
    return seen


print(total(np.arange(10.0)), order(5))
'''
EXPECTED = "300.0 [0, 1, 4, 9, 16]\n"


def test_prange_through_jit(tmp_path):
    path = tmp_path / "prange_kernel.py"
    path.write_text(PROGRAM)
    r = subprocess.run([PYTHON, str(path)], capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == EXPECTED


def test_prange_in_sharpjit_run(tmp_path):
    path = tmp_path / "prange_kernel.py"
    path.write_text(PROGRAM)
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)
    r = subprocess.run([str(REPO / "sharpjit"), "run", str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == EXPECTED
