# expect: TypingError 7:9: attribute 'v' of 'Box' objects is assigned a str here and an int elsewhere
class Box:
    def __init__(self, v):
        self.v = v

    def relabel(self):
        self.v = "label"


def main():
    b = Box(1)
    b.relabel()
    print(b.v)


main()
