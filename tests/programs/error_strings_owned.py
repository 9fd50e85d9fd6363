# Strings made at run time (f-strings, str(), +) are reference counted and freed: kept in variables across loops and
# branches, in tuples, returned, passed to functions, stored in module variables, and dropped when an exception
# unwinds (the test suite checks that every allocation is freed).
LABEL = f"run {3}"


def tag(i):
    s = f"item {i}"
    if i % 2 == 0:
        s = s + " even"
    return s


def longest(n):
    best = ""
    for i in range(n):
        t = tag(i) + str(i * i)
        if len(t) > len(best):
            best = t
    return best


def pair(i):
    return (str(i), f"<{i}>", i)


def labelled(x):
    label = f"run {len(str(x))}"
    return label + ": " + str(x)


def checked(i):
    note = f"checking {i}"
    if i > 3:
        raise ValueError(f"{note} failed")
    return note


print(tag(3), tag(4))
print(longest(12))
p = pair(7)
print(p, p[0] + p[1])
for w in ("p", "q", f"r{1}"):
    print(w + "!", len(w))
print(labelled(2.5), LABEL)
LABEL = LABEL + "!"
print(LABEL)
for i in range(6):
    print(checked(i))
