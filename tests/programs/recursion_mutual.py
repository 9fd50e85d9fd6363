# Covers: mutual recursion between functions (is_even/is_odd, Hofstadter sequences).
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

def hof_f(n):
    if n == 0:
        return 1
    return n - hof_m(hof_f(n - 1))

def hof_m(n):
    if n == 0:
        return 0
    return n - hof_f(hof_m(n - 1))

def ping(n, acc):
    if n <= 0:
        return acc
    return pong(n - 1, acc + 2)

def pong(n, acc):
    if n <= 0:
        return acc
    return ping(n - 1, acc * 1 + 1)

for i in (0, 1, 2, 7, 10, 99):
    print(i, is_even(i), is_odd(i))
i = 0
while i < 15:
    print(hof_f(i), hof_m(i), end=" ")
    i += 1
print()
print(ping(10, 0), pong(11, 0))
