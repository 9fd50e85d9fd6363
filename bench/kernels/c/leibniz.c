/* C port of bench/kernels/leibniz.py: 4 * sum_{k<n} (-1)^k / (2k + 1).  double kernel(long n). */
#include <stdio.h>
#pragma STDC FP_CONTRACT OFF

double kernel(long n) {
    double s = 0.0;
    double sign = 1.0;
    for (long k = 0; k < n; k++) {
        s += sign / (double)(2 * k + 1);
        sign = -sign;
    }
    return 4.0 * s;
}

#ifdef STANDALONE
int main(void) {
    printf("%.12f\n", kernel(1000000));
    return 0;
}
#endif
