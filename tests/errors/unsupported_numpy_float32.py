# expect: UnsupportedError 4:7: numpy.float32 is not supported
import numpy as np
print(np.float64(0.1))
print(np.float32(0.1))
