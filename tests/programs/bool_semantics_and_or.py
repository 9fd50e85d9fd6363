# Covers: and/or/not with Python value semantics (returning an operand), short-circuiting, truthiness of numbers/tuples/None.
def loud(v):
    print("eval", v)
    return v

a = 0
b = 5
print(a or b, b or a, a and b, b and a)
x = a or b
y = b and 7
print(x, y)
print(0.0 or 2.5, 1.5 or 2.5, 0.0 and 2.5, 1.5 and 2.5)
print(0 or 0, 3 and 0)
print(True and False, True or False, not True, not False)
print(not 0, not 1, not 0.0, not -0.0, not 0.1, not 0j, not 1j)
print(not (), not (0,), not None)
print(loud(0) and loud(1))
print(loud(1) or loud(2))
print(loud(1) and loud(2) and loud(3))
print(loud(0) or loud(0) or loud(4))
v = 3
if v > 1 and v < 5:
    print("in range")
if v < 1 or v == 3:
    print("v small or three")
if not (v == 2):
    print("v not 2")
if 1 and 2.5 and 3j and (1,):
    print("all truthy")
if 0 or 0.0 or 0j or () or None:
    print("never")
else:
    print("all falsy")
n = 10
limit = n and n * 2
print(limit)
print(bool(0), bool(-1), bool(0.0), bool(1e-300), bool(()), bool((0,)), bool(None), bool(0j))
