"""What the native core asks of Python: the value of a global, the type of an unfamiliar argument, raising.

Called from _sharpjit; kept small and free of heavy imports (numpy is consulted only if already imported).
"""
import builtins
import math
import operator
import cmath
import sys
import types

from . import errors, _sharpjit

_SUPPORTED_MODULES = ("math", "cmath", "random", "numpy", "numpy.linalg", "numpy.random", "operator")


def _compiler_identity():
    """This build of the compiler, for cache keys: the package version and the native library's size and mtime."""
    import os
    from . import __version__, _sharpjit
    st = os.stat(_sharpjit.__file__)
    identity = f"{__version__}:{st.st_size}:{st.st_mtime_ns}"
    library = os.environ.get("SHARPJIT_LIBRARY_DIR")
    if library and os.path.isdir(library):  # library files read from there (development): their edits count too
        identity += ":" + ",".join(f"{e.name}={e.stat().st_mtime_ns}" for e in sorted(os.scandir(library), key=lambda e: e.name))
    return identity


COMPILER_IDENTITY = _compiler_identity()


def _is_constant(v):
    if v is None or type(v) in (bool, int, float, complex):
        return True
    return type(v) is tuple and all(_is_constant(x) for x in v)


def _member_name(module_name, v):
    """v's name when it is that attribute of the module (if the module is imported)."""
    module = sys.modules.get(module_name)
    name = getattr(v, "__name__", None)
    if module is None or name is None:
        return None
    return name if getattr(module, name, None) is v else None


def _numpy_member_name(v):
    np = sys.modules.get("numpy")
    if np is None:
        return None
    name = getattr(v, "__name__", None)
    if name is not None and getattr(np, name, None) is v:
        return name
    return None


# NumPy's scalar types narrower than Python's numbers: compiled code keeps them (float16 and longdouble it lacks).
_NARROW_SCALARS = _sharpjit.dtypes[4:]


def classify(value):
    """How compiled code sees a value from the function's globals or closure (frozen at compile time)."""
    from ._dispatcher import Dispatcher
    if isinstance(value, Dispatcher):
        return ("jit", value)
    if (ufunc := _compiled_ufunc(value)) is not None:
        return ufunc
    if _is_constant(value):
        return ("const", value)
    if value is range:   # sharpjit.prange (or range under another name)
        return ("member", "sharpjit", "prange")
    from .cfunc import carray, farray
    if value is carray or value is farray:   # Numba's pointer views
        return ("member", "sharpjit", value.__name__)
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.generic) and value.dtype.kind in "biufc":
        if value.dtype.name in _NARROW_SCALARS:
            return ("const", value.item(), value.dtype.name)  # keeps its NumPy type in compiled code
        return ("const", value.item())
    if isinstance(value, type) and issubclass(value, tuple) and isinstance(getattr(value, "_fields", None), tuple):
        # A namedtuple class: compiled code makes its values (constant defaults included) and returns them as it.
        defaults = getattr(value, "_field_defaults", {})
        if not all(_is_constant(defaults[f]) for f in defaults):
            return ("opaque", f"the namedtuple class '{value.__name__}' with defaults other than numbers, str and None")
        return ("namedtuple", _qualified_name(value), value.__name__, value._fields,
                tuple(defaults[f] for f in value._fields if f in defaults))
    if isinstance(value, type) and issubclass(value, BaseException):
        # An exception class: its method resolution order by qualified name (compiled code raises and matches it).
        return ("exception",) + tuple(_qualified_name(c) for c in value.__mro__ if c is not object)
    if _is_plain_class(value):
        return _plain_class(value)
    if isinstance(value, types.ModuleType):
        if value.__name__ in _SUPPORTED_MODULES:
            return ("module", value.__name__)
        return ("pymodule", value, value.__name__)  # its attributes are classified as compiled code reads them
    for module in (math, cmath, operator):
        name = getattr(value, "__name__", None)
        if name is not None and getattr(module, name, None) is value:
            return ("member", module.__name__, name)
    name = _numpy_member_name(value)
    if name is not None:
        return ("member", "numpy", name)
    for module_name in ("numpy.linalg", "numpy.random", "random"):
        name = _member_name(module_name, value)
        if name is not None:
            return ("member", module_name, name)
    bitcode = sys.modules.get("sharpjit.bitcode")   # a library of C from bitcode (imported with sharpjit)
    if bitcode is not None and (described := bitcode.describe(value)) is not None:
        return described
    if _is_c_function(value):
        from .extern import describe
        return describe(value)
    if isinstance(value, types.FunctionType):
        return ("opaque", f"the plain Python function '{value.__name__}' (decorate it with @sharpjit.jit to call it from compiled code)")
    if isinstance(value, tuple):
        return ("opaque", "a tuple holding values other than numbers, None and tuples")
    return ("opaque", f"a {type(value).__name__} object")


def _compiled_ufunc(value):
    """A sharpjit ufunc as compiled code sees it: ("jit", dispatcher) for a @vectorize function (compiled code reads the
    decorator and its signatures from the definition), ("opaque", why) for others; None for any other value."""
    from .vectorize import GUFunc, UFunc, _decorated_in_source
    if isinstance(value, GUFunc):
        return ("opaque", f"the generalized ufunc '{value.__name__}' (compiled code does not call @guvectorize functions "
                          "yet: call it from Python, or make its loop a @jit function)")
    if not isinstance(value, UFunc):
        return None
    if not _decorated_in_source(value.py_func):
        return ("opaque", f"the ufunc '{value.__name__}' made by calling vectorize(...) on a function (decorate its "
                          "definition with @sharpjit.vectorize to call it from compiled code)")
    return ("jit", value._dispatcher)


def python_number_dtype(value):
    """The dtype compiled code gives a Python number (bool, int, float, complex), else None."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int64"
    if isinstance(value, float):
        return "float64"
    if isinstance(value, complex):
        return "complex128"
    return None


def _is_plain_class(value):
    """A class compiled code compiles: no metaclass, and no base but object or one such class."""
    while isinstance(value, type) and type(value) is type and len(value.__bases__) == 1 and value.__module__ != "builtins":
        if value.__bases__ == (object,):
            return True
        value = value.__bases__[0]
    return False


def _plain_class(cls):
    """A plain class: compiled from its source, its methods (and its base, by name) read from the globals of its module."""
    import inspect
    import linecache
    try:
        file = inspect.getsourcefile(cls)
        first = inspect.getsourcelines(cls)[1]
    except (OSError, TypeError):
        return ("opaque", f"the class '{cls.__name__}', whose source is not available")
    module = sys.modules.get(cls.__module__)
    text = "".join(linecache.getlines(file, getattr(module, "__dict__", None)))
    if not text or module is None:
        return ("opaque", f"the class '{cls.__name__}', whose source is not available")
    return ("class", cls.__name__, _qualified_name(cls), file, first, module, text)


def _is_c_function(value):
    """A sharpjit.extern or sharpjit.callback declaration, a ctypes function pointer (a library's function or a
    CFUNCTYPE callback), or cffi data (a function pointer, or not a function: describe says so)."""
    from .extern import ExternFunction, PythonCallback
    if isinstance(value, (ExternFunction, PythonCallback)):
        return True
    ctypes = sys.modules.get("ctypes")
    backend = sys.modules.get("_cffi_backend")
    return (ctypes is not None and isinstance(value, ctypes._CFuncPtr)) or (backend is not None and isinstance(value, backend._CDataBase))


def resolve(dispatcher, name):
    """The description of a name the function reads, or None to let the compiler's builtins answer."""
    fn = dispatcher.py_func
    code = fn.__code__
    if fn.__closure__ and name in code.co_freevars:
        cell = fn.__closure__[code.co_freevars.index(name)]
        try:
            return classify(cell.cell_contents)
        except ValueError:
            return ("opaque", "a closure variable that is not assigned yet")
    g = fn.__globals__
    if name in g:
        return classify(g[name])
    return None


def resolve_attr(module, name):
    """The description of module.name (a module the function reads from), or None when it has no such attribute."""
    try:
        return classify(getattr(module, name))
    except AttributeError:
        return None


_ARRAY_DTYPES = frozenset(_sharpjit.dtypes)


def typeof(dispatcher, value, position, argument=None):
    """The compiler's type name for a value the native fast path does not know: an argument, or the item of a list,
    set or dict argument that decides its type (a NumPy array in a list); for an item of a type compiled code cannot
    take, the TypeError is about the argument."""
    if argument is not None and argument is not value and type(argument) in (list, set, frozenset, dict):
        try:
            return _typeof(dispatcher, value, position)
        except TypeError:
            value = argument
    elif argument is not None and argument is not value and _is_plain_class(type(argument)):
        try:
            return _typeof(dispatcher, value, position)   # an attribute of an instance passed in
        except TypeError:
            raise TypeError(f"{dispatcher.__name__}() argument {argument_name(dispatcher, position)} is a {type(argument).__name__} object holding a "
                            f"value of type {type(value).__name__} in an attribute, which compiled code cannot take") from None
    return _typeof(dispatcher, value, position)


def as_array(value):
    """An argument that is an array by another name, as an ndarray sharing its memory (no copy): an object with NumPy's
    array interface or with the buffer protocol (memoryview, bytearray, bytes, array.array, ...). None for others."""
    if isinstance(value, (str, tuple, list, dict, set, frozenset)) or value is None:
        return None
    np = sys.modules.get("numpy")
    if np is None or isinstance(value, (np.ndarray, np.generic)):
        return None
    if hasattr(value, "__array_interface__") or hasattr(value, "__array_struct__"):
        return np.asarray(value)
    ctypes = sys.modules.get("ctypes")
    if ctypes is not None and isinstance(value, (ctypes._SimpleCData, ctypes._Pointer)) or _is_c_function(value):
        return None   # ctypes scalars, pointers and functions are buffers too, but not arrays (ctypes arrays are)
    try:
        view = memoryview(value)
    except TypeError:
        return None
    try:
        return np.asarray(view)
    except (NotImplementedError, ValueError, TypeError):
        return None   # a buffer format NumPy cannot represent: not an array


def argument_name(dispatcher, position):
    """How an error names an argument: by its parameter's name, else by its position from 1."""
    params = dispatcher._param_names
    return f"'{params[position]}'" if position < len(params) else f"{position + 1}"


def _typeof(dispatcher, value, position):
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.generic):
        name = value.dtype.name
        if name in _ARRAY_DTYPES:
            return name
    if (number := python_number_dtype(value)) is not None:
        return number
    params = dispatcher._param_names
    where = argument_name(dispatcher, position)
    if np is not None and isinstance(value, np.ndarray):
        dtype = value.dtype
        if dtype.name not in _ARRAY_DTYPES:
            raise TypeError(f"{dispatcher.__name__}() argument {where} is an array of dtype {dtype}, which compiled code cannot take "
                            f"(arrays of bool, int8..int64, uint8..uint64, float32, float64, complex64 and complex128 are supported)")
        if not dtype.isnative:
            raise TypeError(f"{dispatcher.__name__}() argument {where} is an array in non-native byte order ('{dtype.str}'); "
                            f"convert it with a.astype(a.dtype.newbyteorder('='))")
        if not value.flags.aligned:
            raise TypeError(f"{dispatcher.__name__}() argument {where} is an unaligned array; pass a copy (a.copy())")
        if value.ndim > 32:
            raise TypeError(f"{dispatcher.__name__}() argument {where} has {value.ndim} dimensions; compiled code takes at most 32")
        return "ndarray"
    if isinstance(value, tuple) and isinstance(getattr(type(value), "_fields", None), tuple):
        return "namedtuple"
    if static_callable(value) is not None:
        return "callable"
    if isinstance(value, types.FunctionType):
        raise TypeError(f"{dispatcher.__name__}() argument {where} is the plain Python function '{value.__name__}': compiled "
                        f"code takes functions decorated with @sharpjit.jit (and builtins, math, cmath, operator and NumPy "
                        f"functions); decorate it")
    if _is_c_function(value):
        from .extern import describe
        d = describe(value)
        if d[0] != "extern":
            raise TypeError(f"{dispatcher.__name__}() argument {where} is {d[1] if d[0] == 'opaque' else 'a Python callback'}: "
                            f"compiled code cannot take it as an argument" +
                            (" (read it from a global instead)" if d[0] == "callback" else ""))
        return "cfuncptr"
    if _is_plain_class(type(value)) and hasattr(value, "__dict__") and not type(value).__module__.startswith("sharpjit"):
        return "instance"
    if isinstance(value, tuple) and type(value) is not tuple:
        raise TypeError(f"{dispatcher.__name__}() argument {where} is a {type(value).__name__} (a tuple subclass), which compiled "
                        f"code cannot take; pass tuple({params[position] if position < len(params) else 'value'})")
    if isinstance(value, tuple):
        raise TypeError(f"{dispatcher.__name__}() argument {where} is a tuple too long or too deeply nested for compiled code "
                        f"(at most 255 items per tuple)")
    if type(value) is dict:
        if not value:
            raise TypeError(f"{dispatcher.__name__}() argument {where} is an empty dict: compiled code cannot tell the types of "
                            f"its keys and values; pass a dict with items")
        k, v = next(iter(value.items()))
        raise TypeError(f"{dispatcher.__name__}() argument {where} is a dict of {type(k).__name__} to {type(v).__name__}, which "
                        f"compiled code cannot take (keys of numbers, str and tuples of them; values of numbers, str and tuples)")
    if type(value).__module__ == "sharpjit.typed" and type(value).__name__ == "List":
        raise TypeError(f"{dispatcher.__name__}() argument {where} is an empty typed.List with no item type: compiled code "
                        f"cannot tell the type of its items; make it with typed.List(item_type=float) or add an item")
    if type(value) in (set, frozenset, list) and not value:
        raise TypeError(f"{dispatcher.__name__}() argument {where} is an empty {type(value).__name__}: compiled code cannot tell "
                        f"the type of its items; pass a {type(value).__name__} with items" + (", or a NumPy array" if type(value) is list else ""))
    if type(value) in (set, frozenset):
        raise TypeError(f"{dispatcher.__name__}() argument {where} is a {type(value).__name__} of {type(next(iter(value))).__name__}, which compiled "
                        f"code cannot take (sets of numbers, str and tuples of them are supported)")
    if type(value) is list:
        inner = value[0]
        while type(inner) is list and inner:
            inner = inner[0]
        if type(inner) is list:
            raise TypeError(f"{dispatcher.__name__}() argument {where} is a list whose first item holds an empty list: compiled "
                            f"code cannot tell the type of its items")
        raise TypeError(f"{dispatcher.__name__}() argument {where} is a list of {type(value[0]).__name__}, which compiled code "
                        f"cannot take (lists of numbers, str, lists and tuples of them are supported)")
    raise TypeError(
        f"{dispatcher.__name__}() argument {where} has type {type(value).__name__}, which compiled code cannot take "
        f"(it takes int, float, bool, complex, str, None, NumPy scalars and arrays, objects with the buffer protocol or "
        f"__array_interface__, and lists, tuples, dicts and sets of them)")


def static_callable(value):
    """How compiled code calls a function passed as an argument, known by its identity: ("jit", dispatcher),
    ("member", module, name) for math, cmath, operator and NumPy functions, ("builtin", name); None for others."""
    from ._dispatcher import Dispatcher
    if isinstance(value, Dispatcher):
        return ("jit", value)
    if (ufunc := _compiled_ufunc(value)) is not None:
        return ufunc if ufunc[0] == "jit" else None
    if not callable(value):
        return None
    name = getattr(value, "__name__", None)
    if isinstance(name, str) and getattr(builtins, name, None) is value:
        return ("builtin", name)
    d = classify(value)
    return d if d[0] == "member" else None


def numpy_scalar_type(name):
    """numpy.NAME: compiled code returns its narrow scalar types as NumPy scalars (numpy is loaded: an argument was one)."""
    import numpy
    return getattr(numpy, name)


# Exception classes by name (builtins only; anything else becomes RuntimeError).
_CLASSES = {}


def _qualified_name(cls):
    """How compiled code names a class: built-in ones by name, others as module.qualname (as tracebacks show them)."""
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def _user_class(type_name):
    """A class defined in Python, by its qualified name (module.Outer.Inner): the longest module prefix, then
    attributes."""
    parts = type_name.split(".")
    for k in range(len(parts) - 1, 0, -1):
        module = sys.modules.get(".".join(parts[:k]))
        if module is None:
            continue
        obj = module
        for attr in parts[k:]:
            obj = getattr(obj, attr, None)
        return obj
    return None


def _exception_class(type_name):
    cls = getattr(builtins, type_name, None) if "." not in type_name else _user_class(type_name)
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        cls = RuntimeError
    _CLASSES[type_name] = cls
    return cls


def exception_class(type_name):
    """The exception class of a name compiled code raises: built-in, or defined in Python (module.qualname);
    RuntimeError for anything else."""
    return _CLASSES.get(type_name) or _exception_class(type_name)


def function_pointer(value):
    """(C signature, address) of a ctypes or cffi function pointer passed as an argument, or None."""
    from .extern import describe
    if not _is_c_function(value):
        return None
    d = describe(value)
    return (d[2], d[3]) if d[0] == "extern" else None


def objmode_block(dispatcher, first, last, inputs, outputs):
    """The Python function that runs lines first..last (a `with sharpjit.objmode(...)` block's body) of a @jit
    function: its inputs as parameters, its outputs returned as a tuple, compiled at the block's own lines of the
    file (so tracebacks point there) and run in the function's globals."""
    import linecache
    fn = dispatcher.py_func
    filename = fn.__code__.co_filename
    lines = [linecache.getline(filename, n) for n in range(first, last + 1)]
    body = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    indent = lines[0][:len(lines[0]) - len(lines[0].lstrip())]
    source = ("\n" * (first - 2) + f"def __sharpjit_objmode__({', '.join(inputs)}):\n" + body +
              f"{indent}return ({''.join(name + ', ' for name in outputs)})\n")
    namespace = {}
    exec(compile(source, filename, "exec"), {"__builtins__": builtins}, namespace)
    code = namespace["__sharpjit_objmode__"].__code__.replace(co_name=f"{fn.__name__}")
    return types.FunctionType(code, fn.__globals__, fn.__name__)


def host_exception(exc):
    """How compiled code sees an exception a Python callback raised: (its class's MRO by qualified name, its message)."""
    mro = tuple(_qualified_name(c) for c in type(exc).__mro__ if c is not object)
    return mro, _exception_message(exc)


def _exception_message(exc):
    """An exception's arguments as compiled code keeps them (Runtime.ExceptionArgument): None without any, a str
    argument as itself, another as its repr behind \\x01, several behind \\x02 each with its length in front; a
    class with its own __str__ keeps that text."""
    if type(exc).__str__ not in (BaseException.__str__, KeyError.__str__):
        return str(exc)
    if not exc.args:
        return None
    items = [a if type(a) is str else "\x01" + repr(a) for a in exc.args]
    if len(items) == 1:
        return items[0]
    return "\x02" + "".join(f"{len(i.encode('utf-16-le', 'surrogatepass')) // 2}:{i}" for i in items)   # .NET's lengths


def namedtuple_info(value):
    """A namedtuple argument's class: (module.qualname, name, fields)."""
    cls = type(value)
    return (_qualified_name(cls), cls.__name__, tuple(cls._fields))


def make_namedtuple(type_name, items):
    """A namedtuple compiled code returns: its class (found by module and qualified name) made from the items."""
    cls = _user_class(type_name)
    return cls._make(items) if cls is not None else items


def make_instance(qualified, attributes):
    """An instance of a compiled class that compiled code returns: made without running __init__, with the
    attributes compiled code assigned ((name, value) pairs)."""
    cls = _user_class(qualified)
    if cls is None:
        raise TypeError(f"compiled code returned an instance of {qualified}, which Python cannot find")
    obj = object.__new__(cls)
    for name, value in attributes:
        setattr(obj, name, value)
    return obj


def literal(text):
    """The value of an exception's argument from its repr (an int or tuple key of a KeyError); else the text."""
    import ast
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text


def site_frame(file, line, func):
    """A finished frame reporting file, line and function: the native core keeps one per raise site and adds a
    traceback entry for it to each exception raised there."""
    return _frame_at(file, line, func)[0]


def raise_compiled(type_name, message, frames):
    """The exception compiled code raised, as its Python class, with a traceback frame per compiled function at
    its source line (frames: (file, line, function), outermost first). Returned, not raised."""
    cls = exception_class(type_name)
    exc = cls() if message is None else cls(message)
    tb = None
    made = {}   # a RecursionError repeats a few frames a thousand times: one frame object each
    for site in reversed(frames):
        frame, lasti = made.get(site) or made.setdefault(site, _frame_at(*site))
        tb = types.TracebackType(tb, frame, lasti, site[1])
    return exc.with_traceback(tb)


def report_cfunc_error(native_name, type_name, message, frames):
    """A cfunc cannot raise into its C caller: print the exception with its compiled frames (as Numba does) to
    sys.stderr; the cfunc then returns NaN (floats) or 0."""
    import traceback
    exc = raise_compiled(type_name, message, frames)
    sys.stderr.write(f"Exception ignored in cfunc {native_name!r} (it returns NaN or 0):\n")
    traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    sys.stderr.flush()


class _Marker(Exception):
    pass


def _frame_at(file, line, func):
    """A (frame, lasti) pair that reports file, line and function name, so tracebacks show that source line.

    The raise is padded to the width of the real line: a caret range covering the whole line is not drawn."""
    import linecache
    text = linecache.getline(file, line).rstrip()
    stripped = text.lstrip()
    body = f"raise (M{' ' * (len(stripped) - 9)})" if len(stripped) >= 9 else "raise M"
    code = compile("\n" * (line - 1) + body, file, "exec").replace(co_name=func)
    try:
        exec(code, {"M": _Marker(), "__name__": "sharpjit.compiled"})
    except _Marker as m:
        tb = m.__traceback__.tb_next
        return tb.tb_frame, tb.tb_lasti
    raise AssertionError("unreachable")


def raise_compile_error(kind, text):
    """The exception for a compile failure (returned for the native caller to set)."""
    if kind == "TypeError":
        return TypeError(text)
    # A multi-line report starts on its own line, under the exception's name.
    return errors.BY_KIND.get(kind, errors.InternalError)("\n" + text if "\n" in text else text)


def cache_warning(text):
    """A cache directory or key that is not safe to use: said once, then the function runs uncached."""
    import warnings
    warnings.warn(text, errors.CacheWarning, stacklevel=2)


def write_stdout(text):
    sys.stdout.write(text)


def flush_stdout():
    sys.stdout.flush()
