// pairwise_loops: the plain C loop of pairwise_loops.py.
#include <math.h>
#include <stdint.h>

// X is (n, d), D is (n, n); both row-major.
void kernel(const double *X, int64_t n, int64_t d, double *D) {
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            double s = 0.0;
            for (int64_t k = 0; k < d; k++) {
                double t = X[i * d + k] - X[j * d + k];
                s += t * t;
            }
            D[i * n + j] = sqrt(s);
        }
}
