def label(i):
    s = f"item {i}"
    if i % 2 == 0:
        s = s + " even"
    return s


print(label(3))
