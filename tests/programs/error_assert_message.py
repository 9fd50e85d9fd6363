# Covers: failing assert with a message ("AssertionError: negative").
def check(x):
    assert x >= 0, "negative"
    return x * 2

print(check(1))
print(check(0))
print(check(-1))
print("unreachable")
