# Covers: keyword arguments in calls (any order, mixed with positional), keyword args to builtins (print, round, complex).
def box(length, width, height):
    return length * width * height

def describe(name_id, value, precision):
    print(f"#{name_id}: {value:.3f} ({precision})")

def ratio(num, den):
    return num / den

print(box(1, 2, 3))
print(box(length=1, width=2, height=3))
print(box(height=3, length=1, width=2))
print(box(1, height=5, width=2))
describe(1, 3.14159, 2)
describe(value=2.71828, precision=3, name_id=2)
print(ratio(1, 4), ratio(den=4, num=1), ratio(1, den=8))
print(round(2.567, ndigits=1))
print(complex(real=2, imag=-1))
print(1, 2, 3, sep="-", end="!\n")
print(end="", sep="")
print("done")
