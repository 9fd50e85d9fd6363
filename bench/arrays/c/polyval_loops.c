// polyval_loops: the plain C loop of polyval_loops.py.
#include <stdint.h>

void kernel(const double *x, int64_t n, const double *coeffs, int64_t nc, double *out) {
    for (int64_t i = 0; i < n; i++) {
        double y = 0.0;
        for (int64_t k = 0; k < nc; k++)
            y = y * x[i] + coeffs[k];
        out[i] = y;
    }
}
