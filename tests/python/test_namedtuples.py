"""namedtuples through @sharpjit.jit (issue 10): classes from the function's globals made in compiled code, namedtuple
arguments (typed by class, read by field), and results returned as their class."""
import sys
from collections import namedtuple

import pytest

SOURCE = '''
from collections import namedtuple
from typing import NamedTuple
import sharpjit

Vec = namedtuple("Vec", "x y")


class Body(NamedTuple):
    pos: Vec
    mass: float = 1.0


@sharpjit.jit
def add(a, b):
    return Vec(a.x + b.x, y=a.y + b.y)


@sharpjit.jit
def heavier(b, k):
    return Body(b.pos, b.mass * k)


@sharpjit.jit
def norm1(v):
    return abs(v.x) + abs(v[1])
'''


@pytest.fixture
def mod(make_module):
    m = make_module(SOURCE)
    sys.modules[m.__name__] = m   # as an imported module is: results are made as its classes
    yield m
    del sys.modules[m.__name__]


def test_results_are_the_python_class(mod):
    r = mod.add(mod.Vec(1, 2), mod.Vec(3.5, 4))
    assert type(r) is mod.Vec and r == (4.5, 6) and r.x == 4.5
    b = mod.heavier(mod.Body(mod.Vec(0.0, 1.0)), 3.0)
    assert type(b) is mod.Body and type(b.pos) is mod.Vec and b.mass == 3.0


def test_arguments_are_typed_by_class(mod):
    assert mod.norm1(mod.Vec(-2, 5)) == 7
    assert mod.norm1(mod.Vec(-2.5, 5)) == 7.5
    # Another class with the same fields is another type: its own specialisation, the same answer.
    Other = namedtuple("Other", "x y")
    assert mod.norm1(Other(1, -1)) == 2
    assert len(mod.norm1.signatures) == 3


def test_a_tuple_subclass_that_is_not_a_namedtuple_is_a_clear_type_error(mod):
    class Pair(tuple):
        pass

    with pytest.raises(TypeError, match=r"is a Pair \(a tuple subclass\), which compiled code cannot take; pass tuple\(v\)"):
        mod.norm1(Pair((1, 2)))
