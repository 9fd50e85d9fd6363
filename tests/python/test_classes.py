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


def test_instances_as_arguments_are_refused_with_a_clear_error():
    @sharpjit.jit
    def energy(p):
        return p.energy()

    with pytest.raises(TypeError, match="argument 'p' has type Particle"):
        energy(Particle(0.0, 1.0))


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
