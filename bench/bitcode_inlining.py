#!/usr/bin/python3
"""The same small C functions called in a loop, per call (issue 11, item 3): from a bitcode library
(sharpjit.load_bitcode: linked into the compiled loop's module, so LLVM inlines them), through sharpjit.extern on a
shared library built by clang-19 from the same C (address baked in, a real call), from Numba through ctypes, and from
Python through ctypes and through the library's compiled wrapper. The C is compiled with clang-19 -O2 into a temporary
directory. Engines alternate round by round (A B A B), and the medians are reported. Writes bench/results/bitcode.md
and bitcode.png.
Usage: PYTHONPATH=python /usr/bin/python3 bench/bitcode_inlining.py [--rounds 7]
"""
import argparse, ctypes, os, platform, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))

import sharpjit
from plotting import log_bars   # bench/ is on sys.path: the script's directory

C_SOURCE = r"""
#include <math.h>
double poly(double x) { return ((((0.1 * x - 0.4) * x + 1.3) * x - 2.2) * x + 3.1) * x - 0.7; }
double hyp(double x, double y) { return sqrt(x * x + y * y); }
"""

directory = tempfile.mkdtemp(prefix="sharpjit-bitcode-bench-")
with open(os.path.join(directory, "kern.c"), "w") as f:
    f.write(C_SOURCE)
for args in (["-emit-llvm", "-c", "-o", "kern.bc"], ["-shared", "-fPIC", "-o", "libkern.so"]):
    subprocess.run(["clang-19", "-O2", *args, "kern.c"], check=True, cwd=directory)
SO_PATH = os.path.join(directory, "libkern.so")

lib = sharpjit.load_bitcode(os.path.join(directory, "kern.bc"))
ext_poly = sharpjit.extern(SO_PATH, "poly", "float64(float64)")
ext_hyp = sharpjit.extern(SO_PATH, "hyp", "float64(float64, float64)")
so = ctypes.CDLL(SO_PATH)
c_poly, c_hyp = so.poly, so.hyp
c_poly.argtypes, c_poly.restype = [ctypes.c_double], ctypes.c_double
c_hyp.argtypes, c_hyp.restype = [ctypes.c_double, ctypes.c_double], ctypes.c_double


def per_call_ns(fn, n):
    t = time.perf_counter()
    fn(n)
    return (time.perf_counter() - t) / n * 1e9


# One loop per callee (each reads its callee from the globals).
def loop_lib_poly(n):
    s = 0.0
    for i in range(n):
        s += lib.poly(i * 1e-6)
    return s


def loop_ext_poly(n):
    s = 0.0
    for i in range(n):
        s += ext_poly(i * 1e-6)
    return s


def loop_c_poly(n):
    s = 0.0
    for i in range(n):
        s += c_poly(i * 1e-6)
    return s


def loop_lib_hyp(n):
    s = 0.0
    for i in range(n):
        s += lib.hyp(i * 1e-6, 2.0)
    return s


def loop_ext_hyp(n):
    s = 0.0
    for i in range(n):
        s += ext_hyp(i * 1e-6, 2.0)
    return s


def loop_c_hyp(n):
    s = 0.0
    for i in range(n):
        s += c_hyp(i * 1e-6, 2.0)
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    N_C, N_PY = 5_000_000, 100_000
    try:
        import numba
        numba_version = numba.__version__
        numba_loop = numba.njit
    except ImportError:
        numba_version, numba_loop = "not installed", None
    engines = {}
    for kernel, lib_loop, ext_loop, c_loop in (("poly", loop_lib_poly, loop_ext_poly, loop_c_poly),
                                               ("hyp", loop_lib_hyp, loop_ext_hyp, loop_c_hyp)):
        engines[f"{kernel}: sharpjit loop, bitcode library (inlined)"] = (sharpjit.jit(lib_loop), N_C)
        engines[f"{kernel}: sharpjit loop, sharpjit.extern on the .so (address baked in)"] = (sharpjit.jit(ext_loop), N_C)
        engines[f"{kernel}: Numba loop, ctypes function of the .so"] = (numba_loop(c_loop), N_C) if numba_loop else None
        engines[f"{kernel}: Python loop, ctypes function of the .so"] = (c_loop, N_PY)
        engines[f"{kernel}: Python loop, bitcode library (compiled wrapper)"] = (lib_loop, N_PY)
    live = {k: v for k, v in engines.items() if v is not None}
    for fn, n in live.values():   # compile and warm up
        fn(1000)
    # Every engine computes the same sums before anything is timed.
    for kernel in ("poly", "hyp"):
        results = {fn(1000) for k, (fn, n) in live.items() if k.startswith(kernel + ":")}
        assert max(results) - min(results) <= 1e-9 * abs(max(results)), (kernel, results)
    samples = {k: [] for k in live}
    for _ in range(args.rounds):
        for name, (fn, n) in live.items():
            samples[name].append(per_call_ns(fn, n))
    medians = {k: statistics.median(v) for k, v in samples.items()}
    lines = ["# C from LLVM bitcode, inlined, against the same C through a shared library", "",
             "`PYTHONPATH=python /usr/bin/python3 bench/bitcode_inlining.py` — per-call time of a loop "
             "`s += f(i * 1e-6)` (`hyp(i * 1e-6, 2.0)`), the loop included, with the C of `poly` (Horner, degree 5) and "
             "`hyp` (`sqrt(x*x + y*y)`) compiled by clang-19 -O2 once to bitcode and once to a shared library; engines "
             f"alternate round by round, median of {args.rounds} rounds. Python {platform.python_version()}, "
             f"Numba {numba_version}, {os.cpu_count()} cores.", "",
             "| callee: caller | ns per call (median) | vs inlined |", "|---|---|---|"]
    for name, engine in engines.items():
        if engine is None:
            lines.append(f"| {name} | n/a | |")
            continue
        base = medians[name.split(":")[0] + ": sharpjit loop, bitcode library (inlined)"]
        lines.append(f"| {name} | {medians[name]:.2f} | {medians[name] / base:.1f}x |")
    text = "\n".join(lines) + "\n"
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "bitcode.md"), "w") as f:
        f.write(text)
    log_bars(os.path.join(out, "bitcode.png"), [k.replace(": ", ":\n", 1) for k in medians], {None: list(medians.values())},
             "ns per call (median, log scale)", figsize=(9, 4.5), label_size=7)
    print(text)


if __name__ == "__main__":
    main()
