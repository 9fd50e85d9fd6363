// running_max_loops: the plain C loop of running_max_loops.py.
#include <stdint.h>

double kernel(const double *steps, int64_t n) {
    double walk = 0.0, peak = 0.0, worst = 0.0;
    for (int64_t i = 0; i < n; i++) {
        walk += steps[i];
        if (i == 0 || walk > peak) peak = walk;
        if (peak - walk > worst) worst = peak - walk;
    }
    return worst;
}
