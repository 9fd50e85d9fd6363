// matmul_loops: the plain C loop of matmul_loops.py.
#include <stdint.h>

// a is (n, inner), b is (inner, m), c is (n, m); all row-major.
void kernel(const double *a, const double *b, int64_t n, int64_t inner, int64_t m, double *c) {
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < m; j++) {
            double s = 0.0;
            for (int64_t k = 0; k < inner; k++)
                s += a[i * inner + k] * b[k * m + j];
            c[i * m + j] = s;
        }
}
