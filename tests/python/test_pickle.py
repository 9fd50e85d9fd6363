"""Pickling dispatchers: by reference to their module, through multiprocessing (fork and spawn) and dask."""
import multiprocessing
import pickle

import pytest

import jitted_module
from conftest import run_python


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_module_level_function_unpickles_to_the_same_dispatcher(protocol):
    for f in (jitted_module.square, jitted_module.hypot, jitted_module.halve):
        assert pickle.loads(pickle.dumps(f, protocol=protocol)) is f


def test_unpickled_dispatcher_keeps_compiled_signatures():
    jitted_module.square(3)
    again = pickle.loads(pickle.dumps(jitted_module.square))
    assert ("int64",) in again.signatures
    assert again(4) == 16


def test_options_survive_pickling():
    again = pickle.loads(pickle.dumps(jitted_module.hypot))
    assert again.options == {"nogil": True}


def _pool_map(method, function, values):
    with multiprocessing.get_context(method).Pool(2) as pool:
        return pool.map(function, values)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_multiprocessing_pool_map(method):
    values = list(range(-5, 20))
    assert _pool_map(method, jitted_module.square, values) == [v * v for v in values]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_multiprocessing_pool_map_with_tuples_and_explicit_signature(method):
    pairs = [(3.0, 4.0), (5, 12), (0.0, 0.0)]
    assert _pool_map(method, jitted_module.hypot, pairs) == [5.0, 13.0, 0.0]
    assert _pool_map(method, jitted_module.halve, [1, 2.5]) == [0.5, 1.25]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_exception_in_a_worker_reaches_the_parent(method):
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        _pool_map(method, jitted_module.reciprocal, [1, 0])


def test_fork_after_compiling_in_the_parent():
    jitted_module.square(2.5)  # compiled before the fork: the child inherits the native code
    assert _pool_map("fork", jitted_module.square, [1.5, 2.0]) == [2.25, 4.0]


def test_dask_delayed_with_the_processes_scheduler():
    dask = pytest.importorskip("dask")
    tasks = [dask.delayed(jitted_module.square)(i) for i in range(6)]
    total = dask.delayed(sum)(tasks)
    assert total.compute(scheduler="processes", num_workers=2) == sum(i * i for i in range(6))


def test_function_from_a_module_that_does_not_import_is_rebuilt_from_its_source(make_module, tmp_path):
    # make_module's modules are not importable by name in another process: the pickle carries source and globals.
    import pickle
    mod = make_module(
        "import math, sharpjit\n"
        "SCALE = 2.5\n"
        "@sharpjit.jit\n"
        "def helper(x):\n"
        "    return x + 1\n"
        "@sharpjit.jit(fastmath=False)\n"
        "def f(x, n=3):\n"
        "    return math.sqrt(x) * SCALE + helper(n)\n"
        "g = sharpjit.jit(lambda x: x * SCALE)\n")
    payload = tmp_path / "f.pickle"
    payload.write_bytes(pickle.dumps((mod.f, mod.g)))
    p = run_python(["-c", f"import pickle; f, g = pickle.load(open({str(payload)!r}, 'rb')); print(f(16.0), f(4.0, n=1), g(2))"])
    assert p.returncode == 0, p.stderr
    assert p.stdout.split() == [str(mod.f.py_func(16.0)), str(mod.f.py_func(4.0, n=1)), str(mod.g.py_func(2))]


def test_mutually_recursive_functions_of_an_importable_module_pickle_by_name():
    import pickle
    assert pickle.loads(pickle.dumps(jitted_module.is_even)) is jitted_module.is_even
