# expect: UnsupportedError 4:10: list comprehension
def squares(n):
    total = 0
    sq = [i * i for i in range(n)]
    return total

print(squares(3))
