# Benchmark kernel: naive doubly-recursive Fibonacci (call overhead, int adds).
# kernel(n: int) -> int
BENCH_ARGS = (35,)


def kernel(n):
    if n < 2:
        return n
    return kernel(n - 1) + kernel(n - 2)


# --- sanity ---
print(kernel(25))
