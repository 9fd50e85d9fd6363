// argminmax_loops: the plain C loop of argminmax_loops.py.
#include <stdint.h>

// out[0] = index of the largest element, out[1] = index of the smallest (first occurrence, as the Python loop).
void kernel(const double *a, int64_t n, int64_t *out) {
    int64_t best_max = 0, best_min = 0;
    for (int64_t i = 1; i < n; i++) {
        if (a[i] > a[best_max]) best_max = i;
        if (a[i] < a[best_min]) best_min = i;
    }
    out[0] = best_max;
    out[1] = best_min;
}
