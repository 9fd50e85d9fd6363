# Wraparound: factorial by a loop up to 25! (overflows int64 from 21!) and a product of a range.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

for n in range(18, 26):
    print(n, fact(n))
p = 1
for k in range(1, 40, 3):
    p = p * k
print(p)
print(fact(25) // 7, fact(25) % 1000)
