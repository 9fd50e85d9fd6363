# The operator module's functions that are not an operator of their own (those, operator.add and the rest, are the
# operators' registry entries themselves). `operator.X` values are first-class: `f = operator.mul; f(a, b)`.


@overload("operator.not_")
def not_(a):
    return not a


@overload("operator.truth")
def truth(a):
    return True if a else False


@overload("operator.abs")
def abs_(a):
    return abs(a)


@overload("operator.index")
def index(a):
    if isinstance(a, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if isinstance(a, complex):
        raise TypeError("'complex' object cannot be interpreted as an integer")
    return int(a)


@overload("operator.contains")
def contains(a, b):
    return b in a


@overload("operator.concat")
def concat(a, b):
    if not isinstance(a, tuple):
        raise TypeError("object can't be concatenated")
    return a + b


@overload("operator.getitem")
def getitem(a, b):
    return a[b]


@overload("operator.countOf")
def countOf(a, b):
    n = 0
    for x in a:
        if x is b or x == b:
            n += 1
    return n


@overload("operator.indexOf")
def indexOf(a, b):
    k = 0
    for x in a:
        if x is b or x == b:
            return k
        k += 1
    raise ValueError("sequence.index(x): x not in sequence")
