# Covers: Jacobi iteration for Laplace's equation on a 2-d grid (four shifted slices), convergence by max abs change; printed rounded
import numpy as np


def jacobi(u, tol, max_iters):
    it = 0
    while it < max_iters:
        new = u.copy()
        new[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
        change = np.abs(new - u).max()
        u = new
        it += 1
        if change < tol:
            break
    return u, it


g = np.zeros((6, 6))
g[0, :] = 100.0
u, n = jacobi(g, 1e-6, 1000)
print(n)
for row in u:
    print(round(float(row[1]), 4), round(float(row[2]), 4), round(float(row.sum()), 4))
