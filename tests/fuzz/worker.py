"""A persistent process that runs many programs: `worker.py oracle` (plain CPython) or `worker.py jit`
(every top-level function decorated with `sharpjit.jit`, as tests/python/jit_runner.py does).

Protocol: one JSON object per line on stdin, {"path": FILE}; one JSON object per line on stdout,
{"out": captured stdout, "status": 0 or 1, "err": the last line CPython would print on stderr, "known": reason
or null}. Each program runs in a fresh module namespace, like `python3 FILE`. A crash of compiled code kills
this process; the runner notices, records it and starts another.
"""
import ast
import contextlib
import io
import json
import os
import signal
import sys
import traceback
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python"))


class Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise Timeout()


def last_line(exc):
    lines = traceback.format_exception_only(type(exc), exc)[-1].rstrip("\n").splitlines()
    if lines[-1].startswith("Hint: "):   # a sharpjit compile error's last line is its hint (as runner.run_cli)
        return next((ln for ln in reversed(lines) if not ln.startswith("Hint: ") and not ln.startswith(" ")),
                    lines[-1])
    return lines[-1]


def main():
    mode = sys.argv[1]
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    add_jit = None
    if mode == "jit":
        import sharpjit
        from jit_runner import add_jit_decorators as add_jit
    import numpy   # noqa: F401  (imported once; programs import it again cheaply)
    signal.signal(signal.SIGALRM, _alarm)
    # stdout of this process is the protocol channel; programs print into a StringIO
    proto = os.fdopen(os.dup(1), "w")
    sys.stdout = io.StringIO()
    sys.setrecursionlimit(3000)
    for line in sys.stdin:
        req = json.loads(line)
        path = req["path"]
        with open(path, encoding="utf-8") as f:
            source = f.read()
        tree = ast.parse(source, filename=path)
        if add_jit:
            add_jit(tree)
        code = compile(tree, path, "exec")
        main_mod = types.ModuleType("__main__")
        main_mod.__file__ = path
        main_mod.__builtins__ = __builtins__
        if add_jit:
            main_mod.sharpjit = sharpjit
        out = io.StringIO()
        res = {"status": 0, "err": "", "known": None}
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            with contextlib.redirect_stdout(out):
                exec(code, main_mod.__dict__)
        except Timeout:
            res = {"status": "hang", "err": "timeout", "known": None}
        except BaseException as e:   # noqa: B902 - report whatever the program raised, as CPython would
            known = main_mod.__dict__.get("Known")
            if known is not None and isinstance(e, known):
                res["known"] = str(e)
            res["status"] = 1
            res["err"] = last_line(e)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        res["out"] = out.getvalue()
        if add_jit:   # how many decorated functions compiled a signature (compiled code really ran)
            res["compiled"] = sum(1 for v in main_mod.__dict__.values()
                                  if isinstance(v, sharpjit.Dispatcher) and v.signatures)
        proto.write(json.dumps(res) + "\n")
        proto.flush()


if __name__ == "__main__":
    main()
