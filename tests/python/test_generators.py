"""Generators through @sharpjit.jit (issue 10): a compiled generator returned to CPython is a lazy Python iterator
(its __next__ resumes the compiled body), raising StopIteration when it ends and the generator's exceptions from
__next__; abandoned half-way it releases what it holds."""
import gc

import pytest

import sharpjit
from sharpjit import _sharpjit


@sharpjit.jit
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


@sharpjit.jit
def labels(words, prefix):
    for k, w in enumerate(words):
        yield f"{prefix}{k}:{w.upper()}"


@sharpjit.jit
def traced(n):
    for i in range(n):
        print("yielding", i)
        yield i * 0.5


@sharpjit.jit
def failing(xs):
    for x in xs:
        yield 10 // x


@sharpjit.jit
def squares_of(n):
    return (i * i for i in range(n))


@sharpjit.jit
def pairs(n):
    for i in range(n):
        yield i, str(i)


def test_generator_is_a_python_iterator():
    g = count(3)
    assert iter(g) is g
    assert next(g) == 0
    assert list(g) == [1, 2]
    with pytest.raises(StopIteration):
        next(g)
    assert list(g) == []


def test_items_of_every_type_convert():
    assert list(labels(["a", "b"], "x")) == ["x0:A", "x1:B"]
    assert list(pairs(3)) == [(0, "0"), (1, "1"), (2, "2")]
    assert sum(squares_of(4)) == 14


def test_lazy_resumes_one_item_at_a_time(capfd):
    g = traced(3)
    capfd.readouterr()
    assert next(g) == 0.0
    assert capfd.readouterr().out == "yielding 0\n"
    assert next(g) == 0.5
    assert capfd.readouterr().out == "yielding 1\n"


def test_exception_inside_comes_from_next():
    g = failing([5, 0, 1])
    assert next(g) == 2
    with pytest.raises(ZeroDivisionError):
        next(g)
    # a generator that raised has finished, as in CPython
    with pytest.raises(StopIteration):
        next(g)


def test_abandoned_generators_are_freed():
    assert next(labels(["w"], "p")) == "p0:W"   # compiled before counting
    before = _sharpjit._live_allocations()
    for _ in range(1000):
        g = labels(["alpha", "beta", "gamma"], "p")
        assert next(g) == "p0:ALPHA"
        del g
    assert list(zip(count(10**9), "ab")) == [(0, "a"), (1, "b")]
    g = failing([1, 0])
    with pytest.raises(ZeroDivisionError):
        list(g)
    del g
    gc.collect()
    assert _sharpjit._live_allocations() == before


def test_type_and_repr():
    g = count(1)
    assert type(g).__name__ == "generator"
    assert "generator" in repr(g)
