# Covers: explicit raise OverflowError to guard int64 range in a loop ("OverflowError: 21! does not fit in int64").
LIMIT = 9223372036854775807
f = 1
n = 1
while True:
    if f > LIMIT // (n + 1):
        raise OverflowError(f"{n + 1}! does not fit in int64")
    n += 1
    f *= n
    print(n, f)
