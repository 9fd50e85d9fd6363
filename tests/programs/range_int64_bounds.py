# Covers: range loops whose last step overflows int64 end after the right count (issue 12 item 3): the loop counts items left instead of comparing a value that wrapped
def count(a, b, c):
    n = 0
    last = 0
    for i in range(a, b, c):
        n += 1
        last = i
    return n, last


print(count(9223372036854775800, 9223372036854775807, 5))
print(count(0, 2**63 - 1, 2**62))
print(count(7, -2**62, -2**62 - 7 + 1))
print(count(-9223372036854775808, 9223372036854775807, 9223372036854775807))
print(count(9223372036854775807, -9223372036854775808, -1 - 9223372036854775807 + 1))
print(count(-9223372036854775807 - 1, -9223372036854775807 + 5, 1))
print(count(10, 0, -3), count(0, 10, 3), count(0, 0, 1), count(5, 0, 1), count(0, 5, -1))
print(count(-9223372036854775807 - 1, 9223372036854775807, 2**62), count(9223372036854775807, -9223372036854775807 - 1, -2**62))
