"""@sharpjit.stencil against Numba's @stencil, the reference for its semantics (CPython cannot run a stencil):
tests/stencil/stencil_kernels.py printed by Numba, by `sharpjit run` (no CPython), from Python, and through the
decorator runner (a compiled function calling a stencil); and the kernel errors Numba reports, as compile errors
with the place in the source."""
import subprocess

import numpy as np
import pytest

import sharpjit
from conftest import PYTHON, REPO, module_from_source, run_python, subprocess_env

KERNELS = REPO / "tests" / "stencil" / "stencil_kernels.py"
RUNNER = REPO / "tests" / "python" / "jit_runner.py"


@pytest.fixture(scope="module")
def numba_output(tmp_path_factory):
    pytest.importorskip("numba")
    script = tmp_path_factory.mktemp("numba") / "stencil_kernels.py"
    script.write_text(KERNELS.read_text().replace("from sharpjit import stencil", "from numba import stencil"))
    done = run_python([script], timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_kernels_from_python_match_numba(numba_output):
    done = run_python([KERNELS], timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout == numba_output


def test_kernels_called_from_compiled_code_match_numba(numba_output):
    done = run_python([RUNNER, KERNELS], timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout == numba_output


def test_kernels_under_sharpjit_run_match_numba(numba_output):
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)
    done = subprocess.run([str(REPO / "sharpjit"), "run", str(KERNELS)], capture_output=True, text=True, timeout=600,
                          env=subprocess_env())
    assert done.returncode == 0, done.stderr
    assert done.stdout == numba_output


BAD_KERNELS = '''
import numpy as np
import sharpjit


@sharpjit.stencil
def moving(a, k):
    return a[k] - a[0]


@sharpjit.stencil
def writes(a):
    a[0] = 1.0
    return a[1]


@sharpjit.stencil
def rank(a):
    return a[0, 1] + a[1]


@sharpjit.stencil
def reserved(a, out):
    return a[0]


@sharpjit.stencil
def whole(a):
    return a[-1:1]


@sharpjit.stencil
def gives_array(a, b):
    return a[0] * b


def plain(a):
    return a[-1] + a[1]


later = sharpjit.stencil(plain)
'''


@pytest.mark.parametrize("name, message, caret", [
    ("moving", "stencil kernel index is not constant, 'neighborhood' option required", "k"),
    ("writes", "Assignments to arrays passed to stencil kernels is not allowed.", "a[0]"),
    ("rank", "Stencil index does not match array dimensionality.", "1"),
    ("reserved", "Cannot use the reserved word 'out' in stencil kernels.", "out"),
    ("whole", "a stencil kernel indexes its arrays with an offset per dimension, not a slice", "-1:1"),
    ("gives_array", "a stencil kernel returns a number; this one returns numpy.ndarray", None),
    ("later", "sharpjit.stencil reads the options of 'plain' from its decorator", None),
])
def test_kernel_errors_are_compile_errors_at_their_place(tmp_path, name, message, caret):
    module = module_from_source(BAD_KERNELS, tmp_path, "bad_kernels")
    args = (np.arange(5.0), np.arange(5.0)) if name in ("gives_array", "reserved") else (np.arange(5.0), 1) if name == "moving" else (np.arange(5.0),)
    if name == "rank":
        args = (np.ones((3, 3)),)
    with pytest.raises((sharpjit.errors.TypingError, sharpjit.errors.UnsupportedError)) as info:
        getattr(module, name)(*args)
    text = str(info.value)
    assert message in text
    if caret is not None:
        assert f"\n    " in text and caret in text.split(message)[0]


def test_options_are_checked_as_numba_checks_them():
    with pytest.raises(ValueError, match="^Unknown stencil option boundary$"):
        sharpjit.stencil(boundary="wrap")
    with pytest.raises(ValueError, match="^Unsupported mode style reflect$"):
        sharpjit.stencil("reflect")


PARALLEL_KERNELS = '''
import os
import threading
import time
import numpy as np
import sharpjit


@sharpjit.callback("int64(int64)")
def thread_id(i):
    time.sleep(0.002)   # long enough that the pool's other threads take chunks
    return threading.get_ident()


@sharpjit.stencil
def which_thread(a):
    return thread_id(a[0])


@sharpjit.stencil
def laplace(a):
    return a[-1, 0] + a[1, 0] + a[0, -1] + a[0, 1] - 4.0 * a[0, 0]


@sharpjit.jit(parallel=True)
def threads_parallel(a):
    return which_thread(a)


@sharpjit.jit
def threads_serial(a):
    return which_thread(a)


@sharpjit.jit(parallel=True)
def laplace_parallel(a):
    return laplace(a)


@sharpjit.jit
def laplace_serial(a):
    return laplace(a)
'''


def test_kernels_called_with_parallel_true_run_their_loops_on_the_thread_pool(make_module):
    # Numba runs a stencil in a parallel=True function as a parfor; here the caller gets the kernel's loops with the
    # outermost one a prange (Binding/Stencils.cs). The results are the serial ones, the border included.
    import os
    m = make_module(PARALLEL_KERNELS)
    a = np.random.default_rng(1).random((300, 301))
    assert np.array_equal(m.laplace_parallel(a), m.laplace_serial(a))
    assert np.array_equal(m.laplace_parallel(a), m.laplace(a))
    assert "sj_prange_run" in "".join(m.laplace_parallel.inspect_llvm().values())
    assert "sj_prange_run" not in "".join(m.laplace_serial.inspect_llvm().values())
    ids = np.arange(48)
    assert len(set(m.threads_serial(ids)[1:-1].tolist())) == 1
    if (os.cpu_count() or 1) > 1 and os.environ.get("SHARPJIT_NUM_THREADS", "") in ("", "0"):
        assert len(set(m.threads_parallel(ids)[1:-1].tolist())) > 1
