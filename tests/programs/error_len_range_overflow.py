# len() of a range longer than int64 can count raises CPython's OverflowError (it returned -1 before).
def size(a, b, step):
    return len(range(a, b, step))


print(size(0, 10, 1), size(-2**63, 2**63 - 1, 4), size(5, -5, -3))
print(size(-2**63, 2**63 - 1, 1))
