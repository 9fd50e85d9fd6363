# Covers: arrays in f-strings ({a}, {a!r}, {a!s}), str(), repr(), print with sep/end, arrays next to scalars and strings
import numpy as np


def report(a, name_len):
    s = str(a)
    r = repr(a)
    print(f"values={a} repr={a!r} str={a!s}")
    print(f"[{s}] has {len(s)} chars, repr {len(r)}; shape {a.shape} dtype {a.dtype} n={name_len}")
    print("a:", a, "sum:", a.sum(), sep=" | ", end=" <end>\n")
    print(str(a) + " and " + repr(a[:2]))


report(np.arange(5), 1)
report(np.linspace(0.0, 1.0, 3), 2)
report(np.arange(6).reshape(2, 3), 3)
report(np.array((1.5, 2.5), dtype=np.float32), 4)
report(np.arange(3) > 0, 5)
report(np.array((1j, 2.0)), 6)
