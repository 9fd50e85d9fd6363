# fuzz-12 (seed 1302582): a read of a variable never bound in a loop body that runs zero times. The read always
# raises, so the loop's back edge is dead and the loop header's phis lose their typed operands: they must be
# typed "unbound", not left unknown (an internal error in code generation).
def f7(a8):
    for i10 in range(0):
        v11 = -9.2e18
        if not v11:
            v14 = 0
        v15 = ((0,) if False else (v14,))[0]
    return 0


def g(n):
    for i in range(n):
        if i > 100:
            w = i
        print(w)
    return n


import cmath


def f13(a14):
    # seed 1303371: the loop's back edge stays, so the unbound variable's phis form a cycle with no typed operand.
    for x21 in (0.0j,):
        if (1 == 0):
            v23 = 0
        if cmath.isinf(0.0j):
            return (0 >> v23)
    return 0


print(f7(1), f13(0))
print(g(0))
try:
    g(2)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
