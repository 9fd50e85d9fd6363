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
