# Covers: np.stack of 3-d arrays along each of the four axes of the result (negative too), lists, mixed dtypes, reversed views, more than eight arrays
import numpy as np


def stacks(a, b):
    print(np.stack((a, b)), np.stack((a, b), axis=1).shape, np.stack([a, b, a], axis=-1), np.stack((a, b.astype(np.int32)), 2)[1, 0])
    print(np.stack((a[:, ::-1], a), axis=3).shape, np.stack([a] * 9).sum())


stacks(np.arange(12.0).reshape(2, 3, 2), np.ones((2, 3, 2)))
