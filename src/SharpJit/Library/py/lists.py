# Methods of list written in Python: Library/Lists.cs registers `list.NAME` entries that call these with the list
# first (the operators `in`, `==`, `<` ... call them too). Indexing, append, pop, insert and copying are lowered in
# C# on the list's memory; these are built on them. Branches on `is None` of an argument are decided at compile time.


def contains(v, xs):
    for x in xs:
        if x == v:
            return True
    return False


def not_contains(v, xs):
    return not contains(v, xs)


def eq(a, b):
    if len(a) != len(b):
        return False
    for i in range(len(a)):
        if not (a[i] == b[i]):
            return False
    return True


def ne(a, b):
    return not eq(a, b)


def _first_difference(a, b):
    # Lists compare at their first differing items, else by length (CPython's list_richcompare).
    n = min(len(a), len(b))
    i = 0
    while i < n:
        if not (a[i] == b[i]):
            return i
        i += 1
    return n


def lt(a, b):
    i = _first_difference(a, b)
    if i >= len(a) or i >= len(b):
        return len(a) < len(b)
    return a[i] < b[i]


def le(a, b):
    i = _first_difference(a, b)
    if i >= len(a) or i >= len(b):
        return len(a) <= len(b)
    return a[i] <= b[i]


def gt(a, b):
    return lt(b, a)


def ge(a, b):
    return le(b, a)


def _clamp(i, n):
    # A start or stop of list.index: negative counts from the end, then clipped to [0, n].
    if i < 0:
        i += n
        if i < 0:
            i = 0
    return i


def index(xs, v, start, stop):
    i = _clamp(start, len(xs))
    stop = _clamp(stop, len(xs))
    while i < stop and i < len(xs):
        if xs[i] == v:
            return i
        i += 1
    raise ValueError(f"{v!r} is not in list")


def count(xs, v):
    n = 0
    for x in xs:
        if x == v:
            n += 1
    return n


def remove(xs, v):
    for i in range(len(xs)):
        if xs[i] == v:
            xs.pop(i)
            return
    raise ValueError("list.remove(x): x not in list")


def reverse(xs):
    i = 0
    j = len(xs) - 1
    while i < j:
        xs[i], xs[j] = xs[j], xs[i]
        i += 1
        j -= 1


def extend(xs, items):
    for x in items:
        xs.append(x)


def set_slice(xs, start, length, step, items):
    # xs[slice] = items, the slice as CPython's slice.indices gives it (start, number of items, step).
    new = list_of(items)   # first: items may be xs itself
    if step == 1:
        out = xs[:start]
        out.extend(new)
        out.extend(xs[start + length:])
        _sj_list_swap(xs, out)
        return
    if len(new) != length:
        raise ValueError(f"attempt to assign sequence of size {len(new)} to extended slice of size {length}")
    for k in range(length):
        xs[start + k * step] = new[k]


def del_slice(xs, start, length, step):
    if length == 0:
        return
    if step < 0:
        start = start + (length - 1) * step
        step = -step
    out = xs[:start]
    next_deleted = start
    deleted = 0
    for i in range(start, len(xs)):
        if deleted < length and i == next_deleted:
            deleted += 1
            next_deleted += step
        else:
            out.append(xs[i])
    _sj_list_swap(xs, out)


def list_of(items):
    out = []
    for x in items:
        out.append(x)
    return out


def sorted_of(items, key, reverse_):
    out = list_of(items)
    sort(out, key, reverse_)
    return out


def sort(xs, key, reverse_):
    # Stable, as CPython's: reverse=True reverses, sorts and reverses again, so equal items keep their order.
    if reverse_:
        reverse(xs)
    if key is None:
        _merge_sort(xs, None)
    else:
        keys = [key(x) for x in xs]
        _merge_sort(keys, xs)
    if reverse_:
        reverse(xs)


RUN = 32


def _merge_sort(keys, values):
    # Insertion sort of runs of RUN items, then bottom-up merges between the list and a copy; values (when not
    # None) are moved with their keys. An item moves before another only when strictly less: stable.
    n = len(keys)
    lo = 0
    while lo < n:
        hi = min(lo + RUN, n)
        for i in range(lo + 1, hi):
            k = keys[i]
            if values is not None:
                v = values[i]
            j = i - 1
            while j >= lo and k < keys[j]:
                keys[j + 1] = keys[j]
                if values is not None:
                    values[j + 1] = values[j]
                j -= 1
            keys[j + 1] = k
            if values is not None:
                values[j + 1] = v
        lo = hi
    if n <= RUN:
        return
    src = keys
    dst = keys.copy()
    vsrc = values
    vdst = values
    if values is not None:
        vdst = values.copy()
    width = RUN
    while width < n:
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            for k in range(lo, hi):
                if j < hi and (i >= mid or src[j] < src[i]):
                    dst[k] = src[j]
                    if values is not None:
                        vdst[k] = vsrc[j]
                    j += 1
                else:
                    dst[k] = src[i]
                    if values is not None:
                        vdst[k] = vsrc[i]
                    i += 1
            lo = hi
        src, dst = dst, src
        if values is not None:
            vsrc, vdst = vdst, vsrc
        width *= 2
    if src is not keys:
        # The sorted items are in the copy: move them back into the caller's list.
        for k in range(n):
            keys[k] = src[k]
            if values is not None:
                values[k] = vsrc[k]


def imul(xs, n):
    # xs *= n: the list itself repeated (CPython's list_inplace_repeat).
    if n <= 0:
        xs.clear()
        return xs
    m = len(xs)
    for _ in range(n - 1):
        for i in range(m):
            xs.append(xs[i])
    return xs
