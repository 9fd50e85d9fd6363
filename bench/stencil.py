#!/usr/bin/python3
"""@stencil kernels (bench/stencil_kernels.py): sharpjit and Numba, each called from Python, from a compiled
function and from one compiled with parallel=True, and NumPy's slicing equivalent, in one run, engines alternated run by run (their order rotating), medians
of the runs; first-call compile times. Writes bench/results/stencil.md and stencil.png.
Usage: PYTHONPATH=python /usr/bin/python3 bench/stencil.py [--runs N]
"""
import argparse, math, os, platform, statistics, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import numpy as np

import sharpjit
from plotting import log_bars
from vectorize import alternated, load_kernels, timed

ENGINES = ("sharpjit", "sharpjit in @jit", "numba in @njit", "sharpjit parallel", "numba parallel", "numba", "numpy")
COMPILED = ("sharpjit", "sharpjit in @jit", "numba in @njit", "sharpjit parallel", "numba parallel")


def load(engine):
    """bench/stencil_kernels.py with engine's @stencil and @njit (a module of its own)."""
    return load_kernels("stencil_kernels.py", f"stencil_kernels_{engine.__name__}", ENGINE=engine)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    import numba
    rng = np.random.default_rng(1)
    sj_cases, nb_cases = load(sharpjit).cases(rng), load(numba).cases(np.random.default_rng(1))
    rows = []
    for (name, sj, sj_jit, sj_par, numpy_fn, data), (_, nb, nb_jit, nb_par, _, _) in zip(sj_cases, nb_cases):
        engines = dict(zip(ENGINES, (sj, sj_jit, nb_jit, sj_par, nb_par, nb, numpy_fn)))
        compile_ms = {}
        for engine in COMPILED:
            t = time.perf_counter(); engines[engine](*data); compile_ms[engine] = (time.perf_counter() - t) * 1e3
        expected = numpy_fn(*data)
        for engine, f in engines.items():
            np.testing.assert_allclose(f(*data), expected, rtol=1e-12, err_msg=f"{name}: {engine}")
        number = max(1, int(0.05 / max(timed(sj, data, 1), 1e-7)))
        order = [(e, f) for e, f in engines.items() if e != "numba"]
        med = {e: statistics.median(v) for e, v in alternated(order, data, number, args.runs).items()}
        # Numba's stencil called from Python builds its wrapper on every call: timed a few times only.
        med["numba"] = statistics.median(timed(nb, data, 1) for _ in range(3))
        rows.append((name, med, compile_ms))
        print(name, {e: f"{v * 1e3:.2f} ms" for e, v in med.items()}, flush=True)

    lines = [
        "# @stencil: sharpjit against Numba and NumPy",
        "",
        f"`PYTHONPATH=python /usr/bin/python3 bench/stencil.py` — medians of {args.runs} runs, engines alternated run by run "
        f"(their order rotating; Numba's stencil called from Python: 3 runs, each call rebuilds its wrapper); NumPy "
        f"{np.__version__}, Numba {numba.__version__}, Python {platform.python_version()}, {os.cpu_count()} cores. Results "
        "checked against NumPy's slicing (rtol 1e-12). Compile: the first call in this process, the run included. "
        "Parallel: the stencil called in a function compiled with parallel=True (Numba: its parfor).",
        "",
        "| kernel | sharpjit ms | sharpjit in @jit ms | Numba in @njit ms | sharpjit parallel ms | Numba parallel ms "
        "| Numba from Python ms | NumPy ms | sharpjit / Numba in @njit | sharpjit / Numba, parallel | sharpjit / NumPy "
        "| sharpjit compile ms | Numba compile ms | parallel compile ms, sharpjit / Numba |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, med, cms in rows:
        lines.append(f"| {name} | {med['sharpjit'] * 1e3:.2f} | {med['sharpjit in @jit'] * 1e3:.2f} | {med['numba in @njit'] * 1e3:.2f} | "
                     f"{med['sharpjit parallel'] * 1e3:.2f} | {med['numba parallel'] * 1e3:.2f} | "
                     f"{med['numba'] * 1e3:.1f} | {med['numpy'] * 1e3:.2f} | {med['sharpjit'] / med['numba in @njit']:.2f} | "
                     f"{med['sharpjit parallel'] / med['numba parallel']:.2f} | "
                     f"{med['sharpjit'] / med['numpy']:.2f} | {cms['sharpjit']:.0f} | {cms['numba in @njit']:.0f} | "
                     f"{cms['sharpjit parallel']:.0f} / {cms['numba parallel']:.0f} |")
    def geomean(key_a, key_b):
        return math.exp(statistics.mean(math.log(med[key_a] / med[key_b]) for _, med, _ in rows))
    lines += ["", f"Geometric mean of sharpjit / Numba (its stencil inside @njit, its fast way): "
                  f"{geomean('sharpjit', 'numba in @njit'):.2f}; with parallel=True: {geomean('sharpjit parallel', 'numba parallel'):.2f}."]
    text = "\n".join(lines) + "\n"
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "stencil.md"), "w") as f:
        f.write(text)
    log_bars(os.path.join(out, "stencil.png"), [r[0] for r in rows],
             {e: [r[1][e] * 1e3 for r in rows] for e in ENGINES}, "milliseconds (log)")
    print(text)


if __name__ == "__main__":
    main()
