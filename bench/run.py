#!/usr/bin/python3
"""Scalar benchmark: CPython, Numba (@njit), clang -O3 C and sharpjit on the kernels in bench/kernels, in one run.

Writes bench/results/scalar.md (a table of medians and ratios) and prints it.
Usage: python3 bench/run.py [--repeat N] [--quick] [KERNEL ...]
"""
import argparse, ctypes, json, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNELS = os.path.join(ROOT, "bench", "kernels")
RESULTS = os.path.join(ROOT, "bench", "results")
MARK = "\n# --- sanity ---\n"


def kernel_source(name):
    with open(os.path.join(KERNELS, name + ".py")) as f:
        return f.read().split(MARK)[0]


def load(name):
    ns = {}
    exec(compile(kernel_source(name), name + ".py", "exec"), ns)
    return ns


def timed(fn, args, repeat):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def bench_cpython(name, repeat):
    ns = load(name)
    return timed(ns["kernel"], ns["BENCH_ARGS"], repeat)


def bench_numba(name, repeat):
    import numba
    ns = load(name)
    ns["kernel"] = numba.njit(ns["kernel"])
    t = time.perf_counter()
    ns["kernel"](*ns["BENCH_ARGS"])
    first = time.perf_counter() - t
    run, result = timed(ns["kernel"], ns["BENCH_ARGS"], repeat)
    compile_s = max(first - run, 0.0)
    return run, result, compile_s


def bench_c(name, repeat, workdir):
    src = os.path.join(KERNELS, "c", name + ".c")
    lib = os.path.join(workdir, name + ".so")
    subprocess.run(["clang-19", "-O3", "-march=native", "-shared", "-fPIC", src, "-o", lib, "-lm"], check=True)
    so = ctypes.CDLL(lib)
    ns = load(name)
    is_float = isinstance(ns["kernel"](*[min(a, 3) for a in ns["BENCH_ARGS"]]), float)
    so.kernel.restype = ctypes.c_double if is_float else ctypes.c_long
    so.kernel.argtypes = [ctypes.c_long] * len(ns["BENCH_ARGS"])
    return timed(so.kernel, ns["BENCH_ARGS"], repeat)


def bench_sharpjit(name, repeat):
    out = subprocess.run([os.path.join(ROOT, "sharpjit"), "bench", os.path.join(KERNELS, name + ".py"),
                          "--repeat", str(repeat)], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="skip CPython (slow) for a fast run")
    ap.add_argument("kernels", nargs="*")
    a = ap.parse_args()
    names = a.kernels or sorted(f[:-3] for f in os.listdir(KERNELS) if f.endswith(".py"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            c_s, c_r = bench_c(name, a.repeat, tmp)
            nb_s, nb_r, nb_compile = bench_numba(name, a.repeat)
            sj = bench_sharpjit(name, a.repeat)
            py_s = None if a.quick else bench_cpython(name, 1)[0]
            ok = str(sj["result"]) in (str(c_r), repr(c_r), f"{c_r}")
            rows.append((name, py_s, nb_s, c_s, sj, nb_compile, ok))
            print(f"{name}: sharpjit {sj['run_s']:.4f}s  C {c_s:.4f}s  numba {nb_s:.4f}s", file=sys.stderr)

    def fmt(x):
        return "-" if x is None else f"{x * 1000:.1f}"
    lines = [
        "| kernel | CPython ms | Numba ms | clang -O3 ms | sharpjit ms | sharpjit / C | sharpjit / Numba | CPython / sharpjit "
        "| sharpjit compile ms (warm) | first compile ms | Numba compile ms | same result |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    compiles = []
    for name, py_s, nb_s, c_s, sj, nb_compile, ok in rows:
        s = sj["run_s"]
        compiles.append(sj["compile_ms"])
        lines.append(f"| {name} | {fmt(py_s)} | {fmt(nb_s)} | {fmt(c_s)} | {fmt(s)} | {s / c_s:.2f} | {s / nb_s:.2f} | "
                     f"{'-' if py_s is None else f'{py_s / s:.0f}x'} | {sj['compile_ms']:.1f} | {sj['first_compile_ms']:.1f} | "
                     f"{nb_compile * 1000:.0f} | {'yes' if ok else 'NO'} |")
    lines.append("")
    lines.append(f"Median sharpjit compile time per kernel (parse to machine code, warm process): {statistics.median(compiles):.1f} ms.")
    lines.append(f"Medians of {a.repeat} runs; CPython timed once. Machine: {os.cpu_count()} cores; "
                 f"{time.strftime('%Y-%m-%d')}.")
    table = "\n".join(lines) + "\n"
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "scalar.md"), "w") as f:
        f.write("# Scalar kernels: sharpjit vs CPython, Numba, clang -O3\n\n" + table)
    print(table)


if __name__ == "__main__":
    main()
