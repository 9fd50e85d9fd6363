# Builtins written in Python. sharpjit compiles this file like user code, specialised on the argument types of each
# call, and LLVM inlines the result where it is used. `@overload("NAME")` makes a function the implementation of the
# builtin or NumPy function NAME (see CONTRIBUTING.md). Branches on `isinstance` and `len` of a tuple are decided at
# compile time, so each specialisation keeps only the code for its types. NumPy's narrow scalars arrive as Python's
# numbers unless the overload says `narrow=True`.


@overload("divmod")
def divmod(a, b):
    if isinstance(a, float) or isinstance(b, float):
        x = float(a)
        y = float(b)
        if y == 0.0:
            raise ZeroDivisionError("float divmod()")
        return x // y, x % y
    # One division: the floor remainder of integers is exactly a - (a // b) * b (and 0 for INT64_MIN // -1, which wraps).
    q = a // b
    return q, a - q * b


@overload("sum")
def sum(iterable, start=0):
    if isinstance(iterable, tuple):
        if len(iterable) == 0:
            return start
        if len(iterable) <= 4:
            # A few items (the usual case) as straight-line code: no loop for LLVM to analyse and unroll.
            total = start + iterable[0]
            if len(iterable) > 1:
                total = total + iterable[1]
            if len(iterable) > 2:
                total = total + iterable[2]
            if len(iterable) > 3:
                total = total + iterable[3]
            return total
    total = start
    for x in iterable:
        total = total + x
    return total


@overload("min", narrow=True)
def min(*args, key=None, default=...):
    if key is None and default is ...:
        if len(args) >= 2:
            if len(args) <= 4:
                # min(a, b) and the like in this one function: fewer functions to type and inline (compile time).
                # An item replaces the best only when strictly smaller: Python keeps the first of equal values.
                best = args[0]
                if args[1] < best:
                    best = args[1]
                if len(args) > 2:
                    if args[2] < best:
                        best = args[2]
                if len(args) > 3:
                    if args[3] < best:
                        best = args[3]
                return best
    return _extreme_of_arguments(args, True, "min", key, default)


@overload("max", narrow=True)
def max(*args, key=None, default=...):
    if key is None and default is ...:
        if len(args) >= 2:
            if len(args) <= 4:
                best = args[0]   # as min, with the comparison turned round
                if args[1] > best:
                    best = args[1]
                if len(args) > 2:
                    if args[2] > best:
                        best = args[2]
                if len(args) > 3:
                    if args[3] > best:
                        best = args[3]
                return best
    return _extreme_of_arguments(args, False, "max", key, default)


def _extreme_of_arguments(args, smallest, name, key, default):
    # `default=...` stands for no default (`x is ...` is decided while typing, as `x is None` is).
    if len(args) == 0:
        raise TypeError(f"{name} expected at least 1 argument, got 0")
    if len(args) == 1:
        if key is None and default is ...:
            return _extreme(args[0], smallest, name)
        return _extreme_by_key(args[0], smallest, name, key, default)
    if default is not ...:
        raise TypeError(f"Cannot specify a default for {name}() with multiple positional arguments")
    if key is None:
        return _extreme(args, smallest, name)
    return _extreme_by_key(args, smallest, name, key, default)


def _extreme(items, smallest, name):
    # Python keeps the first of equal values: an item replaces the best only when strictly better.
    if _sj_only_iterates(items):
        return _extreme_by_key(items, smallest, name, None, ...)
    if len(items) == 0:
        raise ValueError(f"{name}() arg is an empty sequence")
    best = items[0]
    if isinstance(items, tuple):
        if len(items) <= 4:
            # min(a, b) and the like as straight-line code: no loop for LLVM to analyse and unroll.
            if len(items) > 1:
                best = _better(items[1], best, smallest)
            if len(items) > 2:
                best = _better(items[2], best, smallest)
            if len(items) > 3:
                best = _better(items[3], best, smallest)
            return best
    for x in items:
        if smallest:
            if x < best:
                best = x
        elif x > best:
            best = x
    return best


def _better(x, best, smallest):
    # x when it is strictly better than best (Python keeps the first of equal values).
    if smallest:
        if x < best:
            return x
    elif x > best:
        return x
    return best


def _extreme_by_key(items, smallest, name, key, default):
    # An iterable read once, item by item (a generator), each item compared by key(item) when there is a key.
    empty = True
    for x in items:
        k = x if key is None else key(x)
        if empty:
            best = x
            best_key = k
            empty = False
        elif smallest:
            if k < best_key:
                best = x
                best_key = k
        elif k > best_key:
            best = x
            best_key = k
    if empty:
        if default is ...:
            raise ValueError(f"{name}() arg is an empty sequence")
        return default
    return best


@overload("any")
def any(iterable):
    for x in iterable:
        if x:
            return True
    return False


@overload("all")
def all(iterable):
    for x in iterable:
        if not x:
            return False
    return True


@overload("iter")
def iter(iterable):
    # A generator over the items: compiled iterators are generators (iter() of a generator pulls from it).
    for x in iterable:
        yield x


@overload("map")
def map(function, *iterables):
    if len(iterables) == 0:
        raise TypeError("map() must have at least two arguments.")
    if len(iterables) == 1:
        for x in iterables[0]:
            yield function(x)
    else:
        for xs in zip(*iterables):
            yield function(*xs)


@overload("filter")
def filter(function, iterable):
    if function is None:
        for x in iterable:
            if x:
                yield x
    else:
        for x in iterable:
            if function(x):
                yield x
