// mandelbrot_loops: the plain C loop of mandelbrot_loops.py.
#include <stdint.h>

// counts is (height, width), row-major.
void kernel(double xmin, double xmax, double ymin, double ymax, int64_t width, int64_t height, int64_t maxiter,
            int64_t *counts) {
    for (int64_t i = 0; i < height; i++) {
        double ci = ymin + (ymax - ymin) * (double)i / (double)(height - 1);
        for (int64_t j = 0; j < width; j++) {
            double cr = xmin + (xmax - xmin) * (double)j / (double)(width - 1);
            double zr = 0.0, zi = 0.0;
            int64_t n = 0;
            while (n < maxiter && zr * zr + zi * zi <= 4.0) {
                double zr_new = zr * zr - zi * zi + cr;  // both parts from the old zr, zi (Python's tuple assignment)
                zi = 2.0 * zr * zi + ci;
                zr = zr_new;
                n += 1;
            }
            counts[i * width + j] = n;
        }
    }
}
