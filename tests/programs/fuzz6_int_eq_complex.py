# Regression (fuzz-6, fixed; was in Library, Arith; found while checking the oracle's emulation of README's "Known differences"):
# README says "int/float comparisons convert the int to float"; that is no longer true (int < float, int == float
# and the rest compare exactly, as CPython does), but int == complex (and complex == int) still converts the int
# to float, so 2**53 + 1 equals complex(2**53, 0). CPython compares the int with the real part exactly.
# CPython prints:  (False, False, True)
# sharpjit prints: (True, True, False)
def g(a, b):
    c = complex(b, 0.0)
    return a == c, c == a, a != c


print(g(9007199254740993, 9007199254740992.0))
