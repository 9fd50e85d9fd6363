# Covers: assert statements that pass (with and without messages, incl. f-string messages), and pass in functions/loops/branches.
def noop():
    pass

def check_positive(x):
    assert x > 0, "must be positive"
    assert x < 1000, f"too large: {x}"
    return x * 2

assert True
assert 1
assert 1 + 1 == 2, "math works"
assert 0.1 + 0.2 != 0.3, "float rounding"
assert (1, 2), "non-empty tuple is truthy"
assert not 0j
print(check_positive(5))
print(check_positive(999))
print(noop())
for i in range(3):
    pass
print(i)
if i:
    pass
else:
    print("never")
k = 0
while k < 3:
    k += 1
    assert k <= 3, f"k={k}"
    pass
print(k)

def stub(a, b=1):
    pass

print(stub(1), stub(2, 3))
n = 12
assert n % 2 == 0 and n % 3 == 0, "divisible by 6"
print("all asserts passed")
