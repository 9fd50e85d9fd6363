"""`@sharpjit.jitclass`: marks a class for compiled code, as Numba's jitclass does.

Any plain class (no base class) that a compiled function uses is compiled from its source, decorated or not: its
attribute types are inferred from what its methods assign to `self.NAME`, so Numba's `spec` is not needed. A spec
given anyway (`@jitclass(spec)`, `@jitclass([("x", float64)])`) is accepted for compatibility and not used.
"""


def jitclass(cls_or_spec=None, spec=None):
    """`@jitclass`, `@jitclass()` or `@jitclass(spec)`: returns the class itself, unchanged for Python."""
    if isinstance(cls_or_spec, type):
        return cls_or_spec
    return lambda cls: cls
