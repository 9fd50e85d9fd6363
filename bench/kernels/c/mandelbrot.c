/* C port of bench/kernels/mandelbrot.py: scalar escape-time count over an n x n grid.
   long kernel(long n).  FP contraction is disabled so results match Python bit for bit. */
#include <stdio.h>
#pragma STDC FP_CONTRACT OFF

#define MAX_ITER 100

long kernel(long n) {
    long total = 0;
    for (long j = 0; j < n; j++) {
        double ci = -1.25 + 2.5 * (double)j / (double)n;
        for (long i = 0; i < n; i++) {
            double cr = -2.0 + 2.5 * (double)i / (double)n;
            double zr = 0.0, zi = 0.0;
            long k = 0;
            while (k < MAX_ITER) {
                double zr2 = zr * zr;
                double zi2 = zi * zi;
                if (zr2 + zi2 > 4.0)
                    break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                k += 1;
            }
            total += k;
        }
    }
    return total;
}

#ifdef STANDALONE
int main(void) {
    printf("%ld\n", kernel(64));
    return 0;
}
#endif
