"""Runs generated programs under the oracle (CPython with int64 emulation) and under sharpjit's two engines:
`sharpjit run` (the CLI, many programs batched into one script) and `@sharpjit.jit` (a persistent CPython
process with the extension, see worker.py), and compares stdout, exit status and the last stderr line.
"""
import copy
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import gen  # noqa: E402

PYTHON = "/usr/bin/python3"
# The CLI compiled ahead of time when scripts/setup.sh built it (it starts in milliseconds), else the .NET assembly.
_NATIVE_CLI = os.path.join(ROOT, "out", "cli-native", "SharpJit.Cli")
CLI = ([_NATIVE_CLI] if os.access(_NATIVE_CLI, os.X_OK) else
       [shutil.which("dotnet") or "dotnet", os.path.join(ROOT, "out", "cli", "SharpJit.Cli.dll")]) + ["run"]
COMPILE_ERROR = re.compile(r"^(sharpjit\.errors\.)?(TypingError|UnsupportedError|CompileNameError|CompileSyntaxError|"
                           r"InternalError|LLVMLoadError|RecursionError: maximum recursion depth exceeded during)")
# an oracle outcome that means the program (usually a shrinking candidate) is not a valid test (UnboundLocalError
# is one: the generator reads possibly unbound locals on purpose, item 10)
INVALID = re.compile(r"^(NameError(?!: cannot access free variable)|TypeError|SyntaxError|IndentationError|RecursionError|"
                     r"AttributeError|IndexError: tuple index|ValueError: too many values|ValueError: not enough)")


def ensure_built():
    """Builds the CLI (./sharpjit does on first use) and the extension if they are missing."""
    if not os.path.exists(CLI[-2]):   # the native binary or the assembly
        subprocess.run([os.path.join(ROOT, "sharpjit"), "--help"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    if not any(n.startswith("_sharpjit") for n in os.listdir(os.path.join(ROOT, "python", "sharpjit"))):
        subprocess.run([os.path.join(ROOT, "scripts", "build-python.sh")], check=True, stdout=subprocess.DEVNULL)


def last_line(text):
    lines = text.rstrip("\n").splitlines()
    # CPython's traceback printer suggests similar names ("... Did you mean: 'list'?"); sharpjit does not.
    return re.sub(r"\. Did you mean: '[^']*'\?$", "", lines[-1]) if lines else ""


class Worker:
    """A persistent worker.py process (mode 'oracle' or 'jit'); restarted after a crash or a hang."""

    def __init__(self, mode, timeout, recycle=250):
        self.mode, self.timeout, self.recycle = mode, timeout, recycle
        self.proc = None
        self.used = 0

    def start(self):
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), PYTHONHASHSEED="0")
        env.pop("SHARPJIT_DISABLE_JIT", None)
        self.proc = subprocess.Popen([PYTHON, os.path.join(HERE, "worker.py"), self.mode, str(self.timeout)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=env, text=True, bufsize=1)
        self.used = 0

    def stop(self):
        if self.proc:
            try:
                self.proc.kill()
                self.proc.wait()
            except OSError:
                pass
            self.proc = None

    def run(self, path):
        if self.proc is None or self.used >= self.recycle:
            self.stop()
            self.start()
        self.used += 1
        try:
            self.proc.stdin.write(json.dumps({"path": path}) + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass
        ready, _, _ = select.select([self.proc.stdout], [], [], self.timeout + 15)
        if not ready:
            self.stop()
            return {"status": "hang", "out": "", "err": "timeout", "known": None}
        line = self.proc.stdout.readline()
        if not line:
            self.proc.wait()
            rc = self.proc.returncode
            err = self.proc.stderr.read()
            self.proc = None
            return {"status": "crash", "out": "", "err": f"worker died rc={rc}: {last_line(err)}", "known": None,
                    "stderr": err[-3000:]}
        return json.loads(line)


def run_cli(path, timeout):
    try:
        p = subprocess.run(CLI + [path], capture_output=True, text=True, timeout=timeout,
                           env=dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1"), errors="replace")
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return {"status": "hang", "out": out, "err": "timeout", "known": None}
    status = p.returncode
    err = last_line(p.stderr)
    if err.startswith("Hint: "):   # a compile error's last line is its hint; the error is the line before
        lines = p.stderr.rstrip("\n").splitlines()
        err = next((ln for ln in reversed(lines) if not ln.startswith("Hint: ") and not ln.startswith(" ")), err)
    if status not in (0, 1) or "Unhandled exception" in p.stderr or "   at SharpJit" in p.stderr:
        return {"status": "crash", "out": p.stdout, "err": f"rc={status}: {last_line(p.stderr)}", "known": None,
                "stderr": p.stderr[-3000:]}
    return {"status": status, "out": p.stdout, "err": err, "known": None, "stderr": p.stderr[-3000:]}


def compare(o, e):
    """None when the engine's result `e` matches the oracle's `o`; otherwise the kind of mismatch."""
    if e["status"] in ("hang", "crash"):
        return e["status"]
    if e["status"] != 0 and COMPILE_ERROR.match(e["err"]) and not COMPILE_ERROR.match(o["err"]):
        return "compile-error"
    if e["status"] != o["status"]:
        return "status"
    if e["out"] != o["out"]:
        return "stdout"
    if o["status"] != 0 and e["err"] != o["err"]:
        return "exception"
    return None


def signature(engine, kind, o, e):
    """A coarse key for deduplicating failures: the kind, and for errors the error's words without values."""
    if kind == "compile-error":
        msg = re.sub(r"sharpjit\.errors\.", "", e["err"])
        msg = re.sub(r"'[^']*'", "'_'", msg)
        msg = re.sub(r"\d+", "N", msg)
        return f"{kind}: {msg[:120]}"
    if kind == "exception":
        return f"{kind}: {o['err'].split(':')[0]} -> {e['err'].split(':')[0]}"
    if kind == "status":
        return f"{kind}: {o['status']} -> {e['status']} ({(o['err'] or e['err']).split(':')[0]})"
    if kind == "crash":
        return f"crash: {re.sub(r'[0-9]+', 'N', e['err'])[:100]}"
    return kind


class Runner:
    def __init__(self, workdir=None, engines=("cli", "jit"), batch=20, cli_timeout=60, jit_timeout=30):
        self.workdir = workdir or tempfile.mkdtemp(prefix="sharpjit-fuzz-")
        os.makedirs(self.workdir, exist_ok=True)
        self.engines = engines
        self.batch = batch
        self.cli_timeout = cli_timeout
        self.oracle = Worker("oracle", 10)
        self.jit = Worker("jit", jit_timeout)
        self.counter = 0
        self.jit_compiled = 0      # programs whose @jit run compiled at least one function

    def close(self):
        self.oracle.stop()
        self.jit.stop()

    def write(self, text, name="p.py"):
        """A new file for every run: the extension reads function source through linecache, which must never
        see a stale file of the same name."""
        self.counter += 1
        path = os.path.join(self.workdir, f"{name[:-3]}_{os.getpid()}_{self.counter}.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    @staticmethod
    def _done(path, result):
        try:
            os.unlink(path)
        except OSError:
            pass
        return result

    def run_oracle(self, prog):
        path = self.write(gen.render(prog, "oracle"), "oracle.py")
        return self._done(path, self.oracle.run(path))

    def run_engine(self, engine, prog, name="prog.py"):
        path = self.write(gen.render(prog, "plain"), name)
        if engine == "jit":
            return self._done(path, self.jit.run(path))
        return self._done(path, run_cli(path, self.cli_timeout))

    def check(self, progs):
        """Runs each program; yields (prog, oracle result, {engine: (kind, result)} of mismatches, or a
        skip reason string instead of the dict)."""
        results = []
        comparable = []
        for p in progs:
            o = self.run_oracle(p)
            if o.get("known"):
                results.append((p, o, "known: " + o["known"].split(":")[0]))
            elif o["status"] in ("hang", "crash") or INVALID.match(o["err"]):
                results.append((p, o, "invalid: " + o["err"][:80]))
            else:
                results.append((p, o, {}))
                comparable.append(len(results) - 1)
        if "jit" in self.engines:
            for i in comparable:
                p, o, bad = results[i]
                e = self.run_engine("jit", p, "jit.py")
                if e.get("compiled"):
                    self.jit_compiled += 1
                kind = compare(o, e)
                if kind:
                    bad["jit"] = (kind, e)
        if "cli" in self.engines:
            self._check_cli([results[i] for i in comparable])
        return results

    def _check_cli(self, items):
        # batches: programs that end normally, closed by at most one that raises (it ends the script)
        batches, cur = [], []
        for it in items:
            cur.append(it)
            if it[1]["status"] != 0 or len(cur) >= self.batch:
                batches.append(cur)
                cur = []
        if cur:
            batches.append(cur)
        for b in batches:
            self._cli_batch(b)

    def _cli_single(self, item):
        p, o, bad = item
        e = self.run_engine("cli", p, "cli.py")
        kind = compare(o, e)
        if kind:
            bad["cli"] = (kind, e)

    def _cli_batch(self, b):
        """One script for the whole batch; where it differs, the program at fault (named by the compile error's
        line, or the first whose output differs) runs alone and the rest of the batch is retried."""
        while b:
            if len(b) == 1:
                self._cli_single(b[0])
                return
            parts = [gen.PLAIN_HEADER]
            starts = []
            line = gen.PLAIN_HEADER.count("\n") + 1
            for k, (p, o, _) in enumerate(b):
                text = f'print("@@{k}")\n' + gen.render(p, "plain", prefix=f"p{k}_", header=False)
                starts.append(line)
                line += text.count("\n")
                parts.append(text)
            path = self.write("".join(parts), "batch.py")
            e = self._done(path, run_cli(path, self.cli_timeout * 2))
            expected = "".join(f"@@{k}\n" + o["out"] for k, (p, o, _) in enumerate(b))
            last = b[-1][1]
            if e["status"] == last["status"] and e["out"] == expected and \
                    (last["status"] == 0 or e["err"] == last["err"]):
                return
            fault = None
            if e["status"] == 1 and COMPILE_ERROR.match(e["err"]):
                lines = re.findall(r'File "[^"]*batch_[0-9_]+\.py", line (\d+)', e.get("stderr", ""))
                if lines:
                    n = int(lines[-1])
                    # (an error placed at line 1, before every program, names none)
                    fault = max((k for k, st in enumerate(starts) if st <= n), default=None)
            if fault is not None:
                # nothing ran: retry the batch without the program at fault
                self._cli_single(b[fault])
                b = b[:fault] + b[fault + 1:]
                continue
            # the first program whose segment of the output differs (or is missing); those before it matched
            fault = len(b) - 1
            for k, (p, o, _) in enumerate(b):
                mark = f"@@{k}\n"
                begin = e["out"].find(mark)
                if begin < 0:
                    fault = k
                    break
                nxt = e["out"].find(f"@@{k + 1}\n") if k + 1 < len(b) else len(e["out"])
                if nxt < 0 or e["out"][begin + len(mark):nxt] != o["out"]:
                    fault = k
                    break
            self._cli_single(b[fault])
            b = b[fault + 1:]

    # ---------------------------------------------------------------------------------------- shrinking
    def reproduces(self, prog, engine, kind, sig):
        if undefined_names(gen.render(prog, "plain")):
            return False
        o = self.run_oracle(prog)
        if o.get("known") or o["status"] in ("hang", "crash") or INVALID.match(o["err"]):
            return False
        e = self.run_engine(engine, prog, "shrink.py")
        k = compare(o, e)
        return k == kind and signature(engine, k, o, e) == sig

    def shrink(self, prog, engine, kind, sig, budget=120.0):
        """Greedy delta debugging over the program tree: drop functions, globals, statements; splice branch
        bodies; replace expressions by a literal or a sub-expression of the same type; simplify literals.
        Each candidate must still be valid under the oracle and still fail with the same signature."""
        deadline = time.time() + budget
        prog = copy.deepcopy(prog)
        progress = True
        while progress and time.time() < deadline:
            progress = False
            for edit in list(_edits(prog)):
                if time.time() > deadline:
                    break
                undo = edit()
                if undo is None:
                    continue
                if self.reproduces(prog, engine, kind, sig):
                    progress = True
                else:
                    undo()
        return prog


def undefined_names(src):
    """Names read somewhere but bound nowhere in the program (the shrinker dropped their definition): sharpjit
    resolves names at compile time, CPython only when the line runs, so such a candidate is not a fair test."""
    import ast
    import builtins
    tree = ast.parse(src)
    bound = set(dir(builtins)) | {"math", "cmath", "np"}
    loads = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loads if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.Lambda)):
            if isinstance(node, ast.FunctionDef):
                bound.add(node.name)
            bound.update(a.arg for a in node.args.args)
        elif isinstance(node, ast.NamedExpr):
            bound.add(node.target.id)
    return loads - bound


def _stmt_lists(prog):
    out = [prog.top]

    def walk(lst):
        out.append(lst)
        for s in lst:
            for b in (s.body, s.orelse):
                if b is not None:
                    walk(b)

    for f in prog.funcs:
        walk(f.body)
    return out


def _expr_slots(prog):
    """(list, index) for every expression slot, outermost first."""
    slots = []

    def ex(lst):
        for i, e in enumerate(lst):
            if isinstance(e, gen.Expr):
                slots.append((lst, i))
                if e.kind != "fstr":
                    ex(e.kids)
                else:
                    ex(e.kids)

    def st(lst):
        for s in lst:
            ex(s.exprs)
            for b in (s.body, s.orelse):
                if b is not None:
                    st(b)

    for _, e in prog.globals:
        pass
    for f in prog.funcs:
        st(f.body)
    st(prog.top)
    return slots


def _simple_lits(t):
    if gen.is_tuple(t):
        return [gen.Expr("tuple", t, [_simple_lits(x)[0] for x in t])]
    return {"int": [gen.Expr("lit", "int", value=0), gen.Expr("lit", "int", value=1)],
            "float": [gen.Expr("lit", "float", value=0.0), gen.Expr("lit", "float", value=1.5)],
            "bool": [gen.Expr("lit", "bool", value=False), gen.Expr("lit", "bool", value=True)],
            "complex": [gen.Expr("lit", "complex", value=0j), gen.Expr("lit", "complex", value=1 + 1j)],
            "str": [gen.Expr("fstr", "str", [], value=[("text", "s")])]}.get(t, [])


def _edits(prog):
    """Yields edits; each applies itself and returns an undo function (or None when not applicable)."""
    # whole functions and globals
    for i in range(len(prog.funcs) - 1, -1, -1):
        def edit(i=i):
            if i >= len(prog.funcs) or len(prog.funcs) == 1:
                return None
            f = prog.funcs.pop(i)
            return lambda: prog.funcs.insert(i, f)
        yield edit
    for i in range(len(prog.globals) - 1, -1, -1):
        def edit(i=i):
            if i >= len(prog.globals):
                return None
            g = prog.globals.pop(i)
            return lambda: prog.globals.insert(i, g)
        yield edit
    # statements, last first (later statements depend on earlier ones)
    for lst in _stmt_lists(prog):
        for i in range(len(lst) - 1, -1, -1):
            def edit(lst=lst, i=i):
                if i >= len(lst) or lst[i].fixed:
                    return None
                s = lst.pop(i)
                return lambda: lst.insert(i, s)
            yield edit

            def splice(lst=lst, i=i):
                if i >= len(lst) or lst[i].kind not in ("if", "for", "forin", "while", "def") or lst[i].fixed:
                    return None
                s = lst[i]
                body = s.body if s.kind != "def" else []
                lst[i:i + 1] = body
                return lambda: lst.__setitem__(slice(i, i + len(body)), [s])
            yield splice

            def drop_else(lst=lst, i=i):
                if i >= len(lst) or not lst[i].orelse:
                    return None
                s = lst[i]
                old = s.orelse
                s.orelse = None
                return lambda: setattr(s, "orelse", old)
            yield drop_else
    # expressions: a simple literal, then a same-typed sub-expression
    for lst, i in _expr_slots(prog):
        def to_lit(lst=lst, i=i):
            if i >= len(lst):
                return None
            e = lst[i]
            if e.kind == "lit" and e.value in (0, 1, 0.0, 1.5, False, True, 0j):
                return None
            for cand in _simple_lits(e.ty):
                lst[i] = cand
                return lambda: lst.__setitem__(i, e)
            return None
        yield to_lit

        def to_kid(lst=lst, i=i):
            if i >= len(lst):
                return None
            e = lst[i]
            for k in e.kids:
                if isinstance(k, gen.Expr) and k.ty == e.ty:
                    lst[i] = k
                    return lambda: lst.__setitem__(i, e)
            return None
        yield to_kid
