# Covers: uncaught ZeroDivisionError from int % 0 ("integer modulo by zero").
total = 0
for m in (5, 3, 1, 0):
    print("mod", m)
    total += 17 % m
    print(total)
print("unreachable")
