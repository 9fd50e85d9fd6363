# dict written in Python on lists: Library/Dicts.cs registers `dict.NAME` entries that call these with the dict first.
# A dict is five lists shared by every reference to it (Codegen's model of DictType), changed only in place:
#   meta     [number of live items]
#   indices  a power-of-two table of entry numbers: -1 empty, -2 an entry deleted
#   hashes   each entry's hash; -1 marks an entry deleted (no hash is -1, as in CPython)
#   keys, values
# Entries stay in insertion order, so iteration is in insertion order, as in CPython. `_sj_dict_parts(d)` gives the
# five lists; `hash()` is CPython's for int, float, bool and tuples of them.

EMPTY = -1
DELETED = -2
MINSIZE = 8


def _probe(indices, hashes, keys, key, h):
    # The slot of key's entry, or of the empty slot that ends its probe sequence (CPython's open addressing: the
    # perturbed sequence reaches every slot).
    mask = len(indices) - 1
    i = h & mask
    perturb = h & 0x7FFFFFFFFFFFFFFF
    while True:
        ix = indices[i]
        if ix == EMPTY:
            return i
        if ix >= 0 and hashes[ix] == h and keys[ix] == key:
            return i
        perturb >>= 5
        i = (i * 5 + perturb + 1) & mask


def _entry(indices, hashes, keys, key):
    # The entry number of key, or -1 (for callers that hold the dict's parts already).
    ix = indices[_probe(indices, hashes, keys, key, hash(key))]
    return ix if ix >= 0 else -1


def _lookup(d, key):
    # The entry number of key, or -1.
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    return _entry(indices, hashes, keys, key)


def _rebuild(d, live):
    # Drops deleted entries and makes the table large enough for live * 3 / 2 entries and more.
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    if len(keys) != live:
        j = 0
        for i in range(len(keys)):
            if hashes[i] != -1:
                hashes[j] = hashes[i]
                keys[j] = keys[i]
                values[j] = values[i]
                j += 1
        while len(keys) > j:
            hashes.pop()
            keys.pop()
            values.pop()
    size = MINSIZE
    while size * 2 <= live * 3:
        size *= 2
    table = [EMPTY] * size
    mask = size - 1
    for ix in range(len(keys)):
        h = hashes[ix]
        i = h & mask
        perturb = h & 0x7FFFFFFFFFFFFFFF
        while table[i] != EMPTY:
            perturb >>= 5
            i = (i * 5 + perturb + 1) & mask
        table[i] = ix
    _sj_list_swap(indices, table)   # the dict's own list takes the new table


def setitem(d, key, value):
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    h = hash(key)
    slot = _probe(indices, hashes, keys, key, h)
    ix = indices[slot]
    if ix >= 0:
        values[ix] = value
        return
    indices[slot] = len(keys)
    hashes.append(h)
    keys.append(key)
    values.append(value)
    meta[0] += 1
    # Entries (deleted ones too) fill at most 2/3 of the table.
    if len(keys) * 3 >= len(indices) * 2:
        _rebuild(d, meta[0])


def getitem(d, key):
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    ix = _entry(indices, hashes, keys, key)
    if ix < 0:
        raise KeyError(key)
    return values[ix]


def contains(key, d):
    return _lookup(d, key) >= 0


def not_contains(key, d):
    return _lookup(d, key) < 0


def get(d, key, default):
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    ix = _entry(indices, hashes, keys, key)
    if ix < 0:
        return default
    return values[ix]


def setdefault(d, key, default):
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    ix = _entry(indices, hashes, keys, key)
    if ix >= 0:
        return values[ix]
    setitem(d, key, default)
    return default


def _remove(d, key):
    # Deletes key's entry; its entry number, or -1 when it is missing.
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    slot = _probe(indices, hashes, keys, key, hash(key))
    ix = indices[slot]
    if ix < 0:
        return -1
    indices[slot] = DELETED
    hashes[ix] = -1
    meta[0] -= 1
    return ix


def delitem(d, key):
    if _remove(d, key) < 0:
        raise KeyError(key)
    _shrink_if_sparse(d)


def _shrink_if_sparse(d):
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    if meta[0] * 2 < len(keys) and len(keys) > MINSIZE:
        _rebuild(d, meta[0])


def pop(d, key):
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    ix = _remove(d, key)
    if ix < 0:
        raise KeyError(key)
    value = values[ix]
    _shrink_if_sparse(d)
    return value


def pop_default(d, key, default):
    if _lookup(d, key) < 0:
        return default
    return pop(d, key)


def popitem(d):
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    if meta[0] == 0:
        raise KeyError("popitem(): dictionary is empty")
    ix = len(keys) - 1
    while hashes[ix] == -1:
        ix -= 1
    key = keys[ix]
    value = values[ix]
    _remove(d, key)
    _shrink_if_sparse(d)
    return key, value


def clear(d):
    meta, indices, hashes, keys, values = _sj_dict_parts(d)
    meta[0] = 0
    hashes.clear()
    keys.clear()
    values.clear()
    indices.clear()
    indices.extend([EMPTY] * MINSIZE)


def update(d, other):
    for key, value in other.items():
        d[key] = value


def _pairs(items):
    if isinstance(items, dict):
        return items.items()
    return items


def dict_of(items):
    out = {}
    for key, value in _pairs(items):
        out[key] = value
    return out


def dict_of_both(items, keywords):
    out = {}
    for key, value in _pairs(items):
        out[key] = value
    for key, value in keywords:
        out[key] = value
    return out


def fromkeys(keys, value):
    out = {}
    for key in keys:
        out[key] = value
    return out


def copy(d):
    out = {}
    for key, value in d.items():
        out[key] = value
    return out


def eq(a, b):
    if len(a) != len(b):
        return False
    for key, value in a.items():
        if key not in b:
            return False
        if not (b[key] == value):
            return False
    return True


def ne(a, b):
    return not eq(a, b)
