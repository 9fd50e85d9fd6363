# Covers: an index converted from a float (counts[int(x)] += 1) in a loop, whose bounds check the compiler tests before the conversion's: each error in program order (NaN, infinity, index out of range, -2**63 itself; beyond int64 is ConversionChecksTests', where sharpjit's int64 and CPython's ints differ), negative indexes that wrap, counts written before the error
import numpy as np


def count(xs, counts, scale):
    for i in range(len(xs)):
        counts[int(xs[i] * scale)] += 1


def count_float32(xs, counts):
    for x in xs:
        counts[int(x)] += 1


def attempt(label, xs, bins=4, scale=1.0):
    counts = np.zeros(bins, dtype=np.int64)
    try:
        count(xs, counts, scale)
        print(label, "ok")
    except ValueError as e:
        print(label, "ValueError:", e)
    except OverflowError as e:
        print(label, "OverflowError:", e)
    except IndexError as e:
        print(label, "IndexError:", e)
    print(counts)


xs = np.array([0.5, 1.5, 2.5, 3.5, 3.9, 0.0, 2.0])
attempt("in range", xs)
attempt("scaled", xs, bins=8, scale=2.0)
attempt("negative wraps", np.array([-1.0, -2.5, -4.0, 0.5]))
attempt("negative beyond the start", np.array([0.5, -5.5, 1.0]))
attempt("past the end", np.array([0.5, 1.0, 4.0, 2.0]))
attempt("nan", np.array([0.5, np.nan, 9.0]))
attempt("infinity", np.array([1.5, np.inf]))
attempt("minus infinity", np.array([1.5, -np.inf]))
attempt("exactly -2**63", np.array([3.0, -9223372036854775808.0]))
attempt("nan after past the end", np.array([1.0, 7.0, np.nan]))
attempt("nan before past the end", np.array([1.0, np.nan, 7.0]))
attempt("zero-length axis", np.array([0.0]), bins=0)
attempt("empty input", np.zeros(0))

c32 = np.zeros(3, dtype=np.int64)
try:
    count_float32(np.array([0.5, 2.25, 1.0, 3.0], dtype=np.float32), c32)
except IndexError as e:
    print("float32 IndexError:", e)
print(c32)
