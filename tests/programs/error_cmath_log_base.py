# cmath.log with a base checks for errors once, after both logarithms and the quotient, as CPython does: a zero
# argument gives an infinite result instead of an error, and a base of 1 is a domain error (ValueError).
import cmath


def log_base(z, b):
    return cmath.log(z, b)


print(log_base(0j, 7), log_base(0.0, -2.75), log_base(8, 2), log_base(1j, 1j), log_base(-1, 10))
print(log_base(5, 1))
