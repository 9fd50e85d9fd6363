// nbody_loops: the plain C loop of nbody_loops.py.
#include <math.h>
#include <stdint.h>

// pos, vel and acc are (n, 3), row-major; pos and vel are updated in place, as in Python. acc is scratch space
// from the caller, zeroed each step where the Python code allocates np.zeros_like(pos).
void kernel(double *pos, double *vel, const double *mass, int64_t n, double dt, double softening, int64_t steps,
            double *acc) {
    for (int64_t s = 0; s < steps; s++) {
        for (int64_t k = 0; k < n * 3; k++) acc[k] = 0.0;
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = i + 1; j < n; j++) {
                double dx = pos[j * 3 + 0] - pos[i * 3 + 0];
                double dy = pos[j * 3 + 1] - pos[i * 3 + 1];
                double dz = pos[j * 3 + 2] - pos[i * 3 + 2];
                double r2 = dx * dx + dy * dy + dz * dz + softening;
                double inv = 1.0 / (r2 * sqrt(r2));
                acc[i * 3 + 0] += mass[j] * inv * dx;
                acc[i * 3 + 1] += mass[j] * inv * dy;
                acc[i * 3 + 2] += mass[j] * inv * dz;
                acc[j * 3 + 0] -= mass[i] * inv * dx;
                acc[j * 3 + 1] -= mass[i] * inv * dy;
                acc[j * 3 + 2] -= mass[i] * inv * dz;
            }
        // vel += acc * dt; pos += vel * dt (two whole-array passes, as NumPy does them)
        for (int64_t k = 0; k < n * 3; k++) vel[k] += acc[k] * dt;
        for (int64_t k = 0; k < n * 3; k++) pos[k] += vel[k] * dt;
    }
}
