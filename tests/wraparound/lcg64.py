# Wraparound: 64-bit linear congruential generator (Knuth MMIX constants) relying on multiply/add wrap, with shifts and masks.
A = 6364136223846793005
C = 1442695040888963407

def nxt(s):
    return s * A + C

s = 1
for i in range(8):
    s = nxt(s)
    print(s, (s >> 33) & 0x7FFFFFFF)
count = 0
for i in range(1000):
    s = nxt(s)
    if s < 0:
        count += 1
print(count)
x = 88172645463325252
for i in range(5):
    x ^= x << 13
    x ^= x >> 7
    x ^= x << 17
    print(x)
