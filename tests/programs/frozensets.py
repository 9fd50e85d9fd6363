# Covers: frozenset: construction, in, len, iteration, operators and methods giving frozensets, equality with sets,
# printing, hashing (as dict keys and set items, CPython's hash), type(), isinstance.
def build(n):
    return frozenset(i % 4 for i in range(n))


a = frozenset([1, 2, 3, 2])
b = frozenset((3, 4))
s = {2, 3}
print(a, b, frozenset(), frozenset("aba") == frozenset(["a", "b"]), len(a), 2 in a, 5 not in a)
print(sorted(a), [x * 10 for x in b], build(10), build(0))
print(a | b, a & b, a - b, a ^ b, a | s, s | a, s & a, type(a | s), type(s | a))
print(a.union(b), a.intersection([1, 9]), a.difference(s), a.symmetric_difference(b), a.copy())
print(a.issubset({1, 2, 3, 4}), a.issuperset(b), a.isdisjoint(frozenset([7])), a <= frozenset([1, 2, 3]), b < a)
print(a == {1, 2, 3}, {1, 2, 3} == a, a != b, frozenset() == set(), a == frozenset([3, 2, 1]))
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([1, 2, 3])), hash(frozenset([(1, 2), (3, 4)])), hash(frozenset([0.5, 7])))
print(hash(a) == hash(frozenset([3, 1, 2])), hash(frozenset([-1, -2])), hash(frozenset(range(100))))
groups = {frozenset([1, 2]): "one-two", frozenset([3]): "three"}
groups[frozenset([2, 1])] = "two-one"
print(groups, groups[frozenset({3})], len(groups))
family = {frozenset([1]), frozenset([2, 3]), frozenset([1])}
print(family, frozenset([1]) in family, len(family))
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(nested, frozenset([1, 2]) in nested)
c = a
c |= b
print(c, a, type(c), isinstance(a, frozenset), isinstance(a, set), isinstance(s, frozenset), type(a), frozenset)
print(frozenset(a) == a, frozenset(s), repr(frozenset([5])), f"{frozenset([6, 7])}", str(frozenset()))
