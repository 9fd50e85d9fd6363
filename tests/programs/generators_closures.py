# Covers: generators nested in functions (capturing their variables), module globals read in yields, generators
# consuming generators (abandoning the outer releases the inner), the value of a yield expression (None: nothing is
# sent), default and keyword arguments, generators in lists, list() of zip and enumerate over generators.
FIRST = 1000


def numbered(n, step=1, label="x"):
    k = 0
    while k < n:
        got = yield f"{label}{FIRST + k}"
        print("resumed with", got)
        k += step


def outer(words):
    for w in words:
        for part in inner(w):
            yield part


def inner(w):
    yield w
    yield w + w


def make_counter(base):
    def counter(n):
        for i in range(n):
            yield base + i
    return counter


def risky(xs):
    for x in xs:
        try:
            v = check(x)
        except ValueError as e:
            yield "bad: " + str(e)
            continue
        yield "ok: " + str(v)


def check(x):
    if x < 0:
        raise ValueError(f"negative {x}")
    return x * 2


def main():
    for s in numbered(3, label="m"):
        print(s)
    print(list(numbered(5, step=2)))
    g = outer(["a", "b", "c"])
    print(next(g), next(g), next(g))
    g = outer([])
    print(list(g))
    c = make_counter(100)
    print(list(c(3)))
    print(list(risky([1, -2, 3])))
    print(sorted(inner("zz"), key=len, reverse=True))
    gens = [inner("p"), inner("q")]
    for gg in gens:
        print(list(gg))
    for k, w in enumerate(outer(["u", "v"])):
        if k == 2:
            break
        print(k, w)
    print(list(map(len, outer(["ab", "c"]))))
    print(list(zip(numbered(2), numbered(5), "abc")))
    print(list(enumerate(inner("e"))))
    print(max(numbered(3)), min(numbered(3)))
    try:
        print(min(numbered(0)))
    except ValueError as e:
        print("error", e)


main()
for v in inner("top"):
    print("module level", v)
