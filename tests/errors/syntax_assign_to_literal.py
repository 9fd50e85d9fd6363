# expect: SyntaxError 4:1: cannot assign to literal
def f():
    return 1
1 = f()
