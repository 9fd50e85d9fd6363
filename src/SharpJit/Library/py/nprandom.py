# np.random as NumPy 1.24's legacy RandomState draws it (the global generator behind np.random.seed, random, rand,
# randn, normal, randint ...), from the runtime's Mersenne Twister (Runtime/RuntimeRandom.cs, generator 0, one per
# thread). After np.random.seed(n) in compiled code the numbers are NumPy's after the same seed; as in Numba, it is not
# NumPy's own generator: seeding NumPy from Python does not seed it. Parameters are numbers (no arrays of them).
import math

import numpy as np


@overload("numpy.random.seed")
def seed(seed):
    if not isinstance(seed, int):
        raise TypeError("np.random.seed() takes an integer seed in compiled code")
    if seed < 0 or seed > 4294967295:
        raise ValueError("Seed must be between 0 and 2**32 - 1")
    _sj_random_seed(0, seed)


def _number(x, name):
    if not isinstance(x, (int, float)):
        raise TypeError("np.random: " + name + " must be a number in compiled code (arrays of parameters are not supported)")


def _next_double(which):
    # 53 random bits in [0, 1): NumPy's next_double, CPython's random() (genrand_res53).
    a = _sj_random_next32(which) >> 5
    b = _sj_random_next32(which) >> 6
    return (a * 67108864.0 + b) / 9007199254740992.0


def _gauss():
    # NumPy's legacy_gauss: the polar method, the second value kept for the next call.
    kept = _sj_random_take_gauss(0)
    if kept == kept:
        return kept
    while True:
        x1 = 2.0 * _next_double(0) - 1.0
        x2 = 2.0 * _next_double(0) - 1.0
        r2 = x1 * x1 + x2 * x2
        if r2 < 1.0 and r2 != 0.0:
            break
    f = math.sqrt(-2.0 * math.log(r2) / r2)
    _sj_random_keep_gauss(0, f * x1)
    return f * x2


def _filled(size, kind):
    # An array of the size, float64, drawn in C order: uniform [0, 1) (kind 0) or standard normal (kind 1).
    out = np.empty(size, np.float64)
    flat = out.ravel()
    for i in range(flat.shape[0]):
        if kind == 0:
            flat[i] = _next_double(0)
        else:
            flat[i] = _gauss()
    return out


@overload("numpy.random.random")
def random(size=None):
    return random_sample(size)


@overload("numpy.random.random_sample")
def random_sample(size=None):
    if size is None:
        return _next_double(0)
    return _filled(size, 0)


@overload("numpy.random.sample")
def sample(size=None):
    return random_sample(size)


@overload("numpy.random.ranf")
def ranf(size=None):
    return random_sample(size)


@overload("numpy.random.rand")
def rand(*dims):
    if len(dims) == 0:
        return _next_double(0)
    return _filled(dims, 0)


@overload("numpy.random.randn")
def randn(*dims):
    if len(dims) == 0:
        return _gauss()
    return _filled(dims, 1)


@overload("numpy.random.standard_normal")
def standard_normal(size=None):
    if size is None:
        return _gauss()
    return _filled(size, 1)


@overload("numpy.random.normal")
def normal(loc=0.0, scale=1.0, size=None):
    _number(loc, "loc")
    _number(scale, "scale")
    if scale < 0:
        raise ValueError("scale < 0")
    if size is None:
        return loc + scale * _gauss()
    out = _filled(size, 1)
    flat = out.ravel()
    for i in range(flat.shape[0]):
        flat[i] = loc + scale * flat[i]
    return out


@overload("numpy.random.uniform")
def uniform(low=0.0, high=1.0, size=None):
    _number(low, "low")
    _number(high, "high")
    width = float(high) - float(low)
    if not math.isfinite(width):
        raise OverflowError("Range exceeds valid bounds")
    if size is None:
        return low + width * _next_double(0)
    out = _filled(size, 0)
    flat = out.ravel()
    for i in range(flat.shape[0]):
        flat[i] = low + width * flat[i]
    return out


@overload("numpy.random.standard_exponential")
def standard_exponential(size=None):
    return exponential(1.0, size)


@overload("numpy.random.exponential")
def exponential(scale=1.0, size=None):
    _number(scale, "scale")
    if scale < 0:
        raise ValueError("scale < 0")
    if size is None:
        return scale * -math.log(1.0 - _next_double(0))
    out = np.empty(size, np.float64)
    flat = out.ravel()
    for i in range(flat.shape[0]):
        flat[i] = scale * -math.log(1.0 - _next_double(0))
    return out


def _next64():
    # NumPy's mt19937_next64: the first 32 bits drawn are the high half.
    high = _sj_random_next32(0)
    return (high << 32) | _sj_random_next32(0)


def _bounded(rng):
    # A uniform integer in [0, rng] (rng taken as unsigned 64-bit), by NumPy's masked rejection sampling
    # (random_bounded_uint64 with use_masked, as the legacy randint draws).
    if rng == 0:
        return 0
    mask = rng
    mask |= (mask >> 1) & 0x7FFFFFFFFFFFFFFF
    mask |= (mask >> 2) & 0x3FFFFFFFFFFFFFFF
    mask |= (mask >> 4) & 0x0FFFFFFFFFFFFFFF
    mask |= (mask >> 8) & 0x00FFFFFFFFFFFFFF
    mask |= (mask >> 16) & 0x0000FFFFFFFFFFFF
    mask |= (mask >> 32) & 0x00000000FFFFFFFF
    if 0 < rng <= 0xFFFFFFFF:
        if rng == 0xFFFFFFFF:
            return _sj_random_next32(0)
        v = _sj_random_next32(0) & mask
        while v > rng:
            v = _sj_random_next32(0) & mask
        return v
    if rng == -1:
        return _next64()
    # unsigned comparison of 64-bit values: flip the sign bit of both
    sign = -9223372036854775807 - 1
    limit = rng ^ sign
    v = _next64() & mask
    while (v ^ sign) > limit:
        v = _next64() & mask
    return v


def _interval(top):
    # NumPy's random_interval(top), top > 0: [0, top] by masked rejection on 32 random bits.
    mask = top
    mask |= mask >> 1
    mask |= mask >> 2
    mask |= mask >> 4
    mask |= mask >> 8
    mask |= mask >> 16
    mask |= mask >> 32
    if top <= 0xFFFFFFFF:
        v = _sj_random_next32(0) & mask
        while v > top:
            v = _sj_random_next32(0) & mask
        return v
    v = _next64() & mask
    while v > top:
        v = _next64() & mask
    return v


@overload("numpy.random.randint")
def randint(low, high=None, size=None):
    if not isinstance(low, int) or not (high is None or isinstance(high, int)):
        raise TypeError("np.random.randint() takes integer bounds in compiled code")
    if high is None:
        lo = 0
        hi = low - 1
    else:
        lo = low
        hi = high - 1
    if lo > hi:
        # NumPy's format_bounds_error: low 0 is the one-argument form's
        if lo == 0:
            raise ValueError("high <= 0")
        raise ValueError("low >= high")
    rng = hi - lo
    if size is None:
        return lo + _bounded(rng)
    out = np.empty(size, np.int64)
    flat = out.ravel()
    for i in range(flat.shape[0]):
        flat[i] = lo + _bounded(rng)
    return out


@overload("numpy.random.shuffle")
def shuffle(x):
    # Fisher-Yates from the end, as NumPy's legacy shuffle (along the first axis of an array, or a list).
    if isinstance(x, list):
        _swap_shuffle(x)
    elif x.ndim == 1:
        _swap_shuffle(x)
    else:
        for i in range(len(x) - 1, 0, -1):
            j = _interval(i)
            if i != j:
                row = x[j].copy()
                x[j] = x[i]
                x[i] = row


def _swap_shuffle(x):
    for i in range(len(x) - 1, 0, -1):
        j = _interval(i)
        x[i], x[j] = x[j], x[i]


@overload("numpy.random.permutation")
def permutation(x):
    if isinstance(x, int):
        out = np.arange(x)
    else:
        out = np.array(x)
    shuffle(out)
    return out


@overload("numpy.random.choice")
def choice(a, size=None, replace=True):
    # Uniform choice from range(a) or the items of a 1-d array (NumPy's legacy choice without p=).
    if isinstance(a, int):
        pop = a
        if pop <= 0 and _samples(size) != 0:
            raise ValueError("a must be greater than 0 unless no samples are taken")
    else:
        if a.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        pop = a.shape[0]
        if pop == 0 and _samples(size) != 0:
            raise ValueError("'a' cannot be empty unless no samples are taken")
    if replace:
        idx = randint(0, pop, size)
    else:
        count = _samples(size)
        if count > pop:
            raise ValueError("Cannot take a larger sample than population when 'replace=False'")
        chosen = permutation(pop)[:count]
        if size is None:
            idx = chosen[0]
        else:
            idx = chosen.reshape(size)
    if isinstance(a, int):
        return idx
    if size is None:
        return a[idx]
    return a[idx.ravel()].reshape(idx.shape)


def _samples(size):
    # How many values a size asks for: one for None (a scalar), else the product of the shape.
    if size is None:
        return 1
    if isinstance(size, int):
        return size
    n = 1
    for d in size:
        n *= d
    return n
