// mask_update_loops: the plain C loop of mask_update_loops.py.
#include <stdint.h>

// Updates a in place, as the Python code does.
void kernel(double *a, int64_t n, double threshold, double *out) {
    for (int64_t i = 0; i < n; i++) {
        if (a[i] > threshold) a[i] = 0.0;
        out[i] = a[i] > 0.25 ? a[i] : -a[i];
    }
}
