# Covers: early returns from inside loops and nested ifs, functions with no return value (None), bare return.
def first_multiple(n, k):
    for i in range(1, 1000):
        if i * n % k == 0:
            return i * n
    return -1

def linear_search(t, target):
    i = 0
    for v in t:
        if v == target:
            return i
        i += 1
    return -1

def nothing(x):
    if x > 0:
        return
    print("non-positive", x)

def implicit_none(x):
    y = x + 1

def classify(x):
    if x < 0:
        return -1
    if x == 0:
        return 0
    while x > 10:
        x //= 10
        if x == 5:
            return 55
    return x

print(first_multiple(6, 4), first_multiple(7, 5))
print(linear_search((5, 3, 9, 1), 9), linear_search((5, 3, 9, 1), 4))
print(nothing(3))
print(nothing(-3))
print(implicit_none(1))
for v in (-4, 0, 7, 42, 512, 9876):
    print(v, classify(v))
