#!/usr/bin/python3
"""Containers and strings (issue 10), the same Python functions under CPython, sharpjit (@jit) and Numba (@njit), in
one run with the engines alternating round by round (A B C A B C); medians and ratios. Writes bench/results/containers.md
and containers.png.
Usage: PYTHONPATH=python /usr/bin/python3 bench/containers.py [--rounds 5]
"""
import argparse, os, platform, statistics, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))

import sharpjit
from plotting import log_bars

N = 1_000_000


def append_floats(n):
    xs = []
    for i in range(n):
        xs.append(i * 0.5)
    return len(xs)


def sort_floats(n):
    xs = [((i * 7919) % 1000003) * 0.001 for i in range(n)]
    xs.sort()
    return xs[n // 2]


def word_count(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return len(counts)


def numba_word_count():
    """The word count for Numba, whose `{}` cannot be typed from later assignments: its typed Dict, made empty with
    its key and value types (the form Numba's documentation gives)."""
    import numba
    from numba import types

    @numba.njit
    def word_count_typed(text):
        counts = numba.typed.Dict.empty(key_type=types.unicode_type, value_type=types.int64)
        for w in text.split():
            counts[w] = counts.get(w, 0) + 1
        return len(counts)
    return word_count_typed


def set_of_tuples(n):
    s = set()
    for i in range(n):
        s.add((i % 1000, i // 1000))
    return len(s)


def split_join(text):
    return len("-".join(text.split()))


def list_length(xs):
    return len(xs)


def make_text():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    parts = []
    size, i = 0, 0
    while size < 10_000_000:
        w = words[(i * 7) % len(words)] + str(i % 100)
        parts.append(w)
        size += len(w) + 1
        i += 1
    return " ".join(parts)


def timed(fn, arg):
    t = time.perf_counter()
    fn(arg)
    return time.perf_counter() - t


def list_sum(xs):
    s = 0.0
    for x in xs:
        s += x
    return s


def sharing_table(floats, rounds, with_numba):
    """A list of 10^6 floats handed to compiled code: a Python list (converted in each call, written back only when
    changed) against a typed List (shared, no conversion), in sharpjit and Numba; and making the typed List."""
    from sharpjit import typed
    tl = typed.List(floats)
    cases = {
        "sum a Python list (converted in)": {"sharpjit": (sharpjit.jit(list_sum), floats)},
        "sum a typed List (shared)": {"sharpjit": (sharpjit.jit(list_sum), tl)},
        "typed List(10^6 floats) made from Python": {"sharpjit": (typed.List, floats)},
    }
    if with_numba:
        import numba
        from numba.typed import List as NumbaList
        ntl = NumbaList(floats)
        cases["sum a Python list (converted in)"]["Numba"] = (numba.njit(list_sum), floats)
        cases["sum a typed List (shared)"]["Numba"] = (numba.njit(list_sum), ntl)
        cases["typed List(10^6 floats) made from Python"]["Numba"] = (NumbaList, floats)
    for by_engine in cases.values():
        for f, arg in by_engine.values():
            f(arg)   # compiles
    samples = {(c, e): [] for c, by_engine in cases.items() for e in by_engine}
    for _ in range(rounds):
        for (c, e) in samples:
            f, arg = cases[c][e]
            samples[(c, e)].append(timed(f, arg))
    med = {k: statistics.median(v) * 1000 for k, v in samples.items()}
    out = ["", "Passing lists: a Python list is converted in for each call (and written back when compiled code changed "
           "it); a typed List is shared (ms, median):", "",
           "| 10^6 floats | sharpjit ms | Numba ms | sharpjit vs Numba |", "|---|---|---|---|"]
    for c in cases:
        ours, theirs = med[(c, "sharpjit")], med.get((c, "Numba"))
        ratio = "" if theirs is None else f"{theirs / ours:.1f}x faster" if theirs >= ours else f"{ours / theirs:.1f}x slower"
        out.append(f"| {c} | {ours:.1f} | {'n/a' if theirs is None else f'{theirs:.1f}'} | {ratio} |")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    text = make_text()
    words_text = " ".join(f"w{(i * 7919) % 50000}" for i in range(N))
    floats = [i * 0.25 for i in range(N)]
    tasks = {
        "build a list of 10^6 floats by append": (append_floats, N),
        "sort 10^6 floats (list built by a comprehension)": (sort_floats, N),
        "dict word count over 10^6 words": (word_count, words_text),
        "set of 10^6 tuples": (set_of_tuples, N),
        "split and join 10 MB of text": (split_join, text),
        "pass a list of 10^6 floats in (len)": (list_length, floats),
    }
    engines = {"CPython": lambda f: f, "sharpjit": sharpjit.jit}
    try:
        import numba
        engines["Numba"] = numba.njit
        numba_version = numba.__version__
    except ImportError:
        numba_version = "not installed"
    compiled = {}
    for task, (fn, arg) in tasks.items():
        expected = fn(arg)
        for engine, make in engines.items():
            f = numba_word_count() if (fn, engine) == (word_count, "Numba") else make(fn)
            try:
                got = f(arg)   # compiles, and warms up
            except Exception as e:   # an engine that cannot run the task shows n/a
                print(f"{engine} cannot run '{task}': {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
                continue
            assert got == expected, (task, engine, got, expected)
            compiled[(task, engine)] = f
    samples = {k: [] for k in compiled}
    for _ in range(args.rounds):
        for (task, engine), f in compiled.items():
            samples[(task, engine)].append(timed(f, tasks[task][1]))
    med = {k: statistics.median(v) * 1000 for k, v in samples.items()}
    lines = ["# Containers and strings: CPython, sharpjit, Numba", "",
             "`PYTHONPATH=python /usr/bin/python3 bench/containers.py` — one call of each function (ms, median of "
             f"{args.rounds} rounds, engines alternating). Python {platform.python_version()}, Numba {numba_version}, "
             f"{os.cpu_count()} cores. Numba runs the same code (`[]` in `@njit` is its reflected list; a list argument "
             "is reflected too), except the word count, which Numba cannot type from `{}`: it runs the same loop on its "
             "`typed.Dict.empty(unicode_type, int64)`).", "",
             "| task | CPython ms | sharpjit ms | Numba ms | sharpjit vs CPython | sharpjit vs Numba |", "|---|---|---|---|---|---|"]
    for task in tasks:
        def cell(engine):
            return f"{med[(task, engine)]:.1f}" if (task, engine) in med else "n/a"
        def ratio(engine):
            if (task, engine) not in med or (task, "sharpjit") not in med or med[(task, engine)] < 0.05:
                return ""   # CPython's len() of its own list converts nothing
            r = med[(task, engine)] / med[(task, "sharpjit")]
            return f"{r:.1f}x faster" if r >= 1 else f"{1 / r:.1f}x slower"
        lines.append(f"| {task} | {cell('CPython')} | {cell('sharpjit')} | {cell('Numba')} | {ratio('CPython')} | {ratio('Numba')} |")
    lines += sharing_table(floats, args.rounds, "Numba" in engines)
    text_out = "\n".join(lines) + "\n"
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "containers.md"), "w") as f:
        f.write(text_out)
    names = list(tasks)
    log_bars(os.path.join(out, "containers.png"), names,
             {engine: [med.get((t, engine), 0) for t in names] for engine in engines}, "ms per call (median, log scale)")
    print(text_out)


if __name__ == "__main__":
    main()
