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
