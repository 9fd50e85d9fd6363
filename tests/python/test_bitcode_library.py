"""C functions from LLVM bitcode as a library (issue 11, item 3): sharpjit.load_bitcode("fast.bc") makes the file's
functions callable from compiled code, which links the file into its module before optimisation (LLVM inlines the
C), and from Python; signatures from the file's types or declared; the same under `sharpjit run` and in exported code.
Differential: every function against the same C compiled into a shared library and called through ctypes."""
import ctypes
import json
import shutil
import subprocess
import textwrap

import pytest

import sharpjit
from conftest import PYTHON, REPO, run_python

pytestmark = pytest.mark.skipif(shutil.which("clang-19") is None, reason="needs clang-19")

C_SOURCE = r"""
#include <math.h>
#include <stdbool.h>
#include <stdint.h>

double poly(double x) { return ((2.0 * x + 3.0) * x - 1.0) * x + 0.5; }
double hyp(double x, double y) { return sqrt(x * x + y * y); }
float halve(float x) { return x * 0.5f; }
int addi(int a, int b) { return a + b; }
unsigned char low_byte(long v) { return (unsigned char)v; }
short neg16(short v) { return (short)-v; }
bool is_even(long v) { return v % 2 == 0; }
long count_true(long n, bool flip) { long c = 0; for (long i = 0; i < n; i++) c += (i % 3 == 0) != flip; return c; }
uint32_t mix(uint32_t h, uint32_t v) { return (h ^ v) * 16777619u; }
double sum_array(const double *xs, long n) { double s = 0; for (long i = 0; i < n; i++) s += xs[i]; return s; }
void scale(double *xs, long n, double k) { for (long i = 0; i < n; i++) xs[i] *= k; }
double *first_of(double *xs) { return xs; }
static long calls;
void bump(void) { calls++; }
long bumped(void) { return calls; }
"""


def clang(tmp_path, *args, source=C_SOURCE, name="fast.c"):
    c = tmp_path / name
    c.write_text(source)
    subprocess.run(["clang-19", *args, str(c)], check=True, cwd=tmp_path)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """fast.bc (clang -O2), fast0.ll (-O0, text) and libfast.so (the same C as a shared library)."""
    d = tmp_path_factory.mktemp("bitcode_library")
    clang(d, "-O2", "-emit-llvm", "-c", "-o", "fast.bc")
    clang(d, "-O0", "-emit-llvm", "-S", "-o", "fast0.ll")
    clang(d, "-O2", "-shared", "-fPIC", "-o", "libfast.so")
    return d


@pytest.fixture(scope="module")
def lib(built):
    return sharpjit.load_bitcode(built / "fast.bc")


@pytest.fixture(scope="module")
def so(built):
    so = ctypes.CDLL(str(built / "libfast.so"))
    types = {"poly": (ctypes.c_double, [ctypes.c_double]), "hyp": (ctypes.c_double, [ctypes.c_double] * 2),
             "halve": (ctypes.c_float, [ctypes.c_float]), "addi": (ctypes.c_int, [ctypes.c_int] * 2),
             "low_byte": (ctypes.c_ubyte, [ctypes.c_long]), "neg16": (ctypes.c_short, [ctypes.c_short]),
             "is_even": (ctypes.c_bool, [ctypes.c_long]), "count_true": (ctypes.c_long, [ctypes.c_long, ctypes.c_bool]),
             "mix": (ctypes.c_uint32, [ctypes.c_uint32] * 2)}
    for name, (restype, argtypes) in types.items():
        getattr(so, name).restype, getattr(so, name).argtypes = restype, argtypes
    return so


def test_signatures_read_from_the_bitcode(lib):
    assert lib.functions == {
        "poly": "float64(float64)", "hyp": "float64(float64, float64)", "halve": "float32(float32)",
        "addi": "int32(int32, int32)", "low_byte": "uint8(int64)", "neg16": "int16(int16)", "is_even": "bool(int64)",
        "count_true": "int64(int64, bool)", "mix": "int32(int32, int32)",     # unsigned int: i32, no mark
        "sum_array": None, "scale": None, "first_of": None, "bump": "void()", "bumped": "int64()"}


ARGS = [0, 1, -1, 7, 200, 255, 256, 300, -129, 32767, 32768, 2**31 - 1, -2**31]


def test_calls_from_compiled_code_match_the_shared_library(lib, so):
    @sharpjit.jit
    def evaluate(x, i, j):
        return (lib.poly(x), lib.hyp(x, 2.5), lib.halve(x), lib.addi(i, j), lib.low_byte(i), lib.neg16(i),
                lib.is_even(i), lib.count_true(abs(i) % 1000, i < 0))

    for i in ARGS:
        x = i * 0.37
        got = evaluate(x, i, 3)
        want = (so.poly(x), so.hyp(x, 2.5), so.halve(x), so.addi(i, 3), so.low_byte(i), so.neg16(ctypes.c_short(i).value),
                so.is_even(i), so.count_true(abs(i) % 1000, i < 0))
        assert got[:3] == pytest.approx(want[:3], rel=1e-15) and got[3:] == want[3:], i


def test_calls_from_python_match_the_shared_library(lib, so):
    for i in ARGS:
        assert lib.poly(i * 0.5) == so.poly(i * 0.5)
        assert lib.addi(i, 3) == so.addi(i, 3)
        assert lib.low_byte(i) == so.low_byte(i)
        assert lib.is_even(i) is so.is_even(i)
        assert lib.count_true(10, True) == so.count_true(10, True)
    assert lib.bump() is None
    with pytest.raises(TypeError, match=r"poly\(\) takes 1 "):
        lib.poly(1.0, 2.0)


def test_declared_signatures_say_unsigned(built, so):
    lib = sharpjit.load_bitcode(built / "fast.bc", signatures={"mix": "uint32(uint32, uint32)"})
    assert lib.functions["mix"] == "uint32(uint32, uint32)"

    @sharpjit.jit
    def fnv(n):
        h = 2166136261
        for i in range(n):
            h = lib.mix(h, i)
        return h

    h = 2166136261
    for i in range(1000):
        h = so.mix(h, i)
    assert fnv(1000) == h and lib.mix(2**32 - 1, 5) == so.mix(2**32 - 1, 5)


def test_functions_from_globals_closures_and_the_library_object(lib):
    poly = lib.poly

    @sharpjit.jit
    def from_closure(x):
        return poly(x) + lib.hyp(3.0, 4.0)

    assert from_closure(2.0) == 26.5 + 5.0


def test_pointer_parameters_take_contiguous_arrays(built, so):
    import numpy as np
    lib = sharpjit.load_bitcode(built / "fast.bc", signatures={"sum_array": "float64(CPointer(float64), int64)",
                                                               "scale": "void(CPointer(float64), int64, float64)"})
    so.sum_array.restype, so.sum_array.argtypes = ctypes.c_double, [ctypes.POINTER(ctypes.c_double), ctypes.c_long]

    @sharpjit.jit
    def scaled_sum(a, k):
        lib.scale(a, a.size, k)            # the C writes into the array
        return lib.sum_array(a, a.size)

    for a in (np.arange(10.0), np.ones((3, 4))):
        want = a * 2.5
        got = scaled_sum(a, 2.5)
        assert np.array_equal(a, want)
        assert got == so.sum_array(want.ctypes.data_as(ctypes.POINTER(ctypes.c_double)), want.size)
    assert lib.sum_array(np.arange(4.0), 3) == 3.0                        # from Python too
    with pytest.raises(sharpjit.errors.TypingError, match="argument 1 of scale\\(\\) must be a C-contiguous array of float64"):
        scaled_sum(np.arange(20.0)[::2], 1.0)
    with pytest.raises(sharpjit.errors.TypingError, match="must be a C-contiguous array of float64 .* not an array of int64"):
        scaled_sum(np.arange(5), 1.0)


def optimised_ir(dispatcher):
    [ir] = dispatcher.inspect_llvm().values()
    return ir


def test_llvm_inlines_the_c_into_the_compiled_caller(lib):
    @sharpjit.jit
    def total(n):
        s = 0.0
        for i in range(n):
            s += lib.poly(i * 0.5) + lib.hyp(i * 1.0, 2.0)
        return s

    assert total(100) == pytest.approx(sum(lib.poly(i * 0.5) + lib.hyp(i * 1.0, 2.0) for i in range(100)))
    ir = optimised_ir(total)
    assert "@poly" not in ir and "@hyp" not in ir          # no call, and the copy itself was dropped once inlined
    assert "llvm.sqrt.f64" in ir                            # hyp's body is in the loop


def test_ir_text_compiled_at_O0_is_inlined_too(built):
    lib = sharpjit.load_bitcode(built / "fast0.ll")   # clang -O0 marks every function optnone noinline

    @sharpjit.jit
    def total(n):
        s = 0.0
        for i in range(n):
            s += lib.poly(i * 0.5)
        return s

    assert total(10) == sum(lib.poly(i * 0.5) for i in range(10))
    assert "@poly" not in optimised_ir(total)


def test_compiled_functions_carry_the_code_and_share_the_variables(lib):
    # Both modules define the C's functions (internal, so the JIT sees no clash); its static counter lives once in
    # the process, so every caller, Python's included, sees the same one.
    @sharpjit.jit
    def bump_twice():
        lib.bump()
        lib.bump()
        return lib.bumped()

    @sharpjit.jit
    def bumped_here():
        return lib.bumped()

    start = lib.bumped()
    assert bump_twice() == start + 2 and bump_twice() == start + 4
    lib.bump()
    assert bumped_here() == start + 5 and lib.bumped() == start + 5
    assert "@bump" not in optimised_ir(bump_twice)


def test_unknown_and_unmappable_functions_are_refused_by_name(lib, make_module):
    with pytest.raises(AttributeError, match="fast.bc defines no function 'nope'"):
        lib.nope
    with pytest.raises(TypeError, match=r"'sum_array' of fast.bc has no known signature .*double \(ptr, i64\) has a pointer"):
        lib.sum_array(1, 2)
    m = make_module(textwrap.dedent(f"""
        import sharpjit
        lib = sharpjit.load_bitcode({str(lib.path)!r})

        @sharpjit.jit
        def pointer(n):
            return lib.sum_array(n, n)

        @sharpjit.jit
        def missing(n):
            return lib.nope(n)
    """))
    with pytest.raises(sharpjit.errors.TypingError, match=r"'sum_array' of fast.bc with no known signature.*signatures="):
        m.pointer(1)
    with pytest.raises(sharpjit.errors.TypingError, match="module 'fast.bc' has no attribute 'nope'"):
        m.missing(1)


def test_bad_files_and_signatures(built, tmp_path):
    with pytest.raises(FileNotFoundError):
        sharpjit.load_bitcode(tmp_path / "absent.bc")
    (tmp_path / "junk.bc").write_bytes(b"BC\xc0\xde" + b"\x00" * 40)
    with pytest.raises(ValueError, match="junk.bc is not valid LLVM bitcode"):
        sharpjit.load_bitcode(tmp_path / "junk.bc")
    (tmp_path / "junk.ll").write_text("this is not IR\n")
    with pytest.raises(ValueError, match="junk.ll is not valid LLVM IR text"):
        sharpjit.load_bitcode(tmp_path / "junk.ll")
    clang(tmp_path, "--target=aarch64-linux-gnu", "-O2", "-emit-llvm", "-c", "-o", "arm.bc", source="double f(double x) { return x; }\n",
          name="arm.c")
    with pytest.raises(ValueError, match="arm.bc was compiled for aarch64.*not for this machine"):
        sharpjit.load_bitcode(tmp_path / "arm.bc")
    fast = built / "fast.bc"
    with pytest.raises(ValueError, match=r"float64\(int32\) does not match 'poly' in fast.bc, whose LLVM type is double \(double\)"):
        sharpjit.load_bitcode(fast, signatures={"poly": "float64(int32)"})
    with pytest.raises(ValueError, match="signatures names 'zzz', which fast.bc does not define"):
        sharpjit.load_bitcode(fast, signatures={"zzz": "float64(float64)"})
    with pytest.raises(ValueError, match="the signature of 'first_of'"):
        sharpjit.load_bitcode(fast, signatures={"first_of": "CPointer(float64)(CPointer(float64))"})
    with pytest.raises(TypeError, match="signatures must be a dict"):
        sharpjit.load_bitcode(fast, signatures=[("poly", "float64(float64)")])


CACHED = textwrap.dedent("""
    import json, sharpjit
    lib = sharpjit.load_bitcode("scale.bc")

    @sharpjit.jit(cache=True)
    def kernel(x):
        return lib.scale(x) + 1.0

    print(json.dumps({"result": kernel(2.0), "hits": kernel.cache_hits}))
""")


def test_the_disk_cache_is_keyed_on_the_bitcode_content(tmp_path):
    def build(factor):
        clang(tmp_path, "-O2", "-emit-llvm", "-c", "-o", "scale.bc", source=f"double scale(double x) {{ return x * {factor}; }}\n",
              name="scale.c")

    def run():
        p = run_python([tmp_path / "main.py"], cwd=tmp_path, SHARPJIT_CACHE_DIR=str(tmp_path / "cache"))
        assert p.returncode == 0, p.stderr
        return json.loads(p.stdout)

    (tmp_path / "main.py").write_text(CACHED)
    build(3.0)
    assert run() == {"result": 7.0, "hits": 0}
    assert run() == {"result": 7.0, "hits": 1}
    build(5.0)                                        # same file name, same signature, new code
    assert run() == {"result": 11.0, "hits": 0}
    assert run() == {"result": 11.0, "hits": 1}


SCRIPT = textwrap.dedent("""
    import sharpjit
    lib = sharpjit.load_bitcode("fast.bc", signatures={"mix": "uint32(uint32, uint32)"})


    def main():
        s = 0.0
        h = 2166136261
        for i in range(1000):
            s += lib.poly(i * 0.001) + lib.hyp(i * 1.0, 3.0)
            h = lib.mix(h, i)
        lib.bump()
        lib.bump()
        print(s, h, lib.addi(2, 3), lib.is_even(10), lib.low_byte(300), lib.bumped())


    main()
""")


def test_the_same_library_under_sharpjit_run(built, tmp_path):
    shutil.copy(built / "fast.bc", tmp_path / "fast.bc")
    script = tmp_path / "uses_bitcode.py"
    script.write_text(SCRIPT)
    py = subprocess.run([PYTHON, str(script)], capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(REPO / "python")})
    sj = subprocess.run([str(REPO / "sharpjit"), "run", str(script)], capture_output=True, text=True)   # path: next to the script
    assert py.returncode == 0 and sj.returncode == 0, (py.stderr, sj.stderr)
    assert sj.stdout == py.stdout
    bad = tmp_path / "bad.py"
    bad.write_text('import sharpjit\nlib = sharpjit.load_bitcode("fast.bc", signatures={"poly": "int32(int32)"})\nprint(lib.poly(1))\n')
    sj = subprocess.run([str(REPO / "sharpjit"), "run", str(bad)], capture_output=True, text=True)
    assert sj.returncode != 0 and "int32(int32) does not match 'poly' in fast.bc" in sj.stderr


def test_exported_code_carries_the_c(built, tmp_path):
    source = tmp_path / "kern.py"
    source.write_text(f'import sharpjit\nlib = sharpjit.load_bitcode({str(built / "fast.bc")!r})\n\n\n'
                      'def kern(x):\n    return lib.poly(x) + lib.hyp(x, 4.0)\n')
    files = sharpjit.export(source, ["kern:float64(float64)"], tmp_path / "kern")
    undefined = subprocess.run(["nm", "--undefined-only", files["o"]], capture_output=True, text=True, check=True).stdout
    assert "poly" not in undefined and "hyp" not in undefined
    driver = tmp_path / "main.c"
    driver.write_text('#include <stdio.h>\n#include <stdint.h>\n#include "kern.h"\n'
                      'int main(void) { double r; if (kern(3.0, &r)) return 1; printf("%.17g\\n", r); return 0; }\n')
    exe = tmp_path / "main"
    subprocess.run(["clang-19", "-O2", "-I", str(tmp_path), str(driver), files["o"], "-lm", "-o", str(exe)], check=True)
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    assert float(out) == ((2.0 * 3 + 3.0) * 3 - 1.0) * 3 + 0.5 + 5.0
