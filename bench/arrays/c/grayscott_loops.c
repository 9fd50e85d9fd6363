// grayscott_loops: the plain C loop of grayscott_loops.py.
#include <stdint.h>

// u/u_next and v/v_next (copies of u and v) swap roles each step, as in Python, so u and v are overwritten on
// every second step. Returns which v buffer holds the result: 0 = v, 1 = v_next.
int64_t kernel(double *u, double *v, double *u_next, double *v_next, int64_t n, int64_t m,
               double du, double dv, double feed, double kill, int64_t steps) {
    int64_t which = 0;
    for (int64_t s = 0; s < steps; s++) {
        for (int64_t i = 1; i < n - 1; i++)
            for (int64_t j = 1; j < m - 1; j++) {
                double uc = u[i * m + j];
                double vc = v[i * m + j];
                double lap_u = u[(i - 1) * m + j] + u[(i + 1) * m + j] + u[i * m + j - 1] + u[i * m + j + 1] - 4.0 * uc;
                double lap_v = v[(i - 1) * m + j] + v[(i + 1) * m + j] + v[i * m + j - 1] + v[i * m + j + 1] - 4.0 * vc;
                double uvv = uc * vc * vc;
                u_next[i * m + j] = uc + du * lap_u - uvv + feed * (1.0 - uc);
                v_next[i * m + j] = vc + dv * lap_v + uvv - (feed + kill) * vc;
            }
        double *t = u; u = u_next; u_next = t;
        t = v; v = v_next; v_next = t;
        which ^= 1;
    }
    return which;
}
