# Covers: reading a local before its only assignment raises UnboundLocalError at run time, after the lines before it ran (issue 12 item 10)
def f(n):
    print(n)
    print(x * 2)
    x = 1
    return x


f(2)
