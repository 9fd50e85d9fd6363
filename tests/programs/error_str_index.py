# An uncaught IndexError from indexing a str: CPython's traceback and message.


def last_char(s, n):
    return s[n]


def main():
    print(last_char("héllo", 4))
    print(last_char("héllo", 5))


main()
