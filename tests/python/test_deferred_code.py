"""Seldom-run code is compiled on its first use: the general loop nest behind an element-wise operation's fast versions
(taken only for operands strided otherwise) is not part of a function's first compilation."""
import json
import re
import textwrap

import numpy as np

from conftest import assert_same_as_numpy, run_python
from sharpjit import _sharpjit

SOURCE = """
import numpy as np
import sharpjit

@sharpjit.jit
def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)

@sharpjit.jit
def power(a, b):
    return a ** b
"""


def test_the_general_nest_is_left_out_of_the_first_compilation(make_module):
    m = make_module(SOURCE)
    x = np.random.default_rng(0).standard_normal((5, 7))
    # exp and the sums in the same order as NumPy's: equal to the last bit (where NumPy's exp is libm's)
    assert_same_as_numpy(m.softmax(x), m.softmax.py_func(x))
    ir = m.softmax.inspect_llvm(m.softmax.signatures[0])
    # one call site per element-wise operation with versions (x - max, e / sum), each compiled when it first runs
    assert ir.count("call ptr @sj_deferred_resolve(") == 2
    assert not re.search(r"define [^\n]*@[\w.]+\.nest\d+\(", ir)   # the nests' bodies are not in the module


def test_strided_operands_run_the_nest_compiled_on_first_use(make_module):
    m = make_module(SOURCE)
    x = np.random.default_rng(1).standard_normal((6, 10))
    for view in (x[:, ::2], x[::-1, ::3], x[:, ::-1]):   # layout A: the versions test the strides at run time
        assert_same_as_numpy(m.softmax(view), m.softmax.py_func(view))
    assert len(m.softmax.signatures) == 1


def test_an_error_raised_in_deferred_code_leaves_nothing_behind(make_module):
    m = make_module(SOURCE)
    a = np.arange(12).reshape(3, 4)
    b = np.ones((3, 8), dtype=np.int64)[:, ::2]
    b[1, 2] = -1
    before = _sharpjit._live_allocations()
    for _ in range(3):
        try:
            m.power(a, b)
            raise AssertionError("no error")
        except ValueError as e:
            assert str(e) == "Integers to negative integer powers are not allowed."
    assert _sharpjit._live_allocations() == before
    b[1, 2] = 2
    np.testing.assert_array_equal(m.power(a, b), m.power.py_func(a, b))


TRACED = textwrap.dedent("""
    import json, sys
    import numpy as np
    import sharpjit

    @sharpjit.jit
    def shifted(x):
        return x - x.mean(axis=1, keepdims=True)

    x = np.arange(24.0).reshape(4, 6)
    results = [shifted(x[:, :5]).tolist()]       # inner stride 8: a version
    print("-- strided", file=sys.stderr, flush=True)
    results += [shifted(x[:, ::2]).tolist(), shifted(x[:, 1::2]).tolist()]
    print(json.dumps(results))
""")


def test_deferred_code_is_compiled_once_and_only_when_it_runs(tmp_path):
    script = tmp_path / "traced.py"
    script.write_text(TRACED)
    done = run_python([script], SHARPJIT_TRACE_COMPILE="1")
    assert done.returncode == 0, done.stderr
    before, after = done.stderr.split("-- strided")
    assert "compiled deferred" not in before
    assert after.count("compiled deferred") == 1
    x = np.arange(24.0).reshape(4, 6)
    want = [(v - v.mean(axis=1, keepdims=True)).tolist() for v in (x[:, :5], x[:, ::2], x[:, 1::2])]
    assert json.loads(done.stdout) == want


CACHED = textwrap.dedent("""
    import json, sys
    import numpy as np
    import sharpjit

    @sharpjit.jit(cache=True)
    def shifted(x):
        return x - x.mean(axis=1, keepdims=True)

    x = np.arange(24.0).reshape(4, 6)
    view = x[:, :5] if sys.argv[1] == "contiguous" else x[:, ::2]
    print(json.dumps({"result": shifted(view).tolist(), "hits": shifted.cache_hits, "signatures": shifted.signatures}))
""")


def test_code_written_to_the_cache_is_whole(tmp_path):
    """The cache's library is loaded by processes without this one's deferred bitcode: it has the nest itself."""
    script = tmp_path / "cached.py"
    script.write_text(CACHED)
    env = {"SHARPJIT_CACHE_DIR": str(tmp_path / "cache")}
    first = run_python([script, "contiguous"], cwd=tmp_path, **env)
    assert first.returncode == 0, first.stderr
    second = run_python([script, "strided"], cwd=tmp_path, **env)
    assert second.returncode == 0, second.stderr
    got = json.loads(second.stdout)
    assert got["hits"] == 1
    x = np.arange(24.0).reshape(4, 6)[:, ::2]
    assert got["result"] == (x - x.mean(axis=1, keepdims=True)).tolist()
