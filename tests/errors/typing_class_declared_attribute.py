# expect: TypingError 7:9: attribute 'x' of 'Strict' objects is declared float and assigned a str here
class Strict:
    x: float

    def __init__(self):
        self.y = 1
        self.x = "text"


print(Strict().y)
