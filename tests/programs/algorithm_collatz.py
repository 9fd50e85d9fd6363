# Covers: integer while loops with branching: Collatz sequence lengths and maxima.
def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

def collatz_peak(n):
    peak = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        if n > peak:
            peak = n
    return peak

best = 0
best_n = 0
for n in range(1, 3000):
    L = collatz_len(n)
    if L > best:
        best = L
        best_n = n
print(best_n, best)
print(collatz_len(27), collatz_peak(27))
print(collatz_len(837799), collatz_peak(837799))
print(collatz_len(1), collatz_peak(1))
