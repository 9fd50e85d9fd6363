# expect: TypingError 3:7: ufunc 'cbrt' not supported for the input types
import numpy as np
print(np.cbrt(8j))
print(np.cbrt(8.0))
