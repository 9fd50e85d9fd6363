# Run-time errors of str operations, caught and printed (CPython's types and messages).


def attempts(s, i, word):
    try:
        print(s[i])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(s.index(word))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(s.rindex(word, 1))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(int(word))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(int(word, 16))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(float(word))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(ord(word))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(chr(i * 100000))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(s.center(9, word))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(s.partition(word[:0]))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(s[::i - i])
    except ValueError as e:
        print("ValueError:", e)


def main():
    attempts("abc", 3, "zz")
    attempts("abc", -4, " 12 ")
    attempts("abc", 12, "x")
    attempts("héllo", 5, "1e5")
    attempts("abc", 1, "0x_1f")
    attempts("abc", 1, "1__0")
    attempts("a😀b", 2, " 😀")   # whitespace stripping meets a character outside the basic plane


main()
