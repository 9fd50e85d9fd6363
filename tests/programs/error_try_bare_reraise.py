def inner(x):
    return 10 // x

def middle(x):
    try:
        return inner(x)
    except ZeroDivisionError:
        print("logging, then re-raising")
        raise

middle(0)
