#!/usr/bin/python3
"""Calls from compiled code to its host, per call, in one run (issue 11, item 1): a C library function (libm's cbrt)
declared with sharpjit.extern, read from cffi, and passed as a ctypes function pointer argument; a Python function as
a ctypes callback, as a @sharpjit.callback (the emitted C-API wrapper) and in an objmode block; each from a sharpjit
loop, from Numba where it can, and from a Python loop through ctypes; and a direct call of a compiled callee. Engines
alternate round by round (A B A B), and the medians are reported. Writes bench/results/extern.md and extern.png.
Usage: PYTHONPATH=python /usr/bin/python3 bench/extern_calls.py [--rounds 7]
"""
import argparse, ctypes, math, os, platform, statistics, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))

import sharpjit
from plotting import log_bars

cbrt = sharpjit.extern("libm.so.6", "cbrt", "float64(float64)")
libm = ctypes.CDLL("libm.so.6")
c_cbrt = libm.cbrt
c_cbrt.argtypes, c_cbrt.restype = [ctypes.c_double], ctypes.c_double
CALLBACK = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)


def py_half(x):
    return x * 0.5


half = CALLBACK(py_half)


def loop_cbrt(n):
    s = 0.0
    for i in range(n):
        s += cbrt(i * 1.5)
    return s


def loop_c_cbrt(n):   # the same through the ctypes object (what Numba calls)
    s = 0.0
    for i in range(n):
        s += c_cbrt(i * 1.5)
    return s


def loop_half(n):
    s = 0.0
    for i in range(n):
        s += half(i * 1.5)
    return s


half_callback = sharpjit.callback("float64(float64)")(py_half)


def loop_half_callback(n):
    s = 0.0
    for i in range(n):
        s += half_callback(i * 1.5)
    return s


def loop_pointer(f, n):   # f: a C function pointer passed as an argument
    s = 0.0
    for i in range(n):
        s += f(i * 1.5)
    return s


try:
    import cffi
    ffi = cffi.FFI()
    ffi.cdef("double cbrt(double);")
    cffi_cbrt = ffi.dlopen("libm.so.6").cbrt
except ImportError:
    cffi_cbrt = None


def loop_cffi_cbrt(n):
    s = 0.0
    for i in range(n):
        s += cffi_cbrt(i * 1.5)
    return s


objmode = sharpjit.objmode


def loop_objmode(n):   # compiled with objmode = sharpjit.objmode, or numba.objmode for Numba
    s = 0.0
    for i in range(n):
        with objmode(y="float64"):
            y = py_half(i * 1.5)
        s += y
    return s


@sharpjit.jit
def compiled_callee(x):
    return math.sqrt(x) + 1.0


def loop_compiled(n):
    s = 0.0
    for i in range(n):
        s += compiled_callee(i * 1.5)
    return s


def per_call_ns(fn, n):
    t = time.perf_counter()
    fn(n)
    return (time.perf_counter() - t) / n * 1e9


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    N_C, N_PY = 2_000_000, 100_000
    pointer = lambda jitted: (lambda n: jitted(c_cbrt, n))
    engines = {
        "C function (libm cbrt), sharpjit loop, address baked in": (sharpjit.jit(loop_cbrt), N_C),
        "C function (libm cbrt), Numba loop (ctypes function)": None,
        "C function (libm cbrt), Python loop through ctypes": (loop_c_cbrt, N_PY),
        "C function from cffi (libm cbrt), sharpjit loop, address baked in": (sharpjit.jit(loop_cffi_cbrt), N_C) if cffi_cbrt else None,
        "C function from cffi (libm cbrt), Numba loop": None,
        "C function pointer argument (ctypes cbrt), sharpjit loop": (pointer(sharpjit.jit(loop_pointer)), N_C),
        "C function pointer argument (ctypes cbrt), Numba loop": None,
        "ctypes callback (Python function), sharpjit loop, address baked in": (sharpjit.jit(loop_half), N_PY),
        "ctypes callback (Python function), Numba loop": None,
        "ctypes callback (Python function), Python loop through ctypes": (loop_half, N_PY),
        "Python function as @sharpjit.callback, sharpjit loop (C-API wrapper)": (sharpjit.jit(loop_half_callback), N_PY),
        "Python function in an objmode block, sharpjit loop": (sharpjit.jit(loop_objmode), N_PY),
        "Python function in an objmode block, Numba loop": None,
        "compiled callee (@jit calling @jit), sharpjit loop": (sharpjit.jit(loop_compiled), N_C),
    }
    try:
        import numba
        engines["C function (libm cbrt), Numba loop (ctypes function)"] = (numba.njit(loop_c_cbrt), N_C)
        engines["ctypes callback (Python function), Numba loop"] = (numba.njit(loop_half), N_PY)
        engines["C function pointer argument (ctypes cbrt), Numba loop"] = (pointer(numba.njit(loop_pointer)), N_C)
        if cffi_cbrt:
            engines["C function from cffi (libm cbrt), Numba loop"] = (numba.njit(loop_cffi_cbrt), N_C)
        # The same loop with Numba's objmode: a copy of the function whose global objmode is numba.objmode.
        numba_objmode = type(loop_objmode)(loop_objmode.__code__, dict(globals(), objmode=numba.objmode), "loop_objmode")
        engines["Python function in an objmode block, Numba loop"] = (numba.njit(numba_objmode), N_PY)
        numba_version = numba.__version__
    except ImportError:
        numba_version = "not installed"
    for name, engine in list(engines.items()):   # a case an engine cannot compile is reported as n/a
        if engine is not None:
            try:
                engine[0](10)
            except Exception as e:
                print(f"{name}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}", file=sys.stderr)
                engines[name] = None
    live = {k: v for k, v in engines.items() if v is not None}
    for fn, n in live.values():   # compile and warm up
        fn(1000)
    # The results agree before anything is timed.
    assert sharpjit.jit(loop_cbrt)(1000) == loop_c_cbrt(1000) and sharpjit.jit(loop_half)(1000) == loop_half(1000)
    assert sharpjit.jit(loop_objmode)(1000) == loop_half(1000) == sharpjit.jit(loop_half_callback)(1000)
    assert sharpjit.jit(loop_pointer)(c_cbrt, 1000) == loop_c_cbrt(1000)
    samples = {k: [] for k in live}
    for _ in range(args.rounds):
        for name, (fn, n) in live.items():
            samples[name].append(per_call_ns(fn, n))
    medians = {k: statistics.median(v) for k, v in samples.items()}
    lines = ["# Calls from compiled code to its host (C functions, function pointers, Python callbacks, objmode)", "",
             "`PYTHONPATH=python /usr/bin/python3 bench/extern_calls.py` — per-call time of a loop "
             "`s += f(i * 1.5)`, the loop included; engines alternate round by round, median of "
             f"{args.rounds} rounds. Python {platform.python_version()}, Numba {numba_version}, {os.cpu_count()} cores.", "",
             "| callee, caller | ns per call (median) | vs sharpjit |", "|---|---|---|"]
    # Each case against sharpjit's row for the same callee.
    base = {}
    for k in medians:
        case = k.split(", ")[0]
        if "sharpjit" in k and case not in base:
            base[case] = medians[k]
    for name, engine in engines.items():
        if engine is None:
            lines.append(f"| {name} | n/a | |")
            continue
        ref = base.get(name.split(", ")[0])
        ratio = f"{medians[name] / ref:.2f}x" if ref else ""
        lines.append(f"| {name} | {medians[name]:.1f} | {ratio} |")
    text = "\n".join(lines) + "\n"
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "extern.md"), "w") as f:
        f.write(text)
    names = list(medians)
    log_bars(os.path.join(out, "extern.png"), [k.replace(", ", "\n", 1) for k in names], {None: [medians[k] for k in names]},
             "ns per call (median, log scale)", figsize=(9, 6), label_size=7)
    print(text)


if __name__ == "__main__":
    main()
