# Covers: a possibly unbound variable copied to another name (no operation uses it) still raises UnboundLocalError at the read (fuzzer seed 1200173)
def h(n):
    for i in range(n):
        pass
    copy = i
    return 0.5


print(h(2))
print(h(0))
