# Covers: for loops over range and tuples with break, continue, and else clauses; nested loop break behaviour.
for i in range(5):
    if i == 3:
        continue
    print(i, end=" ")
else:
    print("| else ran")
for i in range(10):
    if i == 4:
        print("break at 4")
        break
else:
    print("not printed")
for i in range(0):
    print("never")
else:
    print("empty loop else")
primes = 0
for n in range(2, 60):
    for d in range(2, n):
        if d * d > n:
            primes += 1
            break
        if n % d == 0:
            break
    else:
        primes += 1
print("primes below 60:", primes)
for t in (1.5, -2.0, 3.25):
    if t < 0:
        continue
    print(t)
else:
    print("done floats")
found = 0
for a in range(1, 20):
    for b in range(a, 20):
        c2 = a * a + b * b
        for c in range(b, 30):
            if c * c == c2:
                found += 1
                print(a, b, c)
                break
            if c * c > c2:
                break
print(found)
i = 100
for i in range(3):
    pass
print(i)
