# An integer raised to a negative literal exponent is a float (CPython and Numba): the exponent's value is a literal
# type that the operator's typing rule sees, also through a variable bound to a constant and a negated constant.
def halves(n):
    total = 0.0
    for i in range(n):
        total += 2 ** -1 + i * 10 ** -2
    return total


def inverse_cube(x):
    e = -3
    return x ** e


print(2 ** -1, 10 ** -2, (-2) ** -3, 7 ** -1)
print(halves(4))
print(inverse_cube(2), inverse_cube(-4))
print(2 ** 10, 3 ** 0)
k = 2
print(k ** -2)
