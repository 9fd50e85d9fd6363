/* C port of bench/kernels/sieve.py: segmented one-word (32 bits per 64 integers) odd-only
   bit sieve counting primes below n.  long kernel(long n).
   Python's // is floor division; all operands here are non-negative so C's / matches. */
#include <stdio.h>

long kernel(long n) {
    if (n < 3)
        return 0;
    long count = 1; /* the prime 2 */
    long base = 0;
    while (base < n) {
        long hi = base + 64;
        long word = 0xFFFFFFFFL;
        long d = 3;
        while (d * d < hi) {
            long m = d * d;
            if (m < base) {
                m = ((base + d - 1) / d) * d;
                if (m % 2 == 0)
                    m += d;
            }
            while (m < hi) {
                word &= ~(1L << ((m - base) >> 1));
                m += 2 * d;
            }
            d += 2;
        }
        if (base == 0)
            word &= ~1L; /* 1 is not prime */
        if (hi > n)
            word &= (1L << ((n - base) / 2)) - 1;
        while (word) {
            word &= word - 1;
            count += 1;
        }
        base = hi;
    }
    return count;
}

#ifdef STANDALONE
int main(void) {
    printf("%ld\n", kernel(10000));
    return 0;
}
#endif
