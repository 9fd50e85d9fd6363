# Covers: uncaught ZeroDivisionError from divmod(int, 0) ("integer division or modulo by zero").
for d in (7, -7, 1):
    print(divmod(50, d))
q, r = divmod(50, 0)
print(q, r)
