# expect: UnsupportedError 2:1: with
with open("f") as fh:
    print(1)
