# Benchmark kernel: count primes below n with a segmented bit sieve that keeps one
# 32-bit word (held in an int64) per segment of 64 integers; bit i stands for the odd
# number base + 2*i + 1.  Every odd d with d*d < segment end crosses out its odd
# multiples (no lists: only int arithmetic, shifts and masks).
# kernel(n: int) -> int
BENCH_ARGS = (2000000,)


def kernel(n):
    if n < 3:
        return 0
    count = 1  # the prime 2
    base = 0
    while base < n:
        hi = base + 64
        word = 0xFFFFFFFF
        d = 3
        while d * d < hi:
            m = d * d
            if m < base:
                m = ((base + d - 1) // d) * d
                if m % 2 == 0:
                    m += d
            while m < hi:
                word &= ~(1 << ((m - base) >> 1))
                m += 2 * d
            d += 2
        if base == 0:
            word &= ~1  # 1 is not prime
        if hi > n:
            word &= (1 << ((n - base) // 2)) - 1
        while word:
            word &= word - 1
            count += 1
        base = hi
    return count


# --- sanity ---
print(kernel(10000))
