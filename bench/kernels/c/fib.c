/* C port of bench/kernels/fib.py: naive doubly-recursive Fibonacci. long kernel(long n). */
#include <stdio.h>

long kernel(long n) {
    if (n < 2)
        return n;
    return kernel(n - 1) + kernel(n - 2);
}

#ifdef STANDALONE
int main(void) {
    printf("%ld\n", kernel(25));
    return 0;
}
#endif
