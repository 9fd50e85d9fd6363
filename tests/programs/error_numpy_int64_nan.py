# Covers: np.int64 of NaN raises ValueError; np.float64 and np.bool_ of NaN do not.
import numpy as np

values = (1.5, -2.5, float("nan"))
for v in values:
    print(np.float64(v), np.bool_(v), np.floor(v))
    print(np.int64(v))
