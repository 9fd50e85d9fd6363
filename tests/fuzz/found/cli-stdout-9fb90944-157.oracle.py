import math
import cmath
import numpy as np
np.seterr(all="ignore")


class Known(Exception):
    """The program reached a known open bug of issue 12; it is not compared."""


def _W(v):
    return ((v + 9223372036854775808) & 0xFFFFFFFFFFFFFFFF) - 9223372036854775808


def _WT(t):
    return tuple(_W(x) if type(x) is int else x for x in t)


def _SHL(a, b):
    if b < 0:
        raise ValueError("negative shift count")
    return 0 if b >= 64 else _W(a << b)


def _IPOW(a, b):
    if b < 0:   # README, Known differences: int ** negative int raises ValueError in compiled code
        raise ValueError("integer to a negative power is not supported in compiled code; use a float base")
    return _W(pow(a, b, 18446744073709551616))


def _FPOW(a, b):
    try:
        r = a ** b   # an overflow raises OverflowError, in sharpjit too (issue 12 item 7, fixed)
    except OverflowError:   # "complex exponentiation": a negative base to a fractional power (nan, below)
        if a < 0 and math.isfinite(b) and b != math.floor(b):
            return math.nan
        raise
    if type(r) is complex:   # README, Known differences: a negative float to a fractional power gives nan
        return math.nan
    return r


def _F2I(r):
    if not (-9223372036854775808 <= r <= 9223372036854775807):   # issue 12 item 7 (fixed)
        raise OverflowError("int too large to convert to int64")
    return r


def _ISINT(x):
    return x.is_integer()


def _NS(x):
    if math.isnan(x):
        raise Known("nan sign: the sign bit of a nan is unspecified (x86 and libm differ), not compared")
    return x


def _GCD(a, b):
    r = math.gcd(a, b)
    if r > 9223372036854775807:   # gcd(-2**63, 0) is 2**63: beyond int64, as issue 12 item 7 asks
        raise OverflowError("int too large to convert to int64")
    return r


def _TN(t):
    for x in t:
        if isinstance(x, tuple):
            _TN(x)
        elif isinstance(x, (float, complex)) and cmath.isnan(x):
            raise Known("fuzz-7: a nan in compared tuples: CPython's identity shortcut makes (x,) == (x,) true")
    return t


def _NP(v):
    return v.item() if isinstance(v, np.generic) else v


def f4(a5, a6):
    c13 = 0
    while c13 < 8:
        c13 += 1
        a5 = (a5 * _NP(np.sinh(math.fmod(a5, 50.0))))
        print(0.0, a5)
    return 0


print(f4((-66.361), 0.0j))
