# Benchmark kernel: Leibniz series for pi, 4 * sum_{k<n} (-1)^k / (2k + 1)
# (float divide/add loop with an int -> float conversion per step).
# kernel(n: int) -> float
BENCH_ARGS = (100000000,)


def kernel(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * s


# --- sanity ---
print(f"{kernel(1000000):.12f}")
