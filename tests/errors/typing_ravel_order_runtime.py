# expect: TypingError 7:20: ravel(order='A') of an array whose order is known only at run time is not supported in compiled code
import numpy as np


def flat(a):
    t = a.transpose(2, 1, 0)
    return t.ravel("A")


print(flat(np.arange(24).reshape(2, 3, 4)))
