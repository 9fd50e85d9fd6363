// wave_loops: the plain C loop of wave_loops.py.
#include <stdint.h>

// c, p and nxt (zeroed by the caller) rotate each step, as in Python, so c and p are overwritten on later steps.
// Returns which buffer holds the result: 0 = c, 1 = p, 2 = nxt.
int64_t kernel(double *c, double *p, double *nxt, int64_t n, int64_t m, double speed2, double d, double dt,
               int64_t steps) {
    double *bufs[3] = {c, p, nxt};
    int64_t ic = 0, ip = 1, in = 2;
    for (int64_t s = 0; s < steps; s++) {
        c = bufs[ic]; p = bufs[ip]; nxt = bufs[in];
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j < m; j++) {
                double a = 0.0;
                if (0 < i && i < n - 1 && 0 < j && j < m - 1)
                    a = speed2 * (c[(i - 1) * m + j] + c[(i + 1) * m + j] + c[i * m + j - 1] + c[i * m + j + 1]
                                  - 4.0 * c[i * m + j]);
                nxt[i * m + j] = (2 - d) * c[i * m + j] - (1 - d) * p[i * m + j] + a * (dt * dt);
            }
        int64_t t = ic; ic = in; in = ip; ip = t;  // c, p, nxt = nxt, c, p
    }
    return ic;
}
