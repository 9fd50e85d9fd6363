# Covers: a closure used while a variable it captures is unbound raises CPython's free-variable NameError (fuzz-10)
def g(n):
    for final_step in range(n):
        pass
    m = lambda q: q + final_step
    print(m(1))


g(2)
g(0)
