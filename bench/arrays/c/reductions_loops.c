// reductions_loops: the plain C loop of reductions_loops.py.
#include <math.h>
#include <stdint.h>

// out = {total, mean, std, low, high}.
void kernel(const double *a, int64_t n, double *out) {
    double total = 0.0, low = a[0], high = a[0];
    for (int64_t i = 0; i < n; i++) {
        double x = a[i];
        total += x;
        if (x < low) low = x;
        if (x > high) high = x;
    }
    double mean = total / (double)n;
    double squares = 0.0;
    for (int64_t i = 0; i < n; i++) {
        double d = a[i] - mean;
        squares += d * d;
    }
    out[0] = total;
    out[1] = mean;
    out[2] = sqrt(squares / (double)n);
    out[3] = low;
    out[4] = high;
}
