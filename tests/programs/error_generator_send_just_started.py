# Covers: the first send() of a value other than None is CPython's TypeError, and the generator can still start.
def echo():
    while True:
        x = yield "ready"
        print("echo", x)


g = echo()
try:
    g.send("early")
except TypeError as e:
    print("caught:", e)
print(g.send(None))
g.send("now")
h = echo()
h.send("too early")
