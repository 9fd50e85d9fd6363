# Benchmark kernel: the start value below n with the longest Collatz chain
# (smallest such start on ties); int //, %, * and + in nested while loops.
# kernel(n: int) -> int
BENCH_ARGS = (1000000,)


def kernel(n):
    best_len = 0
    best_start = 1
    for start in range(1, n):
        x = start
        steps = 0
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        if steps > best_len:
            best_len = steps
            best_start = start
    return best_start


# --- sanity ---
print(kernel(10000))
