# Covers: np.random in compiled code draws what NumPy 1.24's legacy RandomState draws after the same
# np.random.seed(n): random/random_sample/rand, randn/standard_normal (the polar method, one value kept),
# normal, uniform, exponential, randint (masked rejection, 32- and 64-bit ranges), shuffle (1-d, rows of a 2-d
# array), permutation, choice with and without replacement; NumPy's errors. Each function seeds itself, so the
# same numbers come out whether it runs compiled or not (compiled code has its own generator, as in Numba).
import numpy as np


def scalars(seed):
    np.random.seed(seed)
    a = (np.random.random(), np.random.random_sample(), np.random.rand(), np.random.randn(), np.random.randn(),
         np.random.standard_normal(), np.random.normal(1.5, 2.0), np.random.uniform(2, 5), np.random.uniform(-1.0, 1.0),
         np.random.exponential(2.0), np.random.standard_exponential())
    b = (np.random.randint(10), np.random.randint(-5, 5), np.random.randint(0, 2**40), np.random.randint(0, 2**62),
         np.random.randint(7, 8), np.random.randint(0, 2**32), np.random.randint(0, 2**32 + 1))
    return a, b


def arrays(seed):
    np.random.seed(seed)
    x = np.random.random((2, 3))
    y = np.random.rand(2, 2)
    z = np.random.randn(5)
    w = np.random.normal(10.0, 0.5, 3)
    u = np.random.uniform(0, 10, (2, 2))
    e = np.random.exponential(3.0, 4)
    k = np.random.randint(3, 9, size=(2, 4))
    return x, y, z, w, u, e, k


def shuffles(seed):
    np.random.seed(seed)
    a = np.arange(10)
    np.random.shuffle(a)
    m = np.arange(12).reshape(4, 3)
    np.random.shuffle(m)
    f = np.linspace(0.0, 1.0, 6)
    np.random.shuffle(f)
    return a, m, f, np.random.permutation(7), np.random.permutation(np.arange(5.0))


def choices(seed):
    np.random.seed(seed)
    return (np.random.choice(5), np.random.choice(np.arange(10.0), 4), np.random.choice(10, 3, replace=False),
            np.random.choice(np.arange(6) * 2, (2, 2)), np.random.choice(4, 4, False))


def odd_state(seed):
    # a kept gaussian is dropped by seeding again
    np.random.seed(seed)
    first = np.random.randn()
    np.random.seed(seed)
    return first, np.random.randn(), np.random.randn()


def error(which):
    try:
        if which == 0:
            np.random.seed(-1)
        elif which == 1:
            np.random.seed(2**32)
        elif which == 2:
            np.random.randint(5, 5)
        elif which == 3:
            np.random.normal(0.0, -1.0)
        elif which == 4:
            np.random.uniform(0.0, np.inf)
        elif which == 5:
            np.random.exponential(-1.0)
        elif which == 6:
            np.random.choice(0)
        elif which == 7:
            np.random.choice(3, 5, replace=False)
        else:
            np.random.randint(0)
    except ValueError as e:
        return "ValueError: " + str(e)
    except OverflowError as e:
        return "OverflowError: " + str(e)
    return "no error"


for s in (0, 1, 42, 4294967295):
    print(scalars(s))
    r = arrays(s)
    print(r[0], r[1], r[2], r[3], r[4], r[5], r[6], sep="\n")
    r = shuffles(s)
    print(r[0], r[1], r[2], r[3], r[4], sep="\n")
    r = choices(s)
    print(r[0], r[1], r[2], r[3], r[4], sep="\n")
    print(odd_state(s))
for k in range(9):
    print(error(k))
