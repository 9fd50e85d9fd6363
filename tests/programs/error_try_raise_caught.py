def inner(x):
    return 10 // x

def middle(x):
    try:
        return inner(x)
    except ZeroDivisionError as e:
        print("raise e")
        raise e

middle(0)
