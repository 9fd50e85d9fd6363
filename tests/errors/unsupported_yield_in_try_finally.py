# expect: UnsupportedError 6:13: 'yield' inside a try statement with a finally clause is not supported
def lines(xs):
    for x in xs:
        try:
            print("before", x)
            yield x
        finally:
            print("after", x)


for v in lines([1, 2]):
    print(v)
