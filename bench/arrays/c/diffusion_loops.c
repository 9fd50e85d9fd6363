// diffusion_loops: the plain C loop of diffusion_loops.py.
#include <stdint.h>

// u and new (a copy of u) swap roles each step, as in Python, so u is overwritten on every second step.
// Returns which buffer holds the result: 0 = u, 1 = new.
int64_t kernel(double *u, double *new, int64_t n, int64_t m, double alpha, int64_t steps) {
    int64_t which = 0;
    for (int64_t s = 0; s < steps; s++) {
        for (int64_t i = 1; i < n - 1; i++)
            for (int64_t j = 1; j < m - 1; j++)
                new[i * m + j] = u[i * m + j] + alpha * (u[(i - 1) * m + j] + u[(i + 1) * m + j] + u[i * m + j - 1]
                                                         + u[i * m + j + 1] - 4.0 * u[i * m + j]);
        double *t = u; u = new; new = t;
        which ^= 1;
    }
    return which;
}
