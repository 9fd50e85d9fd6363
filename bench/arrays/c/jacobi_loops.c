// jacobi_loops: the plain C loop of jacobi_loops.py.
#include <math.h>
#include <stdint.h>

// u and new (a copy of u) swap roles each iteration, as in Python, so u is overwritten on every second one.
// Writes the last iteration's largest change to *delta_out; returns which buffer holds u: 0 = u, 1 = new.
int64_t kernel(double *u, double *new, int64_t n, int64_t m, int64_t iterations, double *delta_out) {
    int64_t which = 0;
    double delta = 0.0;
    for (int64_t it = 0; it < iterations; it++) {
        delta = 0.0;
        for (int64_t i = 1; i < n - 1; i++)
            for (int64_t j = 1; j < m - 1; j++) {
                double value = 0.25 * (u[(i - 1) * m + j] + u[(i + 1) * m + j] + u[i * m + j - 1] + u[i * m + j + 1]);
                double change = fabs(value - u[i * m + j]);
                if (change > delta) delta = change;
                new[i * m + j] = value;
            }
        double *t = u; u = new; new = t;
        which ^= 1;
    }
    *delta_out = delta;
    return which;
}
