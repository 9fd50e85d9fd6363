"""A fuzzing campaign: generate programs from consecutive seeds, run each under the oracle, `sharpjit run` and
`@sharpjit.jit`, shrink the first failures of each kind, and write a summary.

    /usr/bin/python3 tests/fuzz/campaign.py --count 100000 [--start 0] [--jobs 2] [--summary FILE]
    /usr/bin/python3 tests/fuzz/campaign.py --seed 316            # one program: render, run, shrink, show

Reproducers go to tests/fuzz/found/ (one file per distinct failure signature, shrunk). Failures that match a
bug already triaged (KNOWN_BUGS below) are counted under its name and not shrunk again.
"""
import argparse
import collections
import difflib
import hashlib
import json
import multiprocessing
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import runner  # noqa: E402

FOUND = os.path.join(HERE, "found")

# Bugs found by this fuzzer and triaged (reproducers in tests/fuzz/found/); a failure whose signature matches
# one of these patterns is counted under the bug's name. Core bugs (IR, Typing, Library, Codegen, Binding) are
# left to the lead; see tests/fuzz/found/README.md.
KNOWN_BUGS = [
]


def classify_known(sig, e):
    text = sig + " | " + e.get("err", "")
    for name, pattern in KNOWN_BUGS:
        if re.search(pattern, text):
            return name
    return None


_runner = None


def _lane_init(workdir_root, engines, batch):
    global _runner
    _runner = runner.Runner(workdir=os.path.join(workdir_root, f"lane{os.getpid()}"), engines=engines, batch=batch)


def _lane_run(seeds):
    progs = [gen.generate(s) for s in seeds]
    before = _runner.jit_compiled
    out = []
    for p, o, bad in _runner.check(progs):
        if isinstance(bad, str):
            out.append((p.seed, bad, None))
            continue
        fails = []
        for eng, (kind, e) in bad.items():
            sig = runner.signature(eng, kind, o, e)
            fails.append((eng, kind, sig, {k: e.get(k) for k in ("status", "out", "err", "stderr")}, o))
        out.append((p.seed, "ok" if not fails else "fail", fails))
    out.append((None, "jit-compiled", _runner.jit_compiled - before))
    return out


def save_reproducer(prog, engine, kind, sig, o, e, found_dir, seed):
    os.makedirs(found_dir, exist_ok=True)
    h = hashlib.sha1(f"{engine}|{sig}".encode()).hexdigest()[:8]
    name = f"{engine}-{kind}-{h}-{seed}.py"
    src = gen.render(prog, "plain")
    header = [f"# sharpjit fuzzer reproducer (tests/fuzz): engine={engine} kind={kind} seed={seed}",
              f"# signature: {sig}",
              f"# expected (CPython, int64 oracle): status {o['status']} {o['err']}"]
    header += ["#   | " + ln for ln in o["out"].splitlines()[:15]]
    header += [f"# got ({engine}): status {e['status']} {e['err']}"]
    header += ["#   | " + ln for ln in (e.get("out") or "").splitlines()[:15]]
    with open(os.path.join(found_dir, name), "w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\n" + src)
    with open(os.path.join(found_dir, name[:-3] + ".oracle.py"), "w", encoding="utf-8") as f:
        f.write(gen.render(prog, "oracle"))
    return name


def shrink_and_save(r, seed, engine, kind, sig, budget, found_dir):
    prog = gen.generate(seed)
    small = r.shrink(prog, engine, kind, sig, budget=budget)
    o = r.run_oracle(small)
    e = r.run_engine(engine, small, "final.py")
    return save_reproducer(small, engine, kind, sig, o, e, found_dir, seed)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=20)
    ap.add_argument("--batch", type=int, default=20, help="programs per `sharpjit run` script")
    ap.add_argument("--engines", default="cli,jit")
    ap.add_argument("--shrink", type=int, default=2, help="reproducers to shrink per new signature")
    ap.add_argument("--shrink-budget", type=float, default=120.0, help="seconds per shrink")
    ap.add_argument("--found", default=FOUND)
    ap.add_argument("--summary", default=None, help="JSON summary file (also written as it goes)")
    ap.add_argument("--workdir", default="/tmp/sharpjit-fuzz")
    ap.add_argument("--seed", type=int, default=None, help="run (and shrink) one seed and show the difference")
    a = ap.parse_args(argv)
    engines = tuple(a.engines.split(","))
    runner.ensure_built()

    if a.seed is not None:
        return show_one(a, engines)

    stats = collections.Counter()
    by_sig = collections.Counter()
    sig_seeds = collections.defaultdict(list)
    saved = {}
    t0 = time.time()
    seeds = list(range(a.start, a.start + a.count))
    chunks = [seeds[i:i + a.chunk] for i in range(0, len(seeds), a.chunk)]
    shrinker = runner.Runner(workdir=os.path.join(a.workdir, "shrink"), engines=engines)

    def summary():
        el = time.time() - t0
        return {"programs": stats["programs"], "compared": stats["ok"] + stats["fail"], "passed": stats["ok"],
                "failed_programs": stats["fail"],
                "known_skipped": {k[6:]: v for k, v in stats.items() if k.startswith("known:")},
                "jit_compiled_programs": stats["jit_compiled"],
                "invalid": stats["invalid"], "crashes": stats["mismatch:crash"], "hangs": stats["mismatch:hang"],
                "mismatches_by_kind": {k[9:]: v for k, v in sorted(stats.items()) if k.startswith("mismatch:")},
                "by_signature": dict(by_sig.most_common()),
                "triaged_known_bugs": {k[7:]: v for k, v in stats.items() if k.startswith("triage:")},
                "reproducers": saved, "seeds_by_signature": {k: v[:50] for k, v in sig_seeds.items()},
                "seconds": round(el, 1),
                "programs_per_second": round(stats["programs"] / el, 2) if el else 0,
                "seeds": [a.start, a.start + a.count], "engines": list(engines)}

    def write_summary():
        if a.summary:
            with open(a.summary + ".tmp", "w") as f:
                json.dump(summary(), f, indent=1)
            os.replace(a.summary + ".tmp", a.summary)

    pool = multiprocessing.Pool(a.jobs, initializer=_lane_init, initargs=(a.workdir, engines, a.batch)) \
        if a.jobs > 1 else None
    if pool is None:
        _lane_init(a.workdir, engines, a.batch)
        results = map(_lane_run, chunks)
    else:
        results = pool.imap_unordered(_lane_run, chunks)
    try:
        for chunk in results:
            for seed, status, fails in chunk:
                if seed is None:
                    stats["jit_compiled"] += fails
                    continue
                stats["programs"] += 1
                if status.startswith("known"):
                    stats["known:" + status[7:]] += 1
                    continue
                if status.startswith("invalid"):
                    stats["invalid"] += 1
                    continue
                stats[status] += 1
                seen = set()
                # the jit engine first: shrinking through the persistent process is much faster than the CLI
                for eng, kind, sig, e, o in sorted(fails or (), key=lambda f: f[0] != "jit"):
                    stats["mismatch:" + kind] += 1
                    stats[f"mismatch:{eng}:{kind}"] += 1
                    known = classify_known(sig, e)
                    if known:
                        stats["triage:" + known] += 1
                        continue
                    key = sig
                    if key in seen:      # the same failure in the other engine: counted once, shrunk once
                        continue
                    seen.add(key)
                    by_sig[key] += 1
                    sig_seeds[key].append(seed)
                    # coarse signatures (any stdout difference) may hide several bugs: shrink more of them
                    if by_sig[key] <= (a.shrink * 3 if kind in ("stdout", "exception", "status") else a.shrink):
                        try:
                            name = shrink_and_save(shrinker, seed, eng, kind, sig, a.shrink_budget, a.found)
                            saved.setdefault(key, []).append(name)
                        except Exception as ex:   # a shrinker problem must not stop the campaign
                            saved.setdefault(key, []).append(f"shrink failed: {ex!r}")
            write_summary()
            s = summary()
            print(f"[{s['seconds']:8.1f}s] {s['programs']} programs ({s['programs_per_second']}/s), "
                  f"{s['failed_programs']} failing, signatures {len(by_sig)}", flush=True)
    finally:
        if pool:
            pool.terminate()
        shrinker.close()
        if _runner:
            _runner.close()
    s = summary()
    s["first_seeds"] = {k: v[:5] for k, v in sig_seeds.items()}
    if a.summary:
        with open(a.summary, "w") as f:
            json.dump(s, f, indent=1)
    print(json.dumps({k: v for k, v in s.items() if k != "first_seeds"}, indent=1))
    return s


def show_one(a, engines):
    r = runner.Runner(workdir=os.path.join(a.workdir, "one"), engines=engines)
    try:
        p = gen.generate(a.seed)
        res = r.check([p])[0]
        print(gen.render(p, "plain"))
        _, o, bad = res
        print("oracle:", o["status"], o["err"])
        if isinstance(bad, str):
            print(bad)
            return
        for eng, (kind, e) in bad.items():
            sig = runner.signature(eng, kind, o, e)
            print(f"--- {eng}: {kind}: {sig}: status {e['status']} {e['err']}")
            for ln in difflib.unified_diff(o["out"].splitlines(), (e.get("out") or "").splitlines(), "oracle", eng,
                                           lineterm="", n=1):
                print(ln)
            name = shrink_and_save(r, a.seed, eng, kind, sig, a.shrink_budget, a.found)
            print("shrunk:", os.path.join(a.found, name))
            print(open(os.path.join(a.found, name)).read())
    finally:
        r.close()


if __name__ == "__main__":
    main()
