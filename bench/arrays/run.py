#!/usr/bin/python3
"""Array benchmark: NumPy, Numba (@njit) and sharpjit (@jit, and @jit(boundscheck=False)) on bench/arrays/*.py, and
for the *_loops kernels the same loop in C (bench/arrays/c/NAME.c, clang-19 -O3 -march=native -ffp-contract=off).

Per kernel: the first call (compile + run) of each compiled engine, each in a fresh process (5 each, alternating,
median), and its compilation by the engine's own clock; then steady-state runs
in one process, alternating the engines run by run in rounds (each engine once a round, in a new order each round)
so that machine drift hits all and no engine always follows the same one; medians.
Every engine's result is checked against NumPy's (the plain call); a different one is "wrong result", never timed.
Writes bench/results/arrays.md (table) and bench/results/arrays.png (ratios) and prints the table.

Usage: PYTHONPATH=DIR_WITH_SHARPJIT /usr/bin/python3 bench/arrays/run.py [--kernels a,b] [--quick] [--repeat N]
(PYTHONPATH defaults to this tree's python/ folder.)
"""
import argparse, functools, json, os, random, re, statistics, subprocess, sys, time, types

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RESULTS = os.path.join(ROOT, "bench", "results")
MARK = "\n# --- sanity ---\n"
ENGINES = ("numpy", "numba", "sharpjit", "sharpjit_nobc", "c")
COMPILED = ("numba", "sharpjit", "sharpjit_nobc")   # the engines whose first call (compilation) is measured
LABELS = {"numpy": "NumPy", "numba": "Numba", "sharpjit": "sharpjit", "sharpjit_nobc": "sharpjit(boundscheck=False)",
          "c": "C"}
NO_C_PEER = "no C peer"
TOLERANCE = {"float32": (1e-4, 1e-6), "other": (1e-6, 1e-9)}  # (rtol, atol) of np.allclose against NumPy's result
FIRST_CALL_TIMEOUT_S, STEADY_TIMEOUT_S = 300, 900
# Fresh processes per engine and kernel; the median is reported. A first compilation in a fresh process moves by 10-20%
# between processes here (clip_abs: 28 to 45 ms, one build, five processes): 5 rather than 3 steadies the median.
FIRST_CALL_RUNS = 5
TOUCHED = (0, 0.0)    # (GiB, seconds) of free memory written once before the first kernel (touch_memory)


# ---------------------------------------------------------------- inside a worker process

def kernel_names():
    return sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f != "run.py")


def load_kernel(name):
    """The kernel file up to its sanity part, as a registered module (Numba and sharpjit both find it)."""
    path = os.path.join(HERE, name + ".py")
    with open(path) as f:
        part = f.read().split(MARK)[0]
    module = types.ModuleType("bench_arrays_" + name)
    module.__file__ = path
    sys.modules[module.__name__] = module
    exec(compile(part, path, "exec"), module.__dict__)
    return module


def import_engine(engine):
    if engine == "numba":
        import numba  # noqa: F401
    elif engine.startswith("sharpjit"):
        import sharpjit  # noqa: F401


@functools.cache
def c_peers():
    sys.path.insert(0, os.path.join(HERE, "c"))
    import peers
    return peers


def wrap(engine, fn):
    if engine == "numpy":
        return fn
    if engine == "c":
        return c_peers().load(fn.__module__.removeprefix("bench_arrays_"))
    if engine == "numba":
        import numba
        return numba.njit(fn)
    import sharpjit
    return sharpjit.jit(fn) if engine == "sharpjit" else sharpjit.jit(boundscheck=False)(fn)


def fresh(args):
    """A copy of the arguments: kernels may update their arrays in place."""
    import numpy as np
    return [a.copy() if isinstance(a, np.ndarray) else a for a in args]


def first_line(exc):
    """The line of the error that names its cause, with the kernel line it points at (sharpjit's errors start
    with a location, Numba's with a pipeline stage), else its first line."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))
    lines = [l.strip() for l in text.splitlines() if l.strip()] or [""]
    named = [l for l in lines if re.match(r"\w+(Error|Exception): ", l)]
    if named:
        line = named[0]
    else:
        body = [l for l in lines[1:] if not l.startswith("- ")] if lines[0].startswith("Failed in nopython") else lines
        line = f"{type(exc).__name__}: {([l for l in body if l.startswith('>>> ')] or body or lines)[0]}"
    where = re.search(r'File "[^"]*", line (\d+)', text)
    return line + (f" (line {where.group(1)})" if where else "")


def failure(fn, exc):
    compiled = bool(getattr(fn, "signatures", True))  # a dispatcher with no signature never got to run code
    return f"{'fails at run time' if compiled else 'does not compile'}: {first_line(exc)}"


def mismatch(got, want):
    """None when got matches NumPy's result want, else what differs."""
    import numpy as np
    if isinstance(want, tuple):
        if not isinstance(got, tuple) or len(got) != len(want):
            return f"a {type(got).__name__}, NumPy returns a tuple of {len(want)}"
        return next((f"item {i}: {m}" for i, m in enumerate(map(mismatch, got, want)) if m), None)
    got_a, want_a = np.asarray(got), np.asarray(want)
    if got_a.shape != want_a.shape:
        return f"shape {got_a.shape}, NumPy {want_a.shape}"
    if isinstance(want, np.ndarray) and got_a.dtype != want_a.dtype:
        return f"dtype {got_a.dtype}, NumPy {want_a.dtype}"
    rtol, atol = TOLERANCE["float32" if want_a.dtype == np.float32 else "other"]
    if not np.allclose(got_a, want_a, rtol=rtol, atol=atol, equal_nan=True):
        return f"largest difference {np.max(np.abs(got_a.astype(float) - want_a.astype(float))):.3g}"
    return None


def first_call(engine, name):
    import numpy  # noqa: F401  (both engines' import times are measured without NumPy's)
    start = time.perf_counter()
    try:
        import_engine(engine)
    except Exception as e:
        return {"status": f"unavailable: {first_line(e)}"}
    import_s = time.perf_counter() - start
    module = load_kernel(name)
    args = module.setup()
    # NumPy's result first, before the clock: its run also faults in memory of the arrays' sizes, which the first
    # call would otherwise count as compile time (for either engine).
    want = module.kernel(*fresh(args))
    call_args = fresh(args)  # copied before the clock starts: the copy is no part of the first call
    start = time.perf_counter()
    fn = wrap(engine, module.kernel)
    try:
        result = fn(*call_args)
    except Exception as e:
        return {"status": failure(fn, e)}
    first_s = time.perf_counter() - start
    problem = mismatch(result, want)
    return {"status": f"wrong result: {problem}" if problem else "ok", "first_s": first_s, "import_s": import_s,
            "compile_s": compile_clock(engine, fn)}


def compile_clock(engine, fn):
    """The first call's compilation by the engine's own clock (without typing the arguments, dispatch and the run):
    Numba's time under its compiler lock, sharpjit's compile_times (parse to machine code, any wait for LLVM's
    load or another compilation included)."""
    try:
        if engine == "numba":
            return fn.get_metadata(fn.signatures[0])["timers"]["compiler_lock"]
        return fn.compile_times[0]
    except Exception:
        return None


def changed(args, originals):
    import numpy as np
    return any(isinstance(a, np.ndarray) and not np.array_equal(a, o, equal_nan=True) for a, o in zip(args, originals))


def single_runs(fns, args, updates_inputs):
    """Engine -> the time of one run (to size the measurement)."""
    took = {}
    for engine, fn in fns.items():
        call_args = fresh(args) if updates_inputs else args
        start = time.perf_counter()
        fn(*call_args)
        took[engine] = time.perf_counter() - start
    return took


def steady(name, engines, repeat):
    """Engine -> median run time. Each timed run follows an untimed run of the same engine, so that it finds the
    heap as its own last run left it (as in a loop calling the kernel): without that, whether one engine's frees
    trim the heap decides how many page faults the next engine takes. Inputs are copied (untimed) before every run
    only for kernels that update them in place; copying moves the heap too."""
    module = load_kernel(name)
    args = module.setup()
    fns, out, updates_inputs = {}, {}, False
    want = module.kernel(*fresh(args)) if "c" in engines else None   # the first call of the others checked it
    for engine in engines:
        fn = wrap(engine, module.kernel)
        call_args = fresh(args)
        try:
            result = fn(*call_args)  # compiles
        except Exception as e:
            out[engine] = {"status": failure(fn, e)}
            continue
        if engine == "c" and (problem := mismatch(result, want)):
            out[engine] = {"status": f"wrong result: {problem}"}
            continue
        fns[engine] = fn
        updates_inputs = updates_inputs or changed(call_args, args)
    times = {engine: [] for engine in fns}
    # Kernels under 2 ms get more rounds, enough to fill about 20 ms (at most 100): the median of 3 runs of a
    # 50-microsecond kernel moves by tens of percent. Slower engines stop after `repeat` rounds.
    took = single_runs(fns, args, updates_inputs)
    rounds = max(repeat, min(100, int(0.02 / max(min(took.values(), default=1.0), 1e-6))))
    # Each round runs the engines in a new order (seeded by the kernel's name): an engine's time depends on which
    # engine ran just before it (what that one left in the heap and the caches), by up to 40% on memory-bound kernels
    # in a fixed order, and a fixed order would hand that to one engine every round.
    order = random.Random(name)
    for r in range(rounds):
        engines_this_round = list(fns.items())
        order.shuffle(engines_this_round)
        for engine, fn in engines_this_round:
            if r >= repeat and took[engine] > 0.002:
                continue
            fn(*(fresh(args) if updates_inputs else args))
            call_args = fresh(args) if updates_inputs else args
            start = time.perf_counter()
            fn(*call_args)
            times[engine].append(time.perf_counter() - start)
    out.update({engine: {"status": "ok", "run_s": statistics.median(ts), "samples": ts} for engine, ts in times.items()})
    return out


# ---------------------------------------------------------------- the driver

# NumPy as users have it: with Debian's OpenBLAS (libopenblas0) where it is installed, whatever BLAS the system's
# alternatives select (the test suite compares against reference LAPACK bit for bit).
OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-pthread"


def worker_env():
    env = dict(os.environ, PYTHONPATH=os.environ.get("PYTHONPATH") or os.path.join(ROOT, "python"))
    if os.path.exists(os.path.join(OPENBLAS, "libblas.so.3")):
        env["LD_LIBRARY_PATH"] = OPENBLAS + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    return env


def worker(argv, timeout):
    """Runs this file in a fresh process with argv; its last stdout line is JSON. Crashes become a status."""
    try:
        proc = subprocess.run([sys.executable, os.path.abspath(__file__), *argv], capture_output=True, text=True,
                              timeout=timeout, env=worker_env())
    except subprocess.TimeoutExpired:
        return {"status": f"timed out after {timeout} s"}
    lines = proc.stdout.strip().splitlines()
    if proc.returncode == 0 and lines:
        return json.loads(lines[-1])
    last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
    return {"status": f"crashed (exit {proc.returncode}): {last}"}


def steady_runs(name, engines, repeat):
    """Engine -> {"status", "run_s"}: all engines alternating in one process; if that process crashes, each engine
    alone (not alternating), so the crash is pinned on its engine and the others are still timed."""
    got = worker(["--steady", name, ",".join(engines), "--repeat", str(repeat)], STEADY_TIMEOUT_S)
    if "status" not in got:
        return got
    if len(engines) == 1:
        return {engines[0]: got}
    return {engine: steady_runs(name, [engine], repeat)[engine] for engine in engines}


def bench_kernel(name, repeat):
    row = {"name": name, "status": {"numpy": "ok"}, "first_s": {}, "import_s": {}, "compile_s": {}, "run_s": {},
           "samples": {}}
    measured = {engine: {"first_s": [], "import_s": [], "compile_s": []} for engine in COMPILED}
    row["status"]["c"] = "ok" if name.endswith("_loops") and c_peers().available() and name in c_peers().SPECS else NO_C_PEER
    for _ in range(FIRST_CALL_RUNS):   # engines alternate run by run
        for engine in COMPILED:
            if row["status"].get(engine, "ok") != "ok":
                continue
            got = worker(["--first", engine, name], FIRST_CALL_TIMEOUT_S)
            row["status"][engine] = got["status"]
            for measure in ("first_s", "import_s", "compile_s"):
                if got.get(measure) is not None:
                    measured[engine][measure].append(got[measure])
    for engine, values in measured.items():
        for measure, xs in values.items():
            if xs:
                row[measure][engine] = statistics.median(xs)
    timed = steady_runs(name, [e for e in ENGINES if row["status"][e] == "ok"], repeat)
    for engine, result in timed.items():
        row["status"][engine] = result["status"]
        if "run_s" in result:
            row["run_s"][engine] = result["run_s"]
            row["samples"][engine] = result["samples"]
    return row


def interval(row, other, resamples=2000, level=0.95):
    """A bootstrap interval of sharpjit's median run time over another engine's: both engines' runs resampled with
    replacement, the ratio of their medians taken each time. None without the samples."""
    mine, theirs = row.get("samples", {}).get("sharpjit"), row.get("samples", {}).get(other)
    if not mine or not theirs:
        return None
    draw = random.Random(row["name"])
    ratios = sorted(statistics.median(draw.choices(mine, k=len(mine))) / statistics.median(draw.choices(theirs, k=len(theirs)))
                    for _ in range(resamples))
    tail = (1 - level) / 2
    return ratios[int(tail * resamples)], ratios[min(int((1 - tail) * resamples), resamples - 1)]


def ratio(row, a, b):
    t = row["run_s"]
    return t[a] / t[b] if a in t and b in t else None


def compile_ms(row, engine):
    """The first call's compilation, by the engine's own clock."""
    return row.get("compile_s", {}).get(engine, None) and row["compile_s"][engine] * 1000


def first_call_ms(row, engine):
    """The first call (compile and one run) minus the steady-state run: what the first call costs beyond a later one,
    including the first run's page faults and cold caches."""
    if engine not in row["first_s"] or engine not in row["run_s"]:
        return None
    return max(row["first_s"][engine] - row["run_s"][engine], 0.0) * 1000


def failures_of(row):
    """Engine label -> failure, with sharpjit's two builds folded into one when they fail alike."""
    st = row["status"]
    found = {LABELS[e]: st[e] for e in ENGINES if st[e] not in ("ok", NO_C_PEER)}
    if st["sharpjit"] != "ok" and st["sharpjit_nobc"] == st["sharpjit"]:
        del found[LABELS["sharpjit_nobc"]]
    return found


def fmt(x, spec=".2f", missing="-"):
    return missing if x is None else format(x, spec)


def table_lines(rows):
    lines = ["| kernel | NumPy ms | Numba ms | sharpjit ms | C ms | sharpjit / Numba | sharpjit / NumPy | sharpjit / C "
             "| compile ms Numba / sharpjit | first call - run ms Numba / sharpjit | bounds-check cost % | status |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        t = row["run_s"]
        ms = {e: (t[e] * 1000 if e in t else None) for e in ENGINES}
        check = ratio(row, "sharpjit", "sharpjit_nobc")
        fails = failures_of(row)
        status = "ok" if not fails else "; ".join(f"{label}: {why.split(':')[0]}" for label, why in fails.items())
        lines.append(f"| {row['name']} | {fmt(ms['numpy'], '.3f')} | {fmt(ms['numba'], '.3f')} | "
                     f"{fmt(ms['sharpjit'], '.3f')} | {fmt(ms['c'], '.3f')} | {fmt(ratio(row, 'sharpjit', 'numba'))} | "
                     f"{fmt(ratio(row, 'sharpjit', 'numpy'))} | {fmt(ratio(row, 'sharpjit', 'c'))} | "
                     f"{fmt(compile_ms(row, 'numba'), '.0f')} / "
                     f"{fmt(compile_ms(row, 'sharpjit'), '.1f')} | {fmt(first_call_ms(row, 'numba'), '.0f')} / "
                     f"{fmt(first_call_ms(row, 'sharpjit'), '.1f')} | {fmt(None if check is None else (check - 1) * 100, '+.0f')} "
                     f"| {status} |")
    return lines


def geomean(xs):
    xs = [x for x in xs if x is not None]
    return (statistics.geometric_mean(xs), len(xs)) if xs else (None, 0)


def median_of(xs):
    xs = [x for x in xs if x is not None]
    return (statistics.median(xs), len(xs)) if xs else (None, 0)


def summary_lines(rows):
    n = len(rows)
    numba_ok = [r for r in rows if r["status"]["numba"] == "ok"]
    sharp_ok = [r for r in rows if r["status"]["sharpjit"] == "ok"]
    both = [r for r in numba_ok if r["status"]["sharpjit"] == "ok"]
    wins = [r for r in sharp_ok if r["run_s"]["sharpjit"] <= best_of_numpy_numba(r)]
    sj_numba, k1 = geomean(ratio(r, "sharpjit", "numba") for r in rows)
    sj_numpy, k2 = geomean(ratio(r, "sharpjit", "numpy") for r in rows)
    nb_numpy, k3 = geomean(ratio(r, "numba", "numpy") for r in rows)
    sj_compile, k4 = median_of(compile_ms(r, "sharpjit") for r in rows)
    nb_compile, k5 = median_of(compile_ms(r, "numba") for r in rows)
    sj_first, _ = median_of(first_call_ms(r, "sharpjit") for r in rows)
    nb_first, _ = median_of(first_call_ms(r, "numba") for r in rows)
    sj_import, _ = median_of(r.get("import_s", {}).get("sharpjit") for r in rows)
    nb_import, _ = median_of(r.get("import_s", {}).get("numba") for r in rows)
    return [
        f"- Compiled with a result matching NumPy's: Numba {len(numba_ok)} of {n} kernels, sharpjit {len(sharp_ok)} of {n}, "
        f"{len(both)} of the {len(numba_ok)} that Numba compiles (target: all of them).",
        f"- Geometric mean sharpjit / Numba: {fmt(sj_numba)} over {k1} kernels (target: <= 0.5); "
        f"sharpjit / NumPy: {fmt(sj_numpy)} over {k2}; Numba / NumPy: {fmt(nb_numpy)} over {k3}.",
        f"- sharpjit at least as fast as the faster of NumPy and Numba: {len(wins)} of {n} kernels (target: all).",
        slower_lines(sharp_ok),
        *c_lines(sharp_ok),
        f"- Median first-call compile: sharpjit {fmt(sj_compile, '.1f')} ms over {k4} kernels (target: <= 40 ms); "
        f"Numba {fmt(nb_compile, '.0f')} ms over {k5}. First call minus the steady-state run (the first run's page "
        f"faults and cold caches included): sharpjit {fmt(sj_first, '.1f')} ms, Numba {fmt(nb_first, '.0f')} ms.",
        f"- Median import in a fresh process (NumPy already imported): sharpjit "
        f"{fmt(None if sj_import is None else sj_import * 1000, '.0f')} ms, Numba "
        f"{fmt(None if nb_import is None else nb_import * 1000, '.0f')} ms. sharpjit loads LLVM in the background from "
        f"import on; Numba loads it during import.",
    ]


def failure_lines(rows):
    lines = [f"- {row['name']}, {label}: {why.replace('|', '/')}" for row in rows
             for label, why in failures_of(row).items()]
    return ["## Engines that failed", ""] + lines + [""] if lines else []


def slower(rows, other_of):
    """The kernels where sharpjit's median is above another engine's (other_of(row), or None to skip the row), split
    by the bootstrap 95% interval of the ratio: above 1 (slower beyond the noise of the measurement) or including 1
    (a difference the runs cannot tell from noise; the same code in both engines gives one)."""
    above, ties = [], []
    for row in rows:
        other = other_of(row)
        if other is None or other not in row["run_s"] or row["run_s"]["sharpjit"] <= row["run_s"][other]:
            continue
        ci = interval(row, other)
        if ci is not None:
            (above if ci[0] > 1 else ties).append(f"{row['name']} {row['run_s']['sharpjit'] / row['run_s'][other]:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]")
    return above, ties


def listed(xs):
    return ", ".join(xs) if xs else "none"


def best_engine(row):
    return min((e for e in ("numpy", "numba") if e in row["run_s"]), key=lambda e: row["run_s"][e], default=None)


def slower_lines(rows):
    above, ties = slower(rows, best_engine)
    return (f"- Slower than the faster of NumPy and Numba beyond the noise (the bootstrap 95% interval of the ratio of "
            f"medians above 1): {len(above)} of {len(rows)} ({listed(above)}); slower by less than the noise (ratio "
            f"[interval], the interval includes 1): {listed(ties)}.")


def c_lines(rows):
    """The *_loops kernels against the same loop in C."""
    both = [r for r in rows if "c" in r["run_s"] and "sharpjit" in r["run_s"]]
    if not both:
        return []
    mean, k = geomean(ratio(r, "sharpjit", "c") for r in both)
    above, ties = slower(both, lambda r: "c")
    return [f"- Loops against the same loop in C (clang -O3, {len(both)} `_loops` kernels with a C peer): geometric "
            f"mean sharpjit / C {fmt(mean)}; at least as fast as C: {sum(r['run_s']['sharpjit'] <= r['run_s']['c'] for r in both)} "
            f"of {k}; slower beyond the noise: {listed(above)}; slower by less than the noise: {listed(ties)}."]


def best_of_numpy_numba(row):
    times = [row["run_s"][e] for e in ("numpy", "numba") if e in row["run_s"]]
    return min(times) if times else None


def draw_ratios(ax, rows, series, empty_note):
    width = 0.8 / len(series)
    drawn = False
    for k, (label, color, ratio_of) in enumerate(series):
        points = [(i, ratio_of(r)) for i, r in enumerate(rows) if ratio_of(r) is not None]
        if points:
            # bars grow from 1: up when slower, down when faster
            ax.bar([i + (k - (len(series) - 1) / 2) * width for i, _ in points], [y - 1 for _, y in points], width,
                   bottom=1.0, label=label, color=color)
            drawn = True
    if not drawn:
        ax.text(0.5, 0.5, empty_note, transform=ax.transAxes, ha="center", va="center")
    else:
        from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:g}"))
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.legend(fontsize=8)
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_xticks(range(len(rows)))
    ax.set_xticklabels([r["name"] for r in rows], rotation=70, ha="right", fontsize=8)


def write_plot(rows, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        return f"(no plot: {e})"

    def over_best(r):
        best = best_of_numpy_numba(r)
        return r["run_s"]["sharpjit"] / best if "sharpjit" in r["run_s"] and best else None
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(max(8, 0.4 * len(rows)), 9), sharex=True)
    draw_ratios(top, rows, [("sharpjit / Numba (target: geometric mean <= 0.5)", "tab:blue",
                             lambda r: ratio(r, "sharpjit", "numba")),
                            ("sharpjit / faster of NumPy and Numba (target: <= 1)", "tab:orange", over_best)],
                "sharpjit compiled none of these kernels")
    top.axhline(0.5, color="tab:blue", linewidth=0.8, linestyle="--")
    top.set_title("sharpjit steady-state run time, relative")
    draw_ratios(bottom, rows, [("Numba / NumPy (NumPy column of _loops kernels: CPython)", "tab:green",
                                lambda r: ratio(r, "numba", "numpy")),
                               ("sharpjit / C (clang -O3; _loops kernels)", "tab:red", lambda r: ratio(r, "sharpjit", "c"))],
                "Numba compiled none of these kernels")
    bottom.set_title("Reference: Numba relative to NumPy; sharpjit relative to the same loop in C")
    for ax in (top, bottom):
        ax.set_ylabel("run-time ratio (below 1: faster)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return f"![ratios]({os.path.basename(path)})"


VERSIONS_PROBE = """
import os, time, numpy, numba
try:
    import sharpjit
    where = os.path.dirname(sharpjit.__file__)
    newest = max(os.path.getmtime(os.path.join(where, f)) for f in os.listdir(where))
    where += time.strftime(" (files of %Y-%m-%d %H:%M)", time.localtime(newest))
except Exception as e:
    where = f"nowhere importable ({e})"
numpy.ones((2, 2)) @ numpy.ones((2, 2))
with open("/proc/self/maps") as maps:
    mapped = maps.read()
blas = "OpenBLAS" if "libopenblas" in mapped else "reference BLAS" if "libblas.so" in mapped else "unknown BLAS"
print(f"NumPy {numpy.__version__} with {blas}, Numba {numba.__version__}, sharpjit from {where}")
"""


def c_version():
    peers = c_peers()
    return f"C: {peers.compiler_version()} {' '.join(f for f in peers.FLAGS if f not in ('-shared', '-fPIC'))}" \
        if peers.available() else "C: clang-19 not found"


def versions():
    """NumPy, Numba and sharpjit as the workers see them; sharpjit's builds change, so with the time of its files."""
    return subprocess.run([sys.executable, "-c", VERSIONS_PROBE], capture_output=True, text=True,
                          env=worker_env()).stdout.strip()


def report(rows, repeat, wall_s):
    os.makedirs(RESULTS, exist_ok=True)
    plot = write_plot(rows, os.path.join(RESULTS, "arrays.png"))
    rtol, atol = TOLERANCE["other"]
    rtol32, atol32 = TOLERANCE["float32"]
    text = "\n".join(
        ["# Array kernels: sharpjit vs NumPy and Numba", ""] + table_lines(rows) + [""] + summary_lines(rows) + [
            "",
            f"Steady state: medians of {repeat} runs per engine (engines under 2 ms: enough runs to fill about 20 ms, at most "
            f"100), engines alternating run by run in one process in rounds, each round in a new order (which engine ran just "
            f"before moved another by up to 40% on memory-bound kernels in a fixed order), each "
            f"timed run right after an untimed one of the same engine; inputs copied (untimed) before each run only for "
            f"kernels that update them in place. Compile = the first call's compilation in a fresh process by each "
            f"engine's own clock (Numba: its compiler lock's timer; sharpjit: `compile_times`, parse to machine code), "
            f"median of {FIRST_CALL_RUNS} processes per engine (alternating). First call - run = the whole first call "
            f"(compile + one run) minus the steady-state median, from the same processes: it also counts what the first "
            f"run pays once (page faults of its new arrays, cold caches; in the virtual machine measured here, whose "
            f"balloon device takes freed memory back, a 16 MB result's first run took 5 to 70 ms for either engine). The kernel runs "
            f"once under NumPy in that process before the clock starts (its reference result), so memory the first run "
            f"touches is already mapped for either engine; before the first kernel, the machine's free memory was written "
            f"once ({TOUCHED[0]} GiB in {TOUCHED[1]:.0f} s: a virtual machine's memory never written since it booted is "
            f"backed by the host on its first write, which made a 16 MB array's first run 10x slower for every engine). Bounds-check cost = sharpjit / sharpjit(boundscheck=False) - 1. Results checked "
            f"against NumPy's with np.allclose(rtol={rtol:g}, atol={atol:g}) (float32: rtol={rtol32:g}, "
            f"atol={atol32:g}), same shape and array dtype. `_loops` kernels are run by CPython in the NumPy column. "
            f"C: the `_loops` kernel's loop written in plain C (bench/arrays/c/NAME.c; the same operations in the same "
            f"order, results bit for bit equal to Python's), called through ctypes (about 1 us a call, in its time), "
            f"timed in the same rounds; random_walk_loops has none (it draws NumPy's random numbers in the loop).",
            f"{versions()}; {c_version()}; Python {sys.version.split()[0]}; "
            f"{os.cpu_count()} cores; whole run {wall_s / 60:.1f} min; {time.strftime('%Y-%m-%d')}.", "",
            plot, ""] + failure_lines(rows))
    with open(os.path.join(RESULTS, "arrays.md"), "w") as f:
        f.write(text)
    print(text)


TOUCH_PROBE = """
import time, numpy
start, touched = time.perf_counter(), []
def available():
    with open("/proc/meminfo") as f:
        return next(int(l.split()[1]) * 1024 for l in f if l.startswith("MemAvailable:"))
while available() > (2 << 30):
    touched.append(numpy.ones(1 << 27))  # 1 GiB
print(len(touched), time.perf_counter() - start)
"""


def touch_memory():
    """Writes the machine's free memory once (all but 2 GiB, in a child process that then exits). A virtual machine's
    memory that was never written since it booted is backed by the host on its first write: in the one measured here a
    16 MB array's first run took 20-30 ms instead of 1-3 (saxpy), for NumPy as for the compiled engines, which the
    first call counted as compile time. A machine that has run a while (or a real one) has none left."""
    out = subprocess.run([sys.executable, "-c", TOUCH_PROBE], capture_output=True, text=True).stdout.split()
    return (int(out[0]), float(out[1])) if len(out) == 2 else (0, 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kernels", help="comma-separated kernel names (default: all in bench/arrays)")
    ap.add_argument("--quick", action="store_true", help="3 steady-state runs per engine (unless --repeat)")
    ap.add_argument("--repeat", type=int, help="steady-state runs per engine (default 7, --quick 3)")
    ap.add_argument("--no-touch", action="store_true", help="do not write the free memory once first (see touch_memory)")
    ap.add_argument("--first", nargs=2, metavar=("ENGINE", "KERNEL"), help=argparse.SUPPRESS)
    ap.add_argument("--steady", nargs=2, metavar=("KERNEL", "ENGINES"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    repeat = a.repeat or (3 if a.quick else 7)
    if a.first:
        print(json.dumps(first_call(*a.first)))
        return
    if a.steady:
        name, engines = a.steady
        print(json.dumps(steady(name, [e for e in engines.split(",") if e], repeat)))
        return
    names = a.kernels.split(",") if a.kernels else kernel_names()
    unknown = set(names) - set(kernel_names())
    if unknown:
        sys.exit(f"unknown kernel(s): {', '.join(sorted(unknown))}")
    global TOUCHED
    TOUCHED = (0, 0.0) if a.no_touch else touch_memory()
    print(f"free memory written once: {TOUCHED[0]} GiB in {TOUCHED[1]:.1f} s", file=sys.stderr, flush=True)
    start = time.perf_counter()
    rows = []
    for name in names:
        rows.append(bench_kernel(name, repeat))
        t = rows[-1]["run_s"]
        print(f"{name}: " + "  ".join(f"{LABELS[e]} {t[e] * 1000:.2f} ms" if e in t else f"{LABELS[e]} -"
                                      for e in ENGINES), file=sys.stderr, flush=True)
    report(rows, repeat, time.perf_counter() - start)


if __name__ == "__main__":
    main()
