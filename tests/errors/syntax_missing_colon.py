# expect: SyntaxError 2:9: expected ':'
def f(x)
    return x
