# Covers: rebinding a name to values of different types in straight-line code, branches and functions.
x = 1
print(x, isinstance(x, int))
x = 2.5
print(x, isinstance(x, float))
x = (1, 2)
print(x, len(x))
x = 3 + 4j
print(x, abs(x))
x = True
print(x, x + 1)
x = None
print(x)
x = 7
print(x * 6)

def f(n):
    v = n
    print(v)
    v = n / 2
    print(v)
    v = (v, n)
    print(v)
    v = v[0] > 1
    return v

print(f(5), f(1))
y = 10
y = y / 4
print(y)
y = int(y * 4)
print(y)
z = 1
if y > 5:
    z = 2.5
    print(z)
    z = 4
print(z)
a, b = 1, 2.0
a, b = b, a
print(a, b)
for i in range(3):
    t = i
    print(t)
    t = i * 0.5
    print(t)
