"""Dispatchers called from several threads: one compile per new signature, correct results, per-thread errors.
(Nothing here is timed: the nogil speed-up is measured elsewhere.)"""
import threading

import pytest

import sharpjit

THREADS = 8


def run_in_threads(target, count):
    """Starts count threads running target(index), joins them, re-raises the first failure."""
    errors = []

    def guarded(index):
        try:
            target(index)
        except BaseException as e:  # reported in the main thread
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
        assert not t.is_alive(), "a thread did not finish"
    if errors:
        raise errors[0]


@pytest.mark.parametrize("nogil", [False, True], ids=["gil", "nogil"])
def test_two_threads_compiling_the_same_new_signature_compile_once(nogil):
    @sharpjit.jit(nogil=nogil)
    def poly(x, y):
        return x * x + 3 * y

    barrier = threading.Barrier(2)
    results = [None, None]

    def call(index):
        barrier.wait()  # both threads miss the signature cache at the same moment
        results[index] = poly(2.5, index)

    run_in_threads(call, 2)
    assert results == [6.25, 9.25]
    assert poly.signatures == [("float64", "int64")]
    assert len(poly.compile_times) == 1


def test_many_threads_compiling_different_signatures():
    @sharpjit.jit
    def ident(x):
        return x

    values = [1, 2.5, True, 1j, (1, 2), None, (1.5, (2, False)), 3]
    barrier = threading.Barrier(len(values))
    results = [None] * len(values)

    def call(index):
        barrier.wait()
        results[index] = ident(values[index])

    run_in_threads(call, len(values))
    assert results == values
    assert sorted(ident.signatures) == sorted({("int64",), ("float64",), ("bool",), ("complex128",), ("Tuple(int64, int64)",),
                                               ("none",), ("Tuple(float64, Tuple(int64, bool))",)})
    assert len(ident.compile_times) == len(ident.signatures) == 7


@pytest.mark.parametrize("nogil", [False, True], ids=["gil", "nogil"])
def test_many_threads_calling_a_compiled_function_get_correct_results(nogil):
    @sharpjit.jit(nogil=nogil)
    def collatz_steps(n):
        steps = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        return steps

    collatz_steps(27)
    expected = {n: collatz_steps.py_func(n) for n in range(1, 400)}
    results = [dict() for _ in range(THREADS)]

    def call(index):
        for n in range(1, 400):
            results[index][n] = collatz_steps(n)

    run_in_threads(call, THREADS)
    assert all(r == expected for r in results)
    assert collatz_steps.signatures == [("int64",)]


@pytest.mark.parametrize("nogil", [False, True], ids=["gil", "nogil"])
def test_exceptions_in_concurrent_threads_stay_in_their_thread(nogil):
    @sharpjit.jit(nogil=nogil)
    def checked_divide(a, b):
        if b == 7:
            raise ValueError(f"seven is not allowed: {a}")
        return a // b

    checked_divide(1, 1)
    outcomes = [[] for _ in range(THREADS)]

    def call(index):
        for k in range(300):
            b = (0, 7, 3)[(index + k) % 3]
            try:
                outcomes[index].append(("ok", checked_divide(index * 1000 + k, b)))
            except (ZeroDivisionError, ValueError) as e:
                outcomes[index].append((type(e).__name__, str(e)))

    run_in_threads(call, THREADS)
    for index in range(THREADS):
        for k, outcome in enumerate(outcomes[index]):
            a, b = index * 1000 + k, (0, 7, 3)[(index + k) % 3]
            if b == 0:
                assert outcome == ("ZeroDivisionError", "integer division or modulo by zero")
            elif b == 7:
                assert outcome == ("ValueError", f"seven is not allowed: {a}")
            else:
                assert outcome == ("ok", a // 3)


def test_threads_calling_functions_that_call_each_other():
    @sharpjit.jit(nogil=True)
    def leaf(x):
        return x * 2.0

    @sharpjit.jit(nogil=True)
    def root(n):
        total = 0.0
        for i in range(n):
            total += leaf(i)
        return total

    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def call(index):
        barrier.wait()
        results[index] = root(100 + index)

    run_in_threads(call, THREADS)
    assert results == [root.py_func(100 + i) for i in range(THREADS)]
    assert root.signatures == [("int64",)]


def _make_kernel(k):
    @sharpjit.jit
    def kernel(x):
        total = 0.0
        for i in range(k + 3):
            total += x ** i / (i + 1)
        return total + k
    return kernel


def test_threads_compiling_different_functions_at_once():
    # Every compile releases the GIL: the compiles of different dispatchers overlap in the shared JIT.
    kernels = [_make_kernel(k) for k in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def call(index):
        barrier.wait()
        results[index] = kernels[index](1.5)

    run_in_threads(call, THREADS)
    assert results == [k.py_func(1.5) for k in kernels]
    assert all(k.signatures == [("float64",)] for k in kernels)


def test_nogil_lets_python_threads_run_meanwhile(make_module):
    # With nogil=True the GIL is released during the compiled call: the main thread keeps running Python code.
    mod = make_module(
        "import sharpjit, math\n"
        "@sharpjit.jit(nogil=True)\n"
        "def busy(n):\n"
        "    s = 0.0\n"
        "    for i in range(n):\n"
        "        s += math.sin(i * 1e-3)\n"
        "    return s\n"
        "@sharpjit.jit\n"
        "def busy_with_gil(n):\n"
        "    s = 0.0\n"
        "    for i in range(n):\n"
        "        s += math.sin(i * 1e-3)\n"
        "    return s\n")
    import threading

    def progress_while(fn):
        fn(10)
        started = threading.Event()
        worker = threading.Thread(target=lambda: (started.set(), fn(30_000_000)))
        count = 0
        worker.start()
        started.wait()
        while worker.is_alive():
            count += 1
        worker.join()
        return count

    assert progress_while(mod.busy) > 1000
    assert mod.busy(1000) == mod.busy.py_func(1000)
