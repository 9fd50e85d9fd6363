// montecarlo_pi_loops: the plain C loop of montecarlo_pi_loops.py.
#include <stdint.h>

double kernel(const double *x, const double *y, int64_t n) {
    int64_t hits = 0;
    for (int64_t i = 0; i < n; i++)
        if (x[i] * x[i] + y[i] * y[i] <= 1.0) hits += 1;
    return 4.0 * (double)hits / (double)n;
}
