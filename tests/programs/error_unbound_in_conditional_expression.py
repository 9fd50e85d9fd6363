# Covers: an unbound variable read in one arm of a conditional expression is reported by its own name, not the expression's internal one (fuzzer seed 1200510)
def f(n, flag):
    for inner in range(n):
        pass
    return (inner if flag else 7) + 1


print(f(3, True), f(0, False))
print(f(0, True))
