/* C port of bench/kernels/collatz.py: start below n with the longest Collatz chain
   (smallest on ties).  long kernel(long n).  Values stay positive, so C's / and %
   match Python's // and %. */
#include <stdio.h>

long kernel(long n) {
    long best_len = 0;
    long best_start = 1;
    for (long start = 1; start < n; start++) {
        long x = start;
        long steps = 0;
        while (x != 1) {
            if (x % 2 == 0)
                x = x / 2;
            else
                x = 3 * x + 1;
            steps += 1;
        }
        if (steps > best_len) {
            best_len = steps;
            best_start = start;
        }
    }
    return best_start;
}

#ifdef STANDALONE
int main(void) {
    printf("%ld\n", kernel(10000));
    return 0;
}
#endif
