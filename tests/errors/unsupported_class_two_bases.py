# expect: UnsupportedError 10:1: class 'Both' has more than one base class, which compiled code does not support
class Left:
    pass


class Right:
    pass


class Both(Left, Right):
    pass


print(Both())
