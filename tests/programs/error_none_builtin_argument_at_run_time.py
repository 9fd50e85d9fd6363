import math
def f(r, k):
    if k:
        return math.floor(r)
    return 0

print(f(None, 0))
print(f(None, 1))
