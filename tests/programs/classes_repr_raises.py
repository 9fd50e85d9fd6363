class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def __repr__(self):
        if self.x < 0:
            raise ValueError(f"negative position {self.x}")
        return f"Particle({self.x:.2f}, {self.v})"


def pair(a, b):
    a.x, b.x = b.x, a.x
    return repr(a) + repr(b)


def describe(p):
    try:
        return f"{p!r}"
    except ValueError as e:
        return "unprintable: " + str(e)


def main():
    a, b = Particle(0.1, 1.0), Particle(0.2, 1.0)
    print(pair(a, b), a.x, b.x)
    print(describe(a), describe(Particle(-1.5, 0.0)))
    try:
        print([a, Particle(-2.0, 1.0)])
    except ValueError as e:
        print("ValueError:", e)


main()
