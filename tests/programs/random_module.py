# Covers: the random module in compiled code draws what CPython 3.11's does after the same random.seed(n) (an
# int: init_by_array of its 32-bit words, negative seeds by their absolute value): random, getrandbits (up to 63
# bits: the first word drawn is the low one), randrange / randint (rejection on bit_length bits), uniform, gauss (the
# sine kept for the next call, dropped by seeding), normalvariate, expovariate, choice, shuffle; CPython's errors.
# Each function seeds itself, so it gives the same numbers compiled or not (compiled code has its own generator).
import random


def draws(seed):
    random.seed(seed)
    a = (random.random(), random.randint(1, 6), random.randrange(10), random.randrange(0, 100, 7),
         random.randrange(50, 0, -3), random.uniform(1, 2), random.uniform(-3.5, 2.0))
    b = (random.gauss(0, 1), random.gauss(0, 1), random.gauss(5, 2), random.getrandbits(40), random.getrandbits(7),
         random.getrandbits(32), random.getrandbits(63), random.getrandbits(0))
    c = (random.normalvariate(0, 1), random.normalvariate(10.0, 3.0), random.expovariate(2.0),
         random.randrange(-2**61, 2**61), random.randint(0, 2**40))
    return a, b, c


def sequences(seed):
    random.seed(seed)
    xs = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    random.shuffle(xs)
    ys = [0.5, 1.5, 2.5]
    random.shuffle(ys)
    return xs, ys, random.choice(xs), random.choice((10, 20, 30)), random.choice([7.0])


def kept_gauss(seed):
    random.seed(seed)
    first = random.gauss(0.0, 1.0)
    random.seed(seed)
    return first, random.gauss(0.0, 1.0), random.gauss(0.0, 1.0)


def error(which):
    try:
        if which == 0:
            random.randrange(0)
        elif which == 1:
            random.randrange(5, 5)
        elif which == 2:
            random.randrange(0, 10, 0)
        elif which == 3:
            random.randint(3, 2)
        elif which == 4:
            random.getrandbits(-1)
        elif which == 5:
            random.randrange(10, 0, 2)
        else:
            random.choice([])
    except ValueError as e:
        return "ValueError: " + str(e)
    except IndexError as e:
        return "IndexError: " + str(e)
    return "no error"


for s in (0, 1, 12345, -7, 2**32 - 1, 2**32, 2**40 + 3, -(2**62)):
    print(draws(s))
    print(sequences(s))
    print(kept_gauss(s))
for k in range(7):
    print(error(k))
