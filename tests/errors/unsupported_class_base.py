# expect: UnsupportedError 6:1: class 'Derived' derives from a class other than an exception class or NamedTuple, which compiled code does not support
class Base:
    pass


class Derived(Base):
    pass


print(Derived())
