# set written in Python on lists, as CPython 3.11's Objects/setobject.c lays out its table, so that a set iterates
# (and prints) in the order CPython's does wherever CPython's hashes are deterministic (ints, floats, tuples). A set
# is three lists shared by every reference to it (Codegen's model of SetType), changed only in place:
#   meta    [used, fill (used + dummies), mask, finger (where pop() looks next)]
#   hashes  per slot: UNUSED, DUMMY (a deleted item), or the hash of the item there (a probe reads only this list)
#   keys    per slot (empty until the first item, then as long as the table: unused slots hold a copy)
# No item's hash is DUMMY (-1, as in CPython); one whose hash is UNUSED is stored as UNUSED + 1 (`_slot_hash`).
# `_sj_set_parts(s)` gives the three lists; Library/Sets.cs registers `set.NAME` entries that call these.

LINEAR_PROBES = 9
MINSIZE = 8
UNSIGNED = 0x07FFFFFFFFFFFFFF   # perturb is unsigned in C: >> 5 shifts in zeros
UNUSED = -9223372036854775807 - 1
DUMMY = -1


def _slot_hash(x):
    h = hash(x)
    if h == UNUSED:
        return UNUSED + 1
    return h


def _lookup(s, key, h):
    # The slot holding key, or -1 (set_lookkey).
    meta, hashes, keys = _sj_set_parts(s)
    mask = meta[2]
    i = h & mask
    perturb = h
    while True:
        probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else 0
        j = i
        while True:
            sh = hashes[j]
            if sh == UNUSED:
                return -1
            if sh == h and keys[j] == key:
                return j
            if probes == 0:
                break
            probes -= 1
            j += 1
        perturb = (perturb >> 5) & UNSIGNED
        i = (i * 5 + 1 + perturb) & mask


def _store(s, j, key, h):
    meta, hashes, keys = _sj_set_parts(s)
    if len(keys) == 0:
        keys.extend([key] * (meta[2] + 1))
    hashes[j] = h
    keys[j] = key


def _add_entry(s, key, h):
    # set_add_entry: the last dummy met on the probe sequence is reused; a new slot may grow the table.
    meta, hashes, keys = _sj_set_parts(s)
    mask = meta[2]
    i = h & mask
    freeslot = -1
    perturb = h
    while True:
        probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else 0
        j = i
        while True:
            sh = hashes[j]
            if sh == UNUSED:
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
            if sh == DUMMY:
                freeslot = j
            elif sh == h and keys[j] == key:
                return
            if probes == 0:
                break
            probes -= 1
            j += 1
        perturb = (perturb >> 5) & UNSIGNED
        i = (i * 5 + 1 + perturb) & mask


def _insert_clean(hashes, keys, mask, key, h):
    i = h & mask
    perturb = h
    while True:
        if hashes[i] == UNUSED:
            break
        found = False
        if i + LINEAR_PROBES <= mask:
            for j in range(i + 1, i + LINEAR_PROBES + 1):
                if hashes[j] == UNUSED:
                    i = j
                    found = True
                    break
        if found:
            break
        perturb = (perturb >> 5) & UNSIGNED
        i = (i * 5 + 1 + perturb) & mask
    hashes[i] = h
    keys[i] = key


def _resize(s, minused):
    # set_table_resize: the smallest power of two above minused; active items reinserted in table order.
    meta, hashes, keys = _sj_set_parts(s)
    size = MINSIZE
    while size <= minused:
        size *= 2
    new_hashes = [UNUSED] * size
    new_keys = keys.copy()   # empty until the first item
    if len(keys) > 0:
        new_keys = [keys[0]] * size
    for j in range(len(hashes)):
        h = hashes[j]
        if h != UNUSED and h != DUMMY:
            _insert_clean(new_hashes, new_keys, size - 1, keys[j], h)
    # The new table's lists become the set's own (its lists are shared by every reference to it).
    _sj_list_swap(hashes, new_hashes)
    _sj_list_swap(keys, new_keys)
    meta[1] = meta[0]
    meta[2] = size - 1


def _merge(s, other):
    # set_merge: other's items in its table order, into s (a copy when s is empty).
    meta, hashes, keys = _sj_set_parts(s)
    ometa, ohashes, okeys = _sj_set_parts(other)
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
        for j in range(len(ohashes)):
            h = ohashes[j]
            if h != UNUSED and h != DUMMY:
                if same:
                    hashes[j] = h
                    keys[j] = okeys[j]
                else:
                    _insert_clean(hashes, keys, meta[2], okeys[j], h)
        return
    for j in range(len(ohashes)):
        h = ohashes[j]
        if h != UNUSED and h != DUMMY:
            _add_entry(s, okeys[j], h)


def _discard(s, key):
    # True when key was there.
    meta, hashes, keys = _sj_set_parts(s)
    j = _lookup(s, key, _slot_hash(key))
    if j < 0:
        return False
    hashes[j] = DUMMY
    meta[0] -= 1
    return True


def add(s, x):
    _add_entry(s, x, _slot_hash(x))


def contains(x, s):
    return _lookup(s, x, _slot_hash(x)) >= 0


def not_contains(x, s):
    return _lookup(s, x, _slot_hash(x)) < 0


def discard(s, x):
    _discard(s, x)


def remove(s, x):
    if not _discard(s, x):
        raise KeyError(x)


def pop(s):
    # set_pop: the next active slot from the finger on.
    meta, hashes, keys = _sj_set_parts(s)
    if meta[0] == 0:
        raise KeyError("pop from an empty set")
    j = meta[3] & meta[2]
    while hashes[j] == UNUSED or hashes[j] == DUMMY:
        j += 1
        if j > meta[2]:
            j = 0
    key = keys[j]
    hashes[j] = DUMMY
    meta[0] -= 1
    meta[3] = j + 1
    return key


def clear(s):
    meta, hashes, keys = _sj_set_parts(s)
    meta[0] = 0
    meta[1] = 0
    meta[2] = MINSIZE - 1
    hashes.clear()
    hashes.extend([UNUSED] * MINSIZE)
    keys.clear()


def update(s, items):
    if isinstance(items, (set, frozenset)):
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
    out = _sj_empty_set_of(a)
    if not isinstance(b, (set, frozenset)):
        _add_common(out, b, a)   # any iterable: its items looked up in a
    elif len(b) <= len(a):
        _add_common(out, b, a)   # the smaller one iterated
    else:
        _add_common(out, a, b)
    return out


def _add_common(out, small, big):
    for x in small:
        if x in big:
            out.add(x)


def _copy_and_difference(a, b):
    out = set_of(a)
    for x in b:
        _discard(out, x)
    return out


def difference(a, b):
    if not isinstance(b, (set, frozenset)):
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


# ---------------------------------------------------------------- in place (s |= t keeps the object, as CPython)


def _take_table(s, other):
    # The set takes other's table (set_swap_bodies); other gets s's old one.
    meta, hashes, keys = _sj_set_parts(s)
    ometa, ohashes, okeys = _sj_set_parts(other)
    _sj_list_swap(meta, ometa)
    _sj_list_swap(hashes, ohashes)
    _sj_list_swap(keys, okeys)


def ior(s, t):
    update(s, t)
    return s


def intersection_update(s, t):
    _take_table(s, intersection(s, t))


def iand(s, t):
    intersection_update(s, t)
    return s


def difference_update(s, t):
    if s is t:
        clear(s)
        return
    for x in t:
        _discard(s, x)


def isub(s, t):
    difference_update(s, t)
    return s


def symmetric_difference_update(s, t):
    if s is t:
        clear(s)
        return
    other = set_of(t)
    for x in other:
        if not _discard(s, x):
            s.add(x)


def ixor(s, t):
    symmetric_difference_update(s, t)
    return s


def constant_display(first):
    # A display of more than two constants: CPython's compiler folds it into a frozenset (`first`, items added in
    # source order), rebuilds that from its items in table order when merging constants, and the display merges
    # the result into a new set (BUILD_SET 0, SET_UPDATE).
    rebuilt = _sj_empty_set_of(first)
    for x in first:
        rebuilt.add(x)
    return set_of(rebuilt)
