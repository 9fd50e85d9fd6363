def f(r, k):
    if k:
        return r * 2
    return 0

print(f(None, 0))
print(f(None, 1))
