"""sharpjit.export from Python and `sharpjit export` on the command line: the files, a C program linked with the
object printing what CPython prints, AArch64 objects, and refusals."""
import shutil
import subprocess

import pytest

import sharpjit
from conftest import REPO, run_python

KERNELS = REPO / "tests" / "export" / "kernels.py"
FUNCTIONS = {
    "series": "float64(float64, int64)", "fib": "int64(int64)", "collatz": "int64(int64)",
    "describe": "int64(float64, int64)", "checked_div": "int64(int64, int64)", "flag": "bool(float64, float64, float64)",
    "narrow": "int32(int32, int32)", "nothing": "void(int64)", "guarded": "int64(int64, int64)",
}
needs_clang = pytest.mark.skipif(shutil.which("clang-19") is None, reason="clang-19 is not installed")


@needs_clang
def test_export_from_python_links_into_a_c_program(tmp_path):
    files = sharpjit.export(KERNELS, FUNCTIONS, tmp_path / "kernels")
    assert sorted(files) == ["bc", "h", "ll", "o", "so"]
    exe = tmp_path / "driver"
    subprocess.run(["clang-19", "-O2", "-I", str(tmp_path), str(REPO / "tests" / "export" / "driver.c"), files["o"], "-lm",
                    "-o", str(exe)], check=True)
    c = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    py = run_python([REPO / "tests" / "export" / "driver.py"])
    assert py.returncode == 0, py.stderr
    assert c == py.stdout


ARRAY_FUNCTIONS = {
    "saxpy": "void(float64, float64[::1], float64[::1])", "total": "float64(float64[:, :])",
    "scale_rows": "float64(float64[:, ::1], float64[::1])", "norm": "float64(float64[:])",
    "column_sums": "float64(float64[::1, :], float64[::1])", "count_above": "int64(int32[:], int64)",
    "at": "float64(float64[::1], int64)", "doubled": "float64[::1](float64[::1])", "tail": "float64[:](float64[::1])",
    "grid": "float64[:, ::1](float64[::1], float64[::1])",
}


@needs_clang
def test_exported_functions_take_arrays_as_numpy_describes_them(tmp_path):
    # C passes data, shape and strides in bytes; loops, whole-array expressions (their temporaries from the carried
    # runtime), reductions, bounds and broadcast errors behave as under CPython with NumPy arrays.
    files = sharpjit.export(REPO / "tests" / "export" / "arrays.py", ARRAY_FUNCTIONS, tmp_path / "arrays")
    header = open(files["h"]).read()
    assert "typedef struct { double *data; int64_t shape[2]; int64_t strides[2]; } sj_array_float64_2d;" in header
    assert "int32_t count_above(const sj_array_int32_1d * a, int64_t limit, int64_t *result);" in header
    assert "int32_t grid(const sj_array_float64_1d * a, const sj_array_float64_1d * b, sj_result_float64_2d *result);" in header
    assert "void arrays_release(void *owner);" in header
    exe = tmp_path / "driver"
    # (count_arrays.c counts the runtime's array blocks: every temporary and every released result is freed)
    subprocess.run(["clang-19", "-O2", "-Wall", "-Werror", "-I", str(tmp_path), str(REPO / "tests" / "export" / "arrays_driver.c"),
                    str(REPO / "tests" / "export" / "count_arrays.c"), files["o"], "-lm", "-Wl,--wrap=aligned_alloc", "-Wl,--wrap=free",
                    "-o", str(exe)], check=True)
    c = subprocess.run([str(exe)], capture_output=True, text=True, check=True)
    py = run_python([REPO / "tests" / "export" / "arrays_driver.py"])
    assert py.returncode == 0, py.stderr
    assert c.stdout == py.stdout
    assert c.stderr == "live arrays: 0\n"
    # Strides that break a declared order, and negative dimensions, are refused before the function runs.
    (tmp_path / "bad.c").write_text("""#include <stdio.h>
#include "arrays.h"
int main(void) {
    double m[6] = {0}, v[3] = {0}, r;
    sj_array_float64_2d T = {m, {3, 2}, {8, 24}}, N = {m, {-1, 2}, {16, 8}};
    sj_array_float64_1d V = {v, {3}, {8}}, W = {v, {2}, {8}};
    printf("%d %s\\n", scale_rows(&T, &V, &r), arrays_last_error());
    printf("%d %s\\n", scale_rows(&N, &W, &r), arrays_last_error());
    return 0;
}
""")
    subprocess.run(["clang-19", "-O2", "-I", str(tmp_path), str(tmp_path / "bad.c"), files["o"], "-lm", "-o", str(tmp_path / "bad")], check=True)
    out = subprocess.run([str(tmp_path / "bad")], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["1 ValueError: scale_rows(): array 'm' is declared float64[:, ::1] and must be C-contiguous (strides falling to the "
                   "item size, in bytes); declare it float64[:, :] for any strides",
                   "1 ValueError: scale_rows(): array 'm' has a negative dimension"]


def test_exported_array_signatures_are_checked(tmp_path):
    arrays = REPO / "tests" / "export" / "arrays.py"
    with pytest.raises(TypeError, match=r"returns float \(float64\), not the declared float64\[:\]"):
        sharpjit.export(arrays, {"norm": "float64[:](float64[:])"}, tmp_path / "a")
    with pytest.raises(TypeError, match=r"returns an array \(array\(float64, 1d, C\)\): declare it as the return type \(float64\[::1\]\)"):
        sharpjit.export(arrays, {"doubled": "void(float64[::1])"}, tmp_path / "b")
    with pytest.raises(TypeError, match=r"not the declared float64\[:, :\]"):
        sharpjit.export(arrays, {"tail": "float64[:, :](float64[::1])"}, tmp_path / "d")
    with pytest.raises(TypeError, match=r"'float64\[::1, ::1\]' is not an array type"):
        sharpjit.export(arrays, {"norm": "float64(float64[::1, ::1])"}, tmp_path / "c")


def test_export_accepts_a_list_and_a_jit_function(tmp_path, make_module):
    m = make_module("import sharpjit\n@sharpjit.jit\ndef twice(x):\n    return 2 * x\n")
    files = sharpjit.export(m.twice, ["twice:int64(int64)"], tmp_path / "twice")
    assert "int32_t twice(int64_t x, int64_t *result);" in open(files["h"]).read()
    if shutil.which("llc-19"):
        subprocess.run(["llc-19", "-filetype=obj", files["ll"], "-o", str(tmp_path / "x.o")], check=True)


def test_aarch64_from_python(tmp_path):
    files = sharpjit.export(KERNELS, {"fib": "int64(int64)", "series": "float64(float64, int64)"}, tmp_path / "arm",
                            target="aarch64-linux-gnu")
    out = subprocess.run(["llvm-objdump-19", "-f", files["o"]], capture_output=True, text=True, check=True).stdout
    assert "elf64-littleaarch64" in out and "architecture: aarch64" in out


def test_cli_export_for_aarch64(tmp_path):
    r = subprocess.run([str(REPO / "sharpjit"), "export", str(KERNELS), "--function", "fib:int64(int64)",
                        "--function", "describe:int64(float64, int64)", "--target", "aarch64-linux-gnu",
                        "-o", str(tmp_path / "k")], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "k.h").exists() and (tmp_path / "k.so").exists() and (tmp_path / "k.ll").exists()
    out = subprocess.run(["llvm-objdump-19", "-d", str(tmp_path / "k.o")], capture_output=True, text=True, check=True).stdout
    assert "file format elf64-littleaarch64" in out and "<fib>:" in out
    # The recursion guard's jmp_buf is sized for AArch64's glibc.
    assert "jmpbuf_wide" in (tmp_path / "k.ll").read_text() or "[512 x i8]" in (tmp_path / "k.ll").read_text()


def test_value_checks_merge_for_x86_64_only(tmp_path):
    # Checks on values in a row become one branch (Llvm/ValueChecks.cs) between the halves of x86-64's default<O3>;
    # other targets add passes of their own to it (AArch64's loop-idiom-vectorize), so they run it whole, unmerged.
    src = tmp_path / "checks.py"
    src.write_text("import math\n\ndef f(x):\n    return math.log(x) / (x - 1.0) + math.exp(x) / math.sqrt(x)\n")
    x86 = sharpjit.export(src, {"f": "float64(float64)"}, tmp_path / "x86")
    arm = sharpjit.export(src, {"f": "float64(float64)"}, tmp_path / "arm", target="aarch64-linux-gnu")
    assert "which_check" in open(x86["ll"]).read()
    assert "which_check" not in open(arm["ll"]).read() and "sj.value_check" in open(arm["ll"]).read()


def test_cli_errors(tmp_path):
    def run(*args):
        return subprocess.run([str(REPO / "sharpjit"), "export", *map(str, args)], capture_output=True, text=True, timeout=300)
    r = run(KERNELS, "--function", "fib:int64(int64)")
    assert r.returncode == 2 and "export needs -o OUT" in r.stderr
    r = run(KERNELS, "--function", "fib", "-o", tmp_path / "x")
    assert r.returncode == 2 and "--function takes NAME:SIGNATURE" in r.stderr
    r = run(KERNELS, "--function", "fib:int64(int64)", "--target", "mips-linux-gnu", "-o", tmp_path / "x")
    assert r.returncode == 2 and "unsupported export target 'mips-linux-gnu'" in r.stderr
    src = tmp_path / "g.py"
    src.write_text("import math\n\ndef g(x):\n    return math.gamma(x)\n")
    r = run(src, "--function", "g:float64(float64)", "-o", tmp_path / "g")
    assert r.returncode == 1
    assert "UnsupportedError: exported code needs only libc and libm" in r.stderr and "math.gamma (in g())" in r.stderr
    assert "Traceback" not in r.stderr and "Exception" not in r.stderr


def test_python_errors(tmp_path):
    with pytest.raises(TypeError, match="no module-level function named 'nope'"):
        sharpjit.export(KERNELS, {"nope": "int64(int64)"}, tmp_path / "x")
    with pytest.raises(TypeError, match="invalid C signature"):
        sharpjit.export(KERNELS, {"fib": "int64(int64"}, tmp_path / "x")
    src = tmp_path / "g.py"
    src.write_text("import math\n\ndef g(x):\n    return math.lgamma(x)\n")
    with pytest.raises(sharpjit.errors.UnsupportedError, match=r"math\.lgamma \(in g\(\)\)"):
        sharpjit.export(src, {"g": "float64(float64)"}, tmp_path / "g")


def test_export_a_module_of_jit_functions_for_aarch64(tmp_path, make_module):
    m = make_module("import sharpjit\n\nSCALE = 3\n\n@sharpjit.jit\ndef scaled(x):\n    return SCALE * x\n\ndef plain(n):\n    return n + 1\n")
    files = sharpjit.export(m, {"scaled": "int64(int64)", "plain": "int64(int64)"}, tmp_path / "mod", target="aarch64-linux-gnu")
    out = subprocess.run(["llvm-objdump-19", "-f", files["o"]], capture_output=True, text=True, check=True).stdout
    assert "aarch64" in out
    assert "int32_t plain(int64_t n, int64_t *result);" in open(files["h"]).read()


@needs_clang
def test_cpu_native_export_runs(tmp_path):
    files = sharpjit.export(KERNELS, {"series": "float64(float64, int64)", "fib": "int64(int64)"}, tmp_path / "nat", cpu="native")
    (tmp_path / "n.c").write_text('#include <stdio.h>\n#include "nat.h"\nint main(void) { double d; int64_t k; series(0.5, 100, &d); '
                                  'fib(20, &k); printf("%.17g %ld\\n", d, (long)k); return 0; }\n')
    subprocess.run(["clang-19", "-I", str(tmp_path), str(tmp_path / "n.c"), files["o"], "-lm", "-o", str(tmp_path / "n")], check=True)
    out = subprocess.run([str(tmp_path / "n")], capture_output=True, text=True, check=True).stdout
    import sys
    sys.path.insert(0, str(KERNELS.parent))
    try:
        import kernels
        assert out == "%.17g %d\n" % (kernels.series(0.5, 100), kernels.fib(20))
    finally:
        sys.path.remove(str(KERNELS.parent))
