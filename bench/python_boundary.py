#!/usr/bin/python3
"""The Python boundary: sharpjit's CPython extension against Numba, in one run.

Measures, each in fresh processes (medians): import time; first call of a trivial and of a 40-line function
(compilation included); first call in a new process with cache=True and a warm cache; call overhead with scalar
arguments, with a keyword argument, and with a tuple argument and result; the speed-up of a nogil function on 2
threads; the cost of a call that raises, caught in Python, and the memory a raise leaves behind.
Writes bench/results/python.md.
Usage: /usr/bin/python3 bench/python_boundary.py [--repeat N]
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "results")

PROBE = r"""
import os, sys, time, timeit, threading
t0 = time.perf_counter()
if os.environ["JIT"] == "numba":
    import numba
elif os.environ["JIT"] == "sharpjit":
    import sharpjit
t_import = time.perf_counter() - t0
sys.path.insert(0, os.environ["KERNELS"])
import kernels
what = os.environ["WHAT"]
if what == "import":
    print(t_import)
elif what == "trivial":
    t = time.perf_counter(); kernels.trivial(1, 2); print(time.perf_counter() - t)
elif what == "kernel40":
    t = time.perf_counter(); kernels.kernel40(10, 0.01, 0.1); print(time.perf_counter() - t)
elif what == "small":
    kernels.trivial(1, 2)
    t = time.perf_counter(); kernels.small(2.0, 1.5); print(time.perf_counter() - t)
elif what == "second":
    kernels.trivial(1, 2)
    t = time.perf_counter(); kernels.kernel40(10, 0.01, 0.1); print(time.perf_counter() - t)
elif what == "overhead":
    f = kernels.trivial; f(1, 2); f(1.0, 2.0)
    n = 200000
    print(min(timeit.repeat("f(1, 2)", globals={"f": f}, number=n, repeat=5)) / n)
elif what == "overhead_kw":
    f = kernels.trivial; f(1, b=2)
    n = 200000
    print(min(timeit.repeat("f(1, b=2)", globals={"f": f}, number=n, repeat=5)) / n)
elif what == "overhead_tuple":
    f = kernels.swap; f((1.0, 2.0))
    n = 200000
    print(min(timeit.repeat("f(t)", globals={"f": f, "t": (1.0, 2.0)}, number=n, repeat=5)) / n)
elif what in ("overhead_array", "overhead_array_result", "overhead_new_array"):
    import numpy as np
    f = {"overhead_array": kernels.first, "overhead_array_result": kernels.same, "overhead_new_array": kernels.compare}[what]
    a = np.arange(10.0); f(a)
    n = 200000
    print(min(timeit.repeat("f(a)", globals={"f": f, "a": a}, number=n, repeat=5)) / n)
elif what == "raise":
    f = kernels.checked; f(1)
    def once():
        try:
            f(-1)
        except ValueError:
            pass
    once()
    n = 100000
    print(min(timeit.repeat(once, number=n, repeat=5)) / n)
elif what == "raise_leak":
    f = kernels.checked
    def rss():
        with open("/proc/self/statm") as s:
            return int(s.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    def raises(n):
        for _ in range(n):
            try:
                f(-1)
            except ValueError:
                pass
    raises(200000)   # warm-up: caches, allocator pools
    n = 500000
    before = rss(); raises(n); print((rss() - before) / n)
elif what == "nogil":
    f = kernels.busy; f(10)
    n = 3_000_000
    t = time.perf_counter(); f(n); f(n); one = time.perf_counter() - t
    ts = [threading.Thread(target=f, args=(n,)) for _ in range(2)]
    t = time.perf_counter()
    for th in ts: th.start()
    for th in ts: th.join()
    print(one / (time.perf_counter() - t))
"""


def probe(jit, what, repeat, cache_dir=None):
    env = {**os.environ, "JIT": jit, "WHAT": what, "KERNELS": os.path.join(ROOT, "bench", "python"),
           "PYTHONPATH": os.path.join(ROOT, "python"), "PYTHONDONTWRITEBYTECODE": "1"}
    if cache_dir:
        env.update(JIT_CACHE="1", SHARPJIT_CACHE_DIR=cache_dir, NUMBA_CACHE_DIR=cache_dir)
    values = []
    for _ in range(repeat):
        out = subprocess.run(["/usr/bin/python3", "-c", PROBE], env=env, capture_output=True, text=True)
        if out.returncode != 0:
            lines = [re.sub(r"\x1b\[[0-9;]*m", "", l).strip() for l in out.stderr.splitlines()]
            lines = [l for l in lines if any(ch.isalpha() for ch in l)]
            errors = [l for l in lines if re.match(r"[\w.]*(Error|Exception)\b", l)]
            return None, (errors or lines or ["failed"])[-1][:80]
        values.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(values), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    subprocess.run(["bash", os.path.join(ROOT, "scripts", "build-python.sh")], check=True)
    rows = []
    for label, what, unit, scale in [
        ("import", "import", "ms", 1e3),
        ("first call, trivial function (fresh process)", "trivial", "ms", 1e3),
        ("first call, 40-line function (fresh process)", "kernel40", "ms", 1e3),
        ("a further small function compiled (after a first)", "small", "ms", 1e3),
        ("a further function compiled (40 lines, after a first)", "second", "ms", 1e3),
        ("call overhead, scalar arguments", "overhead", "ns", 1e9),
        ("call overhead, a keyword argument: f(1, b=2)", "overhead_kw", "ns", 1e9),
        ("call overhead, tuple argument and result: f((1.0, 2.0))", "overhead_tuple", "ns", 1e9),
        ("call overhead, one NumPy array argument: f(a) -> a[0]", "overhead_array", "ns", 1e9),
        ("call overhead, an array in and the same array back: f(a) -> a", "overhead_array_result", "ns", 1e9),
        ("a new array back: f(a) -> a > 0.5, 10 float64 (the same function under CPython, NumPy's a > 0.5: {cpython} ns)", "overhead_new_array", "ns", 1e9),
        ("nogil: speed-up of 2 threads over 1", "nogil", "x", 1),
        ("call that raises ValueError(f\"…\"), caught in Python (CPython: {cpython} µs)", "raise", "µs", 1e6),
        ("memory kept per raise (RSS growth over 500k raises)", "raise_leak", "bytes", 1),
    ]:
        if "{cpython}" in label:   # the plain function under CPython, in the row's unit
            v, err = probe("cpython", what, 3)
            label = label.format(cpython=f"{v * scale:.2f}" if v is not None else err)
        cells = []
        for jit in ("sharpjit", "numba"):
            v, err = probe(jit, what, args.repeat if not what.startswith(("overhead", "raise")) else 3)
            cells.append(f"{v * scale:.1f}" if v is not None else f"error: {err}")
        rows.append((label, unit, *cells))
        print(rows[-1], flush=True)
    cells = []
    for jit in ("sharpjit", "numba"):
        d = tempfile.mkdtemp()
        try:
            probe(jit, "kernel40", 1, cache_dir=d)  # fills the cache
            v, err = probe(jit, "kernel40", args.repeat, cache_dir=d)
            cells.append(f"{v * 1e3:.1f}" if v is not None else f"error: {err}")
        finally:
            shutil.rmtree(d, ignore_errors=True)
    rows.append(("first call with cache=True, warm cache (new process, 40 lines)", "ms", *cells))
    print(rows[-1])
    lines = ["# The Python boundary: sharpjit vs Numba", "",
             "| measure | unit | sharpjit | Numba |", "|---|---|---|---|"]
    lines += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |" for r in rows]
    lines += ["", f"Medians of {args.repeat} fresh processes (call overhead: best of 5 x 200k calls). "
              "Debian's /usr/bin/python3 3.11; machine: 2 cores."]
    os.makedirs(RESULTS, exist_ok=True)
    path = os.path.join(RESULTS, "python.md")
    with open(path + ".tmp", "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(path + ".tmp", path)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
