"""C functions that compiled code calls with their address baked into the call (no lookup, no argument packing).

    cbrt = sharpjit.extern("libm.so.6", "cbrt", "float64(float64)")

    @sharpjit.jit
    def total(n):
        return sum(cbrt(i) for i in range(n))

cbrt(8.0) also works from Python (through ctypes). ctypes function pointers with argtypes and restype set, and
ctypes.CFUNCTYPE callbacks of Python functions, work the same way when a compiled function reads them from its
globals or closure, and so do cffi function pointers (library functions of ffi.dlopen and ffi.callback
objects). The same declaration works in scripts run by `sharpjit run` (no CPython there).

    @sharpjit.callback("float64(float64, int64)")
    def scale(x, k):                       # a plain Python function compiled code calls through the C-API
        return x * k
"""
import ctypes
import sys

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


class PythonCallback:
    """A Python callable declared with a C signature: compiled code calls it through a wrapper it emits around the
    CPython C-API (take the GIL, box the arguments, call, unbox the result, release the GIL), the callable's address
    baked in. A Python exception inside it propagates through the compiled frames as that same exception object."""

    def __init__(self, function, signature):
        ret, args = _split(signature)
        for t in [ret] + args:
            if t.strip().startswith("CPointer("):
                raise TypeError(f"invalid callback signature {signature!r}: pointers cannot be passed to Python")
            _ctype(t)   # an unknown type name is a TypeError now, not at the first compilation
        self.function, self.signature = function, signature
        self.__name__ = getattr(function, "__name__", "callback")
        self.__doc__ = getattr(function, "__doc__", None)
        self.__wrapped__ = function

    def __call__(self, *args, **kwargs):
        return self.function(*args, **kwargs)

    def __repr__(self):
        return f"<sharpjit.callback {self.__name__}: {self.signature}>"


def callback(signature):
    """@sharpjit.callback("float64(float64, int64)"): lets compiled code call a plain Python function with that C
    signature (scalar types, void results)."""
    if callable(signature):
        raise TypeError("@sharpjit.callback needs a signature: @sharpjit.callback(\"float64(float64)\")")

    def wrap(function):
        if not callable(function):
            raise TypeError(f"@sharpjit.callback decorates a callable, not {type(function).__name__}")
        return PythonCallback(function, signature)
    return wrap


class objmode:
    """with sharpjit.objmode(y="float64", label="str"): inside a @jit function, the block runs as Python (the
    variables it reads passed in, arrays without a copy) and the declared variables come back with those types.
    Run by CPython itself (the function not compiled), it does nothing."""

    def __init__(self, **types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# cffi's C types by name (ints by their C name; sizes as on Linux x86-64 and AArch64).
_CFFI_NAMES = {
    "double": "float64", "float": "float32", "_Bool": "bool", "bool": "bool",
    "int8_t": "int8", "int16_t": "int16", "int32_t": "int32", "int64_t": "int64",
    "uint8_t": "uint8", "uint16_t": "uint16", "uint32_t": "uint32", "uint64_t": "uint64",
    "char": "int8", "signed char": "int8", "unsigned char": "uint8", "short": "int16", "unsigned short": "uint16",
    "int": "int32", "unsigned int": "uint32", "long": "int64", "unsigned long": "uint64",
    "long long": "int64", "unsigned long long": "uint64", "size_t": "uint64", "ssize_t": "int64",
    "intptr_t": "int64", "uintptr_t": "uint64", "ptrdiff_t": "int64", "void": "void",
}


def _cffi_function(value):
    """(name, signature, address) of a cffi function pointer or library function, or ("opaque", why); None when value
    is not cffi data."""
    backend = sys.modules.get("_cffi_backend")
    if backend is None or not isinstance(value, backend._CDataBase):
        return None
    ctype = backend.typeof(value)
    function = ctype.item if ctype.kind == "pointer" and ctype.item.kind == "function" else ctype
    if function.kind != "function":
        return ("opaque", f"cffi data of type '{ctype.cname}', which is not a function")
    if function.ellipsis:
        return ("opaque", f"the cffi function of type '{function.cname}', whose variadic arguments compiled code cannot pass")
    names = []
    for t in (function.result,) + tuple(function.args):
        if names and t.kind == "pointer" and t.item.cname in _CFFI_NAMES and t.item.cname != "void":
            names.append(f"CPointer({_CFFI_NAMES[t.item.cname]})")   # compiled code passes an array's data
        elif t.cname not in _CFFI_NAMES or (names and t.cname == "void"):
            return ("opaque", f"the cffi function of type '{function.cname}' with the C type {t.cname}, which compiled code "
                              f"does not pass (it passes integers, floats, bool and pointers to them as arrays)")
        else:
            names.append(_CFFI_NAMES[t.cname])
    address = int(backend.cast(backend.new_primitive_type("uintptr_t"), value))
    return (f"{names[0]}({', '.join(names[1:])})", address)


def describe(value):
    """How compiled code sees an ExternFunction or a ctypes function pointer: ("extern", name, signature, address,
    symbol or ""), or ("opaque", why) when its C types are not known."""
    if isinstance(value, ExternFunction):
        return ("extern", value.symbol, value.signature, value.address, value.symbol)
    if isinstance(value, PythonCallback):
        return ("callback", value.__name__, value.signature, value.function)
    cffi = _cffi_function(value)
    if cffi is not None:
        if cffi[0] == "opaque":
            return cffi
        return ("extern", "", cffi[0], cffi[1], "")   # named by the variable compiled code reads it from
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
        elif names and isinstance(t, type) and issubclass(t, ctypes._Pointer) and t._type_ in _SIGNATURE_NAMES:
            names.append(f"CPointer({_SIGNATURE_NAMES[t._type_]})")   # compiled code passes an array's data
        else:
            return ("opaque", f"the ctypes function '{name}' with the C type {getattr(t, '__name__', t)}, which compiled "
                              f"code does not pass (it passes integers, floats, bool and pointers to them as arrays)")
    address = ctypes.cast(value, ctypes.c_void_p).value
    # A function from a library keeps its symbol (exported code can link against it); a callback has none.
    symbol = name if getattr(value, "_objects", None) is None and hasattr(value, "__name__") else ""
    return ("extern", name, f"{names[0]}({', '.join(names[1:])})", address, symbol)
