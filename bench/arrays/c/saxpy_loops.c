// saxpy_loops: the plain C loop of saxpy_loops.py.
#include <stdint.h>

// float32 throughout, as the NumPy float32 scalar and arrays.
void kernel(float a, const float *x, const float *y, int64_t n, float *out) {
    for (int64_t i = 0; i < n; i++)
        out[i] = a * x[i] + y[i];
}
