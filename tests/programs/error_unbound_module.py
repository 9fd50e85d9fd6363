# Covers: a module-level name assigned on one branch only raises NameError when read on the other (issue 12 item 10)
import math

if math.pi > 4:
    unsettled_total = 1
print("before")
print(unsettled_total)
