# Covers: an exception thrown into a generator that does not catch it runs its finally and propagates to the caller
# of throw(), with the message it was made with.
def numbers():
    kept = ["a", "b"]
    try:
        for i in range(10):
            yield i
    finally:
        print("finally with", kept)


g = numbers()
print(next(g), next(g))
g.throw(ValueError("thrown in"))
