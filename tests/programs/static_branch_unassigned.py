# Covers: a variable assigned only in a branch decided at compile time (isinstance), read in another such branch
def f(a, b):
    if isinstance(b, float):
        x = a + 1
    if isinstance(b, float):
        return x
    return a
print(f(1, 2))
print(f(1, 2.0))
