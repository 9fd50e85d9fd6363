# `is` between an Optional instance (an attribute that may be None) and an instance compares the objects.
class Node:
    def __init__(self, v):
        self.v = v
        self.other = None


def main():
    a, b = Node(1), Node(2)
    a.other = b
    b.other = a
    c = b.other
    print(b.other is a, c is a, a is a, b.other is not a, a.other is a, a.other == b, b.other != a)
    n = Node(3)
    print(n.other is None, n.other is a, n.other is not None, a.other is not None)
    a.other = None
    b.other = None   # the cycle broken, so both are freed


main()
