# Covers: divmod() of ints in one division (remainder a - (a // b) * b) for every sign and the int64 extremes, of bools, of floats.
# INT64_MIN // -1 overflows int64 and is left out.
def f(a, b):
    return divmod(a, b)
for a in (7, -7, 0, 9223372036854775807, -9223372036854775808, 13, -13, 1):
    for b in (1, -1, 2, -2, 7, -7, 3, 9223372036854775807, -9223372036854775808):
        if a == -9223372036854775808 and b == -1:
            continue
        print(a, b, f(a, b))
try:
    f(5, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(f(7.5, 2), f(-7.5, 2), f(7, -2.5), f(0.0, -3))
try:
    f(5.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(f(True, 2), f(True, -2), f(7, True), f(False, 3), f(True, True))
