# The random module as CPython 3.11 draws it (random.seed, random, randint, randrange, uniform, gauss, choice,
# shuffle ...), from the runtime's Mersenne Twister (Runtime/RuntimeRandom.cs, generator 1, one per thread). After
# random.seed(n) in compiled code the numbers are CPython's after the same seed; as in Numba, it is not CPython's own
# generator: seeding it from Python does not seed this one. Integers are int64.
import math


@overload("random.seed")
def seed(a):
    if not isinstance(a, int):
        raise TypeError("random.seed() takes an integer seed in compiled code")
    _sj_random_seed(1, a)


@overload("random.random")
def random():
    # genrand_res53: 53 random bits in [0, 1)
    a = _sj_random_next32(1) >> 5
    b = _sj_random_next32(1) >> 6
    return (a * 67108864.0 + b) / 9007199254740992.0


@overload("random.getrandbits")
def getrandbits(k):
    # CPython's: 32-bit words, the first drawn the least significant, the last one's top bits.
    if k < 0:
        raise ValueError("number of bits must be non-negative")
    if k > 63:
        raise OverflowError("int too large to convert to int64")
    if k == 0:
        return 0
    if k <= 32:
        return _sj_random_next32(1) >> (32 - k)
    low = _sj_random_next32(1)
    return ((_sj_random_next32(1) >> (64 - k)) << 32) | low


def _randbelow(n):
    # CPython's _randbelow_with_getrandbits: k = n.bit_length() bits at a time until one is below n.
    k = 0
    m = n
    while m:
        m >>= 1
        k += 1
    r = getrandbits(k)
    while r >= n:
        r = getrandbits(k)
    return r


@overload("random.randrange")
def randrange(start, stop=None, step=1):
    if stop is None:
        if start > 0:
            return _randbelow(start)
        raise ValueError("empty range for randrange()")
    width = stop - start
    if step == 1:
        if width > 0:
            return start + _randbelow(width)
        raise ValueError(f"empty range for randrange() ({start}, {stop}, {width})")
    if step > 0:
        n = (width + step - 1) // step
    elif step < 0:
        n = (width + step + 1) // step
    else:
        raise ValueError("zero step for randrange()")
    if n <= 0:
        raise ValueError("empty range for randrange()")
    return start + step * _randbelow(n)


@overload("random.randint")
def randint(a, b):
    return randrange(a, b + 1)


@overload("random.uniform")
def uniform(a, b):
    return a + (b - a) * random()


@overload("random.gauss")
def gauss(mu=0.0, sigma=1.0):
    # Box-Muller on random(), the sine's value kept for the next call
    z = _sj_random_take_gauss(1)
    if z != z:
        x2pi = random() * (2.0 * math.pi)
        g2rad = math.sqrt(-2.0 * math.log(1.0 - random()))
        z = math.cos(x2pi) * g2rad
        _sj_random_keep_gauss(1, math.sin(x2pi) * g2rad)
    return mu + z * sigma


@overload("random.normalvariate")
def normalvariate(mu=0.0, sigma=1.0):
    # Kinderman and Monahan's ratio of uniforms, as CPython.
    magic = 4 * math.exp(-0.5) / math.sqrt(2.0)
    while True:
        u1 = random()
        u2 = 1.0 - random()
        z = magic * (u1 - 0.5) / u2
        zz = z * z / 4.0
        if zz <= -math.log(u2):
            break
    return mu + z * sigma


@overload("random.expovariate")
def expovariate(lambd):
    return -math.log(1.0 - random()) / lambd


@overload("random.choice")
def choice(seq):
    if not len(seq):
        raise IndexError("Cannot choose from an empty sequence")
    return seq[_randbelow(len(seq))]


@overload("random.shuffle")
def shuffle(x):
    for i in range(len(x) - 1, 0, -1):
        j = _randbelow(i + 1)
        x[i], x[j] = x[j], x[i]
