"""C functions called from compiled code with their address baked in (issue 11, item 1): sharpjit.extern by library
and symbol, ctypes library functions and CFUNCTYPE callbacks read from globals, the same declaration under
`sharpjit run`, and exported code linking against the library by symbol."""
import ctypes
import math
import subprocess

import pytest

import sharpjit
from conftest import PYTHON, REPO, module_from_source

SOURCE = '''
import ctypes
import sharpjit

cbrt = sharpjit.extern("libm.so.6", "cbrt", "float64(float64)")
libc = ctypes.CDLL(None)
labs = libc.labs
labs.argtypes = [ctypes.c_long]
labs.restype = ctypes.c_long
untyped = libc.abs
calls = []


def py_scale(x, k):
    calls.append(k)
    return x * k + 0.5


scale = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double, ctypes.c_int64)(py_scale)


@sharpjit.jit
def total(n):
    s = 0.0
    for i in range(n):
        s += cbrt(i * 1.5)
    return s


@sharpjit.jit
def absolute(x):
    return labs(x)


@sharpjit.jit
def through_callback(n):
    s = 0.0
    for i in range(n):
        s += scale(1.5, i)
    return s


@sharpjit.jit
def calls_untyped(x):
    return untyped(x)


@sharpjit.jit
def wrong_arity(x):
    return cbrt(x, x)
'''


@pytest.fixture(scope="module")
def mod(tmp_path_factory):
    return module_from_source(SOURCE, tmp_path_factory.mktemp("extern"), "extern_module")


def test_extern_by_library_and_symbol(mod):
    assert mod.total(1000) == sum(math.cbrt(i * 1.5) for i in range(1000))
    assert mod.cbrt(8.0) == 2.0                          # callable from Python too, through ctypes
    # The address is a constant in the code: no lookup at run time.
    ir = mod.total.inspect_llvm(("int64",))
    assert f"inttoptr (i64 {mod.cbrt.address} to ptr)" in ir


def test_ctypes_library_function_and_callback(mod):
    assert mod.absolute(-42) == 42
    mod.calls.clear()
    assert mod.through_callback(5) == sum(1.5 * i + 0.5 for i in range(5))
    assert mod.calls == [0, 1, 2, 3, 4]                  # the Python function ran once per call, in order


def test_clear_errors(mod):
    with pytest.raises(sharpjit.errors.TypingError, match="without argtypes"):
        mod.calls_untyped(-1)
    with pytest.raises(sharpjit.errors.TypingError, match=r"cbrt\(\) takes 1 argument \(2 given\)"):
        mod.wrong_arity(1.0)
    with pytest.raises(ValueError, match="has no symbol 'cbrtz'"):
        sharpjit.extern("libm.so.6", "cbrtz", "float64(float64)")


SCRIPT = '''import sharpjit

cbrt = sharpjit.extern("libm.so.6", "cbrt", "float64(float64)")
labs = sharpjit.extern("libc.so.6", "labs", "int64(int64)")


def main():
    s = 0.0
    for i in range(100):
        s += cbrt(i * 0.5)
    print(s, labs(-7), cbrt(27.0))


main()
'''


def test_the_same_declaration_under_sharpjit_run(tmp_path):
    script = tmp_path / "uses_extern.py"
    script.write_text(SCRIPT)
    py = subprocess.run([PYTHON, str(script)], capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "python")})
    sj = subprocess.run([str(REPO / "sharpjit"), "run", str(script)], capture_output=True, text=True)
    assert py.returncode == 0 and sj.returncode == 0, (py.stderr, sj.stderr)
    assert sj.stdout == py.stdout


def test_exported_code_links_against_the_library_by_symbol(tmp_path):
    source = tmp_path / "kern.py"
    source.write_text('import sharpjit\ncbrt = sharpjit.extern("libm.so.6", "cbrt", "float64(float64)")\n\n\n'
                      'def root_sum(x):\n    return cbrt(x) + cbrt(2.0 * x)\n')
    files = sharpjit.export(source, ["root_sum:float64(float64)"], tmp_path / "kern")
    assert "declare double @cbrt(double)" in open(files["ll"]).read()
    driver = tmp_path / "main.c"
    driver.write_text('#include <stdio.h>\n#include <stdint.h>\n#include "kern.h"\n'
                      'int main(void) { double r; if (root_sum(27.0, &r)) return 1; printf("%.17g\\n", r); return 0; }\n')
    exe = tmp_path / "main"
    subprocess.run(["clang-19", "-O2", "-I", str(tmp_path), str(driver), files["o"], "-lm", "-o", str(exe)], check=True)
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    assert float(out) == math.cbrt(27.0) + math.cbrt(54.0)
