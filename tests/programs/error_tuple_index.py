# Covers: uncaught IndexError from indexing a homogeneous tuple with an out-of-range variable index ("tuple index out of range").
SQUARES = (0, 1, 4, 9, 16)

def get(i):
    return SQUARES[i]

i = 0
while True:
    print(i, get(i), get(-1 - i))
    i += 2
