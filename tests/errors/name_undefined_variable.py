# expect: NameError 3:16: name 'y' is not defined
def f(x):
    return x + y

print(f(1))
