#!/usr/bin/python3
"""scipy.integrate.quad on a sharpjit cfunc (through scipy.LowLevelCallable) against the same integrand as a Python
function, and against Numba's @cfunc, in one run. Writes bench/results/cfunc.md.
Usage: PYTHONPATH=python /usr/bin/python3 bench/cfunc_quad.py [--repeat N]
"""
import argparse, math, os, platform, statistics, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))

import scipy
from scipy import integrate

import sharpjit


def integrand(x):
    s = 0.0
    for k in range(1, 6):
        s += math.sin(k * x) / k
    return math.exp(-x * x) * s + math.sqrt(1.0 + x * x)


SIG = "float64(float64)"
CASES = [("smooth, [0, 10]", 0.0, 10.0, {}), ("oscillating, limit=500, [0, 200]", 0.0, 200.0, {"limit": 500}),
         ("oscillating, limit=20000, epsabs=1e-13, [0, 5000]", 0.0, 5000.0, {"limit": 20000, "epsabs": 1e-13})]


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = fn()
        times.append(time.perf_counter() - t)
    return min(times), r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    t = time.perf_counter()
    compiled = sharpjit.cfunc(SIG)(integrand)
    sharpjit_compile = time.perf_counter() - t
    fast = scipy.LowLevelCallable(compiled.ctypes)
    try:
        import numba
        t = time.perf_counter()
        nb = numba.cfunc(SIG)(integrand)
        numba_compile = time.perf_counter() - t
        nb_callable = scipy.LowLevelCallable(nb.ctypes)
    except ImportError:
        nb_callable, numba_compile = None, float("nan")
    rows = []
    for name, a, b, kw in CASES:
        t_py, r_py = best(lambda: integrate.quad(integrand, a, b, **kw), args.repeat)
        t_sj, r_sj = best(lambda: integrate.quad(fast, a, b, **kw), args.repeat)
        if nb_callable is not None:
            t_nb, r_nb = best(lambda: integrate.quad(nb_callable, a, b, **kw), args.repeat)
        else:
            t_nb, r_nb = float("nan"), (float("nan"), 0)
        evals = integrate.quad(integrand, a, b, full_output=1, **kw)[2]["neval"]
        rows.append((name, evals, t_py * 1e3, t_sj * 1e3, t_nb * 1e3, t_py / t_sj, r_py[0], r_sj[0], r_nb[0]))
    lines = [
        "# scipy.integrate.quad on a compiled integrand (sharpjit.cfunc + scipy.LowLevelCallable)",
        "",
        "`PYTHONPATH=python /usr/bin/python3 bench/cfunc_quad.py` — the integrand (`exp(-x*x) * sum(sin(k*x)/k, k=1..5) + "
        "sqrt(1+x*x)`) as a Python function, as a sharpjit cfunc and as a Numba cfunc, both passed to quad as a "
        f"`scipy.LowLevelCallable`. Best of {args.repeat}; scipy {scipy.__version__}, Python {platform.python_version()}.",
        "",
        "| case | integrand calls | Python ms | sharpjit cfunc ms | Numba cfunc ms | speed-up (Python / sharpjit) | Python result | sharpjit result | Numba result |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r[0]} | {r[1]} | {r[2]:.3f} | {r[3]:.3f} | {r[4]:.3f} | {r[5]:.0f}x | {r[6]!r} | {r[7]!r} | {r[8]!r} |")
    lines += ["", f"Compile time of the cfunc (first in the process, LLVM start included): sharpjit {sharpjit_compile * 1e3:.1f} ms, "
                  f"Numba {numba_compile * 1e3:.1f} ms."]
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", "cfunc.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
