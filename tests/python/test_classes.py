"""Plain classes through @sharpjit.jit (issue 10): a class a compiled function reads is compiled from its source, its
methods reading the globals of its own module; an instance returned to Python is an object of the real class with
the attributes compiled code assigned. Results are checked against the same code run by CPython."""
import math

import pytest

import sharpjit


class Particle:
    """A particle in a box."""
    MASS = 2.0

    def __init__(self, x, v):
        self.x = x
        self.v = v
        self.hits = 0

    def step(self, dt, size):
        self.x += self.v * dt
        if self.x < 0.0 or self.x > size:
            self.v = -self.v
            self.hits += 1

    def energy(self):
        return 0.5 * self.MASS * self.v * self.v

    def __repr__(self):
        return f"Particle(x={self.x:.3f}, v={self.v}, hits={self.hits})"


def simulate(n, steps):
    ps = [Particle(0.1 * k, 1.0 + math.sin(k)) for k in range(n)]
    for _ in range(steps):
        for p in ps:
            p.step(0.05, 1.0)
    return sum(p.energy() for p in ps), sum(p.hits for p in ps), repr(ps[-1])


def test_simulation_matches_python():
    assert sharpjit.jit(simulate)(5, 200) == simulate(5, 200)


def test_returned_instance_is_an_object_of_the_class():
    @sharpjit.jit
    def make(x):
        p = Particle(x, 3.0)
        p.step(1.0, 100.0)
        return p

    p = make(1.5)
    assert type(p) is Particle
    assert vars(p) == {"x": 4.5, "v": 3.0, "hits": 0}
    assert p.energy() == 9.0   # its methods are Python's again


class Lazy:
    def __init__(self):
        self.ready = False

    def load(self):
        self.data = [1, 2, 3]
        self.ready = True


def test_attributes_never_assigned_are_absent_on_the_returned_object():
    @sharpjit.jit
    def make(load):
        z = Lazy()
        if load:
            z.load()
        return z

    assert vars(make(False)) == {"ready": False}
    assert vars(make(True)) == {"ready": True, "data": [1, 2, 3]}


def test_reading_an_unassigned_attribute_raises_attribute_error():
    @sharpjit.jit
    def total():
        return sum(Lazy().data)

    with pytest.raises(AttributeError, match="'Lazy' object has no attribute 'data'"):
        total()


def advance(p, n):
    for _ in range(n):
        p.step(0.05, 1.0)
    return p.hits, p.energy()


def test_instance_argument_is_converted_and_its_attributes_written_back():
    py, jit = Particle(0.9, 3.0), Particle(0.9, 3.0)
    assert sharpjit.jit(advance)(jit, 40) == advance(py, 40)
    assert jit.__dict__ == py.__dict__


def rename(p, name):
    p.label = name
    return p


class Labelled:
    def __init__(self, label):
        self.label = label


def test_returned_argument_is_the_same_object():
    obj = Labelled("a")
    assert sharpjit.jit(rename)(obj, "b") is obj
    assert obj.label == "b"


def double(p):
    p.label = p.label * 2
    return p.label


def test_attribute_types_are_part_of_the_signature():
    f = sharpjit.jit(double)
    ints, floats = Labelled(2), Labelled(1.5)
    assert (f(ints), f(floats)) == (4, 3.0)
    assert type(ints.label) is int and type(floats.label) is float
    assert len(f.signatures) == 2


def link_sum(head):
    t = 0
    while head is not None:
        t += head.value
        head = head.next
    return t


def relink(a, b):
    a.next = b   # an instance passed in, stored in another: Python sees the same object
    return a


def test_linked_instances_pass_in_and_keep_their_identity():
    from sharpjit import _sharpjit
    before = _sharpjit._live_allocations()
    chain = Link(1, Link(2, Link(3)))
    assert sharpjit.jit(link_sum)(chain) == 6
    a, b = Link(1), Link(2)
    assert sharpjit.jit(relink)(a, b) is a and a.next is b
    assert _sharpjit._live_allocations() == before


def total_x(ps):
    return sum(p.x for p in ps)


def test_list_of_instances_and_lists_inside_instances():
    ps = [Particle(1.0, 0.0), Particle(2.5, 0.0)]
    assert sharpjit.jit(total_x)(ps) == total_x(ps)


class Bag:
    def __init__(self):
        self.items = [1]

    def add(self, x):
        self.items.append(x)


def fill(bag, n):
    for k in range(n):
        bag.add(k)
    return len(bag.items)


def test_list_attribute_changes_are_written_back_in_place():
    bag = Bag()
    items = bag.items
    assert sharpjit.jit(fill)(bag, 3) == 4
    assert bag.items is items and items == [1, 0, 1, 2]


def test_reading_an_attribute_the_object_lacks_raises_attribute_error():
    @sharpjit.jit
    def read(lazy):
        return lazy.data

    with pytest.raises(AttributeError, match="'Lazy' object has no attribute 'data'"):
        read(Lazy())


def test_instance_of_a_class_without_source_is_a_type_error():
    ns = {"__name__": "generated"}
    exec("class Hidden:\n    def __init__(self):\n        self.x = 1\n", ns)

    @sharpjit.jit
    def read(h):
        return h.x

    with pytest.raises(TypeError, match="Hidden.*source is not available"):
        read(ns["Hidden"]())


def test_jitclass_decorator_is_accepted_and_keeps_the_class_usable_in_python():
    @sharpjit.jitclass
    class Counter:
        def __init__(self):
            self.n = 0

        def add(self, k):
            self.n += k
            return self.n

    c = Counter()
    assert c.add(3) == 3   # plain Python


class Described:
    def __init__(self, n):
        self.n = n


def test_class_in_an_unchanged_file_compiles_once_per_signature():
    @sharpjit.jit
    def twice(n):
        return Described(n).n * 2

    assert twice(4) == 8 and twice(5) == 10
    assert len(twice.signatures) == 1


class Declared:
    x: float
    n: "int64"

    def __init__(self, x, n):
        self.x = x
        self.n = n


def test_annotations_declare_attribute_types_and_assignments_convert():
    @sharpjit.jit
    def make(x, n):
        return Declared(x, n)

    d = make(1, 2)   # an int stored in a float attribute is a float, as in Numba's jitclass
    assert type(d.x) is float and d.x == 1.0 and d.n == 2


@sharpjit.jitclass([("count", "int64"), ("total", "float64")])
class Tally:
    def __init__(self):
        self.count = 0
        self.total = 0

    def add(self, x):
        self.count += 1
        self.total += x


def test_jitclass_spec_declares_attribute_types():
    @sharpjit.jit
    def tally(n):
        t = Tally()
        for k in range(n):
            t.add(k)
        return t.count, t.total

    assert tally(4) == (4, 6.0)
    assert type(tally(4)[1]) is float


class Strict:
    x: float

    def __init__(self):
        self.x = "text"


def test_assigning_another_type_to_a_declared_attribute_is_a_typing_error():
    @sharpjit.jit
    def make():
        return Strict()

    with pytest.raises(sharpjit.errors.TypingError, match="attribute 'x' of 'Strict' objects is declared float and assigned a str here"):
        make()


class Link:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


def test_linked_instances_return_as_linked_objects_and_nothing_leaks():
    from sharpjit import _sharpjit

    @sharpjit.jit
    def build(n):
        head = None
        for k in range(n):
            head = Link(k, head)
        return head

    before = _sharpjit._live_allocations()
    head = build(3)
    assert (head.value, head.next.value, head.next.next.value, head.next.next.next) == (2, 1, 0, None)
    assert build(0) is None
    assert _sharpjit._live_allocations() == before


class Account:
    FEE = 1.0

    def __init__(self, owner):
        self.owner = owner
        self.balance = 0.0

    def deposit(self, amount):
        self.balance += amount - self.FEE
        return self


class Savings(Account):
    FEE = 0.0

    def __init__(self, owner, rate):
        super().__init__(owner)
        self.rate = rate

    def deposit(self, amount):
        return super().deposit(amount * (1.0 + self.rate))


def grow(n):
    s = Savings("ann", 0.5)
    a = Account("bob")
    for _ in range(n):
        s.deposit(2.0)
        a.deposit(2.0)
    return s, a.balance, isinstance(s, Account), isinstance(a, Savings)


def test_derived_classes_compile_through_jit_with_their_base_found_by_name():
    s, balance, derived, base = sharpjit.jit(grow)(3)
    expected = grow(3)
    assert (type(s), s.__dict__, balance, derived, base) == (Savings, expected[0].__dict__, *expected[1:])


def test_a_class_reads_as_one_class_in_every_function():
    @sharpjit.jit
    def make():
        return Savings("cy", 0.1)

    @sharpjit.jit
    def check():
        return isinstance(make(), Account)   # Savings' base, read by make's module and by check's, is one class

    assert check() is True


class Holder:
    def __init__(self, v):
        self.v = v


def test_an_attribute_compiled_code_cannot_take_is_named_in_the_type_error():
    @sharpjit.jit
    def get(h):
        return h.v

    with pytest.raises(TypeError, match="argument 'h' is a Holder object holding a value of type object in an attribute"):
        get(Holder(object()))
    with pytest.raises(TypeError, match="expected a Holder instance .*not object"):
        get(Holder(Holder(object())))   # the inner one's attribute is typed by the outer one's: a Holder


def test_lists_of_instances_in_and_out_leave_nothing_allocated():
    from sharpjit import _sharpjit

    @sharpjit.jit
    def make(n):
        return [Labelled(k) for k in range(n)]

    make(1)
    ps = [Particle(float(k), 0.0) for k in range(1000)]
    sharpjit.jit(total_x)(ps[:2])
    before = _sharpjit._live_allocations()
    assert sharpjit.jit(total_x)(ps) == total_x(ps)
    assert [p.label for p in make(50)] == list(range(50))
    assert _sharpjit._live_allocations() == before
