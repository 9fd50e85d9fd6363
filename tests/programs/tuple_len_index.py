# Covers: constant-index access (positive/negative) on homogeneous tuples, indexing with a loop variable on homogeneous tuples, len, tuple concatenation-free rebuilding.
PRIMES = (2, 3, 5, 7, 11, 13)
W = (0.1, 0.2, 0.3, 0.4)
print(PRIMES[0], PRIMES[5], PRIMES[-1], PRIMES[-6])
print(len(PRIMES), len(W), len(()), len((1,)))
i = 0
total = 0
while i < len(PRIMES):
    total += PRIMES[i] * i
    i += 1
print(total)
for k in range(len(W)):
    print(k, W[k], W[-1 - k])
dot = 0.0
for k in range(4):
    dot += W[k] * PRIMES[k]
print(dot)

def get(t, k):
    return t[k]

print(get(PRIMES, 3), get(PRIMES, -2), get(W, 1))
rot = (PRIMES[1], PRIMES[2], PRIMES[3], PRIMES[4], PRIMES[5], PRIMES[0])
print(rot)
grid = ((1, 2, 3), (4, 5, 6), (7, 8, 9))
trace = 0
for d in range(3):
    trace += grid[d][d]
print(trace, grid[1], grid[2][0], len(grid[0]))
