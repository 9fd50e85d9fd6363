# expect: TypingError 4:5: 'frozenset' object has no attribute 'add' in compiled code
def f():
    s = frozenset([1])
    s.add(2)
    return s


print(f())
