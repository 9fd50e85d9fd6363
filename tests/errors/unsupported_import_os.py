# expect: UnsupportedError 3:1: os
import math
import os
print(math.pi)
