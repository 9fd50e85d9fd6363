"""@sharpjit.cfunc: a compiled function with a plain C signature, for C code that takes a function pointer.

    @sharpjit.cfunc("float64(float64)")
    def integrand(x):
        return math.exp(-x * x)

    integrand.address      # the C function pointer, as an int
    integrand.ctypes       # a ctypes function object calling it
    integrand.native_name  # its symbol in the JIT
    scipy.integrate.quad(scipy.LowLevelCallable(integrand.ctypes), 0, 1)

Types: the scalar names of @jit signatures (int64, float64, float32, int32, uint8, bool, ...), void as a return type,
and CPointer(T), a pointer to T read in the function with p[i] (qsort comparators: "int32(CPointer(float64),
CPointer(float64))"). An exception inside a cfunc cannot reach its C caller: it is printed to sys.stderr with its
traceback, and the call returns NaN (float results) or 0 (everything else).
"""
import ctypes   # cheap once NumPy is imported; the table of types is made on first use

from . import _sharpjit
from ._dispatcher import Dispatcher

_NAMES = {
    "bool": "c_bool", "boolean": "c_bool", "b1": "c_bool", "int8": "c_int8", "int16": "c_int16", "int32": "c_int32",
    "intc": "c_int32", "int64": "c_int64", "int": "c_int64", "intp": "c_int64", "uint8": "c_uint8", "uint16": "c_uint16",
    "uint32": "c_uint32", "uint64": "c_uint64", "uintp": "c_uint64", "float32": "c_float", "single": "c_float",
    "float64": "c_double", "double": "c_double", "float": "c_double", "void": None, "none": None, "None": None,
}


def _ctype(name):
    name = name.strip()
    if name.startswith("CPointer(") and name.endswith(")"):
        return ctypes.POINTER(_ctype(name[len("CPointer("):-1]))
    if name not in _NAMES:
        raise TypeError(f"no ctypes type for {name!r}")
    return None if _NAMES[name] is None else getattr(ctypes, _NAMES[name])


def _split(signature):
    head, _, rest = signature.strip().partition("(")
    inner = rest[:-1]
    args, depth, cur = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            args.append(cur)
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    if cur.strip():
        args.append(cur)
    return head, args


class CFunc:
    """A function compiled with a C signature. Calling it from Python goes through ctypes."""

    def __init__(self, py_func, signature, **options):
        import functools
        functools.update_wrapper(self, py_func)
        self.py_func = py_func
        self.signature = signature
        self._dispatcher = Dispatcher(py_func, (), **options)
        self.address, self.native_name, self._wrapper_ir, self._llvm = _sharpjit._cfunc(self._dispatcher, signature)
        ret, args = _split(signature)
        self._ctypes_type = ctypes.CFUNCTYPE(_ctype(ret), *[_ctype(a) for a in args])
        self.ctypes = self._ctypes_type(self.address)

    def __call__(self, *args):
        return self.ctypes(*args)

    def inspect_llvm(self):
        """The optimised LLVM IR of the function with its C wrapper (one module: the function is inlined)."""
        return self._wrapper_ir

    @property
    def _as_parameter_(self):     # lets ctypes pass the cfunc itself where a function pointer is expected
        return ctypes.c_void_p(self.address)

    def __repr__(self):
        return f"<sharpjit.cfunc {self.__qualname__} {self.signature}>"


def cfunc(signature, **options):
    """@cfunc("float64(float64, float64)"): compile now, with a plain C signature (see the module's docstring)."""
    if not isinstance(signature, str):
        raise TypeError("cfunc takes the C signature as a string, e.g. @sharpjit.cfunc(\"float64(float64)\")")

    def decorate(py_func):
        if isinstance(py_func, Dispatcher):
            py_func = py_func.py_func
        return CFunc(py_func, signature, **options)

    return decorate


def carray(ptr, shape, dtype=None):
    """Numba's carray: a C-ordered NumPy array over the memory a ctypes pointer points at (no copy, owning nothing).
    In compiled code it takes a CPointer argument (of a cfunc or extern signature)."""
    import numpy as np
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    array = np.ctypeslib.as_array(ptr, shape)
    if dtype is not None and np.dtype(dtype) != array.dtype:
        raise TypeError(f"mismatching dtype '{np.dtype(dtype)}' for pointer {ptr!r}")
    return array


def farray(ptr, shape, dtype=None):
    """Numba's farray: carray's Fortran-ordered twin (the shape's first axis varies fastest in memory)."""
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    return carray(ptr, shape[::-1], dtype).T
