"""Pickling dispatchers: by reference to their module, through multiprocessing (fork and spawn) and dask."""
import multiprocessing
import pickle

import pytest

import jitted_module


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
