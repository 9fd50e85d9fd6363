# Covers: a variable assigned on one branch only and read after it raises UnboundLocalError when the branch was not taken; augmented assignment reads it too (issue 12 item 10)
def cond(n):
    if n > 0:
        r = n
    r += 1
    return r


print(cond(5))
print(cond(-5))
