# expect: UnsupportedError 4:7: numpy.float16 is not supported
import numpy as np
print(np.float32(0.1))
print(np.float16(0.1))
