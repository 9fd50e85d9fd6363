class V:
    def __init__(self, x):
        self.x = x
class P:
    def __init__(self, v):
        self.pos = v
    def clear(self):
        self.pos = None
def main():
    p = P(V(2.0))
    print(p.pos.x)
    p.pos.x = 3.0
    print(p.pos.x)
    p.clear()
    try:
        print(p.pos.x)
    except AttributeError as e:
        print("AttributeError", e)
main()
def setnone():
    p = P(V(1.0))
    p.clear()
    try:
        p.pos.x = 5.0
    except AttributeError as e:
        print("AttributeError", e)
setnone()
