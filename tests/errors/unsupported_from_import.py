# expect: UnsupportedError 2:1: sys
from sys import argv
print(1)
