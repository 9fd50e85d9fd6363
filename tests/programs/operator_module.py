# Covers: the operator module: its functions called (operator.add, from operator import mul), as first-class values passed to compiled functions, in-place and comparison forms, not_/truth/abs/index/contains/concat/getitem/countOf/indexOf
import operator
from operator import mul, neg, truediv


def fold(f, items, start):
    acc = start
    for x in items:
        acc = f(acc, x)
    return acc


def apply2(f, a, b):
    return f(a, b)


def table(a, b):
    return (operator.add(a, b), operator.sub(a, b), mul(a, b), truediv(a, b), operator.floordiv(a, b),
            operator.mod(a, b), operator.pow(a, 3), operator.lshift(a, 2), operator.rshift(a, 1),
            operator.and_(a, b), operator.or_(a, b), operator.xor(a, b), neg(a), operator.pos(b),
            operator.invert(a), operator.inv(b), operator.iadd(a, b), operator.imul(a, b), operator.ior(a, b))


def compares(a, b):
    return (operator.lt(a, b), operator.le(a, b), operator.eq(a, b), operator.ne(a, b), operator.ge(a, b),
            operator.gt(a, b), operator.is_(None, None), operator.is_not(a, None))


def others(t, x):
    return (operator.not_(x), operator.truth(x), operator.abs(-x), operator.index(7), operator.index(True),
            operator.contains(t, 3), operator.contains(t, 99), operator.concat(t, (x,)), operator.getitem(t, 1),
            operator.countOf(t, 2), operator.indexOf(t, 3))


print(table(17, 5))
print(table(-9, 4))
print(compares(2, 3), compares(3.5, 3.5))
print(others((1, 2, 3, 2), 0), others((2, 3), 4.5))
def passed_on():
    # operator functions as values handed to compiled functions
    print(fold(operator.add, (1, 2, 3, 4), 0), fold(mul, (1.5, 2.0, 3.0), 1.0), fold(operator.sub, (5, 1), 100))
    print(apply2(operator.truediv, 7, 2), apply2(operator.pow, 2.0, 0.5), apply2(operator.eq, 1, 1.0))
    f = operator.mul
    print(f(6, 7), apply2(f, 3, 4.0))


passed_on()
