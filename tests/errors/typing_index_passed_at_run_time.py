# expect: TypingError 3:12: heterogeneous tuple
def pick(t, k):
    return t[k]
rec = (1, 2.5, True)
for i in range(3):
    print(pick(rec, i))
