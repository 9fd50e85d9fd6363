# Regression (fuzz-2, fixed; was in IR/Codegen): after a conditional expression with a constant test is folded, the blocks are laid
# out so that a use comes before its definition in block order, and codegen fails:
#   InternalError: internal: value %6 used before definition
# CPython prints: None
def f():
    if (w := ((0.0,) if False else (0.0,))[0]) < 0.0:
        w = w + 1.0


print(f())
