# str.format and %-formatting of literal format strings, as CPython formats them.
import math


def with_format(name, n, x, z, t):
    print("{} has {} items".format(name, n))
    print("{0}-{1}-{0}".format(name, n))
    print("{a}/{b:>6}/{a!r}".format(a=name, b=n))
    print("{:.3f} {:10.2e} {:<8}| {:^9}| {:+d}".format(x, x, n, name, n))
    print("{:{}}|{:>{w}.{p}f}".format(name, 8, x, w=10, p=2))
    print("{0.real} {0.imag} {1[1]} {1[0]:>4}".format(z, t))
    print("{{literal}} {}%".format(n * 10))
    print("{!s:>5}{!r}".format(n, name))
    print("{:x} {:o} {:b} {:#x} {:,} {:_}".format(n * 1000, n, n, n * 255, n * 1234567, n * 1234567))
    print("".format(), "{}".format(math.pi))


def with_percent(name, n, x, t):
    print("%s has %d items" % (name, n))
    print("%5d|%-5d|%05d|%+d|% d" % (n, n, -n, n, n))
    print("%.2f %10.3f %-10.1f| %e %E %g %G" % (x, x, x, x, x, x * 1e20, x * 1e-7))
    print("%x %X %o %#x %#o %#X" % (n * 255, n * 255, n, n * 255, n, n * 255))
    print("%s %r %5s %-5s| %.2s %c" % (name, name, n, n, name, 65 + n))
    print("%d%% done, %i, %u" % (n * 10, x, -x))
    print("value: %s" % n)
    print("pair: %s and %s" % t)
    print("%s" % (t,))
    print("100%")
    print("%s" % None, "%.1f" % True, "%d" % True)


def main():
    with_format("spam", 7, 3.14159, 2 + 3j, (1.5, "x"))
    with_format("héllo", -2, -0.000123, 1j, (0, "€"))
    with_percent("spam", 7, 3.7, ("a", 2))
    with_percent("héllo", 3, -2.25, (1.5, None))


main()
