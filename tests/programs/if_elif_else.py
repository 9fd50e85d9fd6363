# Covers: if / elif / else chains, nested ifs, truthiness conditions on int/float/complex/tuple, pass in branches.
def grade(score):
    if score >= 90:
        return 4
    elif score >= 80:
        return 3
    elif score >= 70:
        return 2
    elif score >= 60:
        return 1
    else:
        return 0

def fizz(n):
    if n % 15 == 0:
        print("FizzBuzz")
    elif n % 3 == 0:
        print("Fizz")
    elif n % 5 == 0:
        print("Buzz")
    else:
        print(n)

for s in (95, 85, 75, 65, 55, 90, 60):
    print(s, grade(s))
for n in range(1, 16):
    fizz(n)
x = 0.0
if x:
    print("never")
else:
    print("zero float is falsy")
if 2j:
    print("complex truthy")
if ():
    print("never")
elif (0,):
    print("non-empty tuple truthy")
y = 5
if y > 0:
    if y > 3:
        print("big positive")
    else:
        pass
else:
    pass
if y == 5: print("one-line if")
