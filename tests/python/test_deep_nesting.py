"""Deeply nested source (issue 12, item 2): every compiler stage ends in CPython's "RecursionError: maximum recursion
depth exceeded during compilation" instead of a crashed process, through `sharpjit run` and through @sharpjit.jit (a
Python RecursionError from the decorated call, with no .NET text), also on a thread with a 1 MB stack; what CPython
compiles at its limit compiles and runs. And a RecursionError at run time has CPython's traceback. Sources are
generated here and run under /usr/bin/python3 too."""
import subprocess
import textwrap

import pytest

from conftest import PYTHON, REPO, run_python

SHARPJIT = str(REPO / "sharpjit")
MESSAGE = "RecursionError: maximum recursion depth exceeded during compilation"


@pytest.fixture(scope="module", autouse=True)
def built_cli():
    subprocess.run([str(REPO / "scripts" / "setup.sh")], check=True, capture_output=True)


# Every source defines g (a helper) and then f at line 5, and prints f(1).
PROLOGUE = "def g(x):\n    return x\n\n\n"
EPILOGUE = "\n\nprint(f(1))\n"


def function(expression):
    return PROLOGUE + f"def f(a):\n    return {expression}\n" + EPILOGUE


def nested_ifs(n, terms):
    """n if blocks nested as deeply as the tokenizer allows (100 levels of indentation), returning a sum inside."""
    body = "".join("    " * (k + 1) + f"if a > {-k}:\n" for k in range(n))
    return PROLOGUE + "def f(a):\n" + body + "    " * (n + 1) + "return " + "+".join(["a"] * terms) + "\n    return 0\n" + EPILOGUE


def elifs(n):
    return (PROLOGUE + "def f(a):\n    if a == 0:\n        return 0\n"
            + "".join(f"    elif a == {k}:\n        return {k}\n" for k in range(1, n)) + "    return -1\n" + EPILOGUE)


# name -> source; CPython 3.11 compiles the first of each pair (as deep as it goes: its parser's stack limits
# parentheses, calls and tuples to less than its compiler does) and refuses the second (RecursionError, or a bare
# MemoryError where its parser gives up first: right-nested forms past about 2,980 levels).
SOURCES = {
    "sum of 2,998 terms": function("+".join(["a"] * 2998)),
    "sum of 14,000 terms": function("+".join(["a"] * 14000)),
    "2,997 unary minuses": function("-" * 2997 + "a"),
    "20,000 unary minuses": function("-" * 20000 + "a"),
    "200 parentheses around 361 unary minuses": function("(" * 200 + "-" * 361 + "a" + ")" * 200),
    "200 parentheses with 60 unary minuses in each": function(("(" + "-" * 60) * 200 + "a" + ")" * 200),
    "200 nested calls with 5 unary minuses in each": function(("g(" + "-" * 5) * 200 + "a" + ")" * 200),
    "200 nested calls with 60 unary minuses in each": function(("g(" + "-" * 60) * 200 + "a" + ")" * 200),
    "200 nested tuples around 361 unary minuses": function("(" * 200 + "-" * 361 + "a" + ",)" * 200 + "[0]" * 200),
    "200 nested tuples with 60 unary minuses in each": function(("(" + "-" * 60) * 200 + "a" + ",)" * 200),
    "14,000 calls of calls": function("a" + "(a)" * 14000),
    "14,000 subscripts": function("a" + "[0]" * 14000),
    "2,997 conditional expressions": function("a if a else " * 2997 + "a"),
    "14,000 conditional expressions": function("a if a else " * 14000 + "a"),
    "1,000 lambdas called": function("(" + "lambda: " * 1000 + "a)" + "()" * 1000),
    "14,000 lambdas": function("lambda: " * 14000 + "a"),
    "98 nested if blocks around a sum of 2,900 terms": nested_ifs(98, 2900),
    "98 nested if blocks around a sum of 2,901 terms": nested_ifs(98, 2901),
    "2,997 elif branches": elifs(2997),
    "14,000 elif branches": elifs(14000),
}


def write(tmp_path, name, source):
    path = tmp_path / (name.replace(" ", "_").replace(",", "") + ".py")
    path.write_text(source)
    return path


def last_line(text):
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def assert_no_dotnet_text(text):
    for marker in ("System.", "   at ", "Stack overflow", "Exception:", "internal error"):
        assert marker not in text, text[-3000:]


def sharpjit_run(path, stack):
    """`sharpjit run path`, with the main thread's stack as the shell gives it, or limited to 1 MB (ulimit -s)."""
    command = [SHARPJIT, "run", str(path)]
    if stack == "1 MB stack":
        command = ["bash", "-c", 'ulimit -s 1024 && exec "$@"', "sharpjit", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("stack", ["default stack", "1 MB stack"])
@pytest.mark.parametrize("name", list(SOURCES))
def test_sharpjit_run_matches_cpython(tmp_path, name, stack):
    path = write(tmp_path, name, SOURCES[name])
    py = subprocess.run([PYTHON, str(path)], capture_output=True, text=True, timeout=300)
    sj = sharpjit_run(path, stack)
    assert_no_dotnet_text(sj.stderr)
    assert sj.stdout == py.stdout, sj.stderr[-2000:]
    assert sj.returncode == py.returncode, sj.stderr[-2000:]
    if py.returncode == 0:
        return
    assert last_line(py.stderr) in (MESSAGE, "MemoryError"), py.stderr[-500:]
    assert last_line(sj.stderr) == MESSAGE
    # Where the nesting passes the limit: the file, and the line and column of that expression.
    assert sj.stderr.startswith(f'  File "{path}", line '), sj.stderr[:300]


@pytest.mark.parametrize("stack", ["default stack", "1 MB stack"])
def test_long_runs_of_flat_statements(tmp_path, stack):
    # 20,000 if statements in a row: flat for CPython, a chain of 40,000 blocks for the SSA construction.
    path = tmp_path / "flat.py"
    path.write_text("def f(a):\n    x = 0\n" + "    if a > 100:\n        a -= 1\n" * 20000 + "    return a + x\n\n\nprint(f(1))\n")
    py = subprocess.run([PYTHON, str(path)], capture_output=True, text=True)
    sj = sharpjit_run(path, stack)
    assert (sj.returncode, sj.stdout) == (py.returncode, py.stdout) == (0, "1\n"), sj.stderr[-2000:]


# ---------------------------------------------------------------- @sharpjit.jit, also on a thread with a 1 MB stack

DECORATOR = textwrap.dedent("""
    import json, linecache, sys, threading
    import sharpjit

    sources = json.load(open(sys.argv[1]))

    def jitted(name, source):
        # sharpjit reads the function's source where CPython's tools do (linecache); CPython itself compiles a stub,
        # as it cannot compile the deepest of these.
        filename = "<deep " + name + ">"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        namespace = {}
        exec(compile("def g(x):\\n    return x\\n\\n\\ndef f(a):\\n    return a\\n", filename, "exec"), namespace)
        namespace["g"] = sharpjit.jit(namespace["g"])
        return sharpjit.jit(namespace["f"])

    def outcome(name, source):
        try:
            return repr(jitted(name, source)(1))
        except RecursionError as e:
            text = str(e)
            assert isinstance(e, sharpjit.errors.SharpJitError), type(e)
            for marker in ("System.", "   at ", "Stack overflow", "internal"):
                assert marker not in text, text[-2000:]
            return "RecursionError: " + text.splitlines()[-1].split(": ", 1)[1]

    results = {"main": {n: outcome(n, s) for n, s in sources.items()}}
    threading.stack_size(1 << 20)
    def on_small_stack():
        results["thread"] = {n: outcome(n, s) for n, s in sources.items()}
    t = threading.Thread(target=on_small_stack)
    t.start(); t.join()
    print(json.dumps(results))
""")

def test_decorator_matches_cpython_on_the_main_thread_and_a_small_stack(tmp_path):
    import json
    expected = {name: cpython_outcome(tmp_path, name) for name in SOURCES}
    (tmp_path / "sources.json").write_text(json.dumps(SOURCES))
    (tmp_path / "decorated.py").write_text(DECORATOR)
    p = run_python([tmp_path / "decorated.py", tmp_path / "sources.json"], cwd=tmp_path, timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]
    results = json.loads(p.stdout)
    for where in ("main", "thread"):
        for name in SOURCES:
            want = expected[name]
            got = results[where][name]
            if want.startswith("MemoryError"):   # CPython's parser gave up first
                want = MESSAGE
            assert got == want, (where, name, got[:200], want[:200])


def cpython_outcome(tmp_path, name):
    """CPython's outcome of SOURCES[name] as the decorated test reports it: repr(f(1)), or the exception's line."""
    path = write(tmp_path, name, SOURCES[name].replace("print(f(1))", "print(repr(f(1)))"))
    py = subprocess.run([PYTHON, str(path)], capture_output=True, text=True)
    return py.stdout.strip() if py.returncode == 0 else last_line(py.stderr)


def test_tiny_thread_stacks_compile_ordinary_functions(tmp_path):
    script = tmp_path / "tiny.py"
    script.write_text(textwrap.dedent("""
        import threading
        import sharpjit

        results = []
        for size in (32 << 10, 64 << 10, 256 << 10):
            @sharpjit.jit
            def scale(x, k):
                return x * k + 1
            threading.stack_size(size)
            t = threading.Thread(target=lambda: results.append(scale(20, size >> 10)))
            t.start(); t.join()
        print(results)
    """))
    p = run_python([script], cwd=tmp_path)
    assert (p.returncode, p.stdout) == (0, "[641, 1281, 5121]\n"), p.stderr[-2000:]


# ---------------------------------------------------------------- RecursionError at run time: CPython's traceback

RUNTIME = {
    "self": "def f(n):\n    if n < 0:\n        return 0\n    return f(n + 1) + 1\n\n\nprint(f(0))\n",
    "mutual through a helper": textwrap.dedent("""\
        def even(n):
            return True if n == 0 else odd(n + 1)


        def odd(n):
            return False if n == 0 else even(n + 1)


        def start(n):
            return even(n)


        print(start(1))
        """),
    "two call sites": textwrap.dedent("""\
        def f(n):
            if n < 0:
                return 0
            if n % 2 == 0:
                return f(n + 1) + 1
            return f(n + 1) - 1


        print(f(0))
        """),
}


@pytest.mark.parametrize("name", list(RUNTIME))
def test_runtime_recursion_error_traceback_matches_cpython(tmp_path, name):
    path = tmp_path / "recurse.py"
    path.write_text(RUNTIME[name])
    py = subprocess.run([PYTHON, str(path)], capture_output=True, text=True)
    sj = subprocess.run([SHARPJIT, "run", str(path)], capture_output=True, text=True)
    assert (sj.returncode, sj.stdout) == (py.returncode, py.stdout) == (1, "")
    # Every frame CPython prints and its "[Previous line repeated N more times]"; CPython's caret lines aside.
    without_carets = "\n".join(l for l in py.stderr.splitlines() if l.strip().strip("^~")) + "\n"
    assert sj.stderr == without_carets
    assert without_carets.count("\n") > 10
