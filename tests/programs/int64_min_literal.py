# The literal -9223372036854775808 (int64's minimum) is accepted: its negation is what is written.
LOW = -9223372036854775808


def lowest():
    return -9223372036854775808


def wraps(x):
    return x == -9223372036854775808


print(LOW, lowest(), wraps(lowest()), wraps(LOW + 1))
print(-9223372036854775808 // 2, -9223372036854775808 + 1)
print((-9223372036854775808, 9223372036854775807))
