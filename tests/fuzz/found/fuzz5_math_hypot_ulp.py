# fuzz-5 (core: Library, Builtins.Math.cs lowers two-argument math.hypot to libm's hypot): CPython 3.10+ computes
# math.hypot with its own vector_norm for every number of arguments (the Runtime already has a port of it, used
# for three or more arguments and math.dist), and it differs from glibc's hypot by an ulp for some arguments.
# CPython prints:  65.7676302695361
# sharpjit prints: 65.76763026953608
import math


def f(a, b):
    return math.hypot(a, b)


print(f(-50.0, -42.72448))
