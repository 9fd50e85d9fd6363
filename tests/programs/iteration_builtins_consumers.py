# Covers: generators consumed by set(), str.join (a generator function's and a generator expression's items),
# list.extend, list() of enumerate, zip and reversed values.


def words():
    yield "b"
    yield "a"
    yield "b"


def main():
    print(sorted(set(words())))
    print(",".join(words()))
    print("-".join(w.upper() for w in words()))
    print("".join(w for w in words() if w != "a"))
    xs = ["start"]
    xs.extend(words())
    print(xs)
    print(list(enumerate(words())), list(zip(words(), range(5))))
    print(list(reversed(range(4))), list(enumerate("xy")))


main()
