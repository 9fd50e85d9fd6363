# expect: NameError 3:7: name 'cmath' is not defined
import math
print(cmath.sqrt(-1))
