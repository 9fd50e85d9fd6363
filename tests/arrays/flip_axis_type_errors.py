# Covers: axes that are not integers (np.flip with a str, a float, a tuple of str, a list of floats): NumPy's TypeErrors from normalize_axis_tuple
import numpy as np


def attempt(a, axis):
    try:
        print(np.flip(a, axis))
    except TypeError as e:
        print("TypeError:", e)


def main():
    a = np.arange(6).reshape(2, 3)
    attempt(a, "x")
    attempt(a, 1.5)
    attempt(a, ("x",))
    attempt(a, [0.0, 1.0])
    attempt(a, (0, 1))
    attempt(a, [1])


main()
