# int() of a str that is not a number: ValueError with the repr of the string, as CPython words it.


def parse(words):
    total = 0
    for w in words:
        total += int(w)
        print(w, total)
    return total


parse(("12", " 7\n", "1_000", "3.5"))
