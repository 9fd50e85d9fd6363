# Covers: an exception raised several calls deep propagates to the top (IndexError with message).
def level3(i):
    if i > 2:
        raise IndexError(f"index {i} out of range")
    return i * 10

def level2(i):
    return level3(i) + 1

def level1(i):
    return level2(i) * 2

def run(n):
    total = 0
    for i in range(n):
        total += level1(i)
        print("partial", total)
    return total

print(run(3))
print(run(5))
