# Covers: a loop variable read after a loop that never ran raises UnboundLocalError with CPython's message (issue 12 item 10)
def loopvar(n):
    for i in range(n):
        pass
    return i


print(loopvar(2))
print(loopvar(0))
