# BUG (minor): .strides differ from NumPy's in two cases.
# 1. Empty arrays made in compiled code: np.zeros(0).strides is (8,) and np.zeros((0, 3)).strides is (24, 8);
#    NumPy 1.24 gives (0,) and (0, 0) (np.ones(0, dtype=bool): (0,), sharpjit (1,)).
# 2. Through @sharpjit.jit, an argument with a length-1 axis whose stride NumPy set to 0 (np.zeros(5)[None] has
#    strides (0, 8)) reports the recomputed C strides (40, 8) inside compiled code.
# Run both ways: `sharpjit run` shows case 1, jit_runner.py shows case 2.
import numpy as np


def made_here():
    return np.zeros(0).strides, np.zeros((0, 3)).strides, np.ones(0, dtype=np.bool_).strides


def strides_of(a):
    return a.strides


print(made_here())
print(strides_of(np.zeros(5)[None]))
