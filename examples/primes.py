# Example: prime numbers with plain integer loops: the first primes, counts per decade,
# twin primes, prime factorizations and a Goldbach check.


def is_prime(n):
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0 or n % 3 == 0:
        return False
    d = 5
    while d * d <= n:
        if n % d == 0 or n % (d + 2) == 0:
            return False
        d += 6
    return True


def print_factorization(n):
    print(f"{n} =", end="")
    m = n
    d = 2
    first = True
    while d * d <= m:
        while m % d == 0:
            if first:
                print(f" {d}", end="")
                first = False
            else:
                print(f" * {d}", end="")
            m //= d
        d += 1
    if m > 1:
        if first:
            print(f" {m} (prime)", end="")
        else:
            print(f" * {m}", end="")
    print()


print("The first 30 primes:")
count = 0
n = 2
while count < 30:
    if is_prime(n):
        print(n, end=" ")
        count += 1
    n += 1
print()

limit = 10
while limit <= 1000000:
    c = 0
    twins = 0
    for k in range(2, limit):
        if is_prime(k):
            c += 1
            if k + 2 < limit and is_prime(k + 2):
                twins += 1
    print(f"below {limit:>8d}: {c:>6d} primes, {twins:>5d} twin pairs")
    limit *= 10

for v in (360, 1001, 65537, 600851475143, 9223372036854775807):
    print_factorization(v)

for even in (28, 100, 1000, 123456):
    p = 2
    while not (is_prime(p) and is_prime(even - p)):
        p += 1
    print(f"{even} = {p} + {even - p}")
