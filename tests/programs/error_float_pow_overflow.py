# float ** float that overflows from finite operands raises OverflowError, as CPython does (not inf).
def power(x, y):
    return x ** y


print(power(2.0, 10), power(10.0, 300), power(2.0, -1074), power(float("inf"), 2.0))
print(power(2.0, 10000))
