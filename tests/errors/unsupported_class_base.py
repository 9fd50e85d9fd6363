# expect: UnsupportedError 2:1: class 'Counter' derives from a class other than a compiled class defined above it, an exception class or NamedTuple, which compiled code does not support
class Counter(dict):
    pass


print(Counter())
