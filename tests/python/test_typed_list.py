"""sharpjit.typed.List (issue 10): a list owned by compiled code and shared with Python. Passed to a @jit function it is
that list (no conversion, nothing written back: a change is seen at once), returned it is the same object, and its
block is freed when the last Python and compiled reference goes."""
import pytest

import sharpjit
from sharpjit import _sharpjit, typed
from test_lists import _timed, length, total


@pytest.fixture
def no_leaks():
    start = _sharpjit._live_allocations()
    yield
    assert _sharpjit._live_allocations() == start


@sharpjit.jit
def grow(a, n):
    for i in range(n):
        a.append(i * 0.5)
    return a


@sharpjit.jit
def twice(a):
    return [a, a]


@sharpjit.jit
def first_word(ws):
    ws.sort()
    return ws[0]


@sharpjit.jit
def fresh(n):
    return [i for i in range(n)]


def test_made_and_used_from_python(no_leaks):
    xs = typed.List([1.0, 2.5])
    assert len(xs) == 2 and xs[0] == 1.0 and xs[-1] == 2.5 and list(xs) == [1.0, 2.5]
    assert repr(xs) == "List([1.0, 2.5])" and xs == [1.0, 2.5] and xs != [1.0] and xs == typed.List([1.0, 2.5])
    xs.append(3)   # converted to the item type, as compiled code would
    assert list(xs) == [1.0, 2.5, 3.0] and type(xs[2]) is float
    xs[0] = -1.0
    del xs[1]
    assert list(xs) == [-1.0, 3.0] and xs.pop() == 3.0 and list(xs) == [-1.0]
    assert 3.0 not in xs and -1.0 in xs
    with pytest.raises(IndexError, match="list index out of range"):
        xs[5]
    with pytest.raises(TypeError):
        xs.append("a")
    ws = typed.List(item_type=str)
    ws.extend(["pear", "fig"])
    assert list(ws) == ["pear", "fig"] and repr(typed.List()) == "List([])"
    pairs = typed.List([(1, "a")])
    assert pairs[0] == (1, "a")


def test_shared_with_compiled_code_without_conversion(no_leaks):
    xs = typed.List([1.0, 2.5])
    assert grow(xs, 3) is xs   # the same object back
    assert list(xs) == [1.0, 2.5, 0.0, 0.5, 1.0] and total(xs) == 5.0
    assert total([1.0, 2.0]) == 3.0   # a Python list of the same type uses the same compiled code
    a, b = twice(xs)
    assert a is xs and b is xs
    ws = typed.List(["pear", "fig", "apple"])
    assert first_word(ws) == "apple" and list(ws) == ["apple", "fig", "pear"]
    assert fresh(3) == [0, 1, 2] and type(fresh(3)) is list   # a list compiled code makes comes back as a Python list


@sharpjit.jit
def push_into_first(rows, v):
    rows[0].append(v)


@sharpjit.jit
def repeat_first(rows):
    rows.append(rows[0])


def test_inside_python_lists(no_leaks):
    xs = typed.List([1.0])
    rows = [xs]
    push_into_first(rows, 9.0)
    assert list(xs) == [1.0, 9.0] and rows[0] is xs
    repeat_first(rows)   # the Python list is written back, holding the typed List itself twice
    assert len(rows) == 2 and rows[0] is xs and rows[1] is xs


def test_compiled_references_keep_it_alive(no_leaks):
    xs = typed.List([1.0])
    kept = twice(xs)
    del xs
    assert list(kept[0]) == [1.0]
    del kept


def test_passing_costs_nothing_per_item(no_leaks):
    big = typed.List([i * 0.25 for i in range(10**6)])
    assert total(big) == sum(i * 0.25 for i in range(10**6))
    best = min(_timed(length, big) for _ in range(5))
    assert best < 0.001, best




def test_bad_typed_lists_are_clear_errors():
    with pytest.raises(TypeError, match="empty typed.List with no item type"):
        total(typed.List())
    with pytest.raises(TypeError, match="holds numbers, str and tuples of them, not list"):
        typed.List([[1.0]])
    with pytest.raises(TypeError, match="item_type must be"):
        typed.List(item_type=dict)
