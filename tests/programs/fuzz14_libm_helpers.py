# fuzz-14: the runtime's erf, erfc, expm1, log1p and hypot are glibc's own (a managed port of glibc's log1p was an
# ulp off inside cmath.atanh: cmath.atanh(-10.5625-4.875j)). The cmath functions built on them and the math ones.
import cmath
import math


def sweep():
    z = complex(-10.5625, -4.875)
    print(cmath.atanh(z), cmath.atanh(3.25j * complex(-1.5, 3.25)))
    acc = 0.0
    for i in range(1, 400):
        x = i * 0.0731 - 9.7
        y = (i % 37) * 0.613 - 11.1
        w = complex(x, y)
        a = cmath.atanh(w)
        b = cmath.asinh(w)
        c = cmath.acosh(w)
        d = cmath.log(w)
        print(a, b, c, d, cmath.tanh(w * 0.1), cmath.sqrt(w))
        print(math.erf(x), math.erfc(x * 0.5), math.expm1(x * 0.3), math.log1p(abs(x) * 3.7), math.hypot(x, y))
        acc += a.real + b.imag + c.real
    print(acc)


sweep()
