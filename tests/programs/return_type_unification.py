# Covers: functions whose return statements have different numeric types (int and float); results used only in ways that print identically.
def safe_ratio(a, b):
    if b == 0:
        return 0
    return a / b

def piecewise(x):
    if x < 0:
        return 0
    elif x < 1:
        return x * x
    return 1

def halve_or_keep(n):
    if n % 2 == 0:
        return n // 2
    return n * 1.5

print(safe_ratio(1, 4))
print(safe_ratio(3, 0) + 0.0)
print(safe_ratio(3, 0) == 0)
print(f"{safe_ratio(3, 0):.2f}")
for v in (-1.0, 0.5, 2.0):
    print(f"{piecewise(v):.3f}", piecewise(v) * 2.0)
print(halve_or_keep(3), halve_or_keep(7))
print(halve_or_keep(4) * 1.0, halve_or_keep(10) + 0.5)
total = 0.0
for n in range(1, 6):
    total += halve_or_keep(n)
print(total)
