"""The call boundary under stress: deeply nested arguments, fork while compiling, and CPython's argument-binding
errors (issue 12, items 1, 4 and 19)."""
import textwrap

import pytest

from conftest import run_python

DEEP = textwrap.dedent("""
    import sys, threading
    import sharpjit

    @sharpjit.jit
    def head(l):
        return l[0]

    def nested(depth):
        lst = (0, None)
        for i in range(depth):
            lst = (i, lst)
        return lst

    def attempt(depth):
        try:
            head(nested(depth))
        except TypeError as e:
            print("TypeError:", e)

    print(head((7, (1, None))))
    attempt(int(sys.argv[1]))
    threading.stack_size(1 << 20)
    t = threading.Thread(target=attempt, args=(int(sys.argv[2]),))
    t.start(); t.join()
""")


@pytest.mark.parametrize("depth,thread_depth", [(25_000, 3_000), (300, 200_000)])
def test_deeply_nested_tuple_argument_is_a_type_error(tmp_path, depth, thread_depth):
    (tmp_path / "deep.py").write_text(DEEP)
    p = run_python([tmp_path / "deep.py", depth, thread_depth], cwd=tmp_path)
    assert p.returncode == 0, p.stderr[-2000:]
    message = ("TypeError: head() argument 'l' is a tuple too long or too deeply nested for compiled code "
               "(at most 255 items per tuple)")
    assert p.stdout.splitlines() == ["7", message, message]


BINDING = textwrap.dedent("""
    def addf(x, y):
        return x + y

    def one(x):
        return x

    def none():
        return 1

    def dflt(a, b=2, c=3.5):
        return a + b + c

    def kwo(a, b=1, *, c, d=4):
        return a + b + c + d

    def pos(a, b, /, c):
        return a + b + c

    def three(a, b, c, d=1):
        return a + b + c + d

    def star(a, *rest, scale=2, shift):
        s = a
        for r in rest:
            s += r
        return s * scale + shift

    def only_star(*xs):
        return len(xs)
""")

CALLS = [
    ("addf", (1,), {"z": 2}), ("addf", (1, 2, 3), {}), ("addf", (1,), {}), ("addf", (), {}), ("addf", (1, 2), {"x": 3}),
    ("addf", (1, 2), {}), ("addf", (), {"y": 2, "x": 1}), ("addf", (1, 2, 3), {"x": 1}), ("addf", (1,), {"y": 2, "q": 3}),
    ("one", (1, 2), {}), ("one", (), {}), ("none", (1,), {}), ("none", (1, 2), {}), ("none", (), {"a": 1}),
    ("dflt", (), {}), ("dflt", (1, 2, 3, 4), {}), ("dflt", (1,), {"c": 0}), ("dflt", (1, 2, 3), {"b": 1}), ("dflt", (1,), {}),
    ("kwo", (1,), {}), ("kwo", (1, 2, 3), {"c": 1}), ("kwo", (1, 2, 3, 4), {"c": 1, "d": 2}), ("kwo", (1,), {"c": 2}),
    ("kwo", (1,), {"c": 2, "b": 5, "d": 0.5}), ("kwo", (1, 2, 3), {}), ("kwo", (), {"c": 1}),
    ("pos", (1, 2), {"c": 3}), ("pos", (1,), {"b": 2, "c": 3}), ("pos", (), {"a": 1, "b": 2, "c": 3}), ("pos", (1, 2, 3), {}),
    ("three", (), {}), ("three", (1,), {}), ("three", (), {"d": 2}), ("three", (1, 2, 3, 4, 5), {}),
    ("star", (1,), {"shift": 1}), ("star", (1, 2, 3), {"shift": 0}), ("star", (1, 2), {"scale": 3, "shift": 1}),
    ("star", (), {}), ("star", (1,), {}), ("star", (1,), {"rest": 2, "shift": 0}), ("star", (1, 2), {"shift": 0, "bogus": 1}),
    ("star", (), {"a": 5, "shift": 1}), ("only_star", (), {}), ("only_star", (1, 2.5, 3j), {}), ("only_star", (), {"xs": 1}),
]


@pytest.mark.parametrize("name,args,kwargs", CALLS, ids=[f"{n}{a}{k}" for n, a, k in CALLS])
def test_binding_matches_cpython(make_module, name, args, kwargs):
    import sharpjit
    py = getattr(make_module(BINDING), name)
    jitted = sharpjit.jit(py)
    try:
        expected = ("ok", py(*args, **kwargs))
    except TypeError as e:
        expected = ("TypeError", str(e))
    try:
        got = ("ok", jitted(*args, **kwargs))
    except TypeError as e:
        got = ("TypeError", str(e))
    assert got == expected


def test_binding_errors_name_the_qualified_function_and_reject_non_string_keywords():
    import sharpjit

    class Holder:
        @staticmethod
        def addf(x, y):
            return x + y

    jitted = sharpjit.jit(Holder.addf)
    for args, kwargs in (((1, 2, 3), {}), ((1,), {"z": 2})):
        with pytest.raises(TypeError) as expected:
            Holder.addf(*args, **kwargs)
        with pytest.raises(TypeError) as got:
            jitted(*args, **kwargs)
        assert str(got.value) == str(expected.value) and "Holder.addf()" in str(got.value)
    with pytest.raises(TypeError, match=r"^test_binding_errors_name_the_qualified_function_and_reject_non_string_keywords"
                                        r"\.<locals>\.Holder\.addf\(\) keywords must be strings$"):
        jitted.__call__(1, **{1: 2})


# What both fork tests run: g compiles new signatures in each child while another thread compiles all the time.
FORK_SETUP = textwrap.dedent("""
    import os, threading, time
    import sharpjit

    @sharpjit.jit
    def g(x):
        return x + 1

    stop = False

    def compile_forever():
        n = 0
        while not stop:
            sharpjit.jit(lambda x: x * 2 + 1)(n)   # a new function: a compilation each time
            n += 1

    def child(i):   # the child compiles new signatures of its own
        os._exit(0 if g(1.5) == 2.5 and g(i) == i + 1 else 3)

    def wait(pid, deadline):
        \"\"\"The child's exit status, or "hung" (killed) once the deadline has passed.\"\"\"
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return status
            if time.time() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                return "hung"
            time.sleep(0.005)

    compiler = threading.Thread(target=compile_forever)
    compiler.start()
    time.sleep(0.2)
""")

FORK = FORK_SETUP + textwrap.dedent("""
    children = []
    for i in range(40):
        pid = os.fork()
        if pid == 0:
            child(i)
        children.append(pid)
        time.sleep(0.01)
    stop = True
    deadline = time.time() + 90
    statuses = [wait(pid, deadline) for pid in children]
    compiler.join()
    print(statuses)
""")


def test_fork_while_another_thread_compiles_does_not_deadlock_the_child(tmp_path):
    (tmp_path / "fork.py").write_text(FORK)
    p = run_python([tmp_path / "fork.py"], cwd=tmp_path, timeout=240)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == str([0] * 40)


TWO_FORKERS = FORK_SETUP + textwrap.dedent("""
    def fork_some(base, statuses):
        for i in range(10):
            pid = os.fork()
            if pid == 0:
                child(base + i)
            statuses.append(wait(pid, time.time() + 60))

    a, b = [], []
    forkers = [threading.Thread(target=fork_some, args=(0, a)), threading.Thread(target=fork_some, args=(100, b))]
    for t in forkers: t.start()
    for t in forkers: t.join()
    stop = True
    compiler.join()
    print(a + b)
""")


def test_forks_from_two_threads_while_a_third_compiles(tmp_path):
    # One thread's fork ending must not let a compilation start under the other's fork.
    (tmp_path / "two.py").write_text(TWO_FORKERS)
    p = run_python([tmp_path / "two.py"], cwd=tmp_path, timeout=240)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == str([0] * 20)


def test_fork_during_the_background_warm_up_is_safe(tmp_path):
    script = textwrap.dedent("""
        import os, sharpjit

        @sharpjit.jit   # import started loading LLVM on a background thread
        def f(x):
            return x * 3

        pid = os.fork()   # at once, while LLVM may be loading
        if pid == 0:
            os._exit(0 if f(2) == 6 else 3)
        _, status = os.waitpid(pid, 0)
        print(status, f(2.0))
    """)
    (tmp_path / "warm.py").write_text(script)
    p = run_python([tmp_path / "warm.py"], cwd=tmp_path, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.split() == ["0", "6.0"]


def test_fork_from_python_code_that_a_compilation_runs_does_not_deadlock(tmp_path):
    # A module's __getattr__ runs while compiled code's globals are frozen, inside the compilation: it forks.
    (tmp_path / "helpers.py").write_text(textwrap.dedent("""
        import os
        statuses = []

        def __getattr__(name):
            if name != "K":
                raise AttributeError(name)
            pid = os.fork()
            if pid == 0:
                os._exit(7)
            statuses.append(os.waitpid(pid, 0)[1])
            return 3
    """))
    (tmp_path / "main.py").write_text(textwrap.dedent("""
        import sharpjit, helpers

        @sharpjit.jit
        def f(x):
            return x * helpers.K

        print(f(2), sorted(set(helpers.statuses)))
    """))
    p = run_python([tmp_path / "main.py"], cwd=tmp_path, timeout=60)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.split() == ["6", "[1792]"]
