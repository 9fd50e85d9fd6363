# Covers: uncaught ZeroDivisionError from 1.0 % 0.0 ("float modulo").
a = 1.0
for b in (3.0, 0.5, 0.0):
    print(a, b)
    print(a % b)
print("unreachable")
