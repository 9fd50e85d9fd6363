# CPython's side of the export test: the same calls as driver.c, printed the same way.
import sys, os, traceback
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kernels import *

def err(e):
    print("error:", f"{type(e).__name__}: {e}")

print("%.17g" % series(0.5, 100))
try:
    series(0.5, -1)
except ValueError as e:
    err(e)
print(fib(25))
print(collatz(27))
print(describe(3.14159, 1234567))
print(describe(-2.5, 65))
try:
    checked_div(1, 0)
except ZeroDivisionError as e:
    err(e)
print(checked_div(-7, 2))
print(int(flag(0.5, 0.0, 1.0)), int(flag(2.0, 0.0, 1.0)))
print(narrow(100, 3))
nothing(3)
try:
    nothing(11)
except OverflowError as e:
    err(e)
print(guarded(7, 0))
print(guarded(7, 2))
try:
    guarded(1000, 3)
except ValueError as e:
    err(e)
try:
    fib(5000)
except RecursionError as e:
    through = any(f.name == "fib" for f in traceback.extract_tb(e.__traceback__))
    print(f"error: {type(e).__name__}, traceback through fib: {int(through)}")
