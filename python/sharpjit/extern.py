"""C functions that compiled code calls with their address baked into the call (no lookup, no argument packing).

    cbrt = sharpjit.extern("libm.so.6", "cbrt", "float64(float64)")

    @sharpjit.jit
    def total(n):
        return sum(cbrt(i) for i in range(n))

cbrt(8.0) also works from Python (through ctypes). ctypes function pointers with argtypes and restype set, and
ctypes.CFUNCTYPE callbacks of Python functions, work the same way when a compiled function reads them from its
globals or closure. The same declaration works in scripts run by `sharpjit run` (no CPython there).
"""
import ctypes

from .cfunc import _ctype, _split

# ctypes' types by their C meaning (c_long is c_int64 on Linux x86-64, and so on: the classes are the same objects).
_SIGNATURE_NAMES = {
    ctypes.c_double: "float64", ctypes.c_float: "float32", ctypes.c_bool: "bool",
    ctypes.c_int8: "int8", ctypes.c_int16: "int16", ctypes.c_int32: "int32", ctypes.c_int64: "int64",
    ctypes.c_uint8: "uint8", ctypes.c_uint16: "uint16", ctypes.c_uint32: "uint32", ctypes.c_uint64: "uint64",
}


class ExternFunction:
    """A C function from a shared library, with its C signature: callable from compiled code (the address is baked
    into the call) and from Python (through ctypes)."""

    def __init__(self, library, symbol, signature):
        self.library, self.symbol, self.signature = library, symbol, signature
        ret, args = _split(signature)
        try:
            lib = ctypes.CDLL(library)
        except OSError as e:
            raise ValueError(f"cannot load the library {library!r}: {e}") from None
        try:
            fn = getattr(lib, symbol)
        except AttributeError:
            raise ValueError(f"the library {library!r} has no symbol {symbol!r}") from None
        fn.restype = _ctype(ret)
        fn.argtypes = [_ctype(a) for a in args]
        self.ctypes = fn
        self.address = ctypes.cast(fn, ctypes.c_void_p).value
        self.__name__ = symbol

    def __call__(self, *args):
        return self.ctypes(*args)

    def __repr__(self):
        return f"<sharpjit.extern {self.symbol}: {self.signature} from {self.library}>"


def extern(library, symbol, signature):
    """Declares the C function `symbol` of `library` (a path or a soname such as "libm.so.6") with a C signature
    such as "float64(float64, int32)"."""
    return ExternFunction(library, symbol, signature)


def describe(value):
    """How compiled code sees an ExternFunction or a ctypes function pointer: ("extern", name, signature, address,
    symbol or ""), or ("opaque", why) when its C types are not known."""
    if isinstance(value, ExternFunction):
        return ("extern", value.symbol, value.signature, value.address, value.symbol)
    name = getattr(value, "__name__", None) or "callback"
    restype = getattr(value, "restype", None)
    argtypes = getattr(value, "argtypes", None)
    if argtypes is None:
        return ("opaque", f"the ctypes function '{name}' without argtypes (set its argtypes and restype so compiled "
                          f"code knows its C signature)")
    names = []
    for t in [restype] + list(argtypes):
        if t is None and not names:
            names.append("void")
        elif t in _SIGNATURE_NAMES:
            names.append(_SIGNATURE_NAMES[t])
        else:
            return ("opaque", f"the ctypes function '{name}' with the C type {getattr(t, '__name__', t)}, which compiled "
                              f"code does not pass (it passes integers, floats and bool)")
    address = ctypes.cast(value, ctypes.c_void_p).value
    # A function from a library keeps its symbol (exported code can link against it); a callback has none.
    symbol = name if getattr(value, "_objects", None) is None and hasattr(value, "__name__") else ""
    return ("extern", name, f"{names[0]}({', '.join(names[1:])})", address, symbol)
