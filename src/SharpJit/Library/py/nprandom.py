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


def _float(x):
    # A distribution's parameter as C's double. An array is a compile-time error (NumPy would broadcast it); being
    # a callee's, it is reported before what its caller goes on to type with the array.
    if not isinstance(x, (int, float)):
        _sj_reject("np.random: a distribution's parameters must be numbers in compiled code (arrays of parameters are not supported)", x)
    return float(x)


def _int(x):
    # A count as C's long: a float is truncated, as NumPy's conversion does.
    if isinstance(x, int):
        return x
    return int(_float(x))


def _non_negative(x, name):
    # NumPy's CONS_NON_NEGATIVE tests the sign bit: -0.0 is refused, NaN passes.
    if x == x and math.copysign(1.0, x) < 0.0:
        raise ValueError(name + " < 0")


def _positive(x, name):
    # NumPy's CONS_POSITIVE: NaN passes.
    if x <= 0:
        raise ValueError(name + " <= 0")


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
    # np's log and sqrt: the same libm values as math's, without a domain check (0 < r2 < 1) that could raise
    f = np.sqrt(-2.0 * np.log(r2) / r2)
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
    _float(loc)
    _non_negative(_float(scale), "scale")
    if size is None:
        return loc + scale * _gauss()
    out = _filled(size, 1)
    flat = out.ravel()
    for i in range(flat.shape[0]):
        flat[i] = loc + scale * flat[i]
    return out


@overload("numpy.random.uniform")
def uniform(low=0.0, high=1.0, size=None):
    width = _float(high) - _float(low)
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
    _non_negative(_float(scale), "scale")
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
def choice(a, size=None, replace=True, p=None):
    # From range(a) or the items of a 1-d array: uniform, or by the probabilities p (NumPy's legacy choice).
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
    if p is not None:
        idx = _choice_by_weight(pop, p, size, replace)
    elif replace:
        idx = randint(0, pop, size)
    else:
        count = _samples(size)
        if count > pop:
            raise ValueError("Cannot take a larger sample than population when 'replace=False'")
        if count < 0:
            raise ValueError("Negative dimensions are not allowed")
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


def _choice_by_weight(pop, p, size, replace):
    # NumPy's checks of p (its sum by mtrand's kahan_sum, within sqrt(eps) of 1, or float32's for a float32 array),
    # then a search of the normalised cumulative sum for each uniform draw.
    if isinstance(p, (int, float)):
        _sj_reject("np.random.choice(p=) takes a sequence or a 1-d array (NumPy: object has no len())", p)
    weights = np.asarray(p, np.float64)
    if weights.ndim != 1:
        raise ValueError("'p' must be 1-dimensional")
    atol = 1.4901161193847656e-08
    if _sj_is_array(p):
        if p.dtype == np.float32:
            atol = 0.0003452669770922512
    d = weights.shape[0]
    if d != pop:
        raise ValueError("'a' and 'p' must have same size")
    total = 0.0
    if d > 0:
        total = _kahan_sum(weights, d)
    if total != total:
        raise ValueError("probabilities contain NaN")
    for i in range(d):
        if weights[i] < 0:
            raise ValueError("probabilities are not non-negative")
    if abs(total - 1.0) > atol:
        raise ValueError("probabilities do not sum to 1")
    if replace:
        cdf = _normalised_cdf(weights)
        if size is None:
            return np.searchsorted(cdf, _next_double(0), side="right")
        return np.searchsorted(cdf, random_sample(size), side="right")
    count = _samples(size)
    if count > pop:
        raise ValueError("Cannot take a larger sample than population when 'replace=False'")
    if count < 0:
        raise ValueError("Negative dimensions are not allowed")
    if np.count_nonzero(weights > 0) < count:
        raise ValueError("Fewer non-zero entries in p than size")
    # NumPy's rounds: draw what is missing, zero the weights of what was found, keep each new index once (in
    # the order first drawn), until there are enough.
    weights = weights.copy()
    found = np.zeros(count, np.int64)
    last_round = np.zeros(pop, np.int64)
    n_found = 0
    rounds = 0
    while n_found < count:
        x = _filled(count - n_found, 0)
        for j in range(n_found):
            weights[found[j]] = 0.0
        cdf = _normalised_cdf(weights)
        rounds += 1
        for j in range(x.shape[0]):
            k = np.searchsorted(cdf, x[j], side="right")
            if last_round[k] != rounds:
                last_round[k] = rounds
                found[n_found] = k
                n_found += 1
    if size is None:
        return found[0]
    return found.reshape(size)


def _normalised_cdf(weights):
    cdf = np.cumsum(weights)
    last = cdf[cdf.shape[0] - 1]
    for i in range(cdf.shape[0]):
        cdf[i] = np.divide(cdf[i], last)
    return cdf


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


# ---------------------------------------------------------------- the other distributions
# Each is NumPy 1.24's legacy code path (mtrand.pyx; legacy-distributions.c, and the distributions.c functions the
# legacy ones call), so that the same draws come out in the same order. C's semantics are kept where Python's
# differ: np.log/np.power/np.divide give inf or NaN where math's would raise, and _long is C's cast to long.


def _long(x):
    # C's (long)x on x86-64: the truncated value, or INT64_MIN for NaN and values out of range (cvttsd2si).
    if -9.223372036854775808e18 <= x < 9.223372036854775808e18:
        return int(x)
    return -9223372036854775807 - 1


def _fill(kind, a, b, c, size, dtype):
    # One draw of the kind (a literal: the branch is picked while typing), or an array of them in C order.
    if size is None:
        return _draw(kind, a, b, c)
    out = np.empty(size, dtype)
    flat = out.ravel()
    for i in range(flat.shape[0]):
        flat[i] = _draw(kind, a, b, c)
    return out


def _draw(kind, a, b, c):
    if kind == "standard_gamma":
        return _standard_gamma(a)
    if kind == "gamma":
        return b * _standard_gamma(a)
    if kind == "beta":
        return _beta(a, b)
    if kind == "chisquare":
        return _chisquare(a)
    if kind == "f":
        num = _chisquare(a) * b
        return np.divide(num, _chisquare(b) * a)
    if kind == "standard_t":
        num = _gauss()
        denom = _standard_gamma(a / 2)
        return np.divide(np.sqrt(a / 2) * num, np.sqrt(denom))
    if kind == "standard_cauchy":
        num = _gauss()
        return np.divide(num, _gauss())
    if kind == "lognormal":
        return np.exp(a + b * _gauss())
    if kind == "laplace":
        return _laplace(a, b)
    if kind == "gumbel":
        return _gumbel(a, b)
    if kind == "logistic":
        return _logistic(a, b)
    if kind == "pareto":
        return np.exp(_standard_exponential() / a) - 1
    if kind == "power":
        return np.power(1 - np.exp(-_standard_exponential()), 1.0 / a)
    if kind == "rayleigh":
        return a * np.sqrt(-2.0 * np.log1p(-_next_double(0)))
    if kind == "weibull":
        if a == 0.0:
            return 0.0
        return np.power(_standard_exponential(), 1.0 / a)
    if kind == "wald":
        return _wald(a, b)
    if kind == "vonmises":
        return _vonmises(a, b)
    if kind == "triangular":
        return _triangular(a, b, c)
    if kind == "noncentral_chisquare":
        return _noncentral_chisquare(a, b)
    if kind == "noncentral_f":
        t = _noncentral_chisquare(a, c) * b
        return np.divide(t, _chisquare(b) * a)
    if kind == "binomial":
        return _binomial_draw(a)
    if kind == "poisson":
        return _poisson_draw(a)
    if kind == "negative_binomial":
        return _poisson(np.divide(1 - b, b) * _standard_gamma(a))
    if kind == "geometric":
        return _geometric(a)
    if kind == "hypergeometric":
        return _hypergeometric(a, b, c)
    if kind == "logseries":
        return _logseries(a)
    return _zipf(a)


def _standard_exponential():
    return -np.log(1.0 - _next_double(0))


def _standard_gamma(shape):
    # legacy_standard_gamma: Johnk-like rejection below 1 (on exponentials), Marsaglia and Tsang above (on the
    # legacy gaussian).
    if shape == 1.0:
        return _standard_exponential()
    if shape == 0.0:
        return 0.0
    if shape < 1.0:
        while True:
            u = _next_double(0)
            v = _standard_exponential()
            if u <= 1.0 - shape:
                x = np.power(u, 1.0 / shape)
                if x <= v:
                    return x
            else:
                y = -np.log((1 - u) / shape)
                x = np.power(1.0 - shape + shape * y, 1.0 / shape)
                if x <= v + y:
                    return x
    b = shape - 1.0 / 3.0
    c = 1.0 / np.sqrt(9 * b)
    while True:
        x = _gauss()
        v = 1.0 + c * x
        while v <= 0.0:
            x = _gauss()
            v = 1.0 + c * x
        v = v * v * v
        u = _next_double(0)
        if u < 1.0 - 0.0331 * (x * x) * (x * x):
            return b * v
        if np.log(u) < 0.5 * x * x + b * (1.0 - v + np.log(v)):
            return b * v


def _chisquare(df):
    return 2.0 * _standard_gamma(df / 2.0)


def _beta(a, b):
    # legacy_beta: Johnk's algorithm when both are at most 1, else a ratio of gammas.
    if a <= 1.0 and b <= 1.0:
        while True:
            u = _next_double(0)
            v = _next_double(0)
            x = np.power(u, 1.0 / a)
            y = np.power(v, 1.0 / b)
            if x + y <= 1.0:
                if x + y > 0:
                    return x / (x + y)
                log_x = np.log(u) / a
                log_y = np.log(v) / b
                log_m = log_x if log_x > log_y else log_y
                log_x -= log_m
                log_y -= log_m
                return np.exp(log_x - np.log(np.exp(log_x) + np.exp(log_y)))
    ga = _standard_gamma(a)
    gb = _standard_gamma(b)
    return np.divide(ga, ga + gb)


def _laplace(loc, scale):
    while True:
        u = _next_double(0)
        if u >= 0.5:
            return loc - scale * np.log(2.0 - u - u)
        if u > 0.0:
            return loc + scale * np.log(u + u)


def _gumbel(loc, scale):
    while True:
        u = 1.0 - _next_double(0)
        if u < 1.0:
            return loc - scale * np.log(-np.log(u))


def _logistic(loc, scale):
    while True:
        u = _next_double(0)
        if u > 0.0:
            return loc + scale * np.log(u / (1.0 - u))


def _wald(mean, scale):
    mu_2l = mean / (2 * scale)
    y = _gauss()
    y = mean * y * y
    x = mean + mu_2l * (y - np.sqrt(4 * scale * y + y * y))
    u = _next_double(0)
    if u <= np.divide(mean, mean + x):
        return x
    return np.divide(mean * mean, x)


def _vonmises(mu, kappa):
    # random_vonmises of NumPy 1.24 (the legacy generator still called it): Best and Fisher's rejection.
    if kappa != kappa:
        return kappa
    if kappa < 1e-8:
        return np.pi * (2 * _next_double(0) - 1)
    if kappa < 1e-5:
        s = 1.0 / kappa + kappa
    else:
        r = 1 + np.sqrt(1 + 4 * kappa * kappa)
        rho = (r - np.sqrt(2 * r)) / (2 * kappa)
        s = (1 + rho * rho) / (2 * rho)
    while True:
        u = _next_double(0)
        z = np.cos(np.pi * u)
        w = np.divide(1 + s * z, s + z)
        y = kappa * (s - w)
        v = _next_double(0)
        if y * (2 - y) - v >= 0 or np.log(np.divide(y, v)) + 1 - y >= 0:
            break
    u = _next_double(0)
    result = np.arccos(w)
    if u < 0.5:
        result = -result
    result += mu
    neg = result < 0
    mod = np.fmod(abs(result) + np.pi, 2 * np.pi) - np.pi
    if neg:
        mod *= -1
    return mod


def _triangular(left, mode, right):
    base = right - left
    leftbase = mode - left
    ratio = np.divide(leftbase, base)
    leftprod = leftbase * base
    rightprod = (right - mode) * base
    u = _next_double(0)
    if u <= ratio:
        return left + np.sqrt(u * leftprod)
    return right - np.sqrt((1.0 - u) * rightprod)


def _noncentral_chisquare(df, nonc):
    if nonc == 0:
        return _chisquare(df)
    if 1 < df:
        chi2 = _chisquare(df - 1)
        n = _gauss() + np.sqrt(nonc)
        return chi2 + n * n
    i = _poisson(nonc / 2.0)
    out = _chisquare(df + 2 * i)
    if nonc != nonc:
        return nonc
    return out


def _loggam(x):
    # NumPy's random_loggam (from SPECFUN): Stirling's series, shifted up to 7 for small x.
    x = float(x)
    if x == 1.0 or x == 2.0:
        return 0.0
    n = 0
    x0 = x
    if x <= 7.0:
        n = _long(7 - x)
        x0 = x + n
    x2 = 1.0 / (x0 * x0)
    gl0 = -1.39243221690590e+00
    gl0 = gl0 * x2
    gl0 += 1.796443723688307e-01
    gl0 = gl0 * x2
    gl0 += -2.955065359477124e-02
    gl0 = gl0 * x2
    gl0 += 6.410256410256410e-03
    gl0 = gl0 * x2
    gl0 += -1.917526917526918e-03
    gl0 = gl0 * x2
    gl0 += 8.417508417508418e-04
    gl0 = gl0 * x2
    gl0 += -5.952380952380952e-04
    gl0 = gl0 * x2
    gl0 += 7.936507936507937e-04
    gl0 = gl0 * x2
    gl0 += -2.777777777777778e-03
    gl0 = gl0 * x2
    gl0 += 8.333333333333333e-02
    gl = gl0 / x0 + 0.5 * np.log(2 * np.pi) + (x0 - 0.5) * np.log(x0) - x0
    if x <= 7.0:
        for k in range(n):
            gl -= np.log(x0 - 1.0)
            x0 -= 1.0
    return gl


def _poisson_plan(lam):
    # random_poisson's setup: (lam, method, exp(-lam) or log(lam), a, b, 1/alpha, v_r); method 0 for lam 0, 1 for
    # multiplying uniforms (lam < 10 or NaN), 2 for Hoermann's transformed rejection (PTRS).
    if lam >= 10:
        slam = np.sqrt(lam)
        loglam = np.log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        return (lam, 2, loglam, a, b, invalpha, vr)
    if lam == 0:
        return (lam, 0, 0.0, 0.0, 0.0, 0.0, 0.0)
    return (lam, 1, np.exp(-lam), 0.0, 0.0, 0.0, 0.0)


def _poisson_draw(plan):
    lam, method, x, a, b, invalpha, vr = plan
    if method == 0:
        return 0
    if method == 1:
        k = 0
        prod = 1.0
        while True:
            prod *= _next_double(0)
            if prod > x:
                k += 1
            else:
                return k
    while True:
        u = _next_double(0) - 0.5
        v = _next_double(0)
        us = 0.5 - abs(u)
        k = _long(np.floor((np.divide(2 * a, us) + b) * u + lam + 0.43))
        if us >= 0.07 and v <= vr:
            return k
        if k < 0 or (us < 0.013 and v > us):
            continue
        if np.log(v) + np.log(invalpha) - np.log(np.divide(a, us * us) + b) <= -lam + k * x - _loggam(k + 1):
            return k


def _poisson(lam):
    return _poisson_draw(_poisson_plan(lam))


def _binomial_plan(n, p, legacy):
    # NumPy's binomial_t for (n, p), made once per call (NumPy caches it between calls; its values are the same):
    # (method, n, p, r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4). Method 0: no draw; 1: inversion and
    # 3: BTPE (min(p, 1-p) * n at most 30, or above); 2 and 4: the same for q = 1-p where p > 1/2, the result n less
    # the draw. Inversion keeps q^n in r, n*p in c and its bound in m, as binomial_t does. The legacy
    # np.random.binomial draws even for n 0 or p 0; multinomial's random_binomial does not.
    if not legacy and (n == 0 or p == 0.0):
        return (0, n, p, 0.0, 0.0, 0.0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    flip = 0
    if not p <= 0.5:
        flip = 1
        p = 1.0 - p
    if p * n <= 30.0:
        q = 1.0 - p
        qn = np.exp(n * np.log(q))
        mean = n * p
        bound = mean + 10.0 * np.sqrt(mean * q + 1)
        if float(n) < bound:
            bound = float(n)
        return (1 + flip, n, p, qn, q, 0.0, _long(bound), 0.0, 0.0, 0.0, 0.0, mean, 0.0, 0.0, 0.0, 0.0, 0.0)
    r = p if p < 1.0 - p else 1.0 - p
    q = 1.0 - r
    fm = n * r + r
    m = _long(np.floor(fm))
    p1 = np.floor(2.195 * np.sqrt(n * r * q) - 4.6 * q) + 0.5
    xm = m + 0.5
    xl = xm - p1
    xr = xm + p1
    c = 0.134 + 20.5 / (15.3 + m)
    a = (fm - xl) / (fm - xl * r)
    laml = a * (1.0 + a / 2.0)
    a = (xr - fm) / (xr * q)
    lamr = a * (1.0 + a / 2.0)
    p2 = p1 * (1.0 + 2.0 * c)
    p3 = p2 + c / laml
    p4 = p3 + c / lamr
    return (3 + flip, n, p, r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4)


def _binomial_draw(plan):
    method = plan[0]
    n = plan[1]
    if method == 0:
        return 0
    if method <= 2:
        x = _binomial_inversion(plan)
    else:
        x = _binomial_btpe(plan)
    if method == 2 or method == 4:
        return n - x
    return x


def _binomial_inversion(plan):
    n = plan[1]
    p = plan[2]
    qn = plan[3]
    q = plan[4]
    bound = plan[6]
    x = 0
    px = qn
    u = _next_double(0)
    while u > px:
        x += 1
        if x > bound:
            x = 0
            px = qn
            u = _next_double(0)
        else:
            u -= px
            px = ((n - x + 1) * p * px) / (x * q)
    return x


def _binomial_btpe(plan):
    # Kachitvichyanukul and Schmeiser's BTPE, as random_binomial_btpe (its gotos as continue/break).
    method, n, p, r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 = plan
    while True:
        nrq = n * r * q
        u = _next_double(0) * p4
        v = _next_double(0)
        if u <= p1:
            return _long(np.floor(xm - p1 * v + u))
        if u <= p2:
            x = xl + (u - p1) / c
            v = v * c + 1.0 - abs(m - x + 0.5) / p1
            if v > 1.0:
                continue
            y = _long(np.floor(x))
        elif u <= p3:
            y = _long(np.floor(xl + np.log(v) / laml))
            if y < 0 or v == 0.0:
                continue
            v = v * (u - p2) * laml
        else:
            y = _long(np.floor(xr - np.log(v) / lamr))
            if y > n or v == 0.0:
                continue
            v = v * (u - p3) * lamr
        k = abs(y - m)
        if not (k > 20 and k < nrq / 2.0 - 1):
            s = r / q
            a = s * (n + 1)
            f = 1.0
            if m < y:
                for i in range(m + 1, y + 1):
                    f *= a / i - s
            elif m > y:
                for i in range(y + 1, m + 1):
                    f /= a / i - s
            if v > f:
                continue
            return y
        rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
        t = -k * k / (2 * nrq)
        big_a = np.log(v)
        if big_a < t - rho:
            return y
        if big_a > t + rho:
            continue
        x1 = float(y + 1)
        f1 = float(m + 1)
        z = float(n + 1 - m)
        w = float(n - y + 1)
        x2 = x1 * x1
        f2 = f1 * f1
        z2 = z * z
        w2 = w * w
        bound = (xm * np.log(f1 / x1) + (n - m + 0.5) * np.log(z / w) + (y - m) * np.log(w * r / (x1 * q))
                 + (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.)
        if big_a > bound:
            continue
        return y


def _geometric(p):
    # random_geometric: a search of the cumulative probabilities from p = 1/3 up, else inversion.
    if p >= 0.333333333333333333333333:
        u = _next_double(0)
        x = 1
        total = p
        prod = p
        q = 1.0 - p
        while u > total:
            prod *= q
            total += prod
            x += 1
        return x
    return _long(np.ceil(np.divide(np.log1p(-_next_double(0)), np.log(1.0 - p))))


def _hypergeometric(good, bad, sample):
    # legacy_random_hypergeometric: HYP (a draw per item) up to 10 items, Stadlober's HRUA* above.
    if sample > 10:
        return _hypergeometric_hrua(good, bad, sample)
    if sample > 0:
        return _hypergeometric_hyp(good, bad, sample)
    return 0


def _hypergeometric_hyp(good, bad, sample):
    d1 = bad + good - sample
    d2 = float(min(bad, good))
    y = d2
    k = sample
    while y > 0.0:
        u = _next_double(0)
        y -= _long(np.floor(u + y / (d1 + k)))
        k -= 1
        if k == 0:
            break
    z = _long(d2 - y)
    if good > bad:
        z = sample - z
    return z


def _hypergeometric_hrua(good, bad, sample):
    mingoodbad = min(good, bad)
    popsize = good + bad
    maxgoodbad = max(good, bad)
    m = min(sample, popsize - sample)
    d4 = mingoodbad / popsize
    d5 = 1.0 - d4
    d6 = m * d4 + 0.5
    d7 = np.sqrt(float(popsize - m) * sample * d4 * d5 / (popsize - 1) + 0.5)
    d8 = 1.7155277699214135 * d7 + 0.8989161620588988
    d9 = _long(np.floor(float(m + 1) * (mingoodbad + 1) / (popsize + 2)))
    d10 = _loggam(d9 + 1) + _loggam(mingoodbad - d9 + 1) + _loggam(m - d9 + 1) + _loggam(maxgoodbad - m + d9 + 1)
    d11 = min(m, mingoodbad) + 1.0
    top = np.floor(d6 + 16 * d7)
    if not d11 < top:
        d11 = top
    while True:
        x = _next_double(0)
        y = _next_double(0)
        w = d6 + np.divide(d8 * (y - 0.5), x)
        if w < 0.0 or w >= d11:
            continue
        z = _long(np.floor(w))
        t = d10 - (_loggam(z + 1) + _loggam(mingoodbad - z + 1) + _loggam(m - z + 1) + _loggam(maxgoodbad - m + z + 1))
        if x * (4.0 - x) - 3.0 <= t:
            break
        if x * (x - t) >= 1:
            continue
        if 2.0 * np.log(x) <= t:
            break
    if good > bad:
        z = m - z
    if m < sample:
        z = good - z
    return z


def _logseries(p):
    r = np.log(1.0 - p)
    while True:
        v = _next_double(0)
        if v >= p:
            return 1
        u = _next_double(0)
        q = 1.0 - np.exp(r * u)
        if v <= q * q:
            result = _long(np.floor(1 + np.divide(np.log(v), np.log(q))))
            if result < 1 or v == 0.0:
                continue
            return result
        if v >= q:
            return 1
        return 2


def _zipf(a):
    am1 = a - 1.0
    b = np.power(2.0, am1)
    while True:
        u = 1.0 - _next_double(0)
        v = _next_double(0)
        x = np.floor(np.power(u, -1.0 / am1))
        # values past C's long are rejected: a Zipf distribution truncated there
        if x > 9.223372036854775808e18 or x < 1.0:
            continue
        t = np.power(1.0 + 1.0 / x, am1)
        if np.divide(v * x * (t - 1.0), b - 1.0) <= t / b:
            return _long(x)


@overload("numpy.random.standard_gamma")
def standard_gamma(shape, size=None):
    k = _float(shape)
    _non_negative(k, "shape")
    return _fill("standard_gamma", k, 0.0, 0.0, size, np.float64)


@overload("numpy.random.gamma")
def gamma(shape, scale=1.0, size=None):
    k = _float(shape)
    theta = _float(scale)
    _non_negative(k, "shape")
    _non_negative(theta, "scale")
    return _fill("gamma", k, theta, 0.0, size, np.float64)


@overload("numpy.random.beta")
def beta(a, b, size=None):
    x = _float(a)
    y = _float(b)
    _positive(x, "a")
    _positive(y, "b")
    return _fill("beta", x, y, 0.0, size, np.float64)


@overload("numpy.random.chisquare")
def chisquare(df, size=None):
    k = _float(df)
    _positive(k, "df")
    return _fill("chisquare", k, 0.0, 0.0, size, np.float64)


@overload("numpy.random.f")
def f(dfnum, dfden, size=None):
    num = _float(dfnum)
    den = _float(dfden)
    _positive(num, "dfnum")
    _positive(den, "dfden")
    return _fill("f", num, den, 0.0, size, np.float64)


@overload("numpy.random.standard_t")
def standard_t(df, size=None):
    k = _float(df)
    _positive(k, "df")
    return _fill("standard_t", k, 0.0, 0.0, size, np.float64)


@overload("numpy.random.standard_cauchy")
def standard_cauchy(size=None):
    return _fill("standard_cauchy", 0.0, 0.0, 0.0, size, np.float64)


@overload("numpy.random.lognormal")
def lognormal(mean=0.0, sigma=1.0, size=None):
    mu = _float(mean)
    s = _float(sigma)
    _non_negative(s, "sigma")
    return _fill("lognormal", mu, s, 0.0, size, np.float64)


@overload("numpy.random.laplace")
def laplace(loc=0.0, scale=1.0, size=None):
    return _location_scale("laplace", loc, scale, size)


@overload("numpy.random.gumbel")
def gumbel(loc=0.0, scale=1.0, size=None):
    return _location_scale("gumbel", loc, scale, size)


@overload("numpy.random.logistic")
def logistic(loc=0.0, scale=1.0, size=None):
    return _location_scale("logistic", loc, scale, size)


def _location_scale(kind, loc, scale, size):
    mu = _float(loc)
    s = _float(scale)
    _non_negative(s, "scale")
    return _fill(kind, mu, s, 0.0, size, np.float64)


@overload("numpy.random.pareto")
def pareto(a, size=None):
    x = _float(a)
    _positive(x, "a")
    return _fill("pareto", x, 0.0, 0.0, size, np.float64)


@overload("numpy.random.power")
def power(a, size=None):
    x = _float(a)
    _positive(x, "a")
    return _fill("power", x, 0.0, 0.0, size, np.float64)


@overload("numpy.random.rayleigh")
def rayleigh(scale=1.0, size=None):
    s = _float(scale)
    _non_negative(s, "scale")
    return _fill("rayleigh", s, 0.0, 0.0, size, np.float64)


@overload("numpy.random.weibull")
def weibull(a, size=None):
    x = _float(a)
    _non_negative(x, "a")
    return _fill("weibull", x, 0.0, 0.0, size, np.float64)


@overload("numpy.random.wald")
def wald(mean, scale, size=None):
    mu = _float(mean)
    s = _float(scale)
    _positive(mu, "mean")
    _positive(s, "scale")
    return _fill("wald", mu, s, 0.0, size, np.float64)


@overload("numpy.random.vonmises")
def vonmises(mu, kappa, size=None):
    m = _float(mu)
    k = _float(kappa)
    _non_negative(k, "kappa")
    return _fill("vonmises", m, k, 0.0, size, np.float64)


@overload("numpy.random.triangular")
def triangular(left, mode, right, size=None):
    lo = _float(left)
    mid = _float(mode)
    hi = _float(right)
    if lo > mid:
        raise ValueError("left > mode")
    if mid > hi:
        raise ValueError("mode > right")
    if lo == hi:
        raise ValueError("left == right")
    return _fill("triangular", lo, mid, hi, size, np.float64)


@overload("numpy.random.noncentral_chisquare")
def noncentral_chisquare(df, nonc, size=None):
    k = _float(df)
    lam = _float(nonc)
    _positive(k, "df")
    _non_negative(lam, "nonc")
    return _fill("noncentral_chisquare", k, lam, 0.0, size, np.float64)


@overload("numpy.random.noncentral_f")
def noncentral_f(dfnum, dfden, nonc, size=None):
    num = _float(dfnum)
    den = _float(dfden)
    lam = _float(nonc)
    _positive(num, "dfnum")
    _positive(den, "dfden")
    _non_negative(lam, "nonc")
    return _fill("noncentral_f", num, den, lam, size, np.float64)


def _bounded_0_1(p, name):
    # CONS_BOUNDED_0_1 (NaN refused)
    if not (p >= 0 and p <= 1):
        raise ValueError(name + " < 0, " + name + " > 1 or " + name + " is NaN")


@overload("numpy.random.binomial")
def binomial(n, p, size=None):
    count = _int(n)
    x = _float(p)
    _bounded_0_1(x, "p")
    if count < 0:
        raise ValueError("n < 0")
    return _fill("binomial", _binomial_plan(count, x, True), 0, 0, size, np.int64)


@overload("numpy.random.poisson")
def poisson(lam=1.0, size=None):
    x = _float(lam)
    if not x >= 0:
        raise ValueError("lam < 0 or lam is NaN")
    # NumPy's POISSON_LAM_MAX: INT64_MAX less ten standard deviations
    if x > 9.223372006484771e18:
        raise ValueError("lam value too large")
    return _fill("poisson", _poisson_plan(x), 0, 0, size, np.int64)


@overload("numpy.random.negative_binomial")
def negative_binomial(n, p, size=None):
    k = _float(n)
    x = _float(p)
    _positive(k, "n")
    _bounded_0_1(x, "p")
    return _fill("negative_binomial", k, x, 0.0, size, np.int64)


@overload("numpy.random.geometric")
def geometric(p, size=None):
    x = _float(p)
    if not (x > 0 and x <= 1):
        raise ValueError("p <= 0, p > 1 or p contains NaNs")
    return _fill("geometric", x, 0.0, 0.0, size, np.int64)


@overload("numpy.random.hypergeometric")
def hypergeometric(ngood, nbad, nsample, size=None):
    good = _int(ngood)
    bad = _int(nbad)
    sample = _int(nsample)
    if good + bad < sample:
        raise ValueError("ngood + nbad < nsample")
    if good < 0:
        raise ValueError("ngood < 0")
    if bad < 0:
        raise ValueError("nbad < 0")
    if sample < 1:
        raise ValueError("nsample < 1 or nsample is NaN")
    return _fill("hypergeometric", good, bad, sample, size, np.int64)


@overload("numpy.random.logseries")
def logseries(p, size=None):
    x = _float(p)
    if not (x >= 0 and x < 1):
        raise ValueError("p < 0, p >= 1 or p is NaN")
    return _fill("logseries", x, 0.0, 0.0, size, np.int64)


@overload("numpy.random.zipf")
def zipf(a, size=None):
    x = _float(a)
    if not x > 1:
        raise ValueError("a <= 1 or a is NaN")
    return _fill("zipf", x, 0.0, 0.0, size, np.int64)


@overload("numpy.random.random_integers")
def random_integers(low, high=None, size=None):
    # NumPy's deprecated form of randint with an inclusive high (its DeprecationWarning is not given)
    if high is None:
        return randint(1, low + 1, size)
    return randint(low, high + 1, size)


def _kahan_sum(x, n):
    # mtrand's kahan_sum of the first n values (it starts from x[0] even for n 0)
    total = x[0]
    c = 0.0
    for i in range(1, n):
        y = x[i] - c
        t = total + y
        c = (t - total) - y
        total = t
    return total


def _float_vector(x):
    # The 1-d float64 array NumPy makes of pvals or alpha (PyArray_FROMANY with at most one dimension).
    if isinstance(x, (int, float)):
        _sj_reject("np.random: pvals, alpha and p take a sequence or a 1-d array (NumPy: object has no len())", x)
    v = np.asarray(x, np.float64)
    if v.ndim > 1:
        raise ValueError("object too deep for desired array")
    return v.ravel()


def _with_last(size, d):
    # size's shape with one more axis of length d (NumPy's multinomial and dirichlet results)
    if size is None:
        return (d,)
    if isinstance(size, int):
        return (size, d)
    return tuple(size) + (d,)


def _float32_pvals():
    raise ValueError("sum(pvals[:-1].astype(np.float64)) > 1.0. The pvals array is cast to 64-bit floating point "
                     "prior to checking the sum. Precision changes when casting may cause problems even if the sum "
                     "of the original pvals is valid.")


@overload("numpy.random.multinomial")
def multinomial(n, pvals, size=None):
    count = _int(n)
    p = _float_vector(pvals)
    d = p.shape[0]
    for j in range(d):
        if not (p[j] >= 0 and p[j] <= 1):
            raise ValueError("pvals < 0, pvals > 1 or pvals contains NaNs")
    if d > 0 and _kahan_sum(p, d - 1) > 1.0 + 1e-12:
        if _sj_is_array(pvals):
            if pvals.dtype == np.float32 and pvals.sum() < 1.0001:
                _float32_pvals()
        raise ValueError("sum(pvals[:-1]) > 1.0")
    out = np.zeros(_with_last(size, d), np.int64)
    if count < 0:
        raise ValueError("n < 0")
    if d == 0:
        return out
    flat = out.ravel()
    for start in range(0, flat.shape[0], d):
        # random_multinomial: a binomial draw per category of what the earlier ones left
        remaining_p = 1.0
        dn = count
        for j in range(d - 1):
            x = _binomial_draw(_binomial_plan(dn, np.divide(p[j], remaining_p), False))
            flat[start + j] = x
            dn = dn - x
            if dn <= 0:
                break
            remaining_p -= p[j]
        if dn > 0:
            flat[start + d - 1] = dn
    return out


@overload("numpy.random.dirichlet")
def dirichlet(alpha, size=None):
    al = _float_vector(alpha)
    k = al.shape[0]
    for j in range(k):
        if al[j] <= 0:
            raise ValueError("alpha <= 0")
    out = np.zeros(_with_last(size, k), np.float64)
    if k == 0:
        return out
    flat = out.ravel()
    for start in range(0, flat.shape[0], k):
        # gammas of the concentrations, scaled by the inverse of their sum
        acc = 0.0
        for j in range(k):
            g = _standard_gamma(al[j])
            flat[start + j] = g
            acc = acc + g
        invacc = np.divide(1.0, acc)
        for j in range(k):
            flat[start + j] = flat[start + j] * invacc
    return out


@overload("numpy.random.multivariate_normal")
def multivariate_normal(mean, cov, size=None, check_valid="warn", tol=1e-8):
    # NumPy's legacy method: standard normals (size's shape plus one axis) times sqrt(s) * v of cov's SVD, plus the
    # mean. Its RuntimeWarning for a covariance that is not positive-semidefinite is not given.
    m = np.asarray(mean, np.float64)
    c = np.asarray(cov, np.float64)
    if m.ndim != 1:
        raise ValueError("mean must be 1 dimensional")
    if c.ndim != 2:
        raise ValueError("cov must be 2 dimensional and square")
    if c.shape[0] != c.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    d = m.shape[0]
    if d != c.shape[0]:
        raise ValueError("mean and cov must have same length")
    final_shape = _with_last(size, d)
    x = _filled(final_shape, 1).reshape(-1, d)
    u, s, v = np.linalg.svd(c)
    if check_valid != "ignore":
        if check_valid != "warn" and check_valid != "raise":
            raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
        if check_valid == "raise":
            if not np.allclose(np.dot(v.T * s, v), c, rtol=tol, atol=tol):
                raise ValueError("covariance is not symmetric positive-semidefinite.")
    x = np.dot(x, np.sqrt(s)[:, None] * v)
    x += m
    return x.reshape(final_shape)
