# Covers: generator functions compiled as state machines: for loops over them, list/sum/sorted/min/max/any/all of
# them, yield in while/for/if/try-except, return ending a generator, owned values (str, list) held across yields,
# generators abandoned half-way (their frames and what they hold released), infinite generators with break.


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(xs):
    for x in xs:
        print("producing", x)
        yield x * x
    print("squares done")


def words(text):
    for w in text.split(" "):
        if w:
            yield w.upper()


def pairs(n):
    for i in range(n):
        for j in range(i):
            yield (i, j)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def until_negative(xs):
    for x in xs:
        if x < 0:
            return
        yield x
    print("not reached when a negative comes")


def safe_div(xs):
    for x in xs:
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield -1


def chunks(xs, size):
    chunk = []
    for x in xs:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if len(chunk) > 0:
        yield chunk


def labelled(names, prefix):
    tag = prefix + ":"
    for k, name in enumerate(names):
        yield f"{tag}{k}={name}"


def floats(n):
    for i in range(n):
        if i % 2 == 0:
            yield i * 1.0
        else:
            yield i + 0.5


def nothing():
    return
    yield 1


def main():
    for v in count(3):
        print(v)
    for s in squares([1, 2, 3]):
        print("got", s)
    print(list(words("the quick  brown fox")))
    print(list(pairs(4)))
    for k, f in enumerate(fib()):
        if k >= 10:
            break
        print(k, f)
    print(list(until_negative([3, 2, -1, 5])), list(until_negative([1, 2])))
    print(sum(safe_div([1, 0, 5])))
    print(sum(count(101)), min(count(5)), max(squares([3, -7, 2])))
    print(any(x > 3 for x in count(5)), all(x < 3 for x in count(5)), any(count(0)), all(count(0)))
    print(any(count(3)), all(count(3)))
    print(sorted(words("b c a")), sorted(count(4), reverse=True))
    print(list(chunks([1, 2, 3, 4, 5, 6, 7], 3)))
    for line in labelled(["x", "y"], "item"):
        print(line)
    print(list(floats(4)))
    print(list(nothing()), sum(nothing()))
    # abandoned half-way: the frames and the strings and lists they hold are released
    for w in words("alpha beta gamma"):
        print("first word", w)
        break
    g = chunks([1, 2, 3, 4], 2)
    for c in g:
        print("first chunk", c)
        break
    for a, b in zip(count(10), words("p q")):
        print(a, b)
    lab = labelled(["u", "v", "w"], "pre")
    print(next(lab))


main()
