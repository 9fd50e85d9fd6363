# Covers: range with 1, 2, 3 arguments, negative steps, empty ranges, large bounds, loop variable after loop.
for i in range(4):
    print(i, end=" ")
print()
for i in range(2, 6):
    print(i, end=" ")
print()
for i in range(0, 20, 5):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-5, 5, 2):
    print(i, end=" ")
print()
for i in range(5, -6, -2):
    print(i, end=" ")
print()
for i in range(5, 5):
    print("never")
for i in range(5, 0):
    print("never")
for i in range(0, 5, -1):
    print("never")
n = 0
for i in range(1, 100001):
    n += i
print(n, i)
lo = 3
hi = 8
st = 2
for j in range(lo, hi, st):
    print(j, end=",")
print()
for j in range(hi, lo, -st):
    print(j, end=",")
print()
s = 0
for a in range(9223372036854775800, 9223372036854775807):
    s += a - 9223372036854775800
print(s)
for k in range(-2, 3):
    print(k * k, end=" ")
print()
