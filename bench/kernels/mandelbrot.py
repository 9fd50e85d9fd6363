# Benchmark kernel: scalar Mandelbrot escape-time over an n x n grid covering
# [-2, 0.5] x [-1.25, 1.25], at most 100 iterations per point; returns the total
# number of iterations performed (float arithmetic in a tight while loop).
# kernel(n: int) -> int
BENCH_ARGS = (1000,)
MAX_ITER = 100


def kernel(n):
    total = 0
    for j in range(n):
        ci = -1.25 + 2.5 * j / n
        for i in range(n):
            cr = -2.0 + 2.5 * i / n
            zr = 0.0
            zi = 0.0
            k = 0
            while k < MAX_ITER:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                k += 1
            total += k
    return total


# --- sanity ---
print(kernel(64))
