# Covers: raise KeyError with a message (stderr shows the repr: "KeyError: 'missing key 3'").
def lookup(k):
    if k == 1:
        return 10
    if k == 2:
        return 20
    raise KeyError(f"missing key {k}")

print(lookup(1))
print(lookup(2))
print(lookup(3))
