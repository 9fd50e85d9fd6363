"""Containers compiled code shares with Python, with no conversion at the call.

    from sharpjit import typed
    xs = typed.List([1.0, 2.0])      # or typed.List(item_type=float), then xs.append(...)

A `typed.List` owns a list of compiled code: passed to a @jit function it is that list (a change made there is seen
by Python at once), and a @jit function that returns it returns the same object. Its item type is `item_type=` or
its first item's (numbers, str, tuples of them).
"""
from ._sharpjit import TypedList as List

__all__ = ["List"]
