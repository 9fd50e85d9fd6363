# Covers: uncaught ZeroDivisionError from float // 0.0 ("float floor division by zero").
v = 7.5
print(v // 2.0)
print(v // -2.0)
z = 0.0
print(v // z)
print("unreachable")
