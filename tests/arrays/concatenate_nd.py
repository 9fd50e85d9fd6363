# Covers: np.concatenate of 3-d arrays along each axis (negative too), lists, mixed dtypes, strided views
import numpy as np


def joins(a, b, c):
    print(np.concatenate((a, b)), np.concatenate((a, b), axis=1).shape, np.concatenate((a, c), axis=-1), np.concatenate([b, b, b], 2).shape)
    print(np.concatenate((a, b.astype(np.int32)), axis=0).dtype, np.concatenate((a[:, ::-1], a), axis=1))


joins(np.arange(12.0).reshape(2, 3, 2), np.ones((2, 3, 2)), np.zeros((2, 3, 1)))
