# Covers: a RecursionError in a recursive closure called from a function: CPython's frames, the repeated call site
# summarised as "[Previous line repeated N more times]" with CPython's N (the frames above the cycle count).


def outer(step):
    def walk(n):
        if n < 0:
            return 0
        return walk(n + step) + 1
    return walk(0)


print(outer(-1))
print(outer(1))
