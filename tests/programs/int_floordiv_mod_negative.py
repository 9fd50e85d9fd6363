# Covers: int floor division and modulo for every sign combination (Python floors, result takes divisor's sign).
def show(a, b):
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a)

show(7, 2)
show(-7, 2)
show(7, -2)
show(-7, -2)
show(6, 3)
show(-6, 3)
show(6, -3)
show(-6, -3)
show(0, 5)
show(0, -5)
show(1, 10)
show(-1, 10)
show(1, -10)
show(-1, -10)
show(123456789, 1000)
show(-123456789, 1000)
show(123456789, -1000)
show(-123456789, -1000)
show(9223372036854775807, 2)
show(-9223372036854775807, 2)
show(-9223372036854775807 - 1, 3)
show(-9223372036854775807 - 1, -3)
for a in (-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5):
    print(a // 3, a % 3, a // -3, a % -3)
