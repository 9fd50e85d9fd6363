#!/usr/bin/python3
"""@vectorize kernels as Numba users write them: sharpjit's ufunc against Numba's @vectorize and the NumPy expression
of the same thing, in one run, engines alternated (A B C A B C ...), medians of the runs. Also the same kernels called
inside @jit / @njit code (fused with the expression around them), and each engine's first-call compile time.
Writes bench/results/vectorize.md and vectorize.png.
Usage: PYTHONPATH=python /usr/bin/python3 bench/vectorize.py [--runs N]
"""
import argparse, math, os, platform, statistics, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import numpy as np

import sharpjit
from plotting import log_bars


def rel_diff(x, y):
    return 2.0 * (x - y) / (x + y + 1.0)


def hyp(x, y):
    return math.sqrt(x * x + y * y)


def ramp(x):
    if x < 0.0:
        return 0.0
    return x if x < 1.0 else 1.0


def collatz_steps(n):
    steps = 0
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def logistic(x, r):
    for _ in range(20):
        x = r * x * (1.0 - x)
    return x


KERNELS = [  # name, function, signatures (None: lazy), NumPy's expression or None, make operands
    ("rel_diff 1M", rel_diff, ["float64(float64, float64)"], lambda x, y: 2.0 * (x - y) / (x + y + 1.0),
     lambda rng: (rng.random(1_000_000), rng.random(1_000_000))),
    ("hyp (lazy) 1M", hyp, None, lambda x, y: np.sqrt(x * x + y * y), lambda rng: (rng.random(1_000_000), rng.random(1_000_000))),
    ("ramp 1M", ramp, ["float64(float64)"], lambda x: np.clip(x, 0.0, 1.0), lambda rng: (rng.random(1_000_000) * 3 - 1,)),
    ("logistic x20 1M", logistic, ["float64(float64, float64)"], None, lambda rng: (rng.random(1_000_000), 3.7)),
    ("collatz 100k int64", collatz_steps, ["int64(int64)"], None, lambda rng: (np.arange(1, 100_001),)),
    ("rel_diff strided 500k", rel_diff, ["float64(float64, float64)"], lambda x, y: 2.0 * (x - y) / (x + y + 1.0),
     lambda rng: (rng.random(1_000_000)[::2], rng.random(1_000_000)[::2])),
    ("rel_diff 10 (call overhead)", rel_diff, ["float64(float64, float64)"], lambda x, y: 2.0 * (x - y) / (x + y + 1.0),
     lambda rng: (rng.random(10), rng.random(10))),
]


def row_norm(x, out):
    s = 0.0
    for v in x:
        s += v * v
    out[0] = math.sqrt(s)


def small_matmul(a, b, out):
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            out[i, j] = s


GU_KERNELS = [  # name, function, signatures, layout, NumPy's expression, make operands
    ("guvectorize row norm 1000x1000", row_norm, ["void(float64[:], float64[:])"], "(n)->()",
     lambda x: np.sqrt((x * x).sum(axis=1)), lambda rng: (rng.random((1000, 1000)),)),
    ("guvectorize 4x4 matmul x100k", small_matmul, ["void(float64[:, :], float64[:, :], float64[:, :])"], "(m,n),(n,p)->(m,p)",
     lambda a, b: a @ b, lambda rng: (rng.random((100_000, 4, 4)), rng.random((100_000, 4, 4)))),
]


def make(decorator, fn, sigs):
    return decorator(sigs)(fn) if sigs else decorator(fn)


def load_kernels(filename, name, **values):
    """bench/FILENAME as a module of its own named name, with values set as its globals before it runs (the engine
    whose decorators it applies, options)."""
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), filename)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    module.__dict__.update(values)
    spec.loader.exec_module(module)
    return module


def timed(fn, args, number):
    fn(*args)   # the allocator settles after the previous engine's frees before the clock starts
    t = time.perf_counter()
    for _ in range(number):
        fn(*args)
    return (time.perf_counter() - t) / number


def alternated(engines, args, number, runs):
    """Each engine's time per call, run after run; the order rotates each run, so that no engine always follows the one
    that freed the most memory (a NumPy expression's temporaries: the next call page-faults its output in)."""
    times = {e: [] for e, _ in engines}
    for run in range(runs):
        for k in range(len(engines)):
            e, f = engines[(run + k) % len(engines)]
            times[e].append(timed(f, args, number))
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    import numba
    rng = np.random.default_rng(1)
    rows = []
    for name, fn, sigs, numpy_expr, operands in KERNELS:
        data = operands(rng)
        t = time.perf_counter(); sj = make(sharpjit.vectorize, fn, sigs); sj(*data); sj_compile = time.perf_counter() - t
        t = time.perf_counter(); nb = make(numba.vectorize, fn, sigs); nb(*data); nb_compile = time.perf_counter() - t
        expected = nb(*data)
        np.testing.assert_allclose(sj(*data), expected, rtol=1e-12)
        engines = [("sharpjit", sj), ("numba", nb)] + ([("numpy", numpy_expr)] if numpy_expr else [])
        number = max(1, int(0.05 / max(timed(sj, data, 1), 1e-7)))
        times = alternated(engines, data, number, args.runs)
        med = {e: statistics.median(v) for e, v in times.items()}
        rows.append((name, med, sj_compile, nb_compile))

    # target="parallel": the same loop split over the cores.
    data = (rng.random(1_000_000), 3.7)
    sigs = ["float64(float64, float64)"]
    t = time.perf_counter(); sj = sharpjit.vectorize(sigs, target="parallel")(logistic); sj(*data); sj_compile = time.perf_counter() - t
    t = time.perf_counter(); nb = numba.vectorize(sigs, target="parallel")(logistic); nb(*data); nb_compile = time.perf_counter() - t
    np.testing.assert_allclose(sj(*data), nb(*data), rtol=1e-12)
    rows.append((f"logistic x20 1M, target=\"parallel\" ({os.cpu_count()} cores)",
                 {e: statistics.median(v) for e, v in alternated([("sharpjit", sj), ("numba", nb)], data, 3, args.runs).items()},
                 sj_compile, nb_compile))

    # Generalized ufuncs: a row statistic over a matrix, and small matrix products over a stack.
    for name, fn, sigs, layout, numpy_expr, operands in GU_KERNELS:
        data = operands(rng)
        t = time.perf_counter(); sj = sharpjit.guvectorize(sigs, layout)(fn); sj(*data); sj_compile = time.perf_counter() - t
        t = time.perf_counter(); nb = numba.guvectorize(sigs, layout)(fn); nb(*data); nb_compile = time.perf_counter() - t
        np.testing.assert_allclose(sj(*data), nb(*data), rtol=1e-12)
        engines = [("sharpjit", sj), ("numba", nb), ("numpy", numpy_expr)]
        number = max(1, int(0.05 / max(timed(sj, data, 1), 1e-7)))
        rows.append((name, {e: statistics.median(v) for e, v in alternated(engines, data, number, args.runs).items()}, sj_compile, nb_compile))

    # The kernels called in compiled code: a fused expression of two @vectorize calls (bench/vectorize_kernels.py,
    # the same source under each decorator).
    import vectorize_kernels as k
    x, y = rng.random(1_000_000), rng.random(1_000_000)
    sj_use, nb_use = k.jitted(sharpjit), k.jitted(numba)
    t = time.perf_counter(); sj_use(x, y); sj_compile = time.perf_counter() - t
    t = time.perf_counter(); nb_use(x, y); nb_compile = time.perf_counter() - t
    np.testing.assert_allclose(sj_use(x, y), nb_use(x, y), rtol=1e-12)
    engines = [("sharpjit", sj_use), ("numba", nb_use), ("numpy", lambda a, b: 2.0 * (2.0 * (a - b) / (a + b + 1.0)) + np.sqrt(a * a + b * b))]
    times = alternated(engines, (x, y), 20, args.runs)
    rows.append(("in @jit: rel_diff(x, y) * 2 + hyp(x, y), 1M", {e: statistics.median(v) for e, v in times.items()}, sj_compile, nb_compile))

    lines = [
        "# @vectorize and @guvectorize: sharpjit's compiled ufuncs against Numba's and NumPy's expressions",
        "",
        f"`PYTHONPATH=python /usr/bin/python3 bench/vectorize.py` — medians of {args.runs} runs, engines alternated run by run (their order rotating); "
        f"NumPy {np.__version__}, Numba {numba.__version__}, Python {platform.python_version()}, {os.cpu_count()} cores. "
        "Compile: decoration plus the first call, in this process (LLVM already started by the kernels before).",
        "",
        "| kernel | sharpjit us | Numba us | NumPy expression us | sharpjit / Numba | sharpjit / NumPy | sharpjit compile ms | Numba compile ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, med, sjc, nbc in rows:
        np_t = med.get("numpy")
        lines.append(f"| {name} | {med['sharpjit'] * 1e6:.1f} | {med['numba'] * 1e6:.1f} | "
                     f"{'' if np_t is None else f'{np_t * 1e6:.1f}'} | {med['sharpjit'] / med['numba']:.2f} | "
                     f"{'' if np_t is None else format(med['sharpjit'] / np_t, '.2f')} | "
                     f"{sjc * 1e3:.1f} | {nbc * 1e3:.1f} |")
    ratios = [med["sharpjit"] / med["numba"] for _, med, _, _ in rows]
    lines += ["", f"Geometric mean of sharpjit / Numba: {math.exp(statistics.mean(math.log(r) for r in ratios)):.2f}."]
    text = "\n".join(lines) + "\n"
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "vectorize.md"), "w") as f:
        f.write(text)
    labels = [r[0] for r in rows]
    log_bars(os.path.join(out, "vectorize.png"), labels,
             {e: [r[1].get(e, float("nan")) * 1e6 for r in rows] for e in ("sharpjit", "numba", "numpy")}, "microseconds (log)")
    print(text)


if __name__ == "__main__":
    main()
