"""Functions timed by bench/python_boundary.py, decorated with sharpjit.jit or numba.njit by the caller (JIT env var)."""
import math
import os

if os.environ.get("JIT") == "numba":
    from numba import njit as jit
elif os.environ.get("JIT") == "cpython":   # the plain functions, for reference figures
    def jit(f=None, **options):
        return f if f is not None else (lambda g: g)
else:
    from sharpjit import jit

CACHE = os.environ.get("JIT_CACHE") == "1"


@jit(cache=CACHE)
def trivial(a, b):
    return a + b


@jit(cache=CACHE)
def small(x, y):
    # A small function compiled after a first one (the per-function cost once LLVM is warm).
    return x * y + 1.0 if x > y else x - y


@jit(cache=CACHE)
def kernel40(n, dt, damping):
    # A 40-line scalar kernel: damped particles in a box with collisions against the walls.
    x, y, vx, vy = 0.1, 0.2, 1.0, 0.5
    energy = 0.0
    bounces = 0
    for step in range(n):
        ax = -x * 0.5
        ay = -9.81 - y * 0.1
        vx = (vx + ax * dt) * (1.0 - damping * dt)
        vy = (vy + ay * dt) * (1.0 - damping * dt)
        x += vx * dt
        y += vy * dt
        if x < -1.0:
            x = -2.0 - x
            vx = -vx
            bounces += 1
        elif x > 1.0:
            x = 2.0 - x
            vx = -vx
            bounces += 1
        if y < 0.0:
            y = -y
            vy = -vy * 0.9
            bounces += 1
        speed2 = vx * vx + vy * vy
        if speed2 > 100.0:
            scale = 10.0 / math.sqrt(speed2)
            vx *= scale
            vy *= scale
        kinetic = 0.5 * speed2
        potential = 9.81 * y + 0.25 * x * x
        energy += (kinetic + potential) * dt
        if step % 1000 == 999:
            energy *= 0.5
    mean = energy / max(n, 1)
    if bounces > n:
        mean = -mean
    return mean, bounces, (x, y)


@jit(nogil=True, cache=CACHE)
def busy(n):
    s = 0.0
    for i in range(n):
        s += math.sin(i * 1e-3) * math.cos(i * 2e-3)
    return s


@jit(cache=CACHE)
def swap(t):
    # A tuple argument and a tuple result (call overhead with tuples).
    a, b = t
    return b, a


@jit(cache=CACHE)
def checked(x):
    # Raises with a message built at run time; timed as a call that raises, caught in Python.
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x


@jit(cache=CACHE)
def first(a):
    # One NumPy array argument, a number back (call overhead with an array).
    return a[0]


@jit(cache=CACHE)
def same(a):
    # One NumPy array in and the same array back (call overhead of an array result).
    return a


@jit(cache=CACHE)
def compare(a):
    # A new (small) array back: the cost of making and handing over an array, against NumPy's own ufunc call.
    return a > 0.5
