"""Shared helpers for the sharpjit Python-extension tests.

Run: cd <repo> && PYTHONPATH=<repo>/python /usr/bin/python3 -m pytest tests/python -q
"""
import importlib.util
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TESTS_PYTHON = Path(__file__).resolve().parent
PROGRAMS = REPO / "tests" / "programs"
# Debian's interpreter: the one with numpy and pytest, and the one the corpus is defined against.
PYTHON = "/usr/bin/python3"

# Every compilation in the tests (in this process and in children) verifies its IR after each pass.
os.environ["SHARPJIT_VERIFY_IR"] = "1"

# Child interpreters run NumPy without its AVX-512 loops: on a machine that has AVX-512, NumPy 1.24 computes exp, log,
# sin, power and the rest with SVML, a few ulps from libm (CPython's math); compiled code mirrors the loops NumPy runs
# (Library/NumPyDispatch.cs reads the same variable), so the differential programs compare libm's bits on any machine.
# Tests in this process keep NumPy as it runs here (test_vector_math.py compares libmvec with its SIMD loops).
# Only features this NumPy dispatches to and the machine has may be named.
NUMPY_WITHOUT_AVX512 = subprocess.run(
    [PYTHON, "-c", "from numpy.core._multiarray_umath import __cpu_features__ as f, __cpu_dispatch__ as d; "
     "print(' '.join(x for x in d if f.get(x) and x.startswith('AVX512')))"],
    capture_output=True, text=True, env={k: v for k, v in os.environ.items() if k != "NPY_DISABLE_CPU_FEATURES"},
    check=True).stdout.strip()

# Importable from every test (and from subprocesses, which get the same PYTHONPATH).
for path in (str(REPO / "python"), str(TESTS_PYTHON)):
    if path not in sys.path:
        sys.path.insert(0, path)


def assert_same_as_numpy(got, want):
    """Equal to the bit, or within a few ulps where NumPy runs its SVML loops in this process (AVX-512: its exp, log,
    sin ... round differently from libm and from the libmvec that compiled code calls there)."""
    import numpy as np
    from numpy.core._multiarray_umath import __cpu_features__
    if __cpu_features__.get("AVX512_SKX") and "AVX512_SKX" not in os.environ.get("NPY_DISABLE_CPU_FEATURES", ""):
        np.testing.assert_allclose(got, want, rtol=1e-15, atol=0)
    else:
        np.testing.assert_array_equal(got, want)


def subprocess_env(**extra):
    """The environment for a child interpreter: sharpjit and the test helpers importable."""
    pythonpath = os.pathsep.join([str(REPO / "python"), str(TESTS_PYTHON)])
    env = {**os.environ, "PYTHONPATH": pythonpath, "NPY_DISABLE_CPU_FEATURES": NUMPY_WITHOUT_AVX512}
    env.pop("SHARPJIT_DISABLE_JIT", None)
    env.update(extra)
    return env


def run_python(args, timeout=120, cwd=None, **env_extra):
    """Runs /usr/bin/python3 with args; returns the CompletedProcess (text mode, output captured)."""
    return subprocess.run([PYTHON, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          cwd=cwd or REPO, env=subprocess_env(**env_extra))


def module_from_source(source, directory, name):
    """Writes source to directory/name.py and imports it as a module of its own (compiled functions read their source
    from the file)."""
    path = Path(directory) / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def make_module(tmp_path):
    """make_module(source) writes source to a fresh .py file and imports it (a private module object).

    Compiled functions read their source through inspect, so they must live in a real file; a module of its
    own keeps module globals that a test rebinds away from every other test."""
    def make(source, name=None):
        return module_from_source(source, tmp_path, name or f"sharpjit_test_{uuid.uuid4().hex[:12]}")
    return make


def unchecked_copy(f):
    """A versioned loop's unchecked copy in f's optimised LLVM IR: its blocks, and whether a bounds-check failure can
    be reached from them (meaningful in a function with one loop, where the checked copy cannot be)."""
    blocks = {}
    for text in f.inspect_llvm(f.signatures[0]).split("\n\n"):
        label = re.match(r"([\w.]+):", text)
        if label:
            blocks[label.group(1)] = text
    mine = [name for name in blocks if ".unchecked" in name]
    seen, work = set(), list(mine)
    while work:
        name = work.pop()
        if name in seen or name not in blocks:
            continue
        seen.add(name)
        work += re.findall(r"label %([\w.]+)", blocks[name].split("\n", 1)[1])
    return mine, any("sj_index_error" in blocks[name] for name in seen)
