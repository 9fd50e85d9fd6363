# expect: TypingError 12:1: property 'area' of 'Square' object has no setter
class Square:
    def __init__(self, side):
        self.side = side

    @property
    def area(self):
        return self.side * self.side


s = Square(2.0)
s.area = 9.0
print(s.area)
