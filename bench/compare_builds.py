#!/usr/bin/python3
"""Compares two builds of the sharpjit CLI on the scalar kernels (and bench/library): steady-state run time and
compile time in a warm process, alternating the builds run by run (A B A B) so that machine drift hits both.

Usage: python3 bench/compare_builds.py OLD_CLI_DLL [--rounds N] [--out bench/results/foundations.md]
The new build is this tree's out/cli/SharpJit.Cli.dll (./sharpjit builds it).
"""
import argparse, json, os, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNELS = [os.path.join(ROOT, "bench", "kernels", f) for f in sorted(os.listdir(os.path.join(ROOT, "bench", "kernels"))) if f.endswith(".py")]
KERNELS += [os.path.join(ROOT, "bench", "library", "library_calls.py")]


def bench(cli, kernel):
    out = subprocess.run(["dotnet", cli, "bench", kernel, "--repeat", "5"], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "foundations.md"))
    a = ap.parse_args()
    new = os.path.join(ROOT, "out", "cli", "SharpJit.Cli.dll")
    rows = []
    for k in KERNELS:
        runs = {"old": [], "new": []}
        for _ in range(a.rounds):
            for which, cli in (("old", a.old), ("new", new)):
                runs[which].append(bench(cli, k))
        med = {w: (statistics.median(r["run_s"] * 1000 for r in rs), statistics.median(r["compile_ms"] for r in rs)) for w, rs in runs.items()}
        same = len({r["result"] for rs in runs.values() for r in rs}) == 1
        rows.append((os.path.basename(k)[:-3], med["old"], med["new"], same))
        print(rows[-1], flush=True)
    lines = ["| kernel | run ms before | run ms after | after / before | compile ms before | compile ms after | after / before | same result |",
             "|---|---|---|---|---|---|---|---|"]
    for name, (ro, co), (rn, cn), same in rows:
        lines.append(f"| {name} | {ro:.1f} | {rn:.1f} | {rn / ro:.2f} | {co:.1f} | {cn:.1f} | {cn / co:.2f} | {'yes' if same else 'NO'} |")
    geo = lambda xs: statistics.geometric_mean(xs)
    lines.append("")
    lines.append(f"Geometric mean after / before: run {geo([r[2][0] / r[1][0] for r in rows]):.2f}, compile {geo([r[2][1] / r[1][1] for r in rows]):.2f}. "
                 f"Medians of {a.rounds} alternating rounds (each: compile in a warm process, then 5 timed runs).")
    text = "\n".join(lines) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
