"""`with sharpjit.objmode(y="float64"):` blocks (issue 11, item 1), as Numba's objmode: the block runs as Python with
the variables it reads passed in (arrays without a copy) and the declared variables typed on the way out; its
exceptions are Python's own, with the block's real lines in the traceback. Under `sharpjit run` (no CPython) the
block is compiled like the code around it. Results are checked against the same function run by CPython."""
import resource
import subprocess
import traceback

import numpy as np
import pytest

import sharpjit
from conftest import PYTHON, REPO


def python_median(values):
    return sorted(values)[len(values) // 2]


def running_medians(x, n):
    total = 0.0
    label = ""
    for i in range(n):
        y = x * 2 + i
        with sharpjit.objmode(m="float64", label="str"):
            m = python_median([y, 3.0, -1.0])
            label = f"<{m:.2f}>"
        total += m
    return total, label


def test_scalars_and_str_in_and_out_match_python():
    jitted = sharpjit.jit(running_medians)
    assert jitted(0.75, 5) == running_medians(0.75, 5)


def test_array_argument_is_passed_without_a_copy():
    @sharpjit.jit
    def f(a):
        s = a.sum()
        with sharpjit.objmode(m="float64", k="int64"):
            m = float(np.median(a))
            k = a.size
            a[0] = 100.0                     # the caller's memory
        return s + m + k + a[0]
    a = np.arange(5.0)
    assert f(a) == 10.0 + 2.0 + 5 + 100.0
    assert a[0] == 100.0


def test_array_made_in_compiled_code_is_seen_by_python():
    @sharpjit.jit
    def f(n):
        b = np.arange(n) * 3
        with sharpjit.objmode(text="str"):
            text = repr(b.tolist())
        return text
    assert f(4) == repr([0, 3, 6, 9])


def divide(x):
    with sharpjit.objmode(y="float64"):
        y = 1.0 / x
    return y


jit_divide = sharpjit.jit(divide)


def test_exception_in_the_block_is_pythons_own_with_the_block_lines():
    assert jit_divide(4.0) == 0.25
    with pytest.raises(ZeroDivisionError) as info:
        jit_divide(0.0)
    frames = traceback.extract_tb(info.value.__traceback__)
    assert frames[-1].name == "divide" and frames[-1].line == "y = 1.0 / x"


def test_compiled_code_catches_an_exception_from_the_block():
    @sharpjit.jit
    def f(x):
        try:
            with sharpjit.objmode(y="float64"):
                y = 1.0 / x
        except ZeroDivisionError:
            y = -1.0
        return y
    assert f(0.0) == -1.0 and f(2.0) == 0.5


def test_output_that_does_not_convert_is_a_type_error():
    @sharpjit.jit
    def f(x):
        with sharpjit.objmode(y="float64"):
            y = "text"
        return y
    with pytest.raises(TypeError, match="must be real number, not str"):
        f(1.0)


def test_output_the_block_does_not_assign_is_pythons_error():
    @sharpjit.jit
    def f(x):
        with sharpjit.objmode(y="float64"):
            pass
        return y
    with pytest.raises(NameError):
        f(1.0)


@pytest.mark.parametrize("body, message", [
    ("with sharpjit.objmode('float64'):\n        y = 1.0", "objmode\\(\\) takes only keyword arguments"),
    ("with sharpjit.objmode(y=float):\n        y = 1.0", "declares each variable with its type as a string"),
    ("with sharpjit.objmode(y='blob'):\n        y = 1.0", "unknown type 'blob' for 'y'"),
])
def test_declaration_errors(tmp_path, body, message):
    path = tmp_path / "bad_objmode.py"
    path.write_text(f"import sharpjit\n\n@sharpjit.jit\ndef f(x):\n    {body}\n    return y\n")
    namespace = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    with pytest.raises(sharpjit.errors.TypingError, match=message):
        namespace["f"](1.0)


def test_string_outputs_do_not_leak():
    @sharpjit.jit
    def f(n):
        k = 0
        for i in range(n):
            with sharpjit.objmode(s="str"):
                s = "x" * 1000
            k += len(s)
        return k
    f(1000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert f(100_000) == 100_000_000
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 20, f"max RSS grew {grown_mb:.0f} MB over 100,000 str outputs of 1 KB"


SCRIPT = """import sharpjit


def f(n):
    t = 0.0
    for i in range(n):
        with sharpjit.objmode(y="float64"):
            y = i / 2
        t += y
    return t


print(f(10))
"""


def test_sharpjit_run_compiles_the_block(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(SCRIPT)
    expected = subprocess.run([PYTHON, str(script)], capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "python")})
    got = subprocess.run([str(REPO / "sharpjit"), "run", str(script)], capture_output=True, text=True)
    assert got.stdout == expected.stdout == "22.5\n", (got.stderr, expected.stderr)


def test_string_outputs_belong_to_compiled_code():
    # They outlive the call: the dispatcher must not free them as it frees the strings it made for arguments.
    @sharpjit.jit
    def f(n):
        out = []
        for i in range(n):
            with sharpjit.objmode(s="str"):
                s = f"item {i} " * 3
            out.append(s)
        return out
    assert f(200) == [f"item {i} " * 3 for i in range(200)]
