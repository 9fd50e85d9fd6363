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


@sharpjit.jit
def averager():
    total = 0.0
    count = 0
    average = -1.0
    while True:
        try:
            value = yield average
        except KeyError:
            print("reset")
            total = 0.0
            count = 0
            continue
        total += value
        count += 1
        average = total / count


@sharpjit.jit
def renamed(prefix, n):
    kept = [prefix]
    try:
        for i in range(n):
            got = yield prefix + str(i)
            if got is not None:
                prefix = got
                kept.append(got)
    finally:
        print("finally", kept)


def test_send_from_python_takes_values_of_the_item_type():
    a = averager()
    assert next(a) == -1.0
    assert a.send(10) == 10.0
    assert a.send(20.0) == 15.0
    fresh = averager()
    with pytest.raises(TypeError, match="can't send non-None value to a just-started generator"):
        fresh.send(1.0)
    g = renamed("p", 5)
    assert next(g) == "p0"
    assert g.send("q") == "q1"
    assert next(g) == "q2"


def test_throw_from_python_is_raised_at_the_yield(capfd):
    a = averager()
    next(a)
    a.send(4.0)
    capfd.readouterr()
    assert a.throw(KeyError("x")) == 4.0
    assert capfd.readouterr().out == "reset\n"
    assert a.send(2.0) == 2.0
    g = renamed("r", 3)
    next(g)
    with pytest.raises(ValueError, match="thrown"):
        g.throw(ValueError("thrown"))
    assert "finally ['r']" in capfd.readouterr().out
    with pytest.raises(StopIteration):
        next(g)
    with pytest.raises(TypeError, match="exceptions must be classes or instances deriving from BaseException, not int"):
        renamed("x", 1).throw(3)
    fresh = renamed("never", 2)
    with pytest.raises(IndexError):
        fresh.throw(IndexError)
    assert capfd.readouterr().out == ""   # nothing of its body ran


def test_close_and_drop_from_python_run_finally(capfd):
    g = renamed("c", 4)
    next(g)
    g.send("d")
    capfd.readouterr()
    assert g.close() is None
    assert capfd.readouterr().out == "finally ['c', 'd']\n"
    assert g.close() is None
    with pytest.raises(StopIteration):
        g.send("e")
    before = _sharpjit._live_allocations()
    for _ in range(100):
        h = renamed("e", 3)
        next(h)
        h.send("f")
        del h
    gc.collect()
    assert capfd.readouterr().out == "finally ['e', 'f']\n" * 100
    assert _sharpjit._live_allocations() == before
