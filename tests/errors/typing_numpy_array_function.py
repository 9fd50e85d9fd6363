# expect: TypingError 3:5: module 'numpy' has no attribute 'loadtxt'
import numpy as np
x = np.loadtxt("data.txt")
print(np.sqrt(4.0))
