# Covers: tuple() of a generator expression that raises part-way: the items already taken are freed, the error is CPython's.
def parts(d):
    return tuple(str(12 // x) + "!" for x in (1, 2, d, 4))


print(parts(3))
print(parts(0))
