// softmax_loops: the plain C loop of softmax_loops.py.
#include <math.h>
#include <stdint.h>

// x and out are (n, m), row-major.
void kernel(const double *x, int64_t n, int64_t m, double *out) {
    for (int64_t i = 0; i < n; i++) {
        const double *row = x + i * m;
        double *o = out + i * m;
        double top = row[0];
        for (int64_t j = 1; j < m; j++)
            if (row[j] > top) top = row[j];
        double total = 0.0;
        for (int64_t j = 0; j < m; j++) {
            o[j] = exp(row[j] - top);
            total += o[j];
        }
        for (int64_t j = 0; j < m; j++)
            o[j] /= total;
    }
}
