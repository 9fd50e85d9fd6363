# Covers: IndexError from reading past the end of a list, after output
def last_plus_one(xs):
    return xs[len(xs)]


xs = [1, 2, 3]
print(xs[-3])
print(last_plus_one(xs))
