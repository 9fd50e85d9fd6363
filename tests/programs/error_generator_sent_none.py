# Covers: a generator whose yield's value is used, resumed by next(): the value is None, and using it as a number
# raises CPython's TypeError where it is used.
def averager():
    total = 0.0
    while True:
        value = yield total
        total += value


a = averager()
print(next(a))
print(a.send(2.5))
print(next(a))
