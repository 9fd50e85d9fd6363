# Covers: close() of a generator whose finally raises propagates that exception (GeneratorExit as its context).
def risky(n):
    try:
        yield n
    finally:
        print("finally runs")
        raise KeyError(n)


g = risky(3)
print(next(g))
g.close()
