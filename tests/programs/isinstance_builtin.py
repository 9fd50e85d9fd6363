# Covers: isinstance(x, int/float/complex/bool/tuple) for each value kind, incl. bool being an int, and a tuple of types.
print(isinstance(1, int), isinstance(1, float), isinstance(1, complex), isinstance(1, bool), isinstance(1, tuple))
print(isinstance(2.0, int), isinstance(2.0, float), isinstance(2.0, complex))
print(isinstance(3j, complex), isinstance(3j, float))
print(isinstance(True, bool), isinstance(True, int), isinstance(False, float))
print(isinstance((1, 2), tuple), isinstance((), tuple), isinstance((1, 2), int))
print(isinstance(None, int), isinstance(None, tuple))
print(isinstance(1, (int, float)), isinstance(1.5, (int, complex)), isinstance(2j, (float, complex)))

def kind(x):
    if isinstance(x, bool):
        return 1
    elif isinstance(x, int):
        return 2
    elif isinstance(x, float):
        return 3
    elif isinstance(x, complex):
        return 4
    elif isinstance(x, tuple):
        return 5
    return 0

print(kind(1), kind(2.0), kind(3j), kind(True), kind((1, 2)), kind(None))
x = 5
print(isinstance(x / 1, float), isinstance(x // 1, int), isinstance(x * 1.0, float), isinstance(x + 0j, complex))
