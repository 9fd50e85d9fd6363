# Covers: uncaught ZeroDivisionError from complex / 0 ("complex division by zero").
z = 3 + 4j
print(z / 2)
print(z / (1 + 1j))
w = 0j
print(z / w)
