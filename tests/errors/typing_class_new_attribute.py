# expect: TypingError 9:5: 'Box' object has no attribute 'w'
class Box:
    def __init__(self, v):
        self.v = v


def main():
    b = Box(1)
    b.w = 2
    print(b.v, b.size)


main()
