#!/usr/bin/python3
"""Calls from compiled code to C, per call, in one run (issue 11, item 1): a C library function (libm's cbrt) and a
ctypes callback of a Python function, called from a sharpjit loop with the address baked in, from Numba, and from a
Python loop through ctypes; and a direct call of a compiled callee. Engines alternate round by round (A B A B), and
the medians are reported. Writes bench/results/extern.md and extern.png.
Usage: PYTHONPATH=python /usr/bin/python3 bench/extern_calls.py [--rounds 7]
"""
import argparse, ctypes, math, os, platform, statistics, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))

import sharpjit

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
    engines = {
        "C function (libm cbrt), sharpjit loop, address baked in": (sharpjit.jit(loop_cbrt), N_C),
        "C function (libm cbrt), Numba loop (ctypes function)": None,
        "C function (libm cbrt), Python loop through ctypes": (loop_c_cbrt, N_PY),
        "ctypes callback (Python function), sharpjit loop, address baked in": (sharpjit.jit(loop_half), N_PY),
        "ctypes callback (Python function), Numba loop": None,
        "ctypes callback (Python function), Python loop through ctypes": (loop_half, N_PY),
        "compiled callee (@jit calling @jit), sharpjit loop": (sharpjit.jit(loop_compiled), N_C),
    }
    try:
        import numba
        engines["C function (libm cbrt), Numba loop (ctypes function)"] = (numba.njit(loop_c_cbrt), N_C)
        engines["ctypes callback (Python function), Numba loop"] = (numba.njit(loop_half), N_PY)
        numba_version = numba.__version__
    except ImportError:
        numba_version = "not installed"
    live = {k: v for k, v in engines.items() if v is not None}
    for fn, n in live.values():   # compile and warm up
        fn(1000)
    # The results agree before anything is timed.
    assert sharpjit.jit(loop_cbrt)(1000) == loop_c_cbrt(1000) and sharpjit.jit(loop_half)(1000) == loop_half(1000)
    samples = {k: [] for k in live}
    for _ in range(args.rounds):
        for name, (fn, n) in live.items():
            samples[name].append(per_call_ns(fn, n))
    medians = {k: statistics.median(v) for k, v in samples.items()}
    lines = ["# Calls from compiled code to C (sharpjit.extern, ctypes functions and callbacks)", "",
             "`PYTHONPATH=python /usr/bin/python3 bench/extern_calls.py` — per-call time of a loop "
             "`s += f(i * 1.5)`, the loop included; engines alternate round by round, median of "
             f"{args.rounds} rounds. Python {platform.python_version()}, Numba {numba_version}, {os.cpu_count()} cores.", "",
             "| callee, caller | ns per call (median) | vs sharpjit |", "|---|---|---|"]
    base = {"C function": medians[next(k for k in medians if k.startswith("C function") and "sharpjit" in k)],
            "ctypes callback": medians[next(k for k in medians if k.startswith("ctypes callback") and "sharpjit" in k)]}
    for name, engine in engines.items():
        if engine is None:
            lines.append(f"| {name} | n/a | |")
            continue
        ref = next((v for k, v in base.items() if name.startswith(k)), None)
        ratio = f"{medians[name] / ref:.2f}x" if ref else ""
        lines.append(f"| {name} | {medians[name]:.1f} | {ratio} |")
    text = "\n".join(lines) + "\n"
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "extern.md"), "w") as f:
        f.write(text)
    per_call_chart(medians, os.path.join(out, "extern.png"), split=", ")
    print(text)


def per_call_chart(medians, path, split, colors="tab:blue", height=4):
    """Horizontal bars of ns per call on a log scale (skipped without matplotlib); labels wrap at the first `split`."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    names = list(medians)
    fig, ax = plt.subplots(figsize=(9, height))
    ax.barh(range(len(names)), [medians[k] for k in names], color=colors)
    ax.set_yticks(range(len(names)), [k.replace(split, split.rstrip() + "\n", 1) for k in names], fontsize=7)
    ax.set_xscale("log")
    ax.set_xlabel("ns per call (median, log scale)")
    ax.invert_yaxis()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
