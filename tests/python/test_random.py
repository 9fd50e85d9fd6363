"""np.random and random in compiled code: their own generators, one pair per thread (as Numba's), drawing the numbers
NumPy's legacy RandomState and CPython's random module draw after the same seed. (The sequences themselves are
checked by the differential programs tests/arrays/random_legacy.py and tests/programs/random_module.py.)"""
import random
import threading

import numpy as np

import sharpjit


@sharpjit.jit
def seeded_uniforms(seed, n):
    np.random.seed(seed)
    return np.random.random(n)


@sharpjit.jit
def next_uniform():
    return np.random.random()


@sharpjit.jit
def next_python_random():
    return random.random()


@sharpjit.jit(nogil=True)
def seeded_walk(seed, n):
    np.random.seed(seed)
    x = 0.0
    for i in range(n):
        x += np.random.randn() + np.random.random() + np.random.randint(0, 10)
    return x


def numpy_walk(seed, n):
    state = np.random.RandomState(seed)
    x = 0.0
    for i in range(n):
        x += state.randn() + state.random_sample() + state.randint(0, 10)
    return x


def test_compiled_seeding_gives_numpys_legacy_sequence():
    assert np.array_equal(seeded_uniforms(123, 1000), np.random.RandomState(123).random_sample(1000))


def test_the_hosts_generators_are_separate_from_compiled_codes():
    seeded_uniforms(5, 3)
    np.random.seed(5)
    random.seed(5)
    # seeding NumPy and CPython from Python moves neither compiled generator
    assert next_uniform() == np.random.RandomState(5).random_sample(4)[3]
    assert next_python_random() != random.Random(5).random()   # compiled random is unseeded here: entropy
    # and drawing in compiled code leaves NumPy's generator where it was
    np.random.seed(9)
    next_uniform()
    assert np.random.random() == np.random.RandomState(9).random_sample()


def test_each_thread_has_its_own_generator():
    # eight threads seed and draw at once (the GIL released): each gets exactly the sequential sequence
    n = 20000
    expected = [numpy_walk(seed, n) for seed in range(8)]
    results = [None] * 8
    barrier = threading.Barrier(8)

    def run(i):
        barrier.wait()
        results[i] = seeded_walk(i, n)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == expected


def test_an_unseeded_generator_starts_from_entropy():
    # a new thread's generator is seeded from the operating system: two threads draw different numbers
    draws = []

    def run():
        draws.append(next_uniform())

    for _ in range(2):
        t = threading.Thread(target=run)
        t.start()
        t.join()
    assert draws[0] != draws[1]
