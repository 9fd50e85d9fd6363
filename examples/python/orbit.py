"""@sharpjit.jit from CPython: the orbit example from the README, checked against plain Python.

Run from the repository root:  scripts/build-python.sh && PYTHONPATH=python /usr/bin/python3 examples/python/orbit.py
"""
import time

import sharpjit


@sharpjit.jit
def orbit(x, y, vx, vy, dt, steps):
    for _ in range(steps):
        r3 = (x * x + y * y) ** 1.5
        vx -= x / r3 * dt
        vy -= y / r3 * dt
        x += vx * dt
        y += vy * dt
    return x, y


t = time.perf_counter()
compiled = orbit(1.0, 0.0, 0.0, 1.0, 1e-3, 1_000_000)
t_compiled = time.perf_counter() - t
t = time.perf_counter()
orbit(1.0, 0.0, 0.0, 1.0, 1e-3, 1_000_000)
t_steady = time.perf_counter() - t
t = time.perf_counter()
plain = orbit.py_func(1.0, 0.0, 0.0, 1.0, 1e-3, 1_000_000)
t_plain = time.perf_counter() - t
print("compiled:", compiled)
print("plain:   ", plain)
print(f"signatures {orbit.signatures}; compile {orbit.compile_times[0] * 1e3:.1f} ms; "
      f"first call {t_compiled * 1e3:.1f} ms, next call {t_steady * 1e3:.1f} ms; CPython {t_plain * 1e3:.0f} ms")
