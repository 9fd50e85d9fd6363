# Covers: None as a value: printing, functions returning None, == comparisons, truthiness, None inside tuples.
def proc(x):
    print("proc", x)

r = proc(1)
print(r)
print(None)
print(None == None, None != None, not None, bool(None))
t = (None, 1, None)
print(t, t[0], len(t))
n = None
print(n)
n = 5
print(n)
print(proc(2) == None)
x = None
if x:
    print("never")
else:
    print("None is falsy")
print(f"{None} {None!r}")
print(None, None, sep="-")
pair = (None, (None, 2.5))
a, (b, c) = pair
print(a, b, c)
