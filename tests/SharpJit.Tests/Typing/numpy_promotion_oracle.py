"""NumPy's answers for NumPyPromotionTests: one request per stdin line, one answer per stdout line.

Operands: 'A:c' is an array (empty, one dimension) of typecode c; 'S:expr' is the scalar the Python expression gives.
  C|a|b               np.can_cast(a, b, 'safe') as 1 or 0, then np.promote_types(a, b).char
  R|op|op...          np.result_type(*ops)                 -> its typecode, or X:... when it raises
  U|name|op|op...     getattr(numpy, name)(*ops)           -> OUT|PROBE
      OUT   the typecodes of the outputs; E:message for a TypeError (no loop); V for a ValueError raised by the loop
            itself (an integer to a negative power: only all-scalar calls compute anything)
      PROBE the same call with casting='no': ok, or i followed by the typecode NumPy wanted to cast input i to
            (_UFuncInputCastingError: the first input whose type is not the loop's); '-' after a TypeError
"""
import sys
import warnings

import numpy as np

warnings.simplefilter('ignore')
np.seterr(all='ignore')
NAMES = {'np': np, 'inf': float('inf'), 'nan': float('nan')}
cache = {}


def operand(tok):
    v = cache.get(tok)
    if v is None:
        v = np.empty(0, dtype=tok[2:]) if tok[0] == 'A' else eval(tok[2:], NAMES)
        cache[tok] = v
    return v


def ufunc(name):
    u = getattr(np, name, None)
    return u if isinstance(u, np.ufunc) else getattr(np.core.umath, name)


def call(u, args):
    try:
        r = u(*args)
    except TypeError as e:
        return 'E:' + str(e)
    except ValueError:
        return 'V'
    return ''.join(np.asarray(x).dtype.char for x in (r if isinstance(r, tuple) else (r,)))


def probe(u, args):
    try:
        u(*args, casting='no')
        return 'ok'
    except TypeError as e:
        return '%d%s' % (e.in_i, e.to.char) if hasattr(e, 'in_i') else 'E:' + str(e)
    except ValueError:
        return 'V'


def answer(line):
    parts = line.split('|')
    try:
        if parts[0] == 'C':
            return '%d%s' % (np.can_cast(parts[1], parts[2], 'safe'), np.promote_types(parts[1], parts[2]).char)
        if parts[0] == 'R':
            return np.result_type(*[operand(p) for p in parts[1:]]).char
        u = ufunc(parts[1])
        args = [operand(p) for p in parts[2:]]
        out = call(u, args)
        return out + '|' + ('-' if out.startswith('E:') else probe(u, args))
    except Exception as e:
        return 'X:%s: %s' % (type(e).__name__, e)


def main():
    assert np.__version__.startswith('1.24.'), np.__version__
    sys.stdout.write(''.join(answer(line.rstrip('\n')) + '\n' for line in sys.stdin))


main()
