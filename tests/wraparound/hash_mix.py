# Wraparound: hash-like multiply/xor/shift mixing loops (FNV-1a 64 with signed basis, splitmix-style finalizer with arithmetic shifts).
FNV_BASIS = -3750763034362895579
FNV_PRIME = 1099511628211

def fnv1a(n):
    h = FNV_BASIS
    for i in range(n):
        h ^= i & 255
        h *= FNV_PRIME
    return h

def mix(z):
    z = (z ^ (z >> 30)) * -4658895280553007687
    z = (z ^ (z >> 27)) * -7723592293110705685
    return z ^ (z >> 31)

print(fnv1a(1), fnv1a(10), fnv1a(1000))
s = 0
for k in range(1, 6):
    s += -7046029254386353131
    print(s, mix(s))
acc = 0
for k in range(100):
    acc = acc * 31 + k
print(acc)
