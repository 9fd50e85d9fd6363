# Covers: np.pad with every mode NumPy 1.24 has ('constant' with constant_values, 'edge', 'linear_ramp' with end_values,
# 'maximum', 'minimum', 'mean', 'median' with stat_length, 'reflect' and 'symmetric' with reflect_type 'even'/'odd',
# 'wrap', 'empty'), pad widths as an int, a pair or one pair per axis; pads wider than the array (reflected and
# wrapped repeatedly), corners filled from earlier axes, length-1 axes, empty arrays; int, float32, float64, complex
# and bool arrays, 1-d to 3-d, Fortran-ordered and strided; NumPy's errors. Also np.round of 0-d arrays (a number).
import numpy as np


def show(x):
    print(x.dtype, x.shape, x.flags.c_contiguous, x.flags.f_contiguous)
    print(x)


def main():
    a = np.arange(1, 6)
    show(np.pad(a, (2, 3)))
    show(np.pad(a, (2, 3), 'constant', constant_values=(4, 6)))
    show(np.pad(a, (2, 3), 'edge'))
    show(np.pad(a, (2, 3), 'linear_ramp', end_values=(5, -4)))
    show(np.pad(a, (2,), 'maximum'))
    show(np.pad(a, (2,), 'mean'))
    show(np.pad(a, (2,), 'median'))
    show(np.pad(a, (2, 3), 'reflect'))
    show(np.pad(a, (2, 3), 'reflect', reflect_type='odd'))
    show(np.pad(a, (2, 3), 'symmetric'))
    show(np.pad(a, (2, 3), 'symmetric', reflect_type='odd'))
    show(np.pad(a, (2, 3), 'wrap'))
    show(np.pad(a, 12, 'wrap'))
    show(np.pad(a, (13, 7), 'reflect'))
    show(np.pad(a, (13, 7), 'symmetric', reflect_type='odd'))
    b = np.array([[1, 2], [3, 4]])
    show(np.pad(b, ((3, 2), (2, 3)), 'minimum'))
    c = np.arange(12.0).reshape(3, 4) / 7
    for mode in ('constant', 'edge', 'linear_ramp', 'maximum', 'minimum', 'mean', 'median', 'reflect', 'symmetric', 'wrap'):
        show(np.pad(c, ((1, 2), (3, 1)), mode))
    show(np.pad(c, 2, 'mean', stat_length=2))
    show(np.pad(c, ((1, 2), (3, 1)), 'mean', stat_length=((1, 2), (2, 1))))
    show(np.pad(c.T, 1, 'linear_ramp', end_values=2.5))
    show(np.pad(c.astype(np.float32), 3, 'linear_ramp', end_values=((1, 2), (3, 4))))
    show(np.pad(c[:, ::2], (1, 2), 'constant', constant_values=-1.5))
    show(np.pad((c * 10).astype(np.int32), 2, 'constant', constant_values=2.7))
    show(np.pad(c > 0.5, 1, 'constant', constant_values=True))
    show(np.pad(np.arange(24).reshape(2, 3, 4), ((0, 1), (2, 0), (1, 1)), 'reflect'))
    show(np.pad(np.ones((1, 3)), 2, 'reflect'))
    show(np.pad(np.arange(6).reshape(2, 3), 1, 'mean'))
    show(np.pad(c + 1j * c, 1, 'linear_ramp', end_values=1))
    show(np.pad(np.zeros((0, 3)), ((0, 0), (1, 1)), 'edge'))
    show(np.pad(np.zeros((0, 3)), 1))
    show(np.pad(np.arange(5.0), (3, 1), 'empty')[3:4])
    show(np.pad(np.arange(6, dtype=np.uint8).reshape(2, 3), (2, 1), 'linear_ramp', end_values=200))
    show(np.pad(np.arange(6, dtype=np.int16).reshape(3, 2), ((2, 3), (1, 0)), 'mean', stat_length=(1, 2)))
    show(np.pad(np.arange(7.0)[::2], 5, 'reflect', reflect_type='odd'))
    show(np.pad(np.arange(7.0)[::2], [3, 9], 'symmetric'))
    show(np.pad([1.5, 2.5, 4.0], 2, 'wrap'))
    print(np.round(np.asarray(7)), np.round(np.asarray(2.5)), np.round(np.asarray(17), -1), np.round(np.asarray(1.2345), 2), np.round(np.asarray(1.5 + 2.5j)))
    for k in range(5):
        try:
            bad(a, k)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


def bad(a, k):
    if k == 0:
        np.pad(a, -1)
    elif k == 1:
        np.pad(np.zeros((0, 3)), 1, 'edge')
    elif k == 2:
        np.pad(a, 1, 'maximum', stat_length=0)
    elif k == 3:
        np.pad(a, 1.5)
    else:
        np.pad(a, 1, 'edge', constant_values=3)


main()
