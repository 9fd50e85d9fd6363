# Covers: np.linspace: num=0/1/2, endpoint=False, decreasing and negative ranges, integer endpoints, exact values (the sum is rounded: NumPy sums pairwise)
import numpy as np


def lin(a, b, n):
    x = np.linspace(a, b, n)
    print(x.shape, x)


def open_end(a, b, n):
    x = np.linspace(a, b, n, endpoint=False)
    print(x.shape, x)


lin(0.0, 1.0, 5)
lin(1.0, 0.0, 5)
lin(-2.0, 2.0, 9)
lin(0, 10, 11)
lin(0, 1, 3)
lin(5.0, 5.0, 4)
lin(0.0, 1.0, 2)
lin(0.0, 1.0, 1)
lin(0.0, 1.0, 0)
lin(-1.0, -3.0, 3)
open_end(0.0, 1.0, 4)
open_end(0, 8, 4)
open_end(1.0, 0.0, 4)
open_end(0.0, 1.0, 1)
x = np.linspace(0.0, 1.0, 11)
print(x[3], x[10], round(float(x.sum()), 10), np.linspace(0, 100, 5)[2])
