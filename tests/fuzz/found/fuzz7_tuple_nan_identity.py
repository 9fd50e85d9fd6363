# fuzz-7 (core: Library, tuple comparison; a semantic difference to document or emulate): CPython compares tuple
# items with an identity shortcut (PyObject_RichCompare after `is`), so a tuple holding a nan equals itself, and
# two tuples built from the same nan object are equal; compiled tuples are values and compare nan != nan.
# CPython prints:  (False, True)
# sharpjit prints: (True, False)
import math


def f(t):
    return t != t, (t[1],) == (t[1],)


print(f((0, math.nan)))
