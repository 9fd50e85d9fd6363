# Covers: str.split/rsplit (whitespace runs, separators, maxsplit, keywords), splitlines (all line ends, keepends), join of lists, ValueError for an empty separator
def main():
    s = "  the quick  brown\tfox\n jumps  "
    print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(" "), s.split("  "), s.rsplit(" ", 2))
    print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "".split(), "".split(","))
    print("l1\nl2\r\nl3\rl4\x0bl5\u2028end".splitlines(), "x\ny\n".splitlines(keepends=True), "".splitlines())
    words = s.split()
    print("-".join(words), "".join([]), ", ".join(["ä", "ö€"]), "x".join(["solo"]))
    print("a b c".split(maxsplit=1), "a-b-c".split(sep="-"), "ü ü".split("ü"))
    try:
        "abc".split("")
    except ValueError as e:
        print("ValueError", e)
    counts = []
    for line in "x y\nz w v\n\nq".splitlines():
        counts.append(len(line.split()))
    print(counts)


main()
