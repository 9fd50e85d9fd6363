# expect: TypingError 3:5: module 'numpy' has no attribute 'einsum'
import numpy as np
x = np.einsum("i->", np.zeros(3))
print(np.sqrt(4.0))
