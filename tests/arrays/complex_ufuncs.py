# Covers: complex128 arrays through exp/log/sqrt/sin/cos/abs/conj/sign/isnan/isfinite and arithmetic with real arrays and Python complex scalars
import numpy as np


def close(r, e):
    return (np.abs(r - e) <= 1e-12 * (1.0 + np.abs(e))).all()


def funcs(z):
    print(np.sqrt(z))
    print(np.abs(z), np.conj(z), np.isfinite(z), np.isnan(z))
    print(close(np.exp(np.log(z)), z), close(np.sin(z) ** 2 + np.cos(z) ** 2, np.ones(z.shape[0]) + 0j))


def mixed(z, x):
    print(z + x, z * x, z - 1j, 2j * z, z / 2, x + 1j)


z = np.array((1 + 1j, -2 + 0.5j, 3j, 4.0 + 0j))
funcs(z)
mixed(z, np.arange(4.0))
mixed(np.array((1j, 2.0 + 0j)), np.arange(2))
print(np.exp(np.array((0j, 0.5j))), np.log(np.array((1 + 0j, -1 + 0j))))
