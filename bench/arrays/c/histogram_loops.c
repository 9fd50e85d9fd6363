// histogram_loops: the plain C loop of histogram_loops.py.
#include <stdint.h>

// counts (bins elements) arrives zeroed, as np.zeros in the Python code.
void kernel(const double *x, int64_t n, int64_t bins, double lo, double hi, int64_t *counts) {
    double scale = (double)bins / (hi - lo);
    for (int64_t i = 0; i < n; i++)
        if (lo <= x[i] && x[i] < hi)
            counts[(int64_t)((x[i] - lo) * scale)] += 1;
}
