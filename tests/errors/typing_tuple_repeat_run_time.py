# expect: TypingError 3:12: a tuple repeated a number of times known only at run time
def repeat(n):
    return (1, 2) * n


total = 0
for k in range(3):
    total += k
print(repeat(total))
