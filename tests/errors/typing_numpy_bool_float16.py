# expect: TypingError 4:11: float16
import numpy as np
flag = True
print(1 + np.sqrt(flag))
print(np.sqrt(2.0))
