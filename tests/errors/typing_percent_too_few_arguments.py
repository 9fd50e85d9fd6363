# expect: TypingError 3:12: not enough arguments for format string
def row(name, n):
    return "%s: %d (%.1f%%)" % (name, n)


print(row("a", 1))
