#!/usr/bin/python3
"""Checks every C peer (peers.py) against its Python kernel: the result, and the arguments afterwards (some
kernels update their input arrays in place). Floats must match with np.allclose(rtol=1e-6, atol=1e-9), ints exactly.
Prints a line per kernel ("bit-identical" where the floats match exactly too) and a summary; exits 1 on a mismatch.

Usage: /usr/bin/python3 bench/arrays/c/check.py [--kernels a,b]
"""
import argparse
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
KERNELS = os.path.dirname(HERE)
sys.path[:0] = [HERE, KERNELS]
import peers as c_peers  # noqa: E402
from run import fresh, load_kernel  # noqa: E402  (the kernel file up to its sanity part, as the harness reads it)


def compare(got, want, where):
    """None when got matches want, else what differs. Also returns whether every float matched bit for bit."""
    if isinstance(want, tuple):
        if not isinstance(got, tuple) or len(got) != len(want):
            return f"{where}: got {type(got).__name__} of {len(got) if isinstance(got, tuple) else '-'}, " \
                   f"want tuple of {len(want)}", False
        exact = True
        for i, (g, w) in enumerate(zip(got, want)):
            problem, same = compare(g, w, f"{where}[{i}]")
            if problem:
                return problem, False
            exact &= same
        return None, exact
    if isinstance(want, np.ndarray):
        if not isinstance(got, np.ndarray) or got.shape != want.shape or got.dtype != want.dtype:
            return f"{where}: got {getattr(got, 'dtype', type(got).__name__)}{getattr(got, 'shape', '')}, " \
                   f"want {want.dtype}{want.shape}", False
    g, w = np.asarray(got), np.asarray(want)
    if w.dtype.kind in "iub":
        if g.dtype.kind not in "iub" or not np.array_equal(g, w):
            return f"{where}: ints differ (got {g.ravel()[:5]}, want {w.ravel()[:5]})", False
        return None, True
    if not np.allclose(g, w, rtol=1e-6, atol=1e-9):
        return f"{where}: max abs difference {np.max(np.abs(g - w)):.3e}", False
    return None, bool(np.array_equal(g, w))


def check(name):
    """(ok, line) for one kernel."""
    module = load_kernel(name)
    peer = c_peers.load(name)
    args = module.setup()
    for i, a in enumerate(args):
        if isinstance(a, np.ndarray) and not a.flags.c_contiguous:
            return False, f"setup() argument {i} is not C-contiguous"
    py_args, c_args = fresh(args), fresh(args)
    start = time.perf_counter()
    want = module.kernel(*py_args)
    py_s = time.perf_counter() - start
    got = peer(*c_args)
    problem, exact = compare(got, want, "result")
    if not problem:
        for i, (g, w) in enumerate(zip(c_args, py_args)):
            if isinstance(w, np.ndarray):
                problem, same = compare(g, w, f"argument {i} after the call")
                if problem:
                    break
                exact &= same
    if problem:
        return False, problem
    mutated = [i for i, (a, w) in enumerate(zip(args, py_args)) if isinstance(a, np.ndarray) and not np.array_equal(a, w)]
    notes = ["bit-identical" if exact else "close"]
    if mutated:
        notes.append(f"updates argument(s) {', '.join(map(str, mutated))} in place, matched")
    return True, f"{'; '.join(notes)} (Python {py_s:.2f} s)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernels", help="comma-separated kernel names (default: every *_loops kernel)")
    opts = parser.parse_args()
    if not c_peers.available():
        sys.exit(f"{c_peers.CC} not found")
    print(c_peers.compiler_version(), "|", " ".join(c_peers.FLAGS))
    names = opts.kernels.split(",") if opts.kernels else \
        sorted(f[:-3] for f in os.listdir(KERNELS) if f.endswith("_loops.py"))
    failed, checked, skipped = [], 0, []
    for name in names:
        if c_peers.load(name) is None:
            skipped.append(name)
            print(f"{name:22} no C peer: {c_peers.NO_PEER.get(name, 'not written')}")
            continue
        try:
            ok, line = check(name)
        except Exception as exc:  # a crash in one kernel should not hide the others
            ok, line = False, f"{type(exc).__name__}: {exc}"
        checked += 1
        print(f"{name:22} {'ok  ' if ok else 'FAIL'} {line}")
        if not ok:
            failed.append(name)
    print(f"{checked - len(failed)}/{checked} peers match; {len(skipped)} without a peer"
          + (f" ({', '.join(skipped)})" if skipped else "") + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
