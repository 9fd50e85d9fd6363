#!/usr/bin/python3
"""Compile time as CPU time, which other processes on a loaded machine disturb far less than wall-clock time: for two
builds of the CLI, the CPU time of `bench KERNEL --repeat 11` minus that of `--repeat 1`, divided by 10, is the mean
CPU time of the 2nd to 11th compilation in one process (with the .NET JIT's own work on the compiler, when the CLI is
the JIT-hosted SharpJit.Cli.dll; none with the ahead-of-time compiled out/cli-native/SharpJit.Cli). The kernels run
with n = 1, so their run time does not count. Builds alternate (A B A B), medians of the rounds.

With --instructions the measure is the instructions the compiling thread executes, counted by valgrind's callgrind
(much slower, but the same from run to run however loaded the machine is; use the ahead-of-time CLI, and a copy of it
without its .dbg file beside it, which valgrind cannot read).

Usage: python3 bench/compare_cpu.py OLD NEW [--rounds N] [--instructions]   (each a SharpJit.Cli.dll or a native SharpJit.Cli)
"""
import argparse, glob, os, re, statistics, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNELS = [os.path.join(ROOT, "bench", "kernels", f) for f in sorted(os.listdir(os.path.join(ROOT, "bench", "kernels"))) if f.endswith(".py")]
KERNELS += [os.path.join(ROOT, "bench", "library", "library_calls.py")]


def command(cli):
    return ["dotnet", cli] if cli.endswith(".dll") else [cli]


def cpu_ms(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return (usage.ru_utime + usage.ru_stime) * 1000


def million_instructions(cmd):
    """Instructions of the busiest thread (the one that compiles), in millions."""
    out = tempfile.mktemp(prefix="callgrind.")
    subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes", f"--callgrind-out-file={out}"] + cmd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    most = 0
    for part in glob.glob(out + "*"):
        with open(part) as f:
            most = max([most] + [int(line.split()[1]) for line in f if line.startswith("summary:")])
        os.remove(part)
    return most / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--instructions", action="store_true", help="count instructions under callgrind instead of CPU time")
    a = ap.parse_args()
    measure = million_instructions if a.instructions else cpu_ms
    if a.instructions:
        a.rounds = 1   # deterministic enough that one round will do
    tmp = tempfile.mkdtemp()
    small = []
    for k in KERNELS:
        path = os.path.join(tmp, os.path.basename(k))
        with open(k) as f:
            text = re.sub(r"^BENCH_ARGS = \(\d+,\)$", "BENCH_ARGS = (1,)", f.read(), flags=re.M)
        with open(path, "w") as f:
            f.write(text)
        small.append(path)
    per = {(k, w): [] for k in small for w in ("old", "new")}
    for _ in range(a.rounds):
        for k in small:
            for w, cli in (("old", a.old), ("new", a.new)):
                many = measure(command(cli) + ["bench", k, "--repeat", "11"])
                one = measure(command(cli) + ["bench", k, "--repeat", "1"])
                per[(k, w)].append((many - one) / 10)
    unit = "M instructions" if a.instructions else "CPU ms"
    print(f"| kernel | {unit} before | {unit} after | after / before |")
    print("|---|---|---|---|")
    ratios = []
    for k in small:
        o, n = statistics.median(per[(k, "old")]), statistics.median(per[(k, "new")])
        ratios.append(n / o)
        print(f"| {os.path.basename(k)[:-3]} | {o:.1f} | {n:.1f} | {n / o:.2f} |")
    print(f"\nGeometric mean after / before: {statistics.geometric_mean(ratios):.2f} (medians of {a.rounds} alternating rounds).")


if __name__ == "__main__":
    main()
