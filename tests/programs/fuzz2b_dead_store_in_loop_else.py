# Regression (fuzz-2, fixed; was in IR/Codegen), second shape: a loop whose body never runs (range(0)) inside another loop, a
# store in its else clause whose value is dead afterwards:  InternalError: internal: value %25 used before definition
# CPython prints: None
def f(a):
    for x in (0, 0, 0, 0):
        for i in range(0):
            pass
        else:
            a = 0 * (a or 0)


print(f(0))
