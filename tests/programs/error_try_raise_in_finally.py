def f(n):
    try:
        return 1 // n
    finally:
        print(undefined_helper(n))

def undefined_helper(n):
    raise IndexError(f"in finally {n}")

f(0)
