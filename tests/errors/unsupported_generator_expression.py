# expect: UnsupportedError 3:7: generator expression
n = 10
gen = (i * i for i in range(n))
print(n)
