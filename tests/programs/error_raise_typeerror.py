# Covers: raise TypeError and OverflowError-like validation inside a recursive function ("TypeError: depth limit 4 exceeded").
def walk(n, depth):
    if depth > 4:
        raise TypeError(f"depth limit {depth - 1} exceeded")
    print("depth", depth, "n", n)
    return walk(n * 2, depth + 1)

walk(1, 0)
