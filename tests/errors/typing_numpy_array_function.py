# expect: TypingError 3:5: module 'numpy' has no attribute 'zeros'
import numpy as np
x = np.zeros(3)
print(np.sqrt(4.0))
