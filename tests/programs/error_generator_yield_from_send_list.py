# Covers: a value sent to a generator delegating to a list (yield from [...]) is CPython's AttributeError: the list's
# iterator has no send().
def letters():
    got = yield from ["a", "b", "c"]
    print("got", got)


g = letters()
print(next(g), g.send(None))
g.send("x")
