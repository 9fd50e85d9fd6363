// cumsum_loops: the plain C loop of cumsum_loops.py.
#include <stdint.h>

// The Python code divides into a new array; dividing in place gives the same values without a second buffer.
void kernel(const double *a, int64_t n, double *out) {
    double total = 0.0;
    for (int64_t i = 0; i < n; i++) {
        total += a[i];
        out[i] = total;
    }
    double last = out[n - 1];
    for (int64_t i = 0; i < n; i++)
        out[i] = out[i] / last;
}
