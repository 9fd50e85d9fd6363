# expect: NameError 4:7: name 'foo' is not defined
x = 1
print(x)
print(foo(x))
