# set written in Python on lists, as CPython 3.11's Objects/setobject.c lays out its table, so that a set iterates
# (and prints) in the order CPython's does wherever CPython's hashes are deterministic (ints, floats, tuples). A set
# is four lists shared by every reference to it (Codegen's model of SetType), changed only in place:
#   meta    [used, fill (used + dummies), mask, finger (where pop() looks next)]
#   states  per slot: 0 unused, 1 active, 2 dummy (a deleted item)
#   hashes, keys  per slot (keys is empty until the first item, then as long as the table: unused slots hold a copy)
# `_sj_set_parts(s)` gives the four lists; Library/Sets.cs registers `set.NAME` entries that call these.

LINEAR_PROBES = 9
MINSIZE = 8
UNSIGNED = 0x07FFFFFFFFFFFFFF   # perturb is unsigned in C: >> 5 shifts in zeros


def _lookup(s, key, h):
    # The slot holding key, or -1 (set_lookkey).
    meta, states, hashes, keys = _sj_set_parts(s)
    mask = meta[2]
    i = h & mask
    perturb = h
    while True:
        probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else 0
        j = i
        while True:
            st = states[j]
            if st == 0:
                return -1
            if st == 1 and hashes[j] == h and keys[j] == key:
                return j
            if probes == 0:
                break
            probes -= 1
            j += 1
        perturb = (perturb >> 5) & UNSIGNED
        i = (i * 5 + 1 + perturb) & mask


def _store(s, j, key, h):
    meta, states, hashes, keys = _sj_set_parts(s)
    if len(keys) == 0:
        keys.extend([key] * (meta[2] + 1))
    states[j] = 1
    hashes[j] = h
    keys[j] = key


def _add_entry(s, key, h):
    # set_add_entry: the last dummy met on the probe sequence is reused; a new slot may grow the table.
    meta, states, hashes, keys = _sj_set_parts(s)
    mask = meta[2]
    i = h & mask
    freeslot = -1
    perturb = h
    while True:
        probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else 0
        j = i
        while True:
            st = states[j]
            if st == 0:
                if freeslot >= 0:
                    meta[0] += 1
                    _store(s, freeslot, key, h)
                    return
                meta[1] += 1
                meta[0] += 1
                _store(s, j, key, h)
                if meta[1] * 5 >= mask * 3:
                    _resize(s, meta[0] * 2 if meta[0] > 50000 else meta[0] * 4)
                return
            if st == 1:
                if hashes[j] == h and keys[j] == key:
                    return
            else:
                freeslot = j
            if probes == 0:
                break
            probes -= 1
            j += 1
        perturb = (perturb >> 5) & UNSIGNED
        i = (i * 5 + 1 + perturb) & mask


def _insert_clean(states, hashes, keys, mask, key, h):
    i = h & mask
    perturb = h
    while True:
        if states[i] == 0:
            break
        found = False
        if i + LINEAR_PROBES <= mask:
            for j in range(i + 1, i + LINEAR_PROBES + 1):
                if states[j] == 0:
                    i = j
                    found = True
                    break
        if found:
            break
        perturb = (perturb >> 5) & UNSIGNED
        i = (i * 5 + 1 + perturb) & mask
    states[i] = 1
    hashes[i] = h
    keys[i] = key


def _resize(s, minused):
    # set_table_resize: the smallest power of two above minused; active items reinserted in table order.
    meta, states, hashes, keys = _sj_set_parts(s)
    size = MINSIZE
    while size <= minused:
        size *= 2
    new_states = [0] * size
    new_hashes = [0] * size
    new_keys = keys.copy()   # empty until the first item
    if len(keys) > 0:
        new_keys = [keys[0]] * size
    for j in range(len(states)):
        if states[j] == 1:
            _insert_clean(new_states, new_hashes, new_keys, size - 1, keys[j], hashes[j])
    # The new table's lists become the set's own (its lists are shared by every reference to it).
    _sj_list_swap(states, new_states)
    _sj_list_swap(hashes, new_hashes)
    _sj_list_swap(keys, new_keys)
    meta[1] = meta[0]
    meta[2] = size - 1


def _merge(s, other):
    # set_merge: other's items in its table order, into s (a copy when s is empty).
    meta, states, hashes, keys = _sj_set_parts(s)
    ometa, ostates, ohashes, okeys = _sj_set_parts(other)
    if ometa[0] == 0 or s is other:
        return
    if (meta[1] + ometa[0]) * 5 >= meta[2] * 3:
        _resize(s, (meta[0] + ometa[0]) * 2)
    if meta[1] == 0:
        if len(keys) == 0:
            keys.extend([okeys[0]] * (meta[2] + 1))
        meta[0] = ometa[0]
        meta[1] = ometa[0]
        same = meta[2] == ometa[2] and ometa[1] == ometa[0]
        for j in range(len(ostates)):
            if ostates[j] == 1:
                if same:
                    states[j] = 1
                    hashes[j] = ohashes[j]
                    keys[j] = okeys[j]
                else:
                    _insert_clean(states, hashes, keys, meta[2], okeys[j], ohashes[j])
        return
    for j in range(len(ostates)):
        if ostates[j] == 1:
            _add_entry(s, okeys[j], ohashes[j])


def _discard(s, key):
    # True when key was there.
    meta, states, hashes, keys = _sj_set_parts(s)
    j = _lookup(s, key, hash(key))
    if j < 0:
        return False
    states[j] = 2
    hashes[j] = -1
    meta[0] -= 1
    return True


def add(s, x):
    _add_entry(s, x, hash(x))


def contains(x, s):
    return _lookup(s, x, hash(x)) >= 0


def not_contains(x, s):
    return _lookup(s, x, hash(x)) < 0


def discard(s, x):
    _discard(s, x)


def remove(s, x):
    if not _discard(s, x):
        raise KeyError(x)


def pop(s):
    # set_pop: the next active slot from the finger on.
    meta, states, hashes, keys = _sj_set_parts(s)
    if meta[0] == 0:
        raise KeyError("pop from an empty set")
    j = meta[3] & meta[2]
    while states[j] != 1:
        j += 1
        if j > meta[2]:
            j = 0
    key = keys[j]
    states[j] = 2
    hashes[j] = -1
    meta[0] -= 1
    meta[3] = j + 1
    return key


def clear(s):
    meta, states, hashes, keys = _sj_set_parts(s)
    meta[0] = 0
    meta[1] = 0
    meta[2] = MINSIZE - 1
    states.clear()
    states.extend([0] * MINSIZE)
    hashes.clear()
    hashes.extend([0] * MINSIZE)
    keys.clear()


def update(s, items):
    if isinstance(items, set):
        _merge(s, items)
    else:
        for x in items:
            s.add(x)


def set_of(items):
    out = _sj_empty_set_of(items)   # an empty set already typed with the items' type, for update() to fill
    update(out, items)
    return out


def union(a, b):
    out = set_of(a)
    update(out, b)
    return out


def intersection(a, b):
    out = set()
    if isinstance(b, set):
        small = b
        big = a
        if len(b) > len(a):
            small = a
            big = b
        for x in small:
            if x in big:
                out.add(x)
    else:
        for x in b:
            if x in a:
                out.add(x)
    return out


def _copy_and_difference(a, b):
    out = set_of(a)
    for x in b:
        _discard(out, x)
    return out


def difference(a, b):
    if not isinstance(b, set):
        return _copy_and_difference(a, b)
    if (len(a) >> 2) > len(b):
        return _copy_and_difference(a, b)
    out = set()
    for x in a:
        if x not in b:
            out.add(x)
    return out


def symmetric_difference(a, b):
    out = set_of(b)
    for x in a:
        if not _discard(out, x):
            out.add(x)
    return out


def issubset(a, b):
    if len(a) > len(b):
        return False
    for x in a:
        if x not in b:
            return False
    return True


def issuperset(a, b):
    return issubset(b, a)


def isdisjoint(a, b):
    for x in a:
        if x in b:
            return False
    return True


def eq(a, b):
    return len(a) == len(b) and issubset(a, b)


def ne(a, b):
    return not eq(a, b)


def lt(a, b):
    return len(a) < len(b) and issubset(a, b)


def gt(a, b):
    return lt(b, a)
