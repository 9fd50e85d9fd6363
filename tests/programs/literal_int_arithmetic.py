# Covers: +, - and * of literal integers are literals, so a branch on them is decided while typing: only the side taken is typed (t[1] of a 1-tuple would be an error there), wrapping as int64 arithmetic does.
def pick(t):
    if len(t) + 1 == 3:
        return t[0] + t[1]
    if len(t) * 2 - 1 == 1:
        return t[0]
    return -1


N = 4
M = N * N - 3
print(pick((1, 2)), pick((5,)), pick((1, 2, 3)), M, N - 10, 3 * -7)
