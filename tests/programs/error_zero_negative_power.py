# Covers: uncaught ZeroDivisionError from 0.0 ** negative ("0.0 cannot be raised to a negative power").
base = 2.0
print(base ** -2)
base = 0.0
print(base ** 2)
print(base ** -1.5)
