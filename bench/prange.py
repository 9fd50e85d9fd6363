#!/usr/bin/python3
"""prange loops and whole-array expressions as Numba users write them with parallel=True (bench/prange_kernels.py):
sharpjit and Numba with parallel=True and without, in one run, engines alternated run by run (their order rotating),
medians of the runs; each engine's first-call compile time. Writes bench/results/prange.md and prange.png.
Usage: PYTHONPATH=python /usr/bin/python3 bench/prange.py [--runs N]
"""
import argparse, math, os, platform, statistics, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import numpy as np

import sharpjit
from plotting import log_bars
from vectorize import alternated, load_kernels, timed


def load(engine, parallel):
    """bench/prange_kernels.py compiled by engine, with or without parallel=True (a module of its own)."""
    return load_kernels("prange_kernels.py", f"prange_kernels_{engine.__name__}_{parallel}", ENGINE=engine, PARALLEL=parallel)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    import numba
    modules = {"sharpjit": load(sharpjit, True), "sharpjit serial": load(sharpjit, False),
               "numba": load(numba, True), "numba serial": load(numba, False)}
    rng = np.random.default_rng(1)
    rows = []
    for name, kernel, data in modules["sharpjit"].cases(rng):
        engines, compile_ms = [], {}
        for engine, module in modules.items():
            f = getattr(module, kernel)
            t = time.perf_counter(); f(*data); compile_ms[engine] = (time.perf_counter() - t) * 1e3
            engines.append((engine, f))
        expected = engines[1][1](*data)   # sharpjit serial: the loop in order
        for engine, f in engines:
            np.testing.assert_allclose(f(*data), expected, rtol=1e-9, err_msg=f"{name}: {engine}")
        number = max(1, int(0.05 / max(timed(engines[0][1], data, 1), 1e-7)))
        med = {e: statistics.median(v) for e, v in alternated(engines, data, number, args.runs).items()}
        rows.append((name, med, compile_ms))
        print(name, {e: f"{v * 1e3:.2f} ms" for e, v in med.items()}, flush=True)

    lines = [
        "# parallel=True (prange loops, whole-array expressions): sharpjit against Numba",
        "",
        f"`PYTHONPATH=python /usr/bin/python3 bench/prange.py` — medians of {args.runs} runs, engines alternated run by run (their order "
        f"rotating); NumPy {np.__version__}, Numba {numba.__version__} (threading layer: {numba.config.THREADING_LAYER}), "
        f"Python {platform.python_version()}, {os.cpu_count()} cores. Results checked against the loop run in order "
        "(rtol 1e-9: reductions add in another order). Compile: the first call in this process, the runs included.",
        "",
        "| kernel | sharpjit ms | Numba ms | sharpjit / Numba | sharpjit serial ms | Numba serial ms | sharpjit speed-up | Numba speed-up "
        "| sharpjit compile ms | Numba compile ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, med, cms in rows:
        lines.append(f"| {name} | {med['sharpjit'] * 1e3:.2f} | {med['numba'] * 1e3:.2f} | {med['sharpjit'] / med['numba']:.2f} | "
                     f"{med['sharpjit serial'] * 1e3:.2f} | {med['numba serial'] * 1e3:.2f} | "
                     f"{med['sharpjit serial'] / med['sharpjit']:.2f}x | {med['numba serial'] / med['numba']:.2f}x | "
                     f"{cms['sharpjit']:.0f} | {cms['numba']:.0f} |")
    ratios = [med["sharpjit"] / med["numba"] for _, med, _ in rows]
    lines += ["", f"Geometric mean of sharpjit / Numba with parallel=True: {math.exp(statistics.mean(math.log(r) for r in ratios)):.2f}."]
    text = "\n".join(lines) + "\n"
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "prange.md"), "w") as f:
        f.write(text)
    log_bars(os.path.join(out, "prange.png"), [r[0] for r in rows],
             {e: [r[1][e] * 1e3 for r in rows] for e in ("sharpjit", "numba", "sharpjit serial", "numba serial")}, "milliseconds (log)")
    print(text)


if __name__ == "__main__":
    main()
