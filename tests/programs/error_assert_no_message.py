# Covers: failing assert without a message (last stderr line is just "AssertionError").
total = 0
for i in range(5):
    total += i
print(total)
assert total == 10
print("ok so far")
assert total > 100
print("unreachable")
