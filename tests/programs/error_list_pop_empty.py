# Covers: IndexError from pop on a list emptied by the loop
xs = [1.5, 2.5]
total = 0.0
for _ in range(3):
    total += xs.pop()
    print(total)
