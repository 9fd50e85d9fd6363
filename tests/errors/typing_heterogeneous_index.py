# expect: TypingError 6:11: heterogeneous tuple
rec = (1, 2.5, True)
i = 0
while i < 3:
    i += 1
    print(rec[i - 1])
