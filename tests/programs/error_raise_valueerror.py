# Covers: explicit raise ValueError with a constant message ("ValueError: b must not be zero").
def div(a, b):
    if b == 0:
        raise ValueError("b must not be zero")
    return a / b

print(div(1, 2))
print(div(9, 3))
print(div(1, 0))
print("unreachable")
