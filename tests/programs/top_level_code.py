# Covers: module top-level code: loops, ifs, rebinding and arithmetic at module scope, functions defined between statements.
total = 0
for i in range(1, 11):
    total += i * i
print(total)
if total > 300:
    print("big")
else:
    print("small")

def helper(x):
    return x * 3

value = helper(total)
print(value)
k = 0
while k < 3:
    print("k =", k)
    k += 1
a, b = 1, 1
for _ in range(20):
    a, b = b, a + b
print(a)

def later(y):
    return helper(y) + 1

print(later(4))
avg = total / 10
print(avg)
x = 2
x = x ** 10
print(x)
