# expect: TypingError 14:13: this list holds A items and has a B item here
class A:
    def __init__(self, x):
        self.x = x

    def f(self):
        return self.x


class B(A):
    def f(self):
        return 2 * self.x

xs = [A(1), B(2)]
print(sum(o.f() for o in xs))
