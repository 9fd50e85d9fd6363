# Covers: np.polyfit (NumPy 1.24's: the scaled Vandermonde matrix, np.linalg.lstsq, the scale taken out) of degrees
# 1 to 3, full=True (coefficients, residuals, rank, singular values, rcond), w= weights, cov=True and cov='unscaled',
# a 2-d y (one fit per column), rcond=, float32 data; NumPy's TypeError/ValueError for mismatched lengths and a
# negative degree. Values to the last printed digit (the same LAPACK routine as NumPy's).
import numpy as np


def main():
    x = np.linspace(0.0, 3.0, 20)
    y = 1.5 * x ** 3 - 2.0 * x + 0.25 + np.sin(7 * x) * 0.1
    print(np.polyfit(x, y, 3))
    print(np.polyfit(x, y, 1))
    c, res, rank, sv, rc = np.polyfit(x, y, 2, full=True)
    print(c, res, rank, sv, rc)
    print(np.polyfit(x, y, 2, w=np.sqrt(x + 1)))
    c2, v = np.polyfit(x, y, 2, cov=True)
    print(c2, v)
    c3, v3 = np.polyfit(x, y, 2, cov='unscaled')
    print(v3)
    yy = np.stack((y, y * 2 - 1), axis=1)
    print(np.polyfit(x, yy, 2))
    print(np.polyfit(x, yy, 2, cov=True)[1].shape)
    print(np.polyfit(np.arange(5), np.arange(5) ** 2, 2, rcond=1e-10))
    print(np.polyfit(x.astype(np.float32), y.astype(np.float32), 2))
    try:
        np.polyfit(x, y[:5], 2)
    except TypeError as e:
        print("TypeError", e)
    try:
        np.polyfit(x, y, -1)
    except ValueError as e:
        print("ValueError", e)


main()
