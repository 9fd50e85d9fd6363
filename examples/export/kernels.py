# Exported to C by `sharpjit export` (see the README's "Exporting standalone code"); also plain Python.
import math


def walk(n, seed):
    """Mean distance from the origin of a deterministic 2-D random walk of n steps."""
    x = y = 0.0
    total = 0.0
    state = seed
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**63
        angle = (state >> 11) / 2**52 * 2 * math.pi
        x += math.cos(angle)
        y += math.sin(angle)
        total += math.hypot(x, y)
    return total / n


def safe_log(x):
    if x <= 0:
        raise ValueError(f"safe_log needs a positive number, got {x}")
    return math.log(x)


def report(n, seed):
    d = walk(n, seed)
    print(f"walk of {n:,} steps (seed {seed}): mean distance {d:.4f}, log {safe_log(d):+.3e}")
