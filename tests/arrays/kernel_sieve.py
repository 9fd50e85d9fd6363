# Covers: sieve of Eratosthenes on a bool array (strided slice assignment is_prime[i*i::i] = False), prime counts, np.arange masks
import numpy as np


def sieve(n):
    is_prime = np.ones(n + 1, dtype=np.bool_)
    is_prime[:2] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            is_prime[i * i::i] = False
        i += 1
    return is_prime


def primes(n):
    p = sieve(n)
    return np.arange(n + 1)[p]


print(primes(50), sieve(100).sum(), sieve(1000).sum(), primes(2), primes(1))
s = sieve(30)
print(s, np.count_nonzero(s[10:20]), np.arange(31)[s][-3:])
